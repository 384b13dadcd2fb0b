"""Where a query's data comes from: a site folder, graph files, or a graph in memory.

Every source becomes one pyoxigraph :class:`~pyoxigraph.Store` shaped like
:meth:`kg.graph.KnowledgeGraph.store`: the default graph holds the union of all
statements (each triple once) and, where the input has them, every source file's
statements are also in their own named graph for ``GRAPH ?source { … }``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Union

from pyoxigraph import Store

from kg.formats import GraphFileError, check_readable, graph_format

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph
    from kg.pipeline import BuildResult

Source = Union[str, Path, "KnowledgeGraph", "BuildResult", Store, Iterable[str | Path]]
"""Anything :func:`open_store` accepts."""

_COPY_NAMED_INTO_DEFAULT = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def open_store(source: Source) -> Store:
    """A store holding ``source``, ready for SPARQL.

    ``source`` is a site folder (built in memory with :func:`kg.build`), a graph
    file of any format in :data:`kg.formats.GRAPH_FORMATS` (those ``kg build`` writes,
    and TriG, RDF/XML), a list of such files, a :class:`~kg.graph.KnowledgeGraph`
    or :class:`~kg.pipeline.BuildResult`, or a pyoxigraph ``Store`` (used as it is).

    Raises :class:`GraphFileError` for an unreadable graph file and
    :class:`~kg.diagnostics.SiteError` for a site that cannot be read.
    """
    from kg.graph import KnowledgeGraph
    from kg.pipeline import BuildResult, build

    if isinstance(source, Store):
        return source
    if isinstance(source, BuildResult):
        return source.graph.store()
    if isinstance(source, KnowledgeGraph):
        return source.store()
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            return build(path).graph.store()
        return load_graph_files([path])
    return load_graph_files([Path(p) for p in source])


def load_graph_files(paths: list[Path]) -> Store:
    """Load graph files into a fresh store; statements in named graphs are also put in the default graph."""
    if not paths:
        raise GraphFileError("no graph file given")
    store = Store()
    has_quads = False
    for path in paths:
        fmt = graph_format(path).rdf
        check_readable(path)
        try:
            store.bulk_load(path=str(path), format=fmt)
        except (SyntaxError, ValueError) as exc:
            raise GraphFileError(f"not valid {fmt.name}: {_one_line(exc)}", str(path)) from None
        except OSError as exc:
            raise GraphFileError(f"cannot read: {exc.strerror or exc}", str(path)) from None
        has_quads = has_quads or fmt.supports_datasets
    if has_quads:
        store.update(_COPY_NAMED_INTO_DEFAULT)
    return store


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
