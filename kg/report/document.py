"""The report's content as a list of blocks, rendered alike to HTML and Markdown.

Both ``report.html`` and ``report.md`` are made from the same blocks, so they say
the same things in the same order; only the markup differs. Block text is plain
text (never markup): the renderers escape it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.report.plots import Plot
from kg.report.tables import Table, cell

if TYPE_CHECKING:
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
        Paragraph("Plots as PNG and SVG; tables as CSV (every row); networks as GraphML, GEXF (Gephi) and "
                  "node-link JSON with every attribute."),
        Bullets(tuple(files)),
        Heading(2, "How this report was made", "method"),
        Bullets((
            "Every fact comes from the knowledge graph by SPARQL (kg.report.facts): projects with "
            "kgo:client, kgo:partner and schema:funder, their schema:startDate and schema:endDate, "
            "schema:about themes and kgo:platform; never from the site's files directly.",
            f"{site} (the website's schema:publisher) is counted in every project.",
            "A project runs from its start year to its end year; an ongoing one to the latest year in the "
            "graph; one without years is in the networks but in no year.",
            "Betweenness counts shortest paths by hops and is normalised; PageRank uses the weights.",
            f"Communities: Louvain, weighted, seed {report.options.seed}; modularity as Newman's.",
            "Structural measures (brokers, bridges, cut points) are taken without the site's organisation.",
        )),
    ]
    return out


def limited(table: Table, limit: int) -> str | None:
    """The note under a table that shows fewer rows than its CSV has."""
    if len(table.rows) <= limit:
        return None
    return f"The first {limit} of {len(table.rows)} rows; all are in {table.path}."
