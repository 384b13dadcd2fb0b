"""``kg seo --check``: each rule catches what it is for, and a good document passes.

A small, valid article page is broken one way at a time; the checker must name
the fault. It runs offline: schema.org's context comes from the bundled copy.
"""

from __future__ import annotations

import copy

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.seo.check import OfflineLoaderError, check_document, offline_loader
from kg.seo.vocabulary import load

URL = "https://example.org/a/"
SITE = "https://example.org/#website"
ORG = "https://example.org/kg/organisation/ex"
LOGO = "https://example.org/logo.png"
IMG = "https://example.org/img.jpg"


def good() -> dict:
    return {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": SITE, "url": "https://example.org/", "name": "Ex", "publisher": {"@id": ORG}},
        {"@type": "Organization", "@id": ORG, "name": "Ex", "url": "https://example.org/", "logo": {"@id": LOGO}},
        {"@type": ["NewsArticle", "WebPage"], "@id": URL, "url": URL, "name": "T", "headline": "T",
         "description": "D", "inLanguage": "sv", "isPartOf": {"@id": SITE}, "datePublished": "2021-05-11",
         "dateModified": "2021-05-12T10:00:00+02:00", "author": {"@id": ORG}, "publisher": {"@id": ORG},
         "image": {"@id": IMG}, "breadcrumb": {"@id": URL + "#breadcrumb"}},
        {"@type": "BreadcrumbList", "@id": URL + "#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Ex", "item": {"@id": "https://example.org/"}},
            {"@type": "ListItem", "position": 2, "name": "T", "item": {"@id": URL}}]},
        {"@type": "ImageObject", "@id": LOGO, "url": LOGO, "contentUrl": LOGO},
        {"@type": "ImageObject", "@id": IMG, "url": IMG, "contentUrl": IMG},
    ]}


def page(doc: dict) -> dict:
    return next(n for n in doc["@graph"] if n["@id"] == URL)


def test_a_good_document_passes():
    result = check_document(URL, good(), expect_image=True)
    assert result.problems == []
    assert result.types == ["NewsArticle", "WebPage"]
    assert result.nodes == 6


def _set(key, value):
    def change(doc):
        page(doc)[key] = value
    return change


def _drop(key):
    def change(doc):
        del page(doc)[key]
    return change


def _add_node(node):
    def change(doc):
        doc["@graph"].append(node)
    return change


def _org(key, value):
    def change(doc):
        doc["@graph"][1][key] = value
    return change


BROKEN = [
    ("unknown property", _set("colour", "red"), "http://schema.org/colour is not a schema.org property"),
    ("jekyll-seo-tag's imageObject", _add_node({"@type": "imageObject", "@id": "https://example.org/i",
                                                "url": "https://example.org/i"}),
     "@type http://schema.org/imageObject is not a schema.org type"),
    ("relative URL", _org("sameAs", "/profile"), "is not an absolute http(s) URL"),
    ("relative @id", _set("about", {"@id": "theme/x"}), "is not an absolute http(s) URL"),
    ("not a date", _set("datePublished", "11 May 2021"), "is not an ISO 8601 date"),
    ("a time without offset", _set("dateModified", "2021-05-11T10:00:00"), "is not an ISO 8601 date"),
    ("long headline", _set("headline", "x" * 111), "headline longer than 110 characters"),
    ("no headline", _drop("headline"), "an Article without headline (Google requires it)"),
    ("no author", _drop("author"), "an Article without author (Google requires it)"),
    ("HTML entity", _set("name", "A &amp; B"), "holds markup or an HTML entity"),
    ("HTML tag", _set("description", "a <b>bold</b> claim"), "holds markup or an HTML entity"),
    ("disconnected node", _add_node({"@type": "Place", "@id": "https://example.org/p", "name": "P"}),
     "https://example.org/p is not connected to the page"),
    ("property on the wrong type", _org("breadcrumb", {"@id": URL + "#breadcrumb"}),
     "schema.org does not expect breadcrumb on Organization"),
    ("value of the wrong type", _set("author", {"@id": IMG}), "author points at a ImageObject"),
    ("text where a node is expected", _set("publisher", "Ex"), "publisher holds the text 'Ex'"),
    ("two WebPages", _add_node({"@type": "WebPage", "@id": "https://example.org/b/", "isPartOf": {"@id": SITE}}),
     "2 WebPage nodes; expected one"),
    ("duplicate @id", _add_node({"@type": "Organization", "@id": ORG, "name": "Other"}), "names two nodes"),
    ("unnamed publisher", _org("name", None), "has no name"),
]


@pytest.mark.parametrize("change, message", [(c, m) for _, c, m in BROKEN], ids=[n for n, _, _ in BROKEN])
def test_each_fault_is_named(change, message):
    doc = copy.deepcopy(good())
    change(doc)
    doc["@graph"][1] = {k: v for k, v in doc["@graph"][1].items() if v is not None}
    result = check_document(URL, doc)
    assert any(message in p.message and p.severity == "error" for p in result.problems), result.problems
    assert not result.ok


def test_the_page_must_be_the_webpage():
    result = check_document("https://example.org/other/", good())
    assert any("no WebPage node has the page's URL" in p.message for p in result.problems)


def test_an_image_the_content_has_must_be_there():
    doc = good()
    del page(doc)["image"]
    doc["@graph"].pop()  # its ImageObject
    assert check_document(URL, doc).ok  # recommended only …
    assert "has an image but the Article has no image" in str(check_document(URL, doc, expect_image=True).errors)


def test_nothing_is_fetched():
    """Only schema.org's context is served, from the bundled copy; any other URL is refused."""
    assert offline_loader("https://schema.org")["document"]["@context"]["@vocab"] == "http://schema.org/"
    with pytest.raises(OfflineLoaderError):
        offline_loader("https://example.com/context.jsonld")
    doc = good()
    doc["@context"] = "https://example.com/context.jsonld"
    result = check_document(URL, doc)
    assert any("will not fetch" in p.message for p in result.problems)


def test_the_bundled_vocabulary_knows_what_pages_use():
    vocab = load()
    assert vocab.version == "30.0"
    for term in ("NewsArticle", "WebPage", "Project", "OrganizationRole", "DefinedTerm", "BreadcrumbList", "NGO"):
        assert vocab.is_type(term)
    assert not vocab.is_type("imageObject")
    assert "Organization" in vocab.ancestors("Project")
    assert vocab.domains["primaryImageOfPage"] == ("WebPage",)


def test_cli_check_exit_status(make_site, tmp_path):
    """0 with a per-page summary when every page passes; 2 for a missing site; 2 for
    --replace-seo-tag without --inject."""
    root = make_site(tmp_path / "site", {"_posts/2021-01-01-x.md": "---\ntitle: X\n---\nText.\n"})
    runner = CliRunner()
    ok = runner.invoke(main, ["seo", str(root), "--check"])
    assert ok.exit_code == 0, ok.output
    assert "ok   https://example.org/news/x/  NewsArticle+WebPage" in ok.output
    assert "2 pages checked: 0 errors" in ok.output
    assert runner.invoke(main, ["seo", str(tmp_path / "nope"), "--check"]).exit_code == 2
    assert runner.invoke(main, ["seo", str(root), "--replace-seo-tag"]).exit_code == 2


def test_cli_check_fails_on_errors(make_site, tmp_path, monkeypatch):
    """A page graph with an error makes ``--check`` exit 1 and name it."""
    import kg.seo.nodes

    root = make_site(tmp_path / "site", {"_posts/2021-01-01-x.md": "---\ntitle: X\n---\nText.\n"})
    monkeypatch.setattr(kg.seo.nodes, "HEADLINE_LIMIT", 0)  # a headline no check allows: "…"
    monkeypatch.setattr(kg.seo.nodes, "headline", lambda title: "y" * 200)
    result = CliRunner().invoke(main, ["seo", str(root), "--check", "-q"])
    assert result.exit_code == 1
    assert "headline longer than 110 characters" in result.output
