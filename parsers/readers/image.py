"""Scanned letters saved as images (.png, .jpg, .tif, multi-page TIFF included): OCR page by page."""

from pathlib import Path

from models import InputError, RawDocument, SourceFormat
from parsers.base import DEFAULT_LIMITS, PageProgress, Reader, ReadLimits, make_source, read_bytes
from parsers.readers.layout import Page, blocks_from_pages
from parsers.readers.ocr import ocr_words, tesseract_missing
from parsers.readers.pdf import MAX_PAGES, low_confidence_notes

# Assumed when the file does not say: scanners and phone apps mostly write 300 dpi.
DEFAULT_DPI = 300


def read_image(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS,
               on_page: PageProgress | None = None) -> RawDocument:
    """OCR a scanned letter image (every frame of a multi-page TIFF) into raw blocks."""
    import io

    from PIL import Image, ImageSequence, UnidentifiedImageError

    path = Path(path)
    data = read_bytes(path, limits)
    try:
        image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
    except Image.DecompressionBombError as e:
        raise InputError(path, f"the image is too large to be a page ({e})") from e
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise InputError(path, f"corrupt or unsupported image ({e.__class__.__name__})") from e
    if frames > MAX_PAGES:
        raise InputError(path, f"the image has {frames} pages, over the {MAX_PAGES}-page limit for one letter")
    missing = tesseract_missing()
    if missing:
        raise InputError(path, f"a scanned image needs OCR; {missing}")
    pages: list[Page] = []
    try:
        for k, frame in enumerate(ImageSequence.Iterator(image)):
            dpi = frame.info.get("dpi", (DEFAULT_DPI, DEFAULT_DPI))[0] or DEFAULT_DPI
            points = 72 / float(dpi)
            gray = frame.convert("L")
            pages.append(Page(k + 1, gray.width * points, gray.height * points, ocr_words(gray, points), ink=True))
            if on_page:
                on_page(k + 1, frames)
    except (OSError, ValueError, Image.DecompressionBombError) as e:
        raise InputError(path, f"corrupt or oversized image ({e.__class__.__name__}: {e})") from e
    blocks, notes = blocks_from_pages(pages)
    source = make_source(path, data, SourceFormat.IMAGE).model_copy(update={"pages": frames, "ocr_pages": frames})
    notes = [f"OCR (Tesseract) on {frames} page{'s' if frames > 1 else ''}", *notes, *low_confidence_notes(blocks)]
    return RawDocument(source=source, blocks=blocks, notes=notes)


READER = Reader(
    name="Scanned image",
    suffixes=(".png", ".jpg", ".jpeg", ".tif", ".tiff"),
    read=read_image,
    what="OCR with Tesseract's Vietnamese model, page by page (every page of a TIFF), the same layout "
         "rebuilding as PDF; confidence kept per paragraph, low-confidence paragraphs listed as warnings",
    needs="Pillow, pytesseract; Debian tesseract-ocr, tesseract-ocr-vie",
    magic=(b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*"),
    budget_factor=10.0,  # OCR: seconds per page
    missing=tesseract_missing,
)
