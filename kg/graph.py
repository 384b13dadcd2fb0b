"""Graph stage: resolved statements → an RDF dataset with one named graph per source file.

The dataset is held as a sorted list of rows ``(subject, predicate, object, graph)``,
each term written in N-Triples syntax (``<iri>``, ``"text"@sv``). Strings are the
cheapest thing Python holds and sorts, every serialisation is a few string
operations away, and sorting the rows as tuples makes the output the same for
any file order. Because the rows are sorted, the statements of the union graph
(each triple once, whatever files said it) are neighbours and come out by
skipping repeats, without a second copy.

pyoxigraph objects, a pyoxigraph ``Store`` (for SPARQL) and an rdflib ``Dataset``
are made from the rows on demand.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress, groupby
from operator import itemgetter
from typing import TYPE_CHECKING

from pyoxigraph import Literal, Quad, RdfFormat, Store, Triple, parse

from kg.map.iris import Minter
from kg.map.terms import Statement
from kg.vocab import RDF_TYPE

if TYPE_CHECKING:
    import rdflib

Row = tuple[str, str, str, str]
"""One quad: subject, predicate, object and graph, each in N-Triples syntax."""
TripleRow = tuple[str, str, str]

_TRIPLE = itemgetter(0, 1, 2)
TYPE = str(RDF_TYPE)
"""``rdf:type`` in N-Triples syntax."""


@dataclass
class KnowledgeGraph:
    """The knowledge graph of one site."""

    rows: list[Row]
    """Unique quads, sorted; terms in N-Triples syntax."""
    base: str
    sources: dict[str, str] = field(default_factory=dict)
    """Site-relative path → named graph IRI."""

    def triple_rows(self) -> Iterator[TripleRow]:
        """The union of all named graphs: each triple once, sorted."""
        return map(_TRIPLE, self.union_rows())

    def union_rows(self) -> Iterator[Row]:
        """The first row of each triple (the union graph, each triple once, sorted): the rows themselves,
        their graph to be ignored, so that nothing is made for each triple."""
        return compress(self.rows, self._firsts)

    @cached_property
    def _firsts(self) -> bytearray:
        # Made once, as every writer, the counts and the VoID description read it: one byte a row
        # (a list of the triples as tuples cost 64 bytes a triple, 0.3 GB at 100 000 documents).
        firsts = bytearray(len(self.rows))
        ls = lp = lo = None
        for i, (s, p, o, _g) in enumerate(self.rows):
            if o != lo or p != lp or s != ls:
                firsts[i] = 1
                ls, lp, lo = s, p, o
        return firsts

    def subjects(self) -> Iterator[tuple[str, list[tuple[str, str]]]]:
        """Each subject with its (predicate, object) pairs, ``rdf:type`` first."""
        for subject, triples in groupby(self.union_rows(), key=itemgetter(0)):
            pairs = [(p, o) for _s, p, o, _g in triples]
            types = [pair for pair in pairs if pair[0] == TYPE]
            yield subject, (types + [pair for pair in pairs if pair[0] != TYPE]) if types else pairs

    @cached_property
    def triple_count(self) -> int:
        return self._firsts.count(1)

    def __len__(self) -> int:
        return self.triple_count

    def class_counts(self) -> dict[str, int]:
        """Entities per class (full IRIs), sorted by class."""
        counts = Counter(o[1:-1] for _s, p, o, _g in self.union_rows() if p == TYPE)
        return dict(sorted(counts.items()))

    # -- the same data in other shapes ----------------------------------------------------------
    def ntriples_lines(self) -> Iterator[str]:
        for s, p, o, _g in self.union_rows():
            yield f"{s} {p} {o} .\n"

    def nquads_lines(self) -> Iterator[str]:
        for s, p, o, g in self.rows:
            yield f"{s} {p} {o} {g} .\n"

    @cached_property
    def triples(self) -> list[Triple]:
        """The union graph as pyoxigraph triples, ``rdf:type`` first per subject."""
        text = "".join(f"{s} {p} {o} .\n" for s, pairs in self.subjects() for p, o in pairs)
        return list(parse(text.encode("utf-8"), format=RdfFormat.N_TRIPLES))

    @cached_property
    def quads(self) -> list[Quad]:
        """Every statement as a pyoxigraph quad in the graph of the file that said it."""
        return list(parse("".join(self.nquads_lines()).encode("utf-8"), format=RdfFormat.N_QUADS))

    def store(self) -> Store:
        """A fresh in-memory pyoxigraph store for SPARQL.

        The default graph holds the union (each triple once); every source file's
        statements are also in its named graph, for ``GRAPH ?source { … }`` queries.
        """
        store = Store()
        store.bulk_load("".join(self.nquads_lines()).encode("utf-8"), format=RdfFormat.N_QUADS)
        store.bulk_load("".join(self.ntriples_lines()).encode("utf-8"), format=RdfFormat.N_TRIPLES)
        return store

    def dataset(self) -> rdflib.Dataset:
        """The same data as an rdflib ``Dataset`` (one graph per source file)."""
        import rdflib

        ds = rdflib.Dataset()
        ds.parse(data="".join(self.nquads_lines()), format="nquads")
        return ds

    def graph(self) -> rdflib.Graph:
        """The union graph as an rdflib ``Graph``."""
        import rdflib

        g = rdflib.Graph()
        g.parse(data="".join(self.ntriples_lines()), format="nt")
        return g


def assemble(statements: list[Statement], minter: Minter) -> KnowledgeGraph:
    """Sorted, unique rows from the resolved statements (placeholders all filled).

    The list is consumed as it is read, so the statements and the rows that
    replace them are never both whole in memory.
    """
    sources: dict[str, str] = {}
    terms: dict[object, str] = {}  # IRIs recur in thousands of statements: one string each
    known = terms.get
    intern = sys.intern
    rows: list[Row] = []
    add = rows.append
    while statements:
        subject, predicate, obj, source = statements.pop()
        graph = sources.get(source)
        if graph is None:
            graph = sources[source] = intern(str(minter.source(source)))
        s = known(subject)
        if s is None:
            s = terms[subject] = intern(str(subject))
        p = known(predicate)
        if p is None:
            p = terms[predicate] = intern(str(predicate))
        o: str | None
        if isinstance(obj, Literal):
            o = str(obj)
        else:
            o = known(obj)
            if o is None:
                o = terms[obj] = intern(str(obj))
        add((s, p, o, graph))
    rows.sort()
    unique = [row for i, row in enumerate(rows) if i == 0 or row != rows[i - 1]]
    return KnowledgeGraph(unique, minter.base, {path: iri[1:-1] for path, iri in sorted(sources.items())})
