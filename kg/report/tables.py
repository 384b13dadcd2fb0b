"""Tables of the report: rows with a fixed column order, written as CSV.

The same :class:`Table` is written to CSV (every row, every column) and shown in
``report.html`` and ``report.md`` (the columns a reader needs, the first rows).
Numbers are formatted once, here, so all three say exactly the same thing.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

Value = str | int | float | bool | None


@dataclass(frozen=True)
class Table:
    """One table: a file name, its columns, its rows (already sorted)."""

    name: str
    """File stem: ``organisations`` → ``tables/organisations.csv``."""
    title: str
    description: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    shown: tuple[str, ...] = field(default=())
    """The columns shown in the HTML and Markdown report (default: all)."""

    @property
    def path(self) -> str:
        return f"tables/{self.name}.csv"

    @property
    def shown_columns(self) -> tuple[str, ...]:
        return self.shown or self.columns

    def shown_rows(self, limit: int | None = None) -> list[list[str]]:
        """The shown columns of the first ``limit`` rows, as formatted text."""
        index = [self.columns.index(c) for c in self.shown_columns]
        rows = self.rows if limit is None else self.rows[:limit]
        return [[cell(row[i]) for i in index] for row in rows]

    def csv_text(self) -> str:
        """RFC 4180 CSV (``\\n`` line ends), header first, every value formatted by :func:`cell`,
        text made inert for spreadsheets by :func:`spreadsheet_safe`."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(zip(*(_csv_column(column) for column in zip(*self.rows, strict=True)), strict=True))
        return buffer.getvalue()


#: What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's list, with
#: the full-width forms some spreadsheets also accept).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_RISKY_FIRST = frozenset((*FORMULA_START, " "))
"""First characters of a text that :func:`spreadsheet_safe` may change (spaces come before a formula)."""
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _csv_column(values: tuple[Value, ...]) -> Sequence[object]:
    """One column's values as the CSV writes them (:func:`cell`, :func:`spreadsheet_safe` for text), a column
    at a time: the csv module writes integers and None (as empty) as :func:`cell` does, so they pass as they are."""
    kinds = set(map(type, values))
    if kinds <= {int, type(None)}:
        return values
    if kinds <= {str, type(None)}:
        risky = _RISKY_FIRST
        return [spreadsheet_safe(v) if isinstance(v, str) and v and v[0] in risky else v for v in values]
    return [spreadsheet_safe(cell(v)) if isinstance(v, str) else cell(v) for v in values]


def spreadsheet_safe(text: str) -> str:
    """Text that a spreadsheet opening the CSV shows as text, never runs as a formula.

    A name beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (after
    any spaces) gets a leading ``'`` as OWASP advises ("CSV injection"), which
    spreadsheets show as text. A plain number (``-0.5``) is left alone: it is no formula.
    Only text cells pass through here; the table's own numbers never do.
    """
    if text.lstrip(" ").startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def cell(value: Value) -> str:
    """A value as text: floats with six decimals, booleans as ``true``/``false``, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = f"{value:.6f}"
        return "0.000000" if text == "-0.000000" else text
    return str(value)


def is_number(column: Sequence[str]) -> bool:
    """Whether every non-empty text in ``column`` reads as a number (for right alignment)."""
    seen = False
    for text in column:
        if text == "":
            continue
        try:
            float(text)
        except ValueError:
            return False
        seen = True
    return seen
