"""Collaboration-network reports: who works with whom, who connects whom, how it grew.

>>> import kg, kg.report
>>> report = kg.report.build_report(kg.build("content"))      # doctest: +SKIP
>>> report.organisations.rows[0]                              # doctest: +SKIP
>>> kg.report.write_report(report, "output/report")           # doctest: +SKIP

:func:`build_report` reads the facts from the knowledge graph with SPARQL
(:mod:`kg.report.facts`), makes the networks (:mod:`kg.report.networks`) and
measures them (:mod:`kg.report.metrics`); the :class:`Report` it returns is data.
:meth:`Report.files` renders it (plots, tables, graph files, ``report.html`` and
``report.md``) and :func:`write_report` writes those files atomically.
"""

from __future__ import annotations

import contextlib
import difflib
import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import cast

import networkx as nx
import numpy as np

from kg.errors import UsageError, output_error
from kg.export.atomic import write_set
from kg.forked import Helper, can_fork
from kg.names import same_name
from kg.pipeline import BuildResult, build, fewer_collections
from kg.report import graphfiles, metrics, overtime, plots
from kg.report.facts import Facts, Project, read_facts, report_store
from kg.report.metrics import SEED, Betweenness, Communities, Year
from kg.report.networks import (
    BIPARTITE_SIDES,
    bipartite,
    ego,
    in_window,
    network,
    over_time,
    over_time_of,
    pair_projects,
    projection,
)
from kg.report.participation import Participation, View, participation
from kg.report.plots import Drawing, Plot
from kg.report.tables import Table

__all__ = ["Options", "Progress", "Report", "ReportError", "build_report", "report_of", "write_report"]

Progress = Callable[[str, int, int], None]
"""Told as each stage of making or writing a report begins: ``(what, stages done, stages in all)``;
then ``("done", n, n)``. :func:`build_report` and :func:`write_report` take one."""


class _Stages:
    """Counts the stages of one phase for a :data:`Progress` (which may be None)."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0
        self.pid = os.getpid()

    def __call__(self, what: str) -> None:
        # A forked helper writing graph files says nothing: the display (its locks, its terminal) is this process's.
        if self.progress is not None and os.getpid() == self.pid:
            self.progress(what, min(self.done, self.total), self.total)
        self.done += 1

    def end(self) -> None:
        if self.progress is not None:
            self.progress("done", self.total, self.total)

HEATMAP_ORGANISATIONS = 30
"""The organisation × theme heatmap shows the organisations with the most projects."""
HEATMAP_THEMES = 15
"""… and the themes most of their projects were about."""
THEMES_SHOWN = 10
"""Projects per year by theme: this many themes by name, the rest as "other themes"."""
NO_THEME = "no theme"
OTHER_THEMES = "other themes"


class ReportError(UsageError, ValueError):
    """Options that cannot make a report (unknown --focus, --since after --until)."""


@dataclass(frozen=True)
class Options:
    """What the report covers."""

    since: int | None = None
    until: int | None = None
    focus: str | None = None
    """An organisation's name (any spelling), slug or IRI: its ego network is added."""
    without_site_org: bool = False
    """Measure the network without the site's own organisation (both are always written)."""
    lang: str = "en"
    """Names in this language where the graph has one."""
    seed: int = SEED


@dataclass
class Report:
    """A collaboration-network report: the networks, their measures, and the site they describe."""

    title: str
    site_url: str
    options: Options
    facts: Facts
    projects: list[Project]
    """The projects in the --since/--until window."""
    with_site_org: nx.Graph
    without_site_org: nx.Graph
    communities_with: Communities
    communities_without: Communities
    bipartites: dict[str, nx.Graph]
    projections: dict[str, nx.Graph]
    years: list[Year]
    focus: str | None = None
    """The IRI of the --focus organisation."""
    ego: nx.Graph | None = None
    betweenness_with: Betweenness | None = None
    betweenness_without: Betweenness | None = None
    """How betweenness was found in each network (exactly, or estimated from a sample)."""
    participation: Participation | None = field(default=None, repr=False)
    """The rows the networks were made from (made again from the projects when None)."""
    _files: dict[str, str | bytes] | None = field(default=None, repr=False)
    _views: dict[bool, View] = field(default_factory=dict, repr=False)
    _igraphs: dict[bool, metrics.Made] = field(default_factory=dict, repr=False)
    _write_costs: dict[str, int] = field(default_factory=dict, repr=False)

    # -- the measured network --------------------------------------------------------------------
    @property
    def network(self) -> nx.Graph:
        """The network the tables measure: with the site's organisation unless --without-site-org."""
        return self.without_site_org if self.options.without_site_org else self.with_site_org

    @property
    def communities(self) -> Communities:
        return self.communities_without if self.options.without_site_org else self.communities_with

    @property
    def betweenness(self) -> Betweenness | None:
        """How the measured network's betweenness was found."""
        return self.betweenness_without if self.options.without_site_org else self.betweenness_with

    def view(self, site_org: bool) -> View:
        """The participation rows with or without the site's organisation."""
        if self.participation is None:
            self.participation = participation(self.facts, self.projects)
        if site_org not in self._views:
            self._views[site_org] = self.participation.view(site_org)
        return self._views[site_org]

    def made(self, site_org: bool) -> metrics.Made:
        """The network with or without the site's organisation, as igraph holds it (made once)."""
        if site_org not in self._igraphs:
            self._igraphs[site_org] = metrics.as_igraph(self.with_site_org if site_org else self.without_site_org)
        return self._igraphs[site_org]

    @cached_property
    def brokers(self) -> list[str]:
        """Organisations on the most shortest paths between others (betweenness > 0),
        in the network without the site's organisation, which otherwise lies on all of them."""
        graph = self.without_site_org
        ranked = sorted((-d["betweenness"], n) for n, d in graph.nodes(data=True) if d["betweenness"] > 0)
        return [n for _b, n in ranked]

    @cached_property
    def bridges(self) -> list[tuple[str, str]]:
        """Pairs that are the only link between two groups (without the site's organisation)."""
        return metrics.bridges(self.without_site_org, made=self.made(False))

    @cached_property
    def cut_points(self) -> list[str]:
        return metrics.cut_points(self.without_site_org, made=self.made(False))

    @cached_property
    def lasting(self) -> list[tuple[str, str]]:
        return metrics.lasting(self.network)

    def name(self, iri: str) -> str:
        return self.facts.name(iri)

    @cached_property
    def shared(self) -> dict[tuple[str, str], str]:
        """Each pair of the measured network (IRIs sorted) → the names of its shared projects,
        ``; ``-separated: in the pairs and lasting tables, not in the graph files."""
        names = [self.name(p.iri) for p in self.projects]
        rank = np.argsort(np.argsort(np.array(names, dtype=object), kind="stable"), kind="stable")
        found = pair_projects(self.view(not self.options.without_site_org), rank)
        return {pair: "; ".join([names[p] for p in shared]) for pair, shared in found.items()}

    @cached_property
    def undated(self) -> list[Project]:
        """Projects of the graph without any year. With no --since/--until they are in the
        networks (in no yearly snapshot); a window cannot place them, so it leaves them out."""
        last = self.facts.last_year
        return [p for p in self.facts.projects.values() if not p.years(last)]

    @property
    def windowed(self) -> bool:
        return self.options.since is not None or self.options.until is not None

    @property
    def undated_note(self) -> str:
        """What became of the projects without a year, in words."""
        n = len(self.undated)
        if not n:
            return "none"
        if self.windowed:
            return f"{n} (left out: --since/--until cannot place them)"
        return f"{n} (in the networks, in no year)"

    @property
    def window(self) -> str:
        """The years the report covers, in words."""
        return _window(self.options.since, self.options.until)

    # -- tables ----------------------------------------------------------------------------------
    @cached_property
    def organisations(self) -> Table:
        graph, other = self.network, self.without_site_org
        rows = []
        for node, d in graph.nodes(data=True):
            rows.append((
                d["label"], d["kind"], d["roles"], d["projects"], d["degree"], d["weighted_degree"],
                d["betweenness"], other.nodes[node]["betweenness"] if node in other else None,
                d["pagerank"], d["community"], d.get("first_year"), d.get("last_year"), node,
            ))
        rows.sort(key=lambda r: (-r[3], -r[5], r[0], r[-1]))
        return Table(
            "organisations", "Organisations",
            "Every organisation in the network: its projects, how many partners it has (degree) and "
            "how many shared projects (weighted degree), how often it lies between others (betweenness; "
            "also without the site's organisation), its PageRank, community, and first and last year.",
            ("organisation", "kind", "roles", "projects", "degree", "weighted_degree", "betweenness",
             "betweenness_without_site_org", "pagerank", "community", "first_year", "last_year", "iri"),
            tuple(rows),
            shown=("organisation", "kind", "projects", "degree", "weighted_degree", "betweenness",
                   "betweenness_without_site_org", "pagerank", "community", "first_year", "last_year"),
        )

    @cached_property
    def pairs(self) -> Table:
        graph = self.network
        bridges = set(self.bridges)
        shared = self.shared
        label = {n: d["label"] for n, d in graph.nodes(data=True)}
        rows = []
        for a, b, d in graph.edges(data=True):
            if (label[b], b) < (label[a], a):
                a, b = b, a
            pair = (a, b) if a < b else (b, a)
            rows.append((label[a], label[b], d["weight"], d.get("years", ""), d.get("first_year"),
                         d.get("last_year"), pair in bridges, shared[pair], a, b))
        rows.sort(key=lambda r: (-r[2], r[0], r[1], r[-2], r[-1]))
        return Table(
            "pairs", "Pairs of organisations",
            "Every pair that took part in a project together: shared projects, the years they ran, "
            "and whether the pair is a bridge (the only link between two groups once the site's "
            "organisation is set aside).",
            ("organisation_a", "organisation_b", "shared_projects", "years", "first_year", "last_year",
             "bridge", "projects", "iri_a", "iri_b"),
            tuple(rows),
            shown=("organisation_a", "organisation_b", "shared_projects", "years", "bridge", "projects"),
        )

    @cached_property
    def community_table(self) -> Table:
        graph, found = self.network, self.communities
        number = found.number_of()
        total = 0
        inside: Counter[int] = Counter()
        for a, b, weight in graph.edges(data="weight", default=1):
            total += weight
            if number[a] == number[b]:
                inside[number[a]] += weight
        degrees: Counter[int] = Counter()
        for node, degree in graph.degree(weight="weight"):
            degrees[number[node]] += degree
        rows = []
        for number_, members in enumerate(found.members, 1):
            share = inside[number_] / total - (degrees[number_] / (2 * total)) ** 2 if total else None
            labels = sorted(graph.nodes[m]["label"] for m in members)
            rows.append((number_, len(members), share, found.modularity, "; ".join(labels)))
        return Table(
            "communities", "Communities",
            f"Louvain communities (weighted, seed {self.options.seed}). Modularity "
            f"{_number(found.modularity)}: each community's share of it is in the column "
            "modularity_contribution; the shares add up to the modularity.",
            ("community", "size", "modularity_contribution", "modularity", "members"),
            tuple(rows),
        )

    @cached_property
    def year_table(self) -> Table:
        rows = tuple(
            (y.year, y.projects, y.organisations, y.pairs, y.cumulative_projects, y.cumulative_organisations,
             y.cumulative_pairs, len(y.new_organisations), y.new_pairs, y.components, y.largest_component,
             y.density, "; ".join(sorted(self.name(o) for o in y.new_organisations)))
            for y in self.years
        )
        return Table(
            "years", "Year by year",
            "Each year: the projects running then and their network, the cumulative network up to "
            "that year, the organisations and pairs new that year, and the cumulative network's "
            "components and density.",
            ("year", "projects", "organisations", "pairs", "cumulative_projects", "cumulative_organisations",
             "cumulative_pairs", "new_organisations", "new_pairs", "components", "largest_component",
             "density", "newcomers"),
            rows,
        )

    @cached_property
    def lasting_table(self) -> Table:
        graph = self.network
        rows = []
        for a, b in self.lasting:
            d = graph.edges[a, b]
            span = d["last_year"] - d["first_year"] + 1 if "first_year" in d else None
            rows.append((self.name(a), self.name(b), d["weight"], span, d.get("years", ""), self.shared[a, b], a, b))
        return Table(
            "lasting", "Lasting partnerships",
            "Pairs that worked together on two projects or more, longest-running first.",
            ("organisation_a", "organisation_b", "shared_projects", "span_years", "years", "projects",
             "iri_a", "iri_b"),
            tuple(rows),
            shown=("organisation_a", "organisation_b", "shared_projects", "span_years", "years", "projects"),
        )

    @cached_property
    def theme_years(self) -> dict[str, dict[int, int]]:
        """Theme name → year → projects running that year about it (the top themes, then the rest)."""
        last = self.facts.last_year
        totals: Counter[str] = Counter()
        for project in self.projects:
            for theme in project.themes:
                totals[theme] += 1
        top = [t for t, _n in sorted(totals.items(), key=lambda kv: (-kv[1], self.name(kv[0]), kv[0]))]
        shown = top if len(top) <= THEMES_SHOWN + 1 else top[:THEMES_SHOWN]
        counts: dict[str, dict[int, int]] = {self.name(t): {} for t in shown}
        lo, hi = self.options.since, self.options.until
        for project in self.projects:
            series = {self.name(t) if t in shown else OTHER_THEMES for t in project.themes} or {NO_THEME}
            for year in project.years(last):
                if (lo is None or year >= lo) and (hi is None or year <= hi):
                    for name in series:
                        counts.setdefault(name, {})
                        counts[name][year] = counts[name].get(year, 0) + 1
        return {k: dict(sorted(v.items())) for k, v in counts.items() if v}

    @cached_property
    def theme_year_table(self) -> Table:
        rows = tuple(sorted((year, theme, n) for theme, by_year in self.theme_years.items()
                            for year, n in by_year.items()))
        return Table("themes-by-year", "Projects per year by theme",
                     "How many projects running each year were about each theme.",
                     ("year", "theme", "projects"), rows)

    @cached_property
    def organisation_themes(self) -> Table:
        counts: Counter[tuple[str, str]] = Counter()
        for project in self.projects:
            for org in project.roles:
                if org in self.network:
                    for theme in project.themes:
                        counts[org, theme] += 1
        rows = tuple(sorted(((self.name(o), self.name(t), n, o, t) for (o, t), n in counts.items()),
                            key=lambda r: (r[0], r[1], r[3], r[4])))
        return Table("organisation-themes", "Organisations and themes",
                     "How many of each organisation's projects were about each theme.",
                     ("organisation", "theme", "projects", "organisation_iri", "theme_iri"), rows,
                     shown=("organisation", "theme", "projects"))

    @cached_property
    def ego_table(self) -> Table | None:
        if self.ego is None or self.focus is None:
            return None
        graph = self.ego
        rows = []
        for node, d in graph.nodes(data=True):
            shared = graph.edges[self.focus, node]["weight"] if graph.has_edge(self.focus, node) else 0
            rows.append((d["label"], d["distance"], shared, d["projects"], d["kind"], node))
        rows.sort(key=lambda r: (r[1], -r[2], r[0], r[-1]))
        return Table("ego", f"Ego network of {self.name(self.focus)}",
                     "The focus organisation (distance 0), its partners (1) and its partners' partners (2), "
                     "with the projects each shared with the focus.",
                     ("organisation", "distance", "shared_projects_with_focus", "projects", "kind", "iri"),
                     tuple(rows), shown=("organisation", "distance", "shared_projects_with_focus", "projects",
                                         "kind"))

    def tables(self) -> list[Table]:
        tables = [self.organisations, self.pairs, self.community_table, self.year_table, self.lasting_table,
                  self.theme_year_table, self.organisation_themes]
        return tables + ([self.ego_table] if self.ego_table is not None else [])

    # -- summary ---------------------------------------------------------------------------------
    def summary(self) -> list[tuple[str, str]]:
        """The headline numbers, as (what, value) pairs."""
        w, wo = self.with_site_org, self.without_site_org
        site = self.name(self.facts.site_org) if self.facts.site_org else "none (the site names no publisher)"
        last = self.facts.last_year  # once: it looks at every project
        dated = sorted({y for p in self.projects for y in p.years(last)})
        return [
            ("projects", str(len(self.projects))),
            ("projects without a year", self.undated_note),
            ("years", f"{dated[0]}–{dated[-1]}" if dated else "none"),
            ("window", self.window),
            ("site's organisation", site),
            ("organisations", str(w.number_of_nodes())),
            ("collaborating pairs (with the site's organisation)", str(w.number_of_edges())),
            ("collaborating pairs (without it)", str(wo.number_of_edges())),
            ("components without the site's organisation", str(metrics.component_count(wo, made=self.made(False)))),
            ("communities (measured network)", str(len(self.communities.members))),
            ("modularity (measured network)", _number(self.communities.modularity)),
            ("measured network", "without the site's organisation" if self.options.without_site_org
             else "with the site's organisation"),
        ] + ([("betweenness estimated", self.betweenness_note)] if self.betweenness_note else [])

    @property
    def betweenness_note(self) -> str | None:
        """Which networks' betweenness was estimated, and from how many organisations, in words; None when
        both are exact."""
        parts = [f"{label}, from the shortest paths of {found.sources:,} of the {found.nodes:,} organisations"
                 for label, found in (("with the site's organisation", self.betweenness_with),
                                      ("without it", self.betweenness_without))
                 if found is not None and found.estimated]
        return "; ".join(parts) + f" (drawn at random, seed {self.options.seed})" if parts else None

    # -- plots and files -------------------------------------------------------------------------
    @cached_property
    def plots(self) -> list[Plot]:
        """Every figure of the report (rendered once)."""
        return [make() for _name, make in self._plot_makers()]

    def _plot_makers(self) -> list[tuple[str, Callable[[], Plot]]]:
        """Each figure's name and how to draw it."""
        site = self.name(self.facts.site_org) if self.facts.site_org else "the site's organisation"

        def drawn() -> Drawing:
            return self.drawing

        other = "network-" + ("with" if self.options.without_site_org else "without") + "-site-org"
        makers: list[tuple[str, Callable[[], Plot]]] = [
            ("network", lambda: plots.network(
                self.network, "network", "Collaboration network",
                "Organisations linked when they took part in the same project; node size by "
                "number of partners, colour by community, line width by shared projects.",
                highlight=self.focus, drawn=drawn())),
            ("network-by-kind", lambda: plots.network(
                self.network, "network-by-kind", "Collaboration network by kind of organisation",
                "The same network coloured by kind of organisation.", colour_by="kind",
                highlight=self.focus, drawn=drawn())),
            (other, lambda: plots.network(
                self.other_network, other,
                "Collaboration network " + ("with " if self.options.without_site_org else "without ") + site,
                f"The network {'with' if self.options.without_site_org else 'without'} {site}, "
                "coloured by its own communities.", highlight=self.focus)),
            ("projects-per-year", lambda: plots.stacked_years(
                self.theme_years, "projects-per-year", "Projects per year by theme",
                "Projects running each year, by theme (a project about two themes counts in both).")),
            ("organisation-themes", self._heatmap),
            ("growth", lambda: plots.growth(
                [y.year for y in self.years], [y.cumulative_organisations for y in self.years],
                [y.cumulative_pairs for y in self.years], [len(y.new_organisations) for y in self.years],
                "growth", "Growth of the network",
                "Organisations and collaborating pairs so far, and organisations new each year.")),
        ]
        if self.ego is not None and self.focus is not None:
            ego_graph, focus = self.ego, self.focus
            makers.append(("ego", lambda: plots.network(
                ego_graph, "ego", f"Ego network of {self.name(focus)}",
                "The focus organisation, its partners and its partners' partners, "
                "coloured by distance from it.", colour_by="distance", highlight=focus)))
        return makers

    @cached_property
    def drawing(self) -> Drawing:
        """What the two plots of the measured network draw, and where (laid out once, drawn twice)."""
        return plots.drawing(self.network, self.focus)

    @property
    def other_network(self) -> nx.Graph:
        return self.with_site_org if self.options.without_site_org else self.without_site_org

    def _heatmap(self) -> Plot:
        table = self.organisation_themes
        per_org: dict[str, dict[str, int]] = defaultdict(dict)
        for _on, _tn, n, org, theme in table.rows:
            per_org[str(org)][str(theme)] = cast(int, n)
        graph = self.network
        orgs = sorted(per_org, key=lambda o: (-graph.nodes[o]["projects"], graph.nodes[o]["label"], o))
        orgs = orgs[:HEATMAP_ORGANISATIONS]
        totals: Counter[str] = Counter()
        for org in orgs:
            totals.update(per_org[org])
        top = sorted(totals, key=lambda t: (-totals[t], self.name(t), t))[:HEATMAP_THEMES]
        themes = sorted(top, key=lambda t: (self.name(t), t))
        values = [[per_org[o].get(t, 0) for t in themes] for o in orgs]
        return plots.heatmap([graph.nodes[o]["label"] for o in orgs], [self.name(t) for t in themes], values,
                             "organisation-themes", "Organisations × themes",
                             f"Projects per organisation and theme (at most the {HEATMAP_ORGANISATIONS} "
                             f"organisations with the most projects and their {HEATMAP_THEMES} commonest themes; "
                             "every pair is in tables/organisation-themes.csv).")

    @cached_property
    def over_time(self) -> nx.Graph:
        """The measured network with the years its organisations and pairs were active
        (``networks/network-over-time.gexf``, for Gephi's timeline)."""
        if not self.years:
            return over_time(self.network, {}, {}, 0, -1)
        return over_time_of(self.network, self.view(not self.options.without_site_org), self.years[0].year,
                            self.years[-1].year)

    @property
    def id_prefix(self) -> str:
        """What the graph files take off the start of node ids: where the site's instances live."""
        return self.site_url.rstrip("/") + "/kg/"

    def networks(self) -> dict[str, nx.Graph]:
        """Every network written as a graph file, by file stem."""
        result = {"network-with-site-org": self.with_site_org, "network-without-site-org": self.without_site_org}
        for side, graph in self.bipartites.items():
            result[f"bipartite-organisation-{side}"] = graph
        result.update(self.projections)
        if self.ego is not None:
            result["ego"] = self.ego
        return result

    def files(self) -> dict[str, str | bytes]:
        """Every file of the report folder: relative path → content."""
        if self._files is None:
            self._files = {rel: content if isinstance(content, str | bytes) else "".join(content)
                           for rel, content in sorted(self.contents().items())}
        return self._files

    def contents(self, progress: Progress | None = None) -> dict[str, str | bytes | Iterable[str]]:
        """Every file of the report folder: relative path → content, the graph files as pieces of text made
        while they are read (so that writing them holds one piece at a time, not every file at once).

        Plots, tables and pages first, then the graph files; ``progress`` is told of each plot and each
        graph file as it is made."""
        return self._contents(_Stages(progress, self._stage_count()))

    def _stage_count(self) -> int:
        """The stages of :meth:`contents`."""
        plotted = 0 if "plots" in self.__dict__ else len(self._plot_makers())
        return plotted + 2 + 3 * len(self.networks()) + 1

    def _contents(self, stage: _Stages) -> dict[str, str | bytes | Iterable[str]]:
        from kg.report import html, markdown  # rendering only when asked for

        networks = self.networks()
        makers = self._plot_makers() if "plots" not in self.__dict__ else []
        graph_files: dict[str, Iterable[str]] = {}
        for stem, graph in networks.items():
            graph_files.update(graphfiles.graph_pieces(stem, graph, self.id_prefix))
        graph_files["networks/network-over-time.gexf"] = self._over_time_pieces()
        graph_files = {rel: _announced(pieces, stage, rel) for rel, pieces in sorted(graph_files.items())}
        # What writing each network's files costs, roughly (for sharing them between two writers).
        sizes = {stem: graph.number_of_nodes() + graph.number_of_edges() for stem, graph in networks.items()}
        costs = {f"networks/{stem}.{ext}": size for stem, size in sizes.items() for ext in ("graphml", "gexf", "json")}
        costs["networks/network-over-time.gexf"] = 2 * (self.network.number_of_nodes()
                                                        + self.network.number_of_edges())
        # The plots (matplotlib: seconds, whatever the site's size) are drawn by this process and a forked
        # helper side by side, after the tables here; while the helper draws its last ones, this process
        # makes graph files ready to write (at most PRERENDERED characters of them).
        with _Plotting(makers, HELPERS and can_fork() and len(makers) > 1) as plotting:
            stage("tables")
            tables = {table.path: table.csv_text() for table in self.tables()}
            plotting.draw_here(stage)
            ready = [rel for rels in _prerender_order(costs) for rel in rels]
            rendered = 0
            while plotting.pending():
                if ready and rendered < PRERENDERED and not plotting.ready():
                    rel = ready.pop(0)
                    pieces = graph_files[rel] = list(graph_files[rel])  # (pieces: written without a copy of all)
                    rendered += sum(map(len, pieces))
                    costs[rel] = 0
                else:
                    plotting.receive(stage)
            if makers:
                self.__dict__["plots"] = [plotting.drawn[name] for name, _make in makers]
        files: dict[str, str | bytes | Iterable[str]] = {}
        for plot in self.plots:
            files[f"plots/{plot.name}.png"] = plot.png
            files[f"plots/{plot.name}.svg"] = plot.svg
        files.update(tables)
        names = sorted([*files, *graph_files, "report.html", "report.md"])
        stage("report.html and report.md")
        files["report.html"] = html.render(self, names)
        files["report.md"] = markdown.render(self, names)
        files.update(graph_files)
        self._write_costs = costs
        return files

    def _over_time_pieces(self) -> Iterator[str]:
        """``networks/network-over-time.gexf``: written from the rows (:mod:`kg.report.overtime`), else from the
        network over time, made only when the file is written."""
        if self.years and "over_time" not in self.__dict__:
            pieces = overtime.over_time_pieces(self.network, self.view(not self.options.without_site_org),
                                               self.years[0].year, self.years[-1].year, self.id_prefix)
            if pieces is not None:
                yield from pieces
                return
        yield from graphfiles.gexf_pieces(graphfiles._Network(self.over_time, self.id_prefix))


def build_report(result_or_site: BuildResult | str | Path, options: Options | None = None, *,
                 progress: Progress | None = None, **kwargs) -> Report:
    """The report of a build (or of the site at a path, built first).

    ``kwargs`` are :class:`Options` fields (``since``, ``until``, ``focus``,
    ``without_site_org``, ``lang``, ``seed``). Raises :class:`ReportError` for
    options that make no report. ``progress`` is told of each stage (:data:`Progress`).
    """
    options = options or Options(**kwargs)
    _check(options)
    result = result_or_site if isinstance(result_or_site, BuildResult) else build(result_or_site)
    stage = _Stages(progress, len(STAGES) + 1)
    stage("reading the facts from the graph")
    with fewer_collections():  # (else the collector walks the graph's rows again and again: a second at 100k)
        facts = read_facts(report_store(result.graph), lang=options.lang)
    config = result.site.config
    return report_of(facts, config.title or config.name or config.base, config.base, options, _stages=stage)


STAGES = ("making the networks", "measuring betweenness and PageRank", "finding communities",
          "making the bipartite networks and projections", "following the years")
"""The stages of :func:`report_of`, in order."""


def _check(options: Options) -> None:
    if options.since is not None and options.until is not None and options.since > options.until:
        raise ReportError(f"--since {options.since} is after --until {options.until}")


def report_of(facts: Facts, title: str, site_url: str, options: Options | None = None, *,
              progress: Progress | None = None, _stages: _Stages | None = None) -> Report:
    """The report of ``facts`` (as :func:`kg.report.facts.read_facts` reads them from a graph) about the site
    ``title`` at ``site_url``."""
    options = options or Options()
    _check(options)
    with fewer_collections():  # millions of small objects that live as long as the report
        return _report_of(facts, title, site_url, options, _stages or _Stages(progress, len(STAGES)))


def _report_of(facts: Facts, title: str, site_url: str, options: Options, stage: _Stages) -> Report:
    projects = in_window(facts, options.since, options.until)

    stage(STAGES[0])
    part = participation(facts, projects)
    views = {True: part.view(True), False: part.view(False)}
    with_site = network(views[True], facts)
    without_site = network(views[False], facts)
    made = {site_org: metrics.igraph_of(view) for site_org, view in views.items()}
    stage(STAGES[1])
    between_with = metrics.betweenness(with_site, options.seed, made=made[True])
    between_without = metrics.betweenness(without_site, options.seed, made=made[False])
    _centralities(with_site, between_with, made[True])
    _centralities(without_site, between_without, made[False])
    stage(STAGES[2])
    found_with = _communities(with_site, options.seed, made[True])
    found_without = _communities(without_site, options.seed, made[False])

    measured_site_org = not options.without_site_org
    stage(STAGES[3])
    bipartites = {side: bipartite(facts, projects, side, site_org=measured_site_org) for side in BIPARTITE_SIDES}
    # Projects by shared organisations: the site's organisation is in every project and would link
    # every pair, so it is not counted. (The projection on organisations is the co-participation network.)
    projections = {"projects-by-shared-organisations": projection(
        bipartites["project"], 1, leave_out={facts.site_org} if facts.site_org else set())}
    for side in ("platform", "theme"):
        projections[f"organisations-by-shared-{side}"] = projection(bipartites[side], 0)
        projections[f"{side}s-by-shared-organisations"] = projection(bipartites[side], 1)

    stage(STAGES[4])
    years = metrics.yearly_of(views[measured_site_org], since=options.since, until=options.until)
    report = Report(
        title=title,
        site_url=site_url,
        options=options,
        facts=facts,
        projects=projects,
        with_site_org=with_site,
        without_site_org=without_site,
        communities_with=found_with,
        communities_without=found_without,
        bipartites=bipartites,
        projections=projections,
        years=years,
        betweenness_with=between_with,
        betweenness_without=between_without,
        participation=part,
    )
    report._views.update(views)
    report._igraphs.update(made)
    if options.focus is not None:
        focus = _find_organisation(facts, options.focus)
        use_site = focus == facts.site_org
        graph = with_site if use_site else without_site
        if focus not in graph:
            raise ReportError(f"--focus {options.focus!r}: {facts.name(focus)} took part in no project"
                              f" {_window(options.since, options.until)}")
        report.focus = focus
        report.ego = ego(graph, focus)
    stage.end()
    return report


def write_report(report: Report, out: str | Path, *, progress: Progress | None = None) -> dict[str, Path]:
    """Write every file of ``report`` under ``out``, switched in at once (:func:`kg.export.atomic.write_set`);
    returns path → written file. Raises :class:`kg.errors.OutputError` when ``out`` cannot be written.
    ``progress`` is told of each plot and graph file as it is made (:data:`Progress`)."""
    out = Path(out)
    with fewer_collections():
        if report._files is not None:
            contents: dict[str, str | bytes | Iterable[str]] = dict(report._files)
            stage = _Stages(progress, 0)
        else:
            stage = _Stages(progress, report._stage_count())
            contents = report._contents(stage)
        try:
            write_set(out, contents, beside=_beside(report._write_costs) if HELPERS and can_fork() else ())
        except OSError as exc:
            raise output_error(exc, out) from exc
    stage.end()
    return {rel: out / rel for rel in sorted(contents)}


HELPERS = True
"""Whether writing a report forks helpers: one draws plots while this process makes the tables and draws
the others (each takes the next plot from one queue; this one then makes graph files ready until the
helper is done), one writes about half of the graph files while this process writes the rest (where
``fork`` exists). Benchmarks turn them off to time each stage on its own."""


def _beside(costs: dict[str, int]) -> set[str]:
    """The graph files a helper writes while this process writes the others: whole networks (their three
    files), the costliest first, each to the writer with less to do."""
    networks: dict[str, int] = defaultdict(int)
    for rel, cost in costs.items():
        networks[rel.rsplit(".", 1)[0]] += cost
    here = there = 0
    helper: set[str] = set()
    for stem, cost in sorted(networks.items(), key=lambda kv: (-kv[1], kv[0])):
        if there < here:
            there += cost
            helper.update(rel for rel in costs if rel.rsplit(".", 1)[0] == stem)
        else:
            here += cost
    return helper


PLOT_COSTS = {"network": 3, "network-by-kind": 3, "network-with-site-org": 4, "network-without-site-org": 4,
              "projects-per-year": 2, "organisation-themes": 3, "growth": 1, "ego": 3}
"""How long each plot takes to draw, roughly, relative to the others (matplotlib's text layout, mostly)."""
LAID_OUT_TOGETHER = ("network", "network-by-kind")
"""Plots drawn by one process, one after the other: they share the measured network's layout."""
PRERENDERED = 192 << 20
"""How much of the graph files (characters) this process may make ready while the plots are drawn."""


def _plot_tasks(makers: list[tuple[str, Callable[[], Plot]]]) -> list[list[tuple[str, Callable[[], Plot]]]]:
    """The plots in tasks, the costliest first: each alone, but the two that share a layout together."""
    together = [m for m in makers if m[0] in LAID_OUT_TOGETHER]
    tasks = ([together] if together else []) + [[m] for m in makers if m[0] not in LAID_OUT_TOGETHER]
    return sorted(tasks, key=lambda task: (-sum(PLOT_COSTS.get(name, 2) for name, _m in task), task[0][0]))


def _prerender_order(costs: dict[str, int]) -> list[list[str]]:
    """The graph files by network (its files together: they read one list of its nodes and edges), the
    costliest first."""
    networks: dict[str, list[str]] = defaultdict(list)
    for rel in costs:
        networks[rel.rsplit(".", 1)[0]].append(rel)
    return [sorted(rels) for _stem, rels in sorted(networks.items(), key=lambda kv: (-sum(costs[r] for r in kv[1]),
                                                                                       kv[0]))]


class _Plotting:
    """The plots drawn by this process and, when ``helped``, by a forked helper at the same time: each takes
    the next task (:func:`_plot_tasks`) until none is left, through a counter both share. Without a helper,
    this process draws them in order."""

    def __init__(self, makers: list[tuple[str, Callable[[], Plot]]], helped: bool) -> None:
        self.tasks = _plot_tasks(makers)
        self.expected = [name for name, _make in makers]
        self.drawn: dict[str, Plot] = {}
        self.helper: Helper | None = None
        self.taken = None
        if helped:
            with contextlib.suppress(OSError):  # no shared memory (a sandbox): no helper
                self.taken = multiprocessing.Value("i", 0)
        if self.taken is None:  # drawn here, in order
            self.tasks = [[m] for m in makers]
        else:

            def work(send: Callable[[object], None]) -> None:
                for task in iter(self._take, None):
                    for name, make in task:
                        send((name, make()))

            self.helper = Helper(work, "drawing the report's plots")

    def _take(self) -> list[tuple[str, Callable[[], Plot]]] | None:
        if self.taken is None:
            return self.tasks.pop(0) if self.tasks else None
        with self.taken.get_lock():
            number = self.taken.value
            self.taken.value += 1
        return self.tasks[number] if number < len(self.tasks) else None

    def draw_here(self, stage: _Stages) -> None:
        """Draw tasks in this process until none is left to take."""
        for task in iter(self._take, None):
            for name, make in task:
                stage(f"plot {name}")
                self.drawn[name] = make()

    def pending(self) -> bool:
        """Whether the helper has plots still to send."""
        return len(self.drawn) < len(self.expected)

    def ready(self) -> bool:
        return self.helper is not None and self.helper.ready()

    def receive(self, stage: _Stages) -> None:
        """The helper's next plot (waited for)."""
        assert self.helper is not None
        name, plot = cast(tuple[str, Plot], self.helper.receive())
        stage(f"plot {name}")
        self.drawn[name] = plot

    def __enter__(self) -> _Plotting:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.helper is not None:
            self.helper.stop()


def _announced(pieces: Iterable[str], stage: _Stages, what: str) -> Iterator[str]:
    """``pieces``, telling ``stage`` when the first is asked for."""
    stage(f"writing {what}")
    yield from pieces


def _centralities(graph: nx.Graph, found: Betweenness, made: metrics.Made) -> None:
    """Put each node's centralities into its attributes."""
    for node, values in metrics.centralities(graph, found=found, made=made).items():
        graph.nodes[node].update(values)


def _communities(graph: nx.Graph, seed: int, made: metrics.Made) -> Communities:
    """Put each node's community into its attributes; return the communities."""
    found = metrics.communities(graph, seed, made=made)
    number = found.number_of()
    for node in graph:
        graph.nodes[node]["community"] = number[node]
    return found


def _find_organisation(facts: Facts, wanted: str) -> str:
    """The organisation ``wanted`` names: its IRI, the last segment of it (its id), or any of its names, ids and
    names compared by kg's one rule for the same name (:func:`kg.names.same_name`)."""
    orgs = facts.organisations
    matches = [o for o in orgs if wanted == o] or [o for o in orgs
                                                   if same_name(o.rstrip("/").rsplit("/", 1)[-1], wanted)]
    if not matches:
        matches = [o for o in orgs
                   if any(same_name(n, wanted) for n in (facts.name(o), *facts.aliases.get(o, ())))]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ReportError(f"--focus {wanted!r} names {len(matches)} organisations: {', '.join(matches)}; "
                          "give the IRI")
    names = sorted({facts.name(o) for o in orgs})
    close = difflib.get_close_matches(wanted, names, n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    raise ReportError(f"--focus {wanted!r}: no organisation in the graph's projects has that name{hint}")


def _window(since: int | None, until: int | None) -> str:
    if since is None and until is None:
        return "all years"
    if since is None:
        return f"up to {until}"
    if until is None:
        return f"from {since}"
    return f"{since}–{until}"


def _number(value: float | None) -> str:
    return "undefined (no pairs)" if value is None else f"{value:.3f}"

