"""The map stage: what each kind of document says in the graph.

Projects (``_clients``), news posts (``_posts``), themes (``_themes``) and crew
(``_crew``) each have their own mapping; messy values become warnings, never a
crash and never a guess. Expected triples are written out by hand from the input.
"""

from __future__ import annotations

import json

import pytest
import rdflib
from namespaces import KGO, ORGANISATION, PERSON, PROJECT, SCHEMA, SITE, SKOS, THEME
from rdflib import RDF, XSD, Literal, URIRef

import kg

SITE_ORG = ORGANISATION["exempellabbet"]  # the default test site's title, not in the registry


def build(site, **kwargs) -> tuple[kg.BuildResult, rdflib.Graph]:
    result = kg.build(site, **kwargs)
    return result, result.graph.graph()


def kinds(result: kg.BuildResult) -> list[str]:
    return [d.kind for d in result.diagnostics]


def page(path: str) -> URIRef:
    return URIRef(SITE + path)


# -- project years ------------------------------------------------------------------------------


@pytest.mark.parametrize(("year", "start", "end", "ongoing"), [
    (2021, "2021", "2021", False),          # a number: one year, begun and ended
    ("2020", "2020", "2020", False),
    ("2020-2021", "2020", "2021", False),
    ("2019-", "2019", None, True),           # an open range is still running
    ("2019 - ", "2019", None, True),
    ("2024 - pågående", "2024", None, True),  # "ongoing" in Swedish
    ("2024 – ongoing", "2024", None, True),   # en dash
    ("2025 - 2026.", "2025", "2026", False),  # a stray full stop
    ([2019, 2020, 2021], "2019", "2021", False),  # a list of years: from the first to the last
    ("2021–22", "2021", "2022", False),      # the end year's last two digits
    ("2020/21", "2020", "2021", False),      # an academic year
    ("2019 to 2021", "2019", "2021", False),
    ("since 2023", "2023", None, True),      # a word for "since": begun then, still running
    ("seit 2022", "2022", None, True),
    ("desde 2023", "2023", None, True),
    ("depuis 2021", "2021", None, True),
    ("2020 alkaen", "2020", None, True),     # Finnish puts it after the year
])
def test_year_ranges(make_site, tmp_path, year, start, end, ongoing):
    """``year`` becomes ``schema:startDate``/``endDate`` (``xsd:gYear``) and ``kgo:ongoing``."""
    value = json.dumps(year, ensure_ascii=False)  # JSON strings and numbers are valid YAML
    site = make_site(tmp_path, {"_clients/p.md": f"---\ntitle: P\nyear: {value}\n---\n"})
    result, g = build(site)
    assert result.diagnostics == []
    project = PROJECT["p"]
    assert set(g.objects(project, SCHEMA.startDate)) == {Literal(start, datatype=XSD.gYear)}
    assert set(g.objects(project, SCHEMA.endDate)) == ({Literal(end, datatype=XSD.gYear)} if end else set())
    assert set(g.objects(project, KGO.ongoing)) == {Literal(ongoing)}


@pytest.mark.parametrize("year", ["sometime", "2021-2019", "2021-19", "since then", "[2020, later]"])
def test_a_year_that_is_no_range_is_a_warning_and_no_dates(make_site, tmp_path, year):
    """Text that is no range of years (or a range that ends before it starts) is reported, never guessed."""
    site = make_site(tmp_path, {"_clients/p.md": f"---\ntitle: P\nyear: {year}\n---\n"})
    result, g = build(site)
    [warning] = result.diagnostics
    assert (warning.kind, warning.file, warning.line) == ("bad-year-range", "_clients/p.md", 3)
    for predicate in (SCHEMA.startDate, SCHEMA.endDate, KGO.ongoing):
        assert list(g.objects(PROJECT["p"], predicate)) == []
    assert (PROJECT["p"], RDF.type, SCHEMA.Project) in g


# -- one project, two languages -----------------------------------------------------------------

SV_PAGE = """\
    ---
    title: Medborgarbudget i Exempelstad
    ref: exempel
    lang: sv
    excerpt: Ett projekt om medborgarbudget.
    ---
    """
EN_PAGE = """\
    ---
    title: Participatory budget in Example City
    ref: exempel
    lang: en
    excerpt: A project about participatory budgeting.
    ---
    """


def test_sv_and_en_pages_of_one_ref_are_one_project(make_site, tmp_path):
    """Pages sharing a ``ref`` describe ONE ``schema:Project``, named in each page's language."""
    site = make_site(tmp_path, {"_clients/exempel.md": SV_PAGE, "_clients/example-en.md": EN_PAGE})
    result, g = build(site)
    assert result.diagnostics == []
    assert set(g.subjects(RDF.type, SCHEMA.Project)) == {PROJECT["exempel"]}
    project = PROJECT["exempel"]
    assert set(g.objects(project, SCHEMA.name)) == {
        Literal("Medborgarbudget i Exempelstad", lang="sv"),
        Literal("Participatory budget in Example City", lang="en"),
    }
    assert set(g.objects(project, SCHEMA.description)) == {
        Literal("Ett projekt om medborgarbudget.", lang="sv"),
        Literal("A project about participatory budgeting.", lang="en"),
    }
    sv, en = page("/exempel/"), page("/example-en/")
    assert set(g.objects(project, SCHEMA.subjectOf)) == {sv, en}
    assert (sv, SCHEMA.mainEntity, project) in g and (en, SCHEMA.mainEntity, project) in g
    assert (project, KGO.ref, Literal("exempel")) in g


@pytest.mark.parametrize(("site_lang", "original", "translation"), [
    ("sv", "/exempel/", "/example-en/"),
    ("en", "/example-en/", "/exempel/"),
])
def test_the_page_in_the_site_language_is_the_original(make_site, tmp_path, site_lang, original, translation):
    """The original has ``schema:workTranslation`` to the other page, which has ``translationOfWork`` back."""
    config = f"url: {SITE}\nlang: {site_lang}\ncollections:\n  clients: {{output: true, permalink: /:title/}}\n"
    site = make_site(tmp_path, {"_config.yml": config, "_clients/exempel.md": SV_PAGE,
                                "_clients/example-en.md": EN_PAGE})
    _, g = build(site)
    assert set(g.subject_objects(SCHEMA.workTranslation)) == {(page(original), page(translation))}
    assert set(g.subject_objects(SCHEMA.translationOfWork)) == {(page(translation), page(original))}


# -- news posts ---------------------------------------------------------------------------------

POST_SITE = {
    "_clients/exempel.md": SV_PAGE,
    "_clients/example-en.md": EN_PAGE,
    "_themes/tema.md": "---\ntitle: Medborgarbudget\nref: tema\nlang: sv\n---\n",
    "_posts/2021-05-11-nyheten.md": """\
        ---
        title: Exempelstad inför medborgarbudget
        date: 2021-05-11 11:22:23 +0200
        lang: sv
        excerpt: Kort sammanfattning av nyheten.
        image: /uploads/en bild från mötet.jpg
        categories:
        - _themes/tema.md
        clients:
        - _clients/exempel.md
        ---
        Brödtexten.
        """,
    "_posts/2021-06-01-kort.md": """\
        ---
        title: Kort nyhet
        clients: _clients/example-en.md
        ---
        Det här första stycket är långt nog för att bli beskrivningen av nyheten.

        Ett andra stycke som inte kommer med.
        """,
}


def test_a_post_is_a_news_article_named_by_its_url(make_site, tmp_path):
    """A post is a ``schema:NewsArticle`` whose IRI is its page URL, with headline, date, language, text."""
    site = make_site(tmp_path, POST_SITE)
    result, g = build(site)
    assert result.diagnostics == []
    article = page("/news/nyheten/")
    assert (article, RDF.type, SCHEMA.NewsArticle) in g
    assert set(g.objects(article, SCHEMA.headline)) == {Literal("Exempelstad inför medborgarbudget", lang="sv")}
    assert set(g.objects(article, SCHEMA.datePublished)) == {
        Literal("2021-05-11T11:22:23+02:00", datatype=XSD.dateTime)}
    assert set(g.objects(article, SCHEMA.inLanguage)) == {Literal("sv")}
    assert set(g.objects(article, SCHEMA.description)) == {Literal("Kort sammanfattning av nyheten.", lang="sv")}
    assert set(g.objects(article, SCHEMA.image)) == {
        URIRef(f"{SITE}/uploads/en%20bild%20från%20mötet.jpg")}
    assert (article, SCHEMA.about, THEME["tema"]) in g
    assert (article, SCHEMA.mentions, PROJECT["exempel"]) in g
    assert (article, SCHEMA.publisher, SITE_ORG) in g


def test_every_page_states_its_own_url(make_site, tmp_path):
    """A page's ``schema:url`` is its canonical URL, which is also its IRI (map_page says so)."""
    site = make_site(tmp_path, POST_SITE)
    _, g = build(site)
    for path in ("/news/nyheten/", "/news/kort/", "/exempel/", "/example-en/", "/tema/"):
        assert (page(path), SCHEMA.url, page(path)) in g, path


def test_a_post_dated_only_by_its_file_name_has_an_xsd_date(make_site, tmp_path):
    """No ``date:`` key: ``datePublished`` is the file name's day as ``xsd:date``; the first paragraph describes it."""
    site = make_site(tmp_path, POST_SITE)
    _, g = build(site)
    article = page("/news/kort/")
    assert set(g.objects(article, SCHEMA.datePublished)) == {Literal("2021-06-01", datatype=XSD.date)}
    assert set(g.objects(article, SCHEMA.description)) == {
        Literal("Det här första stycket är långt nog för att bli beskrivningen av nyheten.", lang="sv")}
    # clients: as a single string, pointing at the English page: the same project
    assert set(g.objects(article, SCHEMA.mentions)) == {PROJECT["exempel"]}


def test_a_dangling_client_is_reported_with_the_closest_path_and_still_mentioned(make_site, tmp_path):
    """``clients: _clients/exampel.md`` (a typo): ``dangling-reference`` suggesting ``_clients/exempel.md``;
    the mention stays, pointing at the project IRI the missing file would have had."""
    site = make_site(tmp_path, {
        "_clients/exempel.md": SV_PAGE,
        "_posts/2021-05-11-x.md": "---\ntitle: X\nclients:\n- _clients/exampel.md\n---\n",
    })
    result, g = build(site)
    [warning] = result.diagnostics
    assert (warning.kind, warning.file, warning.line) == ("dangling-reference", "_posts/2021-05-11-x.md", 3)
    assert warning.suggestion == "_clients/exempel.md"
    assert "_clients/exampel.md" in warning.message
    assert set(g.objects(page("/news/x/"), SCHEMA.mentions)) == {PROJECT["exampel"]}


@pytest.mark.parametrize("target", ["../../etc/passwd", "../secret.md", "_themes/../../secret.md", "/etc/passwd"])
def test_a_path_out_of_the_site_is_refused_and_never_read(make_site, tmp_path, target):
    """A reference that leaves the site folder is an ``outside-site`` warning, and nothing is read from it."""
    (tmp_path / "secret.md").write_text("---\ntitle: Hemligt Tema\nref: hemligt\n---\nHemlig text\n")
    site = make_site(tmp_path / "site", {
        "_posts/2021-05-11-x.md": f"---\ntitle: X\ncategories: [{target}]\n---\n",
    })
    result, g = build(site)
    [warning] = result.diagnostics
    assert (warning.kind, warning.file, warning.line) == ("outside-site", "_posts/2021-05-11-x.md", 3)
    assert list(g.objects(page("/news/x/"), SCHEMA.about)) == []
    everything = g.serialize(format="nt")
    assert "Hemlig" not in everything and "hemligt" not in everything


def test_links_to_the_sites_own_pages_are_about_and_mentions(make_site, tmp_path):
    """A post's link to one of the site's theme pages (by URL, path or an old ``redirect_from`` address) makes
    the post about that theme; a link to a project page mentions the project."""
    site = make_site(tmp_path, {
        "_themes/tema.md": "---\ntitle: Tema\nref: tema\nredirect_from: /gammal-adress/\n---\n",
        "_clients/exempel.md": SV_PAGE,
        "_posts/2021-01-01-a.md": "---\ntitle: A\nlinks:\n- {title: t, url: 'https://example.org/tema/'}\n---\n",
        "_posts/2021-01-02-b.md": "---\ntitle: B\nlinks:\n- {title: t, url: /gammal-adress/}\n---\n",
        "_posts/2021-01-03-c.md": "---\ntitle: C\nlinks:\n- {title: p, url: '/exempel/index.html#top'}\n---\n",
    })
    result, g = build(site)
    assert result.diagnostics == []
    assert set(g.objects(page("/news/a/"), SCHEMA.about)) == {THEME["tema"]}
    assert set(g.objects(page("/news/b/"), SCHEMA.about)) == {THEME["tema"]}
    assert set(g.objects(page("/news/c/"), SCHEMA.mentions)) == {PROJECT["exempel"]}


def test_two_pages_of_one_ref_in_one_language_are_reported_and_kept_apart(make_site, tmp_path):
    """Two Swedish pages sharing a ``ref`` (with conflicting years): a ``duplicate-translation`` warning on the
    second, which is mapped as its own project under its file name, so no project gets two start years."""
    site = make_site(tmp_path, {
        "_clients/a.md": "---\ntitle: A\nref: dup\nlang: sv\nyear: 2019\n---\n",
        "_clients/b.md": "---\ntitle: B\nref: dup\nlang: sv\nyear: 2021\n---\n",
        "_clients/c.md": "---\ntitle: C\nref: dup\nlang: en\n---\n",
    })
    result, g = build(site)
    [warning] = result.diagnostics
    assert (warning.kind, warning.file, warning.line) == ("duplicate-translation", "_clients/b.md", 3)
    assert "_clients/a.md" in warning.message
    assert set(g.objects(PROJECT["dup"], SCHEMA.subjectOf)) == {page("/a/"), page("/c/")}
    assert set(g.objects(PROJECT["b"], SCHEMA.subjectOf)) == {page("/b/")}
    assert [str(y) for y in g.objects(PROJECT["dup"], SCHEMA.startDate)] == ["2019"]
    assert [str(y) for y in g.objects(PROJECT["b"], SCHEMA.startDate)] == ["2021"]
    assert set(g.subject_objects(SCHEMA.workTranslation)) == {(page("/a/"), page("/c/"))}


# -- themes --------------------------------------------------------------------------------------


def test_a_theme_is_one_concept_per_ref_labelled_in_both_languages(make_site, tmp_path):
    """Theme pages sharing a ``ref`` are one ``skos:Concept`` and ``schema:DefinedTerm`` in the site's scheme."""
    site = make_site(tmp_path, {
        "_themes/medborgarbudget.md": "---\ntitle: Medborgarbudget\nref: pb\nlang: sv\nexcerpt: Om budget.\n---\n",
        "_themes/participatory-budget.md": "---\ntitle: Participatory budgeting\nref: pb\nlang: en\n---\n",
    })
    result, g = build(site)
    assert result.diagnostics == []
    assert set(g.subjects(RDF.type, SKOS.Concept)) == {THEME["pb"]}
    concept = THEME["pb"]
    assert (concept, RDF.type, SCHEMA.DefinedTerm) in g
    assert set(g.objects(concept, SKOS.prefLabel)) == {
        Literal("Medborgarbudget", lang="sv"), Literal("Participatory budgeting", lang="en")}
    assert set(g.objects(concept, SKOS.inScheme)) == {URIRef(f"{SITE}/kg/theme/")}
    assert set(g.objects(concept, SCHEMA.inDefinedTermSet)) == {URIRef(f"{SITE}/kg/theme/")}
    assert set(g.objects(concept, SKOS.definition)) == {Literal("Om budget.", lang="sv")}
    assert (URIRef(f"{SITE}/kg/theme/"), RDF.type, SKOS.ConceptScheme) in g
    assert set(g.objects(concept, SCHEMA.subjectOf)) == {page("/medborgarbudget/"), page("/participatory-budget/")}


def test_a_project_is_about_the_themes_its_categories_name(make_site, tmp_path):
    """``categories`` paths to theme files become ``schema:about``; plain category words are left alone."""
    site = make_site(tmp_path, {
        "_themes/tema.md": "---\ntitle: Tema\nref: tema\n---\n",
        "_clients/p.md": "---\ntitle: P\ncategories: [_themes/tema.md, Nyheter]\n---\n",
    })
    result, g = build(site)
    assert result.diagnostics == []
    assert set(g.objects(PROJECT["p"], SCHEMA.about)) == {THEME["tema"]}


# -- crew ----------------------------------------------------------------------------------------

CREW = {
    "_crew/anna.md": """\
        ---
        title: Anna Andersson
        job: Processledare
        mail: anna.andersson@example.org
        phone: "+46 70 123 45 67"
        ---
        Anna leder processer.
        """,
}


def test_a_crew_page_is_a_person_working_for_the_site(make_site, tmp_path):
    """A crew page is a ``schema:Person`` with name and job title, ``worksFor`` the site's organisation."""
    site = make_site(tmp_path, CREW)
    result, g = build(site)
    assert result.diagnostics == []
    person = PERSON["anna-andersson"]
    assert (person, RDF.type, SCHEMA.Person) in g
    assert set(g.objects(person, SCHEMA.name)) == {Literal("Anna Andersson")}
    assert set(g.objects(person, SCHEMA.jobTitle)) == {Literal("Processledare", lang="sv")}
    assert set(g.objects(person, SCHEMA.worksFor)) == {SITE_ORG}
    assert (URIRef(f"{SITE}/#website"), SCHEMA.publisher, SITE_ORG) in g


def test_contact_details_stay_out_unless_asked_for(make_site, tmp_path):
    """E-mail and telephone are personal data: in no output file by default."""
    site = make_site(tmp_path / "site", CREW)
    out = tmp_path / "out"
    _, g = build(site, out=out)
    person = PERSON["anna-andersson"]
    assert list(g.objects(person, SCHEMA.email)) == []
    assert list(g.objects(person, SCHEMA.telephone)) == []
    for file in out.iterdir():
        if file.is_dir():  # .kg: the builds the outputs link to
            continue
        text = file.read_text(encoding="utf-8")
        assert "anna.andersson@example.org" not in text, file.name
        assert "123 45 67" not in text, file.name


def test_contact_details_with_include_contact(make_site, tmp_path):
    """``include_contact=True`` (``--include-contact``) keeps them."""
    site = make_site(tmp_path, CREW)
    _, g = build(site, include_contact=True)
    person = PERSON["anna-andersson"]
    assert set(g.objects(person, SCHEMA.email)) == {Literal("anna.andersson@example.org")}
    assert set(g.objects(person, SCHEMA.telephone)) == {Literal("+46 70 123 45 67")}


# -- messy front matter --------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "suggestion"), [
    ("categoris", "categories"),
    ("partnrs", "partners"),
    ("clent", "client"),
    ("exerpt", "excerpt"),
    ("flavour", None),
])
def test_an_unknown_key_is_reported_with_a_near_miss(make_site, tmp_path, key, suggestion):
    """A key no mapper reads is an ``unknown-key`` warning on its line, suggesting a known key it resembles."""
    site = make_site(tmp_path, {"_clients/p.md": f"---\ntitle: P\n{key}: x\n---\n"})
    result, _ = build(site)
    [warning] = result.diagnostics
    assert (warning.kind, warning.file, warning.line, warning.suggestion) == (
        "unknown-key", "_clients/p.md", 3, suggestion)
    assert key in warning.message


def test_keys_set_by_config_defaults_are_not_unknown(make_site, tmp_path):
    """A key that ``_config.yml`` defaults give every page (``show_sidebar``) is not the page author's typo."""
    config = (f"url: {SITE}\ncollections:\n  clients: {{output: true}}\n"
              "defaults:\n- scope: {type: clients}\n  values: {show_sidebar: true}\n")
    site = make_site(tmp_path, {"_config.yml": config, "_clients/p.md": "---\ntitle: P\nshow_sidebar: false\n---\n"})
    result, _ = build(site)
    assert result.diagnostics == []


@pytest.mark.parametrize(("line", "key"), [
    ("categories: {a: b}", "categories"),
    ("title: [x]", "title"),
    ("links: x", "links"),
    ("links: [{title: no url}]", "links"),
    ("partners: [{name: X}]", "partners"),
    ("client: true", "client"),
])
def test_a_value_of_the_wrong_type_is_a_warning_and_the_build_goes_on(make_site, tmp_path, line, key):
    """A value of the wrong shape is a ``bad-type`` warning on its line; the rest of the page still maps."""
    site = make_site(tmp_path, {"_clients/p.md": f"---\nexcerpt: Beskrivning.\n{line}\nyear: 2020\n---\n"})
    result, g = build(site)
    [warning] = result.diagnostics
    assert (warning.kind, warning.file, warning.line) == ("bad-type", "_clients/p.md", 3)
    assert key in warning.message
    project = PROJECT["p"]
    assert (project, SCHEMA.description, Literal("Beskrivning.", lang="sv")) in g
    assert (project, SCHEMA.startDate, Literal("2020", datatype=XSD.gYear)) in g


def test_a_number_where_text_is_expected_is_read_as_text(make_site, tmp_path):
    """``title: 2020`` and ``partners: 5`` are numbers YAML made of text: read as "2020" and "5". A title may
    well be a year; an organisation called 5 is more likely a mistake, so that one is also a warning."""
    site = make_site(tmp_path, {"_clients/p.md": "---\ntitle: 2020\npartners: 5\n---\n"})
    result, g = build(site)
    assert [(d.kind, d.line, d.message) for d in result.diagnostics] == [
        ("bad-type", 3, "partners: 5 is a number, not a name; read as the text '5'")]
    assert set(g.objects(PROJECT["p"], SCHEMA.name)) == {Literal("2020", lang="sv")}
    [partner] = g.objects(PROJECT["p"], KGO.partner)
    assert partner == ORGANISATION["5"]
    assert set(g.objects(partner, SCHEMA.name)) == {Literal("5", lang="sv")}


@pytest.mark.parametrize(("title", "name"), [
    ("R&amp;D in Lund", "R&D in Lund"),
    ("<em>Decidim</em> i Göteborg", "Decidim i Göteborg"),
    ("C*-algebras and snake_case", "C*-algebras and snake_case"),
    ("  Two   spaces\tand a tab ", "Two spaces and a tab"),
])
def test_a_title_is_read_as_the_page_shows_it(make_site, tmp_path, title, name):
    """Jekyll writes titles into HTML as they are: entities are characters and tags are markup, while
    Markdown is not rendered in a title, so its ``*`` and ``_`` stay."""
    site = make_site(tmp_path, {"_clients/p.md": f"---\ntitle: '{title}'\nyear: 2020\n---\n"})
    _result, g = build(site)
    assert set(g.objects(PROJECT["p"], SCHEMA.name)) == {Literal(name, lang="sv")}
