"""The one place every CSV and .xlsx cell passes through, so one rule (issue 8's formula-injection
safety, cascade.reports.safe.safe_cell) applies to every table cascade writes."""

from cascade.reports.safe import safe_cell

Cell = str | int | float


def cell(value: object) -> Cell:
    """A table cell: numbers stay numbers, None is empty, a text is never read as a formula."""
    if isinstance(value, bool):
        return int(value)
    out = safe_cell(value)
    return out if isinstance(out, int | float) else str(out)
