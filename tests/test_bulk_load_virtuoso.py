"""The README's Virtuoso bulk-load recipe, run with a real Virtuoso 7.2 (``isql-vt``: ``ld_dir`` and
``rdf_loader_run()``): ``graph.nt`` loaded into the site's graph answers the bundled queries as ``kg query``
does; with ``graph.nq`` loaded too, the source files' named graphs are there, and the graph IRI must be the
default graph (``default-graph-uri``), since Virtuoso's own default graph, every graph at once, then holds a
triple once for each graph that has it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse
from virtuoso_server import MISSING, answers, compare, start

import kg
from kg.query import open_store
from kg.query.bundled import bundled_queries

CONTENT = Path(__file__).resolve().parents[1] / "content"
GRAPH_IRI = "https://digidemlab.org/kg/graph"
PLAIN = [name for name, q in sorted(bundled_queries().items()) if not q.params]


def load(server, out: Path, *names: str) -> None:
    """The README's recipe: ld_dir each file (the graph IRI is for files of triples; graph.nq names its own
    graphs), rdf_loader_run(), checkpoint; every file of the load list must be loaded without an error."""
    server.isql(*[f"ld_dir('{out}', '{name}', '{GRAPH_IRI}')" for name in names], "rdf_loader_run()", "checkpoint")
    listed = server.isql("SELECT ll_file, ll_state, ll_error FROM DB.DBA.load_list")
    for name in names:
        line = next(line for line in listed.splitlines() if line.strip().startswith(str(out / name)))
        assert line.split()[1:] == ["2", "NULL"], line  # state 2: loaded; no error


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One Virtuoso: graph.nt loaded, the bundled queries asked of its own default graph; then graph.nq too."""
    if MISSING:
        pytest.skip(MISSING)
    root = tmp_path_factory.mktemp("bulk-virtuoso")
    out = root / "out"
    kg.build(CONTENT, out=out)
    server = start(root / "db", dirs=(out,))
    try:
        load(server, out, "graph.nt")
        union_only = {name: answers(server.query(bundled_queries()[name].text)) for name in PLAIN}
        load(server, out, "graph.nq")
        yield server, out, union_only
    finally:
        server.stop()


@pytest.mark.parametrize("name", PLAIN)
def test_graph_nt_alone_answers_a_bundled_query_as_kg_does_without_naming_a_graph(loaded, name):
    """With graph.nt alone, Virtuoso's default graph (all graphs: the site's, and Virtuoso's own, which hold no
    schema.org term) answers as kg query does."""
    _server, out, union_only = loaded
    result = kg.query(open_store(out / "graph.nq"), name)
    compare(name, (result.variables, result.solutions), union_only[name])


@pytest.mark.parametrize("name", PLAIN)
def test_with_graph_nq_too_the_site_graph_as_default_graph_answers_as_kg_does(loaded, name):
    server, out, _ = loaded
    result = kg.query(open_store(out / "graph.nq"), name)
    compare(name, (result.variables, result.solutions), answers(server.query(bundled_queries()[name].text,
                                                                             GRAPH_IRI)))


def test_with_graph_nq_too_the_default_graph_holds_a_triple_once_per_graph_that_has_it(loaded):
    """The project chicago's English name, said in graph.nq's graph of chicago-en.md and in graph.nt: twice
    from Virtuoso's default graph, once from the site's graph as default graph, as from kg."""
    server, out, _ = loaded
    name = "<https://digidemlab.org/kg/project/chicago> <http://schema.org/name>"
    sparql = f'SELECT ?name WHERE {{ {name} ?name FILTER(lang(?name) = "en") }}'
    files = {q.graph_name.value for q in parse(path=str(out / "graph.nq"), format=RdfFormat.N_QUADS)
             if str(q.triple).startswith(name) and q.object.language == "en"}
    assert files == {"https://digidemlab.org/kg/source/_clients/chicago-en.md"}
    assert len(kg.query(open_store(out / "graph.nq"), sparql)) == 1
    assert len(answers(server.query(sparql, GRAPH_IRI))[1]) == 1
    assert len(answers(server.query(sparql))[1]) == 1 + len(files)


def test_the_named_graphs_are_the_source_files_graphs(loaded):
    server, out, _ = loaded
    per_graph: dict[str, int] = {}
    for quad in parse(path=str(out / "graph.nq"), format=RdfFormat.N_QUADS):
        per_graph[quad.graph_name.value] = per_graph.get(quad.graph_name.value, 0) + 1
    doc = json.loads(server.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"))
    held = {row["g"]["value"]: int(row["n"]["value"]) for row in doc["results"]["bindings"]}
    assert {g: held.get(g) for g in per_graph} == per_graph
    assert held[GRAPH_IRI] == sum(1 for _ in parse(path=str(out / "graph.nt"), format=RdfFormat.N_TRIPLES))


def test_a_new_build_is_loaded_after_clearing_the_graph_and_the_load_list(loaded):
    """ld_dir loads a file once (the load list remembers it): the README's reload clears the graph and the
    file's entry first; a triple the new build no longer has is gone."""
    server, out, _ = loaded
    server.isql(f"SPARQL INSERT DATA {{ GRAPH <{GRAPH_IRI}> {{ <urn:stale> <urn:p> <urn:o> }} }}")
    assert server.count("<urn:stale> ?p ?o") == 1
    server.isql(f"SPARQL CLEAR GRAPH <{GRAPH_IRI}>", f"DELETE FROM DB.DBA.load_list WHERE ll_file = '{out}/graph.nt'")
    load(server, out, "graph.nt")
    assert server.count("<urn:stale> ?p ?o") == 0
    assert server.count(f"GRAPH <{GRAPH_IRI}> {{ ?s ?p ?o }}") == sum(
        1 for _ in parse(path=str(out / "graph.nt"), format=RdfFormat.N_TRIPLES))
