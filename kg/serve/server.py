"""The network side of ``kg serve``: waitress, set up for many clients and for clients that misbehave.

waitress (a WSGI server kept by the Pylons project) reads requests in one
asynchronous loop and hands a request to a thread only once it has arrived whole,
body included, so:

- an idle or slow connection holds a socket and a buffer, never a thread; one that
  sends nothing for ``idle_timeout`` seconds is closed, and one still sending its
  request (headers and body) after ``read_timeout`` seconds is closed too
  (slowloris);
- a body is always read to its end (or the connection closed): it can never be
  taken for the next request. A body over :data:`~kg.serve.app.MAX_BODY`, a
  ``Content-Length`` that is not a number, or one together with
  ``Transfer-Encoding`` is refused (4xx) and the connection closed;
- the listen backlog is :data:`BACKLOG` and up to ``connections`` are served at once;
  a bounded pool of threads runs the application.
"""

from __future__ import annotations

import contextlib
import logging
import re
import resource
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher

#: Connections waiting to be accepted (the kernel caps it at net.core.somaxconn).
BACKLOG = 2048
#: Seconds a connection may send nothing before it is closed.
IDLE_TIMEOUT = 30.0
#: Seconds a client may take to send one whole request.
READ_TIMEOUT = 30.0


class _Parser(HTTPRequestParser):
    """A request being read, which knows since when; stricter and kinder than waitress's own."""

    def __init__(self, adj: Adjustments) -> None:
        super().__init__(adj)
        self.since = time.monotonic()

    def parse_header(self, header_plus: bytes) -> None:
        # A path sent as raw UTF-8 bytes (/göteborg/, as curl sends what it is given) is read as if it had
        # been percent-encoded, as browsers send it; waitress alone answers 400.
        end = header_plus.find(b"\r\n")
        first = header_plus[:end] if end >= 0 else header_plus
        if re.search(rb"[\x80-\xff]", first):
            header_plus = _NON_ASCII.sub(lambda m: b"%%%02X" % m[0][0], first) + header_plus[len(first):]
        super().parse_header(header_plus)
        if self.chunked and "CONTENT_LENGTH" in self.headers:
            # Two ways of saying where the body ends: a proxy in front that believes the other one would
            # take the rest of this body for a request of its own (RFC 9112 6.1 allows refusing it).
            raise ParsingError("a request may give Content-Length or Transfer-Encoding, not both")


_NON_ASCII = re.compile(rb"[\x80-\xff]")


class _Channel(HTTPChannel):
    parser_class = _Parser


class _Listener(TcpWSGIServer):
    channel_class = _Channel
    read_timeout = READ_TIMEOUT

    def maintenance(self, now: float) -> None:
        """Close idle connections (waitress) and those that take too long to send a request."""
        super().maintenance(now)
        cutoff = time.monotonic() - self.read_timeout
        for channel in list(self.active_channels.values()):
            request = channel.request
            if request is not None and not request.completed and request.since < cutoff:
                channel.will_close = True


class HTTPServer:
    """``app`` served on ``host``:``port`` (``port=0``: a free one, see ``server_address``)."""

    def __init__(self, app: Callable, host: str, port: int, *, threads: int = 32, connections: int = 1000,
                 idle_timeout: float = IDLE_TIMEOUT, read_timeout: float = READ_TIMEOUT, max_body: int = 1 << 20,
                 quiet: bool = False) -> None:
        connections = min(connections, _open_files() // 2 - 64)
        adj = Adjustments(host=host, port=port, threads=threads, backlog=BACKLOG, connection_limit=connections,
                          channel_timeout=idle_timeout, cleanup_interval=1, asyncore_use_poll=True,
                          asyncore_loop_timeout=1, max_request_body_size=max_body, ident="kg-serve",
                          expose_tracebacks=False, clear_untrusted_proxy_headers=True, log_socket_errors=False)
        if quiet:
            logging.getLogger("waitress").setLevel(logging.ERROR)
        self._map: dict[int, Any] = {}
        self._dispatcher = ThreadedTaskDispatcher()
        self._dispatcher.set_thread_count(threads)
        self._listeners = []
        for sockinfo in adj.listen:
            listener = _Listener(app, self._map, dispatcher=self._dispatcher, adj=adj, sockinfo=sockinfo)
            listener.read_timeout = read_timeout
            self._listeners.append(listener)
        first = self._listeners[0]
        self.server_address = (first.effective_host, int(first.effective_port))
        self._stop = threading.Event()
        self._stopped = threading.Event()
        self._stopped.set()

    def serve_forever(self) -> None:
        """Serve until :meth:`shutdown` (from another thread) or Ctrl-C."""
        self._stopped.clear()
        try:
            while not self._stop.is_set() and self._map:
                wasyncore.loop(timeout=1, map=self._map, use_poll=True, count=1)
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` and wait until it has."""
        self._stop.set()
        if self._listeners:
            self._listeners[0].pull_trigger()
        self._stopped.wait(10)

    def server_close(self) -> None:
        """Close every connection and the listening sockets, and end the threads."""
        self._stop.set()
        for dispatcher in list(self._map.values()):
            with contextlib.suppress(OSError):
                dispatcher.close()
        self._map.clear()
        self._dispatcher.shutdown(cancel_pending=True, timeout=5)


def _open_files() -> int:
    """The number of files this process may open, raised to the hard limit (each connection needs one)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else 65536
    if soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    return soft if soft != resource.RLIM_INFINITY else 65536


def log_request(environ: dict[str, Any], status: int) -> None:
    """One line per request on stderr, as http.server wrote them."""
    when = time.strftime("%d/%b/%Y %H:%M:%S")
    line = f"{environ.get('REQUEST_METHOD')} {environ.get('REQUEST_URI', '')[:200]} {environ.get('SERVER_PROTOCOL')}"
    sys.stderr.write(f'{environ.get("REMOTE_ADDR", "-")} - - [{when}] "{line}" {status} -\n')
