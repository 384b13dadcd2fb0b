"""Structured data for every page: one schema.org JSON-LD ``@graph`` per page.

>>> import kg, kg.seo
>>> result = kg.build("content")                       # doctest: +SKIP
>>> graphs = kg.seo.page_graphs(result)                # doctest: +SKIP
>>> graphs["https://digidemlab.org/chicago/"]["@graph"][2]["@type"]   # doctest: +SKIP
'WebPage'

The graphs are derived from the knowledge graph (``result.graph``) and the
documents' own facts (``result.site.documents``: URLs, modification dates), so
a page and the graph never disagree. :mod:`kg.seo.inject` puts them into built
HTML, :mod:`kg.seo.jekyll_include` lets Jekyll do it, :mod:`kg.seo.check`
validates them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.seo.facts import Facts
from kg.seo.nodes import NodeMaker
from kg.seo.vocabulary import load as load_vocabulary

if TYPE_CHECKING:
    from kg.pipeline import BuildResult

__all__ = ["Page", "page_graphs", "pages"]


@dataclass(frozen=True)
class Page:
    """One page of the site and its JSON-LD document."""

    url: str
    """Absolute canonical URL: the ``@id`` of its WebPage."""
    path: str
    """The URL path as Jekyll writes it (``page.url`` in Liquid, without ``baseurl``)."""
    source: str | None
    """Site-relative path of its document; None for a home page that is no document kg reads."""
    document: dict[str, Any]


def pages(result: BuildResult) -> list[Page]:
    """Every page the site outputs (posts, project, theme and other collection pages) and
    its home page, sorted by URL."""
    config = result.site.config
    facts = Facts(result.graph, config.lang)
    website = config.base + "/#website"
    title = facts.text(website, "http://schema.org/name", None) or config.title or config.name or "Site"
    maker = NodeMaker(facts, load_vocabulary(), base=config.base, title=title, timezone=config.timezone)
    found: dict[str, Page] = {}
    for doc in result.site.documents:
        if doc.url is None or doc.url_path is None or doc.url in found or doc.url not in facts:
            continue
        found[doc.url] = Page(doc.url, doc.url_path, doc.path, maker.page(doc.url, doc))
    home = config.base + "/"
    if home not in found:
        found[home] = Page(home, "/", None, maker.page(home, None))
    return [found[url] for url in sorted(found)]


def page_graphs(result: BuildResult) -> dict[str, dict[str, Any]]:
    """Absolute page URL → its JSON-LD document (``{"@context": …, "@graph": […]}``)."""
    return {page.url: page.document for page in pages(result)}
