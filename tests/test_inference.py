"""What the graph works out from the whole site: platforms said in posts, mentions in text, kinds and
countries from a name's form, merges by evidence. Every site here names organisations no registry
lists, in languages other than Swedish."""

from __future__ import annotations

import json

import pytest
import rdflib
from namespaces import KGO, ORGANISATION, PLATFORM, PROJECT, SCHEMA, SITE
from rdflib import RDF, URIRef

import kg
from kg.resolve.align import cognate_score
from kg.resolve.countries import country_code, country_of_form
from kg.resolve.kinds import kind_of, place_core

PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
FR_CONFIG = """\
    title: Atelier Civique
    url: https://example.org
    lang: fr
    collections:
      clients: {output: true, permalink: /:title/}
    defaults:
    - scope: {path: '', type: posts}
      values: {permalink: /news/:title/}
"""


def build(site) -> tuple[kg.BuildResult, rdflib.Graph]:
    result = kg.build(site)
    return result, result.graph.graph()


def page(ref: str, lang: str, client: str | None = None, partners: list[str] | None = None, body: str = "") -> str:
    lines = ["---", f"title: Projet {ref} {lang}", f"ref: {ref}", f"lang: {lang}"]
    if client:
        lines.append(f"client: {json.dumps(client, ensure_ascii=False)}")
    if partners:
        lines.append(f"partners: {json.dumps(partners, ensure_ascii=False)}")
    return "\n".join([*lines, "---", body, ""])


def names(g: rdflib.Graph, org: URIRef) -> set[str]:
    return {str(n) for n in g.objects(org, SCHEMA.name)} | {str(n) for n in g.objects(org, SCHEMA.alternateName)}


def the_org(g: rdflib.Graph, name: str) -> URIRef:
    [org] = {s for s in g.subjects(SCHEMA.alternateName, None) if name in names(g, s)}
    return org


# -- platforms said in posts -------------------------------------------------------------------------


def test_a_post_about_a_project_that_names_a_platform_gives_the_project_that_platform_with_evidence(
        make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/lyon.md": page("lyon", "fr", client="Ville de Lyon"),
        "_posts/2022-03-01-budget.md": ("---\ntitle: Le budget participatif\nclients: [_clients/lyon.md]\n---\n"
                                        "La Ville de Lyon a choisi Decidim pour son budget participatif.\n"),
    })
    result, g = build(site)
    assert (PROJECT["lyon"], KGO.platform, PLATFORM["decidim"]) in g
    [record] = g.subjects(RDF.subject, PROJECT["lyon"])
    assert (record, RDF.type, KGO.Inference) in g
    assert (record, RDF.predicate, KGO.platform) in g and (record, RDF.object, PLATFORM["decidim"]) in g
    assert str(g.value(record, KGO.method)) == "post-text"
    assert str(g.value(g.value(record, PROV.wasDerivedFrom), KGO.path)) == "_posts/2022-03-01-budget.md"
    # The triple itself lies in the post's named graph: graph.nq shows which post said it.
    post_graph = URIRef(f"{SITE}/kg/source/_posts/2022-03-01-budget.md")
    quads = {(s, p, o, c) for s, p, o, c in result.dataset().quads((PROJECT["lyon"], KGO.platform, None, None))}
    assert {c.identifier if hasattr(c, "identifier") else c for *_, c in quads} == {post_graph}


def test_a_round_up_post_about_many_projects_gives_none_of_them_its_platforms(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        **{f"_clients/p{i}.md": page(f"p{i}", "fr", client=f"Ville de Ville{i}") for i in range(3)},
        "_posts/2022-03-01-bilan.md": ("---\ntitle: Bilan\nclients: [_clients/p0.md, _clients/p1.md, _clients/p2.md]\n"
                                       "---\nDecidim, CONSUL et Loomio sont des outils libres.\n"),
    })
    _, g = build(site)
    assert [list(g.objects(PROJECT[f"p{i}"], KGO.platform)) for i in range(3)] == [[], [], []]


def test_a_platform_event_or_foundation_is_not_the_platform(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/p.md": page("p", "fr", client="Ville de Nantes"),
        "_posts/2022-03-01-fest.md": ("---\ntitle: Nous étions à la Decidim Fest\nclients: [_clients/p.md]\n---\n"
                                      "Rencontre avec la Consul Democracy Foundation.\n"),
    })
    _, g = build(site)
    assert list(g.objects(PROJECT["p"], KGO.platform)) == []


@pytest.mark.parametrize("sentence", ["We met the Consul General of Germany.", "The Honorary Consul of Belgium came.",
                                      "Le consul général de France est venu.", "A Vice-Consul spoke."])
def test_a_consul_who_is_a_diplomat_is_not_the_platform(make_site, tmp_path, sentence):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/p.md": page("p", "fr", client="Ville de Nantes"),
        "_posts/2022-03-01-visit.md": f"---\ntitle: Visite\nclients: [_clients/p.md]\n---\n{sentence}\n",
    })
    _, g = build(site)
    assert list(g.objects(PROJECT["p"], KGO.platform)) == []


def test_a_platform_named_on_the_project_page_is_an_inference_from_the_page(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/p.md": page("p", "fr", client="Ville de Nantes", body="La plateforme tourne sur Cap Collectif."),
    })
    _, g = build(site)
    assert set(g.objects(PROJECT["p"], KGO.platform)) == {PLATFORM["cap-collectif"]}
    [record] = g.subjects(RDF.subject, PROJECT["p"])
    assert str(g.value(record, KGO.method)) == "page-text"


# -- one organisation, one entity --------------------------------------------------------------------


def test_reordered_translated_partner_lists_are_aligned_by_evidence_never_swapped(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/b.md": page("b", "it", partners=["Comune di Bologna", "Fondazione Innovazione Urbana"]),
        "_clients/b-en.md": page("b", "en", partners=["Urban Innovation Foundation", "City of Bologna"]),
    })
    _, g = build(site)
    city, foundation = the_org(g, "Comune di Bologna"), the_org(g, "Fondazione Innovazione Urbana")
    assert city != foundation
    assert names(g, city) == {"Comune di Bologna", "City of Bologna"}
    assert names(g, foundation) == {"Fondazione Innovazione Urbana", "Urban Innovation Foundation"}
    assert str(g.value(city, KGO.organisationKind)).endswith("#municipality")
    assert str(g.value(foundation, KGO.organisationKind)).endswith("#ngo")


def test_a_municipality_written_in_three_ways_is_one_entity_with_its_country(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/a.md": page("a", "fr", client="Gemeente Rotterdam"),
        "_clients/b.md": page("b", "fr", client="City of Rotterdam"),
        "_clients/c.md": page("c", "fr", client="Rotterdam (Netherlands)"),
    })
    _, g = build(site)
    clients = {g.value(PROJECT[ref], KGO.client) for ref in "abc"}
    assert len(clients) == 1
    [org] = clients
    [country] = g.objects(org, SCHEMA.location)
    assert (country, RDF.type, SCHEMA.Country) in g
    assert "Netherlands" in {str(n) for n in g.objects(country, SCHEMA.name)}


def test_spelling_variants_merge_but_shared_words_never_do(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/a.md": page("a", "fr", client="Saint-Étienne Métropole", partners=["Universität Bonn"]),
        "_clients/b.md": page("b", "fr", client="Saint Etienne Métropole", partners=["Stadt Bonn"]),
    })
    _, g = build(site)
    assert g.value(PROJECT["a"], KGO.client) == g.value(PROJECT["b"], KGO.client)
    assert g.value(PROJECT["a"], KGO.partner) != g.value(PROJECT["b"], KGO.partner)


def test_national_chapters_in_two_languages_lists_are_never_aligned(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/t.md": page("t", "sv", partners=["Transparency International Sverige"]),
        "_clients/t-en.md": page("t", "en", partners=["Transparency International Norway"]),
    })
    result, g = build(site)
    assert len(set(g.objects(PROJECT["t"], KGO.partner))) == 2
    assert result.merges == []


# -- kinds and countries by form ---------------------------------------------------------------------


def test_kinds_come_from_the_names_form_in_many_languages():
    expected = {
        "Comune di Bologna": "municipality", "Ajuntament de Barcelona": "municipality", "Stadt Köln": "municipality",
        "Lunds kommun": "municipality", "Helsingin kaupunki": "municipality", "Gemeente Utrecht": "municipality",
        "Région Occitanie": "region", "Regione Emilia-Romagna": "region", "Region Skåne": "region",
        "Universidad de Granada": "university", "Universität Wien": "university", "Aalto-yliopisto": "university",
        "Acme GmbH": "company", "Exempel AB": "company", "Datos S.L.": "company", "Rete S.r.l.": "company",
        "Mehr Demokratie e.V.": "ngo", "Fundación Ciudadana Civio": "ngo", "Stichting Open Overheid": "ngo",
        "Ministerio de Cultura": "agency", "Bundesministerium des Innern": "agency",
        "European Commission": "intergovernmental", "Fraunhofer FOKUS": "research-institute",
    }
    assert {name: kind_of(name) for name in expected} == expected
    assert kind_of("Open Source Politics") is None  # no form: no guess


def test_a_municipality_is_keyed_by_its_place_in_any_language():
    assert place_core("Lunds kommun") == place_core("Lund Municipality") == "lund"
    assert place_core("Ville de Lyon") == place_core("City of Lyon") == place_core("Métropole de Lyon") == "lyon"
    assert place_core("Universität Bonn") is None


def test_countries_are_read_in_many_languages_and_from_forms_of_one_country():
    assert {country_code(n) for n in ("Niederlande", "Pays-Bas", "Nederländerna", "Netherlands")} == {"NL"}
    assert country_of_form("Exempel AB") == "SE"
    assert country_of_form("Comune di Bologna") == "IT"
    assert country_of_form("Acme GmbH") is None  # Germany, Austria or Switzerland


def test_cognates_score_high_and_other_countries_chapters_zero():
    assert cognate_score("Fondazione Innovazione Urbana", "Urban Innovation Foundation") >= 80
    assert cognate_score("Comune di Bologna", "Urban Innovation Foundation") < 50
    assert cognate_score("Transparency International Sverige", "Transparency International Norge") == 0


def test_an_unknown_organisation_gets_its_kind_and_country_from_its_form(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/p.md": page("p", "fr", client="Ajuntament de Girona", partners=["Dades Obertes S.L."]),
    })
    _, g = build(site)
    client, [partner] = g.value(PROJECT["p"], KGO.client), list(g.objects(PROJECT["p"], KGO.partner))
    assert str(g.value(client, KGO.organisationKind)).endswith("#municipality")
    assert (client, RDF.type, SCHEMA.GovernmentOrganization) in g
    assert str(g.value(partner, KGO.organisationKind)).endswith("#company")
    for org in (client, partner):
        assert "Spain" in {str(n) for n in g.objects(g.value(org, SCHEMA.location), SCHEMA.name)}


# -- mentions in running text ------------------------------------------------------------------------


def test_organisations_the_site_names_are_found_in_posts_under_their_variants(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/p.md": page("p", "fr", client="Ville de Grenoble",
                              partners=["Coopérative Numérique Alpine", "Association Vivre Ensemble"]),
        "_posts/2022-05-01-x.md": (
            "---\ntitle: Nouvelles\n---\nLa ville de Grenoble et la COOPERATIVE NUMERIQUE ALPINE (CNA) lancent "
            "un appel. La CNA publiera les résultats.\n"),
        "_posts/2022-05-02-y.md": "---\ntitle: Autre\n---\nL'accord de Grenoble et la vie ensemble.\n",
    })
    _, g = build(site)
    said = set(g.objects(URIRef(f"{SITE}/news/x/"), SCHEMA.mentions))
    assert {the_org(g, "Ville de Grenoble"), the_org(g, "Coopérative Numérique Alpine")} <= said
    assert the_org(g, "Association Vivre Ensemble") not in said
    assert set(g.objects(URIRef(f"{SITE}/news/y/"), SCHEMA.mentions)) & {
        the_org(g, "Ville de Grenoble"), the_org(g, "Association Vivre Ensemble")} == set()


def test_a_site_whose_name_resembles_a_registry_entry_is_its_own_organisation(make_site, tmp_path):
    config = FR_CONFIG.replace("title: Atelier Civique", "title: Digidem Italia")
    site = make_site(tmp_path, {
        "_config.yml": config,
        "_posts/2022-05-01-x.md": "---\ntitle: Chi siamo\n---\nDigidem Italia e DigiDem lavorano a Roma.\n",
    })
    _, g = build(site)
    assert ORGANISATION["digidem-lab"] not in set(g.subjects()) | set(g.objects())
    [publisher] = g.objects(URIRef(f"{SITE}/#website"), SCHEMA.publisher)
    assert names(g, publisher) >= {"Digidem Italia"}
    # none of the registry entry's Swedish facts; its own name says Italy
    assert {str(n) for n in g.objects(g.value(publisher, SCHEMA.location), SCHEMA.name)} >= {"Italy"}
    assert "Sweden" not in {str(n) for c in g.objects(publisher, SCHEMA.location) for n in g.objects(c, SCHEMA.name)}


# -- organisations named only in running text -------------------------------------------------------


def test_names_with_a_legal_or_administrative_form_are_found_in_running_text():
    from kg.resolve.byform import names_by_form

    found = dict(names_by_form(
        "La Confederación Hidrográfica del Ebro (CHE) y la Fundación Daniel y Nina Carasso apoyan el taller. "
        "Forschende der Universität zu Köln arbeiten mit dem Nachbarschaftsverein Wrangelkiez e.V. zusammen. "
        "L'Agence nationale de la cohésion des territoires (ANCT) finance la Ville de Fréjus et la Ville de "
        "Saint-Raphaël."))
    assert found == {
        "Confederación Hidrográfica del Ebro": "CHE",
        "Fundación Daniel y Nina Carasso": None,
        "Universität zu Köln": None,
        "Nachbarschaftsverein Wrangelkiez e.V.": None,
        "Agence nationale de la cohésion des territoires": "ANCT",
        "Ville de Fréjus": None,
        "Ville de Saint-Raphaël": None,
    }


def test_capitalised_phrases_without_an_organisations_form_are_not_organisations():
    from kg.resolve.byform import names_by_form

    assert names_by_form(
        "The Paris Agreement was signed. Open Data Day and Collective Intelligence 2017 were events. "
        "Citizen Participation Consultant is a job. Democratic Cities met at City Hall. "
        "El Ministerio del Ambiente, Agua y Transición Ecológica habló.") == []


def test_an_organisation_a_post_names_by_its_form_is_a_mention_with_a_kind_and_a_country(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_posts/2022-05-01-x.md": ("---\ntitle: Taller\n---\nCon la Confederación Hidrográfica del Ebro (CHE). "
                                   "La CHE publicará los resultados.\n"),
        "_posts/2022-05-02-y.md": "---\ntitle: Otro\n---\nLa CHE vuelve.\n",
    })
    _, g = build(site)
    org = the_org(g, "Confederación Hidrográfica del Ebro")
    assert org in set(g.objects(URIRef(f"{SITE}/news/x/"), SCHEMA.mentions))
    assert org in set(g.objects(URIRef(f"{SITE}/news/y/"), SCHEMA.mentions))  # by the acronym the site defined
    assert str(g.value(org, KGO.organisationKind)).endswith("#agency")
    assert not list(g.objects(None, KGO.partner))  # found in text: a mention, never a role


def test_a_metropole_is_never_its_town_and_a_town_has_its_names_in_every_language(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/a.md": page("a", "fr", client="Ville de Lyon", partners=["Métropole de Lyon", "Stadt Köln"]),
        "_clients/b.md": page("b", "fr", client="City of Lyon", partners=["Lyon Metropolis", "City of Cologne"]),
    })
    _, g = build(site)
    assert g.value(PROJECT["a"], KGO.client) == g.value(PROJECT["b"], KGO.client)
    assert set(g.objects(PROJECT["a"], KGO.partner)) == set(g.objects(PROJECT["b"], KGO.partner))
    assert len(set(g.objects(PROJECT["a"], KGO.partner)) | {g.value(PROJECT["a"], KGO.client)}) == 3
    cologne = the_org(g, "Stadt Köln")
    assert "Germany" in {str(n) for n in g.objects(g.value(cologne, SCHEMA.location), SCHEMA.name)}


def test_one_foundation_in_three_languages_and_a_legal_form_left_out(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/a.md": page("a", "fr", partners=["Stichting Buurtkracht", "Brückenlabor e.V."]),
        "_clients/b.md": page("b", "fr", partners=["Buurtkracht Foundation", "Brückenlabor"]),
        "_clients/c.md": page("c", "fr", partners=["Stiftung Buurtkracht", "Universiteit Utrecht"]),
        "_clients/d.md": page("d", "fr", partners=["Hogeschool Utrecht", "Utrecht University"]),
    })
    _, g = build(site)
    partners = {ref: set(g.objects(PROJECT[ref], KGO.partner)) for ref in "abcd"}
    assert partners["a"] == partners["b"]
    assert len(partners["a"] & partners["c"]) == 1
    assert len(partners["c"] & partners["d"]) == 1  # Utrecht University; the Hogeschool is another school
    assert len(partners["d"]) == 2


def test_ongoing_ranges_are_read_in_other_languages():
    from kg.map.years import parse_years

    for text in ("2020 - en cours", "2022 – in corso", "2019 - heute", "2021 - en curso", "2018 - lopend"):
        years = parse_years(text)
        assert years.ongoing and years.end is None, text


@pytest.mark.parametrize(("text", "start", "end"), [
    ("FY 2022-23", 2022, 2023), ("FY 2021-22 – FY 2023-24", 2021, 2024), ("FY1999-00", 1999, 2000),
    ("वित्त वर्ष 2022-23", 2022, 2023), ("Nov 2022 – Mar 2023", 2022, 2023), ("நவம்பர் 2022 – மார்ச் 2023", 2022, 2023),
    ("2020 წლის შემოდგომა – 2021 წლის ზაფხული", 2020, 2021), ("2021 से 2023 तक", 2021, 2023),
    ("2023–2024 წწ.", 2023, 2024), ("2020-2022 թթ.", 2020, 2022), ("2021-2022-ci illər", 2021, 2022),
    ("2021–2023 гг.", 2021, 2023),
])
def test_financial_years_months_seasons_and_the_words_for_years_of_more_languages_give_the_years(text, start, end):
    from kg.map.years import parse_years

    years = parse_years(text)
    assert (years.start, years.end, years.ongoing) == (start, end, False)


@pytest.mark.parametrize("text", ["2022 – till date", "2021 से", "2022 წლიდან", "2024 թ.-ից", "2023-cü ildən",
                                  "с 2022 года", "2019 – по настоящее время"])
def test_since_and_till_date_in_more_languages_are_ongoing(text):
    from kg.map.years import parse_years

    years = parse_years(text)
    assert years.ongoing and years.end is None, text


@pytest.mark.parametrize("text", ["2019-2021 (planned 2022)", "under 2020-talet", "FY 2023-22", "Nov 2022"])
def test_a_value_that_is_not_plainly_a_range_of_years_is_still_no_guess(text):
    from kg.map.years import BadYears, parse_years

    with pytest.raises(BadYears):
        parse_years(text)


def test_a_post_linking_to_a_project_page_in_its_body_is_about_that_project(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/nantes.md": page("nantes", "fr", client="Ville de Nantes"),
        "_posts/2022-03-01-a.md": ("---\ntitle: A\n---\nVoir [le projet]({% link _clients/nantes.md %}): "
                                   "la plateforme Fluicity a servi.\n"),
    })
    _, g = build(site)
    assert PROJECT["nantes"] in set(g.objects(URIRef(f"{SITE}/news/a/"), SCHEMA.mentions))
    assert (PROJECT["nantes"], KGO.platform, PLATFORM["fluicity"]) in g


def test_roles_a_project_page_states_in_a_sentence_are_inferred_roles(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/p.md": page("p", "es", body=(
            "Un programa en colaboración con la Federación de Asociaciones de Mujeres Rurales (FADEMUR) y "
            "financiado por el Instituto de las Mujeres. Nada más.")),
    })
    _, g = build(site)
    [partner] = g.objects(PROJECT["p"], KGO.partner)
    [funder] = g.objects(PROJECT["p"], SCHEMA.funder)
    assert "Federación de Asociaciones de Mujeres Rurales" in names(g, partner)
    assert "Instituto de las Mujeres" in names(g, funder)
    methods = {(g.value(r, RDF.predicate), str(g.value(r, KGO.method))) for r in g.subjects(RDF.subject, PROJECT["p"])}
    assert methods == {(KGO.partner, "page-text"), (SCHEMA.funder, "page-text")}


def test_a_post_naming_a_project_by_its_title_tells_its_platform(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/a.md": "---\ntitle: Borgerbudget i Aarhus\nlang: da\n---\n",
        "_clients/b.md": "---\ntitle: Participatory budget\nlang: en\n---\n",
        "_posts/2022-03-01-a.md": ("---\ntitle: Nyt\n---\nBorgerbudget i Aarhus bruger CONSUL. "
                                   "A participatory budget needs Loomio.\n"),
    })
    _, g = build(site)
    assert set(g.objects(PROJECT["a"], KGO.platform)) == {PLATFORM["consul"], PLATFORM["loomio"]}
    assert list(g.objects(PROJECT["b"], KGO.platform)) == []  # a title of common words ties no post


def test_a_countrys_name_or_adjective_in_a_name_gives_the_country():
    from kg.resolve.countries import country_in_name

    assert country_in_name("Agencia Española de Cooperación Internacional para el Desarrollo") == "ES"
    assert country_in_name("Ministerio del Ambiente, Agua y Transición Ecológica de Ecuador") == "EC"
    assert country_in_name("Dansk Ungdoms Fællesråd") == "DK"
    assert country_in_name("Transparency International Sverige") == "SE"
    assert country_in_name("Open Source Politics") is None
    assert country_in_name("Nordic Sweden Finland Forum") is None  # two countries: none


def test_a_countrys_name_in_the_languages_of_central_and_eastern_europe_turkey_and_asia_gives_the_country():
    from kg.resolve.countries import country_in_name

    assert country_in_name("Ürdün Üniversitesi") == "JO"
    assert country_in_name("Ministerstvo vnitra České republiky") == "CZ"
    assert country_in_name("Đại học Quốc gia Việt Nam") == "VN"
    # a later language's short names are words as often: "malý" is Czech for small, not Mali
    assert country_in_name("Malý Berlín Foundation") is None


def test_the_subject_after_an_opening_together_with_clause_is_not_a_partner():
    from kg.map.roles import role_fragments

    assert [(f.role, f.text) for f in role_fragments(
        "Together with Open Source Politics, Digidem Lab trained the staff. The work was funded by the "
        "Nordic Council of Ministers and Vinnova. It ran in collaboration with A, B and C.")] == [
        ("partner", "Open Source Politics"), ("funder", "the Nordic Council of Ministers and Vinnova"),
        ("partner", "A, B and C")]


def test_a_link_titled_with_an_organisations_name_gives_its_homepages_country(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/p.md": page("p", "fr", partners=["Zebralog GmbH", "Nodo Digital"]),
        "_posts/2022-03-01-a.md": ("---\ntitle: A\n---\nAvec [Zebralog GmbH](https://www.zebralog.de/) et "
                                   "[Nodo Digital](https://nodo.example.com/blog/2022/article).\n"),
    })
    _, g = build(site)
    zebralog, nodo = the_org(g, "Zebralog GmbH"), the_org(g, "Nodo Digital")
    assert "Germany" in {str(n) for n in g.objects(g.value(zebralog, SCHEMA.location), SCHEMA.name)}
    assert g.value(nodo, SCHEMA.location) is None  # a deep link is no homepage, and .com no country


def country_of(g, name: str) -> set[str]:
    """The names of the country the graph puts the organisation called ``name`` in."""
    return {str(n) for n in g.objects(g.value(the_org(g, name), SCHEMA.location), SCHEMA.name)}


def test_a_form_the_francophone_countries_share_gives_the_country_of_the_company_it_keeps(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG,
        "_clients/a.md": page("a", "fr", client="Mairie de Dakar", partners=["Sunu Code SARL"]),
        "_clients/b.md": page("b", "fr", client="Ville de Lyon", partners=["Atelier Rhône SARL"]),
        "_clients/c.md": page("c", "fr", partners=["Plume Libre SARL"]),
    })
    _, g = build(site)
    assert "Senegal" in country_of(g, "Sunu Code SARL")
    assert "France" in country_of(g, "Atelier Rhône SARL")
    assert "France" in country_of(g, "Plume Libre SARL")  # no company: the form's country after all


def test_a_plc_among_ghanaian_partners_is_ghanaian_and_alone_british(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": FR_CONFIG.replace("lang: fr", "lang: en"),
        "_clients/a.md": page("a", "en", client="Accra Metropolitan Assembly", partners=["Adinkra Digital PLC"]),
        "_clients/b.md": page("b", "en", partners=["Thistle Data PLC"]),
    })
    _, g = build(site)
    assert "Ghana" in country_of(g, "Adinkra Digital PLC")
    assert "United Kingdom" in country_of(g, "Thistle Data PLC")
