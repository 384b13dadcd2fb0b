"""The knowledge graph, indexed by subject, as the page graphs read it.

Every fact a page states comes from here, so what a page says and what the
graph says cannot drift apart. Strings are taken in the page's language where
the graph has one (then untagged, then the site's language, then English, then
any), and read as plain text (:func:`kg.map.text.plain`), whatever markup a
front-matter value brought into the graph.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pyoxigraph import Literal, NamedNode

from kg.graph import KnowledgeGraph
from kg.map.text import plain
from kg.vocab import RDF, SCHEMA

RDF_TYPE = RDF + "type"


class Facts:
    """Subject IRI → predicate IRI → objects, from the union graph."""

    def __init__(self, graph: KnowledgeGraph, site_lang: str) -> None:
        self.site_lang = site_lang
        self._index: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for triple in graph.triples:
            subject = triple.subject
            if isinstance(subject, NamedNode):
                self._index[subject.value][triple.predicate.value].append(triple.object)

    def __contains__(self, iri: str) -> bool:
        return iri in self._index

    def predicates(self, iri: str) -> dict[str, list[NamedNode | Literal]]:
        return self._index.get(iri, {})

    def types(self, iri: str) -> list[str]:
        """The subject's schema.org types, by local name, sorted."""
        return sorted(t.value[len(SCHEMA):] for t in self.predicates(iri).get(RDF_TYPE, ())
                      if isinstance(t, NamedNode) and t.value.startswith(SCHEMA))

    def iris(self, iri: str, predicate: str) -> list[str]:
        """IRI objects of one predicate, sorted."""
        return sorted({o.value for o in self.predicates(iri).get(predicate, ()) if isinstance(o, NamedNode)})

    def iri(self, iri: str, predicate: str) -> str | None:
        found = self.iris(iri, predicate)
        return found[0] if found else None

    def literal(self, iri: str, predicate: str) -> Literal | None:
        """The one literal of a predicate that is not language-dependent (a date, a year)."""
        values = sorted((o for o in self.predicates(iri).get(predicate, ()) if isinstance(o, Literal)),
                        key=lambda o: o.value)
        return values[0] if values else None

    def text(self, iri: str, predicate: str, lang: str | None) -> str | None:
        """One string of a predicate, in ``lang`` if the graph has it, as plain text."""
        values = [o for o in self.predicates(iri).get(predicate, ()) if isinstance(o, Literal)]
        if not values:
            return None
        order = [lang, None, self.site_lang, "en"]

        def rank(o: Literal) -> tuple[int, str, str]:
            tag = o.language or None
            return (order.index(tag) if tag in order else len(order), tag or "", o.value)

        for value in sorted(values, key=rank):
            text = plain(value.value)
            if text:
                return text
        return None
