"""Turtle: prefixed, grouped by subject, ``a`` first — readable and stable."""

from __future__ import annotations

from pyoxigraph import RdfFormat, serialize

from kg.graph import KnowledgeGraph
from kg.vocab import PREFIXES


def prefixes_for(kg: KnowledgeGraph) -> dict[str, str]:
    """The vocabularies' prefixes, then one per kind of instance (``project:chicago``)."""
    kinds = ("organisation", "project", "theme", "platform", "place", "person")
    return {**PREFIXES, **{kind: f"{kg.base}/kg/{kind}/" for kind in kinds}}


def turtle_text(kg: KnowledgeGraph) -> str:
    prefixes = prefixes_for(kg)
    body = serialize(kg.triples, format=RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")
    # Oxigraph writes the prefix lines in its own order: write ours, in a fixed one.
    lines = [line for line in body.splitlines() if not line.startswith("@prefix ")]
    header = [f"@prefix {name}: <{iri}> ." for name, iri in prefixes.items()]
    # A blank line between subjects, for the eye (literals never hold a raw newline).
    statements = ("\n".join(lines).strip("\n") + "\n").replace(" .\n", " .\n\n")
    return "\n".join(header) + "\n\n" + statements.rstrip("\n") + "\n"
