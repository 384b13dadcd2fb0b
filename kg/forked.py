"""A helper: work done by a forked process beside this one, its results sent back through a pipe.

A build is mostly pure Python, so a second core helps only if a second process
does part of the work. A forked helper starts with everything this process
holds (no pickling of the site or the graph), sends back only what it makes, and
never runs anything after its work: it leaves with ``os._exit``, ignores Ctrl-C
(the main process handles it and stops the helper) and reports a failure as a
message rather than a traceback.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import Any

PIPE_BYTES = 1 << 20
"""How far a helper may run ahead of the reader (Linux lets a pipe hold this much)."""


def can_fork() -> bool:
    return hasattr(os, "fork")


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
        self.pid: int | None = os.fork()
        if self.pid == 0:  # the helper: work, report a failure through the pipe, never return
            status = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
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
