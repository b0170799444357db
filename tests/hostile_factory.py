"""Small hostile inputs built in code: a minimal .docx package written part by part (no python-docx,
so a test or a fuzz strategy can put any bytes in any part), and the letter text they carry.

`package(document=…, numbering=…, styles=…)` gives the bytes of a .docx whose parts are exactly the
strings given; `body(...)` wraps paragraphs in a `w:document`; `p(text, num=(numId, ilvl))` is one
paragraph. `LETTER_LINES` is a short Party letter (header, "Kính gửi", numbered items, "Nơi nhận",
signature) used as the text of both the .docx and the .txt seeds.
"""

import io
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"

LETTER_LINES = (
    "TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO", "*", "Số 1383-CV/BTGTU", "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Bình Phước, ngày 22 tháng 5 năm 2024", "V/v tiếp tục đẩy mạnh công tác tuyên truyền",
    "Kính gửi: Các ban xây dựng Đảng Tỉnh ủy.",
    "Thực hiện Công văn số 8371-CV/BTGTW, ngày 10/5/2024 của Ban Tuyên giáo Trung ương, Ban Tuyên giáo "
    "Tỉnh ủy đề nghị:",
    "1. Tuyên truyền sâu rộng chủ trương của Đảng.",
    "- Kinh tế vĩ mô ổn định, lạm phát được kiểm soát.",
    "2. Tổ chức tốt công tác thông tin, tuyên truyền.",
    "Nơi nhận:", "- Như trên,", "- Lưu VPTU.", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Nguyễn Văn A",
)
LETTER_TXT = "\n".join(LETTER_LINES) + "\n"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{CT}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{CT}.styles+xml"/>'
    f'<Override PartName="/word/numbering.xml" ContentType="{CT}.numbering+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/numbering" Target="numbering.xml"/></Relationships>'
)
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="List"><w:name w:val="List"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>'
    "</w:styles>"
)


def lvl(ilvl: int, fmt: str = "decimal", text: str = "%1.", start: str = "1") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/></w:lvl>')


def numbering(levels: str | None = None, overrides: str = "") -> str:
    """One abstractNum (id 0) with `levels` (default: decimal "%1." then bullets) and num 1 using it."""
    levels = levels if levels is not None else lvl(0) + lvl(1, "bullet", "-") + lvl(2, "bullet", "+")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
            f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/>{overrides}</w:num></w:numbering>')


def p(text: str, num: tuple[int | str, int | str] | None = None) -> str:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>' if num else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def body(*paragraphs: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}">'
            f'<w:body>{"".join(paragraphs)}</w:body></w:document>')


def letter_paragraphs(numbered: bool = True) -> list[str]:
    """The letter's lines as paragraphs; with `numbered`, the items carry Word numbering instead of
    typed labels."""
    out = []
    for line in LETTER_LINES:
        if numbered and line[:2] in ("1.", "2."):
            out.append(p(line[3:], num=(1, 0)))
        elif numbered and line.startswith("- Kinh"):
            out.append(p(line[2:], num=(1, 1)))
        else:
            out.append(p(line))
    return out


def parts(document: str | bytes | None = None, numbering_xml: str | bytes | None = None,
          styles: str | bytes | None = None) -> dict[str, bytes]:
    """The parts of the seed letter package, any of them replaced."""
    def b(x: str | bytes) -> bytes:
        return x.encode() if isinstance(x, str) else x

    return {
        "[Content_Types].xml": CONTENT_TYPES.encode(),
        "_rels/.rels": ROOT_RELS.encode(),
        "word/_rels/document.xml.rels": DOCUMENT_RELS.encode(),
        "word/document.xml": b(document if document is not None else body(*letter_paragraphs())),
        "word/styles.xml": b(styles if styles is not None else STYLES),
        "word/numbering.xml": b(numbering_xml if numbering_xml is not None else numbering()),
    }


def zip_parts(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def package(document: str | bytes | None = None, numbering_xml: str | bytes | None = None,
            styles: str | bytes | None = None) -> bytes:
    """A .docx (bytes) of the seed letter with any part replaced."""
    return zip_parts(parts(document, numbering_xml, styles))
