"""Put each page's JSON-LD into the HTML Jekyll built (``kg seo --inject _site/``).

Each ``.html`` file under the built site is matched to a page by the URL
Jekyll serves it at (``news/x/index.html`` → ``/news/x/``). Its ``<head>``
gets one ``<script type="application/ld+json" data-generator="kg">``: added
before ``</head>`` the first time, replaced in place after that, so running it
twice changes nothing. With ``replace_seo_tag`` the JSON-LD script that
jekyll-seo-tag writes between its ``<!-- Begin Jekyll SEO tag`` and
``<!-- End Jekyll SEO tag -->`` comments is removed (its meta tags stay), so a
page carries one connected graph, not ours and an anonymous ``BlogPosting``.

The HTML is edited as text, never re-serialised: every byte outside the
script elements stays as Jekyll wrote it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from kg.export.atomic import write_all
from kg.seo import Page
from kg.seo.safe_json import script_element

#: kg's own script element (from an earlier run, or from the Jekyll include).
OUR_SCRIPT = re.compile(r"<script\b[^>]*\bdata-generator=[\"']?kg\b[^>]*>.*?</script\s*>", re.DOTALL | re.IGNORECASE)
SEO_TAG_BLOCK = re.compile(r"<!--\s*Begin Jekyll SEO tag.*?<!--\s*End Jekyll SEO tag\s*-->", re.DOTALL | re.IGNORECASE)
JSON_LD_SCRIPT = re.compile(r"\s*<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>.*?</script\s*>",
                            re.DOTALL | re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_HEAD_START = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_BODY_START = re.compile(r"<body\b", re.IGNORECASE)
_URL_SAFE = "/:@!$&'()*+,;=-._~%"


@dataclass
class InjectReport:
    """What ``inject`` did, file by file (site-relative paths of the built site)."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    seo_tag_removed: list[str] = field(default_factory=list)
    no_page: list[str] = field(default_factory=list)
    """HTML files that are no page kg knows (a 404 page, a root page that is not a document)."""
    no_head: list[str] = field(default_factory=list)
    """HTML files without a ``<head>`` to put the script in."""
    missing: list[str] = field(default_factory=list)
    """Page URLs with no built file (the site was built from other content)."""

    @property
    def written(self) -> int:
        return len(self.added) + len(self.replaced)


def url_path_of(relative: str) -> str:
    """The URL path Jekyll serves a built file at: ``a b/index.html`` → ``/a%20b/``."""
    path = "/" + relative
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return quote(path, safe=_URL_SAFE)


def _key(url_path: str) -> str:
    return unquote(url_path)


def html_files(site: Path) -> list[str]:
    """Every ``.html`` file under the built site, site-relative, sorted."""
    out = []
    for dirpath, dirnames, filenames in os.walk(site):
        dirnames.sort()
        for name in sorted(filenames):
            if name.lower().endswith((".html", ".htm")):
                out.append((Path(dirpath) / name).relative_to(site).as_posix())
    return sorted(out)


def inject_html(html: str, element: str, *, replace_seo_tag: bool = False) -> tuple[str, str, bool]:
    """``html`` with ``element`` in its head: (new html, ``added``/``replaced``/``unchanged``/``no-head``,
    whether a jekyll-seo-tag JSON-LD script was removed)."""
    removed = False
    if replace_seo_tag:
        def strip(match: re.Match[str]) -> str:
            nonlocal removed
            block, count = JSON_LD_SCRIPT.subn("", match.group(0))
            removed = removed or count > 0
            return block

        html = SEO_TAG_BLOCK.sub(strip, html)
    found = OUR_SCRIPT.search(html)
    if found:
        state = "unchanged" if found.group(0) == element else "replaced"
        rest = OUR_SCRIPT.sub("", html[found.end():])  # never two of ours
        return html[: found.start()] + element + rest, state, removed
    end = _HEAD_END.search(html)
    if end:
        return html[: end.start()] + element + "\n" + html[end.start():], "added", removed
    start = _HEAD_START.search(html)
    if start:
        return html[: start.end()] + element + html[start.end():], "added", removed
    body = _BODY_START.search(html)
    if body:  # the head's tags are optional in HTML: a script before <body> is in the head
        return html[: body.start()] + element + "\n" + html[body.start():], "added", removed
    return html, "no-head", removed


def inject(pages: list[Page], site: Path, *, replace_seo_tag: bool = False) -> InjectReport:
    """Put every page's JSON-LD into its built HTML file under ``site``; all files are written atomically."""
    site = Path(site)
    by_path = {_key(page.path): page for page in pages}
    report = InjectReport()
    changed: dict[Path, bytes] = {}
    seen: set[str] = set()
    for rel in html_files(site):
        key = _key(url_path_of(rel))
        page = by_path.get(key) or (by_path.get(key[: -len(".html")]) if key.endswith(".html") else None)
        if page is None:
            report.no_page.append(rel)
            continue
        seen.add(page.url)
        target = site / rel
        raw = target.read_bytes()
        html = raw.decode("utf-8", errors="surrogateescape")
        new, state, removed = inject_html(html, script_element(page.document), replace_seo_tag=replace_seo_tag)
        if removed:
            report.seo_tag_removed.append(rel)
        {"added": report.added, "replaced": report.replaced, "unchanged": report.unchanged,
         "no-head": report.no_head}[state].append(rel)
        if new != html:
            changed[target] = new.encode("utf-8", errors="surrogateescape")
    report.missing = sorted(page.url for page in pages if page.url not in seen)
    write_all(changed)
    return report
