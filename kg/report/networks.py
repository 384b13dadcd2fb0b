"""Networks made from the graph's facts: co-participation, bipartite, projections, ego.

Nodes are IRIs (unique, stable) with the shown name in the ``label`` attribute;
nodes and edges are added in sorted order, so every algorithm that walks them
(layouts, community detection) sees the same order on every run. Attribute values
are strings, integers, floats or booleans only — what GraphML and GEXF can hold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from kg.report.facts import SITE_ROLE, Facts, Project


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
    (space-separated), ``first_year``/``last_year``, ``projects`` = their names
    (``; ``-separated). Node attributes: ``label``, ``kind``, ``projects``,
    ``roles``, ``first_year``/``last_year``, ``site_org``. With ``site_org=False``
    the site's own organisation and its edges are left out.
    """
    last = facts.last_year
    node_projects: dict[str, set[str]] = defaultdict(set)
    node_roles: dict[str, set[str]] = defaultdict(set)
    node_years: dict[str, set[int]] = defaultdict(set)
    pair_projects: dict[tuple[str, str], set[str]] = defaultdict(set)
    pair_years: dict[tuple[str, str], set[int]] = defaultdict(set)
    for project in projects:
        orgs = sorted(o for o in project.roles if site_org or o != facts.site_org)
        years = project.years(last)
        for org in orgs:
            node_projects[org].add(project.iri)
            node_roles[org].update(project.roles[org])
            node_years[org].update(years)
        for i, a in enumerate(orgs):
            for b in orgs[i + 1:]:
                pair_projects[a, b].add(project.iri)
                pair_years[a, b].update(years)

    graph = nx.Graph(name="co-participation" + ("" if site_org else " without the site's organisation"))
    for org in sorted(node_projects):
        graph.add_node(org, **_clean({
            "label": facts.name(org),
            "kind": facts.kinds.get(org, "unknown"),
            "projects": len(node_projects[org]),
            "roles": " ".join(sorted(node_roles[org] - {SITE_ROLE})) or SITE_ROLE,
            "first_year": min(node_years[org], default=None),
            "last_year": max(node_years[org], default=None),
            "site_org": org == facts.site_org,
        }))
    for (a, b) in sorted(pair_projects):
        years = sorted(pair_years[a, b])
        graph.add_edge(a, b, **_clean({
            "weight": len(pair_projects[a, b]),
            "years": " ".join(map(str, years)),
            "first_year": years[0] if years else None,
            "last_year": years[-1] if years else None,
            "projects": "; ".join(sorted(facts.name(p) for p in pair_projects[a, b])),
        }))
    return graph


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
    for org in sorted({o for o, _ in weights}):
        graph.add_node(org, label=facts.name(org), type="organisation", bipartite=0,
                       kind=facts.kinds.get(org, "unknown"))
    for other in sorted({t for _, t in weights}):
        graph.add_node(other, label=facts.name(other), type=side, bipartite=1)
    for (org, other), weight in sorted(weights.items()):
        graph.add_edge(org, other, weight=weight)
    return graph


def projection(graph: nx.Graph, side: int) -> nx.Graph:
    """One side of a bipartite graph, linked by shared neighbours (``weight`` = how many)."""
    nodes = sorted(n for n, d in graph.nodes(data=True) if d["bipartite"] == side)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for middle in sorted(n for n, d in graph.nodes(data=True) if d["bipartite"] != side):
        around = sorted(graph.adj[middle])
        for i, a in enumerate(around):
            for b in around[i + 1:]:
                weights[a, b] += 1
    result = nx.Graph(name=f"{graph.graph['name']} projected on {'organisations' if side == 0 else 'the other side'}")
    for node in nodes:
        result.add_node(node, **graph.nodes[node])
    for (a, b), weight in sorted(weights.items()):
        result.add_edge(a, b, weight=weight)
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


def _clean(attributes: dict[str, object]) -> dict[str, object]:
    """Attributes without the missing ones: GraphML and GEXF cannot hold None."""
    return {k: v for k, v in attributes.items() if v is not None}
