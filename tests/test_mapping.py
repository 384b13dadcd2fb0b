"""The maintainer's mapping: ``kg:`` in ``_config.yml`` or ``_data/kg/mapping.yml``.

It says which collection is which class and which front-matter keys hold which fact;
it wins over kg's own recognition; anything it says that cannot be read is a
``bad-mapping`` warning naming the file and line, and the rest of it still applies.
"""

from __future__ import annotations

import rdflib
from namespaces import KGO, SCHEMA, SITE
from rdflib import RDF, XSD, Literal, URIRef

import kg

PROJECT = rdflib.Namespace(f"{SITE}/kg/project/")
PERSON = rdflib.Namespace(f"{SITE}/kg/person/")


def build(site, **kwargs) -> tuple[kg.BuildResult, rdflib.Graph]:
    result = kg.build(site, **kwargs)
    return result, result.graph.graph()


def names(g: rdflib.Graph, subject, predicate) -> set[str]:
    return {str(name) for obj in g.objects(subject, predicate) for name in g.objects(obj, SCHEMA.name)}


def of_kind(result: kg.BuildResult, kind: str) -> list:
    return [d for d in result.diagnostics if d.kind == kind]


CONFIG = """\
    title: Föreningen Exempel
    url: https://example.org
    lang: sv
    collections:
      arbeten: {output: true, permalink: /arbeten/:title/}
      folk: {output: false}
    kg:
      collections:
        arbeten:
          class: project
          keys:
            client: beställd_av
            partners: [med, tillsammans_med]
            years: när
            themes: ämnen
        folk:
          class: person
          keys: {role: uppgift, organisation: anställd_hos}
    """

DOCS = {
    "_arbeten/skolval.md": """\
        ---
        title: Skolval i Norrby
        beställd_av: Norrby kommun
        med: [Elevrådet Norrby]
        tillsammans_med: Föräldraföreningen
        när: [2019, 2020, 2021]
        ämnen: [Skola, Demokrati]
        ---
        """,
    "_folk/eva-ek.md": "---\ntitle: Eva Ek\nuppgift: Samordnare\nanställd_hos: Norrby kommun\n---\n",
}


def test_the_mapping_in_config_says_what_a_collection_is_and_which_keys_hold_its_facts(make_site, tmp_path):
    """``_arbeten`` is declared a project collection whose client is ``beställd_av``, partners ``med`` and
    ``tillsammans_med``, years ``när`` (a list of years) and themes ``ämnen`` (words); none of those keys
    is an unknown key."""
    result, g = build(make_site(tmp_path, {"_config.yml": CONFIG, **DOCS}))
    assert result.diagnostics == []
    project = PROJECT["skolval"]
    assert names(g, project, KGO.client) == {"Norrby kommun"}
    assert names(g, project, KGO.partner) == {"Elevrådet Norrby", "Föräldraföreningen"}
    assert set(g.objects(project, SCHEMA.startDate)) == {Literal("2019", datatype=XSD.gYear)}
    assert set(g.objects(project, SCHEMA.endDate)) == {Literal("2021", datatype=XSD.gYear)}
    themes = set(g.objects(project, SCHEMA.about))
    assert {str(label) for t in themes for label in g.objects(t, SCHEMA.name)} == {"Skola", "Demokrati"}
    entry = next(e for e in result.collections if e["collection"] == "arbeten")
    assert (entry["how"], entry["evidence"]) == ("mapping", "said in _config.yml:9")


def test_a_person_mapping_names_the_role_key_and_the_employer_key(make_site, tmp_path):
    """``organisation: anställd_hos`` makes the person work for that organisation, not the site's."""
    _, g = build(make_site(tmp_path, {"_config.yml": CONFIG, **DOCS}))
    eva = PERSON["eva-ek"]
    assert set(g.objects(eva, SCHEMA.jobTitle)) == {Literal("Samordnare", lang="sv")}
    assert names(g, eva, SCHEMA.worksFor) == {"Norrby kommun"}


def test_the_mapping_file_in_data_says_the_same_without_the_kg_wrapper(make_site, tmp_path):
    config = "title: Föreningen Exempel\nurl: https://example.org\nlang: sv\n" \
             "collections:\n  arbeten: {output: true}\n  folk: {output: false}\n"
    mapping = "collections:\n  arbeten:\n    class: project\n    keys: {client: beställd_av}\n"
    result, g = build(make_site(tmp_path, {"_config.yml": config, "_data/kg/mapping.yml": mapping, **DOCS}))
    assert names(g, PROJECT["skolval"], KGO.client) == {"Norrby kommun"}
    assert {d.line for d in of_kind(result, "unknown-key") if d.file == "_arbeten/skolval.md"} == {4, 5, 6, 7}


def test_when_both_say_something_the_data_file_wins_key_by_key_and_a_warning_names_both(make_site, tmp_path):
    """``_config.yml`` says the client is ``beställd_av``, ``_data/kg/mapping.yml`` says ``kund``: ``kund``
    is read, the partners key of ``_config.yml`` still applies, and ``mapping-conflict`` names both."""
    mapping = "collections:\n  arbeten:\n    keys:\n      client: kund\n"
    docs = {**DOCS, "_arbeten/skolval.md": "---\ntitle: S\nkund: Västby kommun\nbeställd_av: Norrby kommun\n"
                                           "med: Elevrådet\n---\n"}
    result, g = build(make_site(tmp_path, {"_config.yml": CONFIG, "_data/kg/mapping.yml": mapping, **docs}))
    assert names(g, PROJECT["skolval"], KGO.client) == {"Västby kommun"}
    assert names(g, PROJECT["skolval"], KGO.partner) == {"Elevrådet"}
    [conflict] = of_kind(result, "mapping-conflict")
    assert (conflict.file, conflict.line) == ("_data/kg/mapping.yml", 4)
    assert "_config.yml:12" in conflict.message


def test_a_maintainers_class_wins_over_the_name_of_the_collection(make_site, tmp_path):
    """``_projects`` declared ``page``: its documents are plain pages, whatever their name says."""
    config = ("url: https://example.org\ncollections: {projects: {output: true}}\n"
              "kg:\n  collections:\n    projects: page\n")
    _, g = build(make_site(tmp_path, {"_config.yml": config, "_projects/a.md": "---\ntitle: A\n---\n"}))
    assert (PROJECT["a"], RDF.type, SCHEMA.Project) not in g
    assert (URIRef(f"{SITE}/projects/a.html"), RDF.type, SCHEMA.WebPage) in g


def test_an_ignored_collection_says_nothing_and_warns_about_nothing(make_site, tmp_path):
    config = ("url: https://example.org\ncollections: {blocks: {output: true}}\n"
              "kg:\n  collections:\n    blocks: {class: ignore}\n")
    result, g = build(make_site(tmp_path, {"_config.yml": config,
                                           "_blocks/hero.md": "---\ntitle: Hero\nweird_key: 1\n---\n"}))
    assert result.diagnostics == []
    assert not list(g.subjects(SCHEMA.name, Literal("Hero", lang="en")))
    [entry] = [e for e in result.collections if e["folder"] == "_blocks"]
    assert entry["class"] is None and "class: ignore" in entry["evidence"]


def test_a_data_file_declared_in_the_mapping_holds_projects(make_site, tmp_path):
    """``data: {uppdrag: {class: project, keys: {client: org, years: when}}}`` reads ``_data/uppdrag.yml``."""
    config = ("title: Exempel\nurl: https://example.org\nlang: sv\n"
              "kg:\n  data:\n    uppdrag:\n      class: project\n      keys: {client: org, years: when}\n")
    data = "- {title: Trygg park, id: park, org: Östby kommun, when: '2022 - pågående'}\n"
    result, g = build(make_site(tmp_path, {"_config.yml": config, "_data/uppdrag.yml": data}))
    assert result.diagnostics == []
    assert names(g, PROJECT["park"], KGO.client) == {"Östby kommun"}
    assert set(g.objects(PROJECT["park"], KGO.ongoing)) == {Literal(True)}


def test_the_mappings_organisation_is_the_sites_own(make_site, tmp_path):
    """``organisation: {name, url}``: the site's publisher has that name and that homepage too."""
    config = ("title: Webbplatsen\nurl: https://blogg.example.org\n"
              "kg:\n  organisation: {name: Stiftelsen Exempel, url: 'https://example.org/'}\n")
    _, g = build(make_site(tmp_path, {"_config.yml": config}))
    website = URIRef("https://blogg.example.org/#website")
    assert names(g, website, SCHEMA.publisher) == {"Stiftelsen Exempel"}
    assert set(g.objects(website, SCHEMA.name)) == {Literal("Webbplatsen")}
    [org] = g.objects(website, SCHEMA.publisher)
    assert set(g.objects(org, SCHEMA.url)) == {URIRef("https://blogg.example.org/"), URIRef("https://example.org/")}


# -- what cannot be read ---------------------------------------------------------------------------

BAD = """\
    url: https://example.org
    collections: {arbeten: {output: true}}
    kg:
      colections: {}
      organisation: {name: X, url: ftp://x}
      collections:
        arbeten:
          class: projekt
          keys:
            client: beställd_av
            budget: pengar
            partners: [1, 2]
        arbetn: {class: project}
      data:
        saknas: {class: project}
    """


def test_each_part_of_a_mapping_that_cannot_be_read_is_a_warning_on_its_line(make_site, tmp_path):
    """An unknown part, a URL that is no http(s) URL, an unknown class and fact, keys that are no key
    names, a collection without a folder and a missing data file: each a ``bad-mapping`` warning on
    its own line of ``_config.yml``, with a suggestion where one is close."""
    result, _ = build(make_site(tmp_path, {"_config.yml": BAD}))
    found = {(d.line, d.suggestion) for d in of_kind(result, "bad-mapping")}
    assert all(d.file == "_config.yml" for d in of_kind(result, "bad-mapping"))
    assert found == {(4, "collections"), (5, None), (8, "project"), (11, None), (12, None), (13, "arbeten"),
                     (15, None)}


def test_what_can_be_read_of_a_bad_mapping_still_applies(make_site, tmp_path):
    """With ``class: projekt`` refused, ``_arbeten`` is still read with the mapping's client key (its
    class found from its documents' keys)."""
    site = make_site(tmp_path, {"_config.yml": BAD,
                                "_arbeten/a.md": "---\ntitle: A\nbeställd_av: Norrby kommun\n---\n"})
    result, g = build(site)
    assert names(g, PROJECT["a"], KGO.client) == {"Norrby kommun"}
    assert not of_kind(result, "unknown-key")


def test_a_mapping_that_is_not_a_mapping_is_one_warning(make_site, tmp_path):
    result, _ = build(make_site(tmp_path, {"_config.yml": "url: https://example.org\nkg: [a, b]\n",
                                           "_data/kg/mapping.yml": "just text\n"}))
    assert sorted((d.file, d.line) for d in of_kind(result, "bad-mapping")) == [
        ("_config.yml", 2), ("_data/kg/mapping.yml", 1)]


def test_the_void_settings_under_kg_are_no_bad_mapping(make_site, tmp_path):
    config = "url: https://example.org\nkg:\n  license: https://creativecommons.org/publicdomain/zero/1.0/\n"
    result, _ = build(make_site(tmp_path, {"_config.yml": config}))
    assert of_kind(result, "bad-mapping") == []
