"""Small Party công văn built in code as .txt text, written to a tmp folder and parsed with
`parsers.parse_letter`, for the link, citation, graph, report and CLI tests.

A letter is a header (issuer lines, "*", "Số …", motto, place and date, "V/v …"), "Kính gửi:" with
"- …" lines, one preamble paragraph, the body lines exactly as given ("1.", "1.1.", "- ", "+ "), a
"Nơi nhận:" list and a signature. Body lines are written verbatim so a test sees the layout it
builds; `item(...)` helps to write one numbered item with its bullets.
"""

import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from models import CitationRole, Letter
from parsers import parse_letter

PARENT_HEADER = (
    "TỈNH ỦY BÌNH PHƯỚC",
    "BAN TUYÊN GIÁO",
    "*",
    "Số 12-CV/BTGTU",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Bình Phước, ngày 22 tháng 5 năm 2024",
    "V/v tiếp tục đẩy mạnh công tác tuyên truyền",
)
PARENT_RECIPIENTS = (
    "Các ban xây dựng Đảng Tỉnh ủy,",
    "Ban tuyên giáo các huyện, thị, thành ủy.",
)
PARENT_PREAMBLE = (
    "Thực hiện Công văn số 8371-CV/BTGTW, ngày 10/5/2024 của Ban Tuyên giáo Trung ương về việc tiếp tục "
    "đẩy mạnh công tác tuyên truyền, Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan, đơn vị thực hiện tốt "
    "một số nội dung sau:"
)
PARENT_CC = ("Ban Tuyên giáo Trung ương (b/c),", "Lưu VP.")
PARENT_SIGNATURE = ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn An")

CHILD_HEADER = (
    "HUYỆN ỦY BÙ ĐĂNG",
    "*",
    "Số 45-CV/HU",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Bù Đăng, ngày 30 tháng 5 năm 2024",
    "V/v tiếp tục đẩy mạnh công tác tuyên truyền",
)
CHILD_RECIPIENTS = (
    "Các tổ chức đảng trực thuộc Huyện ủy,",
    "Ban Tuyên giáo Huyện ủy.",
)
# Cites the parent of PARENT_HEADER exactly (symbol and date).
CHILD_PREAMBLE = (
    "Thực hiện Công văn số 12-CV/BTGTU, ngày 22/5/2024 của Ban Tuyên giáo Tỉnh ủy về việc tiếp tục đẩy "
    "mạnh công tác tuyên truyền, Ban Thường vụ Huyện ủy đề nghị các cơ quan, đơn vị thực hiện tốt một số "
    "nội dung sau:"
)
CHILD_CC = ("Ban Tuyên giáo Tỉnh ủy (b/c),", "Lưu VPHU.")
CHILD_SIGNATURE = ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Bình")


def item(label: str, text: str, *bullets: str) -> list[str]:
    """One numbered item's lines: `item("1.", "lead", "- a", "+ b")`."""
    return [f"{label} {text}", *bullets]


def letter_text(
    body: Iterable[str],
    *,
    header: Sequence[str] | None = PARENT_HEADER,
    recipients: Sequence[str] | None = PARENT_RECIPIENTS,
    preamble: str | None = PARENT_PREAMBLE,
    cc: Sequence[str] | None = PARENT_CC,
    signature: Sequence[str] | None = PARENT_SIGNATURE,
) -> str:
    """The letter as text; any part given as None is left out."""
    lines: list[str] = []
    if header:
        lines += [*header, ""]
    if recipients:
        lines += ["Kính gửi:", *(f"- {r}" for r in recipients), ""]
    if preamble:
        lines += [preamble]
    lines += list(body)
    if cc:
        lines += ["", "Nơi nhận:", *(f"- {r}" for r in cc)]
    if signature:
        lines += ["", *signature]
    return "\n".join(lines) + "\n"


def write_letter(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def build_letter(tmp_path: Path, name: str, body: Iterable[str], **parts) -> Letter:
    """Write a letter (see `letter_text` for the parts) and parse it."""
    return parse_letter(write_letter(tmp_path, name, letter_text(body, **parts)))


def parent_text(body: Iterable[str], **parts) -> str:
    return letter_text(body, **parts)


def child_text(body: Iterable[str], **parts) -> str:
    defaults = {"header": CHILD_HEADER, "recipients": CHILD_RECIPIENTS, "preamble": CHILD_PREAMBLE,
                "cc": CHILD_CC, "signature": CHILD_SIGNATURE}
    return letter_text(body, **{**defaults, **parts})


def pair_paths(
    tmp_path: Path,
    parent_items: Iterable[str],
    child_items: Iterable[str],
    *,
    child_preamble: str | None = CHILD_PREAMBLE,
    parent_parts: dict | None = None,
    child_parts: dict | None = None,
) -> tuple[Path, Path]:
    """Write a province parent and a district child letter; return their paths."""
    p = write_letter(tmp_path, "parent.txt", parent_text(parent_items, **(parent_parts or {})))
    c = write_letter(tmp_path, "child.txt",
                     child_text(child_items, **{"preamble": child_preamble, **(child_parts or {})}))
    return p, c


def pair(
    tmp_path: Path,
    parent_items: Iterable[str],
    child_items: Iterable[str],
    *,
    child_preamble: str | None = CHILD_PREAMBLE,
    parent_parts: dict | None = None,
    child_parts: dict | None = None,
) -> tuple[Letter, Letter]:
    """Build, write and parse a (parent, child) pair of letters."""
    p, c = pair_paths(tmp_path, parent_items, child_items, child_preamble=child_preamble,
                      parent_parts=parent_parts, child_parts=child_parts)
    return parse_letter(p), parse_letter(c)


# Stock item texts, long enough to link on their own and unrelated to each other.
A = ("Tuyên truyền, quán triệt sâu sắc chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước trên "
     "các lĩnh vực; đề cao vai trò, trách nhiệm của cấp ủy đảng, chính quyền các cấp.")
A_TRIMMED = ("Tuyên truyền, quán triệt sâu sắc chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước "
             "trên các lĩnh vực.")  # A without its last clause
A_EXPANDED = A[:-1] + ", gắn với kỷ niệm 30 năm thành lập huyện và phát động phong trào thi đua."
A_MODIFIED = ("Tuyên truyền, quán triệt sâu sắc chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước "
              "trên các lĩnh vực, gắn với kỷ niệm 30 năm thành lập huyện.")  # last clause swapped for a local one
B = ("Đẩy mạnh công tác phòng, chống tham nhũng, tiêu cực; xây dựng văn hóa liêm chính, không tham nhũng trong "
     "cán bộ, đảng viên, công chức, viên chức và người lao động.")
C = ("Nắm chắc tình hình tư tưởng, tâm trạng của các tầng lớp nhân dân, nhất là những khó khăn, vướng mắc trong "
     "đời sống sinh hoạt để kịp thời tham mưu cấp ủy biện pháp ổn định.")
D = ("Phát hiện, biểu dương các tập thể, cá nhân điển hình tiên tiến trên các lĩnh vực để nhân rộng trong toàn "
     "xã hội; phát động các phong trào thi đua yêu nước năm 2024.")
LOCAL = ("Chỉ đạo, quản lý chặt chẽ thông tin trên báo chí, Internet, mạng xã hội và hệ thống truyền thanh cơ sở; "
         "gỡ bỏ các thông tin sai trái, không đúng quy định pháp luật.")  # a child's own item

# A duty said in other words (the paraphrase tests): REFORM and FUNDS are two parent items' bullets;
# FUNDS_SAID_OTHERWISE keeps FUNDS' key terms and none of its sentence; BULLET carries REFORM and it.
REFORM = ("Rà soát, sửa đổi, bổ sung các quy định về đầu tư công, mua sắm công đối với hoạt động nghiên cứu khoa "
          "học, bảo đảm thủ tục đơn giản, thuận lợi cho nhà khoa học và doanh nghiệp.")
FUNDS = ("Hình thành các quỹ đầu tư mạo hiểm cho khởi nghiệp sáng tạo, ươm tạo công nghệ và chuyển đổi số "
         "với sự tham gia của các doanh nghiệp lớn trong nước và ngoài nước.")
FUNDS_SAID_OTHERWISE = ("huy động doanh nghiệp lớn trong nước, ngoài nước tham gia các quỹ đầu tư mạo hiểm hỗ trợ "
                        "khởi nghiệp, ươm tạo công nghệ số")
REFORM_AND_FUNDS_BULLET = (f"{REFORM[:-1]}; {FUNDS_SAID_OTHERWISE}; đề xuất bổ sung vào chương trình xây dựng luật "
                           "năm 2025 của Quốc hội.")


def item_ids(letter: Letter) -> list[str]:
    """Every item's id, depth first in document order."""
    out: list[str] = []
    stack = list(reversed(letter.items))
    while stack:
        it = stack.pop()
        out.append(it.id)
        stack.extend(reversed(it.items))
    return out


def parse_lines(lines: Sequence[str]) -> Letter:
    """Parse a text given as its lines (a real layout rebuilt in code) from a temporary file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        return parse_letter(path)


# Items of a provincial letter that its districts carry down (parent detection tests)
SENTENCES = [
    "Tuyên truyền sâu rộng kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội sáu tháng đầu năm",
    "Phản ánh kịp thời những cách làm hay, mô hình mới trong phong trào thi đua yêu nước",
    "Đấu tranh, phản bác các quan điểm sai trái, thù địch trên không gian mạng",
    "Tổ chức hội nghị báo cáo viên định kỳ, cung cấp thông tin định hướng cho cán bộ, đảng viên",
    "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong cán bộ, đảng viên",
    "Chủ động nắm bắt tình hình tư tưởng của cán bộ, đảng viên và nhân dân trước thềm đại hội",
    "Tăng cường công tác kiểm tra, giám sát việc thực hiện các nghị quyết của cấp ủy các cấp",
    "Nâng cao chất lượng sinh hoạt chi bộ gắn với thực hiện nhiệm vụ chính trị của địa phương",
]


def party_letter(issuer: str, above: str | None, number: int, day: int, body: list[str]) -> str:
    """A Party công văn of June 2024 from `issuer` (under the line `above`, if any) with `body` as its items."""
    head = ([f"{above}\t\tĐẢNG CỘNG SẢN VIỆT NAM", issuer] if above else [f"{issuer}\t\tĐẢNG CỘNG SẢN VIỆT NAM"])
    code = "BTGTU" if "TỈNH" in issuer else "HU" if "HUYỆN" in issuer else "ĐU"
    return "\n".join([*head, "*", f"Số {number}-CV/{code}\t\tngày {day} tháng 6 năm 2024", "V/v tuyên truyền",
                      "Kính gửi: Các cơ quan, đơn vị.",
                      "Đề nghị các cơ quan, đơn vị thực hiện tốt một số nội dung sau:", *body])


def numbered_items(sentences: list[str]) -> list[str]:
    """Each sentence as a numbered item with one bullet of its own."""
    out = []
    for k, s in enumerate(sentences, 1):
        out += [f"{k}. {s}.", f"- {s.split(',')[0]} trên địa bàn một cách thiết thực, hiệu quả."]
    return out


def roles_of(letter: Letter, symbol: str) -> set[CitationRole]:
    """The roles a parsed letter gives the citations of one symbol (the round tests' check)."""
    return {c.role for c in letter.citations if c.symbol == symbol}
