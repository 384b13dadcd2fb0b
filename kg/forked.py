"""A helper: work done by a forked process beside this one, its results sent back through a pipe.

A build is mostly pure Python, so a second core helps only if a second process
does part of the work. A forked helper starts with everything this process
holds (no pickling of the site or the graph), sends back only what it makes, and
never runs anything after its work: it leaves with ``os._exit``, ignores Ctrl-C
(the main process handles it and stops the helper), dies with the main process
(:func:`die_with_parent`) and reports a failure as a message rather than a traceback.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import Any

PIPE_BYTES = 1 << 20
"""How far a helper may run ahead of the reader (Linux lets a pipe hold this much)."""


def can_fork() -> bool:
    return hasattr(os, "fork")


PR_SET_PDEATHSIG = 1
_prctl: Any = None


def die_with_parent(parent: int) -> None:
    """In a forked child of ``parent``: end when the parent ends, however it ends (``kill -9`` too).

    On Linux the kernel sends SIGKILL when the parent dies (``PR_SET_PDEATHSIG``; asked for
    before the child exists, so that it costs the child nothing); elsewhere a thread of the
    child looks every half second. A child whose parent is already gone ends at once. A
    child is in its parent's process group, so a signal to the group reaches it too."""
    if _prctl is not None and _prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
        if os.getppid() != parent:  # the parent died before the request was made
            os._exit(1)
        return
    if os.getppid() != parent:
        os._exit(1)
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="kg-parent-watch").start()


def prepare_children() -> None:
    """Look up ``prctl`` in this process, before forking, so that children need not."""
    global _prctl
    if _prctl is None and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError, ImportError):
            import ctypes

            prctl = ctypes.CDLL(None, use_errno=True).prctl
            prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
            prctl.restype = ctypes.c_int
            _prctl = prctl


class HelperFailed(OSError):
    """The helper died without saying why (killed, out of memory)."""


class _Failure:
    """What the helper sends when its work raised: the exception itself, or its text."""

    def __init__(self, error: BaseException) -> None:
        try:
            self.pickled = pickle.dumps(error)
            pickle.loads(self.pickled)  # noqa: S301 - its own bytes: can the exception be rebuilt?
        except Exception:
            self.pickled = pickle.dumps(HelperFailed(f"{type(error).__name__}: {error}"))

    def error(self) -> BaseException:
        return pickle.loads(self.pickled)  # noqa: S301 - from our own forked process


class Helper:
    """Run ``work(send)`` in a forked process; what it sends comes out of :meth:`receive`."""

    def __init__(self, work: Callable[[Callable[[Any], None]], None], what: str) -> None:
        self.what = what
        reader, writer = Pipe(duplex=False)
        with contextlib.suppress(OSError, AttributeError):  # a bigger pipe, where the system allows it
            import fcntl

            fcntl.fcntl(writer.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
        parent = os.getpid()
        prepare_children()
        self.pid: int | None = os.fork()
        if self.pid == 0:  # the helper: work, report a failure through the pipe, never return
            status = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                die_with_parent(parent)
                reader.close()
                work(writer.send)
                status = 0
            except BaseException as error:  # every failure is reported, none is raised here
                with contextlib.suppress(BaseException):
                    writer.send(_Failure(error))
            finally:
                os._exit(status)
        writer.close()
        self.reader: Connection | None = reader

    def receive(self) -> Any:
        """The helper's next message. Raises what failed in the helper, or :class:`EOFError`
        once it has sent everything (then it has also been waited for)."""
        assert self.reader is not None
        try:
            message = self.reader.recv()
        except EOFError:
            self._wait()
            raise
        if isinstance(message, _Failure):
            self.stop()
            raise message.error()
        return message

    def ready(self) -> bool:
        """Whether :meth:`receive` would answer at once (a message, a failure, or the end)."""
        return self.reader is not None and self.reader.poll(0)

    def join(self) -> None:
        """Wait for the helper to finish, ignoring what it sends; raise what failed there."""
        with contextlib.suppress(EOFError):
            while True:
                self.receive()

    def _wait(self) -> None:
        if self.pid is None:
            return
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            raise HelperFailed(f"the process {self.what} died "
                               f"({f'signal {-code}' if code < 0 else f'exit status {code}'})")

    def stop(self) -> None:
        """Stop the helper if it still runs, and wait for it (never leave a zombie)."""
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None
        if self.reader is not None:
            self.reader.close()
            self.reader = None

    def __enter__(self) -> Helper:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def sigterm_as_interrupt() -> None:
    """In a command's main thread: SIGTERM (and SIGHUP, a closed terminal) end it as Ctrl-C does, so that
    what it made for the run is removed on the way out. A signal already ignored (``nohup``) stays so."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return
    for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, _interrupt)


def _interrupt(number: int, _frame: object) -> None:
    raise KeyboardInterrupt(f"signal {number}")
