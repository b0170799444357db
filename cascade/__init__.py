"""Alignment, diff, graph and reports over parsed letters. Never reads input files."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cascade-letters")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"
