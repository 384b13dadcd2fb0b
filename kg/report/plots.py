"""Plots of the report, drawn with matplotlib's Agg backend (no display needed).

Each plot is returned as PNG and SVG bytes. Both are byte-identical from run to
run: layouts have a fixed seed and see nodes in sorted order, the SVG's ids come
from a fixed ``svg.hashsalt``, and neither file carries a date or software version.

Names in plots are plain text: ``$`` is escaped (matplotlib would read it as
mathematics), control and invisible formatting characters are dropped, and long
names are shortened with "…".
"""

from __future__ import annotations

import io
import logging
import math
import textwrap
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib

matplotlib.use("Agg")  # before pyplot: never look for a display

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

SEED = 42
LABEL_CHARS = 32
"""Longest name written in a plot; longer ones end in "…"."""
MAX_NETWORK_LABELS = 30
"""At most this many nodes get a name in a network plot: the best connected ones."""
MAX_DRAWN_NODES = 400
"""At most this many organisations are drawn in a network plot: the best connected ones."""
MAX_DRAWN_EDGES = 2000
"""At most this many links are drawn in a network plot: the strongest ones."""
RASTER_FROM = 300
"""A layer (links, nodes) with more elements than this is an image inside the SVG."""

#: Fonts tried glyph by glyph: DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew …), then
#: CJK fonts where installed (``.ci/run`` installs WenQuanYi Zen Hei); others draw boxes.
FONTS = ("DejaVu Sans", "WenQuanYi Zen Hei", "Noto Sans CJK JP")


def _installed(families: tuple[str, ...]) -> list[str]:
    from matplotlib import font_manager

    known = {font.name for font in font_manager.fontManager.ttflist}
    return [family for family in families if family in known] or ["DejaVu Sans"]


RC: dict[Any, Any] = {  # matplotlib types the keys as the literal names of its settings
    "svg.hashsalt": "kg-report",
    "svg.fonttype": "path",
    "font.family": _installed(FONTS),
    "font.size": 9,
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#17becf",
)
OTHER = "#cccccc"


@dataclass(frozen=True)
class Plot:
    """One figure in two formats, with the words the report says about it."""

    name: str
    title: str
    caption: str
    png: bytes
    svg: bytes


def render(name: str, title: str, caption: str, draw: Callable[[Figure], None],
           size: tuple[float, float] = (9.0, 6.0)) -> Plot:
    """Draw a figure with ``draw`` and save it as PNG and SVG, deterministically."""
    fonts = logging.getLogger("matplotlib.font_manager")
    level = fonts.level
    with plt.rc_context(RC), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # glyphs no font has are drawn as boxes
        fonts.setLevel(logging.ERROR)  # "font weight normal not found, using 500" for CJK fonts
        figure = Figure(figsize=size, layout="constrained")
        draw(figure)
        png, svg = io.BytesIO(), io.BytesIO()
        figure.savefig(png, format="png", metadata={"Software": None})
        figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        fonts.setLevel(level)
    return Plot(name, title, caption, png.getvalue(), svg.getvalue())


def plot_label(text: str, limit: int = LABEL_CHARS) -> str:
    """A name made safe and short for matplotlib."""
    kept = "".join(" " if unicodedata.category(ch) in {"Zl", "Zp", "Cc"} else ch
                   for ch in text if unicodedata.category(ch) not in {"Cf", "Co", "Cs", "Cn"})
    kept = " ".join(kept.split())
    if len(kept) > limit:
        kept = kept[: limit - 1].rstrip() + "…"
    return kept.replace("\\", "\\\\").replace("$", r"\$")


def colours(keys: Sequence[str]) -> dict[str, str]:
    """A colour for each key, in the order given; keys past the palette share grey."""
    return {key: PALETTE[i] if i < len(PALETTE) else OTHER for i, key in enumerate(keys)}


@dataclass(frozen=True)
class Drawing:
    """What a network plot draws of a graph, and where: made once, drawn in several colourings.

    A plot with thousands of links is an unreadable grey mat and a huge file, so at most
    ``MAX_DRAWN_NODES`` organisations (the best connected, plus the highlighted one) and,
    among them, the ``MAX_DRAWN_EDGES`` strongest links are drawn; :attr:`note` says so
    in the caption. Every node and link stays in the tables and graph files.
    """

    nodes: tuple[str, ...]
    edges: tuple[tuple[str, str], ...]
    positions: dict[str, tuple[float, float]]
    note: str


def drawing(graph: nx.Graph, highlight: str | None = None, *, max_nodes: int | None = None,
            max_edges: int | None = None) -> Drawing:
    """Choose the nodes and links to draw and lay them out (spring layout, fixed seed)."""
    max_nodes = MAX_DRAWN_NODES if max_nodes is None else max_nodes
    max_edges = MAX_DRAWN_EDGES if max_edges is None else max_edges
    degree = dict(graph.degree)
    strength = dict(graph.degree(weight="weight"))
    ranked = sorted(graph.nodes, key=lambda n: (-degree[n], -strength[n], n))
    chosen = set(ranked[:max_nodes])
    if highlight is not None and highlight in graph:
        chosen.add(highlight)
    among = _links_among(graph, chosen)
    links = sorted(among, key=lambda e: (-among[e], e))
    kept = tuple(sorted(links[:max_edges]))
    notes = []
    if len(chosen) < graph.number_of_nodes():
        notes.append(f"the {len(chosen):,} best-connected of {graph.number_of_nodes():,} organisations")
    if len(kept) < graph.number_of_edges():
        notes.append(f"the {len(kept):,} strongest of {graph.number_of_edges():,} links")
    note = ("Drawn: " + " and ".join(notes) + "; every one is in the tables and graph files.") if notes else ""
    return Drawing(tuple(sorted(chosen)), kept, _layout(chosen, among), note)


def _links_among(graph: nx.Graph, nodes: set[str]) -> dict[tuple[str, str], Any]:
    """The links between ``nodes`` (ends in sorted order) → their weight (1 where there is none): read from
    each node's neighbours, not through a view of the graph (which checks every neighbour twice)."""
    among: dict[tuple[str, str], Any] = {}
    for a in nodes:
        for b, data in graph.adj[a].items():
            if b in nodes and a < b:
                among[a, b] = data.get("weight", 1)
    return among


def network(graph: nx.Graph, name: str, title: str, caption: str, *,
            colour_by: str = "community", highlight: str | None = None, drawn: Drawing | None = None) -> Plot:
    """Nodes sized by degree and coloured by ``colour_by``; the best connected are named.

    ``drawn`` (from :func:`drawing`) is what to draw; a layer of more than
    ``RASTER_FROM`` nodes or links is rasterised in the SVG, which stays small.
    """
    drawn = drawn if drawn is not None else drawing(graph, highlight)
    if drawn.note:
        caption = f"{caption} {drawn.note}"

    def draw(figure: Figure) -> None:
        ax = figure.add_subplot()
        ax.set_axis_off()
        ax.set_title(plot_label(title, 80), loc="left")
        if graph.number_of_nodes() == 0:
            ax.text(0.5, 0.5, "no organisations", ha="center", va="center", transform=ax.transAxes)
            return
        nodes = list(drawn.nodes)
        layout = drawn.positions
        groups = [graph.nodes[n].get(colour_by, "") for n in nodes]
        counts = Counter(groups)
        order = sorted(counts, key=lambda g: (-counts[g], str(g)))
        palette = colours([str(g) for g in order])
        degree = dict(graph.degree(nodes))
        top = max(degree.values()) or 1
        heaviest = max((graph.edges[e].get("weight", 1) for e in drawn.edges), default=1) or 1
        widths = [0.4 + 2.0 * graph.edges[e].get("weight", 1) / heaviest for e in drawn.edges]
        if drawn.edges:
            lines = nx.draw_networkx_edges(graph, layout, ax=ax, edgelist=list(drawn.edges), width=widths,
                                           edge_color="#999999", alpha=0.5)
            lines.set_rasterized(len(drawn.edges) > RASTER_FROM)
        sizes = {n: 40 + 900 * degree[n] / top for n in nodes}
        dots = nx.draw_networkx_nodes(graph, layout, ax=ax, nodelist=nodes, node_size=[sizes[n] for n in nodes],
                                      node_color=[palette[str(g)] for g in groups], linewidths=0.5,
                                      edgecolors="white")
        dots.set_rasterized(len(nodes) > RASTER_FROM)
        named = sorted(nodes, key=lambda n: (-degree[n], n))[:MAX_NETWORK_LABELS]
        if highlight is not None and highlight in layout and highlight not in named:
            named.append(highlight)
        for node in sorted(named):
            # Above the node: half its diameter (size is an area in points²) plus a little.
            ax.annotate(plot_label(graph.nodes[node].get("label", node)), layout[node], textcoords="offset points",
                        xytext=(0, sizes[node] ** 0.5 / 2 + 1), fontsize=7, ha="center", va="bottom",
                        fontweight="bold" if node == highlight else "normal",
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
        handles = [plt.Line2D([], [], marker="o", linestyle="", color=palette[str(g)],
                              label=plot_label(str(g) if colour_by == "kind" else f"{colour_by} {g}"))
                   for g in order[: len(PALETTE)]]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7)

    return render(name, title, caption, draw, size=(11.0, 8.0))


def _layout(nodes: set[str], links: dict[tuple[str, str], Any]) -> dict[str, tuple[float, float]]:
    """Positions of ``nodes`` linked by ``links`` (sorted ends → weight): each component laid out on its
    own (spring, fixed seed) in a grid cell sized by its number of nodes, largest first, so that small
    groups stay readable."""
    if not nodes:
        return {}
    plain = nx.Graph()
    plain.add_nodes_from(sorted(nodes))
    plain.add_edges_from(links)
    parts = sorted((sorted(c) for c in nx.connected_components(plain)), key=lambda c: (-len(c), c[0]))
    part_of = {node: i for i, part in enumerate(parts) for node in part}
    part_links: list[list[tuple[str, str, Any]]] = [[] for _ in parts]
    for (a, b), weight in links.items():
        part_links[part_of[a]].append((a, b, weight))
    columns = max(1, math.ceil(math.sqrt(len(parts))))
    biggest = len(parts[0])
    positions: dict[str, tuple[float, float]] = {}
    for i, part in enumerate(parts):
        row, column = divmod(i, columns)
        scale = 0.42 * math.sqrt(len(part) / biggest) if len(part) > 1 else 0.0
        if len(part) > 1:
            sub = nx.Graph()  # in sorted order, whatever order the graph holds them in
            sub.add_nodes_from(part)
            sub.add_weighted_edges_from(sorted(part_links[i]))
            inner = nx.spring_layout(sub, seed=SEED, weight="weight",
                                     k=1.5 / len(part) ** 0.5, iterations=100, center=(0, 0))
        else:
            inner = {part[0]: (0.0, 0.0)}
        for node, (x, y) in inner.items():
            positions[node] = (column + 0.5 + scale * float(x), -(row + 0.5) + scale * float(y))
    return positions


def stacked_years(counts: dict[str, dict[int, int]], name: str, title: str, caption: str,
                  ylabel: str = "projects") -> Plot:
    """Stacked bars: for each year, the count per series (series in the given order)."""

    def draw(figure: Figure) -> None:
        ax = figure.add_subplot()
        ax.set_title(plot_label(title, 80), loc="left")
        years = sorted({y for series in counts.values() for y in series})
        if not years:
            ax.text(0.5, 0.5, "no dated projects", ha="center", va="center", transform=ax.transAxes)
            return
        bottom = [0] * len(years)
        palette = colours(list(counts))
        for series, by_year in counts.items():
            values = [by_year.get(y, 0) for y in years]
            ax.bar(years, values, bottom=bottom, label=plot_label(series, 48), color=palette[series], width=0.8)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_ylabel(ylabel)
        ax.set_xticks(years, [str(y) for y in years], rotation=45 if len(years) > 12 else 0)
        locator = ax.yaxis.get_major_locator()  # matplotlib's AutoLocator, a MaxNLocator
        assert isinstance(locator, MaxNLocator)
        locator.set_params(integer=True)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), frameon=False, fontsize=7, ncols=2)

    return render(name, title, caption, draw)


def heatmap(rows: Sequence[str], columns: Sequence[str], values: Sequence[Sequence[int]],
            name: str, title: str, caption: str) -> Plot:
    """A grid of counts: rows × columns, each cell shaded and numbered."""

    def draw(figure: Figure) -> None:
        ax = figure.add_subplot()
        ax.set_title(plot_label(title, 80), loc="left")
        if not rows or not columns:
            ax.set_axis_off()
            ax.text(0.5, 0.5, "no organisations with themes", ha="center", va="center", transform=ax.transAxes)
            return
        image = ax.imshow(values, cmap="Blues", aspect="auto", interpolation="nearest")
        ax.set_xticks(range(len(columns)), [textwrap.fill(plot_label(c, 48), 24) for c in columns],
                      rotation=40, ha="right", rotation_mode="anchor")
        ax.set_yticks(range(len(rows)), [plot_label(r) for r in rows])
        top = max((v for row in values for v in row), default=0)
        for i, row in enumerate(values):
            for j, value in enumerate(row):
                if value:
                    ax.text(j, i, str(value), ha="center", va="center", fontsize=7,
                            color="white" if value > top / 2 else "black")
        bar = figure.colorbar(image, ax=ax, label="projects", shrink=0.6)
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()

    return render(name, title, caption, draw, size=(9.0, max(4.0, 0.28 * len(rows) + 2.5)))


def growth(years: Sequence[int], organisations: Sequence[int], pairs: Sequence[int], newcomers: Sequence[int],
           name: str, title: str, caption: str) -> Plot:
    """Cumulative organisations and pairs as lines, new organisations per year as bars."""

    def draw(figure: Figure) -> None:
        ax = figure.add_subplot()
        ax.set_title(plot_label(title, 80), loc="left")
        if not years:
            ax.text(0.5, 0.5, "no dated projects", ha="center", va="center", transform=ax.transAxes)
            return
        ax.bar(years, newcomers, color=PALETTE[3], label="new organisations that year", width=0.8)
        ax.plot(years, organisations, marker="o", color=PALETTE[0], label="organisations so far")
        ax.set_ylabel("organisations")
        ax.set_xticks(list(years), [str(y) for y in years], rotation=45 if len(years) > 12 else 0)
        right = ax.twinx()
        right.plot(years, pairs, marker="s", color=PALETTE[1], label="collaborating pairs so far")
        right.set_ylabel("pairs")
        right.spines["right"].set_visible(True)
        lines = ax.get_legend_handles_labels()
        more = right.get_legend_handles_labels()
        ax.legend(lines[0] + more[0], lines[1] + more[1], loc="upper left", frameon=False)

    return render(name, title, caption, draw)
