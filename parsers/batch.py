"""Parse a folder of letters in parallel processes; a bad file becomes a failure, never an abort."""

import hashlib
import os
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from models import CascadeError, InputError, Letter
from models.corpus import REPORT_MARKER
from parsers import READERS, parse_letter

# Letters given in a format we refuse get listed as failures; anything else in the folder is ignored.
_REFUSED = {".doc", ".pdf", ".rtf", ".odt", ".docm", ".dot", ".dotx"}


@dataclass(frozen=True)
class ParseOutcome:
    path: Path
    relative: str
    letter: Letter | None
    error: str | None


def discover(root: Path, exclude: Path | None = None) -> list[Path]:
    """Letter files under `root` (nested folders included), sorted; hidden files and Word lock files
    ("~$…") skipped, and nothing under `exclude` or under any cascade report folder."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        if REPORT_MARKER in filenames:
            dirnames[:] = []
            continue
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and (exclude is None or (here / d).resolve() != exclude.resolve()))
        for name in sorted(filenames):
            if name.startswith((".", "~$")):
                continue
            suffix = Path(name).suffix.lower()
            if suffix in READERS or suffix in _REFUSED:
                found.append(here / name)
    return found


def _parse_one(path: Path) -> tuple[Letter | None, str | None]:
    """The letter, or the reason it failed (without the path: callers name the file once)."""
    try:
        return parse_letter(path), None
    except InputError as e:
        return None, e.reason
    except CascadeError as e:
        return None, str(e)
    except Exception as e:  # a defect of ours must not cost the user the rest of the folder
        return None, f"internal error while parsing ({e.__class__.__name__}: {e})"


def _warm() -> None:
    from parsers.nlp import load_pipeline

    load_pipeline()


def parse_many(paths: list[Path], root: Path, jobs: int | None = None,
               on_done: Callable[[ParseOutcome], None] | None = None,
               executor: Executor | None = None) -> list[ParseOutcome]:
    """Parse every path, in `jobs` processes (default: one per core; 1 = in this process), or on
    `executor` (e.g. a Dask cluster's; its workers must see the same paths). Results come back in
    the order of `paths`."""
    jobs = jobs or os.cpu_count() or 1
    jobs = max(1, min(jobs, len(paths)))
    outcomes: list[ParseOutcome] = []

    def wrap(path: Path, result: tuple[Letter | None, str | None]) -> ParseOutcome:
        letter, error = result
        outcome = ParseOutcome(path, relative_path(path, root), letter, error)
        if on_done:
            on_done(outcome)
        return outcome

    if executor is not None:
        return [wrap(p, r) for p, r in zip(paths, executor.map(_parse_one, paths), strict=True)]
    if jobs == 1 or len(paths) < 4:
        return [wrap(p, _parse_one(p)) for p in paths]
    chunk = max(1, min(32, len(paths) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm) as pool:
        for path, result in zip(paths, pool.map(_parse_one, paths, chunksize=chunk), strict=True):
            outcomes.append(wrap(path, result))
    return outcomes


def relative_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


class LetterCache(Protocol):
    """What `cached_letters` needs of a cache (cascade.cache.Cache provides it)."""

    def letter(self, sha256: str, path: str) -> Letter | None: ...


def cached_letters(paths: list[Path], root: Path,
                   cache: LetterCache | None) -> tuple[list[ParseOutcome], list[Path]]:
    """Split `paths` into letters the cache already holds (same bytes) and paths still to parse."""
    if cache is None:
        return [], list(paths)
    known: list[ParseOutcome] = []
    fresh: list[Path] = []
    for path in paths:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            fresh.append(path)  # the parser reports the reason
            continue
        letter = cache.letter(digest, str(path))
        if letter is None:
            fresh.append(path)
        else:
            known.append(ParseOutcome(path, relative_path(path, root), letter, None))
    return known, fresh
