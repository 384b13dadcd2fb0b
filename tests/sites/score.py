"""Score a kg build of a fixture site against its hand-written truth.

The site is built with the real command line (``kg build SITE --out DIR``, the ``kg`` on
PATH) and read back from ``DIR/graph.nt`` (and ``DIR/graph.nq`` for the named graph each
statement came from) only through the vocabulary the README documents, exactly as a
judge reads it: organisations by ``schema:name``/``schema:alternateName``, project roles
``kgo:client``/``kgo:partner``/``schema:funder``, years ``schema:startDate``/
``schema:endDate``/``kgo:ongoing``, themes ``schema:about``, platforms ``kgo:platform``,
post mentions ``schema:mentions``, kinds ``kgo:organisationKind`` (local name), countries
``schema:location`` → ``schema:Country`` → ``schema:name``, units
``schema:parentOrganization``, people ``schema:Person``/``schema:jobTitle``, and files
by ``prov:wasDerivedFrom`` → ``kgo:path``. Graph organisations are matched to truth
organisations by their names, normalised for case, diacritics, hyphens, spacing, a
leading article and a trailing parenthesis ("(France)", "(DUF)").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import pyoxigraph as ox
import yaml

from .model import COUNTRIES, PLATFORMS, Site

SCHEMA = "http://schema.org/"
KGO = "https://digidemlab.org/kg/ontology#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

SITES_DIR = Path(__file__).resolve().parent
REGISTRY = SITES_DIR.parents[1] / "kg" / "ontology" / "registry.yml"

# schema:Organization and its schema.org subclasses (schema:Project, also a subclass, is not an organisation here)
ORG_CLASSES = frozenset(
    SCHEMA + c
    for c in (
        "Organization", "Airline", "Consortium", "Corporation", "EducationalOrganization",
        "CollegeOrUniversity", "ElementarySchool", "HighSchool", "MiddleSchool", "Preschool", "School",
        "GovernmentOrganization", "LibrarySystem", "LocalBusiness", "MedicalOrganization", "NGO",
        "NewsMediaOrganization", "OnlineBusiness", "PerformingGroup", "PoliticalParty", "ResearchOrganization",
        "SearchRescueOrganization", "SportsOrganization", "WorkersUnion",
    )
)
ROLES = {"clients": KGO + "client", "partners": KGO + "partner", "funders": SCHEMA + "funder"}

KIND_ORDER = (
    "organisations",
    "merges",
    "projects",
    "clients",
    "partners",
    "funders",
    "years",
    "themes",
    "platforms-on-page",
    "platforms-in-posts",
    "platform-evidence",
    "mentions",
    "mentions-by-form",
    "kinds",
    "countries",
    "units",
    "persons",
    "roles",
    "forbidden-registry",
)

_ARTICLE = re.compile(r"^(?:(?:la|le|les|the|die|der|das|de|het|el|il|lo|den|det)\s+|l')")
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_DASHES = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014_/]")


def normalise(text: str) -> str:
    """Case, diacritics, hyphens/dashes, spacing, a leading article and a trailing "(...)" never tell names apart."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("\u2019", "'").replace("`", "'")
    text = text.replace("ø", "o").replace("æ", "ae").replace("đ", "d").replace("ł", "l")
    text = _TRAILING_PAREN.sub("", text)
    text = _DASHES.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return _ARTICLE.sub("", text).strip()


# ---------------------------------------------------------------------------------------------- metrics


@dataclass
class Metric:
    """Precision over what the graph states, recall over what the truth holds (they may count different units)."""

    tp_p: int = 0
    fp: int = 0
    tp_r: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)
    wrong_merges: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp_p / (self.tp_p + self.fp) if self.tp_p + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp_r / (self.tp_r + self.fn) if self.tp_r + self.fn else 1.0

    @property
    def empty(self) -> bool:
        return not (self.tp_p or self.fp or self.tp_r or self.fn)

    def __iadd__(self, other: Metric) -> Metric:
        self.tp_p += other.tp_p
        self.fp += other.fp
        self.tp_r += other.tp_r
        self.fn += other.fn
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives
        self.wrong_merges += other.wrong_merges
        return self


def compare(truth: Iterable, graph: Iterable) -> Metric:
    """Plain set comparison of facts (tuples); misses are listed sorted, as readable strings."""
    truth, graph = set(truth), set(graph)
    hit = truth & graph
    return Metric(
        tp_p=len(hit),
        fp=len(graph - truth),
        tp_r=len(hit),
        fn=len(truth - graph),
        false_positives=sorted(_show(f) for f in graph - truth),
        false_negatives=sorted(_show(f) for f in truth - graph),
    )


def _show(fact) -> str:
    return " · ".join(str(x) for x in fact) if isinstance(fact, tuple) else str(fact)


# ---------------------------------------------------------------------------------------------- the graph


class Graph:
    """The triples of ``graph.nt`` by subject and predicate, and the named graphs of ``graph.nq``."""

    def __init__(self, triples: Iterable[tuple], quads: Iterable[tuple] = ()) -> None:
        self.out: dict = defaultdict(lambda: defaultdict(set))
        self.inv: dict = defaultdict(lambda: defaultdict(set))
        for s, p, o in triples:
            self.out[s][p].add(o)
            self.inv[o][p].add(s)
        self.graphs: dict = defaultdict(set)
        for s, p, o, g in quads:
            self.graphs[(s, p, o)].add(g)

    @classmethod
    def read(cls, out_dir: Path) -> Graph:
        nt = out_dir / "graph.nt"
        nq = out_dir / "graph.nq"
        triples = [_terms(q) for q in ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)]
        quads = []
        if nq.exists():
            for q in ox.parse(path=str(nq), format=ox.RdfFormat.N_QUADS):
                if not isinstance(q.graph_name, ox.DefaultGraph):
                    quads.append((*_terms(q), _term(q.graph_name)))
        return cls(triples, quads)

    def objects(self, s, p: str) -> set:
        return self.out.get(s, {}).get(p, set())

    def subjects(self, p: str, o) -> set:
        return self.inv.get(o, {}).get(p, set())

    def typed(self, classes: Iterable[str]) -> set:
        return {s for c in classes for s in self.subjects(RDF_TYPE, c)}

    def values(self, s, *preds: str) -> set[str]:
        return {_text(o) for p in preds for o in self.objects(s, p)}

    def paths(self, s) -> set[str]:
        """The site-relative files a node is derived from (prov:wasDerivedFrom → kgo:path)."""
        sources = self.objects(s, PROV + "wasDerivedFrom")
        return {_text(path) for src in sources for path in self.objects(src, KGO + "path")}

    def source_path(self, graph_name) -> set[str]:
        return {_text(p) for p in self.objects(graph_name, KGO + "path")}


class Lit(str):
    """A literal's lexical value, told apart from an IRI (a plain str)."""


def _term(t):
    if isinstance(t, ox.Literal):
        return Lit(t.value)
    if isinstance(t, ox.NamedNode):
        return t.value
    return "_:" + t.value


def _terms(q) -> tuple:
    return _term(q.subject), _term(q.predicate), _term(q.object)


def _text(o) -> str:
    return str(o)


# ---------------------------------------------------------------------------------------------- scoring


class Reading:
    """How the graph's nodes map onto one site's truth."""

    def __init__(self, site: Site, graph: Graph) -> None:
        self.site, self.g = site, graph
        self.spelling = {normalise(s): k for k, o in site.orgs.items() for s in o.spellings()}
        linking = (*ROLES.values(), SCHEMA + "parentOrganization")
        role_objects = {o for p in linking for s in list(graph.out) for o in graph.objects(s, p)}
        projects = graph.typed([SCHEMA + "Project"])
        self.org_nodes = sorted((graph.typed(ORG_CLASSES) - projects) | role_objects | set(self._parents()))
        self.org_keys = {e: self._org_keys(e) for e in self.org_nodes}
        self.project_nodes = sorted(projects)
        self.project_keys = {e: self._project_keys(e) for e in self.project_nodes}

    def _parents(self):
        for s in list(self.g.out):
            if self.g.objects(s, SCHEMA + "parentOrganization"):
                yield s

    def names(self, e) -> set[str]:
        return self.g.values(e, SCHEMA + "name", SCHEMA + "alternateName")

    def label(self, e) -> str:
        names = sorted(self.names(e))
        return f"?{names[0]}" if names else f"?<{e}>"

    def _org_keys(self, e) -> set[str]:
        return {self.spelling[n] for n in map(normalise, self.names(e)) if n in self.spelling}

    def org(self, e) -> set[str]:
        """Truth keys of a graph organisation, or one '?name' item when it is none of them."""
        return self.org_keys.get(e) or self._org_keys(e) or {self.label(e)}

    def _project_keys(self, e) -> set[str]:
        paths = self.g.paths(e)
        for page in self.g.subjects(SCHEMA + "mainEntity", e) | self.g.objects(e, SCHEMA + "subjectOf"):
            paths |= self.g.paths(page)
        names = {normalise(n) for n in self.g.values(e, SCHEMA + "name")}
        keys = set()
        for key, t in self.site.projects.items():
            if set(t.paths) & paths or (t.data and t.data[0] in paths and {normalise(x) for x in t.data[1:]} & names):
                keys.add(key)
        return keys

    def project_facts(self):
        """(truth project key, graph project node) for every graph project that is a truth project."""
        for e in self.project_nodes:
            for key in self.project_keys[e]:
                yield key, e

    def theme(self, e) -> str:
        paths = self.g.paths(e)
        for page in self.g.subjects(SCHEMA + "mainEntity", e) | self.g.objects(e, SCHEMA + "subjectOf"):
            paths |= self.g.paths(page)
        names = {normalise(n) for n in self.g.values(e, SCHEMA + "name", SKOS + "prefLabel", RDFS + "label")}
        for key, t in self.site.themes.items():
            if set(t.paths) & paths or {normalise(n) for n in t.names} & names:
                return key
        return "?" + (sorted(names)[0] if names else f"<{e}>")

    def platform(self, e) -> str:
        names = {normalise(n) for n in self.g.values(e, SCHEMA + "name", SCHEMA + "alternateName")}
        for canonical, spellings in PLATFORMS.items():
            if names & {normalise(s) for s in spellings}:
                return canonical
        return "?" + (sorted(names)[0] if names else f"<{e}>")

    def country(self, c) -> str | None:
        if SCHEMA + "Country" not in self.g.objects(c, RDF_TYPE):
            return None
        names = {normalise(n) for n in self.g.values(c, SCHEMA + "name", SCHEMA + "alternateName")}
        for canonical, spellings in COUNTRIES.items():
            if names & {normalise(s) for s in spellings}:
                return canonical
        return "?" + (sorted(names)[0] if names else f"<{c}>")

    def post_nodes(self, path: str) -> set:
        sources = self.g.subjects(KGO + "path", Lit(path))
        return {s for src in sources for s in self.g.subjects(PROV + "wasDerivedFrom", src)}

    def single(self):
        """Graph organisations that are exactly one truth organisation, with its key."""
        for e in self.org_nodes:
            if len(self.org_keys[e]) == 1:
                yield next(iter(self.org_keys[e])), e


def score(site: Site, graph: Graph, registry: dict | None = None) -> dict[str, Metric]:
    """Every kind of fact of ``KIND_ORDER``, scored for one site."""
    r = Reading(site, graph)
    g = graph
    result: dict[str, Metric] = {}

    # organisations: every graph organisation is a real one; every organisation named in front matter is there
    present = {k for e in r.org_nodes for k in r.org_keys[e]}
    unmatched = [r.label(e) for e in r.org_nodes if not r.org_keys[e]]
    known = {k for k, o in site.orgs.items() if o.known}
    result["organisations"] = Metric(
        tp_p=len(r.org_nodes) - len(unmatched),
        fp=len(unmatched),
        tp_r=len(known & present),
        fn=len(known - present),
        false_positives=sorted(unmatched),
        false_negatives=sorted(known - present),
    )

    result["merges"] = _merges(site, r)
    result["projects"] = _projects(site, r)

    facts = defaultdict(set)
    for key, e in r.project_facts():
        for kind, pred in ROLES.items():
            for o in g.objects(e, pred):
                facts[kind] |= {(key, k) for k in r.org(o)}
        for o in g.objects(e, SCHEMA + "startDate"):
            facts["years"].add((key, "start", _year(o)))
        for o in g.objects(e, SCHEMA + "endDate"):
            facts["years"].add((key, "end", _year(o)))
        for o in g.objects(e, KGO + "ongoing"):
            facts["years"].add((key, "ongoing", str(o).strip().lower() in ("true", "1")))
        for o in g.objects(e, SCHEMA + "about"):
            facts["themes"].add((key, r.theme(o)))
        for o in g.objects(e, KGO + "platform"):
            plat = r.platform(o)
            facts["platforms"].add((key, plat))
            for graph_name in g.graphs.get((e, KGO + "platform", o), ()):
                for path in g.source_path(graph_name):
                    facts["evidence"].add((key, plat, path))

    for kind in ROLES:
        truth = {(key, k) for key, t in site.projects.items() for k in getattr(t, kind)}
        result[kind] = compare(truth, facts[kind])

    years = set()
    for key, t in site.projects.items():
        if t.start is not None:
            years.add((key, "start", t.start))
        if t.end is not None:
            years.add((key, "end", t.end))
        if t.ongoing is not None:
            years.add((key, "ongoing", t.ongoing))
    result["years"] = compare(years, facts["years"])
    result["themes"] = compare({(key, th) for key, t in site.projects.items() for th in t.themes}, facts["themes"])

    result.update(_platforms(site, facts["platforms"], facts["evidence"]))
    result.update(_mentions(site, r))
    result.update(_kinds_and_countries(site, r))

    units_truth = {(k, o.parent) for k, o in site.orgs.items() if o.parent}
    units_graph = {
        (a, b)
        for e in r.org_nodes
        for p in g.objects(e, SCHEMA + "parentOrganization")
        for a in r.org(e)
        for b in r.org(p)
    }
    result["units"] = compare(units_truth, units_graph)

    people = g.typed([SCHEMA + "Person"])
    result["persons"] = compare(
        {normalise(n) for n in site.persons}, {normalise(n) for e in people for n in g.values(e, SCHEMA + "name")}
    )
    result["roles"] = compare(
        {(normalise(n), normalise(role)) for n, role in site.persons.items()},
        {
            (normalise(n), normalise(role))
            for e in people
            for n in g.values(e, SCHEMA + "name")
            for role in g.values(e, SCHEMA + "jobTitle")
        },
    )

    result["forbidden-registry"] = _forbidden(site, r, registry if registry is not None else load_registry())
    return {kind: result[kind] for kind in KIND_ORDER}


def _year(o) -> int | str:
    m = re.match(r"-?\d{4}", str(o))
    return int(m.group(0)) if m else f"?{o}"


def _merges(site: Site, r: Reading) -> Metric:
    """Pairs of spellings held by one graph entity, against pairs of one organisation's spellings."""
    graph_names = set()
    pairs_in_graph: set[frozenset] = set()
    wrong: dict[frozenset, set[str]] = defaultdict(set)
    right = 0
    for e in r.org_nodes:
        matched = sorted({n for n in map(normalise, r.names(e)) if n in r.spelling})
        graph_names |= set(matched)
        for a, b in combinations(matched, 2):
            pair = frozenset((a, b))
            pairs_in_graph.add(pair)
            if r.spelling[a] == r.spelling[b]:
                right += 1
            else:
                wrong[frozenset((r.spelling[a], r.spelling[b]))].add(f"{a} + {b}")
    truth: set[frozenset] = set()
    for o in site.orgs.values():
        names = sorted({normalise(s) for s in o.names})
        texts = sorted({normalise(s) for s in o.text} - set(names))
        truth |= {frozenset(p) for p in combinations(names, 2)}
        both = [t for t in texts if t in graph_names]
        truth |= {frozenset((a, b)) for a in names + both for b in both if a != b and a in graph_names}
    found = truth & pairs_in_graph
    return Metric(
        tp_p=right,
        fp=sum(len(v) for v in wrong.values()),
        tp_r=len(found),
        fn=len(truth - found),
        false_positives=sorted(x for v in wrong.values() for x in v),
        false_negatives=sorted(" + ".join(sorted(p)) for p in truth - found),
        wrong_merges=sorted(" & ".join(sorted(k)) for k in wrong),
    )


def _projects(site: Site, r: Reading) -> Metric:
    found: set[str] = set()
    fps: list[str] = []
    for e in r.project_nodes:
        keys = r.project_keys[e]
        if not keys:
            names = sorted(r.g.values(e, SCHEMA + "name"))
            fps.append(f"?{names[0]}" if names else f"?nameless <{e}>")
        for key in sorted(keys):
            if key in found:
                fps.append(f"split: {key} <{e}>")
            found.add(key)
    truth = set(site.projects)
    tp = len(r.project_nodes) - len(fps)
    return Metric(
        tp_p=tp,
        fp=len(fps),
        tp_r=len(truth & found),
        fn=len(truth - found),
        false_positives=sorted(fps),
        false_negatives=sorted(truth - found),
    )


def _platforms(site: Site, graph_pairs: set, evidence: set) -> dict[str, Metric]:
    page = {(key, p) for key, t in site.projects.items() for p in t.platforms_page}
    said = {(key, p) for key, t in site.projects.items() for p in t.platforms_posts}
    posts = set(site.posts)
    by_pair = defaultdict(set)
    for key, plat, path in evidence:
        by_pair[(key, plat)].add(path)
    wrong = graph_pairs - page - said
    wrong_in_posts = {w for w in wrong if by_pair[w] and by_pair[w] <= posts}
    on_page = compare(page, (graph_pairs & page) | (wrong - wrong_in_posts))
    in_posts = compare(said, (graph_pairs & said) | wrong_in_posts)
    truth_evidence = {
        (key, p, post) for key, t in site.projects.items() for p, ps in t.platforms_posts.items() for post in ps
    }
    graph_evidence = {(key, p, path) for key, p, path in evidence if path in posts}
    return {
        "platforms-on-page": on_page,
        "platforms-in-posts": in_posts,
        "platform-evidence": compare(truth_evidence, graph_evidence),
    }


def _mentions(site: Site, r: Reading) -> dict[str, Metric]:
    org_nodes = set(r.org_nodes) | r.g.typed(ORG_CLASSES)
    graph = set()
    for path in site.posts:
        for node in r.post_nodes(path):
            for m in r.g.objects(node, SCHEMA + "mentions"):
                if m in org_nodes and SCHEMA + "Project" not in r.g.objects(m, RDF_TYPE):
                    graph |= {(path, k) for k in r.org(m)}
    truth = {(path, k) for path, ks in site.posts.items() for k in ks}

    def known(fact) -> bool:
        return fact[1] in site.orgs and site.orgs[fact[1]].known

    return {
        "mentions": compare({f for f in truth if known(f)}, {f for f in graph if known(f)}),
        "mentions-by-form": compare({f for f in truth if not known(f)}, {f for f in graph if not known(f)}),
    }


def _kinds_and_countries(site: Site, r: Reading) -> dict[str, Metric]:
    kinds: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str]] = defaultdict(set)
    present = set()
    for key, e in r.single():
        present.add(key)
        for k in r.g.objects(e, KGO + "organisationKind"):
            kinds[key].add(re.split(r"[#/]", str(k))[-1])
        for c in r.g.objects(e, SCHEMA + "location"):
            name = r.country(c)
            if name:
                countries[key].add(name)
    result = {}
    for label, got, want in (
        ("kinds", kinds, {k: set(o.kind) for k, o in site.orgs.items() if o.kind}),
        ("countries", countries, {k: {o.country} for k, o in site.orgs.items() if o.country}),
    ):
        m = Metric()
        for key in sorted(present & set(want)):
            right, extra = got[key] & want[key], got[key] - want[key]
            m.tp_p += len(right)
            m.fp += len(extra)
            m.false_positives += [f"{key} · {x}" for x in sorted(extra)]
            if right:
                m.tp_r += 1
            else:
                m.fn += 1
                seen = ", ".join(sorted(got[key])) or "-"
                m.false_negatives.append(f"{key} · {'/'.join(sorted(want[key]))} (graph: {seen})")
        result[label] = m
    return result


def load_registry(path: Path = REGISTRY) -> dict[str, tuple[set[str], set[str]]]:
    """Registry organisation id → (normalised preferred names, normalised aliases)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = {}
    for rid, entry in (data.get("organisations") or {}).items():
        name = entry.get("name")
        names = list(name.values()) if isinstance(name, dict) else [name]
        out[rid] = ({normalise(n) for n in names if n}, {normalise(a) for a in entry.get("aliases") or ()})
    return out


def _forbidden(site: Site, r: Reading, registry: dict) -> Metric:
    """Registry organisations in the graph that the site never names (each one is a wrong fact)."""
    present = set()
    for e in r.org_nodes:
        names = {normalise(n) for n in r.names(e)}
        mine = bool(r.org_keys[e])
        for rid, (preferred, aliases) in registry.items():
            if names & preferred or (not mine and (names & aliases or str(e).endswith("/kg/organisation/" + rid))):
                present.add(rid)
    bad = sorted(present - site.registry_named)
    return Metric(fp=len(bad), false_positives=bad)


# ---------------------------------------------------------------------------------------------- building


class BuildFailed(RuntimeError):
    pass


def build(site_dir: Path, out_dir: Path) -> subprocess.CompletedProcess:
    """``kg build SITE --out DIR`` with the ``kg`` on PATH; a failing build raises with its output."""
    kg = shutil.which("kg")
    if kg is None:
        raise BuildFailed("no `kg` command on PATH")
    proc = subprocess.run(
        [kg, "build", str(site_dir), "--out", str(out_dir)], capture_output=True, text=True, timeout=900, check=False
    )
    if proc.returncode != 0 or not (out_dir / "graph.nt").exists():
        raise BuildFailed(f"kg build {site_dir} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def score_site(site: Site, out_dir: Path, registry: dict | None = None) -> dict[str, Metric]:
    build(SITES_DIR / site.name, out_dir)
    return score(site, Graph.read(out_dir), registry)


# ---------------------------------------------------------------------------------------------- tables


def _cell(value: float, empty: bool) -> str:
    return "   -  " if empty else f"{value:6.2f}"


def table(title: str, scores: dict[str, Metric]) -> str:
    lines = [title, f"{'fact':<20} {'P':>6} {'R':>6}  {'tp(P)':>5} {'fp':>4} {'tp(R)':>5} {'fn':>4}  note"]
    for kind, m in scores.items():
        if kind == "forbidden-registry":
            blank = f"{'':>6} {'':>6}  {'':>5}"
            lines.append(f"{kind:<20} {blank} {m.fp:>4} {'':>5} {'':>4}  {', '.join(m.false_positives)}")
            continue
        note = f"{len(m.wrong_merges)} wrong merges" if kind == "merges" else ""
        lines.append(
            f"{kind:<20} {_cell(m.precision, m.tp_p + m.fp == 0)} {_cell(m.recall, m.tp_r + m.fn == 0)}"
            f"  {m.tp_p:>5} {m.fp:>4} {m.tp_r:>5} {m.fn:>4}  {note}"
        )
    return "\n".join(lines)


def misses(scores: dict[str, Metric], limit: int = 12) -> str:
    lines = []
    for kind, m in scores.items():
        if m.wrong_merges:
            lines.append(f"  {kind} WRONG MERGES: " + "; ".join(m.wrong_merges[:limit]))
        if m.false_positives:
            lines.append(f"  {kind} false: " + "; ".join(m.false_positives[:limit]))
        if m.false_negatives:
            lines.append(f"  {kind} missed: " + "; ".join(m.false_negatives[:limit]))
    return "\n".join(lines)


def overall(all_scores: Iterable[dict[str, Metric]]) -> dict[str, Metric]:
    total = {kind: Metric() for kind in KIND_ORDER}
    for scores in all_scores:
        for kind, m in scores.items():
            total[kind] += m
    return total
