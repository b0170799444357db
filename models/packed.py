"""A parsed letter packed: pickled and deflated, ≈ 6 KB where the live `Letter` takes ≈ 100 KB of
Python objects (every unit's text in three forms, spans, the tree). Parse workers send letters
packed; cascade.letter_store keeps a folder's letters so."""

import pickle
import zlib

from models.letter import Letter


def pack(letter: Letter) -> bytes:
    return zlib.compress(pickle.dumps(letter, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(packed: bytes) -> Letter:
    letter = pickle.loads(zlib.decompress(packed))
    if not isinstance(letter, Letter):
        raise TypeError(f"a packed letter holds {type(letter).__name__}")
    return letter
