#!/usr/bin/env python3
"""``kg serve`` under load: many clients at once on loopback, heavy and light queries mixed.

    python bench/bench_serve_load.py [--docs 10000] [--built DIR] [--clients 8,32,128,512]
                                     [--seconds 15] [--think 0.25] [--workers 4] [--timeout 10] [--no-store]

The server (``kg.serve.start`` on ``graph.nq`` of a generated site, ``bench/out/site-N``
reused when it is up to date, or of ``--built DIR``: the on-disk store beside it when ``kg build
--store`` wrote one, else, or with ``--no-store``, the graph loaded into memory) runs in a process of its own;
the clients are coroutines of this one, each with its own keep-alive connection,
each sending one query, reading the answer, waiting ``--think`` seconds on average
(exponential) and sending the next. At each level one client in 16 (at least two)
sends heavy queries — the bundled queries that aggregate over the whole site (0.1–2 s
each at 10k documents), and a self-join over every subject's triples (about 7 s alone,
near the time limit) — with no pause; the
others send light ones (an ``ASK`` or a name lookup about one entity, a page of
projects). Each level runs ``--seconds`` (after a 2 s warm-up that is not counted).

First, with nothing else running, each bundled query without parameters is timed
(median of 5) in memory (pyoxigraph in this process, SPARQL JSON written) and through
``kg serve`` by one client. Then per level: answers a second (all, and heavy ones
answered 200), light queries' p50/p99/max latency, light answers 503 (the server
shedding load: its queue is full) and other than 200 or 503, heavy answers 503 (its
limits: time, a full queue), and requests that got no answer at all (connection
refused, reset, or no answer in 30 s). Bounded: about 4 × (seconds +
2) s plus the build and the server's start (≈ 2 min at the defaults on 2 cores).
Figures are printed, never asserted. The aim (issue #13): no errors and a light p99
under 250 ms at 128 clients while the heavy queries run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

SERVER = """
import sys
from kg.serve import start
srv = start([sys.argv[1]], port=0, quiet=True, workers=int(sys.argv[2]), timeout=float(sys.argv[3]),
            store=False if "no-store" in sys.argv[4:] else None)
print(srv.server_address[1], flush=True)
if "watch" in sys.argv[4:]:
    import threading, time
    def watch():
        while True:
            time.sleep(0.5)
            print(round(time.monotonic(), 1), srv.runner.state(), file=sys.stderr, flush=True)
    threading.Thread(target=watch, daemon=True).start()
try:
    srv.serve_forever()
finally:
    print(srv.runner.stats, file=sys.stderr, flush=True)
    srv.close()
"""
HEAVY_BUNDLED = ("clients-and-partners", "themes-over-time", "organisation-pairs", "projects-per-year-and-theme")
#: Every subject's triples joined with each other: about 7 s alone at 10k documents (11 M pairs).
SELF_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?s ?q ?r }"
REQUEST_TIMEOUT = 30.0


@dataclass
class Level:
    clients: int
    light: list[float] = field(default_factory=list)
    light_bad: int = 0
    light_503: int = 0
    heavy_ok: int = 0
    heavy_503: int = 0
    heavy_other: int = 0
    failed: int = 0
    answers: int = 0


def built_folder(docs: int, tmp: Path) -> Path:
    import kg

    cached = HERE / "out" / f"site-{docs}"
    site = cached
    if not generate.is_up_to_date(cached, docs, 1):
        site = tmp / f"site-{docs}"
        generate.generate(site, docs, 1)
    kg.build(site, out=tmp / "out")
    return tmp / "out"


def queries(store) -> tuple[list[str], list[str]]:
    """Light and heavy queries for the graph in ``store`` (entity IRIs read from it)."""
    from pyoxigraph import NamedNode

    from kg.query.bundled import bundled_queries

    entities = sorted({q.subject.value for q in store.quads_for_pattern(
        None, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None) if isinstance(q.subject, NamedNode)
        and "/kg/" in q.subject.value})
    rng = random.Random(1)
    light = []
    for iri in rng.sample(entities, min(200, len(entities))):
        light.append(f"ASK {{ <{iri}> ?p ?o }}")
        light.append(f"SELECT ?name WHERE {{ <{iri}> <http://schema.org/name> ?name }}")
    for offset in range(0, 200, 10):
        light.append(f"SELECT ?p WHERE {{ ?p a <http://schema.org/Project> }} ORDER BY ?p LIMIT 10 OFFSET {offset}")
    bundled = bundled_queries()
    heavy = [bundled[name].text for name in HEAVY_BUNDLED if name in bundled] + [SELF_JOIN]
    return light, heavy


def start_server(graph: Path, workers: int, timeout: float, watch: bool = False,
                 no_store: bool = False) -> tuple[subprocess.Popen, int]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(graph), str(workers), str(timeout),
                             *(["watch"] if watch else []), *(["no-store"] if no_store else [])],
                            stdout=subprocess.PIPE, env=env, text=True)
    line = proc.stdout.readline()
    if not line.strip().isdigit():
        proc.kill()
        raise SystemExit("the server did not start")
    return proc, int(line)


async def ask(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, port: int, sparql: str) -> tuple[int, bool]:
    body = sparql.encode()
    writer.write(f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/sparql-query\r\n"
                 f"Accept: application/sparql-results+json\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers.get("connection", "").lower() == "close"


async def client(port: int, heavy: bool, pool: list[str], level: Level, measure_from: float, stop_at: float,
                 think: float, rng: random.Random) -> None:
    conn = None
    while time.monotonic() < stop_at:
        sparql = rng.choice(pool)
        started = time.monotonic()
        try:
            if conn is None:
                conn = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), REQUEST_TIMEOUT)
            status, close = await asyncio.wait_for(ask(*conn, port, sparql), REQUEST_TIMEOUT)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            if started >= measure_from:
                level.failed += 1
            if conn is not None:
                conn[1].close()
            conn = None
            await asyncio.sleep(0.1)
            continue
        took = time.monotonic() - started
        if close:
            conn[1].close()
            conn = None
        if started >= measure_from and time.monotonic() <= stop_at + REQUEST_TIMEOUT:
            level.answers += 1
            if heavy:
                if status == 200:
                    level.heavy_ok += 1
                elif status == 503:
                    level.heavy_503 += 1
                else:
                    level.heavy_other += 1
            else:
                level.light.append(took)
                level.light_503 += status == 503
                level.light_bad += status not in (200, 503)
        if not heavy and think > 0:
            await asyncio.sleep(rng.expovariate(1 / think))
    if conn is not None:
        conn[1].close()


async def run_level(port: int, clients: int, light: list[str], heavy: list[str], seconds: float,
                    think: float) -> Level:
    level = Level(clients)
    heavy_clients = max(2, clients // 16) if heavy else 0
    now = time.monotonic()
    measure_from, stop_at = now + 2, now + 2 + seconds
    rng = random.Random(clients)
    tasks = [client(port, i < heavy_clients, heavy if i < heavy_clients else light, level, measure_from, stop_at,
                    think, random.Random(rng.random())) for i in range(clients)]
    await asyncio.gather(*tasks)
    level.seconds = seconds
    return level


def one_client(store, port: int, repeat: int = 5) -> list[tuple[str, float, float]]:
    """Per bundled query without parameters: median seconds in memory (pyoxigraph, JSON written) and
    through kg serve (one client, nothing else running)."""
    import urllib.request

    from pyoxigraph import QueryResultsFormat

    from kg.query.bundled import bundled_queries
    from kg.vocab import PREFIXES

    out = []
    for name, bundled in bundled_queries().items():
        if bundled.params:
            continue

        def memory(text: str = bundled.text) -> None:
            store.query(text, prefixes=dict(PREFIXES)).serialize(format=QueryResultsFormat.JSON)

        def served(text: str = bundled.text) -> None:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/sparql", data=text.encode(),
                                             headers={"Content-Type": "application/sparql-query",
                                                      "Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()

        times = {}
        for label, fn in (("memory", memory), ("served", served)):
            fn()
            runs = []
            for _ in range(repeat):
                started = time.perf_counter()
                fn()
                runs.append(time.perf_counter() - started)
            times[label] = sorted(runs)[repeat // 2]
        out.append((name, times["memory"], times["served"]))
    return out


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="size of the generated site (default 10000)")
    parser.add_argument("--built", type=Path, help="a kg build output folder to serve instead (its graph.nq)")
    parser.add_argument("--clients", default="8,32,128,512", help="concurrent clients, one level each")
    parser.add_argument("--seconds", type=float, default=15.0, help="measured seconds a level (default 15)")
    parser.add_argument("--think", type=float, default=0.25,
                        help="mean seconds a light client waits between answers (default 0.25)")
    parser.add_argument("--watch", action="store_true", help="the server prints its queue twice a second")
    parser.add_argument("--no-store", action="store_true",
                        help="serve graph.nq loaded into memory even where kg build --store wrote a store beside it")
    parser.add_argument("--no-single", action="store_true", help="skip the one-client comparison")
    parser.add_argument("--no-heavy", action="store_true", help="light clients only (the server's capacity)")
    parser.add_argument("--workers", type=int, default=4, help="kg serve --workers (default 4)")
    parser.add_argument("--timeout", type=float, default=10.0, help="kg serve --timeout (default 10)")
    args = parser.parse_args(argv)
    levels = [int(n) for n in args.clients.split(",")]
    with tempfile.TemporaryDirectory(prefix="kg-bench-serve-") as tmp:
        started = time.monotonic()
        out = args.built or built_folder(args.docs, Path(tmp))
        graph = out / "graph.nq"
        from kg.query import open_store

        store = open_store([graph])
        light, heavy = queries(store)
        proc, port = start_server(graph, args.workers, args.timeout, args.watch, args.no_store)
        print(f"graph {graph} ready in {time.monotonic() - started:.0f} s (server on port {port}, "
              f"{args.workers} workers, timeout {args.timeout:g} s); {len(light)} light and {len(heavy)} heavy "
              f"queries; think {args.think:g} s", flush=True)
        rows = []
        try:
            single = [] if args.no_single else one_client(store, port)
            for clients in levels:
                level = asyncio.run(run_level(port, clients, light, [] if args.no_heavy else heavy, args.seconds,
                                              args.think))
                rows.append(level)
                print(f"  {clients} clients done", flush=True)
        finally:
            proc.terminate()
            proc.wait(30)
    if single:
        print("\n| bundled query | in memory ms | kg serve ms | × |\n|---|---:|---:|---:|")
        for name, memory, served in single:
            print(f"| {name} | {memory * 1000:.0f} | {served * 1000:.0f} | {served / memory:.2f} |")
    print()
    print("| clients | heavy clients | answers/s | heavy 200/s | light p50 ms | light p99 ms | light max ms "
          "| light 503 | light other errors | heavy 503 | no answer |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for level in rows:
        print(f"| {level.clients} | {max(2, level.clients // 16)} | {level.answers / args.seconds:.0f} "
              f"| {level.heavy_ok / args.seconds:.1f} | {percentile(level.light, 0.5) * 1000:.0f} "
              f"| {percentile(level.light, 0.99) * 1000:.0f} | {max(level.light, default=0) * 1000:.0f} "
              f"| {level.light_503} | {level.light_bad} | {level.heavy_503} | {level.failed + level.heavy_other} |")
    at128 = next((lv for lv in rows if lv.clients == 128), None)
    if at128 is not None:
        ok = (at128.light_bad + at128.light_503 + at128.failed + at128.heavy_other == 0
              and percentile(at128.light, 0.99) <= 0.25)
        print(f"\naim at 128 clients (no errors, light p99 <= 250 ms): {'PASS' if ok else 'MISS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
