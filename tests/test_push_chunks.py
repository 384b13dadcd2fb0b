"""Big graphs in chunks: whole lines, blank nodes kept together, replace-then-add, and the swap through a
temporary graph that a reader never sees half-done (a real ``oxigraph serve``; failures from small stubs)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import RdfFormat, parse
from test_push import built, lines_of, oxigraph, select, server_graph  # noqa: F401 - fixtures

from kg.cli import main
from kg.push import push
from kg.push.chunks import chunks


@pytest.fixture(autouse=True)
def no_credentials(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("KG_PUSH_TOKEN", "KG_PUSH_USER", "KG_PUSH_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def nt(count: int, start: int = 0) -> bytes:
    return b"".join(b'<https://example.org/kg/x%d> <https://schema.org/name> "x\\n%d" .\n' % (i, i)
                    for i in range(start, start + count))


# -- chunks --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("count", "per", "sizes"), [(10, 3, [3, 3, 3, 1]), (9, 3, [3, 3, 3]), (2, 5, [2]),
                                                       (0, 5, [0])])
def test_chunks_are_runs_of_whole_lines(count, per, sizes):
    body = nt(count)
    pieces = chunks(body, per)
    assert [p.triples for p in pieces] == sizes
    assert b"".join(bytes(p.body) for p in pieces) == body
    assert all(bytes(p.body).count(b"\n") == p.triples for p in pieces)


@settings(max_examples=300, deadline=None)
@given(lengths=st.lists(st.sampled_from([0, 1, 5, 60, 200, 3000]), max_size=300),
       per=st.sampled_from([1, 2, 3, 63, 64, 65, 66, 100, 1000]), last_newline=st.booleans())
def test_chunks_hold_exactly_n_whole_lines_whatever_the_line_lengths(lengths, per, last_newline):
    """The chunker jumps ahead counting line ends; with lines of very different lengths it still cuts after
    exactly ``per`` lines, at a line end, and loses or repeats nothing."""
    body = b"".join(b'<urn:a> <urn:b> "%s" .\n' % (b"x" * n) for n in lengths)
    if body and not last_newline:
        body = body[:-1]
    pieces = chunks(body, per)
    assert b"".join(bytes(p.body) for p in pieces) == body
    assert sum(p.triples for p in pieces) == len(lengths)
    assert all(p.triples == per and bytes(p.body).endswith(b"\n") for p in pieces[:-1])


def test_every_triple_naming_a_blank_node_goes_in_one_chunk():
    blank = b'_:a <https://schema.org/member> _:b .\n_:b <https://schema.org/name> "b" .\n'
    body = nt(3) + blank[:38] + nt(3, 3) + blank[38:]
    pieces = chunks(body, 2)
    assert [bytes(p.body) for p in pieces][-1] == blank
    assert [p.triples for p in pieces] == [2, 2, 2, 2]
    assert sorted(b"".join(bytes(p.body) for p in pieces).splitlines()) == sorted(body.splitlines())


def test_blank_nodes_survive_a_push_in_chunks_of_one(oxigraph, tmp_path):  # noqa: F811
    """Pushed one triple a request, _:a and _:b would each become two nodes; kept in one request they stay
    joined: the member's name is found through the organisation."""
    graph = tmp_path / "blank.nt"
    graph.write_bytes(nt(3) + b'<https://example.org/kg/org> <https://schema.org/member> _:a .\n'
                      b'_:a <https://schema.org/name> "Ann" .\n_:a <https://schema.org/knows> _:b .\n'
                      b'_:b <https://schema.org/name> "Bo" .\n')
    push(graph, oxigraph + "/store", "urn:kg:test:blank", chunk_triples=1)
    rows = select(oxigraph, """SELECT ?a ?b WHERE { GRAPH <urn:kg:test:blank> {
        <https://example.org/kg/org> <https://schema.org/member> ?m . ?m <https://schema.org/name> ?a ;
        <https://schema.org/knows>/<https://schema.org/name> ?b } }""")
    assert rows == [{"a": "Ann", "b": "Bo"}]


# -- into a real store ---------------------------------------------------------------------------
def graph_count(base: str, iri: str) -> int:
    return int(select(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")[0]["n"])


def all_graphs(base: str) -> set[str]:
    return {r["g"] for r in select(base, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}


def test_a_swapped_push_is_never_seen_half_done(oxigraph, built, tmp_path):  # noqa: F811
    """After each chunk (the progress callback) a reader of the graph still sees the old one, whole; after the
    MOVE, the new one; no temporary graph is left."""
    iri = "urn:kg:test:swapped"
    old = tmp_path / "old.nt"
    old.write_bytes(nt(5))
    push(old, oxigraph + "/store", iri)
    before = all_graphs(oxigraph)
    seen: list[tuple[int, int, int]] = []
    result = push(built / "graph.nt", oxigraph + "/store", iri, chunk_triples=64, update_endpoint=oxigraph + "/update",
                  progress=lambda done, total: seen.append((done, total, graph_count(oxigraph, iri))))
    expected = lines_of(built / "graph.nt")
    assert result.swapped and result.chunks == -(-len(expected) // 64) and result.triples == len(expected)
    assert [d for d, _t, _n in seen] == [min(64 * i, len(expected)) for i in range(result.chunks + 1)]
    assert {n for _d, _t, n in seen} == {5}
    assert server_graph(oxigraph, iri) == expected
    assert all_graphs(oxigraph) == before


def test_without_an_update_endpoint_the_graph_fills_up_chunk_by_chunk(oxigraph, built, tmp_path):  # noqa: F811
    """The first chunk's PUT replaces the old graph; each POST adds the next: a reader sees it fill up."""
    iri = "urn:kg:test:filling"
    old = tmp_path / "old.nt"
    old.write_bytes(nt(5, start=1000))
    push(old, oxigraph + "/store", iri)
    seen: list[int] = []
    push(built / "graph.nt", oxigraph + "/store", iri, chunk_triples=200,
         progress=lambda done, total: seen.append(graph_count(oxigraph, iri)))
    total = len(lines_of(built / "graph.nt"))
    assert seen == [5] + [min(200 * i, total) for i in range(1, len(seen))]
    assert server_graph(oxigraph, iri) == lines_of(built / "graph.nt")


def test_chunked_push_on_the_command_line(oxigraph, built):  # noqa: F811
    result = CliRunner().invoke(main, ["push", "--graph", str(built / "graph.nq"), "--graph-iri", "urn:kg:test:cli",
                                       "--endpoint", oxigraph + "/store", "--chunk-triples", "100",
                                       "--update-endpoint", oxigraph + "/update"])
    assert result.exit_code == 0, result.output
    total = len(lines_of(built / "graph.nt"))
    assert (f"pushed {total} triples to <urn:kg:test:cli> at {oxigraph}/store in {-(-total // 100)} requests, "
            "then moved in from a temporary graph (HTTP 204)") in result.output
    assert server_graph(oxigraph, "urn:kg:test:cli") == lines_of(built / "graph.nt")


# -- failing half-way ------------------------------------------------------------------------------
class Failing:
    """A store that answers 204 to every request but the ``fail_on``-th write (500), and keeps the requests."""

    def __init__(self, fail_on: int | None) -> None:
        self.requests: list[tuple[str, str, bytes]] = []
        me = self

        class Handler(BaseHTTPRequestHandler):
            def answer(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                me.requests.append((self.command, self.path, body))
                writes = sum(1 for m, p, _ in me.requests if m in ("PUT", "POST") and p.startswith("/store"))
                status = 500 if fail_on is not None and writes == fail_on and self.path.startswith("/store") else 204
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PUT = do_POST = answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture
def failing():
    made: list[Failing] = []

    def make(fail_on):
        made.append(Failing(fail_on))
        return made[-1]

    yield make
    for f in made:
        f.server.shutdown()
        f.server.server_close()


@pytest.fixture
def graph25(tmp_path) -> Path:
    path = tmp_path / "graph.nt"
    path.write_bytes(nt(25))
    return path


def test_a_failure_half_way_says_how_much_of_the_graph_is_there(failing, graph25):
    store = failing(3)
    result = CliRunner().invoke(main, ["push", "--graph", str(graph25), "--graph-iri", "urn:g", "--endpoint",
                                       store.base + "/store", "--chunk-triples", "4"])
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {store.base}/store answered 500 Internal Server Error; <urn:g> now "
                                     "holds only the first 8 of 25 triples (2 of 7 requests): push again")
    assert [m for m, _p, _b in store.requests] == ["PUT", "POST", "POST"]


def test_a_failure_half_way_through_a_swap_leaves_the_graph_as_it_was(failing, graph25):
    """The temporary graph is dropped with DROP SILENT GRAPH, and no MOVE is sent."""
    store = failing(3)
    result = CliRunner().invoke(main, ["push", "--graph", str(graph25), "--graph-iri", "urn:g", "--endpoint",
                                       store.base + "/store", "--chunk-triples", "4", "--update-endpoint",
                                       store.base + "/update"])
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {store.base}/store answered 500 Internal Server Error; "
                                     "<urn:g> is as it was")
    methods = [(m, p.split("?")[0]) for m, p, _b in store.requests]
    assert methods == [("PUT", "/store"), ("POST", "/store"), ("POST", "/store"), ("POST", "/update")]
    temporary = store.requests[0][1].partition("graph=")[2].replace("%3A", ":")
    assert temporary.startswith("urn:uuid:")
    assert store.requests[-1][2].decode() == f"DROP SILENT GRAPH <{temporary}>"
    assert all(p.partition("graph=")[2].replace("%3A", ":") == temporary for m, p, _ in store.requests[:3])


def test_the_move_is_the_last_request_and_names_both_graphs(failing, graph25):
    store = failing(None)
    result = push(graph25, store.base + "/store", "urn:g", chunk_triples=10, update_endpoint=store.base + "/update")
    assert result.swapped and result.chunks == 3 and result.status == 204
    temporary = store.requests[0][1].partition("graph=")[2].replace("%3A", ":")
    assert store.requests[-1][:2] == ("POST", "/update")
    assert store.requests[-1][2].decode() == f"MOVE <{temporary}> TO <urn:g>"
    sent = b"".join(b for m, p, b in store.requests if p.startswith("/store"))
    assert {str(t) for t in parse(sent, format=RdfFormat.N_TRIPLES)} == lines_of(graph25)


# -- what is sent ------------------------------------------------------------------------------------
def test_graph_nt_is_sent_as_it_is_and_graph_nq_as_the_same_union(built):  # noqa: F811
    from kg.push import ntriples_of

    as_it_is, count, base = ntriples_of([built / "graph.nt"])
    assert as_it_is == (built / "graph.nt").read_bytes()
    union, count_nq, base_nq = ntriples_of([built / "graph.nq"])
    assert (count, base) == (count_nq, base_nq) == (len(lines_of(built / "graph.nt")), "https://digidemlab.org")
    assert sorted(union.splitlines()) == sorted(as_it_is.splitlines())


def test_an_ntriples_file_with_comments_and_blank_lines_is_sent_as_its_triples(tmp_path):
    from kg.push import ntriples_of

    graph = tmp_path / "commented.nt"
    graph.write_bytes(b"# made by hand\n" + nt(3) + b"\n" + nt(1, start=3).rstrip(b"\n"))
    body, count, _base = ntriples_of([graph])
    assert count == 4
    assert sorted(body.splitlines()) == sorted(nt(4).splitlines())
