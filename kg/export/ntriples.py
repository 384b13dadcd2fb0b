"""N-Triples (the union graph) and N-Quads (one named graph per source file), sorted."""

from __future__ import annotations

from kg.graph import KnowledgeGraph


def ntriples_text(kg: KnowledgeGraph) -> str:
    """Sorted, unique N-Triples lines: the file diffs line by line in git."""
    return "".join(sorted({f"{t} .\n" for t in kg.triples}))


def nquads_text(kg: KnowledgeGraph) -> str:
    """Sorted N-Quads: each statement in the graph of the file that said it."""
    return "".join(f"{q} .\n" for q in kg.quads)
