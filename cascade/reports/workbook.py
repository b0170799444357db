"""cascade.xlsx, for analysts who work in Excel: sheets `letters`, `items`, `links` (with both
texts) and `matrix` (one row per parent item × child), then one sheet per parent letter with its
items × children matrix, coloured by relation. Every sheet has a frozen header and a filter.

XlsxWriter in constant-memory mode: rows go to disk as they are written, so the workbook of a
10,000-letter run costs no more memory than a small one; only the small per-parent matrices wait
for the end."""

import math
import re
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell_fast

from cascade.analysis import Pair
from cascade.reports.cells import Cell, cell
from cascade.reports.labels import label
from cascade.reports.sink import RunInfo
from cascade.reports.tables import (
    ITEMS_COLUMNS,
    LETTERS_COLUMNS,
    LINKS_COLUMNS,
    MATRIX_COLUMNS,
    SharedRows,
    TableRows,
)
from cascade.units import letter_units
from cascade.verdicts import PairVerdicts
from models import LinkResult

# Background of each relation (the same hues as index.html).
COLOURS = {"kept": "#c8ecc9", "localised": "#cfe0ff", "expanded": "#d9f2ee", "trimmed": "#ffe3b8",
           "paraphrased": "#f3e4ff", "modified": "#ffc9bf", "added": "#e6d8ff", "dropped": "#e4e4e4"}
_SHEET_BAD = re.compile(r"[\[\]:*?/\\']")


EXCEL_ROWS = 1_048_576  # rows in one worksheet (Excel's limit; XlsxWriter silently drops rows past it)


class _Sheet:
    """One table of the workbook; a table longer than a worksheet goes on in `items 2`, `items 3`, …
    each with its own header, so no row of a large folder is lost."""

    def __init__(self, book: xlsxwriter.Workbook, name: str, columns: list[str], header_format: object,
                 widths: dict[str, int], rows_per_sheet: int | None = None) -> None:
        self.book, self.name, self.columns = book, name, columns
        self.header_format, self.widths = header_format, widths
        self.rows_per_sheet = rows_per_sheet or EXCEL_ROWS
        self.sheets = 0
        self._open()

    def _open(self) -> None:
        self.sheets += 1
        self.sheet = self.book.add_worksheet(self.name if self.sheets == 1 else f"{self.name} {self.sheets}")
        self.row = 0
        for k, column in enumerate(self.columns):
            self.sheet.set_column(k, k, self.widths.get(column, 14))
        self.sheet.freeze_panes(1, 0)
        self.write(self.columns, self.header_format)

    def write(self, values: Sequence[object], fmt: object = None) -> None:
        self.write_cells([cell(value) for value in values], fmt)

    def write_cells(self, cells: list[Cell], fmt: object = None) -> None:
        """A row already made cells (`cell`)."""
        if self.row >= self.rows_per_sheet:
            self.close()
            self._open()
        if not _write_plain_row(self.sheet, self.row, cells, fmt):
            for k, v in enumerate(cells):
                if isinstance(v, str):
                    self.sheet.write_string(self.row, k, v, fmt)
                else:
                    self.sheet.write_number(self.row, k, v, fmt)
        self.row += 1

    def close(self) -> None:
        self.sheet.autofilter(0, 0, max(0, self.row - 1), len(self.columns) - 1)


# A cell XlsxWriter would change on its way into the sheet's XML: a control character or a literal
# `_xHHHH_` (escaped), a non-character (escaped), an XML special character (escaped; a text in
# `<r>…</r>` is even written as rich text), or a text long enough to reach Excel's length limit.
_SPECIAL = re.compile(r'[\x00-\x08\x0b-\x1f\ufffe\uffff"&<>\n]|_x[0-9a-fA-F]{4}_')
_PLAIN_LENGTH = 16_383  # XlsxWriter measures (and cuts) a text longer than half of Excel's 32,767


def _write_plain_row(sheet: object, row: int, cells: list[object], fmt: object) -> bool:
    """Write a row of plain cells straight into a constant-memory worksheet's row data, as the same
    XML XlsxWriter writes for them cell by cell (`Worksheet._write_cell` for in-line strings and
    numbers), at a fraction of the cost: the workbook's long tables are most of a folder run's
    report writing. False, with nothing written, for a row with any cell that is not plain (a
    special text, a number that is not finite, a row or column with its own format, the first row
    of a format, which XlsxWriter numbers as it writes it): XlsxWriter writes that one itself.
    tests/test_workbook_rows.py checks that both give the same bytes."""
    if row in sheet.row_info or row in sheet.comments or row < sheet.previous_row \
            or row >= sheet.xls_rowmax or len(cells) > sheet.xls_colmax:  # type: ignore[attr-defined]
        return False
    index = getattr(fmt, "xf_index", None)
    if fmt is not None and index is None:  # a format's first row: XlsxWriter numbers it when it writes it
        return False
    xml = []
    style = f' s="{index}"' if fmt is not None else ""
    for col, v in enumerate(cells):
        if fmt is None and col in sheet.col_info and sheet.col_info[col].column_format is not None:  # type: ignore[attr-defined]
            return False
        ref = xl_rowcol_to_cell_fast(row, col)
        if isinstance(v, str):
            if len(v) > _PLAIN_LENGTH or _SPECIAL.search(v):
                return False
            space = ' xml:space="preserve"' if v[:1].isspace() or v[-1:].isspace() else ""
            xml.append(f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{v}</t></is></c>')
        elif isinstance(v, int | float) and math.isfinite(v):
            xml.append(f'<c r="{ref}"{style}><v>{v:.16G}</v></c>')
        else:
            return False
    if row > sheet.previous_row:  # type: ignore[attr-defined]
        sheet._write_single_row(row)  # type: ignore[attr-defined]  # a row XlsxWriter still holds goes first
    if cells:
        sheet._check_dimensions(row, 0)  # type: ignore[attr-defined]
        sheet._check_dimensions(row, len(cells) - 1)  # type: ignore[attr-defined]
        sheet._write_row(row, None)  # type: ignore[attr-defined]
        sheet.fh.write("".join(xml))  # type: ignore[attr-defined]
        sheet._xml_end_tag("row")  # type: ignore[attr-defined]
    return True


class Workbook(TableRows):
    NAME = "cascade.xlsx"

    def __init__(self, folder: Path, lang: str, shared: SharedRows | None = None) -> None:
        self.lang = lang
        self.shared = shared or SharedRows()
        self.book = xlsxwriter.Workbook(str(folder / self.NAME), {"constant_memory": True, "strings_to_numbers": False,
                                                                  "strings_to_formulas": False,
                                                                  "strings_to_urls": False})
        self.head = self.book.add_format({"bold": True, "bg_color": "#f3f5f7", "border": 1, "text_wrap": True,
                                          "valign": "top"})
        self.fills = {k: self.book.add_format({"bg_color": c, "border": 1, "text_wrap": True, "valign": "top"})
                      for k, c in COLOURS.items()}
        self.wrap = self.book.add_format({"text_wrap": True, "valign": "top"})
        text = {"text": 80, "parent_text": 60, "child_text": 60, "subject": 50, "error": 40, "path": 36,
                "parent_path": 30, "child_path": 30, "flags": 30, "issuer": 26}
        self.letters = _Sheet(self.book, "letters", LETTERS_COLUMNS, self.head, text)
        self.items = _Sheet(self.book, "items", ITEMS_COLUMNS, self.head, text)
        self.links = _Sheet(self.book, "links", LINKS_COLUMNS, self.head, text)
        self.matrix: _Sheet = _Sheet(self.book, "matrix", MATRIX_COLUMNS, self.head, text)
        # per parent: its items (id, text) and, per child, its cells (relation, kept, child items)
        self.parents: dict[str, list[tuple[str, str]]] = {}
        self.cells: dict[str, dict[str, dict[str, tuple[str, float, str]]]] = {}
        self.retention: dict[Pair, float] = {}

    def write_matrix_row(self, row: list[Cell]) -> None:
        self.matrix.write_cells(row, self.fills.get(str(row[3])))

    def add_pair(self, pair: Pair, result: LinkResult, verdicts: PairVerdicts) -> None:
        super().add_pair(pair, result, verdicts)
        parent, child = pair
        if parent not in self.parents:
            self.parents[parent] = [(u.id, u.text) for u in letter_units(result.parent) if u.is_item]
        self.cells.setdefault(parent, {})[child] = {
            v.item: (v.relation.value, v.kept_share, ", ".join(v.child_items)) for v in verdicts.items}
        self.retention[pair] = verdicts.retention

    def finish(self, run: RunInfo) -> list[str]:
        for sheet in (self.letters, self.items, self.links, self.matrix):
            sheet.close()
        used = {"letters", "items", "links", "matrix"}
        for parent, items in self.parents.items():
            self._matrix_sheet(run, parent, items, used)
        self.book.close()
        return [self.NAME]

    def _matrix_sheet(self, run: RunInfo, parent: str, items: list[tuple[str, str]], used: set[str]) -> None:
        node = run.nodes.get(parent)
        base = _SHEET_BAD.sub("_", f"M {node.symbol if node and node.symbol else Path(parent).stem}")[:28]
        name, k = base, 2
        while name.lower() in used:
            name, k = f"{base[:25]} {k}", k + 1
        used.add(name.lower())
        children = [c for c in (node.children if node else []) if c in self.cells[parent]] or list(self.cells[parent])
        sheet = self.book.add_worksheet(name)
        sheet.set_column(0, 0, 10)
        sheet.set_column(1, 1, 50)
        sheet.set_column(2, 1 + len(children), 18)
        t = lambda key: label(key, self.lang)  # noqa: E731
        header = [t("item"), parent]
        for child in children:
            cnode = run.nodes.get(child)
            header.append(" · ".join(x for x in ((cnode.issuer if cnode else None), (cnode.symbol if cnode else None),
                                                 child) if x))
        for col, value in enumerate(header):
            sheet.write_string(0, col, value, self.head)
        for row, (item_id, text) in enumerate(items, 1):
            sheet.write_string(row, 0, item_id, self.wrap)
            sheet.write_string(row, 1, text[:300], self.wrap)
            for col, child in enumerate(children, 2):
                relation, kept, where = self.cells[parent][child].get(item_id, ("dropped", 0.0, ""))
                value = t(relation) if relation == "dropped" else f"{t(relation)} {kept:.0%}" + (
                    f" → {where}" if where else "")
                sheet.write_string(row, col, value, self.fills.get(relation))
        last = len(items) + 1
        sheet.write_string(last, 1, t("retention"), self.head)
        for col, child in enumerate(children, 2):
            sheet.write_number(last, col, self.retention.get((parent, child), 0.0), self.head)
        sheet.freeze_panes(1, 2)
        sheet.autofilter(0, 0, max(0, len(items)), 1 + len(children))
