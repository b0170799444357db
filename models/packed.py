"""Parsed letters held packed (pickled and deflated, about a sixteenth of a live `Letter`), so a folder
of tens of thousands of letters fits in a bounded process: a parse worker packs the letter it read,
and a `LetterStore` keeps every letter packed, opening one when it is asked for.

A live letter takes ≈ 100 KB of Python objects (every unit's text in three forms, spans, the tree);
packed it is ≈ 6 KB. Opening one costs a few milliseconds, so the store keeps the letters open while
parent detection reads them over and over (`release` then drops them) and afterwards a few recently
opened ones (a parent is asked for once per child, and a parent's children come one after another)."""

import pickle
import zlib
from collections import OrderedDict
from collections.abc import Iterator, Mapping

from models.letter import Letter


def pack(letter: Letter) -> bytes:
    return zlib.compress(pickle.dumps(letter, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(packed: bytes) -> Letter:
    letter = pickle.loads(zlib.decompress(packed))
    if not isinstance(letter, Letter):
        raise TypeError(f"a packed letter holds {type(letter).__name__}")
    return letter


class LetterStore(Mapping[str, Letter]):
    """Letters by relative path, packed; a mapping of live letters to whoever reads it. Pickled (to a
    Dask worker, or inherited by a forked one) it carries the packed letters only."""

    RECENT = 8  # letters kept open after `release`

    def __init__(self) -> None:
        self._packed: dict[str, bytes] = {}
        self._sha256: dict[str, str] = {}
        self._open: dict[str, Letter] | None = {}  # every letter, until released
        self._recent: OrderedDict[str, Letter] = OrderedDict()

    def add(self, path: str, letter: Letter, packed: bytes | None = None) -> None:
        self._packed[path] = packed if packed is not None else pack(letter)
        self._sha256[path] = letter.source.sha256
        if self._open is not None:
            self._open[path] = letter

    def packed(self, path: str) -> bytes:
        return self._packed[path]

    def sha256(self, path: str) -> str:
        """The letter's file hash, without opening it (what the cache is keyed by)."""
        return self._sha256[path]

    def release(self) -> None:
        """Drop the open letters: from now on each is opened from its packed form when asked for."""
        self._open = None
        self._recent.clear()

    def __getitem__(self, path: str) -> Letter:
        if self._open is not None:
            if path in self._open:
                return self._open[path]
            raise KeyError(path)
        letter = self._recent.get(path)
        if letter is not None:
            self._recent.move_to_end(path)
            return letter
        letter = unpack(self._packed[path])
        self._recent[path] = letter
        if len(self._recent) > self.RECENT:
            self._recent.popitem(last=False)
        return letter

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __contains__(self, path: object) -> bool:
        return path in self._packed

    def subset(self, paths: set[str]) -> "LetterStore":
        """The letters among `paths`, packed (what a pool of workers needs)."""
        out = LetterStore()
        out._open = None
        out._packed = {p: b for p, b in self._packed.items() if p in paths}
        out._sha256 = {p: h for p, h in self._sha256.items() if p in paths}
        return out

    def __getstate__(self) -> dict:
        return {"packed": self._packed, "sha256": self._sha256}

    def __setstate__(self, state: dict) -> None:
        self._packed, self._sha256 = state["packed"], state["sha256"]
        self._open = None
        self._recent = OrderedDict()
