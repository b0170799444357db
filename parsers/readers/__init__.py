"""The reader registry: one module per input format, each a `parsers.base.Reader`.

File discovery (`parsers.batch`), the list of refused formats, the CLI help and the README's formats
table all come from `READERS` and `REFUSED`; adding a format is adding one module and one line here.
"""

from pathlib import Path

from parsers.base import Reader
from parsers.readers import html, image, office, pdf, plain

READERS: tuple[Reader, ...] = (plain.TXT, plain.DOCX, pdf.READER, office.READER, html.READER, image.READER)

# Files an analyst may keep beside letters that no reader takes: listed as failures with the reason,
# so nothing silently disappears from a folder run.
REFUSED: dict[str, str] = {
    ".pages": "Apple Pages files cannot be read; export the letter to .docx or PDF",
    ".xps": "XPS print files cannot be read; print the letter to PDF instead",
    ".oxps": "XPS print files cannot be read; print the letter to PDF instead",
    ".djvu": "DjVu scans cannot be read; convert the scan to PDF or TIFF",
    ".wps": "Works/WPS files cannot be read; save the letter as .docx",
}

BY_SUFFIX: dict[str, Reader] = {s: r for r in READERS for s in r.suffixes}


def reader_for(path: Path) -> Reader | None:
    return BY_SUFFIX.get(path.suffix.lower())


def suffixes() -> list[str]:
    """Every suffix a reader takes, in registry order."""
    return [s for r in READERS for s in r.suffixes]


def suffix_list() -> str:
    """ '.txt, .docx, .pdf, …' for help texts."""
    return ", ".join(suffixes())


def formats_table() -> str:
    """The README's formats table (Markdown), generated from the registry; a test keeps them equal."""
    rows = ["| format | files | how it is read | needs |", "|---|---|---|---|"]
    for r in READERS:
        rows.append(f"| {r.name} | {', '.join(f'`{s}`' for s in r.suffixes)} | {r.what} | {r.needs or '—'} |")
    for suffix, reason in REFUSED.items():
        rows.append(f"| refused | `{suffix}` | {reason} | — |")
    return "\n".join(rows)


__all__ = ["BY_SUFFIX", "READERS", "REFUSED", "Reader", "formats_table", "reader_for", "suffix_list", "suffixes"]
