"""Reading many documents on several cores.

Parsing front matter is pure Python work, one file at a time and independent of
every other file, so a big site is read by a pool of forked worker processes,
each taking a run of files in path order. Workers return their documents and
diagnostics; the order of the result is the order of the files, so the build is
the same whichever process read what. Small sites, machines with one core and
systems without ``fork`` read everything in this process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from kg.diagnostics import Diagnostic, Diagnostics
from kg.forked import die_with_parent, prepare_children
from kg.load.documents import Document

PARALLEL_FROM = 1000
"""Sites with fewer documents than this are read in one process (starting workers costs more)."""
CHUNK = 250
"""Documents per task: small enough to share the work evenly, big enough to keep messages few."""
MAX_WORKERS = 8

ReadOne = Callable[[str, str, Diagnostics], "Document | None"]
"""Reads one document: ``(collection, site-relative path, diagnostics) → Document or None``."""

_read_one: ReadOne | None = None  # what a forked worker calls; set just before the fork


def default_workers() -> int:
    """The cores this process may use (``KG_WORKERS`` overrides), at most :data:`MAX_WORKERS`."""
    wanted = os.environ.get("KG_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def read_documents(
    found: list[tuple[str, str]],
    read_one: ReadOne,
    diags: Diagnostics,
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Document]:
    """Every ``(collection, path)`` in ``found`` read with ``read_one``, in the order given."""
    workers = default_workers() if workers is None else max(1, workers)
    parallel = workers > 1 and len(found) >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods()
    if progress is not None:
        progress(0, len(found))
    documents: list[Document] = []
    done = 0
    chunks = [found[i : i + CHUNK] for i in range(0, len(found), CHUNK)]
    results = _in_workers(chunks, read_one, workers) if parallel else (_read_chunk(c, read_one) for c in chunks)
    for chunk, (docs, items) in zip(chunks, results, strict=True):
        documents.extend(docs)
        diags.items.extend(items)
        done += len(chunk)
        if progress is not None:
            progress(done, len(found))
    return documents


def _read_chunk(chunk: list[tuple[str, str]], read_one: ReadOne) -> tuple[list[Document], list[Diagnostic]]:
    local = Diagnostics()
    docs = [doc for label, rel in chunk if (doc := read_one(label, rel, local)) is not None]
    share_strings(docs)
    return docs, local.items


SHARED_UP_TO = 64
"""Strings of front matter up to this long are held once a chunk of documents (keys, languages, paths)."""


def share_strings(docs: list[Document]) -> None:
    """The same short string in many documents' front matter made one object: each file's parser
    makes its own "title", "lang" and "_themes/…", and a big site's copies add up (a fifth of its
    front matter's memory). Sent from a reading worker, each is then sent once a chunk too (pickle
    writes an object it has written before as a reference).

    Lists and mappings are changed in place and each visited once, so that what YAML's anchors
    share stays shared (an alias bomb is no bigger for it) and a value that holds itself is no loop.
    """
    memo: dict[str, str] = {}
    share = memo.setdefault
    seen: set[int] = set()

    def walk(value: Any) -> Any:
        kind = type(value)
        if kind is str:
            return share(value, value) if len(value) <= SHARED_UP_TO else value
        if (kind is dict or kind is list) and id(value) not in seen:
            seen.add(id(value))
            if kind is dict:
                items = [(share(k, k) if type(k) is str else k, v) for k, v in value.items()]
                value.clear()
                for k, v in items:
                    value[k] = walk(v)
            else:
                value[:] = [walk(item) for item in value]
        return value

    for doc in docs:
        walk(doc.data)
        doc.key_lines = {share(k, k): line for k, line in doc.key_lines.items()}


def _start_reader(parent: int) -> None:
    """Ctrl-C is the main process's to handle (it stops the pool); a worker must not print a traceback.
    A worker dies with the main process, however that ends (else it would wait for work for ever)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked from birth: see _submit
    die_with_parent(parent)


def _submit(pool: ProcessPoolExecutor, chunks: list[list[tuple[str, str]]]) -> list:
    """Submit each chunk; the workers are forked meanwhile with Ctrl-C blocked, so that one pressed
    before a worker has set it aside (in :func:`_start_reader`) reaches only the main process."""
    blocked = hasattr(signal, "pthread_sigmask")
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if blocked else None
    try:
        return [pool.submit(_in_worker, chunk) for chunk in chunks]
    finally:
        if old is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _in_worker(chunk: list[tuple[str, str]]) -> tuple[list[Document], list[Diagnostic]]:
    assert _read_one is not None
    return _read_chunk(chunk, _read_one)


def _in_workers(chunks: list[list[tuple[str, str]]], read_one: ReadOne,
                workers: int) -> Iterator[tuple[list[Document], list[Diagnostic]]]:
    """Each chunk's result, in order. A worker that dies (a crash inside a C parser, or killed)
    costs only the file that killed it: that chunk is read again, split in halves in fresh
    processes, until the file is found and reported; the rest of the site is read as usual."""
    global _read_one
    _read_one = read_one  # inherited by the forked workers, never pickled
    pending = list(chunks)
    try:
        while pending:
            pool = _pool(min(workers, len(pending)))
            finished = False
            try:
                futures = _submit(pool, pending)
                for index, future in enumerate(futures):
                    try:
                        result = future.result()
                    except BrokenProcessPool:  # this chunk, or one read beside it, killed its worker
                        _stop(pool)
                        yield _isolate(pending[index])
                        pending = pending[index + 1:]
                        break
                    yield result
                else:
                    pending = []
                finished = True
            finally:
                _close(pool, graceful=finished)
    finally:
        _read_one = None


def _stop(pool: ProcessPoolExecutor) -> None:
    """The broken pool's other workers stopped: one may be blocked writing a result nobody will read any more,
    and waiting for it would wait for ever."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            process.kill()
            process.join(timeout=5)


def _close(pool: ProcessPoolExecutor, graceful: bool = True) -> None:
    """The pool shut down once every result it owes has been taken: its workers are given a moment to
    leave, then stopped rather than waited for (a worker blocked on the result pipe while the pool winds
    down would be waited for for ever). When the build is stopping (an error, a signal), at once."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            if graceful:
                process.join(timeout=2)
            if process.is_alive():
                process.kill()  # SIGKILL: a handler the worker inherited cannot run while it is blocked in C
                process.join(timeout=5)
    pool.shutdown(wait=True)  # its workers gone, the pool's own thread ends: nothing is left to wait for at exit


def _pool(workers: int) -> ProcessPoolExecutor:
    prepare_children()
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_reader, initargs=(os.getpid(),))


def _isolate(chunk: list[tuple[str, str]]) -> tuple[list[Document], list[Diagnostic]]:
    """Read ``chunk`` in a process of its own; if that dies, halve the chunk until the file is found."""
    pool = _pool(1)
    try:
        return _submit(pool, [chunk])[0].result()
    except BrokenProcessPool:
        _stop(pool)
    finally:
        _close(pool)
    if len(chunk) == 1:
        return [], [Diagnostic(chunk[0][1], None, "reader-crash", "the process reading this file died (a crash "
                               "inside a parser, or it was killed); file skipped", severity="error")]
    middle = len(chunk) // 2
    first, second = _isolate(chunk[:middle]), _isolate(chunk[middle:])
    return first[0] + second[0], first[1] + second[1]
