"""``kg push`` against a real Oxigraph server (the ``oxigraph`` CLI from PyPI), started on loopback.

The server is queried back over its own SPARQL endpoint and what it holds is
compared with the graph ``kg build`` writes to ``graph.nt``.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import RdfFormat, parse

from kg.cli import main
from kg.pipeline import build
from kg.push import PushError, push, redact, split_credentials

CONTENT = Path(__file__).resolve().parent.parent / "content"
GRAPH_IRI = "https://digidemlab.org/kg/graph"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """A running ``oxigraph serve`` on a free loopback port; yields its base URL."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph, part of the test extra)")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-data")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"oxigraph serve did not start: {proc.stderr.read().decode(errors='replace')}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def select(base: str, sparql: str) -> list[dict]:
    """Rows of a SELECT on the server, as {variable: value} (plain HTTP, SPARQL 1.1 Protocol)."""
    request = urllib.request.Request(base + "/query", data=sparql.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        doc = json.load(response)
    return [{k: v["value"] for k, v in row.items()} for row in doc["results"]["bindings"]]


def server_graph(base: str, graph_iri: str) -> set[str]:
    """The named graph as the server holds it, as N-Triples lines (read with CONSTRUCT)."""
    request = urllib.request.Request(
        base + "/query", method="POST", headers={"Content-Type": "application/sparql-query",
                                                 "Accept": "application/n-triples"},
        data=f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}".encode())
    with urllib.request.urlopen(request, timeout=30) as response:
        return {str(t) for t in parse(response.read(), format=RdfFormat.N_TRIPLES)}


def lines_of(nt: Path) -> set[str]:
    return {str(t) for t in parse(path=str(nt), format=RdfFormat.N_TRIPLES)}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    build(CONTENT, out=out)
    return out


def test_push_puts_exactly_the_triples_of_graph_nt_once(oxigraph, built):
    """Pushing the example site twice leaves the default named graph holding the triples of graph.nt, once each."""
    expected = lines_of(built / "graph.nt")
    for _ in range(2):
        result = CliRunner().invoke(main, ["push", str(CONTENT), "--endpoint", oxigraph + "/store"])
        assert result.exit_code == 0, result.output
        assert f"pushed {len(expected)} triples to <{GRAPH_IRI}>" in result.output
    assert server_graph(oxigraph, GRAPH_IRI) == expected
    count = select(oxigraph, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_IRI}> {{ ?s ?p ?o }} }}")
    assert int(count[0]["n"]) == len(expected)


def test_pushed_graph_answers_a_research_question(oxigraph, built):
    """Read back with a query: the example site's two Decidim projects (content/_clients/chicago.md and
    goteborg-decidim.md link to decidim.org; coldigit does not) are in the store."""
    push(built / "graph.nt", oxigraph + "/store")
    rows = select(oxigraph, f"""
        PREFIX schema: <http://schema.org/> PREFIX kgo: <https://digidemlab.org/kg/ontology#>
        SELECT DISTINCT ?project WHERE {{ GRAPH <{GRAPH_IRI}> {{
          ?project a schema:Project ; kgo:platform/schema:name "Decidim" }} }} ORDER BY ?project""")
    assert [r["project"] for r in rows] == ["https://digidemlab.org/kg/project/chicago",
                                            "https://digidemlab.org/kg/project/goteborg-decidim"]


def test_push_from_graph_nq_sends_the_union_into_the_named_graph(oxigraph, built):
    """--graph graph.nq pushes the union of its per-file graphs: the same triples as graph.nt, in one graph."""
    iri = "urn:kg:test:from-nq"
    result = CliRunner().invoke(main, ["push", "--graph", str(built / "graph.nq"), "--endpoint",
                                       oxigraph + "/store", "--graph-iri", iri])
    assert result.exit_code == 0, result.output
    assert server_graph(oxigraph, iri) == lines_of(built / "graph.nt")


def test_push_replaces_only_its_own_graph(oxigraph, built):
    """A stale triple in the pushed graph goes away; another graph of the store is left as it was."""
    other, stale = "urn:kg:test:other", "<urn:x> <urn:y> <urn:z> ."
    for graph in (GRAPH_IRI, other):
        request = urllib.request.Request(oxigraph + "/store?" + urllib.parse.urlencode({"graph": graph}),
                                         data=stale.encode(), method="POST",
                                         headers={"Content-Type": "application/n-triples"})
        urllib.request.urlopen(request, timeout=30).read()
    push(CONTENT, oxigraph + "/store")
    assert server_graph(oxigraph, GRAPH_IRI) == lines_of(built / "graph.nt")
    assert server_graph(oxigraph, other) == {"<urn:x> <urn:y> <urn:z>"}


# -- errors -------------------------------------------------------------------------------------
def run_push(*args: str):
    return CliRunner().invoke(main, ["push", str(CONTENT), *args])


def test_refused_connection_is_one_line_without_the_password():
    """Nothing listening: one readable line, exit 2, and the password in the URL never shown."""
    port = free_port()
    result = run_push("--endpoint", f"http://alice-user:s3cret@127.0.0.1:{port}/store")
    assert result.exit_code == 2
    assert result.output.strip() == f"error: cannot reach http://127.0.0.1:{port}/store: connection refused"
    assert "s3cret" not in result.output and "alice-user" not in result.output
    assert "Traceback" not in result.output


def test_store_error_status_is_reported(oxigraph):
    """Oxigraph answers 4xx for a path that is no graph store: the status is reported, exit 2."""
    result = run_push("--endpoint", oxigraph + "/no-such-service")
    assert result.exit_code == 2
    line = result.output.strip()
    assert line.startswith(f"error: {oxigraph}/no-such-service answered 4"), line
    assert "\n" not in line


@pytest.mark.parametrize("status", [401, 500, 503])
def test_error_statuses_with_basic_auth(status):
    """A store that refuses (here a stub answering ``status``) gets credentials by Basic auth, and they stay
    out of the message; the store's own first line of explanation is shown."""
    seen = {}

    class Refusing(BaseHTTPRequestHandler):
        def do_PUT(self):
            seen["authorization"] = self.headers.get("Authorization")
            seen["path"] = self.path
            seen["type"] = self.headers.get("Content-Type")
            self.rfile.read(int(self.headers["Content-Length"]))
            body = b"store says no\nsecond line\n"
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Refusing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        result = run_push("--endpoint", f"http://ann:p%40ss@127.0.0.1:{port}/ds/data")
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 2
    assert result.output.startswith(f"error: http://127.0.0.1:{port}/ds/data answered {status} ")
    assert result.output.rstrip().endswith(": store says no")
    assert "p@ss" not in result.output and "p%40ss" not in result.output
    assert seen["authorization"] == "Basic YW5uOnBAc3M="  # base64("ann:p@ss")
    assert seen["path"] == "/ds/data?graph=https%3A%2F%2Fdigidemlab.org%2Fkg%2Fgraph"
    assert seen["type"] == "application/n-triples"


def test_push_timeout_is_a_deadline_for_the_whole_request_not_each_read(tmp_path):
    """A store that drips its answer one byte every 0.2 s never lets a single read wait long; --timeout 1.5
    still ends the push after about 1.5 s, with one line."""
    stop = threading.Event()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)

    def serve():  # gives up after 8 s, so that a push without a deadline fails rather than hangs
        conn, _ = listener.accept()
        until = time.monotonic() + 8
        with conn:
            conn.settimeout(0.5)
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            for byte in b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n" + b"X-Padding: " + b"a" * 10_000:
                if stop.is_set() or time.monotonic() > until:
                    return
                conn.sendall(bytes([byte]))
                time.sleep(0.2)

    threading.Thread(target=serve, daemon=True).start()
    port = listener.getsockname()[1]
    graph = tmp_path / "graph.nt"
    line = '<https://example.org/kg/x> <https://schema.org/name> "%s" .\n'
    graph.write_text("".join(line % i for i in range(100)))
    started = time.monotonic()
    try:
        result = CliRunner().invoke(main, ["push", "--graph", str(graph), "--graph-iri", GRAPH_IRI, "--endpoint",
                                           f"http://127.0.0.1:{port}/store", "--timeout", "1.5"])
    finally:
        stop.set()
        listener.close()
    took = time.monotonic() - started
    assert result.exit_code == 2
    assert result.output.strip() == f"error: http://127.0.0.1:{port}/store did not answer within 1.5 s"
    assert 1.4 < took < 4, took


@pytest.mark.parametrize(("args", "message"), [
    (["--endpoint", "ftp://example.org/store"], "is not an http(s) URL"),
    (["--endpoint", "http://127.0.0.1:1/store", "--graph-iri", "not an iri"], "is not a valid IRI"),
])
def test_unusable_arguments(args, message):
    result = run_push(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_missing_site_and_unreadable_graph_file(tmp_path):
    missing = CliRunner().invoke(main, ["push", str(tmp_path / "nope"), "--endpoint", "http://127.0.0.1:1/"])
    assert missing.exit_code == 2 and "no such site folder" in missing.output
    bad = tmp_path / "bad.nt"
    bad.write_text("<a> <b> .\n")
    unreadable = CliRunner().invoke(main, ["push", "--graph", str(bad), "--endpoint", "http://127.0.0.1:1/"])
    assert unreadable.exit_code == 2 and str(bad) in unreadable.output and "not valid" in unreadable.output


@pytest.mark.parametrize(("endpoint", "shown", "auth"), [
    ("http://127.0.0.1:7878/store", "http://127.0.0.1:7878/store", None),
    ("https://u:pw@db.example.org/ds/data?x=1", "https://db.example.org/ds/data?x=1", "Basic dTpwdw=="),
    ("https://only-user@db.example.org/", "https://db.example.org/", "Basic b25seS11c2VyOg=="),
])
def test_credentials_are_split_off_and_redacted(endpoint, shown, auth):
    assert redact(endpoint) == shown
    assert split_credentials(endpoint) == (shown, auth)


def test_push_error_is_a_site_error():
    """The CLI turns PushError into one line with exit 2, like every unusable input."""
    from kg.diagnostics import SiteError

    assert issubclass(PushError, SiteError)
