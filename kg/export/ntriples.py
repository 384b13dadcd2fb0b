"""N-Triples (the union graph) and N-Quads (one named graph per source file), sorted."""

from __future__ import annotations

from collections.abc import Iterator

from kg.graph import KnowledgeGraph


def ntriples(kg: KnowledgeGraph) -> Iterator[str]:
    """Sorted, unique N-Triples lines: the file diffs line by line in git."""
    return kg.ntriples_lines()


def nquads(kg: KnowledgeGraph) -> Iterator[str]:
    """Sorted N-Quads: each statement in the graph of the file that said it."""
    return kg.nquads_lines()


def ntriples_text(kg: KnowledgeGraph) -> str:
    return "".join(ntriples(kg))


def nquads_text(kg: KnowledgeGraph) -> str:
    return "".join(nquads(kg))
