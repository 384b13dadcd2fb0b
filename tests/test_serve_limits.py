"""``kg serve`` stays fair under load: every limit of the endpoint, each pushed past by a real client.

Servers for the query test site (:mod:`query_site`) run on free loopback ports with
small limits (a time limit of seconds, 64 MB of memory a query, answers cut at a few
kilobytes), so that each defence is reached quickly; HTTP is spoken over plain
sockets where the test needs to send what a well-behaved client never would.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from pathlib import Path

import pytest
from conftest import write_site
from query_site import SITE_FILES

from kg.serve import start
from kg.serve.app import MAX_BODY
from kg.serve.paging import PAGE_SIZE

#: A cross product of four triple patterns: far longer than any time limit here.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TIMEOUT = 3.0
MAX_BYTES = 20_000


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("limits") / "site", SITE_FILES)


@pytest.fixture(scope="module")
def server(site):
    srv = start(site, port=0, timeout=TIMEOUT, workers=2, max_memory=64 << 20, max_bytes=MAX_BYTES,
                max_results=100_000, background=True, quiet=True, idle_timeout=1.0, read_timeout=2.0)
    yield srv
    srv.shutdown()
    srv.close()


@pytest.fixture(scope="module")
def url(server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


def http(url: str, *, data: bytes | None = None, accept: str = "application/sparql-results+json",
         timeout: float = 30) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, data=data, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def ask(url: str, sparql: str, **kw) -> tuple[int, Message, bytes]:
    return http(f"{url}/sparql", data=urllib.parse.urlencode({"query": sparql}).encode(), **kw)


def timed(fn, *args, **kw):
    started = time.monotonic()
    out = fn(*args, **kw)
    return out, time.monotonic() - started


def raw(server, data: bytes, *, wait: float = 5.0) -> bytes:
    """Send ``data`` as it is and read until the server closes the connection (or ``wait`` seconds pass)."""
    with socket.create_connection(server.server_address[:2], timeout=wait) as sock:
        sock.sendall(data)
        out = b""
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            out += chunk
        return out


def statuses(response: bytes) -> list[int]:
    return [int(line.split()[1]) for line in response.split(b"\r\n") if line.startswith(b"HTTP/1.1 ")]


# -- time: waiting counts, a full queue answers at once, short queries keep their workers -------
def test_a_trivial_ask_is_answered_at_once_while_heavy_queries_fill_the_workers(url: str, server) -> None:
    """Eight queries that each run past the limit, on two workers: an ASK sent while they run is answered
    within a second (the long ones are paused past one worker, so one is always there for short
    queries), and every heavy one is stopped by its limit, counted from when it was asked."""
    heavy: list[tuple[int, float]] = []

    def run_heavy() -> None:
        (status, _, _), took = timed(ask, url, SLOW)
        heavy.append((status, took))

    threads = [threading.Thread(target=run_heavy) for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)  # all eight asked, the first ones long already
    (status, _, body), took = timed(ask, url, "ASK { ?s ?p ?o }")
    for thread in threads:
        thread.join()
    assert status == 200 and json.loads(body)["boolean"] is True
    assert took < 1.0, took
    assert [s for s, _ in heavy] == [503] * 8
    assert max(t for _, t in heavy) < TIMEOUT + 1.5, heavy


def test_a_query_that_waited_its_whole_limit_for_a_worker_is_503_and_never_run_late(site) -> None:
    """One worker busy with a query past the limit: a second query asked just after it gets 503 when
    its own limit is up (not the limit after the first ends), saying it waited."""
    srv = start(site, port=0, timeout=2.0, workers=1, background=True, quiet=True)
    try:
        base = "http://{}:{}".format(*srv.server_address[:2])
        first = threading.Thread(target=ask, args=(base, SLOW))
        first.start()
        time.sleep(0.3)
        (status, headers, body), took = timed(ask, base, SLOW)
        first.join()
    finally:
        srv.shutdown()
        srv.close()
    assert status == 503
    assert took < 2.0 + 1.0, took
    assert b"waited for a free worker" in body or b"waiting for a worker included" in body
    assert int(headers["Retry-After"]) >= 1 if b"waited" in body else True


def test_a_full_queue_is_answered_503_at_once_with_a_time_to_retry(site) -> None:
    """With room for one running and two waiting queries, the fourth, fifth … are refused at once."""
    srv = start(site, port=0, timeout=3.0, workers=1, queue=2, background=True, quiet=True)
    try:
        base = "http://{}:{}".format(*srv.server_address[:2])
        waiting = [threading.Thread(target=ask, args=(base, SLOW)) for _ in range(3)]
        for thread in waiting:
            thread.start()
            time.sleep(0.2)
        answers = [timed(ask, base, "ASK { ?s ?p ?o }") for _ in range(3)]
        for thread in waiting:
            thread.join()
    finally:
        srv.shutdown()
        srv.close()
    for (status, headers, body), took in answers:
        assert status == 503 and took < 0.5, (status, took)
        assert b"busy" in body and int(headers["Retry-After"]) >= 1


def test_a_stopped_worker_is_replaced_without_loading_the_graph_again(url: str, server) -> None:
    """After a query over the limit the next one is answered at once, by a fork of the process that
    loaded the graph (that process is the same as before)."""
    loader = server.runner._server.process.pid
    forks = server.runner.stats.forks
    assert ask(url, SLOW)[0] == 503
    (status, _, _), took = timed(ask, url, "ASK { ?s ?p ?o }")
    assert status == 200 and took < 1.0
    deadline = time.monotonic() + 5
    while server.runner.stats.forks == forks and time.monotonic() < deadline:  # the fork is made beside
        time.sleep(0.05)
    assert server.runner._server.process.pid == loader
    assert server.runner.stats.forks > forks, (server.runner._scheduler.is_alive(), server.runner.state())


# -- memory -------------------------------------------------------------------------------------
def test_a_query_over_the_memory_limit_is_503_and_the_server_goes_on(url: str) -> None:
    """Sorting a cross product of three patterns (millions of rows) needs more than 64 MB: that worker
    ends, the answer says why, and the next query is answered."""
    status, _, body = ask(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1")
    assert status == 503
    assert b"more memory than a query may use here (64 MB)" in body
    assert ask(url, "ASK { ?s ?p ?o }")[0] == 200


def test_an_answer_is_cut_at_the_byte_cap_and_says_so(url: str, server) -> None:
    """Rows are many but small: the row cap (100 000) is not reached, the byte cap is, and the answer is
    whole JSON of fewer bytes than the cap."""
    for accept, parse in (("application/sparql-results+json", lambda b: json.loads(b)["results"]["bindings"]),
                          ("text/tab-separated-values", lambda b: b.decode().splitlines()[1:])):
        status, headers, body = ask(url, "SELECT * WHERE { ?s ?p ?o }", accept=accept)
        assert status == 200
        assert headers["X-KG-Truncated"] == f"true; the answer was cut at {MAX_BYTES} bytes"
        assert len(body) <= MAX_BYTES
        rows = parse(body)
        assert 0 < len(rows) == int(headers["X-KG-Result-Count"]) < server.dataset.triple_count


# -- query shape ----------------------------------------------------------------------------------
@pytest.mark.parametrize("sparql", [
    "ASK " + "{" * 10_000 + "}" * 10_000,
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5_000 + "?o" + ")" * 5_000 + ") }",
    "SELECT * WHERE { ?s ?p " + "[ <http://x/p> " * 3_000 + "1" + " ]" * 3_000 + " }",
    # braces inside a string do not hide the nesting after it
    'ASK { ?s ?p "' + "}" * 500 + '" ' + "{" * 200 + "}" * 200 + " }",
])
def test_a_query_nested_too_deep_is_400_before_any_worker_sees_it(url: str, server, sparql: str) -> None:
    answered = server.runner.stats.answered
    status, _, body = ask(url, sparql)
    assert status == 400
    assert b"the most a query may nest is 100" in body
    assert server.runner.stats.answered == answered  # no worker was asked


def test_a_long_chain_of_unions_does_not_crash_a_worker(url: str) -> None:
    """Twenty thousand UNIONs nest nothing, yet overflow an 8 MB stack in pyoxigraph: a worker's
    queries run on a larger one, so this one runs into the time limit (or is answered), never a 500."""
    status, _, _ = ask(url, "SELECT * WHERE { {} " + " UNION {}" * 20_000 + " }")
    assert status in (200, 503)
    assert ask(url, "ASK { ?s ?p ?o }")[0] == 200


# -- connections ----------------------------------------------------------------------------------
def test_an_idle_connection_is_closed(server) -> None:
    """A client that connects and sends nothing is disconnected after the idle timeout (1 s here)."""
    started = time.monotonic()
    assert raw(server, b"", wait=10) == b""
    assert time.monotonic() - started < 4


def test_a_client_sending_its_request_a_byte_at_a_time_is_cut_off(server) -> None:
    """Slowloris: bytes keep coming (so the connection is never idle) but the request never ends; after
    the read timeout (2 s) the connection is closed."""
    with socket.create_connection(server.server_address[:2], timeout=10) as sock:
        started = time.monotonic()
        closed = False
        for byte in b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                closed = True
                break
            sock.settimeout(0.3)
            try:
                if sock.recv(1) == b"":
                    closed = True
                    break
            except TimeoutError:
                pass
    assert closed
    assert time.monotonic() - started < 5


def test_a_thousand_idle_connections_do_not_hold_threads(server, url: str) -> None:
    """Idle connections cost a socket each, not a thread: with 1 000 of them open the server's thread
    count stays where it was, and a query is still answered."""
    before = threading.active_count()
    socks = []
    try:
        for _ in range(1000):
            socks.append(socket.create_connection(server.server_address[:2]))
        (status, _, _), took = timed(ask, url, "ASK { ?s ?p ?o }")
        assert status == 200 and took < 2
        assert threading.active_count() <= before + 2
    finally:
        for sock in socks:
            sock.close()


@pytest.mark.parametrize("smuggle", ["413", "405", "negative", "get-with-body", "chunked-and-length"])
def test_a_request_body_is_never_read_as_a_request(server, smuggle: str) -> None:
    """A second request hidden in a body (after a refusal, or in a GET) is never answered: the body is
    read to its end or the connection is closed."""
    hidden = b"GET /kg/organisation/nesta HTTP/1.1\r\nHost: x\r\nAccept: text/turtle\r\n\r\n"
    if smuggle == "413":
        head = f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n" \
               f"Content-Length: {MAX_BODY + 1}\r\n\r\n".encode()
        response = raw(server, head + hidden)
        assert statuses(response) == [413]
        return
    if smuggle == "405":
        request = f"POST /void.ttl HTTP/1.1\r\nHost: x\r\nContent-Length: {len(hidden)}\r\n\r\n".encode() + hidden
    elif smuggle == "negative":
        request = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n" + hidden
    elif smuggle == "get-with-body":
        request = f"GET /static/kg.css HTTP/1.1\r\nHost: x\r\nContent-Length: {len(hidden)}\r\n\r\n".encode() + hidden
    else:
        request = (f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: {len(hidden)}\r\n"
                   f"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n").encode() + hidden
    last = b"GET /static/kg.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    response = raw(server, request + last)
    codes = statuses(response)
    assert b"Nesta" not in response and b"nesta" not in response
    expected = {"405": 405, "negative": 400, "get-with-body": 200, "chunked-and-length": 400}[smuggle]
    assert codes[0] == expected
    assert codes in ([expected], [expected, 200])  # closed after a refusal, or the next real request answered


# -- entity pages ---------------------------------------------------------------------------------
def test_an_entity_page_holds_at_most_a_page_of_statements_and_links_to_the_next(tmp_path) -> None:
    """An organisation with 1 200 statements about it and 1 200 referring to it: three pages of at most
    PAGE_SIZE each way, linked by Link rel="next", which together give every statement once."""
    org = "https://example.org/kg/organisation/hub"
    lines = ['<https://example.org/#website> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
             '<http://schema.org/WebSite> .\n', f'<{org}> <http://schema.org/name> "Hub" .\n']
    lines += [f'<{org}> <http://schema.org/keywords> "k{i:04d}" .\n' for i in range(1199)]
    lines += [f'<https://example.org/kg/project/p{i:04d}> <http://schema.org/funder> <{org}> .\n'
              for i in range(1200)]
    (tmp_path / "g.nt").write_text("".join(lines))
    srv = start([tmp_path / "g.nt"], port=0, background=True, quiet=True, workers=1)
    try:
        base = "http://{}:{}".format(*srv.server_address[:2])
        keywords, pages_seen, link = set(), 0, "/kg/organisation/hub?format=nt"
        while link:
            status, headers, body = http(base + link, accept="application/n-triples")
            assert status == 200
            triples = [line for line in body.decode().splitlines() if line.strip()]
            assert len(triples) <= PAGE_SIZE
            keywords |= {line for line in triples if "keywords" in line}
            pages_seen += 1
            nxt = [part for part in (headers.get("Link") or "").split(", ") if 'rel="next"' in part]
            link = nxt[0].split(">")[0].lstrip("<") if nxt else None
        assert pages_seen == 3 and len(keywords) == 1199
        status, headers, body = http(base + "/kg/organisation/hub", accept="text/html")
        page = body.decode()
        assert status == 200 and page.count("/kg/project/p") == PAGE_SIZE
        assert '<a rel="next" href="/kg/organisation/hub?page=2">' in page
        status, _, body = http(base + "/kg/organisation/hub?page=3", accept="text/html")
        assert status == 200 and body.decode().count("/kg/project/p") == 1200 - 2 * PAGE_SIZE
        assert 'rel="next"' not in body.decode()
        assert http(base + "/kg/organisation/hub?page=4")[0] == 404
        assert http(base + "/kg/organisation/hub?page=0")[0] == 400
    finally:
        srv.shutdown()
        srv.close()


# -- non-ASCII paths ------------------------------------------------------------------------------
@pytest.mark.parametrize("spelling", ["encoded", "lower-case", "raw-utf8", "decomposed"])
def test_pages_whose_urls_hold_a_ring_or_umlauts_are_served_however_the_client_spells_them(
        tmp_path, spelling: str) -> None:
    """A permalink written with å/ä/ö (its IRI keeps the letters) and a file name with ö (its IRI has them
    percent-encoded): both answer whether a client sends the letters percent-encoded (as browsers do),
    in lower-case hex, as raw UTF-8 bytes, or decomposed (o + combining diaeresis)."""
    site = write_site(tmp_path / "site", {
        "_clients/göteborg.md": "---\ntitle: Göteborg\nlang: sv\nref: gbg\n---\nText.\n",
        "_posts/2021-01-01-x.md": "---\ntitle: Ärende\nlang: sv\npermalink: /nyheter/ärende-på-öland/\n---\nText.\n",
    })
    srv = start(site, port=0, background=True, quiet=True, workers=1)
    try:
        iris = {q.subject.value for q in srv.dataset.store.quads_for_pattern(None, None, None)}
        paths = ["/nyheter/ärende-på-öland/", "/göteborg/"]
        for path in paths:
            assert any(iri.endswith(path) or iri.endswith(urllib.parse.quote(path)) for iri in iris), path
            if spelling == "decomposed":
                import unicodedata
                sent = urllib.parse.quote(unicodedata.normalize("NFD", path)).encode()
            else:
                sent = urllib.parse.quote(path).encode()
                if spelling == "lower-case":
                    sent = sent.lower()
                elif spelling == "raw-utf8":
                    sent = path.encode("utf-8")
            response = raw(srv, b"GET " + sent + b" HTTP/1.1\r\nHost: x\r\nAccept: text/turtle\r\n"
                                                 b"Connection: close\r\n\r\n")
            assert statuses(response) == [200], (path, sent)
    finally:
        srv.shutdown()
        srv.close()


def test_after_all_this_every_place_is_free_again(server) -> None:
    """However the queries above ended (answered, refused, out of time or memory, paused), the runner
    counts no place taken once they are done."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and server.runner.state()["active"]:
        time.sleep(0.05)
    state = server.runner.state()
    assert (state["waiting"], state["waiting_long"], state["active"], state["long"], state["paused"],
            state["running"]) == (0, 0, 0, 0, 0, 0), state


# -- nothing left behind ----------------------------------------------------------------------------
def test_the_query_processes_end_when_the_server_is_killed(tmp_path, site) -> None:
    """kill -9 of kg serve: its fork server and every worker end too (their control pipe closes)."""
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "serve", str(site),
                             "--port", "0", "--workers", "2"], stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent)))
    try:
        line = proc.stderr.readline()
        assert "serving" in line, line
        children = _descendants(proc.pid)
        assert len(children) >= 3  # the fork server and two workers
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)]


def _descendants(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout
    parents = {int(c): int(p) for c, p in (line.split() for line in out.splitlines())}
    found, frontier = [], {pid}
    while frontier:
        frontier = {c for c, p in parents.items() if p in frontier}
        found += sorted(frontier)
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
