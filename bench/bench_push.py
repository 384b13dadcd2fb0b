#!/usr/bin/env python3
"""``kg push`` into Oxigraph and Virtuoso: the time to push, the time to a ready store (pushed, or bulk
loaded), and the bundled queries' latency on each store beside ``kg serve``'s.

    python bench/bench_push.py --built DIR [--built DIR ...] [--repeat 5] [--chunk-triples 100000]
                               [--buffers 170000] [--swap oxigraph,virtuoso] [--no-oxigraph] [--no-virtuoso] [--no-bulk]

Each DIR is a ``kg build --out`` folder (``graph.nt`` and ``graph.nq``), e.g. of a generated site:

    python bench/generate.py /tmp/site-10k --docs 10000 && kg build /tmp/site-10k --out /tmp/out-10k

For each DIR, in this order:

1. ``kg serve --graph graph.nq`` (one worker, no time, row or memory limit) in a process of its own: the
   seconds until it answers, which is its time to a ready store.
2. A new ``oxigraph serve`` (RocksDB in a tmp folder) and a new Virtuoso (``virtuoso-t`` with its own
   ``virtuoso.ini``: tests/virtuoso_server.py; ``--buffers`` 8 KB pages of cache): the seconds to start;
   then ``kg push --graph graph.nt`` (a process, timed from start to exit, its peak memory) into each, and
   again with ``--update-endpoint`` (into a temporary graph, then ``MOVE``, into the stores ``--swap`` names); into
   Oxigraph a third time so, its chunks written without a transaction each (``/store?no_transaction``).
3. The bundled queries that run on any store (no parameter), ``--repeat`` rounds, interleaved: in each
   round each query is asked of ``kg serve``, Oxigraph and Virtuoso in turn (the order rotating), over
   HTTP on loopback with the pushed graph as the default graph (``default-graph-uri``), the whole answer
   read as SPARQL JSON. Medians, and the medians of each round's ratio to ``kg serve`` (the machine's
   load drifts; a round's three answers share it). Row counts are compared.
4. The stores stopped, the bulk loaders (``--no-bulk`` skips them): ``oxigraph load`` of graph.nq and
   graph.nt into a new database, then its server's start; a new Virtuoso, ``ld_dir`` + ``rdf_loader_run()``
   + ``checkpoint`` of graph.nt, then of graph.nq.

Figures are printed, never asserted. A 100k-document site (4.8 M triples) took half an hour on 2 busy
cores with ``--swap virtuoso`` (Oxigraph's ``MOVE`` of it would take the better part of an hour more).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import virtuoso_server  # noqa: E402

GRAPH_IRI = "urn:kg:bench:graph"
SERVER = """
import sys
from kg.serve import start
srv = start([sys.argv[1]], port=0, quiet=True, workers=1, timeout=3600, max_results=None, max_bytes=None,
            max_memory=None)
print(srv.server_address[1], flush=True)
try:
    srv.serve_forever()
finally:
    srv.close()
"""


def env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def ask(url: str, sparql: str, default_graph: str | None = None, timeout: float = 3600) -> tuple[float, int]:
    """Seconds to the whole SPARQL JSON answer, and its number of rows."""
    form = {"query": sparql}
    if default_graph:
        form["default-graph-uri"] = default_graph
    request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode(),
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
    took = time.perf_counter() - started
    doc = json.loads(body)
    return took, len(doc["results"]["bindings"]) if "results" in doc else 1


def wait_for(url: str, proc: subprocess.Popen, what: str, limit: float = 600) -> None:
    deadline = time.monotonic() + limit
    while True:
        try:
            ask(url, "ASK {}", timeout=5)
            return
        except (OSError, urllib.error.URLError, json.JSONDecodeError):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{what} did not start") from None
            time.sleep(0.1)


def start_kg_serve(graph_nq: Path) -> tuple[subprocess.Popen, str, float]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(graph_nq)], stdout=subprocess.PIPE, text=True,
                            env=env())
    line = proc.stdout.readline()
    if not line.strip().isdigit():
        proc.kill()
        raise SystemExit("kg serve did not start")
    url = f"http://127.0.0.1:{int(line)}/sparql"
    wait_for(url, proc, "kg serve")
    return proc, url, time.perf_counter() - started


def start_oxigraph(location: Path) -> tuple[subprocess.Popen, str, float]:
    binary = shutil.which("oxigraph")
    if binary is None:
        raise SystemExit("the oxigraph CLI is not installed (pip install oxigraph)")
    port = virtuoso_server.free_port()
    started = time.perf_counter()
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/query", proc, "oxigraph serve")
    return proc, base, time.perf_counter() - started


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def kg_push(graph_nt: Path, endpoint: str, chunk: int, update: str | None = None,
            extra_env: dict[str, str] | None = None) -> tuple[float, float | None]:
    """Seconds of ``kg push`` (a process of its own, start to exit) and its peak memory in MB (if known)."""
    args = [sys.executable, "-m", "kg.cli", "push", "--graph", str(graph_nt), "--graph-iri", GRAPH_IRI,
            "--endpoint", endpoint, "--chunk-triples", str(chunk), "--timeout", "3600", "-q"]
    if update:
        args += ["--update-endpoint", update]
    timer = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        if timer:
            args = [timer, "-f", "%M", "-o", rss.name, *args]
        started = time.perf_counter()
        done = subprocess.run(args, env={**env(), **(extra_env or {})}, capture_output=True, text=True)
        took = time.perf_counter() - started
        if done.returncode != 0:
            print(f"kg push failed after {took:.1f} s: {done.stderr.strip()}", flush=True)
            return float("nan"), None
        peak = None
        if timer:
            text = Path(rss.name).read_text().strip().splitlines()
            peak = int(text[-1]) / 1024 if text and text[-1].isdigit() else None
    return took, peak


def queries() -> dict[str, str]:
    from kg.query.bundled import bundled_queries

    return {name: q.text for name, q in sorted(bundled_queries().items()) if not q.params}


def rounds(stores: dict[str, tuple[str, str | None]], repeat: int) -> dict[str, dict[str, list[tuple[float, int]]]]:
    """``{query: {store: [(seconds, rows), …]}}``, interleaved, the store order rotating each round."""
    names = list(stores)
    out: dict[str, dict[str, list[tuple[float, int]]]] = {q: {s: [] for s in names} for q in queries()}
    for r in range(repeat):
        order = names[r % len(names):] + names[:r % len(names)]
        for qname, text in queries().items():
            for store in order:
                url, graph = stores[store]
                try:
                    out[qname][store].append(ask(url, text, graph))
                except (OSError, urllib.error.URLError) as exc:
                    print(f"  {qname} on {store}: failed ({exc})", flush=True)
                    out[qname][store].append((float("nan"), -1))
        print(f"  round {r + 1}/{repeat} done", flush=True)
    return out


def fmt_ms(seconds: float) -> str:
    return "—" if seconds != seconds else f"{seconds * 1000:,.0f}".replace(",", " ")


def bench(out: Path, args: argparse.Namespace) -> None:
    graph_nt, graph_nq = out / "graph.nt", out / "graph.nq"
    with open(graph_nt, "rb") as f:
        triples = sum(1 for _ in f)
    print(f"\n## {out}: {triples} triples ({graph_nt.stat().st_size / 1e6:.0f} MB of N-Triples)", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-push-"))
    procs: list[subprocess.Popen] = []
    virtuoso = None
    ready: list[tuple[str, str]] = []
    try:
        serve, serve_url, took = start_kg_serve(graph_nq)
        procs.append(serve)
        print(f"kg serve --graph graph.nq: ready in {took:.1f} s", flush=True)
        ready.append(("kg serve --graph graph.nq", f"{took:.1f}"))
        stores: dict[str, tuple[str, str | None]] = {"kg serve": (serve_url, None)}
        pushes: list[tuple[str, str, str, str]] = []
        if not args.no_oxigraph:
            ox, ox_base, started = start_oxigraph(tmp / "oxigraph-push")
            procs.append(ox)
            took, peak = kg_push(graph_nt, ox_base + "/store", args.chunk_triples)
            print(f"oxigraph: started in {started:.1f} s; kg push {took:.1f} s (peak {peak or 0:.0f} MB)", flush=True)
            pushes.append(("Oxigraph", f"{started:.1f}", f"{took:.1f}", f"{peak or 0:.0f}"))
            if "oxigraph" in args.swap:
                took, peak = kg_push(graph_nt, ox_base + "/store", args.chunk_triples, ox_base + "/update")
                print(f"oxigraph: kg push again, swapped: {took:.1f} s", flush=True)
                pushes.append(("Oxigraph, again, through a temporary graph + MOVE", "", f"{took:.1f}",
                               f"{peak or 0:.0f}"))
                took, peak = kg_push(graph_nt, ox_base + "/store?no_transaction", args.chunk_triples,
                                     ox_base + "/update")
                print(f"oxigraph: kg push again, swapped, chunks ?no_transaction: {took:.1f} s", flush=True)
                pushes.append(("Oxigraph, again, the same with `/store?no_transaction`", "", f"{took:.1f}",
                               f"{peak or 0:.0f}"))
            stores["Oxigraph"] = (ox_base + "/query", GRAPH_IRI)
        if not args.no_virtuoso:
            if virtuoso_server.MISSING:
                raise SystemExit(virtuoso_server.MISSING)
            started_at = time.perf_counter()
            virtuoso = virtuoso_server.start(tmp / "virtuoso-push", buffers=args.buffers,
                                             after_image=args.after_image_limit)
            started = time.perf_counter() - started_at
            creds = {"KG_PUSH_USER": virtuoso_server.USER, "KG_PUSH_PASSWORD": virtuoso_server.PASSWORD}
            took, peak = kg_push(graph_nt, virtuoso.graph_store, args.chunk_triples, extra_env=creds)
            print(f"virtuoso: started in {started:.1f} s; kg push {took:.1f} s (peak {peak or 0:.0f} MB)",
                  flush=True)
            pushes.append(("Virtuoso", f"{started:.1f}", f"{took:.1f}", f"{peak or 0:.0f}"))
            if "virtuoso" in args.swap:
                took, peak = kg_push(graph_nt, virtuoso.graph_store, args.chunk_triples, virtuoso.update, creds)
                print(f"virtuoso: kg push again, swapped: {took:.1f} s", flush=True)
                pushes.append(("Virtuoso, again, through a temporary graph + MOVE", "", f"{took:.1f}",
                               f"{peak or 0:.0f}"))
            stores["Virtuoso"] = (virtuoso.base + "/sparql", GRAPH_IRI)
        print(f"queries: {args.repeat} rounds, interleaved", flush=True)
        timings = rounds(stores, args.repeat)
    finally:
        for proc in procs:
            stop(proc)
        if virtuoso is not None:
            virtuoso.stop()
    print("\n| store | start s | kg push s | kg push peak MB |\n|---|---:|---:|---:|")
    for row in pushes:
        print("| " + " | ".join(row) + " |")
    others = [s for s in stores if s != "kg serve"]
    head = "| query | rows | kg serve ms | " + " | ".join(f"{s} ms | {s} ×" for s in others) + " |"
    print("\n" + head + "\n|---|---:|---:|" + "---:|---:|" * len(others))
    for qname, by_store in timings.items():
        base = [t for t, _n in by_store["kg serve"]]
        rows = {s: sorted({n for _t, n in v}) for s, v in by_store.items()}
        cells = [qname, "/".join(str(n) for n in rows["kg serve"]), fmt_ms(statistics.median(base))]
        for s in others:
            mine = [t for t, _n in by_store[s]]
            ratios = [m / b for m, b in zip(mine, base, strict=True) if b == b and m == m and b > 0]
            cells += [fmt_ms(statistics.median(mine)) + ("" if rows[s] == rows["kg serve"] else f" ({rows[s]} rows!)"),
                      f"{statistics.median(ratios):.2f}" if ratios else "—"]
        print("| " + " | ".join(cells) + " |")
    if args.no_bulk:
        return
    if not args.no_oxigraph:
        binary = shutil.which("oxigraph")
        started = time.perf_counter()
        subprocess.run([binary, "load", "--location", str(tmp / "oxigraph-bulk"), "--file", str(graph_nq),
                        str(graph_nt)], check=True, capture_output=True)
        loaded = time.perf_counter() - started
        ox, _base, took = start_oxigraph(tmp / "oxigraph-bulk")
        stop(ox)
        print(f"oxigraph load graph.nq graph.nt: {loaded:.1f} s, then serve ready in {took:.1f} s", flush=True)
        ready.append(("oxigraph load graph.nq graph.nt, then oxigraph serve", f"{loaded + took:.1f}"))
    if not args.no_virtuoso:
        started_at = time.perf_counter()
        virtuoso = virtuoso_server.start(tmp / "virtuoso-bulk", buffers=args.buffers, dirs=(out.resolve(),))
        try:
            started = time.perf_counter() - started_at
            t = time.perf_counter()
            virtuoso.isql(f"ld_dir('{out.resolve()}', 'graph.nt', '{GRAPH_IRI}')", "rdf_loader_run()", "checkpoint",
                          timeout=7200)
            nt_took = time.perf_counter() - t
            t = time.perf_counter()
            virtuoso.isql(f"ld_dir('{out.resolve()}', 'graph.nq', '{GRAPH_IRI}')", "rdf_loader_run()", "checkpoint",
                          timeout=7200)
            nq_took = time.perf_counter() - t
        finally:
            virtuoso.stop()
        print(f"virtuoso: started in {started:.1f} s; ld_dir graph.nt {nt_took:.1f} s; then graph.nq {nq_took:.1f} s",
              flush=True)
        ready.append(("Virtuoso: start, ld_dir + rdf_loader_run() of graph.nt", f"{started + nt_took:.1f}"))
        ready.append(("… then graph.nq too (per-file graphs)", f"+{nq_took:.1f}"))
    for name, _start, took, _peak in pushes:
        if "again" not in name:
            start_s = next(s for n, s, _t, _p in pushes if n == name)
            ready.append((f"{name}: start, kg push --graph graph.nt", f"{float(start_s) + float(took):.1f}"))
    print("\n| to a ready store | s |\n|---|---:|")
    for row in ready:
        print("| " + " | ".join(row) + " |")
    shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--built", action="append", type=Path, required=True, help="a kg build --out folder")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--chunk-triples", type=int, default=100_000)
    parser.add_argument("--buffers", type=int, default=170_000, help="Virtuoso's NumberOfBuffers (8 KB each)")
    parser.add_argument("--after-image-limit", type=int, default=2_000_000_000,
                        help="Virtuoso's TransactionAfterImageLimit (bytes; its default, 50 MB, refuses the MOVE of "
                             "a 100k-document graph)")
    parser.add_argument("--no-oxigraph", action="store_true")
    parser.add_argument("--no-virtuoso", action="store_true")
    parser.add_argument("--swap", type=lambda text: {s.strip().lower() for s in text.split(",") if s.strip()},
                        default={"oxigraph", "virtuoso"}, help="stores to push into again through a temporary graph")
    parser.add_argument("--no-bulk", action="store_true")
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    for out in args.built:
        bench(out, args)
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
