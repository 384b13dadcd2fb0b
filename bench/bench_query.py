#!/usr/bin/env python3
"""Query latency of the bundled queries on synthetic sites: pyoxigraph next to rdflib.

    python bench/bench_query.py [--sizes 1000,10000] [--repeat 5] [--rdflib-repeat 1] [--rdflib-max 1000]

For each size it generates a site (or reuses ``bench/out/site-N`` when it is up to
date), builds it, writes ``graph.nq`` to a temporary folder, and measures:

- **store ready**: ``graph.nq`` → a pyoxigraph store ready to query, as ``kg query
  --graph graph.nq`` and ``kg serve`` make it (bulk load, then the union default graph);
- per bundled query, the **median** over ``--repeat`` runs on that store (with the
  example parameters "Open Source Politics"-like names taken from the site), and the
  same query on rdflib's default in-memory store (``initBindings`` for the parameters),
  as the ratio rdflib / pyoxigraph — on sites up to ``--rdflib-max`` documents only,
  because rdflib's evaluator needs minutes for some of these queries already at 1k.

Figures are printed, never asserted: machines are noisy. The aims (issue #7): every
bundled query under 50 ms at 100k documents, and the store ready in under 5 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

import kg  # noqa: E402
from kg.query import open_store, run  # noqa: E402
from kg.query.bundled import bundled_queries  # noqa: E402
from kg.vocab import PREFIXES  # noqa: E402


def site_for(size: int, tmp: Path) -> Path:
    cached = HERE / "out" / f"site-{size}"
    if generate.is_up_to_date(cached, size, 1):
        return cached
    site = tmp / f"site-{size}"
    generate.generate(site, size, 1)
    return site


def example_params(store) -> dict[str, str]:
    """An organisation with many projects and the most used platform, so the queries have work to do."""
    top = run(store, bundled_queries()["organisations-by-projects"].text, limit=1).rows
    platform = run(store, "SELECT ?name (COUNT(*) AS ?n) WHERE { ?p kgo:platform/schema:name ?name } "
                          "GROUP BY ?name ORDER BY DESC(?n) LIMIT 1").rows
    return {"org": top[0]["name"] if top else "Decidim",
            "platform": platform[0]["name"] if platform else "Decidim"}


def timed(fn, repeat: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        count = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), count


def rdflib_runner(nq: Path):
    import rdflib

    t0 = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(str(nq), format="nquads")
    load = time.perf_counter() - t0

    def query(sparql: str, params: dict[str, str]) -> int:
        bindings = {rdflib.Variable(k): rdflib.Literal(v) for k, v in params.items()}
        return len(list(ds.query(sparql, initNs=PREFIXES, initBindings=bindings)))

    return load, query


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rdflib-repeat", type=int, default=1)
    parser.add_argument("--rdflib-max", type=int, default=1000,
                        help="run rdflib only on sites up to this many documents (it takes minutes per query "
                             "beyond; 0 turns it off)")
    args = parser.parse_args(argv)
    queries = bundled_queries()
    for size in [int(s) for s in args.sizes.split(",") if s]:
        with tempfile.TemporaryDirectory(prefix="kg-bench-query-") as tmp:
            site = site_for(size, Path(tmp))
            result = kg.build(site, out=Path(tmp) / "out")
            nq = Path(tmp) / "out" / "graph.nq"
            t0 = time.perf_counter()
            store = open_store([nq])
            ready = time.perf_counter() - t0
            params_all = example_params(store)
            print(f"\n== {size} documents: {len(result.graph)} triples, {len(result.graph.rows)} quads; "
                  f"graph.nq → ready store {ready:.2f} s (aim < 5 s)  params {params_all}")
            rdf = None
            if size <= args.rdflib_max:
                load, rdf = rdflib_runner(nq)
                print(f"   rdflib Dataset from graph.nq: {load:.2f} s")
            print(f"   {'query':30} {'rows':>6} {'pyoxigraph ms':>14} {'rdflib ms':>10} {'ratio':>7}  aim")
            for name, bundled in queries.items():
                params = {p.name: params_all[p.name] for p in bundled.params}
                median, rows = timed(lambda b=bundled, p=params, s=store: len(run(s, b.text, p, bundled=b)),
                                     args.repeat)
                line = f"   {name:30} {rows:>6} {median * 1000:>14.1f}"
                if rdf is not None:
                    slow, _ = timed(lambda b=bundled, p=params, r=rdf: r(b.text, p), args.rdflib_repeat)
                    line += f" {slow * 1000:>10.1f} {slow / median if median else 0:>7.1f}"
                else:
                    line += f" {'-':>10} {'-':>7}"
                print(line + ("  PASS" if median < 0.05 else "  MISS") + " (< 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
