"""One HTTP request of ``kg push``: with a deadline for the whole of it, the store's challenge answered,
and every failure one readable :class:`PushError` line that never shows a password."""

from __future__ import annotations

import contextlib
import html
import http.client
import re
import socket
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg.errors import InputError
from kg.push.auth import Authenticator, Credentials

#: Seconds one request may take: connecting, sending its body and reading the answer.
DEFAULT_TIMEOUT = 300.0
#: Tries of one request the store answers 401: a new challenge (a stale nonce, a scheme learnt) is answered.
MAX_TRIES = 3


class PushError(InputError):
    """The store could not be reached, or refused the graph (exit status 2 on the command line)."""


@dataclass
class Endpoint:
    """A URL of the store (without credentials), how it is shown, and how to authenticate to it."""

    url: str
    shown: str
    auth: Authenticator
    timeout: float = DEFAULT_TIMEOUT

    @classmethod
    def of(cls, url: str, shown: str, credentials: Credentials | None, timeout: float, option: str) -> Endpoint:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise PushError(f"{option} {shown!r} is not an http(s) URL")
        return cls(url, shown, Authenticator(credentials), timeout)

    def request(self, method: str, url: str, body: bytes | memoryview | None = None,
                headers: dict[str, str] | None = None) -> int:
        """Send ``method`` to ``url`` (this endpoint's URL with a query); the HTTP status of a success.

        A ``401`` whose challenge can be answered is tried again with it, once for each new
        challenge; a store asked with credentials and no scheme yet is first probed with a
        ``HEAD`` (no body), so that a password is sent the way the store asks for it.
        """
        if self.auth.needs_probe:
            self._probe(url)
        for attempt in range(1, MAX_TRIES + 1):
            try:
                return self._send(method, url, body, headers or {})
            except _Unauthorized as exc:
                if attempt == MAX_TRIES or not self.auth.challenged(exc.challenges):
                    raise PushError(f"{self.shown} answered 401 {exc.reason}{self._why_401()}{exc.detail}") from None
        raise AssertionError("unreachable")

    def _probe(self, url: str) -> None:
        try:
            self._send("HEAD", url, None, {})
        except _Unauthorized as exc:
            if not self.auth.challenged(exc.challenges):
                raise PushError(f"{self.shown} answered 401 {exc.reason}{self._why_401()}") from None
            return
        except _StatusError:  # a store that does not know HEAD, or says the graph is not there: it asked nothing
            pass
        self.auth.no_challenge()

    def _why_401(self) -> str:
        credentials, asked = self.auth.credentials, self.auth.asked
        schemes = " or ".join(s.capitalize() for s in asked) or "no scheme it names"
        if credentials is None:
            return (f" (it asks for {schemes} authentication: give KG_PUSH_USER and KG_PUSH_PASSWORD, "
                    "KG_PUSH_TOKEN, a netrc file, or user:password@ in the URL)")
        answerable = {"basic", "digest"} if credentials.token is None else {"bearer"}
        if asked and not answerable & set(asked):
            return f" (it asks for {schemes} authentication, which kg cannot answer with {credentials.what})"
        return f" (it refused {credentials.what})"

    def _send(self, method: str, url: str, body: bytes | memoryview | None, headers: dict[str, str]) -> int:
        headers = {"User-Agent": "kg-push", **headers}
        authorization = self.auth.header(method, url)
        if authorization:
            headers["Authorization"] = authorization
        request = urllib.request.Request(url, data=body, method=method, headers=headers)  # noqa: S310 - http(s) only
        deadline = _Deadline()
        opener = urllib.request.build_opener(_HTTPHandler(deadline), _HTTPSHandler(deadline))
        timer = threading.Timer(self.timeout, deadline.expire)
        timer.daemon = True
        timer.start()
        shown, timeout = self.shown, self.timeout
        late = PushError(f"{shown} did not answer within {timeout:g} s")
        try:
            with opener.open(request, timeout=timeout) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as exc:
            if deadline.expired:
                raise late from None
            if exc.code == 401:
                raise _Unauthorized(exc.headers.get_all("WWW-Authenticate") or [], exc.reason,
                                    _detail(exc)) from None
            raise _StatusError(f"{shown} answered {exc.code} {exc.reason}{_detail(exc)}") from None
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


class _StatusError(PushError):
    """The store answered, with an error status."""


class _Unauthorized(Exception):
    def __init__(self, challenges: list[str], reason: str, detail: str) -> None:
        super().__init__(reason)
        self.challenges, self.reason, self.detail = challenges, reason, detail


class _Deadline:
    """The connections of one request, cut off (``shutdown``) when its time is up, whatever they are doing."""

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


def _detail(exc: urllib.error.HTTPError) -> str:
    """The store's error message, cut short, if it sent one: its first line, or the text of an HTML page
    (Virtuoso's) without the status line it repeats."""
    try:
        text = exc.read(4000).decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException):
        return ""
    if exc.headers.get_content_type() == "text/html" or text.lstrip().startswith("<"):
        text = re.sub(r"(?is)<!DOCTYPE[^>]*>|<head\b.*?</head>|<script\b.*?</script>|<style\b.*?</style>", " ", text)
        lines = [line.strip() for line in html.unescape(re.sub(r"<[^>]*>", "\n", text)).splitlines()]
        line = " ".join(line for line in lines if line and not line.startswith("HTTP/"))
    else:
        line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    line = " ".join("".join(c if c.isprintable() else " " for c in line).split())
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


__all__ = ["DEFAULT_TIMEOUT", "Endpoint", "PushError"]
