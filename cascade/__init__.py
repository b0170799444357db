"""Alignment, diff, graph and reports over parsed letters. Never reads input files: `parse_letter`
here hands the path to `parsers`.

    from cascade import parse_letter, link_letters, analyse_folder, write_reports
"""

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("cascade-letters")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"

if TYPE_CHECKING:
    from cascade.pipeline import FolderOptions, FolderRun
    from models import Letter, LinkResult


def parse_letter(path: str | Path, **options: Any) -> "Letter":
    """One letter file into the `Letter` model (`parsers.parse_letter`, which reads it)."""
    from parsers import parse_letter as parse

    return parse(path, **options)


def link_letters(parent: "Letter", child: "Letter", **options: Any) -> "LinkResult":
    """Which child units came from which parent units, with a word diff per link."""
    from cascade.linking import link_letters as link

    return link(parent, child, **options)


def analyse_folder(root: str | Path, options: "FolderOptions | None" = None, cache: Any = None,
                   executor: Any = None, on_progress: Any = None) -> "FolderRun":
    """A folder end to end: parse, detect the cascade, link every pair, write every report."""
    from cascade.pipeline import FolderOptions
    from cascade.pipeline import analyse_folder as run

    return run(Path(root), options or FolderOptions(), cache, executor, on_progress)


def write_reports(analysis: Any, out_dir: str | Path, analysed: str | Path, **options: Any) -> list[Path]:
    """The reports of an analysis whose link results are at hand (with their diffs)."""
    from cascade.reports.folder import write_folder_reports

    return write_folder_reports(analysis, Path(out_dir), Path(analysed), **options)


__all__ = ["__version__", "analyse_folder", "link_letters", "parse_letter", "write_reports"]
