"""The build: load → map → resolve → graph → export, and the report of it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.diagnostics import Diagnostic, Diagnostics
from kg.export import write_outputs
from kg.export.void import void_settings
from kg.graph import KnowledgeGraph, assemble
from kg.load import MAX_FILE_BYTES, Site, load_site
from kg.load.workers import default_workers
from kg.map import map_site
from kg.resolve import Resolved, resolve
from kg.validate import ValidationReport
from kg.validate import validate as validate_graph_of
from kg.vocab import PREFIXES

REPORT_VERSION = 1


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
            "warnings_by_kind": dict(sorted(Counter(d.kind for d in self.diagnostics).items())),
            "warnings": [
                {k: v for k, v in d.as_dict().items()} for d in self.diagnostics
            ],
            "merged_by_translation": self.merges,
            **({"validation": {"conforms": self.validation.conforms, "counts": self.validation.counts(),
                               "results": [v.as_dict() for v in self.validation.violations]}}
               if self.validation is not None else {}),
        }


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
) -> BuildResult:
    """Build the knowledge graph of the site at ``site``; write the files when ``out`` is given.

    Raises :class:`kg.diagnostics.SiteError` only when the site cannot be read at all;
    everything wrong inside it becomes a diagnostic in the result. With ``validate``
    the graph is also checked against ``ontology/shapes.ttl`` (``result.validation``).
    Big sites are read, and their files written, by up to ``workers`` processes
    (default: one per core); the result does not depend on how many.
    """
    diags = Diagnostics()
    loaded = load_site(site, drafts=drafts, diagnostics=diags, max_file_bytes=max_file_bytes, progress=progress,
                       workers=workers)
    settings = void_settings(loaded.config.raw, diags)  # read now, so that a bad one is in the report
    workers = default_workers() if workers is None else max(1, workers)
    mapped = map_site(loaded, diags, include_contact=include_contact, workers=workers)
    resolved: Resolved = resolve(mapped, diags=diags, workers=workers)
    mapped.statements.clear()  # the resolved statements replace them
    graph = assemble(resolved.statements, mapped.mint)  # consumes the statements
    result = BuildResult(graph, loaded, diags.sorted(), resolved.merges)
    if validate:
        result.validation = validate_graph_of(graph)
    if out is not None:
        result.files = write_outputs(graph, result.report(), Path(out), void=settings,
                                     workers=workers)
    return result
