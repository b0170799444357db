"""Build small Vietnamese official letters as .docx files in code (no binary fixtures).

Everything is written with python-docx plus raw WordprocessingML (`docx.oxml.OxmlElement`), so a
test shows exactly which Word construct it exercises:

- `LetterDocx.table(...)`, `party_header(...)`, `state_header(...)`: the borderless two-column
  header table (issuer | motto, number | place and date), lines as separate paragraphs or joined
  with soft line breaks (`w:br`, written as "\\n" in the text given here);
- `LetterDocx.define_list(...)` / `add_abstract(...)` / `add_num(...)`: a real `word/numbering.xml`
  (abstractNum + num, lvlOverride/startOverride, lists reached through a list style), and
  `numbered(...)` paragraphs that carry only `w:numPr`, so the labels ("1.", "1.1.") are not in
  the text; `paragraph_style(...)` for numbering or a legacy font inherited from a style;
- `signature_table(...)`: "Nơi nhận" on the left, the signature on the right;
- `R(...)` runs: a font (`w:rFonts`, e.g. ".VnTime" for TCVN3), tracked changes (`w:ins`, `w:del`
  with `w:delText`, `w:moveFrom`, `w:moveTo`), hyperlinks; "\\u00ad" in a run's text is written as
  `w:softHyphen` (the TCVN3 letter "ư"), "\\n" as `w:br`, "\\t" as `w:tab`, "\\f" as a page break.

`party_letter(path)` and `state_letter(path)` build complete letters used by several tests.
"""

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart

_WHEN = dt.datetime(2024, 5, 22, 8, 0).strftime("%Y-%m-%dT%H:%M:%SZ")


def el(tag: str, **attrs: object) -> Any:
    """`el("numId", val=3)` → `<w:numId w:val="3"/>`."""
    e = OxmlElement(f"w:{tag}")
    for k, v in attrs.items():
        e.set(qn(f"w:{k}"), str(v))
    return e


# --- runs -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class R:
    """One run. `track` puts it inside w:ins / w:del / w:moveFrom / w:moveTo; `link` in w:hyperlink."""

    text: str
    font: str | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    track: str | None = None  # "ins" | "del" | "moveFrom" | "moveTo"
    link: bool = False
    style: str | None = None  # character style id (w:rStyle)


_change_ids = iter(range(1, 1_000_000))
# characters Word writes as elements of their own: (tag, attributes)
_SPECIAL: dict[str, tuple[str, dict[str, str]]] = {
    "\n": ("br", {}), "\t": ("tab", {}), "\u00ad": ("softHyphen", {}), "\u2011": ("noBreakHyphen", {}),
    "\f": ("br", {"type": "page"}),
}


def run_element(run: R) -> Any:
    """A `w:r` for `run`; special characters become Word's own elements (see module docstring)."""
    r = el("r")
    if run.font or run.bold or run.italic or run.caps or run.style:
        rpr = el("rPr")
        if run.style:
            rpr.append(el("rStyle", val=run.style))
        if run.font:
            rpr.append(el("rFonts", ascii=run.font, hAnsi=run.font, cs=run.font))
        if run.bold:
            rpr.append(el("b"))
        if run.italic:
            rpr.append(el("i"))
        if run.caps:
            rpr.append(el("caps"))
        r.append(rpr)
    text_tag = "delText" if run.track in ("del", "moveFrom") else "t"
    buf: list[str] = []

    def flush() -> None:
        if buf:
            t = el(text_tag)
            t.text = "".join(buf)
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
            buf.clear()

    for ch in run.text:
        special = _SPECIAL.get(ch)
        if special is None:
            buf.append(ch)
        else:
            flush()
            r.append(el(special[0], **special[1]))
    flush()
    return r


def _wrap(run: R) -> Any:
    node = run_element(run)
    if run.link:
        link = el("hyperlink", anchor="_muc1", history=1)
        link.append(node)
        node = link
    if run.track:
        change = el(run.track, id=next(_change_ids), author="Văn thư", date=_WHEN)
        change.append(node)
        node = change
    return node


def fill_paragraph(p: Any, runs: Iterable[Any]) -> None:
    """Append runs: a str or `R`, or a ready-made element (from `field_runs`, `sym_run`) as is."""
    for run in runs:
        if isinstance(run, str | R):
            p.append(_wrap(R(run) if isinstance(run, str) else run))
        else:
            p.append(run)


def _nfd(run: Any) -> Any:
    if isinstance(run, str):
        return unicodedata.normalize("NFD", run)
    if isinstance(run, R):
        return replace(run, text=unicodedata.normalize("NFD", run.text))
    return run


def field_runs(instruction: str, result: str) -> list[Any]:
    """A complex field as Word stores it: begin, `w:instrText` code, separate, result run, end."""
    runs = []
    for part in ("begin", instruction, "separate", result, "end"):
        r = el("r")
        if part in ("begin", "separate", "end"):
            r.append(el("fldChar", fldCharType=part))
        else:
            t = el("instrText" if part == instruction else "t")
            t.text = part
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
        runs.append(r)
    return runs


def sym_run(char: str = "F0B7", font: str = "Symbol") -> Any:
    """A `w:sym` run: a glyph picked from a symbol font (Insert > Symbol), e.g. the Symbol bullet."""
    r = el("r")
    r.append(el("sym", font=font, char=char))
    return r


# --- numbering.xml --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lvl:
    """One level of an abstractNum: `Lvl("decimal", "%1.%2.")`, `Lvl("bullet", "-")`."""

    fmt: str
    text: str
    start: int = 1
    font: str | None = None  # bullet glyph font (Symbol, Wingdings)
    legal: bool = False


# Vietnamese outline numbering as Word users set it up: 1. / 1.1. / - / + .
OUTLINE = (Lvl("decimal", "%1."), Lvl("decimal", "%1.%2."), Lvl("bullet", "-"), Lvl("bullet", "+"))
# A Symbol-font bullet as Word writes it: private-use U+F0B7 drawn as "•".
SYMBOL_BULLET = (Lvl("bullet", "\uf0b7", font="Symbol"),)


def _fresh_numbering_part(document: "docx.document.Document") -> Any:
    """Replace the template's numbering part with an empty `word/numbering.xml` made here.

    python-docx's `NumberingPart.new()` is not implemented, so the part is built through docx.opc;
    starting empty means the letter's numbering is exactly what a test defines."""
    doc_part = document.part
    for rid, rel in list(doc_part.rels.items()):
        if rel.reltype == RT.NUMBERING:
            doc_part.drop_rel(rid)
    element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
    part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, doc_part.package)
    doc_part.relate_to(part, RT.NUMBERING)
    return element


# --- the letter -----------------------------------------------------------------------------------


@dataclass
class LetterDocx:
    """A Word letter under construction; `save(path)` writes the .docx."""

    document: "docx.document.Document" = field(default_factory=docx.Document)

    def __post_init__(self) -> None:
        body = self.document.element.body
        for p in body.findall(qn("w:p")):  # the template's empty first paragraph, if any
            body.remove(p)
        self._numbering = _fresh_numbering_part(self.document)
        self._next_abstract = 10
        self._next_num = 1

    # numbering
    def define_list(self, levels: Sequence[Lvl] = OUTLINE) -> int:
        """Add an abstractNum with `levels` and one num using it; return the numId."""
        return self.add_num(self.add_abstract(levels))

    def add_abstract(self, levels: Sequence[Lvl]) -> int:
        aid = self._next_abstract
        self._next_abstract += 1
        an = el("abstractNum", abstractNumId=aid)
        an.append(el("multiLevelType", val="multilevel" if len(levels) > 1 else "singleLevel"))
        for i, lv in enumerate(levels):
            lvl = el("lvl", ilvl=i)
            lvl.append(el("start", val=lv.start))
            lvl.append(el("numFmt", val=lv.fmt))
            if lv.legal:
                lvl.append(el("isLgl"))
            lvl.append(el("lvlText", val=lv.text))
            lvl.append(el("lvlJc", val="left"))
            ppr = el("pPr")
            ppr.append(el("ind", left=720 * (i + 1), hanging=360))
            lvl.append(ppr)
            if lv.font:
                rpr = el("rPr")
                rpr.append(el("rFonts", ascii=lv.font, hAnsi=lv.font, hint="default"))
                lvl.append(rpr)
            an.append(lvl)
        first_num = self._numbering.find(qn("w:num"))  # schema order: every abstractNum before any num
        if first_num is None:
            self._numbering.append(an)
        else:
            first_num.addprevious(an)
        return aid

    def add_num(self, abstract_id: int, start_overrides: dict[int, int] | None = None) -> int:
        nid = self._next_num
        self._next_num += 1
        num = el("num", numId=nid)
        num.append(el("abstractNumId", val=abstract_id))
        for ilvl, start in (start_overrides or {}).items():
            ov = el("lvlOverride", ilvl=ilvl)
            ov.append(el("startOverride", val=start))
            num.append(ov)
        self._numbering.append(num)
        return nid

    def define_list_via_style(self, levels: Sequence[Lvl] = OUTLINE, style_name: str = "Danh muc") -> int:
        """A list reached through a list (numbering) style, as Word writes "Define New List Style":
        the paragraphs' num points to an abstractNum holding only `w:numStyleLink`; the style's
        numPr points to the num whose abstractNum (with `w:styleLink`) defines the levels."""
        style = self.document.styles.add_style(style_name, WD_STYLE_TYPE.LIST)
        defining = self.add_abstract(levels)
        self._abstract(defining).find(qn("w:multiLevelType")).addnext(el("styleLink", val=style.style_id))
        style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = self.add_num(defining)
        linking = self.add_abstract(())
        self._abstract(linking).append(el("numStyleLink", val=style.style_id))
        return self.add_num(linking)

    def _abstract(self, abstract_id: int) -> Any:
        return next(a for a in self._numbering.iter(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == str(abstract_id))

    # styles
    def paragraph_style(self, name: str, font: str | None = None, num_id: int | None = None,
                        based_on: str | None = None) -> str:
        """Add a paragraph style with a run font and/or numbering; return its style id."""
        style = self.document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if based_on:
            style.base_style = self.document.styles[based_on]
        if font:
            style.element.get_or_add_rPr().append(el("rFonts", ascii=font, hAnsi=font, cs=font))
        if num_id is not None:
            style.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id
        return style.style_id

    def set_default_font(self, font: str) -> None:
        """Set the document default run font (styles.xml `w:docDefaults`)."""
        rpr = self.document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = el("rFonts")
            rpr.insert(0, fonts)
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for attr in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{attr}"), font)

    # paragraphs
    def para(self, *runs: Any, style: str | None = None, num: tuple[int, int] | None = None,
             mark_deleted: bool = False, nfd: bool = False, into: Any = None) -> Any:
        """Append a paragraph to the body (or fill the empty `w:p` given as `into`).

        `num=(numId, ilvl)` adds w:numPr; `mark_deleted` marks the paragraph mark as a tracked
        deletion (Word then joins the paragraph to the next); `nfd` writes the text decomposed."""
        p = self.document.add_paragraph()._p if into is None else into
        if style or num or mark_deleted:
            ppr = p.get_or_add_pPr()
            if style:
                ppr.get_or_add_pStyle().val = style
            if num:
                numpr = ppr.get_or_add_numPr()
                numpr.get_or_add_ilvl().val = num[1]
                numpr.get_or_add_numId().val = num[0]
            if mark_deleted:
                rpr = el("rPr")
                rpr.append(el("del", id=next(_change_ids), author="Văn thư", date=_WHEN))
                ppr.append(rpr)
        if nfd:
            runs = tuple(_nfd(r) for r in runs)
        fill_paragraph(p, runs)
        return p

    def numbered(self, text: str | R, num_id: int, ilvl: int = 0) -> Any:
        """An automatically numbered paragraph: the label lives in numbering.xml, not the text."""
        return self.para(text, num=(num_id, ilvl))

    def table(self, *rows: Sequence[Sequence[Any]]) -> "docx.table.Table":
        """A borderless table, one argument per row, each row a list of cells, each cell a list of
        paragraphs (a str, an `R`, or a list of runs)."""
        t = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        borders = el("tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(el(side, val="nil"))
        look = t._tbl.tblPr.find(qn("w:tblLook"))  # schema order: tblBorders comes before tblLook
        if look is None:
            t._tbl.tblPr.append(borders)
        else:
            look.addprevious(borders)
        for row, cells in zip(t.rows, rows, strict=True):
            for cell, paragraphs in zip(row.cells, cells, strict=True):
                for k, para in enumerate(paragraphs):
                    target = cell.paragraphs[0]._p if k == 0 else cell.add_paragraph()._p
                    self.para(*([para] if isinstance(para, str | R) else para), into=target)
        return t

    def wrap_last_in_sdt(self, count: int) -> None:
        """Move the last `count` body paragraphs into a block content control (`w:sdt`)."""
        body = self.document.element.body
        paragraphs = body.findall(qn("w:p"))[-count:]
        sdt, content = el("sdt"), el("sdtContent")
        props = el("sdtPr")
        props.append(el("alias", val="Nội dung"))
        sdt.append(props)
        sdt.append(content)
        paragraphs[0].addprevious(sdt)
        for p in paragraphs:
            content.append(p)

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        self.document.save(str(path))
        return path


# --- building blocks of a letter ------------------------------------------------------------------

PARTY_LEFT = ("TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO\n*", "Số 1383-CV/BTGTU",
              "V/v tiếp tục đẩy mạnh\ncông tác tuyên truyền")
PARTY_RIGHT = ("ĐẢNG CỘNG SẢN VIỆT NAM", "", R("Bình Phước, ngày 22 tháng 5 năm 2024", italic=True))


def party_header(letter: LetterDocx, left: Sequence = PARTY_LEFT, right: Sequence = PARTY_RIGHT) -> None:
    """Party header (HD 36): issuer lines, "*", number and "V/v" left; party name, place-date right.
    "BAN TUYÊN GIÁO" / "*" and the two subject lines are joined by soft line breaks."""
    letter.table([list(left), list(right)])


STATE_LEFT = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC", "Số: 125/KH-UBND")
STATE_RIGHT = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", R("Độc lập - Tự do - Hạnh phúc", bold=True),
               R("Bình Phước, ngày 22 tháng 5 năm 2024", italic=True))


def state_header(letter: LetterDocx, title: str = "KẾ HOẠCH",
                 subject: str = "Tuyên truyền kỷ niệm các ngày lễ lớn năm 2024") -> None:
    """State header (Nghị định 30/2020): issuer over two soft-broken lines and "Số:" left, national
    name and motto right; the title and the subject (trích yếu) centred below the table."""
    letter.table([list(STATE_LEFT), list(STATE_RIGHT)])
    letter.para(R(title, bold=True))
    letter.para(R(subject, bold=True))


def signature_table(letter: LetterDocx, cc: Sequence[str] = ("Như trên,", "Lưu VPTU."),
                    sign: Sequence[str] = ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Nguyễn Văn A")) -> None:
    """"Nơi nhận:" and its "- " entries in the left cell, the signature lines in the right cell."""
    left: list[R | str] = [R("Nơi nhận:", bold=True, italic=True), *(f"- {c}" for c in cc)]
    letter.table([left, [R(s, bold=True) for s in sign]])


PREAMBLE = ("Thực hiện Công văn số 8371-CV/BTGTW, ngày 10/5/2024 của Ban Tuyên giáo Trung ương về việc "
            "tiếp tục đẩy mạnh công tác tuyên truyền, Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan, đơn vị "
            "thực hiện tốt một số nội dung sau:")
CLOSING = "Trên đây là nội dung tuyên truyền, đề nghị các cơ quan, đơn vị triển khai thực hiện./."


def party_letter(path: str | Path) -> Path:
    """A Party công văn whose items all come from Word's automatic numbering.

        1.      (ilvl 0)  Đề nghị các ban xây dựng Đảng …
        1.1.    (ilvl 1)  Tuyên truyền, quán triệt …
          -     (ilvl 2)  Kinh tế vĩ mô ổn định …          → 1.1/1
            +   (ilvl 3)  GDP quý I/2024 …                 → 1.1/1/1
          -     (ilvl 2)  Các lĩnh vực văn hóa …            → 1.1/2
        1.2.    (ilvl 1)  Tuyên truyền những kết quả …
        2.      (ilvl 0)  Đề nghị Ủy ban Mặt trận …
                (plain)   Bám sát cơ sở …                  → 2/1
        2.1.    (ilvl 1)  Tuyên truyền, vận động …         (level 1 restarts under a new "2.")
                (plain)   Trên đây là … ./.                 → closing
    """
    letter = LetterDocx()
    party_header(letter)
    letter.para("Kính gửi:")
    letter.para("- Các ban xây dựng Đảng Tỉnh ủy,")
    letter.para("- Ban tuyên giáo các huyện, thị, thành ủy.")
    letter.para(PREAMBLE)
    n = letter.define_list(OUTLINE)
    letter.numbered("Đề nghị các ban xây dựng Đảng Tỉnh ủy chỉ đạo tổ chức tốt công tác thông tin, "
                    "tuyên truyền theo định hướng như sau:", n, 0)
    letter.numbered("Tuyên truyền, quán triệt sâu sắc chủ trương, đường lối của Đảng.", n, 1)
    letter.numbered("Kinh tế vĩ mô ổn định, lạm phát được kiểm soát.", n, 2)
    letter.numbered("GDP quý I/2024 ước tính tăng 5,66% so với cùng kỳ năm trước.", n, 3)
    letter.numbered("Các lĩnh vực văn hóa, xã hội được chú trọng.", n, 2)
    letter.numbered("Tuyên truyền những kết quả nổi bật của đất nước, của địa phương.", n, 1)
    letter.numbered("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể chính trị - xã hội tỉnh",
                    n, 0)
    letter.para("Bám sát cơ sở, nắm chắc tình hình tư tưởng của các tầng lớp Nhân dân.")
    letter.numbered("Tuyên truyền, vận động toàn xã hội tham gia các hoạt động xóa đói, giảm nghèo.", n, 1)
    letter.para(CLOSING)
    signature_table(letter)
    return letter.save(path)


def state_letter(path: str | Path, subject: str = "Tuyên truyền kỷ niệm các ngày lễ lớn năm 2024") -> Path:
    """A state kế hoạch with typed Roman sections, "1." sub-items and "a)" points.

        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích … / - bullet                            → I.1, I.1/1
        2. Yêu cầu …                                         → I.2
        II. NỘI DUNG
        1. Tuyên truyền …                                    → II.1
        a) Trên báo chí … / - bullet / + nested             → II.1.a, II.1.a/1, II.1.a/1/1
        b) Trên hệ thống thông tin cơ sở …                  → II.1.b
        2. Thời gian …                                       → II.2
        III. TỔ CHỨC THỰC HIỆN / 1. Sở Văn hóa …             → III, III.1
    """
    letter = LetterDocx()
    state_header(letter, subject=subject)
    letter.para("Căn cứ Công văn số 1383-CV/BTGTU ngày 22/5/2024 của Ban Tuyên giáo Tỉnh ủy về việc tiếp tục "
                "đẩy mạnh công tác tuyên truyền; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:")
    for text in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Nâng cao nhận thức của cán bộ, công chức và Nhân dân.",
        "2. Yêu cầu",
        "II. NỘI DUNG",
        "1. Tuyên truyền các ngày lễ lớn",
        "a) Trên báo chí, đài phát thanh và truyền hình",
        "- Mở chuyên trang, chuyên mục.",
        "+ Đăng tải tin, bài định kỳ.",
        "b) Trên hệ thống thông tin cơ sở",
        "2. Thời gian thực hiện",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các đơn vị triển khai thực hiện.",
    ):
        letter.para(text)
    letter.para("Trên đây là Kế hoạch tuyên truyền, yêu cầu các đơn vị triển khai thực hiện./.")
    signature_table(letter, cc=("Ban Tuyên giáo Tỉnh ủy;", "Lưu: VT, VX."),
                    sign=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Trần Văn B"))
    return letter.save(path)


def simple_letter(body: Callable[[LetterDocx], object] | None = None) -> LetterDocx:
    """Party header, "Kính gửi", preamble, then `body(letter)` adds the items, then the signature table."""
    letter = LetterDocx()
    party_header(letter)
    letter.para("Kính gửi: Các ban xây dựng Đảng Tỉnh ủy.")
    letter.para(PREAMBLE)
    if body is not None:
        body(letter)
    signature_table(letter)
    return letter
