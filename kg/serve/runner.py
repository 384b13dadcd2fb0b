"""Queries with a time limit: each runs in a worker process that is killed when it takes too long.

pyoxigraph cannot interrupt a running query, and a Python thread cannot be
stopped, so the only honest time limit is a process. Each worker loads the graph
files into its own store once, then answers queries sent over a pipe. A query
that overruns the limit costs its worker: it is killed and a fresh one started
(it loads the graph again while the others go on serving).

Workers are started with ``spawn`` (not ``fork``): the server has threads, and
forking a threaded process is unsafe.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

#: Seconds a worker may take to load the graph before it counts as broken.
LOAD_TIMEOUT = 600.0


class QueryTimeout(Exception):
    """The query ran longer than the time limit and was stopped."""


class WorkerError(Exception):
    """A worker died or failed to load the graph."""


@dataclass
class Answer:
    """A worker's answer: the serialised result and what it is."""

    kind: str
    """``select``, ``ask`` or ``graph``."""
    format: str
    """The format name it is written in (``json``, ``ttl`` …)."""
    body: bytes
    count: int
    truncated: bool


def _worker_main(conn: Connection, graph_files: list[str]) -> None:  # pragma: no cover - runs in a child
    """A worker: load the graph, say ready, then answer ``(sparql, results_format, rdf_format, params, limit)``."""
    from kg.serve.sandbox import deny_network

    deny_network()  # first, while this process has one thread; the SERVICE check in write_answer stands anyway
    from kg.diagnostics import SiteError
    from kg.query import open_store, parse_param, write_answer
    from kg.query.formats import FormatError

    try:
        store = open_store([Path(f) for f in graph_files])
    except Exception as exc:
        conn.send(("error", "load", str(exc)))
        return
    conn.send(("ready",))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        sparql, results_format, rdf_format, params, limit = request
        try:
            bindings = dict(parse_param(f"{name}={value}") for name, value in params.items())
            written = write_answer(store, sparql, bindings, results_format=results_format, rdf_format=rdf_format,
                                   limit=limit)
            conn.send(("ok", Answer(written.kind, written.format, written.body, written.count, written.truncated)))
        except SiteError as exc:
            conn.send(("error", type(exc).__name__, str(exc)))
        except FormatError as exc:
            conn.send(("error", "FormatError", str(exc)))
        except Exception as exc:
            conn.send(("error", "QueryError", f"query failed: {exc}"))


class _Worker:
    def __init__(self, context: Any, graph_files: list[str]) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, graph_files), daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(LOAD_TIMEOUT):
            self.kill()
            raise WorkerError("a query worker did not load the graph in time")
        try:
            message = self.conn.recv()
        except EOFError:
            raise WorkerError("a query worker died while loading the graph") from None
        if message[0] != "ready":
            self.kill()
            raise WorkerError(f"a query worker could not load the graph: {message[-1]}")
        self.ready = True

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryRunner:
    """A pool of worker processes answering SPARQL queries over the same graph files, each within ``timeout``."""

    def __init__(self, graph_files: list[Path], *, workers: int = 2, timeout: float = 10.0,
                 max_results: int | None = 10_000) -> None:
        self.graph_files = [str(f) for f in graph_files]
        self.timeout = timeout
        self.max_results = max_results
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, workers)):
            self._add_worker()

    def _add_worker(self) -> None:
        with self._lock:
            if self._closed:
                return
            worker = _Worker(self._context, self.graph_files)
            self._all.append(worker)
        self._idle.put(worker)

    def wait_ready(self) -> None:
        """Block until every worker has loaded the graph (raises :class:`WorkerError` if one cannot)."""
        for worker in list(self._all):
            worker.wait_ready()

    def query(self, sparql: str, results_format: str, rdf_format: str, params: dict[str, str] | None = None) -> Answer:
        """Run ``sparql`` in a worker, the answer written in ``results_format`` (SELECT/ASK) or
        ``rdf_format`` (CONSTRUCT/DESCRIBE); ``params`` bind variables as ``kg query --param`` does.

        Raises :class:`QueryTimeout`, :class:`RemoteError` for a query the worker refused, or
        :class:`WorkerError` when the worker died."""
        worker = self._idle.get()
        try:
            worker.wait_ready()
        except WorkerError:
            self._replace(worker)
            raise
        worker.conn.send((sparql, results_format, rdf_format, params or {}, self.max_results))
        if not worker.conn.poll(self.timeout):
            self._replace(worker)
            raise QueryTimeout(f"the query took longer than the time limit of {self.timeout:g} s and was stopped")
        try:
            message = worker.conn.recv()
        except EOFError:
            self._replace(worker)
            raise WorkerError("the query worker died (out of memory?)") from None
        self._idle.put(worker)
        if message[0] == "ok":
            return message[1]
        raise RemoteError(message[1], message[2])

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        self._add_worker()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers, self._all = self._all, []
        for worker in workers:
            worker.kill()


class RemoteError(Exception):
    """A query the worker refused: ``kind`` is the exception's class name (``QuerySyntaxError`` …)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
