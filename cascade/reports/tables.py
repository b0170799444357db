"""The CSV files of a folder run, written row by row as letters and pairs come: letters.csv,
items.csv, links.csv (with both texts) and matrix.csv (one row per parent item × child letter, and
one per local child item).

UTF-8 with a BOM (Excel shows Vietnamese), comma-separated, '.' decimals: the files are for tools.
Excel users in a locale with ';' separators open cascade.xlsx instead."""

import csv
from pathlib import Path
from typing import Protocol

from cascade.analysis import Pair
from cascade.reports.cells import Cell, cell
from cascade.reports.sink import RunInfo
from cascade.units import Unit, letter_units
from cascade.verdicts import PairVerdicts, Verdict
from models import Letter, LinkResult, NodeStatus
from models.corpus import LetterNode

LETTERS_COLUMNS = ["path", "status", "error", "symbol", "date", "issuer", "tier", "parents", "parent_evidence",
                   "confidence", "citation_status", "cited", "flags", "subject", "format"]
ITEMS_COLUMNS = ["path", "unit", "item", "kind", "text"]
LINKS_COLUMNS = ["parent_path", "parent_unit", "child_path", "child_unit", "relation", "similarity", "kept_share",
                 "added_share", "split", "merged", "moved", "strength", "score", "parent_item", "child_item",
                 "parent_text", "child_text"]
MATRIX_COLUMNS = ["parent_path", "parent_item", "child_path", "relation", "kept_share", "added_share",
                  "child_items", "parent_text"]


def letter_row(node: LetterNode) -> list[object]:
    return [node.path, node.status, node.error or "", node.symbol or "", node.date or "", node.issuer or "",
            node.tier.value, ";".join(p.parent for p in node.parents),
            ";".join(p.evidence.value for p in node.parents), ";".join(f"{p.confidence:.3f}" for p in node.parents),
            node.citation_status.value if node.status is NodeStatus.PARSED else "", ";".join(node.cited),
            ";".join(node.flags), node.subject or "", node.format or ""]


def unit_row(path: str, unit: Unit) -> list[object]:
    kind = unit.zone if unit.zone != "item" else ("item" if unit.is_item else "block")
    return [path, unit.id, unit.item, kind, unit.text]


def link_rows(pair: Pair, result: LinkResult, verdicts: PairVerdicts) -> list[list[object]]:
    """One row per unit link, with its verdict and both texts."""
    p_units = {u.id: u for u in letter_units(result.parent)}
    c_units = {u.id: u for u in letter_units(result.child)}
    rows: list[list[object]] = []
    for v, link in zip(verdicts.links, result.links, strict=True):
        assert v.parent is not None and v.child is not None
        p, c = p_units[v.parent], c_units[v.child]
        rows.append([pair[0], v.parent, pair[1], v.child, v.relation.value, round(v.similarity, 4),
                     round(v.kept_share, 4), round(v.added_share, 4), int(v.split), int(v.merged), int(v.moved),
                     link.strength.value, round(link.score, 4), p.item, c.item, p.text, c.text])
    return rows


def matrix_rows(pair: Pair, result: LinkResult, verdicts: PairVerdicts) -> list[list[object]]:
    """One row per parent item (its verdict in this child) and one per local child item."""
    texts = {u.id: u.text for u in letter_units(result.parent)}
    rows: list[list[object]] = [[pair[0], v.item, pair[1], v.relation.value, round(v.kept_share, 4),
                                 round(v.added_share, 4), ";".join(v.child_items), texts.get(v.item, "")]
                                for v in verdicts.items]
    rows += [[pair[0], "", pair[1], Verdict.ADDED.value, 0.0, 1.0, item, ""] for item in verdicts.local_items]
    return rows


class _Csv:
    def __init__(self, path: Path, columns: list[str]) -> None:
        self.file = path.open("w", encoding="utf-8-sig", newline="")
        self.writer = csv.writer(self.file, lineterminator="\r\n")
        self.writer.writerow(columns)

    def write(self, row: list[object]) -> None:
        self.writer.writerow([cell(v) for v in row])

    def write_cells(self, cells: list[Cell]) -> None:
        self.writer.writerow(cells)

    def close(self) -> None:
        self.file.close()


class _RowWriter(Protocol):
    def write(self, row: list[object]) -> None: ...

    def write_cells(self, cells: list[Cell]) -> None:
        """A row already made cells (`cell`)."""

    def close(self) -> None: ...


Rows = list[list[Cell]]


class SharedRows:
    """The rows of the letter or pair being handed to the tabular sinks, made (and made cells) once
    for all of them: the CSV files and the workbook write the same rows. Holds the last letter's and
    the last pair's, with what they were made from (so the identity it checks cannot be reused)."""

    def __init__(self) -> None:
        self._letter: tuple[tuple[object, ...], tuple[list[Cell], Rows]] | None = None
        self._pair: tuple[tuple[object, ...], tuple[Rows, Rows]] | None = None

    def letter(self, node: LetterNode, letter: Letter | None) -> tuple[list[Cell], Rows]:
        """(its letters row, its items rows)."""
        if self._letter is None or not _same(self._letter[0], (node, letter)):
            units = [_cells(unit_row(node.path, u)) for u in letter_units(letter)] if letter is not None else []
            self._letter = ((node, letter), (_cells(letter_row(node)), units))
        return self._letter[1]

    def pair(self, pair: Pair, result: LinkResult, verdicts: PairVerdicts) -> tuple[Rows, Rows]:
        """(its links rows, its matrix rows)."""
        if self._pair is None or not _same(self._pair[0], (pair, result, verdicts)):
            self._pair = ((pair, result, verdicts), ([_cells(r) for r in link_rows(pair, result, verdicts)],
                                                     [_cells(r) for r in matrix_rows(pair, result, verdicts)]))
        return self._pair[1]


def _same(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    return all(x is y for x, y in zip(a, b, strict=True))


def _cells(row: list[object]) -> list[Cell]:
    return [cell(v) for v in row]


class TableRows:
    """What every tabular sink writes, row by row: letters, items, links and matrix (the writers are its own)."""

    letters: _RowWriter
    items: _RowWriter
    links: _RowWriter
    matrix: _RowWriter
    shared: SharedRows

    def add_letter(self, node: LetterNode, letter: Letter | None) -> None:
        row, units = self.shared.letter(node, letter)
        self.letters.write_cells(row)
        for unit in units:
            self.items.write_cells(unit)

    def add_pair(self, pair: Pair, result: LinkResult, verdicts: PairVerdicts) -> None:
        links, matrix = self.shared.pair(pair, result, verdicts)
        for row in links:
            self.links.write_cells(row)
        for row in matrix:
            self.write_matrix_row(row)

    def write_matrix_row(self, row: list[Cell]) -> None:
        self.matrix.write_cells(row)


class CsvTables(TableRows):
    """letters.csv, items.csv, links.csv and matrix.csv, streamed."""

    NAMES = ("letters.csv", "items.csv", "links.csv", "matrix.csv")

    def __init__(self, folder: Path, shared: SharedRows | None = None) -> None:
        self.shared = shared or SharedRows()
        self.letters = _Csv(folder / "letters.csv", LETTERS_COLUMNS)
        self.items = _Csv(folder / "items.csv", ITEMS_COLUMNS)
        self.links = _Csv(folder / "links.csv", LINKS_COLUMNS)
        self.matrix = _Csv(folder / "matrix.csv", MATRIX_COLUMNS)

    def finish(self, run: RunInfo) -> list[str]:
        for table in (self.letters, self.items, self.links, self.matrix):
            table.close()
        return list(self.NAMES)
