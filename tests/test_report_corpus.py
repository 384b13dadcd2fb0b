"""The report's measures and graph files of the real Digidem Lab network, checked against networkx.

The report measures with igraph (C) and writes its graph files itself, where it used
networkx (pure Python, minutes at 100 000 documents). On the real network networkx must
agree: the same degrees, betweenness (to rounding), components, bridges, cut points and
PageRank (the same floats: the report runs networkx's own steps); communities as good
(Louvain is randomised: both seeded, their modularity within 0.02, and networkx's
modularity of the report's partition is the one the report states); and every graph
file reads back in networkx as what networkx's own writer makes of the same network.
"""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from kg.report import build_report, graphfiles
from kg.report.metrics import SEED


@pytest.fixture(scope="module")
def corpus_report(corpus):
    return build_report(corpus)


@pytest.fixture(scope="module")
def focus_report(corpus):
    """Measuring the network without the site's organisation, with an ego network (the busiest partner)."""
    report = build_report(corpus)
    graph = report.without_site_org
    busiest = max(graph.nodes, key=lambda n: (graph.nodes[n]["projects"], n))
    return build_report(corpus, without_site_org=True, focus=busiest)


@pytest.mark.parametrize("which", ["with_site_org", "without_site_org"])
def test_degree_betweenness_pagerank_and_components_agree_with_networkx(corpus_report, which):
    graph = getattr(corpus_report, which)
    assert graph.number_of_nodes() > 20 and graph.number_of_edges() > 20  # the real network, not an empty one
    between = nx.betweenness_centrality(graph, normalized=True)
    pagerank = nx.pagerank(graph, weight="weight")
    for node, data in graph.nodes(data=True):
        assert data["degree"] == graph.degree(node)
        assert data["weighted_degree"] == graph.degree(node, weight="weight")
        assert data["betweenness"] == pytest.approx(between[node], abs=1e-12), node
        assert data["pagerank"] == pagerank[node], node  # networkx's steps: the same float
    assert any(data["betweenness"] > 0 for _n, data in graph.nodes(data=True))
    from kg.report import metrics

    ours = sorted(sorted(c) for c in metrics.components(graph))
    assert ours == sorted(sorted(c) for c in nx.connected_components(graph))


def test_bridges_and_cut_points_agree_with_networkx(corpus_report):
    graph = corpus_report.without_site_org
    assert corpus_report.bridges == sorted((min(a, b), max(a, b)) for a, b in nx.bridges(graph))
    assert corpus_report.cut_points == sorted(nx.articulation_points(graph))
    assert corpus_report.bridges and corpus_report.cut_points  # the real network has both


def test_the_site_org_is_the_hub_of_the_real_network(corpus_report):
    """Digidem Lab runs every project: with it the network is one component and it is everyone's partner."""
    graph = corpus_report.with_site_org
    site = corpus_report.facts.site_org
    assert site is not None and site.endswith("/kg/organisation/digidem-lab")
    assert nx.is_connected(graph)
    assert graph.nodes[site]["degree"] == graph.number_of_nodes() - 1
    assert nx.number_connected_components(corpus_report.without_site_org) > 1


@pytest.mark.parametrize("which", ["with", "without"])
def test_communities_are_as_good_as_networkx_louvain(corpus_report, which):
    """The same quality as networkx's seeded Louvain, and the modularity stated is networkx's of the partition."""
    graph = getattr(corpus_report, f"{which}_site_org")
    found = getattr(corpus_report, f"communities_{which}")
    assert sorted(n for members in found.members for n in members) == sorted(graph.nodes)  # a partition
    assert found.modularity == pytest.approx(nx.community.modularity(graph, [set(c) for c in found.members],
                                                                     weight="weight"), abs=1e-12)
    theirs = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    assert found.modularity == pytest.approx(nx.community.modularity(graph, theirs, weight="weight"), abs=0.02)
    assert all(graph.nodes[n]["community"] == i for i, members in enumerate(found.members, 1) for n in members)


def same_graph(ours: nx.Graph, theirs: nx.Graph) -> None:
    assert ours.graph == theirs.graph
    assert dict(ours.nodes(data=True)) == dict(theirs.nodes(data=True))
    assert ({frozenset((a, b)): d for a, b, d in ours.edges(data=True)}
            == {frozenset((a, b)): d for a, b, d in theirs.edges(data=True)})


def _files(report):
    networks = dict(report.networks())
    networks["network-over-time"] = report.over_time
    return networks


@pytest.mark.parametrize("fixture", ["corpus_report", "focus_report"])
def test_graph_files_read_back_as_networkx_writes_them(request, fixture):
    """Every network, in each format: parsed with networkx's readers, ours and networkx's writer's are the
    same graph (nodes, edges, every attribute), ids shortened as in the report's files."""
    report = request.getfixturevalue(fixture)
    files = report.files()
    for stem, graph in _files(report).items():
        short = graphfiles.short_ids(graph, report.id_prefix)
        safe = graphfiles.xml_safe(short)
        their_gexf = "\n".join(nx.generate_gexf(safe, prettyprint=True))
        same_graph(nx.read_gexf(io.BytesIO(files[f"networks/{stem}.gexf"].encode())),
                   nx.read_gexf(io.BytesIO(their_gexf.encode())))
        if stem == "network-over-time":
            continue  # GraphML cannot hold the spells: the report writes this one as GEXF only
        ours = graphfiles.graph_files(stem, graph, report.id_prefix)
        their_graphml = "\n".join(nx.generate_graphml(safe, prettyprint=True))
        same_graph(nx.read_graphml(io.BytesIO(ours[f"networks/{stem}.graphml"].encode())),
                   nx.read_graphml(io.BytesIO(their_graphml.encode())))
        same_graph(nx.node_link_graph(json.loads(ours[f"networks/{stem}.json"]), edges="edges"),
                   nx.node_link_graph(nx.node_link_data(short, edges="edges"), edges="edges"))
        for path, text in ours.items():
            assert files[path] == text  # what the report writes
    assert "ego" in _files(report) or fixture == "corpus_report"
