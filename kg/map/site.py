"""Mapping a whole site: :func:`map_site` and the mappers of projects and plain pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module

from kg.diagnostics import Diagnostics
from kg.load.collections import is_project
from kg.load.documents import Document, Site
from kg.load.meaning import DOCUMENT_CLASSES
from kg.map.bodies import BodyTexts
from kg.map.context import MapContext
from kg.map.pages import map_page, map_translations
from kg.map.posts import said_on
from kg.map.projects import map_project
from kg.map.terms import LinkTo, Name, Statement, TextIn
from kg.map.website import map_website, site_organisation, source_file
from kg.vocab import schema

__all__ = ["LinkTo", "MapContext", "Name", "Statement", "TextIn", "map_site"]


def map_site(site: Site, diagnostics: Diagnostics | None = None, *, include_contact: bool = False,
             workers: int = 1, release_bodies: bool = False) -> MapContext:
    """Map every document; the returned context holds the statements and the site.

    With ``workers`` above one, a big site's bodies are turned into plain text by a
    helper process while the mapping goes on (same result, sooner). With ``release_bodies``
    each document's body is let go once it is mapped (``doc.body`` becomes ``""``; the
    statements hold its words), so that its memory holds the next document's words.
    """
    with BodyTexts(site.documents, lambda doc: _reads_body(site, doc), workers) as bodies:
        ctx = MapContext(site, diagnostics if diagnostics is not None else Diagnostics(), include_contact,
                         bodies=bodies)
        _map_documents(ctx, site, release_bodies)
    site.bodies_released = site.bodies_released or release_bodies
    return ctx


def _reads_body(site: Site, doc: Document) -> bool:
    """Whether mapping ``doc`` needs its body's text: published posts, and project pages."""
    found = site.collections.get(doc.collection)
    cls = found.cls if found is not None else ("post" if doc.collection in ("posts", "drafts") else "page")
    if cls == "post":
        return doc.published
    return cls == "project" or (cls == "page" and found is not None and is_project(doc, found.keys))


def _map_documents(ctx: MapContext, site: Site, release_bodies: bool = False) -> None:
    map_website(ctx)
    homepage = site.mapping.organisation.get("url") if site.mapping else None
    if site.mapping and homepage and (iri := ctx.absolute(homepage)) and iri.rstrip("/") != ctx.base:
        # the maintainer's word for the organisation's homepage, beside the site's own URL
        ctx.add(site_organisation(ctx), schema.url, ctx.mint.page(iri), site.mapping.organisation_files["url"])
    for doc in site.documents:
        cls = ctx.class_of(doc)
        if cls == "ignore":
            continue  # the maintainer (or the folder's name) says it holds nothing to map
        ctx.check_keys(doc)
        if not doc.published and cls == "post":
            continue  # an unpublished post says nothing on the site
        source_file(ctx, doc.path, doc.collection)
        _map_document(ctx, doc, cls)
        if release_bodies:
            doc.body = ""  # at once: its memory holds the next document's words
    if release_bodies:
        for doc in site.documents:
            doc.body = ""  # those ignored or unpublished too
    map_translations(ctx, site.documents)
    read_files = set()
    for doc in site.records:
        if ctx.class_of(doc) == "ignore":
            continue
        ctx.check_keys(doc)
        if doc.path not in read_files:
            read_files.add(doc.path)
            source_file(ctx, doc.path, "data")
        _map_document(ctx, doc, ctx.class_of(doc))
    for name in sorted(k for k in site.data if k.startswith("kg/")):
        source_file(ctx, site.data_paths.get(name, f"_data/{name}.yml"), "data")


def _map_document(ctx: MapContext, doc: Document, cls: str) -> None:
    mapper = mapper_of(cls)
    if mapper is not None:
        mapper(ctx, doc)


Mapper = Callable[[MapContext, Document], object]


@cache
def mapper_of(cls: str) -> Mapper | None:
    """The mapper of a class of :data:`kg.load.meaning.DOCUMENT_CLASSES` (``None`` for ``ignore``)."""
    found = next((c for c in DOCUMENT_CLASSES if c.name == cls), None)
    if found is None:
        raise ValueError(f"no class of document is called {cls!r}")
    if found.mapper is None:
        return None
    module, _, function = found.mapper.partition(":")
    return getattr(import_module(module), function)


def map_project_page(ctx: MapContext, doc: Document) -> None:
    """A project, and its page."""
    project = map_project(ctx, doc)
    map_page(ctx, doc, project, title=ctx.fact_string(doc, "name")[1])


def map_plain_page(ctx: MapContext, doc: Document) -> None:
    """A page; a project and its page when it carries a client, partners or years."""
    if ctx.is_project(doc):
        map_project_page(ctx, doc)
    else:
        title = ctx.fact_string(doc, "name")[1]
        page = map_page(ctx, doc, None, title=title)
        if page is not None:
            if doc.url_path == "/":  # the home page is about the site's organisation (as kg seo says)
                ctx.add(page, schema.about, site_organisation(ctx), doc.path)
            said_on(ctx, doc, page, [title, ctx.string(doc, "description")])
