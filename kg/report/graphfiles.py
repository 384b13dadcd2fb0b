"""Networks as files for other tools: GraphML, GEXF (Gephi) and node-link JSON.

Every node and edge attribute goes into each format. XML 1.0 cannot hold control
characters (nor U+FFFE/U+FFFF), which a name could contain, so the XML formats get
U+FFFD in their place; JSON keeps every character. The GEXF writer of networkx
stamps the day's date into the file; it is taken out, so the same network gives
the same bytes on any day.
"""

from __future__ import annotations

import json
import re

import networkx as nx

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


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
    """GEXF 1.2 for Gephi, without the writer's date stamp."""
    text = "\n".join(nx.generate_gexf(xml_safe(graph), prettyprint=True))
    return _GEXF_DATE.sub("", text, count=1) + "\n"


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


def graph_files(stem: str, graph: nx.Graph) -> dict[str, str]:
    """``networks/{stem}.graphml``, ``.gexf`` and ``.json`` for one network."""
    return {
        f"networks/{stem}.graphml": graphml(graph),
        f"networks/{stem}.gexf": gexf(graph),
        f"networks/{stem}.json": node_link(graph),
    }
