#!/usr/bin/env python3
"""How long ``kg report`` takes, stage by stage, and how much memory it takes, on synthetic sites.

    python bench/bench_report.py [--sizes 1000,10000,100000] [--site DIR ...] [--built OUT ...]
                                 [--orgs 20000] [--helpers on,off] [--keep] [--sites SITES]

For each size it generates a site with ``bench/generate.py`` (or reuses
``bench/out/site-N``, or ``SITES/site-N`` with ``--sites SITES``, when it is up to
date; ``--keep`` writes it to ``bench/out``), builds the graph once (not timed as
part of the report), then makes and writes the report, timing each stage through
the report's progress callbacks: reading the facts, the networks, betweenness and
PageRank, communities, bipartite networks and projections, years, each plot, the
tables, the pages, and writing each graph file (summed by format; the network over
time apart). ``--orgs N`` (repeatable, comma-separated) also reports on synthetic
facts with N organisations, most in one or two projects and a few in hundreds (a
Pareto tail), made here without a site: the generator's sites hold a few hundred
organisations, and a report's costs that grow with the organisations only show with
many. ``--site DIR`` (repeatable) reports on any site folder as well (a site of another
generator, the real corpus). ``--built OUT`` (repeatable) reports on the graph a ``kg build``
wrote into ``OUT`` (its ``graph.nq`` and ``build-report.json``), read back instead of built:
a 100k-document build takes minutes, its report less than one. ``--sizes ''`` skips the
generated sites.

``--helpers on,off`` makes each report twice, one after the other: with the forked
helpers ``kg report`` uses (one draws plots while this process makes the tables and
draws the others, then makes graph files ready until the helper is done; one writes
about half of the graph files), and all in one process, whose stage times add up (with
helpers, a stage's time is this process's, and the writing overlaps; the time this
process waits for the plot helper goes to the stage before).

Memory is the peak resident size of the process while the report is made and
written, less its size before (the built graph, which the report does not hold):
Linux's VmHWM, reset before the report. A second report in the same process reuses
the memory the first freed, so only the first way's figure is the report's peak. It
prints figures and never fails on them: machines are noisy.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace
from typing import cast

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

import kg  # noqa: E402
import kg.report  # noqa: E402
from kg.graph import KnowledgeGraph  # noqa: E402
from kg.load.documents import Site, SiteConfig  # noqa: E402
from kg.pipeline import BuildResult  # noqa: E402
from kg.report import build_report, report_of, write_report  # noqa: E402
from kg.report.facts import SITE_ROLE, Facts, Project  # noqa: E402

OUT_ROOT = HERE / "out"
KINDS = ("ngo", "municipality", "university", "agency", "research-institute", "company", "network", "funder")


def site_for(size: int, keep: bool, tmp: Path, sites: Path | None = None) -> Path:
    if sites is not None and generate.is_up_to_date(sites / f"site-{size}", size, 1):
        return sites / f"site-{size}"
    cached = OUT_ROOT / f"site-{size}"
    if generate.is_up_to_date(cached, size, 1):
        return cached
    target = cached if keep else tmp / f"site-{size}"
    generate.generate(target, size, 1, force=target == cached)
    return target


def synthetic_facts(organisations: int, seed: int = 1, *, alpha: float = 1.5, cap: int = 1000,
                    per_project: float = 3.0, themes: int = 30, platforms: int = 12) -> Facts:
    """Facts of ``organisations`` organisations, each in a Pareto(``alpha``) number of projects (at most ``cap``):
    about 80 % in one or two, a few in hundreds. Projects have 1 + geometric organisations (``per_project`` on
    average) besides the site's own, 0–2 themes and platforms (a few popular), 0–3 years from 2000–2024; one
    in ten is ongoing, one in twenty has no year."""
    rng = random.Random(seed)
    base = "https://example.org/kg/"
    orgs = [f"{base}organisation/org-{i:06d}" for i in range(organisations)]
    slots = [org for org in orgs for _ in range(min(cap, int(rng.paretovariate(alpha))))]
    rng.shuffle(slots)
    theme_iris = [f"{base}theme/theme-{i:03d}" for i in range(themes)]
    platform_iris = [f"{base}platform/platform-{i:03d}" for i in range(platforms)]
    site = f"{base}organisation/the-site"
    projects: dict[str, Project] = {}
    more = 1 - 1 / per_project
    i = 0
    while i < len(slots):
        k = 1
        while rng.random() < more:
            k += 1
        members = sorted(set(slots[i:i + k]))
        i += k
        iri = f"{base}project/project-{len(projects):06d}"
        roles = {o: frozenset({rng.choices(("client", "partner", "funder"), (3, 6, 1))[0]}) for o in members}
        roles[site] = frozenset({SITE_ROLE})
        draw = rng.random()
        start = None if draw < 0.05 else rng.randint(2000, 2024)
        ongoing = 0.05 <= draw < 0.15
        end = None if start is None or ongoing else start + rng.choice((0, 0, 1, 1, 2, 3))
        projects[iri] = Project(
            iri=iri, name=f"Project {len(projects)}", start=start, end=end, ongoing=ongoing,
            roles=dict(sorted(roles.items())),
            themes=tuple(sorted(set(rng.choices(theme_iris, [1 / (j + 1) for j in range(themes)],
                                                k=rng.choice((0, 1, 1, 1, 2)))))),
            platforms=tuple(sorted(set(rng.choices(platform_iris, [1 / (j + 1) for j in range(platforms)],
                                                   k=rng.choice((0, 1, 1, 2)))))),
        )
    names = {o: f"Organisation {j}" for j, o in enumerate(orgs)} | {site: "The Site"}
    names |= {t: f"Theme {j}" for j, t in enumerate(theme_iris)}
    names |= {t: f"Platform {j}" for j, t in enumerate(platform_iris)}
    names |= {p.iri: p.name for p in projects.values()}
    used = tuple(sorted({o for p in projects.values() for o in p.roles}))
    return Facts(projects=projects, names=names, aliases={o: (names[o],) for o in used},
                 kinds={o: rng.choice(KINDS) for o in used}, site_org=site, organisations=used)


# -- memory and time -------------------------------------------------------------------------------


def _status(field: str) -> int:
    """A field of /proc/self/status in MB (0 where there is none)."""
    try:
        found = re.search(rf"{field}:\s+(\d+) kB", Path("/proc/self/status").read_text())
    except OSError:
        return 0
    return int(found.group(1)) // 1024 if found else 0


def _cpu() -> float:
    """CPU seconds of this process and its (waited for) helpers."""
    own, helpers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + helpers.ru_utime + helpers.ru_stime


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


class Clock:
    """Seconds per stage, from the progress callbacks."""

    def __init__(self) -> None:
        self.times: dict[str, float] = defaultdict(float)
        self.current: str | None = None
        self.since = time.perf_counter()

    def __call__(self, what: str, _done: int, _total: int) -> None:
        now = time.perf_counter()
        if self.current is not None:
            self.times[self.current] += now - self.since
        self.current, self.since = (None if what == "done" else what), now

    def summed(self) -> dict[str, float]:
        """Stages grouped as the table prints them."""
        out: dict[str, float] = defaultdict(float)
        for what, seconds in self.times.items():
            out[_column(what)] += seconds
        return out


COLUMNS = ("facts", "networks", "centrality", "communities", "projections", "years", "plots", "tables", "pages",
           "graphml", "gexf", "json", "over-time")


def _column(stage: str) -> str:
    if stage.startswith("reading the facts"):
        return "facts"
    if stage.startswith("plot "):
        return "plots"
    if stage == "writing networks/network-over-time.gexf":
        return "over-time"
    if stage.startswith("writing networks/"):
        return stage.rsplit(".", 1)[-1]
    return {"making the networks": "networks", "measuring betweenness and PageRank": "centrality",
            "finding communities": "communities", "making the bipartite networks and projections": "projections",
            "following the years": "years", "tables": "tables", "report.html and report.md": "pages"}[stage]


def measure(label: str, make, out: Path, helpers: bool = True) -> None:
    """Make a report with ``make(progress)``, write it to ``out``; print one line of figures."""
    kg.report.HELPERS = helpers
    label = f"{label}{'' if helpers else ' 1p'}"
    before = _status("VmRSS")
    peaks = _reset_peak()
    clock = Clock()
    started, cpu = time.perf_counter(), _cpu()
    report = make(clock)
    write_report(report, out, progress=clock)
    total, cpu = time.perf_counter() - started, _cpu() - cpu
    peak = _status("VmHWM") - before if peaks else 0
    megabytes = sum(p.stat().st_size for p in out.rglob("*") if p.is_file() and ".kg" not in p.parts) / 2**20
    times = clock.summed()
    between = report.betweenness
    sampled = f"{between.sources}/{between.nodes}" if between is not None and between.estimated else "exact"
    print(f"{label:>12} {len(report.projects):>7} {report.network.number_of_nodes():>6} "
          f"{report.network.number_of_edges():>7} " + " ".join(f"{times.get(c, 0.0):>{max(6, len(c))}.2f}"
                                                                for c in COLUMNS)
          + f" {total:>7.2f} {cpu:>6.1f} {peak:>6} {megabytes:>7.1f} {sampled:>11}", flush=True)


def child(spec: str, ways: list[bool], out: Path) -> int:
    """In a fresh process (so that its memory is this input's alone): build or make the input, then report."""
    kind, _, rest = spec.partition(":")
    if kind == "orgs":
        label, make = f"{rest} orgs", _synthetic(int(rest))
    elif kind == "built":
        label, _, path = rest.partition(":")
        started = time.perf_counter()
        result = _read_built(Path(path))
        print(f"{'':>12} ({path}: {len(result.graph.rows)} quads read in {time.perf_counter() - started:.1f} s, "
              f"{_status('VmRSS')} MB)", flush=True)

        def make(clock: Clock) -> kg.report.Report:
            return build_report(result, progress=clock)
    else:
        label, _, path = rest.partition(":")
        started = time.perf_counter()
        result = kg.build(path)
        print(f"{'':>12} ({path}: {result.report()['documents']['read']} documents built in "
              f"{time.perf_counter() - started:.1f} s, {_status('VmRSS')} MB)", flush=True)

        def make(clock: Clock) -> kg.report.Report:
            return build_report(result, progress=clock)
    for number, helpers in enumerate(ways):
        measure(label, make, out / f"report-{number}", helpers)
    print(f"{'':>12} (whole process, build included: peak {_peak_rss()} MB)", flush=True)
    return 0


def _read_built(out: Path) -> BuildResult:
    """The build whose outputs are in ``out``, as far as a report reads it: the graph's rows (``graph.nq`` is
    the rows, one a line) and the site's title and address (``build-report.json``)."""
    rows = []
    with open(out / "graph.nq", encoding="utf-8") as lines:
        for line in lines:
            # Subject, predicate and graph are IRIs or blank nodes (no spaces); the object is the rest.
            s, p, rest = line[:-3].split(" ", 2)
            o, g = rest.rsplit(" ", 1)
            rows.append((s, p, o, g))
    site = json.loads((out / "build-report.json").read_text(encoding="utf-8"))["site"]
    config = SiteConfig(root=out, url=site["url"], title=site.get("title"))
    return BuildResult(graph=KnowledgeGraph(rows, config.base), site=cast(Site, SimpleNamespace(config=config)),
                       diagnostics=[], merges=[])


def _synthetic(organisations: int):
    facts = synthetic_facts(organisations)

    def make(clock: Clock) -> kg.report.Report:
        return report_of(facts, "Synthetic", "https://example.org/", progress=clock)

    return make


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated document counts ('' for none)")
    parser.add_argument("--orgs", default="", help="comma-separated organisation counts of synthetic facts")
    parser.add_argument("--site", type=Path, action="append", default=[], help="also report on this site folder")
    parser.add_argument("--built", type=Path, action="append", default=[],
                        help="also report on the graph kg build wrote into this folder (read, not built)")
    parser.add_argument("--helpers", default="on", help="on, off or on,off (each report made once each way)")
    parser.add_argument("--keep", action="store_true", help="keep generated sites in bench/out/")
    parser.add_argument("--sites", type=Path, help="reuse generated sites from this folder (read only)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    ways = [way == "on" for way in args.helpers.split(",")]
    if args.child:
        return child(args.child, ways, args.out)
    print("seconds per stage; report = all of them (cpu: CPU seconds, helpers included); peak = MB above the "
          "built graph; MB = files written; sample = betweenness's sources; 1p = in one process")
    print(f"{'input':>12} {'projs':>7} {'orgs':>6} {'pairs':>7} " + " ".join(f"{c:>{max(6, len(c))}}" for c in COLUMNS)
          + f" {'report':>7} {'cpu':>6} {'peak':>6} {'MB':>7} {'sample':>11}", flush=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        specs = [f"site:{size} docs:{site_for(size, args.keep, tmp, args.sites)}"
                 for size in (int(s) for s in args.sizes.split(",") if s)]
        specs += [f"site:{site.name[-12:]}:{site}" for site in args.site]
        specs += [f"built:{out.name[-12:]}:{out}" for out in args.built]
        specs += [f"orgs:{n}" for n in args.orgs.split(",") if n]
        for number, spec in enumerate(specs):
            out = tmp / f"input-{number}"
            out.mkdir()
            subprocess.run([sys.executable, __file__, "--child", spec, "--helpers", args.helpers, "--out", str(out)],
                           check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
