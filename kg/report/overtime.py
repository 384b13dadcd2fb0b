"""``networks/network-over-time.gexf`` written straight from a view's rows.

The file is the GEXF of :func:`kg.report.networks.over_time_of` as
:func:`kg.report.xmlfiles.gexf_pieces` writes it, byte for byte, but made without
that graph: on a big site it holds a spell and a yearly count for every pair and
year, a million small lists and tuples made only to be written once. Here each
(owner, year) row becomes its line of text in one pass over arrays, and each node
and edge is its lines joined. A network whose nodes (or edges) do not all have the
same timeless attributes, as :func:`kg.report.networks.network` makes them, is left
to the general writer: :func:`over_time_pieces` returns None.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx
import numpy as np

from kg.report.graphfiles import _short
from kg.report.networks import TIMELESS, _days, _static
from kg.report.participation import View
from kg.report.xmlfiles import (
    _GEXF_EDGE_OWN,
    _GEXF_NODE_OWN,
    BATCH,
    GEXF_SKIPS,
    _attrib,
    _fix,
    _gexf_value,
    _xml,
    gexf_attributes,
    gexf_head,
)


class _Rows:
    """A view's grouped (owner, year, projects) rows from ``first`` to ``last``: the owners that have any, in
    order, and where each one's years and runs of years are."""

    def __init__(self, found: tuple, first: int, last: int) -> None:
        grouped, years, counts = found
        owners = np.repeat(grouped.keys, grouped.counts)
        keep = (years >= first) & (years <= last)
        owners, self.years, self.counts = owners[keep], years[keep], counts[keep]
        years = self.years
        if not len(years):
            self.owners: list[int] = []
            return
        new_owner = np.concatenate(([True], owners[1:] != owners[:-1]))
        new_run = new_owner | np.concatenate(([True], years[1:] != years[:-1] + 1))
        self.run_first = years[new_run]
        self.run_last = years[np.concatenate((new_run[1:], [True]))]
        row_starts = np.flatnonzero(new_owner)
        self.owners = owners[row_starts].tolist()
        self.row_bounds = np.append(row_starts, len(years)).tolist()
        self.run_bounds = np.append(np.searchsorted(np.flatnonzero(new_run), row_starts),
                                    len(self.run_first)).tolist()

    def sample(self, i: int) -> tuple[list[tuple[str, str]], list[tuple[int, str, str]]]:
        """The ``i``-th owner's spells and running projects as :func:`kg.report.networks.over_time` has them."""
        spells = [(_days(a)[0], _days(b)[1]) for a, b in zip(
            self.run_first[self.run_bounds[i]:self.run_bounds[i + 1]].tolist(),
            self.run_last[self.run_bounds[i]:self.run_bounds[i + 1]].tolist(), strict=True)]
        running = [(c, *_days(y)) for c, y in zip(self.counts[self.row_bounds[i]:self.row_bounds[i + 1]].tolist(),
                                                  self.years[self.row_bounds[i]:self.row_bounds[i + 1]].tolist(),
                                                  strict=True)]
        return spells, running

    def lines(self, value_for: str) -> tuple[list[str], list[str]]:
        """Every owner's ``<spell>`` lines and ``<attvalue>`` lines of running projects, in order (cut by
        :attr:`run_bounds` and :attr:`row_bounds`)."""
        starts, ends = {}, {}
        for year in np.unique(self.years).tolist():
            first_day, last_day = _days(year)
            starts[year], ends[year] = f' start="{_attrib(first_day)}"', f' end="{_attrib(last_day)}" />'
        spells = [f"          <spell{starts[a]}{ends[b]}"
                  for a, b in zip(self.run_first.tolist(), self.run_last.tolist(), strict=True)]
        head = f'          <attvalue for="{value_for}" value="'
        running = [f'{head}{count}"{starts[year]}{ends[year]}'
                   for count, year in zip(self.counts.tolist(), self.years.tolist(), strict=True)]
        return spells, running


def _shape(data: dict) -> tuple:
    return tuple((k, type(v)) for k, v in data.items() if k in TIMELESS)


def over_time_pieces(graph: nx.Graph, view: View, first: int, last: int, prefix: str) -> Iterator[str] | None:
    """The GEXF of ``over_time_of(graph, view, first, last)`` with node ids short of ``prefix`` (as
    :class:`kg.report.graphfiles._Network` writes them), in pieces; None when ``graph``'s nodes or its edges
    do not all have the same timeless attributes of the same types, or the network over time would have no
    node or no edge (the general writer is for those)."""
    node_shapes = {_shape(data) for _node, data in graph.nodes(data=True)}
    edge_shapes = {_shape(data) for _a, _b, data in graph.edges(data=True)}
    if len(node_shapes) != 1 or len(edge_shapes) != 1:
        return None
    if any(k in _GEXF_NODE_OWN or _fix(k) != k for k, _t in next(iter(node_shapes))) or \
            any(k in _GEXF_EDGE_OWN or _fix(k) != k for k, _t in next(iter(edge_shapes))):
        return None
    orgs = view.part.orgs
    n = len(orgs)
    node_rows = _Rows(view.node_years, first, last)
    timed = {orgs[owner]: i for i, owner in enumerate(node_rows.owners)}
    nodes = [node for node in graph if node in timed]
    keys = view.pairs.keys.tolist()
    pair_rows = _Rows(view.pair_years, first, last)
    adjacency = graph._adj
    edges = []
    for i, owner in enumerate(pair_rows.owners):
        a, b = orgs[keys[owner] // n], orgs[keys[owner] % n]
        if a in timed and b in timed and b in adjacency.get(a, ()):
            edges.append((a, b, i))
    if not nodes or not edges:
        return None
    # What the general writer declares, found from one node and one edge: they all have the same attributes.
    spells, running = node_rows.sample(timed[nodes[0]])
    node_sample = {**_static(graph.nodes[nodes[0]]), "spells": spells, "running_projects": running}
    if prefix:  # as graphfiles._Network hands the writers each node
        node_sample["iri"] = nodes[0]
    spells, running = pair_rows.sample(edges[0][2])
    edge_sample = {**_static(adjacency[edges[0][0]][edges[0][1]]), "spells": spells, "running_projects": running}
    attributes, ids, timeformat, dynamic = gexf_attributes([node_sample], [edge_sample])
    name = f"{graph.graph.get('name', 'network')} over time"
    head = gexf_head({"name": _fix(name), "mode": "dynamic"}, attributes, timeformat, dynamic)
    return _pieces(head, graph, nodes, edges, (timed, node_rows, pair_rows), ids, prefix)


def _in_graph_order(nodes: list, edges: list[tuple[str, str, int]]) -> Iterator[tuple[str, str, int]]:
    """The edges (added in this order to a graph of ``nodes``) in the order networkx walks them: each node's
    links in the order they were added, but to no node walked before it."""
    links: dict[str, dict[str, int]] = {node: {} for node in nodes}
    for a, b, i in edges:
        links[a][b] = links[b][a] = i
    seen: set[str] = set()
    for a in nodes:
        for b, i in links[a].items():
            if b not in seen:
                yield a, b, i
        seen.add(a)


def _pieces(head: Iterator[str], graph: nx.Graph, nodes: list, edges: list,
            rows: tuple[dict, _Rows, _Rows], ids: dict, prefix: str) -> Iterator[str]:
    yield from head
    timed, node_rows, pair_rows = rows
    short = _short(nodes, prefix)
    written = {node: _attrib(str(short[node])) for node in nodes}
    out = ["    <nodes>"]
    spells, running = node_rows.lines(ids["node", "dynamic", "running_projects"])
    runs, years = node_rows.run_bounds, node_rows.row_bounds
    skip = GEXF_SKIPS["node"]
    iri = f'          <attvalue for="{ids["node", "static", "iri"]}" value="' if prefix else ""
    for node in nodes:
        data = graph.nodes[node]
        values = [f'          <attvalue for="{ids["node", "static", k]}" value="{_gexf_value(v, type(v))}" />'
                  for k, v in data.items() if k in TIMELESS and k not in skip]
        i = timed[node]
        out.append("\n".join([
            f'      <node id="{written[node]}" label="{_attrib(str(data.get("label", short[node])))}">',
            "        <spells>", *spells[runs[i]:runs[i + 1]], "        </spells>",
            "        <attvalues>", *values, *running[years[i]:years[i + 1]],
            *([f'{iri}{_attrib(node)}" />'] if prefix else []), "        </attvalues>", "      </node>"]))
        if len(out) >= BATCH:
            yield _xml(out)
            out = []
    out += ["    </nodes>", "    <edges>"]
    del spells, running
    spells, running = pair_rows.lines(ids["edge", "dynamic", "running_projects"])
    runs, years = pair_rows.run_bounds, pair_rows.row_bounds
    adjacency = graph._adj
    skip = GEXF_SKIPS["edge"]
    for number, (a, b, i) in enumerate(_in_graph_order(nodes, edges)):
        data = adjacency[a][b]
        start = f'      <edge source="{written[a]}" target="{written[b]}" id="{number}"'
        if "weight" in data:
            start += f' weight="{_attrib(str(data["weight"]))}"'
        values = [f'          <attvalue for="{ids["edge", "static", k]}" value="{_gexf_value(v, type(v))}" />'
                  for k, v in data.items() if k in TIMELESS and k not in skip]
        out.append("\n".join([
            start + ">", "        <spells>", *spells[runs[i]:runs[i + 1]], "        </spells>",
            "        <attvalues>", *values, *running[years[i]:years[i + 1]], "        </attvalues>", "      </edge>"]))
        if len(out) >= BATCH:
            yield _xml(out)
            out = []
    out += ["    </edges>", "  </graph>", "</gexf>"]
    yield _xml(out)
