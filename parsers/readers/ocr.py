"""OCR with Tesseract's Vietnamese model, one page image at a time, through pytesseract.

pytesseract runs the `tesseract` program of the Debian packages `tesseract-ocr` and
`tesseract-ocr-vie`, so the model is the one the system ships and nothing is compiled here. Each
word comes back with its box and confidence and goes through the same layout code as a PDF's text
layer (`parsers.readers.layout`), so a scanned header table becomes a table too.
"""

import functools
import os
import re
import shutil
import unicodedata
from typing import TYPE_CHECKING

from parsers.readers.layout import Word

if TYPE_CHECKING:
    from PIL.Image import Image

LANGUAGE = "vie"
# Paragraphs whose mean word confidence is below this are listed in the letter's warnings.
LOW_CONFIDENCE = 0.80
_CONFIG = "--oem 1 --psm 3"


@functools.cache
def tesseract_missing() -> str | None:
    """Why OCR cannot run on this machine (naming the Debian package to install), or None."""
    if shutil.which("tesseract") is None:
        return ("OCR needs Tesseract, which is not installed "
                "(Debian: apt-get install tesseract-ocr tesseract-ocr-vie)")
    try:
        import pytesseract
    except ImportError:
        return "OCR needs the Python package pytesseract (pip install pytesseract)"
    try:
        languages = pytesseract.get_languages(config="")
    except Exception as e:  # a broken install: say so rather than fail on every page
        return f"Tesseract does not run ({e.__class__.__name__}: {e})"
    if LANGUAGE not in languages:
        return ("OCR needs Tesseract's Vietnamese model, which is not installed "
                "(Debian: apt-get install tesseract-ocr-vie)")
    return None


def ocr_words(image: "Image", points_per_pixel: float) -> list[Word]:
    """Words Tesseract reads on one page image, in PDF points (y downwards), confidence 0–1."""
    import pytesseract

    # Tesseract's OpenMP threads spin against each other on a small machine (one A4 page: 8.5 s with
    # one thread, 21.5 s with its default, on 2 cores); pages run in parallel instead (`ocr_threads`).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    data = pytesseract.image_to_data(image, lang=LANGUAGE, config=_CONFIG, output_type=pytesseract.Output.DICT)
    heights = sorted(h for level, h in zip(data["level"], data["height"], strict=True) if level == 4)
    # The size the layout code measures gaps in: the page's usual text-line height (a line's own
    # height swings with its tone marks and descenders).
    size = (heights[len(heights) // 2] if heights else 12) * 0.85 * points_per_pixel
    line_ids: dict[tuple[int, int, int], int] = {}
    words: list[Word] = []
    for k, text in enumerate(data["text"]):
        conf = float(data["conf"][k])
        text = unicodedata.normalize("NFC", (text or "").strip())
        if data["level"][k] != 5 or conf < 0 or not text:
            continue
        x, y, w, h = data["left"][k], data["top"][k], data["width"][k], data["height"][k]
        key = (data["block_num"][k], data["par_num"][k], data["line_num"][k])
        words.append(Word(text=text, x0=x * points_per_pixel, x1=(x + w) * points_per_pixel,
                          top=y * points_per_pixel, bottom=(y + h) * points_per_pixel, size=size,
                          conf=conf / 100, line=line_ids.setdefault(key, len(line_ids))))
    _repair(words)
    return words


# Glyphs Tesseract puts where a letter has a plain one ("I/2024" read with a fraction slash).
_GLYPHS = str.maketrans({"\u2044": "/", "\u2215": "/", "\u201a": ",", "\u2010": "-", "\u2011": "-"})
_LABEL_COMMA_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*),$")


def _repair(words: list[Word]) -> None:
    """Undo OCR slips that change a letter's structure: the full stop of an item label read as a
    comma ("5, Trung tâm …" at the start of a line, before a capital), look-alike glyphs."""
    first_of_line: set[int] = set()
    seen: set[int | None] = set()
    for k, w in enumerate(words):
        if w.line not in seen:
            seen.add(w.line)
            first_of_line.add(k)
    for k, w in enumerate(words):
        w.text = w.text.translate(_GLYPHS)
        if k in first_of_line and k + 1 < len(words) and words[k + 1].line == w.line \
                and _LABEL_COMMA_RE.match(w.text) and words[k + 1].text[:1].isupper():
            w.text = w.text[:-1] + "."
