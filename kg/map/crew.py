"""People: the documents of a person collection (``_crew``, ``_team``, ``_people`` …) or records of
a data file (``_data/team.yml``); they work for the site's organisation unless their own
``organisation`` key (or the mapping's key for it) names another.

E-mail, telephone and social handles are personal data: left out unless the
build asks for them (``--include-contact``).
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from kg.load.documents import Document
from kg.map.context import MapContext
from kg.map.iris import slug
from kg.map.terms import Name, text
from kg.map.text import clean
from kg.map.website import derived, site_organisation
from kg.vocab import RDF_TYPE, schema


def map_person(ctx: MapContext, doc: Document) -> None:
    _, name = ctx.fact_string(doc, "name")
    if not name or not clean(name):
        ctx.warn(doc, "missing-title", "a person without a name (title or name: the person's name); skipped")
        return
    person = ctx.mint.entity("person", slug(clean(name)))
    src = doc.path
    ctx.add(person, RDF_TYPE, schema.Person, src)
    ctx.add(person, schema.name, text(clean(name)), src)
    employers = [Name(clean(org), doc.lang, src, doc.line_of(key), "employer")
                 for key, org in ctx.fact_strings(doc, "organisation", numbers_are_names=False) if clean(org)]
    for employer in employers or [site_organisation(ctx)]:
        ctx.add(person, schema.worksFor, employer, src)
    derived(ctx, person, doc)
    if (job := ctx.fact_string(doc, "role")[1]) and clean(job):
        ctx.add(person, schema.jobTitle, text(clean(job), doc.lang), src)
    if iri := ctx.url(doc, "image"):
        ctx.add(person, schema.image, NamedNode(iri), src)
    if doc.url:
        from kg.map.pages import map_page

        map_page(ctx, doc, person, title=name)
    if ctx.include_contact:
        if mail := ctx.string(doc, "mail") or ctx.string(doc, "email"):
            ctx.add(person, schema.email, text(clean(mail)), src)
        if phone := ctx.string(doc, "phone") or ctx.string(doc, "telephone"):
            ctx.add(person, schema.telephone, text(clean(phone)), src)
