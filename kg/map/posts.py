"""News posts: each a ``schema:NewsArticle`` identified by its page URL."""

from __future__ import annotations

import datetime as dt

from pyoxigraph import NamedNode

from kg.load.documents import Document
from kg.map.context import MapContext
from kg.map.iris import slug
from kg.map.links import BodyLink, body_links
from kg.map.pages import map_page
from kg.map.projects import dangling_project, map_project, themes_of
from kg.map.terms import ALL_KINDS, LinkTo, TextIn, text, typed
from kg.map.text import plain, title_text
from kg.map.website import site_organisation
from kg.vocab import schema


def date_literal(value: dt.date | dt.datetime):
    """``xsd:dateTime`` (or ``xsd:date``) of a front-matter date.

    An offset of seconds (a zone's local mean time before 1900: Stockholm was
    +01:12:12) has no ``xsd`` form, which writes offsets as ``±hh:mm``; such an
    instant is stated in UTC instead.
    """
    if isinstance(value, dt.datetime):
        offset = value.utcoffset()
        if offset is not None and (offset.seconds % 60 or offset.microseconds):
            value = value.astimezone(dt.UTC)
        return typed(value.isoformat(), "dateTime")
    return typed(value.isoformat(), "date")


def map_post(ctx: MapContext, doc: Document) -> None:
    title = ctx.string(doc, "title")
    article = map_page(ctx, doc, None, schema.NewsArticle, title)
    if article is None:
        return
    src, lang = doc.path, doc.lang
    org = site_organisation(ctx)
    ctx.add(article, schema.publisher, org, src)
    ctx.add(article, schema.author, org, src)
    if title and (headline := title_text(title)):
        ctx.add(article, schema.headline, text(headline, lang), src)
    if doc.date is not None:
        ctx.add(article, schema.datePublished, date_literal(doc.date), src)
    description = ctx.string(doc, "excerpt") or ctx.string(doc, "ingress-text")
    summary = plain(description) if description else ctx.bodies(doc).lead
    if summary:
        ctx.add(article, schema.description, text(summary, lang), src)
    if iri := ctx.url(doc, "image"):
        ctx.add(article, schema.image, NamedNode(iri), src)
    for theme in themes_of(ctx, doc):
        ctx.add(article, schema.about, theme, src)
    for path in ctx.strings(doc, "clients"):
        target, missing = ctx.reference(doc, "clients", path, expect="project")
        if target is not None:
            ctx.add(article, schema.mentions, ctx.project_iri(target), src)
        elif missing is not None:
            ctx.add(article, schema.mentions, dangling_project(ctx, missing, src), src)
    read = ctx.read_keys(doc)
    for key in doc.data:
        if key in read or key == "clients":
            continue
        for target in ctx.documents_named(doc, key):  # a key of the maintainer's own, listing files
            if ctx.class_of(target) == "project":
                ctx.add(article, schema.mentions, ctx.project_iri(target), src)
            elif ctx.class_of(target) == "theme":
                ctx.add(article, schema.about, ctx.theme_iri(target), src)
    if (ref := ctx.ref(doc)) and (project := ctx.project_by_key(slug(ref))) is not None and project is not doc:
        ctx.add(article, schema.mentions, ctx.project_iri(project), src)  # a post sharing its project's ref
    said_on(ctx, doc, article, [title, ctx.string(doc, "excerpt"), ctx.string(doc, "ingress-text")])
    if ctx.is_project(doc):
        its_project = map_project(ctx, doc)
        ctx.add(its_project, schema.subjectOf, article, src)
        ctx.add(article, schema.about, its_project, src)


def said_on(ctx: MapContext, doc: Document, page: NamedNode, texts: list[str | None]) -> None:
    """What a page's links and words say: the site's themes it is about, the projects it mentions, and
    placeholders for the organisations and platforms its links and ``texts`` (with the body) name."""
    src = doc.path
    for url, link_title in ctx.links(doc):
        target = ctx.internal(url, doc.url_path)
        if target is not None:
            if ctx.class_of(target) == "theme":
                ctx.add(page, schema.about, ctx.theme_iri(target), src)
            elif ctx.class_of(target) == "project":
                ctx.add(page, schema.mentions, ctx.project_iri(target), src)
            continue
        ctx.add(page, schema.mentions, LinkTo(url, link_title, ALL_KINDS), src)
    for link in body_links(doc.body):
        target = _linked(ctx, link, doc.url_path)
        if target is not None:
            if ctx.class_of(target) == "theme":
                ctx.add(page, schema.about, ctx.theme_iri(target), src)
            elif ctx.class_of(target) == "project":
                ctx.add(page, schema.mentions, ctx.project_iri(target), src)
        elif link.liquid is None and link.target.startswith(("http://", "https://")):
            ctx.add(page, schema.mentions, LinkTo(link.target, link.words or None, ALL_KINDS), src)
    words = "\n\n".join(filter(None, [*texts, ctx.bodies(doc).text]))
    if words:
        ctx.add(page, schema.mentions, TextIn(words, ALL_KINDS), src)


def _linked(ctx: MapContext, link: BodyLink, base: str | None = None) -> Document | None:
    """The site's own document a body link points at: a URL on the site, or a ``{% link path %}`` tag."""
    if link.liquid == "link":
        return ctx.doc_at(link.target.lstrip("/"))
    if link.liquid is not None:
        return None
    return ctx.internal(link.target, base)
