"""Speed of each reader, in the units an analyst plans with: pages per second for PDF text and for OCR
(one scanned letter read alone, with its pages spread over the cores; a folder of scans on the parse
workers, a letter per worker), and seconds per file for LibreOffice conversions and web pages.

The inputs are made here as the tests make them (tests/exports.py): the sample letters exported by
LibreOffice, scans rendered from those PDFs at 300 dpi, portal pages around the letters.

Run: .venv/bin/python bench/readers.py [--scans 4]   (needs LibreOffice and Tesseract with `vie`)
"""

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scans", type=int, default=4, help="scanned letters in the folder run (default 4)")
    ap.add_argument("--repeat", type=int, default=10, help="passes over the text PDFs (default 10)")
    args = ap.parse_args()
    from exports import SAMPLES, export_all, scan
    from html_factory import portal_page

    from parsers import parse_letter
    from parsers.batch import parse_many
    from parsers.readers.html import read_html
    from parsers.readers.office import read_office
    from parsers.readers.pdf import ocr_threads, read_pdf

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("needs LibreOffice (soffice)")
    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}")
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        export_all(folder, soffice, REPO / "samples")
        pdfs = [folder / f"{name}.pdf" for name in SAMPLES] + [folder / "party.pdf", folder / "state.pdf"]
        pages = sum(read_pdf(p).source.pages or 0 for p in pdfs)
        _, t = _timed(lambda: [read_pdf(p) for _ in range(args.repeat) for p in pdfs])
        print(f"PDF text layer (read_pdf: words, lines, tables, paragraphs): {pages * args.repeat / t:.1f} pages/s "
              f"({pages} pages x {args.repeat})")
        _, t = _timed(lambda: [parse_letter(p) for _ in range(args.repeat) for p in pdfs])
        print(f"PDF text layer, whole parse (parse_letter): {pages * args.repeat / t:.1f} pages/s")

        scanned = scan(folder / f"{SAMPLES[0]}.pdf", folder / "scan-0.pdf")
        scan_pages = read_pdf(folder / f"{SAMPLES[0]}.pdf").source.pages or 0
        _, t = _timed(lambda: read_pdf(scanned))
        print(f"OCR, one scanned letter alone ({scan_pages} pages at 300 dpi, {ocr_threads()} pages at once): "
              f"{scan_pages / t:.2f} pages/s ({t:.1f} s)")
        scans = [scanned]
        for k in range(1, args.scans):
            copy = folder / f"scan-{k}.pdf"
            copy.write_bytes(scanned.read_bytes())
            scans.append(copy)
        outcomes, t = _timed(lambda: parse_many(scans, folder, jobs=os.cpu_count()))
        assert all(o.letter is not None for o in outcomes), [o.error for o in outcomes]
        print(f"OCR, a folder of {len(scans)} scans on {min(os.cpu_count() or 1, len(scans))} parse workers: "
              f"{scan_pages * len(scans) / t:.2f} pages/s ({t:.1f} s)")

        docs = [folder / f"{name}.doc" for name in SAMPLES] + [folder / f"{name}.odt" for name in SAMPLES]
        _, t = _timed(lambda: [read_office(p) for p in docs])
        print(f".doc/.odt through LibreOffice: {t / len(docs):.2f} s per file ({len(docs)} files, one profile)")
        pages_html = []
        for name in SAMPLES:
            path = folder / f"{name}.html"
            path.write_text(portal_page((REPO / "samples" / f"{name}.txt").read_text(encoding="utf-8").splitlines()),
                            encoding="utf-8")
            pages_html.append(path)
        _, t = _timed(lambda: [read_html(p) for _ in range(args.repeat) for p in pages_html])
        print(f"saved web page (trafilatura): {t / (len(pages_html) * args.repeat) * 1000:.0f} ms per page")


if __name__ == "__main__":
    main()
