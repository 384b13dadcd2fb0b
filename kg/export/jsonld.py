"""JSON-LD compacted with ``kg/ontology/context.jsonld``: one node per subject in ``@graph``.

Written directly from the graph's sorted rows rather than through a generic
compaction algorithm, which is orders of magnitude slower on 100k documents;
the tests prove with PyLD that it expands to exactly the graph's triples.
Nodes are written one at a time, so a large graph never sits in memory twice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from kg.graph import TYPE, KnowledgeGraph
from kg.ontology import resource
from kg.vocab import XSD

CONTEXT_FILE = resource("context.jsonld")
_XSD_STRING = XSD + "string"
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


@cache
def context() -> dict[str, Any]:
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def _unescape(match: re.Match[str]) -> str:
    four, eight, char = match.groups()
    return chr(int(four or eight, 16)) if (four or eight) else _ECHAR.get(char, char)


def literal_parts(term: str) -> tuple[str, str | None, str | None]:
    """An N-Triples literal → (lexical form, language, datatype IRI)."""
    end = term.rindex('"')
    lexical = term[1:end]
    if "\\" in lexical:
        lexical = _ESCAPE.sub(_unescape, lexical)
    suffix = term[end + 1:]
    if suffix.startswith("@"):
        return lexical, suffix[1:], None
    if suffix.startswith("^^<"):
        return lexical, None, suffix[3:-1]
    return lexical, None, _XSD_STRING


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
        self._curies: dict[str, str] = {}
        self._keys: dict[str, tuple[str, str | None]] = {}
        """Predicate (N-Triples) → its key and coercion: the same few dozen predicates recur."""

    def expand(self, curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return self.prefixes[prefix] + local if prefix in self.prefixes and not local.startswith("//") else curie

    def curie(self, iri: str) -> str:
        short = self._curies.get(iri)
        if short is None:
            short = self._curies[iri] = self._curie(iri)
        return short

    def _curie(self, iri: str) -> str:
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

    def value(self, term: str, coercion: str | None) -> Any:
        if term.startswith("<"):
            return term[1:-1] if coercion == "@id" else {"@id": term[1:-1]}
        if term.startswith("_:"):
            return term if coercion == "@id" else {"@id": term}
        lexical, language, datatype = literal_parts(term)
        if language:
            return {"@value": lexical, "@language": language}
        if coercion is not None and coercion != "@id" and coercion == datatype:
            return lexical
        if datatype == _XSD_STRING and coercion is None:
            return lexical
        return {"@value": lexical, "@type": self.curie(datatype or _XSD_STRING)}

    def node(self, subject: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
        node: dict[str, Any] = {"@id": subject[1:-1] if subject[0] == "<" else subject}
        props: dict[str, list[Any]] = {}
        types: list[str] = []
        keys = self._keys
        for p, o in pairs:
            if p == TYPE and o[0] == "<":
                types.append(self.curie(o[1:-1]))
                continue
            found = keys.get(p)
            if found is None:
                found = keys[p] = self.key(p[1:-1])
            key, coercion = found
            if coercion == "@id":
                if o[0] == "<":
                    value: Any = o[1:-1]
                elif o[0] == "_":
                    value = o
                else:  # a value the term cannot carry goes under the full IRI instead
                    key, value = p[1:-1], self.value(o, None)
            else:
                value = self.value(o, coercion)
            if key in props:
                props[key].append(value)
            else:
                props[key] = [value]
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        for key in sorted(props):
            values = props[key]
            node[key] = values[0] if len(values) == 1 else values
        return node


def jsonld(kg: KnowledgeGraph) -> Iterator[str]:
    """The JSON-LD document in pieces, laid out as ``json.dumps(..., indent=1)`` would."""
    ctx = context()
    compactor = _Compactor(ctx)
    head = json.dumps({"@context": ctx}, ensure_ascii=False, indent=1)
    yield head[:-2] + ',\n "@graph": ['
    first = True
    for subject, pairs in kg.subjects():
        yield ("\n  " if first else ",\n  ") + _indented(compactor.node(subject, pairs), 2)
        first = False
    yield "\n ]\n}\n" if not first else "]\n}\n"


def _indented(value: Any, level: int) -> str:
    """``json.dumps(value, indent=1, ensure_ascii=False)`` at nesting ``level``, without
    the pure-Python encoder that ``indent`` otherwise switches on."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)  # what json.dumps(..., ensure_ascii=False) writes for a string
    if kind is dict and value:
        inner = _INDENTS[level + 1]
        return "{" + inner + ("," + inner).join(
            [encode_basestring(k) + ": " + (encode_basestring(v) if type(v) is str else _indented(v, level + 1))
             for k, v in value.items()]) + _INDENTS[level] + "}"
    if kind is list and value:
        inner = _INDENTS[level + 1]
        return "[" + inner + ("," + inner).join(
            [encode_basestring(v) if type(v) is str else _indented(v, level + 1) for v in value]
        ) + _INDENTS[level] + "]"
    return json.dumps(value, ensure_ascii=False)


_INDENTS = ["\n" + " " * n for n in range(64)]
"""A new line and the indentation of each nesting level (JSON-LD nodes nest a few levels deep)."""


def jsonld_document(kg: KnowledgeGraph) -> dict[str, Any]:
    return json.loads(jsonld_text(kg))


def jsonld_text(kg: KnowledgeGraph) -> str:
    return "".join(jsonld(kg))
