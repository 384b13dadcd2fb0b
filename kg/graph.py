"""Graph stage: resolved statements → an RDF dataset with one named graph per source file.

The dataset is held as a sorted list of pyoxigraph quads: compact, fast to
serialise, and the same for any file order. A pyoxigraph ``Store`` (for SPARQL)
and an rdflib ``Dataset`` (for the rdflib API) are built from it on demand.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store, Triple

from kg.map.iris import Minter
from kg.map.terms import Statement
from kg.vocab import RDF_TYPE

if TYPE_CHECKING:
    import rdflib


def _triple_key(t: Triple) -> tuple[str, bool, str, str]:
    return (t.subject.value, t.predicate != RDF_TYPE, t.predicate.value, str(t.object))


@dataclass
class KnowledgeGraph:
    """The knowledge graph of one site."""

    quads: list[Quad]
    """Unique quads, sorted by their N-Quads text."""
    base: str
    sources: dict[str, NamedNode] = field(default_factory=dict)
    """Site-relative path → named graph IRI."""

    @cached_property
    def triples(self) -> list[Triple]:
        """The union of all named graphs: unique triples, ``rdf:type`` first per subject."""
        return sorted({q.triple for q in self.quads}, key=_triple_key)

    def __len__(self) -> int:
        return len(self.triples)

    def class_counts(self) -> dict[str, int]:
        """Entities per class (CURIE-free full IRIs), sorted by class."""
        counts = Counter(t.object.value for t in self.triples if t.predicate == RDF_TYPE)
        return dict(sorted(counts.items()))

    def store(self) -> Store:
        """A fresh in-memory pyoxigraph store for SPARQL.

        The default graph holds the union (each triple once); every source file's
        statements are also in its named graph, for ``GRAPH ?source { … }`` queries.
        """
        store = Store()
        store.bulk_extend(self.quads)
        store.bulk_extend(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in self.triples)
        return store

    def dataset(self) -> rdflib.Dataset:
        """The same data as an rdflib ``Dataset`` (one graph per source file)."""
        import rdflib

        from kg.export.ntriples import nquads_text

        ds = rdflib.Dataset()
        ds.parse(data=nquads_text(self), format="nquads")
        return ds

    def graph(self) -> rdflib.Graph:
        """The union graph as an rdflib ``Graph``."""
        import rdflib

        from kg.export.ntriples import ntriples_text

        g = rdflib.Graph()
        g.parse(data=ntriples_text(self), format="nt")
        return g


def assemble(statements: list[Statement], minter: Minter) -> KnowledgeGraph:
    sources: dict[str, NamedNode] = {}
    quads = set()
    for st in statements:
        graph = sources.get(st.source)
        if graph is None:
            graph = sources[st.source] = minter.source(st.source)
        quads.add(Quad(st.subject, st.predicate, st.object, graph))
    ordered = sorted(quads, key=str)
    return KnowledgeGraph(ordered, minter.base, dict(sorted(sources.items())))
