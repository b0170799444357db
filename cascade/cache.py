"""A cache of parsed letters and link results, keyed by the files' SHA-256, so re-running a folder
with a few new letters only parses and links what changed.

One SQLite file holding data only: every value is the JSON of a pydantic model, validated when it
is read back, so whoever can write the cache folder can at worst make a run recompute (or report
what they wrote), never run code. Every key carries a fingerprint of cascade's own code, so a new
version never reuses what an older one computed. A cache that is damaged, truncated or not ours
is rebuilt empty with a warning; one that cannot be used at all (read-only, locked) is skipped with
a warning, and the run goes on without it."""

import hashlib
import os
import sqlite3
import stat
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from models import CascadeError, CitationCheck, ItemLink, Letter, Link, LinkSummary, Source

FORMAT = "cascade-cache/json-1"  # what the values are; a cache in another format is rebuilt
FILE_NAME = "cache.sqlite"
_TABLES = {"meta", "letters", "links"}
# SQLite result codes of a file that is damaged or is no database at all.
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


class CacheError(CascadeError):
    """The cache folder asked for cannot be used (it is a file, it cannot be created…)."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the source of models/, parsers/ and cascade/ (what parsing and linking depend on)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(FORMAT.encode())
    for package in ("models", "parsers", "cascade"):
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cascade"


class _Findings(BaseModel):
    """What a link result holds besides its two letters (those are cached on their own)."""

    links: list[Link]
    item_links: list[ItemLink]
    dropped: list[str]
    added: list[str]
    citation_check: CitationCheck
    summary: LinkSummary


class _NotOurs(Exception):
    """The file is a database, but not a cascade cache of this format."""


def _corrupt(e: sqlite3.DatabaseError) -> bool:
    return getattr(e, "sqlite_errorcode", None) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


class Cache:
    """Letters by file hash, link findings by (parent hash, child hash)."""

    def __init__(self, folder: Path, warn: Callable[[str], None] | None = None) -> None:
        self.folder = folder
        self.path = folder / FILE_NAME
        self.warn = warn or (lambda _message: None)
        self.version = code_fingerprint()
        self.hits = 0
        self.misses = 0
        self.db: sqlite3.Connection | None = None
        _prepare_folder(folder)
        try:
            self.db = self._connect()
        except _NotOurs as e:
            self._rebuild(str(e))
        except sqlite3.DatabaseError as e:
            self._failed(e)

    # --- opening, rebuilding ----------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            st = os.lstat(self.path)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise _NotOurs("is not a regular file (a link or a device put in its place)")
        db = sqlite3.connect(self.path, timeout=30)
        try:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("CREATE TABLE letters (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("CREATE TABLE links (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
                db.commit()
            elif tables != _TABLES:
                raise _NotOurs("was not written by this version of cascade (older format or another program)")
            else:
                row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
                if row is None or row[0] != FORMAT:
                    raise _NotOurs("was written in another format")
        except BaseException:
            db.close()
            raise
        return db

    def _rebuild(self, reason: str) -> None:
        self.warn(f"the cache {self.path} {reason}; rebuilding it empty")
        self.close()
        try:
            for name in (self.path, self.path.with_name(FILE_NAME + "-journal")):
                if os.path.lexists(name):
                    os.unlink(name)
            self.db = self._connect()
        except (OSError, sqlite3.DatabaseError, _NotOurs) as e:
            self.warn(f"the cache {self.path} cannot be rebuilt ({e}); going on without it")
            self.db = None

    def _failed(self, e: sqlite3.DatabaseError) -> None:
        """A damaged file is rebuilt; anything else (locked, read-only, disk full) disables the
        cache for this run, leaving the file as it is."""
        if _corrupt(e):
            self._rebuild(f"is damaged ({e})")
        else:
            self.warn(f"the cache {self.path} cannot be used ({e}); going on without it")
            self.close()

    # --- values -----------------------------------------------------------------------------------

    def _get(self, table: str, key: str) -> str | None:
        row = None
        if self.db is not None:
            try:
                row = self.db.execute(f"SELECT value FROM {table} WHERE key = ?",
                                      (f"{self.version}:{key}",)).fetchone()
            except sqlite3.DatabaseError as e:
                self._failed(e)
        if row is None or not isinstance(row[0], str):
            self.misses += 1
            return None
        return row[0]

    def _put(self, table: str, key: str, value: str) -> None:
        if self.db is None:
            return
        try:
            self.db.execute(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)",
                            (f"{self.version}:{key}", value))
        except sqlite3.DatabaseError as e:
            self._failed(e)

    def letter(self, sha256: str, path: str) -> Letter | None:
        """The cached letter of that content, its source path set to where the file is now."""
        value = self._get("letters", sha256)
        if value is None:
            return None
        try:
            letter = Letter.model_validate_json(value)
        except ValidationError:  # not what we wrote: recompute
            self.misses += 1
            return None
        if letter.source.sha256 != sha256:
            self.misses += 1
            return None
        self.hits += 1
        if letter.source.path != path:
            letter = letter.model_copy(update={"source": Source(**{**letter.source.model_dump(), "path": path})})
        return letter

    def put_letter(self, letter: Letter) -> None:
        self._put("letters", letter.source.sha256, letter.model_dump_json())

    def link(self, parent_sha: str, child_sha: str) -> dict[str, Any] | None:
        value = self._get("links", f"{parent_sha}:{child_sha}")
        if value is None:
            return None
        try:
            findings = _Findings.model_validate_json(value)
        except ValidationError:
            self.misses += 1
            return None
        self.hits += 1
        return {name: getattr(findings, name) for name in _Findings.model_fields}

    def put_link(self, parent_sha: str, child_sha: str, fields: dict[str, Any]) -> None:
        self._put("links", f"{parent_sha}:{child_sha}", _Findings(**fields).model_dump_json())

    def commit(self) -> None:
        if self.db is not None:
            try:
                self.db.commit()
            except sqlite3.DatabaseError as e:
                self._failed(e)

    def close(self) -> None:
        if self.db is None:
            return
        try:
            self.db.commit()
        except sqlite3.DatabaseError:
            pass
        finally:
            self.db.close()
            self.db = None


def _prepare_folder(folder: Path) -> None:
    try:
        if folder.exists() and not folder.is_dir():
            raise CacheError(f"{folder}: the cache folder is a file; choose another --cache or remove it")
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as e:
        raise CacheError(f"{folder}: the cache folder cannot be created ({e.strerror or e})") from e
