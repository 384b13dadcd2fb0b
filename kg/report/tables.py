"""Tables of the report: rows with a fixed column order, written as CSV.

The same :class:`Table` is written to CSV (every row, every column) and shown in
``report.html`` and ``report.md`` (the columns a reader needs, the first rows).
Numbers are formatted once, here, so all three say exactly the same thing.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from typing import cast

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
        text made inert for spreadsheets by :func:`spreadsheet_safe`: what the csv module writes
        (:func:`csv_rows`)."""
        rows = self.rows
        if len(set(map(len, rows))) > 1:
            raise ValueError(f"the rows of the table {self.name} are not all of one length")
        width = len(rows[0]) if rows else 0
        return csv_rows([self.columns], [_csv_column(tuple(map(itemgetter(i), rows))) for i in range(width)])


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
        first = cast(Callable[[object], str], itemgetter(0))
        if _RISKY_FIRST.isdisjoint(map(first, filter(None, values))):  # (their first characters)
            return values
        risky = _RISKY_FIRST
        return [spreadsheet_safe(v) if isinstance(v, str) and v and v[0] in risky else v for v in values]
    return [spreadsheet_safe(cell(v)) if isinstance(v, str) else cell(v) for v in values]


def _csv_module(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


_QUOTED = (",", '"', "\n", "\r")
"""What may make the csv module quote a field (``\\r`` does in some Pythons); every other character it
writes as it is (checked once, :func:`_verbatim`)."""

_QUOTED_RE = re.compile("[" + re.escape("".join(_QUOTED)) + "]")


@cache
def _verbatim() -> bool:
    """Whether the csv module writes a field without those characters as it is (so :func:`csv_rows` may):
    asked once, of every character below the surrogates and one in 97 above them."""
    probe = ("".join(map(chr, range(0xD800))).translate(dict.fromkeys(map(ord, _QUOTED)))
             + "".join(map(chr, range(0xE000, 0x110000, 97))))
    return _csv_module([[probe, probe[::-1]]]) == f"{probe},{probe[::-1]}\n"


def csv_rows(head: Sequence[Sequence[object]], columns: Sequence[Sequence[object]]) -> str:
    """What ``csv.writer(…, lineterminator="\\n")`` writes for the rows ``head`` and then the rows whose
    ``columns`` these are (values text, integers or None), made a column at a time: a whole column of
    text that needs no quotes (found by a few searches in C) is joined as it is, and only the fields that
    do are handed to the csv module, one by one."""
    width = len(head[0]) if head else len(columns)
    if not _verbatim() or width < 2 or any(len(row) != width for row in head) or len(columns) not in (0, width):
        return _csv_module([*head, *zip(*columns, strict=True)])
    texts = [_csv_texts(column) for column in columns]
    lines = [_csv_module(head)] if head else []
    if texts and len(texts[0]):
        lines.append("\n".join(map(",".join, zip(*texts, strict=True))))
        lines.append("\n")
    return "".join(lines)


def _csv_texts(values: Sequence[object]) -> list[str]:
    """One column's fields as the csv module writes them (None as empty, numbers by ``str``)."""
    kinds = set(map(type, values))
    texts: list[str]
    if kinds == {str}:
        texts = cast(list[str], list(values))
    elif kinds == {int}:
        texts = list(map(str, values))
    else:
        texts = [v if type(v) is str else "" if v is None else str(v) for v in values]
    joined = "\x00".join(texts)
    if not any(ch in joined for ch in _QUOTED):
        return texts
    quoted = _QUOTED_RE.search
    return [_csv_module([[v, ""]])[:-2] if quoted(v) else v for v in texts]


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
