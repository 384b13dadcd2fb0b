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
    ("de-nl-mixed", "countries"): "a foundation named after a person in projects of two countries; 'Code for NL'",
    ("es-projects-team", "kinds"): "'Instituto de las Mujeres' is an agency, not a research institute",
    ("data-projects", "kinds"): "no kind for 'Nordjyllands Trafikselskab' (a transport company named without a form)",
    # held-out sites, written without reading kg's resolving code or tables: what kg still misses on them
    ("el-uk-en", "countries"): "the LGA given Ukraine from the one post naming it beside Lviv and Kyiv; none for the "
                               "FCDO, TfL and other English names without a form",
    ("nb-et-is", "countries"): "'Grønland Ungdomsforening' put in Greenland; none for 'Foreningen Åpne Kommuner', named"
                               " only in an English post",
    ("cs-hu-ro", "merges"): "'Ústecký kraj' / 'Ústí nad Labem Region' (an adjective of the town); the SAV "
                            "institute as a unit in English",
    ("cs-hu-ro", "mentions"): "shortened or declined names in running text ('Susedia spolu', 'Palivový kombinát "
                              "Ústí', 'Clujului'); English names of Romanian and Slovak bodies",
    ("en-us-ca", "kinds"): "'Acequia Data Alliance, Inc.' read as a network, not the nonprofit it is; none for "
                           "'King County Metro', 'Transit Riders Union'",
    ("en-us-ca", "countries"): "none for bodies named without a form or a known town (funds, trusts, foundations, King "
                               "County, Pueblo of Zia)",
    ("ja-zh-en", "merges"): "names in katakana against their Latin letters ('一般社団法人コードつむぎ' / "
                            "'Code Tsumugi', the Shibuya open data council); 'National Development Council' / "
                            "'國家發展委員會'",
    ("sw-fr-af", "countries"): "'Adinkra Digital PLC' put in the UK, a Brussels ASBL in Senegal (its project's); none "
                               "for Ghanaian bodies named only in one post",
    ("tr-ar-he", "merges"): "'İzmir Büyükşehir Belediyesi, Akıllı Şehir Dairesi Başkanlığı' / 'İzmir Metropolitan "
                            "Municipality, Smart City Department' / 'Smart City Department of the İzmir Metropolitan "
                            "Municipality' (a unit in two languages and two ways of writing it)",
    ("tr-ar-he", "partners"): "İzmir's client, named in the English page's 'Together with the Smart City Department "
                              "of …', made a partner too",
    ("tr-ar-he", "mentions"): "'Veri Atölyesi' without 'Yazılım A.Ş.', and 'Defne Solidarity Cooperative' (the English "
                              "of 'Defne Dayanışma Kooperatifi') in posts",
    ("ko-vi-id", "merges"): "the Vietnamese company and its English name ('Công ty Cổ phần Giải pháp số Sông Hàn' / "
                            "'Song Han Digital Solutions JSC'), the Jakarta department as a unit in two languages, "
                            "the network's short name",
    ("ko-vi-id", "platform-evidence"): "the Thai post naming its project by the Thai title inside an unspaced Thai "
                                       "sentence is not tied to it (Bangkok's Pol.is)",
    ("ko-vi-id", "mentions-by-form"): "'Peneliti Universiti Malaya' (the word for researchers taken into the name); "
                                      "none found of 'Bộ Thông tin và Truyền thông', 'UBND TP. Hồ Chí Minh', "
                                      "มหาวิทยาลัยธรรมศาสตร์, 'Universiti Malaya' on its own",
    ("hi-ta-en", "merges"): "'University of Pune' (SPPU's old name) and some Devanagari, Tamil and Bengali twins whose "
                            "words do not meet in Latin letters; the Kerala department in running text",
    ("hi-ta-en", "platforms-in-posts"): "the Hindi post tied to two projects gives Chennai's Pol.is (Chennai "
                                        "written 'चेन्नई') to Lucknow",
    ("hi-ta-en", "platform-evidence"): "Chennai's Pol.is in the Hindi two-project post given to Lucknow; 'डिसीडिम' "
                                       "(Decidim in Devanagari) not read; a post pointing at a Malayalam twin never "
                                       "written is tied to no project",
    ("hi-ta-en", "mentions"): "running-text names in another script or form than front matter's ('पुणे नगर निगम', "
                              "'কলকাতা পুরসভা', 'ग्रेटर चेन्नई कॉर्पोरेशन', 'अन्ना विश्वविद्यालय', the Tamil oblique "
                              "'அண்ணா பல்கலைக்கழக', Marathi names of English-only bodies), 'BBMP', the parent in '… "
                              "Department of the Government of Kerala'",
    ("hi-ta-en", "countries"): "none for bodies only one post names, without a form or a town that says India "
                               "('Jawaharlal Nehru University', MeitY, a lake's citizens' group)",
    ("hi-ta-en", "units"): "'Jadavpur University's School of Cultural Texts and Records' cut at 'and'",
    ("ka-hy-az", "merges"): "'Bakı Şəhər İcra Hakimiyyəti' / 'Baku City Executive Power', 'Gyumri Municipality' / "
                            "'Գյումրու համայնքապետարան', the Russian name of a Ganja company, a Georgian university's "
                            "long name, the site's own short name",
    ("ka-hy-az", "mentions"): "names with a case ending inside Georgian quotes ('ფონდ „თბილისური ეზოს“'), Azerbaijani "
                              "-nin/-nə endings, Ganja's bodies in Russian; the City Council post given the City Hall",
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
