"""SHACL validation: ``kg/ontology/shapes.ttl``, ``kg validate`` and ``kg build --validate``.

The example site and the real corpus conform; each shape is then shown to catch
what it is for by breaking one fact of a conforming graph at a time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from namespaces import KGO, SCHEMA, SKOS
from rdflib import RDF, XSD, Literal, URIRef

import kg
from kg.cli import main
from kg.formats import WRITTEN
from kg.validate import read_graph_files, shapes_graph, validate, validate_graph
from kg.vocab import ORGANISATION_TYPES

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://digidemlab.org"
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")

PROJECT = URIRef(f"{BASE}/kg/project/chicago")
POST = URIRef(f"{BASE}/chicagos-medborgarbudget-flyttar-in-pa-decidim/")
PAGE = URIRef(f"{BASE}/chicago/")
THEME = URIRef(f"{BASE}/kg/theme/medborgarbudget")
OSP = URIRef(f"{BASE}/kg/organisation/open-source-politics")
SOURCE = URIRef(f"{BASE}/kg/source/_clients/chicago.md")
PERSON = URIRef(f"{BASE}/kg/person/alva-exempelsson")
CHICAGO = URIRef(f"{BASE}/kg/place/chicago")
DECIDIM = URIRef(f"{BASE}/kg/platform/decidim")


@pytest.fixture(scope="module")
def content() -> kg.BuildResult:
    return kg.build(ROOT / "content")


@pytest.fixture
def graph(content) -> rdflib.Graph:
    """A fresh, conforming copy of the example site's union graph."""
    return content.graph.graph()


def results(graph: rdflib.Graph) -> set[tuple[str, str | None, str, str]]:
    """(focus, path, constraint component, severity) of every result."""
    report = validate_graph(graph, BASE)
    return {(v.focus, v.path, v.component, v.severity) for v in report.violations}


def test_the_example_site_conforms(content):
    report = validate(content.graph)
    assert report.conforms and report.violations == []
    assert report.triples == len(content.graph)


def test_the_fixture_names_real_entities(graph):
    """The IRIs the cases below break are in the example site (else the cases would prove nothing)."""
    for iri, cls in [(PROJECT, SCHEMA.Project), (POST, SCHEMA.NewsArticle), (PAGE, SCHEMA.WebPage),
                     (THEME, SKOS.Concept), (OSP, SCHEMA.Organization), (SOURCE, KGO.SourceFile),
                     (PERSON, SCHEMA.Person), (CHICAGO, SCHEMA.Place), (DECIDIM, SCHEMA.SoftwareApplication)]:
        assert (iri, RDF.type, cls) in graph, iri


def test_the_real_corpus_has_no_violation_and_warns_exactly_about_its_dangling_references(corpus):
    """Zero violations; the four warnings are the entities known only from references to missing files."""
    report = validate(kg.build(corpus).graph)
    assert report.conforms
    assert {(v.focus.rsplit("/kg/", 1)[1], v.severity) for v in report.violations} == {
        ("project/helsingborg", "Warning"),
        ("project/konferensen-om-europas-framtid", "Warning"),
        ("theme/medborgardeltagande", "Warning"),
    }
    [helsingborg] = [v for v in report.violations if v.focus.endswith("/helsingborg")]
    post = "_posts/2020-05-10-helsingborgs-gor-dialogprocess-for-en-tryggare-och-jamlikare-plats.md"
    assert helsingborg.sources == (post,)


def _set(graph, s, p, o):
    graph.remove((s, p, None))
    graph.add((s, p, o))


# Each case: what it breaks, then the results it must produce (focus, path, component, severity).
CASES = {
    "two English names of one project": (
        lambda g: g.add((PROJECT, SCHEMA.name, Literal("Another name", lang="en"))),
        (PROJECT, SCHEMA.name, "UniqueLangConstraintComponent", "Violation")),
    "a start year that is a date": (
        lambda g: _set(g, PROJECT, SCHEMA.startDate, Literal("2020-01-01", datatype=XSD.date)),
        (PROJECT, SCHEMA.startDate, "DatatypeConstraintComponent", "Violation"),
        (PROJECT, SCHEMA.startDate, "PatternConstraintComponent", "Violation")),
    "two start years": (
        lambda g: g.add((PROJECT, SCHEMA.startDate, Literal("2019", datatype=XSD.gYear))),
        (PROJECT, SCHEMA.startDate, "MaxCountConstraintComponent", "Violation")),
    "a project ending before it starts": (
        lambda g: (_set(g, PROJECT, SCHEMA.endDate, Literal("2011", datatype=XSD.gYear)),
                   _set(g, PROJECT, KGO.ongoing, Literal(False))),
        (PROJECT, None, "SPARQLConstraintComponent", "Violation")),
    "an ongoing project with an end": (
        lambda g: _set(g, PROJECT, KGO.ongoing, Literal(True)),
        (PROJECT, None, "SPARQLConstraintComponent", "Violation")),
    "a client that is a place": (
        lambda g: g.add((PROJECT, KGO.client, URIRef(f"{BASE}/kg/place/chicago"))),
        (PROJECT, KGO.client, "ClassConstraintComponent", "Violation")),
    "a project about a page instead of a theme": (
        lambda g: g.add((PROJECT, SCHEMA.about, PAGE)),
        (PROJECT, SCHEMA.about, "ClassConstraintComponent", "Violation")),
    "a project IRI outside the site": (
        lambda g: g.add((URIRef("https://evil.example/kg/project/x"), RDF.type, SCHEMA.Project)),
        ("https://evil.example/kg/project/x", None, "PatternConstraintComponent", "Violation"),
        ("https://evil.example/kg/project/x", SCHEMA.name, "MinCountConstraintComponent", "Warning")),
    "a project without a name (a dangling reference)": (
        lambda g: g.remove((PROJECT, SCHEMA.name, None)),
        (PROJECT, SCHEMA.name, "MinCountConstraintComponent", "Warning")),
    "an organisation kind that is not one": (
        lambda g: _set(g, OSP, KGO.organisationKind, KGO.foundation),
        (OSP, KGO.organisationKind, "InConstraintComponent", "Violation")),
    "an organisation without a name": (
        lambda g: g.remove((OSP, SCHEMA.name, None)),
        (OSP, SCHEMA.name, "MinCountConstraintComponent", "Violation")),
    "a publication date that is text": (
        lambda g: _set(g, POST, SCHEMA.datePublished, Literal("igår")),
        (POST, SCHEMA.datePublished, "OrConstraintComponent", "Violation")),
    "two publication dates": (
        lambda g: g.add((POST, SCHEMA.datePublished, Literal("2001-01-01", datatype=XSD.date))),
        (POST, SCHEMA.datePublished, "MaxCountConstraintComponent", "Violation")),
    "a post without a headline": (
        lambda g: g.remove((POST, SCHEMA.headline, None)),
        (POST, SCHEMA.headline, "MinCountConstraintComponent", "Warning")),
    "a post that mentions a text": (
        lambda g: g.add((POST, SCHEMA.mentions, Literal("Decidim"))),
        (POST, SCHEMA.mentions, "NodeKindConstraintComponent", "Violation"),
        (POST, SCHEMA.mentions, "OrConstraintComponent", "Violation")),
    "a page language that is no language tag": (
        lambda g: _set(g, PAGE, SCHEMA.inLanguage, Literal("svenska språket")),
        (PAGE, SCHEMA.inLanguage, "PatternConstraintComponent", "Violation")),
    "a page without a language": (
        lambda g: g.remove((PAGE, SCHEMA.inLanguage, None)),
        (PAGE, SCHEMA.inLanguage, "MinCountConstraintComponent", "Violation")),
    "a page without its source file": (
        lambda g: g.remove((PAGE, PROV.wasDerivedFrom, None)),
        (PAGE, PROV.wasDerivedFrom, "MinCountConstraintComponent", "Violation")),
    "two Swedish labels of one theme": (
        lambda g: g.add((THEME, SKOS.prefLabel, Literal("Medborgarbudgetar", lang="sv"))),
        (THEME, SKOS.prefLabel, "UniqueLangConstraintComponent", "Violation")),
    "a theme in no scheme": (
        lambda g: g.remove((THEME, SKOS.inScheme, None)),
        (THEME, SKOS.inScheme, "MinCountConstraintComponent", "Violation")),
    "a source path that leaves the site": (
        lambda g: _set(g, SOURCE, KGO.path, Literal("../../etc/passwd")),
        (SOURCE, KGO.path, "PatternConstraintComponent", "Violation")),
    "an absolute source path": (
        lambda g: _set(g, SOURCE, KGO.path, Literal("/etc/passwd")),
        (SOURCE, KGO.path, "PatternConstraintComponent", "Violation")),
    "a person with two names": (
        lambda g: g.add((PERSON, SCHEMA.name, Literal("Another Name"))),
        (PERSON, SCHEMA.name, "MaxCountConstraintComponent", "Violation")),
    "a place inside an organisation": (
        lambda g: g.add((CHICAGO, SCHEMA.containedInPlace, OSP)),
        (CHICAGO, SCHEMA.containedInPlace, "ClassConstraintComponent", "Violation"),
        (CHICAGO, SCHEMA.containedInPlace, "MaxCountConstraintComponent", "Violation")),
    "a platform without a name": (
        lambda g: g.remove((DECIDIM, SCHEMA.name, None)),
        (DECIDIM, SCHEMA.name, "MinCountConstraintComponent", "Violation")),
    "a concept scheme outside the site": (
        lambda g: g.add((URIRef("https://evil.example/themes/"), RDF.type, SKOS.ConceptScheme)),
        ("https://evil.example/themes/", None, "PatternConstraintComponent", "Violation"),
        ("https://evil.example/themes/", SKOS.prefLabel, "MinCountConstraintComponent", "Violation")),
    "a website without publisher": (
        lambda g: g.remove((URIRef(f"{BASE}/#website"), SCHEMA.publisher, None)),
        (f"{BASE}/#website", SCHEMA.publisher, "MinCountConstraintComponent", "Violation")),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_shape_catches_what_it_is_for(graph, case):
    """Breaking one fact of a conforming graph gives exactly the expected results and no other."""
    breaks, *expected = CASES[case]
    breaks(graph)
    assert results(graph) == {(str(focus), str(path) if path is not None else None, component, severity)
                              for focus, path, component, severity in expected}


def test_every_class_the_graph_uses_has_a_shape(content):
    """Each typed entity is the target of at least one shape (through one of its classes)."""
    shapes = shapes_graph(BASE)
    targets = set(shapes.objects(None, SH.targetClass))
    graph = content.graph.graph()
    for entity in set(graph.subjects(RDF.type, None)):
        types = set(graph.objects(entity, RDF.type))
        assert types & targets, f"{entity} ({sorted(types)}) has no shape"


def test_the_organisation_kinds_in_the_shapes_are_the_vocabularys():
    shapes = shapes_graph(BASE)
    [listed] = [o for s, o in shapes.subject_objects(SH["in"]) if (s, SH.path, KGO.organisationKind) in shapes]
    kinds = {str(k).rsplit("#", 1)[1] for k in rdflib.collection.Collection(shapes, listed)}
    assert kinds == set(ORGANISATION_TYPES)


def test_the_base_is_filled_in_as_a_literal_regular_expression():
    """A base with regex characters (``.``, ``+``) must match only itself."""
    shapes = shapes_graph("https://my.site+x")
    patterns = {str(p) for p in shapes.objects(None, SH.pattern)}
    assert r"^https://my\.site\+x/kg/project/[^/]+$" in patterns


# -- reading graph files, and where results come from ----------------------------------------------


def test_results_name_the_source_file_from_the_named_graphs(content, tmp_path):
    """Read back from N-Quads, a bad statement is traced to the named graph (file) that holds it."""
    kg.build(ROOT / "content", tmp_path)
    nq = (tmp_path / "graph.nq").read_text(encoding="utf-8")
    bad = f'<{PROJECT}> <{SCHEMA.startDate}> "2020-01-01"^^<{XSD.date}> <{SOURCE}> .\n'
    (tmp_path / "graph.nq").write_text(nq + bad, encoding="utf-8")
    data, sources = read_graph_files([tmp_path / "graph.nq"])
    report = validate_graph(data, sources=sources)
    bad_dates = [v for v in report.violations if v.component == "DatatypeConstraintComponent"]
    assert [(v.focus, v.sources) for v in bad_dates] == [(str(PROJECT), ("_clients/chicago.md",))]


@pytest.mark.parametrize("name", [f.written for f in WRITTEN])
def test_every_file_kg_writes_can_be_validated(tmp_path, name):
    kg.build(ROOT / "content", tmp_path)
    data, _sources = read_graph_files([tmp_path / name])
    assert validate_graph(data).conforms


# -- the command line ------------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_kg_validate_on_the_example_site(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("validate")
    assert result.exit_code == 0
    assert "the graph conforms to the shapes" in result.output


def test_kg_validate_exits_1_on_a_violation_and_names_the_file(tmp_path):
    kg.build(ROOT / "content", tmp_path)
    bad = tmp_path / "graph.nq"
    bad.write_text(bad.read_text(encoding="utf-8")
                   + f'<{POST}> <{SCHEMA.datePublished}> "igår" <{BASE}/kg/source/_posts/x.md> .\n',
                   encoding="utf-8")
    result = run("validate", "--graph", str(bad))
    assert result.exit_code == 1
    # Two dates (one too many), one of them no date at all; the post's own file is named.
    lines = [line for line in result.output.splitlines() if "datePublished" in line]
    assert len(lines) == 2
    assert all(line.startswith("_posts/2021-05-11-chicago-gor-medborgarbudgeten-digital.md: ") for line in lines)
    assert any('schema:datePublished "igår": ' in line and line.endswith("[violation]") for line in lines)
    as_json = json.loads(run("validate", "--graph", str(bad), "--json").output)
    assert as_json["conforms"] is False and as_json["counts"] == {"Violation": 2}


@pytest.mark.parametrize(("args", "message"), [
    (["--graph", "missing.ttl"], "missing.ttl: no such file"),
    (["--graph", "graph.csv"], "graph.csv: unknown graph file type '.csv'"),
    (["no-such-site"], "no such site folder"),
])
def test_kg_validate_exits_2_on_what_it_cannot_read(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "graph.csv").write_text("a,b\n")
    result = CliRunner().invoke(main, ["validate", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_kg_validate_reads_a_broken_turtle_file_as_an_error_naming_it(tmp_path):
    (tmp_path / "broken.ttl").write_text("<a> <b> .\n")
    result = CliRunner().invoke(main, ["validate", "--graph", str(tmp_path / "broken.ttl")])
    assert result.exit_code == 2
    assert "broken.ttl: not valid Turtle" in result.output


def test_kg_build_validate_puts_the_results_in_the_build_report(tmp_path):
    result = run("build", str(ROOT / "content"), "--out", str(tmp_path), "--validate", "-q")
    assert result.exit_code == 0
    report = json.loads((tmp_path / "build-report.json").read_text(encoding="utf-8"))
    assert report["validation"] == {"conforms": True, "counts": {}, "results": []}
    assert result.output == ""  # -q: conforming is neither a warning nor an error
