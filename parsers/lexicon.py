"""Word lists the parser needs: organisation names, abbreviations, type codes. Data, not logic."""

import re

from parsers.kinds import TYPE_CODES, kind_of_code
from parsers.patterns import VN_LOWER, VN_UPPER

# A capitalised word, case-sensitive even inside the case-insensitive organisation matcher.
_CAP = rf"(?-i:[{VN_UPPER}][{VN_LOWER}{VN_UPPER}]*)"
# A name word: a capitalised syllable, perhaps with the lower-case syllable of the same word ("Văn hóa").
# An abbreviation is one word, "&" and all ("Phòng GD&ĐT", "Sở NN&PTNT"), and takes no lower-case syllable after it
# ("Phòng GD&ĐT yêu cầu").
_ABBREVIATION = rf"(?-i:[{VN_UPPER}]{{2,}}(?:&[{VN_UPPER}]+)*)(?![{VN_LOWER}])"
# A name's last word may end in one or two lower-case syllables ("Cục Văn hóa Cơ sở", "Cục Di sản văn hóa"):
# taken only before what follows a speaker's name (its ministry in brackets, a tense word, a verb of asking or
# issuing whole), so the first syllable of a verb ("… Hà Nội đề nghị") is never read into the name.
_AFTER_SPEAKER = (r"đã|vừa|mới|cũng|sẽ|đang|có|gửi|giao|đề\s+nghị|yêu\s+cầu|hướng\s+dẫn|ban\s+hành|chỉ\s+đạo|"
                  r"thông\s+báo|tới|đến")
# A name word's lower-case syllable is never the first of a verb of asking, issuing or telling that follows the
# name ("Sở Y tế Hà Nội đề nghị …": the name ends at "Nội"; "Sở Y tế" keeps "tế").
_VERB_START = r"(?:đề\s+nghị|yêu\s+cầu|hướng\s+dẫn|ban\s+hành|chỉ\s+đạo|thông\s+báo|báo\s+cáo|tổ\s+chức|triển\s+khai)\b"
_NAME = rf"(?:{_ABBREVIATION}|{_CAP}(?:\s+(?!{_VERB_START})(?-i:[{VN_LOWER}]+))?)"
# A tense or aspect word is never such a syllable: "Chi cục QLTT Thanh Hóa cũng chỉ đạo …" ends at "Hóa".
_ASPECT = r"(?:đã|vừa|mới|cũng|sẽ|đang|có|được)\b"
_LAST_SYLLABLE = rf"(?:(?:\s+(?!{_ASPECT})(?-i:[{VN_LOWER}]+)){{1,2}}(?=\s*\(|\s+(?:{_AFTER_SPEAKER})\s))"

# A centrally-run city by its abbreviation, dot and all: "Thành ủy TP.HCM", "UBND TP. HCM".
_CITY_ABBR = rf"(?-i:TP)\.\s?(?-i:[{VN_UPPER}]{{2,6}})(?![{VN_LOWER}])"
# The first word of a body's name, as it follows "và" in a list of bodies ("Ban Chỉ đạo … và UBND tỉnh").
_BODY_START = (r"(?:(?-i:Ủy|Uỷ|UBND|HĐND|Sở|Ban|Bộ|Hội|Cục|Chi|Đảng|Tỉnh|Huyện|Thành|Quận|Thị|Mặt|Văn|Trung|Công|"
               r"Viện|Tòa|Toà|Kho|Liên|Đoàn|MTTQ)|(?-i:Phòng)\s+(?-i:[" + VN_UPPER + r"]))\b")

# A unit's level word after a body's type ("… tỉnh", "… thị trấn"); "xã hội" (society) is no commune.
_LEVEL = r"(?:tỉnh|huyện|thành\s+phố|quận|thị\s+xã|xã(?!\s+hội\b)|phường|thị\s+trấn|đặc\s+khu)\b"

# Organisation names of the Party and state apparatus, most specific first (regex fragments on the
# tone-normalised display text, matched case-insensitively).
ORGANISATIONS = (
    r"Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?(?:\s+khóa\s+[IVXLC]+)?",
    r"Bộ\s+Chính\s+trị",
    r"Ban\s+Bí\s+thư(?:\s+Trung\s+ương\s+Đảng)?",
    # A committee named by its task, then by its level: "Ban Chỉ đạo phòng, chống dịch bệnh COVID-19 tỉnh", "Hội
    # đồng nghĩa vụ quân sự xã Ngọc Sơn", "Ban Chỉ huy Quân sự huyện Thạch Hà". A task naming "các" units names
    # the addressees ("Ban Chỉ đạo … các huyện"); the People's Council has its own entry below. The task may join
    # two tasks ("Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh …"); "và" before a body ends it, and
    # "xã hội" (society: "tệ nạn xã hội") is no commune.
    rf"(?:Ban\s+Chỉ\s+đạo|Ban\s+Chỉ\s+huy|Hội\s+đồng(?!\s+nhân\s+dân)|Ban\s+Quản\s+lý)\s+"
    rf"(?:(?!các\s|của\s|tại\s|và\s+{_BODY_START})[^.;:()\n]){{2,80}}?\s"
    rf"(?:tỉnh|huyện|thành\s+phố|quận|thị\s+xã|xã(?!\s+hội\b)|phường|thị\s+trấn)\b(?:\s+{_CAP}){{0,3}}",
    r"Ban\s+Chỉ\s+đạo(?:\s+Trung\s+ương)?(?:\s+về\s+phòng,\s+chống\s+tham\s+nhũng(?:,\s+tiêu\s+cực)?)?",
    # A bloc or agencies' Party committee, named by what it gathers: "Đảng ủy Khối các trường Đại học, Cao đẳng Hà
    # Nội", "Ban Thường vụ Đảng ủy các cơ quan Đảng Trung ương" (the name's words are capitalised or these few).
    # The agencies' committee of one unit names them without "các": "Đảng ủy cơ quan chính quyền Quận 3", "Đảng ủy cơ
    # quan Sở Y tế".
    rf"(?:Ban\s+Thường\s+vụ\s+)?Đảng\s+ủy\s+(?:Khối\s+|(?:(?-i:các)\s+)?(?-i:cơ)\s+quan\s+)"
    rf"(?:(?:,\s*|\s+và\s+|\s*)(?:Trung\s+ương|{_NAME}|(?-i:các|cơ\s+quan|trường|doanh|nghiệp|học|đẳng|tỉnh|thành\s+phố|"
    rf"chính\s+quyền|dân\s+chính)|(?<=Quận\s)\d{{1,2}}\b)){{1,10}}"
    rf"(?:\s+(?-i:huyện|quận|thị\s+xã)(?:\s+{_CAP}){{1,3}})?"  # "… cơ quan chính quyền huyện Kim Sơn"
    # a ward's or commune's bloc names its unit after the bloc ("Đảng ủy các cơ quan Đảng phường …"): that unit's level
    rf"(?:\s+(?-i:xã|phường|thị\s+trấn|đặc\s+khu)\b(?:\s+{_CAP}){{0,3}})?",
    # The standing board of a commune's or ward's Party committee names the unit after "Đảng ủy": "Ban Thường vụ
    # Đảng ủy phường Tĩnh Gia"; the Youth Union's, its committee: "Ban Thường vụ Tỉnh Đoàn".
    # A district's or city's committee names its unit after it ("Ban Thường vụ Thành ủy Hà Nội", "Ban Thường vụ Thị
    # đoàn Long Mỹ"), as the committee alone does below.
    rf"Ban\s+Thường\s+vụ(?:\s+(?:(?:Tỉnh|Huyện|Thành|Thị|Quận)\s+(?:đoàn|ủy)(?:\s+{_CAP}){{0,3}}|Đảng\s+ủy"
    rf"(?:\s+(?:xã|phường|thị\s+trấn|đặc\s+khu)(?:\s+{_CAP}){{0,3}})?))?",
    r"Ban\s+(?:Tuyên\s+giáo(?:\s+và\s+Dân\s+vận)?|Dân\s+vận|Tổ\s+chức|Nội\s+chính|Kinh\s+tế|Đối\s+ngoại|"
    r"Cán\s+sự\s+đảng|Chỉ\s+đạo)(?:\s+(?:(?:Ban\s+Chấp\s+hành\s+)?Trung\s+ương|(?:Tỉnh|Huyện|Thành|Thị|Quận|Đảng)\s+ủy))?",
    r"Ủy\s+ban\s+Kiểm\s+tra(?:\s+(?:Trung\s+ương|(?:Tỉnh|Huyện|Thành|Thị|Quận|Đảng)\s+ủy))?",
    r"Văn\s+phòng\s+(?:Trung\s+ương\s+Đảng|Chính\s+phủ|Quốc\s+hội|(?:Tỉnh|Huyện|Thành|Thị|Quận|Đảng)\s+ủy|"
    rf"(?:Ủy\s+ban\s+nhân\s+dân|UBND)(?:\s+(?:tỉnh|huyện|xã|thành\s+phố|quận|thị\s+xã|phường)(?:\s+{_CAP}){{0,3}})?)",
    r"(?:(?:Ban\s+)?Thường\s+trực\s+)?Ủy\s+ban\s+(?:Trung\s+ương\s+)?Mặt\s+trận\s+Tổ\s+quốc(?:\s+Việt\s+Nam)?(?:\s+(?:tỉnh|huyện|xã|thành\s+phố|quận|phường))?",
    rf"Mặt\s+trận\s+Tổ\s+quốc(?:\s+Việt\s+Nam)?(?:\s+(?:tỉnh|huyện|xã|thành\s+phố|quận|thị\s+xã|phường|thị\s+trấn)"
    rf"(?:\s+{_CAP}){{0,3}})?",
    # The Front's relief committee at each level: "Ban Vận động cứu trợ Trung ương", "Ban Cứu trợ tỉnh Quảng Bình".
    rf"(?-i:Ban)\s+(?:Vận\s+động\s+)?cứu\s+trợ(?:\s+(?:Trung\s+ương|tỉnh|huyện|xã|thành\s+phố|quận|thị\s+xã|phường|"
    rf"thị\s+trấn)(?:\s+{_CAP}){{0,3}})?",
    # The Front's committee as its own letters abbreviate it, with its standing board: "TT UBMTTQVN phường",
    # "BTT UBMT phường", "Ủy ban MTTQ xã", or by "MTTQ" alone before its unit ("MTTQ xã đã vận động …").
    rf"(?:(?:B?TT|Ban\s+Thường\s+trực|Thường\s+trực)\s+)?(?:(?-i:UBMTTQ(?:VN)?|UBMT)|Ủy\s+ban\s+(?:Trung\s+ương\s+)?(?-i:MTTQ(?:VN)?)|"
    rf"(?-i:MTTQ)(?=\s+{_LEVEL}))"
    rf"(?:\s+Việt\s+Nam(?=\s+{_LEVEL}))?"  # "Ủy ban MTTQ Việt Nam huyện Hoài Đức"
    rf"(?:\s+(?:tỉnh|huyện|xã|thành\s+phố|quận|thị\s+xã|phường|thị\s+trấn)(?:\s+{_CAP}){{0,3}})?",
    # A committee or council, its abbreviation in brackets and all, at its unit, a centrally-run city's abbreviated
    # ("Ủy ban nhân dân (UBND) TP. Hồ Chí Minh").
    r"(?:Ủy\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân|UBND|HĐND)(?:\s*\((?-i:UBND|HĐND)\))?"
    rf"(?:\s+(?:tỉnh|huyện|xã|thành\s+phố|(?-i:TP)\.?|quận|thị\s+xã|phường|thị\s+trấn|đặc\s+khu)(?:\s+{_CAP}){{0,3}})?",
    # The military Party committee of a unit, in full or abbreviated ("Đảng ủy Quân sự tỉnh", "ĐUQS huyện", "Đảng bộ
    # Quân sự tỉnh"), and a unit's Party organisation as a whole ("Đảng bộ xã Tân Lập tổ chức Đại hội …"); a bare
    # "Đảng bộ" names none.
    rf"(?:Ban\s+Thường\s+vụ\s+)?(?:Đảng\s+(?:ủy|bộ)\s+Quân\s+sự|(?-i:ĐUQS))\s+{_LEVEL}(?:\s+{_CAP}){{0,3}}",
    rf"Đảng\s+bộ\s+{_LEVEL}(?:\s+{_CAP}){{0,3}}",
    rf"(?:Tỉnh|Huyện|Thành|Thị|Quận)\s+ủy(?:\s+(?:{_CITY_ABBR}|{_CAP})){{0,3}}",
    rf"Đảng\s+ủy(?:\s+(?:xã|phường|thị\s+trấn|đặc\s+khu|khối)(?:\s+{_CAP}){{0,3}})?",
    r"Thủ\s+tướng\s+Chính\s+phủ",
    r"Chính\s+phủ",
    r"Quốc\s+hội",
    # A ministry's or department's name, lower-case tail and hyphen and all: "Bộ Nông nghiệp và Phát triển nông thôn",
    # "Sở Lao động - Thương binh và Xã hội".
    rf"(?-i:Bộ|Sở|Phòng)\s+{_NAME}(?:(?:\s+|,\s+|\s+và\s+|\s+-\s+){_NAME}){{0,3}}(?:\s+(?-i:nông\s+thôn))?"
    r"(?:\s+(?:tỉnh|huyện|thành\s+phố|quận|thị\s+xã))?",
    # A province's department a page names wholly in lower case, up to its province: "sở y tế tỉnh Trà Vinh tổ chức
    # thi tuyển …" (a base, "cơ sở", a seat, "trụ sở", and "sở hữu / tại / thích / dĩ" are no department; the name's
    # words, "và" and a dash between its fields aside, are no linking word: "sở lao động - thương binh và xã hội …").
    rf"(?<!\bcơ\s)(?<!\btrụ\s)(?-i:sở)\s+(?!(?:hữu|tại|thích|dĩ|cứ)\b)"
    rf"(?:(?!(?:của|tại|trong|các|ở|với|cho|theo)\b)(?:(?-i:[{VN_LOWER}]+)|-)\s+){{1,8}}?"
    rf"(?-i:tỉnh|thành\s+phố)\s+{_CAP}(?:\s+{_CAP}){{0,2}}",
    # A unit's service centre, named by its task in lower case up to the unit: "Trung tâm Dịch vụ tổng hợp xã Minh
    # Đức", "Trung tâm Văn hóa thể thao huyện".
    rf"(?-i:Trung)\s+tâm\s+{_CAP}(?:\s+(?-i:[{VN_LOWER}]+)){{1,5}}?\s+"
    rf"(?:tỉnh|huyện|thành\s+phố|quận|thị\s+xã|xã|phường|thị\s+trấn)(?:\s+{_CAP}){{0,3}}",
    rf"(?-i:Trung)\s+tâm\s+{_NAME}(?:(?:\s+|,\s+|\s+và\s+){_NAME}){{0,4}}"
    r"(?:\s+(?:tỉnh|huyện|thành\s+phố|quận|thị\s+xã|xã))?",
    # A mass organisation, bare or at its level: "Hội Nông dân xã", "Hội Cựu chiến binh (CCB) phường Đông Hải", "Hội
    # LHPN huyện"; its national committee says so first ("Trung ương Hội Chữ thập đỏ Việt Nam").
    rf"(?:Trung\s+ương\s+)?Hội\s+(?:Nhà\s+báo|Nông\s+dân|Cựu\s+chiến\s+binh|(?-i:CCB)|Liên\s+hiệp\s+Phụ\s+nữ|(?-i:LHPN)|Chữ\s+thập\s+đỏ|"
    rf"Khuyến\s+học|Người\s+cao\s+tuổi)"
    rf"(?:\s+Việt\s+Nam)?(?:\s+(?:tỉnh|huyện|xã|thành\s+phố|quận|thị\s+xã|phường|thị\s+trấn)(?:\s+{_CAP}){{0,3}})?",
    # Any other association, or the cooperatives' alliance, named up to its level: "Hội Luật gia tỉnh Hà Nam", "Hội
    # Nạn nhân chất độc da cam huyện Quỳnh Phụ", "Hội Sinh viên Việt Nam tỉnh …", "Liên minh Hợp tác xã tỉnh …" (the
    # level word ends the name; "Hội nghị", "Hội thi" are no association: the name's first word is capitalised).
    rf"(?:Trung\s+ương\s+)?(?-i:Hội|Liên\s+minh)\s+(?=(?-i:[{VN_UPPER}]))"
    rf"(?:(?<=\btác)\s|(?!\s+{_LEVEL})[^.;:,()\n]){{3,60}}?(?<!\btác)\s+"
    rf"(?:tỉnh|huyện|xã(?!\s+hội\b)|thành\s+phố|quận|thị\s+xã|phường|thị\s+trấn)\b(?:\s+{_CAP}){{0,3}}",
    # The trade union federation, in full or by its letters ("LĐLĐ huyện quản lý và chỉ đạo …"), at its level.
    rf"(?:Liên\s+đoàn\s+Lao\s+động|(?-i:LĐLĐ))(?:\s+(?:tỉnh|huyện|thành\s+phố|quận|thị\s+xã)(?:\s+{_CAP}){{0,3}})?",
    # State bodies of every level outside the committees: police, social insurance, courts and procuracies, the
    # inspectorate, the treasury, a department's branch ("Công an xã Tân Lập", "Bảo hiểm xã hội huyện", "Chi cục
    # Thuế huyện", "Cục Thuế tỉnh"); their capital keeps the activity ("công tác thanh tra") out.
    rf"(?:(?-i:Công)\s+an|(?-i:Bảo)\s+hiểm\s+xã\s+hội|(?:(?-i:Viện)\s+kiểm\s+sát|(?-i:T(?:òa|oà))\s+án)\s+nhân\s+dân(?:\s+tối\s+cao)?|"
    rf"(?-i:Thanh)\s+tra|(?-i:Kho)\s+bạc\s+Nhà\s+nước|"
    # a department with its task's lower-case words and then its place, before what follows a speaker: "Chi cục Quản
    # lý thị trường Nghệ An cũng chỉ đạo …" (first: the name below would end at "Quản lý")
    rf"(?-i:Chi\s+cục|Cục)\s+{_NAME}(?:\s+(?!{_ASPECT})(?-i:[{VN_LOWER}]+)){{1,3}}(?:\s+{_CAP}){{1,3}}"
    rf"(?=\s+(?:{_AFTER_SPEAKER})\s)|"
    rf"(?-i:Chi\s+cục|Cục|Tổng\s+cục)\s+{_NAME}(?:\s+{_CAP}){{0,3}}"
    rf"{_LAST_SYLLABLE}?|"
    # a department a summary names in lower case, before the tense of its act: "Cục bảo vệ thực vật vừa có công văn …"
    rf"(?-i:Chi\s+cục|Cục|Tổng\s+cục)(?:\s+(?!{_ASPECT})(?-i:[{VN_LOWER}]+)){{1,5}}(?=\s+(?:đã|vừa|mới|cũng)\s))"
    rf"(?:\s+(?:tỉnh|huyện|xã|thành\s+phố|quận|thị\s+xã|phường|thị\s+trấn)(?:\s+{_CAP}){{0,3}})?",
    # The Youth Federation's committee and its secretariat: "Ban thư ký Uỷ ban Hội LHTN Việt Nam tỉnh Hưng Yên".
    rf"(?:Ban\s+thư\s+ký\s+)?(?:Ủy\s+ban\s+)?Hội\s+(?:(?-i:LHTN)|Liên\s+hiệp\s+Thanh\s+niên)(?:\s+Việt\s+Nam)?"
    rf"(?:\s+(?:tỉnh|huyện|xã|thành\s+phố|quận|phường)(?:\s+{_CAP}){{0,3}})?",
    r"Đoàn\s+Thanh\s+niên\s+Cộng\s+sản\s+Hồ\s+Chí\s+Minh|(?:Tỉnh|Huyện|Thành)\s+đoàn",
    # A sector's units of the whole country: "ngành Thống kê cả nước", "toàn ngành Kiểm sát toàn quốc".
    rf"(?:toàn\s+)?(?-i:ngành)\s+{_NAME}(?:\s+{_NAME}){{0,3}}\s+(?:cả\s+nước|toàn\s+quốc)",
    # A local Youth Union named by its unit ("Đoàn thanh niên thị trấn Sao Vàng"); the unit word keeps the
    # family name Đoàn out.
    rf"(?:(?:Ban\s+Chấp\s+hành|BCH|Ban\s+Thường\s+vụ)\s+)?Đoàn\s+(?:thanh\s+niên|TN)\s+"
    rf"(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)(?:\s+{_CAP}){{1,3}}",
    # or by "Đoàn" right before a commune's unit word and its name ("Đoàn xã Tam Lộc ra quân …"; a lower-case unit
    # word keeps a delegation, "đoàn", and the family name Đoàn, before a given name, out).
    rf"(?:(?:Ban\s+Chấp\s+hành|BCH|Ban\s+Thường\s+vụ)\s+)?(?-i:Đoàn)\s+(?-i:xã|phường|thị\s+trấn)(?:\s+{_CAP}){{1,3}}",
)

# The Party's cadre committee or delegation inside a state body or the Front takes that body's name: "Ban cán sự
# đảng Viện kiểm sát nhân dân tỉnh Trà Vinh", "Đảng đoàn Mặt trận Tổ quốc tỉnh" (a Party body at the body's tier).
PARTY_CELL = r"(?:Ban\s+cán\s+sự\s+đảng|Đảng\s+đoàn)"
# Any of them, matched on tone-normalised text (parsers.normalise.normalise_tones).
# The standing body of any organisation at any level names it after its own name: "Thường trực HĐND huyện", "Ban
# Thường vụ Hội Nông dân tỉnh", "Ban Thường trực Ủy ban MTTQ xã", "BTV Huyện đoàn" (a bare "Ban Thường vụ" is an entry
# of its own above; an executive committee, "Ban Chấp hành", is the organisation's own entries' business).
STANDING_BODY = r"(?:Ban\s+Thường\s+trực|Ban\s+Thường\s+vụ|Thường\s+trực|(?-i:BTV|BTT))"
_ANY_ORGANISATION = "|".join(f"(?:{p})" for p in ORGANISATIONS)
ORGANISATION_RE = re.compile(rf"(?:{PARTY_CELL}\s+)?(?:{STANDING_BODY}\s+(?=(?:{_ANY_ORGANISATION})))?"
                             rf"(?:{_ANY_ORGANISATION})", re.I)

# Vietnamese family names, to tell where an office holder's name begins after the body ("Giám đốc Sở Y tế Lê Thị
# Hương"). Common middle names that are rare family names (Văn, Thị, Kim) are left out.
SURNAMES = frozenset({
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Lâm", "Mai", "Đinh", "Lương", "Hà", "Tạ", "Cao", "Châu",
    "Thái", "Tô", "Quách", "La", "Lại", "Kiều", "Chu", "Đàm", "Hứa", "Lưu", "Giang", "Mạc", "Nông", "Lò", "Triệu",
    "Tăng", "Thân", "Phùng", "Từ", "Khúc", "Quan", "Doãn", "Bạch", "Ninh", "Tôn", "Lã", "Hầu", "Âu", "Ông", "Lục",
    "Nghiêm", "Đồng", "Ksor", "Rơ", "Điểu",
})

# Abbreviations every official letter may use without defining them (expanded form, lower case).
ABBREVIATIONS = {
    "UBND": "ủy ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "MTTQ": "mặt trận tổ quốc",
    "MTTQVN": "mặt trận tổ quốc việt nam",
    "BCH": "ban chấp hành",
    "BTV": "ban thường vụ",
    "BCĐ": "ban chỉ đạo",
    "TW": "trung ương",
    "TƯ": "trung ương",
    "TU": "tỉnh ủy",
    "HU": "huyện ủy",
    "ĐU": "đảng ủy",
    "PCTNTC": "phòng, chống tham nhũng, tiêu cực",
    "PCTN": "phòng, chống tham nhũng",
    "KT-XH": "kinh tế - xã hội",
    "QP-AN": "quốc phòng - an ninh",
    "CNH-HĐH": "công nghiệp hóa, hiện đại hóa",
    "CB, ĐV": "cán bộ, đảng viên",
    "ĐVHC": "đơn vị hành chính",
    "CCHC": "cải cách hành chính",
    "TTHC": "thủ tục hành chính",
    "BTGTU": "ban tuyên giáo tỉnh ủy",
    "BTGHU": "ban tuyên giáo huyện ủy",
    "VPHU": "văn phòng huyện ủy",
    "VPTU": "văn phòng tỉnh ủy",
}

# Type codes of document symbols and the kind they name, from the one table of kinds.
DOC_TYPE_CODES = {code: kind_of_code(code) for code in sorted(TYPE_CODES)}
