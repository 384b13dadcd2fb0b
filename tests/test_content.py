"""The example site in ``content/``: it builds cleanly, and the questions the graph is for have answers.

The questions are asked the way a researcher would: SPARQL over the pyoxigraph
store of the build, whose default graph holds the union of the per-file named
graphs. The expected answers are read off the content files.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import kg

CONTENT = Path(__file__).resolve().parent.parent / "content"
BASE = "https://digidemlab.org/kg/"
PREFIXES = {
    "schema": "http://schema.org/",
    "kgo": "https://digidemlab.org/kg/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "project": BASE + "project/",
    "organisation": BASE + "organisation/",
    "platform": BASE + "platform/",
    "theme": BASE + "theme/",
}


@pytest.fixture(scope="module")
def result() -> kg.BuildResult:
    return kg.build(CONTENT)


@pytest.fixture(scope="module")
def store(result):
    return result.graph.store()


def select(store, query: str) -> list[dict[str, str]]:
    """Run a SELECT over the default graph (the union); each row as {variable: value or None}."""
    solutions = store.query(query, prefixes=PREFIXES)
    names = [v.value for v in solutions.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in solutions]


def test_the_example_site_builds_without_warnings(result):
    """Every file of ``content/`` is read and mapped without a single diagnostic."""
    assert result.diagnostics == []
    assert result.merges == []
    by_collection = result.report()["documents"]["by_collection"]
    assert by_collection == {"clients": 6, "crew": 1, "posts": 3, "themes": 4}


def test_projects_that_ran_on_decidim(store):
    """Chicago's and Göteborg Stad's projects ran on Decidim (their themes link to decidim.org); COLDIGIT did not."""
    rows = select(store, """
        SELECT ?project WHERE { ?project a schema:Project ; kgo:platform platform:decidim }
        """)
    assert {r["project"] for r in rows} == {BASE + "project/chicago", BASE + "project/goteborg-decidim"}


def test_who_the_decidim_projects_were_for_and_with(store):
    """Clients and partners: Chicago for Great Cities Institute with Open Source Politics;
    Göteborg Stad ("Göteborg Stad"/"City of Gothenburg" on the pages) both client and partner."""
    rows = select(store, """
        SELECT ?project ?client ?partner WHERE {
          ?project kgo:platform platform:decidim ; kgo:client ?client ; kgo:partner ?partner .
        }""")
    assert {(r["project"], r["client"], r["partner"]) for r in rows} == {
        (BASE + "project/chicago", BASE + "organisation/great-cities-institute",
         BASE + "organisation/open-source-politics"),
        (BASE + "project/goteborg-decidim", BASE + "organisation/goteborgs-stad",
         BASE + "organisation/goteborgs-stad"),
    }


def test_themes_and_years_of_the_decidim_projects(store):
    """Themes via ``schema:about`` (sv and en theme pages are one concept each) and the years they ran."""
    rows = select(store, """
        SELECT ?project ?theme ?start ?end ?ongoing WHERE {
          ?project kgo:platform platform:decidim ; schema:about ?theme ;
                   schema:startDate ?start ; kgo:ongoing ?ongoing .
          ?theme a skos:Concept .
          OPTIONAL { ?project schema:endDate ?end }
        }""")
    assert {(r["project"], r["theme"], r["start"], r["end"], r["ongoing"]) for r in rows} == {
        (BASE + "project/chicago", BASE + "theme/medborgarbudget", "2020", "2021", "false"),
        (BASE + "project/chicago", BASE + "theme/decidim", "2020", "2021", "false"),
        (BASE + "project/goteborg-decidim", BASE + "theme/decidim", "2024", None, "true"),  # "2024 - pågående"
    }


def test_the_decidim_projects_are_one_project_each_in_two_languages(store):
    """Each project has its Swedish and English page, and a name in each language."""
    rows = select(store, """
        SELECT ?project (COUNT(DISTINCT ?page) AS ?pages) (GROUP_CONCAT(DISTINCT LANG(?name); separator=",") AS ?langs)
        WHERE { ?project a schema:Project ; kgo:platform platform:decidim ; schema:subjectOf ?page ; schema:name ?name }
        GROUP BY ?project
        """)
    assert {(r["project"], r["pages"], ",".join(sorted(r["langs"].split(",")))) for r in rows} == {
        (BASE + "project/chicago", "2", "en,sv"),
        (BASE + "project/goteborg-decidim", "2", "en,sv"),
    }


def test_news_about_the_chicago_project(store):
    """Both Chicago posts mention the project, Decidim and Open Source Politics, and are translations."""
    rows = select(store, """
        SELECT ?article ?lang WHERE {
          ?article a schema:NewsArticle ; schema:inLanguage ?lang ;
                   schema:mentions project:chicago, platform:decidim, organisation:open-source-politics .
        }""")
    assert {(r["article"], r["lang"]) for r in rows} == {
        ("https://digidemlab.org/chicagos-medborgarbudget-flyttar-in-pa-decidim/", "sv"),
        ("https://digidemlab.org/news/chicago-takes-participatory-budget-online/", "en"),
    }
    pairs = select(store, "SELECT ?a ?b WHERE { ?a schema:workTranslation ?b . ?a a schema:NewsArticle }")
    assert pairs == [{"a": "https://digidemlab.org/chicagos-medborgarbudget-flyttar-in-pa-decidim/",
                      "b": "https://digidemlab.org/news/chicago-takes-participatory-budget-online/"}]


def test_the_crew_member_works_for_digidem_lab_without_contact_details(store):
    """The crew page is a person working for the site's organisation; no e-mail or telephone by default."""
    rows = select(store, """
        SELECT ?person ?org ?contact WHERE {
          ?person a schema:Person ; schema:worksFor ?org .
          OPTIONAL { ?person schema:email|schema:telephone ?contact }
        }""")
    assert rows == [{"person": BASE + "person/alva-exempelsson", "org": BASE + "organisation/digidem-lab",
                     "contact": None}]


def test_the_readme_example_query_gives_the_documented_rows(store):
    """The SPARQL example in README.md, run on the example site, prints exactly the rows the README shows."""
    readme = CONTENT.parent / "README.md"
    if not readme.is_file():
        pytest.skip("no README.md")
    text = readme.read_text(encoding="utf-8")
    match = re.search(r"```sparql\n(.*?)```\s*```python\n(.*?)```", text, re.DOTALL)
    assert match, "README has no example query followed by its Python usage"
    query, usage = match.groups()
    documented = [ast.literal_eval(line.lstrip()[2:]) for line in usage.splitlines() if line.lstrip().startswith("# [")]
    assert documented, "README shows no result rows"
    rows = [[term.value if term is not None else None for term in row] for row in store.query(query)]
    assert rows == documented
