"""The one place every CSV and .xlsx cell passes through, so one rule (e.g. formula-injection
safety) applies to every table cascade writes."""

Cell = str | int | float


def cell(value: object) -> Cell:
    """A table cell: numbers stay numbers, None is empty, anything else is its text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    return str(value)
