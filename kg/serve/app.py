"""The HTTP side of ``kg serve``: routes, the SPARQL 1.1 Protocol, and entity dereferencing.

A WSGI application (:class:`App`), served by waitress (:mod:`kg.serve.server`):
waitress reads each request whole — headers and body — before a thread sees it,
so a slow or idle client costs a socket, not a thread. Each request is handled by
a :class:`Handler`, which collects the response. Queries run in worker processes
(:mod:`kg.serve.runner`), so a slow query never blocks the server.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import parse_qs, quote, unquote_to_bytes, urlsplit

from pyoxigraph import NamedNode, QueryResultsFormat, QuerySolutions, parse_query_results

from kg.query import QueryTooDeep, ServiceNotAllowed, refuse_deep, refuse_service
from kg.query.bundled import bundled_queries
from kg.query.formats import GRAPH_ANSWERS, RDF_FORMATS
from kg.serve import ontology, pages
from kg.serve.dataset import DESCRIPTION_PREFIXES, DUMP_TYPES, Dataset, write_rdf
from kg.serve.negotiate import RDF_MEDIA, RDF_TYPES, RESULTS_MEDIA, RESULTS_TYPES, negotiate
from kg.serve.paging import PAGE_SIZE, page_links, page_of
from kg.serve.runner import OverLimit, QueryRunner, QueryTimeout, RemoteError, WorkerError

#: Requests with a larger body are refused (413, by waitress, which then closes the connection).
MAX_BODY = 1 << 20
#: Rows an HTML results page shows (a table of ten thousand rows helps no one, and costs the server).
HTML_ROWS = 1000
UPDATE_MESSAGE = ("This endpoint is read-only: SPARQL Update is not accepted, and nothing was changed. "
                  "To change the graph, change the site and run kg build again.")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
STATUS = {200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
          405: "Method Not Allowed", 413: "Content Too Large", 415: "Unsupported Media Type",
          500: "Internal Server Error", 501: "Not Implemented", 503: "Service Unavailable"}


class App:
    """The WSGI application: one dataset, one pool of query workers, and the settings of this run."""

    def __init__(self, dataset: Dataset, runner: QueryRunner, *, cors: str | None = None,
                 address: tuple[str, int] = ("127.0.0.1", 0)) -> None:
        self.dataset = dataset
        self.runner = runner
        self.cors = cors
        self.server_address = address
        self.downloads = {path.name: path for path in dataset.graph_files}
        self.log: Callable[[dict[str, Any], int], None] | None = None

    def __call__(self, environ: dict[str, Any], start_response) -> list[bytes] | Any:
        handler = Handler(self, environ)
        handler.handle()
        if self.log is not None:
            self.log(environ, handler.status)
        start_response(f"{handler.status} {STATUS.get(handler.status, 'Unknown')}", handler.response_headers)
        if handler.file is not None:
            wrapper = environ.get("wsgi.file_wrapper")
            file = handler.file
            return wrapper(file, 1 << 16) if wrapper else iter(lambda: file.read(1 << 16), b"")
        return [handler.body]


class Headers:
    """The request headers of a WSGI environ, looked up by name in any case."""

    def __init__(self, environ: dict[str, Any]) -> None:
        self.environ = environ

    def get(self, name: str, default: str | None = None) -> str | None:
        key = name.upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = "HTTP_" + key
        return self.environ.get(key, default)


class Handler:
    """One request and the response it gets."""

    def __init__(self, server: App, environ: dict[str, Any]) -> None:
        self.server = server
        self.environ = environ
        self.asked = time.monotonic()
        self.command = environ.get("REQUEST_METHOD", "GET").upper()
        self.headers = Headers(environ)
        raw = environ.get("REQUEST_URI") or (quote(environ.get("PATH_INFO", "").encode("latin-1"), safe="/%")
                                             + ("?" + environ["QUERY_STRING"] if environ.get("QUERY_STRING") else ""))
        self.path = raw
        self.status = 500
        self.response_headers: list[tuple[str, str]] = []
        self.body = b""
        self.file: BinaryIO | None = None

    # -- plumbing -------------------------------------------------------------------------------
    def handle(self) -> None:
        method = {"GET": self.do_GET, "HEAD": self.do_HEAD, "POST": self.do_POST, "OPTIONS": self.do_OPTIONS}.get(
            self.command)
        if method is None:
            self.fail(405, f"{self.command} is not a method this server takes (GET, HEAD, POST, OPTIONS)",
                      {"Allow": "GET, HEAD, POST, OPTIONS"})
            return
        method()

    def send(self, status: int, body: bytes, media: str, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.response_headers = [("Content-Type", media), ("Content-Length", str(len(body))), ("Vary", "Accept")]
        if self.server.cors:
            self.response_headers.append(("Access-Control-Allow-Origin", self.server.cors))
        self.response_headers += list((headers or {}).items())
        self.body = b"" if self.command == "HEAD" else body

    def fail(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        """An error: plain text for programs, a page for browsers."""
        if negotiate(self.headers.get("Accept"), ["text/plain", "text/html"], "text/plain") == "text/html":
            self.send(status, pages.error(status, message), "text/html; charset=utf-8", headers)
        else:
            self.send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", headers)

    def read_body(self) -> bytes | None:
        """The request body (waitress has read it whole, and refused one over ``MAX_BODY``)."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.fail(400, "bad Content-Length")
            return None
        if length > MAX_BODY:
            self.fail(413, f"request body larger than {MAX_BODY} bytes")
            return None
        stream = self.environ["wsgi.input"]
        return stream.read(length) if length > 0 else stream.read(MAX_BODY + 1)[:MAX_BODY]

    # -- methods --------------------------------------------------------------------------------
    def do_OPTIONS(self) -> None:
        self.status = 204
        self.response_headers = [("Allow", "GET, HEAD, POST, OPTIONS"), ("Content-Length", "0")]
        if self.server.cors:
            self.response_headers += [("Access-Control-Allow-Origin", self.server.cors),
                                      ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                                      ("Access-Control-Allow-Headers", "Content-Type, Accept")]

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        fields = parse_qs(url.query, keep_blank_values=True)
        path = url.path
        if path == "/sparql":
            self.sparql(fields)
        elif path == "/":
            self.landing(fields)
        elif path == "/static/kg.css":
            self.send(200, pages.CSS.encode("utf-8"), "text/css; charset=utf-8")
        elif path in ("/void.ttl", "/.well-known/void"):
            self.void()
        elif path == ontology.PATH or path.startswith(ontology.PATH + "/"):
            self.ontology(path, fields)
        elif path.lstrip("/") in self.server.downloads:
            self.download(path.lstrip("/"))
        else:
            self.entity(path, fields)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self.fail(405, "only /sparql takes POST", {"Allow": "GET, HEAD, OPTIONS"})
            return
        body = self.read_body()
        if body is None:
            return
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        fields = parse_qs(url.query, keep_blank_values=True)
        if media == "application/sparql-update":
            self.fail(403, UPDATE_MESSAGE)
            return
        if media == "application/sparql-query":
            fields["query"] = [body.decode("utf-8", errors="replace")]
        elif media == "application/x-www-form-urlencoded":
            fields.update(parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True))
        else:
            self.fail(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")
            return
        self.sparql(fields)

    # -- SPARQL ---------------------------------------------------------------------------------
    def sparql(self, fields: dict[str, list[str]]) -> None:
        if "update" in fields or "using-graph-uri" in fields or "using-named-graph-uri" in fields:
            self.fail(403, UPDATE_MESSAGE)
            return
        queries = fields.get("query", [])
        if not queries:
            self.service_description()
            return
        if len(queries) > 1:
            self.fail(400, "give one query parameter, not several")
            return
        if fields.get("default-graph-uri") or fields.get("named-graph-uri"):
            self.fail(400, "default-graph-uri and named-graph-uri are not supported: the default graph is the "
                           "union of all graphs, and GRAPH ?g reaches each source file's graph")
            return
        sparql = queries[0]
        try:  # here, so that such a query never reaches a worker
            refuse_service(sparql)
            refuse_deep(sparql)
        except (ServiceNotAllowed, QueryTooDeep) as exc:
            self.fail(400, str(exc))
            return
        fmt = (fields.get("format") or [""])[0]
        accept = self.headers.get("Accept")
        results_format = fmt if fmt in (*RESULTS_MEDIA, "html") else RESULTS_TYPES.get(
            negotiate(accept, [*RESULTS_TYPES, "text/html"], "application/sparql-results+json") or "", "html")
        rdf_format = fmt if fmt in RDF_FORMATS else RDF_TYPES.get(
            negotiate(accept, list(RDF_TYPES), "text/turtle") or "", "ttl")
        params = {name[len("param-"):]: values[0] for name, values in fields.items()
                  if name.startswith("param-") and values and values[0] != ""}
        wire_format = "json" if results_format == "html" else results_format
        try:
            answer = self.server.runner.query(sparql, wire_format, rdf_format, params, asked=self.asked)
        except QueryTimeout as exc:  # Busy too
            retry = {"Retry-After": str(exc.retry_after)} if exc.retry_after else {}
            self.fail(503, str(exc), retry)
            return
        except OverLimit as exc:
            self.fail(503, str(exc))
            return
        except WorkerError as exc:
            self.fail(500, str(exc))
            return
        except RemoteError as exc:
            message = str(exc)
            if exc.kind == "QuerySyntaxError" and _looks_like_update(sparql):
                self.fail(403, UPDATE_MESSAGE)
                return
            self.fail(400, message)
            return
        headers = {"X-KG-Result-Count": str(answer.count)}
        if answer.truncated:
            runner = self.server.runner
            cap = (f"{runner.max_bytes} bytes" if answer.cut_by == "bytes" and runner.max_bytes
                   else f"{runner.max_results} results")
            headers["X-KG-Truncated"] = f"true; the answer was cut at {cap}"
        if answer.kind == "graph":
            self.send(200, answer.body, RDF_MEDIA[answer.format], headers)
        elif results_format == "html":
            self.send(200, self.results_page(answer.body, answer.truncated, fields), "text/html; charset=utf-8",
                      headers)
        else:
            self.send(200, answer.body, RESULTS_MEDIA[answer.format], headers)

    def results_page(self, body: bytes, truncated: bool, fields: dict[str, list[str]]) -> bytes:
        doc = json.loads(body)
        if "boolean" in doc:
            return pages.results(self.server.dataset, [], [], truncated, bool(doc["boolean"]), fields)
        parsed = parse_query_results(body, format=QueryResultsFormat.JSON)
        assert isinstance(parsed, QuerySolutions)  # not a boolean: that was answered above
        variables = [v.value for v in parsed.variables]
        rows: list[list[Any]] = []
        for solution in parsed:
            if len(rows) == HTML_ROWS:
                truncated = True
                break
            rows.append([solution[i] for i in range(len(variables))])
        return pages.results(self.server.dataset, variables, rows, truncated, None, fields)

    def service_description(self) -> None:
        endpoint = self.base_url() + "/sparql"
        triples = self.server.dataset.service_description(endpoint)
        self.send_rdf(triples)

    def void(self) -> None:
        base = self.base_url()
        dumps = [f"{base}/{name}" for name in sorted(self.server.downloads)]
        self.send_rdf(self.server.dataset.void(base + "/sparql", dumps), default="text/turtle")

    def send_rdf(self, triples: list, default: str = "text/turtle") -> None:
        offers = [f.media_type.split(";")[0] for f in GRAPH_ANSWERS.values()]
        media = negotiate(self.headers.get("Accept"), offers, default) or default
        fmt = RDF_FORMATS[RDF_TYPES[media]]
        body = write_rdf(triples, fmt, DESCRIPTION_PREFIXES)
        self.send(200, body, RDF_MEDIA[RDF_TYPES[media]])

    def base_url(self) -> str:
        """This server's own URL, from the Host header when it is a plain host[:port]."""
        host = self.headers.get("Host") or ""
        try:
            NamedNode(f"http://{host}/")
            valid = bool(host) and all(c.isalnum() or c in ".-:[]" for c in host)
        except ValueError:
            valid = False
        if not valid:
            address, port = self.server.server_address[:2]
            host = str(address) + f":{port}"
        return f"http://{host}"

    # -- pages ----------------------------------------------------------------------------------
    def landing(self, fields: dict[str, list[str]]) -> None:
        examples = fields.get("example")
        chosen = examples[0] if examples else None
        body = pages.landing(self.server.dataset, bundled_queries(), chosen, sorted(self.server.downloads), fields)
        self.send(200, body, "text/html; charset=utf-8")

    def ontology(self, path: str, fields: dict[str, list[str]]) -> None:
        """The vocabulary (kg.ttl) as Turtle or HTML; ``/kg/ontology/client`` → 303 ``/kg/ontology#client``."""
        vocab = ontology.vocabulary()
        if path != ontology.PATH:
            term = vocab.local(path[len(ontology.PATH) + 1:])
            if term is None:
                self.fail(404, f"the vocabulary has no term {path[len(ontology.PATH) + 1:]!r}")
                return
            self.send(303, b"", "text/plain; charset=utf-8", {"Location": f"{ontology.PATH}#{term.anchor}"})
            return
        fmt = (fields.get("format") or [""])[0]
        if fmt not in ("ttl", "html"):
            media = negotiate(self.headers.get("Accept"), ["text/turtle", "text/html"], "text/turtle")
            fmt = "html" if media == "text/html" else "ttl"
        if fmt == "html":
            self.send(200, ontology.page(vocab), "text/html; charset=utf-8")
        else:
            self.send(200, vocab.turtle, RDF_MEDIA["ttl"])

    def download(self, name: str) -> None:
        """A graph file, streamed (a graph of a large site is hundreds of MB: it is never read into memory)."""
        path: Path = self.server.downloads[name]
        try:
            handle = path.open("rb")
            size = path.stat().st_size
        except OSError as exc:
            self.fail(500, f"cannot read {name}: {exc.strerror}")
            return
        self.send(200, b"", DUMP_TYPES.get(path.suffix, "application/octet-stream"))
        self.response_headers[1] = ("Content-Length", str(size))
        if self.command == "HEAD":
            handle.close()
        else:
            self.file = handle

    def entity(self, path: str, fields: dict[str, list[str]]) -> None:
        """Dereference one of the site's IRIs: Turtle, JSON-LD, N-Triples or HTML by Accept (or ?format=),
        at most :data:`~kg.serve.paging.PAGE_SIZE` triples each way a page (``?page=2`` … and a ``Link``
        header with ``rel="next"``)."""
        ds = self.server.dataset
        iri = self.entity_iri(path)
        if iri is None:
            self.fail(404, f"nothing is known about {path}")
            return
        fmt = (fields.get("format") or [""])[0]
        if fmt not in ("ttl", "jsonld", "nt", "html"):
            media = negotiate(self.headers.get("Accept"), ["text/turtle", "application/ld+json",
                                                           "application/n-triples", "text/html"], "text/turtle")
            fmt = {"text/turtle": "ttl", "application/ld+json": "jsonld", "application/n-triples": "nt",
                   "text/html": "html"}[media or "text/turtle"]
        number = page_of(fields)
        if number is None:
            self.fail(400, "page must be a whole number from 1")
            return
        outgoing = ds.outgoing(iri)
        incoming = ds.incoming(iri) if fmt == "html" else []
        here = pages.local_path(ds, iri)
        first = (number - 1) * PAGE_SIZE
        if number > 1 and first >= max(len(outgoing), len(incoming)):
            self.fail(404, f"{path} has no page {number}")
            return
        more = first + PAGE_SIZE < max(len(outgoing), len(incoming))
        query = {"format": fields["format"][0]} if fields.get("format") else {}
        links = page_links(here, number, more, query)
        headers = {"Link": ", ".join(f'<{href}>; rel="{rel}"' for rel, href in links)} if links else {}
        outgoing, incoming = outgoing[first:first + PAGE_SIZE], incoming[first:first + PAGE_SIZE]
        if fmt == "html":
            body = pages.entity(ds, iri, outgoing, incoming, ds.sources(iri) if number == 1 else [])
            self.send(200, _with_page_links(body, links, number), "text/html; charset=utf-8", headers)
            return
        from kg.query import QueryResult

        body = QueryResult("graph", triples=outgoing, base=ds.base).serialize(fmt)
        self.send(200, body, RDF_MEDIA[fmt], headers)

    def entity_iri(self, path: str) -> str | None:
        """The IRI a request path stands for: the site URL's origin plus the path (also with the baseurl),
        the path as it was sent or in the other spelling of its non-ASCII letters (``/g%C3%B6teborg/`` for
        an IRI written ``/göteborg/``, and the other way round)."""
        ds = self.server.dataset
        if not ds.base or not path.startswith("/"):
            return None
        parts = urlsplit(ds.base)
        origin = f"{parts.scheme}://{parts.netloc}"
        for spelling in path_spellings(path):
            for candidate in (origin + spelling, ds.base + spelling):
                try:
                    if ds.knows(candidate):
                        return candidate
                except ValueError:  # not a valid IRI
                    continue
        return None


def path_spellings(path: str) -> list[str]:
    """``path`` as sent, then as a URI (non-ASCII bytes percent-encoded, hex digits in upper case) and as
    an IRI (the encodings of non-ASCII letters decoded, also in NFC): a page's IRI may be written either way,
    and a client may send the letters encoded or as raw UTF-8 bytes."""
    uri = _uri_spelling(path.encode("latin-1") if max(path, default=" ") <= "\xff" else path.encode("utf-8"))
    iri = _iri_spelling(uri)
    nfc = unicodedata.normalize("NFC", iri)
    out = [path]
    for spelling in (uri, iri, nfc, _uri_spelling(nfc.encode("utf-8"))):
        if spelling not in out:
            out.append(spelling)
    return out


_HEX = set(b"0123456789abcdefABCDEF")


def _uri_spelling(raw: bytes) -> str:
    out, i = [], 0
    while i < len(raw):
        byte = raw[i]
        if byte == 0x25 and i + 2 < len(raw) and raw[i + 1] in _HEX and raw[i + 2] in _HEX:
            out.append("%" + raw[i + 1:i + 3].decode("ascii").upper())
            i += 3
            continue
        out.append(f"%{byte:02X}" if byte >= 0x80 or byte <= 0x20 else chr(byte))
        i += 1
    return "".join(out)


def _iri_spelling(uri: str) -> str:
    """A percent-encoded path with the encodings of non-ASCII characters decoded (RFC 3987, 3.2)."""
    def decode(match: re.Match) -> str:
        try:
            return unquote_to_bytes(match[0]).decode("utf-8")
        except UnicodeDecodeError:
            return match[0]

    return _NON_ASCII_ENCODED.sub(decode, uri)


_NON_ASCII_ENCODED = re.compile(r"(?:%[89A-F][0-9A-F])+")


def _with_page_links(page: bytes, links: list[tuple[str, str]], number: int) -> bytes:
    """An entity page with links to its other pages, just before ``</body>`` (pages.page ends every page so)."""
    if not links:
        return page
    words = {"first": "first page", "prev": "previous page", "next": "next page"}
    nav = "".join(f'<a rel="{rel}" href="{pages.text(href)}">{words[rel]}</a>' for rel, href in links)
    html = (f'<nav class="pages"><span>page {number}; at most {PAGE_SIZE} statements each way a page</span> '
            f"{nav}</nav>\n").encode()
    end = page.rfind(b"</body>")
    return page[:end] + html + page[end:]


def _looks_like_update(sparql: str) -> bool:
    """Whether a query that failed to parse is an update (after PREFIX/BASE lines and comments)."""
    words = [w.upper() for line in sparql.splitlines() if not line.strip().startswith("#") for w in line.split()]
    i = 0
    while i < len(words) and words[i] in ("PREFIX", "BASE"):
        i += 3 if words[i] == "PREFIX" else 2
    return i < len(words) and words[i] in UPDATE_WORDS


__all__ = ["MAX_BODY", "App", "Handler", "path_spellings"]
