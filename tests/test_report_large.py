"""What keeps ``kg report`` fast on big sites, and the same as before it was: projections counted without
listing every pair, betweenness estimated past a budget, graph files written directly, helpers, progress.

Small inputs, each checked against a slow way that is obviously right: a projection against
the full matrix product, graph files against networkx's own writers (parsed back), the
sampled betweenness against networkx's exact one, the files written with helpers against
those written without.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from conftest import on_a_terminal, write_site
from scipy import sparse
from test_report import SHAPES, iri

import kg.report
from kg.report import STAGES, build_report, graphfiles, metrics, shared, write_report
from kg.report.networks import over_time, over_time_of, projection

# -- projections: counted by signatures, a block at a time -----------------------------------------


def _random_bipartite(rng: random.Random, nodes: int, others: int, links: int, alike: int) -> nx.Graph:
    """``nodes`` on side 0 linked to some of ``others``; ``alike`` of them copy another's links exactly
    (the signatures the counting groups)."""
    graph = nx.Graph(name="organisation-theme")
    graph.add_nodes_from((f"n{i:03d}", {"bipartite": 0}) for i in range(nodes))
    graph.add_nodes_from((f"t{j:03d}", {"bipartite": 1}) for j in range(others))
    for _ in range(links):
        graph.add_edge(f"n{rng.randrange(nodes):03d}", f"t{rng.randrange(others):03d}", weight=1)
    for _ in range(alike):
        a, b = rng.sample(range(nodes), 2)
        graph.remove_edges_from(list(graph.edges(f"n{b:03d}")))
        graph.add_edges_from((f"n{b:03d}", t, {"weight": 1}) for t in graph[f"n{a:03d}"])
    return graph


def _by_product(graph: nx.Graph, side: int, max_edges: int) -> tuple[dict[tuple[str, str], int], int, int]:
    """The projection the slow way: every pair of the full product, then the threshold."""
    nodes = sorted(n for n, d in graph.nodes(data=True) if d["bipartite"] == side)
    others = sorted(n for n, d in graph.nodes(data=True) if d["bipartite"] != side)
    matrix = np.zeros((len(nodes), len(others)), dtype=np.int64)
    for i, n in enumerate(nodes):
        for m in graph[n]:
            matrix[i, others.index(m)] = 1
    product = matrix @ matrix.T
    pairs = {(nodes[i], nodes[j]): int(product[i, j]) for i in range(len(nodes)) for j in range(i + 1, len(nodes))
             if product[i, j]}
    least = 1
    while sum(1 for w in pairs.values() if w >= least) > max_edges:
        least += 1
    return {p: w for p, w in pairs.items() if w >= least}, len(pairs), least


@pytest.mark.parametrize("dense_below", [0, 4096])  # the sparse and the dense products
@pytest.mark.parametrize("seed", range(12))
def test_a_projection_is_the_full_product_thinned_by_weight(monkeypatch, dense_below, seed):
    rng = random.Random(seed)
    graph = _random_bipartite(rng, rng.randint(2, 60), rng.randint(1, 12), rng.randint(0, 200), rng.randint(0, 20))
    monkeypatch.setattr(shared, "DENSE_BELOW", dense_below)
    monkeypatch.setattr(shared, "BLOCK", rng.choice([7, 64, 1 << 21]))  # blocks of a few rows, or one
    for side in (0, 1):
        for max_edges in (0, 3, 40, 5000):
            kept, links, least = _by_product(graph, side, max_edges)
            made = projection(graph, side, max_edges=max_edges)
            assert {(a, b) if a < b else (b, a): w for a, b, w in made.edges(data="weight")} == kept
            assert (made.graph["links"], made.graph["min_weight"], made.graph["links_kept"]) == (
                links, least, len(kept))
            assert list(made.edges) == sorted(made.edges)  # in order, as the old product wrote them
            assert made.number_of_nodes() == sum(1 for _n, d in graph.nodes(data=True) if d["bipartite"] == side)


def test_the_threshold_keeps_the_heaviest_weights_whole():
    counts = np.array([0, 6, 3, 2])  # six pairs of weight 1, three of 2, two of 3
    assert [shared.threshold(counts, limit) for limit in (11, 10, 5, 4, 2, 1)] == [1, 2, 2, 3, 3, 4]


# -- betweenness: exact within a budget, estimated past it -----------------------------------------


def _barbell() -> nx.Graph:
    """Two cliques of 12 joined by a path of 5: the path's middle lies between everyone."""
    return nx.relabel_nodes(nx.barbell_graph(12, 5), lambda n: f"o{n:02d}")


def test_betweenness_within_the_budget_is_networkx_s():
    graph = _barbell()
    found = metrics.betweenness(graph)
    assert not found.estimated and found.sources == graph.number_of_nodes()
    expected = nx.betweenness_centrality(graph, normalized=True)
    assert found.values == pytest.approx(expected, abs=1e-12)


def test_betweenness_past_the_budget_is_estimated_from_a_seeded_sample(monkeypatch):
    graph = _barbell()
    monkeypatch.setattr(metrics, "MIN_SOURCES", 20)
    found = metrics.betweenness(graph, work=1)
    assert found.estimated and found.sources == 20 and found.nodes == 29
    assert found == metrics.betweenness(graph, work=1)  # the same sample every time
    assert metrics.betweenness(graph, seed=7, work=1).values != found.values
    exact = nx.betweenness_centrality(graph, normalized=True)
    middle = max(exact, key=exact.get)
    assert max(found.values, key=found.values.get) == middle
    assert found.values[middle] == pytest.approx(exact[middle], rel=0.25)
    inside = [n for n in graph if graph.degree(n) == 11 and exact[n] == 0]  # clique members off the path
    assert inside and all(found.values[n] == 0 for n in inside)


def test_an_estimated_betweenness_is_said_in_the_summary_and_the_method(tmp_path, monkeypatch):
    site = write_site(tmp_path / "s", SHAPES)
    exact = build_report(site)
    assert "betweenness estimated" not in dict(exact.summary())
    monkeypatch.setattr(metrics, "BETWEENNESS_WORK", 1)
    monkeypatch.setattr(metrics, "MIN_SOURCES", 3)
    made = build_report(site)
    said = dict(made.summary())["betweenness estimated"]
    assert said == ("with the site's organisation, from the shortest paths of 3 of the 8 organisations; "
                    "without it, from the shortest paths of 3 of the 7 organisations (drawn at random, seed 42)")
    write_report(made, tmp_path / "out")
    text = " ".join((tmp_path / "out" / "report.md").read_text(encoding="utf-8").split())
    assert "Betweenness is estimated in the network with the site's organisation, from the shortest paths" in text


# -- graph files: written directly, read back as networkx's ----------------------------------------

TEXTS = ["Alfa", "Göteborg", "a&b", "<x>", 'say "hi"', "tab\there", "line\nbreak", "cr\rlf\r\n", "", " ",
         "bad\x01name\x0b", "\ufffe", "😀", "100%", "%s"]


def _hostile_graph(rng: random.Random, dynamic: bool) -> nx.Graph:
    """Nodes and edges with some of a few attributes, each attribute of one type (text, integer, float or
    boolean, drawn for the graph), hostile text; spells and running projects when ``dynamic``."""
    makers = [lambda: rng.choice(TEXTS), lambda: rng.randint(-3, 10**12), rng.random, lambda: rng.random() < 0.5]
    kinds = {k: rng.choice(makers) for k in ("label", "kind", "projects", "type", "site_org", "betweenness",
                                               "weight", "years", "first_year", "note")}
    kinds["label"] = makers[0] if rng.random() < 0.7 else kinds["label"]
    kinds["weight"] = makers[1]  # GEXF's own weight attribute: networkx reads it as a number
    graph = nx.Graph(name=rng.choice(TEXTS), **({"links": rng.randint(0, 9)} if rng.random() < 0.5 else {}))
    if dynamic:
        graph.graph["mode"] = "dynamic"
    nodes = [f"https://example.org/kg/organisation/{i}{rng.choice(['', '-é', '&q'])}" for i in range(rng.randint(0, 7))]
    for node in nodes:
        data = {k: kinds[k]() for k in rng.sample(["label", "kind", "projects", "type", "site_org", "betweenness"],
                                                  rng.randint(0, 6))}
        if dynamic:
            data.update(spells=[("2020-01-01", "2021-12-31")], running_projects=[(1, "2020-01-01", "2020-12-31"),
                                                                                 (2, "2021-01-01", "2021-12-31")])
        graph.add_node(node, **data)
    for _ in range(rng.randint(0, 12)):
        if len(nodes) > 1:
            a, b = rng.sample(nodes, 2)
            data = {k: kinds[k]() for k in rng.sample(["weight", "years", "first_year", "note"], rng.randint(0, 4))}
            if dynamic:
                data.update(spells=[("2020-01-01", "2020-12-31")], running_projects=[(3, "2020-01-01", "2020-12-31")])
            graph.add_edge(a, b, **data)
    return graph


def _same(ours: nx.Graph, theirs: nx.Graph) -> None:
    assert ours.graph == theirs.graph
    assert list(ours.nodes(data=True)) == list(theirs.nodes(data=True))
    assert list(ours.edges(data=True)) == list(theirs.edges(data=True))


@pytest.mark.parametrize("seed", range(60))
def test_graph_files_read_back_as_networkx_s_own(seed):
    """Hostile names (markup, quotes, line ends, control characters, characters outside ASCII, "%"), every
    type of value, empty values, with and without short ids: ours and networkx's writers' files parse into
    the same graphs, in the same order."""
    rng = random.Random(seed)
    dynamic = seed % 3 == 0
    graph = _hostile_graph(rng, dynamic)
    prefix = rng.choice(["", "https://example.org/kg/"])
    short = graphfiles.short_ids(graph, prefix)
    safe = graphfiles.xml_safe(short)
    ours = {ext: "".join(pieces) for ext, pieces in (
        ("gexf", graphfiles.gexf_pieces(graphfiles._Network(graph, prefix))),
        ("json", graphfiles.node_link_pieces(graphfiles._Network(graph, prefix))))}
    _same(nx.read_gexf(io.BytesIO(ours["gexf"].encode())),
          nx.read_gexf(io.BytesIO("\n".join(nx.generate_gexf(safe, prettyprint=True)).encode())))
    _same(nx.node_link_graph(json.loads(ours["json"]), edges="edges"),
          nx.node_link_graph(json.loads(json.dumps(nx.node_link_data(short, edges="edges"))), edges="edges"))
    if not dynamic:  # GraphML holds no lists (networkx refuses them too)
        mine = "".join(graphfiles.graphml_pieces(graphfiles._Network(graph, prefix)))
        _same(nx.read_graphml(io.BytesIO(mine.encode())),
              nx.read_graphml(io.BytesIO("\n".join(nx.generate_graphml(safe, prettyprint=True)).encode())))
    elif graph.number_of_nodes():
        with pytest.raises(nx.NetworkXError):
            "".join(graphfiles.graphml_pieces(graphfiles._Network(graph, prefix)))
    assert not any(c in ours["gexf"] for c in "\x01\x0b\ufffe") and ours["gexf"].isascii()  # XML 1.0, ASCII
    assert "<creator>kg report</creator>" in ours["gexf"] and "lastmodifieddate" not in ours["gexf"]


def test_what_the_writers_do_not_handle_goes_to_networkx():
    """GEXF's own attributes (``viz``): networkx writes them (still without a date)."""
    shown = nx.Graph(name="v")
    shown.add_node("a", viz={"size": 3.0})
    gexf = graphfiles.gexf(shown)
    assert "viz:size" in gexf and "lastmodifieddate" not in gexf and "<creator>kg report</creator>" in gexf


# -- the network over time, from the rows ----------------------------------------------------------


@pytest.mark.parametrize("window", [(None, None), (2021, 2022)])
def test_the_network_over_time_from_the_rows_is_the_one_from_the_timeline(tmp_path, window):
    made = build_report(write_site(tmp_path / "s", SHAPES), since=window[0], until=window[1])
    line = metrics.timeline(made.facts, made.projects, site_org=True)
    first, last = made.years[0].year, made.years[-1].year
    general = over_time(made.network, line.node_years, line.pair_years, first, last)
    fast = over_time_of(made.network, made.view(True), first, last)
    assert list(fast.nodes(data=True)) == list(general.nodes(data=True))
    assert list(fast.edges(data=True)) == list(general.edges(data=True))
    assert fast.graph == general.graph and fast.number_of_edges() > 0


# -- helpers and progress ----------------------------------------------------------------------------


def _written(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".kg" not in p.relative_to(folder).parts}


def test_helpers_change_nothing_in_the_files(tmp_path, monkeypatch):
    """Plots drawn and graph files written by forked helpers, or all in this process: the same bytes."""
    site = write_site(tmp_path / "s", SHAPES)
    write_report(build_report(site, focus="Hubb"), tmp_path / "helped")
    monkeypatch.setattr(kg.report, "HELPERS", False)
    write_report(build_report(site, focus="Hubb"), tmp_path / "alone")
    helped, alone = _written(tmp_path / "helped"), _written(tmp_path / "alone")
    assert helped == alone and "networks/ego.gexf" in helped and "plots/ego.png" in helped


def test_progress_is_told_each_stage_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.report, "HELPERS", False)  # in one process, so every stage is told here
    told: list[tuple[str, int, int]] = []
    made = build_report(write_site(tmp_path / "s", SHAPES), progress=lambda *a: told.append(a))
    assert [what for what, _d, _t in told] == ["reading the facts from the graph", *STAGES, "done"]
    assert [done for _w, done, _t in told] == list(range(len(STAGES) + 2)) and {t for *_x, t in told} == {6}
    told.clear()
    written = write_report(made, tmp_path / "out", progress=lambda *a: told.append(a))
    whats = [what for what, _d, _t in told]
    assert whats[:7] == ["tables"] + [f"plot {p}" for p in ("network", "network-by-kind", "network-without-site-org",
                                                            "projects-per-year", "organisation-themes", "growth")]
    assert whats[7] == "report.html and report.md" and whats[-1] == "done"
    graph_files = sorted(rel for rel in written if rel.startswith("networks/"))
    assert whats[8:-1] == [f"writing {rel}" for rel in graph_files] and len(graph_files) == 31
    total = told[-1][2]
    assert [done for _w, done, _t in told] == list(range(total + 1)) and all(t == total for *_x, t in told)


def test_the_command_shows_its_stages_on_a_terminal_and_not_with_q(tmp_path):
    site = write_site(tmp_path / "s", SHAPES)
    code, shown = on_a_terminal(["report", str(site), "--out", str(tmp_path / "out")], tmp_path)
    assert code == 0, shown
    for stage in ("reading the facts from the graph", "finding communities", "plot network-by-kind", "tables",
                  "report.html and report.md", "done"):
        assert stage in shown, shown
    assert "wrote " in shown  # the summary line, after the bar has gone
    code, shown = on_a_terminal(["report", str(site), "--out", str(tmp_path / "quiet"), "-q"], tmp_path)
    assert code == 0 and "finding communities" not in shown and "done" not in shown and "wrote " not in shown, shown
    assert (tmp_path / "quiet" / "report.html").exists()


def test_the_measures_use_the_network_s_igraph_form(tmp_path):
    """The igraph graph made from the rows is the one made from the networkx graph (vertices, edges, weights)."""
    made = build_report(write_site(tmp_path / "s", SHAPES))
    for site_org in (True, False):
        graph, names, weights = made.made(site_org)
        again = metrics.as_igraph(made.with_site_org if site_org else made.without_site_org)
        assert (graph.get_edgelist(), names, weights) == (again[0].get_edgelist(), again[1], again[2])
    assert iri("Hubb") in made.made(False)[1]


def test_pagerank_is_networkx_s_to_the_last_digit():
    rng = random.Random(3)
    graph = nx.Graph()
    graph.add_nodes_from(f"n{i:02d}" for i in range(40))  # some without links: dangling
    for _ in range(90):
        a, b = sorted(rng.sample(range(35), 2))
        graph.add_edge(f"n{a:02d}", f"n{b:02d}", weight=rng.randint(1, 5))
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_edges_from(sorted((min(a, b), max(a, b), d) for a, b, d in graph.edges(data=True)))
    assert metrics.pagerank(metrics.as_igraph(ordered)) == nx.pagerank(ordered, weight="weight")


def test_a_sparse_incidence_of_many_alike_rows_counts_each_pair_once():
    """Twenty rows with the same two neighbours and one alone: C(20, 2) = 190 pairs of weight 2, 20 of weight 1."""
    rows = [(i, j) for i in range(20) for j in (0, 1)] + [(20, 1)]
    incidence = sparse.csr_matrix((np.ones(len(rows)), ([r for r, _ in rows], [c for _, c in rows])), shape=(21, 2))
    found = shared.heaviest(incidence, 1000)
    assert found.links == 210 and found.min_weight == 1
    assert sorted(zip(found.weights.tolist(), strict=True)).count((2,)) == 190
    found = shared.heaviest(incidence, 200)
    assert found.min_weight == 2 and len(found.weights) == 190 and set(found.weights.tolist()) == {2}
