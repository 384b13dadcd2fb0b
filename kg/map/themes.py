"""Themes (service areas): SKOS concepts in the site's scheme, one per ``ref``."""

from __future__ import annotations

from kg.load.documents import Document
from kg.map.context import MapContext
from kg.map.pages import map_page
from kg.map.terms import PLATFORMS, PLATFORMS_IN_TITLE, LinkTo, TextIn, text
from kg.map.text import plain, title_text
from kg.map.website import derived
from kg.vocab import RDF_TYPE, kgo, schema, skos


def map_theme(ctx: MapContext, doc: Document) -> None:
    concept = ctx.theme_iri(doc)
    src, lang = doc.path, doc.lang
    scheme = ctx.mint.scheme()
    ctx.add(concept, RDF_TYPE, skos.Concept, src)
    ctx.add(concept, RDF_TYPE, schema.DefinedTerm, src)
    ctx.add(concept, skos.inScheme, scheme, src)
    ctx.add(concept, schema.inDefinedTermSet, scheme, src)
    derived(ctx, concept, doc)
    if ref := ctx.ref(doc):
        ctx.add(concept, kgo.ref, text(ref), src)
    title = ctx.string(doc, "title")
    if title and (label := title_text(title)):
        ctx.add(concept, skos.prefLabel, text(label, lang), src)
        ctx.add(concept, schema.name, text(label, lang), src)
    definition = ctx.string(doc, "excerpt") or ctx.string(doc, "ingress-text")
    if definition and (summary := plain(definition)):
        ctx.add(concept, skos.definition, text(summary, lang), src)
    if doc.url:
        map_page(ctx, doc, concept, title=title)
    # A theme is about a platform when its title or its own links name one (not its
    # body: a budgeting theme may mention Decidim without being about it).
    if title:
        ctx.add(concept, kgo.platform, TextIn(title, PLATFORMS_IN_TITLE), src)
    for url, link_title in ctx.links(doc):
        if ctx.internal(url, doc.url_path) is None:
            ctx.add(concept, kgo.platform, LinkTo(url, link_title, PLATFORMS), src)
