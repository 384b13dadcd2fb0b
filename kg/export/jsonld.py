"""JSON-LD compacted with ``ontology/context.jsonld``: one node per subject in ``@graph``.

Written directly from the sorted triples rather than through a generic
compaction algorithm, which is orders of magnitude slower on 100k documents;
the tests prove with PyLD that it expands to exactly the graph's triples.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode

from kg.graph import KnowledgeGraph
from kg.vocab import RDF_TYPE, XSD

CONTEXT_FILE = Path(__file__).resolve().parents[2] / "ontology" / "context.jsonld"
_XSD_STRING = XSD + "string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@cache
def context() -> dict[str, Any]:
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


class _Compactor:
    def __init__(self, ctx: dict[str, Any]) -> None:
        self.prefixes = {k: v for k, v in ctx.items() if isinstance(v, str)}
        self.terms: dict[str, tuple[str, str | None]] = {}
        for term, spec in ctx.items():
            if isinstance(spec, dict):
                self.terms[self.expand(spec["@id"])] = (term, spec.get("@type") and self.expand(spec["@type"])
                                                        if spec.get("@type") != "@id" else "@id")
        # Longest namespace first, so the most specific prefix wins.
        self._by_length = sorted(self.prefixes.items(), key=lambda kv: -len(kv[1]))

    def expand(self, curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return self.prefixes[prefix] + local if prefix in self.prefixes and not local.startswith("//") else curie

    def curie(self, iri: str) -> str:
        for prefix, ns in self._by_length:
            if iri.startswith(ns) and len(iri) > len(ns):
                local = iri[len(ns):]
                if all(c.isalnum() or c in "-_." for c in local) and not local.startswith("-"):
                    return f"{prefix}:{local}"
        return iri

    def key(self, predicate: str) -> tuple[str, str | None]:
        if predicate in self.terms:
            return self.terms[predicate]
        return self.curie(predicate), None

    def value(self, obj: Any, coercion: str | None) -> Any:
        if isinstance(obj, NamedNode):
            if coercion == "@id":
                return obj.value
            return {"@id": obj.value}
        assert isinstance(obj, Literal)
        datatype = obj.datatype.value
        if obj.language:
            return {"@value": obj.value, "@language": obj.language}
        if coercion is not None and coercion != "@id" and coercion == datatype:
            return obj.value
        if datatype == _XSD_STRING and coercion is None:
            return obj.value
        return {"@value": obj.value, "@type": self.curie(datatype)}


def jsonld_document(kg: KnowledgeGraph) -> dict[str, Any]:
    ctx = context()
    compactor = _Compactor(ctx)
    nodes = []
    for subject, triples in groupby(kg.triples, key=lambda t: t.subject):
        node: dict[str, Any] = {"@id": subject.value}
        props: dict[str, list[Any]] = {}
        types: list[str] = []
        for t in triples:
            if t.predicate == RDF_TYPE and isinstance(t.object, NamedNode):
                types.append(compactor.curie(t.object.value))
                continue
            key, coercion = compactor.key(t.predicate.value)
            # A value the term cannot carry goes under the full IRI instead.
            if coercion == "@id" and not isinstance(t.object, NamedNode):
                key, coercion = t.predicate.value, None
            props.setdefault(key, []).append(compactor.value(t.object, coercion))
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        for key in sorted(props):
            values = props[key]
            node[key] = values[0] if len(values) == 1 else values
        nodes.append(node)
    return {"@context": ctx, "@graph": nodes}


def jsonld_text(kg: KnowledgeGraph) -> str:
    return json.dumps(jsonld_document(kg), ensure_ascii=False, indent=1, sort_keys=False) + "\n"
