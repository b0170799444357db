"""Legacy Word (.doc), Word with macros (.docm), OpenDocument (.odt) and RTF: LibreOffice converts
them to .docx, then the `.docx` reader reads that.

LibreOffice's import filters are the most faithful reading of these formats that is free to ship
(tables, automatic numbering and legacy fonts survive into the .docx), and the converted file goes
through exactly the code a real .docx does. odfpy could read .odt natively, but it gives neither
rendered list numbers nor table structure, so it would be a second, weaker path for the same job.

Safety: the input is copied into a private temporary folder and converted there, with a private
LibreOffice profile (`-env:UserInstallation`) whose settings forbid macros, under a time limit; the
user's file is only ever read, and a running LibreOffice of the user's is not touched. Each process
keeps one profile for its lifetime (creating one costs seconds), removed when the process exits.
"""

import atexit
import functools
import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from models import InputError, RawDocument, SourceFormat
from parsers.base import DEFAULT_LIMITS, PageProgress, Reader, ReadLimits, make_source, read_bytes
from parsers.docx_reader import read_docx

TIMEOUT_SECONDS = 120
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Macro security "very high" (only signed macros from trusted locations, and there are none) and no
# macro run on load: the private profile starts with these settings.
_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel"
  oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution"
  oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="TrustedAuthors"
  oor:op="fuse"><value/></prop></item>
</oor:items>
"""

_FORMATS = {".doc": SourceFormat.DOC, ".dot": SourceFormat.DOC, ".docm": SourceFormat.DOCM,
            ".odt": SourceFormat.ODT, ".rtf": SourceFormat.RTF}


@functools.cache
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_missing() -> str | None:
    if soffice() is None:
        return ("reading .doc, .docm, .odt and .rtf needs LibreOffice, which is not installed "
                "(Debian: apt-get install libreoffice-writer-nogui); or save the letter as .docx")
    return None


@functools.cache
def _profile() -> Path:
    """This process's private LibreOffice profile, with macros disabled; removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="cascade-lo-profile-"))
    user = folder / "user"
    user.mkdir()
    (user / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _precheck(path: Path, data: bytes, suffix: str) -> None:
    """Refuse, without starting LibreOffice, what cannot be a letter in this format."""
    if suffix in (".doc", ".dot"):
        if data.startswith(b"{\\rtf"):
            return  # Word saves RTF under .doc; LibreOffice reads it as RTF
        if data.startswith(b"PK\x03\x04"):
            raise InputError(path, "is a .docx (a zip package) named .doc; rename it .docx")
        if not data.startswith(_OLE):
            raise InputError(path, "is not a Word .doc (no OLE signature); if it is text, rename it .txt")
        if "EncryptedPackage".encode("utf-16-le") in data or "WordDocument".encode("utf-16-le") not in data:
            raise InputError(path, "corrupt or password-protected .doc (the Office container holds no readable "
                                   "Word document stream); save an unprotected copy")
    elif suffix == ".rtf":
        if not data.lstrip().startswith(b"{\\rtf"):
            raise InputError(path, "is not an RTF file (no {\\rtf signature)")
    elif suffix in (".odt", ".docm"):
        if data.startswith(_OLE):
            raise InputError(path, f"is a password-protected or legacy Office file, not a {suffix}; "
                                   "save an unprotected copy")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
        except zipfile.BadZipFile as e:
            raise InputError(path, f"corrupt {suffix} (not a valid zip package)") from e
        needed = "content.xml" if suffix == ".odt" else "word/document.xml"
        if needed not in names:
            kind = "OpenDocument text" if suffix == ".odt" else "Word document"
            raise InputError(path, f"corrupt {suffix}: the package has no {needed}, so it is not an {kind}")


def convert_to_docx(path: Path, data: bytes, suffix: str, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The .docx bytes LibreOffice writes for `data` (the file's bytes), converted in a private folder."""
    program = soffice()
    if program is None:
        raise InputError(path, libreoffice_missing() or "LibreOffice is not installed")
    with tempfile.TemporaryDirectory(prefix="cascade-convert-") as work:
        source = Path(work) / f"letter{suffix}"
        source.write_bytes(data)  # a private copy: LibreOffice never sees (or locks) the user's file
        out = Path(work) / "out"
        cmd = [program, f"-env:UserInstallation={_profile().as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--nodefault", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
               str(source)]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, cwd=work, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as e:
            raise InputError(path, f"LibreOffice did not finish converting it within {timeout:.0f} s") from e
        result = out / "letter.docx"
        if proc.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            detail = (proc.stderr or proc.stdout).decode(errors="replace").strip().splitlines()
            why = f": {detail[-1][:160]}" if detail else ""
            raise InputError(path, f"LibreOffice could not convert it (corrupt or password-protected {suffix}?){why}")
        return result.read_bytes()


def read_office(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS,
                on_page: PageProgress | None = None) -> RawDocument:
    """Read a .doc, .docm, .odt or .rtf letter through LibreOffice and the .docx reader."""
    path = Path(path)
    suffix = path.suffix.lower()
    data = read_bytes(path, limits)
    _precheck(path, data, suffix)
    missing = libreoffice_missing()
    if missing:
        raise InputError(path, missing)
    converted = convert_to_docx(path, data, suffix)
    with tempfile.TemporaryDirectory(prefix="cascade-docx-") as work:
        docx_path = Path(work) / "letter.docx"
        docx_path.write_bytes(converted)
        try:
            raw = read_docx(docx_path, limits)
        except InputError as e:
            raise InputError(path, f"LibreOffice's conversion cannot be read ({e.reason})") from e
    source = make_source(path, data, _FORMATS.get(suffix, SourceFormat.DOC))
    return raw.model_copy(update={"source": source, "notes": ["converted to .docx by LibreOffice", *raw.notes]})


READER = Reader(
    name="Word 97–2003, Word with macros, OpenDocument, RTF",
    suffixes=(".doc", ".dot", ".docm", ".odt", ".rtf"),
    read=read_office,
    what="converted to .docx by LibreOffice (headless, private profile, macros disabled, time limit; the file "
         "itself is never opened for writing), then read as a .docx",
    needs="Debian libreoffice-writer-nogui",
    budget_factor=3.0,  # the LibreOffice conversion comes first
    missing=libreoffice_missing,
)
