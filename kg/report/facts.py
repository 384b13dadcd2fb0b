"""What the report counts, read from the knowledge graph with SPARQL.

Every network in the report is made from these facts, and these facts come only
from the graph (never from the site's YAML), so the report and the graph cannot
disagree. The queries are plain SPARQL over the union graph; a researcher can run
them against ``graph.nq`` and get the same answers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyoxigraph import Literal, NamedNode, QuerySolutions, RdfFormat, Store

from kg.vocab import KGO, RDF, SCHEMA, SKOS

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

PREFIXES = f"PREFIX schema: <{SCHEMA}>\nPREFIX kgo: <{KGO}>\nPREFIX skos: <{SKOS}>\n"

#: Who took part in which project, and in which role.
PARTICIPATION = PREFIXES + """
SELECT ?project ?role ?org WHERE {
  VALUES (?property ?role) { (kgo:client "client") (kgo:partner "partner") (schema:funder "funder") }
  ?project a schema:Project ; ?property ?org .
  ?org a schema:Organization .
}"""

#: Every project with its years (``schema:startDate``/``endDate`` are ``xsd:gYear``).
PROJECTS = PREFIXES + """
SELECT ?project ?start ?end ?ongoing WHERE {
  ?project a schema:Project .
  OPTIONAL { ?project schema:startDate ?start }
  OPTIONAL { ?project schema:endDate ?end }
  OPTIONAL { ?project kgo:ongoing ?ongoing }
}"""

#: The themes (SKOS concepts) a project is about.
PROJECT_THEMES = PREFIXES + """
SELECT ?project ?theme WHERE {
  ?project a schema:Project ; schema:about ?theme .
  ?theme a skos:Concept .
}"""

#: The software platforms a project ran on.
PROJECT_PLATFORMS = PREFIXES + """
SELECT ?project ?platform WHERE {
  ?project a schema:Project ; kgo:platform ?platform .
}"""

#: Names of everything the report shows: preferred names and every other spelling.
NAMES = PREFIXES + """
SELECT ?thing ?name ?preferred WHERE {
  VALUES ?type { schema:Organization schema:Project skos:Concept schema:SoftwareApplication }
  ?thing a ?type .
  { ?thing schema:name ?name BIND(true AS ?preferred) }
  UNION { ?thing skos:prefLabel ?name BIND(true AS ?preferred) }
  UNION { ?thing schema:alternateName ?name BIND(false AS ?preferred) }
}"""

#: The kind of each organisation (a ``kgo:`` concept such as ``kgo:municipality``).
KINDS = PREFIXES + """
SELECT ?org ?kind WHERE { ?org a schema:Organization ; kgo:organisationKind ?kind }"""

#: The site's own organisation: the publisher of the website.
SITE_ORGANISATION = PREFIXES + """
SELECT ?org WHERE { ?site a schema:WebSite ; schema:publisher ?org }"""

#: Every predicate the queries above name: the graph's other statements cannot change their answers.
PREDICATES = frozenset(f"<{iri}>" for iri in (
    RDF + "type", KGO + "client", KGO + "partner", SCHEMA + "funder", SCHEMA + "startDate", SCHEMA + "endDate",
    KGO + "ongoing", SCHEMA + "about", KGO + "platform", SCHEMA + "name", SKOS + "prefLabel",
    SCHEMA + "alternateName", KGO + "organisationKind", SCHEMA + "publisher",
))


_TYPE = f"<{RDF}type>"
TYPES = frozenset(f"<{iri}>" for iri in (SCHEMA + "Project", SCHEMA + "Organization", SKOS + "Concept",
                                          SCHEMA + "SoftwareApplication", SCHEMA + "WebSite"))
"""The types the queries above name."""


def report_store(graph: KnowledgeGraph) -> Store:
    """A pyoxigraph store of the union graph's statements the report's queries can match.

    The queries give the same answers on it as on :meth:`KnowledgeGraph.store` (they
    name no other predicate and no named graph), and it loads in a fraction of the
    time: on a big site most statements are page text, provenance and per-file copies.
    """
    # Every query's subjects are of the types in TYPES (a project, an organisation, a theme, a platform, the
    # website), and the only types they ask for: the statements of other subjects, and other types, cannot
    # change an answer. A triple said by several files is loaded once.
    kept = [row for row in graph.rows if row[1] in PREDICATES]
    typed = {s for s, p, o, _g in kept if p == _TYPE and o in TYPES}
    lines = dict.fromkeys([f"{s} {p} {o} .\n" for s, p, o, _g in kept if s in typed and (p != _TYPE or o in TYPES)])
    store = Store()
    store.load("".join(lines).encode("utf-8"), format=RdfFormat.N_TRIPLES)
    return store


#: The role the site's own organisation has in every project (see :class:`Facts`).
SITE_ROLE = "site"


@dataclass(frozen=True)
class Project:
    """One project: its years and who took part in it, in which roles."""

    iri: str
    name: str
    start: int | None
    end: int | None
    ongoing: bool
    roles: dict[str, frozenset[str]]
    """Organisation IRI → its roles (``client``, ``partner``, ``funder``, ``site``)."""
    themes: tuple[str, ...]
    platforms: tuple[str, ...]

    def years(self, last_year: int | None) -> tuple[int, ...]:
        """The years the project ran: start to end; an ongoing one runs to ``last_year``.

        A project with only an end year ran that year; one with no year at all has
        none (it is in the networks, but in no yearly snapshot).
        """
        start = self.start if self.start is not None else self.end
        if start is None:
            return ()
        end = self.end
        if end is None:
            end = max(start, last_year) if self.ongoing and last_year is not None else start
        return tuple(range(start, max(start, end) + 1))


@dataclass
class Facts:
    """Projects, organisations, themes and platforms as the graph states them.

    The site's own organisation (the website's ``schema:publisher``) runs every
    project on the site — the ontology defines partners as those who worked *beside*
    it — so it is added to every project with the role ``site`` unless the graph
    already lists it.
    """

    projects: dict[str, Project]
    names: dict[str, str]
    """IRI → the name shown in the report."""
    aliases: dict[str, tuple[str, ...]]
    """IRI → every name and spelling the graph has for it (for ``--focus``)."""
    kinds: dict[str, str]
    """Organisation IRI → its kind (``municipality``, ``university`` …)."""
    site_org: str | None
    organisations: tuple[str, ...] = field(default=())
    """Every organisation that took part in a project, sorted by IRI."""
    _last_year: tuple[int | None] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def last_year(self) -> int | None:
        """The latest year any project names: where ongoing projects are taken to run to.
        (Found once: it looks at every project.)"""
        if self._last_year is None:
            years = [y for p in self.projects.values() for y in (p.start, p.end) if y is not None]
            self._last_year = (max(years) if years else None,)
        return self._last_year[0]

    def name(self, iri: str) -> str:
        return self.names.get(iri) or _fallback_name(iri)


def _select(store: Store, sparql: str) -> QuerySolutions:
    """The solutions of one of the SELECT queries above."""
    found = store.query(sparql)
    assert isinstance(found, QuerySolutions)
    return found


def read_facts(store: Store, *, lang: str = "en") -> Facts:
    """Run the report's queries on ``store`` (a pyoxigraph store of the union graph)."""
    # Solutions are read by position: (project, role, org) is the order of each query's SELECT.
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for project, role, org in _select(store, PARTICIPATION):
        roles[project.value][org.value].add(role.value)

    themes: dict[str, set[str]] = defaultdict(set)
    for project, theme in _select(store, PROJECT_THEMES):
        themes[project.value].add(theme.value)
    platforms: dict[str, set[str]] = defaultdict(set)
    for project, platform in _select(store, PROJECT_PLATFORMS):
        platforms[project.value].add(platform.value)

    preferred: dict[str, list[tuple[str, str]]] = defaultdict(list)
    aliases: dict[str, set[str]] = defaultdict(set)
    for thing, name, is_preferred in _select(store, NAMES):
        if not isinstance(name, Literal):
            continue
        aliases[thing.value].add(name.value)
        if is_preferred.value == "true":
            preferred[thing.value].append((name.language or "", name.value))
    names = {thing: _pick(labels, lang) for thing, labels in preferred.items()}

    kinds = {org.value: _local_name(kind.value) for org, kind in _select(store, KINDS)}
    publishers = sorted(org.value for (org,) in _select(store, SITE_ORGANISATION))
    site_org = publishers[0] if publishers else None

    years: dict[str, tuple[set[int], set[int], bool]] = defaultdict(lambda: (set(), set(), False))
    for project, start, end, is_ongoing in _select(store, PROJECTS):
        iri = project.value
        starts, ends, ongoing = years[iri]
        if start is not None:
            starts.update(_years(start))
        if end is not None:
            ends.update(_years(end))
        years[iri] = (starts, ends, ongoing or (is_ongoing is not None and is_ongoing.value == "true"))

    projects: dict[str, Project] = {}
    for iri in sorted(years):
        starts, ends, ongoing = years[iri]
        project_roles = {org: set(r) for org, r in roles.get(iri, {}).items()}
        if site_org is not None:
            project_roles.setdefault(site_org, set()).add(SITE_ROLE)
        projects[iri] = Project(
            iri=iri,
            name=names.get(iri) or _fallback_name(iri),
            start=min(starts) if starts else None,
            end=max(ends) if ends else None,
            ongoing=ongoing,
            roles={org: frozenset(r) for org, r in sorted(project_roles.items())},
            themes=tuple(sorted(themes.get(iri, ()))),
            platforms=tuple(sorted(platforms.get(iri, ()))),
        )
    organisations = tuple(sorted({org for p in projects.values() for org in p.roles}))
    return Facts(
        projects=projects,
        names=names,
        aliases={k: tuple(sorted(v)) for k, v in sorted(aliases.items())},
        kinds=kinds,
        site_org=site_org,
        organisations=organisations,
    )


def _value(term: object) -> str:
    return term.value  # type: ignore[attr-defined]


def _years(term: object) -> set[int]:
    """The year of an ``xsd:gYear`` literal (``"2020"``, ``"-0044"``); none if unreadable."""
    if term is None or isinstance(term, NamedNode):
        return set()
    text = _value(term).strip()
    digits = text[:5] if text.startswith("-") else text[:4]
    try:
        return {int(digits)}
    except ValueError:
        return set()


def _pick(labels: list[tuple[str, str]], lang: str) -> str:
    """The name in ``lang``, else an untagged one, else the first in order (deterministic)."""
    for wanted in (lang, ""):
        matching = sorted(value for tag, value in labels if tag.lower() == wanted.lower())
        if matching:
            return matching[0]
    return sorted(labels)[0][1]


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _fallback_name(iri: str) -> str:
    """A name for a thing the graph names nowhere: the last segment of its IRI."""
    return _local_name(iri.rstrip("/")) or iri
