"""``kg push``: put the graph into a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

One HTTP ``PUT {endpoint}?graph={graph IRI}`` with the graph as N-Triples (the
union graph, exactly the lines of ``graph.nt``) replaces that named graph: the
protocol's PUT means "this is now the whole graph", so pushing twice leaves the
triples there once, and the store's other graphs are not touched. The endpoint is
the store's graph-store URL: Oxigraph ``/store``, Fuseki ``/DATASET/data``,
GraphDB ``/repositories/REPO/rdf-graphs/service``, Virtuoso
``/sparql-graph-crud``, Neptune ``/sparql/gsp/``.

A user name and password may be given in the endpoint URL
(``https://user:secret@host/…``); they are sent as HTTP Basic authentication and
never appear in a message.

>>> push("content", "http://127.0.0.1:7878/store")          # doctest: +SKIP
PushResult(endpoint='http://127.0.0.1:7878/store', graph_iri='https://digidemlab.org/kg/graph', triples=517, status=201)
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit, urlunsplit

from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, serialize

from kg.diagnostics import SiteError

#: Seconds the whole push may take: connecting, sending the graph and reading the answer.
DEFAULT_TIMEOUT = 300.0
#: What kg push sends: N-Triples, which every graph store reads.
NTRIPLES = "application/n-triples"


class PushError(SiteError):
    """The store could not be reached, or refused the graph (exit status 2 on the command line)."""


@dataclass(frozen=True)
class PushResult:
    """What was pushed where: the endpoint (without credentials), the graph IRI, the triple count, the HTTP status."""

    endpoint: str
    graph_iri: str
    triples: int
    status: int


def push(source: str | Path | Sequence[str | Path], endpoint: str, graph_iri: str | None = None, *,
         timeout: float = DEFAULT_TIMEOUT) -> PushResult:
    """Replace the named graph ``graph_iri`` of the store at ``endpoint`` by the graph of ``source``.

    ``source`` is a site folder (built in memory) or graph files ``kg build`` wrote
    (their union is pushed). ``graph_iri`` defaults to the site URL + ``/kg/graph``.
    Raises :class:`PushError` when the store is unreachable or answers with an error,
    and :class:`~kg.diagnostics.SiteError` when the source cannot be read.
    """
    body, count, base = ntriples_of(source)
    if graph_iri is None:
        if not base:
            raise PushError("the graph has no site URL to name its graph after; give --graph-iri")
        graph_iri = base + "/kg/graph"
    try:
        NamedNode(graph_iri)
    except ValueError:
        raise PushError(f"--graph-iri {graph_iri!r} is not a valid IRI") from None
    status = put_graph(endpoint, graph_iri, body, timeout=timeout)
    return PushResult(redact(endpoint), graph_iri, count, status)


def ntriples_of(source: str | Path | Sequence[str | Path]) -> tuple[bytes, int, str | None]:
    """The union graph of ``source`` as N-Triples bytes, its number of triples, and the site URL."""
    from kg.pipeline import build
    from kg.query import site_base
    from kg.query.sources import load_graph_files

    if isinstance(source, (str, Path)) and Path(source).is_dir():
        graph = build(Path(source)).graph
        return "".join(graph.ntriples_lines()).encode("utf-8"), len(graph), graph.base
    paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
    store = load_graph_files(paths)
    triples = sorted({q.triple for q in store.quads_for_pattern(None, None, None, DefaultGraph())}, key=str)
    return serialize(triples, format=RdfFormat.N_TRIPLES) or b"", len(triples), site_base(store)


def put_graph(endpoint: str, graph_iri: str, body: bytes, *, timeout: float = DEFAULT_TIMEOUT) -> int:
    """``PUT`` ``body`` (N-Triples) as the graph ``graph_iri`` at the Graph Store Protocol ``endpoint``.

    Returns the HTTP status (200, 201 or 204); raises :class:`PushError` with one
    readable line otherwise. ``timeout`` is a deadline for the whole request, not for each
    read: a store that answers one byte at a time is given up on after ``timeout`` seconds.
    """
    url, authorization = split_credentials(endpoint)
    shown = redact(endpoint)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"--endpoint {shown!r} is not an http(s) URL")
    separator = "&" if parts.query else "?"
    target = url + separator + urlencode({"graph": graph_iri})
    headers = {"Content-Type": NTRIPLES, "User-Agent": "kg-push"}
    if authorization:
        headers["Authorization"] = authorization
    request = urllib.request.Request(target, data=body, method="PUT", headers=headers)  # noqa: S310 - http(s) only
    deadline = _Deadline()
    opener = urllib.request.build_opener(_HTTPHandler(deadline), _HTTPSHandler(deadline))
    timer = threading.Timer(timeout, deadline.expire)
    timer.daemon = True
    timer.start()
    late = PushError(f"{shown} did not answer within {timeout:g} s")
    try:
        with opener.open(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        if deadline.expired:
            raise late from None
        raise PushError(f"{shown} answered {exc.code} {exc.reason}{_detail(exc)}") from None
    except urllib.error.URLError as exc:
        if deadline.expired or isinstance(exc.reason, TimeoutError):
            raise late from None
        raise PushError(f"cannot reach {shown}: {_reason(exc.reason)}") from None
    except TimeoutError:
        raise late from None
    except (http.client.HTTPException, OSError) as exc:
        if deadline.expired:
            raise late from None
        raise PushError(f"{shown}: the connection failed ({_reason(exc)})") from None
    finally:
        timer.cancel()
    if deadline.expired:
        raise late
    return status


class _Deadline:
    """The connections of one push, cut off (``shutdown``) when its time is up, whatever they are doing."""

    def __init__(self) -> None:
        self.connections: list[http.client.HTTPConnection] = []
        self.expired = False
        self.lock = threading.Lock()

    def connection(self, cls: type[http.client.HTTPConnection]):
        def make(host: str, **kwargs) -> http.client.HTTPConnection:
            conn = cls(host, **kwargs)
            with self.lock:
                self.connections.append(conn)
            return conn

        return make

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            for conn in self.connections:
                sock = conn.sock
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(self.deadline.connection(http.client.HTTPConnection), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        return self.do_open(self.deadline.connection(http.client.HTTPSConnection), req, context=self._context)


def split_credentials(endpoint: str) -> tuple[str, str | None]:
    """The endpoint without ``user:password@``, and the Basic ``Authorization`` header they make (if any)."""
    parts = urlsplit(endpoint)
    if parts.username is None:
        return endpoint, None
    user, password = unquote(parts.username), unquote(parts.password or "")
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return urlunsplit(parts._replace(netloc=_host_port(parts))), f"Basic {token}"


def redact(endpoint: str) -> str:
    """The endpoint as it may be shown: without user name or password."""
    parts = urlsplit(endpoint)
    if parts.username is None and "@" not in parts.netloc:
        return endpoint
    return urlunsplit(parts._replace(netloc=_host_port(parts)))


def _host_port(parts) -> str:
    """``host[:port]`` of a split URL, without any ``user:password@``."""
    return parts.netloc.rpartition("@")[2]


def _detail(exc: urllib.error.HTTPError) -> str:
    """The first line of the store's error message, cut short, if it sent one."""
    try:
        text = exc.read(2000).decode("utf-8", errors="replace")
    except OSError:
        return ""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    line = "".join(c if c.isprintable() else " " for c in line)
    return f": {line[:200]}" if line else ""


def _reason(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower() if reason.strerror[:1].isupper() else reason.strerror
    return " ".join(str(reason).split()) or type(reason).__name__


__all__ = ["DEFAULT_TIMEOUT", "PushError", "PushResult", "push", "put_graph", "redact"]
