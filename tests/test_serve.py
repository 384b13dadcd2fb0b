"""``kg serve``: the SPARQL 1.1 Protocol endpoint and linked-data pages, queried by real clients.

A server for the query test site (:mod:`query_site`) runs on a free loopback
port for the whole module; the tests talk to it with SPARQLWrapper, urllib and
curl, and read what comes back with rdflib's parsers.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message

import pytest
import rdflib
from conftest import write_site
from query_site import ORG, PROJECT, SITE_FILES

from kg.serve import start

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")

PROJECTS = "SELECT ?p WHERE { ?p a <http://schema.org/Project> } ORDER BY ?p"
ALL_PROJECTS = [PROJECT + name for name in ("alpha", "beta", "delta", "gamma", "omega")]
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TIMEOUT = 1.5
MAX_RESULTS = 100
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    site = write_site(tmp_path_factory.mktemp("serve") / "site", SITE_FILES)
    srv = start(site, port=0, timeout=TIMEOUT, max_results=MAX_RESULTS, cors="*", background=True, quiet=True,
                workers=2)
    yield srv
    srv.shutdown()
    srv.close()


@pytest.fixture(scope="module")
def url(server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


def http(url: str, *, accept: str | None = None, data: bytes | None = None, content_type: str | None = None,
         method: str | None = None) -> tuple[int, Message, bytes]:
    headers = {k: v for k, v in {"Accept": accept, "Content-Type": content_type}.items() if v}
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()  # any case, as HTTP says
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def get_query(url: str, sparql: str, **kw):
    return http(f"{url}/sparql?query={urllib.parse.quote(sparql)}", **kw)


def result_rows(body: bytes, fmt: str) -> list[dict[str, str]]:
    parsed = rdflib.query.Result.parse(io.BytesIO(body), format=fmt)
    return [{str(k): str(v) for k, v in row.asdict().items()} for row in parsed]


# -- the SPARQL 1.1 Protocol --------------------------------------------------------------------
def test_it_listens_on_loopback_by_default(server) -> None:
    assert server.server_address[0] == "127.0.0.1"


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_select(url: str, method: str) -> None:
    """SPARQLWrapper, as researchers use it, by GET and by POST (form-encoded)."""
    client = SPARQLWrapper.SPARQLWrapper(f"{url}/sparql")
    client.setQuery(PROJECTS)
    client.setReturnFormat(SPARQLWrapper.JSON)
    client.setMethod(getattr(SPARQLWrapper, method))
    answer = client.query().convert()
    assert [b["p"]["value"] for b in answer["results"]["bindings"]] == ALL_PROJECTS


def test_sparqlwrapper_bundled_query_with_the_default_prefixes(url: str, server) -> None:
    """A bundled query's text sent over the protocol gives the same answer as kg query."""
    from kg.query.bundled import bundled_queries

    client = SPARQLWrapper.SPARQLWrapper(f"{url}/sparql")
    client.setQuery(bundled_queries()["organisations-by-projects"].text)
    client.setReturnFormat(SPARQLWrapper.JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [(r["name"]["value"], r["projects"]["value"]) for r in rows][:2] == [
        ("Chalmers University of Technology", "2"), ("Municipality of Exempel", "2")]


def test_sparqlwrapper_ask_and_construct(url: str) -> None:
    client = SPARQLWrapper.SPARQLWrapper(f"{url}/sparql")
    client.setQuery("ASK { ?p <http://schema.org/funder> ?f }")
    client.setReturnFormat(SPARQLWrapper.JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery("CONSTRUCT WHERE { ?p <http://schema.org/funder> ?f }")
    client.setReturnFormat(SPARQLWrapper.TURTLE)
    graph = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    assert set(graph) == {(rdflib.URIRef(PROJECT + "beta"), rdflib.URIRef("http://schema.org/funder"),
                           rdflib.URIRef(ORG + "nordforsk"))}


def test_post_a_query_directly(url: str) -> None:
    """POST with the query as the body, ``application/sparql-query``."""
    status, headers, body = http(f"{url}/sparql", data=PROJECTS.encode(), content_type="application/sparql-query",
                                 accept="application/sparql-results+json")
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    assert [r["p"] for r in result_rows(body, "json")] == ALL_PROJECTS


@pytest.mark.parametrize(("accept", "media", "fmt"), [
    ("application/sparql-results+json", "application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "application/sparql-results+xml", "xml"),
    ("text/csv", "text/csv; charset=utf-8", "csv"),
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "tsv"),
    ("*/*", "application/sparql-results+json", "json"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml", "xml"),
])
def test_results_content_negotiation(url: str, accept: str, media: str, fmt: str) -> None:
    status, headers, body = get_query(url, PROJECTS, accept=accept)
    assert status == 200
    assert headers["Content-Type"] == media
    assert [r["p"] for r in result_rows(body, fmt)] == ALL_PROJECTS


@pytest.mark.parametrize(("accept", "media", "rdflib_format"), [
    ("text/turtle", "text/turtle; charset=utf-8", "turtle"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
])
def test_rdf_content_negotiation(url: str, accept: str, media: str, rdflib_format: str) -> None:
    status, headers, body = get_query(url, "CONSTRUCT WHERE { ?p a <http://schema.org/Project> }", accept=accept)
    assert status == 200 and headers["Content-Type"] == media
    graph = rdflib.Graph().parse(data=body, format=rdflib_format)
    assert sorted(str(s) for s in graph.subjects()) == ALL_PROJECTS


def test_curl(url: str) -> None:
    """Plain curl, as in the README."""
    curl = shutil.which("curl")
    if curl is None:
        pytest.skip("curl is not installed")
    out = subprocess.run([curl, "-s", "-H", "Accept: text/csv", "--data-urlencode", f"query={PROJECTS}",
                          f"{url}/sparql"], capture_output=True, check=True).stdout
    assert out.decode().split("\r\n")[:3] == ["p", PROJECT + "alpha", PROJECT + "beta"]


def test_service_description(url: str, server) -> None:
    """/sparql without a query describes the service (SPARQL 1.1 Service Description), in Turtle."""
    status, headers, body = http(f"{url}/sparql")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    service = rdflib.URIRef(f"{url}/sparql")
    assert (service, rdflib.RDF.type, SD.Service) in graph
    assert (service, SD.endpoint, service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    triples = next(graph.objects(None, VOID.triples))
    assert int(triples) == server.dataset.triple_count


def test_a_syntax_error_is_a_400_with_line_and_column(url: str) -> None:
    status, _, body = get_query(url, "SELECT ?p\nWHERE { ?p a }")
    assert status == 400
    assert body.decode().startswith("<query>:2:") and "SPARQL syntax error" in body.decode()


# -- read-only, time limit, result cap ----------------------------------------------------------
INSERT = "INSERT DATA { <https://example.org/x> <https://example.org/y> <https://example.org/z> }"


@pytest.mark.parametrize("how", ["form-update", "sparql-update", "query-field", "get-update"])
def test_updates_are_refused_and_change_nothing(url: str, how: str) -> None:
    if how == "form-update":
        status, _, body = http(f"{url}/sparql", data=urllib.parse.urlencode({"update": INSERT}).encode(),
                               content_type="application/x-www-form-urlencoded")
    elif how == "sparql-update":
        status, _, body = http(f"{url}/sparql", data=INSERT.encode(), content_type="application/sparql-update")
    elif how == "query-field":
        status, _, body = get_query(url, "PREFIX ex: <https://example.org/>\n" + INSERT)
    else:
        status, _, body = http(f"{url}/sparql?update={urllib.parse.quote(INSERT)}")
    assert status == 403
    assert b"read-only" in body
    _, _, answer = get_query(url, "ASK { <https://example.org/x> ?p ?o }", accept="application/sparql-results+json")
    assert json.loads(answer)["boolean"] is False


def test_a_query_over_the_time_limit_is_stopped_and_the_server_goes_on(url: str) -> None:
    """A cross product of four triple patterns takes far longer than the limit: 503, then the
    next query is answered (by a fresh worker)."""
    status, _, body = get_query(url, SLOW)
    assert status == 503
    assert f"time limit of {TIMEOUT:g} s" in body.decode()
    status, _, body = get_query(url, PROJECTS, accept="text/csv")
    assert status == 200 and body.decode().split("\r\n")[1] == PROJECT + "alpha"


def test_a_long_answer_is_cut_at_the_cap_and_says_so(url: str, server) -> None:
    status, headers, body = get_query(url, "SELECT * WHERE { ?s ?p ?o }", accept="application/sparql-results+json")
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == MAX_RESULTS
    assert headers["X-KG-Truncated"].startswith("true")
    assert server.dataset.triple_count > MAX_RESULTS
    _, headers, _ = get_query(url, PROJECTS)
    assert "X-KG-Truncated" not in headers and headers["X-KG-Result-Count"] == "5"


def test_cors(url: str) -> None:
    _, headers, _ = get_query(url, PROJECTS)
    assert headers["Access-Control-Allow-Origin"] == "*"
    status, headers, _ = http(f"{url}/sparql", method="OPTIONS")
    assert status == 204 and "POST" in headers["Access-Control-Allow-Methods"]


# -- entities -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("accept", "rdflib_format"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                                       ("application/n-triples", "nt"), (None, "turtle")])
def test_entity_iris_dereference_to_rdf(url: str, accept: str | None, rdflib_format: str) -> None:
    """GET /kg/organisation/nesta describes https://example.org/kg/organisation/nesta."""
    status, _, body = http(f"{url}/kg/organisation/nesta", accept=accept)
    assert status == 200
    graph = rdflib.Graph().parse(data=body, format=rdflib_format)
    nesta = rdflib.URIRef(ORG + "nesta")
    assert set(graph.subjects()) == {nesta}
    assert (nesta, rdflib.URIRef("http://schema.org/name"), rdflib.Literal("Nesta")) in graph


def test_entity_iris_dereference_to_html_for_browsers(url: str) -> None:
    status, headers, body = http(f"{url}/kg/project/beta", accept="text/html,application/xhtml+xml,*/*;q=0.8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode()
    assert "<h1>Beta</h1>" in page
    assert 'href="/kg/organisation/nordforsk">Nordforsk</a>' in page  # related entities link here
    assert "<code>_clients/beta.md</code>" in page  # the source file
    assert 'href="/kg/project/beta?format=ttl"' in page


def test_an_unknown_entity_is_404(url: str) -> None:
    assert http(f"{url}/kg/organisation/nobody")[0] == 404
    assert http(f"{url}/%ZZ")[0] == 404


# -- landing page, VoID, downloads ---------------------------------------------------------------
def test_landing_page_works_offline(url: str) -> None:
    """The landing page: what the dataset holds, a form, the bundled queries; its only style
    sheet is served by kg serve and there is no script at all."""
    status, _, body = http(f"{url}/")
    page = body.decode()
    assert status == 200
    assert '<form action="/sparql" method="get">' in page and "organisations-by-projects" in page
    assert "<script" not in page
    assert '<link rel="stylesheet" href="/static/kg.css">' in page
    assert http(f"{url}/static/kg.css")[0] == 200
    assert '<a href="/void.ttl">' in page and '<a href="/graph.nt">' in page


def test_the_form_runs_a_bundled_query_with_its_parameter_as_html(url: str) -> None:
    from kg.query.bundled import bundled_queries

    sparql = bundled_queries()["posts-mentioning"].text
    status, headers, body = http(f"{url}/sparql?" + urllib.parse.urlencode(
        {"query": sparql, "param-org": "Nesta", "format": "html"}))
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<h1>1 rows</h1>" in body.decode() and "Nesta and us" in body.decode()


def test_void_description_counts_what_graph_nt_holds(url: str) -> None:
    status, _, body = http(f"{url}/void.ttl")
    assert status == 200
    void = rdflib.Graph().parse(data=body, format="turtle")
    _, _, nt = http(f"{url}/graph.nt")
    dataset = next(void.subjects(rdflib.RDF.type, VOID.Dataset))
    assert int(void.value(dataset, VOID.triples)) == len(nt.decode().splitlines())
    partitions = {str(void.value(p, VOID["class"])): int(void.value(p, VOID.entities))
                  for p in void.objects(dataset, VOID.classPartition)}
    assert partitions["http://schema.org/Project"] == 5  # alpha, beta, gamma, delta, omega
    assert void.value(dataset, VOID.sparqlEndpoint) == rdflib.URIRef(f"{url}/sparql")
    assert rdflib.URIRef(f"{url}/graph.nq") in set(void.objects(dataset, VOID.dataDump))


def test_hostile_strings_cannot_break_the_pages(tmp_path) -> None:
    """A name with markup and a javascript: IRI are shown as text, never as markup or a link."""
    (tmp_path / "g.nt").write_text(
        '<https://example.org/#website> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
        '<http://schema.org/WebSite> .\n'
        '<https://example.org/kg/organisation/x> <http://schema.org/name> "</script><script>alert(1)</script><!--" .\n'
        '<https://example.org/kg/organisation/x> <http://schema.org/sameAs> <javascript:alert(1)> .\n')
    srv = start([tmp_path / "g.nt"], port=0, background=True, quiet=True, workers=1)
    try:
        host, port = srv.server_address[:2]
        status, _, body = http(f"http://{host}:{port}/kg/organisation/x", accept="text/html")
        page = body.decode()
        assert status == 200
        assert "<script" not in page and "<!--" not in page
        assert 'href="javascript:' not in page
        assert "&lt;/script&gt;" in page
    finally:
        srv.shutdown()
        srv.close()


def test_a_site_that_cannot_be_read_is_reported(tmp_path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["serve", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "no such site folder" in result.output
    (tmp_path / "bad.ttl").write_text("this is not turtle")
    result = CliRunner().invoke(main, ["serve", "--graph", str(tmp_path / "bad.ttl")])
    assert result.exit_code == 2 and "not valid Turtle" in result.output
