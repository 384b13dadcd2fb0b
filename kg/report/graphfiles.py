"""Networks as files for other tools: GraphML, GEXF (Gephi) and node-link JSON.

Every node and edge attribute goes into each format. A node's id is its IRI
without the site's ``…/kg/`` prefix (``organisation/open-source-politics``), the
same in every file, and its full IRI is its ``iri`` attribute: Gephi shows short
ids, and a link names its two ends in a tenth of the bytes. XML 1.0 cannot hold control
characters (nor U+FFFE/U+FFFF), which a name could contain, so the XML formats get
U+FFFD in their place; JSON keeps every character. The GEXF writer of networkx
stamps the day's date into the file; it is taken out, so the same network gives
the same bytes on any day.
"""

from __future__ import annotations

import json
import re
from xml.sax.saxutils import escape

import networkx as nx

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def short_ids(graph: nx.Graph, prefix: str) -> nx.Graph:
    """A copy of ``graph`` whose node ids starting with ``prefix`` lose it; each node keeps
    its full id in the attribute ``iri``. Nodes and edges stay in the order they were in."""
    if not prefix:
        return graph

    def short(node: str) -> str:
        return node[len(prefix):] if node.startswith(prefix) and len(node) > len(prefix) else node

    ids = {node: short(node) for node in graph}
    if len(set(ids.values())) < len(ids):  # a full IRI that is another's short form: keep them all
        ids = {node: node for node in graph}
    result = nx.Graph(**graph.graph)
    for node, data in graph.nodes(data=True):
        result.add_node(ids[node], **data, iri=node)
    for a, b, data in graph.edges(data=True):
        result.add_edge(ids[a], ids[b], **data)
    return result


def xml_safe(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose text (ids and attribute values) XML 1.0 can hold."""

    def fix(value: object) -> object:
        return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value

    def attrs(data: dict) -> dict:
        return {fix(k): fix(v) for k, v in data.items()}

    safe = nx.Graph(**attrs(graph.graph))
    for node, data in graph.nodes(data=True):
        safe.add_node(fix(node), **attrs(data))
    for a, b, data in graph.edges(data=True):
        safe.add_edge(fix(a), fix(b), **attrs(data))
    return safe


def graphml(graph: nx.Graph) -> str:
    """GraphML with every attribute declared with its type."""
    return "\n".join(nx.generate_graphml(xml_safe(graph), prettyprint=True)) + "\n"


def gexf(graph: nx.Graph) -> str:
    """GEXF 1.2 for Gephi, without the writer's date stamp.

    GEXF has no attributes of a whole graph: those other than its ``name`` and
    ``mode`` (what a projection kept) go into ``<meta><description>`` as
    ``key: value`` lines, where Gephi shows them.
    """
    safe = xml_safe(graph)
    text = _GEXF_DATE.sub("", "\n".join(nx.generate_gexf(safe, prettyprint=True)), count=1)
    described = [f"{key}: {value}" for key, value in sorted(safe.graph.items()) if key not in ("name", "mode")]
    if described:
        description = escape("\n".join(described))
        text = text.replace("</creator>", f"</creator>\n    <description>{description}</description>", 1)
    return text + "\n"


def node_link(graph: nx.Graph) -> str:
    """networkx's node-link JSON (``nodes``, ``edges``), keys sorted, one node or edge a line:
    compact enough for tens of thousands of links, and still readable in a diff."""
    data = nx.node_link_data(graph, edges="edges")

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    head = [f"{dump(key)}:{dump(value)}" for key, value in sorted(data.items()) if key not in ("nodes", "edges")]
    lists = [f'"{key}":[' + "".join(f"\n{dump(item)}," for item in data[key]).rstrip(",") + "\n]"
             for key in ("edges", "nodes")]
    return "{" + ",".join(head) + ",\n" + ",\n".join(lists) + "}\n"


def graph_files(stem: str, graph: nx.Graph, prefix: str = "") -> dict[str, str]:
    """``networks/{stem}.graphml``, ``.gexf`` and ``.json`` for one network, node ids
    without ``prefix`` (see :func:`short_ids`)."""
    graph = short_ids(graph, prefix)
    return {
        f"networks/{stem}.graphml": graphml(graph),
        f"networks/{stem}.gexf": gexf(graph),
        f"networks/{stem}.json": node_link(graph),
    }
