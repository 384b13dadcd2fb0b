"""The HTTP side of ``kg serve``: routes, the SPARQL 1.1 Protocol, and entity dereferencing.

Built on the standard library's ``ThreadingHTTPServer``: the endpoint serves a
read-only graph to a few researchers at a time, so a framework would add a
dependency without adding anything needed. Queries themselves run in worker
processes (:mod:`kg.serve.runner`), so a slow query never blocks the server.
"""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from pyoxigraph import NamedNode, QueryResultsFormat, QuerySolutions, parse_query_results

from kg.query import ServiceNotAllowed, refuse_service
from kg.query.bundled import bundled_queries
from kg.query.formats import GRAPH_ANSWERS, RDF_FORMATS
from kg.serve import ontology, pages
from kg.serve.dataset import DESCRIPTION_PREFIXES, DUMP_TYPES, Dataset, write_rdf
from kg.serve.negotiate import RDF_MEDIA, RDF_TYPES, RESULTS_MEDIA, RESULTS_TYPES, negotiate
from kg.serve.runner import QueryRunner, QueryTimeout, RemoteError, WorkerError

#: Requests with a larger body are refused (413).
MAX_BODY = 1 << 20
UPDATE_MESSAGE = ("This endpoint is read-only: SPARQL Update is not accepted, and nothing was changed. "
                  "To change the graph, change the site and run kg build again.")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


class KGServer(ThreadingHTTPServer):
    """The server: one dataset, one pool of query workers, and the settings of this run."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], dataset: Dataset, runner: QueryRunner, *,
                 cors: str | None = None) -> None:
        super().__init__(address, Handler)
        self.dataset = dataset
        self.runner = runner
        self.cors = cors
        self.downloads = {path.name: path for path in dataset.graph_files}


class Handler(BaseHTTPRequestHandler):
    server: KGServer
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"

    # -- plumbing -------------------------------------------------------------------------------
    def log_message(self, format: str, *args: Any) -> None:
        if getattr(self.server, "quiet", False):
            return
        super().log_message(format, *args)

    def send(self, status: int, body: bytes, media: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", self.server.cors)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def fail(self, status: int, message: str) -> None:
        """An error: plain text for programs, a page for browsers."""
        if negotiate(self.headers.get("Accept"), ["text/plain", "text/html"], "text/plain") == "text/html":
            self.send(status, pages.error(status, message), "text/html; charset=utf-8")
        else:
            self.send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def read_body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.fail(400, "bad Content-Length")
            return None
        if length > MAX_BODY:
            self.fail(413, f"request body larger than {MAX_BODY} bytes")
            return None
        return self.rfile.read(length) if length > 0 else b""

    # -- methods --------------------------------------------------------------------------------
    def do_OPTIONS(self) -> None:
        self.send_response(204)
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", self.server.cors)
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        try:
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
        except (BrokenPipeError, ConnectionResetError):  # the client went away
            return

    def do_POST(self) -> None:
        try:
            url = urlsplit(self.path)
            if url.path != "/sparql":
                self.fail(405, "only /sparql takes POST")
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
        except (BrokenPipeError, ConnectionResetError):
            return

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
        try:
            refuse_service(sparql)  # here, so that such a query never reaches a worker
        except ServiceNotAllowed as exc:
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
            answer = self.server.runner.query(sparql, wire_format, rdf_format, params)
        except QueryTimeout as exc:
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
            headers["X-KG-Truncated"] = f"true; the answer was cut at {self.server.runner.max_results} results"
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
        rows = [[sol[i] for i in range(len(variables))] for sol in parsed]
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
        path: Path = self.server.downloads[name]
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.fail(500, f"cannot read {name}: {exc.strerror}")
            return
        self.send(200, data, DUMP_TYPES.get(path.suffix, "application/octet-stream"))

    def entity(self, path: str, fields: dict[str, list[str]]) -> None:
        """Dereference one of the site's IRIs: Turtle, JSON-LD, N-Triples or HTML by Accept (or ?format=)."""
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
        outgoing = ds.outgoing(iri)
        if fmt == "html":
            self.send(200, pages.entity(ds, iri, outgoing, ds.incoming(iri), ds.sources(iri)),
                      "text/html; charset=utf-8")
            return
        from kg.query import QueryResult

        body = QueryResult("graph", triples=outgoing, base=ds.base).serialize(fmt)
        self.send(200, body, RDF_MEDIA[fmt])

    def entity_iri(self, path: str) -> str | None:
        """The IRI a request path stands for: the site URL's origin plus the path (also with the baseurl)."""
        ds = self.server.dataset
        if not ds.base or not path.startswith("/"):
            return None
        parts = urlsplit(ds.base)
        origin = f"{parts.scheme}://{parts.netloc}"
        for candidate in (origin + path, ds.base + path):
            try:
                if ds.knows(candidate):
                    return candidate
            except ValueError:  # not a valid IRI
                return None
        return None


def _looks_like_update(sparql: str) -> bool:
    """Whether a query that failed to parse is an update (after PREFIX/BASE lines and comments)."""
    words = [w.upper() for line in sparql.splitlines() if not line.strip().startswith("#") for w in line.split()]
    i = 0
    while i < len(words) and words[i] in ("PREFIX", "BASE"):
        i += 3 if words[i] == "PREFIX" else 2
    return i < len(words) and words[i] in UPDATE_WORDS


