"""Map stage: documents → statements (with placeholders for names to resolve).

Which mapper reads a document depends on its collection: ``posts`` (and
``drafts``) are news articles, ``themes`` are concepts, ``crew`` are people,
``clients`` — or any document carrying ``client``/``partners``/``year`` — are
projects. Documents of other collections become plain pages.
"""

from __future__ import annotations

from kg.diagnostics import Diagnostics
from kg.load.documents import Document, Site
from kg.map.bodies import BodyTexts
from kg.map.context import MapContext
from kg.map.crew import map_person
from kg.map.pages import map_page, map_translations
from kg.map.posts import map_post
from kg.map.projects import is_project, map_project
from kg.map.terms import LinkTo, Name, Statement, TextIn
from kg.map.themes import map_theme
from kg.map.website import map_website, source_file

__all__ = ["LinkTo", "MapContext", "Name", "Statement", "TextIn", "map_site"]


def map_site(site: Site, diagnostics: Diagnostics | None = None, *, include_contact: bool = False,
             workers: int = 1) -> MapContext:
    """Map every document; the returned context holds the statements and the site.

    With ``workers`` above one, a big site's bodies are turned into plain text by a
    helper process while the mapping goes on (same result, sooner).
    """
    with BodyTexts(site.documents, _reads_body, workers) as bodies:
        ctx = MapContext(site, diagnostics if diagnostics is not None else Diagnostics(), include_contact,
                         bodies=bodies)
        _map_documents(ctx, site)
    return ctx


def _reads_body(doc: Document) -> bool:
    """Whether mapping ``doc`` needs its body's text: published posts, and project pages."""
    if doc.collection in ("posts", "drafts"):
        return doc.published
    return doc.collection not in ("themes", "crew") and is_project(doc)


def _map_documents(ctx: MapContext, site: Site) -> None:
    map_website(ctx)
    for doc in site.documents:
        ctx.check_keys(doc)
        if not doc.published and doc.collection in ("posts", "drafts"):
            continue  # an unpublished post says nothing on the site
        source_file(ctx, doc.path, doc.collection)
        if doc.collection in ("posts", "drafts"):
            map_post(ctx, doc)
        elif doc.collection == "themes":
            map_theme(ctx, doc)
        elif doc.collection == "crew":
            map_person(ctx, doc)
        elif is_project(doc):
            project = map_project(ctx, doc)
            map_page(ctx, doc, project, title=ctx.string(doc, "title"))
        else:
            map_page(ctx, doc, None, title=ctx.string(doc, "title"))
    map_translations(ctx, site.documents)
    for name in sorted(k for k in site.data if k.startswith("kg/")):
        source_file(ctx, site.data_paths.get(name, f"_data/{name}.yml"), "data")
