"""Networks as files for other tools: GraphML, GEXF (Gephi) and node-link JSON.

Every node and edge attribute goes into each format. A node's id is its IRI
without the site's ``…/kg/`` prefix (``organisation/open-source-politics``), the
same in every file, and its full IRI is its ``iri`` attribute: Gephi shows short
ids, and a link names its two ends in a tenth of the bytes. XML 1.0 cannot hold control
characters (nor U+FFFE/U+FFFF), which a name could contain, so the XML formats get
U+FFFD in their place; JSON keeps every character.

The files are written here, a piece at a time (:func:`pieces`), in the very layout
of networkx's writers (``generate_graphml``, ``generate_gexf``, ``node_link_data``:
the same elements, attributes, key ids, order, escapes and indentation, text
outside ASCII as character references), so networkx, igraph and Gephi read them
as before; but without building the whole document as a tree first, which cost a
gigabyte and minutes on a big site. GEXF names ``kg report`` as its creator and
carries no date, so the same network gives the same bytes on any day. Graphs using
what these writers do not (directed graphs, multigraphs, node and edge defaults,
GEXF's ``viz``, ``parents``, ``pid``, ``start``/``end`` attributes) are handed to
networkx.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from functools import cached_property
from xml.sax.saxutils import escape

import networkx as nx
import numpy as np

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')
CREATOR = "kg report"
"""What GEXF's ``<creator>`` says."""
BATCH = 2000
"""Elements joined into one piece."""

# The types networkx's writers name (numpy's scalars included), and what they call them.
_NUMPY_FLOATS = (np.float64, np.float32, np.float16)
_NUMPY_INTS = (np.int_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
               np.intc, np.intp)
GRAPHML_TYPES: dict[type, str] = {
    **dict.fromkeys(_NUMPY_FLOATS, "float"), **dict.fromkeys(_NUMPY_INTS, "int"),
    int: "long", str: "string", float: "double", bool: "boolean",
}
GEXF_TYPES: dict[type, str] = {
    **dict.fromkeys(_NUMPY_FLOATS, "float"), **dict.fromkeys(_NUMPY_INTS, "int"),
    int: "long", float: "double", bool: "boolean", list: "string", dict: "string", str: "string",
}
GRAPHML_HEAD = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
GEXF_HEAD = ('<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" '
             'version="1.2">')
_GEXF_NODE_OWN = frozenset({"id", "pid", "start", "end", "parents", "viz", "slices"})
_GEXF_EDGE_OWN = frozenset({"id", "label", "type", "start", "end", "viz", "slices"})


# -- text ------------------------------------------------------------------------------------------


def _fix(value: object) -> object:
    """Text XML 1.0 can hold: each character it cannot becomes U+FFFD."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _attrib(text: str) -> str:
    """An attribute value as ElementTree escapes it."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text


def _text(text: str) -> str:
    """Element text as ElementTree escapes it, line ends as networkx's line-by-line output leaves them."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _ascii(text: str) -> str:
    """Characters outside ASCII as XML character references (networkx's writers write US-ASCII)."""
    return text if text.isascii() else text.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _batched(lines: Iterator[str], transform: Callable[[str], str] = _ascii) -> Iterator[str]:
    """Lines joined (each ending in a line break) into pieces of about :data:`BATCH` lines."""
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= BATCH:
            batch.append("")
            yield transform("\n".join(batch))
            batch = []
    if batch:
        batch.append("")
        yield transform("\n".join(batch))


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


def _short(graph: nx.Graph, prefix: str) -> dict:
    def short(node: str) -> str:
        return node[len(prefix):] if node.startswith(prefix) and len(node) > len(prefix) else node

    ids = {node: short(node) for node in graph}
    if len(set(ids.values())) < len(ids):  # a full IRI that is another's short form: keep them all
        ids = {node: node for node in graph}
    return ids


class _Network:
    """What the three writers read of a graph: its nodes under their written ids, with the ``iri``
    attribute when ids are shortened (as :func:`short_ids` does, without copying the graph)."""

    def __init__(self, graph: nx.Graph, prefix: str = "") -> None:
        self.graph = graph
        self.prefix = prefix
        self.ids = _short(graph, prefix) if prefix else None

    def id(self, node: object) -> object:
        return self.ids[node] if self.ids is not None else node

    @cached_property
    def merged(self) -> bool:
        """Whether two attribute names become one in XML (``a\x01`` and ``a\x02`` are both ``a\ufffd``),
        as they do in networkx's copy: then each element's attributes are merged so, the last value kept."""
        names = {k for _n, data in self.graph.nodes(data=True) for k in data}
        names |= {k for _a, _b, data in self.graph.edges(data=True) for k in data}
        return any(_fix(k) != k for k in names)

    def nodes(self, xml: bool = False) -> Iterator[tuple[object, dict]]:
        merge = xml and self.merged
        for node, data in self.graph.nodes(data=True):
            if self.ids is not None:
                node, data = self.ids[node], {**data, "iri": node}
            yield node, ({_fix(k): v for k, v in data.items()} if merge else data)

    def edges(self, xml: bool = False) -> Iterator[tuple[object, object, dict]]:
        ids = self.ids
        merge = xml and self.merged
        for a, b, data in self.graph.edges(data=True):
            if ids is not None:
                a, b = ids[a], ids[b]
            yield a, b, ({_fix(k): v for k, v in data.items()} if merge else data)

    def ours(self, own: frozenset[str] = frozenset(), edge_own: frozenset[str] = frozenset()) -> bool:
        """Whether the writers here can write the graph (else networkx does)."""
        graph = self.graph
        if graph.is_directed() or graph.is_multigraph() or "node_default" in graph.graph \
                or "edge_default" in graph.graph:
            return False
        if own and any(not own.isdisjoint(data) for _n, data in graph.nodes(data=True)):
            return False
        return not edge_own or all(edge_own.isdisjoint(data) for _a, _b, data in graph.edges(data=True))


# -- GraphML ---------------------------------------------------------------------------------------


def graphml(graph: nx.Graph) -> str:
    """GraphML with every attribute declared with its type."""
    return "".join(graphml_pieces(_Network(graph)))


def graphml_pieces(net: _Network) -> Iterator[str]:
    """GraphML in pieces: what ``networkx.generate_graphml(prettyprint=True)`` writes, lines joined by ``\\n``."""
    if not net.ours():
        yield "\n".join(nx.generate_graphml(xml_safe(short_ids(net.graph, net.prefix)), prettyprint=True)) + "\n"
        return
    graph_data = {_fix(k): _fix(v) for k, v in net.graph.graph.items()}
    graph_id = graph_data.pop("id", None)
    keys: dict[tuple[str, str, str], str] = {}

    def key(name: object, value: object, scope: str) -> str:
        kind = GRAPHML_TYPES.get(type(value))
        if kind is None:
            raise nx.NetworkXError(f"GraphML writer does not support {type(value)} as data values.")
        found = keys.get((str(name), kind, scope))
        if found is None:
            found = keys[str(name), kind, scope] = f"d{len(keys)}"
        return found

    # The keys first, as networkx numbers them: graph, nodes, edges, each element's attributes in order.
    for k, v in graph_data.items():
        key(k, v, "graph")
    node_types: set[tuple[object, type]] = set()
    for _node, data in net.nodes(True):
        for k, v in data.items():
            if (k, type(v)) not in node_types:
                node_types.add((k, type(v)))
                key(_fix(k), v, "node")
    edge_types: set[tuple[object, type]] = set()
    for _a, _b, data in net.edges(True):
        for k, v in data.items():
            if (k, type(v)) not in edge_types:
                edge_types.add((k, type(v)))
                key(_fix(k), v, "edge")
    typed = keys

    def data_line(indent: str, name: object, value: object, scope: str) -> str:
        kid = typed[str(name), GRAPHML_TYPES[type(value)], scope]
        text = _text(str(_fix(value)))
        return f'{indent}<data key="{kid}">{text}</data>' if text else f'{indent}<data key="{kid}" />'


    def lines() -> Iterator[str]:
        yield GRAPHML_HEAD
        for (name, kind, scope), kid in reversed(keys.items()):
            yield (f'  <key id="{kid}" for="{scope}" attr.name="{_attrib(name)}" '
                   f'attr.type="{kind}" />')
        has_nodes = net.graph.number_of_nodes() > 0 or net.graph.number_of_edges() > 0
        head = '  <graph edgedefault="undirected"' + (f' id="{_attrib(str(graph_id))}"' if graph_id is not None
                                                      else "")
        if not graph_data and not has_nodes:
            yield head + " />"
        else:
            yield head + ">"
            for node, data in net.nodes(True):
                start = f'    <node id="{_attrib(str(_fix(node)))}"'
                if data:
                    yield start + ">"
                    for k, v in data.items():
                        yield data_line("      ", _fix(k), v, "node")
                    yield "    </node>"
                else:
                    yield start + " />"
            for a, b, data in net.edges(True):
                start = f'    <edge source="{_attrib(str(_fix(a)))}" target="{_attrib(str(_fix(b)))}"'
                if data:
                    yield start + ">"
                    for k, v in data.items():
                        yield data_line("      ", _fix(k), v, "edge")
                    yield "    </edge>"
                else:
                    yield start + " />"
            for k, v in graph_data.items():  # networkx adds the graph's data after its nodes and edges
                yield data_line("    ", k, v, "graph")
            yield "  </graph>"
        yield "</graphml>"

    yield from _batched(lines())


# -- GEXF ------------------------------------------------------------------------------------------


def gexf(graph: nx.Graph) -> str:
    """GEXF 1.2 for Gephi, without a date stamp.

    GEXF has no attributes of a whole graph: those other than its ``name`` and
    ``mode`` (what a projection kept) go into ``<meta><description>`` as
    ``key: value`` lines, where Gephi shows them.
    """
    return "".join(gexf_pieces(_Network(graph)))


def _gexf_value(value: object, kind: type) -> str:
    text = str(value)
    if kind is float:
        text = {"inf": "INF", "nan": "NaN", "-inf": "-INF"}.get(text, text)
    return text


def _dynamic(values: list) -> tuple[bool, type, list[object]]:
    """What networkx makes of a list attribute: whether it is dynamic, its values' type, and the times
    it looks at (which set the graph's timeformat)."""
    kind: type = list
    for val, start, end in values:
        kind = type(val)
        if start is not None or end is not None:
            return True, kind, [start, end]
    return False, kind, []


def gexf_pieces(net: _Network) -> Iterator[str]:
    """GEXF in pieces: what ``networkx.generate_gexf(prettyprint=True)`` writes, with ``<creator>`` saying
    ``kg report``, no date, and the graph's other attributes in ``<description>``."""
    graph = net.graph
    if not net.ours(_GEXF_NODE_OWN, _GEXF_EDGE_OWN):
        yield _networkx_gexf(xml_safe(short_ids(graph, net.prefix)))
        return
    safe_graph = {_fix(k): _fix(v) for k, v in graph.graph.items()}
    mode = "dynamic" if safe_graph.get("mode") == "dynamic" else "static"
    timeformat: str | None = None
    attributes: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}  # (class, mode) → title → (id, type)
    counter = [0]

    def attribute(cls: str, att_mode: str, title: str, kind: type) -> str:
        block = attributes.setdefault((cls, att_mode), {})
        found = block.get(title)
        if found is None:
            if kind not in GEXF_TYPES:
                raise TypeError(f"attribute value type is not allowed: {kind}")
            found = block[title] = (str(counter[0]), GEXF_TYPES[kind])
            counter[0] += 1
        return found[0]

    def times(values: list[object]) -> None:
        nonlocal timeformat, mode
        for value in values:
            if value is None:
                continue
            if isinstance(value, str):
                timeformat = "date"
            elif isinstance(value, float):
                timeformat = "double"
            elif isinstance(value, int):
                timeformat = "long"
            else:
                raise nx.NetworkXError("timeformat should be of the type int, float or str")
            mode = "dynamic"

    def element(cls: str, data: dict, indent: str) -> list[str]:
        """An element's children (spells, attvalues), registering attributes and times as networkx does."""
        out: list[str] = []
        spells = data.get("spells")
        if spells:
            out.append(f"{indent}<spells>")
            for start, end in spells:
                times([start, end])
                attrs = (f' start="{_attrib(str(start))}"' if start is not None else "") + (
                    f' end="{_attrib(str(end))}"' if end is not None else "")
                out.append(f"{indent}  <spell{attrs} />")
            out.append(f"{indent}</spells>")
        skip = ("label", "spells") if cls == "node" else ("weight", "spells")
        rest = [(k, v) for k, v in data.items() if k not in skip]
        if not rest:
            return out
        values: list[str] = []
        att_mode = "static"
        for k, v in rest:
            k = "networkx_key" if k == "key" else k
            if type(v) not in GEXF_TYPES:
                raise TypeError(f"attribute value type is not allowed: {type(v)}")
            if isinstance(v, list):
                dynamic, kind, seen = _dynamic(v)
                if dynamic:
                    att_mode = "dynamic"
                    times(seen)
                aid = attribute(cls, att_mode, str(_fix(k)), kind)
                for val, start, end in v:
                    attrs = f' for="{aid}" value="{_attrib(_gexf_value(_fix(val), kind))}"'
                    if start is not None:
                        attrs += f' start="{_attrib(str(start))}"'
                    if end is not None:
                        attrs += f' end="{_attrib(str(end))}"'
                    values.append(f"{indent}  <attvalue{attrs} />")
            else:
                att_mode = "static"
                aid = attribute(cls, att_mode, str(_fix(k)), type(v))
                text = str(v).lower() if isinstance(v, bool) else _gexf_value(_fix(v), type(v))
                values.append(f'{indent}  <attvalue for="{aid}" value="{_attrib(text)}" />')
        if values:
            out += [f"{indent}<attvalues>", *values, f"{indent}</attvalues>"]
        else:
            out.append(f"{indent}<attvalues />")
        return out

    # First the nodes and edges (which number the attributes and set the time format), kept as lines.
    body: list[str] = []
    if graph.number_of_nodes():
        body.append("    <nodes>")
        for node, data in net.nodes(True):
            label = data.get("label", node)
            start = f'      <node id="{_attrib(str(_fix(node)))}" label="{_attrib(str(_fix(label)))}"'
            children = element("node", data, "        ")
            body += [start + ">", *children, "      </node>"] if children else [start + " />"]
        body.append("    </nodes>")
    else:
        body.append("    <nodes />")
    if graph.number_of_edges():
        body.append("    <edges>")
        for number, (a, b, data) in enumerate(net.edges(True)):
            start = f'      <edge source="{_attrib(str(_fix(a)))}" target="{_attrib(str(_fix(b)))}" id="{number}"'
            if "weight" in data:
                start += f' weight="{_attrib(str(_fix(data["weight"])))}"'
            children = element("edge", data, "        ")
            body += [start + ">", *children, "      </edge>"] if children else [start + " />"]
        body.append("    </edges>")
    else:
        body.append("    <edges />")

    # networkx's text is ASCII; the description is put in afterwards, as it is.
    yield _ascii(f"{GEXF_HEAD}\n  <meta>\n    <creator>{CREATOR}</creator>\n")
    described = [f"{key}: {value}" for key, value in sorted(safe_graph.items()) if key not in ("name", "mode")]
    if described:
        yield f"    <description>{escape(chr(10).join(described))}</description>\n"
    yield "  </meta>\n"
    name = _attrib(str(safe_graph.get("name", "")))
    top = [f'  <graph defaultedgetype="undirected" mode="{mode}" name="{name}"'
           + (f' timeformat="{timeformat}"' if timeformat else "") + ">"]
    for (cls, att_mode), block in reversed(attributes.items()):
        top.append(f'    <attributes mode="{att_mode}" class="{cls}">')
        top += [f'      <attribute id="{aid}" title="{_attrib(title)}" type="{kind}" />'
                for title, (aid, kind) in block.items()]
        top.append("    </attributes>")
    yield _ascii("\n".join(top) + "\n")
    yield from _batched(iter(body))
    yield "  </graph>\n</gexf>\n"


def _networkx_gexf(safe: nx.Graph) -> str:
    text = _GEXF_DATE.sub("", "\n".join(nx.generate_gexf(safe, prettyprint=True)), count=1)
    text = re.sub(r"<creator>[^<]*</creator>", f"<creator>{CREATOR}</creator>", text, count=1)
    described = [f"{key}: {value}" for key, value in sorted(safe.graph.items()) if key not in ("name", "mode")]
    if described:
        description = escape("\n".join(described))
        text = text.replace("</creator>", f"</creator>\n    <description>{description}</description>", 1)
    return text + "\n"


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


def node_link_pieces(net: _Network) -> Iterator[str]:
    """The JSON of ``networkx.node_link_data(graph, edges="edges")`` in pieces, one node or edge a line."""
    graph = net.graph
    if graph.is_multigraph():
        yield _networkx_node_link(short_ids(graph, net.prefix))
        return
    yield (f'{{"directed":{_dump(graph.is_directed())},"graph":{_dump(graph.graph)},"multigraph":false,\n'
           '"edges":[')
    yield from _items(_dump({**data, "source": a, "target": b}) for a, b, data in net.edges())
    yield '\n],\n"nodes":['
    yield from _items(_dump({**data, "id": node}) for node, data in net.nodes())
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
    net = _Network(graph, prefix)
    return {
        f"networks/{stem}.graphml": graphml_pieces(net),
        f"networks/{stem}.gexf": gexf_pieces(net),
        f"networks/{stem}.json": node_link_pieces(net),
    }
