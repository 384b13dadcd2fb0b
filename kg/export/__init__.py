"""Export stage: the knowledge graph → files (Turtle, N-Triples, N-Quads, JSON-LD, report)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kg.export.atomic import write_set
from kg.export.jsonld import jsonld_text
from kg.export.ntriples import nquads_text, ntriples_text
from kg.export.store import STORE, store_output
from kg.export.turtle import turtle_text
from kg.export.void import VoidSettings, void_turtle
from kg.formats import WRITTEN
from kg.graph import KnowledgeGraph
from kg.load.workers import default_workers

OUTPUTS = {f.written: f.write for f in WRITTEN if f.written}
"""File name → a writer yielding the file's text in pieces: the graph files of :data:`kg.formats.GRAPH_FORMATS`."""

__all__ = ["OUTPUTS", "jsonld_text", "nquads_text", "ntriples_text", "turtle_text", "write_outputs"]


WRITE_BESIDE = ("graph.jsonld", "graph.nt")
"""What a second process writes while this one writes the rest: about half the work."""
PARALLEL_FROM = 20_000
"""Graphs with fewer quads than this are written by one process (starting another costs more)."""


def write_outputs(kg: KnowledgeGraph, report: dict[str, Any] | Callable[[], dict[str, Any]], out: Path, *,
                  void: VoidSettings | None = None, workers: int | None = None, store: bool = False) -> dict[str, Path]:
    """Write every serialisation, ``void.ttl`` (its VoID description) and ``build-report.json`` into ``out``,
    atomically and all at once (:func:`kg.export.atomic.write_set`). ``void`` are the site's settings for
    ``void.ttl`` (licence, publisher, public endpoint);
    ``report`` may be given as a function that makes it. With ``store``, an on-disk Oxigraph store of the graph
    (``out/store``, :mod:`kg.export.store`) is made from the files and switched in with them.
    A big graph is written by two processes when ``workers`` (default: one per core) allows."""
    out = Path(out)
    files: dict[str, Any] = {name: write(kg) for name, write in OUTPUTS.items()}
    # Made as they are written, so that with a helper they are made while it writes its files.
    files["void.ttl"] = _made_later(lambda: void_turtle(kg, void))
    files["build-report.json"] = _made_later(
        lambda: json.dumps(report() if callable(report) else report, ensure_ascii=False, indent=2) + "\n")
    if store:
        files[STORE] = store_output(kg.triple_count, len(kg.rows), kg.class_counts())
    workers = default_workers() if workers is None else workers
    beside = WRITE_BESIDE if workers > 1 and len(kg.rows) >= PARALLEL_FROM else ()
    write_set(out, files, beside=beside)
    return {name: out / name for name in files}


def _made_later(make: Callable[[], str]) -> Iterator[str]:
    yield make()
