"""Measures of a network: centralities, communities, bridges, and change over the years.

Betweenness counts shortest paths by hops (not by weight) and is normalised as
networkx does for undirected graphs (divided by (n-1)(n-2)/2). PageRank uses the
edge weights. Communities are Louvain's with a fixed seed over nodes added in
sorted order, so the same graph always gives the same communities, numbered from
1 by size (largest first; ties by their first member's IRI).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx

from kg.report.facts import Facts, Project

SEED = 42
"""The seed of community detection: fixed, so a report is reproducible."""


@dataclass(frozen=True)
class Communities:
    """A partition of a network's nodes and how good it is."""

    members: tuple[tuple[str, ...], ...]
    """Community 1, 2 … as sorted node lists; largest first."""
    modularity: float | None
    """Newman's weighted modularity; None for a network without edges (undefined)."""

    def number_of(self) -> dict[str, int]:
        return {node: i for i, nodes in enumerate(self.members, 1) for node in nodes}


def communities(graph: nx.Graph, seed: int = SEED) -> Communities:
    """Louvain communities of ``graph`` (weighted) with their modularity."""
    if graph.number_of_nodes() == 0:
        return Communities((), None)
    if graph.number_of_edges() == 0:
        return Communities(tuple((n,) for n in sorted(graph.nodes)), None)
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    members = tuple(sorted((tuple(sorted(c)) for c in found), key=lambda c: (-len(c), c[0])))
    modularity = nx.community.modularity(graph, [set(c) for c in members], weight="weight")
    return Communities(members, modularity)


def centralities(graph: nx.Graph) -> dict[str, dict[str, float]]:
    """Per node: degree, weighted degree, betweenness and PageRank."""
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    pagerank = nx.pagerank(graph, weight="weight") if graph.number_of_edges() else {
        n: 1 / graph.number_of_nodes() for n in graph.nodes
    }
    return {
        node: {
            "degree": graph.degree(node),
            "weighted_degree": graph.degree(node, weight="weight"),
            "betweenness": betweenness[node],
            "pagerank": pagerank[node],
        }
        for node in sorted(graph.nodes)
    }


def bridges(graph: nx.Graph) -> list[tuple[str, str]]:
    """Edges whose removal splits a component: the only link between two groups."""
    return sorted((min(a, b), max(a, b)) for a, b in nx.bridges(graph))


def cut_points(graph: nx.Graph) -> list[str]:
    """Organisations whose removal splits a component (articulation points)."""
    return sorted(nx.articulation_points(graph))


def components(graph: nx.Graph) -> list[list[str]]:
    """Connected components, largest first."""
    return sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))


@dataclass(frozen=True)
class Year:
    """The network in one year: the projects running then, and all up to then."""

    year: int
    projects: int
    organisations: int
    pairs: int
    cumulative_projects: int
    cumulative_organisations: int
    cumulative_pairs: int
    new_organisations: tuple[str, ...]
    new_pairs: int
    components: int
    largest_component: int
    density: float


@dataclass(frozen=True)
class Timeline:
    """When each organisation and pair was active, from one pass over the projects.

    ``*_years`` map to Counter(year → projects running that year); ``*_first`` is the
    start year of the earliest of their projects (when they joined the cumulative
    network). Projects without a year are in none of them.
    """

    node_years: dict[str, Counter[int]]
    pair_years: dict[tuple[str, str], Counter[int]]
    node_first: dict[str, int]
    pair_first: dict[tuple[str, str], int]
    project_first: tuple[int, ...]
    """The start year of every dated project, sorted."""
    project_years: Counter[int]
    """Year → projects running that year."""


def timeline(facts: Facts, projects: list[Project], *, site_org: bool) -> Timeline:
    """Who was active when, for the yearly snapshots and the dynamic graph file."""
    last = facts.last_year
    node_years: dict[str, Counter[int]] = defaultdict(Counter)
    pair_years: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    node_first: dict[str, int] = {}
    pair_first: dict[tuple[str, str], int] = {}
    starts = []
    running: Counter[int] = Counter()
    for project in projects:
        span = project.years(last)
        if not span:
            continue
        starts.append(span[0])
        running.update(span)
        orgs = sorted(o for o in project.roles if site_org or o != facts.site_org)
        for i, a in enumerate(orgs):
            node_years[a].update(span)
            node_first[a] = min(node_first.get(a, span[0]), span[0])
            for b in orgs[i + 1:]:
                pair_years[a, b].update(span)
                pair_first[a, b] = min(pair_first.get((a, b), span[0]), span[0])
    return Timeline(dict(node_years), dict(pair_years), node_first, pair_first, tuple(sorted(starts)), running)


def yearly(facts: Facts, projects: list[Project], *, site_org: bool,
           since: int | None = None, until: int | None = None) -> list[Year]:
    """One snapshot per year (projects running that year) and the cumulative network.

    New organisations and pairs are those that first appear in the cumulative
    network that year. The cumulative network grows year by year (a union-find
    keeps its components), so this is one pass, not one network per year.
    """
    line = timeline(facts, projects, site_org=site_org)
    years = sorted({y for counts in line.node_years.values() for y in counts})
    if not years:
        return []
    first, final = years[0], years[-1]
    if since is not None:
        first = max(first, since)
    if until is not None:
        final = min(final, until)
    active_nodes: Counter[int] = Counter(y for counts in line.node_years.values() for y in counts)
    active_pairs: Counter[int] = Counter(y for counts in line.pair_years.values() for y in counts)
    joins: dict[int, list[str]] = defaultdict(list)
    for node, year in line.node_first.items():
        joins[max(year, first)].append(node)
    links: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for pair, year in line.pair_first.items():
        links[max(year, first)].append(pair)
    parent: dict[str, str] = {}
    size: dict[str, int] = {}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    parts = 0
    largest = 0
    organisations = pairs = 0
    rows: list[Year] = []
    for year in range(first, final + 1):
        for node in joins.get(year, ()):
            parent[node], size[node] = node, 1
            parts += 1
            largest = max(largest, 1)
        for a, b in links.get(year, ()):
            ra, rb = root(a), root(b)
            if ra != rb:
                if size[ra] < size[rb]:
                    ra, rb = rb, ra
                parent[rb] = ra
                size[ra] += size[rb]
                largest = max(largest, size[ra])
                parts -= 1
        organisations += len(joins.get(year, ()))
        pairs += len(links.get(year, ()))
        new = tuple(sorted(n for n in joins.get(year, ()) if line.node_first[n] == year))
        rows.append(Year(
            year=year,
            projects=line.project_years[year],
            organisations=active_nodes[year],
            pairs=active_pairs[year],
            cumulative_projects=bisect.bisect_right(line.project_first, year),
            cumulative_organisations=organisations,
            cumulative_pairs=pairs,
            new_organisations=new,
            new_pairs=sum(1 for p in links.get(year, ()) if line.pair_first[p] == year),
            components=parts,
            largest_component=largest,
            density=2 * pairs / (organisations * (organisations - 1)) if organisations > 1 else 0.0,
        ))
    return rows


def lasting(graph: nx.Graph, *, min_projects: int = 2) -> list[tuple[str, str]]:
    """Partnerships that came back: pairs with at least ``min_projects`` shared projects,
    longest-running first (span of years, then shared projects)."""
    pairs = []
    for a, b, data in graph.edges(data=True):
        if data["weight"] >= min_projects:
            span = data["last_year"] - data["first_year"] + 1 if "first_year" in data else 0
            pairs.append((-span, -data["weight"], min(a, b), max(a, b)))
    return [(a, b) for _s, _w, a, b in sorted(pairs)]
