"""No query makes kg send a request anywhere: SPARQL ``SERVICE`` is refused on every query path.

A real HTTP listener on loopback stands in for "another server" and counts every
connection it is offered. Queries that point ``SERVICE`` at it — by address,
``localhost``, ``0x7f000001``, a prefixed name, a ``BASE``-relative IRI, with
``SILENT``, in any case, inside subqueries, ``OPTIONAL``, ``EXISTS`` and unions,
glued to other tokens, and behind tricks that hide the keyword from a naive
reader — go through ``kg.query()``, ``kg query`` and ``kg serve`` (real HTTP
requests), and the listener must have received nothing. The same listener does
receive a request when pyoxigraph runs such a query directly, so the tests can
fail. The word in a comment, a string, a variable, an IRI or a name is no clause,
and those queries run.

A property test writes queries from pieces that change how SPARQL is read
(quotes, ``<``, ``#``, escapes, parentheses …) around a ``SERVICE`` clause and
checks the guard against pyoxigraph itself: whatever the guard lets through,
pyoxigraph running it sends nothing. ``KG_FUZZ_EXAMPLES`` sets how hard it looks.
"""

from __future__ import annotations

import http.server
import json
import multiprocessing
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from conftest import write_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, Store
from query_site import SITE_FILES

import kg
from kg.cli import main
from kg.query import ServiceNotAllowed, open_store
from kg.query.guard import find_service
from kg.serve import start
from kg.vocab import PREFIXES

SECRET = "the-listener-private-answer"
ANSWER = json.dumps({"head": {"vars": ["s"]},
                     "results": {"bindings": [{"s": {"type": "literal", "value": SECRET}}]}}).encode()


class Listener(http.server.ThreadingHTTPServer):
    """Another server on loopback: answers any request with a private SPARQL result and counts connections."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Answer)
        self.connections = 0
        self._lock = threading.Lock()

    def verify_request(self, request, client_address) -> bool:
        with self._lock:
            self.connections += 1
        return True

    @property
    def port(self) -> int:
        return self.server_address[1]


class _Answer(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = ANSWER
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def listener():
    server = Listener()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def service_queries(port: int) -> dict[str, str]:
    """SERVICE clauses aimed at the listener, each written another way."""
    u = f"http://127.0.0.1:{port}/sparql"
    return {
        "address": f"SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
        "localhost": f"SELECT * WHERE {{ SERVICE <http://localhost:{port}/sparql> {{ ?s ?p ?o }} }}",
        "hex address": f"SELECT * WHERE {{ SERVICE <http://0x7f000001:{port}/sparql> {{ ?s ?p ?o }} }}",
        "silent": f"SELECT * WHERE {{ SERVICE SILENT <{u}> {{ ?s ?p ?o }} }}",
        "lower case": f"select * where {{ service silent <{u}> {{ ?s ?p ?o }} }}",
        "mixed case and tabs": f"SELECT * WHERE {{\tsErViCe\n\t<{u}>\t{{ ?s ?p ?o }} }}",
        "glued": f"SELECT * WHERE {{SERVICE<{u}>{{?s ?p ?o}}}}",
        "glued silent": f"SELECT * WHERE {{SERVICESILENT<{u}>{{?s ?p ?o}}}}",
        "after a number": f"SELECT * WHERE {{ ?s ?p 1SERVICE<{u}>{{?a ?b ?c}} }}",
        "comment between": f"SELECT * WHERE {{ SERVICE # a comment\n <{u}> {{ ?s ?p ?o }} }}",
        "subquery": f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }} }}",
        "nested groups": f"SELECT * WHERE {{ {{ {{ {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }} }} }}",
        "optional": f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{u}> {{ ?s ?p ?x }} }} }}",
        "union": f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
        "exists": f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{u}> {{ ?s ?p ?o }} }} }}",
        "ask": f"ASK {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
        "construct": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{u}> {{ ?s ?p ?o }} }}",
        "prefixed name": (f"PREFIX remote: <http://127.0.0.1:{port}/>\n"
                          f"SELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}"),
        "empty prefix glued": f"PREFIX : <{u}>\nSELECT * WHERE {{ SERVICE:{{ ?s ?p ?o }} }}",
        "base": f"BASE <http://127.0.0.1:{port}/>\nSELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        "variable": f"SELECT * WHERE {{ BIND(<{u}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
        "unicode escape": f"SELECT * WHERE {{ \\u0053ERVICE <{u}> {{ ?s ?p ?o }} }}",
        # "<" read as less-than: a naive reader takes <'x> for an IRI and then sees a string
        "less-than then quote": f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o <'x>' ) SERVICE <{u}> {{ ?s ?p ?o }} #'\n }}",
        "less-than then comment": f"SELECT * WHERE {{ ?s ?p ?o FILTER(?s<?o).SERVICE#>\n<{u}>{{?s ?p ?o}} }}",
        # a long string whose escape is not a character is no long string: the parser falls back
        "broken long string": f"SELECT * WHERE {{ ?s ?p ''' ' SERVICE <{u}> {{?s ?p ?o}} # \\uD800 ''' }}",
        # a prefixed name that makes no valid IRI falls back to "ex:" and the rest is read as code
        "name that is no IRI": (f"PREFIX ex: <http://127.0.0.1:{port}>\n"
                                f"SELECT * WHERE {{ ?s ?p ex:SERVICE<{u}>{{?a ?b ?c}} }}"),
        "name cut at a second dot": f"SELECT * WHERE {{ ?s ?p schema:a.b.SERVICE<{u}>{{?a ?b ?c}} }}",
    }


#: The word where it is no SERVICE clause: these queries run.
NOT_SERVICE = {
    "comment": "SELECT ?p WHERE { ?p a schema:Project } # SERVICE <http://127.0.0.1:1/> { }",
    "string": 'SELECT ?p WHERE { ?p a schema:Project FILTER(?p != "SERVICE <http://127.0.0.1:1/> { }") }',
    "long string": "SELECT ?p WHERE { ?p a schema:Project FILTER(?p != '''\nSERVICE <x> {}\n''') }",
    "variable": "SELECT ?service WHERE { ?service a schema:Project }",
    "IRI": "SELECT ?p WHERE { ?p a schema:Project FILTER(?p != <http://example.org/service>) }",
    "prefixed name": "SELECT ?p WHERE { ?p a schema:Project MINUS { ?p a schema:Service } }",
    "declared prefix": ("PREFIX s: <http://schema.org/>\n"
                        "SELECT ?p WHERE { ?p a s:Project MINUS { ?p a s:Service } }"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return write_site(tmp_path_factory.mktemp("noservice") / "site", SITE_FILES)


@pytest.fixture(scope="module")
def graph_file(site, tmp_path_factory):
    out = tmp_path_factory.mktemp("noservice-out")
    kg.build(site, out=out)
    return out / "graph.nq"


@pytest.fixture(scope="module")
def store(graph_file):
    return open_store([graph_file])


def test_the_listener_does_receive_a_service_request_when_pyoxigraph_runs_one_directly(listener):
    store = Store()
    store.add(Quad(NamedNode("http://a.example/s"), NamedNode("http://a.example/p"), Literal("o")))
    before = listener.connections
    list(store.query(service_queries(listener.port)["address"]))
    assert listener.connections > before


@pytest.mark.parametrize("name", list(service_queries(1)))
def test_a_service_query_is_refused_by_kg_query_and_the_listener_receives_nothing(name, listener, store):
    sparql = service_queries(listener.port)[name]
    before = listener.connections
    with pytest.raises(ServiceNotAllowed) as caught:
        kg.query(store, sparql)
    assert caught.value.line is not None
    assert listener.connections == before


def test_the_refusal_names_the_line_and_column_of_the_clause(listener, store):
    sparql = f"SELECT *\nWHERE {{\n  ?s ?p ?o .\n  SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }}\n}}"
    with pytest.raises(ServiceNotAllowed) as caught:
        kg.query(store, sparql)
    assert (caught.value.file, caught.value.line) == ("<query>", 4)
    assert "column 3" in str(caught.value)


def test_a_service_query_is_refused_before_the_site_is_built(listener, tmp_path):
    missing = tmp_path / "no-such-site"
    with pytest.raises(ServiceNotAllowed):
        kg.query(missing, service_queries(listener.port)["address"])


@pytest.mark.parametrize("name", list(NOT_SERVICE))
def test_the_word_outside_a_clause_is_no_service_and_the_query_runs(name, store):
    result = kg.query(store, NOT_SERVICE[name])
    assert len(result) == 5  # the projects of the query site (see query_site.py)


@pytest.mark.parametrize("name", ["address", "silent", "lower case", "less-than then quote", "base"])
def test_kg_query_refuses_service_with_one_line_and_exit_status_2(name, listener, graph_file):
    before = listener.connections
    result = CliRunner().invoke(main, ["query", service_queries(listener.port)[name], "--graph", str(graph_file)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "SERVICE is not allowed" in lines[0]
    assert listener.connections == before


def test_kg_query_refuses_service_in_a_query_file(listener, graph_file, tmp_path):
    path = tmp_path / "remote.rq"
    path.write_text(service_queries(listener.port)["silent"], encoding="utf-8")
    before = listener.connections
    result = CliRunner().invoke(main, ["query", str(path), "--graph", str(graph_file)])
    assert result.exit_code == 2
    assert str(path) in result.output and "SERVICE is not allowed" in result.output
    assert listener.connections == before


# -- kg serve, over real HTTP -------------------------------------------------------------------
@pytest.fixture(scope="module")
def endpoint(graph_file):
    server = start([graph_file], port=0, background=True, quiet=True, workers=1, timeout=20)
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/sparql"
    server.shutdown()
    server.close()


def http(url: str, data: bytes | None = None, content_type: str | None = None) -> tuple[int, str, bytes]:
    headers = {"Accept": "application/sparql-results+json, text/plain;q=0.5"}
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


@pytest.mark.parametrize("name", list(service_queries(1)))
def test_kg_serve_answers_a_service_query_with_400_and_the_listener_receives_nothing(name, listener, endpoint):
    sparql = service_queries(listener.port)[name]
    before = listener.connections
    status, media, body = http(endpoint + "?" + urllib.parse.urlencode({"query": sparql}))
    assert status == 400 and media.startswith("text/plain")
    text = body.decode("utf-8")
    assert "SERVICE is not allowed" in text
    assert str(listener.port) not in text and SECRET not in text
    assert listener.connections == before


@pytest.mark.parametrize("how", ["sparql-query", "form"])
def test_kg_serve_refuses_a_posted_service_query(how, listener, endpoint):
    sparql = service_queries(listener.port)["silent"]
    if how == "form":
        data, media = urllib.parse.urlencode({"query": sparql}).encode(), "application/x-www-form-urlencoded"
    else:
        data, media = sparql.encode("utf-8"), "application/sparql-query"
    before = listener.connections
    status, _, body = http(endpoint, data, media)
    assert status == 400 and b"SERVICE is not allowed" in body
    assert listener.connections == before


@pytest.mark.parametrize("name", ["comment", "string", "variable", "IRI", "prefixed name"])
def test_kg_serve_runs_a_query_with_the_word_outside_a_clause(name, endpoint):
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": NOT_SERVICE[name]}))
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 5


def _sandboxed_service(port: int, answer) -> None:  # runs in a child process
    from kg.serve.sandbox import deny_network

    if not deny_network():
        answer.put("unavailable")
        return
    store = Store()
    store.add(Quad(NamedNode("http://a.example/s"), NamedNode("http://a.example/p"), Literal("o")))
    try:
        list(store.query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"))
        answer.put("ran")
    except OSError:
        answer.put("failed")
    except Exception:  # pyoxigraph reports a failed SERVICE request as a plain error
        answer.put("failed")


def test_a_query_worker_has_no_network_even_for_a_query_the_guard_let_through(listener):
    context = multiprocessing.get_context("spawn")
    answer = context.Queue()
    process = context.Process(target=_sandboxed_service, args=(listener.port, answer))
    before = listener.connections
    process.start()
    outcome = answer.get(timeout=60)
    process.join(30)
    if outcome == "unavailable":
        pytest.skip("this system allows no unprivileged network namespace; the SERVICE check alone stands")
    assert outcome == "failed"
    assert listener.connections == before


# -- the guard against pyoxigraph itself ----------------------------------------------------------
#: What may come before and after a SERVICE clause: openings and closings that hide it or not
#: (strings, comments, IRIs, "<" as less-than, prefixed names, escapes, broken strings …).
WRAPS = [("", ""), ("{", "}"), ("OPTIONAL {", "}"), ("FILTER EXISTS {", "}"), ("{ SELECT * WHERE {", "} }"),
         ("?s ?p '", "' ."), ('?s ?p "', '" .'), ("?s ?p '''", "''' ."), ('?s ?p """', '""" .'), ("#", "\n"),
         ("FILTER(?o < '", "')"), ("FILTER(?o <'x>') ", " #'\n"), ("FILTER(?s<?o).", ""), ("FILTER(?s<?o)", ""),
         ("FILTER(?s <= ?o) ", ""), ("?s ?p 1", ""), ("?s ?p true", ""), ("?s ?p ?o.", ""), ("?s ?p ex:a", ""),
         ("?s ?p schema:a", ""), ("?s ?p schema:a.", ""), ("?s ?p schema:a.b.", ""), ("?s ?p :", ""),
         ('?s ?p "x"@en', ""), ('?s ?p "x"^^schema:', ""), ("?s ?p _:b", ""), ("?s ex:p? ?o", ""),
         ("?s ?p ''' ' ", " # \\uD800 '''"), ("?s ?p ''' ' ", " # \\u0041 '''"),
         ('?s ?p << ?s ?p "x>" >>', ' "'), ("?s ?p <<( ?s ?p ?o )>>", ""), ("?s ?p ?o FILTER(?o != <", ">)"),
         ("?s ?p <http://a.example/", "> ."), ("VALUES ?z { '", "' }"), ("BIND('", "' AS ?z)"), ("?s ?p ex:a\\", ""),
         ("?s ?p ex:a\\.", ""), ("?s ?p '\\'", "' ."), ('?s ?p "\\"', '" .'), ("?s ?p '\\u0027", "' ."),
         ("?s ?p 'a\\", "' ."), ('?s ?p ""', ""), ("?s ?p ''", ""), ("?s ?p '''''", "''' ."),
         ("FILTER(?o < ", ")"), ("FILTER(?o<", ")"), ("FILTER(?o <'''", "''')"), ("FILTER(<", "> = ?o)"),
         ("?s ?p ?o # ", "\r"), ("?s ?p ?o # ", "\n"), ("\\u0022", ""), ("\\u0027", "\\u0027"), ("\\u003C", "")]
MIDS = ["", "", "", " ", "\n", "x", "'", '"', "#", "<", ">", ")", "(", ".", "\\", "\\u0041", "%", ":", "?", "'''"]
FORMS = ["SERVICE", "service", "SeRvIcE", "SERVICE SILENT", "SERVICESILENT", "SERVICE#x\n", "SERVICE\t"]


def _targets(port: int) -> list[tuple[str, str]]:
    """(prologue, target) pairs naming the listener."""
    return [("", f"<http://127.0.0.1:{port}/q>"), ("", f"<http://localhost:{port}/q>"),
            (f"PREFIX ex: <http://127.0.0.1:{port}/>\n", "ex:q"), (f"PREFIX : <http://127.0.0.1:{port}/q>\n", ":"),
            (f"BASE <http://127.0.0.1:{port}/>\n", "<q>"),
            (f"PREFIX ex: <http://127.0.0.1:{port}>\n", "ex:"), ("", "?u")]


mid = st.sampled_from(MIDS)
clause = st.tuples(mid, st.sampled_from(FORMS), st.sampled_from(["", " ", "\n"]), st.sampled_from(["", " "]), mid)
part = st.tuples(st.sampled_from(WRAPS), st.one_of(clause, mid))
#: A character put in or taken out somewhere, now and then.
edit = st.tuples(st.floats(0, 1), st.sampled_from([*" \n'\"<>#(){}\\:.?%", None]))


def write_query(port: int, target: int, parts: list, edits: list) -> str:
    prologue, iri = _targets(port)[target]
    binding = f"BIND(<http://127.0.0.1:{port}/q> AS ?u) " if iri == "?u" else ""
    body = []
    for (opening, closing), inner in parts:
        if isinstance(inner, tuple):
            before, form, gap, space, after = inner
            inner = f"{before}{form}{gap}{iri}{space}{{ ?s ?p ?o }}{after}"
        body.append(opening + inner + closing)
    sparql = f"{prologue}SELECT * WHERE {{ ?s ?p ?o . {binding}" + " ".join(body) + " }"
    for where, char in edits:
        i = int(where * len(sparql))
        sparql = sparql[:i] + char + sparql[i:] if char is not None else sparql[:i] + sparql[i + 1:]
    return sparql


@settings(max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "300")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(target=st.integers(0, 6), parts=st.lists(part, min_size=1, max_size=3), edits=st.lists(edit, max_size=2))
def test_whatever_the_guard_lets_through_pyoxigraph_sends_nowhere(listener, target, parts, edits):
    sparql = write_query(listener.port, target, parts, edits)
    if find_service(sparql, PREFIXES) is not None:
        return
    store = Store()
    store.add(Quad(NamedNode("http://a.example/s"), NamedNode("http://a.example/p"), Literal("o")))
    connections = listener.connections
    try:
        answer = store.query(sparql, prefixes=dict(PREFIXES))
        if not isinstance(answer, bool) and hasattr(answer, "__iter__"):
            list(answer)
    except (SyntaxError, OSError, RuntimeError, ValueError):
        pass
    assert listener.connections == connections, f"the guard let through a SERVICE: {sparql!r}"


def test_the_query_writer_does_write_service_queries_that_run(listener):
    """The property above has teeth: the same writer's queries do reach the listener when nobody checks."""
    store = Store()
    store.add(Quad(NamedNode("http://a.example/s"), NamedNode("http://a.example/p"), Literal("o")))
    before = listener.connections
    sparql = write_query(listener.port, 0, [(("OPTIONAL {", "}"), ("", "SERVICE", " ", " ", ""))], [])
    assert find_service(sparql, PREFIXES) is not None
    list(store.query(sparql, prefixes=dict(PREFIXES)))
    assert listener.connections > before


def test_the_guard_reads_a_megabyte_query_quickly():
    hostile = ("<'#\"(" * 100_000) + ("?a < ?b ) " * 40_000) + ("'''" + "x\\u0041" * 20_000)
    assert len(hostile) > 1_000_000
    start_time = time.perf_counter()
    find_service(hostile, PREFIXES)
    find_service("SELECT * WHERE { " + "?s ?p 'service' . " * 50_000 + "}", PREFIXES)
    assert time.perf_counter() - start_time < 10


def test_a_long_run_of_prefixed_names_is_judged_quickly_and_refused():
    sparql = "SELECT * WHERE { ?s ?p schema:" + "service" * 100_000 + " }"
    start_time = time.perf_counter()
    assert find_service(sparql, PREFIXES) is not None
    assert time.perf_counter() - start_time < 10
