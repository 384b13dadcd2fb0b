"""``kg.query`` and ``kg query``: sources, parameters, formats and errors.

Answers are checked with independent parsers where users have them: rdflib's
SPARQL results parsers (JSON, XML, CSV, TSV), Python's csv module, rdflib's
Turtle/N-Triples/JSON-LD parsers.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
import rdflib
from click.testing import CliRunner
from conftest import write_site
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode
from query_site import ORG, PROJECT, SITE_FILES

import kg
from kg.cli import main
from kg.query import (
    GraphFileError,
    ParameterError,
    QuerySyntaxError,
    open_store,
    parse_param,
    query,
    run,
    to_term,
)

SCHEMA = "http://schema.org/"
PROJECTS = "SELECT ?p WHERE { ?p a schema:Project } ORDER BY ?p"
ALL_PROJECTS = [PROJECT + name for name in ("alpha", "beta", "delta", "gamma", "omega")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The query site, built with its graph files written to ``out``."""
    root = tmp_path_factory.mktemp("q")
    site = write_site(root / "site", SITE_FILES)
    result = kg.build(site, out=root / "out")
    return site, root / "out", result


@pytest.fixture(scope="module")
def store(built):
    return open_store(built[2])


def cli(*args: str):
    return CliRunner().invoke(main, ["query", *args])


# -- sources ------------------------------------------------------------------------------------
@pytest.mark.parametrize("files", [["graph.ttl"], ["graph.nt"], ["graph.nq"], ["graph.jsonld"],
                                   ["graph.nq", "graph.ttl"]])
def test_every_graph_file_kg_build_writes_gives_the_same_answer(built, files: list[str]) -> None:
    """A site folder and each of its graph files are the same graph to a query (named graphs
    of graph.nq are also in the default graph, each triple once)."""
    site, out, result = built
    from_site = query(site, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o").solutions
    from_files = query([out / f for f in files], "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o").solutions
    assert from_files == from_site
    assert len(from_site) == len(result.graph)


def test_named_graphs_say_which_file_said_what(built) -> None:
    """From graph.nq, GRAPH ?g finds the source file of a statement."""
    _site, out, _ = built
    rows = query(out / "graph.nq", "SELECT ?g WHERE { GRAPH ?g { ?p schema:funder ?f } }").rows
    assert rows == [{"g": "https://example.org/kg/source/_clients/beta.md"}]


def test_sources_in_memory(built) -> None:
    """A BuildResult, a KnowledgeGraph and a Store are all sources."""
    _site, _out, result = built
    for source in (result, result.graph, result.graph.store()):
        assert [r["p"] for r in query(source, PROJECTS).rows] == ALL_PROJECTS


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.ttl", None, "no such file"),
    ("graph.csv", "a,b\n", "unknown graph file type '.csv'"),
    ("broken.ttl", "<a> <b> .\n", "not valid Turtle"),
    ("broken.nq", '<http://a> <http://b> "unterminated .\n', "not valid N-Quads"),
    ("broken.jsonld", "{not json", "not valid JSON-LD"),
])
def test_an_unreadable_graph_file_is_named(tmp_path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(GraphFileError, match=message) as info:
        open_store([path])
    assert str(info.value).startswith(str(path))
    result = cli("--graph", str(path), "ASK {}")
    assert result.exit_code == 2
    assert str(path) in result.output and message in result.output
    assert "Traceback" not in result.output


# -- parameters ---------------------------------------------------------------------------------
NAMES = "SELECT ?n ?p WHERE { ?p a schema:Project ; schema:name ?x FILTER(str(?x) = ?n) }"


def test_a_parameter_binds_a_selected_variable(store) -> None:
    assert query(store, NAMES, n="Beta").rows == [{"n": "Beta", "p": PROJECT + "beta"}]


@pytest.mark.parametrize("hostile", [
    'Beta" } UNION { ?p ?q ?n',  # tries to close the string and the pattern
    "Beta'",
    "Beta\\",
    '"""',
    "x\u2028y",
    "</script><!--",
    "\u202eateB",
    "Beta" * 1000,
    "Göteborgs Stad 日本語",
])
def test_a_parameter_is_a_value_never_query_text(store, hostile: str) -> None:
    """Quotes, backslashes, braces and the like in a value cannot change the query: nothing matches."""
    assert query(store, NAMES, n=hostile).rows == []


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_any_text_comes_back_exactly_as_it_was_bound(value: str) -> None:
    """Binding then selecting a string gives the same string back, whatever characters it holds."""
    from pyoxigraph import Store

    result = run(Store(), "SELECT ?v WHERE {}", {"v": value})
    assert result.rows == [{"v": value}]


@pytest.mark.parametrize(("value", "expected"), [
    ("text", Literal("text")),
    (3, Literal("3", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    (True, Literal("true", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))),
    (rdflib.URIRef("https://example.org/x"), NamedNode("https://example.org/x")),
    (rdflib.Literal("hej", lang="sv"), Literal("hej", language="sv")),
    (NamedNode("https://example.org/y"), NamedNode("https://example.org/y")),
])
def test_python_values_become_rdf_terms(value, expected) -> None:
    assert to_term(value) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("org=Open Source Politics", ("org", Literal("Open Source Politics"))),
    ("?org=a=b", ("org", Literal("a=b"))),
    ("p=<https://example.org/kg/project/beta>", ("p", NamedNode("https://example.org/kg/project/beta"))),
    ("empty=", ("empty", Literal(""))),
])
def test_command_line_parameters(text: str, expected) -> None:
    assert parse_param(text) == expected


@pytest.mark.parametrize("text", ["noequals", "=value", "p=<not an iri>"])
def test_malformed_command_line_parameters(text: str) -> None:
    with pytest.raises(ParameterError):
        parse_param(text)


def test_an_iri_parameter(store) -> None:
    rows = query(store, "SELECT ?p ?n WHERE { ?p schema:name ?n }", p=NamedNode(PROJECT + "beta")).rows
    assert rows == [{"p": PROJECT + "beta", "n": "Beta"}]


@pytest.mark.parametrize("sparql", [
    "SELECT ?p WHERE { ?p a schema:Project FILTER(?p = ?x) }",
    "SELECT * WHERE { ?p a schema:Project FILTER(?p = ?x) }",
    "ASK { ?p a schema:Project FILTER(?p = ?x) }",
])
def test_a_parameter_the_query_does_not_select_is_refused(store, sparql: str) -> None:
    """pyoxigraph substitutes only projected variables (SPARQL SEP-0007): anything else is an
    error rather than a silently ignored value."""
    with pytest.raises(ParameterError, match="parameter 'x': a parameter binds a variable"):
        query(store, sparql, x="a")


# -- results ------------------------------------------------------------------------------------
def test_rows_are_dictionaries_of_python_values(store) -> None:
    rows = query(store, "SELECT ?p ?start ?ongoing ?name ?missing WHERE { ?p schema:startDate ?start ; "
                        "kgo:ongoing ?ongoing ; schema:name ?name OPTIONAL { ?p schema:nope ?missing } } "
                        "ORDER BY ?start").rows
    assert rows[0] == {"p": PROJECT + "delta", "start": 2019, "ongoing": False, "name": "Delta"}
    assert rows[-1] == {"p": PROJECT + "gamma", "start": 2022, "ongoing": True, "name": "Gamma"}


def test_the_rdflib_result(store) -> None:
    """For those who want rdflib: the same answer as an rdflib Result (SELECT, ASK, CONSTRUCT)."""
    result = query(store, "SELECT ?p ?name WHERE { ?p a schema:Project ; schema:name ?name } ORDER BY ?p").rdflib()
    assert [str(v) for v in result.vars] == ["p", "name"]
    first = next(iter(result))
    assert first.p == rdflib.URIRef(PROJECT + "alpha")
    assert first.name == rdflib.Literal("Alpha", lang="en")
    parsed = json.loads(result.serialize(format="json"))
    assert parsed["results"]["bindings"][0]["p"]["value"] == PROJECT + "alpha"
    assert query(store, "ASK { ?p a schema:Project }").rdflib().askAnswer is True
    graph = query(store, "CONSTRUCT WHERE { ?p a schema:Project }").rdflib().graph
    assert set(graph.subjects()) == {rdflib.URIRef(p) for p in ALL_PROJECTS}


def test_ask_and_construct(store) -> None:
    assert query(store, "ASK { ?p schema:funder ?f }")
    assert not query(store, "ASK { ?p schema:funder ?p }")
    result = query(store, "CONSTRUCT { ?p schema:funder ?f } WHERE { ?p schema:funder ?f }")
    assert result.kind == "graph" and [str(t) for t in result.triples] == [
        f"<{PROJECT}beta> <{SCHEMA}funder> <{ORG}nordforsk>"]


def test_a_capped_result_says_it_was_cut(store) -> None:
    result = run(store, PROJECTS, limit=2)
    assert [r["p"] for r in result.rows] == ALL_PROJECTS[:2] and result.truncated
    assert not run(store, PROJECTS, limit=5).truncated


def _parse_results(data: bytes, fmt: str) -> list[dict[str, str]]:
    """Parse SPARQL results with rdflib's own parsers."""
    parsed = rdflib.query.Result.parse(io.BytesIO(data), format=fmt)
    return [{str(k): str(v) for k, v in row.asdict().items()} for row in parsed]


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_results_formats_parse_with_rdflib(built, fmt: str) -> None:
    """SELECT answers in every SPARQL results format read back with rdflib to the same rows."""
    site, _, _ = built
    result = cli("--site", str(site), "--format", fmt, "clients-and-partners", "--param", "org=Nesta")
    assert result.exit_code == 0, result.output
    rows = _parse_results(result.stdout_bytes, fmt)
    # Nesta is a partner in beta and the only organisation of gamma: beta's others are listed.
    assert [(r["project"], r["role"], r["otherName"]) for r in rows] == [
        (PROJECT + "beta", "client", "Chalmers University of Technology"),
        (PROJECT + "beta", "funder", "Nordforsk"),
        (PROJECT + "beta", "partner", "Open Source Politics"),
    ]


def test_csv_is_plain_csv(built) -> None:
    """The CSV results format reads with Python's csv module: a header and one line per row."""
    site, _, _ = built
    result = cli("--site", str(site), "--format", "csv",
                 "SELECT ?p ?name WHERE { ?p a schema:Project ; schema:name ?name } ORDER BY ?p")
    lines = list(csv.reader(io.StringIO(result.stdout)))
    assert lines[0] == ["p", "name"]
    assert lines[1] == [PROJECT + "alpha", "Alpha"]


def test_ask_in_json_and_table(built) -> None:
    site, _, _ = built
    assert json.loads(cli("--site", str(site), "--format", "json", "ASK { ?p a schema:Project }").stdout) == {
        "head": {}, "boolean": True}
    assert cli("--site", str(site), "ASK { ?p schema:funder ?p }").stdout.split() == ["answer", "no"]


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"),
                                                    ("xml", "xml"), ("table", "turtle")])
def test_construct_prints_rdf(built, fmt: str, rdflib_format: str) -> None:
    """CONSTRUCT answers are RDF; the table format falls back to Turtle."""
    site, _, _ = built
    result = cli("--site", str(site), "--format", fmt,
                 "CONSTRUCT { ?p schema:funder ?f } WHERE { ?p schema:funder ?f }")
    assert result.exit_code == 0, result.output
    graph = rdflib.Graph().parse(data=result.stdout, format=rdflib_format)
    assert set(graph) == {(rdflib.URIRef(PROJECT + "beta"), rdflib.URIRef(SCHEMA + "funder"),
                           rdflib.URIRef(ORG + "nordforsk"))}


def test_turtle_answers_are_written_like_graph_ttl_and_are_deterministic(built) -> None:
    site, _, _ = built
    sparql = "CONSTRUCT { ?p a schema:Project ; schema:name ?n } WHERE { ?p a schema:Project ; schema:name ?n }"
    first, second = cli("--site", str(site), sparql).stdout, cli("--site", str(site), sparql).stdout
    assert first == second
    assert 'project:alpha a schema:Project ;\n\tschema:name "Alpha"@en .' in first


def test_a_format_that_does_not_fit_the_answer_is_an_error(built) -> None:
    site, _, _ = built
    result = cli("--site", str(site), "--format", "ttl", "SELECT ?p WHERE { ?p a schema:Project }")
    assert result.exit_code == 2 and "use json, xml, csv, tsv" in result.output
    result = cli("--site", str(site), "--format", "csv", "CONSTRUCT WHERE { ?p a schema:Project }")
    assert result.exit_code == 2 and "use ttl, nt, jsonld, xml" in result.output


# -- the command line ---------------------------------------------------------------------------
def test_list_shows_each_bundled_query_on_one_line() -> None:
    result = cli("--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 9
    assert lines[0].split()[0] == "clients-and-partners" and '[--param org="Open Source Politics"]' in lines[0]


def test_table_output(built) -> None:
    """The default table names IRIs with the site's prefixes and prints values plainly."""
    site, _, _ = built
    result = cli("--site", str(site), "platform-users", "--param", "platform=Decidim")
    assert result.exit_code == 0, result.output
    lines = [line.split() for line in result.stdout.splitlines()]
    assert lines[0] == ["platform", "project", "projectName", "organisation", "name", "role", "kind", "start", "end",
                        "how", "saidIn"]
    # alpha's page links to decidim.org and it is filed under the theme "Decidim": read from the site, not stated
    assert lines[1][:11] == ["Decidim", "project:alpha", "Alpha", "organisation:exempel-kommun", "Municipality", "of",
                             "Exempel", "client", "municipality", "2020", "2021"]
    assert lines[1][11] == "inferred" and set(lines[1][12:]) == {"_clients/alpha.md"}
    assert result.stderr.strip() == "2 rows"


def test_hostile_values_cannot_reach_the_terminal_as_control_codes(tmp_path) -> None:
    """An ANSI escape or a line separator in the data is shown escaped, not obeyed."""
    (tmp_path / "g.nt").write_text('<https://example.org/p> <http://schema.org/name> "A\\u001B[31mred\\u2028B" .\n')
    result = cli("--graph", str(tmp_path / "g.nt"), "SELECT ?n WHERE { ?p schema:name ?n }")
    assert "\x1b" not in result.stdout and "\u2028" not in result.stdout
    assert "A\\u001b[31mred\\u2028B" in result.stdout


def test_a_query_file(tmp_path, built) -> None:
    site, _, _ = built
    (tmp_path / "q.rq").write_text("# projects\nSELECT ?p WHERE { ?p schema:funder ?f }\n")
    result = cli("--site", str(site), "--format", "csv", str(tmp_path / "q.rq"))
    assert result.stdout.splitlines() == ["p", PROJECT + "beta"]


def test_a_syntax_error_shows_line_and_column_and_exits_2(tmp_path, built) -> None:
    """The parser's message with the line and column, the line itself and a caret; no traceback."""
    site, _, _ = built
    (tmp_path / "bad.rq").write_text("SELECT ?p\nWHERE { ?p a schema:Project .\n  ?p schema:name }\n")
    result = cli("--site", str(site), str(tmp_path / "bad.rq"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'bad.rq'}:3:" in result.stderr and "SPARQL syntax error" in result.stderr
    assert "Traceback" not in result.output
    with pytest.raises(QuerySyntaxError) as info:
        query(site, "SELECT ?p WHERE { ?p a schema:Project")
    assert (info.value.line, info.value.column) == (1, 38)
    assert info.value.source_line == "SELECT ?p WHERE { ?p a schema:Project"


@pytest.mark.parametrize(("args", "message"), [
    (["no-such-query"], "no bundled query named 'no-such-query'"),
    (["organisation-pair"], "did you mean organisation-pairs?"),
    (["missing.rq"], "missing.rq: no such query file"),
    (["clients-and-partners"], "needs --param org="),
    (["SELECT ?x WHERE {}", "--param", "x"], "expected NAME=VALUE"),
    (["--site", "nowhere", "ASK {}"], "nowhere"),
    (["--site", "content", "--graph", "x.ttl", "ASK {}"], "not both"),
    ([], "give a QUERY"),
])
def test_unusable_input_exits_2_with_one_line(args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_kg_query_is_callable_from_the_package(built) -> None:
    """``import kg; kg.query(source, sparql, **params)``, as the README shows."""
    site, _, _ = built
    assert [r["p"] for r in kg.query(site, NAMES.replace("?n ?p", "?p ?n"), n="Gamma").rows] == [PROJECT + "gamma"]
