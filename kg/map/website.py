"""The site itself: its organisation, its WebSite, its concept scheme, its source files."""

from __future__ import annotations

from kg.load.documents import Document
from kg.map.context import MapContext
from kg.map.iris import Minter
from kg.map.terms import Name, Statement, text
from kg.vocab import RDF_TYPE, kgo, prov, schema, skos

CONFIG = "_config.yml"


def site_name(ctx: MapContext) -> str:
    return ctx.config.name or ctx.config.title or "Site"


def site_organisation(ctx: MapContext) -> Name:
    """The placeholder for the site's own organisation (resolved like any other name)."""
    return Name(site_name(ctx), None, CONFIG, None, "site")


def map_website(ctx: MapContext) -> None:
    org = site_organisation(ctx)
    website = ctx.mint.website()
    base_url = ctx.absolute("/") or ctx.base + "/"
    ctx.add(website, RDF_TYPE, schema.WebSite, CONFIG)
    ctx.add(website, schema.name, text(ctx.config.title or site_name(ctx)), CONFIG)
    ctx.add(website, schema.url, ctx.mint.page(base_url), CONFIG)
    ctx.add(website, schema.inLanguage, text(ctx.config.lang), CONFIG)
    ctx.add(website, schema.publisher, org, CONFIG)
    if ctx.config.description:
        ctx.add(website, schema.description, text(ctx.config.description), CONFIG)

    ctx.add(org, schema.url, ctx.mint.page(base_url), CONFIG)
    if ctx.config.logo:
        logo = ctx.absolute(ctx.config.logo)
        if logo:
            ctx.add(org, schema.logo, ctx.mint.page(logo), CONFIG)
    profiles = list(ctx.config.social_links)
    social = ctx.site.data.get("social")
    if isinstance(social, list):
        profiles += [item["url"] for item in social if isinstance(item, dict) and isinstance(item.get("url"), str)]
    for url in sorted(set(profiles)):
        iri = ctx.absolute(url)
        if iri and url.startswith(("http://", "https://")):
            ctx.add(org, schema.sameAs, ctx.mint.page(iri), CONFIG)

    scheme = ctx.mint.scheme()
    ctx.add(scheme, RDF_TYPE, skos.ConceptScheme, CONFIG)
    ctx.add(scheme, RDF_TYPE, schema.DefinedTermSet, CONFIG)
    ctx.add(scheme, skos.prefLabel, text(f"{site_name(ctx)}: teman", "sv"), CONFIG)
    ctx.add(scheme, skos.prefLabel, text(f"{site_name(ctx)}: themes", "en"), CONFIG)
    ctx.add(scheme, schema.name, text(f"{site_name(ctx)}: teman", "sv"), CONFIG)
    ctx.add(scheme, schema.name, text(f"{site_name(ctx)}: themes", "en"), CONFIG)
    ctx.add(scheme, schema.publisher, org, CONFIG)
    source_file(ctx, CONFIG, "config")


def source_file(ctx: MapContext, path: str, collection: str) -> None:
    """Describe a file statements were derived from, in its own named graph."""
    ctx.statements.extend(source_statements(ctx.mint, path, collection))


def source_statements(mint: Minter, path: str, collection: str) -> list[Statement]:
    node = mint.source(path)
    return [Statement(node, RDF_TYPE, kgo.SourceFile, path), Statement(node, RDF_TYPE, prov.Entity, path),
            Statement(node, kgo.path, text(path), path), Statement(node, kgo.collection, text(collection), path)]


def derived(ctx: MapContext, subject, doc: Document) -> None:
    """``subject prov:wasDerivedFrom <source file of doc>``."""
    ctx.add(subject, prov.wasDerivedFrom, ctx.mint.source(doc.path), doc.path)
