"""Queries with limits, shared fairly: each runs in a worker process, which is stopped when it overruns.

pyoxigraph cannot interrupt a running query, and a Python thread cannot be
stopped, so the only honest limit is a process. The graph is held once, by a
fork server (:mod:`kg.serve.zygote`): a fork of the server, sharing the store the
server opened (an on-disk store, or the graph loaded in memory) and all it imported;
every worker is a fork of it, ready in milliseconds and sharing the graph's memory,
so a killed worker costs nothing to replace. (Should the fork server itself die, a
new one is started as a script that opens or loads the graph again.) What each query may take:

- **time**: ``timeout`` seconds from the moment it is asked, *waiting included*:
  a query that waited for a worker for the whole limit is answered 503, never
  started late; when ``queue`` queries already wait, a new one is answered 503
  at once (:class:`Busy`, with a time to retry);
- **memory**: each worker's address space may grow ``max_memory`` bytes beyond the
  graph's (``RLIMIT_AS``); a query that needs more ends its worker and is
  answered :class:`OverLimit`; answers are cut at ``max_results`` rows and
  ``max_bytes`` bytes while they are written;
- **a fair share**: ``workers`` queries run at once. A query that has used
  ``long_after`` seconds of CPU (:data:`LONG_AFTER`; :data:`LONG_AFTER_ON_DISK` on an on-disk
  store, where the same query costs more) is *long*: as soon as a short query runs or waits
  beside it, it is moved to a low CPU priority (nice 10), so short queries and the
  server go first (alone, it keeps the machine); and at most ``workers - reserve``
  long queries run at once: a query that becomes long when that many already run
  is paused (``SIGSTOP``) until one ends, freeing its place for short queries, so
  ``reserve`` workers are always there for them (a long query can wait paused only
  while fewer than ``workers`` are; past that it is stopped, :class:`Busy`: so at most
  ``2 * workers`` processes hold a query's memory). A
  query that ran long lately, asked again (same text, formats and parameters), waits
  for the long lane from the start. A worker that was moved to a low priority, or
  whose heap grew by 256 MB, is replaced by a fresh fork (its priority cannot be
  raised back; this way it gives its memory back).
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.reduction import send_handle
from pathlib import Path

from kg.errors import KgError

#: Seconds the fork server may take to load the graph before it counts as broken.
LOAD_TIMEOUT = 600.0
#: CPU seconds a query uses before it counts as long (CPU, not wall time: a short query kept
#: waiting for a core by the others must not be taken for a long one).
LONG_AFTER = 0.05
#: The same on an on-disk store, where every term a query reads costs a RocksDB lookup (about 30 µs
#: against 3 in memory): a page of ten projects sorted by IRI takes 45–80 ms of CPU there and 4–6 ms in
#: memory, so the one threshold would send a light query to the long lane (and keep it there, as a
#: query known to run long) behind the heavy ones.
LONG_AFTER_ON_DISK = 0.25
#: The CPU priority (nice) a long query runs at: short queries and the server go first, and long ones
#: still get some of a busy machine (at 19 they would get almost none, and all run out of time).
LONG_NICE = 10
_TICKS = os.sysconf("SC_CLK_TCK")
_PAGE = os.sysconf("SC_PAGE_SIZE")
#: A worker whose heap grew by more than this (bytes) is replaced rather than given another query.
REUSE_GROWTH = 256 << 20
#: How many long queries are remembered (so that, asked again, they go to the long lane at once).
KNOWN_LONG = 1024
#: How often (seconds) the scheduler looks at the running queries.
TICK = 0.02


class QueryTimeout(Exception):
    """The query ran (or waited and ran) longer than the time limit and was stopped."""

    retry_after: int | None = None


class Busy(QueryTimeout):
    """The server is full: the query was not run (or was stopped) and may be asked again later."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class OverLimit(Exception):
    """The query needed more memory than a worker may have; its worker was replaced."""


class WorkerError(KgError):
    """A worker died (not over a limit), or the graph could not be loaded: on the command line, one line and
    exit status 2 (see :mod:`kg.errors`)."""


class RemoteError(Exception):
    """A query the worker refused: ``kind`` is the exception's class name (``QuerySyntaxError`` …)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


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
    cut_by: str | None = None
    """``"rows"`` or ``"bytes"`` when the answer was cut (see :class:`kg.query.WrittenAnswer`)."""


class _Forked:
    """A fork server forked from this process, waited for as a ``subprocess.Popen`` is."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            with contextlib.suppress(ChildProcessError):
                pid, status = os.waitpid(self.pid, os.WNOHANG)
                if pid == 0:
                    return None
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"fork server {self.pid}", timeout or 0)
            time.sleep(0.01)
        return self.returncode or 0

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)


class _ForkServer:
    """The zygote process and its control pipe (one caller at a time).

    Started as a script that loads ``graph`` (files, or ``--store DIR``), or — given ``shared``, a store
    this process holds already and before this process starts a thread of its own — forked from this
    process, sharing that store and everything imported (:func:`kg.serve.zygote.fork_server`)."""

    def __init__(self, graph: list[str], shared: object | None = None) -> None:
        ours, theirs = socket.socketpair()
        self.process: subprocess.Popen | _Forked
        if shared is not None:
            from kg.serve.zygote import fork_server

            try:
                self.process = _Forked(fork_server(theirs.fileno(), shared))
            finally:
                theirs.close()
        else:
            script = Path(__file__).with_name("zygote.py")
            env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", RUST_BACKTRACE="0")
            self.process = subprocess.Popen([sys.executable, str(script), str(theirs.fileno()), *graph],
                                            pass_fds=[theirs.fileno()], env=env, stdin=subprocess.DEVNULL)
            theirs.close()
        self.conn = Connection(ours.detach())
        self.lock = threading.Lock()

    def wait_ready(self) -> None:
        if not self.conn.poll(LOAD_TIMEOUT):
            self.close()
            raise WorkerError("the query workers did not load the graph in time")
        try:
            message = self.conn.recv()
        except (EOFError, OSError):
            raise WorkerError("the query worker process died while loading the graph") from None
        if message[0] != "ready":
            self.close()
            raise WorkerError(f"the query workers could not load the graph: {message[-1]}")

    def fork(self, settings: dict) -> _Worker:
        ours, theirs = socket.socketpair()
        with self.lock:
            self.conn.send(("fork", settings))
            send_handle(self.conn, theirs.fileno(), self.process.pid)
            theirs.close()
            message = self.conn.recv()
        return _Worker(self, message[1], Connection(ours.detach()))

    def reap(self, pid: int) -> str:
        with self.lock:
            self.conn.send(("reap", pid))
            return self.conn.recv()[2]

    def close(self) -> None:
        self.conn.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class _Worker:
    def __init__(self, server: _ForkServer, pid: int, conn: Connection) -> None:
        self.server = server
        self.pid = pid
        self.conn = conn
        self.ready = False
        self.ended: str | None = None
        self.data: int | None = None
        """The size of its data segment when it was ready (bytes)."""

    def wait_ready(self, deadline: float) -> None:
        if self.ready:
            return
        if not self.conn.poll(max(0.0, deadline - time.monotonic())):
            raise WorkerError("a query worker did not start in time")
        if self.conn.recv()[0] != "ready":
            raise WorkerError("a query worker did not start")
        self.ready = True
        self.data = self._data()

    def gone(self) -> bool:
        """Whether an idle worker has ended: its end of the pipe is closed (an idle one sends nothing)."""
        try:
            return self.conn.poll(0)
        except (OSError, EOFError, ValueError):
            return True

    def fit(self) -> bool:
        """Whether this worker may take another query: its heap has not grown by :data:`REUSE_GROWTH`
        (a worker that did is replaced, so that it gives the memory back)."""
        data = self._data()
        if self.data is None:
            self.data = data
        return data - self.data < REUSE_GROWTH

    def _data(self) -> int:
        try:
            with open(f"/proc/{self.pid}/statm", "rb") as statm:
                return int(statm.read().split()[5]) * _PAGE
        except (OSError, IndexError, ValueError):
            return 0

    def cpu(self) -> float:
        """CPU seconds this worker has used (0 when it cannot be read)."""
        try:
            with open(f"/proc/{self.pid}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / _TICKS  # utime, stime
        except (OSError, IndexError, ValueError):
            return 0.0

    def signal(self, signum: int) -> None:
        if self.ended is None:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signum)

    def end(self) -> str:
        """Kill this worker (if it still runs) and say how it ended."""
        if self.ended is None:
            self.signal(signal.SIGKILL)
            self.signal(signal.SIGCONT)
            self.conn.close()
            try:
                self.ended = self.server.reap(self.pid)
            except (EOFError, OSError):
                self.ended = "unknown"
        return self.ended


@dataclass(eq=False)
class _Job:
    worker: _Worker
    started: float
    deadline: float
    cpu: float = 0.0
    """The worker's CPU seconds when the query was sent."""
    long: bool = False
    key: tuple = ()
    known: bool = False
    """Whether it was known to be long when it was asked (so it ran in the long lane from the start)."""
    niced: bool = False
    paused: bool = False
    stopped: str | None = None
    """Why the scheduler stopped it (``"busy"``), if it did."""


@dataclass(eq=False)
class _Ticket:
    deadline: float
    long: bool = False
    key: tuple = ()
    granted: bool = False
    event: threading.Event = field(default_factory=threading.Event)


@dataclass
class Stats:
    """What the runner has done since it started (for tests and the load benchmark)."""

    answered: int = 0
    timed_out: int = 0
    busy: int = 0
    over_memory: int = 0
    crashed: int = 0
    paused: int = 0
    forks: int = 0
    waits: deque[float] = field(default_factory=lambda: deque(maxlen=10_000), repr=False)
    """Seconds the last queries waited for a place."""


class QueryRunner:
    """Worker processes answering SPARQL queries over the same graph files, within the limits above."""

    def __init__(self, graph_files: list[Path], *, workers: int = 2, timeout: float = 10.0,
                 max_results: int | None = 10_000, max_bytes: int | None = None, max_memory: int | None = None,
                 queue: int | None = None, reserve: int | None = None, long_after: float | None = None,
                 store: Path | None = None, shared: object | None = None) -> None:
        self.graph_files = [str(f) for f in graph_files]
        self.store = store
        """The on-disk store the workers share (opened read-only), instead of loading ``graph_files``."""
        self._graph = ["--store", str(store)] if store is not None else self.graph_files
        self.workers = max(1, workers)
        self.timeout = timeout
        self.max_results = max_results
        self.max_bytes = max_bytes
        self.max_memory = max_memory
        self.queue = queue if queue is not None else 64 * self.workers
        self.reserve = min(self.workers - 1, reserve if reserve is not None else max(1, self.workers // 2))
        self.long_lane = max(1, self.workers - self.reserve)
        self.max_paused = self.workers
        self.long_after = long_after if long_after is not None else (
            LONG_AFTER_ON_DISK if store is not None else LONG_AFTER)
        self.stats = Stats()
        self._cond = threading.Lock()
        self._waiting: deque[_Ticket] = deque()
        self._waiting_long: deque[_Ticket] = deque()
        self._known_long: dict[tuple, bool] = {}
        """Queries (text, formats, parameters) that ran long lately: asked again, they wait for the long lane."""
        self._running: set[_Job] = set()
        self._paused: deque[_Job] = deque()
        self._idle: list[_Worker] = []
        self._spare_wanted = 0
        self._active = 0
        self._long_active = 0
        self._closed = False
        self._server = _ForkServer(self._graph, shared)
        self._settings = {"max_memory": max_memory}
        self._scheduler = threading.Thread(target=self._schedule, name="kg-serve-scheduler", daemon=True)

    # -- life -----------------------------------------------------------------------------------
    def wait_ready(self) -> None:
        """Block until the graph is loaded and the first workers are forked (raises :class:`WorkerError`)."""
        self._server.wait_ready()
        for _ in range(self.workers):
            self._idle.append(self._fork())
        deadline = time.monotonic() + LOAD_TIMEOUT
        for worker in self._idle:
            worker.wait_ready(deadline)
        if not self._scheduler.is_alive():
            self._scheduler.start()

    def state(self) -> dict[str, int]:
        """How many queries wait, run (long ones among them) and are paused, and idle workers."""
        with self._cond:
            return {"waiting": len(self._waiting), "waiting_long": len(self._waiting_long), "active": self._active,
                    "long": self._long_active,
                    "paused": len(self._paused), "running": len(self._running), "idle": len(self._idle)}

    def close(self) -> None:
        with self._cond:
            self._closed = True
            workers = self._idle + [job.worker for job in self._running]
            self._idle = []
            for ticket in (*self._waiting, *self._waiting_long):
                ticket.event.set()
        for worker in workers:
            worker.end()
        self._server.close()

    def _fork(self) -> _Worker:
        self.stats.forks += 1
        try:
            return self._server.fork(self._settings)
        except (EOFError, OSError):  # the fork server died (killed from outside): load the graph again
            with self._cond:
                if self._closed:
                    raise WorkerError("the server is shutting down") from None
            self._server = _ForkServer(self._graph)
            self._server.wait_ready()
            return self._server.fork(self._settings)

    # -- one query ------------------------------------------------------------------------------
    def query(self, sparql: str, results_format: str, rdf_format: str, params: dict[str, str] | None = None, *,
              asked: float | None = None) -> Answer:
        """Run ``sparql`` in a worker, the answer written in ``results_format`` (SELECT/ASK) or
        ``rdf_format`` (CONSTRUCT/DESCRIBE); ``params`` bind variables as ``kg query --param`` does.
        ``asked`` is when the request came (``time.monotonic()``), from which the time limit counts.

        Raises :class:`Busy` or :class:`QueryTimeout`, :class:`OverLimit`, :class:`RemoteError` for a
        query the worker refused, or :class:`WorkerError`."""
        deadline = (asked if asked is not None else time.monotonic()) + self.timeout
        key = (sparql, results_format, rdf_format, tuple(sorted((params or {}).items())))
        with self._cond:
            known = key in self._known_long
        ticket = self._take_place(deadline, known, key)
        job = None
        try:
            worker = self._take_worker(deadline)
            known = ticket.long  # it may have been moved to the long lane while it waited
            job = _Job(worker, time.monotonic(), deadline, worker.cpu(), long=known, key=key, known=known)
            with self._cond:
                self._running.add(job)
            worker.conn.send((sparql, results_format, rdf_format, params or {}, self.max_results, self.max_bytes))
            message = self._wait_for(job)
        except BaseException:
            if job is not None:
                job.worker.end()
            raise
        finally:
            self._leave(job, ticket)
        self.stats.answered += 1
        if message[0] == "ok":
            return message[1]
        if message[0] == "memory":
            self.stats.over_memory += 1
            raise OverLimit(self._memory_message())
        raise RemoteError(message[1], message[2])

    def _take_place(self, deadline: float, long: bool = False, key: tuple = ()) -> _Ticket:
        """Wait (in turn) for a place — in the long lane for a query known to be long — or raise at the
        deadline.

        Each waiting query waits on an event of its own, set when its turn comes: with hundreds
        waiting, waking them all at every turn would cost more than the queries."""
        with self._cond:
            if self._closed:
                raise WorkerError("the server is shutting down")
            if len(self._waiting) + len(self._waiting_long) >= self.queue:
                self.stats.busy += 1
                raise Busy(f"the server is busy: {self.queue} queries are waiting already; "
                           f"ask again in a few seconds", self._retry_after())
            ticket = _Ticket(deadline, long=long, key=key)
            (self._waiting_long if long else self._waiting).append(ticket)
            self._grant()
        asked = time.monotonic()
        ticket.event.wait(max(0.0, deadline - asked))
        with self._cond:
            if ticket.granted:
                self.stats.waits.append(time.monotonic() - asked)
                return ticket
            (self._waiting_long if ticket.long else self._waiting).remove(ticket)
            self.stats.timed_out += 1
        if self._closed:
            raise WorkerError("the server is shutting down")
        raise Busy(f"the query waited for a free worker for the whole time limit of {self.timeout:g} s "
                   "and was not run; ask again in a few seconds", self._retry_after())

    def _grant(self) -> None:
        """Give free places: to paused long queries and to queries known to be long while the long lane has
        room, then to the others, each first come first served (with ``_cond`` held)."""
        self._resume()
        while self._waiting_long and self._long_active < self.long_lane and self._active < self.workers:
            ticket = self._waiting_long.popleft()
            ticket.granted = True
            self._active += 1
            self._long_active += 1
            ticket.event.set()
        while self._waiting and self._active < self.workers:
            ticket = self._waiting.popleft()
            ticket.granted = True
            self._active += 1
            ticket.event.set()

    def _take_worker(self, deadline: float) -> _Worker:
        while True:
            with self._cond:
                worker = self._idle.pop() if self._idle else None
            if worker is None:
                worker = self._fork()
            if worker.ready and worker.gone():  # killed while idle (or with its fork server): not for this query
                worker.end()
                continue
            worker.wait_ready(deadline)
            return worker

    def _wait_for(self, job: _Job) -> tuple:
        """The worker's reply, or the reason it has none (timeout, memory, crash, stopped by the scheduler)."""
        conn = job.worker.conn
        while True:
            remaining = job.deadline - time.monotonic()
            if remaining <= 0:
                job.worker.end()
                self.stats.timed_out += 1
                raise QueryTimeout(f"the query took longer than the time limit of {self.timeout:g} s "
                                   f"(waiting for a worker included) and was stopped")
            try:
                if not conn.poll(remaining):
                    continue
                return conn.recv()
            except (EOFError, OSError):
                break
        how = job.worker.end()
        if job.stopped == "timeout":
            self.stats.timed_out += 1
            raise QueryTimeout(f"the query took longer than the time limit of {self.timeout:g} s "
                               f"(waiting for a worker included) and was stopped")
        if job.stopped == "busy":
            self.stats.busy += 1
            raise Busy(f"the server is busy with {self.long_lane + self.max_paused} long queries; this one ran "
                       f"longer than {self.long_after:g} s and was stopped: ask again in a few seconds",
                       self._retry_after())
        if how == f"signal {signal.SIGABRT}" and self.max_memory:  # Rust aborts when an allocation fails
            self.stats.over_memory += 1
            raise OverLimit(self._memory_message())
        self.stats.crashed += 1
        raise WorkerError(f"the query worker stopped while answering ({how}); the query was not answered")

    def _memory_message(self) -> str:
        mb = (self.max_memory or 0) >> 20
        return (f"the query needed more memory than a query may use here ({mb} MB) and was stopped; "
                "ask for less (LIMIT, fewer variables, no ORDER BY over everything)")

    def _leave(self, job: _Job | None, ticket: _Ticket) -> None:
        """A query is done: free its place, keep its worker if it is fit for more, let the next one in."""
        retire = None
        with self._cond:
            if job is None:
                self._active -= 1
                self._long_active -= ticket.long
            else:
                if job.known and job.worker.ended is None and job.worker.cpu() - job.cpu < self.long_after:
                    self._known_long.pop(job.key, None)  # it was long once, not now
                self._running.discard(job)
                if job.paused:  # a paused query holds no place (and is not counted in the long lane)
                    self._paused.remove(job)
                else:
                    self._active -= 1
                    if job.long:
                        self._long_active -= 1
                if job.worker.ended is None and not job.niced and not self._closed and job.worker.fit():
                    self._idle.append(job.worker)
                else:
                    retire = job.worker
                    self._spare_wanted += 1
            self._grant()
        if retire is not None:
            retire.end()

    def _resume(self) -> None:
        """Let paused long queries go on while the long lane has room (with ``_cond`` held)."""
        while self._paused and self._long_active < self.long_lane and self._active < self.workers:
            job = self._paused.popleft()
            job.paused = False
            self._active += 1
            self._long_active += 1
            job.worker.signal(signal.SIGCONT)

    def _learn_long(self, key: tuple) -> None:
        """Remember that ``key`` runs long, and move the same query waiting for a place to the long lane
        (with ``_cond`` held)."""
        if key not in self._known_long:
            moved = [ticket for ticket in self._waiting if ticket.key == key]
            for ticket in moved:
                self._waiting.remove(ticket)
                ticket.long = True
            self._waiting_long.extend(moved)
        self._known_long[key] = True
        while len(self._known_long) > KNOWN_LONG:
            self._known_long.pop(next(iter(self._known_long)))

    @staticmethod
    def _renice(worker: _Worker) -> None:
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, worker.pid, LONG_NICE)

    def _retry_after(self) -> int:
        return max(1, math.ceil(min(self.timeout, 5.0)))

    # -- the scheduler --------------------------------------------------------------------------
    def _schedule(self) -> None:
        while True:
            time.sleep(TICK)
            with self._cond:
                if self._closed:
                    return
                now = time.monotonic()
                for job in list(self._running):
                    if now > job.deadline + 0.1 and job.stopped is None:  # its thread may be blocked reading
                        job.stopped = "timeout"
                        job.worker.signal(signal.SIGKILL)
                    if job.long or job.paused or job.worker.cpu() - job.cpu < self.long_after:
                        continue
                    job.long = True
                    self._learn_long(job.key)
                    if self._long_active < self.long_lane:
                        self._long_active += 1
                    elif len(self._paused) < self.max_paused:
                        job.worker.signal(signal.SIGSTOP)
                        job.paused = True
                        self._paused.append(job)
                        self._active -= 1
                        self.stats.paused += 1
                    else:
                        job.stopped = "busy"
                        self._long_active += 1  # counted until it leaves, as every long query
                        job.worker.signal(signal.SIGKILL)
                if self._waiting or self._active > self._long_active:  # someone to give way to
                    for job in self._running:
                        if job.long and not job.niced:
                            job.niced = True
                            self._renice(job.worker)
                self._grant()
                spares, self._spare_wanted = self._spare_wanted, 0
            for _ in range(spares):  # fresh workers for those that ran long or died, forked outside the lock
                try:
                    worker = self._fork()
                except (WorkerError, EOFError, OSError):
                    break
                with self._cond:
                    if self._closed or len(self._idle) >= self.workers:
                        extra = worker
                    else:
                        self._idle.append(worker)
                        extra = None
                if extra is not None:
                    extra.end()
