"""Values a content file can hold that used to stop a whole build: each is now a diagnostic.

Every test writes a small site with one bad value beside a good project page,
builds it, and checks that the build wrote every output, that the graph parses
and still holds the good page, and that the bad value gave a diagnostic naming
its file and line (or was made valid the way a browser makes it valid: a ``%``
that starts no percent-encoding is sent as ``%25``). Each case was a traceback
before (``ValueError: Invalid IRI percent encoding``, ``OverflowError``); the
fuzzer in ``test_fuzz.py`` found the ones not named in issue 13.

The last tests run ``kg seo``, ``kg report`` and ``kg serve`` on one site holding
all of these values at once: each builds the site first, and each must finish.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from conftest import DEFAULT_CONFIG, write_site
from pyoxigraph import Literal, NamedNode, RdfFormat, parse

import kg
from kg.cli import main
from kg.export import OUTPUTS

SITE = "https://example.org"
GOOD = "---\ntitle: Good project\nref: good\nclient: Göteborgs Stad\nyear: 2020-2021\n---\nSurvives.\n"
TZ_CONFIG = DEFAULT_CONFIG.replace("lang: sv", "lang: sv\n    timezone: Europe/Stockholm")
POST = "_posts/2021-05-11-nyhet.md"
SCHEMA = "http://schema.org/"


def build(tmp_path: Path, files: dict[str, str]):
    site = write_site(tmp_path / "site", {"_clients/good.md": GOOD, **files})
    out = tmp_path / "out"
    result = kg.build(site, out)
    for name in OUTPUTS:
        assert (out / name).is_file(), f"{name} not written"
    quads = list(parse((out / "graph.nq").read_bytes(), format=RdfFormat.N_QUADS))
    subjects = {q.subject for q in quads}
    assert NamedNode(f"{result.site.config.base}/kg/project/good") in subjects
    return result, quads


def found(result, kind: str) -> list[tuple[str, int | None]]:
    return [(d.file, d.line) for d in result.diagnostics if d.kind == kind]


def objects(quads, subject: str, predicate: str) -> set:
    return {q.object for q in quads if q.subject == NamedNode(subject) and q.predicate == NamedNode(predicate)}


# -- a '%' that starts no percent-encoding --------------------------------------------------------
@pytest.mark.parametrize("permalink, iri", [
    ("/100%/", f"{SITE}/100%25/"),
    ("'/{% include x %}/'", f"{SITE}/%7B%25%20include%20x%20%25%7D/"),
    ("/a%zz/", f"{SITE}/a%25zz/"),
    ("/%/", f"{SITE}/%25/"),
    ("/50%25/", f"{SITE}/50%25/"),  # a real percent-encoding stays as it is
])
def test_a_lone_percent_in_a_permalink_is_a_warning_and_the_page_iri_writes_it_as_25(tmp_path, permalink, iri):
    result, quads = build(tmp_path, {"_clients/p.md": f"---\ntitle: P\npermalink: {permalink}\n---\nText.\n"})
    assert objects(quads, iri, SCHEMA + "url") == {NamedNode(iri)}
    lone = "%25" not in permalink
    assert found(result, "bad-permalink") == ([("_clients/p.md", 3)] if lone else [])


def test_a_lone_percent_in_a_collection_permalink_of_the_config_is_said_once(tmp_path):
    config = DEFAULT_CONFIG.replace("      clients:\n        output: true\n        permalink: /:title/",
                                    "      clients:\n        output: true\n        permalink: /100%/:title/")
    result, quads = build(tmp_path, {"_config.yml": config, "_clients/p.md": "---\ntitle: P\n---\n"})
    assert found(result, "bad-permalink") == [("_config.yml", 5)]
    assert objects(quads, f"{SITE}/100%25/p/", SCHEMA + "url") == {NamedNode(f"{SITE}/100%25/p/")}


def test_a_lone_percent_in_baseurl_is_read_as_25_with_a_warning_naming_its_line(tmp_path):
    config = DEFAULT_CONFIG.replace("lang: sv", 'lang: sv\n    baseurl: "/a%zz"')
    result, quads = build(tmp_path, {"_config.yml": config})
    assert ("_config.yml", 4) in found(result, "bad-config")
    assert NamedNode(f"{SITE}/a%25zz/#website") in {q.subject for q in quads}


def test_a_lone_percent_in_the_site_url_is_read_as_25_with_a_warning_naming_its_line(tmp_path):
    config = DEFAULT_CONFIG.replace("url: https://example.org", 'url: "https://example.org/%zz"')
    site = write_site(tmp_path / "site", {"_config.yml": config, "_clients/good.md": GOOD})
    result = kg.build(site, tmp_path / "out")
    assert ("_config.yml", 2) in found(result, "bad-config")
    assert NamedNode("https://example.org/%25zz/kg/project/good") in {t.subject for t in result.graph.triples}


@pytest.mark.parametrize("url", ["https://example.org:port", "https://[zz]/", "https://exa mple.org:8o/",
                                 "https://[::1"])
def test_a_site_url_no_iri_can_be_made_from_falls_back_to_the_default_with_a_warning(tmp_path, url):
    config = DEFAULT_CONFIG.replace("url: https://example.org", f'url: "{url}"')
    site = write_site(tmp_path / "site", {"_config.yml": config, "_clients/good.md": GOOD})
    result = kg.build(site, tmp_path / "out")
    assert ("_config.yml", 2) in found(result, "bad-config")
    assert NamedNode("http://localhost:4000/kg/project/good") in {t.subject for t in result.graph.triples}


def test_a_lone_percent_in_a_link_and_an_image_is_a_warning_and_the_image_iri_writes_it_as_25(tmp_path):
    page = ("---\ntitle: P\nimage: /bild%.png\nlinks:\n- url: https://decidim.org/%zz\n  title: Decidim\n---\n"
            "Text.\n")
    result, quads = build(tmp_path, {"_clients/p.md": page})
    assert found(result, "bad-url") == [("_clients/p.md", 3), ("_clients/p.md", 4)]
    assert objects(quads, f"{SITE}/kg/project/p", SCHEMA + "image") == {NamedNode(f"{SITE}/bild%25.png")}


@pytest.mark.parametrize("permalink", ["'/[x]/'", "'/a#b#c/'", "'/a\\x01b/'", "'/\\t/'", "'/a?b#c#d/'",
                                       "'/\\uffff/'", "'/\\ufdd0/'", "'/\\ue000/'", "'/\\U0001fffe/'"])
def test_a_permalink_no_iri_path_can_hold_gives_a_page_with_a_valid_iri(tmp_path, permalink):
    _, quads = build(tmp_path, {"_clients/p.md": f'---\ntitle: P\npermalink: "{permalink[1:-1]}"\n---\n'})
    pages = {q.subject for q in quads if q.predicate == NamedNode(SCHEMA + "mainEntity")
             and q.object == NamedNode(f"{SITE}/kg/project/p")}
    assert len(pages) == 1  # parsed back from N-Quads: a valid IRI


@pytest.mark.parametrize("url", ["https://[zz/", "http://[::1", "https://[1::2::3]/"])
def test_a_link_whose_host_no_url_parser_can_read_is_a_warning_and_dropped(tmp_path, url):
    page = f"---\ntitle: P\nlinks:\n- url: '{url}'\n  title: X\n- url: https://decidim.org\n  title: D\n---\n"
    result, _ = build(tmp_path, {"_clients/p.md": page})
    assert found(result, "bad-url") == [("_clients/p.md", 3)]


@pytest.mark.parametrize("key, value, line", [("logo", "'http://[zz'", 4), ("image", "'http://[zz'", 3)])
def test_an_image_or_logo_whose_host_no_url_parser_can_read_is_a_warning(tmp_path, key, value, line):
    if key == "logo":
        files = {"_config.yml": DEFAULT_CONFIG.replace("lang: sv", f"lang: sv\n    logo: {value}")}
        where = "_config.yml"
    else:
        files = {"_clients/p.md": f"---\ntitle: P\nimage: {value}\n---\n"}
        where = "_clients/p.md"
    result, _ = build(tmp_path, files)
    assert (where, line) in found(result, "bad-config") + found(result, "bad-url")


# -- dates no xsd:dateTime can say ------------------------------------------------------------------
@pytest.mark.parametrize("config", [DEFAULT_CONFIG, TZ_CONFIG], ids=["no time zone", "Europe/Stockholm"])
@pytest.mark.parametrize("date", ["9999-12-31 23:59:59 -01:00", "'9999-12-31 23:59:59 -01:00'",
                                  "0001-01-01 00:00:00 +01:00", "'0001-01-01 00:30:00 +05:00'"])
def test_a_date_outside_the_years_1_to_9999_once_its_offset_is_applied_is_a_bad_date(tmp_path, config, date):
    result, quads = build(tmp_path, {"_config.yml": config, POST: f"---\ntitle: Nyhet\ndate: {date}\n---\nText.\n"})
    assert found(result, "bad-date") == [(POST, 3)]
    published = objects(quads, f"{SITE}/news/nyhet/", SCHEMA + "datePublished")
    assert published == {Literal("2021-05-11", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date"))}


def test_a_late_date_west_of_utc_that_stays_in_year_9999_is_read(tmp_path):
    result, _ = build(tmp_path, {POST: "---\ntitle: Nyhet\ndate: '9999-12-31 22:59:59 -01:00'\n---\n"})
    assert found(result, "bad-date") == []
    (post,) = [d for d in result.site.documents if d.path == POST]
    assert post.date.isoformat() == "9999-12-31T22:59:59-01:00"


@pytest.mark.parametrize("date", ["2020-01-01 00:00:00 +24:00", "'2020-01-01 00:00:00 +99:00'",
                                  "'2020-01-01 00:00:00 -25:00'", "'2020-01-01 00:00:00 +01:60'"])
def test_an_offset_no_time_zone_has_is_a_bad_date(tmp_path, date):
    result, _ = build(tmp_path, {POST: f"---\ntitle: Nyhet\ndate: {date}\n---\n"})
    assert found(result, "bad-date") == [(POST, 3)]


def test_a_date_in_local_mean_time_is_stated_in_utc_as_xsd_writes_offsets_in_minutes(tmp_path):
    _, quads = build(tmp_path, {"_config.yml": TZ_CONFIG,
                                "_posts/1800-01-01-gammal.md": "---\ntitle: G\ndate: 1800-01-01 12:00:00\n---\n"})
    (published,) = objects(quads, f"{SITE}/news/gammal/", SCHEMA + "datePublished")
    assert published.value == "1800-01-01T12:00:00+00:00"


@pytest.mark.parametrize("zone", ["America", "'" + "x" * 5000 + "'", "'../../etc/passwd'", "'a\\0b'", "zone1970.tab"])
def test_a_timezone_that_names_no_zone_is_a_warning_and_dates_stay_as_written(tmp_path, zone):
    config = DEFAULT_CONFIG.replace("lang: sv", f"lang: sv\n    timezone: {zone}")
    result, quads = build(tmp_path, {"_config.yml": config, POST: "---\ntitle: N\ndate: 2021-05-11 10:00:00\n---\n"})
    assert [d for d in result.diagnostics if d.kind == "bad-config" and "timezone" in d.message]
    (published,) = objects(quads, f"{SITE}/news/nyhet/", SCHEMA + "datePublished")
    assert published.value == "2021-05-11T10:00:00+00:00"


# -- what passed silently ---------------------------------------------------------------------------
def test_a_key_given_twice_in_front_matter_is_a_warning_on_the_second_line_and_the_later_value_wins(tmp_path):
    result, quads = build(tmp_path, {"_clients/p.md": "---\ntitle: First\nref: p\ntitle: Second\n---\n"})
    assert found(result, "duplicate-key") == [("_clients/p.md", 4)]
    names = {o.value for o in objects(quads, f"{SITE}/kg/project/p", SCHEMA + "name")}
    assert names == {"Second"}


def test_a_key_given_twice_in_a_nested_mapping_is_a_warning_on_its_line(tmp_path):
    page = "---\ntitle: P\nlinks:\n- url: https://decidim.org\n  url: https://consul.org\n---\n"
    result, _ = build(tmp_path, {"_clients/p.md": page})
    assert found(result, "duplicate-key") == [("_clients/p.md", 5)]


def test_a_key_given_twice_in_the_config_is_a_warning_naming_its_line(tmp_path):
    config = DEFAULT_CONFIG.replace("lang: sv", "lang: sv\n    title: Andra titeln")
    result, _ = build(tmp_path, {"_config.yml": config})
    assert found(result, "duplicate-key") == [("_config.yml", 4)]
    assert result.site.config.title == "Andra titeln"


@pytest.mark.parametrize("value", ["..", "/etc", "no_such_folder"])
def test_a_collections_dir_that_is_no_folder_of_the_site_is_a_warning_and_the_top_folder_is_read(tmp_path, value):
    config = DEFAULT_CONFIG.replace("lang: sv", f"lang: sv\n    collections_dir: {value}")
    result, _ = build(tmp_path, {"_config.yml": config, "_clients/top.md": "---\ntitle: Top\n---\n"})
    assert found(result, "bad-config") == [("_config.yml", 4)]
    assert "_clients/top.md" in [d.path for d in result.site.documents if d.collection == "clients"]


@pytest.mark.parametrize("baseurl, read", [("../..", ""), ("/blog/../admin", "/blog/admin"), ("./x", "/x")])
def test_a_baseurl_with_dot_segments_is_a_warning_and_read_without_them(tmp_path, baseurl, read):
    config = DEFAULT_CONFIG.replace("lang: sv", f'lang: sv\n    baseurl: "{baseurl}"')
    result, quads = build(tmp_path, {"_config.yml": config})
    assert ("_config.yml", 4) in found(result, "bad-config")
    assert result.site.config.baseurl == read
    assert all(".." not in q.subject.value for q in quads if isinstance(q.subject, NamedNode))


@pytest.mark.parametrize("word", ["off", "on", "yes", "OFF"])
def test_a_yaml_boolean_word_as_lang_is_a_warning_and_the_site_language_is_used(tmp_path, word):
    result, quads = build(tmp_path, {"_clients/p.md": f"---\ntitle: P\nlang: {word}\n---\n"})
    assert found(result, "bad-type") == [("_clients/p.md", 3)]
    assert {o.language for o in objects(quads, f"{SITE}/kg/project/p", SCHEMA + "name")} == {"sv"}


def test_lang_no_stays_norwegian_without_a_warning(tmp_path):
    result, quads = build(tmp_path, {"_clients/p.md": "---\ntitle: P\nlang: no\n---\n"})
    assert found(result, "bad-type") == []
    assert {o.language for o in objects(quads, f"{SITE}/kg/project/p", SCHEMA + "name")} == {"no"}


# -- the commands that build first ------------------------------------------------------------------
ALL_AT_ONCE = {
    "_config.yml": TZ_CONFIG.replace("lang: sv", 'lang: sv\n    baseurl: "/a%zz"\n    collections_dir: x'),
    "_clients/good.md": GOOD,
    "_clients/percent.md": "---\ntitle: '100%'\npermalink: /100%/\nimage: /a%zz.png\n---\n[x](https://x.org/%zz)\n",
    "_clients/liquid.md": "---\ntitle: Liquid\npermalink: '/{% include x %}/'\nlang: off\n---\n",
    "_clients/twice.md": "---\ntitle: A\ntitle: B\nclient: '%zz'\npartners: ['100%', '\\u0000']\n---\n",
    "_posts/2021-05-11-late.md": "---\ntitle: Late\ndate: 9999-12-31 23:59:59 -01:00\nclients: _clients/good.md\n---\n",
    "_posts/2021-05-12-early.md": "---\ntitle: Early\ndate: '0001-01-01 00:00:00 +05:00'\n---\n",
    "_posts/1800-01-01-old.md": "---\ntitle: Old\ndate: 1800-01-01 12:00:00\n---\n",
}


def test_kg_build_on_a_site_with_every_bad_value_writes_its_outputs(tmp_path):
    site = write_site(tmp_path / "site", ALL_AT_ONCE)
    result = CliRunner().invoke(main, ["build", str(site), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    for name in OUTPUTS:
        assert (tmp_path / "out" / name).is_file()


def test_kg_seo_on_a_site_with_every_bad_value_writes_json_ld_for_every_page(tmp_path):
    site = write_site(tmp_path / "site", ALL_AT_ONCE)
    out = tmp_path / "seo"
    result = CliRunner().invoke(main, ["seo", str(site), "--out", str(out), "--check"])
    assert result.exit_code in (0, 1), result.output  # 1: --check found errors, which it reports
    assert "Traceback" not in result.output
    documents = list(out.rglob("*.jsonld"))
    assert len(documents) >= 4
    for path in documents:
        json.loads(path.read_text(encoding="utf-8"))


def test_kg_report_on_a_site_with_every_bad_value_writes_its_report(tmp_path):
    site = write_site(tmp_path / "site", ALL_AT_ONCE)
    out = tmp_path / "report"
    result = CliRunner().invoke(main, ["report", str(site), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "report.html").is_file()


def test_kg_serve_on_a_site_with_every_bad_value_answers_queries_and_serves_its_pages(tmp_path):
    from kg.serve import start

    site = write_site(tmp_path / "site", ALL_AT_ONCE)
    server = start(site, port=0, background=True, quiet=True, workers=1)
    try:
        host, port = server.server_address[:2]
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
        with urllib.request.urlopen(f"http://{host}:{port}/sparql?{query}", timeout=60) as response:
            answer = json.loads(response.read())
        assert int(answer["results"]["bindings"][0]["n"]["value"]) > 0
        request = urllib.request.Request(f"http://{host}:{port}/a%25zz/kg/project/good",
                                         headers={"Accept": "text/turtle"})
        with urllib.request.urlopen(request, timeout=60) as response:
            assert response.status == 200 and b"Good project" in response.read()
    finally:
        server.shutdown()
        server.close()


def test_a_registry_homepage_or_a_body_link_no_url_can_have_is_no_crash(tmp_path):
    """``homepage: 'http://[zz'`` in the site's registry, and a post linking to ``http://[zz``: the build
    goes on, the entry is still the client, and the link names nothing."""
    site = write_site(tmp_path, {
        "_data/kg/registry.yml": "organisations:\n  x:\n    name: Exempel X\n    homepage: 'http://[zz'\n",
        "_clients/p.md": "---\ntitle: P\nclient: Exempel X\n---\n",
        "_posts/2021-01-01-a.md": "---\ntitle: A\n---\nSee [this](http://[zz) and [that](http://[::1/x).\n",
    })
    result = kg.build(site)
    g = result.graph.graph()
    clients = list(g.objects(rdflib.URIRef("https://example.org/kg/project/p"),
                             rdflib.URIRef("https://digidemlab.org/kg/ontology#client")))
    assert clients == [rdflib.URIRef("https://example.org/kg/organisation/x")]
    article = rdflib.URIRef("https://example.org/news/a/")
    assert (article, rdflib.RDF.type, rdflib.URIRef("http://schema.org/NewsArticle")) in g
    assert list(g.objects(rdflib.URIRef("https://example.org/news/a/"), rdflib.URIRef("http://schema.org/mentions"))) \
        == []
