"""The process that holds the graph once and forks ready query workers from it.

``kg serve`` starts this file as a script (``python …/zygote.py FD FILE…`` or
``python …/zygote.py FD --store DIR``), not as ``-m kg.serve.zygote``: so it can leave
the network (:mod:`kg.serve.sandbox`) while it is still a single thread, before ``kg``
(and numpy's thread pool) is imported. It loads the graph files into one in-memory
store — or opens the on-disk store ``kg build --store`` wrote, read-only, which takes
milliseconds and holds the graph on disk (the page cache), not in this process — says
``ready``, then waits on its control pipe (file descriptor ``FD``) for

- ``("fork", settings)`` followed by a file descriptor: fork a worker that answers
  queries on that descriptor; reply ``("forked", pid)``;
- ``("reap", pid)``: wait for that worker to end and reply ``("ended", pid, how)``
  (``how`` is ``"signal 9"``, ``"exit 0"``…), so the server can say why a worker
  died (a worker over its memory limit aborts: ``signal 6``).

A fork costs milliseconds and shares the graph's memory with every worker until
one of them writes to it, so a killed worker is replaced without loading the graph
again. An on-disk store is shared the same way: each worker inherits the open store
(its files, indexes and filters read once, by this process), and what it reads
later is the kernel's page cache, one copy for all. Workers only read, and the
store's own threads (RocksDB's, idle for a read-only store) never run in a fork.

When the control pipe closes (the server ended, however it ended) this process
kills its workers and exits; each worker is killed when this process dies.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import os
import signal
import sys
from typing import Any

PR_SET_PDEATHSIG = 1
#: Each worker runs its queries on a thread with this much stack, so a query built as a long chain
#: (ten thousand ``UNION``/``MINUS``/``||``) does not overflow the 8 MB of a main thread.
WORKER_STACK = 256 << 20


@functools.lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    """The C library, or None where it cannot be loaded."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    except OSError:
        return None


def _die_with_parent() -> None:
    """Have the kernel kill this process when its parent dies (Linux)."""
    with contextlib.suppress(AttributeError):
        if (libc := _libc()) is not None:
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


BIG_ANSWER = 1 << 20
"""After an answer of this many bytes or more, a worker hands the memory it freed back to the system."""


def _give_back() -> None:
    """Return the heap's free pages to the system (glibc's ``malloc_trim``; nothing elsewhere): a worker
    that wrote a 30 MB answer would otherwise hold those pages until it is replaced, in every worker."""
    with contextlib.suppress(AttributeError):  # a C library without malloc_trim (musl)
        if (libc := _libc()) is not None:
            libc.malloc_trim(0)


def _vm_size() -> int:
    """This process's virtual memory size in bytes (what ``RLIMIT_AS`` counts)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def main(argv: list[str]) -> None:  # pragma: no cover - runs as its own process
    import importlib.util

    control_fd, files = int(argv[1]), argv[2:]
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.remove(here)  # kg/serve/ is not a place to import top-level modules from
    # sandbox.py uses ctypes and sys only; loaded by path, so that the kg package (and numpy) is not imported yet
    spec = importlib.util.spec_from_file_location("_kg_sandbox", os.path.join(here, "sandbox.py"))
    assert spec is not None and spec.loader is not None
    sandbox = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sandbox)
    sandbox.deny_network()
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the server decides
    sys.path.insert(0, os.path.dirname(os.path.dirname(here)))
    from multiprocessing.connection import Connection
    from pathlib import Path

    control = Connection(control_fd)
    try:
        from kg.query import open_store
        from kg.serve.runner import Answer  # noqa: F401 - imported once here, so that no fork imports anything

        if files[:1] == ["--store"]:
            from kg.export.store import open_checked

            store = open_checked(files[1])  # checked by the server, which opened it first
        else:
            store = open_store([Path(f) for f in files], store=False)
    except Exception as exc:
        control.send(("error", str(exc)))
        return
    control.send(("ready",))
    _serve(control, store)


def fork_server(control_fd: int, store: Any) -> int:
    """Fork this process (the server, before it starts any thread of its own) into the fork server of
    ``store``, which it holds already; the fork answers on the socket ``control_fd`` as :func:`main` does.
    Returns the fork's process id, in this process only.

    Nothing is loaded or imported again: the fork shares the store this process opened (an on-disk store's
    open files, indexes and filters; an in-memory store's every page) and this process's modules, until
    either writes to them. It leaves the network as the script does, keeps no signal handler of the
    server's, and never returns to the server's code."""
    import gc

    from kg.forked import die_with_parent, prepare_children
    from kg.serve.runner import Answer  # noqa: F401 - imported here, so that no fork imports anything
    from kg.serve.sandbox import deny_network

    parent = os.getpid()
    prepare_children()
    pid = os.fork()
    if pid != 0:
        return pid
    status = 1
    try:  # pragma: no cover - runs in the fork
        for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if number is not None:
                signal.signal(number, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _close_inherited(control_fd)
        deny_network()  # a fork has a single thread, as unshare wants
        die_with_parent(parent)
        gc.freeze()  # what the server made stays shared: the collector never walks (and so copies) it
        from multiprocessing.connection import Connection

        control = Connection(control_fd)
        control.send(("ready",))
        _serve(control, store)
        status = 0
    finally:
        os._exit(status)


def _close_inherited(keep: int) -> None:
    """Close the sockets and pipes the server had open when it forked (but ``keep``, the control socket), as
    starting a script would: a listening socket or a pipe's end held here would outlive its owner's close.
    Files stay open: an on-disk store reads its own."""
    import stat

    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return
    for name in names:
        fd = int(name)
        if fd in (0, 1, 2, keep):
            continue
        try:
            mode = os.fstat(fd).st_mode
        except OSError:
            continue
        if stat.S_ISSOCK(mode) or stat.S_ISFIFO(mode):
            with contextlib.suppress(OSError):
                os.close(fd)


def _serve(control: Any, store: Any) -> None:  # pragma: no cover - runs in the fork server
    """Fork workers and reap them as the control pipe asks, until it closes; then kill the workers."""
    from multiprocessing.connection import Connection
    from multiprocessing.reduction import recv_handle

    children: set[int] = set()
    try:
        while True:
            try:
                message = control.recv()
            except (EOFError, OSError):
                return
            if message[0] == "fork":
                fd = recv_handle(control)
                pid = os.fork()
                if pid == 0:
                    try:
                        control.close()
                        _worker(Connection(fd), store, message[1])
                    finally:
                        os._exit(0)
                os.close(fd)
                children.add(pid)
                control.send(("forked", pid))
            elif message[0] == "reap":
                pid = message[1]
                how = "unknown"
                if pid in children:
                    children.discard(pid)
                    _, status = os.waitpid(pid, 0)
                    how = (f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
                           else f"exit {os.WEXITSTATUS(status)}")
                control.send(("ended", pid, how))
    finally:
        for pid in children:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def _worker(conn, store, settings: dict) -> None:  # pragma: no cover - runs in a forked child
    """Answer ``(sparql, results_format, rdf_format, params, limit, max_bytes)`` requests on ``conn``."""
    import faulthandler
    import resource
    import threading

    _die_with_parent()
    faulthandler.disable()  # a query over its memory limit aborts by design: the server says so in one line
    threading.stack_size(WORKER_STACK)
    thread = threading.Thread(target=_answer_all, args=(conn, store, settings), name="kg-query")
    thread.start()
    memory = settings.get("max_memory")
    if memory:
        limit = _vm_size() + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    thread.join()


def _answer_all(conn, store, settings: dict) -> None:  # pragma: no cover - runs in a forked child
    from kg.diagnostics import SiteError
    from kg.query import parse_param, write_answer
    from kg.query.formats import FormatError
    from kg.serve.runner import Answer

    conn.send(("ready",))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        sparql, results_format, rdf_format, params, limit, max_bytes = request
        try:
            bindings = dict(parse_param(f"{name}={value}") for name, value in params.items())
            written = write_answer(store, sparql, bindings, results_format=results_format, rdf_format=rdf_format,
                                   limit=limit, max_bytes=max_bytes)
            reply: tuple[Any, ...] = ("ok", Answer(written.kind, written.format, written.body, written.count,
                                                   written.truncated, written.cut_by))
        except MemoryError:
            reply = ("memory",)
        except SiteError as exc:
            reply = ("error", type(exc).__name__, str(exc))
        except FormatError as exc:
            reply = ("error", "FormatError", str(exc))
        except Exception as exc:
            reply = ("error", "QueryError", f"query failed: {exc}")
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("memory",))
        if reply[0] == "ok" and len(reply[1].body) >= BIG_ANSWER:
            del reply, written
            _give_back()


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv)
