"""Spellings of one organisation that share no word, merged only on evidence the site itself gives:
a text naming one in parentheses after the other, one acronym given to both, a unit written
without its parent, a town's names in two languages, the site's title and its name."""

from __future__ import annotations

import json

import rdflib
from namespaces import SCHEMA
from rdflib import RDF, Literal, URIRef

import kg

CONFIG = "title: Open Harbour\nurl: https://openharbour.example\nlang: en\n"


def project(ref: str, lang: str, partners: list[str]) -> str:
    listed = json.dumps(partners, ensure_ascii=False)
    return f"---\ntitle: {ref} {lang}\nref: {ref}\nlang: {lang}\npartners: {listed}\n---\n"


def post(text: str, date: str = "2023-05-01") -> tuple[str, str]:
    return f"_posts/{date}-news.md", f"---\ntitle: News\nlang: en\n---\n{text}\n"


def entity_named(g: rdflib.Graph, name: str) -> set[URIRef]:
    return {s for s in g.subjects(SCHEMA.alternateName, None)
            if any(str(o) == name for o in g.objects(s, SCHEMA.alternateName))
            and (s, RDF.type, SCHEMA.Organization) in g}


def one_entity(g: rdflib.Graph, *names: str) -> bool:
    found = [entity_named(g, n) for n in names]
    return all(len(f) == 1 for f in found) and len(set().union(*found)) == 1


def test_a_name_a_text_gives_in_parentheses_after_another_of_its_kind_is_the_same_organisation(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": CONFIG,
        "_clients/harbour.md": project("harbour", "en", ["Stichting Vrije Haven"]),
        "about.md": "---\ntitle: About\n---\nThe Open Harbour Foundation (Stichting Vrije Haven) was set up in 2015.\n",
    })
    result = kg.build(site)
    g = result.graph.graph()
    assert one_entity(g, "Stichting Vrije Haven", "Open Harbour Foundation")
    [merge] = [m for m in result.merges if "parentheses" in m["evidence"]]
    assert merge["names"] == ["Open Harbour Foundation", "Stichting Vrije Haven"] and merge["files"] == ["about.md"]


def test_a_parenthesis_naming_an_organisation_of_another_kind_merges_nothing(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": CONFIG,
        "_clients/harbour.md": project("harbour", "en", ["Stichting Open Haven", "Gemeente Rotterdam"]),
        "about.md": "---\ntitle: About\n---\nStichting Open Haven (Gemeente Rotterdam) asked us in.\n",
    })
    g = kg.build(site).graph.graph()
    assert not one_entity(g, "Stichting Open Haven", "Gemeente Rotterdam")


def test_the_sites_title_is_its_organisations_name_without_the_legal_form(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": "title: Brugwerk\nname: Brugwerk e.V.\nurl: https://brugwerk.example\nlang: de\n",
        "_clients/p.md": project("p", "de", ["Brugwerk", "Stadt Köln"]),
    })
    g = kg.build(site).graph.graph()
    assert one_entity(g, "Brugwerk e.V.", "Brugwerk")
    [org] = entity_named(g, "Brugwerk")
    assert (org, SCHEMA.url, URIRef("https://brugwerk.example/")) in g


def test_names_a_site_gives_one_acronym_are_one_organisation(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG),
        ("_clients/youth.md", project("youth", "da", ["Dansk Ungdoms Fællesråd"])),
        ("_clients/panel.md", project("panel", "en", ["Danish Youth Council (DUF)"])),
        post("Dansk Ungdoms Fællesråd (DUF) hjælper os med at nå de unge."),
    ]))
    g = kg.build(site).graph.graph()
    assert one_entity(g, "Dansk Ungdoms Fællesråd", "Danish Youth Council (DUF)")


def test_one_acronym_given_to_organisations_of_two_kinds_merges_nothing(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG),
        ("_clients/a.md", project("a", "en", ["Open Source Politics"])),
        ("_clients/b.md", project("b", "en", ["Oslo School of Planning University (OSP)"])),
        post("Open Source Politics (OSP) builds Decidim sites."),
    ]))
    g = kg.build(site).graph.graph()
    assert not one_entity(g, "Open Source Politics", "Oslo School of Planning University (OSP)")


def test_a_unit_written_without_its_parent_is_the_sites_one_unit_of_that_name(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": CONFIG,
        "_clients/a.md": project("a", "de", ["Land Berlin, Senatsverwaltung für Stadtentwicklung"]),
        "_clients/b.md": project("b", "de", ["Senatsverwaltung für Stadtentwicklung"]),
    })
    g = kg.build(site).graph.graph()
    partners = [set(g.objects(URIRef(f"https://openharbour.example/kg/project/{p}"),
                              URIRef("https://digidemlab.org/kg/ontology#partner"))) for p in "ab"]
    assert partners[0] == partners[1] and len(partners[0]) == 1


def test_a_unit_name_two_parents_have_is_left_alone(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": CONFIG,
        "_clients/a.md": project("a", "en", ["University of Leiden, Institute of Sociology"]),
        "_clients/b.md": project("b", "en", ["University of Ghent, Institute of Sociology"]),
        "_clients/c.md": project("c", "en", ["Institute of Sociology"]),
    })
    g = kg.build(site).graph.graph()
    partners = [set(g.objects(URIRef(f"https://openharbour.example/kg/project/{p}"),
                              URIRef("https://digidemlab.org/kg/ontology#partner"))) for p in "abc"]
    assert len(set().union(*partners)) == 3


def test_a_towns_names_in_two_languages_align_a_translated_list(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": CONFIG,
        "_clients/p.md": project("p", "de", ["Universität zu Köln, Institut für Soziologie", "Stadt Bonn"]),
        "_clients/p-en.md": project("p", "en", ["City of Bonn", "University of Cologne, Institute of Sociology"]),
    })
    result = kg.build(site)
    g = result.graph.graph()
    institute = set(g.subjects(SCHEMA.name, Literal("University of Cologne, Institute of Sociology", lang="en")))
    assert len(institute) == 1
    [iri] = institute
    assert (iri, SCHEMA.name, Literal("Universität zu Köln, Institut für Soziologie", lang="de")) in g


def test_greek_and_cyrillic_names_are_compared_in_latin_letters(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": CONFIG,
        "_clients/athens.md": project("athens", "en", ["City of Athens"]),
        "_clients/athens-el.md": project("athens", "el", ["Δήμος Αθηναίων"]),
        "_clients/kyiv.md": project("kyiv", "en", ["Kyiv City Council", "Aristotle University of Thessaloniki"]),
        "_clients/kyiv-uk.md": project("kyiv", "uk", ["Київська міська рада",
                                                      "Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης"]),
    })
    g = kg.build(site).graph.graph()
    assert one_entity(g, "City of Athens", "Δήμος Αθηναίων")
    assert one_entity(g, "Kyiv City Council", "Київська міська рада")
    assert one_entity(g, "Aristotle University of Thessaloniki", "Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης")
    iris = {str(s) for s in g.subjects(RDF.type, SCHEMA.Organization)}
    assert "https://openharbour.example/kg/organisation/city-of-athens" in iris  # the IRI keeps its own letters


def test_indic_georgian_and_armenian_names_are_compared_in_latin_letters(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": CONFIG,
        "_clients/pune.md": project("pune", "en", ["Pune Municipal Corporation", "Savitribai Phule Pune University"]),
        "_clients/pune-hi.md": project("pune", "hi", ["पुणे महानगरपालिका", "सावित्रीबाई फुले पुणे विश्वविद्यालय"]),
        "_clients/tbilisi.md": project("tbilisi", "en", ["Tbilisi City Hall"]),
        "_clients/tbilisi-ka.md": project("tbilisi", "ka", ["თბილისის მერია"]),
        "_clients/yerevan.md": project("yerevan", "en", ["Yerevan State University"]),
        "_clients/yerevan-hy.md": project("yerevan", "hy", ["Երևանի պետական համալսարան"]),
    })
    g = kg.build(site).graph.graph()
    assert one_entity(g, "Pune Municipal Corporation", "पुणे महानगरपालिका")
    assert one_entity(g, "Savitribai Phule Pune University", "सावित्रीबाई फुले पुणे विश्वविद्यालय")
    assert not one_entity(g, "Pune Municipal Corporation", "Savitribai Phule Pune University")
    assert one_entity(g, "Tbilisi City Hall", "თბილისის მერია")
    assert one_entity(g, "Yerevan State University", "Երևանի պետական համալսարան")


def test_a_towns_city_hall_and_council_are_two_bodies_where_the_site_names_both(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": CONFIG,
        "_clients/a.md": project("a", "en", ["Tbilisi City Hall"]),
        "_clients/b.md": project("b", "en", ["Tbilisi City Council"]),
        "_clients/c.md": project("c", "en", ["Leeds City Council"]),
        "_clients/d.md": project("d", "en", ["City of Leeds"]),
    })
    g = kg.build(site).graph.graph()
    assert not one_entity(g, "Tbilisi City Hall", "Tbilisi City Council")
    assert one_entity(g, "Leeds City Council", "City of Leeds")  # only the council named: the municipality


def test_a_list_inside_a_name_is_no_unit_but_a_unit_may_hold_one():
    from kg.resolve.names import split_unit

    assert split_unit("Foreign, Commonwealth & Development Office") is None
    assert split_unit("Ministerio de Asuntos Exteriores, Unión Europea y Cooperación") is None
    assert split_unit("Ressò, SCCL") is None  # a legal form after a comma
    assert split_unit("Aalborg Kommune, Teknik- og Miljøforvaltningen") == (
        "Aalborg Kommune", "Teknik- og Miljøforvaltningen")
    assert split_unit("Generalitat de Catalunya, Departament d'Acció Climàtica, Alimentació i Agenda Rural") == (
        "Generalitat de Catalunya", "Departament d'Acció Climàtica, Alimentació i Agenda Rural")
    assert split_unit("Göteborgs Stad, Lundby") == ("Göteborgs Stad", "Lundby")


def test_a_towns_council_is_its_municipality_but_a_councils_other_words_are_not_a_town(make_site, tmp_path):
    site = make_site(tmp_path, {
        "_config.yml": CONFIG.replace("https://openharbour.example", "https://openharbour.org.uk"),
        "_clients/a.md": project("a", "en", ["Camden Council", "Arts Council"]),
        "_clients/b.md": project("b", "en", ["London Borough of Camden", "Danish Youth Council"]),
    })
    g = kg.build(site).graph.graph()
    assert one_entity(g, "Camden Council", "London Borough of Camden")
    assert not one_entity(g, "Arts Council", "Danish Youth Council")
