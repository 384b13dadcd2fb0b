"""kg against sites nobody prepared it for: each fixture site under ``tests/sites/`` is built
with the real ``kg build`` and scored against its hand-written truth, one test per site and
kind of fact (issues 16 and 17, "How it is judged").

The aims are the issues' own: precision and recall of at least 0.95 for every kind of fact,
no wrong merge, no registry organisation the site never names; organisations that only the
running text names, found by their form, need precision of at least 0.9 (their recall is
reported in the failure message, not asserted: the issue asks only to say what it is).
"""

from __future__ import annotations

import pytest
from sites.score import KIND_ORDER, Metric, misses, score_site
from sites.truth import SITES

AIM = 0.95
AIM_BY_FORM = 0.9

SENTENCES = {
    "organisations": "every graph organisation is a real one and every organisation named in front matter is there",
    "merges": "the spellings of one organisation are one entity and no two organisations are merged",
    "projects": "every project is found once and no other project is made",
    "clients": "the clients of each project are right and complete",
    "partners": "the partners of each project are right and complete",
    "funders": "the funders of each project are right and complete",
    "years": "the start, end and ongoing years of each project are right and complete",
    "themes": "the themes of each project are right and complete",
    "platforms-on-page": "the platforms each project page states are found and no theme lends its platforms",
    "platforms-in-posts": "the platforms the posts tied to a project say are found",
    "platform-evidence": "a platform a post says lives in that post's named graph",
    "mentions": "the organisations named in front matter are found in the posts that name them",
    "mentions-by-form": "organisations only the running text names are found by their form with few false ones",
    "kinds": "the kinds of the organisations are right and known for each",
    "countries": "the countries of the organisations are right and known for each",
    "units": "units point at the organisation they belong to",
    "persons": "the people of the site are found",
    "roles": "the people's roles are found",
    "forbidden-registry": "no registry organisation that the site never names appears",
}
assert set(SENTENCES) == set(KIND_ORDER)

#: Where kg does not reach the aim yet, and why: each is expected to fail (strictly: the day it passes,
#: the entry must go). Wrong merges are never among them (see the test after the main one).
GAPS = {
    ("fr-civic", "merges"): "'Grenoble-Alpes Métropole' and 'Métropole de Grenoble' name their place differently",
    ("de-nl-mixed", "merges"): "a unit and its translation ('Institut für Soziologie' / 'Institute of Sociology') "
                               "outside a translated list, and a name also written as a unit of its parent",
    ("data-projects", "merges"): "'Dansk Ungdoms Fællesråd' / 'Danish Youth Council' share no word",
    **{(site, "kinds"): "names without a legal or administrative form (Realdania, Concito, Zebralog) need "
                        "knowledge the site does not give" for site in SITES},
    **{(site, "countries"): "organisations whose name says no country, town or form of one country"
       for site in SITES},
    # the two held-out sites, written after kg was: what it misses on them (the entries above are overridden)
    ("pt-da-mixed", "organisations"): "a project page's title runs into its first sentence ('Borgerbudget i Vejle' "
                                      "+ 'Vejle Kommune har …' → 'Vejle Vejle Kommune'), and 'a Universidade do Porto "
                                      "e a Federação Académica do Porto' is read as one name",
    ("pt-da-mixed", "merges"): "translations sharing too little: 'Junta de Freguesia de Arroios' / 'Arroios Parish "
                               "Council', 'Velux Fonden' / 'The VELUX Foundation', a unit and its translation in "
                               "reordered twin lists, 'Agência Europeia do Ambiente' / 'European Environment Agency'",
    ("pt-da-mixed", "platform-evidence"): "a post's own key holding a project's path (`projetos:`) does not tie it "
                                          "to the project (its title or a body link does)",
    ("pt-da-mixed", "mentions"): "'Prefeitura de Porto Alegre' for 'Prefeitura Municipal de Porto Alegre', 'pela "
                                 "ZERO', and a university inside an 'X e a Y' phrase",
    ("pt-da-mixed", "mentions-by-form"): "'X e a Y' read as one organisation; 'KS (Kommunesektorens organisasjon)' "
                                         "(acronym first), 'Direção-Geral do Território (DGT)', 'Associação 25 de "
                                         "Abril' not found",
    ("pt-da-mixed", "kinds"): "'Junta de Freguesia', 'ONG …', a students' federation; the site's own 'Lda.' is said "
                              "only in its about page",
    ("pt-da-mixed", "countries"): "'Junta de Freguesia' read as Spanish; foundations, associations, companies and a "
                                  "ministry whose name has no place",
    ("pl-fi-en", "merges"): "local and English names never written side by side: 'Statutární město Brno' / 'City of "
                            "Brno', 'Urząd Miasta Gdańska' / 'City of Gdańsk', 'Turun kaupunki' / 'City of Turku', "
                            "'Koneen Säätiö' / 'Kone Foundation', 'Masarykova univerzita' / 'Masaryk University', "
                            "'Tallinna Ülikool' / 'Tallinn University', 'Fundacja im. Stefana Batorego' / 'Stefan "
                            "Batory Foundation'",
    ("pl-fi-en", "platforms-in-posts"): "a post's own key holding a case's path (`related_case:`) does not tie it "
                                        "to the case",
    ("pl-fi-en", "platform-evidence"): "a post's own key holding a case's path (`related_case:`) does not tie it "
                                       "to the case",
    ("pl-fi-en", "mentions"): "English and short forms of front-matter names in running text ('Warsaw City Hall', "
                              "'Tallinn City Government', 'Wikimedia Polska', 'Otevřená města', 'Klon/Jawor'), "
                              "and two universities inside an 'X and Y' phrase",
    ("pl-fi-en", "mentions-by-form"): "'University of Turku and Åbo Akademi' read as one organisation; 'Sieć "
                                      "Obywatelska Watchdog Polska', 'Uniwersytet Gdański', 'Riigikantselei', "
                                      "'Kancelář architekta města Brna (KAM)' not found",
    ("pl-fi-en", "kinds"): "Polish, Estonian and Czech forms (Stowarzyszenie, Fundacja, Uniwersytet, Urząd m.st., "
                           "Linnavalitsus, MTÜ, OÜ, z.s.) and 'Åbo Akademi'",
    ("pl-fi-en", "countries"): "those same forms, foundations and universities whose name has no place, and "
                               "'Tallinna Linnavalitsus' / 'Urząd m.st. Warszawy' whose place is declined",
}

CASES = [
    pytest.param(site, kind, id=f"{site}: {SENTENCES[kind]}",
                 marks=[pytest.mark.xfail(strict=True, reason=GAPS[site, kind])] if (site, kind) in GAPS else [])
    for site in SITES for kind in KIND_ORDER
]


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    cache: dict[str, dict[str, Metric]] = {}

    def get(site: str) -> dict[str, Metric]:
        if site not in cache:
            cache[site] = score_site(SITES[site], tmp_path_factory.mktemp(site))
        return cache[site]

    return get


@pytest.mark.parametrize(("site", "kind"), CASES)
def test_the_graph_of_a_site_nobody_prepared_for_matches_its_hand_written_truth(scores, site, kind):
    m = scores(site)[kind]
    detail = misses({kind: m})
    if kind == "forbidden-registry":
        assert m.fp == 0, f"registry organisations the site never names: {m.false_positives}"
        return
    if kind == "merges":
        assert not m.wrong_merges, f"wrong merges: {m.wrong_merges}\n{detail}"
    if kind == "mentions-by-form":
        assert m.precision >= AIM_BY_FORM, (
            f"precision {m.precision:.2f} (recall {m.recall:.2f}, not an aim)\n{detail}"
        )
        return
    assert m.precision >= AIM and m.recall >= AIM, (
        f"precision {m.precision:.2f}, recall {m.recall:.2f}\n{detail}"
    )


@pytest.mark.parametrize("site", list(SITES))
def test_no_two_organisations_of_a_site_nobody_prepared_for_are_ever_merged(scores, site):
    m = scores(site)["merges"]
    assert not m.wrong_merges, f"wrong merges: {m.wrong_merges}"
    assert m.precision == 1.0 or not m.tp + m.fp
