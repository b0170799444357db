"""Generated cascades for measuring the linker: a parent letter, children derived from it, and the gold
unit links that follow from the operations applied.

Everything is seeded (`random.Random(seed)`), so a seed always gives the same files.

A child is derived the way district offices actually derive their letters from a provincial one (see
samples/: the district letter trims, localises "tỉnh" → "huyện", rewrites addressee headings, splits a
bullet in two, moves a section, adds a local section, rejoins page-break splits). Per unit, with the
probabilities of a `Profile`: keep verbatim; trim clauses; localise tier and organisation names; expand
with a local phrase or sentence; split into two units; merge with the next sibling; reorder bullets and
sub-items; move a whole section; drop units and items; add local items and bullets (text from a built-in
list of local sentences, never from the parent); renumber; spelling noise (tone placement, case, NFD,
abbreviations, quotes); page-break splits (a paragraph cut in two by a blank line, going on lower case).

The gold follows ../shared/eval/gold_samples.json: `links` are required (the child unit carries text of
that parent unit), `optional_links` are a rewritten addressee heading (the sample gold treats "Hội Nhà
báo tỉnh …" → "Trung tâm Văn hóa … huyện" the same way). Unit ids follow ../shared/eval/README.md and are
computed from the structure written, never from the parser.

    from bench.corpus import write_cascade
    write_cascade("bench/out/cascade_7", seed=7, n_children=3)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from models import Block, BlockKind, Header, Item, Letter, Source, SourceFormat, SourceSpan, System, Tier
from parsers import parse_letter
from parsers.normalise import clean_text, matching_form

REPO = Path(__file__).resolve().parents[1]
PROVINCE_SAMPLE = REPO / "samples" / "province_1383-CV-BTGTU.txt"
DISTRICT_SAMPLE = REPO / "samples" / "district_implementing_1383.txt"


# --- profiles -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """Probabilities of each operation. Per unit unless said otherwise."""

    name: str
    verbatim: float  # the unit's text is carried with no edit at all (spelling noise aside)
    trim: float  # drop one or more clauses (split on ";", ". " or ",")
    trim_more: float  # … and then, each time with this probability, one more
    localise: float  # tier / organisation / place names of the lower tier
    expand: float  # insert a local phrase, or append a local sentence
    expand_sentence: float  # share of expansions that append a whole sentence
    split: float  # a leaf block becomes two sibling blocks at a ";" or sentence boundary
    merge: float  # a leaf block absorbs the next sibling block
    promote: float  # a trailing paragraph of a sub-item becomes a sub-item of its own (sample: 1.8/2 → 1.7)
    reorder_blocks: float  # per item: its blocks are shuffled
    reorder_subitems: float  # per item with sub-items: they are shuffled
    move_section: float  # per letter: one top-level section moves elsewhere
    drop_unit: float  # a block is left out (with its nested blocks)
    drop_item: float  # a sub-item or section is left out
    rewrite_heading: float  # a short addressee heading is replaced by a local one (optional link)
    add_items: tuple[int, int]  # how many local top-level sections (min, max)
    add_subitem: float  # per item with sub-items: one local sub-item
    add_bullet: float  # per item with blocks: one or two local bullets
    tone: float  # per unit: tone placement of the letter's style (hoà ↔ hòa)
    case: float  # per unit: "Nhân dân" ↔ "nhân dân", "Nhà nước" ↔ "nhà nước"
    nfd: float  # per unit: written decomposed
    abbreviate: float  # per unit: "phòng, chống tham nhũng, tiêu cực" ↔ "PCTNTC", "Ủy ban nhân dân" ↔ "UBND"
    quotes: float  # per unit: straight ↔ curly quotes
    page_break: float  # per long unit (at most two per letter)
    cite: tuple[float, float, float] = (0.6, 0.3, 0.1)  # parent cited exactly / with a wrong number or date / not


LIGHT = Profile(
    name="light", verbatim=0.45, trim=0.2, trim_more=0.2, localise=0.8, expand=0.1, expand_sentence=0.3,
    split=0.02, merge=0.02, promote=0.05, reorder_blocks=0.0, reorder_subitems=0.0, move_section=0.1,
    drop_unit=0.08, drop_item=0.08, rewrite_heading=0.3, add_items=(0, 1), add_subitem=0.05, add_bullet=0.08,
    tone=0.15, case=0.1, nfd=0.03, abbreviate=0.15, quotes=0.15, page_break=0.05,
)
HEAVY = Profile(
    name="heavy", verbatim=0.1, trim=0.6, trim_more=0.45, localise=0.9, expand=0.35, expand_sentence=0.45,
    split=0.12, merge=0.1, promote=0.2, reorder_blocks=0.15, reorder_subitems=0.1, move_section=0.3,
    drop_unit=0.25, drop_item=0.22, rewrite_heading=0.6, add_items=(1, 2), add_subitem=0.3, add_bullet=0.3,
    tone=0.35, case=0.25, nfd=0.1, abbreviate=0.35, quotes=0.3, page_break=0.1, cite=(0.4, 0.4, 0.2),
)
REORDERED = Profile(
    name="reordered", verbatim=0.3, trim=0.3, trim_more=0.3, localise=0.85, expand=0.15, expand_sentence=0.35,
    split=0.06, merge=0.05, promote=0.1, reorder_blocks=0.7, reorder_subitems=0.6, move_section=0.9,
    drop_unit=0.12, drop_item=0.1, rewrite_heading=0.4, add_items=(0, 1), add_subitem=0.15, add_bullet=0.15,
    tone=0.2, case=0.15, nfd=0.05, abbreviate=0.2, quotes=0.2, page_break=0.06,
)
PROFILES = {p.name: p for p in (LIGHT, HEAVY, REORDERED)}


# --- local material (written for this bench, not taken from the samples) ----------------------------

LOCAL_SENTENCES = (
    "Tổ chức hội nghị báo cáo viên định kỳ hằng tháng để kịp thời thông tin tình hình thời sự, chính sách mới "
    "cho cán bộ chủ chốt của huyện.",
    "Chỉ đạo Đài Truyền thanh các xã, thị trấn tăng thời lượng phát sóng chuyên mục xây dựng nông thôn mới và "
    "đô thị văn minh.",
    "Phối hợp với Công an huyện nắm tình hình an ninh trật tự tại các khu dân cư, kịp thời giải quyết các vụ "
    "việc phát sinh từ cơ sở.",
    "Duy trì hoạt động của các tổ hòa giải ở thôn, ấp; vận động bà con chấp hành quy định về phòng cháy, chữa "
    "cháy rừng trong mùa khô.",
    "Rà soát, thay mới băng rôn, khẩu hiệu, pa nô tuyên truyền tại trung tâm huyện và dọc các tuyến đường chính.",
    "Biểu dương kịp thời các mô hình sản xuất điều, tiêu, cao su hiệu quả của hộ nông dân trên địa bàn.",
    "Hướng dẫn các chi bộ thôn, ấp đưa nội dung này vào sinh hoạt chi bộ định kỳ hằng tháng.",
    "Báo cáo kết quả thực hiện về Ban Tuyên giáo Huyện ủy trước ngày 25 hằng tháng để tổng hợp, báo cáo Thường "
    "trực Huyện ủy.",
    "Tăng cường kiểm tra việc cập nhật thông tin trên trang thông tin điện tử của các cơ quan, đơn vị thuộc huyện.",
    "Vận động đoàn viên thanh niên tham gia dọn vệ sinh môi trường, trồng cây xanh tại các trường học và khu dân cư.",
    "Phân công cán bộ phụ trách địa bàn trực tiếp dự sinh hoạt với các chi bộ khó khăn, chi bộ vùng đồng bào dân "
    "tộc thiểu số.",
    "Lồng ghép tuyên truyền trong các buổi họp thôn, ấp và các lễ hội truyền thống của đồng bào S'tiêng, M'nông.",
    "Xây dựng chuyên mục hỏi đáp pháp luật trên nhóm Zalo của các khu dân cư để bà con dễ theo dõi.",
    "Kịp thời cung cấp thông tin chính thống về giá nông sản, thời tiết và dịch bệnh trên cây trồng, vật nuôi.",
    "Tổ chức tọa đàm với các doanh nghiệp trong cụm công nghiệp của huyện về chính sách hỗ trợ người lao động.",
    "Mỗi cơ quan, đơn vị đăng ký ít nhất một mô hình dân vận khéo và gửi về Ban Dân vận Huyện ủy trước ngày 30/6.",
    "Theo dõi sát dư luận xã hội quanh việc bồi thường, giải phóng mặt bằng các dự án trên địa bàn huyện.",
    "Chuẩn bị nội dung, hình thức các hoạt động chào mừng Ngày Quốc khánh 2/9 tại trung tâm huyện.",
    "Huy động hội viên Hội Cựu chiến binh tham gia tổ tự quản về an ninh trật tự ở khu dân cư.",
    "Bố trí kinh phí hợp lý từ nguồn ngân sách huyện cho hoạt động thông tin cơ sở.",
    "Định kỳ sáu tháng sơ kết, rút kinh nghiệm và đề xuất biểu dương các tập thể, cá nhân làm tốt.",
    "Tăng cường quản lý các điểm kinh doanh dịch vụ internet, trò chơi điện tử gần trường học.",
    "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc, nhất là tại các xã biên giới và vùng giáp ranh.",
    "Tập huấn kỹ năng sử dụng mạng xã hội cho đội ngũ cộng tác viên dư luận xã hội của huyện.",
    "Chủ động phối hợp với Trường Chính trị tỉnh mở lớp bồi dưỡng lý luận chính trị cho đảng viên mới.",
    "Hướng dẫn bà con đăng ký tài khoản định danh điện tử và sử dụng dịch vụ công trực tuyến.",
    "Kiểm tra việc niêm yết công khai thủ tục hành chính tại bộ phận một cửa của các xã, thị trấn.",
    "Giao Văn phòng Huyện ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Thường trực Huyện ủy.",
    "Vận động các hộ gia đình đăng ký danh hiệu gia đình văn hóa, khu dân cư văn hóa.",
    "Chú trọng xây dựng lực lượng báo cáo viên cơ sở là già làng, người có uy tín trong đồng bào dân tộc thiểu số.",
    "Phát huy vai trò của Ban Thanh tra nhân dân trong giám sát các công trình xây dựng cơ bản ở xã.",
    "Rà soát danh sách hộ nghèo, hộ cận nghèo để hỗ trợ sửa chữa nhà ở trước mùa mưa.",
    "Kịp thời phản ánh tâm tư, nguyện vọng chính đáng của cử tri tới Hội đồng nhân dân huyện.",
    "Tổ chức cuộc thi tìm hiểu lịch sử Đảng bộ huyện dành cho học sinh trung học cơ sở.",
    "Khuyến khích các hợp tác xã nông nghiệp ứng dụng công nghệ cao, liên kết tiêu thụ sản phẩm cho bà con.",
    "Cập nhật thường xuyên bản tin nội bộ, phát hành đến chi bộ trực thuộc đúng kỳ hạn.",
    "Quan tâm giải quyết dứt điểm đơn thư khiếu nại về đất đai tồn đọng, không để phát sinh điểm nóng.",
    "Tổ chức ra quân dọn dẹp vệ sinh, trang trí cờ hoa tại các tuyến đường trung tâm huyện.",
)
EXPAND_PHRASES = (
    ", gắn với kỷ niệm 30 năm thành lập huyện",
    ", phù hợp với điều kiện thực tế của địa phương",
    " trên địa bàn huyện",
    ", nhất là ở các xã vùng sâu, vùng xa",
    ", gắn với thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ VI",
    ", bảo đảm thiết thực, hiệu quả, tránh hình thức",
    ", chú trọng vùng đồng bào dân tộc thiểu số",
    ", trong đó lấy thôn, ấp làm địa bàn trọng tâm",
)
LOCAL_HEADINGS = {
    "district": (
        "Phòng Văn hóa và Thông tin huyện", "Trung tâm Văn hóa, Thông tin và Thể thao huyện",
        "Đảng ủy các xã, thị trấn", "Công an huyện", "Phòng Giáo dục và Đào tạo huyện", "Huyện đoàn",
        "Văn phòng Huyện ủy", "Ban Dân vận Huyện ủy", "Hội Nông dân huyện", "Ủy ban Kiểm tra Huyện ủy",
        "Các chi bộ, đảng bộ cơ sở trực thuộc Huyện ủy",
    ),
    "commune": (
        "Các chi bộ trực thuộc Đảng ủy", "Đoàn Thanh niên xã", "Công an xã", "Hội Nông dân xã",
        "Ban Chỉ huy Quân sự xã", "Đài Truyền thanh xã", "Trường Trung học cơ sở trên địa bàn xã",
    ),
}
DISTRICTS = ("Bù Đăng", "Bù Đốp", "Bù Gia Mập", "Chơn Thành", "Đồng Phú", "Hớn Quản", "Lộc Ninh", "Phú Riềng")
COMMUNES = ("Đức Liễu", "Minh Hưng", "Thống Nhất", "Đoàn Kết", "Nghĩa Trung", "Bom Bo", "Thọ Sơn")
SIGNERS = ("K' Linh", "Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Quang Vinh", "Điểu Thị Hương", "Phạm Minh Tuấn")
CONTEXT_SENTENCES = (
    "Trong những tháng đầu năm, công tác tuyên truyền trên địa bàn huyện đạt nhiều kết quả tích cực, góp phần "
    "giữ vững ổn định chính trị, trật tự an toàn xã hội.",
    "Nhằm tiếp tục tạo sự đồng thuận trong cán bộ, đảng viên và bà con trên địa bàn huyện trước thềm đại hội "
    "đảng bộ các cấp.",
)


# --- localisation -------------------------------------------------------------------------------------


def _w(pattern: str) -> str:
    return rf"(?<![\w]){pattern}(?![\w])"


ORG = True  # third field of a rule: it names another organisation, not the same one a tier lower


def localisation_rules(tier: str, place: str, local_name: str) -> list[tuple]:
    """(regex, replacement[, ORG]) rules, most specific first, from the parent's tier to the child's.
    ORG marks a substitution of the addressee itself ("Phòng Văn hóa, Thông tin huyện" → "Công chức Văn
    hóa - Xã hội xã"): on a section heading that makes the link optional, as the sample gold does for
    "Ban tuyên giáo các huyện, thị, thành ủy, …" → "Ban Tuyên giáo huyện ủy"."""
    if tier == "commune":  # a district letter localised by a commune
        return [
            (_w("Ban Thường vụ Huyện ủy"), "Ban Thường vụ Đảng ủy"),
            (_w("Ban Tuyên giáo [Hh]uyện ủy"), "Đảng ủy xã", ORG),
            (_w("Phòng Văn hóa, Thông tin huyện"), "Công chức Văn hóa - Xã hội xã", ORG),
            (_w("Trung tâm Văn hóa, Thông tin và Thể thao huyện"), "Đài Truyền thanh xã", ORG),
            (_w("các tổ chức đảng trực thuộc Huyện ủy"), "các chi bộ trực thuộc Đảng ủy", ORG),
            (_w("Các tổ chức đảng trực thuộc Huyện ủy"), "Các chi bộ trực thuộc Đảng ủy", ORG),
            (_w("Huyện ủy"), "Đảng ủy"), (_w("huyện ủy"), "đảng ủy"),
            (_w("(Ủy ban nhân dân|UBND) huyện"), r"\1 xã"),
            (_w("Đảng bộ huyện"), "Đảng bộ xã"),
            (_w("các ban ngành"), "các ban, ngành, đoàn thể"),
            (_w("huyện"), "xã"),
        ]
    return [  # a provincial letter localised by a district
        (_w("tỉnh hình"), "tình hình"),  # the parent's typo, fixed by every careful clerk
        (_w("Ban Tuyên giáo Tỉnh ủy"), "Ban Tuyên giáo Huyện ủy"),
        (_w("ban Tuyên giáo Tỉnh ủy"), "Ban Tuyên giáo Huyện ủy"),
        (_w("Ban Thường vụ Tỉnh ủy"), "Ban Thường vụ Huyện ủy"),
        (_w("Ban tuyên giáo các huyện, thị, thành ủy(, (các )?đảng ủy trực thuộc Tỉnh ủy)?"), "Ban Tuyên giáo Huyện ủy",
         ORG),
        (_w("các huyện, thị, thành ủy, (các )?đảng ủy trực thuộc Tỉnh ủy"), "các tổ chức cơ sở đảng trực thuộc "
                                                                           "Huyện ủy", ORG),
        (_w("Các huyện, thị, thành ủy, (các )?đảng ủy trực thuộc Tỉnh ủy"), "Các tổ chức cơ sở đảng trực thuộc "
                                                                           "Huyện ủy", ORG),
        (_w("các huyện, thị, thành ủy"), "các chi, đảng bộ cơ sở", ORG),
        (_w("Tỉnh ủy"), "Huyện ủy"), (_w("tỉnh ủy"), "huyện ủy"),
        (_w("(Ủy ban nhân dân|UBND) tỉnh"), r"\1 huyện"),
        (_w("các sở, ban, ngành"), "các phòng, ban, ngành"),
        (_w("Sở"), "Phòng"),
        (_w("cấp tỉnh"), "cấp huyện"), (_w("của tỉnh"), "của huyện"), (_w("trong tỉnh"), "trong huyện"),
        (_w(f"tỉnh {place}"), f"huyện {local_name}"),
        (_w(place), local_name),
        (_w("tỉnh"), "huyện"),
    ]


def localise_tracked(text: str, rules: list[tuple]) -> tuple[str, bool]:
    """The localised text, and whether an ORG rule changed it."""
    org = False
    for pattern, repl, *flag in rules:
        new = re.sub(pattern, repl, text)
        org = org or (new != text and bool(flag and flag[0]))
        text = new
    return text, org


def localise(text: str, rules: list[tuple]) -> str:
    return localise_tracked(text, rules)[0]


_DELOCALISE = [  # district sample text put back at province level, for shuffled parents
    (_w("của tỉnh và của huyện"), "của tỉnh"), (_w("của tỉnh, của huyện"), "của tỉnh"),
    (_w("trong huyện, trong tỉnh"), "trong tỉnh"), (_w("của tỉnh và huyện"), "của tỉnh"),
    (_w("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, Nghị quyết Đảng bộ huyện lần thứ VI"),
     "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI"),
    (_w("Đại hội Đảng bộ huyện lần thứ VII, "), ""),
    (_w("Phòng Văn hóa, Thông tin huyện"), "Sở Văn hóa, Thể thao và Du lịch"),
    (_w("Trung tâm Văn hóa, Thông tin và Thể thao huyện"), "Trung tâm Văn hóa - Nghệ thuật tỉnh"),
    (_w("Các tổ chức đảng trực thuộc Huyện ủy"), "Các huyện, thị, thành ủy, đảng ủy trực thuộc Tỉnh ủy"),
    (_w("Ban Tuyên giáo huyện ủy"), "Ban tuyên giáo các huyện, thị, thành ủy"),
    (_w("Ban Thường vụ Huyện ủy"), "Ban Thường vụ Tỉnh ủy"),
    (_w("Huyện ủy"), "Tỉnh ủy"), (_w("huyện ủy"), "tỉnh ủy"), (_w("huyện(?!, thị, thành ủy)"), "tỉnh"),
]


# --- spelling noise -----------------------------------------------------------------------------------

_OLD_NEW = {  # tone placement: "old" (hòa, thủy) → "new" (hoà, thuỷ)
    "hòa": "hoà", "hóa": "hoá", "họa": "hoạ", "hỏa": "hoả", "khóa": "khoá", "thủy": "thuỷ", "ủy": "uỷ",
    "Ủy": "Uỷ", "tùy": "tuỳ", "lũy": "luỹ", "hủy": "huỷ", "khỏe": "khoẻ", "xóa": "xoá", "Xóa": "Xoá",
    "thỏa": "thoả", "tòa": "toà", "lòe": "loè", "thụy": "thuỵ",
}
_NEW_OLD = {v: k for k, v in _OLD_NEW.items()}
_WORD_RE = re.compile(r"[^\W\d_]+")


def retone(text: str, style: str) -> str:
    table = _OLD_NEW if style == "new" else _NEW_OLD
    return _WORD_RE.sub(lambda m: table.get(m.group(0), m.group(0)), text)


def recase(text: str, rng: random.Random) -> str:
    pairs = [("Nhân dân", "nhân dân"), ("Nhà nước", "nhà nước"), ("toàn Dân", "toàn dân"), ("toàn Quân", "toàn quân")]
    for upper, lower in pairs:
        if upper in text and rng.random() < 0.7:
            text = re.sub(rf"(?<=\S ){upper}", lower, text)
        elif lower in text and rng.random() < 0.7:
            text = text.replace(lower, upper)
    return text


_ABBREVIATIONS = [("phòng, chống tham nhũng, tiêu cực", "PCTNTC"), ("Ủy ban nhân dân", "UBND"),
                  ("Mặt trận Tổ quốc", "MTTQ")]


def abbreviate(text: str, rng: random.Random) -> str:
    for long, short in _ABBREVIATIONS:
        if long in text:
            text = re.sub(re.escape(long) + r"(?! \()", short, text)  # never the defining "… (PCTNTC)"
        elif re.search(_w(short), text) and "(" + short + ")" not in text:
            text = re.sub(_w(short), long, text)
    return text


def requote(text: str, rng: random.Random) -> str:
    if "“" in text or "”" in text:
        return text.replace("“", '"').replace("”", '"')
    if '"' in text:
        out, opening = [], True
        for ch in text:
            if ch == '"':
                out.append("“" if opening else "”")
                opening = not opening
            else:
                out.append(ch)
        return "".join(out)
    return text


_VILLAGES = ("thôn 1", "thôn 3", "ấp Sóc Lớn", "ấp 2", "khu phố Tân Bình", "bon Bu Dăr", "ấp Thạnh Lợi",
             "thôn Đồng Tâm")


def specific(sentence: str, other: str, name: str, tier: str, rng: random.Random) -> str:
    """A local sentence made the office's own: stock phrases of two sentences of the list joined (an
    office writes its own sentence, not one every office copies), and its place, a village, a date or
    a figure of its own."""
    unit = "xã" if tier == "commune" else "huyện"
    head = sentence.rstrip().rstrip(".").split(", ")
    rest = other.rstrip().rstrip(".").split(", ")
    core = ", ".join(head[: max(1, len(head) // 2)] + rest[len(rest) // 2:]) if len(rest) > 1 else head[0]
    tail = rng.choice((
        f" trên địa bàn {unit} {name}",
        f", hoàn thành trước ngày {rng.randint(1, 28)}/{rng.randint(6, 12)}/2024",
        f", trước hết tại {rng.choice(_VILLAGES)} và {rng.choice(_VILLAGES)} của {unit} {name}",
        f", phấn đấu đạt {rng.randint(55, 98)}% số hộ tham gia",
        f"; giao đồng chí {rng.choice(SIGNERS)} theo dõi, đôn đốc",
    ))
    return core + tail + "."


def unique_names(rng: random.Random, n: int) -> list[str]:
    """`n` different place names for the offices under one parent (a province has its own districts)."""
    first = ("Bù", "Phú", "Lộc", "Đồng", "Hớn", "Chơn", "Tân", "Bình", "Minh", "Đức", "Thọ", "Nghĩa", "Long", "An")
    second = ("Đăng", "Riềng", "Ninh", "Quản", "Thành", "Hưng", "Liễu", "Sơn", "Trung", "Hòa", "Lợi", "Khánh", "Tiến")
    names = [f"{a} {b}" for a in first for b in second]
    rng.shuffle(names)
    return [names[k % len(names)] + ("" if k < len(names) else f" {k // len(names) + 1}") for k in range(n)]


# --- text operations ------------------------------------------------------------------------------------

_END_RE = re.compile(r"[\s.:;…]+$")


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _lower_first(text: str) -> str:
    # keep proper nouns and abbreviations: only lower a capitalised common first word
    first = text.split(" ", 1)[0]
    if first.isupper() or first in ("Đảng", "Nhà", "Nhân", "Ban", "Ủy", "Bộ", "Trung", "Hội", "Mặt", "Việt"):
        return text
    return text[:1].lower() + text[1:]


def _words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def _keys(text: str) -> list[str]:
    tier = {"tỉnh", "huyện", "xã"}
    return ["§" if w in tier else w for w in _WORD_RE.findall(matching_form(text))]


def word_overlap(parent: str, child: str) -> float:
    """Share of the parent's words (multiset, tier words merged) found in the child."""
    p, c = _keys(parent), _keys(child)
    pool: dict[str, int] = {}
    for w in c:
        pool[w] = pool.get(w, 0) + 1
    hit = 0
    for w in p:
        if pool.get(w, 0):
            pool[w] -= 1
            hit += 1
    return hit / max(1, len(p))


def clauses(text: str) -> tuple[list[str], str, str] | None:
    """The text cut at its strongest boundary: (parts, separator, end punctuation) or None."""
    m = _END_RE.search(text)
    core, end = (text[: m.start()], text[m.start():].strip()) if m else (text, "")
    for sep, min_parts in (("; ", 2), (". ", 2), (", ", 3)):
        parts = [p for p in core.split(sep)]
        if len(parts) >= min_parts and all(_words(p) >= 1 for p in parts):
            return parts, sep, end or "."
    return None


def trim(text: str, rng: random.Random, more: float) -> str | None:
    """Drop one or more clauses; None when the text has no boundary to cut at or too little would be left."""
    cut = clauses(text)
    if cut is None:
        return None
    parts, sep, end = cut
    n_drop = 1
    while n_drop < len(parts) - 1 and rng.random() < more:
        n_drop += 1
    drop = set(rng.sample(range(len(parts)), n_drop))
    kept = [p for k, p in enumerate(parts) if k not in drop]
    if _words(" ".join(kept)) < 5:
        return None
    out = sep.join(kept)
    if end == ":" and (len(parts) - 1) in drop:
        end = "."
    return _capitalise(out.strip()) + end


def expand(text: str, rng: random.Random, rules: list[tuple[str, str]], sentence_share: float,
           sentence: str | None = None) -> str:
    """Insert a local phrase at a clause boundary, or append a local sentence (`sentence`, else one drawn)."""
    if rng.random() < sentence_share and not text.rstrip().endswith(":"):
        sentence = sentence or localise(rng.choice(LOCAL_SENTENCES), rules)
        core = text.rstrip()
        if not core.endswith((".", "…", "!")):
            core = core.rstrip(";,") + "."
        return f"{core} {sentence}"
    phrase = localise(rng.choice(EXPAND_PHRASES), rules)
    spots = [m.start() for m in re.finditer(r";(?= )", text)]  # never inside a comma list
    m = _END_RE.search(text)
    spots.append(m.start() if m else len(text))
    at = rng.choice(spots)
    return text[:at] + phrase + text[at:]


def split_text(text: str, rng: random.Random) -> tuple[str, str] | None:
    """Cut a text in two sibling units at a ";" or sentence boundary near the middle."""
    spots = [m for m in re.finditer(r"(?<=[;.])\s+(?=\S)", text.rstrip())]
    spots = [m for m in spots if _words(text[: m.start()]) >= 6 and _words(text[m.end():]) >= 6]
    if not spots:
        return None
    m = min(spots, key=lambda m: abs(m.start() - len(text) / 2) + rng.random() * len(text) * 0.2)
    first, second = text[: m.start()].rstrip(), text[m.end():]
    if first.endswith(";"):
        first = first[:-1] + "."
    return first, _capitalise(second)


# --- letter trees -------------------------------------------------------------------------------------------


@dataclass
class Node:
    """An item (lead paragraph), a bullet or a plain paragraph, with its nested blocks and sub-items."""

    kind: str  # item | bullet | para
    text: str
    src: list[tuple[str, bool]] = field(default_factory=list)  # (parent unit id, required) it came from
    blocks: list[Node] = field(default_factory=list)
    items: list[Node] = field(default_factory=list)
    pid: str | None = None  # id in the letter the node was read from
    ops: list[str] = field(default_factory=list)

    def walk(self) -> list[Node]:
        out = [self]
        for b in self.blocks:
            out += b.walk()
        for i in self.items:
            out += i.walk()
        return out


def letter_to_tree(letter: Letter) -> list[Node]:
    def block(b: Block) -> Node:
        return Node("bullet" if b.kind == BlockKind.BULLET else "para", b.text, pid=b.id,
                    blocks=[block(x) for x in b.blocks])

    def item(it: Item) -> Node:
        return Node("item", it.text, pid=it.id, blocks=[block(b) for b in it.blocks], items=[item(x) for x in it.items])

    return [item(it) for it in letter.items]


def _copy(node: Node) -> Node:
    return dataclasses.replace(node, src=list(node.src), blocks=[_copy(b) for b in node.blocks],
                               items=[_copy(i) for i in node.items], ops=list(node.ops))


def _ids(tree: list[Node]) -> list[tuple[str, str, Node]]:
    """(unit id, printed label or bullet marker, node) in document order, the ../shared/eval scheme."""
    out: list[tuple[str, str, Node]] = []

    def blocks(bs: list[Node], prefix: str) -> None:
        for k, b in enumerate(bs, 1):
            out.append((f"{prefix}/{k}", "", b))
            blocks(b.blocks, f"{prefix}/{k}")

    def items(its: list[Node], prefix: str | None) -> None:
        for k, it in enumerate(its, 1):
            uid = f"{prefix}.{k}" if prefix else str(k)
            out.append((uid, uid + ".", it))
            blocks(it.blocks, uid)
            items(it.items, uid)

    items(tree, None)
    return out


def tree_to_letter(tree: list[Node], header: Header, path: Path, tier: Tier) -> Letter:
    """A Letter built from a tree whose ids were assigned by `_ids` (used for generated parents)."""

    def block(b: Node, bid: str) -> Block:
        return Block(id=bid, kind=BlockKind.BULLET if b.kind == "bullet" else BlockKind.PARAGRAPH,
                     marker="-" if b.kind == "bullet" else None, text=b.text, norm=matching_form(b.text), raw=b.text,
                     span=SourceSpan(first=0, last=0),
                     blocks=[block(x, f"{bid}/{k}") for k, x in enumerate(b.blocks, 1)])

    def item(n: Node, uid: str) -> Item:
        return Item(id=uid, label=uid + ".", text=n.text, norm=matching_form(n.text), raw=n.text,
                    span=SourceSpan(first=0, last=0),
                    blocks=[block(b, f"{uid}/{k}") for k, b in enumerate(n.blocks, 1)],
                    items=[item(x, f"{uid}.{k}") for k, x in enumerate(n.items, 1)])

    data = path.read_bytes() if path.exists() else b""
    source = Source(path=str(path), format=SourceFormat.TXT, sha256=hashlib.sha256(data).hexdigest(),
                    size_bytes=len(data))
    return Letter(source=source, header=header, system=System.PARTY, tier=tier,
                  items=[item(n, str(k)) for k, n in enumerate(tree, 1)])


# --- deriving a child ----------------------------------------------------------------------------------------


@dataclass
class Derived:
    text: str
    links: list[tuple[str, str]]  # required
    optional_links: list[tuple[str, str]]
    child_units: list[str]
    child_texts: dict[str, str]  # display text of every unit, as a perfect parser would give it
    child_preamble: list[str]
    ops: dict[str, list[str]]
    citation: dict
    layout: dict
    notes: list[str]


class _Deriver:
    def __init__(self, rng: random.Random, prof: Profile, rules: list[tuple[str, str]], tier: str):
        self.rng, self.prof, self.rules, self.tier = rng, prof, rules, tier
        self.tone_style = rng.choice(("new", "old"))
        self.notes: list[str] = []
        self.local_pool = list(LOCAL_SENTENCES)
        rng.shuffle(self.local_pool)
        self.heading_pool = list(LOCAL_HEADINGS[tier])
        rng.shuffle(self.heading_pool)
        self.specific: str | None = None  # the office's own place name, for local text about it

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def local_sentence(self) -> str:
        if not self.local_pool:
            self.local_pool = list(LOCAL_SENTENCES)
            self.rng.shuffle(self.local_pool)
        sentence = localise(self.local_pool.pop(), self.rules)
        if self.specific is not None and self.chance(0.6):
            other = localise(self.rng.choice(LOCAL_SENTENCES), self.rules)
            sentence = specific(sentence, other, self.specific, self.tier, self.rng)
        return sentence

    def local_heading(self) -> str:
        if not self.heading_pool:
            self.heading_pool = list(LOCAL_HEADINGS[self.tier])
            self.rng.shuffle(self.heading_pool)
        return self.heading_pool.pop()

    def core(self, text: str, ops: list[str], allow_trim: bool = True) -> tuple[str, bool]:
        """Keep verbatim, or trim and localise; returns (text, verbatim)."""
        p = self.prof
        if self.chance(p.verbatim):
            ops.append("verbatim")
            return text, True
        if allow_trim and self.chance(p.trim):
            t = trim(text, self.rng, p.trim_more)
            if t is not None:
                ops.append(f"trim({_words(t)}/{_words(text)} words)")
                text = t
        if self.chance(p.localise):
            t, org = localise_tracked(text, self.rules)
            if t != text:
                ops.append("localise(org)" if org else "localise")
                text = t
        return text, False

    def finish(self, text: str, ops: list[str], verbatim: bool, allow_expand: bool = True) -> str:
        """Expand (unless kept verbatim), then spelling noise."""
        if not verbatim and allow_expand and self.chance(self.prof.expand):
            text = expand(text, self.rng, self.rules, self.prof.expand_sentence, self.local_sentence())
            ops.append("expand")
        return self.noise(text, ops)

    def edit(self, text: str, ops: list[str], allow_trim: bool = True, allow_expand: bool = True) -> str:
        text, verbatim = self.core(text, ops, allow_trim)
        return self.finish(text, ops, verbatim, allow_expand)

    def noise(self, text: str, ops: list[str]) -> str:
        p = self.prof
        for name, prob, fn in (("abbreviate", p.abbreviate, lambda t: abbreviate(t, self.rng)),
                               ("tone", p.tone, lambda t: retone(t, self.tone_style)),
                               ("case", p.case, lambda t: recase(t, self.rng)),
                               ("quotes", p.quotes, lambda t: requote(t, self.rng))):
            if self.chance(prob):
                t = fn(text)
                if t != text:
                    ops.append(name)
                    text = t
        return text

    def carry(self, node: Node) -> list[Node]:
        """A parent block carried down: edited, perhaps split in two (before any local expansion, so both
        halves hold parent text), its nested blocks derived."""
        ops: list[str] = []
        text, verbatim = self.core(node.text, ops)
        pieces = [text]
        if not node.blocks and self.chance(self.prof.split):
            pieces = list(split_text(text, self.rng) or pieces)
        out = []
        for k, piece in enumerate(pieces):
            piece_ops = [*ops, f"split({k + 1}/2)"] if len(pieces) > 1 else list(ops)
            out.append(Node(node.kind, self.finish(piece, piece_ops, verbatim), src=[(node.pid, True)], ops=piece_ops))
        out[0].blocks = self.blocks(node.blocks)
        return out

    def blocks(self, nodes: list[Node], allow_local: bool = True) -> list[Node]:
        p = self.prof
        out: list[Node] = []
        for n in nodes:
            if self.chance(p.drop_unit):
                self.notes.append(f"dropped {n.pid}")
                continue
            out += self.carry(n)
        merged: list[Node] = []
        for c in out:
            prev = merged[-1] if merged else None
            if prev is not None and not prev.blocks and not c.blocks and prev.kind == c.kind and prev.src \
                    and c.src and self.chance(p.merge):
                joiner = self.rng.choice(("; ", " "))
                head = prev.text.rstrip().rstrip(".;:")
                tail = _lower_first(c.text) if joiner == "; " else c.text
                prev.text = head + ("; " if joiner == "; " else ". ") + tail
                prev.src += [s for s in c.src if s not in prev.src]
                prev.ops.append("merge")
                continue
            merged.append(c)
        out = merged
        if len(out) > 1 and self.chance(p.reorder_blocks):
            before = [id(x) for x in out]
            self.rng.shuffle(out)
            if [id(x) for x in out] != before:
                for x in out:
                    x.ops.append("reordered")
        if allow_local and out and self.chance(p.add_bullet):
            for _ in range(self.rng.choice((1, 1, 2))):
                out.insert(self.rng.randint(0, len(out)), Node("bullet", self.local_sentence(), ops=["local"]))
        return out

    def item(self, node: Node, top: bool) -> Node | None:
        p = self.prof
        ops: list[str] = []
        if top and _words(node.text) <= 20 and self.chance(p.rewrite_heading):
            text = self.local_heading()
            src = [(node.pid, False)]
            ops.append("heading rewritten")
        else:
            # an addressee heading ("Hội Nhà báo tỉnh …") is localised, never trimmed or expanded
            text = self.edit(node.text, ops, allow_trim=_words(node.text) > 20,
                             allow_expand=not (top and _words(node.text) <= 20))
            # an addressee heading that keeps under half its words is a rewrite (as in the sample gold,
            # "Ban tuyên giáo các huyện, thị, thành ủy, các đảng ủy trực thuộc Tỉnh ủy" → "Ban Tuyên giáo huyện ủy")
            short = top and _words(node.text) <= 20
            rewritten = "localise(org)" in ops or word_overlap(node.text, text) < 0.5
            src = [(node.pid, not (short and rewritten))]
            if not src[0][1]:
                ops.append("heading mostly rewritten")
        out = Node("item", text, src=src, ops=ops)
        out.blocks = self.blocks(node.blocks)
        subs: list[Node] = []
        for sub in node.items:
            if len(node.items) > 1 and self.chance(p.drop_item):
                self.notes.append(f"dropped item {sub.pid}")
                continue
            c = self.item(sub, top=False)
            if c is None:
                continue
            subs.append(c)
            paras = [b for b in c.blocks if b.kind == "para" and not b.blocks]
            if paras and paras[-1] is c.blocks[-1] and self.chance(p.promote):
                b = c.blocks.pop()
                subs.append(Node("item", b.text, src=b.src, ops=[*b.ops, "promoted to item"]))
        if len(subs) > 1 and self.chance(p.reorder_subitems):
            before = [id(x) for x in subs]
            self.rng.shuffle(subs)
            if [id(x) for x in subs] != before:
                for x in subs:
                    x.ops.append("reordered")
        if subs and self.chance(p.add_subitem):
            local = Node("item", self.local_sentence(), ops=["local"])
            if self.chance(0.5):
                local.blocks = [Node("bullet", self.local_sentence(), ops=["local"]) for _ in range(2)]
            subs.insert(self.rng.randint(0, len(subs)), local)
        out.items = subs
        return out

    def letter(self, tree: list[Node]) -> list[Node]:
        p = self.prof
        sections = []
        for sec in tree:
            if len(tree) > 1 and self.chance(p.drop_item):
                self.notes.append(f"dropped section {sec.pid}")
                continue
            c = self.item(sec, top=True)
            if c is not None:
                sections.append(c)
        if not sections:  # never drop everything
            sections.append(self.item(tree[0], top=True))
        if len(sections) > 1 and self.chance(p.move_section):
            k = self.rng.randrange(len(sections))
            sec = sections.pop(k)
            j = self.rng.choice([x for x in range(len(sections) + 1) if x != k])
            sections.insert(j, sec)
            sec.ops.append("section moved")
            self.notes.append(f"section {sec.src[0][0] if sec.src else '?'} moved to position {j + 1}")
        lo, hi = p.add_items
        for _ in range(self.rng.randint(lo, hi)):
            heading = self.local_heading()
            local = Node("item", heading, ops=["local"])
            local.blocks = [Node("bullet", self.local_sentence(), ops=["local"])
                            for _ in range(self.rng.randint(1, 3))]
            at = self.rng.randint(1, len(sections))
            sections.insert(at, local)
            self.notes.append(f"local section at position {at + 1}")
        return sections


# --- rendering ------------------------------------------------------------------------------------------------------


@dataclass
class Layout:
    blank: bool  # blank line between paragraphs (the district sample) or not (the provincial one)
    dash: str  # bullet marker of the first level
    indent: str  # before bullets
    header: str  # none | tabbed | stacked
    inline_recipients: bool
    context: bool  # a context paragraph before the citation
    closing: bool  # a closing paragraph after the last item
    signer: str
    # Word-export Markdown leftovers, as in the district sample: “*title*”, **T/M …**, "- Kính gửi:*"
    markdown: bool = False
    crlf: bool = False
    bom: bool = False


def _page_break(text: str, rng: random.Random) -> tuple[str, str] | None:
    """Cut a long text where the next word starts lower case (what a page break leaves in a .txt export)."""
    if len(text) < 200:
        return None
    spots = [m.start() for m in re.finditer(r" (?=[^\W\d_]{2,})", text)
             if 0.3 * len(text) < m.start() < 0.8 * len(text) and text[m.start() + 1].islower()]
    if not spots:
        return None
    at = rng.choice(spots)
    return text[:at], text[at + 1:]


def render_items(tree: list[Node], layout: Layout, rng: random.Random, prof: Profile,
                 notes: list[str]) -> tuple[list[str], list[tuple[str, str, Node]]]:
    lines: list[str] = []
    ids = _ids(tree)
    breaks = 0
    for uid, label, node in ids:
        depth = uid.count("/")
        if node.kind == "item":
            prefix = f"{label} "
        elif node.kind == "bullet":
            prefix = layout.indent + (f"{layout.dash} " if depth == 1 else "+ ")
        else:
            prefix = ""
        text = node.text
        if layout.markdown and "“" in text:
            text = re.sub(r"“([^“”]{3,})”", r"“*\1*”", text)
        parts = [text]
        if breaks < 2 and rng.random() < prof.page_break:
            cut = _page_break(text, rng)
            if cut:
                parts = list(cut)
                breaks += 1
                notes.append(f"page break in {uid}")
                node.ops.append("page break")
        if rng.random() < prof.nfd:
            parts = [unicodedata.normalize("NFD", x) for x in parts]
            node.ops.append("nfd")
        lines.append(prefix + parts[0])
        for extra in parts[1:]:
            lines.append("")
            lines.append(extra)
        if layout.blank:
            lines.append("")
    return lines, ids


def _vn_date(d: dt.date) -> str:
    return f"ngày {d.day:02d} tháng {d.month} năm {d.year}"


@dataclass
class ParentInfo:
    symbol: str | None
    date: dt.date | None
    body: str  # "Ban Tuyên giáo Tỉnh ủy"
    subject: str
    place: str
    tier: str  # tier of the child: district | commune


def parent_info(parent: Letter) -> ParentInfo:
    h = parent.header
    child_tier = "commune" if parent.tier == Tier.DISTRICT else "district"
    body = {"BTGTU": "Ban Tuyên giáo Tỉnh ủy", "TU": "Ban Thường vụ Tỉnh ủy", "HU": "Ban Thường vụ Huyện ủy"}.get(
        h.issuer_code or "", "Ban Thường vụ Huyện ủy" if child_tier == "commune" else "Ban Tuyên giáo Tỉnh ủy")
    return ParentInfo(symbol=h.symbol, date=h.date, body=body,
                      subject=h.subject or "tiếp tục đẩy mạnh công tác tuyên truyền",
                      place=h.place or "Bình Phước", tier=child_tier)


def _citation(info: ParentInfo, rng: random.Random, prof: Profile, evidence: str | None = None) -> tuple[str, dict]:
    exact, wrong, _ = prof.cite
    r = rng.random()
    if evidence is not None:  # the class is drawn by the caller; the draw above keeps the sequence
        r = {"citation": 0.0, "near-citation": exact}.get(evidence, 1.0)
    numbered = re.match(r"(\d+)(.*)", info.symbol or "")  # "1383-CV/BTGTU"; PDF text loses hyphens: "337KH/TWĐTN"
    if numbered and r < exact + wrong:
        number, rest = numbered.groups()
        date = info.date or dt.date(2024, 5, 22)
        status = "exact"
        if r >= exact:
            if rng.random() < 0.5:
                number = str(max(1, int(number) + rng.choice((-151, -9, -1, 1, 10, 100))))
                status = "wrong number"
            else:
                date = date + dt.timedelta(days=rng.choice((-3, -1, 1, 2)))
                status = "wrong date"
        cited = f"Công văn số {number}{rest}, ngày {date.day}/{date.month}/{date.year} của {info.body}"
        return f"Thực hiện {cited} về việc {info.subject}", {"status": status, "symbol": f"{number}{rest}",
                                                              "date": date.isoformat()}
    return f"Thực hiện chỉ đạo của {info.body} về việc {info.subject}", {"status": "none"}


# What a lower-tier letter gives to find its parent by, in a generated folder (bench/scale_corpus.py).
# Of the 20 real letters in ../shared/eval/real/letters, 18 cite what they implement and 15 carry a
# header; a real folder also misses some cited letters and holds typos. The mix below errs towards the
# hard classes (a quarter with no usable citation) so that content pairing is measured on enough letters.
EVIDENCE_MIX = {"citation": 0.62, "near-citation": 0.13, "header-only": 0.15, "neither": 0.10}


def derive(parent: Letter, rng: random.Random, profile: Profile, evidence: str | None = None,
           local_name: str | None = None) -> Derived:
    """A child letter derived from `parent`, with its gold links and everything needed to score it.

    `evidence` (a key of EVIDENCE_MIX) fixes what the child gives to find its parent by: an exact
    citation, a near-miss one (a typo in the number or a date a few days off), a header with no
    citation (the Party form, under the line naming the body above), or neither; by default the
    profile's citation odds and any header. With `evidence` set, local text is also about the office
    itself more than half the time (its place, its villages, its dates), as real local text is, rather
    than only sentences every office of the corpus draws from one list; `local_name` names the office
    (default: drawn from a short list, so sibling offices may share a name)."""
    info = parent_info(parent)
    if local_name is None:
        local_name = rng.choice(COMMUNES if info.tier == "commune" else DISTRICTS)
    rules = localisation_rules(info.tier, info.place, local_name)
    d = _Deriver(rng, profile, rules, info.tier)
    if evidence is not None:
        d.specific = local_name
    tree = d.letter(letter_to_tree(parent))
    layout = Layout(blank=rng.random() < 0.6, dash=rng.choice(("-", "-", "-", "–")), indent=rng.choice(("", "", " ")),
                    header=rng.choice(("none", "tabbed", "stacked")), inline_recipients=rng.random() < 0.25,
                    context=rng.random() < 0.3, closing=rng.random() < 0.5, signer=rng.choice(SIGNERS),
                    markdown=rng.random() < 0.3, crlf=rng.random() < 0.2, bom=rng.random() < 0.1)
    above = None
    if evidence == "neither":
        layout.header = "none"
    elif evidence is not None:
        if layout.header == "none":  # a letter that gives a citation or a header has a header
            layout.header = rng.choice(("tabbed", "stacked"))
        if parent.header.place and rng.random() < 0.7:  # "ĐẢNG BỘ TỈNH …" over "HUYỆN ỦY …"
            above = f"ĐẢNG BỘ {'TỈNH' if info.tier == 'district' else 'HUYỆN'} {parent.header.place.upper()}"
    notes = list(d.notes)
    body, ids = render_items(tree, layout, rng, profile, notes)

    district = info.tier == "district"
    org = f"HUYỆN ỦY {local_name.upper()}" if district else f"ĐẢNG ỦY XÃ {local_name.upper()}"
    code = "HU" if district else "ĐU"
    number = rng.randint(12, 480)
    date = (info.date or dt.date(2024, 5, 28)) + dt.timedelta(days=rng.randint(2, 12))
    place = local_name
    lines: list[str] = []
    if above and layout.header == "tabbed":
        lines += [f"{above}\t\t\tĐẢNG CỘNG SẢN VIỆT NAM", org, "        *",
                  f"Số {number}-CV/{code}\t\t\t{place}, {_vn_date(date)}",
                  f"V/v triển khai thực hiện {info.subject}", "", ""]
    elif above and layout.header == "stacked":
        lines += [above, org, "*", f"Số {number}-CV/{code}", f"V/v {info.subject}", "ĐẢNG CỘNG SẢN VIỆT NAM",
                  f"{place}, {_vn_date(date)}", "", ""]
    elif layout.header == "tabbed":
        lines += [f"{org}\t\t\tĐẢNG CỘNG SẢN VIỆT NAM", "        *",
                  f"Số {number}-CV/{code}\t\t\t{place}, {_vn_date(date)}",
                  f"V/v triển khai thực hiện {info.subject}", "", ""]
    elif layout.header == "stacked":
        lines += [org, "*", f"Số {number}-CV/{code}", f"V/v {info.subject}", "ĐẢNG CỘNG SẢN VIỆT NAM",
                  f"{place}, {_vn_date(date)}", "", ""]
    recipients = [h for h in LOCAL_HEADINGS[info.tier]]
    rng.shuffle(recipients)
    recipients = recipients[: rng.randint(2, 5)]
    if layout.inline_recipients:
        lines += [f"Kính gửi: {recipients[0]}."]
    else:
        lines.append("- Kính gửi:*" if layout.markdown else "Kính gửi:")
        lines += [f"{layout.indent}- {r}{'.' if k == len(recipients) - 1 else ','}" for k, r in enumerate(recipients)]
    lines.append("")
    preamble: list[str] = []
    if layout.context:
        preamble.append(localise(rng.choice(CONTEXT_SENTENCES), rules))
    cite, citation = _citation(info, rng, profile, evidence)
    who = "Ban Thường vụ Huyện ủy" if district else "Ban Thường vụ Đảng ủy"
    preamble.append(f"{cite}, {who} đề nghị các cơ quan, đơn vị, địa phương triển khai thực hiện một số nội dung sau:")
    for p in preamble:
        lines += [p, ""] if layout.blank else [p]
    lines += body
    if layout.closing:
        lines += [rng.choice(("Nhận được Công văn này, đề nghị các cơ quan, đơn vị, địa phương nghiêm túc triển khai "
                              "thực hiện./.",
                              "Trên đây là nội dung chỉ đạo, đề nghị các đơn vị triển khai thực hiện có hiệu quả./.")),
                  ""]
    if not layout.blank:
        lines.append("")
    lines += ["Nơi nhận:", f"- {info.body} (b/c),", "- Thường trực " + ("Huyện ủy," if district else "Đảng ủy,"),
              "- Như kính gửi,", f"- Lưu {'VPHU' if district else 'VP'}.", "",
              "T/M BAN THƯỜNG VỤ" if district else "T/M ĐẢNG ỦY", rng.choice(("PHÓ BÍ THƯ", "BÍ THƯ")), "", "", "",
              layout.signer, ""]
    if layout.markdown:
        k = lines.index("T/M BAN THƯỜNG VỤ" if district else "T/M ĐẢNG ỦY")
        lines[k], lines[k + 1] = f"**{lines[k]}", f"{lines[k + 1]}**"
    text = ("\ufeff" if layout.bom else "") + ("\r\n" if layout.crlf else "\n").join(lines)

    links, optional = [], []
    for uid, _, node in ids:
        for pid, required in node.src:
            pair = (pid, uid)
            if required and pair not in links:
                links.append(pair)
            elif not required and pair not in optional:
                optional.append(pair)
    optional = [x for x in optional if x not in links]
    return Derived(
        text=text, links=links, optional_links=optional, child_units=[uid for uid, _, _ in ids],
        child_texts={uid: clean_text(node.text) for uid, _, node in ids}, child_preamble=preamble,
        ops={uid: node.ops for uid, _, node in ids}, citation=citation,
        layout=dataclasses.asdict(layout), notes=notes,
    )


def derive_letter(parent: Letter, rng: random.Random, profile: Profile) -> tuple[str, list[tuple[str, str]]]:
    """The child letter as .txt text and its gold (required) unit links (parent unit id, child unit id)."""
    d = derive(parent, rng, profile)
    return d.text, d.links


# --- parents ----------------------------------------------------------------------------------------------------------


def _letter_units(letter: Letter) -> list[tuple[str, str]]:
    from cascade.units import letter_units

    return [(u.id, u.text) for u in letter_units(letter, frame=False)]


def shuffled_parent(rng: random.Random, path: Path) -> tuple[str, Letter]:
    """A provincial letter recombined from the items of both samples (district items put back at province
    level), written to `path`; returns its text and its Letter with the ids of what was written."""
    prov = letter_to_tree(parse_letter(PROVINCE_SAMPLE))
    dist = letter_to_tree(parse_letter(DISTRICT_SAMPLE))

    def delocal(n: Node) -> Node:
        c = _copy(n)
        for x in c.walk():
            x.text = localise(x.text, _DELOCALISE)
        return c

    # sections with the same content in both samples: (province version, district version)
    sub_pairs = [(0, 0), (1, 1), (2, 2), (3, None), (4, 3), (5, 4), (6, None), (7, 5)]
    sec1 = _copy(prov[0])
    if rng.random() < 0.3:
        sec1.text = delocal(dist[0]).text
    chosen = [k for k in range(len(sub_pairs)) if rng.random() < 0.7]
    while len(chosen) < 3:
        chosen = sorted(set(chosen) | {rng.randrange(len(sub_pairs))})
    subs = []
    for k in chosen:
        pk, dk = sub_pairs[k]
        subs.append(_copy(prov[0].items[pk]) if dk is None or rng.random() < 0.7 else delocal(dist[0].items[dk]))
    if rng.random() < 0.5:
        rng.shuffle(subs)
    sec1.items = subs
    sections = [sec1]
    for pk, dk in ((1, 1), (2, 4), (3, 2)):
        if rng.random() < 0.8:
            sections.append(_copy(prov[pk]) if rng.random() < 0.7 else delocal(dist[dk]))
    if rng.random() < 0.5:
        sections.append(delocal(dist[3]))
    if rng.random() < 0.4:
        rest = sections[1:]
        rng.shuffle(rest)
        sections = [sections[0], *rest]
    number = rng.randint(1100, 1990)
    date = dt.date(2024, rng.randint(3, 9), rng.randint(1, 28))
    subject = rng.choice(("tiếp tục đẩy mạnh công tác tuyên truyền", "định hướng công tác tuyên truyền năm 2024",
                          "tuyên truyền kết quả phát triển kinh tế - xã hội và đại hội đảng bộ các cấp"))
    lines = ["\tTỈNH ỦY BÌNH PHƯỚC\t\t\tĐẢNG CỘNG SẢN VIỆT NAM", "   BAN TUYÊN GIÁO", "                 *",
             f"    Số {number}-CV/BTGTU\t\t\tBình Phước, {_vn_date(date)}", "", f"    V/v {subject}",
             "\tKính gửi:", "\t- Các ban xây dựng Đảng Tỉnh ủy,", "- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh,",
             "- Các đoàn thể chính trị - xã hội tỉnh,", "- Ban tuyên giáo các huyện, thị, thành ủy,",
             "đảng ủy trực thuộc Tỉnh ủy.", "", ""]
    prov_letter = parse_letter(PROVINCE_SAMPLE)
    lines += [p.text for p in prov_letter.preamble]
    layout = Layout(blank=False, dash="-", indent="", header="tabbed", inline_recipients=False, context=False,
                    closing=False, signer="")
    body, _ = render_items(sections, layout, rng, dataclasses.replace(LIGHT, page_break=0.0, nfd=0.0), [])
    lines += body
    lines += ["", "Nơi nhận:", "- Như trên,", "- Thường trực Tỉnh ủy (b/c),", "- Lưu VT.", "",
              "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "", "", rng.choice(SIGNERS), ""]
    text = "\n".join(lines)
    path.write_text(text, encoding="utf-8")
    header = Header(issuer="BAN TUYÊN GIÁO", parent_issuer="TỈNH ỦY BÌNH PHƯỚC", symbol=f"{number}-CV/BTGTU",
                    number=str(number), doc_type="CV", issuer_code="BTGTU", place="Bình Phước", date=date,
                    subject=subject)
    return text, tree_to_letter(sections, header, path, Tier.PROVINCE)


def choose_parent(rng: random.Random, out_dir: Path) -> tuple[str, Path, Letter]:
    """(kind, path written, Letter with the gold ids) for a cascade: one of the samples or a shuffled letter."""
    kind = rng.choices(("province", "district", "shuffled"), weights=(0.35, 0.2, 0.45))[0]
    path = out_dir / "parent.txt"
    if kind == "shuffled":
        _, letter = shuffled_parent(rng, path)
        return kind, path, letter
    src = PROVINCE_SAMPLE if kind == "province" else DISTRICT_SAMPLE
    path.write_bytes(src.read_bytes())
    return kind, path, parse_letter(path)  # the parser is exact on both samples (gold_samples.json scores 1.0)


def _item_of(uid: str) -> str:
    return uid.split("/")[0]


def gold_json(name: str, parent_file: str, parent: Letter, child_file: str, d: Derived, extra: dict) -> dict:
    p_units = _letter_units(parent)
    links = [list(x) for x in d.links]
    optional = [list(x) for x in d.optional_links]
    item_links: list[list[str]] = []
    for p, c in d.links:
        x = [_item_of(p), _item_of(c)]
        if x not in item_links:
            item_links.append(x)
    optional_items: list[list[str]] = []
    for p, c in d.optional_links:
        x = [_item_of(p), _item_of(c)]
        if x not in item_links and x not in optional_items:
            optional_items.append(x)
    carried = {p for p, _ in d.links} | {p for p, _ in d.optional_links}
    received = {c for _, c in d.links} | {c for _, c in d.optional_links}
    p_items = [u for u, _ in p_units if "/" not in u]
    c_items = [u for u in d.child_units if "/" not in u]
    return {
        "name": name, **extra,
        "parent": {"file": parent_file, "symbol": parent.header.symbol,
                   "date": parent.header.date.isoformat() if parent.header.date else None,
                   "units": [u for u, _ in p_units], "texts": dict(p_units),
                   "preamble": [p.text for p in parent.preamble]},
        "child": {"file": child_file, "units": d.child_units, "texts": d.child_texts, "preamble": d.child_preamble,
                  "ops": d.ops, "citation": d.citation, "layout": d.layout},
        "links": links, "optional_links": optional,
        "parent_only": [u for u, _ in p_units if u not in carried],
        "child_only": [u for u in d.child_units if u not in received],
        "item_links": item_links, "optional_item_links": optional_items,
        "item_parent_only": [i for i in p_items if i not in {a for a, _ in item_links}],
        "item_child_only": [i for i in c_items if i not in {b for _, b in item_links}],
        "notes": "; ".join(d.notes),
    }


def write_cascade(out_dir: str | Path, seed: int, n_children: int, profile: Profile | str | None = None) -> list[dict]:
    """Write parent.txt, child_NN.txt and gold_NN.json (../shared/eval/gold_samples.json format) into out_dir.

    Each child gets `profile`, or one drawn from PROFILES by the seeded generator. Returns, per child,
    {"parent": path, "child": path, "gold": path, "profile": name, "parent_kind": kind}.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    kind, parent_path, parent = choose_parent(rng, out)
    pairs = []
    for k in range(1, n_children + 1):
        prof = PROFILES[profile] if isinstance(profile, str) else profile
        if prof is None:
            prof = PROFILES[rng.choice(sorted(PROFILES))]
        d = derive(parent, rng, prof)
        child_path = out / f"child_{k:02d}.txt"
        child_path.write_bytes(d.text.encode("utf-8"))  # keeps CRLF and BOM as generated
        gold = gold_json(f"generated seed {seed} child {k}: {kind} parent, {prof.name} profile", parent_path.name,
                         parent, child_path.name, d, {"seed": seed, "profile": prof.name, "parent_kind": kind})
        gold_path = out / f"gold_{k:02d}.json"
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        pairs.append({"parent": str(parent_path), "child": str(child_path), "gold": str(gold_path),
                      "profile": prof.name, "parent_kind": kind})
    return pairs


__all__ = ["EVIDENCE_MIX", "PROFILES", "Derived", "Profile", "derive", "derive_letter", "shuffled_parent",
           "unique_names",
           "write_cascade"]
