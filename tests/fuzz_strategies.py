"""Hypothesis strategies that mutate letter files: the parts of a .docx (main document, numbering,
styles, relationships, content types) and the zip around them, and the bytes of a .txt.

Each strategy starts from a real letter (tests/hostile_factory.py) and applies a few mutations,
mixing blind byte edits (what a damaged disk or a cut download does) with edits that know the format
(what a generator, a converter or an attacker writes: extreme numbering, deep nesting, odd
characters, entities, lying zip headers), so most inputs get past the first check and reach the
reader, the numbering and the segmenter. Used by tests/test_fuzz.py (a bounded run in CI) and
bench/fuzz.py (the long run by hand)."""

import codecs
import io
import struct
import zipfile

from hostile_factory import LETTER_TXT, body, letter_paragraphs, lvl, numbering, p, parts
from hypothesis import strategies as st

# --- bytes -----------------------------------------------------------------------------------------

INTERESTING_BYTES = [
    b"\x00", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b"\xff\xfe", b"\r", b"\r\n", b"\n\n\n", b"\t", b"\x1b[2J",
    b"\xc3", b"\xe1\xbb", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"%PDF-1.4", b"PK\x03\x04", b"{\\rtf1",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"1. ", b"- ", b"+ ", "Kính gửi:".encode(), "Nơi nhận:".encode(),
    "Số 12-CV/HU".encode(), "Thực hiện Công văn số 8371-CV/BTGTW ngày 10/5/2024".encode(), b"I. ", b"a) ",
    "Điều 1. ".encode(), b"=HYPERLINK(\"x\")", b"`<img src=x onerror=alert(1)>`", b"\xe2\x80\xae",
]


@st.composite
def mutated_bytes(draw: st.DrawFn, seed: bytes, max_edits: int = 6) -> bytes:
    """`seed` with a few blind edits: bytes flipped, ranges deleted, duplicated or moved,
    interesting tokens inserted, the end cut."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, max_edits))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "token", "truncate", "swap"]))
        at = draw(st.integers(0, max(0, len(data))))
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "repeat":
            chunk = data[at : at + draw(st.integers(1, 48))]
            data[at:at] = bytes(chunk) * draw(st.integers(1, 200))
        elif kind == "token":
            data[at:at] = draw(st.sampled_from(INTERESTING_BYTES)) * draw(st.integers(1, 3))
        elif kind == "truncate":
            del data[at:]
        elif kind == "swap" and len(data) > 2:
            b = draw(st.integers(0, len(data) - 1))
            lo, hi = sorted((at, b))
            data[lo:hi] = data[lo:hi][::-1]
    return bytes(data)


# --- .txt ------------------------------------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258"]
# Inputs stay within what a letter can be (a long one is 100 KB): a bigger file only costs time in
# proportion to its size, which the per-file time budget bounds; fuzzing looks for blow-ups.
MAX_CHARS = 600_000


@st.composite
def txt_inputs(draw: st.DrawFn) -> bytes:
    """The seed letter in one of the encodings a .txt letter comes in, then mutated."""
    text = LETTER_TXT
    if draw(st.booleans()):  # a few lines repeated, dropped or replaced with extreme ones
        lines = text.split("\n")
        for _ in range(draw(st.integers(1, 3))):
            k = draw(st.integers(0, len(lines) - 1))
            choice = draw(st.sampled_from(["repeat", "drop", "long", "deep", "bullets"]))
            if choice == "repeat":
                lines[k:k] = [lines[k]] * draw(st.integers(1, 300))
            elif choice == "drop":
                del lines[k]
            elif choice == "long":
                lines[k] = lines[k] + " chữ" * draw(st.integers(1000, 20_000))
            elif choice == "deep":
                lines[k:k] = [".".join(["1"] * d) + ". mục" for d in range(1, draw(st.integers(2, 400)))]
            else:
                marks = "-+•●○◦▪■□➢►❖*·–—"
                lines[k:k] = [f"{marks[d % len(marks)]} ý {d}" for d in range(draw(st.integers(2, 1200)))]
            if not lines:
                lines = [""]
        text = "\n".join(lines)[:MAX_CHARS]
    encoding = draw(st.sampled_from(ENCODINGS))
    data = codecs.encode(text, encoding, errors="replace") if encoding == "cp1258" else text.encode(encoding)
    return draw(mutated_bytes(data)) if draw(st.integers(0, 3)) else data


# --- .docx -----------------------------------------------------------------------------------------

NUMBERS = ["0", "1", "-1", "9", "10", "32767", "32768", "2147483648", "99999999999", "1e9", "", "abc", "٣",
           "9" * 60, " 5", "0x10", "+3"]
FORMATS = ["decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "bullet", "none", "decimalZero",
           "ordinal", "chicago", "", "hex"]
LEVEL_TEXTS = ["%1.", "%1.%2.", "%1)", "-", "", "%9%8%7%6%5%4%3%2%1", "%1" * 300, "%0%10%", "\uf0b7", "%"]
SYM_CHARS = ["F0B7", "F0A7", "0041", "D800", "DFFF", "110000", "FFFFFFFFFF", "zz", "", "-1", "0000"]


@st.composite
def numbering_part(draw: st.DrawFn) -> str:
    levels = []
    for _ in range(draw(st.integers(0, 12))):
        levels.append(lvl(draw(st.sampled_from([0, 1, 2, 3, 8, 9, 10, 500, -1])), draw(st.sampled_from(FORMATS)),
                          draw(st.sampled_from(LEVEL_TEXTS)), draw(st.sampled_from(NUMBERS))))
    overrides = ""
    if draw(st.booleans()):
        overrides = (f'<w:lvlOverride w:ilvl="{draw(st.sampled_from(NUMBERS))}">'
                     f'<w:startOverride w:val="{draw(st.sampled_from(NUMBERS))}"/></w:lvlOverride>')
    xml = numbering("".join(levels) if levels else None, overrides)
    if draw(st.booleans()):  # lists through a list style, and styles pointing at each other
        xml = xml.replace("</w:abstractNum>", '<w:numStyleLink w:val="List"/></w:abstractNum>')
    return xml


def _nest(tag: str, inner: str, depth: int) -> str:
    for _ in range(depth):
        inner = f"<w:{tag}>{inner}</w:{tag}>"
    return inner


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["plain", "numbered", "sym", "breaks", "tracked", "table", "sdt", "custom",
                                 "runs", "legacy", "mc"]))
    text = draw(st.sampled_from(["Tuyên truyền sâu rộng.", "1. Mục", "- ý", "Kính gửi:", "Nơi nhận:", "", "x" * 500,
                                 "Thực hiện Công văn số 12-CV/HU", "=cmd|' /C calc'!A0", "\u202e"]))
    if kind == "numbered":
        return p(text, num=(draw(st.sampled_from(["1", "0", "2", "", "x", "99"])), draw(st.sampled_from(NUMBERS))))
    if kind == "sym":
        char = draw(st.sampled_from(SYM_CHARS))
        return f'<w:p><w:r><w:sym w:font="Symbol" w:char="{char}"/><w:t>{text}</w:t></w:r></w:p>'
    if kind == "breaks":
        return ('<w:p><w:r><w:t>a</w:t><w:br/><w:br w:type="page"/><w:tab/><w:cr/><w:softHyphen/><w:noBreakHyphen/>'
                f"<w:t>{text}</w:t></w:r></w:p>")
    if kind == "tracked":
        return ("<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr>"
                f"<w:del><w:r><w:delText>{text}</w:delText></w:r></w:del><w:ins><w:r><w:t>{text}</w:t></w:r></w:ins>"
                "<w:moveFrom><w:r><w:t>x</w:t></w:r></w:moveFrom></w:p>")
    if kind == "table":  # a row of cells, or tables nested in cells
        depth = draw(st.integers(1, 60))
        cells = f"<w:tc>{p(text)}</w:tc>" * draw(st.integers(0, 4))
        return f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>" if draw(st.booleans()) else \
            "<w:tbl><w:tr><w:tc>" * depth + p(text) + "</w:tc></w:tr></w:tbl>" * depth
    if kind == "sdt":
        return _nest("sdt", f"<w:sdtContent>{p(text)}</w:sdtContent>", 1)
    if kind == "custom":
        return _nest("customXml", p(text), draw(st.integers(1, 1500)))
    if kind == "runs":
        return "<w:p>" + '<w:r><w:t xml:space="preserve">a </w:t></w:r>' * draw(st.integers(1, 5000)) + "</w:p>"
    if kind == "legacy":
        font = draw(st.sampled_from([".VnTime", ".VnTimeH", "VNI-Times", "Times New Roman", ""]))
        return (f'<w:p><w:r><w:rPr><w:rFonts w:ascii="{font}"/><w:caps/></w:rPr>'
                "<w:t>Tu\u00adyeân truyeàn</w:t></w:r></w:p>")
    return ('<w:p xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent>'
            f"<mc:Choice><w:r><w:t>{text}</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>old</w:t></w:r>"
            "</mc:Fallback></mc:AlternateContent></w:p>")


@st.composite
def document_part(draw: st.DrawFn) -> str:
    paras = letter_paragraphs(numbered=draw(st.booleans()))
    for _ in range(draw(st.integers(0, 4))):
        paras.insert(draw(st.integers(0, len(paras))), draw(paragraph()))
    if draw(st.integers(0, 5)) == 0 and sum(map(len, paras)) < 20_000:
        paras = paras * draw(st.integers(2, 40))
    return body(*paras)


STYLES_VARIANTS = [
    "",  # an empty part
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:style w:styleId="A"><w:basedOn w:val="B"/></w:style><w:style w:styleId="B"><w:basedOn w:val="A"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/><w:ilvl w:val="99999999999999"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="A"/></w:styles>',
    '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY e "eeeeeeeeee"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;">]>'
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&f;</w:styles>',
    '<?xml version="1.0"?><!DOCTYPE s SYSTEM "file:///etc/passwd"><w:styles '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
]
RELS_VARIANTS = [
    "", "<Relationships/>",
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" '
    'Type="x/officeDocument" Target="../../../../etc/passwd"/></Relationships>',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" '
    'Type="x/officeDocument" Target="word/styles.xml"/></Relationships>',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" '
    'Type="x/officeDocument" Target="http://evil.example/d.xml" TargetMode="External"/></Relationships>',
]
PARTS = ["word/document.xml", "word/numbering.xml", "word/styles.xml", "_rels/.rels",
         "word/_rels/document.xml.rels", "[Content_Types].xml"]


@st.composite
def docx_parts(draw: st.DrawFn) -> dict[str, bytes]:
    """The seed package's parts with some replaced by format-aware variants and some byte-mutated."""
    entries = parts(document=draw(document_part()) if draw(st.booleans()) else None,
                    numbering_xml=draw(numbering_part()) if draw(st.booleans()) else None)
    if draw(st.integers(0, 3)) == 0:
        entries["word/styles.xml"] = draw(st.sampled_from(STYLES_VARIANTS)).encode()
    if draw(st.integers(0, 4)) == 0:
        entries[draw(st.sampled_from(["_rels/.rels", "word/_rels/document.xml.rels"]))] = \
            draw(st.sampled_from(RELS_VARIANTS)).encode()
    for name in draw(st.lists(st.sampled_from(PARTS), max_size=2, unique=True)):
        action = draw(st.sampled_from(["mutate", "mutate", "drop", "empty"]))
        if action == "mutate":
            entries[name] = draw(mutated_bytes(entries[name], max_edits=3))
        elif action == "drop":
            del entries[name]
        else:
            entries[name] = b""
    return entries


def _zip(entries: dict[str, bytes], method: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


@st.composite
def docx_inputs(draw: st.DrawFn) -> bytes:
    """A .docx: mutated parts, zipped (deflated, stored, bzip2 or lzma), and sometimes the zip itself
    edited: header sizes that lie, flags (encryption, UTF-8 names), compression methods, bytes."""
    entries = draw(docx_parts())
    method = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED,
                                   zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
    data = bytearray(_zip(entries, method))
    edit = draw(st.sampled_from(["none", "none", "none", "header", "bytes", "truncate"]))
    if edit == "header":
        offsets = [i for i in range(len(data) - 4) if data[i : i + 4] in (b"PK\x03\x04", b"PK\x01\x02")]
        at = draw(st.sampled_from(offsets))
        central = data[at : at + 4] == b"PK\x01\x02"
        field = draw(st.sampled_from(["flags", "method", "csize", "usize", "namelen"]))
        pos = {"flags": 8 if central else 6, "method": 10 if central else 8, "csize": 20 if central else 18,
               "usize": 24 if central else 22, "namelen": 28 if central else 26}[field]
        width = 2 if field in ("flags", "method", "namelen") else 4
        value = draw(st.sampled_from([0, 1, 0x800, 0x41, 6, 99, 2**16 - 1, 2**32 - 1, 10, 2048]))
        struct.pack_into("<H" if width == 2 else "<I", data, at + pos, value % (2 ** (8 * width)))
    elif edit == "bytes":
        data = bytearray(draw(mutated_bytes(bytes(data), max_edits=2)))
    elif edit == "truncate":
        del data[draw(st.integers(0, len(data))) :]
    return bytes(data)
