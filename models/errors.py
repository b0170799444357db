"""Errors shared by every layer; the CLI turns them into one-line messages."""

import os
from pathlib import Path


def path_text(path: str | Path) -> str:
    """A path as text every output can hold: a file name that is not UTF-8 (Python keeps its bytes
    as lone surrogates, which no UTF-8 file, JSON or XML can carry) shows those bytes as `\\xNN`."""
    text = str(path)
    if text.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


class CascadeError(Exception):
    """Base of every error cascade raises on purpose."""


class InputError(CascadeError):
    """An input file cannot be read as a letter (wrong format, corrupt, too large, not a letter…)."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = path_text(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
