"""Pages: every document the site outputs is a page with its canonical URL, and
pages of one ``ref`` in different languages are translations of each other."""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import NamedNode

from kg.load.documents import Document
from kg.map.context import MapContext
from kg.map.terms import Name, text
from kg.map.text import title_text
from kg.map.website import derived
from kg.vocab import RDF_TYPE, schema


def page_iri(ctx: MapContext, doc: Document) -> NamedNode | None:
    return ctx.mint.page(doc.url) if doc.url else None


def map_page(ctx: MapContext, doc: Document, main_entity: NamedNode | Name | None, kind: NamedNode = schema.WebPage,
             title: str | None = None) -> NamedNode | None:
    """Type the page, name it, and tie it to the website and to what it is about."""
    page = page_iri(ctx, doc)
    if page is None:
        return None
    ctx.add(page, RDF_TYPE, kind, doc.path)
    ctx.add(page, schema.url, page, doc.path)
    ctx.add(page, schema.inLanguage, text(doc.lang or ctx.config.lang), doc.path)
    ctx.add(page, schema.isPartOf, ctx.mint.website(), doc.path)
    derived(ctx, page, doc)
    if title:
        ctx.add(page, schema.name, text(title_text(title), doc.lang), doc.path)
    if main_entity is not None:
        ctx.add(page, schema.mainEntity, main_entity, doc.path)
        ctx.add(main_entity, schema.subjectOf, page, doc.path)
    return page


def map_translations(ctx: MapContext, documents: list[Document]) -> None:
    """Link the pages of one translation group: the site language's page is the original."""
    groups: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        if doc.url and ctx.ref(doc):
            groups[ctx.group(doc)].append(doc)
    for _group, docs in sorted(groups.items()):
        if len(docs) < 2:
            continue
        docs.sort(key=lambda d: (d.lang != ctx.config.lang, d.path))
        original = docs[0]
        for other in docs[1:]:  # one per language: the context set duplicates apart
            a, b = ctx.mint.page(original.url or ""), ctx.mint.page(other.url or "")  # grouped: both have URLs
            ctx.add(a, schema.workTranslation, b, original.path)
            ctx.add(b, schema.translationOfWork, a, other.path)
