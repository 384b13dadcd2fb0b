"""GraphML and GEXF, written a piece at a time in the very layout of networkx's writers.

What ``networkx.generate_graphml(prettyprint=True)`` and ``generate_gexf`` write, joined
by line breaks as :mod:`kg.report.graphfiles` always wrote them: the same elements,
attributes, key and attribute ids (numbered in the order networkx meets them), escapes,
indentation and order, text outside ASCII as character references (networkx writes
US-ASCII), characters XML 1.0 cannot hold as U+FFFD. But no tree of the whole document
is built first (that cost a gigabyte and minutes on a big site): each node and edge is
formatted from a template made once for its shape (its attributes' names and types).
GEXF names ``kg report`` as its creator and carries no date. What these writers do not
handle (directed graphs, multigraphs, node and edge defaults, GEXF's ``viz``,
``parents``, ``pid``, ``start``/``end`` attributes) goes to networkx.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import networkx as nx
import numpy as np

if TYPE_CHECKING:
    from kg.report.graphfiles import _Network

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


_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 13))
_SUSPECT = re.compile(rb"&#(5[5-7][0-9]{3}|6553[45]);")
"""Character references that may stand for a surrogate or U+FFFE/U+FFFF (and some that do not)."""


def _xml(lines: list[str]) -> str:
    """Lines of XML as one piece: each ending in a line break, characters XML cannot hold as U+FFFD (no
    markup here has any, so this does for every name and value what networkx's copy does), and characters
    outside ASCII as character references (networkx's writers write US-ASCII). Most pieces have no such
    character: two passes in C find that out, the regular expression runs only where they may."""
    text = "\n".join(lines) + "\n"
    data = text.encode("ascii", "xmlcharrefreplace")
    if len(data.translate(None, _CONTROL)) != len(data) or (not text.isascii() and _SUSPECT.search(data)):
        data = _NOT_XML.sub("\ufffd", text).encode("ascii", "xmlcharrefreplace")
    return data.decode("ascii")


# -- GraphML ---------------------------------------------------------------------------------------


def _graphml_text(value: object) -> str:
    if type(value) is str:
        return _text(value)
    return _text(str(value))


def graphml_pieces(net: _Network) -> Iterator[str]:
    """GraphML in pieces: what ``networkx.generate_graphml(prettyprint=True)`` writes, lines joined by ``\\n``."""
    try:
        yield from _graphml(net)
    finally:
        net.done()


def _graphml(net: _Network) -> Iterator[str]:
    if not net.ours():
        yield "\n".join(nx.generate_graphml(net.networkx_copy(), prettyprint=True)) + "\n"
        return
    graph_data = {_fix(k): _fix(v) for k, v in net.graph.graph.items()}
    graph_id = graph_data.pop("id", None)
    nodes, edges = net.xml_nodes(), net.xml_edges()
    keys: dict[tuple[str, str, str], str] = {}
    by_type: dict[tuple[str, object, type], str] = {}

    def key(scope: str, name: object, kind_of: type) -> str:
        kind = GRAPHML_TYPES.get(kind_of)
        if kind is None:
            raise nx.NetworkXError(f"GraphML writer does not support {kind_of} as data values.")
        found = keys.get((str(name), kind, scope))
        if found is None:
            found = keys[str(name), kind, scope] = f"d{len(keys)}"
        by_type[scope, name, kind_of] = found
        return found

    # The keys first, numbered as networkx numbers them: graph, nodes, edges, each one's attributes in order.
    for k, v in graph_data.items():
        key("graph", k, type(v))
    for scope, datas in (("node", (d for _n, d in nodes)), ("edge", (d for _a, _b, d in edges))):
        for data in datas:
            for k, v in data.items():
                if (scope, k, type(v)) not in by_type:
                    key(scope, k, type(v))

    out = [GRAPHML_HEAD]
    out += [f'  <key id="{kid}" for="{scope}" attr.name="{_attrib(name)}" attr.type="{kind}" />'
            for (name, kind, scope), kid in reversed(keys.items())]
    head = '  <graph edgedefault="undirected"' + (f' id="{_attrib(str(graph_id))}"' if graph_id is not None else "")
    if not graph_data and not nodes and not edges:
        out += [head + " />", "</graphml>"]
        yield _xml(out)
        return
    out.append(head + ">")
    element = _GraphMLElements(by_type)
    ids = net.xml_ids
    written = ids.__getitem__
    for lines in (element.lines("node", [f' id="{i}"' for i in map(written, [n for n, _d in nodes])],
                                [d for _n, d in nodes]),
                  element.lines("edge", [f' source="{a}" target="{b}"' for a, b in zip(
                      map(written, [a for a, _b, _d in edges]), map(written, [b for _a, b, _d in edges]), strict=True)],
                                [d for _a, _b, d in edges])):
        for chunk in lines:
            out += chunk
            if len(out) >= BATCH:
                yield _xml(out)
                out = []
    for k, v in graph_data.items():  # networkx adds the graph's data after its nodes and edges
        text = _graphml_text(v)
        kid = by_type["graph", k, type(v)]
        out.append(f'    <data key="{kid}">{text}</data>' if text else f'    <data key="{kid}" />')
    out += ["  </graph>", "</graphml>"]
    yield _xml(out)


CHUNK = 8192
"""Elements formatted at once (a column at a time)."""
RUN = 16
"""Elements of one shape in a row from which :meth:`_GraphMLElements.lines` formats a column at a time."""
_PLAIN = (int, float, bool)
"""Values whose text (``str``) needs no escape."""


class _GraphMLElements:
    """A node's or edge's lines, from a template made once for each shape (its attributes' names and types)."""

    def __init__(self, keys: dict[tuple[str, object, type], str]) -> None:
        self.keys = keys
        self.templates: dict[tuple, tuple[str, tuple[int, ...]]] = {}

    def __call__(self, tag: str, ends: str, data: dict) -> str:
        if not data:
            return f"    <{tag}{ends} />"
        values = list(data.values())
        shape = (tag, *data, *map(type, values))
        found = self.templates.get(shape)
        if found is None:
            found = self.templates[shape] = self._template(tag, data)
        template, texts = found
        for i in texts:
            text = _text(str(values[i]))
            if not text:
                return self._slow(tag, ends, data)
            values[i] = text
        return template % (ends, *values)

    def lines(self, tag: str, ends: list[str], datas: list[dict]) -> Iterator[list[str]]:
        """``[self(tag, end, data) for end, data in zip(ends, datas)]`` a chunk at a time, a column at a time
        for each run of ``RUN`` or more elements with the same attributes of the same types (text that needs
        no escape)."""
        start = 0
        for keys, run in groupby(map(tuple, datas)):
            end = start + sum(1 for _ in run)
            for lo in range(start, end, CHUNK):
                hi = min(end, lo + CHUNK)
                found = self._run(tag, ends[lo:hi], datas[lo:hi], keys) if hi - lo >= RUN and keys else None
                yield found if found is not None else [self(tag, ends[i], datas[i]) for i in range(lo, hi)]
            start = end

    def _run(self, tag: str, ends: list[str], datas: list[dict], keys: tuple) -> list[str] | None:
        """:meth:`lines` of elements with the same ``keys``; None when a key's values are not all of one type,
        or a text is empty or needs an escape (those take :meth:`__call__`)."""
        columns: list[list] = [ends]
        kinds = []
        for key in keys:
            column = list(map(itemgetter(key), datas))
            found = set(map(type, column))
            if len(found) != 1:
                return None
            kind = found.pop()
            if kind is not str and kind not in _PLAIN:
                return None
            if kind is str:
                joined = "\x00".join(column)
                if "" in column or any(c in joined for c in "&<>\r"):
                    return None
            columns.append(column)
            kinds.append(kind)
        sample = dict(zip(keys, (column[0] for column in columns[1:]), strict=True))
        shape = (tag, *keys, *kinds)
        found_template = self.templates.get(shape)
        if found_template is None:
            found_template = self.templates[shape] = self._template(tag, sample)
        template = found_template[0]
        return list(map(template.__mod__, zip(*columns, strict=True)))

    def _template(self, tag: str, data: dict) -> tuple[str, tuple[int, ...]]:
        lines = [f"    <{tag}%s>"]
        lines += [f'      <data key="{self.keys[tag, k, type(v)]}">%s</data>' for k, v in data.items()]
        lines.append(f"    </{tag}>")
        texts = tuple(i for i, v in enumerate(data.values()) if type(v) not in _PLAIN)
        return "\n".join(lines), texts  # key ids hold no "%"

    def _slow(self, tag: str, ends: str, data: dict) -> str:
        lines = [f"    <{tag}{ends}>"]
        for k, v in data.items():
            text = _graphml_text(v)
            kid = self.keys[tag, k, type(v)]
            lines.append(f'      <data key="{kid}">{text}</data>' if text else f'      <data key="{kid}" />')
        lines.append(f"    </{tag}>")
        return "\n".join(lines)


# -- GEXF ------------------------------------------------------------------------------------------


_SPECIAL_FLOATS = {"inf": "INF", "nan": "NaN", "-inf": "-INF"}


def _gexf_value(value: object, kind: type) -> str:
    """An attribute value as networkx writes it (escaped)."""
    if type(value) is str:
        return _attrib(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if kind is float:
        text = _SPECIAL_FLOATS.get(text, text)
    return _attrib(text)


def _dynamic(values: list) -> tuple[bool, type, list[object]]:
    """What networkx makes of a list attribute: whether it is dynamic, its values' type, and the times
    it looks at (which set the graph's timeformat)."""
    kind: type = list
    for val, start, end in values:
        kind = type(val)
        if start is not None or end is not None:
            return True, kind, [start, end]
    return False, kind, []


def _timeformat(value: object) -> str:
    if isinstance(value, str):
        return "date"
    if isinstance(value, float):
        return "double"
    if isinstance(value, int):
        return "long"
    raise nx.NetworkXError("timeformat should be of the type int, float or str")


def gexf_pieces(net: _Network) -> Iterator[str]:
    """GEXF in pieces: what ``networkx.generate_gexf(prettyprint=True)`` writes, with ``<creator>`` saying
    ``kg report``, no date, and the graph's other attributes in ``<description>``."""
    try:
        yield from _gexf(net)
    finally:
        net.done()


GEXF_SKIPS: dict[str, tuple[str, ...]] = {"node": ("label", "spells"), "edge": ("weight", "spells")}
"""The attributes GEXF writes in the element itself, not as attribute values."""


def gexf_attributes(node_datas: Iterable[dict], edge_datas: Iterable[dict]) \
        -> tuple[dict[tuple[str, str], dict[str, tuple[str, str]]], dict[tuple[str, str, str], str], str | None, bool]:
    """What networkx finds as it goes through the nodes' and edges' attributes: each attribute's id (in order
    of first use) and type by (class, mode) → title, the id of each (class, mode, title), the time format (set
    by every time it meets), and whether a time was met (which makes the graph dynamic)."""
    attributes: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}  # (class, mode) → title → (id, type)
    ids: dict[tuple[str, str, str], str] = {}  # (class, mode, name) → id
    timeformat: str | None = None
    dynamic_graph = False
    number = 0
    for cls, datas in (("node", node_datas), ("edge", edge_datas)):
        skip = GEXF_SKIPS[cls]
        for data in datas:
            spells = data.get("spells")
            if spells:
                for start, end in spells:
                    time = end if end is not None else start
                    if time is not None:
                        timeformat, dynamic_graph = _timeformat(time), True
            att_mode = "static"
            for k, v in data.items():
                if k in skip:
                    continue
                kind = type(v)
                if kind not in GEXF_TYPES:
                    raise TypeError(f"attribute value type is not allowed: {kind}")
                if kind is list:
                    dynamic, kind, seen = _dynamic(v)
                    if dynamic:
                        att_mode = "dynamic"
                        for time in seen:
                            if time is not None:
                                timeformat, dynamic_graph = _timeformat(time), True
                else:
                    att_mode = "static"
                title = "networkx_key" if k == "key" else str(k)
                if (cls, att_mode, title) not in ids:
                    if kind not in GEXF_TYPES:
                        raise KeyError(kind)
                    attributes.setdefault((cls, att_mode), {})[title] = (str(number), GEXF_TYPES[kind])
                    ids[cls, att_mode, title] = str(number)
                    number += 1
    return attributes, ids, timeformat, dynamic_graph


def gexf_head(safe_graph: dict, attributes: dict[tuple[str, str], dict[str, tuple[str, str]]],
              timeformat: str | None, dynamic: bool) -> Iterator[str]:
    """GEXF up to the nodes: the meta data, the graph element and the attribute declarations."""
    mode = "dynamic" if dynamic or safe_graph.get("mode") == "dynamic" else "static"
    # networkx's text is ASCII; the description is put in afterwards, as it is.
    yield _xml([GEXF_HEAD, "  <meta>", f"    <creator>{CREATOR}</creator>"])
    described = [f"{key}: {value}" for key, value in sorted(safe_graph.items()) if key not in ("name", "mode")]
    if described:
        yield f"    <description>{escape(chr(10).join(described))}</description>\n"
    out = ["  </meta>", f'  <graph defaultedgetype="undirected" mode="{mode}" '
                        f'name="{_attrib(str(safe_graph.get("name", "")))}"'
                        + (f' timeformat="{timeformat}"' if timeformat else "") + ">"]
    for (cls, att_mode), declared in reversed(attributes.items()):
        out.append(f'    <attributes mode="{att_mode}" class="{cls}">')
        out += [f'      <attribute id="{aid}" title="{_attrib(title)}" type="{type_name}" />'
                for title, (aid, type_name) in declared.items()]
        out.append("    </attributes>")
    yield _xml(out)


def _gexf(net: _Network) -> Iterator[str]:
    graph = net.graph
    if not net.ours(_GEXF_NODE_OWN, _GEXF_EDGE_OWN):
        yield _networkx_gexf(net.networkx_copy())
        return
    safe_graph = {_fix(k): _fix(v) for k, v in graph.graph.items()}
    nodes, edges = net.xml_nodes(), net.xml_edges()
    skips = GEXF_SKIPS
    attributes, ids, timeformat, dynamic = gexf_attributes((d for _n, d in nodes), (d for _a, _b, d in edges))
    yield from gexf_head(safe_graph, attributes, timeformat, dynamic)
    out: list[str] = []

    times: dict[tuple[object, object], str] = {}

    def when(start: object, end: object) -> str:
        """`` start="…" end="…" />``, made once for each (start, end)."""
        found = times.get((start, end))
        if found is None:
            found = times[start, end] = ((f' start="{_attrib(str(start))}"' if start is not None else "")
                                         + (f' end="{_attrib(str(end))}"' if end is not None else "") + " />")
        return found

    def children(out: list[str], cls: str, data: dict) -> None:
        """A node's or edge's spells and attribute values, as lines added to ``out``."""
        spells = data.get("spells")
        if spells:
            out.append("        <spells>")
            out.extend(["          <spell" + when(start, end) for start, end in spells])
            out.append("        </spells>")
        skip = skips[cls]
        values = None
        att_mode = "static"
        for k, v in data.items():
            if k in skip:
                continue
            if values is None:
                values = []
            title = "networkx_key" if k == "key" else str(k)
            if type(v) is list:
                dynamic, kind, _times = _dynamic(v)
                if dynamic:
                    att_mode = "dynamic"
                head = f'          <attvalue for="{ids[cls, att_mode, title]}" value="'
                values.extend([f'{head}{_gexf_value(val, kind)}"{when(start, end)}' for val, start, end in v])
            else:
                att_mode = "static"
                values.append(f'          <attvalue for="{ids[cls, "static", title]}" '
                              f'value="{_gexf_value(v, type(v))}" />')
        if values:
            out.append("        <attvalues>")
            out.extend(values)
            out.append("        </attvalues>")
        elif values is not None:
            out.append("        <attvalues />")

    fast = _GexfValues(ids, skips)
    written = net.xml_ids
    if nodes:
        out.append("    <nodes>")
        for lines in fast.chunks("node", [d for _n, d in nodes], lambda lo, hi: _node_starts(nodes[lo:hi], written),
                                 children):
            out += lines
            if len(out) >= BATCH:
                yield _xml(out)
                out = []
        out.append("    </nodes>")
    else:
        out.append("    <nodes />")
    if edges:
        out.append("    <edges>")
        for lines in fast.chunks("edge", [d for _a, _b, d in edges],
                                 lambda lo, hi: _edge_starts(edges, lo, hi, written), children):
            out += lines
            if len(out) >= BATCH:
                yield _xml(out)
                out = []
        out.append("    </edges>")
    else:
        out.append("    <edges />")
    out += ["  </graph>", "</gexf>"]
    yield _xml(out)


_ATTRIB_ESCAPED = '&<>"\r\n\t'


def _attribs(texts: list[str]) -> list[str]:
    """``[_attrib(t) for t in texts]``: the texts as they are when none needs an escape (one search in C each)."""
    joined = "\x00".join(texts)
    return list(map(_attrib, texts)) if any(c in joined for c in _ATTRIB_ESCAPED) else texts


def _node_starts(nodes: list[tuple[object, dict]], written: dict) -> list[str]:
    """Each node's ``<node id=… label=…`` (as the element-by-element writer makes it)."""
    labels = [data.get("label", node) for node, data in nodes]
    texts = _attribs([label if type(label) is str else str(label) for label in labels])
    return [f'      <node id="{written[node]}" label="{label}"' for (node, _d), label in zip(nodes, texts, strict=True)]


def _edge_starts(edges: list[tuple[object, object, dict]], lo: int, hi: int, written: dict) -> list[str]:
    """The ``<edge source=… target=… id=… weight=…`` of edges ``lo`` to ``hi`` (numbered from 0 in ``edges``)."""
    starts = [f'      <edge source="{written[a]}" target="{written[b]}" id="{number}"'
              for number, (a, b, _d) in enumerate(edges[lo:hi], lo)]
    if all("weight" in data for _a, _b, data in edges[lo:hi]):
        weights = _attribs([str(data["weight"]) for _a, _b, data in edges[lo:hi]])
        return [f'{start} weight="{weight}"' for start, weight in zip(starts, weights, strict=True)]
    return [f'{start} weight="{_attrib(str(data["weight"]))}"' if "weight" in data else start
            for start, (_a, _b, data) in zip(starts, edges[lo:hi], strict=True)]


def _gexf_element(out: list[str], tag: str, start: str, block: str | None,
                  children: Callable[[list[str], str, dict], None], data: dict) -> None:
    """One ``<node>`` or ``<edge>``: its ready ``block`` of values, else its children written by ``children``;
    empty as ``<tag … />``."""
    if block is None:
        before = len(out)
        out.append(start + ">")
        children(out, tag, data)
        if len(out) == before + 1:
            out[-1] = start + " />"
        else:
            out.append(f"      </{tag}>")
    else:
        out.append(f"{start}>\n{block}\n      </{tag}>" if block else start + " />")


class _GexfValues:
    """The ``<attvalues>`` of a node or edge whose attributes are all static (no list), from a template made
    once for each shape (the attributes' names and types); None for the others, and for values that take
    more care (infinite floats, types other than text, numbers and booleans)."""

    def __init__(self, ids: dict[tuple[str, str, str], str], skips: dict[str, tuple[str, ...]]) -> None:
        self.ids, self.skips = ids, skips
        self.templates: dict[tuple, tuple[str, tuple[tuple[int, type], ...]] | None] = {}

    def __call__(self, cls: str, data: dict) -> str | None:
        blocks = self._run(cls, [data], tuple(data))
        return None if blocks is None else blocks[0]

    def chunks(self, cls: str, datas: list[dict], starts: Callable[[int, int], list[str]],
               children: Callable[[list[str], str, dict], None]) -> Iterator[list[str]]:
        """The lines of every element, a chunk at a time: ``starts(lo, hi)`` gives the opening tags of elements
        ``lo`` to ``hi``; each run of ``RUN`` or more elements with the same attributes, all static and of one
        type each, has its values formatted a column at a time, the others as :func:`_gexf_element` does."""
        start = 0
        for keys, run in groupby(map(tuple, datas)):
            end = start + sum(1 for _ in run)
            for lo in range(start, end, CHUNK):
                hi = min(end, lo + CHUNK)
                opened = starts(lo, hi)
                blocks = self._run(cls, datas[lo:hi], keys) if hi - lo >= RUN else None
                if blocks is not None:
                    yield [f"{head}>\n{block}\n      </{cls}>" if block else head + " />"
                           for head, block in zip(opened, blocks, strict=True)]
                    continue
                out: list[str] = []
                for head, data in zip(opened, datas[lo:hi], strict=True):
                    _gexf_element(out, cls, head, self(cls, data), children, data)
                yield out
            start = end

    def _run(self, cls: str, datas: list[dict], keys: tuple) -> list[str] | None:
        """The ``<attvalues>`` blocks of elements with the same ``keys``; None where :meth:`__call__` would give
        None for any, or the types of a key's values differ."""
        kinds = []
        columns: list[list] = []
        for key in keys:
            column = list(map(itemgetter(key), datas))
            found = set(map(type, column))
            if len(found) != 1:
                return None
            kinds.append(found.pop())
            columns.append(column)
        shape = (cls, *keys, *kinds)
        if shape not in self.templates:
            self.templates[shape] = self._template(cls, dict(zip(keys, (c[0] for c in columns), strict=True)))
        found_template = self.templates[shape]
        if found_template is None:
            return None
        template, shown = found_template
        if not shown:
            return [""] * len(datas)
        parts: list[list] = []
        for i, kind in shown:
            column = columns[i]
            if kind is str:
                column = _attribs(column)
            elif kind is bool:
                column = ["true" if value else "false" for value in column]
            elif kind is float and not all(map(math.isfinite, column)):
                return None
            parts.append(column)
        return list(map(template.__mod__, zip(*parts, strict=True)))

    def _template(self, cls: str, data: dict) -> tuple[str, tuple[tuple[int, type], ...]] | None:
        skip = self.skips[cls]
        lines, shown = [], []
        for i, (k, v) in enumerate(data.items()):
            if k in skip:
                continue
            if type(v) not in (str, int, float, bool) or k == "key":
                return None
            lines.append(f'          <attvalue for="{self.ids[cls, "static", str(k)]}" value="%s" />')
            shown.append((i, type(v)))
        if not shown:
            return "", ()
        return "        <attvalues>\n" + "\n".join(lines) + "\n        </attvalues>", tuple(shown)


def _networkx_gexf(safe: nx.Graph) -> str:
    text = _GEXF_DATE.sub("", "\n".join(nx.generate_gexf(safe, prettyprint=True)), count=1)
    text = re.sub(r"<creator>[^<]*</creator>", f"<creator>{CREATOR}</creator>", text, count=1)
    described = [f"{key}: {value}" for key, value in sorted(safe.graph.items()) if key not in ("name", "mode")]
    if described:
        description = escape("\n".join(described))
        text = text.replace("</creator>", f"</creator>\n    <description>{description}</description>", 1)
    return text + "\n"
