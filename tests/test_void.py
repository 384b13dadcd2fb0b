"""``void.ttl``: the VoID/DCAT description ``kg build`` writes, and the same description from ``kg serve``."""

from __future__ import annotations

import json
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
import rdflib

import kg
from kg.serve import start

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
CONTENT = Path(__file__).resolve().parent.parent / "content"


def read_void(path: Path) -> tuple[rdflib.Graph, rdflib.URIRef]:
    """``void.ttl`` parsed as a publisher would serve it: relative IRIs against the file's own location."""
    void = rdflib.Graph().parse(path, format="turtle", publicID=path.as_uri())
    return void, next(void.subjects(rdflib.RDF.type, VOID.Dataset))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    kg.build(CONTENT, out=out)
    return out


def test_counts_are_those_of_graph_nt(built):
    """void:triples is the number of lines of graph.nt; each class partition the entities of that class;
    each property partition the triples with that predicate; distinct subjects and objects as counted."""
    void, ds = read_void(built / "void.ttl")
    nt = rdflib.Graph().parse(built / "graph.nt", format="nt")
    lines = (built / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert int(void.value(ds, VOID.triples)) == len(lines) == len(nt)
    classes = {void.value(p, VOID["class"]): int(void.value(p, VOID.entities))
               for p in void.objects(ds, VOID.classPartition)}
    assert classes == dict(Counter(o for o in nt.objects(None, rdflib.RDF.type)))
    assert classes[rdflib.URIRef("http://schema.org/Project")] == 3  # chicago, coldigit, goteborg-decidim
    properties = {void.value(p, VOID.property): int(void.value(p, VOID.triples))
                  for p in void.objects(ds, VOID.propertyPartition)}
    assert properties == dict(Counter(p for p in nt.predicates()))
    assert int(void.value(ds, VOID.classes)) == len(classes)
    assert int(void.value(ds, VOID.properties)) == len(properties)
    assert int(void.value(ds, VOID.distinctSubjects)) == len(set(nt.subjects()))
    assert int(void.value(ds, VOID.distinctObjects)) == len(set(nt.objects()))
    assert int(void.value(ds, VOID.entities)) == len(set(nt.subjects(rdflib.RDF.type)))


def test_describes_the_site_its_dumps_and_vocabularies(built):
    """Title and publisher come from the site's WebSite; the dumps resolve to the files beside void.ttl."""
    void, ds = read_void(built / "void.ttl")
    assert ds == rdflib.URIRef("https://digidemlab.org/kg/void#dataset")
    assert str(void.value(ds, DCTERMS.title)) == "Digidem Lab"
    assert void.value(ds, DCTERMS.publisher) == rdflib.URIRef("https://digidemlab.org/kg/organisation/digidem-lab")
    dumps = sorted(Path(urllib.request.url2pathname(str(d)[len("file://"):])) for d in void.objects(ds, VOID.dataDump))
    assert dumps == sorted(built / name for name in ("graph.jsonld", "graph.nq", "graph.nt", "graph.ttl"))
    assert all(d.is_file() for d in dumps)
    assert rdflib.URIRef("http://schema.org/") in set(void.objects(ds, VOID.vocabulary))
    assert rdflib.URIRef("https://digidemlab.org/kg/project/chicago") in set(void.objects(ds, VOID.exampleResource))
    assert void.value(ds, VOID.sparqlEndpoint) is None  # known only when served
    assert void.value(ds, DCTERMS.license) is None  # content/_config.yml declares none


@pytest.mark.parametrize(("config", "expected"), [
    ("license: https://creativecommons.org/licenses/by/4.0/\n",
     rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")),
    ("license: CC BY 4.0\n", rdflib.Literal("CC BY 4.0")),
    ("license: https://example.org/a\nkg:\n  license: https://creativecommons.org/publicdomain/zero/1.0/\n",
     rdflib.URIRef("https://creativecommons.org/publicdomain/zero/1.0/")),
])
def test_licence_from_config(tmp_path, make_site, config, expected):
    """The licence of _config.yml (``kg: license:`` overrides ``license:``) becomes dcterms:license."""
    site = make_site(tmp_path / "site", {"_config.yml": "title: X\nurl: https://example.org\n" + config})
    kg.build(site, out=tmp_path / "out")
    void, ds = read_void(tmp_path / "out" / "void.ttl")
    assert void.value(ds, DCTERMS.license) == expected


def test_hostile_title_stays_a_literal(tmp_path, make_site):
    """Quotes, a closing tag, U+2028 and an RTL mark in the site title do not break the Turtle."""
    title = 'Evil """ \\" </script> \u2028 \u202e lab'
    site = make_site(tmp_path / "site", {"_config.yml": f"title: '{title}'\nurl: https://example.org\n"})
    kg.build(site, out=tmp_path / "out")
    void, ds = read_void(tmp_path / "out" / "void.ttl")
    assert str(void.value(ds, DCTERMS.title)) == kg.build(site).site.config.title


def test_void_ttl_is_deterministic(tmp_path):
    kg.build(CONTENT, out=tmp_path / "a")
    kg.build(CONTENT, out=tmp_path / "b")
    assert (tmp_path / "a" / "void.ttl").read_bytes() == (tmp_path / "b" / "void.ttl").read_bytes()


def test_kg_serve_serves_the_same_description(built):
    """/void.ttl of kg serve is the build's description plus the endpoint, with the served downloads as dumps."""
    file_void, file_ds = read_void(built / "void.ttl")
    server = start([built / "graph.nq"], port=0, background=True, quiet=True, workers=1)
    try:
        host, port = server.server_address[:2]
        with urllib.request.urlopen(f"http://{host}:{port}/void.ttl", timeout=30) as response:
            served = rdflib.Graph().parse(data=response.read(), format="turtle")
    finally:
        server.shutdown()
        server.close()
    ds = next(served.subjects(rdflib.RDF.type, VOID.Dataset))
    assert ds == file_ds
    assert served.value(ds, VOID.sparqlEndpoint) == rdflib.URIRef(f"http://{host}:{port}/sparql")
    assert set(served.objects(ds, VOID.dataDump)) == {rdflib.URIRef(f"http://{host}:{port}/graph.nq")}

    def without_dumps(g: rdflib.Graph) -> rdflib.Graph:
        out = rdflib.Graph()
        for t in g:
            if t[1] not in (VOID.dataDump, VOID.sparqlEndpoint):
                out.add(t)
        return out

    from rdflib.compare import isomorphic

    assert isomorphic(without_dumps(served), without_dumps(file_void))


FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
SETTINGS = ("kg:\n"
            "  license: https://creativecommons.org/licenses/by/4.0/\n"
            "  publisher: https://example.org/kg/organisation/research-group\n"
            "  sparql_endpoint: https://query.example.org/sparql\n")


def test_kg_settings_give_publisher_and_public_endpoint(tmp_path, make_site):
    """``kg: publisher`` replaces the site's own organisation as dcterms:publisher, and ``kg: sparql_endpoint``
    (a public endpoint) becomes void:sparqlEndpoint of the build's void.ttl."""
    site = make_site(tmp_path / "site", {"_config.yml": "title: X\nurl: https://example.org\n" + SETTINGS})
    kg.build(site, out=tmp_path / "out")
    void, ds = read_void(tmp_path / "out" / "void.ttl")
    assert void.value(ds, DCTERMS.license) == rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert list(void.objects(ds, DCTERMS.publisher)) == [
        rdflib.URIRef("https://example.org/kg/organisation/research-group")]
    assert list(void.objects(ds, VOID.sparqlEndpoint)) == [rdflib.URIRef("https://query.example.org/sparql")]


def test_publisher_given_by_name_is_an_agent(tmp_path, make_site):
    """A publisher that is a name, not an IRI, becomes a foaf:Agent with that foaf:name — hostile text included."""
    name = 'Forskargruppen "Ö" </script> \u2028 \u202e'
    site = make_site(tmp_path / "site", {"_config.yml": f"url: https://example.org\nkg:\n  publisher: '{name}'\n"})
    kg.build(site, out=tmp_path / "out")
    void, ds = read_void(tmp_path / "out" / "void.ttl")
    agent = void.value(ds, DCTERMS.publisher)
    assert isinstance(agent, rdflib.BNode)
    assert void.value(agent, rdflib.RDF.type) == FOAF.Agent
    assert str(void.value(agent, FOAF.name)) == kg.build(site).site.config.raw["kg"]["publisher"].strip()
    assert str(void.value(agent, FOAF.name)).startswith('Forskargruppen "Ö" </script>')


def test_without_settings_the_publisher_is_the_sites_organisation(built):
    """No ``kg: publisher``: the publisher is the schema:publisher of the site's WebSite (its organisation)."""
    void, ds = read_void(built / "void.ttl")
    assert list(void.objects(ds, DCTERMS.publisher)) == [
        rdflib.URIRef("https://digidemlab.org/kg/organisation/digidem-lab")]


@pytest.mark.parametrize("endpoint", ["sparql", "ftp://example.org/sparql", "https://", "https://exa mple.org/q"])
def test_a_public_endpoint_that_is_no_url_is_a_warning_and_left_out(tmp_path, make_site, endpoint):
    """``kg: sparql_endpoint`` must be an http(s) URL: anything else is a ``bad-config`` warning naming
    _config.yml, the build goes on, and void.ttl names no endpoint."""
    config = f"url: https://example.org\nkg:\n  sparql_endpoint: '{endpoint}'\n"
    site = make_site(tmp_path / "site", {"_config.yml": config})
    result = kg.build(site, out=tmp_path / "out")
    assert [(d.file, d.kind) for d in result.diagnostics] == [("_config.yml", "bad-config")]
    assert "sparql_endpoint must be an http(s) URL" in result.diagnostics[0].message
    void, ds = read_void(tmp_path / "out" / "void.ttl")
    assert list(void.objects(ds, VOID.sparqlEndpoint)) == []
    report = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert report["warnings_by_kind"] == {"bad-config": 1}


def test_a_setting_that_is_not_text_is_a_warning(tmp_path, make_site):
    config = "url: https://example.org\nlicense: https://creativecommons.org/licenses/by/4.0/\nkg:\n  publisher: 5\n" \
             "  license: [a, b]\n"
    result = kg.build(make_site(tmp_path / "site", {"_config.yml": config}), out=tmp_path / "out")
    assert sorted(d.message for d in result.diagnostics) == [
        "kg: license: expected text, got ['a', 'b']; ignored", "kg: publisher: expected text, got 5; ignored"]
    void, ds = read_void(tmp_path / "out" / "void.ttl")
    assert list(void.objects(ds, DCTERMS.license)) == [
        rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")]  # the top-level licence still holds


def fetch_void(server) -> tuple[rdflib.Graph, rdflib.URIRef, str]:
    host, port = server.server_address[:2]
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/void.ttl", timeout=30) as response:
            served = rdflib.Graph().parse(data=response.read(), format="turtle")
    finally:
        server.shutdown()
        server.close()
    return served, next(served.subjects(rdflib.RDF.type, VOID.Dataset)), f"http://{host}:{port}/sparql"


@pytest.mark.parametrize("served_from", ["site", "graph files"])
def test_served_description_keeps_the_settings_and_adds_the_running_endpoint(tmp_path, make_site, served_from):
    """kg serve, of a site or of the files its build wrote, describes the dataset as the build did (licence,
    publisher, public endpoint) and adds its own running endpoint."""
    site = make_site(tmp_path / "site", {"_config.yml": "title: X\nurl: https://example.org\n" + SETTINGS})
    kg.build(site, out=tmp_path / "out")
    source = site if served_from == "site" else [tmp_path / "out" / "graph.nq"]
    served, ds, running = fetch_void(start(source, port=0, background=True, quiet=True, workers=1))
    assert set(served.objects(ds, VOID.sparqlEndpoint)) == {
        rdflib.URIRef(running), rdflib.URIRef("https://query.example.org/sparql")}
    assert served.value(ds, DCTERMS.license) == rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert served.value(ds, DCTERMS.publisher) == rdflib.URIRef("https://example.org/kg/organisation/research-group")


def test_serve_license_option_overrides_the_settings(tmp_path, make_site):
    """``kg serve --license`` replaces the licence of the settings; the rest stays."""
    site = make_site(tmp_path / "site", {"_config.yml": "title: X\nurl: https://example.org\n" + SETTINGS})
    cc0 = "https://creativecommons.org/publicdomain/zero/1.0/"
    served, ds, _ = fetch_void(start(site, port=0, background=True, quiet=True, workers=1, license=cc0))
    assert list(served.objects(ds, DCTERMS.license)) == [rdflib.URIRef(cc0)]
    assert served.value(ds, DCTERMS.publisher) == rdflib.URIRef("https://example.org/kg/organisation/research-group")
