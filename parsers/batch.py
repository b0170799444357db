"""Parse a folder of letters in parallel processes; a bad file becomes a failure, never an abort.

Every file is parsed in a worker process under a budget (`ParseBudget`: seconds and MiB per file):
a worker that runs over is killed and replaced and the file becomes a one-line failure, so one
hostile or pathological file can never stall or exhaust a run."""

import functools
import hashlib
import itertools
import multiprocessing
import os
import stat
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, TimeoutError
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from models import CascadeError, Letter, path_text
from models.corpus import REPORT_MARKER
from models.packed import pack, unpack
from parsers import DEFAULT_LIMITS, REFUSED, ReadLimits, parse_letter
from parsers.base import check_regular, file_kind
from parsers.readers import BY_SUFFIX
from parsers.workers import map_bounded

# Files a reader takes, and files in a format we refuse (listed as failures with the reason); anything
# else in the folder is ignored. Both come from the reader registry.
_DISCOVERED = frozenset(BY_SUFFIX) | frozenset(REFUSED)


@dataclass(frozen=True)
class ParseBudget:
    """What one file may cost in a parse worker. A real letter parses in well under a second and
    a few tens of MiB; the defaults leave a wide margin and still stop a file built to stall."""

    seconds: float = 60.0
    memory_mib: int = 1536  # address space a worker may add while parsing one file


DEFAULT_BUDGET = ParseBudget()

# `on_page(path, done, total)`: pages of a paged source read so far (a long scan is OCR'd page by page).
FilePageProgress = Callable[[Path, int, int], None]


@dataclass(frozen=True)
class ParseOutcome:
    path: Path
    relative: str
    letter: Letter | None
    error: str | None
    traceback: str | None = None  # only for an internal error (a defect of ours), for --debug
    packed: bytes | None = None  # the letter as the worker packed it (models.packed), when it came from one
    extra: Any = None  # what the caller's `extra(letter)` gave, computed where the letter was parsed


@dataclass
class Discovery:
    """The letter files of a folder, and what was found but not read, with the reason."""

    paths: list[Path] = field(default_factory=list)
    refused: dict[Path, str] = field(default_factory=dict)


def _letter_name(name: str) -> bool:
    if name.startswith((".", "~$")):
        return False
    suffix = Path(name).suffix.lower()
    return suffix in _DISCOVERED


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def find_letters(root: Path, exclude: Path | None = None) -> Discovery:
    """Letter files under `root` (nested folders included), sorted, folder by folder; hidden files
    and Word lock files ("~$…") skipped, and nothing under `exclude` or under any cascade report
    folder. What cannot or must not be read is listed in `refused`: a folder that cannot be
    listed, a symbolic link to a folder (never followed), a link to a file outside `root` or a
    broken one, and anything with a letter's name that is no regular file (a FIFO, a device)."""
    found = Discovery()
    real_root = os.path.realpath(root)
    skip = os.path.realpath(exclude) if exclude is not None else None
    stack = [root]
    while stack:
        here = stack.pop()
        try:
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            found.refused[here] = f"folder cannot be read ({e.strerror or e.__class__.__name__}); its letters " \
                                  "were not analysed"
            continue
        if any(e.name == REPORT_MARKER for e in entries):
            continue
        subfolders = []
        for entry in entries:
            path = here / entry.name
            try:
                if entry.is_symlink():
                    _linked(path, entry.name, real_root, skip, found)
                elif entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith(".") and os.path.realpath(path) != skip:
                        subfolders.append(path)
                elif _letter_name(entry.name):
                    mode = entry.stat(follow_symlinks=False).st_mode
                    if stat.S_ISREG(mode):
                        found.paths.append(path)
                    else:
                        found.refused[path] = f"is {file_kind(mode)}, not a regular file; not read"
            except OSError as e:
                if _letter_name(entry.name):
                    found.refused[path] = f"cannot be read ({e.strerror or e.__class__.__name__})"
        stack.extend(reversed(subfolders))
    return found


def _linked(path: Path, name: str, real_root: str, skip: str | None, found: Discovery) -> None:
    """The rule for symbolic links: a link to a file inside the folder is read; a link to a
    folder is never followed (no loops, no escape); a link out of the folder is refused."""
    if name.startswith("."):
        return
    target = os.path.realpath(path)
    if os.path.isdir(target):
        if target != skip:
            found.refused[path] = "is a symbolic link to a folder; linked folders are not followed " \
                                  "(analyse the folder it points to instead)"
        return
    if not _letter_name(name):
        return
    if not os.path.exists(target):
        found.refused[path] = "is a broken symbolic link"
    elif not _inside(target, real_root):
        found.refused[path] = "is a symbolic link to a file outside the analysed folder; not read " \
                              "(copy the file into the folder to analyse it)"
    else:
        found.paths.append(path)


def discover(root: Path, exclude: Path | None = None) -> list[Path]:
    """The letter files `find_letters` finds (what it refuses is dropped)."""
    return find_letters(root, exclude).paths


# --- parsing, one file per task in budgeted workers ---------------------------------------------------

_MEMORY_EXIT = 75  # a worker that ran out of its memory budget exits with this code
# Files scheduled per parse worker ahead of the one being handed back: enough that a worker never waits
# for the next file while this process packs a letter away, few enough that few results wait packed.
IN_FLIGHT_PER_WORKER = 16


def _parse(path: Path, on_page: FilePageProgress | None = None) -> tuple[Letter | None, str | None, str | None]:
    """(letter, error, traceback): a CascadeError is the file's fault; anything else is ours
    (a MemoryError is left to the caller)."""
    pages = (lambda done, total: on_page(path, done, total)) if on_page else None
    try:
        return parse_letter(path, on_page=pages), None, None
    except CascadeError as e:
        return None, str(e), None
    except MemoryError:
        raise
    except Exception as e:  # a defect of ours must not cost the user the rest of the folder
        return None, f"{path}: internal error while parsing ({e.__class__.__name__}: {e})", traceback.format_exc()


def _parse_one(path: Path, on_page: FilePageProgress | None = None) -> tuple[Letter | None, str | None, str | None]:
    """In this process or on an executor's worker (Dask): running out of memory is a failure too."""
    try:
        return _parse(path, on_page)
    except MemoryError:
        return None, f"{path}: ran out of memory while parsing", None


# What a caller may have computed of each letter where it is parsed, while it is open (a module-level
# function, so it travels to the workers by name): the letter then need not be opened again for it.
Extra = Callable[[Letter], Any]


def _parse_one_packed(path: Path, extra: Extra | None = None) -> tuple[bytes | None, str | None, str | None, Any]:
    """The same on an executor's worker, the letter packed (a sixteenth of its size on the wire), with
    `extra(letter)`."""
    letter, error, trace = _parse_one(path)
    if letter is None:
        return None, error, trace, None
    return pack(letter), error, trace, extra(letter) if extra is not None else None


_PAGES: Any = None  # in a parse worker: the queue its page progress goes back on, if anyone listens


def _report_page(path: Path, done: int, total: int) -> None:
    _PAGES.put((str(path), done, total))


def _parse_in_worker(path: Path, extra: Extra | None = None) -> tuple[bytes | None, str | None, str | None, Any]:
    """Parse one file in a budgeted worker; the letter comes back packed (models.packed), so the
    main process can keep it packed once parent detection is done, with `extra(letter)`."""
    try:
        letter, error, trace = _parse(path, _report_page if _PAGES is not None else None)
        if letter is None:
            return None, error, trace, None
        return pack(letter), error, trace, extra(letter) if extra is not None else None
    except MemoryError:
        os._exit(_MEMORY_EXIT)  # over the budget: leave, so the worker is replaced with a clean one


def _start_worker(memory_mib: int, ocr_threads: int = 1, pages: Any = None) -> None:
    global _PAGES
    _PAGES = pages
    _limit_memory(memory_mib)
    # the cores the other workers leave free OCR this worker's pages at once (a single scan on
    # `cascade parse` or `link` uses them all)
    os.environ["CASCADE_OCR_THREADS"] = str(ocr_threads)


def _limit_memory(memory_mib: int) -> None:
    """Cap this process's address space at what it uses now plus the budget (Linux; elsewhere the
    time budget alone applies)."""
    try:
        import resource

        with open("/proc/self/statm") as f:
            used = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = used + memory_mib * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass


def seconds_for(path: Path, budget: ParseBudget) -> float:
    """The time budget of one file: the budget times its reader's factor (a scan is OCR'd page by page,
    a .doc converted by LibreOffice first)."""
    reader = BY_SUFFIX.get(path.suffix.lower())
    return budget.seconds * (reader.budget_factor if reader else 1.0)


def _budget_failure(path: Path, budget: ParseBudget, error: BaseException) -> str:
    from pebble import ProcessExpired

    if isinstance(error, TimeoutError):
        return f"{path}: exceeded the {seconds_for(path, budget):g} s parse budget; stopped"
    if isinstance(error, ProcessExpired):
        if error.exitcode == _MEMORY_EXIT:
            return f"{path}: exceeded the {budget.memory_mib} MiB memory budget; stopped"
        how = f"signal {-error.exitcode}" if error.exitcode and error.exitcode < 0 else f"exit code {error.exitcode}"
        hint = " (out of memory?)" if error.exitcode == -9 else ""
        return f"{path}: the parse worker died ({how}){hint}; the file was not parsed"
    return f"{path}: internal error while parsing ({error.__class__.__name__}: {error})"


class _PageRelay:
    """Page progress from the parse workers, handed to `on_page` on a thread of this process.

    The queue lives in a manager process: a worker killed for its budget in the middle of a put
    cannot leave a lock held that would block the other workers (a plain multiprocessing queue can)."""

    def __init__(self, on_page: FilePageProgress) -> None:
        self.manager = multiprocessing.get_context().Manager()
        self.queue = self.manager.Queue()
        self.on_page = on_page
        self.thread = threading.Thread(target=self._run, name="cascade-pages", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            path, done, total = item
            self.on_page(Path(path), done, total)

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join(timeout=5)
        self.manager.shutdown()


def _budgeted(paths: Iterable[Path], jobs: int, budget: ParseBudget, on_page: FilePageProgress | None = None,
              window: int | None = None, extra: Extra | None = None) -> Iterator[tuple[Path, tuple]]:
    """Results in the order of `paths`, each file a task of its own so a timeout kills only it. One pool
    for every path, with at most `window` files scheduled ahead of the one handed back (default:
    `IN_FLIGHT_PER_WORKER` per worker), so the workers never wait for this process to take a result
    and `paths` may be a generator (consumed lazily); the pool starts with the first path."""
    from pebble import ProcessPool

    source = iter(paths)
    first = next(source, None)
    if first is None:
        return
    window = max(1, window or IN_FLIGHT_PER_WORKER * jobs)
    relay = _PageRelay(on_page) if on_page else None
    pool = ProcessPool(max_workers=jobs, initializer=_start_worker,
                       initargs=(budget.memory_mib, max(1, (os.cpu_count() or 1) // jobs),
                                 relay.queue if relay else None))
    pending: deque[tuple[Path, Any]] = deque()

    def result(path: Path, future: Any) -> tuple[Path, tuple]:
        try:
            return path, future.result()
        except Exception as e:  # the budget ran out, or the worker died
            return path, (None, _budget_failure(path, budget, e), None, None)

    try:
        for p in itertools.chain((first,), source):
            pending.append((p, pool.schedule(_parse_in_worker, (p, extra), timeout=seconds_for(p, budget))))
            if len(pending) > window:
                yield result(*pending.popleft())
        while pending:
            yield result(*pending.popleft())
    except BaseException:  # interrupted: stop the workers now rather than let them finish
        pool.stop()
        raise
    finally:
        pool.close()
        pool.join()
        if relay:
            relay.close()


def parse_many(paths: list[Path], root: Path, jobs: int | None = None,
               on_done: Callable[[ParseOutcome], None] | None = None,
               executor: Executor | None = None, budget: ParseBudget | None = DEFAULT_BUDGET,
               on_page: FilePageProgress | None = None) -> list[ParseOutcome]:
    """Parse every path in `jobs` worker processes (default: one per core), each file within
    `budget`; or on `executor` (e.g. a Dask cluster's; its workers must see the same paths, and
    bound memory themselves); or, with `budget=None`, in this process. Results come back in the
    order of `paths`. `on_page(path, done, total)` follows the pages of paged sources (scans, PDFs)
    as the workers read them (not on an executor)."""
    if not paths:
        return []
    return list(iter_parsed(paths, root, min(jobs or os.cpu_count() or 1, len(paths)), on_done, executor, budget,
                            on_page))


def iter_parsed(paths: Iterable[Path], root: Path, jobs: int | None = None,
                on_done: Callable[[ParseOutcome], None] | None = None,
                executor: Executor | None = None, budget: ParseBudget | None = DEFAULT_BUDGET,
                on_page: FilePageProgress | None = None, extra: Extra | None = None,
                open_letters: bool = True) -> Iterator[ParseOutcome]:
    """`parse_many` as a stream: each outcome handed back as soon as it and those before it are parsed,
    `paths` consumed lazily (a generator of paths is fine), one pool of workers for all of them. A
    caller that keeps only what it needs of each outcome holds no more than the files in flight.
    `extra(letter)` is computed where each letter is parsed (`ParseOutcome.extra`). With
    `open_letters=False`, a letter a worker packed is not unpacked here: its outcome has `packed` (and
    `extra`) but no `letter` (a caller that keeps letters packed need not open them)."""
    jobs = max(1, jobs or os.cpu_count() or 1)

    def wrap(path: Path, result: tuple) -> ParseOutcome:
        got, error, trace, *more = result
        packed = got if isinstance(got, bytes) else None
        letter = (unpack(got) if open_letters else None) if isinstance(got, bytes) else got
        outcome = ParseOutcome(path, relative_path(path, root), letter, error, trace, packed, more[0] if more else None)
        if on_done:
            on_done(outcome)
        return outcome

    def here(path: Path) -> tuple:
        letter, error, trace = _parse_one(path, on_page)
        return letter, error, trace, extra(letter) if extra is not None and letter is not None else None

    results: Iterable[tuple[Path, tuple]]
    if executor is not None:
        source, mine = itertools.tee(paths)  # the executor's window bounds how far `mine` runs behind
        results = zip(mine, map_bounded(executor, functools.partial(_parse_one_packed, extra=extra), source),
                      strict=True)
    elif budget is None:
        results = ((p, here(p)) for p in paths)
    else:
        results = _budgeted(paths, jobs, budget, on_page, extra=extra)
    for path, result in results:
        yield wrap(path, result)


def relative_path(path: Path, root: Path) -> str:
    """The path relative to the analysed folder, as text every report can hold; a link is named
    as itself, not as the file it points to."""
    try:
        here = Path(os.path.realpath(path.parent)) / path.name
        return path_text(here.relative_to(os.path.realpath(root)).as_posix())
    except (ValueError, OSError):
        try:
            return path_text(path.relative_to(root).as_posix())
        except ValueError:
            return path_text(path.as_posix())


# --- the cache --------------------------------------------------------------------------------------

_HASH_CHUNK = 1024 * 1024


def file_sha256(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> str | None:
    """SHA-256 of a regular file within the size limit, read in bounded chunks; None for anything
    else (the parser then gives the reason): a FIFO is never opened for reading, a device never
    read to its end, a sparse 3 GB file refused from its size."""
    try:
        check_regular(path, os.stat(path), limits)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (CascadeError, OSError):
        return None
    digest = hashlib.sha256()
    read = 0
    with os.fdopen(fd, "rb") as f:
        try:
            check_regular(path, os.fstat(f.fileno()), limits)
            while chunk := f.read(_HASH_CHUNK):
                read += len(chunk)
                if read > limits.max_file_bytes:
                    return None
                digest.update(chunk)
        except (CascadeError, OSError):
            return None
    return digest.hexdigest()


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
        digest = file_sha256(path)
        letter = cache.letter(digest, path_text(path)) if digest else None
        if letter is None:
            fresh.append(path)
        else:
            known.append(ParseOutcome(path, relative_path(path, root), letter, None))
    return known, fresh
