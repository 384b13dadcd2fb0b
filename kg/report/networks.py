"""Networks made from the graph's facts: co-participation, bipartite, projections, ego.

Nodes are IRIs (unique, stable) with the shown name in the ``label`` attribute;
nodes and edges are added in sorted order, so every algorithm that walks them
(layouts, community detection) sees the same order on every run. Attribute values
are strings, integers, floats or booleans only — what GraphML and GEXF can hold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence

import networkx as nx
import numpy as np
from scipy import sparse

from kg.report.facts import SITE_ROLE, Facts, Project
from kg.report.participation import View, group, participation
from kg.report.shared import heaviest


def in_window(facts: Facts, since: int | None, until: int | None) -> list[Project]:
    """The projects that ran at some time between ``since`` and ``until`` (inclusive).

    With no window every project counts, undated ones too; with a window a project
    without any year cannot be placed in it and is left out.
    """
    if since is None and until is None:
        return list(facts.projects.values())
    last = facts.last_year
    lo = since if since is not None else -10**9
    hi = until if until is not None else 10**9
    return [p for p in facts.projects.values() if any(lo <= y <= hi for y in p.years(last))]


def co_participation(facts: Facts, projects: Iterable[Project], *, site_org: bool = True) -> nx.Graph:
    """Organisations linked when they took part in the same project (any role).

    Edge ``weight`` = shared projects; ``years`` = the years those projects ran
    (space-separated), ``first_year``/``last_year``. Node attributes: ``label``,
    ``kind``, ``projects``, ``roles``, ``first_year``/``last_year``, ``site_org``.
    With ``site_org=False`` the site's own organisation and its edges are left out.

    The names of each pair's shared projects are not on the edge (see
    :func:`shared_projects`): on a big site a pair shares hundreds, and every graph
    file would carry them all, for tools (Gephi) that filter by weight and years.
    """
    return network(participation(facts, list(projects)).view(site_org), facts)


def network(view: View, facts: Facts) -> nx.Graph:
    """The co-participation network of a :class:`~kg.report.participation.View` (see :func:`co_participation`)."""
    part = view.part
    orgs = part.orgs
    roles = part.roles
    node_first, node_last = _first_last(view.node_years, len(orgs))
    projects = view.node_projects.tolist()
    graph = nx.Graph(name="co-participation" + ("" if view.site_org else " without the site's organisation"))
    graph.add_nodes_from((orgs[i], _clean({
        "label": facts.name(orgs[i]),
        "kind": facts.kinds.get(orgs[i], "unknown"),
        "projects": projects[i],
        "roles": " ".join(sorted(roles[i] - {SITE_ROLE})) or SITE_ROLE,
        "first_year": node_first.get(i),
        "last_year": node_last.get(i),
        "site_org": orgs[i] == facts.site_org,
    })) for i in view.nodes.tolist())
    grouped, years, _running = view.pair_years
    pairs = len(view.pairs.keys)
    low = np.full(pairs, -1, dtype=np.int64)
    high = np.full(pairs, -1, dtype=np.int64)
    low[grouped.keys], high[grouped.keys] = grouped.starts[:-1], grouped.starts[1:]
    year = years.tolist()
    text = [str(y) for y in year]
    ends_a, ends_b = view.pair_ends
    edges = [(orgs[a], orgs[b], {"weight": w, "years": " ".join(text[lo:hi]), "first_year": year[lo],
                                 "last_year": year[hi - 1]} if lo >= 0 else {"weight": w, "years": ""})
             for a, b, w, lo, hi in zip(ends_a.tolist(), ends_b.tolist(), view.pairs.counts.tolist(), low.tolist(),
                                        high.tolist(), strict=True)]
    add_edges(graph, edges)
    return graph


def add_edges(graph: nx.Graph, edges: Iterable[tuple[object, object, dict]]) -> None:
    """``graph.add_edges_from(edges)`` for a new graph that holds the edges' ends and no edge yet: each edge
    keeps the attribute dict given (networkx's method copies it, twice, which costs seconds at 100 000
    edges). The graph is the same: networkx holds an edge as this one dict under both its ends."""
    adjacency = graph._adj
    for a, b, data in edges:
        adjacency[a][b] = data
        adjacency[b][a] = data


def _first_last(node_years: tuple, n: int) -> tuple[dict[int, int], dict[int, int]]:
    """Owner number → its first and its last year (owners with no year are in neither)."""
    grouped, years, _counts = node_years
    keys = grouped.keys.tolist()
    first = dict(zip(keys, years[grouped.starts[:-1]].tolist(), strict=True))
    last = dict(zip(keys, years[grouped.starts[1:] - 1].tolist(), strict=True))
    return first, last


def shared_projects(facts: Facts, projects: Iterable[Project], *,
                    site_org: bool = True) -> dict[tuple[str, str], list[str]]:
    """Each pair of :func:`co_participation` (IRIs in sorted order) → the IRIs of the projects it shared."""
    projects = list(projects)
    view = participation(facts, projects).view(site_org)
    rank = np.argsort(np.argsort([p.iri for p in projects], kind="stable"), kind="stable")
    return {pair: [projects[i].iri for i in shared] for pair, shared in pair_projects(view, rank).items()}


def pair_projects(view: View, rank: np.ndarray) -> dict[tuple[str, str], list[int]]:
    """Each pair of the view (IRIs in sorted order) → the numbers of the projects it shared, by ``rank``
    (project number → its place)."""
    orgs = view.part.orgs
    grouped = group(view.pair_a * len(orgs) + view.pair_b, by=rank[view.pair_project])
    numbers = view.pair_project[grouped.order].tolist()
    bounds = grouped.starts.tolist()
    n = len(orgs)
    return {(orgs[key // n], orgs[key % n]): numbers[bounds[i]:bounds[i + 1]]
            for i, key in enumerate(grouped.keys.tolist())}


BIPARTITE_SIDES = ("project", "platform", "theme")


def bipartite(facts: Facts, projects: Iterable[Project], side: str, *, site_org: bool = True) -> nx.Graph:
    """Organisations linked to the projects, platforms or themes they worked on.

    Nodes carry ``bipartite`` (0 = organisation, 1 = the other side) and ``type``.
    Edge ``weight`` is 1 for a project, and for a platform or theme the number of
    the organisation's projects on it.
    """
    if side not in BIPARTITE_SIDES:
        raise ValueError(f"side must be one of {', '.join(BIPARTITE_SIDES)}, not {side!r}")
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for project in projects:
        others = {"project": (project.iri,), "platform": project.platforms, "theme": project.themes}[side]
        for org in project.roles:
            if site_org or org != facts.site_org:
                for other in others:
                    weights[org, other] += 1
    graph = nx.Graph(name=f"organisation-{side}")
    graph.add_nodes_from((org, {"label": facts.name(org), "type": "organisation", "bipartite": 0,
                                "kind": facts.kinds.get(org, "unknown")}) for org in sorted({o for o, _ in weights}))
    graph.add_nodes_from((other, {"label": facts.name(other), "type": side, "bipartite": 1})
                         for other in sorted({t for _, t in weights}))
    add_edges(graph, ((org, other, {"weight": weight}) for (org, other), weight in sorted(weights.items())))
    return graph


MAX_PROJECTION_EDGES = 5000
"""A projection keeps at most this many links: those of the highest weights (see :func:`projection`)."""


def projection(graph: nx.Graph, side: int, *, max_edges: int = MAX_PROJECTION_EDGES,
               leave_out: Collection[str] = ()) -> nx.Graph:
    """One side of a bipartite graph, linked by shared neighbours (``weight`` = how many).

    When most of one side shares a neighbour (every organisation on the one
    platform most projects use), the projection is nearly a complete graph: tens of
    thousands of links that say nothing and make files of tens of megabytes. So it
    keeps only the links of weight ``min_weight`` or more, the smallest threshold
    that leaves at most ``max_edges`` links (all links of one weight are kept or
    dropped together, so no tie is broken arbitrarily). The graph's attributes
    ``min_weight``, ``links`` and ``links_kept`` say what was kept; every node stays,
    and the bipartite graph holds every link. The nodes in ``leave_out`` (on either side) are as if
    they were not in ``graph``.
    """
    nodes = sorted(n for n, d in graph.nodes(data=True) if d["bipartite"] == side and n not in leave_out)
    others = sorted(n for n, d in graph.nodes(data=True) if d["bipartite"] != side and n not in leave_out)
    at = {n: i for i, n in enumerate(nodes)}
    other_at = {n: i for i, n in enumerate(others)}
    ends = [(at[a], other_at[b]) if a in at else (at[b], other_at[a]) for a, b in graph.edges
            if a not in leave_out and b not in leave_out]
    rows = np.fromiter((i for i, _j in ends), dtype=np.int64, count=len(ends))
    columns = np.fromiter((j for _i, j in ends), dtype=np.int64, count=len(ends))
    incidence = sparse.csr_matrix((np.ones(len(ends), dtype=np.int64), (rows, columns)),
                                  shape=(len(nodes), len(others)))
    found = heaviest(incidence, max_edges)
    result = nx.Graph(name=f"{graph.graph['name']} projected on {'organisations' if side == 0 else 'the other side'}",
                      min_weight=found.min_weight, links=found.links, links_kept=len(found.weights))
    result.add_nodes_from((node, graph.nodes[node]) for node in nodes)
    result.add_edges_from((nodes[i], nodes[j], {"weight": weight}) for i, j, weight in sorted(zip(
        found.rows.tolist(), found.cols.tolist(), found.weights.tolist(), strict=True)))
    return result


def ego(graph: nx.Graph, centre: str, radius: int = 2) -> nx.Graph:
    """The ego network of ``centre``: its partners and its partners' partners."""
    sub = nx.ego_graph(graph, centre, radius=radius)
    result = nx.Graph(name=f"ego network of {graph.nodes[centre].get('label', centre)}")
    distances = nx.single_source_shortest_path_length(sub, centre)
    for node in sorted(sub.nodes):
        result.add_node(node, **graph.nodes[node], distance=distances[node])
    for a, b in sorted((min(a, b), max(a, b)) for a, b in sub.edges):
        result.add_edge(a, b, **graph.edges[a, b])
    return result


def over_time(graph: nx.Graph, node_years: Mapping[str, Mapping[int, int] | Sequence[tuple[int, int]]],
              pair_years: Mapping[tuple[str, str], Mapping[int, int] | Sequence[tuple[int, int]]],
              first: int, last: int) -> nx.Graph:
    """``graph`` with time: one snapshot per year and the cumulative network, in one graph.

    Each node and edge gets ``spells``, the runs of years (from 1 January to
    31 December) in which it had a project running, and the dynamic attribute
    ``running_projects`` (how many, year by year). Written as GEXF, Gephi plays it
    on its timeline: a one-year window shows that year's snapshot, a window from
    the first year the cumulative network so far. Only years from ``first`` to
    ``last`` count; what has no year there is left out. ``node_years`` and ``pair_years``
    (pairs in sorted order) give year → projects running, as a mapping or as (year, projects) pairs.
    """

    def times(found: Mapping) -> dict:
        out = {}
        for key, counts in found.items():
            years = _within(counts, first, last)
            if years:
                out[key] = (_spells(years), _by_year(years))
        return out

    return _with_time(graph, times(node_years), times(pair_years))


def over_time_of(graph: nx.Graph, view: View, first: int, last: int) -> nx.Graph:
    """:func:`over_time` of the co-participation network of ``view``, the years taken from its rows."""
    orgs = view.part.orgs
    n = len(orgs)
    keys = view.pairs.keys.tolist()
    nodes = _times_of(view.node_years, first, last)
    pairs = _times_of(view.pair_years, first, last)
    return _with_time(graph, {orgs[owner]: found for owner, found in nodes.items()},
                      {(orgs[keys[owner] // n], orgs[keys[owner] % n]): found for owner, found in pairs.items()})


def _times_of(found: tuple, first: int, last: int) -> dict[int, tuple[list, list]]:
    """Owner → (spells, running projects) from a view's grouped (owner, year, projects) rows, years from
    ``first`` to ``last``: the runs of years found with numpy, each list cut out of one list of all."""
    grouped, years, counts = found
    owners = np.repeat(grouped.keys, grouped.counts)
    keep = (years >= first) & (years <= last)
    owners, years, counts = owners[keep], years[keep], counts[keep]
    if not len(years):
        return {}
    days = {y: _days(y) for y in np.unique(years).tolist()}
    running = [(c, *days[y]) for c, y in zip(counts.tolist(), years.tolist(), strict=True)]
    new_owner = np.concatenate(([True], owners[1:] != owners[:-1]))
    new_run = new_owner | np.concatenate(([True], years[1:] != years[:-1] + 1))
    ends = np.concatenate((new_run[1:], [True]))
    spells = [(days[a][0], days[b][1]) for a, b in zip(years[new_run].tolist(), years[ends].tolist(), strict=True)]
    row_starts = np.flatnonzero(new_owner)
    run_starts = np.searchsorted(np.flatnonzero(new_run), row_starts)
    row_bounds = np.append(row_starts, len(years)).tolist()
    run_bounds = np.append(run_starts, len(spells)).tolist()
    return {owner: (spells[run_bounds[i]:run_bounds[i + 1]], running[row_bounds[i]:row_bounds[i + 1]])
            for i, owner in enumerate(owners[row_starts].tolist())}


def _with_time(graph: nx.Graph, nodes: Mapping, pairs: Mapping) -> nx.Graph:
    """``graph``'s nodes and edges that have times (``nodes``, ``pairs``: node or sorted pair → (spells,
    running projects)), each with its timeless attributes and its times (see :func:`over_time`)."""
    result = nx.Graph(name=f"{graph.graph.get('name', 'network')} over time", mode="dynamic")
    result.add_nodes_from((node, {**_static(data), "spells": nodes[node][0], "running_projects": nodes[node][1]})
                          for node, data in graph.nodes(data=True) if node in nodes)
    edges = []
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: (min(e[0], e[1]), max(e[0], e[1]))):
        a, b = min(a, b), max(a, b)
        found = pairs.get((a, b))
        if found is not None and a in result and b in result:
            edges.append((a, b, {**_static(data), "spells": found[0], "running_projects": found[1]}))
    add_edges(result, edges)
    return result


def _within(found: Mapping[int, int] | Sequence[tuple[int, int]], first: int, last: int) -> list[tuple[int, int]]:
    """(year, projects) from ``first`` to ``last``, in year order."""
    pairs = found.items() if isinstance(found, Mapping) else found
    return sorted((y, n) for y, n in pairs if first <= y <= last)


TIMELESS = ("label", "kind", "community", "site_org", "projects", "weight")
"""The attributes the network over time keeps beside its spells: the rest (centralities,
years) is in the network's own files, and would double this one's size."""


def _static(data: dict) -> dict:
    return {k: v for k, v in data.items() if k in TIMELESS}


_DAYS: dict[int, tuple[str, str]] = {}


def _days(year: int) -> tuple[str, str]:
    """The first and last day of ``year``."""
    found = _DAYS.get(year)
    if found is None:
        found = _DAYS[year] = (f"{year:04d}-01-01", f"{year:04d}-12-31")
    return found


def _spells(years: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """Runs of consecutive years as (first day, last day) intervals."""
    runs: list[list[int]] = []
    for year, _n in years:
        if runs and runs[-1][1] == year - 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return [(_days(a)[0], _days(b)[1]) for a, b in runs]


def _by_year(years: list[tuple[int, int]]) -> list[tuple[int, str, str]]:
    return [(n, *_days(y)) for y, n in years]


def _clean(attributes: dict[str, object]) -> dict[str, object]:
    """Attributes without the missing ones: GraphML and GEXF cannot hold None."""
    return {k: v for k, v in attributes.items() if v is not None}
