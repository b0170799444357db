"""Errors shared by every layer; the CLI turns them into one-line messages."""

from pathlib import Path


class CascadeError(Exception):
    """Base of every error cascade raises on purpose."""


class InputError(CascadeError):
    """An input file cannot be read as a letter (wrong format, corrupt, too large, not a letter…)."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
