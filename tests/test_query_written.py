"""``kg.query.write_answer``: answers written by pyoxigraph in Rust, byte for byte those of ``run(...).serialize``.

``kg serve`` and ``kg query --format json|xml|csv|tsv`` use it so that a large answer
never becomes Python rows. It writes the solutions as SPARQL TSV — one line per row,
because TSV escapes line breaks — cuts after the cap, and reads that back. These tests
pin that nothing is lost on the way: hostile text, language tags, datatypes, blank
nodes, unbound cells, rows with nothing bound, and the cap.
"""

from __future__ import annotations

import pytest
from conftest import write_site
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Store
from query_site import SITE_FILES

import kg
from kg.query import open_store, run, write_answer
from kg.query.bundled import bundled_queries
from kg.query.formats import RESULTS_FORMATS, FormatError

FORMATS = list(RESULTS_FORMATS)  # the table's: a new results format is tested here too
XSD = "http://www.w3.org/2001/XMLSchema#"
HOSTILE = ["line\nbreak", "tab\there", "cr\r", 'quote " and \\ backslash', "</script><!--", "\u2028 \u2029",
           "\u202eRTL", "", " ", "日本語", "x" * 5000, "\t\n"]


@pytest.fixture(scope="module")
def site_store(tmp_path_factory) -> Store:
    return open_store(kg.build(write_site(tmp_path_factory.mktemp("w") / "site", SITE_FILES)))


@pytest.fixture(scope="module")
def hostile_store() -> Store:
    """One subject per hostile text, in several shapes: plain, tagged, typed, blank-node subject."""
    store = Store()
    p = NamedNode("http://example.org/p")
    for i, text in enumerate(HOSTILE):
        s = NamedNode(f"http://example.org/s{i:02}")
        store.add(Quad(s, p, Literal(text)))
        store.add(Quad(s, p, Literal(text, language="sv")))
        store.add(Quad(s, p, Literal(text, datatype=NamedNode("http://example.org/type"))))
        store.add(Quad(BlankNode(f"b{i}"), p, Literal(text)))
    store.add(Quad(NamedNode("http://example.org/n"), p, Literal("42", datatype=NamedNode(XSD + "integer"))))
    return store


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_bundled_queries_are_written_as_run_writes_them(site_store, name: str, fmt: str) -> None:
    """Every bundled query, in every results format: the same bytes and count as the Python path."""
    bundled = bundled_queries()[name]
    params = {p.name: "Nesta" if p.name == "org" else "Decidim" for p in bundled.params}
    expected = run(site_store, bundled.text, params, bundled=bundled)
    written = write_answer(site_store, bundled.text, params, results_format=fmt, bundled=bundled)
    assert written.body == expected.serialize(fmt)
    assert (written.kind, written.format, written.count, written.truncated) == ("select", fmt, len(expected), False)
    assert written.count > 0 or name in ("posts-mentioning", "projects-without-pages")


SELECTS = [
    "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o ?s",
    "SELECT ?o ?missing WHERE { ?s ?p ?o OPTIONAL { ?s <http://example.org/none> ?missing } } ORDER BY ?o",
    "SELECT ?x WHERE { OPTIONAL { ?a <http://example.org/none> ?x } }",  # one row, nothing bound
    "SELECT * WHERE { }",  # one row, no variables
    "SELECT ?x WHERE { FILTER(false) }",  # no row
]


@pytest.mark.parametrize("limit", [None, 0, 1, 7, 1000])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sparql", SELECTS)
def test_hostile_text_and_the_cap(hostile_store, sparql: str, fmt: str, limit: int | None) -> None:
    """Line breaks, tabs, quotes, U+2028, RTL marks, long and empty text, unbound cells and empty rows come
    back as the Python path writes them, and a cap keeps the first rows and says it cut."""
    expected = run(hostile_store, sparql, limit=limit)
    written = write_answer(hostile_store, sparql, results_format=fmt, limit=limit)
    assert written.body == expected.serialize(fmt)
    assert (written.count, written.truncated) == (len(expected), expected.truncated)


def test_the_cap_cuts_where_it_says(hostile_store) -> None:
    """4 shapes × 12 texts + 1 = 49 rows: a cap of 7 keeps 7 and says so; a cap of 49 keeps all."""
    sparql = "SELECT ?s ?o WHERE { ?s ?p ?o }"
    assert write_answer(hostile_store, sparql).count == 49
    cut = write_answer(hostile_store, sparql, results_format="tsv", limit=7)
    assert (cut.count, cut.truncated) == (7, True)
    assert cut.body.count(b"\n") == 8  # header + 7 rows
    assert not write_answer(hostile_store, sparql, limit=49).truncated


def test_ask_and_construct_go_the_python_way(site_store) -> None:
    """ASK and CONSTRUCT answers are small or RDF: written as ``run`` writes them, in the format asked for each."""
    ask = write_answer(site_store, "ASK { ?p a schema:Project }", results_format="xml")
    assert (ask.kind, ask.body) == ("ask", run(site_store, "ASK { ?p a schema:Project }").serialize("xml"))
    construct = "CONSTRUCT { ?p schema:funder ?f } WHERE { ?p schema:funder ?f }"
    graph = write_answer(site_store, construct, results_format="json", rdf_format="nt")
    assert (graph.kind, graph.format, graph.count) == ("graph", "nt", 1)
    assert graph.body == run(site_store, construct).serialize("nt")


def test_a_format_that_does_not_fit_is_refused(site_store) -> None:
    with pytest.raises(FormatError, match="a SELECT answer is a table: use json, xml, csv, tsv, not ttl"):
        write_answer(site_store, "SELECT ?p WHERE { ?p a schema:Project }", results_format="ttl")
    with pytest.raises(FormatError, match="use ttl, nt, jsonld, xml, not csv"):
        write_answer(site_store, "CONSTRUCT WHERE { ?p a schema:Project }", rdf_format="csv")
