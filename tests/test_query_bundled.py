"""The bundled queries, each checked against its real answer on a small site.

The site is :mod:`query_site` (its docstring tabulates the front matter); each
expected answer below is worked out from that table by hand, not copied from
output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_site
from query_site import ORG, PROJECT, SITE_FILES, THEME

import kg
from kg.query import ParameterError, open_store, query
from kg.query.bundled import bundled_queries, parse_bundled

CHALMERS = "Chalmers University of Technology"  # the registry's English name for "Chalmers"
EXEMPEL = "Municipality of Exempel"  # the site registry's English name for "Exempel kommun"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    site = write_site(tmp_path_factory.mktemp("query") / "site", SITE_FILES)
    return open_store(kg.build(site))


def rows(store, name: str, **params) -> list[dict]:
    return query(store, name, **params).rows


def test_every_bundled_query_says_what_it_answers_and_declares_its_parameters() -> None:
    """Each .rq file starts with a one-line summary; the parameters it uses are declared."""
    queries = bundled_queries()
    assert set(queries) == {
        "clients-and-partners", "organisation-pairs", "organisations-by-projects", "organisations-wikidata",
        "platform-users", "posts-mentioning", "projects-per-year-and-theme", "projects-without-pages",
        "themes-over-time",
    }
    for bundled in queries.values():
        assert bundled.summary.endswith("."), bundled.name
        assert len(bundled.summary) <= 100, bundled.name
        for param in bundled.params:
            assert f"?{param.name} " in bundled.text, (bundled.name, param.name)
    assert [p.name for p in queries["clients-and-partners"].params] == ["org"]
    assert [p.name for p in queries["platform-users"].params] == ["platform"]
    assert [p.name for p in queries["posts-mentioning"].params] == ["org"]


def test_header_parsing_reads_defaults_and_required_parameters() -> None:
    """``@param name = "default": …`` is optional; ``@param name: …`` is required."""
    bundled = parse_bundled("x", '# What it does.\n# More.\n# @param org: who, e.g. "Nesta"\n'
                            '# @param lang = "en": language\n'
                            "SELECT ?org ?lang WHERE {}\n", "x.rq")
    assert bundled.summary == "What it does."
    assert bundled.description == "What it does.\nMore."
    assert [(p.name, p.default) for p in bundled.params] == [("org", None), ("lang", "en")]
    assert bundled.usage == 'kg query x --param org=… [--param lang="en"]'
    with pytest.raises(ValueError, match="must start with a comment"):
        parse_bundled("y", "SELECT * WHERE {}", "y.rq")


def test_a_required_parameter_declares_an_example_value() -> None:
    """``e.g. "…"`` ends a required parameter's description: docs, landing page and tests read it."""
    bundled = parse_bundled("x", '# What it does.\n# @param org: who, e.g. "Nesta"\nSELECT ?org WHERE {}\n', "x.rq")
    assert [(p.example, p.sample) for p in bundled.params] == [("Nesta", "Nesta")]
    with pytest.raises(ValueError, match=r"x\.rq: @param org is required, so its description must end with an example"):
        parse_bundled("x", "# What it does.\n# @param org: who\nSELECT ?org WHERE {}\n", "x.rq")
    for query_ in bundled_queries().values():
        assert all(p.example or p.default is not None for p in query_.params), query_.name


def test_organisations_by_projects(store) -> None:
    """Chalmers (beta, delta as client), Exempel (alpha client, delta partner), Nesta (beta partner,
    gamma client) and Open Source Politics (alpha, beta partner) have two projects each; Nordforsk
    funds one. Years: delta 2019; alpha 2020–2021; beta 2021; gamma 2022 (ongoing, no end: its start)."""
    got = [(r["name"], r["projects"], r["client"], r["partner"], r["funder"], r["firstYear"], r["lastYear"])
           for r in rows(store, "organisations-by-projects")]
    assert got == [
        (CHALMERS, 2, 2, 0, 0, 2019, 2021),
        (EXEMPEL, 2, 1, 1, 0, 2019, 2021),
        ("Nesta", 2, 1, 1, 0, 2021, 2022),
        ("Open Source Politics", 2, 0, 2, 0, 2020, 2021),
        ("Nordforsk", 1, 0, 0, 1, 2021, 2021),
    ]


@pytest.mark.parametrize("org", ["Open Source Politics", "open source POLITICS", "open-source-politics"])
def test_clients_and_partners_of_one_organisation(store, org: str) -> None:
    """Open Source Politics is a partner in alpha (client Exempel) and beta (client Chalmers, funder
    Nordforsk, partner Nesta); found by name in any case, or by its id."""
    got = [(r["project"], r["role"], r["otherName"], r["start"], r["end"]) for r in rows(store, "clients-and-partners",
                                                                                          org=org)]
    assert got == [
        (PROJECT + "alpha", "client", EXEMPEL, 2020, 2021),
        (PROJECT + "beta", "client", CHALMERS, 2021, 2021),
        (PROJECT + "beta", "funder", "Nordforsk", 2021, 2021),
        (PROJECT + "beta", "partner", "Nesta", 2021, 2021),
    ]
    assert {r["org"] for r in rows(store, "clients-and-partners", org=org)} == {org}


def test_clients_and_partners_by_another_spelling(store) -> None:
    """"Exempel kommun" (an alias) finds the municipality: alpha with OSP, delta with Chalmers;
    "Exempels kommun" (its Swedish name) gives the same rows."""
    expected = [(PROJECT + "delta", "client", CHALMERS), (PROJECT + "alpha", "partner", "Open Source Politics")]
    for spelling in ("Exempel kommun", "Exempels kommun"):
        assert [(r["project"], r["role"], r["otherName"])
                for r in rows(store, "clients-and-partners", org=spelling)] == expected


def test_the_site_organisation_takes_part_in_every_project(store) -> None:
    """The website's publisher (Exempellabbet) runs every project on its site, so its clients and
    partners are everyone's: 3 + 1 + 2 + 1 rows for alpha, beta, delta, gamma; omega has nobody."""
    got = {(r["project"].rsplit("/", 1)[1], r["role"], r["other"].rsplit("/", 1)[1])
           for r in rows(store, "clients-and-partners", org="Exempellabbet")}
    assert got == {
        ("alpha", "client", "exempel-kommun"), ("alpha", "partner", "open-source-politics"),
        ("beta", "client", "chalmers"), ("beta", "funder", "nordforsk"), ("beta", "partner", "nesta"),
        ("beta", "partner", "open-source-politics"),
        ("delta", "client", "chalmers"), ("delta", "partner", "exempel-kommun"),
        ("gamma", "client", "nesta"),
    }


def test_clients_and_partners_of_an_unknown_organisation_is_empty(store) -> None:
    assert rows(store, "clients-and-partners", org="Nobody at all") == []


def test_organisation_pairs(store) -> None:
    """alpha pairs Exempel–OSP; delta pairs Chalmers–Exempel; beta's four organisations make six
    pairs; gamma has one organisation. Each pair once, by the names of its two sides."""
    got = [(r["aName"], r["bName"], r["projects"], r["firstYear"], r["lastYear"])
           for r in rows(store, "organisation-pairs")]
    assert got == [
        (CHALMERS, EXEMPEL, 1, 2019, 2019),
        (CHALMERS, "Nesta", 1, 2021, 2021),
        (CHALMERS, "Nordforsk", 1, 2021, 2021),
        (CHALMERS, "Open Source Politics", 1, 2021, 2021),
        (EXEMPEL, "Open Source Politics", 1, 2020, 2021),
        ("Nesta", "Nordforsk", 1, 2021, 2021),
        ("Nesta", "Open Source Politics", 1, 2021, 2021),
        ("Nordforsk", "Open Source Politics", 1, 2021, 2021),
    ]


@pytest.mark.parametrize("platform", ["Decidim", "decidim"])
def test_platform_users(store, platform: str) -> None:
    """Only alpha links to decidim.org: its client (a municipality) and partner (a company)."""
    got = [(r["project"], r["name"], r["role"], r["kind"], r["start"], r["end"])
           for r in rows(store, "platform-users", platform=platform)]
    assert got == [
        (PROJECT + "alpha", EXEMPEL, "client", "municipality", 2020, 2021),
        (PROJECT + "alpha", "Open Source Politics", "partner", "company", 2020, 2021),
    ]


def test_which_municipalities_use_decidim(store) -> None:
    """The researcher's question from the issue, answered by filtering one bundled query's rows."""
    users = rows(store, "platform-users", platform="Decidim")
    assert {r["name"] for r in users if r.get("kind") == "municipality"} == {EXEMPEL}


def test_projects_per_year_and_theme(store) -> None:
    """delta 2019 (no theme), alpha 2020 (budget, decidim), beta 2021 (budget), gamma 2022 (no
    theme); omega has no year and is left out."""
    got = [(r["year"], r.get("label"), r["projects"]) for r in rows(store, "projects-per-year-and-theme")]
    assert got == [
        (2019, None, 1),
        (2020, "Decidim", 1),
        (2020, "Participatory budgeting", 1),
        (2021, "Participatory budgeting", 1),
        (2022, None, 1),
    ]


@pytest.mark.parametrize(("org", "posts"), [
    ("Nesta", ["https://example.org/news/nesta/"]),
    ("Open Source Politics", ["https://example.org/news/osp/"]),
    ("Chalmers", []),
])
def test_posts_mentioning(store, org: str, posts: list[str]) -> None:
    """Each post links to one organisation; no post names Chalmers."""
    got = rows(store, "posts-mentioning", org=org)
    assert [r["post"] for r in got] == posts
    if posts:
        assert got[0]["headline"] in ("Nesta and us", "Working with Open Source Politics")
        assert got[0]["language"] == "en"


def test_themes_over_time(store) -> None:
    """The 2021 post is about budget; the 2022 post about budget and decidim."""
    got = [(r["theme"], r["label"], r["year"], r["posts"]) for r in rows(store, "themes-over-time")]
    assert got == [
        (THEME + "decidim", "Decidim", 2022, 1),
        (THEME + "budget", "Participatory budgeting", 2021, 1),
        (THEME + "budget", "Participatory budgeting", 2022, 1),
    ]


def test_projects_without_pages(store) -> None:
    """omega is only named in the 2021 post's clients: (dangling); delta has a file but is not
    published (no page). alpha, beta and gamma have pages."""
    got = [(r["project"], r["problem"], r.get("source"), r.get("referencedBy"))
           for r in rows(store, "projects-without-pages")]
    assert got == [
        (PROJECT + "omega", "dangling", None, "_posts/2021-03-01-osp.md"),
        (PROJECT + "delta", "no page", "_clients/delta.md", None),
    ]


def test_organisations_wikidata(store) -> None:
    """Only the site registry's Exempel kommun has a QID (Q1); the rest follow by name."""
    got = [(r["name"], r.get("wikidata"), r["linked"]) for r in rows(store, "organisations-wikidata")]
    assert got == [
        (EXEMPEL, "http://www.wikidata.org/entity/Q1", True),
        (CHALMERS, None, False),
        ("Exempellabbet", None, False),
        ("Nesta", None, False),
        ("Nordforsk", None, False),
        ("Open Source Politics", None, False),
    ]
    assert all(r["organisation"].startswith(ORG) for r in rows(store, "organisations-wikidata"))


def test_a_required_parameter_must_be_given(store) -> None:
    with pytest.raises(ParameterError, match=r"clients-and-partners needs --param org="):
        query(store, "clients-and-partners")


def test_a_bundled_query_refuses_parameters_it_does_not_take(store) -> None:
    with pytest.raises(ParameterError, match=r"takes org; not organisation"):
        query(store, "clients-and-partners", organisation="Nesta")


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_bundled_queries_run_on_the_example_site(name: str) -> None:
    """Every bundled query also runs on the shipped example site (content/) without error."""
    content = Path(__file__).resolve().parents[1] / "content"
    store = _example_store(content)
    params = {p.name: p.sample for p in bundled_queries()[name].params}
    result = query(store, name, **params)
    assert result.kind == "select"
    if any(p.example for p in bundled_queries()[name].params):  # the header's example finds something
        assert len(result) > 0, (name, params)


_STORES: dict[Path, object] = {}


def _example_store(content: Path):
    if content not in _STORES:
        _STORES[content] = open_store(content)
    return _STORES[content]
