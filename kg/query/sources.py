"""Where a query's data comes from: a site folder, graph files, an on-disk store, or a graph in memory.

Every source becomes one pyoxigraph :class:`~pyoxigraph.Store` shaped like
:meth:`kg.graph.KnowledgeGraph.store`: the default graph holds the union of all
statements (each triple once) and, where the input has them, every source file's
statements are also in their own named graph for ``GRAPH ?source { … }``.

The store ``kg build --store`` writes (:mod:`kg.export.store`) is that store on disk: it is
opened read-only at once instead of loading the graph files, when it is given (its folder)
or when it is beside the graph files given — ``graph.nq``, alone or with ``graph.nt``, the
files it is made of. A store that is not of those files, or of this kg, is refused
(:class:`~kg.export.store.StoreError`), never used.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Union

from pyoxigraph import Store

from kg.export.store import MANIFEST, SOURCES, STORE, StoreError, is_store, open_read_only
from kg.formats import GraphFileError, check_readable, graph_format

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph
    from kg.pipeline import BuildResult

Source = Union[str, Path, "KnowledgeGraph", "BuildResult", Store, Iterable[str | Path]]
"""Anything :func:`open_store` accepts."""

_COPY_NAMED_INTO_DEFAULT = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def open_store(source: Source, *, store: bool | None = None) -> Store:
    """A store holding ``source``, ready for SPARQL.

    ``source`` is a site folder (built in memory with :func:`kg.build`), the folder of a
    store ``kg build --store`` wrote (opened read-only), a graph file of any format in
    :data:`kg.formats.GRAPH_FORMATS` (those ``kg build`` writes, and TriG, RDF/XML), a
    list of such files, a :class:`~kg.graph.KnowledgeGraph` or
    :class:`~kg.pipeline.BuildResult`, or a pyoxigraph ``Store`` (used as it is).

    ``store``: by default (None) the store beside ``graph.nq`` is opened instead of
    loading it (see :func:`find_store`); ``False`` loads the graph files into memory
    whatever is beside them; ``True`` insists on an on-disk store (:class:`StoreError`
    when ``source`` is none and has none beside it).

    Raises :class:`GraphFileError` for an unreadable graph file,
    :class:`~kg.export.store.StoreError` for a store that may not be used, and
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
    found = find_store(source, store)
    if found is not None:
        return open_read_only(found)[0]
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            return build(path).graph.store()
        return load_graph_files([path])
    return load_graph_files([Path(p) for p in source])


def find_store(source: Source, store: bool | None = None) -> Path | None:
    """The on-disk store that holds ``source``, not yet checked: ``source`` itself when it is a store's folder, or
    the ``store/`` beside ``graph.nq`` when ``source`` is that file (alone or with the ``graph.nt`` beside it);
    None when there is none, or when ``store`` is False. With ``store`` True there must be one
    (:class:`StoreError`)."""
    if store is False or not isinstance(source, (str, Path, list, tuple)):
        return None
    paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
    found = None
    if len(paths) == 1 and is_store(paths[0]):
        found = paths[0]
    else:
        names = [p.name for p in paths]
        folders = {p.parent for p in paths}
        if ("graph.nq" in names and set(names) <= set(SOURCES) and len(set(names)) == len(names)
                and len(folders) == 1 and is_store(folders.pop() / STORE)):
            found = paths[0].parent / STORE
    if found is None and store:
        if len(paths) == 1 and paths[0].is_dir():
            raise StoreError(f"no kg store here (no {MANIFEST}): give the {STORE}/ folder kg build --store wrote",
                             str(paths[0]))
        raise StoreError(f"no kg store beside these files (no {STORE}/{MANIFEST}): run kg build --store",
                         ", ".join(str(p) for p in paths))
    return found


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
