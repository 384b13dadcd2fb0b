"""What keeps ``kg report`` readable and small on big sites, and the network over time.

Uses the triangle-star-bridge site of ``test_report.py`` (its docstring draws it);
every number below is worked out by hand in the test that asserts it.
"""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import write_site
from test_report import SHAPES, SITE_ORG, iri, project

from kg.cli import main
from kg.report import build_report, metrics, plots, write_report
from kg.report.networks import co_participation, projection
from kg.report.tables import Table, spreadsheet_safe

# -- network plots: what is drawn ----------------------------------------------------------------


def _weighted(edges: list[tuple[str, str, int]]) -> nx.Graph:
    graph = nx.Graph()
    for a, b, w in edges:
        graph.add_edge(a, b, weight=w)
    return graph


def test_a_plot_draws_the_strongest_links_and_says_so():
    """Five links, at most three drawn: the three heaviest (5, 4, 3); the caption says 3 of 5."""
    graph = _weighted([("A", "B", 5), ("B", "C", 1), ("C", "D", 4), ("D", "E", 2), ("A", "E", 3)])
    drawn = plots.drawing(graph, max_edges=3)
    assert drawn.edges == (("A", "B"), ("A", "E"), ("C", "D"))
    assert drawn.nodes == ("A", "B", "C", "D", "E")
    assert drawn.note == "Drawn: the 3 strongest of 5 links; every one is in the tables and graph files."
    made = plots.network(graph, "n", "N", "Caption.", drawn=drawn)
    assert made.caption == "Caption. " + drawn.note


def test_a_plot_draws_the_best_connected_organisations_and_the_highlighted_one():
    """A star of hub H with leaves L1–L4, plus L1–L2: H has 4 partners, L1 and L2 two, the rest one.
    At most three nodes: H, L1, L2 — and L4, the highlighted one, on top; the links among them."""
    graph = _weighted([("H", "L1", 1), ("H", "L2", 1), ("H", "L3", 1), ("H", "L4", 1), ("L1", "L2", 1)])
    drawn = plots.drawing(graph, highlight="L4", max_nodes=3)
    assert drawn.nodes == ("H", "L1", "L2", "L4")
    assert drawn.edges == (("H", "L1"), ("H", "L2"), ("H", "L4"), ("L1", "L2"))
    assert set(drawn.positions) == set(drawn.nodes)
    assert drawn.note.startswith("Drawn: the 4 best-connected of 5 organisations")


def test_a_small_network_is_drawn_whole_without_a_note(tmp_path):
    made = build_report(write_site(tmp_path / "s", SHAPES))
    network = next(p for p in made.plots if p.name == "network")
    assert "Drawn:" not in network.caption
    assert b"<image" not in network.svg  # few links: vector lines, no raster inside the SVG


def test_a_dense_layer_is_an_image_inside_the_svg():
    """More than RASTER_FROM links are rasterised: the SVG holds one image, not a path per link."""
    ring = [(f"n{i:03d}", f"n{(i + 1) % 400:03d}", 1) for i in range(400)]
    made = plots.network(_weighted(ring), "ring", "Ring", "A ring.")
    assert made.svg.count(b"<image") == 1  # links and nodes, drawn one after the other, in one image
    assert made.svg.count(b"<path") < 100


# -- projections: thinned by weight --------------------------------------------------------------


def _bipartite(links: dict[str, list[str]]) -> nx.Graph:
    graph = nx.Graph(name="organisation-theme")
    for org, themes in links.items():
        graph.add_node(org, bipartite=0)
        for theme in themes:
            graph.add_node(theme, bipartite=1)
            graph.add_edge(org, theme, weight=1)
    return graph


# A, B, C share t1 and t2; D shares t1 with them. Organisation pairs by shared themes:
# A–B 2, A–C 2, B–C 2, A–D 1, B–D 1, C–D 1 (six links; three of weight 2).
THEMES = {"A": ["t1", "t2"], "B": ["t1", "t2"], "C": ["t1", "t2"], "D": ["t1"]}


def test_a_projection_within_the_limit_keeps_every_link():
    made = projection(_bipartite(THEMES), 0, max_edges=6)
    assert {(a, b): d["weight"] for a, b, d in made.edges(data=True)} == {
        ("A", "B"): 2, ("A", "C"): 2, ("A", "D"): 1, ("B", "C"): 2, ("B", "D"): 1, ("C", "D"): 1}
    assert made.graph["min_weight"] == 1 and made.graph["links"] == 6 and made.graph["links_kept"] == 6


@pytest.mark.parametrize(("limit", "kept", "min_weight"), [
    (5, [("A", "B"), ("A", "C"), ("B", "C")], 2),  # six > 5: the weight-2 triangle (3 links) fits
    (3, [("A", "B"), ("A", "C"), ("B", "C")], 2),
    (2, [], 3),  # even the three links of the top weight are too many: none, rather than an arbitrary two
])
def test_a_projection_over_the_limit_keeps_the_heaviest_weights_whole(limit, kept, min_weight):
    made = projection(_bipartite(THEMES), 0, max_edges=limit)
    assert sorted(made.edges) == kept
    assert sorted(made.nodes) == ["A", "B", "C", "D"]  # every node stays
    assert made.graph["min_weight"] == min_weight and made.graph["links"] == 6
    assert made.graph["links_kept"] == len(kept)


def test_the_other_side_of_a_projection():
    """Themes by shared organisations: t1 and t2 share A, B and C."""
    made = projection(_bipartite(THEMES), 1)
    assert list(made.edges(data="weight")) == [("t1", "t2", 3)]


def test_the_report_lists_what_each_projection_kept(tmp_path):
    """The Files section says how much of each projection its graph file holds."""
    from kg.report.document import _projection_note

    assert _projection_note("x", projection(_bipartite(THEMES), 0, max_edges=3)) == (
        "x: 3 of 6 links, those shared by 2 or more")
    made = build_report(write_site(tmp_path / "s", SHAPES))  # no themes, no platforms: nothing to keep
    write_report(made, tmp_path / "out")
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "- organisations-by-shared-theme: all 0 links\n" in text


# -- the yearly snapshots, against a brute-force recount --------------------------------------------


def _brute_force(made, site_org: bool) -> list[tuple]:
    """Each year's snapshot and cumulative network rebuilt from scratch with networkx."""
    last = made.facts.last_year
    spans = {p.iri: p.years(last) for p in made.projects}
    rows = []
    for year in (y.year for y in made.years):
        now = co_participation(made.facts, [p for p in made.projects if year in spans[p.iri]], site_org=site_org)
        upto = co_participation(made.facts, [p for p in made.projects if spans[p.iri] and spans[p.iri][0] <= year],
                                site_org=site_org)
        parts = list(nx.connected_components(upto))
        rows.append((year, now.number_of_nodes(), now.number_of_edges(), upto.number_of_nodes(),
                     upto.number_of_edges(), len(parts), max((len(c) for c in parts), default=0)))
    return rows


@pytest.mark.parametrize("window", [(None, None), (2021, None), (None, 2021), (2020, 2022)])
@pytest.mark.parametrize("without", [False, True])
def test_yearly_snapshots_agree_with_a_recount(tmp_path, window, without):
    made = build_report(write_site(tmp_path / "s", SHAPES), since=window[0], until=window[1],
                        without_site_org=without)
    expected = _brute_force(made, site_org=not without)
    got = [(y.year, y.organisations, y.pairs, y.cumulative_organisations, y.cumulative_pairs, y.components,
            y.largest_component) for y in made.years]
    assert got == expected and got


def test_the_components_of_the_growing_network_by_hand(tmp_path):
    """Without the site's organisation: 2019 the triangle (1 component of 3); 2020 Hubb–Sol1 joins
    apart (2, largest 3); 2021 Sol2, Sol3 join the star (2, largest 4); 2022 Q links Gamma–Hubb (1 of 7)."""
    made = build_report(write_site(tmp_path / "s", SHAPES), without_site_org=True)
    assert [(y.year, y.components, y.largest_component, y.cumulative_pairs) for y in made.years] == [
        (2019, 1, 3, 3), (2020, 2, 3, 4), (2021, 2, 4, 6), (2022, 1, 7, 7), (2023, 1, 7, 7)]
    assert made.years[-1].density == pytest.approx(7 / 21)


# -- the network over time (dynamic GEXF) -----------------------------------------------------------


def test_the_network_over_time_reads_back_with_spells(tmp_path):
    """Hubb ran P1 (2020), P2 and P3 (2021), P3 and Q (2022): one spell 2020–2022 with 1, 2, 2
    projects running. Alfa–Beta shared T1 (2019) and T2 (2023): two spells."""
    made = build_report(write_site(tmp_path / "s", SHAPES), without_site_org=True)
    write_report(made, tmp_path / "out")
    path = tmp_path / "out" / "networks" / "network-over-time.gexf"
    graph = nx.read_gexf(path)
    assert 'mode="dynamic"' in path.read_text(encoding="utf-8")
    hubb = graph.nodes["organisation/hubb"]
    assert hubb["label"] == "Hubb" and hubb["iri"] == iri("Hubb")
    assert hubb["spells"] == [("2020-01-01", "2022-12-31")]
    assert hubb["running_projects"] == [(1, "2020-01-01", "2020-12-31"), (2, "2021-01-01", "2021-12-31"),
                                        (2, "2022-01-01", "2022-12-31")]
    alfa_beta = graph.edges["organisation/alfa", "organisation/beta"]
    assert alfa_beta["spells"] == [("2019-01-01", "2019-12-31"), ("2023-01-01", "2023-12-31")]
    assert graph.edges["organisation/gamma", "organisation/hubb"]["spells"] == [("2022-01-01", "2022-12-31")]
    assert graph.number_of_nodes() == 7 and graph.number_of_edges() == 7


def test_the_network_over_time_keeps_to_the_window(tmp_path):
    """--since 2021 --until 2021: P2 and P3; Hubb, Sol2 and Sol3 in 2021 only (P3's 2022 is outside)."""
    made = build_report(write_site(tmp_path / "s", SHAPES), since=2021, until=2021, without_site_org=True)
    graph = made.over_time
    assert sorted(graph.nodes[n]["label"] for n in graph) == ["Hubb", "Sol2", "Sol3"]
    assert {graph.nodes[n]["spells"][0] for n in graph} == {("2021-01-01", "2021-12-31")}
    assert graph.nodes[iri("Hubb")]["running_projects"] == [(2, "2021-01-01", "2021-12-31")]


# -- projects without a year ----------------------------------------------------------------------

UNDATED = {
    **SHAPES,
    "_clients/u.md": "---\ntitle: Projekt u\nref: u\nlang: en\npartners:\n- Alfa\n- Okänd\n---\nText.\n",
}


def _labels(graph: nx.Graph) -> set[str]:
    return {d["label"] for _n, d in graph.nodes(data=True)}


def test_projects_without_a_year_are_in_the_all_time_network(tmp_path):
    """U has no year: Alfa–Okänd is in the network, in no yearly snapshot, and the summary counts U."""
    made = build_report(write_site(tmp_path / "s", UNDATED), without_site_org=True)
    okand = next(n for n, d in made.without_site_org.nodes(data=True) if d["label"] == "Okänd")
    assert made.without_site_org.has_edge(iri("Alfa"), okand)
    assert all(okand not in y.new_organisations for y in made.years)
    assert made.years[-1].cumulative_organisations == 7  # the seven dated ones
    assert dict(made.summary())["projects without a year"] == "1 (in the networks, in no year)"
    assert "Okänd" not in _labels(made.over_time) and "Alfa" in _labels(made.over_time)


def test_a_window_leaves_projects_without_a_year_out_and_says_how_many(tmp_path):
    site = write_site(tmp_path / "s", UNDATED)
    made = build_report(site, since=2019)
    assert "Okänd" not in _labels(made.with_site_org) and "Alfa" in _labels(made.with_site_org)
    assert dict(made.summary())["projects without a year"] == "1 (left out: --since/--until cannot place them)"
    result = CliRunner().invoke(main, ["report", str(site), "--out", str(tmp_path / "out"), "--since", "2019"])
    assert result.exit_code == 0, result.output
    assert "left out 1 projects without a year" in " ".join(result.stdout.split())
    assert "| 1 (left out: --since/--until cannot place them) |" in (tmp_path / "out" / "report.md").read_text(
        encoding="utf-8")


# -- CSV: no formulas in a spreadsheet -----------------------------------------------------------


@pytest.mark.parametrize(("text", "safe"), [
    ("=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("  =1", "'  =1"),
    ("\uff1d1+1", "'\uff1d1+1"),  # full-width equals sign
    ("-0.5", "-0.5"),  # a plain number stays a number
    ("+3", "+3"),
    ("1e-5", "1e-5"),
    ("Göteborgs Stad", "Göteborgs Stad"),
    ("Alfa = Beta", "Alfa = Beta"),
    ("", ""),
])
def test_spreadsheet_safe(text, safe):
    assert spreadsheet_safe(text) == safe


def test_numbers_in_a_table_are_never_prefixed():
    """Negative numbers from the measures (a modularity share can be below zero) stay numbers."""
    table = Table("t", "T", "", ("name", "share", "count"), (("=evil", -0.25, -3), ("-0.5", 0.5, 2)))
    assert list(csv.reader(io.StringIO(table.csv_text()))) == [
        ["name", "share", "count"], ["'=evil", "-0.250000", "-3"], ["-0.5", "0.500000", "2"]]


FORMULAS = ["=1+1", "@SUM(1,2)", "+cmd|'/C calc'!A0", "-2+3"]


def test_hostile_names_cannot_run_in_a_spreadsheet(tmp_path):
    """Organisations named like formulas: every text cell of every CSV that starts a formula
    is prefixed; the JSON and GraphML keep the exact names (no spreadsheet reads them)."""
    site = write_site(tmp_path / "s", {"_clients/f.md": project("f", "2020", [json.dumps(n) for n in FORMULAS]),
                                       "_clients/g.md": project("g", "2021", [json.dumps(FORMULAS[0]), "Alfa"])})
    made = build_report(site)
    write_report(made, tmp_path / "out")
    labels = {d["label"] for _n, d in made.with_site_org.nodes(data=True)}
    assert set(FORMULAS) <= labels
    risky = ("=", "+", "-", "@", "\t", "\r")
    cells = 0
    for path in sorted((tmp_path / "out" / "tables").glob("*.csv")):
        for row in list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))[1:]:
            for value in row:
                cells += 1
                if value.startswith(risky):
                    float(value)  # only a plain number may start so
    assert cells > 50
    organisations = (tmp_path / "out" / "tables" / "organisations.csv").read_text(encoding="utf-8")
    names = {row["organisation"] for row in csv.DictReader(io.StringIO(organisations))}
    assert {"'" + n for n in FORMULAS} <= names
    data = json.loads((tmp_path / "out" / "networks" / "network-with-site-org.json").read_text(encoding="utf-8"))
    assert set(FORMULAS) <= {n["label"] for n in data["nodes"]}


def test_timeline_counts_running_projects(tmp_path):
    """The one-pass timeline: Hubb's running projects per year as in the drawing."""
    made = build_report(write_site(tmp_path / "s", SHAPES))
    line = metrics.timeline(made.facts, made.projects, site_org=False)
    assert dict(line.node_years[iri("Hubb")]) == {2020: 1, 2021: 2, 2022: 2}
    assert line.node_first[iri("Hubb")] == 2020 and line.pair_first[iri("Gamma"), iri("Hubb")] == 2022
    assert dict(line.project_years) == {2019: 1, 2020: 1, 2021: 2, 2022: 2, 2023: 1}


RASTER_SCRIPT = """
import hashlib, networkx as nx
from kg.report import plots
g = nx.Graph()
for i in range(400):
    g.add_edge(f"n{i:03d}", f"n{(i * 7 + 3) % 400:03d}", weight=1 + i % 3)
    g.add_edge(f"n{i:03d}", f"n{(i + 1) % 400:03d}", weight=1)
made = plots.network(g, "x", "X", "c")
assert b"<image" in made.svg
print(hashlib.sha256(made.svg + made.png).hexdigest())
"""


def test_a_rasterised_plot_is_byte_identical_whatever_the_hash_seed():
    """The image inside the SVG carries no date either: two processes, two hash seeds, same bytes."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    digests = {subprocess.run([sys.executable, "-c", RASTER_SCRIPT], check=True, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}).stdout
               for seed in ("1", "2")}
    assert len(digests) == 1


def test_projects_are_linked_by_shared_organisations_other_than_the_site_org(tmp_path):
    """T1 and T2 share Alfa and Beta (2); T1 and Q share Gamma; Hubb links P1, P2, P3 and Q
    pairwise (six links of 1). The site's organisation, in all six, links nothing."""
    made = build_report(write_site(tmp_path / "s", SHAPES))
    graph = made.projections["projects-by-shared-organisations"]
    ref = {n: n.rsplit("/", 1)[-1] for n in graph}
    links = {tuple(sorted((ref[a], ref[b]))): w for a, b, w in graph.edges(data="weight")}
    assert links == {("t1", "t2"): 2, ("q", "t1"): 1, ("p1", "p2"): 1, ("p1", "p3"): 1, ("p1", "q"): 1,
                     ("p2", "p3"): 1, ("p2", "q"): 1, ("p3", "q"): 1}
    assert SITE_ORG not in graph


def test_the_summary_looks_for_the_last_year_a_fixed_number_of_times_however_many_projects(tmp_path, monkeypatch):
    """Where ongoing projects end is one scan of every project, done a fixed number of times a summary, never
    once a project (that is quadratic in projects: 1.95 s at 5 277)."""
    from kg.report.facts import Facts

    made = build_report(write_site(tmp_path / "s", UNDATED), without_site_org=True)
    scans = []
    real = Facts.last_year.fget
    monkeypatch.setattr(Facts, "last_year", property(lambda self: scans.append(1) or real(self)))
    made.summary()
    assert len(made.projects) == 7 and len(scans) <= 2
