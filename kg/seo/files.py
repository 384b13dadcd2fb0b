"""``kg seo --out DIR``: one JSON-LD file per page, laid out like the built site.

``/news/x/`` → ``DIR/news/x/index.jsonld``, ``/a.html`` → ``DIR/a.html.jsonld``,
the home page → ``DIR/index.jsonld``. Files are written together, atomically.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from kg.export.atomic import write_all
from kg.seo import Page
from kg.seo.safe_json import dumps


def document_path(page: Page) -> str:
    """The file (relative to the output folder) holding a page's JSON-LD."""
    path = unquote(page.path)
    parts = [p for p in PurePosixPath(path).parts if p not in ("/", ".", "..")]
    if path.endswith("/") or not parts:
        parts.append("index.jsonld")
    else:
        parts[-1] += ".jsonld"
    return "/".join(parts)


def write_documents(pages: list[Page], out: Path) -> list[Path]:
    """Write every page's JSON-LD (indented, HTML-safe) under ``out``; return the paths written."""
    files = {Path(out) / document_path(page): dumps(page.document, indent=2) + "\n" for page in pages}
    write_all(files)
    return sorted(files)
