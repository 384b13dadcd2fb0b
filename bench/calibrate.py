#!/usr/bin/env python3
"""Measure the shape of a Jekyll site's content, to compare generated sites with a real one.

    python bench/calibrate.py SITE [SITE ...] [--label NAME ...] [--json FILE]

For each site it reads every file of the collection folders (``_posts`` and each
``_<collection>`` of ``_config.yml``), parses the front matter with libyaml's safe loader
and prints one column per site: documents per collection, languages, front-matter and
body sizes, links and organisation mentions per page, organisations per project and
projects per organisation, sv/en pairs sharing ``ref``, dangling references, posts tied
to projects, themes per project and years.  Nothing is asserted: it describes.

A *project* is a document with a ``client``, ``partners`` or ``funding`` key (or any
document of ``_clients``), grouped by ``ref`` when it has one.  An *organisation* is a
name written in those keys, compared case-, diacritic- and space-insensitively: the two
pages of a translated pair often name one organisation twice ("Lunds universitet",
"Lund University"), so counts of organisations are counts of names.  A *mention* is such
a name found in a page's body (whole words, case-insensitive).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FRONT_MATTER = re.compile(rb"\A---[ \t]*\r?\n(.*?\r?\n?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)
MD_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)")
HTML_LINK = re.compile(r"<a\s[^>]*href\s*=", re.I)
POST_NAME = re.compile(r"^(\d{4})-\d\d-\d\d-")
YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
ORG_KEYS = ("client", "partners", "funding")
REF_KEYS = ("clients", "categories")
PROJECTS_PER_ORG_BUCKETS = ((1, 1), (2, 2), (3, 5), (6, 20), (21, None))
_SPACES = re.compile(r"\s+")


def norm(name: str) -> str:
    s = unicodedata.normalize("NFD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return _SPACES.sub(" ", s).strip()


def as_list(v: object) -> list:
    if v is None or v == "":
        return []
    return list(v) if isinstance(v, list) else [v]


@dataclass
class Doc:
    path: str  # site-relative
    collection: str
    fm_bytes: int
    body_bytes: int
    data: dict | None
    body: str
    parsed: bool


@dataclass
class Site:
    root: Path
    docs: list[Doc] = field(default_factory=list)
    unparseable: int = 0
    no_front_matter: int = 0


def collections(root: Path) -> list[str]:
    try:
        config = yaml.load((root / "_config.yml").read_bytes(), Loader=yaml.CSafeLoader) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    colls = config.get("collections") or {}
    names = {"posts"} | {str(c) for c in colls}
    return sorted(n for n in names if (root / f"_{n}").is_dir())


def read_site(root: Path) -> Site:
    site = Site(root)
    for coll in collections(root):
        folder = root / f"_{coll}"
        for dirpath, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if f.startswith("."):
                    continue
                path = Path(dirpath) / f
                raw = path.read_bytes()
                rel = path.relative_to(root).as_posix()
                m = FRONT_MATTER.match(raw)
                if not m:
                    site.no_front_matter += 1
                    site.docs.append(Doc(rel, coll, 0, len(raw), None, raw.decode("utf-8", "replace"), False))
                    continue
                try:
                    data = yaml.load(m.group(1), Loader=yaml.CSafeLoader)
                    parsed = True
                except Exception:  # YAMLError, and ValueError for impossible timestamps
                    data, parsed = None, False
                    site.unparseable += 1
                body = raw[m.end():]
                site.docs.append(Doc(rel, coll, len(m.group(1)), len(body),
                                     data if isinstance(data, dict) else None,
                                     body.decode("utf-8", "replace"), parsed))
    return site


# --------------------------------------------------------------------------- measures


def quantiles(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    v = sorted(values)

    def q(p: float) -> float:
        return v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))]

    return {"n": len(v), "mean": statistics.fmean(v), "p10": q(0.1), "p25": q(0.25), "p50": q(0.5),
            "p75": q(0.75), "p90": q(0.9), "max": v[-1]}


def is_project(d: Doc) -> bool:
    return d.data is not None and (d.collection == "clients" or any(k in d.data for k in ORG_KEYS))


def org_names(data: dict) -> list[str]:
    out = []
    for key in ORG_KEYS:
        for v in as_list(data.get(key)):
            if isinstance(v, str) and v.strip():
                out.append(norm(v))
    return list(dict.fromkeys(out))


class Finder:
    """Every whole-word occurrence of any of many names in a text, in one pass."""

    def __init__(self, names: set[str]) -> None:
        self.names = {n for n in names if len(n) >= 4}
        try:
            import ahocorasick  # kg depends on it; fall back to a regex without it
        except ImportError:
            self.auto = None
            alt = "|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True))
            self.rx = re.compile(rf"(?<!\w)(?:{alt})(?!\w)") if alt else None
        else:
            self.auto = ahocorasick.Automaton()
            for n in self.names:
                self.auto.add_word(n, n)
            if self.names:
                self.auto.make_automaton()

    def find(self, text: str) -> list[str]:
        text = norm(text)
        if not self.names:
            return []
        if self.auto is None:
            return self.rx.findall(text) if self.rx else []
        out = []
        for end, name in self.auto.iter(text):
            start = end - len(name) + 1
            if (start == 0 or not text[start - 1].isalnum()) and (end + 1 == len(text) or not text[end + 1].isalnum()):
                out.append(name)
        return out


def measure(root: str | os.PathLike) -> dict:
    """The shape statistics of the site at ``root`` (a dict of plain values)."""
    t0 = time.perf_counter()
    site = read_site(Path(root))
    files = {d.path for d in site.docs}
    ok = [d for d in site.docs if d.data is not None]
    r: dict = {"documents": len(site.docs)}
    r["per_collection"] = dict(sorted(Counter(d.collection for d in site.docs).items()))
    r["unparseable_front_matter"] = site.unparseable
    r["no_front_matter"] = site.no_front_matter
    langs = Counter(str(d.data.get("lang")) if d.data.get("lang") is not None else "(none)" for d in ok)
    r["languages"] = dict(langs.most_common())
    r["fm_bytes"] = quantiles([d.fm_bytes for d in ok])
    r["fm_keys"] = quantiles([len(d.data) for d in ok])
    r["body_bytes"] = quantiles([d.body_bytes for d in site.docs])
    by_coll: dict[str, list[Doc]] = defaultdict(list)
    for d in site.docs:
        by_coll[d.collection].append(d)
    r["body_bytes_by_collection"] = {c: quantiles([d.body_bytes for d in ds]) for c, ds in sorted(by_coll.items())}
    r["body_links"] = quantiles([len(MD_LINK.findall(d.body)) + len(HTML_LINK.findall(d.body)) for d in site.docs])
    r["fm_links"] = quantiles([len(as_list(d.data.get("links"))) for d in ok])

    # projects and organisations
    projects: dict[str, list[Doc]] = defaultdict(list)
    for d in ok:
        if is_project(d):
            ref = d.data.get("ref")
            projects[f"ref:{ref}" if isinstance(ref, str) and ref else f"path:{d.path}"].append(d)
    r["projects"] = len(projects)
    r["project_pages"] = sum(len(v) for v in projects.values())
    org_projects: dict[str, set[str]] = defaultdict(set)
    per_project = []
    themes_per_project = []
    years: list[int] = []
    for key, pages in projects.items():
        per_project.append(max(len(org_names(p.data)) for p in pages))
        themes_per_project.append(max(len(as_list(p.data.get("categories"))) for p in pages))
        for p in pages:
            for n in org_names(p.data):
                org_projects[n].add(key)
        for p in pages:
            m = YEAR.search(str(p.data.get("year", "")))
            if m:
                years.append(int(m.group(0)))
                break
    r["org_names"] = len(org_projects)
    pairs_met = set()  # names named together in a project: the network kg report draws
    for pages in projects.values():
        names = sorted({n for p in pages for n in org_names(p.data)})
        pairs_met.update((a, b) for i, a in enumerate(names) for b in names[i + 1:])
    r["org_pairs"] = len(pairs_met)
    r["org_pairs_possible"] = len(org_projects) * (len(org_projects) - 1) // 2
    r["orgs_per_project"] = quantiles(per_project)
    counts = [len(v) for v in org_projects.values()]
    r["projects_per_org"] = quantiles(counts)
    buckets = {}
    for lo, hi in PROJECTS_PER_ORG_BUCKETS:
        label = f"{lo}" if lo == hi else (f"{lo}-{hi}" if hi else f">{lo - 1}")
        buckets[label] = sum(1 for c in counts if c >= lo and (hi is None or c <= hi))
    r["projects_per_org_buckets"] = buckets
    top = sorted(org_projects.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:3]
    r["top_orgs"] = [[n, len(v)] for n, v in top]
    r["themes_per_project"] = quantiles(themes_per_project)
    r["project_start_years"] = year_summary(years)

    # mentions of the site's organisation names in bodies
    finder = Finder(set(org_projects))
    mentions = [finder.find(d.body) for d in site.docs]
    r["org_mentions"] = quantiles([len(m) for m in mentions])
    r["distinct_orgs_mentioned"] = quantiles([len(set(m)) for m in mentions])

    # refs: sv/en pairs, dangling references
    refs: dict[tuple[str, str], list[Doc]] = defaultdict(list)
    for d in ok:
        ref = d.data.get("ref")
        if isinstance(ref, str) and ref:
            refs[(d.collection, ref)].append(d)
    pairs = Counter()
    for (coll, _), ds in refs.items():
        langs_of = {str(x.data.get("lang")) for x in ds}
        if len(ds) == 2 and len(langs_of) == 2:  # two pages in two languages
            pairs[coll] += 1
    r["ref_pairs"] = dict(sorted(pairs.items()))
    r["docs_in_ref_pairs"] = 2 * sum(pairs.values())
    n_refs = dangling = 0
    for d in ok:
        for key in REF_KEYS:
            for v in as_list(d.data.get(key)):
                if isinstance(v, str) and v.startswith("_") and "/" in v:
                    n_refs += 1
                    if v not in files and unicodedata.normalize("NFC", v) not in files:
                        dangling += 1
    r["references"] = n_refs
    r["dangling_references"] = dangling
    posts = [d for d in ok if d.collection == "posts"]
    tied = [len(as_list(d.data.get("clients"))) for d in posts if as_list(d.data.get("clients"))]
    r["posts_tied_to_projects"] = len(tied)
    r["posts_tied_share"] = len(tied) / len(posts) if posts else None
    r["projects_per_tied_post"] = quantiles(tied)
    post_years = [int(m.group(1)) for d in site.docs if d.collection == "posts"
                  for m in [POST_NAME.match(d.path.rsplit("/", 1)[-1])] if m]
    r["post_years"] = year_summary(post_years)
    r["seconds"] = time.perf_counter() - t0
    return r


def year_summary(years: list[int]) -> dict:
    if not years:
        return {"n": 0}
    c = Counter(years)
    return {"n": len(years), "min": min(years), "max": max(years), "median": statistics.median(years),
            "distinct": len(c), "busiest_share": max(c.values()) / len(years)}


# --------------------------------------------------------------------------- table


def n(v: float | None) -> str:
    if v is None:
        return "-"
    if isinstance(v, float) and not v.is_integer():
        return f"{v:.1f}" if abs(v) < 100 else f"{v:,.0f}"
    v = int(v)
    if v >= 1_000_000:
        return f"{v / 1_000_000:.1f}M"
    return f"{v / 1000:.1f}k" if v >= 10_000 else f"{v:,}"


def dist(q: dict) -> str:
    """median [p10–p90] max, mean."""
    if not q.get("n"):
        return "-"
    return f"{n(q['p50'])} [{n(q['p10'])}–{n(q['p90'])}] max {n(q['max'])}, mean {n(q['mean'])}"


def shares(counts: dict, total: int | None = None) -> str:
    total = total or sum(counts.values()) or 1
    return ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in counts.items())


def rows(r: dict) -> list[tuple[str, str]]:
    docs = r["documents"]
    pb = r["projects_per_org_buckets"]
    names = r["org_names"] or 1
    py, yy = r["post_years"], r["project_start_years"]
    return [
        ("documents", n(docs)),
        ("per collection", shares(r["per_collection"], docs)),
        ("unparseable / no front matter", f"{r['unparseable_front_matter']} / {r['no_front_matter']}"),
        ("lang", shares(r["languages"])),
        ("front matter bytes", dist(r["fm_bytes"])),
        ("front matter keys", dist(r["fm_keys"])),
        ("body bytes", dist(r["body_bytes"])),
        *[(f"  body bytes, {c}", dist(q)) for c, q in r["body_bytes_by_collection"].items()],
        ("links in body", dist(r["body_links"])),
        ("links: entries", dist(r["fm_links"])),
        ("projects (pages)", f"{n(r['projects'])} ({n(r['project_pages'])})"),
        ("organisation names", n(r["org_names"])),
        ("names per project", dist(r["orgs_per_project"])),
        ("projects per name", dist(r["projects_per_org"])),
        ("  names in 1 / 2 / 3-5 / 6-20 / >20 projects",
         " / ".join(f"{100 * v / names:.0f}%" for v in pb.values())
         + " (" + " / ".join(n(v) for v in pb.values()) + ")"),
        ("  busiest names", "; ".join(f"{k[:28]} {v}" for k, v in r["top_orgs"])),
        ("name pairs met in a project", f"{n(r['org_pairs'])} of {n(r['org_pairs_possible'])} possible"
         + (f" ({100 * r['org_pairs'] / r['org_pairs_possible']:.2g}%)" if r["org_pairs_possible"] else "")),
        ("org mentions in body", dist(r["org_mentions"])),
        ("distinct orgs mentioned", dist(r["distinct_orgs_mentioned"])),
        ("sv/en ref pairs", ", ".join(f"{k} {n(v)}" for k, v in r["ref_pairs"].items())
         + f" ({100 * r['docs_in_ref_pairs'] / max(docs, 1):.0f}% of docs)"),
        ("dangling references", f"{n(r['dangling_references'])} of {n(r['references'])}"
         + (f" ({100 * r['dangling_references'] / r['references']:.1f}%)" if r["references"] else "")),
        ("posts tied to projects", f"{n(r['posts_tied_to_projects'])}"
         + (f" ({100 * r['posts_tied_share']:.0f}%)" if r["posts_tied_share"] is not None else "")
         + f", {dist(r['projects_per_tied_post'])}"),
        ("themes per project", dist(r["themes_per_project"])),
        ("project start years", f"{yy['min']}–{yy['max']}, median {yy['median']:g}" if yy.get("n") else "-"),
        ("post years", f"{py['min']}–{py['max']}, median {py['median']:g}" if py.get("n") else "-"),
    ]


def table(results: list[tuple[str, dict]], markdown: bool = False) -> str:
    cols = [rows(r) for _, r in results]
    labels = [lab for lab, _ in cols[0]]
    heads = ["", *[name for name, _ in results]]
    grid = [[lab, *[c[i][1] for c in cols]] for i, lab in enumerate(labels)]
    if markdown:
        out = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
        out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in grid]
        return "\n".join(out)
    widths = [max(len(row[i]) for row in [heads, *grid]) for i in range(len(heads))]
    line = "  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True))
    out = [line, "-" * len(line)]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in grid]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sites", nargs="+", help="site folders (each with _config.yml)")
    ap.add_argument("--label", action="append", default=[], help="column names, in the order of the sites")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    a = ap.parse_args(argv)
    results = []
    for i, s in enumerate(a.sites):
        label = a.label[i] if i < len(a.label) else Path(s).name
        r = measure(s)
        print(f"measured {label}: {r['documents']} documents in {r['seconds']:.1f} s", file=sys.stderr)
        results.append((label, r))
    print(table(results, a.markdown))
    if a.json:
        Path(a.json).write_text(json.dumps(dict(results), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
