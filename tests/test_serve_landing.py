"""``kg serve``'s pages used as a person uses them: the landing page's form submitted in headless
Chromium for every bundled query, the results table and its downloads, and the vocabulary at
``/kg/ontology`` that the graph's own terms dereference to.

The server serves the query test site (:mod:`query_site`) with the site URL
``https://digidemlab.org``, so the graph's base is the vocabulary's own origin and every
``kgo:`` IRI in the graph is one this server answers for.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request

import html5lib
import pytest
import rdflib
from browser import CHROMIUM, Chromium
from conftest import DEFAULT_CONFIG, write_site
from query_site import SITE_FILES

from kg.query.bundled import bundled_queries
from kg.serve import start
from kg.serve.pages import example_value, landing, results
from kg.vocab import KGO

QUERIES = bundled_queries()
#: What the tests type into each parameter's field (other than the header's example the field starts with).
TYPED = {"org": "Nesta", "platform": "decidim"}
BASE = "https://digidemlab.org"
HTML = "{http://www.w3.org/1999/xhtml}"
needs_chromium = pytest.mark.skipif(CHROMIUM is None,
                                    reason="chromium is not installed (.ci/run installs Debian's chromium)")


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory):
    files = {**SITE_FILES, "_config.yml": DEFAULT_CONFIG.replace("https://example.org", BASE)}
    site = write_site(tmp_path_factory.mktemp("landing") / "site", files)
    srv = start(site, port=0, background=True, quiet=True, workers=2)
    host, port = srv.server_address[:2]
    yield f"http://{host}:{port}"
    srv.shutdown()
    srv.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    with Chromium(tmp_path_factory.mktemp("chromium") / "profile") as chromium:
        yield chromium


def http(url: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def json_rows(url: str, sparql: str, params: dict[str, str]) -> tuple[list[str], int]:
    """The variables and row count of the same query asked over the protocol, not through the form."""
    fields = {"query": sparql, "format": "json", **{f"param-{k}": v for k, v in params.items()}}
    status, _, body = http(f"{url}/sparql?" + urllib.parse.urlencode(fields))
    assert status == 200, body[:500]
    doc = json.loads(body)
    return doc["head"]["vars"], len(doc["results"]["bindings"])


def submitted(tab) -> dict[str, list[str]]:
    split = urllib.parse.urlsplit(tab.evaluate("location.href"))
    assert split.path == "/sparql"
    return urllib.parse.parse_qs(split.query, keep_blank_values=True)


def shown_table(tab) -> tuple[list[str], int]:
    heads = tab.evaluate("Array.from(document.querySelectorAll('table.results thead th')).map(t => t.textContent)")
    return heads, tab.evaluate("document.querySelectorAll('table.results tbody tr').length")


# -- the form, in a browser ------------------------------------------------------------------------
@needs_chromium
@pytest.mark.parametrize("name", list(QUERIES))
def test_run_on_the_landing_page_answers_every_bundled_query_as_it_stands(url, browser, name):
    """Open the query's example, press Run without touching anything: the browser submits the
    query exactly as bundled (its line breaks as CRLF, as forms send them) with the header's
    example in each parameter field, and the page shows the rows the endpoint gives for it."""
    query = QUERIES[name]
    tab = browser.tab()
    tab.goto(f"{url}/?example={name}")
    assert tab.evaluate("document.querySelector('textarea[name=query]').value") == query.text
    tab.click("button[type=submit]")
    fields = submitted(tab)
    assert fields["query"] == [query.text.replace("\n", "\r\n")]
    assert fields["format"] == ["html"]
    params = {p.name: example_value(p) for p in query.params}
    assert {k[len("param-"):]: v for k, v in fields.items() if k.startswith("param-")} == {
        k: [v] for k, v in params.items()}
    variables, count = json_rows(url, query.text, params)
    assert count > 0  # the query site gives every bundled query some rows
    assert shown_table(tab) == (variables, count)
    assert tab.evaluate("document.querySelector('h1').textContent") == f"{count} rows"
    assert tab.console_messages() == []


@needs_chromium
@pytest.mark.parametrize("name", [name for name, q in QUERIES.items() if q.params])
def test_a_parameter_typed_into_its_field_is_the_one_the_query_runs_with(url, browser, name):
    query = QUERIES[name]
    tab = browser.tab()
    tab.goto(f"{url}/?example={name}")
    for param in query.params:
        tab.type_into(f"input[name=param-{param.name}]", TYPED[param.name])
    tab.click("button[type=submit]")
    fields = submitted(tab)
    typed = {p.name: TYPED[p.name] for p in query.params}
    assert {k: fields[f"param-{k}"] for k in typed} == {k: [v] for k, v in typed.items()}
    variables, count = json_rows(url, query.text, typed)
    assert count > 0
    assert shown_table(tab) == (variables, count)
    # Its downloads are the same answer: CSV with a header and one line a row, JSON with its bindings.
    links = tab.evaluate("Object.fromEntries(Array.from(document.querySelectorAll('.downloads a'))"
                         ".map(a => [a.textContent, a.href]))")
    _, headers, body = http(links["CSV"])
    assert headers["Content-Type"].startswith("text/csv")
    assert len(list(csv.reader(io.StringIO(body.decode())))) == count + 1
    _, headers, body = http(links["JSON"])
    assert len(json.loads(body)["results"]["bindings"]) == count
    # "change the query" comes back to the form with the query and the typed value in it.
    tab.goto(links["change the query"])
    assert tab.evaluate("document.querySelector('textarea[name=query]').value") == query.text
    for param in query.params:
        assert tab.evaluate(f"document.querySelector('input[name=param-{param.name}]').value") == TYPED[param.name]


@needs_chromium
def test_a_required_parameter_left_empty_is_caught_by_the_browser_before_it_is_sent(url, browser):
    tab = browser.tab()
    tab.goto(f"{url}/?example=posts-mentioning")
    tab.type_into("input[name=param-org]", "")
    tab.click("button[type=submit]", navigates=False)
    assert tab.evaluate("document.querySelector('input[name=param-org]').validity.valueMissing") is True
    assert urllib.parse.urlsplit(tab.evaluate("location.href")).path == "/"


@needs_chromium
def test_a_hostile_query_in_the_text_box_stays_text_in_the_browser(url, browser):
    """A query holding ``</textarea>`` and a script comes back in the text box as it was and runs nothing."""
    hostile = 'SELECT * WHERE { ?s ?p "</textarea><script>window.pwned=1</script><!--" } LIMIT 1'
    tab = browser.tab()
    tab.goto(f"{url}/?" + urllib.parse.urlencode({"query": hostile, "param-x": '"><script>window.pwned=2</script>'}))
    assert tab.evaluate("document.querySelector('textarea[name=query]').value") == hostile
    assert tab.evaluate("document.querySelector('input[name=param-x]').value") == '"><script>window.pwned=2</script>'
    assert tab.evaluate("document.scripts.length") == 0 and tab.evaluate("window.pwned === undefined") is True


@needs_chromium
def test_a_vocabulary_term_opens_at_its_entry(url, browser):
    """``/kg/ontology/partner`` and ``/kg/ontology#partner`` open the vocabulary page at kgo:partner."""
    tab = browser.tab()
    tab.goto(f"{url}/kg/ontology/partner")
    assert tab.evaluate("location.pathname + location.hash") == "/kg/ontology#partner"
    assert tab.evaluate("document.getElementById('partner').querySelector('h3').textContent").startswith("kgo:partner")
    assert tab.evaluate("window.scrollY") > 0


# -- the pages' HTML ------------------------------------------------------------------------------
class _Dataset:
    """What the page functions read of a dataset, for pages made without a server."""

    title = "T"
    description = ""
    base = BASE
    triple_count = 0

    def __init__(self) -> None:
        self.class_counts: dict[str, int] = {}

    def label(self, iri: str) -> None:
        return None


def parse(page: bytes):
    return html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=True)


@pytest.mark.parametrize("hostile", [
    "</textarea><script>alert(1)</script>",
    "</TEXTAREA ><script>alert(1)</script>",
    "<!-- &lt; &amp;amp; --> </script> <![CDATA[ x ]]>",
    "\n\nleading blank lines, a tab\tand a CR\r\n",
])
def test_a_query_in_the_text_box_is_exactly_the_query_and_nothing_else(hostile):
    """Parsed as a browser parses it, the text box holds the query character for character
    (line breaks normalised to LF, as a browser does) and the page has no script element."""
    sparql = f"SELECT * WHERE {{ ?s ?p {json.dumps(hostile)} }}  # {hostile}"
    page = landing(_Dataset(), QUERIES, None, [], {"query": [sparql], "param-org": [hostile]})
    tree = parse(page)
    boxes = tree.findall(f".//{HTML}textarea")
    assert len(boxes) == 1
    assert boxes[0].text == sparql.replace("\r\n", "\n").replace("\r", "\n")
    assert tree.findall(f".//{HTML}script") == []
    field = tree.find(f".//{HTML}input[@name='param-org']")
    assert field.get("value") == hostile.replace("\r\n", "\n").replace("\r", "\n")


def test_a_bundled_query_fills_the_form_with_its_parameters_named_as_the_endpoint_reads_them():
    query = QUERIES["clients-and-partners"]
    tree = parse(landing(_Dataset(), QUERIES, "clients-and-partners", []))
    assert tree.find(f".//{HTML}textarea").text == query.text
    names = [i.get("name") for i in tree.iter(f"{HTML}input") if i.get("type") != "hidden"]
    assert names == [f"param-{p.name}" for p in query.params] == ["param-org"]
    assert tree.find(f".//{HTML}input[@name='param-org']").get("value") == "Open Source Politics"


def test_hostile_result_values_and_fields_are_text_on_the_results_page():
    from pyoxigraph import Literal

    fields = {"query": ['SELECT ?x WHERE {} # "><script>alert(1)</script>'], "param-a": ["</a><script>"]}
    page = results(_Dataset(), ["x"], [[Literal("<script>alert(1)</script>")]], False, None, fields)
    tree = parse(page)
    assert tree.findall(f".//{HTML}script") == []
    assert [td.text for td in tree.iter(f"{HTML}td")] == ["<script>alert(1)</script>"]
    csv_link = next(a.get("href") for a in tree.iter(f"{HTML}a") if a.text == "CSV")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(csv_link).query) == {**fields, "format": ["csv"]}


# -- the vocabulary -------------------------------------------------------------------------------
def test_the_vocabulary_is_kg_ttl_as_turtle(url):
    from kg.ontology import resource

    for accept in ("text/turtle", None):
        status, headers, body = http(f"{url}/kg/ontology", accept)
        assert status == 200 and headers["Content-Type"].startswith("text/turtle")
        assert body == resource("kg.ttl").read_bytes()
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert (rdflib.URIRef(KGO + "client"), rdflib.RDFS.label, rdflib.Literal("client", lang="en")) in graph


def test_the_vocabulary_page_has_an_entry_for_every_term_kg_ttl_declares(url):
    """Every subject of kg.ttl with a type (but the ontology itself) has an element whose id is
    its anchor: the local name for kgo: terms, so the term's own IRI finds it."""
    from kg.ontology import resource

    status, headers, body = http(f"{url}/kg/ontology", "text/html,application/xhtml+xml,*/*;q=0.8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    tree = parse(body)
    ids = {e.get("id") for e in tree.iter() if e.get("id")}
    graph = rdflib.Graph(bind_namespaces="none").parse(data=resource("kg.ttl").read_bytes(), format="turtle")
    declared = {s for s in graph.subjects(rdflib.RDF.type, None) if isinstance(s, rdflib.URIRef)}
    declared.discard(rdflib.URIRef(KGO.rstrip("#")))
    assert len(declared) > 60
    for term in declared:
        anchor = term[len(KGO):] if term.startswith(KGO) else graph.namespace_manager.normalizeUri(term)
        assert anchor in ids, term
    entry = tree.find(f".//{HTML}section[@id='client']")
    text = "".join(entry.itertext())
    assert "The organisation that commissioned the project." in text and "schema:Project" in text


def test_every_kgo_term_the_graph_uses_dereferences_from_the_graphs_base(url):
    """With the site at the vocabulary's origin, each kgo: IRI in the graph, fetched from this
    server as a browser would (path, then fragment), gives a page with that fragment's entry;
    the links on entity pages to vocabulary terms land on entries too."""
    status, _, body = http(f"{url}/graph.nt")
    assert status == 200
    used = {t for line in body.decode().splitlines() for t in line.split() if t.startswith(f"<{KGO}")}
    assert {f"<{KGO}client>", f"<{KGO}partner>", f"<{KGO}SourceFile>"} <= used
    _, _, page = http(f"{url}/kg/ontology", "text/html")
    ids = {e.get("id") for e in parse(page).iter() if e.get("id")}
    for iri in sorted(used):
        split = urllib.parse.urlsplit(iri.strip("<>"))
        assert split.scheme + "://" + split.netloc == BASE
        assert split.path == "/kg/ontology" and split.fragment in ids, iri
    _, _, entity = http(f"{url}/kg/organisation/exempel-kommun", "text/html")
    hrefs = {a.get("href") for a in parse(entity).iter(f"{HTML}a")}
    vocabulary_links = {h for h in hrefs if h.startswith("/kg/ontology#")}
    assert "/kg/ontology#organisationKind" in vocabulary_links and "/kg/ontology#municipality" in vocabulary_links
    assert {h.partition("#")[2] for h in vocabulary_links} <= ids


def test_a_term_path_redirects_to_its_entry_and_an_unknown_one_is_404(url):
    request = urllib.request.Request(f"{url}/kg/ontology/client", headers={"Accept": "text/html"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.build_opener(NoRedirect).open(request, timeout=30)
    assert caught.value.code == 303 and caught.value.headers["Location"] == "/kg/ontology#client"
    assert http(f"{url}/kg/ontology/no-such-term")[0] == 404
    assert http(f"{url}/kg/ontologyx")[0] == 404
