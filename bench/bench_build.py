#!/usr/bin/env python3
"""Time ``kg.build`` against the floor of reading and parsing a site's front matter.

    python bench/bench_build.py [--sizes 1000,10000,100000] [--repeat 3] [--json FILE]

For each size a synthetic site is generated with ``bench/generate.py`` (or
``bench/out/site-N`` is reused when it is up to date), then, each in its own child
process so that peak memory is per run:

* floor: read every content file and parse its front matter with
  ``yaml.load(..., Loader=yaml.CSafeLoader)``, and nothing else;
* build: ``kg.build(site, out=tmpdir)``.

The script only prints (and with ``--json`` writes) the figures: no timing is ever
asserted, because machines are noisy.  See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT_ROOT = HERE / "out"

AIM_RATIO = 2.5  # build <= 2.5 x floor ...
AIM_RATIO_SIZE = 10_000  # ... at 10k documents
AIM_RSS_MB = 2048.0  # peak RSS within 2 GB ...
AIM_RSS_SIZE = 100_000  # ... at 100k documents

# Jekyll's front-matter test: '---' line, YAML, then a '---' or '...' line.
FRONT_MATTER = re.compile(rb"\A---[ \t]*\r?\n(.*?\r?\n?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)


# --------------------------------------------------------------------------- children


def content_files(site: Path) -> list[Path]:
    """Every file in the site's collection folders (``_posts`` and each ``_<collection>``)."""
    import yaml

    try:
        config = yaml.load((site / "_config.yml").read_bytes(), Loader=yaml.CSafeLoader) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    names = {"posts", "drafts"} | set((config.get("collections") or {}).keys())
    files: list[Path] = []
    for name in sorted(names):
        folder = site / f"_{name}"
        if folder.is_dir():
            for root, dirs, fnames in os.walk(folder):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(Path(root) / f for f in sorted(fnames) if not f.startswith("."))
    return files


def floor(site: Path) -> dict:
    """Read every content file, parse its front matter; keep the results (a build must)."""
    import yaml

    t0 = time.perf_counter()
    kept: list[tuple[str, object, bytes]] = []
    errors = 0
    no_fm = 0
    for path in content_files(site):
        raw = path.read_bytes()
        m = FRONT_MATTER.match(raw)
        if not m:
            no_fm += 1
            kept.append((str(path), None, raw))
            continue
        try:
            data = yaml.load(m.group(1), Loader=yaml.CSafeLoader)
        except Exception:
            errors += 1
            data = None
        kept.append((str(path), data, raw[m.end():]))
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "files": len(kept), "yaml_errors": errors, "no_front_matter": no_fm}


def build(site: Path, out: Path, kg_path: Path, jobs: int | None = None) -> dict:
    sys.path.insert(0, str(kg_path))
    t0 = time.perf_counter()
    try:
        import kg
    except Exception as e:
        return {"available": False, "reason": f"import kg failed: {type(e).__name__}: {e}"}
    import_s = time.perf_counter() - t0
    if not callable(getattr(kg, "build", None)):
        where = getattr(kg, "__file__", None) or list(getattr(kg, "__path__", []))
        return {"available": False, "reason": f"kg ({where}) has no build()"}
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    result = kg.build(site, out=out, **({"workers": jobs} if jobs else {}))
    seconds = time.perf_counter() - t0
    info: dict = {"available": True, "seconds": seconds, "import_seconds": import_s,
                  "cpu_seconds": cpu_seconds() - cpu0}
    try:
        from kg.load.workers import default_workers

        info["workers"] = jobs or default_workers()
    except ImportError:  # a kg without parallel reading
        info["workers"] = 1
    info.update(describe(result))
    return info


def cpu_seconds() -> float:
    """User and system time of this process and of the workers it has waited for."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def describe(result: object) -> dict:
    """A few counts from a BuildResult, read defensively (the API is young)."""
    out: dict = {}

    def size(v: object) -> int | None:
        try:
            return len(v)  # type: ignore[arg-type]
        except Exception:
            return None

    graph = getattr(result, "graph", None)
    out["triples"] = size(graph) if graph is not None else None
    site = getattr(result, "site", None)
    out["documents"] = size(getattr(site, "documents", None)) if site is not None else None
    out["merges"] = size(getattr(result, "merges", None))
    diags = getattr(result, "diagnostics", None)
    if diags is not None:
        kinds: dict[str, int] = {}
        for d in diags:
            k = str(getattr(d, "kind", "?"))
            kinds[k] = kinds.get(k, 0) + 1
        out["diagnostics"] = len(diags)
        out["diagnostic_kinds"] = dict(sorted(kinds.items()))
    return {k: v for k, v in out.items() if v is not None}


def child_main(mode: str, site: str, out: str | None, result_file: str, kg_path: str, jobs: int | None) -> int:
    try:
        info = floor(Path(site)) if mode == "floor" else build(Path(site), Path(out or ""), Path(kg_path), jobs)
        info["ok"] = True
    except BaseException as e:
        import traceback

        info = {"ok": False, "available": True, "error": f"{type(e).__name__}: {e}",
                "traceback": traceback.format_exc(limit=8)}
    info["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    # The largest of the worker processes that read the site (forked while the build was still small).
    info["workers_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    Path(result_file).write_text(json.dumps(info), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------- parent


def run_child(mode: str, site: Path, kg_path: Path, jobs: int | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"kg-bench-{mode}-") as tmp:
        result = Path(tmp) / "result.json"
        out = Path(tmp) / "out"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(site),
               "--child-out", str(out), "--child-result", str(result), "--kg-path", str(kg_path)]
        if jobs:
            cmd += ["--jobs", str(jobs)]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if result.exists():
            info = json.loads(result.read_text(encoding="utf-8"))
        else:
            info = {"ok": False, "available": True,
                    "error": f"child exited {proc.returncode}: {proc.stderr.strip()[-2000:]}"}
        info["wall_seconds"] = wall
        if mode == "build" and out.exists():
            info["out_mb"] = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 2**20
        return info


def prepare_site(size: int, seed: int, keep: bool, tmp_root: Path, copies: bool = False) -> tuple[Path, str, float]:
    sys.path.insert(0, str(HERE))
    if copies:  # the real corpus's documents, copied round and round (bench/corpus_copies.py)
        import corpus_copies

        site = OUT_ROOT / f"copies-{size}"
        if corpus_copies.is_up_to_date(site, size):
            return site, "reused", 0.0
        t0 = time.perf_counter()
        corpus_copies.make(site, size, force=True)
        return site, "copied", time.perf_counter() - t0
    import generate

    cached = OUT_ROOT / f"site-{size}"
    if seed == 1 and generate.is_up_to_date(cached, size, seed):
        return cached, "reused", 0.0
    target = cached if keep and seed == 1 else tmp_root / f"site-{size}"
    t0 = time.perf_counter()
    generate.generate(target, size, seed, force=target == cached)
    return target, "generated", time.perf_counter() - t0


def fmt(v: float | None, spec: str) -> str:
    if v is None:
        width = re.match(r"\d*", spec).group(0)
        return format("-", f">{width}") if width else "-"
    return format(v, spec)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="comma-separated document counts")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; medians are reported")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", action="store_true",
                    help="write generated sites to bench/out/site-N for reuse (seed 1 only)")
    ap.add_argument("--no-build", action="store_true", help="measure the floor only")
    ap.add_argument("--corpus-copies", action="store_true",
                    help="measure sites made of copies of the real corpus's documents (bench/out/copies-N)")
    ap.add_argument("--kg-path", default=str(REPO), help="directory put first on sys.path for `import kg`")
    ap.add_argument("--jobs", type=int, default=None,
                    help="processes kg.build reads with (default: kg's own, one per core)")
    ap.add_argument("--child", choices=["floor", "build"], help=argparse.SUPPRESS)
    ap.add_argument("site", nargs="?", help=argparse.SUPPRESS)
    ap.add_argument("--child-out", help=argparse.SUPPRESS)
    ap.add_argument("--child-result", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        return child_main(a.child, a.site, a.child_out, a.child_result, a.kg_path, a.jobs)

    sizes = [int(s.replace("_", "")) for s in a.sizes.split(",") if s.strip()]
    repeat = max(1, a.repeat)
    kg_path = Path(a.kg_path).resolve()
    rows = []
    build_note = None
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
          f"repeat {repeat}; kg from {kg_path}")
    with tempfile.TemporaryDirectory(prefix="kg-bench-sites-") as tmp:
        for size in sizes:
            site, how, gen_s = prepare_site(size, a.seed, a.keep, Path(tmp), a.corpus_copies)
            print(f"[{size}] site {how}: {site}" + (f" ({gen_s:.1f} s)" if gen_s else ""), flush=True)
            floors, builds = [], []
            for i in range(repeat):
                f = run_child("floor", site, kg_path)
                floors.append(f)
                print(f"[{size}] run {i + 1}/{repeat} floor {fmt(f.get('seconds'), '.3f')} s "
                      f"rss {fmt(f.get('maxrss_mb'), '.0f')} MB", end="", flush=True)
                if not f.get("ok"):
                    print(f"  FLOOR FAILED: {f.get('error')}", end="")
                if a.no_build or build_note:
                    print()
                    continue
                b = run_child("build", site, kg_path, a.jobs)
                if b.get("available") is False:
                    build_note = b.get("reason", "build not available")
                    print(f"\nkg build not available: {build_note}; reporting the floor only")
                    continue
                builds.append(b)
                if b.get("ok"):
                    paired = f", {b['seconds'] / f['seconds']:.2f}x its floor" if f.get("ok") else ""
                    print(f", build {b['seconds']:.3f} s rss {b['maxrss_mb']:.0f} MB "
                          f"({b.get('workers', 1)} readers; largest reader or helper "
                          f"{b.get('workers_maxrss_mb', 0):.0f} MB){paired}",
                          flush=True)
                else:
                    print(f", BUILD FAILED: {b.get('error')}", flush=True)
                    tb = b.get("traceback")
                    if tb:
                        print("    " + tb.strip().replace("\n", "\n    "))
            ok_f = [f["seconds"] for f in floors if f.get("ok")]
            ok_b = [b for b in builds if b.get("ok")]
            row = {
                "size": size, "site": str(site), "site_source": how, "generate_seconds": gen_s or None,
                "files": floors[0].get("files") if floors else None,
                "floor_median_s": statistics.median(ok_f) if ok_f else None,
                "floor_runs_s": ok_f,
                "floor_peak_rss_mb": max((f.get("maxrss_mb", 0) for f in floors), default=None),
                "build_median_s": statistics.median(b["seconds"] for b in ok_b) if ok_b else None,
                "build_runs_s": [b["seconds"] for b in ok_b],
                "build_cpu_median_s": statistics.median(b["cpu_seconds"] for b in ok_b) if ok_b else None,
                "build_import_s": statistics.median(b["import_seconds"] for b in ok_b) if ok_b else None,
                "build_peak_rss_mb": max(b["maxrss_mb"] for b in ok_b) if ok_b else None,
                "build_failures": [b.get("error") for b in builds if not b.get("ok")],
                "build_info": {k: v for k, v in (ok_b[-1].items() if ok_b else [])
                               if k not in ("ok", "available", "seconds", "import_seconds", "maxrss_mb",
                                            "cpu_seconds")},
            }
            fm, bm = row["floor_median_s"], row["build_median_s"]
            row["ratio"] = bm / fm if fm and bm is not None else None
            # Each build over the floor measured just before it: the machine's load drifts over a
            # run, and a pair shares it, so these ratios scatter less than the medians' ratio.
            pairs = [b["seconds"] / f["seconds"] for f, b in zip(floors, builds, strict=False)
                     if f.get("ok") and b.get("ok")]
            row["paired_ratios"] = pairs
            row["paired_ratio_median"] = statistics.median(pairs) if pairs else None
            row["aims"] = aims(row)
            rows.append(row)

    print()
    header = (f"{'docs':>8} {'floor s':>9} {'build s':>9} {'build/floor':>11} {'paired':>6} {'build CPU s':>11} "
              f"{'build RSS MB':>12} {'kg import s':>11}  aims")
    print(header)
    print("-" * len(header))
    for r in rows:
        aim_txt = "; ".join(f"{name}: {verdict}" for name, verdict in r["aims"].items()) or "-"
        print(f"{r['size']:>8} {fmt(r['floor_median_s'], '9.3f')} {fmt(r['build_median_s'], '9.3f')} "
              f"{fmt(r['ratio'], '11.2f')} {fmt(r.get('paired_ratio_median'), '6.2f')} "
              f"{fmt(r.get('build_cpu_median_s'), '11.2f')} "
              f"{fmt(r['build_peak_rss_mb'], '12.0f')} "
              f"{fmt(r['build_import_s'], '11.3f')}  {aim_txt}")
    print()
    print(f"Aims: build <= {AIM_RATIO:g}x floor at {AIM_RATIO_SIZE} docs; build peak RSS <= "
          f"{AIM_RSS_MB:g} MB at {AIM_RSS_SIZE} docs.  Medians over {repeat} run(s); build s "
          "excludes `import kg` (shown apart); paired is the median of each build over the floor run just "
          "before it; build CPU s adds the time of every process (reading workers and helpers). The ratio aim "
          "passes only when both build/floor and paired meet it.")
    if build_note:
        print(f"The build was not measured: {build_note}.")

    if a.json:
        doc = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
               "repeat": repeat, "seed": a.seed, "kg_path": str(kg_path), "build_unavailable": build_note,
               "aims": {"ratio_max": AIM_RATIO, "ratio_at": AIM_RATIO_SIZE, "rss_mb_max": AIM_RSS_MB,
                        "rss_at": AIM_RSS_SIZE},
               "rows": rows}
        Path(a.json).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {a.json}")
    return 0


def aims(row: dict) -> dict[str, str]:
    out = {}
    if row["size"] == AIM_RATIO_SIZE:
        r, paired = row["ratio"], row.get("paired_ratio_median")
        out[f"ratio<={AIM_RATIO:g}"] = "n/a" if r is None else (
            "PASS" if r <= AIM_RATIO and (paired is None or paired <= AIM_RATIO) else "MISS")
    if row["size"] == AIM_RSS_SIZE:
        m = row["build_peak_rss_mb"]
        out[f"RSS<={AIM_RSS_MB / 1024:g}GB"] = "n/a" if m is None else ("PASS" if m <= AIM_RSS_MB else "MISS")
    return out


if __name__ == "__main__":
    sys.exit(main())
