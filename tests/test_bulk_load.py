"""The README's bulk-load recipe, run with the real ``oxigraph`` CLI: loading ``graph.nq`` and ``graph.nt``
together gives a store whose default graph answers the bundled queries as ``kg query`` does, and whose
named graphs are the source files'; ``graph.nq`` alone leaves the default graph empty."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest

import kg
from kg.query import open_store
from kg.query.bundled import bundled_queries

CONTENT = Path(__file__).resolve().parents[1] / "content"
#: The bundled queries that take no parameter: the others call kg's own kgo:sameName, which no other store has.
PLAIN = [name for name, q in sorted(bundled_queries().items()) if not q.params]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph CLI is not installed (pip install oxigraph, part of the test extra)")
    root = tmp_path_factory.mktemp("bulk")
    kg.build(CONTENT, out=root / "out")

    def load(*names: str) -> Path:
        db = root / ("db-" + "-".join(names))
        subprocess.run([binary, "load", "--location", str(db), "--file",
                        *[str(root / "out" / n) for n in names]], check=True, capture_output=True)
        return db

    def query(db: Path, sparql: str) -> list[dict[str, str]]:
        done = subprocess.run([binary, "query", "--location", str(db), "--query", sparql, "--results-format",
                               "csv"], check=True, capture_output=True, text=True)
        return list(csv.DictReader(io.StringIO(done.stdout)))

    return root, load, query


@pytest.mark.parametrize("name", PLAIN)
def test_a_store_bulk_loaded_with_both_files_answers_a_bundled_query_as_kg_does(loaded, name):
    root, load, query = loaded
    db = load("graph.nq", "graph.nt")
    expected = kg.query(open_store(root / "out" / "graph.nq"), name)
    rows = query(db, bundled_queries()[name].text)
    assert len(rows) == len(expected.rows)


def test_graph_nq_alone_leaves_the_default_graph_empty_and_the_named_graphs_full(loaded):
    _root, load, query = loaded
    db = load("graph.nq")
    assert query(db, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"] == "0"
    assert int(query(db, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]) > 0
