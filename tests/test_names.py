"""One rule for "the same organisation": the build, ``kg report --focus``, ``--param`` and the endpoint.

The build merges "Agera Göteborg" and "AGERA GOTEBORG" into one organisation because
their :func:`kg.names.normalise` keys are equal; so ``-p org="Agera Goteborg"``,
``--focus "agera-göteborg"`` and ``param-org=Agera+Goteborg`` on ``kg serve`` find it,
and a name that is not the same ("Agera Gothenburg") finds nothing in any of them.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from conftest import write_site

import kg
from kg.cli import main
from kg.names import normalise, same_name
from kg.query import open_store, query
from kg.query.bundled import bundled_queries
from kg.report import Options, ReportError, build_report

SITE = {
    "_clients/a.md": """
        ---
        title: Projekt A
        lang: sv
        client: Agera Göteborg
        partners: [Nesta]
        year: 2020
        ---
        Ett projekt på [Decidim](https://decidim.org).
        """,
    "_clients/b.md": """
        ---
        title: Projekt B
        lang: sv
        client: AGERA GOTEBORG
        partners: [Open Source Politics]
        year: 2021
        ---
        Ett projekt till.
        """,
}
SAME = ["Agera Göteborg", "Agera Goteborg", "agera göteborg", "AGERA  GÖTEBORG.", "Agera-Göteborg", "agera-goteborg"]
OTHER = ["Agera Gothenburg", "Agera", "Göteborg"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    return write_site(tmp_path_factory.mktemp("names") / "site", SITE)


@pytest.fixture(scope="module")
def built(site):
    return kg.build(site)


@pytest.fixture(scope="module")
def store(built):
    return open_store(built)


def partners_of(store, org: str) -> set[tuple[str, str]]:
    return {(row["projectName"], row["otherName"]) for row in query(store, "clients-and-partners", org=org).rows}


def test_the_rule_folds_case_accents_punctuation_and_spacing():
    assert {normalise(name) for name in SAME} == {"agera goteborg"}
    assert all(same_name(SAME[0], name) for name in SAME)
    assert not any(same_name(SAME[0], name) for name in OTHER)
    assert not same_name("", "") and not same_name("--", "..")  # an empty key names nothing


def test_the_build_merges_the_spellings_into_one_organisation(store):
    rows = query(store, "SELECT DISTINCT ?o WHERE { ?o a schema:Organization ; schema:name|schema:alternateName ?n "
                        "FILTER(kgo:sameName(?n, 'agera goteborg')) }").rows
    assert len(rows) == 1


@pytest.mark.parametrize("org", SAME)
def test_a_query_parameter_in_any_spelling_finds_what_the_build_merged(store, org):
    expected = {("Projekt A", "Nesta"), ("Projekt B", "Open Source Politics")}
    assert partners_of(store, org) == expected


@pytest.mark.parametrize("org", OTHER)
def test_a_query_parameter_that_is_another_name_finds_nothing(store, org):
    assert partners_of(store, org) == set()


def test_a_parameter_may_be_the_organisations_iri(store):
    [row] = query(store, "SELECT ?o WHERE { ?o a schema:Organization ; schema:name ?n "
                         "FILTER(kgo:sameName(?n, 'Agera Goteborg')) }").rows
    from pyoxigraph import NamedNode

    assert partners_of(store, NamedNode(row["o"])) == partners_of(store, "Agera Göteborg")


@pytest.mark.parametrize("platform", ["Decidim", "DECIDIM", "décidim", "decidim"])
def test_a_platform_in_any_case_or_accent(store, platform):
    assert {row["projectName"] for row in query(store, "platform-users", platform=platform).rows} == {"Projekt A"}


def test_the_command_line_parameter_follows_the_rule(site):
    result = CliRunner().invoke(main, ["query", "--site", str(site), "clients-and-partners", "-p",
                                       "org=Agera Goteborg", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 3  # the header and the two partners


@pytest.mark.parametrize("focus", SAME)
def test_report_focus_in_any_spelling_finds_the_same_organisation(built, focus):
    canonical = build_report(built, Options(focus="Agera Göteborg")).focus
    assert canonical is not None
    assert build_report(built, Options(focus=focus)).focus == canonical


@pytest.mark.parametrize("focus", OTHER)
def test_report_focus_that_is_another_name_is_an_error(built, focus):
    with pytest.raises(ReportError, match="no organisation in the graph's projects has that name"):
        build_report(built, Options(focus=focus))


def test_report_focus_on_the_command_line(site, tmp_path):
    ok = CliRunner().invoke(main, ["report", str(site), "--out", str(tmp_path / "r"), "--focus", "Agera Goteborg"])
    assert ok.exit_code == 0, ok.output
    other = CliRunner().invoke(main, ["report", str(site), "--out", str(tmp_path / "s"), "--focus", "Agera Gothenburg"])
    assert other.exit_code == 2 and other.stderr.startswith("error: --focus 'Agera Gothenburg'")


def test_the_endpoint_parameter_follows_the_rule(site):
    """``param-org`` of ``kg serve``'s /sparql runs in its worker processes through the same function."""
    from kg.serve import start

    server = start(site, port=0, background=True, quiet=True, workers=1)
    try:
        host, port = server.server_address[:2]
        sparql = bundled_queries()["clients-and-partners"].text

        def answer(org: str) -> set[tuple[str, str]]:
            url = f"http://{host}:{port}/sparql?" + urllib.parse.urlencode(
                {"query": sparql, "param-org": org, "format": "json"})
            with urllib.request.urlopen(url, timeout=30) as response:
                bindings = json.load(response)["results"]["bindings"]
            return {(b["projectName"]["value"], b["otherName"]["value"]) for b in bindings}

        expected = {("Projekt A", "Nesta"), ("Projekt B", "Open Source Politics")}
        for org in ("Agera Goteborg", "agera-göteborg", "AGERA GÖTEBORG"):
            assert answer(org) == expected, org
        assert answer("Agera Gothenburg") == set()
    finally:
        server.shutdown()
        server.close()
