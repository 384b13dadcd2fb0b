"""``report.html``: one self-contained page that opens offline.

Plots are inline PNG data URIs; the style and the few lines of script that sort
tables are inline, and a Content-Security-Policy with their hashes forbids every
other script, style and fetch, so nothing in the page can reach the network or
run code a name smuggled in. Every text is escaped with :func:`html.escape`.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import TYPE_CHECKING

from kg.report.document import Bullets, Figure, Heading, KeyValues, Paragraph, TableBlock, blocks, limited
from kg.report.tables import is_number

if TYPE_CHECKING:
    from kg.report import Report

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; color: #222; max-width: 72rem; margin: 0 auto; padding: 1rem 2rem; }
h1 { font-size: 1.7rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd; }
nav ul { columns: 3; list-style: none; padding: 0; }
figure { margin: 1.5rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9rem; }
.scroll { overflow-x: auto; max-height: 36rem; overflow-y: auto; border: 1px solid #eee; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td { max-width: 28rem; overflow-wrap: anywhere; }
th { position: sticky; top: 0; background: #f6f6f6; }
th button { all: inherit; cursor: pointer; padding: 0; position: static; border: none; }
th[aria-sort=ascending] button::after { content: " \\25B2"; }
th[aria-sort=descending] button::after { content: " \\25BC"; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #555; font-size: 0.9rem; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1.5rem; }
dt { color: #555; } dd { margin: 0; font-weight: 600; }
"""

# Sorts a table by the clicked column (numbers as numbers, text by locale), and
# notes on the page that it ran and how many images were shown (a test reads both).
SCRIPT = """
(function () {
  function number(text) { var v = parseFloat(text); return isNaN(v) ? -Infinity : v; }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      th.querySelector("button").addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.classList.contains("num");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].textContent, y = b.cells[column].textContent, order;
          if (numeric) { x = number(x); y = number(y); order = x < y ? -1 : x > y ? 1 : 0; }
          else { order = x.localeCompare(y); }
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  document.documentElement.setAttribute("data-tables", "sortable");
  window.addEventListener("load", function () {
    var images = document.querySelectorAll("img"), shown = 0;
    images.forEach(function (img) { if (img.complete && img.naturalWidth > 0) { shown += 1; } });
    document.documentElement.setAttribute("data-images", shown + " of " + images.length);
  });
})();
"""


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = (f"default-src 'none'; img-src data:; style-src {_hash(STYLE)}; script-src {_hash(SCRIPT)}; "
       "base-uri 'none'; form-action 'none'")


def render(report: Report, files: list[str]) -> str:
    """The whole page."""
    content = blocks(report, files)
    toc = [b for b in content if isinstance(b, Heading) and b.level == 2]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="kg report">',
        f"<title>{escape(f'Collaboration network of {report.title}')}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
    ]
    for i, block in enumerate(content):
        parts.append(_block(block))
        if i == 1:  # after the title and the lead: the table of contents
            items = "".join(f'<li><a href="#{escape(h.anchor)}">{escape(h.text)}</a></li>' for h in toc)
            parts.append(f'<nav aria-label="contents"><ul>{items}</ul></nav>')
    parts += [f"<script>{SCRIPT}</script>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _block(block: object) -> str:
    if isinstance(block, Heading):
        anchor = f' id="{escape(block.anchor)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f'<p dir="auto">{escape(block.text)}</p>'
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f'<li dir="auto">{escape(item)}</li>' for item in block.items) + "</ul>"
    if isinstance(block, KeyValues):
        rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in block.pairs)
        return f"<dl>{rows}</dl>"
    if isinstance(block, Figure):
        plot = block.plot
        data = base64.b64encode(plot.png).decode("ascii")
        return (f'<figure id="plot-{escape(plot.name)}">'
                f'<img src="data:image/png;base64,{data}" alt="{escape(plot.title)}">'
                f"<figcaption><strong>{escape(plot.title)}.</strong> {escape(plot.caption)} "
                f'<a href="plots/{escape(plot.name)}.svg">SVG</a> · <a href="plots/{escape(plot.name)}.png">PNG</a>'
                "</figcaption></figure>")
    if isinstance(block, TableBlock):
        return _table(block)
    raise TypeError(f"unknown block {block!r}")


def _table(block: TableBlock) -> str:
    table = block.table
    rows = table.shown_rows(block.limit)
    columns = table.shown_columns
    numeric = [is_number([r[i] for r in rows]) for i in range(len(columns))]
    head = "".join(f'<th scope="col"{_num(n)}><button type="button">{escape(c)}</button></th>'
                   for c, n in zip(columns, numeric, strict=True))
    body = "".join("<tr>" + "".join(f"<td{_num(n)}>{escape(v)}</td>" if n else f'<td dir="auto">{escape(v)}</td>'
                                    for v, n in zip(row, numeric, strict=True)) + "</tr>"
                   for row in rows)
    note = limited(table, block.limit)
    return (f'<p class="note">{escape(table.description)} '
            f'<a href="{escape(table.path)}">{escape(table.path)}</a></p>'
            f'<div class="scroll"><table class="sortable" id="table-{escape(table.name)}">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
            + (f'<p class="note">{escape(note)}</p>' if note else ""))


def _num(numeric: bool) -> str:
    return ' class="num"' if numeric else ""
