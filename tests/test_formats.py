"""The tables of formats, walked row by row: what one row says, every command does.

Every graph format of :data:`kg.formats.GRAPH_FORMATS`, under each of its file name
endings, is read by ``kg validate --graph``, ``kg query --graph``, ``kg serve --graph``
and ``kg push --graph`` alike and gives the same triples; the formats ``kg build``
writes are the files it writes and the dumps ``void.ttl`` lists; every answer format is
a ``kg query --format`` and the endpoint's, and parses back.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from conftest import write_site
from pyoxigraph import DefaultGraph, QueryResultsFormat, RdfFormat, parse, parse_query_results, serialize

import kg
from kg.cli import main
from kg.export import OUTPUTS
from kg.export.void import DUMPS
from kg.formats import BY_SUFFIX, GRAPH_FORMATS, WRITTEN, graph_format
from kg.push import ntriples_of
from kg.query.formats import FORMATS, GRAPH_ANSWERS, RESULTS_TABLE

SITE = {
    "_clients/a.md": """
        ---
        title: Projekt A
        lang: sv
        client: Agera Göteborg
        partners: [Nesta]
        year: 2020
        categories: [_themes/t.md]
        ---
        Text.
        """,
    "_themes/t.md": "---\ntitle: Tema\nref: t\n---\n",
}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ROWS = [(f, suffix) for f in GRAPH_FORMATS for suffix in f.suffixes]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """A tiny site built into out/; the number of distinct triples (graph.nt's lines)."""
    root = tmp_path_factory.mktemp("formats")
    site = write_site(root / "site", SITE)
    kg.build(site, root / "out")
    triples = len((root / "out" / "graph.nt").read_text(encoding="utf-8").splitlines())
    return site, root / "out", triples


def graph_file(built, fmt, suffix: str, folder: Path) -> Path:
    """The graph in ``fmt`` under a name ending in ``suffix``: kg build's own file, or graph.nq converted."""
    _site, out, _ = built
    path = folder / f"graph{suffix}"
    if fmt.written:
        path.write_bytes((out / fmt.written).read_bytes())
    else:
        quads = list(parse(path=str(out / "graph.nq"), format=RdfFormat.N_QUADS))
        items = quads if fmt.quads else sorted({q.triple for q in quads}, key=str)
        path.write_bytes(serialize(items, format=fmt.rdf))
    return path


def test_every_ending_names_one_format():
    assert len(BY_SUFFIX) == sum(len(f.suffixes) for f in GRAPH_FORMATS)
    for fmt, suffix in ROWS:
        assert graph_format(f"x{suffix.upper()}") is fmt
        assert suffix == suffix.lower() and suffix.startswith(".")


def test_build_writes_the_written_formats_and_void_lists_them_as_dumps(built):
    _site, out, _ = built
    assert list(OUTPUTS) == list(DUMPS) == [f.written for f in WRITTEN]
    assert {p.name for p in out.iterdir() if p.name != ".kg"} == {*DUMPS, "void.ttl", "build-report.json"}
    void = rdflib.Graph().parse(out / "void.ttl", format="turtle", publicID=out.as_uri() + "/void.ttl")
    dumps = {Path(urllib.parse.urlsplit(str(o)).path).name
             for o in void.objects(None, rdflib.URIRef("http://rdfs.org/ns/void#dataDump"))}
    assert dumps == set(DUMPS)
    for fmt in WRITTEN:  # each file is in its format: its own parser reads it
        assert list(parse(path=str(out / fmt.written), format=fmt.rdf))


@pytest.mark.parametrize(("fmt", "suffix"), ROWS, ids=[s for _f, s in ROWS])
def test_every_graph_format_is_read_alike_by_validate_query_and_push(built, fmt, suffix, tmp_path):
    _site, _out, triples = built
    path = graph_file(built, fmt, suffix, tmp_path)
    validated = CliRunner().invoke(main, ["validate", "--graph", str(path)])
    assert validated.exit_code == 0, validated.output
    assert f"the graph conforms to the shapes: {triples} triples checked" in validated.stdout
    counted = CliRunner().invoke(main, ["query", "--graph", str(path), COUNT, "--format", "csv"])
    assert counted.exit_code == 0, counted.output
    assert counted.stdout.splitlines() == ["n", str(triples)]
    _body, pushed, base = ntriples_of([path])
    assert pushed == triples and base == "https://example.org"


@pytest.mark.parametrize("fmt", GRAPH_FORMATS, ids=lambda f: f.name)
def test_every_graph_format_is_served(built, fmt, tmp_path):
    from kg.serve import start

    _site, _out, triples = built
    path = graph_file(built, fmt, fmt.suffixes[0], tmp_path)
    server = start([path], port=0, background=True, quiet=True, workers=1)
    try:
        host, port = server.server_address[:2]
        url = f"http://{host}:{port}/sparql?" + urllib.parse.urlencode({"query": COUNT, "format": "json"})
        with urllib.request.urlopen(url, timeout=30) as response:
            [row] = json.load(response)["results"]["bindings"]
        assert int(row["n"]["value"]) == triples
        with urllib.request.urlopen(f"http://{host}:{port}/{path.name}", timeout=30) as response:
            assert response.headers["Content-Type"] == fmt.media_type
            assert response.read() == path.read_bytes()
    finally:
        server.shutdown()
        server.close()


@pytest.mark.parametrize("name", [f.name for f in RESULTS_TABLE])
def test_every_results_format_is_a_query_format_and_parses_back(built, name):
    _site, out, triples = built
    assert name in FORMATS
    result = CliRunner().invoke(main, ["query", "--graph", str(out / "graph.nt"), COUNT, "--format", name])
    assert result.exit_code == 0, result.output
    fmt = next(f for f in RESULTS_TABLE if f.name == name)
    assert isinstance(fmt.oxigraph, QueryResultsFormat)
    if fmt.oxigraph == QueryResultsFormat.CSV:  # lossy: pyoxigraph reads it back as no terms, a CSV reader does
        assert list(csv.reader(io.StringIO(result.stdout))) == [["n"], [str(triples)]]
        return
    [row] = list(parse_query_results(result.stdout_bytes, format=fmt.oxigraph))
    assert int(row["n"].value) == triples


@pytest.mark.parametrize("name", sorted(GRAPH_ANSWERS))
def test_every_graph_answer_format_is_a_query_format_and_parses_back(built, name):
    _site, out, triples = built
    assert name in FORMATS
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    result = CliRunner().invoke(main, ["query", "--graph", str(out / "graph.nt"), construct, "--format", name])
    assert result.exit_code == 0, result.output
    back = {t for t in parse(result.stdout_bytes, format=GRAPH_ANSWERS[name].rdf)
            if not hasattr(t, "graph_name") or t.graph_name == DefaultGraph()}
    assert len(back) == triples
