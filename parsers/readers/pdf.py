"""PDF letters: the text layer through PDFium (pypdfium2), or OCR for pages without a usable one.

Why pypdfium2 (measured in `bench/pdf_libraries.py`, README "Performance"): it is about ten times
faster than pdfplumber (pdfminer.six) at positioned text; PyMuPDF is faster still (2–3×, one C call
per page), but it is AGPL-3.0, which this MIT project cannot depend on without putting the whole tool
under the AGPL, while pypdfium2 is Apache-2.0/BSD-3-Clause; and it renders pages for OCR itself,
with no poppler. On the Vietnamese test PDFs all three read every word right; pdfplumber's own text
runs the two header columns together on one line, which is why the layout is rebuilt here from
positions whatever the library.

Each page's characters become words with positions, and `parsers.readers.layout` rebuilds lines,
tables and paragraphs from them. A page is OCR'd when it has no text layer (a scan) or a garbage one:
unmapped glyphs, text that does not read as Vietnamese, or Vietnamese with its tone marks lost. A
text layer in a legacy font encoding (TCVN3, VNI) is converted instead.
"""

import ctypes
import multiprocessing
import os
import re
import statistics
import unicodedata
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from models import InputError, RawDocument, SourceFormat
from parsers.base import DEFAULT_LIMITS, PageProgress, Reader, ReadLimits, make_source, read_bytes
from parsers.readers.layout import Page, Word, blocks_from_pages
from parsers.readers.ocr import LOW_CONFIDENCE, ocr_words, tesseract_missing

# Resolution pages are rendered at for OCR: Tesseract reads body text best at 300 dpi.
OCR_DPI = 300
MAX_PAGES = 500
_FLAG_ITALIC = 1 << 6


_WORD_RE = re.compile(r"[^\s\u00a0\ufeff\x00]+")


def _page_words(page, textpage) -> tuple[list[Word], str]:  # pypdfium2 objects
    """Words of the text layer (PDF points, y downwards) and the page's plain text.

    Each call into PDFium costs microseconds, so the text comes in one call and a word's box from
    its first and last characters, with the font (size, weight, italic flag) asked at its first. A
    word much wider than its letters should be is looked at letter by letter: a gap with no space
    character in it, or a jump back or down, ends a word there. A letter composed from a base glyph
    and a tone mark (LibreOffice does this for fonts without the precomposed glyph) can report a box
    wider than its advance, hiding such a gap: its right edge is then its left edge plus the usual
    letter width."""
    import pypdfium2.raw as pdfium_c

    tp = textpage.raw
    count = pdfium_c.FPDFText_CountChars(tp)
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters beyond the BMP take two code units: ask one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(tp, i) or 32) for i in range(count))
    height = page.get_height()
    rect = pdfium_c.FS_RECTF()
    flags = ctypes.c_int(0)

    def box(i: int) -> tuple[float, float, float, float]:
        pdfium_c.FPDFText_GetLooseCharBox(tp, i, rect)
        return rect.left, max(rect.right, rect.left), height - rect.top, height - rect.bottom

    spans = []
    for m in _WORD_RE.finditer(text):
        i, j = m.start(), m.end() - 1
        first = box(i)
        last = box(j) if j > i else first
        size = pdfium_c.FPDFText_GetFontSize(tp, i) or (first[3] - first[2])
        weight = pdfium_c.FPDFText_GetFontWeight(tp, i)
        pdfium_c.FPDFText_GetFontInfo(tp, i, None, 0, ctypes.byref(flags))
        spans.append((i, j, first, last, size, weight >= 600, bool(flags.value & _FLAG_ITALIC)))
    lower: list[float] = []
    upper: list[float] = []
    for i, j, first, last, *_ in spans:
        if j > i and last[0] >= first[0]:
            word = text[i:j + 1]
            (upper if word.isupper() else lower).append((last[1] - first[0]) / (j - i + 1))
    usual_lower = statistics.median(lower) if lower else (statistics.median(upper) if upper else 0.0)
    usual_upper = statistics.median(upper) if upper else usual_lower
    words: list[Word] = []
    for i, j, first, last, size, bold, italic in spans:
        n = j - i + 1
        usual = usual_upper if text[i:j + 1].isupper() else usual_lower
        plain = abs(last[3] - first[3]) <= 0.4 * size and last[0] >= first[0] \
            and last[1] - first[0] <= 1.1 * n * usual + 0.25 * size
        if plain:
            words.append(Word(text=unicodedata.normalize("NFC", text[i:j + 1]), x0=first[0], x1=last[1],
                              top=min(first[2], last[2]), bottom=max(first[3], last[3]), size=size,
                              bold=bold, italic=italic))
            continue
        pieces: list[list[tuple[str, float, float, float, float]]] = [[]]
        for k in range(i, j + 1):
            x0, x1, top, bottom = box(k)
            if pieces[-1]:
                prev = pieces[-1][-1]
                right = prev[2]
                letter = usual_upper if prev[0].isupper() else usual_lower
                if letter and right - prev[1] > 1.3 * letter and unicodedata.decomposition(prev[0]):
                    right = prev[1] + letter
                if abs(prev[4] - bottom) > 0.4 * size or x0 < prev[1] or x0 - right > 0.25 * size:
                    pieces.append([])
            pieces[-1].append((text[k], x0, x1, top, bottom))
        for piece in pieces:
            words.append(Word(text=unicodedata.normalize("NFC", "".join(c[0] for c in piece)), x0=piece[0][1],
                              x1=piece[-1][2], top=min(c[3] for c in piece), bottom=max(c[4] for c in piece),
                              size=size, bold=bold, italic=italic))
    return words, text


def text_layer_problem(text: str) -> str | None:
    """Why a page's text layer cannot be used (then the page is OCR'd), or None if it reads well."""
    from viparse.normalize.frequency import vietnamese_score

    visible = "".join(text.split())
    if len(visible) < 20:
        return "no text layer"
    bad = sum(1 for ch in visible if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff" or unicodedata.category(ch) == "Cc")
    if bad > 0.05 * len(visible):
        return "unmapped glyphs in the text layer"
    letters = [ch for ch in visible if ch.isalpha()]
    if len(letters) >= 200:
        marked = sum(1 for ch in letters if unicodedata.decomposition(ch) or ch in "đĐ")
        if marked < 0.03 * len(letters):
            return "the text layer has lost its Vietnamese tone marks"
    if vietnamese_score(text) < -4.6:
        return "the text layer does not read as Vietnamese"
    return None


def _legacy_encoding(text: str) -> str | None:
    from viparse.normalize.detector import detect_encoding_by_content
    from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS

    return detect_encoding_by_content(text, AUTO_DETECT_CHARMAPS).encoding


def _convert_words(words: list[Word], encoding: str) -> None:
    from viparse.normalize.encodings import get_charmap
    from viparse.normalize.tables import convert

    charmap = get_charmap(encoding)
    if charmap is None:
        return
    for w in words:
        w.text = convert(w.text, charmap, "NFC")


# An empty page tree: PDFium refuses such a file without saying why (its last error is stale).
_NO_PAGES_RE = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+0\b|/Count\s+0\b[^>]*?/Type\s*/Pages\b")


def _open(path: Path, data: bytes):  # a pypdfium2 PdfDocument
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        message = str(e)
        if b"/Encrypt" in data and "password" in message.lower():
            raise InputError(path, "the PDF is encrypted with a password; save an unprotected copy") from e
        if _NO_PAGES_RE.search(data):
            raise InputError(path, "the PDF has no pages") from e
        m = re.search(r"PDFium: ([^)]+)", message)
        why = m.group(1).lower() if m and m.group(1) not in ("Success", "Unknown error") else "PDFium cannot load it"
        raise InputError(path, f"corrupt PDF ({why})") from e


def read_pdf(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS,
             on_page: PageProgress | None = None) -> RawDocument:
    """Read a PDF letter into raw blocks in reading order (text layer, or OCR where there is none)."""
    path = Path(path)
    data = read_bytes(path, limits)
    if b"%PDF" not in data[:1024]:
        raise InputError(path, "is not a PDF (no %PDF signature)")
    pdf = _open(path, data)
    try:
        count = len(pdf)
        if count == 0:
            raise InputError(path, "the PDF has no pages")
        if count > MAX_PAGES:
            raise InputError(path, f"the PDF has {count} pages, over the {MAX_PAGES}-page limit for one letter")
        pages, notes, ocr_done = _read_pages(path, pdf, count, on_page)
    finally:
        pdf.close()
    blocks, layout_notes = blocks_from_pages(pages)
    notes += layout_notes
    if ocr_done:
        notes.insert(0, f"OCR (Tesseract) on {_pages_text(ocr_done, count)}")
        notes += low_confidence_notes(blocks)
    source = make_source(path, data, SourceFormat.PDF)
    source = source.model_copy(update={"pages": count, "ocr_pages": len(ocr_done)})
    return RawDocument(source=source, blocks=blocks, notes=notes)


def _read_pages(path: Path, pdf, count: int,
                on_page: PageProgress | None) -> tuple[list[Page], list[str], list[int]]:
    """Every page's words: from the text layer, or from OCR in a thread pool while the next pages are
    read (Tesseract runs as its own process, so threads are enough; PDFium is used from this thread
    only). At most two rendered pages per thread wait, so a long scan does not fill the memory."""
    pages: list[Page | None] = [None] * count
    notes: list[str] = []
    ocr_pages: list[int] = []
    waiting: deque[tuple[int, Future[list[Word]]]] = deque()
    sizes: dict[int, tuple[float, float]] = {}
    done = 0
    threads = ocr_threads()

    def finished() -> None:
        nonlocal done
        done += 1
        if on_page:
            on_page(done, count)

    def collect(k: int, future: Future[list[Word]]) -> None:
        pages[k] = Page(k + 1, *sizes[k], future.result(), ink=True)
        finished()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        for k in range(count):
            page = pdf[k]
            sizes[k] = (page.get_width(), page.get_height())
            words, text = _page_words(page, page.get_textpage())
            problem = text_layer_problem(text)
            if problem and problem != "no text layer":
                encoding = _legacy_encoding(text)
                if encoding:
                    _convert_words(words, encoding)
                    notes.append(f"page {k + 1}: text layer in the legacy {encoding} encoding, converted")
                    problem = None
            if problem and not (problem == "no text layer" and not words and not _has_images(page)):
                missing = tesseract_missing()
                if missing:
                    raise InputError(path, f"page {k + 1}: {problem}, so it needs OCR; {missing}")
                if problem != "no text layer":
                    notes.append(f"page {k + 1}: {problem}; read by OCR instead")
                while len(waiting) >= 2 * threads:
                    collect(*waiting.popleft())
                dpi = _scan_dpi(page)
                image = page.render(scale=dpi / 72, grayscale=True).to_pil()
                waiting.append((k, pool.submit(ocr_words, image, 72 / dpi)))
                ocr_pages.append(k + 1)
                continue
            pages[k] = Page(k + 1, *sizes[k], words)
            finished()
        while waiting:
            collect(*waiting.popleft())
    return [p for p in pages if p is not None], notes, ocr_pages


def ocr_threads() -> int:
    """Pages OCR'd at once: what the batch gave this parse worker (`CASCADE_OCR_THREADS`: the cores
    the other workers leave free), one in any other worker process, every core (up to 4) when a
    letter is read in the main process."""
    given = os.environ.get("CASCADE_OCR_THREADS", "")
    if given.isdigit() and int(given) > 0:
        return min(int(given), 8)
    if multiprocessing.parent_process() is not None:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _scan_dpi(page) -> float:
    """Render a scanned page at the resolution of the scan it holds (resampling helps no OCR), within
    150–400 dpi; pages drawn otherwise at OCR_DPI."""
    import pypdfium2.raw as pdfium_c

    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        try:
            pixels_wide = obj.get_size()[0]
            left, _, right, _ = obj.get_pos()
        except Exception:  # an image PDFium cannot measure: fall back to the default
            continue
        if right - left > 0.5 * page.get_width():
            best = max(best, pixels_wide / ((right - left) / 72))
    if not best:
        return OCR_DPI
    return min(400.0, max(150.0, best))


def _has_images(page) -> bool:
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _pages_text(pages: list[int], count: int) -> str:
    if len(pages) == count:
        return f"all {count} pages" if count > 1 else "the page"
    return "pages " + ", ".join(map(str, pages))


def low_confidence_notes(blocks) -> list[str]:
    """One note per OCR'd paragraph whose confidence is low, naming the page and its opening words."""
    out = []
    for b in blocks:
        if b.confidence is not None and b.confidence < LOW_CONFIDENCE and b.text.strip():
            opening = " ".join(b.text.split()[:8])
            out.append(f"low OCR confidence {b.confidence:.0%} on page {b.page}: {opening!r}; "
                       "check it against the scan")
    return out


READER = Reader(
    name="PDF",
    suffixes=(".pdf",),
    read=read_pdf,
    what="text layer read with PDFium (lines, two-column header and signature tables and paragraphs rebuilt "
         "from positions; page numbers and running headers dropped); pages with no usable text layer are OCR'd",
    needs="pypdfium2; OCR of scanned pages: Debian tesseract-ocr, tesseract-ocr-vie",
    magic=(b"%PDF",),
    budget_factor=10.0,  # OCR: seconds per page
)
