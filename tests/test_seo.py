"""``kg.seo``: one connected schema.org graph per page, derived from the knowledge graph.

The fixture (``tests/seo_site.py``) is a small sv/en site under ``baseurl: /lab``
in Europe/Stockholm time. Expected values are worked out by hand from its files.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from pyld import jsonld
from pyoxigraph import Literal, NamedNode, RdfFormat, parse

import kg
import kg.seo
from kg.map.text import plain
from kg.seo.check import check_pages, offline_loader
from kg.seo.facts import Facts
from kg.seo.files import document_path, write_documents
from kg.seo.nodes import HEADLINE_LIMIT, PROJECT_TERMS, headline
from kg.seo.safe_json import dumps
from kg.vocab import KGO, RDF, SCHEMA, SKOS

try:
    from tests.seo_site import BASE, FILES, LONG_TITLE
except ImportError:  # tests/ is not a package: pytest puts tests/ itself on sys.path
    from seo_site import BASE, FILES, LONG_TITLE

GOLDEN = Path(__file__).resolve().parent / "golden" / "seo"
POST = f"{BASE}/news/budget-online/"
DATED = f"{BASE}/news/plattform/"
PROJECT_SV = f"{BASE}/eu-project/"
PROJECT_EN = f"{BASE}/eu-project-en/"
THEME = f"{BASE}/budget/"
HOME = f"{BASE}/"
ORG = f"{BASE}/kg/organisation/exempellabbet"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    try:
        from tests.conftest import write_site
    except ImportError:
        from conftest import write_site
    return write_site(tmp_path_factory.mktemp("seo") / "site", FILES)


@pytest.fixture(scope="module")
def result(site) -> kg.BuildResult:
    return kg.build(site)


@pytest.fixture(scope="module")
def graphs(result) -> dict[str, dict]:
    return kg.seo.page_graphs(result)


def nodes(document: dict) -> dict[str, dict]:
    return {node["@id"]: node for node in document["@graph"]}


def types(node: dict) -> list[str]:
    kind = node["@type"]
    return kind if isinstance(kind, list) else [kind]


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


# -- which pages, and their @ids ------------------------------------------------------------------


def test_every_output_document_and_the_home_page_get_a_graph(graphs):
    """Posts, both project pages, the theme page and the home page (not a document kg reads)."""
    assert sorted(graphs) == sorted([HOME, THEME, PROJECT_EN, PROJECT_SV, POST, DATED])


def test_the_webpage_id_is_the_canonical_url_with_baseurl_joined_once(result, graphs):
    """Each page's WebPage node has the document's URL (site url + baseurl + Jekyll's path) as @id."""
    urls = {doc.url for doc in result.site.documents if doc.url}
    for url, document in graphs.items():
        pages = [n for n in document["@graph"] if "WebPage" in types(n)]
        assert [p["@id"] for p in pages] == [url]
        assert pages[0]["url"] == url
        assert url == HOME or url in urls
        assert "/lab/lab" not in dumps(document) and "org//" not in dumps(document)


def test_ids_are_the_knowledge_graphs_iris(result, graphs):
    """Every node's @id is an IRI of the knowledge graph, except the page-only nodes
    (breadcrumbs, images, and the home page when no document is the home page)."""
    subjects = {s[1:-1] for s, _ in result.graph.subjects()}
    for url, document in graphs.items():
        for node in document["@graph"]:
            iri = node["@id"]
            if iri.endswith("#breadcrumb") or "ImageObject" in types(node) or iri == HOME:
                continue
            assert iri in subjects, f"{url}: {iri} is not in the knowledge graph"


def test_every_page_passes_the_checker(result):
    """No errors from ``kg seo --check`` on the fixture."""
    pages = kg.seo.pages(result)
    checks = check_pages(pages, Facts(result.graph, "sv"))
    assert [str(p) for c in checks for p in c.errors] == []
    assert len(checks) == 6


# -- what each page says ----------------------------------------------------------------------------


def test_site_and_publisher_are_shared_by_all_pages(graphs):
    """WebSite and the publishing Organization (name, url, logo as ImageObject, sameAs) on every page."""
    for document in graphs.values():
        n = nodes(document)
        assert n[f"{BASE}/#website"]["publisher"] == {"@id": ORG}
        org = n[ORG]
        assert org["name"] == "Exempellabbet"
        assert org["url"] == HOME
        assert org["sameAs"] == "https://github.com/exempellabbet"
        logo = n[org["logo"]["@id"]]
        assert logo == {"@type": "ImageObject", "@id": f"{BASE}/assets/logo.png", "url": f"{BASE}/assets/logo.png",
                        "contentUrl": f"{BASE}/assets/logo.png", "caption": "Exempellabbet"}


def test_post_dates_are_in_the_sites_time_zone_whatever_the_machines(site, monkeypatch):
    """09:22:23 UTC on 11 May 2021 is 11:22:23 in Stockholm (summer time); last_modified_at without
    an offset is read as UTC, as Jekyll's YAML does; a date-only post stays a date. The build
    machine's TZ changes nothing."""
    monkeypatch.setenv("TZ", "America/Chicago")
    time.tzset()
    try:
        graphs = kg.seo.page_graphs(kg.build(site))
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    post = nodes(graphs[POST])[POST]
    assert post["datePublished"] == "2021-05-11T11:22:23+02:00"
    assert post["dateModified"] == "2021-06-01T12:00:00+02:00"
    dated = nodes(graphs[DATED])[DATED]
    assert dated["datePublished"] == "2025-04-10"
    assert dated["dateModified"] == "2025-04-10"


def test_post_is_a_news_article_with_about_and_mentions(graphs):
    """Themes are what it is about; the project, the place and the platform it names are mentioned,
    each with Wikidata sameAs where the registry has one."""
    n = nodes(graphs[POST])
    post = n[POST]
    assert types(post) == ["NewsArticle", "WebPage"]
    assert post["headline"] == "Chicago takes its participatory budget online with Decidim"
    assert post["inLanguage"] == "en"
    assert post["author"] == post["publisher"] == {"@id": ORG}
    assert post["image"] == post["primaryImageOfPage"] == {"@id": f"{BASE}/uploads/budget%20online.jpg"}
    assert post["about"] == [{"@id": f"{BASE}/kg/theme/budget"}]
    assert post["mentions"] == [{"@id": f"{BASE}/kg/place/chicago"}, {"@id": f"{BASE}/kg/platform/decidim"},
                                {"@id": f"{BASE}/kg/project/eu-project"}]
    assert n[f"{BASE}/kg/place/chicago"]["sameAs"] == "http://www.wikidata.org/entity/Q1297"
    assert n[f"{BASE}/kg/project/eu-project"]["url"] == PROJECT_EN  # the project's page in the post's language
    assert n[f"{BASE}/kg/theme/budget"]["url"] == THEME


def test_a_long_title_is_cut_to_a_110_character_headline(graphs):
    """The headline stops at a word, ends with an ellipsis and is at most 110 characters; the name keeps it all."""
    post = nodes(graphs[DATED])[DATED]
    assert len(LONG_TITLE) > HEADLINE_LIMIT
    assert post["name"] == LONG_TITLE
    assert len(post["headline"]) <= HEADLINE_LIMIT
    assert post["headline"] == ("Göteborg samlar hela stadens medborgardialog, alla förvaltningar och bolag, "
                                "på en enda gemensam plattform…")


def test_project_page_describes_the_project_in_schema_org_terms(graphs):
    """Client and partner as OrganizationRoles, funder, years as founding/dissolution dates, themes
    as keywords, the platform as knowsAbout; organisations with their Wikidata sameAs."""
    n = nodes(graphs[PROJECT_SV])
    page = n[PROJECT_SV]
    assert page["mainEntity"] == {"@id": f"{BASE}/kg/project/eu-project"}
    assert page["workTranslation"] == {"@id": PROJECT_EN}
    assert page["inLanguage"] == "sv"
    assert page["description"] == "Vi hjälpte kommissionen att pröva digital delaktighet."
    project = n[f"{BASE}/kg/project/eu-project"]
    assert project["name"] == "Ett EU-projekt om delaktighet"
    assert project["foundingDate"] == "2019" and project["dissolutionDate"] == "2021"
    assert project["funder"] == [{"@id": f"{BASE}/kg/organisation/nordforsk"}]
    assert project["keywords"] == [{"@id": f"{BASE}/kg/theme/budget"}]
    assert project["knowsAbout"] == [{"@id": f"{BASE}/kg/platform/decidim"}]
    assert project["member"] == [
        {"@type": "OrganizationRole", "roleName": "client",
         "member": {"@id": f"{BASE}/kg/organisation/european-commission"}},
        {"@type": "OrganizationRole", "roleName": "partner",
         "member": {"@id": f"{BASE}/kg/organisation/open-source-politics"}},
    ]
    commission = n[f"{BASE}/kg/organisation/european-commission"]
    assert commission["name"] == "Europeiska kommissionen"  # the page's language
    assert commission["sameAs"] == "http://www.wikidata.org/entity/Q8880"
    assert nodes(graphs[PROJECT_EN])[f"{BASE}/kg/organisation/european-commission"]["name"] == "European Commission"
    assert nodes(graphs[PROJECT_EN])[PROJECT_EN]["translationOfWork"] == {"@id": PROJECT_SV}


def test_theme_page_has_the_theme_as_a_defined_term(graphs):
    n = nodes(graphs[THEME])
    term = n[f"{BASE}/kg/theme/budget"]
    assert n[THEME]["mainEntity"] == {"@id": term["@id"]}
    assert term["@type"] == "DefinedTerm"
    assert term["description"] == "Vi designar medborgarbudgetar."
    assert n[term["inDefinedTermSet"]["@id"]]["name"] == "Exempellabbet: teman"


def test_home_page_is_about_the_organisation_with_a_one_item_breadcrumb(graphs):
    n = nodes(graphs[HOME])
    assert n[HOME]["about"] == {"@id": ORG}
    assert n[HOME]["name"] == "Exempellabbet"
    assert n[HOME]["description"] == "Ett demokratilabb i Göteborg."
    assert n[f"{HOME}#breadcrumb"]["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Exempellabbet", "item": {"@id": HOME}}]


def test_breadcrumbs_lead_from_home_to_the_page(graphs):
    crumbs = nodes(graphs[POST])[f"{POST}#breadcrumb"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]["@id"]) for c in crumbs] == [
        (1, "Exempellabbet", HOME), (2, "Chicago takes its participatory budget online with Decidim", POST)]


@pytest.mark.parametrize("title, name", [
    ("Decidim &amp; CONSUL", "Decidim & CONSUL"),
    ("<em>Ny</em> plattform", "Ny plattform"),
    ("Budget&nbsp;2024", "Budget\u00a02024".replace("\u00a0", " ")),
])
def test_strings_are_plain_text(make_site, tmp_path, title, name):
    """HTML entities are decoded and tags stripped, never HTML-escaped inside JSON."""
    root = make_site(tmp_path, {"_posts/2021-01-01-x.md": f"---\ntitle: '{title}'\n---\nText.\n"})
    graphs = kg.seo.page_graphs(kg.build(root))
    post = nodes(graphs["https://example.org/news/x/"])["https://example.org/news/x/"]
    assert post["name"] == post["headline"] == name


# -- the graph and the pages agree ----------------------------------------------------------------


def page_triples(document: dict) -> set[tuple]:
    """The triples a JSON-LD processor reads from the document (blank nodes as ``_:`` ids)."""
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": offline_loader})
    out = set()
    for t in parse(nquads.encode("utf-8"), format=RdfFormat.N_QUADS):
        out.add((t.subject, t.predicate.value, t.object))
    return out


# What a page may say that is not a triple of the knowledge graph, with why.
PAGE_ONLY = {
    SCHEMA + "breadcrumb",          # the BreadcrumbList is page navigation
    SCHEMA + "primaryImageOfPage",  # the same image as schema:image, said of the page
    SCHEMA + "dateModified",        # from last_modified_at, else datePublished
    SCHEMA + "member",              # OrganizationRoles: checked against kgo:client/kgo:partner below
}


def test_every_triple_on_a_page_is_in_the_knowledge_graph(result, graphs):
    """Each triple about a knowledge-graph subject is a triple of the graph: the same predicate,
    or the schema.org term that says the same (PROJECT_TERMS, skos:definition → description,
    a project's or theme's url → the page that has it as mainEntity); literals equal as plain text
    (a headline may be cut to 110 characters); a post's page node is also typed WebPage; a page's
    description may be its main entity's; each OrganizationRole is a kgo:client/kgo:partner statement."""
    facts = Facts(result.graph, "sv")
    for url, document in graphs.items():
        assert_agrees(facts, url, document)


def assert_agrees(facts: Facts, url: str, document: dict) -> None:
    """Every triple of ``document`` (the page at ``url``) agrees with the knowledge graph."""
    renamed = {SCHEMA + term: predicate for predicate, (term, role) in PROJECT_TERMS.items() if role is None}
    renamed[SCHEMA + "description"] = SKOS + "definition"
    triples = page_triples(document)
    roles: dict = {}
    for s, p, o in triples:
        if not isinstance(s, NamedNode):
            roles.setdefault(s, {})[p] = o
            continue
        if s.value not in facts or p in PAGE_ONLY:
            continue
        known = facts.predicates(s.value)
        if p == RDF + "type":
            assert o.value in {t.value for t in known[p]} or (o.value == SCHEMA + "WebPage" and s.value == url), \
                (url, s, o)
            continue
        candidates = known.get(p, []) + known.get(renamed.get(p, ""), [])
        if isinstance(o, Literal):
            allowed = {plain(c.value) for c in candidates}
            if p == SCHEMA + "headline":
                allowed |= {headline(text) for text in allowed}  # cut to 110 characters
            assert o.value in allowed or (p == SCHEMA + "description" and s.value == url), (url, s, p, o)
        elif p == SCHEMA + "url" and s.value != url and SCHEMA + "subjectOf" in known:
            assert o.value in facts.iris(s.value, SCHEMA + "subjectOf")
        else:
            assert o in candidates, (url, s, p, o)
    for s, p, o in triples:
        if p == SCHEMA + "member" and o in roles:
            role = roles[o]
            kind = role[SCHEMA + "roleName"].value
            assert role[SCHEMA + "member"].value in facts.iris(s.value, KGO + kind)


def test_every_fact_the_graph_has_about_a_page_is_on_it(result, graphs):
    """The page's own statements (in its language) and its main entity's all appear on the page."""
    facts = Facts(result.graph, "sv")
    published = {SCHEMA + p for p in ("about", "mentions", "author", "publisher", "datePublished", "headline", "name",
                                      "inLanguage", "isPartOf", "url", "image", "workTranslation",
                                      "translationOfWork", "mainEntity")}
    for url, document in graphs.items():
        if url not in facts:
            continue
        text = json.dumps(document, ensure_ascii=False)
        page = nodes(document)[url]
        lang = page["inLanguage"]
        for p, objects in facts.predicates(url).items():
            if p not in published:
                continue
            for o in objects:
                if isinstance(o, Literal):
                    if o.language in (None, lang) and p != SCHEMA + "headline":
                        assert json.dumps(plain(o.value), ensure_ascii=False) in text, (url, p, o)
                else:
                    assert json.dumps(o.value) in text, (url, p, o)
        main = page.get("mainEntity", {}).get("@id")
        if main and "Project" in facts.types(main):
            project = nodes(document)[main]
            for predicate, (term, role) in PROJECT_TERMS.items():
                for target in facts.iris(main, predicate):
                    values = [m["member"] for m in project["member"] if m["roleName"] == role] if role else \
                        as_list(project[term])
                    assert {"@id": target} in values, (url, predicate, target)


# -- files -------------------------------------------------------------------------------------------


def test_golden_post_and_project_page(graphs):
    """The post's and the Swedish project page's JSON-LD are exactly the golden files.

    To regenerate after an intended change: ``KG_UPDATE_GOLDEN=1 pytest tests/test_seo.py``,
    then read the diff before committing it.
    """
    for name, url in (("post.jsonld", POST), ("project.jsonld", PROJECT_SV)):
        produced = dumps(graphs[url], indent=2) + "\n"
        if os.environ.get("KG_UPDATE_GOLDEN"):
            GOLDEN.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(produced, encoding="utf-8")
        assert produced == (GOLDEN / name).read_text(encoding="utf-8")


def test_files_mirror_the_site_and_are_byte_identical_across_builds(site, result, tmp_path):
    pages = kg.seo.pages(result)
    first = write_documents(pages, tmp_path / "a")
    second = write_documents(kg.seo.pages(kg.build(site)), tmp_path / "b")
    assert sorted(p.relative_to(tmp_path / "a").as_posix() for p in first) == [
        "budget/index.jsonld", "eu-project-en/index.jsonld", "eu-project/index.jsonld", "index.jsonld",
        "news/budget-online/index.jsonld", "news/plattform/index.jsonld"]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
        assert json.loads(a.read_text(encoding="utf-8"))["@context"] == "https://schema.org"


@pytest.mark.parametrize("path, file", [
    ("/", "index.jsonld"),
    ("/news/x/", "news/x/index.jsonld"),
    ("/a.html", "a.html.jsonld"),
    ("/g%C3%B6teborg/", "göteborg/index.jsonld"),
    ("/../../etc/", "etc/index.jsonld"),
])
def test_document_path(path, file):
    assert document_path(kg.seo.Page("https://x.org" + path, path, None, {})) == file


def test_the_real_corpus_passes_the_checker(corpus):
    """digidemlab.org's content: every output document and the home page get a graph with no error."""
    result = kg.build(corpus)
    pages = kg.seo.pages(result)
    urls = {doc.url for doc in result.site.documents if doc.url}
    assert {p.url for p in pages} == urls | {result.site.config.base + "/"}
    checks = check_pages(pages, Facts(result.graph, result.site.config.lang))
    assert [str(p) for c in checks for p in c.errors] == []
