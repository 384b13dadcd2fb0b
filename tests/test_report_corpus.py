"""The report's measures of the real Digidem Lab network, checked against python-igraph.

igraph is an independent implementation (C, not networkx): the same network handed
to it must give the same degrees, weighted degrees, betweenness and components.
"""

from __future__ import annotations

import networkx as nx
import pytest

from kg.report import build_report

igraph = pytest.importorskip("igraph", reason="python-igraph is a test extra: pip install -e '.[test]'")


@pytest.fixture(scope="module")
def corpus_report(corpus):
    return build_report(corpus)


def to_igraph(graph: nx.Graph):
    names = sorted(graph.nodes)
    index = {n: i for i, n in enumerate(names)}
    edges = sorted((index[a], index[b]) for a, b in graph.edges)
    g = igraph.Graph(n=len(names), edges=edges)
    g.es["weight"] = [graph.edges[names[a], names[b]]["weight"] for a, b in edges]
    return g, names


@pytest.mark.parametrize("which", ["with_site_org", "without_site_org"])
def test_degree_betweenness_and_components_agree_with_igraph(corpus_report, which):
    graph = getattr(corpus_report, which)
    assert graph.number_of_nodes() > 20  # the real network, not an empty one
    g, names = to_igraph(graph)
    n = len(names)
    assert g.degree() == [graph.nodes[v]["degree"] for v in names]
    assert g.strength(weights="weight") == [graph.nodes[v]["weighted_degree"] for v in names]
    # igraph counts shortest paths without normalising; networkx divides by (n-1)(n-2)/2.
    scale = (n - 1) * (n - 2) / 2
    for name, value in zip(names, g.betweenness(directed=False), strict=True):
        assert graph.nodes[name]["betweenness"] * scale == pytest.approx(value, abs=1e-9), name
    ours = sorted(sorted(c) for c in nx.connected_components(graph))
    theirs = sorted(sorted(names[i] for i in c) for c in g.connected_components())
    assert ours == theirs


def test_the_site_org_is_the_hub_of_the_real_network(corpus_report):
    """Digidem Lab runs every project: with it the network is one component and it is everyone's partner."""
    graph = corpus_report.with_site_org
    site = corpus_report.facts.site_org
    assert site is not None and site.endswith("/kg/organisation/digidem-lab")
    assert nx.is_connected(graph)
    assert graph.nodes[site]["degree"] == graph.number_of_nodes() - 1
    assert nx.number_connected_components(corpus_report.without_site_org) > 1


def test_modularity_agrees_with_igraph(corpus_report):
    """igraph's modularity of our partition equals the one the report states."""
    graph = corpus_report.without_site_org
    g, names = to_igraph(graph)
    membership = [graph.nodes[v]["community"] for v in names]
    assert g.modularity(membership, weights="weight") == pytest.approx(corpus_report.communities_without.modularity)
