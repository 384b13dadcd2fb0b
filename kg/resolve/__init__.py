"""Resolve stage: names → entities.

Every :class:`~kg.map.terms.Name` is reduced to a key — a registry entry, a unit of
an organisation, or the normalised name — and keys are clustered: sv and en
pages of one project that list their clients and partners in the same order
propose the names in each position as one entity (reported as
``merged-by-translation`` so a maintainer can confirm them into the registry).
Nothing is merged for sharing words: "Stockholms stad" and "Stockholms
universitet" never meet. Links and running text are matched against the
registry only; text never invents an entity.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import urlsplit

from pyoxigraph import Literal, NamedNode

from kg.diagnostics import Diagnostics
from kg.fold import caseless, cjk_key, has_cjk
from kg.halves import from_both_ends
from kg.map.context import MapContext
from kg.map.iris import slug
from kg.map.terms import ALL_KINDS, LinkTo, Name, Statement, TextIn, new_statement, text
from kg.map.website import source_statements
from kg.resolve.align import align, declined_alike, translation_of, word_keys
from kg.resolve.appositions import kinds_said
from kg.resolve.byform import names_by_form
from kg.resolve.countries import (
    by_shared_forms,
    country_code,
    country_in_name,
    country_of_form,
    country_of_host,
    script_country,
)
from kg.resolve.gazetteer import DECLINING, Gazetteer, declined_form, stems_of
from kg.resolve.inferred import Inference, evidence, post_platforms, theme_platforms
from kg.resolve.kinds import (
    KIND_PATTERNS,
    fold,
    is_metropolitan,
    kind_of,
    legal_form_stripped,
    place_core,
    plain_words,
    type_core,
    type_word,
    weakly_typed,
    without_type_word,
)
from kg.resolve.mentions import Mentions
from kg.resolve.names import normalise, split_parenthesis, split_unit
from kg.resolve.places import HOME, canonical_place, region_country, regions_in, town, towns_in, towns_of_name
from kg.resolve.registry import DEFAULT_SOURCE, Entry, Registry, load_registry
from kg.resolve.whereabouts import NEUTRAL_LANGUAGES, country_by_company, described_kind, site_country, spoken_in
from kg.vocab import ORGANISATION_TYPES, RDF_TYPE, WD, kgo, schema

__all__ = ["Registry", "Resolved", "load_registry", "resolve"]
REGISTRY_SOURCE = DEFAULT_SOURCE
_PLACE_TYPES = {"country": "Country", "city": "City"}
PLACE_KINDS_OF_ORGANISATIONS = ("municipality", "region")


@dataclass
class Resolved:
    """Statements with every placeholder replaced, and what resolution did."""

    statements: list[Statement]
    merges: list[dict] = field(default_factory=list)
    entities: dict[str, NamedNode] = field(default_factory=dict)


class _Clusters:
    """Union–find over name keys; a registry key always represents its cluster."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if ra.startswith("reg:") and rb.startswith("reg:"):
            return False  # two known entities are never merged
        if rb.startswith("reg:") or (not ra.startswith("reg:") and rb < ra):
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True


@dataclass
class _Parsed:
    key: str
    country: Entry | None
    unit_of: str | None = None
    unit_name: str | None = None


def resolve(ctx: MapContext, registry: Registry | None = None, diags: Diagnostics | None = None,
            workers: int = 1) -> Resolved:
    """Replace every placeholder in ``ctx``'s statements. With ``workers`` above one, a big
    site's links and texts are matched against the registry by a helper process meanwhile."""
    diags = diags if diags is not None else ctx.diags
    if registry is None:
        registry = load_registry(ctx.site.data.get("kg/registry"), diags=diags,
                                 site_file=ctx.site.data_paths.get("kg/registry", "_data/kg/registry.yml"))
    registry.mark_site(ctx.config.name or ctx.config.title or "", ctx.config.url)
    home = HOME.set(site_country(ctx.config.raw.get("locale"), ctx.config.url, ctx.config.timezone))
    try:
        with Mentions(ctx.statements, registry, workers) as mentions:
            return _resolve(ctx, registry, diags, iter(mentions), workers)
    finally:
        HOME.reset(home)


def _resolve(ctx: MapContext, registry: Registry, diags: Diagnostics, mentions: Iterator[list[Entry]],
             workers: int = 1) -> Resolved:
    names = []
    for subject, _predicate, obj, _source in ctx.statements:
        if isinstance(subject, Name):
            names.append(subject)
        if isinstance(obj, Name):
            names.append(obj)
    cores = _registry_cores(registry)
    parsed = {n: _parse(n, registry, cores) for n in dict.fromkeys(names)}
    displaced = _own_organisation(parsed, registry, ctx.config.url)
    _site_title(ctx, registry, cores, parsed)
    _bare_places(parsed)
    acronyms, aliases = _names_in_text(ctx, registry, cores, parsed, workers)
    _councils_apart(parsed)
    clusters = _Clusters()
    for p in parsed.values():
        clusters.find(p.key)
        if p.unit_of:
            clusters.find(p.unit_of)
    merges = _given_in_parentheses(aliases, parsed, clusters, diags)
    merges += _units_named_alone(parsed, clusters, diags)
    merges += _shared_acronyms(parsed, acronyms, clusters, diags)
    merges += _align_translations(parsed, clusters, diags)
    merges += _declined_translations(parsed, clusters, diags)

    # Name every cluster and mint its IRI.
    members: dict[str, list[Name]] = defaultdict(list)
    for name, p in parsed.items():
        members[clusters.find(p.key)].append(name)
    iri_of_root = _mint(ctx, registry, clusters, parsed, members, displaced)
    gazetteer = _site_gazetteer(ctx, registry, members, parsed, acronyms)
    projects_named = _project_names(ctx)
    named_in = _named_in(ctx, gazetteer, projects_named, workers)
    out: list[Statement] = []
    described: set[str] = set()

    site_root = next((clusters.find(p.key) for n, p in parsed.items() if n.role == "site"), None)

    def entity(entry: Entry) -> NamedNode:
        if displaced is not None and entry.key == f"organisation:{displaced[4:]}" and site_root is not None:
            return iri_of_root[site_root]  # the site's own name wins over the registry's entry
        iri = ctx.mint.entity(entry.kind, entry.id)
        if entry.key not in described:
            described.add(entry.key)
            out.extend(_describe(ctx, registry, entry, entity))
        return iri

    def org_iri(name: Name) -> NamedNode:
        return iri_of_root[clusters.find(parsed[name].key)]

    platform, project_prefix = kgo.platform, ctx.mint.entity("project", "").value
    homepages: dict[NamedNode, set[str]] = defaultdict(set)
    """Organisation → the URLs of links titled with its name alone ("[Zebralog GmbH](https://zebralog.de/)")."""
    inferences: list[Inference] = []
    title_platforms: dict[NamedNode, set[NamedNode]] = defaultdict(set)
    texts_naming: list[tuple[str, set[str]]] = []
    """Each text and the organisations it names (for the kinds its sentences give them)."""
    for st in ctx.statements:
        obj = st.object
        if not isinstance(obj, (Name, LinkTo, TextIn)) and not isinstance(st.subject, Name):
            out.append(st)  # nothing to resolve
            continue
        subjects = [org_iri(st.subject)] if isinstance(st.subject, Name) else [st.subject]
        objects: list[Any]  # IRIs where anything is resolved; the literal as it is otherwise
        if isinstance(obj, Name):
            objects = [org_iri(obj)]
        elif isinstance(obj, (LinkTo, TextIn)):
            objects = [entity(e) for e in next(mentions)]
            keys, titled = next(named_in) or _NOTHING_NAMED
            if keys and isinstance(obj, TextIn):
                texts_naming.append((obj.text, {clusters.find(key) for key in keys}))
            if keys:
                named = {iri_of_root[clusters.find(key)] for key in keys} - set(objects)
                objects.extend(sorted(named, key=lambda n: n.value))
                if isinstance(obj, LinkTo) and len(keys) == 1 and _homepage_like(obj.url):
                    homepages[iri_of_root[clusters.find(next(iter(keys)))]].add(obj.url.strip())
            if titled:
                # a post naming a project by its title is about it ("Borgerbudget i Aarhus")
                objects.extend(NamedNode(key) for key in sorted(set(titled) - {s.value for s in subjects}))
        else:
            objects = [obj]
        placeholder = isinstance(obj, (Name, LinkTo, TextIn))
        if isinstance(obj, TextIn) and "role" in obj.kinds:  # "in collaboration with …" on a project page
            inferences.extend(Inference(subjects[0], st.predicate, o, st.source, "page-text") for o in objects)
            continue
        if st.predicate == platform and isinstance(obj, (LinkTo, TextIn)):
            subject = subjects[0]
            if isinstance(obj, TextIn) and "title" in obj.kinds:
                title_platforms[subject].update(objects)
            if subject.value.startswith(project_prefix):  # a project's own page says it: inferred
                method = "page-text" if isinstance(obj, TextIn) else "page-link"
                inferences.extend(Inference(subject, platform, o, st.source, method) for o in objects)
                continue
        for s in subjects:
            for o in objects:
                if not (placeholder and s == o):  # an organisation never mentions itself
                    out.append(new_statement(Statement, (s, st.predicate, o, st.source)))

    kinds_given: dict[NamedNode, str | None] = {}

    def form_facts(iri: NamedNode, names: list[str], roles: set[str], src: str,
                   parent: str | None = None, described: str | None = None) -> str | None:
        """The kind the names' forms say (once per organisation), else the kind the site's description says
        of its own organisation, typed as the registry would."""
        if iri in kinds_given:
            return kinds_given[iri]
        kind = kinds_given[iri] = _kind_of_names(names, roles, parent) or described
        if kind:
            extra = ORGANISATION_TYPES.get(kind)
            if extra and extra != "Organization":
                out.append(Statement(iri, RDF_TYPE, schema[extra], src))
            out.append(Statement(iri, kgo.organisationKind, kgo[kind], src))
        return kind

    countries_given: dict[NamedNode, str | None] = {}
    shared_forms: dict[NamedNode, str] = {}
    """Organisations whose country only a form several countries share says ("SARL", "Conseil
    départemental"): that country only where the company they keep gives none."""

    def country_facts(iri: NamedNode, names: list[str], langs: list[str | None], kind: str | None, src: str,
                      parent: NamedNode | None = None) -> str | None:
        """The country the names say (once per organisation); a unit's is its parent's."""
        if iri in countries_given:
            return countries_given[iri]
        code = _country_of(names, langs, kind, _base_lang(ctx.config.lang))
        hosts = {country_of_host(url) for url in homepages.get(iri, ())}
        if code is None and len(hosts) == 1:
            code = next(iter(hosts))  # the country-code domain of the one homepage its links give
        if code is None and parent is not None:
            code = countries_given.get(parent) or _registry_country(registry, parent, iri_of_root)
        if code and parent is None and by_shared_forms(names, langs):
            shared_forms[iri] = code
            code = None
        countries_given[iri] = code
        if code and (place := registry.country_by_code(code)) is not None:
            out.append(Statement(iri, schema.location, entity(place), src))
        return code

    said_kinds = _kinds_in_sentences(registry, members, parsed, texts_naming)
    # Describe organisations named in content: type, names seen, kind, country, unit.
    for root, group in members.items():
        iri = iri_of_root[root]
        entry = registry.get("organisation", root[4:]) if root.startswith("reg:") else None
        if entry is not None:
            entity(entry)
        else:
            out.append(Statement(iri, RDF_TYPE, schema.Organization, group[0].file))
            by_lang: dict[str | None, Counter[str]] = defaultdict(Counter)
            for n in group:
                by_lang[n.lang][_display(n, parsed[n])] += 1
            for lang, counts in sorted(by_lang.items(), key=lambda kv: kv[0] or ""):
                best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                sources = sorted({n.file for n in group if n.lang == lang})
                out.append(Statement(iri, schema.name, text(best, lang), sources[0]))
        countries = set()
        for n in group:
            p = parsed[n]
            out.append(Statement(iri, schema.alternateName, text(n.text, n.lang), n.file))
            if p.country is not None and (entry is None or not entry.country):
                countries.add(p.country.key)
                out.append(Statement(iri, schema.location, entity(p.country), n.file))
            if p.unit_of and entry is None:
                parent_iri = iri_of_root[clusters.find(p.unit_of)]
                out.append(Statement(iri, schema.parentOrganization, parent_iri, n.file))
                if p.unit_of.startswith("reg:"):
                    parent_entry = registry.get("organisation", p.unit_of[4:])
                    if parent_entry is not None:
                        entity(parent_entry)
                else:
                    out.append(Statement(parent_iri, RDF_TYPE, schema.Organization, n.file))
                    out.append(Statement(parent_iri, schema.name, text(_parent_display(p, n), n.lang), n.file))
                    parent_kind = form_facts(parent_iri, [_parent_display(p, n)], {"parent"}, n.file)
                    country_facts(parent_iri, [_parent_display(p, n)], [n.lang], parent_kind, n.file)
        if entry is None:
            names_seen = [_display(n, parsed[n]) for n in group]
            unit_parents = [unit for n in group if (unit := parsed[n].unit_of)]
            said = described_kind(ctx.config.description or "") if root == site_root else said_kinds.get(root)
            parts = [_unit_part(n, parsed[n]) for n in group]
            if said and all(weakly_typed(part) or kind_of(part) is None for part in parts):
                # "Lanternfish Civic Design, Inc." that the site calls a nonprofit: "Inc." says no more than that
                kind = form_facts(iri, [], set(), group[0].file, described=said)
            else:
                kind = form_facts(iri, parts, {n.role for n in group}, group[0].file,
                                  parent=_parent_kind(unit_parents[0], registry, parsed) if unit_parents else None,
                                  described=said)
            if not countries:
                parent = iri_of_root[clusters.find(unit_parents[0])] if unit_parents else None
                country_facts(iri, names_seen, [n.lang for n in group], kind, group[0].file, parent)
    _countries_from_context(ctx, registry, out, members, iri_of_root, site_root, kinds_given, entity, shared_forms)
    inferences += _stub_clients(out, cores, iri_of_root, clusters, entity)
    inferences += theme_platforms(out, title_platforms)
    inferences += post_platforms(out, _post_texts(ctx), _platform_forms(ctx, registry))
    out.extend(evidence(ctx.mint, inferences))
    if any(registry.entries[key].source == REGISTRY_SOURCE for key in described):
        # The bundled registry is a source like any file: its named graph is described.
        out.extend(source_statements(ctx.mint, REGISTRY_SOURCE, "registry"))
    entities = {root: iri for root, iri in iri_of_root.items()}
    return Resolved(out, merges, entities)


def _post_texts(ctx: MapContext) -> dict[str, str]:
    """Each document's words (title, excerpt, body) by its source, for who a sentence is about."""
    return {st.source: st.object.text for st in ctx.statements if isinstance(st.object, TextIn)}


def _platform_forms(ctx: MapContext, registry: Registry) -> dict[NamedNode, set[str]]:
    """Each registry platform's IRI → its names and forms."""
    return {ctx.mint.entity("platform", e.id): set(e.surface_forms()) for e in registry.entries.values()
            if e.kind == "platform"}


_ROLES = (kgo.client, kgo.partner, schema.funder)


def _stub_clients(out: list[Statement], cores: dict[tuple[str, str], Entry | None],
                  iri_of_root: dict[str, NamedNode], clusters: _Clusters, entity) -> list[Inference]:
    """A project known only from a reference to a missing file named after a town ("_clients/helsingborg.md")
    has that town's municipality as its client, when the site or the registry knows exactly one."""
    named, clients = set(), set()
    refs: dict[NamedNode, tuple[str, str]] = {}
    for st in out:
        if st.predicate == schema.name:
            named.add(st.subject)
        elif st.predicate == kgo.client:
            clients.add(st.subject)
        elif st.predicate == kgo.ref and isinstance(st.subject, NamedNode):
            refs.setdefault(st.subject, (cast(Literal, st.object).value, st.source))
    found = []
    for project, (ref, src) in sorted(refs.items(), key=lambda kv: kv[0].value):
        if project in named or project in clients or (place := town(ref.replace("-", " "))) is None:
            continue
        core = f"geo{place.id}"
        root = f"place:municipality:{core}"
        if root in clusters.parent and (iri := iri_of_root.get(clusters.find(root))) is not None:
            found.append(Inference(project, kgo.client, iri, src, "reference-name"))
        elif (entry := cores.get(("municipality", core))) is not None:
            found.append(Inference(project, kgo.client, entity(entry), src, "reference-name"))
    return found


def _countries_from_context(ctx: MapContext, registry: Registry, out: list[Statement],
                            members: dict[str, list[Name]], iri_of_root: dict[str, NamedNode], site_root: str | None,
                            kinds_given: dict[NamedNode, str | None], entity,
                            shared_forms: dict[NamedNode, str] | None = None) -> None:
    """Countries of the organisations whose names say none, from the site's configuration (its own
    organisation) and from the company they keep in projects (see :mod:`kg.resolve.whereabouts`); else
    the country of a form several countries share (``shared_forms``)."""
    import pycountry

    code_of: dict[str, str] = {}
    for country in pycountry.countries:
        if (entry := registry.country_by_code(country.alpha_2)) is not None:
            code_of.setdefault(ctx.mint.entity(entry.kind, entry.id).value, country.alpha_2)
    countries: dict[str, str] = {}
    projects: dict[str, set[str]] = defaultdict(set)
    """Project → its clients and partners: the company an organisation keeps."""
    funded: dict[str, set[str]] = defaultdict(set)
    """Project → its funders, often from elsewhere: they say nothing of the others' country."""
    pages: dict[str, set[str]] = defaultdict(set)
    iris: dict[NamedNode, str] = {}
    """Each node's IRI as one string (``.value`` makes a new one each time: a big site's pages mention
    the same organisations a million times)."""

    def iri_of(node: Any) -> str:
        if (value := iris.get(node)) is None:
            value = iris[node] = node.value
        return value

    for st in out:
        predicate, obj = st.predicate, st.object
        if not isinstance(obj, NamedNode):
            continue
        if predicate == schema.location and iri_of(obj) in code_of:
            countries.setdefault(iri_of(st.subject), code_of[iri_of(obj)])
        elif predicate in _ROLES[:2]:
            projects[iri_of(st.subject)].add(iri_of(obj))
        elif predicate == schema.funder:
            funded[iri_of(st.subject)].add(iri_of(obj))
        elif predicate == schema.mentions:
            pages[iri_of(st.subject)].add(iri_of(obj))
    iris.clear()
    raw = ctx.config.raw
    own = site_country(raw.get("locale"), ctx.config.url, ctx.config.timezone)
    in_projects, in_funded, on_pages = _held_by(projects), _held_by(funded), _held_by(pages)
    found: dict[NamedNode, tuple[str, str]] = {}
    for root, group in sorted(members.items()):
        iri = iri_of_root[root]
        if iri.value in countries or root.startswith("reg:") or kinds_given.get(iri) == "intergovernmental":
            continue
        code = own if root == site_root else None
        langs = [n.lang for n in group]
        org = iri.value
        if code is None:
            code = country_by_company(org, {p: projects[p] for p in in_projects.get(org, ())}, countries, langs)
        if code is None and org in in_funded and not any(_ABROAD.search(fold(n.text)) for n in group) and \
                any(not _english(n.text) and n.lang and n.lang.split("-")[0] not in NEUTRAL_LANGUAGES
                    for n in group):
            # a funder named in a language of the country its projects are in ("Compagnia di San Paolo" on
            # Italian pages); a funder named in English may be from anywhere (a foreign ministry)
            funding = {p: projects[p] | {org} for p in in_funded[org]}
            code = country_by_company(org, funding, countries, langs)
        shared = bool(shared_forms) and iri in cast(dict, shared_forms)
        if code is None and org not in in_projects and org not in in_funded and not shared:
            # named only: the pages' company (not for a shared form's: its country is likelier)
            code = country_by_company(org, {p: pages[p] for p in on_pages.get(org, ())}, countries, langs)
        if code is None and shared_forms and iri in shared_forms:
            code = shared_forms[iri]  # "Xyz SARL" in French projects: France's after all
        if code is not None:
            found[iri] = (code, group[0].file)
    for iri, (code, src) in found.items():  # read from the names' countries only, never from each other's
        if (place := registry.country_by_code(code)) is not None:
            out.append(Statement(iri, schema.location, entity(place), src))


_ABROAD = re.compile(r"\b(exteriores|exterior|etrangeres|esteri|auswartig\w*|utrikes\w*|udenrigs\w*|utenriks\w*|"
                     r"ulkoasiain\w*|zagranicznych|zahranicni\w*|buitenlandse|estrangeiros|cooperacion|cooperation|"
                     r"cooperazione|cooperacao|entwicklungszusammenarbeit|ontwikkelingssamenwerking)\b")
"""Words of bodies whose work is abroad (foreign ministries, development cooperation): the projects they
fund say nothing of where they are."""


def _held_by(groups: dict[str, set[str]]) -> dict[str, list[str]]:
    """Member → the groups (projects, pages) that hold it: each organisation's company found at once."""
    out: dict[str, list[str]] = defaultdict(list)
    for group, members in groups.items():
        for member in members:
            out[member].append(group)
    return out


_ENGLISH = frozenset("of the and for office foundation trust council fund association institute university agency "
                     "ministry department society bank endowment charity commission authority".split())


_ENGLISH_SPEAKING = frozenset({"GB", "US", "IE", "AU", "NZ", "CA"})


def _english(name: str) -> bool:
    """Whether a name is written in English (a word of English names in it): "Foreign, Commonwealth &
    Development Office" is, on a Ukrainian page too."""
    return "&" in name or any(w in _ENGLISH for w in fold(name).split())


_NOTHING_NAMED: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


def _named_in(ctx: MapContext, gazetteer: Gazetteer, projects_named: Gazetteer,
              workers: int) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]] | None]:
    """For each link and text in ``ctx``'s statements, in order: the site's organisations it names
    (the keys of ``gazetteer``), and the projects a post's text names by their titles; ``None`` for
    neither (most links: two empty sets each would be a large share of a big build's memory)."""

    site_lang = _base_lang(ctx.config.lang)

    def named(item: tuple[LinkTo | TextIn, bool]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        placeholder, declined = item
        keys: set[str] = set()
        if "organisation" in placeholder.kinds:
            keys = gazetteer.find(placeholder.text if isinstance(placeholder, TextIn) else placeholder.title or "",
                                  declined=declined)
        titled = (projects_named.find(placeholder.text, declined=declined)
                  if isinstance(placeholder, TextIn) and placeholder.kinds == ALL_KINDS else set())
        return (tuple(keys), tuple(titled)) if keys or titled else None  # tuples: a fifth of sets' memory

    langs: dict[str, bool] = {}

    def declines(source: str) -> bool:
        """Whether the text of ``source`` may write names in other cases: its language declines them."""
        if source not in langs:
            doc = ctx.doc_at(source)
            lang = _base_lang(doc.lang if doc is not None and doc.lang else None) or site_lang
            langs[source] = lang is None or lang in DECLINING
        return langs[source]

    placeholders = [(st.object, declines(st.source)) for st in ctx.statements
                    if isinstance(st.object, (LinkTo, TextIn))]
    declining = any(flag for _placeholder, flag in placeholders)
    gazetteer.prepare(declining)
    projects_named.prepare(declining)
    return iter(from_both_ends(named, placeholders, "finding the site's names in its texts", workers=workers))


def _base_lang(lang: str | None) -> str | None:
    """``"pt-BR"`` → ``"pt"``; None for none."""
    return lang.split("-")[0].split("_")[0].lower() if lang else None


def _project_names(ctx: MapContext) -> Gazetteer:
    """The titles of the site's projects that a post can name them by: two words or more, one of them
    a name ("Borgerbudget i Aarhus", not "Participatory budget")."""
    prefix = ctx.mint.entity("project", "").value
    out = Gazetteer()
    for st in ctx.statements:
        if st.predicate == schema.name and isinstance(st.subject, NamedNode) and st.subject.value.startswith(prefix):
            title = st.object.value if isinstance(st.object, (NamedNode, Literal)) else ""
            words = title.split()
            if (len(words) >= 2 and len(title) >= 10 and any(w[:1].isupper() for w in words[1:])) or (
                    has_cjk(title) and len(title.strip()) >= 6):  # 「神戸みんなの防災マップ」
                out.add_name(title, st.subject.value)
    return out


def _names_in_text(ctx: MapContext, registry: Registry, cores: dict[tuple[str, str], Entry | None],
                   parsed: dict[Name, _Parsed], workers: int = 1) -> tuple[dict[Name, str], list[tuple[Name, Name]]]:
    """Organisations the site's texts name by their form (:mod:`kg.resolve.byform`), added to ``parsed``
    as names of their own (role ``text``); returns the acronyms the texts define for them, and the pairs
    of names a text gives as one ("Open Square Foundation (Fundacja Otwarty Plac)")."""
    known = sorted({(normalise(n.text), p.key) for n, p in parsed.items() if p.unit_of is None})
    by_stems: dict[str, list[tuple[str, str]]] = defaultdict(list)
    known_names = {folded for folded, _key in known}
    by_last_word: dict[str, list[str]] = defaultdict(list)
    for folded, key in known:
        by_stems[stems_of(folded)].append((folded, key))
        if " " in folded:
            by_last_word[folded.rsplit(" ", 1)[1]].append(folded)
    bare: dict[str, set[str]] = defaultdict(set)
    """The plain words of each front-matter name without a form of its own → its keys ("Open Square")."""
    for n, p in parsed.items():
        if p.key.startswith("name:") and p.unit_of is None:
            bare[plain_words(n.text)].add(p.key)
    keys = {p.key for p in parsed.values()}
    front: dict[str, Name | None] = {}
    """Front-matter names (normalised) → the name, ``None`` where two organisations share the words."""
    for n, p in parsed.items():
        if p.unit_of is None and n.role != "text":
            folded = normalise(n.text)
            if folded in front and (front[folded] is None or parsed[cast(Name, front[folded])].key != p.key):
                front[folded] = None
            else:
                front.setdefault(folded, n)
    acronyms: dict[Name, str] = {}
    aliases: list[tuple[Name, Name]] = []
    seen: dict[str, Name] = {}
    translations = _Translations(parsed)
    cjk_known = sorted({cjk_key(n.text) for n in parsed if has_cjk(n.text) and n.role != "text"})
    said = [st for st in ctx.statements if isinstance(st.object, TextIn) and "organisation" in st.object.kinds]
    texts = [cast(TextIn, st.object).text for st in said]
    by_form = from_both_ends(names_by_form, texts, "finding names by their form", workers=workers)
    for st, words, names in zip(said, texts, by_form, strict=True):
        here: dict[str, Name] = {}
        for found, acronym in names:
            found = _without_words_before(found, known_names)
            if found in seen and acronym is None:
                here[found] = seen[found]
                continue
            if registry.by_name(found, "platform") is not None or registry.by_name(found, "place") is not None:
                continue  # "Cap Collectif" is software, "Region Skåne" the registry may hold as a place
            if found not in seen and (_inside_a_known_name(found, words, by_last_word)
                                      or _joins_a_known_name(found, known_names)
                                      or (has_cjk(found) and _inside_a_known_cjk_name(found, words, cjk_known))):
                continue  # "Romsdal County Council" of "Møre og Romsdal County Council", cut at its "og"
            name = seen.get(found) or Name(found, None, st.source, None, "text")
            seen[found] = here[found] = name
            p = parsed.setdefault(name, _parse(name, registry, cores))
            if p.key not in keys and p.key.startswith(("name:", "type:", "place:")):
                # "Erasmus Universiteit" in a post is the front matter's "Erasmus Universiteit Rotterdam"
                prefix = normalise(found) + " "
                longer = set()
                for text, key in known[bisect_left(known, (prefix, "")):]:
                    if not text.startswith(prefix):
                        break
                    longer.add(key)
                # "Szegedi Tudományegyetemen" is the front matter's "Szegedi Tudományegyetem" declined
                declined = {key for folded, key in by_stems.get(stems_of(normalise(found)), ())
                            if declined_form(folded, normalise(found))}
                if len(declined) == 1:
                    p.key = next(iter(declined))
                elif p.key.startswith("place:"):
                    pass
                elif len(longer) == 1:
                    p.key = next(iter(longer))
                elif caseless(found) and len(ending := {key for text, key in known
                                                                if text.endswith(" " + normalise(found))}) == 1:
                    p.key = next(iter(ending))  # "თბილისის სახელმწიფო უნივერსიტეტი" of "ივანე … სახელობის თბილისის …"
                elif p.key.startswith("type:") and len(plain := bare.get(without_type_word(found) or "", set())) == 1:
                    p.key = next(iter(plain))  # "Open Square Foundation" is the site's "Open Square"
                elif len(translated := translations.of(found)) == 1:
                    p.key = next(iter(translated))  # "European Environment Agency" is "Agência Europeia do Ambiente"
            if acronym:
                acronyms[name] = acronym
        aliases += _given_as_one(words, here, front)
    return acronyms, aliases


def _without_words_before(found: str, known: set[str]) -> str:
    """A name found by its form without the one or two words before a front-matter name it ends with:
    "Projeyi Ankara Katılım Vakfı" (a sentence's first word, "the project") is the site's "Ankara Katılım
    Vakfı", "the Amman-based Al-Sharq Foundation …" its "Al-Sharq Foundation …"."""
    if normalise(found) in known:
        return found
    words = found.split()
    for drop in (1, 2):
        rest = " ".join(words[drop:])
        if len(words) - drop >= 2 and normalise(rest) in known:
            return rest
    return found


class _Translations:
    """The site's front-matter names by their kind and words, to find one a text writes in another language
    (:func:`kg.resolve.align.translation_of`); indexed when first asked."""

    def __init__(self, parsed: dict[Name, _Parsed]) -> None:
        self._parsed = parsed
        self._index: dict[tuple[str, str], set[Name]] | None = None

    def of(self, found: str) -> set[str]:
        """The keys of the organisations whose front-matter name ``found`` translates."""
        kind, keys = word_keys(found)
        if kind is None or not keys:
            return set()
        if self._index is None:
            self._index = defaultdict(set)
            for n, p in self._parsed.items():
                if p.unit_of is None and n.role != "text":
                    name_kind, name_keys = word_keys(n.text)
                    if name_kind is not None:
                        for key in name_keys:
                            self._index[name_kind, key].add(n)
        candidates = {n for key in keys for n in self._index.get((kind, key), ())}
        return {self._parsed[n].key for n in candidates if translation_of(found, n.text)}


_AND = re.compile(r"\s(?:and|och|og|et|y|e|und|en|i|ja|és|a|și|ir)\s", re.IGNORECASE)


def _joins_a_known_name(found: str, known: set[str]) -> bool:
    """Whether a name found by its form is two names joined by "and", one of them the site's own (found on
    its own): "City of Yokohama and Code Tsumugi"."""
    for match in _AND.finditer(found):
        left, right = normalise(found[:match.start()]), normalise(found[match.end():])
        if left in known or right in known or right.removeprefix("the ") in known:
            return True
    return False


def _inside_a_known_cjk_name(found: str, text: str, known: list[str]) -> bool:
    """Whether a Chinese or Japanese name found by its form is part of a longer front-matter name the text
    writes ("一般社団法人コード" of "一般社団法人コードつむぎ", cut where the kana begin)."""
    key, written = cjk_key(found), cjk_key(text)
    return any(key in name and key != name and name in written for name in known)


def _inside_a_known_name(found: str, text: str, by_last_word: dict[str, list[str]]) -> bool:
    """Whether a name found by its form is the end of a longer front-matter name the text writes."""
    key = normalise(found)
    if not key:
        return False
    longer = [k for k in by_last_word.get(key.rsplit(" ", 1)[-1], ()) if k.endswith(" " + key)]
    if not longer:
        return False
    padded = f" {normalise(text)} "
    return any(f" {k} " in padded for k in longer)


def _given_as_one(text: str, found: dict[str, Name], front: Mapping[str, Name | None]) -> list[tuple[Name, Name]]:
    """Names a text gives as one, the second in parentheses after the first ("Open Square Foundation
    (Fundacja Otwarty Plac)", "Universität zu Köln (University of Cologne)"): both of one kind by their
    forms, and of no two countries. One of the two may be a front-matter name the text writes ("the
    Estonian Information System Authority (Riigi Infosüsteemi Amet)")."""
    out = []
    for a, name_a in found.items():
        at = text.find(a + " (")
        while at != -1:
            start = at + len(a) + 2
            end = text.find(")", start)
            b = text[start:end] if end != -1 else ""
            other = found.get(b) or (front.get(normalise(b)) if b and b not in found else None)
            if other is not None and b != a and _one_kind_and_country(a, b):
                out.append((name_a, other))
            at = text.find(a + " (", start)
        at = text.find(" (" + a + ")")
        while at > 0:
            before = text[max(0, at - 120) : at]
            for cut in range(len(before)):  # the longest front-matter name ending just before the parenthesis
                if (cut == 0 or not before[cut - 1].isalnum()) and (other := front.get(normalise(before[cut:]))):
                    if normalise(before[cut:]) != normalise(a) and _one_kind_and_country(before[cut:], a):
                        out.append((other, name_a))
                    break
            at = text.find(" (" + a + ")", at + 1)
    return out


def _one_kind_and_country(a: str, b: str) -> bool:
    kind = kind_of(a)
    if kind is None or kind != kind_of(b):
        return False
    ca, cb = country_of_form(a, None) or country_in_name(a), country_of_form(b, None) or country_in_name(b)
    return not (ca and cb and ca != cb)


def _site_gazetteer(ctx: MapContext, registry: Registry, members: dict[str, list[Name]],
                    parsed: dict[Name, _Parsed], acronyms: dict[Name, str] | None = None) -> Gazetteer:
    """Every organisation the site's front matter names, under each of its forms (see
    :mod:`kg.resolve.gazetteer`), with the abbreviations the site's texts define for them."""
    gazetteer = Gazetteer()
    for root, group in sorted(members.items()):
        kind = None
        if root.startswith("place:"):
            kind = "metro" if root.split(":")[2] == "metro" else root.split(":")[1]
        forms = {_unit_part(n, parsed[n]) if parsed[n].unit_name else n.text for n in group}
        if root.startswith("reg:") and (entry := registry.get("organisation", root[4:])) is not None:
            kind = entry.category
            forms.update(entry.surface_forms())
        for form in sorted(forms):
            gazetteer.add_name(form, root, kind or kind_of(form))
        for n in group:
            if acronyms and n in acronyms:
                gazetteer.add_acronym(acronyms[n], root)
            p = parsed[n]
            if p.unit_of and not p.unit_of.startswith("reg:"):  # the parent of "Parent, Unit" is named too
                parent = _parent_display(p, n)
                gazetteer.add_name(parent, p.unit_of, kind_of(parent))
    _initialisms(gazetteer, members, parsed)
    if len(gazetteer):
        gazetteer.learn_acronyms(st.object.text for st in ctx.statements
                                 if isinstance(st.object, TextIn) and "organisation" in st.object.kinds)
    return gazetteer


def _initialisms(gazetteer: Gazetteer, members: dict[str, list[Name]], parsed: dict[Name, _Parsed]) -> None:
    """A name of three words or more is found by its initials too, when no other organisation of the site
    has them ("University College London" → UCL, "University of Manchester" → UoM, "Foreign, Commonwealth &
    Development Office" → FCDO), as a text writes them: capitals, a small word's lower-case letter."""
    from kg.resolve.byform import _CONNECTORS

    claimed: dict[str, set[str]] = defaultdict(set)
    for root, group in members.items():
        for n in group:
            base = split_parenthesis(_unit_part(n, parsed[n]) if parsed[n].unit_name else n.text)[0]
            words = [w for w in re.split(r"[\s,&/]+", legal_form_stripped(base)) if w]
            content = [w for w in words if w.lower() not in _CONNECTORS]
            if len(content) < 3 or not all(w[:1].isupper() for w in content):
                continue
            claimed["".join(w[0] for w in content).upper()].add(root)
            with_small = "".join(w[0].lower() if w.lower() in _CONNECTORS else w[0].upper() for w in words)
            if with_small != with_small.upper():
                claimed[with_small].add(root)
    for initials, roots in sorted(claimed.items()):
        if len(roots) == 1 and len(initials) >= 3 and initials.isalpha():
            gazetteer.add_acronym(initials, next(iter(roots)))


def _registry_cores(registry: Registry) -> dict[tuple[str, str], Entry | None]:
    """(kind, place) → the registry's municipality or region of that place (``None`` if several)."""
    out: dict[tuple[str, str], Entry | None] = {}
    for entry in registry.entries.values():
        if entry.kind != "organisation" or entry.category not in PLACE_KINDS_OF_ORGANISATIONS or entry.parent:
            continue
        for form in entry.surface_forms():
            core = place_core(form, entry.category)
            if core:
                core = canonical_place(core)
                held = out.setdefault((entry.category, core), entry)
                if held is not None and held is not entry:
                    out[(entry.category, core)] = None
    return out


_TOWN_COUNCIL = re.compile(r"([A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+)?) Council")
"""A town's name and "Council" ("Camden Council", "Bristol Council"): that town's municipality."""


def _name_key(base: str, registry: Registry, cores: dict[tuple[str, str], Entry | None]) -> str:
    """The key of a name without unit or country: registry id, else the place a municipality or
    region is named after ("Ville de Lyon" and "City of Lyon" meet), else the normalised name."""
    kind = kind_of(base)
    if kind is None and (council := _TOWN_COUNCIL.fullmatch(base.strip())) and town(council.group(1)) is not None:
        return f"place:municipality:{canonical_place(fold(council.group(1)))}"  # "Camden Council" is Camden's
    if kind in PLACE_KINDS_OF_ORGANISATIONS and (core := place_core(base, kind)):
        core = canonical_place(core)
        if is_metropolitan(base):
            if not core.startswith("geo") and " " in core and len(first := core.split(" ", 1)[0]) >= 4 and \
                    (town_key := canonical_place(first)).startswith("geo"):
                core = town_key  # "Grenoble-Alpes Métropole" is the "Métropole de Grenoble": one a town
            return f"place:{kind}:metro:{core}"  # "Métropole de Lyon" is not "Ville de Lyon"
        entry = cores.get((kind, core))
        return f"reg:{entry.id}" if entry is not None else f"place:{kind}:{core}"
    bare = legal_form_stripped(base)
    if bare != base and (entry := registry.by_name(bare)) is not None:
        return f"reg:{entry.id}"
    if typed := type_core(bare):
        return f"type:{typed}"
    return f"name:{normalise(bare) or normalise(base)}"


def _site_title(ctx: MapContext, registry: Registry, cores: dict[tuple[str, str], Entry | None],
                parsed: dict[Name, _Parsed]) -> None:
    """The site's title is its organisation's short name when it is the name without its legal form or
    type word ("Brückenlabor" for "Brückenlabor e.V.", "Open Square" for "Open Square Foundation"), or
    the name's first words ("Lanternfish" for "Lanternfish Civic Design, Inc.")."""
    site = next((n for n in parsed if n.role == "site"), None)
    title = (ctx.config.title or "").strip()
    if site is None or not title or title == site.text or not parsed[site].key.startswith(("name:", "type:")):
        return
    name = Name(title, None, site.file, None, "site")
    p = _parse(name, registry, cores)
    own, short = normalise(site.text), normalise(title)
    if p.key == parsed[site].key or plain_words(title) == without_type_word(site.text) or (
            len(short) >= 5 and own.startswith(short + " ")):  # "Lanternfish" of "Lanternfish Civic Design, Inc."
        p.key = parsed[site].key
        parsed[name] = p


def _own_organisation(parsed: dict[Name, _Parsed], registry: Registry, site_url: str) -> str | None:
    """The site's organisation is the registry's entry only if that entry's homepage is the site's host:
    another site whose name resembles an entry ("DigiDem" and "Digidem Lab") is its own organisation,
    and gets none of the entry's facts. Returns the key of the entry the site's name displaced: whatever
    names that entry (a link, a text) names the site's organisation."""
    own = registry.by_url(site_url, frozenset({"organisation"}))
    site = next((n for n in parsed if n.role == "site"), None)
    key = parsed[site].key if site is not None else None
    if site is None or key is None or not key.startswith("reg:") or (own is not None and key == f"reg:{own.id}"):
        return None
    for p in parsed.values():
        if p.key == key:  # the site's own name wherever the site writes it (as a partner, say)
            p.key = f"name:{normalise(site.text)}"
    return key


def _bare_places(parsed: dict[Name, _Parsed]) -> None:
    """A client written as a bare place name ("Rotterdam (Netherlands)") is the site's own
    municipality (or region) of that place, when the site names exactly one and no other
    organisation of the site carries the place in its name (Uppsala could be its university)."""
    places: dict[str, set[str]] = defaultdict(set)
    for p in parsed.values():
        if p.key.startswith("place:"):
            places[p.key.rsplit(":", 1)[1]].add(p.key)
    if not places:
        return
    words = Counter(w for p in parsed.values() if p.key.startswith(("name:", "type:"))
                    for w in set(p.key.rsplit(":", 1)[1].split()))
    for p in parsed.values():
        if not p.key.startswith("name:") or p.unit_of:
            continue
        bare = p.key[5:]
        targets = places.get(canonical_place(bare), set())
        # "Rotterdam (Netherlands)" is plainly a place's body; a bare "Uppsala" could be its university
        if len(targets) == 1 and " " not in bare and (words[bare] == 1 or p.country is not None):
            p.key = next(iter(targets))


_EXECUTIVE = re.compile(r"\b(city|town) hall\b|\bmayor s office\b|\boffice of the mayor\b|\bmayoralty\b|\bmeria\b|"
                        r"\bkaghakapetaran\w*")
"""A town's executive: its city hall, the mayor's office (Georgian მერია, Armenian քաղաքապետարան)."""
_COUNCIL = re.compile(r"\b(city|town|municipal) council\b|\bsakrebulo\b|\bcity assembly\b|\bavagani\b")
"""A town's elected council (Georgian საკრებულო, Armenian ավագանի)."""


def _councils_apart(parsed: dict[Name, _Parsed]) -> None:
    """A town whose site names both its city hall and its council has two bodies there: the mayor's
    office and the elected council ("Tbilisi City Hall" / "თბილისის მერია" and "Tbilisi City Council" /
    "თბილისის საკრებულო"). The council's names are keyed apart; the town's other names ("City of
    Tbilisi") stay with its city hall. A site naming only one of them keeps one municipality, as "City
    Council" is the municipality itself in most places."""
    executive: set[str] = set()
    council: set[str] = set()
    for name, p in parsed.items():
        if p.key.startswith("place:municipality:") and not p.unit_of:
            words = fold(name.text)
            if _EXECUTIVE.search(words):
                executive.add(p.key)
            elif _COUNCIL.search(words):
                council.add(p.key)
    both = executive & council
    for name, p in parsed.items():
        if p.key in both and not p.unit_of and _COUNCIL.search(words := fold(name.text)) and \
                not _EXECUTIVE.search(words):
            p.key += ":council"


def _parse(name: Name, registry: Registry, cores: dict[tuple[str, str], Entry | None] | None = None) -> _Parsed:
    cores = cores if cores is not None else {}
    base, paren = split_parenthesis(name.text)
    country = registry.country(paren) if paren else None
    if paren and country is None:
        base = name.text  # "(NYC)" is part of the name, not a country
    entry = registry.by_name(base) or registry.by_name(name.text)
    if entry is not None:
        return _Parsed(f"reg:{entry.id}", country)
    unit = split_unit(base)
    if unit is not None:
        left, right = unit
        left_entry, right_entry = registry.by_name(left), registry.by_name(right)
        if registry.by_name(right, "place") is not None and right_entry is None:
            # "Bostadsbolaget, Gothenburg": an organisation and its town
            return _Parsed(f"reg:{left_entry.id}" if left_entry else _name_key(left, registry, cores), country)
        if right_entry is not None and left_entry is None:
            parent_key = f"reg:{right_entry.id}"
            return _Parsed(f"unit:{parent_key}|{normalise(left)}", country, parent_key, left)
        parent_key = f"reg:{left_entry.id}" if left_entry else _name_key(left, registry, cores)
        return _Parsed(f"unit:{parent_key}|{normalise(right)}", country, parent_key, right)
    return _Parsed(_name_key(base, registry, cores), country)


_FOUNDATION = ("stiftelse", "foundation", "fondation", "stiftung", "fundacion", "fundacio", "fondazione", "stichting",
               "fund", "fonds", "fonden", "saatio", "trust")


def _homepage_like(url: str) -> bool:
    """Whether a URL looks like an organisation's homepage: http(s), and at most one short path segment."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    path = parts.path.strip("/")
    return parts.scheme in ("http", "https") and bool(parts.netloc) and "/" not in path and len(path) <= 12


def _registry_country(registry: Registry, iri: NamedNode, iri_of_root: dict[str, NamedNode]) -> str | None:
    """The country code of the registry entry whose organisation ``iri`` is, if any."""
    for root, node in iri_of_root.items():
        if node == iri and root.startswith("reg:"):
            entry = registry.get("organisation", root[4:])
            place = registry.get("place", entry.country) if entry is not None and entry.country else None
            if place is not None:
                return next((c for form in place.surface_forms() if (c := country_code(form))), None)
    return None


def _country_of(names: list[str], langs: list[str | None], kind: str | None,
                site_lang: str | None = None) -> str | None:
    """The country an organisation's names say: a form of one country ("kommun", "S.r.l."), a country's
    name or adjective ("Agencia Española …"), the town a municipality or region is named after, or the
    one country of the big towns in a university's, institute's or agency's name ("Université Grenoble
    Alpes"). A form in the site's own language says nothing where another name is in a language not
    spoken in that country: it is the site's translation ("Açık Mahalle Derneği" of 'שכונה פתוחה (ע"ר)')."""
    if kind == "intergovernmental":
        return None
    english: str | None = None
    """The country an English name's form says ("… County Council": GB), unless another name or the town
    says one: "Cluj County Council" is Romania's, "Møre og Romsdal County Council" Norway's."""
    for name in names:
        if code := country_in_name(name):
            if not _english(name):
                return code
            english = english or code
    for name, lang in zip(names, langs, strict=True):
        if code := country_of_form(name, lang):
            if not _english(name) and (elsewhere := _town_elsewhere(name, lang, kind, code, langs)) is not None:
                return elsewhere  # "Mairie de Dakar", "Universiteit Stellenbosch": the town's, not the form's
            if not _english(name) and _translated_here(lang, code, langs, site_lang):
                continue
            if not _english(name):
                return code
            english = english or code
    if kind in PLACE_KINDS_OF_ORGANISATIONS:
        for name, lang in zip(names, langs, strict=True):
            if core := place_core(name, kind):
                if kind == "region" and (code := region_country(core)):
                    return code  # "Government of Ontario" is Canada's province, not the Californian town
                found = town(core, lang)
                if found is not None and (english is None or found.country not in _ENGLISH_SPEAKING) and \
                        ((found.main and found.population >= 100_000) or spoken_in(found.country, langs)):
                    return found.country  # a small town, or a town by another of its names ("Bâle"), only
                    # where a language of the pages is spoken
                if english is None and (code := region_country(core)) and spoken_in(code, langs):
                    return code
    if english is not None:
        return english
    if kind in ("university", "research-institute", "agency"):
        found_in = {t.country for name in names for t in towns_in(name)} | {c for name in names
                                                                           for c in regions_in(name)}
        if len(found_in) == 1:
            return next(iter(found_in))
    return next((code for name, lang in zip(names, langs, strict=True) if (code := script_country(name, lang))),
                None)  # "กรุงเทพมหานคร": Thai


def _translated_here(lang: str | None, code: str, langs: list[str | None], site_lang: str | None) -> bool:
    """Whether a name in ``lang`` whose form says ``code`` is the site's own translation of a name in a
    language not spoken in ``code`` (see :func:`_country_of`)."""
    base = _base_lang(lang) or site_lang  # a name of a page without a language is in the site's
    if site_lang is None or base != site_lang:
        return False
    others = {b for other in langs if (b := _base_lang(other)) and b != base and b not in NEUTRAL_LANGUAGES}
    return any(not spoken_in(code, [other]) for other in others)


def _town_elsewhere(name: str, lang: str | None, kind: str | None, form_country: str,
                    langs: list[str | None]) -> str | None:
    """The country of the town a name is made of, when no town of that name is in the country its form
    says and a language of its names is spoken there: a French form names Dakar's municipality, a Dutch
    one Stellenbosch's university ("Ayuntamiento de Guadalajara" stays Spain's: Spain has a Guadalajara)."""
    core = place_core(name, kind) if kind in PLACE_KINDS_OF_ORGANISATIONS else None
    found = [t for t in [town(core, lang)] if t is not None] if core else []
    if not found:
        core = None
        named_after = kind in (*PLACE_KINDS_OF_ORGANISATIONS, "university", "research-institute", "agency")
        # "Büyük Amman Belediyesi": Amman in a "Greater Amman"; a company's or an association's words may be
        # any word, so only a big town counts there ("Kinshasa … ASBL", not "UAB Balsas")
        found = towns_in(name, 20_000 if named_after else 500_000)
    if len({t.country for t in found}) != 1 or found[0].country == form_country:
        return None
    place = found[0]
    own = [lang for lang in langs if lang and lang.split("-")[0].lower() not in NEUTRAL_LANGUAGES]
    if not (any(spoken_in(place.country, [lang]) for lang in own) if own else spoken_in(place.country, langs)):
        return None  # a language of one of the names is spoken there (Hebrew in Israel, for "Tel Aviv Belediyesi")
    words = core
    if words is not None and form_country in towns_of_name(words):
        return None
    if words is None and any(form_country in towns_of_name(fold(w)) for w in name.replace("-", " ").split()
                             if w[:1].isupper() and len(w) > 3):
        return None
    return place.country


def _kinds_in_sentences(registry: Registry, members: dict[str, list[Name]], parsed: dict[Name, _Parsed],
                        texts: list[tuple[str, set[str]]]) -> dict[str, str]:
    """The kinds the site's sentences give organisations whose names have no form (:mod:`kg.resolve.appositions`)."""
    forms: dict[str, str] = {}
    for root, group in members.items():
        if root.startswith(("reg:", "place:")) or any(
                kind_of(part := _unit_part(n, parsed[n])) and not weakly_typed(part) for n in group):
            continue
        for n in group:
            form = _unit_part(n, parsed[n]).strip().lower()
            if len(form) >= 3:
                forms.setdefault(form, root)
    return kinds_said(texts, forms)


def _kind_of_names(names: list[str], roles: set[str], parent: str | None = None) -> str | None:
    """The kind most of an organisation's names say; a foundation that only ever funds is a funder;
    a unit with no form of its own is of its parent's kind (a district of a city is municipal)."""
    votes = Counter(k for name in names if (k := kind_of(name)))
    if not votes:
        kind = parent if parent in ("municipality", "region", "agency", "university") else None
    else:
        order = [k for k, _ in KIND_PATTERNS]
        kind = sorted(votes.items(), key=lambda kv: (-kv[1], order.index(kv[0]) if kv[0] in order else 99))[0][0]
    if roles == {"funder"} and (kind is None or (kind == "ngo" and any(
            word in fold(name).split() for name in names for word in _FOUNDATION))):
        return "funder"  # a foundation that only funds, or a body known only for funding
    return kind


def _parent_kind(parent_key: str, registry: Registry, parsed: dict[Name, _Parsed]) -> str | None:
    if parent_key.startswith("reg:"):
        entry = registry.get("organisation", parent_key[4:])
        return entry.category if entry is not None else None
    if parent_key.startswith("place:"):
        return parent_key.split(":")[1]
    return kind_of(parent_key.split(":", 1)[1])


def _unit_part(name: Name, p: _Parsed) -> str:
    """The name of the organisation itself: the unit's own part of "Parent, Unit"."""
    return p.unit_name if p.unit_name else _display(name, p)


def _display(name: Name, p: _Parsed) -> str:
    base, _paren = split_parenthesis(name.text)
    return base if p.country is not None else name.text


def _parent_display(p: _Parsed, name: Name) -> str:
    unit = split_unit(split_parenthesis(name.text)[0])
    if unit is None:
        return name.text
    left, right = unit
    return right if p.unit_name == left else left


def _typed(types: dict[str, str | None], name: str) -> str | None:
    if name not in types:
        types[name] = type_word(name)
    return types[name]


def _declined_translations(parsed: dict[Name, _Parsed], clusters: _Clusters, diags: Diagnostics) -> list[dict]:
    """A foundation, university or association named in two languages (its type word in each, or pages in
    each), the other words the same but declined ("Koneen Säätiö", "Kone Foundation"), is one organisation.
    Names with one type word on pages of one language are never merged this way: there the endings may
    tell two bodies apart."""
    buckets: dict[tuple[str, int, tuple[str, ...]], list[tuple[list[str], Name]]] = defaultdict(list)
    types: dict[str, str | None] = {}
    for name, p in sorted(parsed.items(), key=lambda item: (item[0].file, item[0].text)):
        if not p.key.startswith("type:") or p.unit_of:
            continue
        kind, core = p.key[5:].split(":", 1)
        words = core.split()
        buckets[(kind, len(words), tuple(sorted(w[:3] for w in words)))].append((words, name))
    merges = []
    for group in buckets.values():
        for i, (words_a, a) in enumerate(group):
            for words_b, b in group[i + 1:]:
                if clusters.find(parsed[a].key) == clusters.find(parsed[b].key) or a.role == b.role == "text":
                    continue  # (two names found in running text alone are never merged: neither is stated)
                if a.lang == b.lang and _typed(types, a.text) == _typed(types, b.text):
                    continue  # one language, one type word: the endings may tell two bodies apart
                rest = list(words_b)
                for word in words_a:
                    match = next((w for w in rest if declined_alike(word, w)), None)
                    if match is None:
                        break
                    rest.remove(match)
                else:
                    if clusters.union(parsed[a].key, parsed[b].key):
                        evidence = "the same type word and the same words, declined, in two languages"
                        merges.append({"names": sorted([a.text, b.text]), "files": sorted({a.file, b.file}),
                                       "evidence": evidence})
                        diags.add(b.file, "merged-by-translation",
                                  f"{a.text!r} ({a.lang}, {a.file}) and {b.text!r} ({b.lang}): taken as one "
                                  f"organisation ({evidence})", line=b.line,
                                  suggestion="adding one as an alias of the other in _data/kg/registry.yml")
    return merges


def _given_in_parentheses(aliases: list[tuple[Name, Name]], parsed: dict[Name, _Parsed], clusters: _Clusters,
                          diags: Diagnostics) -> list[dict]:
    """Names a text gives as one (:func:`_given_as_one`), merged and reported."""
    merges = []
    for a, b in aliases:
        if clusters.union(clusters.find(parsed[a].key), clusters.find(parsed[b].key)):
            merges.append({"names": sorted([a.text, b.text]), "files": [a.file],
                           "evidence": "a text gives the second in parentheses after the first"})
            diags.add(a.file, "merged-by-translation", f"{a.text!r} and {b.text!r}: taken as one organisation "
                      f"(a text gives {b.text!r} in parentheses after {a.text!r})",
                      suggestion="adding one as an alias of the other in _data/kg/registry.yml")
    return merges


_ACRONYM = re.compile(r"^[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž0-9&]{1,9}$")


def _shared_acronyms(parsed: dict[Name, _Parsed], acronyms: dict[Name, str], clusters: _Clusters,
                     diags: Diagnostics) -> list[dict]:
    """Names given one acronym are one organisation: a text defines it for one by its initials
    ("Dansk Ungdoms Fællesråd (DUF)") and another carries it in parentheses ("Danish Youth Council (DUF)"),
    both of one kind by their forms (or neither of any) and of no two countries. An acronym given to more than two is
    left alone."""
    claims: dict[str, dict[str, Name]] = defaultdict(dict)
    for name, acronym in acronyms.items():
        claims[acronym].setdefault(clusters.find(parsed[name].key), name)
    for name, p in parsed.items():
        base, paren = name.text.rsplit(" (", 1) if name.text.endswith(")") and " (" in name.text else ("", "")
        if base and _ACRONYM.match(paren[:-1]) and p.unit_of is None:
            claims[paren[:-1]].setdefault(clusters.find(p.key), name)
    merges = []
    for acronym, roots in sorted(claims.items()):
        if len(roots) != 2 or not any(name in acronyms for name in roots.values()):
            continue
        a, b = sorted(roots.values(), key=lambda n: (n.file, n.text))
        ta, tb = (n.text.rsplit(" (", 1)[0] if n.text.endswith(f"({acronym})") else n.text for n in (a, b))
        ka, kb = kind_of(ta), kind_of(tb)
        ca, cb = (country_of_form(t, n.lang) or country_in_name(t) for t, n in ((ta, a), (tb, b)))
        if ka != kb or (ca and cb and ca != cb):
            continue
        if clusters.union(*roots):
            merges.append({"names": sorted([a.text, b.text]), "files": sorted({a.file, b.file}),
                           "evidence": f"both are given the acronym {acronym}"})
            diags.add(b.file, "merged-by-translation", f"{a.text!r} ({a.file}) and {b.text!r}: taken as one "
                      f"organisation (both are given the acronym {acronym})", line=b.line,
                      suggestion="adding one as an alias of the other in _data/kg/registry.yml")
    return merges


def _units_named_alone(parsed: dict[Name, _Parsed], clusters: _Clusters, diags: Diagnostics) -> list[dict]:
    """A unit written without its parent ("Senatsverwaltung für Stadtentwicklung") is the site's one unit of
    that name ("Land Berlin, Senatsverwaltung für Stadtentwicklung"), when the site names only one."""
    units: dict[str, set[str]] = defaultdict(set)
    named: dict[str, Name] = {}
    for n, p in parsed.items():
        if p.unit_of and p.unit_name:
            units[normalise(p.unit_name)].add(p.key)
            named.setdefault(p.key, n)
    merges = []
    for n, p in sorted(parsed.items(), key=lambda item: (item[0].file, item[0].text)):
        if p.unit_of is not None or p.key.startswith("reg:") or len(n.text.split()) < 2:
            continue
        found = units.get(normalise(n.text))
        if found and len(found) == 1 and clusters.union(clusters.find(next(iter(found))), clusters.find(p.key)):
            unit = named[next(iter(found))]
            merges.append({"names": sorted([n.text, unit.text]), "files": sorted({n.file, unit.file}),
                           "evidence": "the site's one unit of that name, written without its parent"})
            diags.add(n.file, "merged-by-translation", f"{n.text!r} and {unit.text!r} ({unit.file}): taken as one "
                      "organisation (the site's one unit of that name, written without its parent)", line=n.line,
                      suggestion="adding one as an alias of the other in _data/kg/registry.yml")
    return merges


def _align_translations(parsed: dict[Name, _Parsed], clusters: _Clusters, diags: Diagnostics) -> list[dict]:
    """Names of the two languages' lists of one project that the evidence says are one entity
    (see :mod:`kg.resolve.align`); merged and reported, or only proposed."""
    slots: dict[str, dict[str, dict[int, Name]]] = defaultdict(lambda: defaultdict(dict))
    for name in parsed:
        if name.slot is not None and name.lang:
            group, index = name.slot
            slots[group][name.lang][index] = name
    found, proposed = align({g: v for g, v in slots.items() if len(v) > 1},
                            lambda n: clusters.find(parsed[n].key))
    merges = []
    for pair in found:
        a, b = pair.a, pair.b
        ka, kb = clusters.find(parsed[a].key), clusters.find(parsed[b].key)
        if ka == kb or not clusters.union(ka, kb):
            continue
        merges.append({"names": sorted([a.text, b.text]), "files": sorted({a.file, b.file}), "evidence": pair.evidence})
        diags.add(b.file, "merged-by-translation",
                  f"{a.text!r} ({a.lang}, {a.file}) and {b.text!r} ({b.lang}) in the {a.role} lists of one project: "
                  f"taken as one organisation ({pair.evidence})",
                  line=b.line, suggestion="adding one as an alias of the other in _data/kg/registry.yml")
    for pair in proposed:
        a, b = pair.a, pair.b
        if clusters.find(parsed[a].key) == clusters.find(parsed[b].key):
            continue
        diags.add(b.file, "proposed-merge",
                  f"{a.text!r} ({a.lang}, {a.file}) and {b.text!r} ({b.lang}) in the {a.role} lists of one project "
                  f"may be one organisation ({pair.evidence}); kept apart",
                  line=b.line, suggestion=f"if they are, list {b.text!r} among the aliases of {a.text!r} in "
                  "_data/kg/registry.yml")
    return merges


def _mint(ctx: MapContext, registry: Registry, clusters: _Clusters, parsed: dict[Name, _Parsed],
          members: dict[str, list[Name]], displaced: str | None = None) -> dict[str, NamedNode]:
    """One IRI per cluster root: the registry id, or a slug of the preferred name."""
    out: dict[str, NamedNode] = {}
    taken: set[str] = {e.id for e in registry.entries.values() if e.kind == "organisation"}
    if displaced is not None:
        taken.discard(displaced[4:])  # the site's own organisation takes the place of that entry
    roots = set(members) | {clusters.find(p.unit_of) for p in parsed.values() if p.unit_of}

    def preferred(root: str) -> str:
        group = members.get(root, [])
        site_lang = ctx.config.lang
        counts = Counter(_display(n, parsed[n]) for n in group if n.lang in (site_lang, None)) or \
            Counter(_display(n, parsed[n]) for n in group)
        if not counts:
            return root.split(":", 1)[1].split("|")[-1]
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    def mint(root: str) -> NamedNode:
        if root in out:
            return out[root]
        if root.startswith("reg:"):
            out[root] = ctx.mint.entity("organisation", root[4:])
        elif root.startswith("unit:"):
            parent_root = clusters.find(root[5:].split("|", 1)[0])
            parent = mint(parent_root)
            unit = preferred(root)
            unit_part = split_unit(unit)
            unit_slug = slug(unit_part[1] if unit_part else unit)
            out[root] = NamedNode(f"{parent.value}/{unit_slug}")
        else:
            candidate = slug(preferred(root))
            n = 2
            while candidate in taken:
                candidate = f"{slug(preferred(root))}-{n}"
                n += 1
            taken.add(candidate)
            out[root] = ctx.mint.entity("organisation", candidate)
        return out[root]

    for root in sorted(roots, key=lambda r: (not r.startswith("reg:"), r.startswith("unit:"), r)):
        mint(root)
    return out


def _describe(ctx: MapContext, registry: Registry, entry: Entry, entity) -> list[Statement]:
    """The registry's facts about an entity, in the registry's own named graph."""
    src = REGISTRY_SOURCE if entry.source == REGISTRY_SOURCE else entry.source
    iri = ctx.mint.entity(entry.kind, entry.id)
    out = []
    if entry.kind == "organisation":
        out.append(Statement(iri, RDF_TYPE, schema.Organization, src))
        if entry.category:
            extra = ORGANISATION_TYPES.get(entry.category)
            if extra and extra != "Organization":
                out.append(Statement(iri, RDF_TYPE, schema[extra], src))
            out.append(Statement(iri, kgo.organisationKind, kgo[entry.category], src))
        if entry.parent and (parent := registry.get("organisation", entry.parent)):
            out.append(Statement(iri, schema.parentOrganization, entity(parent), src))
        for place_id in (entry.located_in, entry.country):
            if place_id and (place := registry.get("place", place_id)):
                out.append(Statement(iri, schema.location, entity(place), src))
    elif entry.kind == "platform":
        out.append(Statement(iri, RDF_TYPE, schema.SoftwareApplication, src))
    else:
        out.append(Statement(iri, RDF_TYPE, schema.Place, src))
        if entry.category in _PLACE_TYPES:
            out.append(Statement(iri, RDF_TYPE, schema[_PLACE_TYPES[entry.category]], src))
        for place_id in (entry.contained_in, entry.country):
            if place_id and place_id != entry.id and (place := registry.get("place", place_id)):
                out.append(Statement(iri, schema.containedInPlace, entity(place), src))
                break
    for lang, name in sorted(entry.names.items()):
        out.append(Statement(iri, schema.name, text(name, lang or None), src))
    if entry.homepage and (home := ctx.absolute(entry.homepage)):
        out.append(Statement(iri, schema.url, NamedNode(home), src))
    if entry.wikidata:
        out.append(Statement(iri, schema.sameAs, NamedNode(WD + entry.wikidata), src))
    return out
