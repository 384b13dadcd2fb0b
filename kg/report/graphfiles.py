"""Networks as files for other tools: GraphML, GEXF (Gephi) and node-link JSON.

Every node and edge attribute goes into each format. A node's id is its IRI
without the site's ``…/kg/`` prefix (``organisation/open-source-politics``), the
same in every file, and its full IRI is its ``iri`` attribute: Gephi shows short
ids, and a link names its two ends in a tenth of the bytes. XML 1.0 cannot hold control
characters (nor U+FFFE/U+FFFF), which a name could contain, so the XML formats get
U+FFFD in their place; JSON keeps every character.

The files are written a piece at a time (:func:`graph_pieces`), in the very layout of
networkx's writers (:mod:`kg.report.xmlfiles` for GraphML and GEXF; the JSON of
``node_link_data``), so networkx, igraph and Gephi read them as before, without
building the whole document first. GEXF names ``kg report`` as its creator and
carries no date, so the same network gives the same bytes on any day.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import groupby
from json.encoder import INFINITY as _INFINITY
from json.encoder import encode_basestring
from operator import itemgetter

import networkx as nx

from kg.report.xmlfiles import BATCH, _attrib, _fix, gexf_pieces, graphml_pieces

__all__ = ["gexf", "gexf_pieces", "graph_files", "graph_pieces", "graphml", "graphml_pieces", "node_link",
           "node_link_pieces", "short_ids", "xml_safe"]

# -- ids -------------------------------------------------------------------------------------------


def short_ids(graph: nx.Graph, prefix: str) -> nx.Graph:
    """A copy of ``graph`` whose node ids starting with ``prefix`` lose it; each node keeps
    its full id in the attribute ``iri``. Nodes and edges stay in the order they were in."""
    if not prefix:
        return graph
    ids = _short(graph, prefix)
    result = nx.Graph(**graph.graph)
    for node, data in graph.nodes(data=True):
        result.add_node(ids[node], **data, iri=node)
    for a, b, data in graph.edges(data=True):
        result.add_edge(ids[a], ids[b], **data)
    return result


def _short(graph: Iterable, prefix: str) -> dict:
    """Each node of ``graph`` (a graph or its nodes) → its id without ``prefix``."""
    def short(node: str) -> str:
        return node[len(prefix):] if node.startswith(prefix) and len(node) > len(prefix) else node

    ids = {node: short(node) for node in graph}
    if len(set(ids.values())) < len(ids):  # a full IRI that is another's short form: keep them all
        ids = {node: node for node in graph}
    return ids


class _Network:
    """What the three writers read of a graph: its nodes under their written ids, with the ``iri``
    attribute when ids are shortened (as :func:`short_ids` does, without copying the graph); read
    once for all of them (``readers`` writers, after which it lets go)."""

    def __init__(self, graph: nx.Graph, prefix: str = "", readers: int = 1) -> None:
        self.graph = graph
        self.prefix = prefix
        self.readers = readers

    @cached_property
    def nodes(self) -> list[tuple[object, dict]]:
        if not self.prefix:
            return list(self.graph.nodes(data=True))
        ids = self.ids
        return [(ids[node], {**data, "iri": node}) for node, data in self.graph.nodes(data=True)]

    @cached_property
    def edges(self) -> list[tuple[object, object, dict]]:
        if not self.prefix:
            return list(self.graph.edges(data=True))
        ids = self.ids
        return [(ids[a], ids[b], data) for a, b, data in self.graph.edges(data=True)]

    @cached_property
    def ids(self) -> dict:
        return _short(self.graph, self.prefix)

    @cached_property
    def xml_ids(self) -> dict:
        """Written id → its text in an XML attribute (escaped once, however many links name it)."""
        return {node: _attrib(str(node)) for node, _data in self.nodes}

    @cached_property
    def merged(self) -> bool:
        """Whether two attribute names become one in XML (``a\x01`` and ``a\x02`` are both ``a\ufffd``),
        as they do in networkx's copy: then each element's attributes are merged so, the last value kept."""
        names = {k for _n, data in self.nodes for k in data} | {k for _a, _b, data in self.edges for k in data}
        return any(_fix(k) != k for k in names)

    def xml_nodes(self) -> list[tuple[object, dict]]:
        if not self.merged:
            return self.nodes
        return [(node, {_fix(k): v for k, v in data.items()}) for node, data in self.nodes]

    def xml_edges(self) -> list[tuple[object, object, dict]]:
        if not self.merged:
            return self.edges
        return [(a, b, {_fix(k): v for k, v in data.items()}) for a, b, data in self.edges]

    def done(self) -> None:
        """One writer has finished; after the last, the lists go."""
        self.readers -= 1
        if self.readers <= 0:
            for name in ("nodes", "edges", "xml_ids"):
                self.__dict__.pop(name, None)

    def networkx_copy(self) -> nx.Graph:
        """The graph as networkx's writers are handed it here: short ids, XML-safe text."""
        return xml_safe(short_ids(self.graph, self.prefix))

    def ours(self, own: frozenset[str] = frozenset(), edge_own: frozenset[str] = frozenset()) -> bool:
        """Whether the writers here can write the graph (else networkx does)."""
        graph = self.graph
        if graph.is_directed() or graph.is_multigraph() or "node_default" in graph.graph \
                or "edge_default" in graph.graph:
            return False
        if own and any(not own.isdisjoint(data) for _n, data in self.nodes):
            return False
        return not edge_own or all(edge_own.isdisjoint(data) for _a, _b, data in self.edges)


def graphml(graph: nx.Graph) -> str:
    """GraphML with every attribute declared with its type."""
    return "".join(graphml_pieces(_Network(graph)))


def gexf(graph: nx.Graph) -> str:
    """GEXF 1.2 for Gephi, without a date stamp.

    GEXF has no attributes of a whole graph: those other than its ``name`` and
    ``mode`` (what a projection kept) go into ``<meta><description>`` as
    ``key: value`` lines, where Gephi shows them.
    """
    return "".join(gexf_pieces(_Network(graph)))


def xml_safe(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose text (ids and attribute values) XML 1.0 can hold."""

    def attrs(data: dict) -> dict:
        return {_fix(k): _fix(v) for k, v in data.items()}

    safe = nx.Graph(**attrs(graph.graph))
    for node, data in graph.nodes(data=True):
        safe.add_node(_fix(node), **attrs(data))
    for a, b, data in graph.edges(data=True):
        safe.add_edge(_fix(a), _fix(b), **attrs(data))
    return safe


# -- node-link JSON --------------------------------------------------------------------------------


def node_link(graph: nx.Graph) -> str:
    """networkx's node-link JSON (``nodes``, ``edges``), keys sorted, one node or edge a line:
    compact enough for tens of thousands of links, and still readable in a diff."""
    return "".join(node_link_pieces(_Network(graph)))


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


_JSON_TEMPLATES: dict[tuple, tuple[str, tuple[tuple[int, type], ...]] | None] = {}


def _json_object(data: dict) -> str:
    """``_dump(data)`` for a flat dict with text keys, from a template made once for each shape (its keys and
    their values' types)."""
    values = list(data.values())
    shape = (*data, *map(type, values))
    if shape not in _JSON_TEMPLATES:
        _JSON_TEMPLATES[shape] = _json_template(data)
    found = _JSON_TEMPLATES[shape]
    if found is None:
        return _dump(data)
    template, order = found
    parts: list[object] = []
    for i, kind in order:
        value = values[i]
        if kind is str:
            value = encode_basestring(value)
        elif kind is bool:
            value = "true" if value else "false"
        elif kind is float and (value != value or value in (_INFINITY, -_INFINITY)):
            return _dump(data)
        elif value is None:
            value = "null"
        parts.append(value)
    return template % tuple(parts)


def _json_template(data: dict) -> tuple[str, tuple[tuple[int, type], ...]] | None:
    """``{"key":%s,…}`` with the keys sorted, and which value goes where; None for keys that are not all
    text or values other than text, numbers, booleans and None (json.dumps writes those)."""
    if not all(type(k) is str for k in data) or not all(type(v) in (str, int, float, bool, type(None))
                                                        for v in data.values()):
        return None
    place = {k: i for i, k in enumerate(data)}
    keys = sorted(data)
    template = "{" + ",".join(f"{encode_basestring(k).replace('%', '%%')}:%s" for k in keys) + "}"
    return template, tuple((place[k], type(data[k])) for k in keys)


RUN = 16
"""Dicts of one shape in a row from which :func:`_json_rows` formats a column at a time."""


def _json_rows(datas: list[dict], extra: dict[str, list]) -> list[str]:
    """``[_json_object({**data, key: values[i] for key, values in extra.items()}) for i, data in enumerate(datas)]``,
    made a column at a time for each run of dicts with the same keys and the same types of values: a run of
    ``RUN`` or more is each key's values picked out, encoded and put into the template in C."""
    if not datas or not extra.keys().isdisjoint(set().union(*datas)):
        return [_json_object({**data, **{k: v[i] for k, v in extra.items()}}) for i, data in enumerate(datas)]
    lines: list[str] = []
    start = 0
    for keys, run in groupby(map(tuple, datas)):
        end = start + sum(1 for _ in run)
        found = _json_run(datas[start:end], {k: v[start:end] for k, v in extra.items()}, keys) \
            if end - start >= RUN else None
        if found is None:
            found = [_json_object({**datas[i], **{k: v[i] for k, v in extra.items()}}) for i in range(start, end)]
        lines += found
        start = end
    return lines


_JSON_WORDS = {True: "true", False: "false"}


def _json_run(datas: list[dict], extra: dict[str, list], keys: tuple) -> list[str] | None:
    """:func:`_json_rows` of dicts with the same ``keys``; None when their values are not all of one type per
    key (or not text, numbers, booleans and None, or floats that are not finite)."""
    columns: dict[str, list] = {key: list(map(itemgetter(key), datas)) for key in keys}
    columns.update(extra)
    kinds: dict[str, type] = {}
    for key, column in columns.items():
        found = set(map(type, column))
        if len(found) != 1:
            return None
        kind = kinds[key] = found.pop()
        if kind is str:
            columns[key] = list(map(encode_basestring, column))
        elif kind is bool:
            columns[key] = list(map(_JSON_WORDS.__getitem__, column))
        elif kind is type(None):
            columns[key] = ["null"] * len(column)
        elif kind is float:
            if not all(map(math.isfinite, column)):
                return None
        elif kind is not int:
            return None
    sample = {key: columns[key][0] for key in columns}
    template = _json_template({key: (True if kinds[key] is bool else None if kinds[key] is type(None) else value)
                               for key, value in sample.items()})
    if template is None:
        return None
    text, order = template
    names = list(columns)
    return list(map(text.__mod__, zip(*(columns[names[i]] for i, _kind in order), strict=True)))


def node_link_pieces(net: _Network) -> Iterator[str]:
    """The JSON of ``networkx.node_link_data(graph, edges="edges")`` in pieces, one node or edge a line."""
    try:
        yield from _node_link(net)
    finally:
        net.done()


def _node_link(net: _Network) -> Iterator[str]:
    graph = net.graph
    if graph.is_multigraph():
        yield _networkx_node_link(short_ids(graph, net.prefix))
        return
    yield (f'{{"directed":{_dump(graph.is_directed())},"graph":{_dump(graph.graph)},"multigraph":false,\n'
           '"edges":[')
    edges = net.edges
    yield from _items(iter(_json_rows([d for _a, _b, d in edges], {"source": [a for a, _b, _d in edges],
                                                                     "target": [b for _a, b, _d in edges]})))
    yield '\n],\n"nodes":['
    nodes = net.nodes
    yield from _items(iter(_json_rows([d for _n, d in nodes], {"id": [n for n, _d in nodes]})))
    yield "\n]}\n"


def _items(lines: Iterator[str]) -> Iterator[str]:
    """JSON texts as the items of a list, one a line: a line break before each, a comma between."""
    batch: list[str] = []
    first = True
    for line in lines:
        batch.append(line)
        if len(batch) >= BATCH:
            yield ("\n" if first else ",\n") + ",\n".join(batch)
            batch, first = [], False
    if batch:
        yield ("\n" if first else ",\n") + ",\n".join(batch)


def _networkx_node_link(graph: nx.Graph) -> str:
    data = nx.node_link_data(graph, edges="edges")
    head = [f"{_dump(key)}:{_dump(value)}" for key, value in sorted(data.items()) if key not in ("nodes", "edges")]
    lists = [f'"{key}":[' + "".join(f"\n{_dump(item)}," for item in data[key]).rstrip(",") + "\n]"
             for key in ("edges", "nodes")]
    return "{" + ",".join(head) + ",\n" + ",\n".join(lists) + "}\n"


def graph_files(stem: str, graph: nx.Graph, prefix: str = "") -> dict[str, str]:
    """``networks/{stem}.graphml``, ``.gexf`` and ``.json`` for one network, node ids
    without ``prefix`` (see :func:`short_ids`)."""
    return {path: "".join(pieces) for path, pieces in graph_pieces(stem, graph, prefix).items()}


def graph_pieces(stem: str, graph: nx.Graph, prefix: str = "") -> dict[str, Iterator[str]]:
    """:func:`graph_files` as pieces of text, made as they are read (for :func:`kg.export.atomic.write_set`)."""
    net = _Network(graph, prefix, readers=3)
    return {
        f"networks/{stem}.graphml": graphml_pieces(net),
        f"networks/{stem}.gexf": gexf_pieces(net),
        f"networks/{stem}.json": node_link_pieces(net),
    }
