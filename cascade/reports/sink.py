"""What every incremental report writer offers: letters and linked pairs are handed over as they
come, and only small figures are kept until `finish`."""

from dataclasses import dataclass, field
from typing import Protocol

from cascade.analysis import Pair
from cascade.verdicts import PairVerdicts
from models import Letter, LinkResult
from models.corpus import LetterNode


@dataclass
class RunInfo:
    """What the writers need once every letter and pair has been seen."""

    root: str
    nodes: dict[str, LetterNode]  # every file, parsed or failed, by relative path
    names: dict[Pair, str]  # the file stem of each pair's pages
    formats: tuple[str, ...]
    lang: str
    version: str
    files: list[str] = field(default_factory=list)  # report files written (relative), for the index links


class ReportSink(Protocol):
    def add_letter(self, node: LetterNode, letter: Letter | None) -> None: ...

    def add_pair(self, pair: Pair, result: LinkResult, verdicts: PairVerdicts) -> None: ...

    def finish(self, run: RunInfo) -> list[str]:
        """Close the files; return the relative paths written."""
        ...
