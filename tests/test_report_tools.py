"""The report's files opened by the tools analysts open them with.

- every network, in GraphML, GEXF and node-link JSON, read back by networkx with every
  node and edge attribute, and each GraphML by python-igraph (an independent C reader);
- the CSV tables opened by LibreOffice Calc (Debian's ``libreoffice-calc-nogui``,
  installed by ``.ci/run``) with formulas evaluated: hostile names arrive as text,
  never as formulas, numbers as numbers, non-Latin names intact;
- the page's tables sorted by clicks in headless Chromium.

Gephi itself cannot be installed here; its GEXF reader is the format's, which the
networkx reader checks, and GraphML is read by two implementations.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from conftest import write_site
from test_report import SHAPES

import kg
from kg.report import build_report, write_report
from kg.report.facts import read_facts, report_store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example site's report (themes, platforms, a focus), written once."""
    made = build_report(kg.build(ROOT / "content"), focus="Open Source Politics")
    out = tmp_path_factory.mktemp("example-report")
    write_report(made, out)
    return made, out


def _expected(graph: nx.Graph) -> tuple[dict[str, dict], dict[frozenset, dict]]:
    nodes = {n: {**d, "iri": n} for n, d in graph.nodes(data=True)}
    edges = {frozenset((a, b)): dict(d) for a, b, d in graph.edges(data=True)}
    return nodes, edges


def _by_iri(graph: nx.Graph) -> tuple[dict[str, dict], dict[frozenset, dict]]:
    """A graph read back, keyed by the ``iri`` attribute; GEXF's edge ids left out."""
    iri = {n: d["iri"] for n, d in graph.nodes(data=True)}
    nodes = {iri[n]: dict(d) for n, d in graph.nodes(data=True)}
    edges = {frozenset((iri[a], iri[b])): {k: v for k, v in d.items() if k != "id"}
             for a, b, d in graph.edges(data=True)}
    return nodes, edges


def test_every_network_reads_back_in_every_format_with_every_attribute(example):
    """All of them: co-participation with and without the site's organisation, the three
    bipartite networks, their projections and the ego network."""
    made, out = example
    networks = made.networks()
    assert networks["bipartite-organisation-theme"].number_of_edges() > 0
    assert networks["bipartite-organisation-platform"].number_of_edges() > 0
    assert "ego" in networks
    for stem, graph in networks.items():
        folder = out / "networks"
        expected = _expected(graph)
        readers = {
            "graphml": lambda p: nx.read_graphml(p),
            "gexf": lambda p: nx.read_gexf(p),
            "json": lambda p: nx.node_link_graph(json.loads(p.read_text(encoding="utf-8")), edges="edges"),
        }
        for ext, read in readers.items():
            assert _by_iri(read(folder / f"{stem}.{ext}")) == expected, f"{stem}.{ext}"
        # GraphML and JSON also keep the graph's own attributes (what a projection kept).
        assert nx.read_graphml(folder / f"{stem}.graphml").graph.items() >= graph.graph.items()


def test_gexf_says_what_a_projection_kept_in_its_description(example):
    made, out = example
    for stem, graph in made.projections.items():
        root = ET.parse(out / "networks" / f"{stem}.gexf").getroot()
        description = root.find("{http://www.gexf.net/1.2draft}meta/{http://www.gexf.net/1.2draft}description")
        assert description is not None, stem
        assert description.text.splitlines() == [
            f"links: {graph.graph['links']}", f"links_kept: {graph.graph['links_kept']}",
            f"min_weight: {graph.graph['min_weight']}"]


def test_igraph_reads_every_graphml_file_alike(example):
    """python-igraph's GraphML reader (C, libxml2) finds the same nodes, links, degrees and attributes."""
    igraph = pytest.importorskip("igraph", reason="python-igraph is a test extra: pip install -e '.[test]'")
    made, out = example
    for stem, graph in made.networks().items():
        g = igraph.Graph.Read_GraphML(str(out / "networks" / f"{stem}.graphml"))
        assert not g.is_directed()
        by_iri = {v["iri"]: v for v in g.vs}
        assert set(by_iri) == set(graph.nodes), stem
        for node, data in graph.nodes(data=True):
            vertex = by_iri[node]
            assert vertex.degree() == graph.degree(node), (stem, node)
            for key, value in data.items():
                assert vertex[key] == value, (stem, node, key)
        weights = sorted(g.es["weight"]) if g.ecount() else []
        assert weights == sorted(d["weight"] for _a, _b, d in graph.edges(data=True)), stem


@pytest.mark.parametrize("site", ["shapes", "example"])
def test_the_report_store_answers_the_queries_as_the_whole_graph_does(site, tmp_path):
    """The report reads its facts from a store of the predicates its queries name: the same
    facts as from the store of every statement and named graph."""
    graph = (kg.build(write_site(tmp_path / "s", SHAPES)) if site == "shapes" else kg.build(ROOT / "content")).graph
    whole = read_facts(graph.store())
    assert whole.projects and whole.organisations
    assert read_facts(report_store(graph)) == whole


# -- LibreOffice Calc -----------------------------------------------------------------------------

SOFFICE = shutil.which("soffice")
HOSTILE_CELLS = {
    "hyperlink": '=HYPERLINK("http://evil.example","click")',
    "plus": "+cmd|' /C calc'!A0",
    "sum": "-1+1",
    "at": "@SUM(A1:A2)",
    "cjk": "北京市人民政府",
    "arabic": "مؤسسة الديمقراطية",
    "swedish": "Ärlig Förening",
}
NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
# CSV import options: comma, double quote, UTF-8 (76), from line 1, … and token 13,
# "evaluate formulas", on: the setting under which a formula in a cell would run.
CSV_FILTER = "CSV:44,34,76,1,,,,,,,,,true"


def _project(ref: str, title: str, year: str, partners: list[str]) -> str:
    lines = ["---", f"title: {json.dumps(title)}", f"ref: {ref}", "lang: en", f"year: {year}", "partners:"]
    return "\n".join([*lines, *[f"- {json.dumps(p)}" for p in partners], "---", "Text.", ""])


def _calc(csv_file: Path, tmp_path: Path) -> list[list[tuple[str, bool, str]]]:
    """``csv_file`` opened by LibreOffice Calc: rows of (value type, is a formula, text shown)."""
    out = tmp_path / "converted"
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
                          f"--infilter={CSV_FILTER}", "--convert-to", "fods", "--outdir", str(out), str(csv_file)],
                         capture_output=True, text=True, timeout=180)
    converted = out / (csv_file.stem + ".fods")
    assert run.returncode == 0 and converted.is_file(), run.stdout + run.stderr
    rows = []
    for row in ET.parse(converted).getroot().iterfind(".//table:table-row", NS):
        cells = []
        for c in row.iterfind("table:table-cell", NS):
            repeat = int(c.get(f"{{{NS['table']}}}number-columns-repeated", "1"))
            cell = (c.get(f"{{{NS['office']}}}value-type", ""), c.get(f"{{{NS['table']}}}formula") is not None,
                    "".join(t.strip() for t in c.itertext()))
            cells += [cell] * min(repeat, 50)
        rows.append(cells)
    return rows


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (.ci/run installs libreoffice-calc-nogui)")
def test_libreoffice_opens_the_csv_tables_with_hostile_names_as_text(tmp_path):
    """Project a (2020): hyperlink, plus, sum, at; project b (2021): at, cjk, arabic, swedish.
    Every name is text in Calc (the risky ones shown with their leading '), no cell is a
    formula, the numbers are numbers: degree 3 for all but @SUM, which is in both (6)."""
    names = list(HOSTILE_CELLS.values())
    site = write_site(tmp_path / "site", {
        "_clients/a.md": _project("a", "=1+2 Projekt", "2020", names[:4]),
        "_clients/b.md": _project("b", "Projekt b", "2021", names[3:]),
    })
    made = build_report(site, without_site_org=True)
    write_report(made, tmp_path / "report")

    # The control: Calc, as set up here, does run a formula a CSV cell holds.
    control = tmp_path / "control.csv"
    control.write_text("a\n=1+1\n", encoding="utf-8")
    assert _calc(control, tmp_path)[1][0] == ("float", True, "2")

    rows = _calc(tmp_path / "report" / "tables" / "organisations.csv", tmp_path)
    header = [text for _t, _f, text in rows[0]]
    organisation, degree = header.index("organisation"), header.index("degree")
    body = [r for r in rows[1:] if r and r[0][2]]
    assert not any(formula for row in rows for _t, formula, _x in row)
    shown = {row[organisation][2]: row[degree] for row in body}
    risky = {HOSTILE_CELLS[k] for k in ("hyperlink", "plus", "sum", "at")}
    assert set(shown) == {("'" + n if n in risky else n) for n in names}
    assert all(row[organisation][0] == "string" for row in body)
    assert shown["'@SUM(A1:A2)"] == ("float", False, "6")
    assert {v for k, v in shown.items() if k != "'@SUM(A1:A2)"} == {("float", False, "3")}

    rows = _calc(tmp_path / "report" / "tables" / "pairs.csv", tmp_path)
    header = [text for _t, _f, text in rows[0]]
    projects = header.index("projects")
    assert not any(formula for row in rows for _t, formula, _x in row)
    # 6 pairs in project a, 6 in project b.
    shared = sorted(row[projects][2] for row in rows[1:] if row and row[0][2])
    assert shared == ["'=1+2 Projekt"] * 6 + ["Projekt b"] * 6


# -- Chromium: the tables sort ---------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
PROBE = """<!DOCTYPE html><html><body><iframe id="report" src="report.html"></iframe><pre id="out">not run</pre>
<script>
document.getElementById("report").addEventListener("load", function () {
  var page = this.contentDocument, lines = [];
  var heads = page.querySelectorAll("#table-organisations thead th");
  function names() {
    return Array.prototype.map.call(page.querySelectorAll("#table-organisations tbody tr"),
                                    function (row) { return row.cells[0].textContent; }).join(",");
  }
  function click(name) {
    var th = Array.prototype.filter.call(heads, function (h) { return h.textContent === name; })[0];
    th.querySelector("button").click();
    lines.push(name + " " + th.getAttribute("aria-sort") + ": " + names());
  }
  lines.push("as written: " + names());
  click("degree"); click("degree"); click("organisation");
  document.getElementById("out").textContent = lines.join("\\n");
});
</script></body></html>"""


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)")
def test_clicking_a_column_heading_sorts_the_table(tmp_path):
    """The organisations without the site's organisation, written most projects first (Hubb 4;
    Alfa, Beta, Gamma 2; the Sols 1). Degrees: Sol1–3 1, Alfa and Beta 2, Gamma 3, Hubb 4. Sorting
    is stable, so ties keep the order they had."""
    made = build_report(write_site(tmp_path / "site", SHAPES), without_site_org=True)
    write_report(made, tmp_path / "report")
    (tmp_path / "report" / "probe.html").write_text(PROBE, encoding="utf-8")
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--allow-file-access-from-files", f"--user-data-dir={tmp_path / 'profile'}",
                          "--virtual-time-budget=10000", "--dump-dom", (tmp_path / "report" / "probe.html").as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    out = run.stdout[run.stdout.index('<pre id="out">') + len('<pre id="out">'):run.stdout.index("</pre>")]
    assert out.splitlines() == [
        "as written: Hubb,Alfa,Beta,Gamma,Sol1,Sol2,Sol3",
        "degree ascending: Sol1,Sol2,Sol3,Alfa,Beta,Gamma,Hubb",
        "degree descending: Hubb,Gamma,Alfa,Beta,Sol1,Sol2,Sol3",
        "organisation ascending: Alfa,Beta,Gamma,Hubb,Sol1,Sol2,Sol3",
    ]
