"""Shared fixtures: the repository's sample letters, the `../shared` folder beside the repository (eval
gold), and one spaCy pipeline per test session."""

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory):
    """`cascade analyse` caches in ~/.cache/cascade by default; a test session gets its own, so runs
    side by side (another checkout's suite, an analyst's own run) never meet on one SQLite file
    ("database is locked")."""
    import os

    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return REPO / "samples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def gold(shared_dir: Path) -> dict:
    path = shared_dir / "eval" / "gold_samples.json"
    if not path.is_file():
        pytest.skip(f"{path} is absent: clone the shared folder beside the repository")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    from parsers.nlp import load_pipeline

    return load_pipeline()


# --- letters in every format (LibreOffice exports, a scan), built once per session --------------


def _tool(*names: str) -> str:
    """The path of a system tool the format tests need; skipped when absent (failed when CI is set:
    scripts/test.sh installs them)."""
    import os
    import shutil

    for name in names:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail(f"{names[0]} is not installed (CI is set, so the format tests must run)")
    pytest.skip(f"{names[0]} is not installed")


@pytest.fixture(scope="session")
def soffice() -> str:
    return _tool("soffice", "libreoffice")


@pytest.fixture(scope="session")
def tesseract() -> str:
    import os

    from parsers.readers.ocr import tesseract_missing

    path = _tool("tesseract")
    missing = tesseract_missing()  # e.g. the Vietnamese model (tesseract-ocr-vie) is not installed
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    return path


@pytest.fixture(scope="session")
def exports(tmp_path_factory: pytest.TempPathFactory, soffice: str, samples_dir: Path) -> Path:
    """The sample letters exported by LibreOffice as .pdf, .doc and .odt, and the two .docx letters of
    docx_factory (header and signature tables, Word numbering) as .pdf and .rtf: one soffice run per
    target format, in a private profile."""
    from exports import export_all

    return export_all(tmp_path_factory.mktemp("exports"), soffice, samples_dir)
