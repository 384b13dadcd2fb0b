"""Measures of a network: centralities, communities, bridges, and change over the years.

Betweenness counts shortest paths by hops (not by weight) and is normalised as
networkx does for undirected graphs (divided by (n-1)(n-2)/2). PageRank uses the
edge weights. Communities are Louvain's with a fixed seed over nodes added in
sorted order, so the same graph always gives the same communities, numbered from
1 by size (largest first; ties by their first member's IRI).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from kg.report.facts import Facts, Project
from kg.report.networks import co_participation

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


def yearly(facts: Facts, projects: list[Project], *, site_org: bool,
           since: int | None = None, until: int | None = None) -> list[Year]:
    """One snapshot per year (projects running that year) and the cumulative network.

    New organisations and pairs are those that first appear in the cumulative
    network that year.
    """
    last = facts.last_year
    spans = {p.iri: p.years(last) for p in projects}
    years = sorted({y for span in spans.values() for y in span})
    if not years:
        return []
    first, final = years[0], years[-1]
    if since is not None:
        first = max(first, since)
    if until is not None:
        final = min(final, until)
    rows: list[Year] = []
    seen_orgs: set[str] = set()
    seen_pairs: set[tuple[str, str]] = set()
    started = [p for p in projects if spans[p.iri] and spans[p.iri][0] < first]
    if started:  # what was already there when the window opens is not new in its first year
        before = co_participation(facts, started, site_org=site_org)
        seen_orgs.update(before.nodes)
        seen_pairs.update(before.edges)
    for year in range(first, final + 1):
        active = [p for p in projects if year in spans[p.iri]]
        cumulative = [p for p in projects if spans[p.iri] and spans[p.iri][0] <= year]
        now = co_participation(facts, active, site_org=site_org)
        upto = co_participation(facts, cumulative, site_org=site_org)
        pairs = {(min(a, b), max(a, b)) for a, b in upto.edges}
        new_orgs = tuple(sorted(set(upto.nodes) - seen_orgs))
        new_pairs = pairs - seen_pairs
        seen_orgs.update(upto.nodes)
        seen_pairs.update(pairs)
        parts = components(upto)
        rows.append(Year(
            year=year,
            projects=len(active),
            organisations=now.number_of_nodes(),
            pairs=now.number_of_edges(),
            cumulative_projects=len(cumulative),
            cumulative_organisations=upto.number_of_nodes(),
            cumulative_pairs=upto.number_of_edges(),
            new_organisations=new_orgs,
            new_pairs=len(new_pairs),
            components=len(parts),
            largest_component=len(parts[0]) if parts else 0,
            density=nx.density(upto) if upto.number_of_nodes() > 1 else 0.0,
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
