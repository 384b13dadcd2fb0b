"""Put each page's JSON-LD into the HTML Jekyll built (``kg seo --inject _site/``).

Each ``.html`` file under the built site is matched to a page by the URL
Jekyll serves it at (``news/x/index.html`` → ``/news/x/``). Its ``<head>``
gets one ``<script type="application/ld+json" data-generator="kg">``: added
where the head ends the first time, replaced in place after that, so running it
twice changes nothing. With ``replace_seo_tag`` the JSON-LD script that
jekyll-seo-tag writes between its ``<!-- Begin Jekyll SEO tag`` and
``<!-- End Jekyll SEO tag -->`` comments is removed (its meta tags stay), so a
page carries one connected graph, not ours and an anonymous ``BlogPosting``.

Where the head ends, and which scripts and comments are real, is what an HTML
parser says (:mod:`kg.seo.head`): a ``</head>`` inside a comment or a script's
string is not the end of the head, and a kg script inside a comment is not kg's
script. The HTML is edited as text, never re-serialised: every byte outside the
script elements kg adds, replaces or removes stays as Jekyll wrote it (line
breaks included; the line break kg adds after its script is the page's own).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from kg.export.atomic import write_all
from kg.seo import Page
from kg.seo.head import Head, Script, scan
from kg.seo.safe_json import script_element

_SEO_BEGIN = re.compile(r"\s*Begin Jekyll SEO tag", re.IGNORECASE)
_SEO_END = re.compile(r"\s*End Jekyll SEO tag\s*$", re.IGNORECASE)
#: What must be read past the head: scripts of ours, the end of jekyll-seo-tag's block
#: (each a literal in lower case, then what must follow it).
_READ_ON = [("data-generator", re.compile(r"\s*=\s*[\"']?kg\b", re.IGNORECASE)),
            ("end jekyll seo tag", re.compile(""))]
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
    whether a jekyll-seo-tag JSON-LD script was removed).

    ``unchanged``: kg's script was there as it is, alone, so nothing changed but what
    ``replace_seo_tag`` removed. A text with no doctype and no html, head or body tag is no
    page (``no-head``) and is left as it is."""
    head = scan(html, _read_to(html))
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the text as given
    removed = False
    if replace_seo_tag:
        for start, end in _seo_tag_json_ld(html, head):
            edits.append((start, end, ""))
            removed = True
    ours = [s for s in head.scripts if s.attributes.get("data-generator") == "kg"]
    if ours:
        first, *others = ours
        edits.append((first.start, first.end, element))
        edits.extend((s.start, s.end, "") for s in others)  # never two of ours
        same = html[first.start:first.end] == element and not others
        return _edit(html, edits), "unchanged" if same else "replaced", removed
    if head.whole_document:
        newline = "\r\n" if "\r\n" in html else "\n"
        for i, at in enumerate(head.candidates):
            new = _edit(html, [*edits, (at, at, element + newline)])
            if (i == 0 and head.closed) or _in_head(new, element):  # at the end of the text, check
                return new, "added", removed
    return html, "no-head", False


def _read_to(html: str) -> int:
    """Where the last thing a scan past the head must see ends (0 when there is none): a cheap
    text search, so that pages without it are parsed no further than their head."""
    folded = html.lower()
    last = 0
    for literal, then in _READ_ON:
        at = folded.rfind(literal)
        while at >= 0 and not then.match(html, at + len(literal)):
            at = folded.rfind(literal, 0, at)
        if at >= 0:
            last = max(last, at + len(literal) + 8)
    return last


def _edit(html: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, reverse=True):
        html = html[:start] + replacement + html[end:]
    return html


def _in_head(html: str, element: str) -> bool:
    """Whether a parser finds ``element`` in ``html``'s head as kg's one script, whole."""
    ours = [s for s in scan(html, _read_to(html)).scripts if s.attributes.get("data-generator") == "kg"]
    return len(ours) == 1 and ours[0].in_head and html[ours[0].start:ours[0].end] == element


def _seo_tag_json_ld(html: str, head: Head) -> list[tuple[int, int]]:
    """The JSON-LD scripts between jekyll-seo-tag's Begin and End comments, each with the white
    space before it (what jekyll-seo-tag wrote for it)."""
    spans = []
    begin: int | None = None
    for comment in head.comments:
        if begin is None and _SEO_BEGIN.match(comment.text):
            begin = comment.end
        elif begin is not None and _SEO_END.match(comment.text):
            for script in head.scripts:
                if begin <= script.start and script.end <= comment.start and _json_ld(script):
                    start = script.start
                    while start > begin and html[start - 1] in " \t\r\n\f":
                        start -= 1
                    spans.append((start, script.end))
            begin = None
    return spans


def _json_ld(script: Script) -> bool:
    kind = script.attributes.get("type", "").strip().lower()
    return kind == "application/ld+json" and script.attributes.get("data-generator") != "kg"


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
