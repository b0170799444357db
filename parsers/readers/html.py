"""Saved web pages (.html, .htm, .mhtml): the article only, through trafilatura, as raw blocks.

Why trafilatura: on portal pages (menus, sidebars, "related news", footers around the letter) it
keeps the article and drops the rest, and its XML output keeps what the segmenter needs: paragraphs,
lists and tables with rows and cells (the letter's header and signature tables come out as the
`.docx` reader gives them). jusText classifies paragraphs only and flattens tables; selectolax is a
fast parser with no notion of an article. `bench/html_extractors.py` has the comparison.

A page title and posting time above the letter are kept as paragraphs: the segmenter's portal-copy
handling decides what they are. `.mhtml` ("Save page as… single file") is a MIME archive; its first
text/html part is the page.
"""

import email
import email.policy
import functools
import re
from pathlib import Path

from lxml import etree

from models import InputError, RawBlock, RawDocument, SourceFormat
from parsers.base import DEFAULT_LIMITS, PageProgress, Reader, ReadLimits, make_source, read_bytes

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
_MARKUP_RE = re.compile(rb"<\s*(?:html|body|div|p|table|head|!doctype)\b", re.I)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    declared = _CHARSET_RE.search(data[:4096])
    for enc in ([declared.group(1).decode("ascii")] if declared else []) + ["utf-8", "cp1258"]:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    raise InputError(path, "unreadable encoding (not UTF-8 or the charset the page declares)")


def _mhtml_page(path: Path, data: bytes) -> str:
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            charset = part.get_content_charset()
            if charset:
                try:
                    return payload.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    pass
            return _decode(path, payload)
    raise InputError(path, "the .mhtml archive holds no HTML page")


def _text(el: etree._Element) -> str:
    """An element's own text, its inline children's and their tails, but not nested blocks'."""
    parts = [el.text or ""]
    for child in el:
        if child.tag in ("p", "list", "table", "head", "quote", "item", "row", "cell"):
            parts.append("\n")
        else:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return re.sub(r"[ \t\r\f\v]+", " ", "".join(parts)).strip()


def _blocks(el: etree._Element, out: list[RawBlock], where: dict[str, int | None], level: int = 0) -> None:
    tag = el.tag
    if tag == "table":
        table = where.get("next_table") or 0
        where["next_table"] = table + 1
        for r, row in enumerate(el.iter("row")):
            for c, cell in enumerate(row.iter("cell")):
                cell_where = {"table": table, "row": r, "cell": c}
                _cell_blocks(cell, out, cell_where)
        return
    if tag == "list":
        ordered = (el.get("rend") or "").lower() == "ol"
        for n, item in enumerate(el.findall("item"), start=1):
            text = _text(item)
            if text:
                label = f"{n}." if ordered else "•"
                out.append(RawBlock(text=text, label=label, bullet=not ordered, list_level=level))
            for nested in item:
                if nested.tag == "list":
                    _blocks(nested, out, where, level + 1)
        return
    if tag in ("p", "head", "quote"):
        text = _text(el)
        if text:
            out.extend(RawBlock(text=line.strip()) for line in text.split("\n") if line.strip())
        for child in el:
            if child.tag in ("list", "table"):
                _blocks(child, out, where, level)
        return
    for child in el:
        _blocks(child, out, where, level)


def _cell_blocks(cell: etree._Element, out: list[RawBlock], where: dict[str, int]) -> None:
    """A cell's lead text and each of its paragraphs (trafilatura turns <br> into <p>) as blocks."""
    lead = _text(cell)
    for line in lead.split("\n"):
        if line.strip():
            out.append(RawBlock(text=line.strip(), **where))
    for child in cell:
        if child.tag in ("p", "head", "item", "quote"):
            text = _text(child)
            if text:
                out.append(RawBlock(text=text, **where))
        elif child.tag == "list":
            for item in child.iter("item"):
                text = _text(item)
                if text:
                    out.append(RawBlock(text=text, **where))


@functools.cache
def _trafilatura():
    import trafilatura

    return trafilatura


def article_blocks(path: Path, page: str) -> list[RawBlock]:
    """The article of a web page as raw blocks in reading order."""
    extracted = _trafilatura().extract(page, output_format="xml", include_tables=True, include_comments=False,
                                       include_formatting=False, include_links=False, include_images=False,
                                       favor_recall=True, deduplicate=False)
    if not extracted:
        raise InputError(path, "no article text found in the web page (only menus, links or scripts)")
    root = etree.fromstring(extracted.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    main = root.find("main")
    blocks: list[RawBlock] = []
    _blocks(main if main is not None else root, blocks, {})
    if not any(b.text.strip() for b in blocks) or _mostly_links(page, blocks):
        raise InputError(path, "no article text found in the web page (only menus, links or scripts)")
    return blocks


def _mostly_links(page: str, blocks: list[RawBlock]) -> bool:
    """trafilatura falls back to the whole body when a page has no article; such text is link labels
    (a menu, a list of documents), which no letter is."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return False
    text = " ".join(b.text for b in blocks)
    size = len("".join(text.split())) or 1
    labels = {" ".join(a.text_content().split()) for a in tree.iter("a")}
    covered = sum(len("".join(label.split())) for label in labels if label and label in text)
    return covered > 0.5 * size


def read_html(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS,
              on_page: PageProgress | None = None) -> RawDocument:
    """Read a saved web page (or a single-file .mhtml) into the article's raw blocks."""
    path = Path(path)
    data = read_bytes(path, limits)
    mhtml = path.suffix.lower() in (".mhtml", ".mht")
    if mhtml:
        page = _mhtml_page(path, data)
    else:
        if b"\0" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(path, "binary data, not a web page")
        page = _decode(path, data)
        if not _MARKUP_RE.search(page[:65536].encode("utf-8", errors="ignore")):
            raise InputError(path, "is not a web page (no HTML markup); if it is text, rename it .txt")
    blocks = article_blocks(path, page)
    fmt = SourceFormat.MHTML if mhtml else SourceFormat.HTML
    return RawDocument(source=make_source(path, data, fmt), blocks=blocks,
                       notes=["web page: article text extracted (menus, sidebars and footers dropped)"])


READER = Reader(
    name="Saved web page",
    suffixes=(".html", ".htm", ".mhtml", ".mht"),
    read=read_html,
    what="the article only (trafilatura; menus, sidebars, related links and footers dropped), with its "
         "paragraphs, lists and header/signature tables",
    needs="trafilatura",
)
