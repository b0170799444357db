"""Text normalisation: a display form and a matching form, the original always kept beside them.

Steps are small named functions (like eyecite's cleaners) so readers and tests can run them alone.
Order matters: legacy-font conversion happens in the reader, before any of these, because in TCVN3
the soft hyphen U+00AD is the letter "ư" and must not be stripped first.
"""

import re
import unicodedata
from functools import lru_cache

# Zero-width characters, soft hyphen, BOM, word joiner, bidi marks: invisible in Word, noise for us.
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff]")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ETH = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
_ETH_RE = re.compile("[\u00d0\u00f0\u0189]")
_QUOTES = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "`": "'", "\u00b4": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-", "\u2026": "...",
    }
)

# Export artefacts seen in .txt files saved from Word or converted through Markdown:
# "[bookmark: _GoBack]" (samples/province_1383-CV-BTGTU.txt), "**bold**", "*italic*", "\*".
_BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]\s*", re.I)
# Only a backslash that follows something else is an escape, so unescaping never makes a new one;
# Markdown escapes any ASCII punctuation ("1\\." keeps a numbered heading from becoming a list).
_MD_ESCAPE_RE = re.compile(r"(?<!\\)\\(?=[!-/:-@\[\]-`{-~])")
_MD_STRONG_RE = re.compile(r"\*\*|__(?=\S)|(?<=\S)__")
# A lone "*" touching text is Markdown emphasis; a "*" standing alone is the Party header star.
_MD_EM_RE = re.compile(r"(?<=\S)\*+|\*+(?=\S)")
# "## I. MỤC TIÊU": heading marks of a Markdown transcription (the heading's words stay).
MD_HEADING_MARKS_RE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+)+", re.M)


def nfc(text: str) -> str:
    """Compose NFD text (Word on macOS, Windows-1258 decoding) so "Thực hiện" matches itself."""
    return unicodedata.normalize("NFC", text)


def strip_artefacts(text: str) -> str:
    """Remove export leftovers (bookmarks, Markdown emphasis and heading marks) that are not part of the letter."""
    # each pattern needs its mark character: most lines have none, and skip the regex
    if "\\" in text:
        text = _MD_ESCAPE_RE.sub("", text)
    while "*" in text or "_" in text:  # again while marks meet: "_*_a" leaves "__a" after one pass
        before = text
        text = _MD_STRONG_RE.sub("", text)
        text = _MD_EM_RE.sub("", text) if "*" in text else text
        if text == before:
            break
    if "[" in text:
        text = _BOOKMARK_RE.sub("", text)
    return MD_HEADING_MARKS_RE.sub("", text) if "#" in text else text


# Tone marks a PDF's font left floating after a space ("thiêt hai ̀ ̣ ̣"): after NFC a combining mark that
# follows no letter belongs to none, so the display text drops it (raw keeps it).
_FLOATING_MARKS_RE = re.compile(r"(?:(?<=\s)|^)[\u0300-\u036f]+")


def clean_text(text: str) -> str:
    """Display form: NFC, Ð→Đ, invisible characters removed, white space folded, artefacts removed.

    >>> clean_text("  Ð\\u00adảng  ủy\\u200b "), clean_text("thiêt hai \\u0300 \\u0323 do")
    ('Đảng ủy', 'thiêt hai do')
    """
    text = _INVISIBLE_RE.sub("", text)
    text = strip_artefacts(text)
    # NFC last: removing an invisible character or "**" can bring a letter and its tone mark together.
    text = nfc(text)
    if _ETH_RE.search(text):  # rare: a scan of the text in C instead of a per-character table walk
        text = text.translate(_ETH)
    if _FLOATING_MARKS_RE.search(text):
        text = _FLOATING_MARKS_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text)
    return " ".join(part.strip() for part in text.split("\n") if part.strip()) if "\n" in text else text.strip()


# --- tone placement -------------------------------------------------------------------------------
# Only nuclei oa, oe, uy with no final consonant differ between the "old" (hòa, thủy) and "new"
# (hoà, thuỷ) styles. Both appear even inside one office, so matching canonicalises to "old".
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = set("aăâeêioôơuưy")
_WORD_RE = re.compile(r"[^\W\d_]+")


def _strip_tone(syllable: str) -> tuple[str, str | None]:
    tone = None
    kept = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONES:
            tone = ch
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _tone_index(base: str, style: str) -> int | None:
    low = base.lower()
    start = 2 if low.startswith("qu") or (low.startswith("gi") and len(low) > 2 and low[2] in _VOWELS) else 0
    i = start
    while i < len(low) and low[i] not in _VOWELS:
        i += 1
    j = i
    while j < len(low) and low[j] in _VOWELS:
        j += 1
    nucleus, has_coda = low[i:j], j < len(low)
    if not nucleus:
        return None
    for k, ch in enumerate(nucleus):
        if ch in "ăâêôơư":
            return i + k + (1 if nucleus[k : k + 2] == "ươ" else 0)
    if len(nucleus) == 1:
        return i
    if len(nucleus) == 3 or has_coda:
        return i + 1
    if nucleus in ("oa", "oe", "uy"):
        return i + (0 if style == "old" else 1)
    return i


@lru_cache(maxsize=65536)
def retone(syllable: str, style: str = "old") -> str:
    """Move the tone mark of one syllable to the `old` (hòa) or `new` (hoà) position.

    >>> retone("hoà"), retone("thuỷ"), retone("hòa", "new"), retone("quý")
    ('hòa', 'thủy', 'hoà', 'quý')
    """
    base, tone = _strip_tone(syllable)
    if tone is None or len(base) > 7:
        return syllable
    k = _tone_index(base, style)
    if k is None or k >= len(base):
        return syllable
    return unicodedata.normalize("NFC", base[:k] + unicodedata.normalize("NFD", base[k]) + tone + base[k + 1 :])


def normalise_tones(text: str, style: str = "old") -> str:
    """Apply `retone` to every alphabetic word of NFC text."""
    return _WORD_RE.sub(lambda m: retone(m.group(0), style), text)


def matching_form(text: str) -> str:
    """Matching form: display form, then quotes/dashes unified, tone placement canonical, lower case.

    >>> matching_form("“Hoà” – Nhân dân") == matching_form('"hòa" - nhân dân')
    True
    """
    return display_to_matching(clean_text(text))


def display_to_matching(text: str) -> str:
    """`matching_form` of a text already in display form (`clean_text` is idempotent, so this is the same
    result without cleaning twice: long documents build thousands of units)."""
    return normalise_tones(text.translate(_QUOTES)).lower()


@lru_cache(maxsize=131072)
def word_form(word: str) -> str:
    """Matching form of one word (cached: the vocabulary of a letter corpus is small)."""
    return matching_form(word)
