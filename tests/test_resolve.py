"""The resolve stage: names written in front matter → one IRI per organisation.

Spelling, case, spacing, translation, a "(Country)" suffix or a ", Unit" suffix never
split one organisation; sharing words never merges two. Names the registry
(``kg/ontology/registry.yml``) does not know are merged only when the sv and en pages
of one project list them in the same place — and that is reported.
"""

from __future__ import annotations

import json

import pytest
import rdflib
from namespaces import KGO, ORGANISATION, PLACE, PLATFORM, PROJECT, SCHEMA, SITE, THEME
from rdflib import RDF, Literal, URIRef

import kg


def build(site, **kwargs) -> tuple[kg.BuildResult, rdflib.Graph]:
    result = kg.build(site, **kwargs)
    return result, result.graph.graph()


def yaml_list(names: list[str]) -> str:
    return json.dumps(names, ensure_ascii=False)  # a JSON array is a YAML flow sequence


def project_page(ref: str, lang: str, *, client: str | None = None, partners: list[str] | None = None) -> str:
    lines = ["---", f"title: {ref} {lang}", f"ref: {ref}", f"lang: {lang}"]
    if client is not None:
        lines.append(f"client: {json.dumps(client, ensure_ascii=False)}")
    if partners is not None:
        lines.append(f"partners: {yaml_list(partners)}")
    return "\n".join([*lines, "---", ""])


def one_project_per_name(names: list[str]) -> dict[str, str]:
    """Project pages p0, p1, … each with one partner (all in Swedish, the site language)."""
    return {f"_clients/p{i}.md": project_page(f"p{i}", "sv", partners=[name]) for i, name in enumerate(names)}


def partners_of(g: rdflib.Graph, ref: str) -> set[URIRef]:
    return set(g.objects(PROJECT[ref], KGO.partner))


def organisations(g: rdflib.Graph) -> set[URIRef]:
    return set(g.subjects(RDF.type, SCHEMA.Organization))


# -- one organisation, many spellings ------------------------------------------------------------


def test_spellings_and_translations_of_goteborgs_stad_are_one_organisation(make_site, tmp_path):
    """Registry aliases, case and doubled spaces all lead to ``organisation/goteborgs-stad``."""
    names = ["Göteborgs Stad", "Göteborg Stad", "City of Gothenburg", "göteborgs  stad", "GÖTEBORGS STAD",
             "Göteborgs\u00a0Stad", " Göteborgs Stad. "]  # a no-break space from a CMS; stray spaces and dot
    result, g = build(make_site(tmp_path, one_project_per_name(names)))
    assert result.diagnostics == []
    for i in range(len(names)):
        assert partners_of(g, f"p{i}") == {ORGANISATION["goteborgs-stad"]}, names[i]
    assert (ORGANISATION["goteborgs-stad"], RDF.type, SCHEMA.GovernmentOrganization) in g


def test_a_country_in_parentheses_is_the_organisations_location(make_site, tmp_path):
    """``Sintef (Norway)`` is SINTEF, located in Norway; an unknown organisation keeps the country too."""
    result, g = build(make_site(tmp_path, one_project_per_name(["Sintef (Norway)", "Exempelbolaget AB (Norway)"])))
    assert result.diagnostics == []
    assert partners_of(g, "p0") == {ORGANISATION["sintef"]}
    assert (ORGANISATION["sintef"], SCHEMA.location, PLACE["norway"]) in g
    [unknown] = partners_of(g, "p1")
    assert unknown == ORGANISATION["exempelbolaget-ab"]
    assert set(g.objects(unknown, SCHEMA.location)) == {PLACE["norway"]}
    assert set(g.objects(unknown, SCHEMA.name)) == {Literal("Exempelbolaget AB", lang="sv")}
    assert (PLACE["norway"], RDF.type, SCHEMA.Country) in g


def test_a_parenthesis_that_is_no_country_is_part_of_the_name(make_site, tmp_path):
    """``Acme (NYC)``: NYC is no country, so the parenthesis stays in the name and no location is guessed."""
    _, g = build(make_site(tmp_path, one_project_per_name(["Acme (NYC)"])))
    [org] = partners_of(g, "p0")
    assert org == ORGANISATION["acme-nyc"]
    assert set(g.objects(org, SCHEMA.name)) == {Literal("Acme (NYC)", lang="sv")}
    assert list(g.objects(org, SCHEMA.location)) == []


def test_a_unit_of_a_city_in_either_language_is_one_entity_under_the_city(make_site, tmp_path):
    """``Göteborgs Stad, Lundby`` and ``City of Gothenburg, Lundby``: one unit, ``parentOrganization`` the city."""
    names = ["Göteborgs Stad, Lundby", "City of Gothenburg, Lundby"]
    _, g = build(make_site(tmp_path, one_project_per_name(names)))
    unit = ORGANISATION["goteborgs-stad-lundby"]
    assert partners_of(g, "p0") == partners_of(g, "p1") == {unit}
    assert set(g.objects(unit, SCHEMA.parentOrganization)) == {ORGANISATION["goteborgs-stad"]}


def test_an_unregistered_unit_of_a_known_city_is_minted_under_it(make_site, tmp_path):
    """A unit the registry does not know (``, Angered``) is still one entity, under the city's IRI."""
    names = ["Göteborgs Stad, Angered", "City of Gothenburg, Angered"]
    _, g = build(make_site(tmp_path, one_project_per_name(names)))
    unit = URIRef(f"{SITE}/kg/organisation/goteborgs-stad/angered")
    assert partners_of(g, "p0") == partners_of(g, "p1") == {unit}
    assert set(g.objects(unit, SCHEMA.parentOrganization)) == {ORGANISATION["goteborgs-stad"]}
    assert (unit, RDF.type, SCHEMA.Organization) in g


# -- never merged --------------------------------------------------------------------------------


@pytest.mark.parametrize(("sv_name", "en_name", "sv_iri", "en_iri"), [
    ("Stockholms stad", "Stockholms universitet", "stockholms-stad", "stockholms-universitet"),
    ("City of Helsinki", "University of Helsinki", "city-of-helsinki", "university-of-helsinki"),
    ("Transparency International Estonia", "Transparency International Lithuania",
     "transparency-international-estonia", "transparency-international-lithuania"),
])
def test_similar_names_are_never_merged(make_site, tmp_path, sv_name, en_name, sv_iri, en_iri):
    """Sharing words is no identity — not even in the same place of a project's sv and en partner lists."""
    site = make_site(tmp_path, {
        "_clients/p.md": project_page("p", "sv", partners=[sv_name]),
        "_clients/p-en.md": project_page("p", "en", partners=[en_name]),
    })
    result, g = build(site)
    assert partners_of(g, "p") == {ORGANISATION[sv_iri], ORGANISATION[en_iri]}
    assert result.merges == []
    assert "merged-by-translation" not in {d.kind for d in result.diagnostics}


# -- aligning translations -----------------------------------------------------------------------


def test_unknown_names_in_the_same_place_of_sv_and_en_lists_are_merged_and_reported(make_site, tmp_path):
    """Made-up names the registry cannot know, in the same place: one organisation and a ``merged-by-translation``."""
    site = make_site(tmp_path, {
        "_clients/p.md": project_page("p", "sv", client="Exempelföreningen Ost",
                                      partners=["Open Source Politics", "Bolaget Väst AB"]),
        "_clients/p-en.md": project_page("p", "en", client="Example Association East",
                                         partners=["Open Source Politics", "Company West Ltd"]),
    })
    result, g = build(site)
    [client] = g.objects(PROJECT["p"], KGO.client)
    assert client == ORGANISATION["exempelforeningen-ost"]  # minted from the site language's name
    assert set(g.objects(client, SCHEMA.name)) == {
        Literal("Exempelföreningen Ost", lang="sv"), Literal("Example Association East", lang="en")}
    assert partners_of(g, "p") == {ORGANISATION["open-source-politics"], ORGANISATION["bolaget-vast-ab"]}
    assert sorted(result.merges, key=lambda m: m["names"]) == [
        {"names": ["Bolaget Väst AB", "Company West Ltd"], "files": ["_clients/p-en.md", "_clients/p.md"],
         "evidence": "the only company left in both lists, at the same place"},
        {"names": ["Example Association East", "Exempelföreningen Ost"],
         "files": ["_clients/p-en.md", "_clients/p.md"],
         "evidence": "the only ngo left in both lists, at the same place"},
    ]
    merged = [d for d in result.diagnostics if d.kind == "merged-by-translation"]
    assert len(merged) == 2
    assert all(d.suggestion and "registry" in d.suggestion for d in merged)
    assert {(d.file, d.line) for d in merged} == {("_clients/p.md", 5), ("_clients/p.md", 6)}
    assert result.report()["merged_by_translation"] == result.merges


def test_lists_of_different_length_are_not_aligned(make_site, tmp_path):
    """When the sv list has a name more than the en list, positions say nothing: nothing is merged."""
    site = make_site(tmp_path, {
        "_clients/p.md": project_page("p", "sv", partners=["Exempelföreningen Ost", "Bolaget Väst AB"]),
        "_clients/p-en.md": project_page("p", "en", partners=["Example Association East"]),
    })
    result, g = build(site)
    assert result.merges == []
    assert partners_of(g, "p") == {ORGANISATION["exempelforeningen-ost"], ORGANISATION["bolaget-vast-ab"],
                                   ORGANISATION["example-association-east"]}


@pytest.mark.parametrize(("sv", "en", "expected"), [
    # a known name moved and two associations left on each side: neither position nor kind can pair them
    (["Föreningen Gryning", "Föreningen Skymning", "Open Source Politics"],
     ["Open Source Politics", "Dusk Association", "Dawn Association"],
     {"foreningen-gryning", "foreningen-skymning", "dusk-association", "dawn-association", "open-source-politics"}),
    # the same unknown names in another order: still two organisations, never one
    (["Föreningen Alfa", "Bolaget Beta"], ["Bolaget Beta", "Föreningen Alfa"], {"foreningen-alfa", "bolaget-beta"}),
])
def test_a_reordered_list_is_not_merged_wrongly(make_site, tmp_path, sv, en, expected):
    """A name standing elsewhere in the other list shows the lists are reordered: no positional merge."""
    site = make_site(tmp_path, {
        "_clients/p.md": project_page("p", "sv", partners=sv),
        "_clients/p-en.md": project_page("p", "en", partners=en),
    })
    result, g = build(site)
    assert result.merges == []
    assert partners_of(g, "p") == {ORGANISATION[x] for x in expected}


def test_the_only_one_of_a_kind_left_in_both_lists_is_one_organisation_wherever_it_stands(make_site, tmp_path):
    """Once the known names are paired, the one association left in each list is one association, even at
    another place ("Föreningen Gryning" / "Dawn Association"); the merge says why."""
    site = make_site(tmp_path, {
        "_clients/p.md": project_page("p", "sv", partners=["Föreningen Gryning", "Open Source Politics"]),
        "_clients/p-en.md": project_page("p", "en", partners=["Open Source Politics", "Dawn Association"]),
    })
    result, g = build(site)
    assert len(partners_of(g, "p")) == 2
    [merge] = result.merges
    assert sorted(merge["names"]) == ["Dawn Association", "Föreningen Gryning"]
    assert "the only ngo left in both lists" in merge["evidence"]


def test_the_sites_own_organisation_as_a_partner(make_site, tmp_path):
    """``Digidem Lab (Sweden)`` in a partner list is the site's own organisation, the WebSite's publisher."""
    config = f"title: Digidem Lab\nurl: {SITE}\nlang: sv\ncollections:\n  clients: {{output: true}}\n"
    site = make_site(tmp_path, {"_config.yml": config,
                                "_clients/p.md": project_page("p", "sv", partners=["Digidem Lab (Sweden)"])})
    _, g = build(site)
    [publisher] = g.objects(URIRef(f"{SITE}/#website"), SCHEMA.publisher)
    assert publisher == ORGANISATION["digidem-lab"]
    assert partners_of(g, "p") == {publisher}


def test_every_surface_form_is_an_alternate_name_in_its_pages_language(make_site, tmp_path):
    """What each page wrote is kept as ``schema:alternateName``, tagged with that page's language."""
    site = make_site(tmp_path, {
        "_clients/p.md": project_page("p", "sv", client="Göteborg Stad", partners=["Exempelföreningen Ost"]),
        "_clients/p-en.md": project_page("p", "en", client="City of Gothenburg",
                                         partners=["Example Association East"]),
        "_clients/q.md": project_page("q", "sv", client="göteborgs  stad"),
    })
    _, g = build(site)
    assert set(g.objects(ORGANISATION["goteborgs-stad"], SCHEMA.alternateName)) == {
        Literal("Göteborg Stad", lang="sv"),
        Literal("City of Gothenburg", lang="en"),
        Literal("göteborgs stad", lang="sv"),  # whitespace folded, case kept
    }
    assert set(g.objects(ORGANISATION["exempelforeningen-ost"], SCHEMA.alternateName)) == {
        Literal("Exempelföreningen Ost", lang="sv"), Literal("Example Association East", lang="en")}


# -- the site's own registry ---------------------------------------------------------------------

SITE_REGISTRY = """\
    organisations:
      goteborgs-stad:
        aliases: [GBG Stad]
      exempelbolaget:
        name: {sv: Exempelbolaget AB, en: Example Company}
        aliases: [Exempelbolaget]
        kind: company
        country: sweden
    """


def test_a_site_registry_adds_an_alias_and_a_new_organisation(make_site, tmp_path):
    """``_data/kg/registry.yml`` extends the default registry: a new alias, a new entity with its facts."""
    site = make_site(tmp_path, {
        "_data/kg/registry.yml": SITE_REGISTRY,
        "_clients/p.md": project_page("p", "sv", partners=["GBG Stad", "Exempelbolaget"]),
    })
    result, g = build(site)
    assert result.diagnostics == []
    new = ORGANISATION["exempelbolaget"]
    assert partners_of(g, "p") == {ORGANISATION["goteborgs-stad"], new}
    assert {(RDF.type, SCHEMA.Organization), (RDF.type, SCHEMA.Corporation),
            (KGO.organisationKind, KGO.company), (SCHEMA.location, PLACE["sweden"]),
            (SCHEMA.name, Literal("Exempelbolaget AB", lang="sv")),
            (SCHEMA.name, Literal("Example Company", lang="en"))} <= set(g.predicate_objects(new))
    # The site registry's facts are in the graph of the file that says them.
    registry_graph = URIRef(f"{SITE}/kg/source/_data/kg/registry.yml")
    ds = result.graph.dataset()
    assert (new, SCHEMA.name, Literal("Exempelbolaget AB", lang="sv"), registry_graph) in ds


def test_a_site_registry_can_drop_a_default_entry(make_site, tmp_path):
    """An id set to ``null`` removes the default entry: its name is then an ordinary unknown name."""
    site = make_site(tmp_path, {
        "_data/kg/registry.yml": "organisations:\n  sintef: null\n",
        "_clients/p.md": project_page("p", "sv", partners=["SINTEF"]),
    })
    _, g = build(site)
    [org] = partners_of(g, "p")
    assert org == ORGANISATION["sintef"]  # minted from the name now, not taken from the registry
    assert list(g.objects(org, SCHEMA.url)) == []
    assert (org, RDF.type, SCHEMA.ResearchOrganization) not in g


@pytest.mark.parametrize(("name", "text"), [
    ("registry.yaml", SITE_REGISTRY),
    ("registry.json", json.dumps({"organisations": {"exempelbolaget": {"name": "Exempelbolaget AB"}}})),
], ids=["yaml", "json"])
def test_a_site_registry_in_yaml_or_json_is_named_by_its_real_path(make_site, tmp_path, name, text):
    """Jekyll reads ``_data`` as .yml, .yaml or .json; the named graph must be the file that exists."""
    site = make_site(tmp_path, {
        f"_data/kg/{name}": text,
        "_clients/p.md": project_page("p", "sv", partners=["Exempelbolaget AB"]),
    })
    result, g = build(site)
    assert partners_of(g, "p") == {ORGANISATION["exempelbolaget"]}
    graphs = {q.graph_name.value for q in result.graph.quads}
    assert f"{SITE}/kg/source/_data/kg/{name}" in graphs
    assert f"{SITE}/kg/source/_data/kg/registry.yml" not in graphs


def test_an_alias_naming_two_entries_is_reported(make_site, tmp_path):
    """A site alias that is already another entry's name is a ``bad-registry`` warning."""
    site = make_site(tmp_path, {
        "_data/kg/registry.yml": "organisations:\n  exempel:\n    name: Exempel AB\n    aliases: [Göteborgs Stad]\n",
        "_clients/p.md": project_page("p", "sv", partners=["Göteborgs Stad"]),
    })
    result, _ = build(site)
    assert "bad-registry" in {d.kind for d in result.diagnostics}


def test_a_name_two_entries_claim_stays_with_the_entry_whose_name_it_is(make_site, tmp_path):
    """A site alias equal to another entry's preferred name is ignored (and reported): "Göteborgs Stad"
    stays the municipality, the site's own entry keeps its own name."""
    site = make_site(tmp_path, {
        "_data/kg/registry.yml": "organisations:\n  exempel:\n    name: Exempel AB\n    aliases: [Göteborgs Stad]\n",
        "_clients/p.md": project_page("p", "sv", partners=["Göteborgs Stad", "Exempel AB"]),
    })
    result, g = build(site)
    assert partners_of(g, "p") == {ORGANISATION["goteborgs-stad"], ORGANISATION["exempel"]}
    [warning] = [d for d in result.diagnostics if d.kind == "bad-registry"]
    assert warning.file == "_data/kg/registry.yml"
    assert "'Göteborgs Stad' already names goteborgs-stad" in warning.message


@pytest.mark.parametrize("kind", ["foundation", "research institute"])
def test_an_unknown_organisation_kind_is_reported_not_minted(make_site, tmp_path, kind):
    """Only the documented kinds (municipality, agency, …) become ``kgo:organisationKind``; others are reported."""
    site = make_site(tmp_path, {
        "_data/kg/registry.yml": f"organisations:\n  exempel:\n    name: Exempel AB\n    kind: {kind}\n",
        "_clients/p.md": project_page("p", "sv", partners=["Exempel AB"]),
    })
    result, g = build(site)
    assert "bad-registry" in {d.kind for d in result.diagnostics}
    assert list(g.objects(ORGANISATION["exempel"], KGO.organisationKind)) == []


# -- running text and links ----------------------------------------------------------------------


def test_names_in_a_posts_text_are_mentions(make_site, tmp_path):
    """A post naming Decidim and Chicago ``schema:mentions`` the platform and the place — whole words only,
    and text never invents an organisation the registry does not know."""
    site = make_site(tmp_path, {"_posts/2021-05-11-x.md": """\
        ---
        title: Nyhet
        ---
        Chicago flyttar sin medborgarbudget till Decidim, tillsammans med Exempelföreningen.
        Lundbyskolan deltar också.
        """})
    _, g = build(site)
    article = URIRef(f"{SITE}/news/x/")
    mentions = set(g.objects(article, SCHEMA.mentions))
    assert mentions == {PLATFORM["decidim"], PLACE["chicago"]}  # not Lundby: "Lundbyskolan" is another word
    assert (PLATFORM["decidim"], RDF.type, SCHEMA.SoftwareApplication) in g
    assert (PLACE["chicago"], RDF.type, SCHEMA.City) in g


def test_a_theme_linking_to_a_platform_is_about_it_but_its_projects_are_not(make_site, tmp_path):
    """A theme page's links describe the theme: its projects do not all run on what it links to."""
    site = make_site(tmp_path, {
        "_themes/digitalt.md": ("---\ntitle: Digitalt deltagande\nref: digitalt\n"
                                "links:\n- title: Plattformens webbplats\n  url: https://decidim.org/\n---\n"),
        "_clients/med.md": "---\ntitle: Med tema\ncategories: [_themes/digitalt.md]\n---\n",
    })
    _, g = build(site)
    assert (THEME["digitalt"], KGO.platform, PLATFORM["decidim"]) in g
    assert list(g.objects(PROJECT["med"], KGO.platform)) == []


def test_a_project_under_a_theme_whose_title_is_a_platform_ran_on_it_as_an_inference(make_site, tmp_path):
    """A theme titled "Decidim" is the platform: its projects ran on it, said by the project's file."""
    site = make_site(tmp_path, {
        "_themes/decidim.md": "---\ntitle: Decidim\nref: decidim\n---\n",
        "_clients/med.md": "---\ntitle: Med tema\ncategories: [_themes/decidim.md]\n---\n",
        "_clients/utan.md": "---\ntitle: Utan tema\n---\n",
    })
    _, g = build(site)
    assert set(g.objects(PROJECT["med"], KGO.platform)) == {PLATFORM["decidim"]}
    assert list(g.objects(PROJECT["utan"], KGO.platform)) == []
    [record] = g.subjects(RDF.subject, PROJECT["med"])
    assert (record, RDF.type, KGO.Inference) in g
    assert (record, RDF.object, PLATFORM["decidim"]) in g
    assert str(g.value(record, KGO.method)) == "theme-title"


@pytest.mark.parametrize(("url", "mentioned"), [
    ("https://opensourcepolitics.eu/", True),
    ("https://www.opensourcepolitics.eu/fr/", True),
    ("http://blog.opensourcepolitics.eu/x?y=1", True),   # a subdomain is the same organisation
    ("https://opensourcepolitics.eu.example.com/", False),
    ("https://notopensourcepolitics.eu/", False),
])
def test_a_link_is_recognised_by_its_host(make_site, tmp_path, url, mentioned):
    """A post's link whose host is (under) opensourcepolitics.eu mentions Open Source Politics."""
    site = make_site(tmp_path, {
        "_posts/2021-05-11-x.md": f"---\ntitle: Nyhet\nlinks:\n- title: En länk\n  url: '{url}'\n---\n",
    })
    _, g = build(site)
    mentions = set(g.objects(URIRef(f"{SITE}/news/x/"), SCHEMA.mentions))
    assert (ORGANISATION["open-source-politics"] in mentions) is mentioned
    assert mentions <= {ORGANISATION["open-source-politics"]}


# -- names in running text ----------------------------------------------------------------------
def _registry():
    from kg.resolve.registry import Entry, Registry

    return Registry([
        Entry("organisation", "osp", {"": "Open Source Politics"}, aliases=["OSP"]),
        Entry("organisation", "lund", {"sv": "Lunds universitet", "en": "Lund University"}),
        Entry("place", "lund", {"": "Lund"}, category="city"),
        Entry("place", "goteborg", {"sv": "Göteborg", "en": "Gothenburg"}, category="city"),
        Entry("platform", "decidim", {"": "Decidim"}, text=["decidim"]),
    ])


ALL = frozenset({"organisation", "platform", "place"})


@pytest.mark.parametrize(("text", "expected"), [
    ("Open Source Politics", ["organisation:osp"]),  # the whole text
    ("with Open Source Politics.", ["organisation:osp"]),  # before punctuation
    ("with OSP", []),  # an organisation's name under 4 letters is too short to look for in text
    ("(Lund University)", ["organisation:lund", "place:lund"]),  # a name holding another name
    ("Lunds kommun", []),  # 'Lund' inside the longer word 'Lunds'
    ("Lund_University", []),  # an underscore joins words
    ("Göteborgs Stad", []),  # 'Göteborg' inside 'Göteborgs'
    ("i Göteborg, och Gothenburg", ["place:goteborg"]),  # each entity once
    ("decidim.org and Decidim", ["platform:decidim"]),
    ("OPEN SOURCE POLITICS", []),  # case-sensitive
    ("Open  Source Politics", []),  # a name is matched as written
    ("xDecidim Decidimx Decidim2 _decidim", []),
    ("", []),
])
def test_names_in_text_are_whole_words(text, expected):
    assert [e.key for e in _registry().in_text(text, ALL)] == expected


def test_names_in_text_only_of_the_kinds_asked_for():
    assert [e.key for e in _registry().in_text("Lund University, Decidim", frozenset({"platform"}))] == [
        "platform:decidim"]


def test_an_empty_registry_recognises_nothing():
    from kg.resolve.registry import Registry

    assert Registry([]).in_text("Open Source Politics", ALL) == []


# -- names in other scripts ---------------------------------------------------------------------
# The expected keys are the letters' UTF-8 bytes, worked out from the Unicode tables:
# 北 U+5317 = E5 8C 97, 京 U+4EAC = E4 BA AC, 大 U+5927 = E5 A4 A7, 学 U+5B66 = E5 AD A6; м U+043C = D0 BC …
@pytest.mark.parametrize(("name", "key"), [
    ("北京大学", "%E5%8C%97%E4%BA%AC%E5%A4%A7%E5%AD%A6"),
    ("Москва", "%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0"),  # lower-cased as Latin names are
    ("МОСКВА", "%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0"),
    ("جامعة القاهرة", "%D8%AC%D8%A7%D9%85%D8%B9%D8%A9-%D8%A7%D9%84%D9%82%D8%A7%D9%87%D8%B1%D8%A9"),
    ("Göteborgs Stad", "goteborgs-stad"),  # Latin letters: the ASCII slug as always
    ("東京 Tokyo", "tokyo"),  # some Latin letters: they make the slug
    ("!!!", "unnamed"),
])
def test_a_name_in_another_script_keeps_its_letters_in_the_iri(name, key):
    from kg.map.iris import slug

    assert slug(name) == key


def test_organisations_named_in_other_scripts_each_get_their_own_stable_iri(make_site, tmp_path):
    """Non-Latin names no longer share ``organisation/unnamed``, ``unnamed-2`` …, numbered by sort
    order, where one more such name on the site would shift every IRI after it."""
    names = ["北京大学", "جامعة القاهرة"]
    _, g = build(make_site(tmp_path / "a", one_project_per_name(names)))
    expected = {ORGANISATION["%E5%8C%97%E4%BA%AC%E5%A4%A7%E5%AD%A6"],
                ORGANISATION["%D8%AC%D8%A7%D9%85%D8%B9%D8%A9-%D8%A7%D9%84%D9%82%D8%A7%D9%87%D8%B1%D8%A9"]}
    assert partners_of(g, "p0") | partners_of(g, "p1") == expected
    assert {str(n) for n in g.objects(ORGANISATION["%E5%8C%97%E4%BA%AC%E5%A4%A7%E5%AD%A6"], SCHEMA.name)} == {
        "北京大学"}
    _, more = build(make_site(tmp_path / "b", one_project_per_name(["上海大学", *names])))
    assert partners_of(more, "p1") | partners_of(more, "p2") == expected


def test_translated_names_sharing_no_spelling_are_aligned_through_the_words_of_institutions(make_site, tmp_path):
    """"Agencia Ambiental Europea" / "European Environment Agency": the lists differ in length (the Spanish
    page names one more agency), so neither place nor kind may pair them; their words do (ambiental =
    environment, europea = european), as "Agencia Digital Canaria" / "Canary Digital Agency" beside them."""
    site = make_site(tmp_path, {
        "_clients/p.md": project_page("p", "es", partners=["Agencia Ambiental Europea", "Agencia Digital Canaria",
                                                           "Agencia Tributaria Canaria"]),
        "_clients/p-en.md": project_page("p", "en", partners=["Canary Digital Agency", "European Environment Agency"]),
    })
    result, g = build(site)
    assert len(partners_of(g, "p")) == 3
    assert sorted(sorted(m["names"]) for m in result.merges) == [
        ["Agencia Ambiental Europea", "European Environment Agency"],
        ["Agencia Digital Canaria", "Canary Digital Agency"]]
    assert all("cognate" in m["evidence"] for m in result.merges)


def test_an_inc_the_site_calls_a_nonprofit_is_one(make_site, tmp_path):
    """"Inc." says a body is incorporated, as American nonprofits are: "Civic Lantern, Inc. is a 501(c)(3)
    nonprofit …" makes it an NGO; "Data Bridge Inc." that no sentence describes stays a company."""
    site = make_site(tmp_path, {
        "_clients/p.md": project_page("p", "en", partners=["Civic Lantern, Inc.", "Data Bridge Inc."]),
        "_posts/2024-01-01-news.md": "---\ntitle: News\n---\nCivic Lantern, Inc. is a 501(c)(3) nonprofit design "
                                     "studio. Data Bridge Inc. wrote the software.\n",
    })
    _, g = build(site)
    assert set(g.objects(ORGANISATION["civic-lantern-inc"], KGO.organisationKind)) == {KGO.ngo}
    assert set(g.objects(ORGANISATION["data-bridge-inc"], KGO.organisationKind)) == {KGO.company}
