"""What ``kg serve`` knows about the graph it serves: its store, site, counts, descriptions.

The SPARQL service description and the VoID description are made of pyoxigraph
terms and written by pyoxigraph, so an odd Host header or site title can never
make them invalid RDF.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, cast

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, RdfFormat, Store, Triple, serialize

from kg.export.void import VoidSettings, void_triples
from kg.formats import BY_SUFFIX
from kg.query import site_base
from kg.query.formats import GRAPH_ANSWERS, RESULTS_TABLE
from kg.vocab import DCTERMS, KGO, RDF, SCHEMA, SKOS, XSD

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
DESCRIPTION_PREFIXES = {"sd": SD, "void": VOID, "dcat": DCAT, "dcterms": DCTERMS, "formats": FORMATS_NS,
                        "schema": SCHEMA, "xsd": XSD}

#: Download file name ending → media type, for the files ``kg serve`` offers (from :data:`kg.formats.GRAPH_FORMATS`).
DUMP_TYPES = {suffix: f.media_type for suffix, f in BY_SUFFIX.items()}

#: The IRI prefix of the stand-in endpoint and dumps a cached VoID description is made with.
_STAND_IN = "urn:x-kg-serve:"
_TYPE = NamedNode(RDF + "type")
_NAMES = [NamedNode(SCHEMA + "name"), NamedNode(SKOS + "prefLabel"), NamedNode(SCHEMA + "headline"),
          NamedNode(KGO + "path")]


@dataclass
class Dataset:
    """The served graph: a store (for pages and descriptions) and the files it came from."""

    store: Store
    graph_files: list[Path]
    """Files the query workers load, and the downloads."""
    title: str | None = None
    settings: VoidSettings = field(default_factory=VoidSettings)
    """Licence, publisher and public SPARQL endpoint for the VoID description."""
    base: str | None = field(default=None)
    _voids: dict = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.base is None:
            self.base = site_base(self.store)
        if self.title is None:
            self.title = self._website_literal("name")

    # -- counts ---------------------------------------------------------------------------------
    def known(self, triples: int, classes: dict[str, int]) -> None:
        """The counts, known already (from an on-disk store's manifest): the store is not scanned for them."""
        self.__dict__["triple_count"] = triples
        self.__dict__["class_counts"] = dict(sorted(classes.items()))

    @cached_property
    def triple_count(self) -> int:
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, DefaultGraph()))

    @cached_property
    def class_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for quad in self.store.quads_for_pattern(None, _TYPE, None, DefaultGraph()):
            counts[cast(NamedNode, quad.object).value] += 1
        return dict(sorted(counts.items()))

    @cached_property
    def property_counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for quad in self.store.quads_for_pattern(None, None, None, DefaultGraph()):
            counts[quad.predicate.value] += 1
        return dict(sorted(counts.items()))

    @cached_property
    def description(self) -> str | None:
        return self._website_literal("description")

    def _website_literal(self, local: str) -> str | None:
        if not self.base:
            return None
        website = NamedNode(self.base + "/#website")
        values = sorted(cast(Literal, q.object).value
                        for q in self.store.quads_for_pattern(website, NamedNode(SCHEMA + local), None, DefaultGraph()))
        return values[0] if values else None

    @cached_property
    def publisher(self) -> NamedNode | None:
        if not self.base:
            return None
        for quad in self.store.quads_for_pattern(NamedNode(self.base + "/#website"), NamedNode(SCHEMA + "publisher"),
                                                 None, DefaultGraph()):
            return cast(NamedNode, quad.object)
        return None

    # -- one entity -----------------------------------------------------------------------------
    def knows(self, iri: str) -> bool:
        """Whether the graph says anything about ``iri`` (as subject or object)."""
        node = NamedNode(iri)
        return any(True for _ in self.store.quads_for_pattern(node, None, None, DefaultGraph())) or any(
            True for _ in self.store.quads_for_pattern(None, None, node, DefaultGraph()))

    def outgoing(self, iri: str) -> list[Triple]:
        """Every triple about ``iri``, sorted."""
        quads = self.store.quads_for_pattern(NamedNode(iri), None, None, DefaultGraph())
        return sorted((q.triple for q in quads), key=lambda t: (str(t.predicate), str(t.object)))

    def incoming(self, iri: str) -> list[Triple]:
        """Every triple that points at ``iri``, sorted."""
        quads = self.store.quads_for_pattern(None, None, NamedNode(iri), DefaultGraph())
        return sorted((q.triple for q in quads), key=lambda t: (str(t.predicate), str(t.subject)))

    def sources(self, iri: str) -> list[str]:
        """Site-relative paths of the files that said something about ``iri`` (its named graphs)."""
        graphs = {q.graph_name for q in self.store.quads_for_pattern(NamedNode(iri), None, None, None)
                  if isinstance(q.graph_name, NamedNode)}
        paths = set()
        for graph in graphs:
            for quad in self.store.quads_for_pattern(graph, NamedNode(KGO + "path"), None, DefaultGraph()):
                paths.add(cast(Literal, quad.object).value)
        return sorted(paths)

    def label(self, iri: str) -> str | None:
        """A name for ``iri``: English first, then untagged, then any; ``None`` when it has none."""
        node = NamedNode(iri)
        for predicate in _NAMES:
            values = [q.object for q in self.store.quads_for_pattern(node, predicate, None, DefaultGraph())
                      if isinstance(q.object, Literal)]
            if values:
                values.sort(key=lambda v: (0 if (v.language or "").startswith("en") else 1 if not v.language else 2,
                                           v.value))
                return values[0].value
        return None

    # -- descriptions ---------------------------------------------------------------------------
    def service_description(self, endpoint: str) -> list[Triple]:
        """The SPARQL 1.1 service description of the endpoint at ``endpoint``."""
        service = NamedNode(endpoint)
        dataset, default = BlankNode("dataset"), BlankNode("defaultGraph")
        sd = _ns(SD)
        out = [
            Triple(service, _TYPE, sd("Service")),
            Triple(service, sd("endpoint"), service),
            Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
            Triple(service, sd("feature"), sd("UnionDefaultGraph")),
            Triple(service, sd("defaultDataset"), dataset),
            Triple(dataset, _TYPE, sd("Dataset")),
            Triple(dataset, sd("defaultGraph"), default),
            Triple(default, _TYPE, sd("Graph")),
            Triple(default, NamedNode(VOID + "triples"), _integer(self.triple_count)),
        ]
        for fmt in (*(f.w3c for f in RESULTS_TABLE), *(f.w3c for f in GRAPH_ANSWERS.values())):
            out.append(Triple(service, sd("resultFormat"), NamedNode(FORMATS_NS + fmt)))
        return out

    def void(self, endpoint: str | None = None, dumps: list[str] | None = None) -> list[Triple]:
        """The VoID/DCAT description ``kg build`` writes to ``void.ttl``, with this endpoint (first, then any
        public one of the settings) and these downloads.

        Counting the graph takes seconds on a large site, so it is done once: the description is
        made with a stand-in endpoint and dump IRIs, which each call replaces by its own."""
        dumps = dumps or []
        names = tuple(f"{_STAND_IN}dump/{i}" for i in range(len(dumps)))
        key = (endpoint is not None, names)
        made = self._voids.get(key)
        if made is None:
            rows = [(str(q.subject), str(q.predicate), str(q.object))
                    for q in self.store.quads_for_pattern(None, None, None, DefaultGraph())]
            endpoints = [url for url in (_STAND_IN + "sparql" if endpoint else None, self.settings.sparql_endpoint)
                         if url]
            made = self._voids[key] = void_triples(rows, self.base, license=self.settings.license,
                                                   publisher=self.settings.publisher, endpoint=endpoints,
                                                   dumps=list(names))
        real = {_STAND_IN + "sparql": endpoint, **dict(zip(names, dumps, strict=True))}
        def swapped(term: Any) -> Any:
            new = real.get(term.value) if isinstance(term, NamedNode) else None
            return NamedNode(new) if new else term

        return [Triple(swapped(t.subject), swapped(t.predicate), swapped(t.object)) for t in made]

    def examples(self) -> list[str]:
        """A few resources to start from: the first project, organisation and theme by IRI."""
        out = []
        for cls in ("Project", "Organization"):
            subjects = sorted(q.subject.value for q in self.store.quads_for_pattern(
                None, _TYPE, NamedNode(SCHEMA + cls), DefaultGraph()) if isinstance(q.subject, NamedNode))
            out += subjects[:1]
        themes = sorted(q.subject.value for q in self.store.quads_for_pattern(
            None, _TYPE, NamedNode(SKOS + "Concept"), DefaultGraph()) if isinstance(q.subject, NamedNode))
        return out + themes[:1]


def write_rdf(triples: list[Triple], fmt: RdfFormat, prefixes: dict[str, str] | None = None) -> bytes:
    return serialize(triples, format=fmt, prefixes=prefixes if fmt == RdfFormat.TURTLE else None) or b""


def _ns(base: str):
    return lambda local: NamedNode(base + local)


def _integer(n: int) -> Literal:
    return Literal(str(n), datatype=NamedNode(XSD + "integer"))
