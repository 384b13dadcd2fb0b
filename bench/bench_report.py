#!/usr/bin/env python3
"""How long ``kg report`` takes on synthetic sites of 1k and 10k documents.

    python bench/bench_report.py [--sizes 1000,10000] [--keep]

For each size it generates a site with ``bench/generate.py`` (or reuses
``bench/out/site-N``, or ``SITES/site-N`` with ``--sites SITES``, when it is up to
date; ``--keep`` writes it to ``bench/out``), builds the
graph once, then times the report's stages apart: reading the facts and measuring
the networks (``build_report``), rendering every file (plots, tables, graph files,
pages: ``Report.files``), and writing them. It prints figures and never fails on
them: machines are noisy.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

import kg  # noqa: E402
from kg.report import build_report, write_report  # noqa: E402

OUT_ROOT = HERE / "out"


def site_for(size: int, keep: bool, tmp: Path, sites: Path | None = None) -> Path:
    if sites is not None and generate.is_up_to_date(sites / f"site-{size}", size, 1):
        return sites / f"site-{size}"
    cached = OUT_ROOT / f"site-{size}"
    if generate.is_up_to_date(cached, size, 1):
        return cached
    target = cached if keep else tmp / f"site-{size}"
    generate.generate(target, size, 1, force=target == cached)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated document counts")
    parser.add_argument("--keep", action="store_true", help="keep generated sites in bench/out/")
    parser.add_argument("--sites", type=Path, help="reuse generated sites from this folder (read only)")
    args = parser.parse_args(argv)
    print(f"{'docs':>7} {'projects':>8} {'orgs':>6} {'pairs':>7} {'build s':>8} {'measure s':>10} "
          f"{'render s':>9} {'write s':>8} {'report s':>9} {'files MB':>9}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for size in (int(s) for s in args.sizes.split(",")):
            site = site_for(size, args.keep, tmp, args.sites)
            t0 = time.perf_counter()
            result = kg.build(site)
            t1 = time.perf_counter()
            report = build_report(result)
            t2 = time.perf_counter()
            files = report.files()
            t3 = time.perf_counter()
            write_report(report, tmp / f"report-{size}")
            t4 = time.perf_counter()
            megabytes = sum(len(c if isinstance(c, bytes) else c.encode("utf-8")) for c in files.values()) / 2**20
            print(f"{size:>7} {len(report.projects):>8} {report.network.number_of_nodes():>6} "
                  f"{report.network.number_of_edges():>7} {t1 - t0:>8.2f} {t2 - t1:>10.2f} {t3 - t2:>9.2f} "
                  f"{t4 - t3:>8.2f} {t4 - t1:>9.2f} {megabytes:>9.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
