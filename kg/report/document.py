"""The report's content as a list of blocks, rendered alike to HTML and Markdown.

Both ``report.html`` and ``report.md`` are made from the same blocks, so they say
the same things in the same order; only the markup differs. Block text is plain
text (never markup): the renderers escape it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.report.networks import MAX_PROJECTION_EDGES
from kg.report.plots import Plot
from kg.report.tables import Table, cell

if TYPE_CHECKING:
    import networkx as nx

    from kg.report import Report

ROW_LIMIT = 200
"""Tables in the report show at most this many rows; the CSV files have them all."""
BROKERS_SHOWN = 10


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class KeyValues:
    """A two-column list of (what, value)."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Figure:
    plot: Plot


@dataclass(frozen=True)
class TableBlock:
    table: Table
    limit: int = ROW_LIMIT


Block = Heading | Paragraph | Bullets | KeyValues | Figure | TableBlock


def blocks(report: Report, files: list[str]) -> list[Block]:
    """Everything the report says, in order."""
    plots = {p.name: p for p in report.plots}
    site = report.name(report.facts.site_org) if report.facts.site_org else "the site's organisation"
    out: list[Block] = [
        Heading(1, f"Collaboration network of {report.title}", "top"),
        Paragraph(f"Who worked with whom on the projects of {report.site_url}, made by kg from the site's "
                  f"knowledge graph ({report.window})."),
        Heading(2, "Summary", "summary"),
        KeyValues(tuple(report.summary())),
        Heading(2, "The network", "network"),
        Paragraph(f"Two organisations are linked when they took part in the same project, as client, partner "
                  f"or funder; the link's weight is the number of projects they shared. {site} runs every "
                  f"project on the site, so it is linked to everyone; the report shows the network with and "
                  f"without it, and measures the one "
                  f"{'without' if report.options.without_site_org else 'with'} it."),
        Figure(plots["network"]),
        Figure(plots["network-by-kind"]),
        Figure(plots["network-with-site-org" if report.options.without_site_org else "network-without-site-org"]),
        Heading(2, "Organisations", "organisations"),
        TableBlock(report.organisations),
        Heading(2, "Who connects whom", "brokers"),
        Paragraph(f"Brokers lie on many of the shortest paths between other organisations (betweenness, "
                  f"counted without {site}, which otherwise lies on all of them)."),
    ]
    graph = report.without_site_org
    brokers = [f"{graph.nodes[n]['label']}: betweenness {cell(graph.nodes[n]['betweenness'])}, "
               f"{graph.nodes[n]['degree']} partners" for n in report.brokers[:BROKERS_SHOWN]]
    out.append(Bullets(tuple(brokers)) if brokers else Paragraph("No organisation lies between two others."))
    bridges = [f"{report.name(a)} — {report.name(b)}" for a, b in report.bridges]
    out.append(Paragraph(f"Bridges: {len(bridges)} pairs are the only link between two groups of organisations "
                         f"(without {site})." if bridges else f"No pair is the only link between two groups "
                         f"(without {site})."))
    if bridges:
        out.append(Bullets(tuple(bridges[:ROW_LIMIT])))
    cut = [report.name(n) for n in report.cut_points]
    if cut:
        out.append(Paragraph(f"Organisations whose absence would split the network (without {site}): "
                             + "; ".join(cut[:ROW_LIMIT]) + "."))
    out += [
        Heading(2, "Communities", "communities"),
        TableBlock(report.community_table),
        Heading(2, "Pairs", "pairs"),
        TableBlock(report.pairs),
        Heading(2, "Lasting partnerships", "lasting"),
        TableBlock(report.lasting_table) if report.lasting_table.rows
        else Paragraph("No pair worked together on more than one project."),
        Heading(2, "Over the years", "years"),
        Figure(plots["growth"]),
        TableBlock(report.year_table),
        Heading(2, "Themes", "themes"),
        Figure(plots["projects-per-year"]),
        Figure(plots["organisation-themes"]),
        TableBlock(report.theme_year_table),
    ]
    if report.ego_table is not None:
        out += [Heading(2, report.ego_table.title, "focus"),
                Paragraph(f"Computed on the network without {site}, unless it is the focus: through it "
                          "everyone is everyone's partner's partner."),
                Figure(plots["ego"]), TableBlock(report.ego_table)]
    out += [
        Heading(2, "Files", "files"),
        Paragraph("Plots as PNG and SVG; tables as CSV (every row; a text cell that a spreadsheet would read "
                  "as a formula starts with ' instead); networks as GraphML, GEXF (Gephi) and node-link JSON with "
                  "every attribute (node ids without the site's …/kg/, the full IRI in the attribute iri; links "
                  "carry shared projects as weight and their years, the projects' names are in "
                  "tables/pairs.csv). networks/network-over-time.gexf is the measured network with the years each "
                  "organisation and pair was active: Gephi's timeline plays it, a one-year window showing that "
                  "year's snapshot and a window from the first year the cumulative network."),
        Paragraph(f"Projections keep at most {MAX_PROJECTION_EDGES:,} links: those of the highest weights, "
                  "all links of a weight together (every node stays; the bipartite networks have every link)."),
        Bullets(tuple(_projection_note(stem, graph) for stem, graph in report.projections.items())),
        Bullets(tuple(files)),
        Heading(2, "How this report was made", "method"),
        Bullets((
            "Every fact comes from the knowledge graph by SPARQL (kg.report.facts): projects with "
            "kgo:client, kgo:partner and schema:funder, their schema:startDate and schema:endDate, "
            "schema:about themes and kgo:platform; never from the site's files directly.",
            f"{site} (the website's schema:publisher) is counted in every project.",
            "A project runs from its start year to its end year; an ongoing one to the latest year in the "
            "graph; one without years is in the networks but in no year, and --since/--until leave it out "
            "(the summary says how many).",
            "Betweenness counts shortest paths by hops and is normalised; PageRank uses the weights."
            + (f" Betweenness is estimated in the network {report.betweenness_note}, scaled up to all "
               "organisations (Brandes and Pich's estimate: the exact count follows every organisation's "
               "shortest paths, a step per organisation and link)." if report.betweenness_note else ""),
            f"Communities: Louvain, weighted, seed {report.options.seed}; modularity as Newman's.",
            "Structural measures (brokers, bridges, cut points) are taken without the site's organisation.",
        )),
    ]
    return out


def _projection_note(stem: str, graph: nx.Graph) -> str:
    """How much of one projection its graph file keeps."""
    info = graph.graph
    kept, links, weight = info.get("links_kept", 0), info.get("links", 0), info.get("min_weight", 1)
    if kept == links:
        return f"{stem}: all {links:,} links"
    return f"{stem}: {kept:,} of {links:,} links, those shared by {weight} or more"


def limited(table: Table, limit: int) -> str | None:
    """The note under a table that shows fewer rows than its CSV has."""
    if len(table.rows) <= limit:
        return None
    return f"The first {limit} of {len(table.rows)} rows; all are in {table.path}."
