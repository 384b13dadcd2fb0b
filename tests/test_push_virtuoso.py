"""``kg push`` against a real OpenLink Virtuoso 7.2 (Debian's ``virtuoso-opensource``), started on loopback.

One server for the module (:mod:`virtuoso_server`: its own ``virtuoso.ini``, database
and free ports in a tmp folder). Pushes go to ``/sparql-graph-crud-auth``, which asks
for HTTP Digest; the graph is read back with Python's own Digest client
(``urllib.request.HTTPDigestAuthHandler``), and every bundled query that runs on any
store is asked of Virtuoso and compared with ``kg query``'s answer.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import generated_site
from pyoxigraph import RdfFormat, parse
from virtuoso_server import MISSING, PASSWORD, QUIRKS, USER, compare, start
from virtuoso_server import answers as virtuoso_answers

import kg
from kg.cli import main
from kg.push import push
from kg.query import open_store
from kg.query.bundled import bundled_queries

CONTENT = Path(__file__).resolve().parent.parent / "content"
GRAPH_IRI = "https://digidemlab.org/kg/graph"
#: The bundled queries that take no parameter: the others call kg's own kgo:sameName, which no other store has.
PLAIN = [name for name, q in sorted(bundled_queries().items()) if not q.params]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    if MISSING:
        pytest.skip(MISSING)
    server = start(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    kg.build(CONTENT, out=out)
    return out


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A generated site of 300 documents (bench/generate.py: messy cases, dangling themes, non-ASCII), built."""
    root = tmp_path_factory.mktemp("generated")
    kg.build(generated_site(root, 300, seed=3), out=root / "out")
    return root / "out"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A HOME without a .netrc, and no KG_PUSH_* variables: the test says where credentials come from."""
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("KG_PUSH_TOKEN", "KG_PUSH_USER", "KG_PUSH_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def with_credentials(url: str) -> str:
    return url.replace("http://", f"http://{USER}:{PASSWORD}@", 1)


def run_push(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["push", *args], env=env)


def read_back(server, graph_iri: str) -> set[str]:
    """The named graph as Virtuoso holds it (Graph Store GET, Python's own Digest client), as N-Triples lines."""
    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    manager.add_password(None, server.base, USER, PASSWORD)
    opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(manager))
    request = urllib.request.Request(server.graph_store + "?" + urllib.parse.urlencode({"graph": graph_iri}),
                                     headers={"Accept": "application/n-triples"})
    with opener.open(request, timeout=120) as response:
        return {str(t) for t in parse(response.read(), format=RdfFormat.N_TRIPLES)}


def graphs(server) -> set[str]:
    import json

    doc = json.loads(server.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
    return {row["g"]["value"] for row in doc["results"]["bindings"]}


def lines_of(nt: Path) -> set[str]:
    return {str(t) for t in parse(path=str(nt), format=RdfFormat.N_TRIPLES)}


# -- pushing --------------------------------------------------------------------------------------
def test_pushing_twice_by_digest_leaves_exactly_the_triples_of_graph_nt(virtuoso, built, home):
    """user:password@ in the URL, answered by Digest (Virtuoso's challenge): twice, and the graph holds
    graph.nt's triples once each, compared term by term."""
    expected = lines_of(built / "graph.nt")
    for _ in range(2):
        result = run_push(str(CONTENT), "--endpoint", with_credentials(virtuoso.graph_store))
        assert result.exit_code == 0, result.output
        assert f"pushed {len(expected)} triples to <{GRAPH_IRI}> at {virtuoso.graph_store} (HTTP 20" in result.output
        assert PASSWORD + "@" not in result.output
    assert read_back(virtuoso, GRAPH_IRI) == expected
    assert virtuoso.count(f"GRAPH <{GRAPH_IRI}> {{ ?s ?p ?o }}") == len(expected)


def test_chunks_go_into_a_temporary_graph_that_move_puts_in_place(virtuoso, built, home):
    """Credentials from KG_PUSH_USER/KG_PUSH_PASSWORD; 100 triples a request through a temporary graph, then
    MOVE at /sparql-auth: the same triples, a stale one gone, and no temporary graph left."""
    iri = "urn:kg:test:chunked"
    env = {"KG_PUSH_USER": USER, "KG_PUSH_PASSWORD": PASSWORD}
    stale = run_push("--graph", str(built / "graph.nt"), "--graph-iri", iri, "--endpoint", virtuoso.graph_store,
                     "--chunk-triples", "100000", env=env)
    assert stale.exit_code == 0, stale.output
    before = graphs(virtuoso)
    tiny = home / "stale.nt"
    tiny.write_text("<urn:x> <urn:y> <urn:z> .\n")
    assert run_push("--graph", str(tiny), "--graph-iri", iri, "--endpoint", virtuoso.graph_store,
                    env=env).exit_code == 0
    result = run_push("--graph", str(built / "graph.nt"), "--graph-iri", iri, "--endpoint", virtuoso.graph_store,
                      "--chunk-triples", "100", "--update-endpoint", virtuoso.update, env=env)
    assert result.exit_code == 0, result.output
    expected = lines_of(built / "graph.nt")
    requests = -(-len(expected) // 100)
    assert f"in {requests} requests, then moved in from a temporary graph" in result.output
    assert read_back(virtuoso, iri) == expected
    assert graphs(virtuoso) == before


def test_chunks_without_an_update_endpoint_replace_then_add(virtuoso, built, home):
    """Credentials from a netrc file: the first chunk PUT replaces the graph, the others POST into it."""
    iri = "urn:kg:test:put-then-post"
    netrc = home / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n")
    netrc.chmod(0o600)
    tiny = home / "stale.nt"
    tiny.write_text("<urn:x> <urn:y> <urn:z> .\n")
    assert run_push("--graph", str(tiny), "--graph-iri", iri, "--endpoint", virtuoso.graph_store,
                    "--netrc", str(netrc)).exit_code == 0
    result = run_push("--graph", str(built / "graph.nq"), "--graph-iri", iri, "--endpoint", virtuoso.graph_store,
                      "--netrc", str(netrc), "--chunk-triples", "250")
    assert result.exit_code == 0, result.output
    assert "requests" in result.output and "temporary" not in result.output
    assert read_back(virtuoso, iri) == lines_of(built / "graph.nt")


# -- the same answers -----------------------------------------------------------------------------
def kg_answers(store, name: str):
    result = kg.query(store, name)
    return result.variables, result.solutions


@pytest.fixture(scope="module")
def pushed_generated(virtuoso, generated):
    iri = "urn:kg:test:generated"
    url = with_credentials(virtuoso.graph_store)
    push(generated / "graph.nq", url, iri, chunk_triples=5000, update_endpoint=with_credentials(virtuoso.update),
                 environ={})
    return iri, open_store(generated / "graph.nq")


@pytest.mark.parametrize("name", PLAIN)
def test_every_bundled_query_answers_on_virtuoso_as_kg_query_does(virtuoso, pushed_generated, name):
    """A generated site of 300 documents (messy ones included) pushed in chunks: each bundled query asked of
    Virtuoso with the pushed graph as its default graph (default-graph-uri) answers what kg query does."""
    iri, store = pushed_generated
    compare(name, kg_answers(store, name), virtuoso_answers(virtuoso.query(bundled_queries()[name].text, iri)))


@pytest.mark.parametrize("name", PLAIN)
def test_the_example_site_answers_alike_too(virtuoso, built, name):
    store = open_store(built / "graph.nq")
    push(built / "graph.nt", with_credentials(virtuoso.graph_store), "urn:kg:test:example", environ={})
    compare(name, kg_answers(store, name),
            virtuoso_answers(virtuoso.query(bundled_queries()[name].text, "urn:kg:test:example")))


def test_what_virtuoso_answers_otherwise_is_only_what_quirks_says(virtuoso, pushed_generated):
    """The differences QUIRKS allows are there (so the README's list of them stays true), and in no other
    variable: BOUND() comes back as 0/1, the label of a theme without one as ""."""
    iri, store = pushed_generated
    for name, by_variable in QUIRKS.items():
        variables, kg_rows = kg_answers(store, name)
        _variables, rows = virtuoso_answers(virtuoso.query(bundled_queries()[name].text, iri))
        for var, kind in by_variable.items():
            i = variables.index(var)
            mine = {str(row[i]) for row in kg_rows}
            theirs = {str(row[i]) for row in rows}
            if kind == "integer-boolean":
                assert mine <= {'"true"^^<http://www.w3.org/2001/XMLSchema#boolean>',
                                '"false"^^<http://www.w3.org/2001/XMLSchema#boolean>'}
                assert theirs <= {'"1"^^<http://www.w3.org/2001/XMLSchema#integer>',
                                  '"0"^^<http://www.w3.org/2001/XMLSchema#integer>'}
            else:
                assert "None" in mine and '""' not in mine
                assert '""' in theirs and "None" not in theirs


# -- errors -----------------------------------------------------------------------------------------
def test_a_wrong_password_is_one_line_naming_where_it_came_from(virtuoso, home):
    result = run_push(str(CONTENT), "--endpoint", virtuoso.graph_store,
                      env={"KG_PUSH_USER": USER, "KG_PUSH_PASSWORD": "not-the-password"})
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {virtuoso.graph_store} answered 401 Unauthorized (it refused the user "
                                     "name and password from KG_PUSH_USER/KG_PUSH_PASSWORD)")


def test_no_credentials_says_the_store_asks_for_digest(virtuoso, home):
    result = run_push(str(CONTENT), "--endpoint", virtuoso.graph_store)
    assert result.exit_code == 2
    line = result.output.strip()
    assert line.startswith(f"error: {virtuoso.graph_store} answered 401 Unauthorized (it asks for Digest "), line
    assert "\n" not in line


def test_the_endpoint_without_authentication_refuses_writes_in_one_line(virtuoso, home):
    """/sparql-graph-crud is Virtuoso's Graph Store for the anonymous user, who may not write: 403, and the
    line shows Virtuoso's own reason, not its HTML."""
    result = run_push(str(CONTENT), "--endpoint", virtuoso.base + "/sparql-graph-crud")
    assert result.exit_code == 2
    line = result.output.strip()
    assert line.startswith(f"error: {virtuoso.base}/sparql-graph-crud answered 403 "), line
    assert "<" not in line.partition("answered")[2] and "\n" not in line


def test_a_refused_move_leaves_the_graph_as_it_was(virtuoso, built, home):
    """The anonymous /sparql may not update: the chunks went into a temporary graph, MOVE is refused (one line,
    exit 2), the target graph is untouched, and the line says the temporary graph is left to DROP."""
    iri = "urn:kg:test:refused-move"
    tiny = home / "old.nt"
    tiny.write_text("<urn:old> <urn:y> <urn:z> .\n")
    url = with_credentials(virtuoso.graph_store)
    assert run_push("--graph", str(tiny), "--graph-iri", iri, "--endpoint", url).exit_code == 0
    before = graphs(virtuoso)
    result = run_push("--graph", str(built / "graph.nt"), "--graph-iri", iri, "--endpoint", url, "--chunk-triples",
                      "300", "--update-endpoint", virtuoso.base + "/sparql")
    assert result.exit_code == 2
    line = result.output.strip()
    assert line.startswith(f"error: {virtuoso.base}/sparql answered 500 "), line
    assert f"(moving the pushed graph into <{iri}>)" in line and "is left in the store (DROP it)" in line
    assert read_back(virtuoso, iri) == {"<urn:old> <urn:y> <urn:z>"}
    left = graphs(virtuoso) - before
    assert len(left) == 1 and next(iter(left)).startswith("urn:uuid:") and next(iter(left)) in line
    virtuoso.isql(f"SPARQL CLEAR GRAPH <{next(iter(left))}>")


def test_a_user_of_its_own_with_sparql_update_may_push_and_swap(virtuoso, built, home):
    """Not dba: a user made for kg push (DB.DBA.USER_CREATE, GRANT SPARQL_UPDATE), as the README says."""
    virtuoso.isql("DB.DBA.USER_CREATE('kgpush', 'kg-push-secret')", 'GRANT SPARQL_UPDATE TO "kgpush"')
    env = {"KG_PUSH_USER": "kgpush", "KG_PUSH_PASSWORD": "kg-push-secret"}
    result = run_push("--graph", str(built / "graph.nt"), "--graph-iri", "urn:kg:test:own-user", "--endpoint",
                      virtuoso.graph_store, "--update-endpoint", virtuoso.update, "--chunk-triples", "200", env=env)
    assert result.exit_code == 0, result.output
    assert read_back(virtuoso, "urn:kg:test:own-user") == lines_of(built / "graph.nt")
