"""Which PDF library reads letters best: pypdfium2, pdfplumber (pdfminer.six) and PyMuPDF, measured.

For each library, on PDFs LibreOffice makes of the sample letters (serif text, as typed letters are;
monospaced text with composed Vietnamese glyphs, LibreOffice's default for a .txt) and of the
docx_factory letters (the two-column header and the signature as borderless tables):

- speed: pages per second to get every character with its box (what a layout reader needs), and
  to get the library's own plain text;
- words: how many words of the library's own plain text differ from the source .txt (split or glued
  syllables, lost tone marks), by a word diff;
- header: whether its plain text keeps the two header columns apart (the issuer line and the
  national title on separate lines) — the layout cascade rebuilds from positions needs no such luck.

Licences (from each project's metadata): pypdfium2 Apache-2.0 or BSD-3-Clause (PDFium BSD-3-Clause);
pdfplumber MIT, pdfminer.six MIT; PyMuPDF AGPL-3.0 (or a commercial licence) — an MIT project
cannot depend on it without putting the whole tool under the AGPL, so it is measured, never used.

Run: .venv/bin/python bench/pdf_libraries.py  (needs LibreOffice; pdfplumber from the [bench] extra;
PyMuPDF only if installed by hand)
"""

import argparse
import difflib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

MONO_IMPORT = "Text (encoded):UTF8,LF,,vi-VN"  # LibreOffice's default font for a .txt: monospaced


def _make_pdfs(folder: Path) -> dict[str, Path]:
    from docx_factory import party_letter, state_letter
    from exports import SAMPLES, TEXT_IMPORT, convert

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("needs LibreOffice (soffice)")
    profile = folder / "profile"
    out: dict[str, Path] = {}
    for style, infilter in (("serif", TEXT_IMPORT), ("mono", MONO_IMPORT)):
        sub = folder / style
        sub.mkdir()
        texts = []
        for name in SAMPLES:
            (sub / f"{name}.txt").write_bytes((REPO / "samples" / f"{name}.txt").read_bytes())
            texts.append(sub / f"{name}.txt")
        convert(soffice, profile, "pdf", texts, sub, infilter)
        for name in SAMPLES:
            out[f"{name} ({style})"] = sub / f"{name}.pdf"
    docx = [party_letter(folder / "party.docx"), state_letter(folder / "state.docx")]
    convert(soffice, profile, "pdf", docx, folder)
    out["party (docx tables)"] = folder / "party.pdf"
    out["state (docx tables)"] = folder / "state.pdf"
    return out


# --- the three libraries: characters with boxes, and plain text ------------------------------------


def pdfium_chars(path: Path) -> tuple[int, int]:
    import pypdfium2 as pdfium

    from parsers.readers.pdf import _page_words

    doc = pdfium.PdfDocument(path)
    n = sum(len(_page_words(doc[k], doc[k].get_textpage())[0]) for k in range(len(doc)))
    pages = len(doc)
    doc.close()
    return pages, n


def pdfium_text(path: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    text = "\n".join(doc[k].get_textpage().get_text_range() for k in range(len(doc)))
    doc.close()
    return text


def plumber_chars(path: Path) -> tuple[int, int]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages), sum(len(p.chars) for p in pdf.pages)


def plumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def mupdf_chars(path: Path) -> tuple[int, int]:
    import pymupdf

    with pymupdf.open(path) as doc:
        n = 0
        for page in doc:
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        n += len(span["chars"])
        return len(doc), n


def mupdf_text(path: Path) -> str:
    import pymupdf

    with pymupdf.open(path) as doc:
        return "\n".join(page.get_text() for page in doc)


LIBRARIES: dict[str, tuple[str, Callable[[Path], tuple[int, int]], Callable[[Path], str], str]] = {
    "pypdfium2": ("pypdfium2", pdfium_chars, pdfium_text, "Apache-2.0 / BSD-3-Clause"),
    "pdfplumber": ("pdfplumber", plumber_chars, plumber_text, "MIT"),
    "PyMuPDF": ("pymupdf", mupdf_chars, mupdf_text, "AGPL-3.0 (or commercial)"),
}


def _available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def _word_errors(text: str, source: str) -> int:
    a, b = source.split(), text.split()
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


def _columns_apart(text: str) -> bool:
    """The issuer and the national title / motto are not on one line of the library's text."""
    for line in text.splitlines():
        if ("TỈNH ỦY" in line or "ỦY BAN NHÂN DÂN" in line) and ("VIỆT NAM" in line or "CỘNG HÒA" in line):
            return False
    return True


def _rate(fn: Callable[[Path], object], files: list[Path], pages: int, repeat: int) -> float:
    """Pages per second of `fn` over `files` (`pages` in all), `repeat` passes."""
    start = time.perf_counter()
    for _ in range(repeat):
        for f in files:
            fn(f)
    return pages * repeat / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="passes over the PDFs for the speed figures")
    args = ap.parse_args()
    from parsers.readers.pdf import read_pdf

    with tempfile.TemporaryDirectory() as d:
        pdfs = _make_pdfs(Path(d))
        sources = {k: (REPO / "samples" / f"{k.split(' ')[0]}.txt").read_text(encoding="utf-8")
                   for k in pdfs if "docx" not in k}
        print(f"PDFs: {', '.join(f'{k} ({v.stat().st_size // 1024} KB)' for k, v in pdfs.items())}\n")
        files = list(pdfs.values())
        pages = sum(_pages(f) for f in files)
        print(f"{pages} pages in {len(files)} PDFs, {args.repeat} passes\n")
        print("| library | licence | positioned text pages/s ¹ | plain text pages/s | word errors serif | "
              "word errors mono | header columns apart (party, state) |")
        print("|---|---|---|---|---|---|---|")
        for name, (module, chars, text, licence) in LIBRARIES.items():
            if not _available(module):
                print(f"| {name} | {licence} | not installed | | | | |")
                continue
            char_rate = _rate(chars, files, pages, args.repeat)
            text_rate = _rate(text, files, pages, args.repeat)
            errors = {style: sum(_word_errors(text(pdfs[k]), sources[k]) for k in sources if style in k)
                      for style in ("serif", "mono")}
            apart = [_columns_apart(text(pdfs[k])) for k in ("party (docx tables)", "state (docx tables)")]
            print(f"| {name} | {licence} | {char_rate:.0f} | {text_rate:.0f} | {errors['serif']} | "
                  f"{errors['mono']} | {', '.join('yes' if a else 'no' for a in apart)} |")
        rate = _rate(read_pdf, files, pages, args.repeat)
        errors = {style: sum(_word_errors(" ".join(b.text for b in read_pdf(pdfs[k]).blocks), sources[k])
                             for k in sources if style in k) for style in ("serif", "mono")}
        print(f"| cascade PDF reader (pypdfium2 + layout) | MIT | {rate:.0f} (whole read: words, lines, tables, "
              f"paragraphs) | | {errors['serif']} | {errors['mono']} | yes, as table cells |")


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    n = len(doc)
    doc.close()
    return n


if __name__ == "__main__":
    main()
