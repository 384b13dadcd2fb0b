"""``kg report`` on a site whose network is drawn by hand: a triangle, a star and a bridge.

The fixture site (``Exempellabbet``, the site's own organisation, runs every project):

    triangle  T1 (2019): Alfa, Beta, Gamma          T2 (2023): Alfa, Beta (so Alfa–Beta weighs 2)
    star      P1 (2020): Hubb, Sol1   P2 (2021): Hubb, Sol2   P3 (2021–2022): Hubb, Sol3
    bridge    Q  (2022): Gamma (client), Hubb (partner)

Without the site's organisation the network is (weights in brackets)

    Alfa ─(2)─ Beta                 Sol1
       ╲       ╱                   ╱
        Gamma ──── Hubb ─────── Sol2
                        ╲
                         Sol3

7 organisations, 7 pairs. Every number asserted below is worked out by hand in the
test that asserts it.
"""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import write_site

import kg
from kg.cli import main
from kg.report import Options, ReportError, build_report, write_report

BASE = "https://example.org/kg/organisation/"


def project(ref: str, year: str, partners: list[str], client: str | None = None, funding: str | None = None) -> str:
    lines = ["---", f"title: Projekt {ref}", f"ref: {ref}", "lang: en", f"year: {year}", "partners:"]
    lines += [f"- {p}" for p in partners]
    if client:
        lines.append(f"client: {client}")
    if funding:
        lines.append(f"funding: {funding}")
    return "\n".join([*lines, "---", "Text.", ""])


SHAPES = {
    "_clients/t1.md": project("t1", "2019", ["Alfa", "Beta", "Gamma"]),
    "_clients/t2.md": project("t2", "2023", ["Alfa", "Beta"]),
    "_clients/p1.md": project("p1", "2020", ["Hubb", "Sol1"]),
    "_clients/p2.md": project("p2", "2021", ["Hubb", "Sol2"]),
    "_clients/p3.md": project("p3", "2021-2022", ["Hubb", "Sol3"]),
    "_clients/q.md": project("q", "2022", ["Hubb"], client="Gamma"),
}
NAMES = ["Alfa", "Beta", "Gamma", "Hubb", "Sol1", "Sol2", "Sol3"]
SITE_ORG = BASE + "exempellabbet"


def iri(name: str) -> str:
    return BASE + name.lower()


@pytest.fixture(scope="module")
def shapes(tmp_path_factory) -> kg.BuildResult:
    return kg.build(write_site(tmp_path_factory.mktemp("shapes"), SHAPES))


@pytest.fixture(scope="module")
def report(shapes):
    return build_report(shapes)


def by_label(graph: nx.Graph) -> dict[str, dict]:
    return {d["label"]: d for _n, d in graph.nodes(data=True)}


def test_the_network_without_the_site_org_is_the_drawing(report):
    """Seven organisations, seven pairs, Alfa–Beta weighing two shared projects with their years."""
    g = report.without_site_org
    assert sorted(g.nodes) == sorted(iri(n) for n in NAMES)
    pairs = {tuple(sorted((g.nodes[a]["label"], g.nodes[b]["label"]))): d for a, b, d in g.edges(data=True)}
    assert set(pairs) == {("Alfa", "Beta"), ("Alfa", "Gamma"), ("Beta", "Gamma"), ("Gamma", "Hubb"),
                          ("Hubb", "Sol1"), ("Hubb", "Sol2"), ("Hubb", "Sol3")}
    assert pairs["Alfa", "Beta"]["weight"] == 2
    assert pairs["Alfa", "Beta"]["years"] == "2019 2023"
    assert pairs["Hubb", "Sol3"]["years"] == "2021 2022"
    assert {d["weight"] for k, d in pairs.items() if k != ("Alfa", "Beta")} == {1}


def test_degrees_and_betweenness_by_hand(report):
    """Degree = partners; betweenness = share of the 15 pairs of the other six that pass through.

    Hubb lies between the three Sol (3 pairs) and between each Sol and the triangle (9): 12/15.
    Gamma lies between Alfa or Beta and Hubb or a Sol: 2 × 4 = 8/15. The rest lie between nobody.
    """
    nodes = by_label(report.without_site_org)
    assert {n: d["degree"] for n, d in nodes.items()} == {
        "Alfa": 2, "Beta": 2, "Gamma": 3, "Hubb": 4, "Sol1": 1, "Sol2": 1, "Sol3": 1}
    assert nodes["Alfa"]["weighted_degree"] == 3  # Beta twice, Gamma once
    assert nodes["Hubb"]["betweenness"] == pytest.approx(12 / 15)
    assert nodes["Gamma"]["betweenness"] == pytest.approx(8 / 15)
    assert {n for n, d in nodes.items() if d["betweenness"] == 0} == {"Alfa", "Beta", "Sol1", "Sol2", "Sol3"}
    assert sum(d["pagerank"] for d in nodes.values()) == pytest.approx(1)
    assert max(nodes, key=lambda n: nodes[n]["pagerank"]) == "Hubb"


def test_brokers_bridges_and_cut_points(report):
    """Brokers by betweenness; the bridges are the edge into the star and its three spokes."""
    assert [report.name(n) for n in report.brokers] == ["Hubb", "Gamma"]
    assert sorted(tuple(sorted((report.name(a), report.name(b)))) for a, b in report.bridges) == [
        ("Gamma", "Hubb"), ("Hubb", "Sol1"), ("Hubb", "Sol2"), ("Hubb", "Sol3")]
    assert sorted(report.name(n) for n in report.cut_points) == ["Gamma", "Hubb"]


def test_communities_and_modularity_by_hand():
    """Louvain finds the triangle and the star. Total weight m = 8; the triangle holds 4 of it
    with degree sum 9, the star 3 with degree sum 7: Q = 4/8 − (9/16)² + 3/8 − (7/16)² = 0.3671875."""
    from kg.report.metrics import communities

    g = nx.Graph()
    for a, b, w in [("A", "B", 2), ("A", "C", 1), ("B", "C", 1), ("C", "H", 1),
                    ("H", "S1", 1), ("H", "S2", 1), ("H", "S3", 1)]:
        g.add_edge(a, b, weight=w)
    found = communities(g)
    assert found.members == (("H", "S1", "S2", "S3"), ("A", "B", "C"))
    assert found.modularity == pytest.approx(0.3671875)


def test_the_site_org_runs_every_project(report):
    """With the site's organisation it is linked to all seven, sharing each one's projects."""
    g = report.with_site_org
    assert g.nodes[SITE_ORG]["degree"] == 7 and g.nodes[SITE_ORG]["site_org"] is True
    assert g.edges[SITE_ORG, iri("Alfa")]["weight"] == 2
    assert g.nodes[SITE_ORG]["projects"] == 6
    # 13 = the other participants of each project: T1 3, T2 2, P1 2, P2 2, P3 2, Q 2.
    assert g.nodes[SITE_ORG]["weighted_degree"] == 13
    assert g.number_of_edges() == 7 + 7


def test_organisation_table_rows(report):
    """One row per organisation, most projects first; first and last years from the projects."""
    rows = {r[0]: dict(zip(report.organisations.columns, r, strict=True)) for r in report.organisations.rows}
    assert next(iter(rows)) == "Exempellabbet"
    assert rows["Hubb"]["projects"] == 4 and rows["Hubb"]["first_year"] == 2020 and rows["Hubb"]["last_year"] == 2022
    assert rows["Gamma"]["roles"] == "client partner"
    assert rows["Hubb"]["betweenness_without_site_org"] == pytest.approx(12 / 15)


def test_pairs_csv_by_hand(shapes):
    """The CSV of pairs, with the site's organisation set aside (--without-site-org): the
    shared projects by name are here (the graph files carry only their number and years)."""
    made = build_report(shapes, without_site_org=True)
    text = made.pairs.csv_text()
    rows = [r[:8] for r in csv.reader(io.StringIO(text))]
    assert rows == [
        ["organisation_a", "organisation_b", "shared_projects", "years", "first_year", "last_year", "bridge",
         "projects"],
        ["Alfa", "Beta", "2", "2019 2023", "2019", "2023", "false", "Projekt t1; Projekt t2"],
        ["Alfa", "Gamma", "1", "2019", "2019", "2019", "false", "Projekt t1"],
        ["Beta", "Gamma", "1", "2019", "2019", "2019", "false", "Projekt t1"],
        ["Gamma", "Hubb", "1", "2022", "2022", "2022", "true", "Projekt q"],
        ["Hubb", "Sol1", "1", "2020", "2020", "2020", "true", "Projekt p1"],
        ["Hubb", "Sol2", "1", "2021", "2021", "2021", "true", "Projekt p2"],
        ["Hubb", "Sol3", "1", "2021 2022", "2021", "2022", "true", "Projekt p3"],
    ]
    with_site = {(r[0], r[1]): r[7] for r in build_report(shapes).pairs.rows}
    # With the site's organisation: it shared all six projects with someone, Alfa's two with Alfa.
    assert with_site["Alfa", "Exempellabbet"] == "Projekt t1; Projekt t2"
    assert with_site["Exempellabbet", "Hubb"] == "Projekt p1; Projekt p2; Projekt p3; Projekt q"


def test_years_new_collaborators_and_lasting_partnerships(report, shapes):
    """Newcomers each year (the site's organisation arrives with the first project), and the
    partnerships that came back (two projects or more), longest-running first."""
    newcomers = {y.year: sorted(report.name(o) for o in y.new_organisations) for y in report.years}
    assert newcomers == {2019: ["Alfa", "Beta", "Exempellabbet", "Gamma"], 2020: ["Hubb", "Sol1"],
                         2021: ["Sol2", "Sol3"], 2022: [], 2023: []}
    by_year = {y.year: y for y in report.years}
    assert by_year[2021].projects == 2 and by_year[2022].projects == 2  # P2, P3; P3, Q
    assert by_year[2022].new_pairs == 1  # Gamma–Hubb (the site's organisation knew both already)
    assert by_year[2023].cumulative_organisations == 8
    # Longest span first, then most shared projects: Alfa, Beta and the site's organisation
    # shared T1 and T2 (2019–2023, span 5); Gamma and it T1 and Q (2019–2022, 4);
    # Hubb and it four projects (2020–2022, 3).
    assert [(report.name(a), report.name(b)) for a, b in report.lasting] == [
        ("Alfa", "Beta"), ("Alfa", "Exempellabbet"), ("Beta", "Exempellabbet"),
        ("Exempellabbet", "Gamma"), ("Exempellabbet", "Hubb")]
    assert [row[2:4] for row in report.lasting_table.rows] == [(2, 5), (2, 5), (2, 5), (2, 4), (4, 3)]
    without = build_report(shapes, without_site_org=True)
    assert [(without.name(a), without.name(b)) for a, b in without.lasting] == [("Alfa", "Beta")]


def test_since_until_keep_the_projects_running_then(shapes):
    """--since 2021 --until 2021: P2 and P3 ran in 2021 (P3 until 2022); nothing else did."""
    made = build_report(shapes, since=2021, until=2021)
    assert sorted(p.iri.rsplit("/", 1)[-1] for p in made.projects) == ["p2", "p3"]
    assert sorted(by_label(made.without_site_org)) == ["Hubb", "Sol2", "Sol3"]
    assert [y.year for y in made.years] == [2021]


def test_focus_gives_partners_and_partners_partners(shapes):
    """Alfa's partners are Beta and Gamma; their partners add Hubb, and no Sol (three steps away)."""
    made = build_report(shapes, focus="alfa")
    assert made.focus == iri("Alfa")
    assert {d["label"]: d["distance"] for _n, d in made.ego.nodes(data=True)} == {
        "Alfa": 0, "Beta": 1, "Gamma": 1, "Hubb": 2}
    rows = {r[0]: r for r in made.ego_table.rows}
    assert rows["Beta"][2] == 2 and rows["Hubb"][2] == 0


@pytest.mark.parametrize(("focus", "message"), [
    ("Alpha", "no organisation in the graph's projects has that name (did you mean 'Alfa'?)"),
    ("Nobody at all", "no organisation in the graph's projects has that name"),
])
def test_an_unknown_focus_is_an_error(shapes, focus, message):
    with pytest.raises(ReportError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        build_report(shapes, focus=focus)


def test_since_after_until_is_an_error(shapes):
    with pytest.raises(ReportError, match="--since 2023 is after --until 2020"):
        build_report(shapes, since=2023, until=2020)


def test_focus_outside_the_window_is_an_error(shapes):
    """Sol1 worked only in 2020."""
    with pytest.raises(ReportError, match="Sol1 took part in no project 2021–2022"):
        build_report(shapes, focus="Sol1", since=2021, until=2022)


def test_a_funder_and_a_client_count_as_participants(make_site, tmp_path):
    """``funding:`` (schema:funder) and ``client:`` (kgo:client) link like partners do."""
    site = make_site(tmp_path / "s", {"_clients/f.md": project("f", "2020", ["Alfa"], client="Beta", funding="Fonden")})
    made = build_report(site)
    assert sorted(by_label(made.without_site_org)) == ["Alfa", "Beta", "Fonden"]
    assert made.without_site_org.number_of_edges() == 3
    assert by_label(made.without_site_org)["Fonden"]["roles"] == "funder"


def test_the_site_org_listed_as_partner_is_counted_once(make_site, tmp_path):
    """A project that names the site's organisation itself does not count it twice."""
    site = make_site(tmp_path / "s", {"_clients/f.md": project("f", "2020", ["Alfa", "Exempellabbet"])})
    made = build_report(site)
    node = made.with_site_org.nodes[SITE_ORG]
    assert node["projects"] == 1 and node["roles"] == "partner" and node["degree"] == 1


def test_a_site_without_projects_still_makes_a_report(make_site, tmp_path):
    """No projects: empty networks, modularity undefined, every file still written."""
    site = make_site(tmp_path / "s", {"_posts/2021-01-01-x.md": "---\ntitle: X\n---\nText.\n"})
    made = build_report(site)
    assert made.with_site_org.number_of_nodes() == 0 and made.communities.modularity is None
    written = write_report(made, tmp_path / "out")
    assert "report.html" in written and (tmp_path / "out" / "plots" / "network.svg").is_file()
    assert "undefined (no pairs)" in (tmp_path / "out" / "report.md").read_text(encoding="utf-8")


def test_every_file_is_written(report, tmp_path):
    """HTML, Markdown, four kinds of plot in PNG and SVG, the CSV tables, and each network in three formats."""
    written = write_report(report, tmp_path / "r")
    names = set(written)
    for plot in ("network", "network-by-kind", "network-without-site-org", "projects-per-year",
                 "organisation-themes", "growth"):
        assert {f"plots/{plot}.png", f"plots/{plot}.svg"} <= names
    for table in ("organisations", "pairs", "communities", "years", "lasting"):
        assert f"tables/{table}.csv" in names
    for network in ("network-with-site-org", "network-without-site-org", "bipartite-organisation-project",
                    "bipartite-organisation-platform", "bipartite-organisation-theme",
                    "organisations-by-shared-theme", "themes-by-shared-organisations"):
        assert {f"networks/{network}.{ext}" for ext in ("graphml", "gexf", "json")} <= names
    assert "networks/network-over-time.gexf" in names
    assert (tmp_path / "r" / "plots" / "network.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_graph_files_name_nodes_by_short_id_and_keep_every_attribute(report, tmp_path):
    """Node ids drop the site's ``…/kg/`` prefix (``organisation/hubb``) and keep the IRI as ``iri``;
    GraphML and node-link JSON read back every attribute, GEXF too (its weight as a float)."""
    write_report(report, tmp_path / "r")
    folder = tmp_path / "r" / "networks"
    original = report.without_site_org
    hubb = {**original.nodes[iri("Hubb")], "iri": iri("Hubb")}
    alfa_beta = original.edges[iri("Alfa"), iri("Beta")]
    assert alfa_beta == {"weight": 2, "years": "2019 2023", "first_year": 2019, "last_year": 2023}
    copies = {
        "graphml": nx.read_graphml(folder / "network-without-site-org.graphml"),
        "json": nx.node_link_graph(json.loads((folder / "network-without-site-org.json").read_text("utf-8")),
                                   edges="edges"),
        "gexf": nx.read_gexf(folder / "network-without-site-org.gexf"),
    }
    for ext, copy in copies.items():
        assert sorted(copy.nodes) == ["organisation/" + n.lower() for n in NAMES], ext
        assert copy.nodes["organisation/hubb"] == hubb, ext
        edge = dict(copy.edges["organisation/alfa", "organisation/beta"])
        edge.pop("id", None)  # GEXF's edge ids
        assert edge == alfa_beta, ext
    assert copies["gexf"].nodes["organisation/hubb"]["betweenness"] == pytest.approx(12 / 15)
    assert "lastmodifieddate" not in (folder / "network-without-site-org.gexf").read_text("utf-8")


def test_the_report_is_derived_from_the_graph_not_the_files(shapes):
    """Remove Gamma–Hubb's project from the graph (not from the site): the bridge disappears."""
    from kg.graph import KnowledgeGraph

    graph = shapes.graph
    rows = [r for r in graph.rows if not r[0].endswith("/kg/project/q>")]
    trimmed = kg.BuildResult(KnowledgeGraph(rows, graph.base, graph.sources), shapes.site, [], [])
    made = build_report(trimmed)
    assert not made.without_site_org.has_edge(iri("Gamma"), iri("Hubb"))
    assert nx.number_connected_components(made.without_site_org) == 2


def test_cli_writes_the_report_and_summarises(tmp_path):
    site = write_site(tmp_path / "site", SHAPES)
    result = CliRunner().invoke(main, ["report", str(site), "--out", str(tmp_path / "out"), "--focus", "Hubb"])
    assert result.exit_code == 0, result.output
    assert "6 projects, 8 organisations, 14 collaborating pairs" in result.stdout
    assert (tmp_path / "out" / "report.html").is_file() and (tmp_path / "out" / "tables" / "ego.csv").is_file()


@pytest.mark.parametrize(("args", "message"), [
    (["--focus", "Alpha"], "error: --focus 'Alpha': no organisation in the graph's projects has that name"),
    (["--since", "2024", "--until", "2020"], "error: --since 2024 is after --until 2020"),
])
def test_cli_exits_2_on_unusable_options(tmp_path, args, message):
    site = write_site(tmp_path / "site", SHAPES)
    result = CliRunner().invoke(main, ["report", str(site), "--out", str(tmp_path / "out"), *args])
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())
    assert not (tmp_path / "out").exists()


def test_cli_exits_2_when_the_site_is_missing(tmp_path):
    result = CliRunner().invoke(main, ["report", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "error:" in result.stderr


def test_options_object_and_keywords_agree(shapes):
    a = build_report(shapes, Options(since=2020, until=2021))
    b = build_report(shapes, since=2020, until=2021)
    assert a.organisations == b.organisations
