"""``kg push``: put the graph into a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

An HTTP ``PUT {endpoint}?graph={graph IRI}`` with the graph as N-Triples (the union
graph, exactly the lines of ``graph.nt``) replaces that named graph: the protocol's
PUT means "this is now the whole graph", so pushing twice leaves the triples there
once, and the store's other graphs are not touched. The endpoint is the store's
graph-store URL: Oxigraph ``/store``, Fuseki ``/DATASET/data``, GraphDB
``/repositories/REPO/rdf-graphs/service``, Virtuoso ``/sparql-graph-crud-auth``,
Neptune ``/sparql/gsp/``.

A graph bigger than ``chunk_triples`` goes in several requests (:mod:`kg.push.chunks`):
the first ``PUT``, the others ``POST`` (which adds). Given the store's SPARQL Update
endpoint (``update_endpoint``), the chunks go into a temporary named graph that one
``MOVE <temporary> TO <graph>`` then puts in place, so that a reader of the graph sees
the old one or the new one, never a part; without it, a reader may see the graph
filling up, and a push that fails half-way leaves a part there (the message says so).

Credentials (:mod:`kg.push.auth`): ``user:password@`` in the URL, ``KG_PUSH_TOKEN``, or
``KG_PUSH_USER``/``KG_PUSH_PASSWORD``, or a netrc file; sent as Basic, Digest or Bearer,
as the store asks; never shown in a message.

>>> push("content", "http://127.0.0.1:7878/store")          # doctest: +SKIP
PushResult(endpoint='http://127.0.0.1:7878/store', graph_iri='https://digidemlab.org/kg/graph', triples=517, ...)
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, parse

from kg.push.auth import find_credentials, redact, split_credentials
from kg.push.chunks import DEFAULT_CHUNK_TRIPLES, Chunk, chunks
from kg.push.http import DEFAULT_TIMEOUT, Endpoint, PushError

#: What kg push sends: N-Triples, which every graph store reads.
NTRIPLES = "application/n-triples"
SPARQL_UPDATE = "application/sparql-update"

Progress = Callable[[int, int], None]
"""Told ``(triples sent, triples in all)`` before the first request and after each one."""


@dataclass(frozen=True)
class PushResult:
    """What was pushed where: the endpoint (without credentials), the graph IRI, the triple count, the HTTP
    status of the last request, how many requests carried the graph, and whether it was moved into place
    from a temporary graph (``MOVE``)."""

    endpoint: str
    graph_iri: str
    triples: int
    status: int
    chunks: int = 1
    swapped: bool = False


def push(source: str | Path | Sequence[str | Path], endpoint: str, graph_iri: str | None = None, *,
         timeout: float = DEFAULT_TIMEOUT, chunk_triples: int = DEFAULT_CHUNK_TRIPLES,
         update_endpoint: str | None = None, netrc_file: Path | None = None, progress: Progress | None = None,
         environ: Mapping[str, str] | None = None) -> PushResult:
    """Replace the named graph ``graph_iri`` of the store at ``endpoint`` by the graph of ``source``.

    ``source`` is a site folder (built in memory) or graph files ``kg build`` wrote
    (their union is pushed). ``graph_iri`` defaults to the site URL + ``/kg/graph``.
    ``timeout`` is the seconds each request may take; ``environ`` (default
    ``os.environ``) and ``netrc_file`` are where credentials are looked for.
    Raises :class:`PushError` when the store is unreachable or answers with an error,
    and :class:`~kg.errors.InputError` when the source cannot be read.
    """
    store = _endpoint(endpoint, "--endpoint", timeout, netrc_file, environ)
    update = _endpoint(update_endpoint, "--update-endpoint", timeout, netrc_file, environ) if update_endpoint else None
    body, count, base = ntriples_of(source)
    if graph_iri is None:
        if not base:
            raise PushError("the graph has no site URL to name its graph after; give --graph-iri")
        graph_iri = base + "/kg/graph"
    _check_iri(graph_iri)
    return push_chunks(store, graph_iri, chunks(body, chunk_triples), count, update=update, progress=progress)


def _endpoint(url: str, option: str, timeout: float, netrc_file: Path | None,
              environ: Mapping[str, str] | None) -> Endpoint:
    bare, credentials = find_credentials(url, netrc_file, environ)
    return Endpoint.of(bare, redact(url), credentials, timeout, option)


def _check_iri(iri: str) -> None:
    try:
        NamedNode(iri)
    except ValueError:
        raise PushError(f"--graph-iri {iri!r} is not a valid IRI") from None


def push_chunks(store: Endpoint, graph_iri: str, pieces: list[Chunk], total: int, *, update: Endpoint | None = None,
                progress: Progress | None = None) -> PushResult:
    """Send ``pieces`` (together ``total`` triples) as the named graph ``graph_iri`` of ``store``.

    One piece, or no ``update`` endpoint: ``PUT`` the first into the graph, ``POST`` the
    others. Several pieces and an ``update`` endpoint: the same into a temporary graph
    (``urn:uuid:…``), then ``MOVE`` it to ``graph_iri``; on failure it is dropped and the
    graph is as it was.
    """
    done = 0

    def sent(triples: int) -> None:
        nonlocal done
        done += triples
        if progress is not None:
            progress(done, total)

    sent(0)
    if update is None or len(pieces) == 1:
        status = 0
        for i, piece in enumerate(pieces):
            try:
                status = _send(store, graph_iri, piece, first=i == 0)
            except PushError as exc:
                if i == 0:
                    raise
                raise PushError(f"{exc.message}; <{graph_iri}> now holds only the first {done} of {total} "
                                f"triples ({i} of {len(pieces)} requests): push again") from None
            sent(piece.triples)
        return PushResult(store.shown, graph_iri, total, status, len(pieces))
    temporary = f"urn:uuid:{uuid.uuid4()}"
    try:
        for i, piece in enumerate(pieces):
            _send(store, temporary, piece, first=i == 0)
            sent(piece.triples)
    except PushError as exc:
        raise PushError(f"{exc.message}; <{graph_iri}> is as it was{_drop(update, temporary)}") from None
    try:
        status = sparql_update(update, f"MOVE <{temporary}> TO <{graph_iri}>")
    except PushError as exc:
        raise PushError(f"{exc.message} (moving the pushed graph into <{graph_iri}>)"
                        f"{_drop(update, temporary)}") from None
    return PushResult(store.shown, graph_iri, total, status, len(pieces), swapped=True)


def _drop(update: Endpoint, temporary: str) -> str:
    """Drop the temporary graph; what the message says if that failed too."""
    try:
        sparql_update(update, f"DROP SILENT GRAPH <{temporary}>")
    except PushError:
        return f"; the temporary graph <{temporary}> is left in the store (DROP it)"
    return ""


def _send(store: Endpoint, graph_iri: str, piece: Chunk, *, first: bool) -> int:
    return store.request("PUT" if first else "POST", graph_url(store.url, graph_iri), piece.body,
                         {"Content-Type": NTRIPLES})


def sparql_update(endpoint: Endpoint, update: str) -> int:
    """Run one SPARQL Update at ``endpoint`` (SPARQL 1.1 Protocol, ``POST`` of ``application/sparql-update``)."""
    return endpoint.request("POST", endpoint.url, update.encode("utf-8"), {"Content-Type": SPARQL_UPDATE})


def graph_url(endpoint: str, graph_iri: str) -> str:
    """The Graph Store Protocol URL of the named graph ``graph_iri`` (``?graph=``, indirect identification)."""
    separator = "&" if urlsplit(endpoint).query else "?"
    return endpoint + separator + urlencode({"graph": graph_iri})


def ntriples_of(source: str | Path | Sequence[str | Path]) -> tuple[bytes, int, str | None]:
    """The union graph of ``source`` as N-Triples bytes (a triple a line), its number of triples, and the site
    URL."""
    from kg.pipeline import build
    from kg.query import site_base
    from kg.query.sources import load_graph_files

    if isinstance(source, (str, Path)) and Path(source).is_dir():
        graph = build(Path(source)).graph
        return "".join(graph.ntriples_lines()).encode("utf-8"), len(graph), graph.base
    paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
    if len(paths) == 1:
        as_it_is = _one_ntriples_file(paths[0])
        if as_it_is is not None:
            return as_it_is
    store = load_graph_files(paths)
    body = store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()) or b""
    return body, body.count(b"\n"), site_base(store)


_WEBSITE = b" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/WebSite> .\n"


def _one_ntriples_file(path: Path) -> tuple[bytes, int, str | None] | None:
    """One N-Triples file of a triple a line (as ``kg build`` writes ``graph.nt``) is sent as it is, once
    checked: no store to load it into, so a quarter of the memory and time at 100k documents. ``None`` for
    another file, or one with comments, blank lines or a last line without its line end."""
    from kg.formats import GraphFileError, check_readable, graph_format

    if graph_format(path).rdf != RdfFormat.N_TRIPLES:
        return None
    check_readable(path)
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise GraphFileError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    try:
        triples = sum(1 for _ in parse(body, format=RdfFormat.N_TRIPLES))
    except (SyntaxError, ValueError) as exc:
        raise GraphFileError(f"not valid N-Triples: {' '.join(str(exc).split())}", str(path)) from None
    if triples != body.count(b"\n") or (body and not body.endswith(b"\n")):
        return None
    named: list[str] = []
    start = body.find(_WEBSITE)
    while start >= 0:  # the site's schema:WebSite, as kg.query.site_base finds it in a store
        line = body[body.rfind(b"\n", 0, start) + 1:start + len(_WEBSITE)]
        named += [t.subject.value for t in parse(line, format=RdfFormat.N_TRIPLES) if isinstance(t.subject, NamedNode)]
        start = body.find(_WEBSITE, start + len(_WEBSITE))
    named.sort()
    return body, triples, named[0].removesuffix("#website").rstrip("/") if named else None


def put_graph(endpoint: str, graph_iri: str, body: bytes, *, timeout: float = DEFAULT_TIMEOUT) -> int:
    """``PUT`` ``body`` (N-Triples) as the graph ``graph_iri`` at the Graph Store Protocol ``endpoint``.

    Returns the HTTP status (200, 201 or 204); raises :class:`PushError` with one
    readable line otherwise. ``timeout`` is a deadline for the whole request, not for each
    read: a store that answers one byte at a time is given up on after ``timeout`` seconds.
    """
    store = _endpoint(endpoint, "--endpoint", timeout, None, None)
    return _send(store, graph_iri, Chunk(memoryview(body), body.count(b"\n")), first=True)


__all__ = ["DEFAULT_CHUNK_TRIPLES", "DEFAULT_TIMEOUT", "PushError", "PushResult", "push", "push_chunks", "put_graph",
           "redact", "sparql_update", "split_credentials"]
