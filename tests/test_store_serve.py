"""``kg serve`` on the store ``kg build --store`` wrote: opened read-only by the server and by its fork
server, whose workers share it; every guard of the endpoint still holds; a stale store is refused.

The query test site (:mod:`query_site`) is built with ``--store`` once for the module and served
on a free loopback port with small limits; answers are compared with those of a server that
loads the same graph files into memory (``store=False``).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_site
from query_site import ORG, SITE_FILES

import kg
from kg.cli import main
from kg.export.store import MANIFEST, STORE, StoreError
from kg.serve import start

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
PROJECTS = "SELECT ?p WHERE { ?p a <http://schema.org/Project> } ORDER BY ?p"
SOURCES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
TIMEOUT = 3.0


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("store-serve")
    site = write_site(root / "site", SITE_FILES)
    kg.build(site, root / "out", store=True)
    return root / "out"


def serve(source, **kw):
    return start(source, port=0, timeout=TIMEOUT, workers=2, max_memory=64 << 20, background=True, quiet=True,
                 **kw)


@pytest.fixture(scope="module")
def server(out: Path):
    srv = serve([out / "graph.nq"])
    yield srv
    srv.shutdown()
    srv.close()


@pytest.fixture(scope="module")
def in_memory(out: Path):
    srv = serve([out / "graph.nq"], store=False)
    yield srv
    srv.shutdown()
    srv.close()


def url_of(server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


def http(url: str, *, data: bytes | None = None, accept: str = "application/sparql-results+json"
         ) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, data=data, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def ask(server, sparql: str, **kw) -> tuple[int, Message, bytes]:
    return http(f"{url_of(server)}/sparql", data=urllib.parse.urlencode({"query": sparql}).encode(), **kw)


def rows(server, sparql: str) -> list[dict]:
    status, _, body = ask(server, sparql)
    assert status == 200, body
    return json.loads(body)["results"]["bindings"]


def fork_server(server) -> int:
    return server.runner._server.process.pid


def worker_pids(server) -> list[int]:
    with open(f"/proc/{fork_server(server)}/task/{fork_server(server)}/children") as children:
        return [int(pid) for pid in children.read().split()]


# -- the store, shared ------------------------------------------------------------------------------
def test_the_fork_server_is_a_fork_of_the_server_and_it_and_every_worker_read_the_store(server, out: Path) -> None:
    real = Path(os.path.realpath(out / STORE))
    assert server.runner.store == real
    assert ask(server, "ASK { ?s ?p ?o }")[0] == 200  # a worker has answered
    with open(f"/proc/{fork_server(server)}/stat") as stat:
        assert int(stat.read().rsplit(")", 1)[1].split()[1]) == os.getpid()  # its parent: the server's process
    workers = worker_pids(server)
    assert workers
    for pid in [os.getpid(), fork_server(server), *workers]:
        opened = {os.path.realpath(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")}
        assert any(path.startswith(str(real) + "/") and path.endswith(".sst") for path in opened), pid
        assert not any(path.endswith((".nq", ".nt")) for path in opened), pid


def test_a_query_is_judged_long_after_more_cpu_on_the_store_than_in_memory(server, in_memory) -> None:
    from kg.serve.runner import LONG_AFTER, LONG_AFTER_ON_DISK

    # each term a query reads costs a RocksDB lookup on disk: a page of projects sorted by IRI must not
    # count as a heavy query there and wait behind the heavy ones
    assert server.runner.long_after == LONG_AFTER_ON_DISK > LONG_AFTER == in_memory.runner.long_after


_FREED_BUT_HELD = r"""
import threading
from kg.serve.zygote import _give_back
def rss():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 / 1e6
kept = []
def answer():  # on a thread of its own, as a worker's queries run
    blocks = [bytes(10_000) for _ in range(20_000)]
    kept.extend(blocks[::50])  # a few kept all through the heap: it cannot shrink from its top
    blocks.clear()
thread = threading.Thread(target=answer)
thread.start()
thread.join()
before = rss()
_give_back()
print(before, rss())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_a_worker_hands_back_the_memory_a_big_answer_freed() -> None:
    done = subprocess.run([sys.executable, "-c", _FREED_BUT_HELD], capture_output=True, text=True, check=True)
    before, after = map(float, done.stdout.split())
    assert before - after > 100  # of the ~200 MB freed but held, most goes back to the system (MB)


def test_a_killed_fork_server_is_replaced_by_one_that_opens_the_store_again(out: Path) -> None:
    srv = serve([out / "graph.nq"])
    try:
        before = rows(srv, PROJECTS)
        first = fork_server(srv)
        os.kill(first, 9)  # its idle workers die with it
        deadline = time.monotonic() + 10
        while not _ended(first) and time.monotonic() < deadline:
            time.sleep(0.05)
        deadline = time.monotonic() + 60
        while ask(srv, PROJECTS)[0] != 200 and time.monotonic() < deadline:
            time.sleep(0.2)  # the new fork server starts as a script, within the first query's time limit or not
        assert rows(srv, PROJECTS) == before
        assert fork_server(srv) != first
        with open(f"/proc/{fork_server(srv)}/cmdline", "rb") as cmdline:
            args = cmdline.read().decode().rstrip("\0").split("\0")
        assert args[-2:] == ["--store", str(srv.runner.store)]  # the script, opening the same store
        assert rows(srv, SOURCES)
    finally:
        srv.shutdown()
        srv.close()


def _ended(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True


def test_answers_pages_and_counts_are_those_of_the_graph_files_in_memory(server, in_memory) -> None:
    for sparql in (PROJECTS, SOURCES, "SELECT ?o (COUNT(*) AS ?n) WHERE { ?s a ?o } GROUP BY ?o ORDER BY ?o"):
        assert rows(server, sparql) == rows(in_memory, sparql)
    assert server.dataset.triple_count == in_memory.dataset.triple_count
    assert server.dataset.class_counts == in_memory.dataset.class_counts
    for path in ("/", ORG.removeprefix("https://example.org") + "nesta"):
        mine = http(url_of(server) + path, accept="text/html")
        theirs = http(url_of(in_memory) + path, accept="text/html")
        assert mine[0] == theirs[0] == 200
        assert mine[2].replace(url_of(server).encode(), b"") == theirs[2].replace(url_of(in_memory).encode(), b"")


def test_the_store_alone_is_served_with_the_graph_files_beside_it_for_download(out: Path) -> None:
    srv = serve(out / STORE)
    try:
        assert sorted(srv.app.downloads) == sorted(["graph.jsonld", "graph.nq", "graph.nt", "graph.ttl"])
        status, _, body = http(url_of(srv) + "/graph.nt", accept="application/n-triples")
        assert status == 200 and body == (out / "graph.nt").read_bytes()
        assert len(rows(srv, PROJECTS)) == 5
    finally:
        srv.shutdown()
        srv.close()


# -- the guards -------------------------------------------------------------------------------------
def test_a_service_query_is_refused_with_400(server) -> None:
    answered = server.runner.stats.answered
    status, _, body = ask(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 400 and b"SERVICE is not allowed" in body
    assert server.runner.stats.answered == answered


def test_a_query_nested_too_deep_is_400(server) -> None:
    status, _, body = ask(server, "ASK " + "{" * 10_000 + "}" * 10_000)
    assert status == 400 and b"the most a query may nest is 100" in body


def test_a_query_past_the_time_limit_is_stopped_and_the_next_is_answered(server) -> None:
    started = time.monotonic()
    status, _, _ = ask(server, SLOW)
    assert status == 503 and time.monotonic() - started < TIMEOUT + 3
    assert len(rows(server, PROJECTS)) == 5


def test_a_query_over_the_memory_limit_is_503_and_the_server_goes_on(server) -> None:
    status, _, body = ask(server, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1")
    assert status == 503 and b"more memory than a query may use here (64 MB)" in body
    assert len(rows(server, PROJECTS)) == 5


def test_an_update_is_refused_and_the_store_is_unchanged(server) -> None:
    status, _, _ = http(f"{url_of(server)}/sparql", data=urllib.parse.urlencode(
        {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode())
    assert status in (400, 403, 405, 501)
    status, _, body = ask(server, "ASK { <urn:a> <urn:b> <urn:c> }")
    assert json.loads(body)["boolean"] is False


def _network_namespaces_work(answer) -> None:
    from kg.serve.sandbox import deny_network

    answer.put(deny_network())


def test_the_fork_server_of_a_store_has_no_network(server) -> None:
    context = multiprocessing.get_context("spawn")
    answer = context.Queue()
    process = context.Process(target=_network_namespaces_work, args=(answer,))
    process.start()
    works = answer.get(timeout=60)
    process.join(30)
    if not works:
        pytest.skip("this system allows no unprivileged network namespace; the SERVICE check alone stands")
    for pid in [fork_server(server), *worker_pids(server)]:
        assert os.readlink(f"/proc/{pid}/ns/net") != os.readlink("/proc/self/ns/net"), pid


# -- a new build while serving, and stale stores ----------------------------------------------------
def test_a_new_build_into_the_folder_leaves_a_running_server_answering_from_its_store(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", SITE_FILES)
    out = tmp_path / "out"
    kg.build(site, out, store=True)
    srv = serve([out / "graph.nq"])
    try:
        before = rows(srv, PROJECTS)
        write_site(site, {"_clients/zeta.md": "---\ntitle: Zeta\nref: zeta\nlang: en\nclient: Nesta\n---\nZeta.\n"})
        kg.build(site, out, store=True)  # the old build's folder, store and all, is removed
        assert not os.path.exists(srv.runner.store)
        forks = srv.runner.stats.forks
        assert ask(srv, SLOW)[0] == 503  # its worker is stopped, and replaced by a fresh fork
        deadline = time.monotonic() + 10
        while srv.runner.stats.forks == forks and time.monotonic() < deadline:
            time.sleep(0.05)
        assert srv.runner.stats.forks > forks
        for _ in range(4):  # every worker, the fresh fork among them: the store the fork server opened
            assert rows(srv, PROJECTS) == before
        assert rows(srv, SOURCES)
        fresh = serve([out / "graph.nq"])
        try:
            assert len(rows(fresh, PROJECTS)) == len(before) + 1
        finally:
            fresh.shutdown()
            fresh.close()
    finally:
        srv.shutdown()
        srv.close()


def test_a_stale_store_is_refused_by_kg_serve_in_one_line_and_no_server_starts(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", SITE_FILES)
    out = tmp_path / "out"
    kg.build(site, out, store=True)
    manifest = out / STORE / MANIFEST
    manifest.write_text(manifest.read_text().replace(f'"kg": "{kg.__version__}"', '"kg": "99.0"'))
    with pytest.raises(StoreError):
        start([out / "graph.nq"], port=0)
    result = CliRunner().invoke(main, ["serve", "--graph", str(out / "graph.nq"), "--port", "0"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and str(out / STORE) in lines[0] and "kg build --store" in lines[0]
