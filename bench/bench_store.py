#!/usr/bin/env python3
"""The on-disk store of ``kg build --store``: what it costs to write, and what it buys ``kg query`` and ``kg serve``.

    python bench/bench_store.py [--sizes 10000,100000] [--repeat 3] [--build-pairs 1] [--workers 4]
                                [--no-oxigraph] [--skip build,ready,first,memory,latency]

For each size the site ``bench/out/site-N`` (generated when it is not up to date) is built once
with ``kg build --store`` into ``bench/out/built-N-store`` (kept, and reused while its store is
that of its files). Then, each figure measured in this one run, the two sides interleaved, and
medians (with the range) printed:

- **build**: ``--build-pairs`` pairs of ``kg build`` and ``kg build --store`` as whole processes
  into a scratch folder (seconds, and the store's size on disk); and ``--repeat`` times the store
  step alone (:func:`kg.export.store.write_store` from the built files, in a child process: its
  seconds and peak RSS);
- **ready**: from the graph files to a store ready to query, each in a child process (its imports
  done before the clock starts): loading ``graph.nq`` into memory as ``kg query --graph`` and
  ``kg serve`` do without a store
  (:func:`kg.query.sources.load_graph_files`), against checking and opening the on-disk store
  (:func:`kg.export.store.open_read_only`);
- **first**: from starting ``kg serve --graph graph.nq`` (the store beside it is served) and
  ``kg serve --graph graph.nq --no-store`` to the first answer (an ``ASK``), whole processes;
- **memory**: the sum of PSS (``/proc/PID/smaps_rollup``, which shares out the pages processes
  share) and of RSS over ``kg serve``'s processes (server, fork server, ``--workers`` workers),
  after the same warm-up (every bundled query without parameters, then 200 light queries),
  against ``oxigraph serve-read-only --location STORE`` on the same store, and ``kg serve --no-store``;
- **latency**: per bundled query without parameters, the median of ``--repeat`` runs, interleaved:
  in-memory pyoxigraph in this process (SPARQL JSON written), ``kg serve`` on the store (one
  client, HTTP), pyoxigraph on the read-only store in this process, and ``oxigraph
  serve-read-only``; each as a ratio to in memory.

``kg serve`` runs with a time limit of 600 s and answers of up to a million rows and 1 GB, so that
every query is answered whole, as pyoxigraph and Oxigraph answer it. Nothing is asserted: the
machine's load moves every figure, so the ratios are what compares.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

ENV = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
KG = [sys.executable, "-c", "from kg.cli import main; main()"]
ASK = "ASK { ?s ?p ?o }"

CHILD_WRITE = """
import json, resource, sys, time
from pathlib import Path
from kg.export.store import write_store
src, dst = Path(sys.argv[1]), Path(sys.argv[2])
dst.mkdir()
started = time.perf_counter()
write_store(dst, {n: src / n for n in ("graph.nq", "graph.nt")}, triples=0, quads=0, classes={})
print(json.dumps({"seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
CHILD_READY = """
import json, sys, time
from pathlib import Path
from kg.export.store import open_read_only
from kg.query.sources import load_graph_files
started = time.perf_counter()
if sys.argv[1] == "memory":
    store = load_graph_files([Path(sys.argv[2]) / "graph.nq"])
else:
    store, _info = open_read_only(Path(sys.argv[2]) / "store")
opened = time.perf_counter()
store.query("ASK { ?s ?p ?o }")
print(json.dumps({"seconds": opened - started, "first_query": time.perf_counter() - opened}))
"""


# -- helpers ---------------------------------------------------------------------------------------
def site_of(docs: int) -> Path:
    site = HERE / "out" / f"site-{docs}"
    if not generate.is_up_to_date(site, docs, 1):
        print(f"generating {site} …", flush=True)
        generate.generate(site, docs, 1)
    return site


def built_with_store(docs: int) -> Path:
    from kg.export.store import StoreError, check

    out = HERE / "out" / f"built-{docs}-store"
    try:
        check(out / "store")
        return out
    except StoreError:
        pass
    print(f"building {out} with --store …", flush=True)
    subprocess.run([*KG, "build", str(site_of(docs)), "--out", str(out), "--store", "-q"], env=ENV, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def du_mb(path: Path) -> float:
    total = 0
    for folder, _dirs, files in os.walk(path):
        total += sum(os.lstat(os.path.join(folder, f)).st_blocks * 512 for f in files)
    return total / 1e6


def spread(values: list[float], scale: float = 1.0, digits: int = 2) -> str:
    """``median (min–max)``."""
    if not values:
        return "–"
    v = sorted(x * scale for x in values)
    return f"{statistics.median(v):.{digits}f} ({v[0]:.{digits}f}–{v[-1]:.{digits}f})"


def child(script: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], env=ENV, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(port: int, sparql: str, timeout: float = 600) -> bytes:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/sparql", data=sparql.encode(),
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()


class Served:
    """A server process (``kg serve`` or ``oxigraph``) on a free port, and when it first answered."""

    def __init__(self, argv: list[str], port: int, *, kg: bool) -> None:
        self.started = time.perf_counter()
        self.port = port
        self.proc = subprocess.Popen(argv, env=ENV, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE if kg else subprocess.DEVNULL, text=True)
        if kg:  # kg serve says when it serves
            line = self.proc.stderr.readline()
            if "serving" not in line:
                self.stop()
                raise SystemExit(f"kg serve did not start: {line.strip()}")
        deadline = time.monotonic() + 900
        while True:
            try:
                post(port, ASK, timeout=60)
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"{argv[0]} did not answer") from None
                time.sleep(0.01)
        self.first_answer = time.perf_counter() - self.started

    @classmethod
    def kg(cls, built: Path, *extra: str, workers: int = 4) -> Served:
        port = free_port()
        return cls([*KG, "serve", "--graph", str(built / "graph.nq"), "--port", str(port), "-q", "--workers",
                    str(workers), "--timeout", "600", "--max-results", "1000000", "--max-answer", "1024", *extra],
                   port, kg=True)

    @classmethod
    def oxigraph(cls, store: Path) -> Served:
        port = free_port()
        binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        return cls([binary, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"], port,
                   kg=False)

    def memory(self) -> tuple[float, float]:
        """Sum of PSS and of RSS (MB) over this server's processes."""
        pss = rss = 0
        for pid in [self.proc.pid, *descendants(self.proc.pid)]:
            try:
                with open(f"/proc/{pid}/smaps_rollup") as rollup:
                    for line in rollup:
                        if line.startswith("Pss:"):
                            pss += int(line.split()[1])
                        elif line.startswith("Rss:"):
                            rss += int(line.split()[1])
            except OSError:
                continue
        return pss / 1024, rss / 1024

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def descendants(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout
    parents = {int(c): int(p) for c, p in (line.split() for line in out.splitlines())}
    found, frontier = [], {pid}
    while frontier:
        frontier = {c for c, p in parents.items() if p in frontier}
        found += sorted(frontier)
    return found


def plain_queries() -> dict[str, str]:
    from kg.query.bundled import bundled_queries

    return {name: q.text for name, q in sorted(bundled_queries().items()) if not q.params}


def light_queries(store, n: int = 200) -> list[str]:
    from pyoxigraph import NamedNode

    entities = sorted({q.subject.value for q in store.quads_for_pattern(
        None, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None) if isinstance(q.subject, NamedNode)
        and "/kg/" in q.subject.value})
    rng = random.Random(1)
    out = []
    for iri in rng.sample(entities, min(n // 2, len(entities))):
        out += [f"ASK {{ <{iri}> ?p ?o }}", f"SELECT ?name WHERE {{ <{iri}> <http://schema.org/name> ?name }}"]
    return out


def warm(server: Served, light: list[str]) -> None:
    for text in plain_queries().values():
        post(server.port, text)
    for text in light:
        post(server.port, text)


# -- the measures ----------------------------------------------------------------------------------
def measure_build(docs: int, built: Path, args) -> None:
    site = site_of(docs)
    scratch = Path(tempfile.mkdtemp(prefix=f"store-build-{docs}-", dir=HERE / "out"))
    try:
        plain, stored, store_mb = [], [], []
        for _ in range(args.build_pairs):
            for flag, into in (("", plain), ("--store", stored)):
                out = scratch / f"out{flag}"
                shutil.rmtree(out, ignore_errors=True)
                started = time.perf_counter()
                subprocess.run([*KG, "build", str(site), "--out", str(out), "-q", *([flag] if flag else [])],
                               env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                into.append(time.perf_counter() - started)
                if flag:
                    store_mb.append(du_mb(out / ".kg" / "current" / "store"))
        steps = []
        for i in range(args.repeat):
            steps.append(child(CHILD_WRITE, str(built), str(scratch / f"step-{i}")))
            shutil.rmtree(scratch / f"step-{i}", ignore_errors=True)
        files_mb = sum((built / n).stat().st_size for n in ("graph.nq", "graph.nt", "graph.ttl", "graph.jsonld")) / 1e6
        ratios = [s / p for p, s in zip(plain, stored, strict=True)]
        print(f"  build: kg build {spread(plain, digits=1)} s, kg build --store {spread(stored, digits=1)} s "
              f"(× {spread(ratios)} paired); the store {spread(store_mb, digits=0)} MB on disk beside "
              f"{files_mb:.0f} MB of graph files", flush=True)
        print(f"  store step alone (graph.nq + graph.nt → store, SHA-256 of both): "
              f"{spread([s['seconds'] for s in steps], digits=1)} s, peak RSS "
              f"{spread([s['peak_mb'] for s in steps], digits=0)} MB", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def measure_ready(built: Path, args) -> None:
    memory, disk = [], []
    for _ in range(args.repeat):
        memory.append(child(CHILD_READY, "memory", str(built)))
        disk.append(child(CHILD_READY, "disk", str(built)))
    m, d = [r["seconds"] for r in memory], [r["seconds"] for r in disk]
    print(f"  ready: graph.nq → in-memory store {spread(m)} s; check + open the on-disk store {spread(d, 1000, 0)} ms "
          f"(first query on it {spread([r['first_query'] for r in disk], 1000, 0)} ms); "
          f"{statistics.median(m) / statistics.median(d):.0f}× faster", flush=True)


def measure_first(built: Path, args) -> None:
    disk, memory = [], []
    for _ in range(args.repeat):
        for extra, into in (((), disk), (("--no-store",), memory)):
            server = Served.kg(built, *extra, workers=args.workers)
            into.append(server.first_answer)
            server.stop()
    print(f"  first answer of kg serve: store {spread(disk)} s, --no-store {spread(memory, digits=1)} s", flush=True)


def measure_memory(built: Path, light: list[str], args) -> None:
    rows = []
    sides = [("kg serve (store)", lambda: Served.kg(built, workers=args.workers))]
    if not args.no_oxigraph:
        sides.append(("oxigraph serve-read-only", lambda: Served.oxigraph(built / "store")))
    sides.append(("kg serve --no-store", lambda: Served.kg(built, "--no-store", workers=args.workers)))
    for label, make in sides:
        server = make()
        try:
            fresh = server.memory()
            warm(server, light)
            rows.append((label, fresh, server.memory(), 1 + len(descendants(server.proc.pid))))
        finally:
            server.stop()
    base = next((r[2][0] for r in rows if r[0].startswith("oxigraph")), None)
    for label, fresh, used, processes in rows:
        ratio = f", × {used[0] / base:.2f} oxigraph's PSS" if base else ""
        print(f"  memory {label} ({processes} processes): PSS {fresh[0]:.0f} MB at start, {used[0]:.0f} MB after "
              f"the warm-up (RSS summed {used[1]:.0f} MB){ratio}", flush=True)


def measure_latency(built: Path, light: list[str], args) -> None:
    from pyoxigraph import QueryResultsFormat, Store

    from kg.query.sources import load_graph_files
    from kg.vocab import PREFIXES

    in_memory = load_graph_files([built / "graph.nq"])
    on_disk = Store.read_only(str(built / "store"))
    kg_server = Served.kg(built, workers=args.workers)
    ox = None if args.no_oxigraph else Served.oxigraph(built / "store")
    try:
        warm(kg_server, light)
        if ox is not None:
            warm(ox, light)
        sides = {
            "memory": lambda text: in_memory.query(text, prefixes=dict(PREFIXES)).serialize(
                format=QueryResultsFormat.JSON),
            "kg serve": lambda text: post(kg_server.port, text),
            "on disk": lambda text: on_disk.query(text, prefixes=dict(PREFIXES)).serialize(
                format=QueryResultsFormat.JSON),
        }
        if ox is not None:
            sides["oxigraph"] = lambda text: post(ox.port, text)
        print("  latency (median ms; × in memory):", flush=True)
        print("  | query | " + " | ".join(sides) + " |", flush=True)
        ratios: dict[str, list[float]] = {k: [] for k in sides if k != "memory"}
        for name, text in plain_queries().items():
            times: dict[str, list[float]] = {k: [] for k in sides}
            for fn in sides.values():
                fn(text)  # once, unmeasured: caches
            for _ in range(args.repeat):
                for label, fn in sides.items():
                    started = time.perf_counter()
                    fn(text)
                    times[label].append(time.perf_counter() - started)
            memory = statistics.median(times["memory"])
            cells = [f"{memory * 1000:.0f}"]
            for label in ratios:
                value = statistics.median(times[label])
                ratios[label].append(value / memory)
                cells.append(f"{value * 1000:.0f} (× {value / memory:.2f})")
            print(f"  | {name} | " + " | ".join(cells) + " |", flush=True)
        print("  median ratio over the queries: " + ", ".join(
            f"{label} × {statistics.median(r):.2f} ({min(r):.2f}–{max(r):.2f})" for label, r in ratios.items()),
            flush=True)
    finally:
        kg_server.stop()
        if ox is not None:
            ox.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--build-pairs", type=int, default=1)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-oxigraph", action="store_true")
    parser.add_argument("--skip", default="", help="comma-separated: build, ready, first, memory, latency")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    for docs in [int(s) for s in args.sizes.split(",") if s]:
        built = built_with_store(docs)
        report = json.loads((built / "build-report.json").read_text())
        print(f"{docs} documents: {report['triples']} triples, {report['quads']} quads; load average "
              f"{os.getloadavg()[0]:.1f}", flush=True)
        light = []
        if {"memory", "latency"} - skip:
            from pyoxigraph import Store

            light = light_queries(Store.read_only(str(built / "store")))
        if "build" not in skip:
            measure_build(docs, built, args)
        if "ready" not in skip:
            measure_ready(built, args)
        if "first" not in skip:
            measure_first(built, args)
        if "memory" not in skip:
            measure_memory(built, light, args)
        if "latency" not in skip:
            measure_latency(built, light, args)
        print(f"  (load average now {os.getloadavg()[0]:.1f}; peak RSS of this process "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
