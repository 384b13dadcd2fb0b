"""Export stage: the knowledge graph → files (Turtle, N-Triples, N-Quads, JSON-LD, report)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.export.atomic import write_all
from kg.export.jsonld import jsonld, jsonld_text
from kg.export.ntriples import nquads, nquads_text, ntriples, ntriples_text
from kg.export.turtle import turtle, turtle_text
from kg.export.void import VoidSettings, void_turtle
from kg.graph import KnowledgeGraph

OUTPUTS = {
    "graph.ttl": turtle,
    "graph.nt": ntriples,
    "graph.nq": nquads,
    "graph.jsonld": jsonld,
}
"""File name → a writer yielding the file's text in pieces."""

__all__ = ["OUTPUTS", "jsonld_text", "nquads_text", "ntriples_text", "turtle_text", "write_outputs"]


def write_outputs(kg: KnowledgeGraph, report: dict[str, Any], out: Path, *,
                  void: VoidSettings | None = None) -> dict[str, Path]:
    """Write every serialisation, ``void.ttl`` (its VoID description) and ``build-report.json`` into ``out``,
    atomically. ``void`` are the site's settings for ``void.ttl`` (licence, publisher, public endpoint)."""
    files: dict[Path, Any] = {out / name: write(kg) for name, write in OUTPUTS.items()}
    files[out / "void.ttl"] = void_turtle(kg, void)
    files[out / "build-report.json"] = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    write_all(files)
    return {path.name: path for path in files}
