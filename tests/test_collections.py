"""Sites not shaped like Digidem Lab's: collections read by what they mean.

Each test writes a site in the shape another organisation might use — ``_projects`` +
``_team`` + a blog, a French site with ``_projets`` and ``_équipe``, a German one with
``_work`` and ``_people``, projects in ``_data/projects.yml``, collections whose names
say nothing — and checks the graph against what was worked out by hand from the files.
Organisations are compared by their names (how the resolver spells their IRIs is not
this stage's business).
"""

from __future__ import annotations

from pathlib import Path

import rdflib
from namespaces import KGO, SCHEMA, SITE
from rdflib import RDF, XSD, Literal, URIRef

import kg
from kg.load.collections import looks_like_a_name
from kg.load.meaning import COLLECTION_NAMES, FACT_KEYS, class_of_name

PROJECT = rdflib.Namespace(f"{SITE}/kg/project/")
PERSON = rdflib.Namespace(f"{SITE}/kg/person/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")


def build(site, **kwargs) -> tuple[kg.BuildResult, rdflib.Graph]:
    result = kg.build(site, **kwargs)
    return result, result.graph.graph()


def names(g: rdflib.Graph, subject, predicate) -> set[str]:
    """The schema:name of each object of ``subject predicate``."""
    return {str(name) for obj in g.objects(subject, predicate) for name in g.objects(obj, SCHEMA.name)}


def collection(result: kg.BuildResult, label: str) -> dict:
    return next(entry for entry in result.collections if entry["collection"] == label)


# -- an NGO with _projects, _team and a blog -----------------------------------------------------------

NGO = {
    "_config.yml": """\
        title: Open Commons Trust
        url: https://example.org
        lang: en
        collections:
          projects:
            output: true
            permalink: /projects/:title/
          team:
            output: false
        defaults:
        - scope: {path: '', type: posts}
          values: {permalink: /blog/:title/}
        """,
    "_projects/river-clean.md": """\
        ---
        title: River Clean-up
        customer: Harbour Town Council
        partners:
        - Green Valley Association
        period: 2019-2021
        short_title: River
        light_image: true
        ---
        Volunteers cleaned the river banks.
        """,
    "_projects/seed-library.md": """\
        ---
        title: Seed Library
        partner: Allotment Federation
        years: 2022
        ---
        """,
    "_team/jane-doe.md": "---\ntitle: Jane Doe\nrole: Programme lead\ncomments: false\n---\n",
    "_team/omar-haddad.md": "---\ntitle: Omar Haddad\nposition: Treasurer\n---\n",
    "_posts/blog/2023-02-01-launch.md": """\
        ---
        title: The river is clean
        clients:
        - _projects/river-clean.md
        hero: /img/river.jpg
        ---
        We are proud of it.
        """,
}


def test_a_projects_collection_is_read_as_projects_with_its_own_key_names(make_site, tmp_path):
    """``_projects`` is a project collection by its name; ``customer``, ``partner``, ``period`` and
    ``years`` are read as client, partners and years; layout keys raise no warning."""
    result, g = build(make_site(tmp_path, NGO))
    assert result.diagnostics == []
    river, seeds = PROJECT["river-clean"], PROJECT["seed-library"]
    assert (river, RDF.type, SCHEMA.Project) in g
    assert set(g.objects(river, SCHEMA.name)) == {Literal("River Clean-up", lang="en")}
    assert names(g, river, KGO.client) == {"Harbour Town Council"}
    assert names(g, river, KGO.partner) == {"Green Valley Association"}
    assert set(g.objects(river, SCHEMA.startDate)) == {Literal("2019", datatype=XSD.gYear)}
    assert set(g.objects(river, SCHEMA.endDate)) == {Literal("2021", datatype=XSD.gYear)}
    assert names(g, seeds, KGO.partner) == {"Allotment Federation"}
    assert set(g.objects(seeds, SCHEMA.startDate)) == {Literal("2022", datatype=XSD.gYear)}
    page = URIRef(f"{SITE}/projects/river-clean/")
    assert (page, SCHEMA.mainEntity, river) in g


def test_a_team_collection_is_read_as_people_of_the_site_with_their_roles(make_site, tmp_path):
    """``_team`` documents are ``schema:Person``; ``role`` and ``position`` are their job titles; they work
    for the site's organisation."""
    _, g = build(make_site(tmp_path, NGO))
    jane, omar = PERSON["jane-doe"], PERSON["omar-haddad"]
    assert (jane, RDF.type, SCHEMA.Person) in g and (omar, RDF.type, SCHEMA.Person) in g
    assert set(g.objects(jane, SCHEMA.jobTitle)) == {Literal("Programme lead", lang="en")}
    assert set(g.objects(omar, SCHEMA.jobTitle)) == {Literal("Treasurer", lang="en")}
    assert names(g, jane, SCHEMA.worksFor) == {"Open Commons Trust"}


def test_a_blog_post_in_a_subfolder_mentions_the_project_it_names(make_site, tmp_path):
    """A post under ``_posts/blog/`` naming ``_projects/river-clean.md`` in ``clients:`` mentions that project."""
    _, g = build(make_site(tmp_path, NGO))
    post = URIRef(f"{SITE}/blog/launch/")
    assert (post, RDF.type, SCHEMA.NewsArticle) in g
    assert PROJECT["river-clean"] in set(g.objects(post, SCHEMA.mentions))


def test_the_report_says_how_each_collection_was_read(make_site, tmp_path):
    """``collections`` in the build report: class, why, documents, keys read as facts, pages."""
    result, _ = build(make_site(tmp_path, NGO))
    projects = collection(result, "projects")
    assert (projects["class"], projects["how"], projects["documents"], projects["pages"]) == ("project", "name", 2, 2)
    assert projects["read_as"]["client"] == {"customer": 1}
    assert projects["read_as"]["partners"] == {"partners": 1, "partner": 1}
    assert projects["read_as"]["years"] == {"period": 1, "years": 1}
    team = collection(result, "team")
    assert (team["class"], team["pages"]) == ("person", 0)
    assert team["read_as"]["role"] == {"role": 1, "position": 1}
    assert "Jekyll renders no pages" in team["no_pages"]
    assert result.report()["collections"] == result.collections


# -- the same shapes in other languages --------------------------------------------------------------

FRENCH = {
    "_config.yml": """\
        title: Collectif Exemple
        url: https://example.org
        lang: fr
        collections:
          projets: {output: true, permalink: /projets/:title/}
          équipe: {output: true, permalink: /equipe/:title/}
        """,
    "_projets/budget-montclair.md": """\
        ---
        title: Budget participatif de Montclair
        commanditaire: Ville de Montclair
        partenaires: [Association Les Jardins Partagés, Coopérative Rivière]
        période: 2021-2022
        plateforme: Decidim
        ---
        """,
    "_équipe/claire-martin.md": "---\ntitle: Claire Martin\nposte: Coordinatrice\n---\n",
}


def test_a_french_site_with_projets_and_equipe_is_read_like_an_english_one(make_site, tmp_path):
    """``_projets`` are projects and ``_équipe`` people; ``commanditaire``, ``partenaires``, ``période``,
    ``plateforme`` and ``poste`` are client, partners, years, platform and role."""
    result, g = build(make_site(tmp_path, FRENCH))
    assert result.diagnostics == []
    project = PROJECT["budget-montclair"]
    assert set(g.objects(project, SCHEMA.name)) == {Literal("Budget participatif de Montclair", lang="fr")}
    assert names(g, project, KGO.client) == {"Ville de Montclair"}
    assert names(g, project, KGO.partner) == {"Association Les Jardins Partagés", "Coopérative Rivière"}
    assert set(g.objects(project, SCHEMA.endDate)) == {Literal("2022", datatype=XSD.gYear)}
    assert names(g, project, KGO.platform) == {"Decidim"}
    claire = PERSON["claire-martin"]
    assert set(g.objects(claire, SCHEMA.jobTitle)) == {Literal("Coordinatrice", lang="fr")}
    assert (URIRef(f"{SITE}/equipe/claire-martin/"), SCHEMA.mainEntity, claire) in g


GERMAN = {
    "_config.yml": """\
        title: Werkstatt Beispiel
        url: https://example.org
        lang: de
        collections:
          work: {output: true, permalink: /arbeit/:title/}
          people: {output: false}
        """,
    "_work/buergerhaushalt.md": """\
        ---
        title: Bürgerhaushalt Lindenau
        auftraggeber: Stadt Lindenau
        partner: [Verein Nachbarschaft e.V.]
        zeitraum: "2020 - ongoing"
        ---
        """,
    "_people/jonas-weber.md": "---\ntitle: Jonas Weber\nfunktion: Projektleiter\n---\n",
}


def test_a_german_site_with_work_and_people_is_read_by_what_they_mean(make_site, tmp_path):
    """``_work`` holds projects (``auftraggeber``, ``partner``, ``zeitraum``) and ``_people`` persons
    (``funktion``); an open range is ongoing."""
    result, g = build(make_site(tmp_path, GERMAN))
    assert result.diagnostics == []
    project = PROJECT["buergerhaushalt"]
    assert names(g, project, KGO.client) == {"Stadt Lindenau"}
    assert names(g, project, KGO.partner) == {"Verein Nachbarschaft e.V."}
    assert set(g.objects(project, SCHEMA.startDate)) == {Literal("2020", datatype=XSD.gYear)}
    assert set(g.objects(project, KGO.ongoing)) == {Literal(True)}
    assert set(g.objects(PERSON["jonas-weber"], SCHEMA.jobTitle)) == {Literal("Projektleiter", lang="de")}


# -- projects in a data file -------------------------------------------------------------------------

DATA_SITE = {
    "_config.yml": "title: Data Lab\nurl: https://example.org\nlang: en\n",
    "_data/projects.yml": """\
        - title: Open Budget
          ref: open-budget
          client: Riverside County
          partners: [Civic Hackers Guild]
          year: 2018-2020
        - name: Clean Air Map
          slug: air-map
          client: Lakeside Council
          year: 2021
        - title: Street Trees
          partners: Tree Friends
        """,
}


def test_projects_in_a_data_file_are_projects_derived_from_that_file(make_site, tmp_path):
    """Each record of ``_data/projects.yml`` is a ``schema:Project`` named by its ``ref``, ``slug`` or
    title, with the same facts a project page has, derived from (and in the named graph of) the file."""
    result, g = build(make_site(tmp_path, DATA_SITE))
    assert result.diagnostics == []
    source = URIRef(f"{SITE}/kg/source/_data/projects.yml")
    budget, air, trees = PROJECT["open-budget"], PROJECT["air-map"], PROJECT["street-trees"]
    for project in (budget, air, trees):
        assert (project, RDF.type, SCHEMA.Project) in g
        assert (project, PROV.wasDerivedFrom, source) in g
    assert set(g.objects(budget, SCHEMA.name)) == {Literal("Open Budget", lang="en")}
    assert names(g, budget, KGO.client) == {"Riverside County"}
    assert names(g, budget, KGO.partner) == {"Civic Hackers Guild"}
    assert set(g.objects(budget, SCHEMA.endDate)) == {Literal("2020", datatype=XSD.gYear)}
    assert set(g.objects(air, SCHEMA.name)) == {Literal("Clean Air Map", lang="en")}
    assert names(g, trees, KGO.partner) == {"Tree Friends"}
    assert (source, RDF.type, KGO.SourceFile) in g
    in_file = result.dataset().graph(source)
    assert (budget, KGO.client, next(iter(g.objects(budget, KGO.client)))) in in_file
    data = collection(result, "data:projects")
    assert (data["class"], data["how"], data["documents"], data["folder"]) == ("project", "name", 3,
                                                                                 "_data/projects.yml")


def test_a_bad_value_in_a_data_file_names_the_file_and_the_records_line(make_site, tmp_path):
    """A record's wrong value is reported at its own line of ``_data/projects.yml``; the others are read."""
    site = make_site(tmp_path, {**DATA_SITE, "_data/projects.yml": """\
        - title: Good
          year: 2020
        - title: Bad
          year: sometime
        - just a string
        """})
    result, g = build(site)
    assert {(d.kind, d.file, d.line) for d in result.diagnostics} == {
        ("bad-year-range", "_data/projects.yml", 4), ("bad-type", "_data/projects.yml", 5)}
    assert (PROJECT["good"], SCHEMA.startDate, Literal("2020", datatype=XSD.gYear)) in g
    assert (PROJECT["bad"], RDF.type, SCHEMA.Project) in g


# -- collections whose names say nothing -------------------------------------------------------------


def test_a_collection_whose_documents_carry_clients_and_partners_is_read_as_projects(make_site, tmp_path):
    """``_initiativen`` means nothing to kg, but its documents carry ``client``/``partners``: projects,
    and the report gives the evidence."""
    site = make_site(tmp_path, {
        "_config.yml": "title: X\nurl: https://example.org\ncollections: {initiativen: {output: true}}\n",
        "_initiativen/a.md": "---\ntitle: A\nclient: North Harbour Board\n---\n",
        "_initiativen/b.md": "---\ntitle: B\npartners: [South Pier Trust]\n---\n",
        "_initiativen/c.md": "---\ntitle: C\n---\n",
    })
    result, g = build(site)
    entry = collection(result, "initiativen")
    assert (entry["class"], entry["how"]) == ("project", "keys")
    assert entry["evidence"] == "2 of 3 documents carry client/partners"
    assert all((PROJECT[k], RDF.type, SCHEMA.Project) in g for k in ("a", "b", "c"))


def test_a_collection_whose_documents_carry_roles_is_read_as_people(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": "title: X\nurl: https://example.org\ncollections: {leute: {output: false}}\n",
        "_leute/a.md": "---\ntitle: Ada Lind\nrole: Chair\n---\n",
        "_leute/b.md": "---\ntitle: Bo Berg\njob: Editor\n---\n",
    })
    result, g = build(site)
    entry = collection(result, "leute")
    assert (entry["class"], entry["evidence"]) == ("person", "2 of 2 documents carry role/job")
    assert (PERSON["ada-lind"], SCHEMA.jobTitle, Literal("Chair", lang="en")) in g


def test_a_collection_of_peoples_names_is_read_as_people_and_one_of_page_titles_is_not(make_site, tmp_path):
    """Titles that look like persons' names make a collection of people; "Our Mission" does not."""
    site = make_site(tmp_path, {
        "_config.yml": "title: X\nurl: https://example.org\ncollections: {styrelsen: {}, om: {}}\n",
        "_styrelsen/a.md": "---\ntitle: Anna Berg\n---\n",
        "_styrelsen/b.md": "---\ntitle: Lars Holm\n---\n",
        "_styrelsen/c.md": "---\ntitle: Mia van der Sund\n---\n",
        "_om/a.md": "---\ntitle: Our Mission\n---\n",
        "_om/b.md": "---\ntitle: Annual Report 2020\n---\n",
        "_om/c.md": "---\ntitle: Contact\n---\n",
    })
    result, g = build(site)
    assert collection(result, "styrelsen")["class"] == "person"
    assert collection(result, "styrelsen")["evidence"] == "3 of 3 titles look like a person's name"
    assert collection(result, "om")["class"] == "page"
    assert (PERSON["mia-van-der-sund"], RDF.type, SCHEMA.Person) in g


def test_collection_names_are_understood_in_many_languages_and_combinations():
    """Case, accents, ``-``/``_``, plurals and names joined by "and" are folded."""
    assert class_of_name("team_and_board") == ("person", ["team", "board"])
    for label, cls in [("Équipe", "person"), ("case-studies", "project"), ("casestudies", "project"),
                       ("our_work", "project"), ("Uppdrag", "project"), ("projekte", "project"),
                       ("tjanster", "theme"), ("lediga-jobb", "job"), ("evenemang", "event"),
                       ("partenaires", "organisation"), ("projects_en", "project"), ("cases", "project")]:
        assert class_of_name(label)[0] == cls, label
    for label in ("aboutus", "board_minutes", "news_and_events", "misc"):
        assert class_of_name(label) == (None, []), label


def test_a_persons_name_is_told_from_a_page_title():
    assert all(map(looks_like_a_name, ["Anna Lindqvist", "Jean-Luc de la Cruz", "Mia van der Sund", "José Núñez"]))
    assert not any(map(looks_like_a_name, ["Annual Report", "Our Mission", "NGO Forum Days", "Contact",
                                           "Report 2020", "The Team"]))


# -- organisations, events and jobs -----------------------------------------------------------------


def test_partners_events_and_jobs_collections_are_organisations_events_and_job_postings(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": ("title: X Lab\nurl: https://example.org\nlang: en\ncollections:\n"
                        "  partners: {output: true}\n  events: {output: true}\n  jobs: {output: true}\n"),
        "_partners/tree-friends.md": "---\ntitle: Tree Friends\nwebsite: https://treefriends.example\n---\n",
        "_events/assembly.md": "---\ntitle: Citizens' Assembly\ndate: 2024-05-02\nlocation: Town Hall\n---\n",
        "_jobs/coordinator.md": "---\ntitle: Coordinator\ndate: 2024-06-01\n---\nWe are hiring.\n",
    })
    result, g = build(site)
    assert result.diagnostics == []
    [org] = [s for s in g.subjects(SCHEMA.name, Literal("Tree Friends", lang="en"))
             if (s, RDF.type, SCHEMA.Organization) in g]
    assert (org, SCHEMA.url, URIRef("https://treefriends.example")) in g
    event = URIRef(f"{SITE}/kg/event/assembly")
    assert (event, RDF.type, SCHEMA.Event) in g
    assert (event, SCHEMA.startDate, Literal("2024-05-02", datatype=XSD.date)) in g
    assert (event, SCHEMA.location, Literal("Town Hall", lang="en")) in g
    job = URIRef(f"{SITE}/kg/job/coordinator")
    assert (job, RDF.type, SCHEMA.JobPosting) in g
    assert names(g, job, SCHEMA.hiringOrganization) == {"X Lab"}
    assert (URIRef(f"{SITE}/jobs/coordinator.html"), SCHEMA.mainEntity, job) in g


# -- references resolve like a person would -------------------------------------------------------

TWINS = {
    "_clients/malmo.md": "---\ntitle: Malmö tillsammans\nref: malmo\nlang: sv\nyear: 2020\n---\n",
    "_clients/uppsala-universitet.md": "---\ntitle: Uppsala\nref: uppsala\nyear: 2021\n---\n",
    "_clients/malmo-budgets.md": "---\ntitle: Budgets\nyear: 2019\n---\n",
    "_posts/2021-05-11-malmo-en.md": "---\ntitle: Malmö\nlang: en\nclients:\n- _clients/malmo-en.md\n---\n",
    "_posts/2021-05-12-uppsala.md": "---\ntitle: Uppsala\nclients:\n- _clients/uppsala.md\n---\n",
    "_posts/2021-05-13-malmo-budget.md": "---\ntitle: Budget\nclients:\n- _clients/malmo-budget.md\n---\n",
}


def test_a_missing_file_named_by_a_projects_ref_is_that_project_and_the_warning_says_so(make_site, tmp_path):
    """``_clients/uppsala.md`` does not exist but a project has ``ref: uppsala``; ``_clients/malmo-en.md``
    is the English twin of ``ref: malmo`` that was never written: both mentions go to the existing
    projects, each with a warning naming the missing file and the project taken; no stub project."""
    result, g = build(make_site(tmp_path, TWINS))
    warnings = {d.file: d for d in result.diagnostics if d.kind == "dangling-reference"}
    malmo = warnings["_posts/2021-05-11-malmo-en.md"]
    assert malmo.line == 4 and "_clients/malmo-en.md' does not exist" in malmo.message
    assert "_clients/malmo.md" in malmo.message and "ref 'malmo'" in malmo.message
    assert "_clients/uppsala-universitet.md" in warnings["_posts/2021-05-12-uppsala.md"].message
    assert (URIRef(f"{SITE}/news/malmo-en/"), SCHEMA.mentions, PROJECT["malmo"]) in g
    assert (URIRef(f"{SITE}/news/uppsala/"), SCHEMA.mentions, PROJECT["uppsala"]) in g
    assert not list(g.triples((PROJECT["malmo-en"], None, None)))  # no nameless stub
    assert set(g.objects(PROJECT["uppsala"], SCHEMA.name)) == {Literal("Uppsala", lang="sv")}


def test_the_suggestion_for_a_dangling_reference_is_a_file_of_its_collection_never_the_post_itself(make_site,
                                                                                                   tmp_path):
    """``_clients/malmo-budget.md`` (missing) is closest to the post that holds the reference, but the
    suggestion is the project file ``_clients/malmo-budgets.md``."""
    result, g = build(make_site(tmp_path, TWINS))
    [warning] = [d for d in result.diagnostics if d.file == "_posts/2021-05-13-malmo-budget.md"]
    assert warning.suggestion == "_clients/malmo-budgets.md"
    assert (URIRef(f"{SITE}/news/malmo-budget/"), SCHEMA.mentions, PROJECT["malmo-budget"]) in g  # the stub stays


def test_a_typo_in_the_folder_is_taken_to_mean_the_project_of_that_name(make_site, tmp_path):
    """``_client/lund.md``: no such folder, but a project file is called ``lund``."""
    site = make_site(tmp_path, {"_clients/lund.md": "---\ntitle: Lund\n---\n",
                                "_posts/2021-05-11-lund.md": "---\ntitle: Lund\nclients: [_client/lund.md]\n---\n"})
    result, g = build(site)
    [warning] = result.diagnostics
    assert warning.kind == "dangling-reference" and "taken to mean the project of _clients/lund.md" in warning.message
    assert (URIRef(f"{SITE}/news/lund/"), SCHEMA.mentions, PROJECT["lund"]) in g


def test_a_typo_in_the_folder_and_the_name_suggests_a_file_of_the_expected_kind(make_site, tmp_path):
    site = make_site(tmp_path, {"_clients/lund.md": "---\ntitle: Lund\n---\n",
                                "_posts/2021-05-11-lund.md": "---\ntitle: Lund\nclients: [_client/lundd.md]\n---\n"})
    result, _ = build(site)
    [warning] = result.diagnostics
    assert warning.suggestion == "_clients/lund.md"


def test_the_readme_lists_the_names_and_keys_of_the_declared_table():
    """The README's tables of collection names and fact keys are ``kg/load/meaning.py``'s, word for word."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How a site is read: collections by meaning"):readme.index("### The mapping")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in section.splitlines()
            if line.startswith("| ")]
    classes = {row[0]: row[2].split(", ") for row in rows if len(row) == 3}
    facts = {row[0]: row[1].split(", ") for row in rows if len(row) == 2}
    assert {cls: classes[cls] for cls in COLLECTION_NAMES} == {cls: list(w) for cls, w in COLLECTION_NAMES.items()}
    assert {fact: facts[fact] for fact in FACT_KEYS} == {fact: list(k) for fact, k in FACT_KEYS.items()}
