"""``report.md``: the report's content for people (and forges) that read Markdown.

Made from the same blocks as ``report.html``. Plots are linked as files beside
it (``plots/*.png``, with the SVG linked under each). Text is escaped for
CommonMark and GitHub's Markdown: every character that could start markup
(emphasis, links, raw HTML such as ``<script>``, table pipes, ``$`` maths) gets a
backslash, and line breaks inside a name become spaces.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.report.document import Bullets, Figure, Heading, KeyValues, Paragraph, TableBlock, blocks, limited
from kg.report.tables import is_number

if TYPE_CHECKING:
    from kg.report import Report

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$#])")
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")
_BREAKS = re.compile("[\r\n\u0085\u2028\u2029\v\f]+")


def inline(text: str) -> str:
    """Plain text as Markdown that shows exactly that text, inside a line (a table cell)."""
    return _SPECIAL.sub(r"\\\1", _BREAKS.sub(" ", text).strip())


def md(text: str) -> str:
    """Plain text as a Markdown block (paragraph, list item, heading) that shows exactly that text."""
    escaped = inline(text)
    # What would start a list, a thematic break or a heading underline at the start of a line.
    return _BLOCK_START.sub(lambda m: m[1] + (m[2] + "\\" if m[2][0].isdigit() else "\\" + m[2]), escaped)


def render(report: Report, files: list[str]) -> str:
    """The whole Markdown document."""
    return "\n\n".join(_block(b) for b in blocks(report, files)) + "\n"


def _block(block: object) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + md(block.text)
    if isinstance(block, Paragraph):
        return md(block.text)
    if isinstance(block, Bullets):
        return "\n".join(f"- {md(item)}" for item in block.items)
    if isinstance(block, KeyValues):
        return _grid(["what", "value"], [list(pair) for pair in block.pairs], [False, False])
    if isinstance(block, Figure):
        plot = block.plot
        return (f"![{md(plot.title)}](plots/{plot.name}.png)\n\n"
                f"*{md(plot.title)}.* {md(plot.caption)} [SVG](plots/{plot.name}.svg)")
    if isinstance(block, TableBlock):
        table = block.table
        rows = table.shown_rows(block.limit)
        columns = list(table.shown_columns)
        numeric = [is_number([r[i] for r in rows]) for i in range(len(columns))]
        note = limited(table, block.limit)
        return (f"{md(table.description)} [{md(table.path)}]({table.path})\n\n"
                + _grid(columns, rows, numeric) + (f"\n\n{md(note)}" if note else ""))
    raise TypeError(f"unknown block {block!r}")


def _grid(columns: list[str], rows: list[list[str]], numeric: list[bool]) -> str:
    lines = ["| " + " | ".join(inline(c) for c in columns) + " |",
             "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(inline(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
