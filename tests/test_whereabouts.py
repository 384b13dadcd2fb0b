"""What a careful reader works out that a name alone does not say: declined place names, one
foundation named in two languages, the site's own country, the country of the company an
organisation keeps, and posts tied to projects by keys of the maintainer's own."""

from __future__ import annotations

import rdflib
from namespaces import SCHEMA

import kg
from kg.resolve.byform import names_by_form
from kg.resolve.kinds import kind_of, place_core
from kg.resolve.places import canonical_place
from kg.resolve.whereabouts import country_by_company, site_country, spoken_in

EN_CONFIG = """\
    title: Open Commons
    url: https://example.org
    lang: en
    collections:
      cases: {output: true, permalink: /cases/:title/}
"""


def graph(site) -> rdflib.Graph:
    return kg.build(site).graph.graph()


def names(g: rdflib.Graph, org) -> set[str]:
    return {str(n) for n in g.objects(org, SCHEMA.name)} | {str(n) for n in g.objects(org, SCHEMA.alternateName)}


def orgs_named(g: rdflib.Graph, name: str) -> set:
    return {s for p in (SCHEMA.name, SCHEMA.alternateName) for s in g.subjects(p, None) if name in names(g, s)
            and (s, rdflib.RDF.type, SCHEMA.Organization) in g}


def country_names(g: rdflib.Graph, org) -> set[str]:
    return {str(n) for c in g.objects(org, SCHEMA.location) for n in g.objects(c, SCHEMA.name)}


# -- declined place names ---------------------------------------------------------------------------


def test_a_town_declined_in_a_municipalitys_name_is_the_town_itself():
    pairs = [("Helsingin kaupunki", "City of Helsinki"), ("Turun kaupunki", "City of Turku"),
             ("Tallinna Linnavalitsus", "Tallinn City Government"), ("Urząd m.st. Warszawy", "Warsaw City Hall"),
             ("Statutární město Brno", "City of Brno"), ("Vilniaus miesto savivaldybė", "Vilnius City Municipality")]
    for local, english in pairs:
        assert kind_of(local) == kind_of(english) == "municipality", (local, english)
        assert canonical_place(place_core(local)) == canonical_place(place_core(english)), (local, english)


def test_a_state_government_is_the_region_of_its_state_and_in_its_country_whatever_the_sentence_names():
    from kg.resolve import _country_of

    assert [place_core(n, "region") for n in ("Lagos State Government", "Kerala State Government")] == [
        "lagos", "kerala"]
    # the name says Nigeria on its own, so a sentence that also names Kampala cannot make it Uganda's
    assert _country_of(["Lagos State Government"], ["fr"], kind_of("Lagos State Government")) == "NG"


def test_a_form_in_the_sites_language_beside_a_name_in_a_language_not_spoken_there_is_a_translation():
    from kg.resolve import _country_of

    names = ['שכונה פתוחה (ע"ר)', "Open Neighbourhood Association", "Açık Mahalle Derneği"]
    assert _country_of(names, ["he", "en", "tr"], "ngo", "tr") == "IL"  # Derneği is the Turkish site's word
    assert _country_of(names[1:], ["en", "tr"], "ngo", "tr") == "TR"  # a Turkish association of a Turkish site
    assert _country_of(["Açık Mahalle Derneği"], [None], "ngo", "tr") == "TR"


def test_indias_forms_and_scripts_say_india_and_the_caucasus_forms_their_countries():
    from kg.resolve import _country_of

    def country(name, lang="en"):
        return _country_of([name], [lang], kind_of(name))

    assert country("Pune Municipal Corporation") == "IN"
    assert country("Bengaluru Lakes Technologies Pvt. Ltd.") == "IN"
    assert country("பெருநகர சென்னை மாநகராட்சி", "ta") == "IN"
    assert country("नाशिक जिल्हा परिषद", "mr") == "IN"
    assert country("काठमाडौं महानगरपालिका", "ne") == "NP"  # Devanagari on a Nepali page: Nepal's
    assert country("თბილისის მერია", "ka") == "GE"
    assert country("Երևանի քաղաքապետարան", "hy") == "AM"
    assert country("Gəncə Şəhər İcra Hakimiyyəti", "az") == "AZ"


def test_a_word_that_only_looks_declined_is_left_as_it_is():
    assert place_core("Junta de Freguesia de Arroios") == "arroios"  # no town "arroio": nothing is changed
    assert canonical_place(place_core("Lunds kommun")) == canonical_place("lund")


def test_forms_of_the_languages_of_central_and_northern_europe_give_kinds():
    assert kind_of("Fundacja Pracownia Miejska") == "ngo"
    assert kind_of("Stowarzyszenie Miasta w Internecie") == "ngo"
    assert kind_of("Otevřená města, z.s.") == "ngo"
    assert kind_of("MTÜ Linnalabor") == "ngo"
    assert kind_of("Masarykova univerzita") == kind_of("Tallinna Ülikool") == "university"
    assert kind_of("Riigikantselei") == kind_of("Ministerstwo Cyfryzacji") == "agency"
    assert kind_of("Jihomoravský kraj") == "region"
    assert kind_of("Arroios Parish Council") == kind_of("Junta de Freguesia de Arroios") == "municipality"


# -- one organisation in two languages ---------------------------------------------------------------


def test_a_foundation_named_in_its_language_and_in_english_is_one_organisation(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": EN_CONFIG,
        "_cases/turku.md": "---\ntitle: Youth budget in Turku\nclient: Turun kaupunki\nfunder: Koneen Säätiö\n---\n",
        "_cases/tampere.md": "---\ntitle: Tampere assemblies\nclient: City of Tampere\nfunder: Kone Foundation\n---\n",
    })
    g = graph(site)
    assert len(orgs_named(g, "Koneen Säätiö")) == 1
    assert orgs_named(g, "Koneen Säätiö") == orgs_named(g, "Kone Foundation")


def test_two_foundations_of_one_language_whose_names_differ_by_an_ending_stay_two(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": EN_CONFIG,
        "_cases/a.md": "---\ntitle: A\nclient: City of Turku\nfunder: Stiftung Mercator\n---\n",
        "_cases/b.md": "---\ntitle: B\nclient: City of Tampere\nfunder: Stiftung Mercatorum\n---\n",
    })
    g = graph(site)
    assert orgs_named(g, "Stiftung Mercator") != orgs_named(g, "Stiftung Mercatorum")


# -- countries from the rest of the site ---------------------------------------------------------------


def test_the_sites_own_country_comes_from_its_locale_its_domain_or_its_time_zone():
    assert site_country("pt_PT", "https://example.org", None) == "PT"
    assert site_country(None, "https://www.example.dk", None) == "DK"
    assert site_country(None, "https://example.eu", "Europe/Madrid") == "ES"
    assert site_country(None, "https://example.org", "CET") is None


def test_an_organisation_gets_the_one_country_of_the_company_it_keeps_unless_its_language_objects():
    projects = {"p1": {"zebralog", "koeln"}, "p2": {"zebralog", "bpb", "bonn"}}
    countries = {"koeln": "DE", "bpb": "DE", "bonn": "DE"}
    assert country_by_company("zebralog", projects, countries, ["de", "en"]) == "DE"
    assert country_by_company("zebralog", projects, countries, ["nl"]) is None, "a Dutch name in German projects"
    countries["bonn"] = "NL"
    assert country_by_company("zebralog", projects, countries, ["de"]) is None, "projects in two countries"
    assert spoken_in("FI", ["sv", "fi", "en", None])


def test_a_partner_whose_name_says_no_country_takes_its_projects_country(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": EN_CONFIG.replace("url: https://example.org", "url: https://example.org\n    locale: pl_PL"),
        "_cases/gdansk.md": "---\ntitle: Gdańsk budget\nclient: Urząd Miasta Gdańska\n"
                            "partners: [Pracownia Zmian, Uniwersytet Gdański]\n---\n",
    })
    g = graph(site)
    [partner] = orgs_named(g, "Pracownia Zmian")
    assert "Poland" in country_names(g, partner)
    [own] = orgs_named(g, "Open Commons")
    assert "Poland" in country_names(g, own), "the site's own organisation: its locale's country"


# -- reading texts and keys -----------------------------------------------------------------------------


def test_two_names_joined_by_and_are_two_names():
    found = dict(names_by_form("O projeto junta a Universidade do Porto e a Federação Académica do Porto."))
    assert set(found) == {"Universidade do Porto", "Federação Académica do Porto"}
    assert set(dict(names_by_form("Researchers of the University of Turku and Åbo Akademi met."))) == {
        "University of Turku", "Åbo Akademi"}
    assert set(dict(names_by_form("Con la Fundación Daniel y Nina Carasso trabajamos."))) == {
        "Fundación Daniel y Nina Carasso"}, "one name with 'y' inside stays one"


def test_an_english_possessive_is_not_part_of_a_name():
    assert set(dict(names_by_form("We read Fundacja Pracownia Miejska's report."))) == {"Fundacja Pracownia Miejska"}


def test_a_project_pages_title_does_not_run_into_its_first_sentence(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": EN_CONFIG,
        "_cases/vejle.md": "---\ntitle: Borgerbudget i Vejle\n---\nVejle Kommune har inviteret borgerne.\n",
    })
    g = graph(site)
    assert not orgs_named(g, "Vejle Vejle Kommune")


def test_a_posts_own_key_listing_a_projects_file_ties_the_post_to_it(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": EN_CONFIG,
        "_cases/turku.md": "---\ntitle: Youth budget in Turku\nclient: City of Turku\n---\n",
        "_posts/2022-01-20-results.md": "---\ntitle: The results are in\nrelated_case: _cases/turku.md\n---\n"
                                       "The votes were cast on Decidim.\n",
    })
    result = kg.build(site)
    g = result.graph.graph()
    post = rdflib.URIRef("https://example.org/2022/01/20/results.html")
    assert rdflib.URIRef("https://example.org/kg/project/turku") in set(g.objects(post, SCHEMA.mentions))
    assert not [d for d in result.diagnostics if d.kind == "unknown-key" and "related_case" in d.message]


def test_a_misspelt_known_key_listing_a_file_is_still_a_warning_and_ties_nothing(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": EN_CONFIG,
        "_cases/turku.md": "---\ntitle: Youth budget in Turku\nclient: City of Turku\n---\n",
        "_posts/2022-01-20-results.md": "---\ntitle: The results\ncleints: _cases/turku.md\n---\nText.\n",
    })
    result = kg.build(site)
    g = result.graph.graph()
    post = rdflib.URIRef("https://example.org/2022/01/20/results.html")
    assert rdflib.URIRef("https://example.org/kg/project/turku") not in set(g.objects(post, SCHEMA.mentions))
    assert [d for d in result.diagnostics if d.kind == "unknown-key" and "cleints" in d.message]


def test_a_municipality_is_found_in_running_text_under_its_towns_other_names(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": EN_CONFIG,
        "_cases/warsaw.md": "---\ntitle: Warsaw panel\nclient: Urząd m.st. Warszawy\n---\n",
        "_posts/2022-10-03-panel.md": "---\ntitle: The panel's recommendations\n---\n"
                                      "Warsaw City Hall accepted eleven of the panel's recommendations.\n",
    })
    g = graph(site)
    [city] = orgs_named(g, "Urząd m.st. Warszawy")
    post = rdflib.URIRef("https://example.org/2022/10/03/panel.html")
    assert city in set(g.objects(post, SCHEMA.mentions))


def test_a_public_body_named_in_one_compound_word_is_found_by_its_form():
    found = set(dict(names_by_form("Skolverket och Socialstyrelsen samarbetar. Riigikantselei oli partner.")))
    assert found == {"Skolverket", "Socialstyrelsen", "Riigikantselei"}
    assert not dict(names_by_form("Styrelsen möts i morgon.")), "the board alone is nobody's name"


def test_a_missing_project_file_named_after_a_town_has_that_towns_municipality_as_client(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": EN_CONFIG,
        "_cases/budget.md": "---\ntitle: Youth budget\nclient: Aarhus Kommune\n---\n",
        "_posts/2022-01-20-aarhus.md": "---\ntitle: Aarhus again\nclients: [_cases/aarhus.md]\n---\nText.\n",
    })
    result = kg.build(site)
    g = result.graph.graph()
    [municipality] = orgs_named(g, "Aarhus Kommune")
    stub = rdflib.URIRef("https://example.org/kg/project/aarhus")
    assert set(g.objects(stub, rdflib.URIRef("https://digidemlab.org/kg/ontology#client"))) == {municipality}
    [record] = g.subjects(rdflib.RDF.subject, stub)
    assert str(g.value(record, rdflib.URIRef("https://digidemlab.org/kg/ontology#method"))) == "reference-name"
    assert [d for d in result.diagnostics if d.kind == "dangling-reference"], "the missing file is still reported"


def test_an_associations_name_without_its_type_word_is_found_in_running_text(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": EN_CONFIG,
        "_cases/data.md": "---\ntitle: Open data clinics\npartners: [Stowarzyszenie Wikimedia Polska, "
                          "Robert Bosch Stiftung]\n---\n",
        "_posts/2020-11-12-clinics.md": "---\ntitle: What the clinics published\n---\n"
                                        "Volunteers from Wikimedia Polska linked each dataset. Robert Bosch spoke.\n",
    })
    g = graph(site)
    post = rdflib.URIRef("https://example.org/2020/11/12/clinics.html")
    mentioned = set(g.objects(post, SCHEMA.mentions))
    assert orgs_named(g, "Stowarzyszenie Wikimedia Polska") <= mentioned
    assert not orgs_named(g, "Robert Bosch Stiftung") & mentioned, "a foundation named after a person is not him"


def test_a_municipality_is_found_under_its_portuguese_and_polish_forms_in_running_text(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": EN_CONFIG,
        "_cases/poa.md": "---\ntitle: Porto Alegre budget\nclient: Prefeitura Municipal de Porto Alegre\n---\n",
        "_posts/2020-11-23-poa.md": "---\ntitle: Assemblies again\n---\nA Prefeitura de Porto Alegre reabre.\n",
    })
    g = graph(site)
    post = rdflib.URIRef("https://example.org/2020/11/23/poa.html")
    assert orgs_named(g, "Prefeitura Municipal de Porto Alegre") <= set(g.objects(post, SCHEMA.mentions))


def test_turkish_and_icelandic_forms_give_kinds_and_countries():
    from kg.resolve.countries import country_of_form

    assert kind_of("Kadıköy Belediyesi") == "municipality" and country_of_form("Kadıköy Belediyesi") == "TR"
    assert kind_of("Boğaziçi Üniversitesi") == "university"
    assert kind_of("Açık Toplum Vakfı") == kind_of("Toplum Gönüllüleri Derneği") == "ngo"
    assert kind_of("Örnek Yazılım A.Ş.") == "company" and country_of_form("Örnek Yazılım A.Ş.") == "TR"
    assert kind_of("Háskóli Íslands") == "university" and country_of_form("Háskóli Íslands") == "IS"
    assert canonical_place(place_core("İstanbul Büyükşehir Belediyesi")) == canonical_place(place_core(
        "City of Istanbul"))
    found = set(dict(names_by_form("Proje, Kadıköy Belediyesi ve Açık Toplum Vakfı ile yürütüldü.")))
    assert found == {"Kadıköy Belediyesi", "Açık Toplum Vakfı"}
