"""Build the format fixtures: what an office's LibreOffice (or a scanner) makes of the sample letters.

The .txt samples are imported as Times New Roman-compatible Liberation Serif (as a letter is typed)
and exported to .pdf, .doc and .odt; the docx_factory letters (two-column header table, "Nơi nhận" |
signature table, Word automatic numbering) to .pdf and .rtf. A scan is a PDF of page images rendered
from the exported PDF, as a scanner at 300 dpi would give.
"""

import subprocess
from pathlib import Path

from docx_factory import party_letter, state_letter

SAMPLES = ("province_1383-CV-BTGTU", "district_implementing_1383")
TEXT_IMPORT = "Text (encoded):UTF8,LF,Liberation Serif,vi-VN"


def convert(soffice: str, profile: Path, target: str, files: list[Path], out: Path,
             infilter: str | None = None) -> None:
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    cmd += ["--convert-to", target, "--outdir", str(out), *map(str, files)]
    proc = subprocess.run(cmd, capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    missing = [f for f in files if not (out / f"{f.stem}.{target.split(':')[0]}").is_file()]
    assert proc.returncode == 0 and not missing, (proc.stdout + proc.stderr).decode(errors="replace")


def export_all(folder: Path, soffice: str, samples_dir: Path) -> Path:
    profile = folder / "lo-profile"
    texts = []
    for name in SAMPLES:
        target = folder / f"{name}.txt"
        target.write_bytes((samples_dir / f"{name}.txt").read_bytes())
        texts.append(target)
    for fmt in ("pdf", "doc", "odt"):
        convert(soffice, profile, fmt, texts, folder, TEXT_IMPORT)
    docx = [party_letter(folder / "party.docx"), state_letter(folder / "state.docx")]
    for fmt in ("pdf", "rtf"):
        convert(soffice, profile, fmt, docx, folder)
    return folder


def scan(pdf: Path, out: Path, dpi: int = 300) -> Path:
    """A scanned copy of `pdf`: every page rendered to a grey image, the images saved as a PDF."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images = [doc[k].render(scale=dpi / 72, grayscale=True).to_pil() for k in range(len(doc))]
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi)
    doc.close()
    return out


def header_image(pdf: Path, out: Path, dpi: int = 300) -> Path:
    """The top of the first page of `pdf` (the two-column header) as a PNG, as a phone photo of the
    letter's head would be cropped."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    page = doc[0]
    image = page.render(scale=dpi / 72, grayscale=True).to_pil()
    image.crop((0, 0, image.width, int(image.height * 0.3))).save(out, dpi=(dpi, dpi))
    doc.close()
    return out
