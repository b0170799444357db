"""Plain-text letters: UTF-8 (with or without BOM), UTF-16, Windows-1258; one block per line. A web page saved
under a .txt name (its markup and all) is read as the page it is."""

import codecs
import html
import re
from pathlib import Path

from models import InputError, RawBlock, RawDocument, SourceFormat
from parsers.base import DEFAULT_LIMITS, ReadLimits, make_source, read_bytes, refuse_foreign_format


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Decode bytes, returning (text, encoding name); raise InputError if no encoding fits."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(path, f"declares {enc} by its byte-order mark but is not valid {enc}") from e
    # UTF-16 without BOM: every other byte is NUL for Vietnamese/ASCII text.
    if len(data) >= 4 and data.count(0) > len(data) // 4:
        even_nuls = data[0::2].count(0)
        odd_nuls = data[1::2].count(0)
        enc = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError as e:
            raise InputError(path, "binary data, not a text letter") from e
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1258 writes Vietnamese decomposed (base letter + combining tone): NFC comes later.
        return data.decode("cp1258"), "cp1258"
    except UnicodeDecodeError as e:
        raise InputError(path, "unreadable encoding (not UTF-8, UTF-16 or Windows-1258)") from e


_CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v"]
_ESCAPED_BREAK = "\\r\\n"  # backslash, r, backslash, n: never written in a letter, only by a scraper
_ESCAPES_MIN = 3


# A page saved as text opens with its markup: "<!DOCTYPE html>", "<html lang=…>" (a letter never does).
_PAGE_START_RE = re.compile(r"\A\s*(?:<!--.*?-->\s*)?<(?:!doctype\s+html|html)\b", re.I | re.S)
_TAG_RE = re.compile(r"<[^>]*>")
# Outside a page, a scraper's leftovers in the text: a line-break tag ("… chưa chuyển biến...<br />Để khắc phục …")
# and numeric character references ("1161&#x002F;SGDĐT-QLT"); nobody types either in a letter. Named entities
# ("&lt;") are left: a letter about a web site may write them.
_BREAK_TAG_RE = re.compile(r"<br\s*/?>|</?p(?:\s[^<>]*)?>", re.I)
_CHAR_REF_RE = re.compile(r"&#(?:[xX][0-9a-fA-F]{1,6}|\d{1,7});")


def _scraped_marks_read(text: str) -> tuple[str, bool]:
    """The text with a scraper's break tags as line breaks and its numeric character references decoded."""
    read = _BREAK_TAG_RE.sub("\n", text)
    read = _CHAR_REF_RE.sub(lambda m: html.unescape(m.group(0)), read)
    return read, read != text


def _tags_dropped(page: str) -> tuple[list[RawBlock], str]:
    lines = html.unescape(_TAG_RE.sub("\n", page)).split("\n")
    return [RawBlock(text=line) for line in lines], "a web page saved as .txt: its tags dropped"


def _page_blocks(path: Path, page: str) -> tuple[list[RawBlock], str]:
    """The text of a web page saved as .txt, entities decoded: its article where the page holds one, else what a
    reader of the saved page sees of it (the title, the description a search result shows, the body's text),
    as when the copy stops inside the page's head."""
    try:
        from parsers.readers.html import article_blocks  # here: the HTML reader's registry imports this module

        return article_blocks(path, page), "a web page saved as .txt: its article read as HTML"
    except (InputError, ImportError):  # no article in the page (or no trafilatura): its text is read below
        pass
    try:
        import lxml.html
    except ImportError:
        return _tags_dropped(page)
    try:
        tree = lxml.html.document_fromstring(page)
    except (lxml.etree.ParserError, ValueError):
        return _tags_dropped(page)
    for hidden in tree.xpath("//script|//style|//noscript|//template"):
        hidden.drop_tree()
    title = " ".join((tree.findtext(".//title") or "").split())
    lines = [title]
    for described in tree.xpath("//meta[@name='description']/@content"):
        if title[:40] not in described:  # most pages repeat their title there
            lines.append(" ".join(described.split()))
    body = tree.find("body")
    if body is not None:
        lines.extend(body.text_content().split("\n"))
    note = "a web page saved as .txt: its title and text read, its markup dropped"
    return [RawBlock(text=line) for line in lines], note


def read_txt(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> RawDocument:
    """Read a .txt letter into raw blocks, one per line (a web page's text when the file is a page), nothing
    normalised yet."""
    path = Path(path)
    data = read_bytes(path, limits)
    refuse_foreign_format(path, data, expect_zip=False)
    text, encoding = decode_text(path, data)
    controls = sum(text.count(ch) for ch in _CONTROLS)  # str.count: a pass in C per character, not a loop
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise InputError(path, "binary data, not a text letter")
    notes = [] if encoding in ("utf-8", "utf-8-sig") else [f"decoded as {encoding}"]
    if text.count(_ESCAPED_BREAK) >= _ESCAPES_MIN:
        # A scraper saved the page's line breaks as the four characters "\r\n": they are the letter's breaks.
        text = text.replace(_ESCAPED_BREAK, "\n").replace("\\n", "\n").replace("\\t", "\t")
        notes.append("literal '\\r\\n' escapes read as line breaks")
    if _PAGE_START_RE.match(text):
        blocks, note = _page_blocks(path, text)
        notes.append(note)
    else:
        text, marked = _scraped_marks_read(text)
        if marked:
            notes.append("a scraper's '<br>' tags and '&#…;' references read")
        blocks = [RawBlock(text=line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return RawDocument(
        source=make_source(path, data, SourceFormat.TXT),
        blocks=blocks,
        notes=notes,
    )
