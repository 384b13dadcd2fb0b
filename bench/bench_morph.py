#!/usr/bin/env python3
"""`kg build` against Morph-KGC on the same sites, both as their users would run them.

    python bench/bench_morph.py [--sizes 1000,10000] [--sites generated,copies] [--repeat 3]
                                [--morph-python PY] [--kg-path DIR]

For each site, ``--repeat`` times, interleaved (the order alternates from run to run), each
step a fresh child process timed from the outside (interpreter start and imports included)
with its peak RSS (the largest process of its tree, from ``wait4``):

* **kg**: ``kg build SITE --out TMP`` (every output: Turtle, JSON-LD, N-Quads, N-Triples,
  VoID, the build report);
* **morph**, end to end: ``bench/morph/frontmatter_to_json.py SITE JSON`` (every front
  matter, libyaml's safe loader, one JSON file a collection), then ``python -m morph_kgc
  CONFIG`` materialising ``bench/morph/mapping.rml.ttl`` to N-Triples.

It prints each run, then medians and ranges: kg s, morph s (conversion + materialisation),
kg/morph (the median of each run's ratio), the same against the materialisation alone,
each side's triple count (distinct lines of kg's ``graph.nt`` and of Morph-KGC's output)
and peak RSS.  Sites: ``generated`` is ``bench/generate.py``'s (``bench/out/site-N``,
reused when up to date); ``copies`` is ``bench/corpus_copies.py``'s copies of the real
corpus's documents (``bench/out/copies-N``).

Morph-KGC 2.10 pins pyoxigraph < 0.4 and rdflib < 7.3, which kg cannot run with, so it
lives in an environment of its own (``--morph-python``; made with ``python -m venv
bench/out/morph-venv && bench/out/morph-venv/bin/pip install -r bench/morph/requirements.txt``).
Nothing is asserted: the machine is shared and noisy.  See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT_ROOT = HERE / "out"
MORPH = HERE / "morph"
DEFAULT_MORPH_PYTHON = OUT_ROOT / "morph-venv" / "bin" / "python"

MORPH_CONFIG = """\
[CONFIGURATION]
output_file = {out}
output_format = N-TRIPLES
safe_percent_encoding = /
logging_level = WARNING

[DataSource1]
mappings = {mapping}
"""


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> dict:
    """Run ``cmd`` to its end: wall seconds, the peak RSS of its largest process, exit status."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # reaps it: its rusage is the tree's
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
    return {"seconds": wall, "rss_mb": usage.ru_maxrss / 1024, "status": proc.returncode, "stderr": tail}


def distinct_lines(path: Path) -> int:
    with open(path, "rb") as fh:
        return len({line for line in fh if line.strip()})


def run_kg(site: Path, tmp: Path, kg_path: Path) -> dict:
    out = tmp / "kg-out"
    env = {**os.environ, "PYTHONPATH": str(kg_path)}
    r = run([sys.executable, "-m", "kg.cli", "build", str(site), "--out", str(out)], env=env)
    if r["status"] == 0:
        r["triples"] = distinct_lines(out / "graph.nt")
    return r


def run_morph(site: Path, tmp: Path, morph_python: Path) -> dict:
    json_dir = tmp / "json"
    conv = run([str(morph_python), str(MORPH / "frontmatter_to_json.py"), str(site), str(json_dir)])
    r = {"convert_seconds": conv["seconds"], "convert_rss_mb": conv["rss_mb"], "status": conv["status"],
         "stderr": conv["stderr"]}
    if conv["status"] != 0:
        return r
    out = tmp / "morph.nt"
    config = json_dir / "morph.ini"
    config.write_text(MORPH_CONFIG.format(out=out, mapping=MORPH / "mapping.rml.ttl"), encoding="utf-8")
    mat = run([str(morph_python), "-m", "morph_kgc", str(config)], cwd=json_dir)
    r.update(materialise_seconds=mat["seconds"], materialise_rss_mb=mat["rss_mb"], status=mat["status"],
             stderr=mat["stderr"], seconds=conv["seconds"] + mat["seconds"],
             rss_mb=max(conv["rss_mb"], mat["rss_mb"]))
    if mat["status"] == 0:
        r["triples"] = distinct_lines(out)
    return r


def prepare(kind: str, size: int) -> Path:
    sys.path.insert(0, str(HERE))
    if kind == "generated":
        import generate

        site = OUT_ROOT / f"site-{size}"
        if not generate.is_up_to_date(site, size, 1):
            print(f"[{kind} {size}] generating {site}", flush=True)
            generate.generate(site, size, 1, force=True)
        return site
    import corpus_copies

    site = OUT_ROOT / f"copies-{size}"
    if not corpus_copies.is_up_to_date(site, size):
        print(f"[{kind} {size}] copying the corpus into {site}", flush=True)
        corpus_copies.make(site, size, force=True)
    return site


def span(values: list[float], spec: str) -> str:
    if not values:
        return "-"
    med = statistics.median(values)
    if len(values) == 1:
        return format(med, spec)
    return f"{format(med, spec)} ({format(min(values), spec)}–{format(max(values), spec)})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--sites", default="generated,copies", help="generated and/or copies")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--morph-python", default=str(DEFAULT_MORPH_PYTHON))
    ap.add_argument("--kg-path", default=str(REPO))
    ap.add_argument("--json", metavar="FILE", help="also write every run as JSON")
    a = ap.parse_args(argv)
    morph_python = Path(a.morph_python)
    if not morph_python.exists():
        print(f"bench_morph.py: no Morph-KGC environment at {morph_python}; make one with\n"
              f"  python -m venv {OUT_ROOT / 'morph-venv'} && {OUT_ROOT / 'morph-venv/bin/pip'} install -r "
              f"{MORPH / 'requirements.txt'}", file=sys.stderr)
        return 2
    version = subprocess.run([str(morph_python), "-c", "import importlib.metadata as m; print(m.version('morph-kgc'))"],
                             capture_output=True, text=True).stdout.strip()
    kg_path = Path(a.kg_path).resolve()
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; "
          f"Morph-KGC {version}; kg from {kg_path}; repeat {a.repeat}")
    rows = []
    for kind in [k.strip() for k in a.sites.split(",") if k.strip()]:
        for size in [int(s) for s in a.sizes.split(",") if s.strip()]:
            site = prepare(kind, size)
            runs = []
            for i in range(a.repeat):
                with tempfile.TemporaryDirectory(prefix="kg-bench-morph-") as tmp:
                    tmp = Path(tmp)
                    order = ("kg", "morph") if i % 2 == 0 else ("morph", "kg")
                    res = {}
                    for side in order:
                        (tmp / side).mkdir()
                        res[side] = run_kg(site, tmp / side, kg_path) if side == "kg" else run_morph(
                            site, tmp / side, morph_python)
                runs.append(res)
                k, m = res["kg"], res["morph"]
                for side, r in res.items():
                    if r["status"] != 0:
                        print(f"[{kind} {size}] {side} FAILED (exit {r['status']}): {r['stderr']}")
                if k["status"] == 0 and m["status"] == 0:
                    print(f"[{kind} {size}] run {i + 1}/{a.repeat}: kg {k['seconds']:.2f} s {k['rss_mb']:.0f} MB; "
                          f"morph {m['seconds']:.2f} s (convert {m['convert_seconds']:.2f} + materialise "
                          f"{m['materialise_seconds']:.2f}) {m['rss_mb']:.0f} MB; kg/morph "
                          f"{k['seconds'] / m['seconds']:.2f}, "
                          f"kg/materialise {k['seconds'] / m['materialise_seconds']:.2f}; "
                          f"load {os.getloadavg()[0]:.1f}", flush=True)
            ok = [r for r in runs if r["kg"]["status"] == 0 and r["morph"]["status"] == 0]
            rows.append({"site": kind, "docs": size, "path": str(site), "runs": runs, "ok": ok})

    print()
    head = ["site", "docs", "kg s", "morph s", "convert s", "materialise s", "kg/morph", "kg/materialise",
            "kg triples", "morph triples", "kg RSS MB", "morph RSS MB"]
    table = [head]
    for row in rows:
        ok = row["ok"]
        k = [r["kg"] for r in ok]
        m = [r["morph"] for r in ok]
        table.append([
            row["site"], f"{row['docs']:,}",
            span([x["seconds"] for x in k], ".2f"), span([x["seconds"] for x in m], ".2f"),
            span([x["convert_seconds"] for x in m], ".2f"), span([x["materialise_seconds"] for x in m], ".2f"),
            span([a_["seconds"] / b["seconds"] for a_, b in zip(k, m, strict=True)], ".2f"),
            span([a_["seconds"] / b["materialise_seconds"] for a_, b in zip(k, m, strict=True)], ".2f"),
            f"{k[-1]['triples']:,}" if k else "-", f"{m[-1]['triples']:,}" if m else "-",
            span([x["rss_mb"] for x in k], ".0f"), span([x["rss_mb"] for x in m], ".0f"),
        ])
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    for j, r in enumerate(table):
        print("  ".join(c.rjust(w) if i > 1 else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))
        if j == 0:
            print("  ".join("-" * w for w in widths))
    print(f"\nMedians (min–max) over {a.repeat} interleaved runs, each step a fresh process, interpreter start "
          "included; kg/morph is the median of each run's ratio (kg build against conversion + materialisation); "
          "kg/materialise against Morph-KGC's process alone. RSS: the largest process of each step's tree.")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
