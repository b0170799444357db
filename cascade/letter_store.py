"""A folder's parsed letters held packed (models.packed) in a spool file beside nothing the user gave,
so neither the main process nor the link workers hold every letter: a letter is packed as it comes
back from parsing, and only what parent detection reads of it is kept open (`facts`,
cascade.letter_facts); every other reader opens it from the spool when it asks for it, a few recent
ones kept open (a parent is asked for once per child, and a parent's children come one after another).

The spool is a temporary file (removed when the store is collected); pickled, a store carries the
file's name and each letter's place in it (not the facts), so a worker process on this machine opens
the same file. For a worker elsewhere (Dask), ship `packed(path)` instead."""

import contextlib
import os
import tempfile
import weakref
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import Any

from cascade.letter_facts import LetterFacts, letter_facts
from models import Letter
from models.packed import pack, unpack


class LetterStore(Mapping[str, Letter]):
    """Letters by relative path, packed in a spool file; a mapping of live letters to whoever reads it."""

    RECENT = 8  # letters kept open once read

    def __init__(self) -> None:
        fd, self._spool = tempfile.mkstemp(prefix="cascade-letters-", suffix=".spool")
        os.close(fd)
        self._finalizer = weakref.finalize(self, _remove, self._spool)
        self._places: dict[str, tuple[int, int]] = {}  # path → (offset, length) in the spool
        self._end = 0
        self._sha256: dict[str, str] = {}
        self._facts: dict[str, LetterFacts] = {}
        self._features: dict[str, Any] = {}  # what the parse worker computed for the index, until it is built
        self._recent: OrderedDict[str, Letter] = OrderedDict()
        self._fd: int | None = None
        self._fd_pid = 0
        self._owner: LetterStore | None = None  # the store whose spool a subset reads

    def add(self, path: str, letter: Letter, packed: bytes | None = None, features: Any = None) -> None:
        """Keep `letter` packed (`packed`, when a worker packed it already) with its facts, and the
        `features` its parse worker computed for the trigram index, if any (`features`); the store holds
        no reference to `letter` itself."""
        data = packed if packed is not None else pack(letter)
        with open(self._spool, "ab") as f:
            f.write(data)
        self._places[path] = (self._end, len(data))
        self._end += len(data)
        self._sha256[path] = letter.source.sha256
        self._facts[path] = letter_facts(letter)
        if features is not None:
            self._features[path] = features

    def add_packed(self, path: str, packed: bytes, sha256: str, facts: LetterFacts, features: Any = None) -> None:
        """`add` for a letter its parse worker packed and read the facts of (`sha256` its file's hash):
        the letter is never opened here."""
        with open(self._spool, "ab") as f:
            f.write(packed)
        self._places[path] = (self._end, len(packed))
        self._end += len(packed)
        self._sha256[path] = sha256
        self._facts[path] = facts
        if features is not None:
            self._features[path] = features

    def features(self, path: str) -> Any:
        """What `add` was given for the trigram index (cascade.corpus.build_index), or None."""
        return self._features.get(path)

    def drop_features(self) -> None:
        """The index is built (it holds what it needs of them)."""
        self._features = {}

    def sort(self) -> None:
        """Order the letters by path (letters come back from parsing in batches, and what detection
        finds depends on the order it reads them in)."""
        self._places = dict(sorted(self._places.items()))
        self._recent.clear()

    def packed(self, path: str) -> bytes:
        offset, length = self._places[path]
        if self._fd is None or self._fd_pid != os.getpid():
            self._fd, self._fd_pid = os.open(self._spool, os.O_RDONLY), os.getpid()
        return os.pread(self._fd, length, offset)

    def sha256(self, path: str) -> str:
        """The letter's file hash, without opening it (what the cache is keyed by)."""
        return self._sha256[path]

    def facts(self, path: str) -> LetterFacts:
        """What parent detection reads of the letter, without opening it (opened once when a pickled
        store, which carries no facts, is asked)."""
        found = self._facts.get(path)
        return found if found is not None else letter_facts(self[path])

    def release(self) -> None:
        """Drop the letters kept open."""
        self._recent.clear()

    def __getitem__(self, path: str) -> Letter:
        letter = self._recent.get(path)
        if letter is not None:
            self._recent.move_to_end(path)
            return letter
        if path not in self._places:
            raise KeyError(path)
        letter = unpack(self.packed(path))
        self._recent[path] = letter
        if len(self._recent) > self.RECENT:
            self._recent.popitem(last=False)
        return letter

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def __contains__(self, path: object) -> bool:
        return path in self._places

    def subset(self, paths: set[str]) -> "LetterStore":
        """The letters among `paths` (what a pool of workers needs): the same spool file."""
        out = LetterStore.__new__(LetterStore)
        out.__setstate__({"spool": self._spool, "places": {p: v for p, v in self._places.items() if p in paths},
                          "sha256": {p: h for p, h in self._sha256.items() if p in paths}})
        out._owner = self  # the spool lives as long as this store
        return out

    def __getstate__(self) -> dict:
        return {"spool": self._spool, "places": self._places, "sha256": self._sha256}

    def __setstate__(self, state: dict) -> None:
        self._spool, self._places, self._sha256 = state["spool"], state["places"], state["sha256"]
        self._end = 0
        self._facts = {}
        self._features = {}
        self._recent = OrderedDict()
        self._fd = None
        self._fd_pid = 0
        self._owner = None


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)
