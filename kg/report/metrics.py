"""Measures of a network: centralities, communities, bridges, and change over the years.

The measures run in igraph (C) on the network's igraph form (:func:`as_igraph`,
:func:`igraph_of`: vertices in sorted order, edges sorted). Betweenness counts
shortest paths by hops (not by weight) and is normalised as networkx does for
undirected graphs (divided by (n-1)(n-2)/2); past :data:`BETWEENNESS_WORK` it is
estimated from a seeded sample of sources. PageRank uses the edge weights, by
networkx's own steps (the same floats as ``networkx.pagerank``). Communities are
Louvain's (igraph's ``community_multilevel``) with a fixed seed, so the same graph
always gives the same communities, numbered from 1 by size (largest first; ties by
their first member's IRI).
"""

from __future__ import annotations

import bisect
import random
from collections import Counter, defaultdict
from dataclasses import dataclass

import igraph
import networkx as nx
import numpy as np
from scipy import sparse

from kg.report.facts import Facts, Project
from kg.report.participation import View, participation

SEED = 42
"""The seed of community detection (and of betweenness's sample, when it is estimated): fixed, so a report
is reproducible."""

BETWEENNESS_WORK = 60_000_000
"""Exact betweenness takes (organisations × links) steps: above this many, it is estimated from the shortest
paths of a random sample of the organisations (:func:`betweenness`), whose size keeps the work near this."""
MIN_SOURCES = 100
"""An estimated betweenness follows the paths of at least this many organisations."""


@dataclass(frozen=True)
class Communities:
    """A partition of a network's nodes and how good it is."""

    members: tuple[tuple[str, ...], ...]
    """Community 1, 2 … as sorted node lists; largest first."""
    modularity: float | None
    """Newman's weighted modularity; None for a network without edges (undefined)."""

    def number_of(self) -> dict[str, int]:
        return {node: i for i, nodes in enumerate(self.members, 1) for node in nodes}


Made = tuple[igraph.Graph, list[str], list]
"""A network as igraph holds it: the graph, vertex number → node, edge number → weight."""


def as_igraph(graph: nx.Graph) -> Made:
    """``graph`` as an igraph graph: vertex i is the i-th node in sorted order, edges sorted; and the
    edges' weights (1 where an edge has none), in igraph's edge order."""
    names = sorted(graph.nodes)
    index = {n: i for i, n in enumerate(names)}
    edges = sorted((min(index[a], index[b]), max(index[a], index[b]), w)
                   for a, b, w in graph.edges(data="weight", default=1))
    made = igraph.Graph(n=len(names), edges=[(a, b) for a, b, _w in edges])
    return made, names, [w for _a, _b, w in edges]


def igraph_of(view: View) -> Made:
    """:func:`as_igraph` of the co-participation network of ``view``, made from its rows: the same graph."""
    orgs = view.part.orgs
    nodes = view.nodes
    position = np.full(len(orgs), -1, dtype=np.int64)
    position[nodes] = np.arange(len(nodes))
    a, b = view.pair_ends
    made = igraph.Graph(n=len(nodes), edges=np.column_stack((position[a], position[b])))
    return made, [orgs[i] for i in nodes.tolist()], view.pairs.counts.tolist()


def communities(graph: nx.Graph, seed: int = SEED, *, made: Made | None = None) -> Communities:
    """Louvain communities of ``graph`` (weighted) with their modularity.

    igraph's Louvain (``community_multilevel``, its best level) with its random
    numbers drawn from ``random.Random(seed)``: the same graph always gives the
    same communities. The modularity is igraph's, Newman's weighted one.
    """
    if graph.number_of_nodes() == 0:
        return Communities((), None)
    if graph.number_of_edges() == 0:
        return Communities(tuple((n,) for n in sorted(graph.nodes)), None)
    made_graph, names, weights = made or as_igraph(graph)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        membership = made_graph.community_multilevel(weights=weights).membership
    finally:
        igraph.set_random_number_generator(random)
    found: dict[int, list[str]] = defaultdict(list)
    for name, number in zip(names, membership, strict=True):
        found[number].append(name)  # names are sorted, so each community is too
    members = tuple(sorted((tuple(c) for c in found.values()), key=lambda c: (-len(c), c[0])))
    return Communities(members, made_graph.modularity(membership, weights=weights))


@dataclass(frozen=True)
class Betweenness:
    """Each node's betweenness (normalised as networkx does), and how it was found."""

    values: dict[str, float]
    sources: int
    """The organisations whose shortest paths were followed: all of them, or a sample."""
    nodes: int

    @property
    def estimated(self) -> bool:
        return self.sources < self.nodes


def betweenness(graph: nx.Graph, seed: int = SEED, work: int | None = None, *,
                made: Made | None = None) -> Betweenness:
    """Betweenness by hops, normalised by (n-1)(n-2)/2 pairs as networkx does for undirected graphs.

    Exact (igraph's Brandes) when nodes × edges is at most ``work`` (:data:`BETWEENNESS_WORK`); else estimated
    from the shortest paths of ``max(MIN_SOURCES, work // edges)`` nodes drawn with
    ``random.Random(seed)``, scaled up by nodes / sources (Brandes and Pich's estimator,
    as networkx's ``betweenness_centrality(k=…)``): the step that is quadratic in the
    organisations stays linear in the links.
    """
    work = BETWEENNESS_WORK if work is None else work
    made_graph, names, _weights = made or as_igraph(graph)
    n, m = len(names), made_graph.ecount()
    if n * m <= work:
        raw, sources, scale = made_graph.betweenness(directed=False), n, 1.0
    else:
        sources = min(n, max(MIN_SOURCES, work // max(m, 1)))
        sample = sorted(random.Random(seed).sample(range(n), sources))
        raw, scale = made_graph.betweenness(directed=False, sources=sample), n / sources
    # networkx counts each pair twice, then multiplies by 1 / ((n - 1)(n - 2)); so does this.
    norm = 1 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return Betweenness({name: (2 * value * scale) * norm if n > 2 else 0.0
                        for name, value in zip(names, raw, strict=True)}, sources, n)


def pagerank(made: Made, alpha: float = 0.85, max_iter: int = 100, tol: float = 1.0e-6) -> dict[str, float]:
    """networkx's PageRank (``nx.pagerank(graph, weight="weight")``, its scipy power iteration) of a graph made
    in sorted order (nodes, and edges by their ends), from its igraph form: the same sums in the same order,
    so the same floats, without walking the graph in Python.

    The steps are networkx's ``_pagerank_scipy`` with no personalisation, start vector or dangling weights."""
    made_graph, names, weights = made
    n = len(names)
    if n == 0:
        return {}
    ends = np.array(made_graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    row, col = ends[:, 0], ends[:, 1]
    data = np.asarray(weights, dtype=float)
    # networkx's to_scipy_sparse_array of an undirected graph: each edge, then each edge reversed.
    matrix = sparse.coo_array((np.concatenate((data, data)), (np.concatenate((row, col)), np.concatenate((col, row)))),
                              shape=(n, n), dtype=float).asformat("csr")
    sums = matrix.sum(axis=1)
    sums[sums != 0] = 1.0 / sums[sums != 0]
    matrix = sparse.dia_array((sums.T, 0), shape=matrix.shape).tocsr() @ matrix
    x = np.repeat(1.0 / n, n)
    p = np.repeat(1.0 / n, n)
    dangling = np.where(sums == 0)[0]
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ matrix + sum(x[dangling]) * p) + (1 - alpha) * p
        if np.absolute(x - last).sum() < n * tol:
            return dict(zip(names, map(float, x), strict=True))
    raise nx.PowerIterationFailedConvergence(max_iter)


def centralities(graph: nx.Graph, seed: int = SEED, *, found: Betweenness | None = None,
                 made: Made | None = None) -> dict[str, dict[str, float]]:
    """Per node: degree, weighted degree, betweenness (:func:`betweenness`) and PageRank (networkx's;
    :func:`pagerank` when ``made`` is the graph's igraph form, made in sorted order)."""
    between = (found or betweenness(graph, seed, made=made)).values
    if not graph.number_of_edges():
        ranks = {n: 1 / graph.number_of_nodes() for n in graph.nodes}
    else:
        ranks = pagerank(made) if made is not None else nx.pagerank(graph, weight="weight")
    degree = dict(graph.degree)
    weighted = dict(graph.degree(weight="weight"))
    return {
        node: {
            "degree": degree[node],
            "weighted_degree": weighted[node],
            "betweenness": between[node],
            "pagerank": ranks[node],
        }
        for node in sorted(graph.nodes)
    }


def bridges(graph: nx.Graph, *, made: Made | None = None) -> list[tuple[str, str]]:
    """Edges whose removal splits a component: the only link between two groups."""
    made_graph, names, _weights = made or as_igraph(graph)
    edges = made_graph.es  # each bridge's ends (not the list of every edge's)
    return sorted((names[a], names[b]) for a, b in (edges[e].tuple for e in made_graph.bridges()))


def cut_points(graph: nx.Graph, *, made: Made | None = None) -> list[str]:
    """Organisations whose removal splits a component (articulation points)."""
    made_graph, names, _weights = made or as_igraph(graph)
    return sorted(names[v] for v in made_graph.articulation_points())


def component_count(graph: nx.Graph, *, made: Made | None = None) -> int:
    """How many connected components ``graph`` has."""
    return len((made or as_igraph(graph))[0].connected_components())


def components(graph: nx.Graph) -> list[list[str]]:
    """Connected components, largest first."""
    made, names, _weights = as_igraph(graph)
    return sorted((sorted(names[v] for v in c) for c in made.connected_components()), key=lambda c: (-len(c), c[0]))


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
    return timeline_of(participation(facts, projects).view(site_org))


def timeline_of(view: View) -> Timeline:
    """:func:`timeline` of a :class:`~kg.report.participation.View`."""
    orgs = view.part.orgs
    n = len(orgs)
    node_years = {orgs[owner]: Counter(dict(years)) for owner, years in _by_owner(view.node_years)}
    keys = view.pairs.keys.tolist()
    pair_years = {(orgs[keys[owner] // n], orgs[keys[owner] % n]): Counter(dict(years))
                  for owner, years in _by_owner(view.pair_years)}
    return Timeline(node_years, pair_years, {k: min(v) for k, v in node_years.items()},
                    {k: min(v) for k, v in pair_years.items()}, view.part.project_first,
                    Counter(view.part.project_years))


def _by_owner(found: tuple) -> list[tuple[int, list[tuple[int, int]]]]:
    """(owner, [(year, count) …]) from a view's grouped years."""
    grouped, years, counts = found
    pairs = list(zip(years.tolist(), counts.tolist(), strict=True))
    bounds = grouped.starts.tolist()
    return [(owner, pairs[bounds[i]:bounds[i + 1]]) for i, owner in enumerate(grouped.keys.tolist())]


def yearly(facts: Facts, projects: list[Project], *, site_org: bool,
           since: int | None = None, until: int | None = None) -> list[Year]:
    """One snapshot per year (projects running that year) and the cumulative network.

    New organisations and pairs are those that first appear in the cumulative
    network that year. The cumulative network grows year by year (a union-find
    keeps its components), so this is one pass, not one network per year.
    """
    return yearly_of(participation(facts, projects).view(site_org), since=since, until=until)


def yearly_of(view: View, *, since: int | None = None, until: int | None = None) -> list[Year]:
    """:func:`yearly` of a :class:`~kg.report.participation.View`."""
    nodes, node_year, _running = view.node_years
    if not len(node_year):
        return []
    pairs, pair_year, _running = view.pair_years
    first, final = int(node_year.min()), int(node_year.max())
    if since is not None:
        first = max(first, since)
    if until is not None:
        final = min(final, until)
    active_nodes = Counter(node_year.tolist())
    active_pairs = Counter(pair_year.tolist())
    node_first = node_year[nodes.starts[:-1]]  # years are sorted within an owner
    pair_first = pair_year[pairs.starts[:-1]]
    joins: dict[int, list[int]] = defaultdict(list)
    for node, year in zip(nodes.keys.tolist(), np.maximum(node_first, first).tolist(), strict=True):
        joins[year].append(node)
    first_of = dict(zip(nodes.keys.tolist(), node_first.tolist(), strict=True))
    ends_a, ends_b = view.pair_ends
    links: dict[int, list[tuple[int, int, bool]]] = defaultdict(list)
    for number, year, own in zip(pairs.keys.tolist(), np.maximum(pair_first, first).tolist(),
                                 pair_first.tolist(), strict=True):
        links[year].append((int(ends_a[number]), int(ends_b[number]), own == year))
    orgs = view.part.orgs
    parent: dict[int, int] = {}
    size: dict[int, int] = {}

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    parts = 0
    largest = 0
    organisations = pair_count = 0
    rows: list[Year] = []
    project_years = view.part.project_years
    for year in range(first, final + 1):
        for node in joins.get(year, ()):
            parent[node], size[node] = node, 1
            parts += 1
            largest = max(largest, 1)
        new_pairs = 0
        for a, b, new in links.get(year, ()):
            new_pairs += new
            ra, rb = root(a), root(b)
            if ra != rb:
                if size[ra] < size[rb]:
                    ra, rb = rb, ra
                parent[rb] = ra
                size[ra] += size[rb]
                largest = max(largest, size[ra])
                parts -= 1
        organisations += len(joins.get(year, ()))
        pair_count += len(links.get(year, ()))
        rows.append(Year(
            year=year,
            projects=project_years.get(year, 0),
            organisations=active_nodes[year],
            pairs=active_pairs[year],
            cumulative_projects=bisect.bisect_right(view.part.project_first, year),
            cumulative_organisations=organisations,
            cumulative_pairs=pair_count,
            new_organisations=tuple(orgs[n] for n in sorted(joins.get(year, ())) if first_of[n] == year),
            new_pairs=new_pairs,
            components=parts,
            largest_component=largest,
            density=2 * pair_count / (organisations * (organisations - 1)) if organisations > 1 else 0.0,
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
