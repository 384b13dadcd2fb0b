"""Turtle: prefixed, grouped by subject, ``a`` first — readable and stable.

Written from the graph's N-Triples rows: every N-Triples term is already a
Turtle term, so the writer only groups statements and shortens IRIs to
prefixed names where the local part is plainly safe (rapper and rdflib parse
the result in the tests).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.graph import TYPE, KnowledgeGraph
from kg.vocab import PREFIXES, XSD

KINDS = ("organisation", "project", "theme", "platform", "place", "person")
_LOCAL = re.compile(r"^(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_TYPED = re.compile(r'^(".*")\^\^<([^>]*)>$', re.DOTALL)


def prefixes_for(kg: KnowledgeGraph) -> dict[str, str]:
    """The vocabularies' prefixes, then one per kind of instance (``project:chicago``)."""
    return {**PREFIXES, **{kind: f"{kg.base}/kg/{kind}/" for kind in KINDS}}


class _Shortener:
    def __init__(self, prefixes: dict[str, str]) -> None:
        # Longest namespace first, so the most specific prefix wins.
        self.prefixes = sorted(prefixes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        self.cache: dict[str, str] = {}

    def iri(self, term: str) -> str:
        short = self.cache.get(term)
        if short is None:
            short = self.cache[term] = self._shorten(term)
        return short

    def _shorten(self, term: str) -> str:
        if not term.startswith("<"):
            return term  # a blank node (_:b0) is written as it is
        iri = term[1:-1]
        for name, ns in self.prefixes:
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
                return f"{name}:{iri[len(ns):]}"
        return term

    def object(self, term: str) -> str:
        if term.startswith("<"):
            return self.iri(term)
        if term.endswith(">"):  # a typed literal
            match = _TYPED.match(term)
            if match:
                lexical, datatype = match.groups()
                if datatype == f"{XSD}integer" and _INTEGER.match(lexical[1:-1]):
                    return lexical[1:-1]
                if datatype == f"{XSD}boolean" and lexical in ('"true"', '"false"'):
                    return lexical[1:-1]
                return f"{lexical}^^{self.iri(f'<{datatype}>')}"
        return term

    def typed(self, term: str) -> str:
        """A typed literal, shortened once: years, dates and booleans recur thousands of times."""
        short = self.cache.get(term)
        if short is None:
            short = self.cache[term] = self.object(term)
        return short


def turtle(kg: KnowledgeGraph) -> Iterator[str]:
    """The Turtle document in pieces."""
    prefixes = prefixes_for(kg)
    short = _Shortener(prefixes)
    yield "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in prefixes.items())
    iri, typed = short.iri, short.typed
    for subject, pairs in kg.subjects():
        lines = []
        predicate: str | None = None
        objects: list[str] = []
        for p, o in pairs:
            if p != predicate:
                if predicate is not None:
                    lines.append(_line(predicate, objects, short))
                predicate, objects = p, []
            # IRIs and typed literals are shortened once; plain literals are written as they are.
            objects.append(iri(o) if o[0] == "<" else typed(o) if o[-1] == ">" else o)
        lines.append(_line(predicate, objects, short))
        yield f"\n{short.iri(subject)} " + " ;\n\t".join(lines) + " .\n"


def _line(predicate: str | None, objects: list[str], short: _Shortener) -> str:
    verb = "a" if predicate == TYPE else short.iri(predicate or "")
    return f"{verb} {' , '.join(objects)}"


def turtle_text(kg: KnowledgeGraph) -> str:
    return "".join(turtle(kg))
