"""Project pages (a project collection such as ``_clients`` or ``_projects``, a record of
``_data/projects.yml``, or any post or page with a client, partners or years).

The Swedish and English pages of one ``ref`` describe ONE project: both add
their statements to the same project IRI, each in its own language.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from kg.load.documents import Document
from kg.load.meaning import is_path
from kg.map.context import MapContext
from kg.map.entities import stated_platforms, word_theme
from kg.map.roles import role_fragments
from kg.map.terms import ORGANISATIONS, PLATFORMS, ROLES_IN_TEXT, LinkTo, Name, TextIn, text, typed
from kg.map.text import clean, plain, title_text
from kg.map.website import derived
from kg.map.years import BadYears, parse_years
from kg.vocab import RDF_TYPE, kgo, schema, skos

PROJECT_KEYS = ("client", "partners", "year")


def is_project(doc: Document) -> bool:
    """Digidem Lab's test, for callers without a map context: in ``_clients``, or carrying ``client``,
    ``partners`` or ``year``. Mappers ask ``ctx.is_project(doc)``, which knows each collection's class
    and keys."""
    return doc.collection == "clients" or any(k in doc.data for k in PROJECT_KEYS)


def map_project(ctx: MapContext, doc: Document, page: NamedNode | None = None) -> NamedNode:
    project = ctx.project_iri(doc)
    src = doc.path
    lang = doc.lang
    ctx.add(project, RDF_TYPE, schema.Project, src)
    derived(ctx, project, doc)
    if ref := ctx.ref(doc):
        ctx.add(project, kgo.ref, text(ref), src)
    title = ctx.fact_string(doc, "name")[1]
    if title and (name := title_text(title)):
        ctx.add(project, schema.name, text(name, lang), src)
    description = ctx.string(doc, "excerpt") or ctx.string(doc, "ingress-text")
    if description and (summary := plain(description)):
        ctx.add(project, schema.description, text(summary, lang), src)
    if iri := ctx.url(doc, "image"):
        ctx.add(project, schema.image, NamedNode(iri), src)
    if iri := ctx.url(doc, "logotype"):
        ctx.add(project, schema.logo, NamedNode(iri), src)

    group = ctx.group(doc)
    for role, fact, predicate in (("client", "client", kgo.client), ("partner", "partners", kgo.partner),
                                  ("funder", "funder", schema.funder)):
        for index, (key, name) in enumerate(ctx.fact_strings(doc, fact, numbers_are_names=False)):
            if clean(name):
                slot = (f"{group}#{role}", index) if ctx.ref(doc) else None
                ctx.add(project, predicate, Name(clean(name), lang, src, doc.line_of(key), role, slot), src)

    years_key, written = ctx.fact_value(doc, "years")
    if years_key is not None:
        try:
            years = parse_years(written)
        except BadYears as exc:
            ctx.warn(doc, "bad-year-range", f"{years_key}: {exc}; no dates stated", key=years_key)
        else:
            ctx.add(project, schema.startDate, typed(f"{years.start:04d}", "gYear"), src)
            if years.end is not None:
                ctx.add(project, schema.endDate, typed(f"{years.end:04d}", "gYear"), src)
            ctx.add(project, kgo.ongoing, typed("true" if years.ongoing else "false", "boolean"), src)

    for theme in themes_of(ctx, doc):
        ctx.add(project, schema.about, theme, src)
    stated_platforms(ctx, doc, project)
    for url, link_title in ctx.links(doc):
        target = ctx.internal(url, doc.url_path)
        if target is None:
            ctx.add(project, kgo.platform, LinkTo(url, link_title, PLATFORMS), src)
    body = ctx.bodies(doc).text
    words = "\n\n".join(filter(None, [title, description, body]))
    if words:
        ctx.add(project, kgo.platform, TextIn(words, PLATFORMS), src)
        if doc.url:  # the organisations the page names are its mentions
            ctx.add(ctx.mint.page(doc.url), schema.mentions, TextIn(words, ORGANISATIONS), src)
    for fragment in role_fragments("\n\n".join(filter(None, [description, body]))):
        ctx.add(project, ROLE_PREDICATES[fragment.role], TextIn(fragment.text, ROLES_IN_TEXT), src)
    return project


ROLE_PREDICATES = {"client": kgo.client, "partner": kgo.partner, "funder": schema.funder}


def themes_of(ctx: MapContext, doc: Document) -> list[NamedNode]:
    """The theme concepts a document's ``categories`` (or other themes key) point at or name (dangling
    ones reported; a plain Jekyll category word is no theme)."""
    out = []
    for key, path in ctx.fact_strings(doc, "themes"):
        if not is_path(path):
            out.append(word_theme(ctx, path, doc))  # only keys that may hold words give words here
            continue
        target, missing = ctx.reference(doc, key, path, expect="theme")
        if target is not None:
            if ctx.class_of(target) != "theme":
                ctx.warn(doc, "bad-reference", f"{key}: {path!r} is not a theme", key=key)
                continue
            out.append(ctx.theme_iri(target))
        elif missing is not None:
            out.append(dangling_theme(ctx, missing, doc.path))
    return out


def dangling_theme(ctx: MapContext, missing: str, src: str) -> NamedNode:
    """A theme known only from a reference to a file that does not exist: typed, keyed, unnamed."""
    theme = ctx.theme_iri(None, missing)
    ctx.add(theme, RDF_TYPE, skos.Concept, src)
    ctx.add(theme, RDF_TYPE, schema.DefinedTerm, src)
    ctx.add(theme, skos.inScheme, ctx.mint.scheme(), src)
    ctx.add(theme, kgo.ref, text(ctx.doc_key(None, missing)), src)
    return theme


def dangling_project(ctx: MapContext, missing: str, src: str) -> NamedNode:
    """A project known only from a reference to a file that does not exist: typed, keyed, unnamed."""
    project = ctx.project_iri(None, missing)
    ctx.add(project, RDF_TYPE, schema.Project, src)
    ctx.add(project, kgo.ref, text(ctx.doc_key(None, missing)), src)
    return project
