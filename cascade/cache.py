"""A cache of parsed letters and link results, keyed by the files' SHA-256, so re-running a folder
with a few new letters only parses and links what changed.

One SQLite file (stdlib, safe across runs); every key carries a fingerprint of cascade's own code,
so a new version never reuses what an older one computed."""

import hashlib
import pickle
import sqlite3
from functools import lru_cache
from pathlib import Path

from models import Letter, Source


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the source of models/, parsers/ and cascade/ (what parsing and linking depend on)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for package in ("models", "parsers", "cascade"):
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def default_cache_dir() -> Path:
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cascade"


class Cache:
    """Letters by file hash, link findings by (parent hash, child hash)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "cache.sqlite"
        self.db = sqlite3.connect(self.path)
        self.db.execute("CREATE TABLE IF NOT EXISTS letters (key TEXT PRIMARY KEY, value BLOB)")
        self.db.execute("CREATE TABLE IF NOT EXISTS links (key TEXT PRIMARY KEY, value BLOB)")
        self.version = code_fingerprint()
        self.hits = 0
        self.misses = 0

    def _get(self, table: str, key: str) -> object | None:
        row = self.db.execute(f"SELECT value FROM {table} WHERE key = ?", (f"{self.version}:{key}",)).fetchone()
        if row is None:
            self.misses += 1
            return None
        try:
            value = pickle.loads(row[0])
        except Exception:  # a damaged entry is a miss, never an error
            self.misses += 1
            return None
        self.hits += 1
        return value

    def _put(self, table: str, key: str, value: object) -> None:
        self.db.execute(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)",
                        (f"{self.version}:{key}", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))

    def letter(self, sha256: str, path: str) -> Letter | None:
        """The cached letter of that content, its source path set to where the file is now."""
        letter = self._get("letters", sha256)
        if not isinstance(letter, Letter):
            return None
        if letter.source.path != path:
            letter = letter.model_copy(update={"source": Source(**{**letter.source.model_dump(), "path": path})})
        return letter

    def put_letter(self, letter: Letter) -> None:
        self._put("letters", letter.source.sha256, letter)

    def link(self, parent_sha: str, child_sha: str) -> dict[str, object] | None:
        value = self._get("links", f"{parent_sha}:{child_sha}")
        return value if isinstance(value, dict) else None

    def put_link(self, parent_sha: str, child_sha: str, fields: dict[str, object]) -> None:
        self._put("links", f"{parent_sha}:{child_sha}", fields)

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()
