"""Collections of organisations, events and jobs, and what a mapping adds to projects.

An organisation's document (``_partners/x.md``, a record of ``_data/partners.yml``)
names an organisation: it becomes a :class:`~kg.map.terms.Name` like any name in
front matter, so the resolver merges it with every other spelling of it. Events are
``schema:Event`` and jobs ``schema:JobPosting``, organised or offered by the site's
organisation.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from kg.load.documents import Document
from kg.map.context import MapContext
from kg.map.iris import slug
from kg.map.pages import map_page
from kg.map.terms import PLATFORMS, Name, TextIn, text, typed
from kg.map.text import clean, plain, title_text
from kg.map.website import derived, site_organisation
from kg.vocab import RDF_TYPE, kgo, schema, skos

#: Keys that hold an organisation's homepage and logo on its own page or record.
HOMEPAGE_KEYS = ("url", "website", "homepage", "link")
LOGO_KEYS = ("logo", "logotype", "image")


def _description(ctx: MapContext, doc: Document) -> str | None:
    written = ctx.string(doc, "excerpt") or ctx.string(doc, "description") or ctx.string(doc, "ingress-text")
    return plain(written) if written else None


def map_organisation(ctx: MapContext, doc: Document) -> None:
    key, name = ctx.fact_string(doc, "name")
    if not name or not clean(name):
        ctx.warn(doc, "missing-title", "an organisation without a name (title or name); skipped")
        return
    org = Name(clean(title_text(name)), doc.lang, doc.path, doc.line_of(key) if key else None, "organisation")
    derived(ctx, org, doc)
    for field in HOMEPAGE_KEYS:
        homepage = ctx.string(doc, field)
        if homepage and homepage.strip().startswith(("http://", "https://")) and (iri := ctx.url(doc, field)):
            ctx.add(org, schema.url, NamedNode(iri), doc.path)
            break
    for field in LOGO_KEYS:
        if doc.data.get(field) not in (None, "") and (iri := ctx.url(doc, field)):
            ctx.add(org, schema.logo, NamedNode(iri), doc.path)
            break
    if description := _description(ctx, doc):
        ctx.add(org, schema.description, text(description, doc.lang), doc.path)
    map_page(ctx, doc, org, title=name)


def map_event(ctx: MapContext, doc: Document) -> None:
    _, name = ctx.fact_string(doc, "name")
    event = ctx.mint.entity("event", ctx.doc_key(doc))
    src = doc.path
    ctx.add(event, RDF_TYPE, schema.Event, src)
    derived(ctx, event, doc)
    if name and (label := title_text(name)):
        ctx.add(event, schema.name, text(label, doc.lang), src)
    if doc.date is not None:
        from kg.map.posts import date_literal  # posts → projects → this module: imported when needed

        ctx.add(event, schema.startDate, date_literal(doc.date), src)
    if description := _description(ctx, doc):
        ctx.add(event, schema.description, text(description, doc.lang), src)
    if place := ctx.string(doc, "location"):
        ctx.add(event, schema.location, text(clean(place), doc.lang), src)
    ctx.add(event, schema.organizer, site_organisation(ctx), src)
    map_page(ctx, doc, event, title=name)


def map_job(ctx: MapContext, doc: Document) -> None:
    _, name = ctx.fact_string(doc, "name")
    job = ctx.mint.entity("job", ctx.doc_key(doc))
    src = doc.path
    ctx.add(job, RDF_TYPE, schema.JobPosting, src)
    derived(ctx, job, doc)
    if name and (label := title_text(name)):
        ctx.add(job, schema.title, text(label, doc.lang), src)
        ctx.add(job, schema.name, text(label, doc.lang), src)
    if doc.date is not None:
        ctx.add(job, schema.datePosted, typed(doc.date.isoformat()[:10], "date"), src)
    if description := _description(ctx, doc):
        ctx.add(job, schema.description, text(description, doc.lang), src)
    ctx.add(job, schema.hiringOrganization, site_organisation(ctx), src)
    map_page(ctx, doc, job, title=name)


def stated_platforms(ctx: MapContext, doc: Document, project: NamedNode) -> None:
    """``platform: Decidim`` (or the mapping's key for it): the platforms a project says it ran on."""
    for _key, name in ctx.fact_strings(doc, "platform"):
        if clean(name):
            ctx.add(project, kgo.platform, TextIn(clean(name), PLATFORMS), doc.path)


def word_theme(ctx: MapContext, word: str, doc: Document) -> NamedNode:
    """A theme written as a word (``themes: [Open data]``) rather than as the path of a theme page."""
    label = clean(word)
    theme = ctx.mint.entity("theme", slug(label))
    src = doc.path
    scheme = ctx.mint.scheme()
    ctx.add(theme, RDF_TYPE, skos.Concept, src)
    ctx.add(theme, RDF_TYPE, schema.DefinedTerm, src)
    ctx.add(theme, skos.inScheme, scheme, src)
    ctx.add(theme, schema.inDefinedTermSet, scheme, src)
    ctx.add(theme, skos.prefLabel, text(label, doc.lang), src)
    ctx.add(theme, schema.name, text(label, doc.lang), src)
    return theme
