"""Let Jekyll embed the JSON-LD itself: ``kg seo --jekyll`` writes, into the site,

* ``_data/kg_jsonld.json``: ``page.url`` → the page's JSON-LD as JSON text
  (already safe in HTML), and
* ``_includes/kg-jsonld.html``: the include that looks the page up and writes
  the ``<script type="application/ld+json">`` element,

so one line in a layout's ``<head>`` — ``{% include kg-jsonld.html %}`` —
embeds each page's graph. The data file holds text, not objects, because
Liquid's ``jsonify`` would re-encode it without the HTML-safe escapes.
The data file sits outside ``_data/kg/``, which holds what kg *reads*.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from kg.export.atomic import write_all
from kg.seo import Page
from kg.seo.safe_json import dumps

TEMPLATE = files("kg.seo") / "templates" / "kg-jsonld.html"
INCLUDE_PATH = "_includes/kg-jsonld.html"
DATA_PATH = "_data/kg_jsonld.json"


def include_text() -> str:
    return TEMPLATE.read_text(encoding="utf-8")


def data_text(pages: list[Page]) -> str:
    """``{page.url: JSON-LD text}``, sorted, one page a line."""
    entries = {page.path: dumps(page.document) for page in sorted(pages, key=lambda p: p.path)}
    lines = [f"{json.dumps(path, ensure_ascii=False)}: {json.dumps(text, ensure_ascii=False)}"
             for path, text in entries.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write_jekyll_files(pages: list[Page], site: Path) -> list[Path]:
    """Write the include and the data file into ``site`` (atomically); return their paths."""
    files = {Path(site) / INCLUDE_PATH: include_text(), Path(site) / DATA_PATH: data_text(pages)}
    write_all(files)
    return sorted(files)
