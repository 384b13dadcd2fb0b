"""The build: load → map → resolve → graph → export, and the report of it."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.diagnostics import Diagnostic, Diagnostics
from kg.errors import UsageError, output_error
from kg.export import write_outputs
from kg.export.void import void_settings
from kg.graph import KnowledgeGraph, assemble
from kg.load import MAX_FILE_BYTES, Site, load_site
from kg.load.collections import describe
from kg.load.workers import default_workers
from kg.map import map_site
from kg.resolve import Resolved, resolve
from kg.validate import ValidationReport
from kg.validate import validate as validate_graph_of
from kg.vocab import PREFIXES

REPORT_VERSION = 1
HELPERS_UP_TO = 50_000
"""Sites with more documents than this are mapped, resolved and written by one process, and their
documents' bodies are let go as they are mapped (``result.site.bodies_released``; the statements hold
their words), so that a site of 100 000 documents is built within 2 GB.

A forked helper shares the main process's memory only until either writes to it, and
CPython writes to every object it so much as looks at (its reference count): on a
site of 100 000 documents the helpers' copies came to 0.6–0.7 GB beside a main process
of 1.8 GB, more than the 2 GB such a build is meant to stay within. Reading workers
are unaffected: they start before the site is in memory."""


@dataclass
class BuildResult:
    """What one build produced: the graph, the loaded site, and the report."""

    graph: KnowledgeGraph
    site: Site
    diagnostics: list[Diagnostic]
    merges: list[dict[str, Any]]
    files: dict[str, Path] = field(default_factory=dict)
    validation: ValidationReport | None = None
    """SHACL results, when the build was asked to validate."""
    collections: list[dict[str, Any]] = field(default_factory=list)
    """How each collection was read and why (:func:`kg.load.collections.describe`)."""
    unknown_keys: list[dict[str, Any]] = field(default_factory=list)
    """Each key no mapper reads, once per collection: how many documents carry it, and the first."""

    @property
    def warnings(self) -> list[Diagnostic]:
        return self.diagnostics

    def dataset(self):  # -> rdflib.Dataset
        """The graph as an rdflib ``Dataset`` with one named graph per source file."""
        return self.graph.dataset()

    def report(self) -> dict[str, Any]:
        """The build report: counts, and every diagnostic as {file, line, kind, message, suggestion}."""
        docs = self.site.documents
        classes = {_curie(k): v for k, v in self.graph.class_counts().items()}
        return {
            "version": REPORT_VERSION,
            "site": {"url": self.site.config.base, "title": self.site.config.title},
            "documents": {
                "read": len(docs),
                "published": sum(1 for d in docs if d.published),
                "by_collection": dict(sorted(Counter(d.collection for d in docs).items())),
            },
            "triples": len(self.graph),
            "quads": len(self.graph.rows),
            "classes": classes,
            "collections": self.collections,
            "warnings_by_kind": dict(sorted(Counter(d.kind for d in self.diagnostics).items())),
            "unknown_keys": self.unknown_keys,
            "warnings": [
                {k: v for k, v in d.as_dict().items()} for d in self.diagnostics
            ],
            "merged_by_translation": self.merges,
            **({"validation": {"conforms": self.validation.conforms, "counts": self.validation.counts(),
                               "results": [v.as_dict() for v in self.validation.violations]}}
               if self.validation is not None else {}),
        }


def _unknown_keys(seen: dict[tuple[str, str], list[Any]], site: Site) -> list[dict[str, Any]]:
    """The map stage's unknown keys, most documents first."""
    out = []
    for (collection, key), (documents, file, line, suggestion) in seen.items():
        found = site.collections.get(collection)
        out.append({"collection": collection, "folder": found.folder if found else f"_{collection}", "key": key,
                    "documents": documents, "first": {"file": file, "line": line}, "suggestion": suggestion})
    return sorted(out, key=lambda e: (-e["documents"], e["folder"], e["key"]))


def _curie(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def build(
    site: str | Path = "content",
    out: str | Path | None = None,
    *,
    drafts: bool = False,
    include_contact: bool = False,
    max_file_bytes: int = MAX_FILE_BYTES,
    progress: Callable[[int, int], None] | None = None,
    validate: bool = False,
    workers: int | None = None,
    store: bool = False,
    stage: Callable[[str, int, int], None] | None = None,
) -> BuildResult:
    """Build the knowledge graph of the site at ``site``; write the files when ``out`` is given.

    Raises :class:`kg.errors.InputError` (``kg.SiteError``) only when the site cannot be read at all, and
    :class:`kg.errors.OutputError` when ``out`` cannot be written;
    everything wrong inside it becomes a diagnostic in the result. With ``validate``
    the graph is also checked against ``kg/ontology/shapes.ttl`` (``result.validation``).
    Big sites are read by up to ``workers`` processes (default: one per core), and a
    helper process shares mapping, resolving and writing up to :data:`HELPERS_UP_TO`
    documents; the result does not depend on how many. With ``store`` (and ``out``), an
    on-disk Oxigraph store of the graph is also written, ``out/store`` (:mod:`kg.export.store`),
    which ``kg query`` and ``kg serve`` open at once.

    ``progress(done, total)`` is told of the files read; ``stage(what, done, total)`` of every stage
    as it starts: ``"reading"`` with the files read of all, then mapping, resolving, assembling
    the graph (checking it, with ``validate``; writing the files, with ``out``), each with the
    stages done of those after reading, and last ``"done"``.
    """
    with fewer_collections():
        return _build(site, out, drafts=drafts, include_contact=include_contact, max_file_bytes=max_file_bytes,
                      progress=progress, validate=validate, workers=workers, store=store, stage=stage)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector, run less often for the length of a build.

    A build makes millions of small objects (parsed front matter, statements, rows)
    that live until it ends and hold few reference cycles. With the default settings
    the collector walks all of them again each time the heap grows by a quarter:
    about a tenth of a big build's time (1.3 s of a 10k-document build, measured with
    ``gc.callbacks``). Collecting the young objects every 100 000 allocations instead of
    every 700, and the old ones hardly ever, costs a quarter of that; cycles are still
    collected, and the settings are put back afterwards. The reading workers and
    helpers inherit the settings, which also keeps them from touching (and so
    copying) the memory they share with this process.
    """
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _build(site: str | Path, out: str | Path | None, *, drafts: bool, include_contact: bool, max_file_bytes: int,
           progress: Callable[[int, int], None] | None, validate: bool, workers: int | None,
           store: bool = False, stage: Callable[[str, int, int], None] | None = None) -> BuildResult:
    if store and out is None:
        raise UsageError("a store is written beside the graph files: give out= (kg build --out) with store=True")
    stages = ["mapping", "resolving", "assembling the graph", *(["checking the shapes"] if validate else []),
              *(["writing the files"] if out is not None else []), "done"]

    def starts(what: str) -> None:
        if stage is not None:
            stage(what, stages.index(what), len(stages) - 1)

    reading = progress
    if stage is not None:
        def reading(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total)
            stage("reading", done, total)

    diags = Diagnostics()
    loaded = load_site(site, drafts=drafts, diagnostics=diags, max_file_bytes=max_file_bytes, progress=reading,
                       workers=workers)
    settings = void_settings(loaded.config.raw, diags)  # read now, so that a bad one is in the report
    workers = default_workers() if workers is None else max(1, workers)
    memory_first = len(loaded.documents) > HELPERS_UP_TO
    if memory_first:
        workers = 1  # memory before speed: see HELPERS_UP_TO
    starts("mapping")
    mapped = map_site(loaded, diags, include_contact=include_contact, workers=workers, release_bodies=memory_first)
    starts("resolving")
    resolved: Resolved = resolve(mapped, diags=diags, workers=workers)
    mapped.statements.clear()  # the resolved statements replace them
    starts("assembling the graph")
    graph = assemble(resolved.statements, mapped.mint)  # consumes the statements
    result = BuildResult(graph, loaded, diags.sorted(), resolved.merges,
                         collections=describe(loaded.collections, loaded.documents, loaded.records, loaded.unread),
                         unknown_keys=_unknown_keys(mapped.unknown_keys, loaded))
    if validate:
        starts("checking the shapes")
        result.validation = validate_graph_of(graph)
    if out is not None:
        starts("writing the files")
        try:
            result.files = write_outputs(graph, result.report, Path(out), void=settings, workers=workers,
                                         store=store)
        except OSError as exc:
            raise output_error(exc, out) from exc
    starts("done")
    return result
