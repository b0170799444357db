"""Document text and file names made safe for the medium they are written to.

Nothing in an input is trusted: a letter's text and the names of its files and folders may hold
spreadsheet formulas, Markdown or HTML, control characters and terminal escapes. Each writer
passes every such string through the function for its medium:

- `safe_cell` — a CSV or spreadsheet cell (.csv here, .xlsx alike): the OWASP rule;
- `md_text`, `md_code` — Markdown text and code spans;
- `xml_text` — any XML the reports write (GraphML, WordprocessingML);
- `visible` — one line on a terminal: control and invisible formatting characters shown as
  escapes (`\\x1b`, `\\n`, `\\u202e`), so a message cannot move the cursor, recolour the screen or
  fake a second line.

HTML pages use `html.escape` (see folder_html.py, html.py).
"""

import re

# --- spreadsheets ---------------------------------------------------------------------------------

# A cell starting with one of these is read as a formula (or DDE command) by Excel, LibreOffice and
# Google Sheets; the full-width forms are normalised to them by some versions.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠")


def safe_cell(value: object) -> object:
    """A CSV/spreadsheet cell that is never evaluated (OWASP "CSV Injection"): a text starting
    with = + - @, a tab, CR/LF or NUL gets a leading single quote, which spreadsheets show as text
    and hide. Numbers (int, float) are left as numbers; None becomes an empty cell.

    Use it for every cell of every CSV and .xlsx report, headers included."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# --- control and invisible characters -------------------------------------------------------------


# Cc controls (C0, DEL, C1), Cf formatting (bidi overrides and isolates, zero-width characters,
# soft hyphen, BOM), Cs surrogates (bytes of a file name that is not UTF-8), Zl/Zp separators: the
# characters of those Unicode categories (as of Unicode 15), written out so importing costs nothing.
_INVISIBLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 name, as Python decodes it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` with every control or invisible character written as an escape: what a terminal
    shows is what the string holds, on one line."""
    return _INVISIBLE_RE.sub(lambda m: _escape_char(m.group(0)), text)


# --- XML ------------------------------------------------------------------------------------------

# What XML 1.0 cannot hold at all (even as a character reference): C0 controls other than tab, LF,
# CR; surrogates; U+FFFE and U+FFFF.
_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` with the characters XML 1.0 forbids written as visible escapes (`\\x01`), so the
    document stays well-formed; markup characters are left to the XML writer to escape."""
    return _XML_ILLEGAL_RE.sub(lambda m: _escape_char(m.group(0)), text)


# --- Markdown -------------------------------------------------------------------------------------

_MD_SPECIAL = "\\`*_{}[]<>#|~!&"
_BREAKS = "\r\n\t\u2028\u2029"
# One pass: a Markdown character, a run of line breaks, or an invisible character.
_MD_RE = re.compile(f"[{re.escape(_MD_SPECIAL)}]|[{_BREAKS}]+|{_INVISIBLE_RE.pattern}")


def _md_replace(m: re.Match[str]) -> str:
    text = m.group(0)
    if text[0] in _MD_SPECIAL:
        return "\\" + text
    if text[0] in _BREAKS:
        return " "
    return _escape_char(text)


def md_text(text: str) -> str:
    """Markdown that shows `text` literally, on one line: every character Markdown or its HTML
    could act on is backslash-escaped, line breaks become spaces (a new line would end a table
    row or start a heading) and other controls are shown as escapes."""
    return _MD_RE.sub(_md_replace, text)


def md_code(text: str, in_table: bool = False) -> str:
    """A code span showing `text` literally: the fence is longer than any run of backquotes in
    the text (so the text cannot close it), and in a table row `|` is escaped (GFM splits cells
    before it sees code spans)."""
    text = visible(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) or longest else ""
    if in_table:
        text = text.replace("|", "\\|")
    return f"{fence}{pad}{text}{pad}{fence}"
