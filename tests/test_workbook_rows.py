"""cascade.xlsx's long tables are written row by row straight into the sheet's XML (the workbook's
fast path); whatever a row holds, the workbook must be byte for byte the one XlsxWriter writes cell
by cell."""

import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cascade.reports import workbook
from cascade.reports.cells import cell
from cascade.reports.workbook import Workbook

# texts that XlsxWriter treats specially: control characters, its own _xHHHH_ escapes, XML
# specials, rich-text markers, edge white space, non-characters, formula starters, long texts
AWKWARD = st.sampled_from(["", " ", "a ", " a", "\t", "_x0041_", "_x00zz_", "<r>x</r>", "a&b", "<", ">", '"',
                           "\n", "line\nline", "\x00", "\x07bell", "\x1f", "\ufffe", "\uffff", "=1+1", "+x", "-3",
                           "@a", "Điều 1. Ban hành", "\u3000wide", "tail\u00a0", "x" * 17_000])
TEXT = st.one_of(AWKWARD, st.text(max_size=40), st.lists(AWKWARD, max_size=4).map("".join))
CELL = st.one_of(TEXT, st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
                 st.none())
ROWS = st.lists(st.lists(CELL, min_size=8, max_size=8), max_size=12)


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}  # core.xml: the time written


def _book(folder: Path, letters: list[list[object]], matrix: list[list[object]], rows_per_sheet: int) -> Path:
    folder.mkdir()
    book = Workbook(folder, "en")
    for sheet in (book.letters, book.items, book.links, book.matrix):
        sheet.rows_per_sheet = rows_per_sheet
    for row in letters:
        book.letters.write(row)
    for row in matrix:
        book.write_matrix_row([cell(v) for v in row])
    for sheet in (book.letters, book.items, book.links, book.matrix):
        sheet.close()
    book.book.close()
    return folder / Workbook.NAME


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(letters=ROWS, matrix=ROWS, relations=st.lists(st.sampled_from(["kept", "added", "dropped", "x"]), max_size=12),
       rows_per_sheet=st.sampled_from([3, 1_000]))
def test_fast_rows_write_the_workbook_xlsxwriter_writes(tmp_path_factory, monkeypatch, letters, matrix, relations,
                                                        rows_per_sheet):
    # matrix rows carry their relation in column 3 (its fill), some the first of their format
    matrix = [[*row[:3], relations[k % len(relations)] if relations else "kept", *row[4:]]
              for k, row in enumerate(matrix)]
    fast = _book(tmp_path_factory.mktemp("w") / "fast", letters, matrix, rows_per_sheet)
    with monkeypatch.context() as m:
        m.setattr(workbook, "_write_plain_row", lambda *args: False)
        slow = _book(tmp_path_factory.mktemp("w") / "slow", letters, matrix, rows_per_sheet)
    assert _members(fast) == _members(slow)


def test_plain_rows_take_the_fast_path(tmp_path, monkeypatch):
    taken = []
    real = workbook._write_plain_row
    monkeypatch.setattr(workbook, "_write_plain_row", lambda *args: taken.append(real(*args)) or taken[-1])
    _book(tmp_path / "b", [["a.txt", "parsed", "", 1, 0.5, "Tỉnh", "x", "y"]] * 3, [], 1_000)
    # the four headers go through XlsxWriter (their format is numbered as it writes them); every data row goes fast
    assert taken == [False] * 4 + [True] * 3


def test_shared_rows_are_made_once_per_letter_and_pair(tmp_path):
    from cascade.reports.tables import SharedRows
    from models import NodeStatus
    from models.corpus import LetterNode

    shared = SharedRows()
    node = LetterNode(path="a.txt", format="txt", status=NodeStatus.FAILED, error="unreadable")
    first = shared.letter(node, None)
    assert shared.letter(node, None) is first  # the second sink gets the same rows
    other = LetterNode(path="a.txt", format="txt", status=NodeStatus.FAILED, error="unreadable")
    assert shared.letter(other, None) is not first  # an equal but different letter is made again
    assert shared.letter(other, None)[0] == first[0]
