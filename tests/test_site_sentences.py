"""What the site's own sentences tell about organisations whose names say little: the kind an
apposition gives ("the green think tank Concito"), a name under its country's name in another
language, an acronym written before a dash, a day's number inside a name."""

from __future__ import annotations

import json

import pytest
from namespaces import KGO, SCHEMA
from rdflib import URIRef

import kg
from kg.resolve.appositions import kinds_said
from kg.resolve.byform import names_by_form
from kg.resolve.kinds import kind_of

CONFIG = "title: Open Harbour\nurl: https://openharbour.example\nlang: en\n"


def project(ref: str, partners: list[str], lang: str = "en") -> str:
    return f"---\ntitle: {ref}\nlang: {lang}\npartners: {json.dumps(partners, ensure_ascii=False)}\n---\n"


def post(text: str, lang: str = "en", day: str = "2023-05-01") -> tuple[str, str]:
    return f"_posts/{day}-news.md", f"---\ntitle: News\nlang: {lang}\n---\n{text}\n"


def kind(g, name: str) -> set[str]:
    orgs = {s for s in g.subjects(SCHEMA.alternateName, None)
            if any(str(o) == name for o in g.objects(s, SCHEMA.alternateName))}
    return {str(k).rsplit("#", 1)[-1] for org in orgs for k in g.objects(org, KGO.organisationKind)}


@pytest.mark.parametrize(("text", "expected"), [
    ("The green think tank Concito prepares the briefings.", "research-institute"),
    ("the philanthropic association Concito paid for it", "ngo"),
    ("l'association Concito nous a aidés", "ngo"),
    ("die Stiftung Concito fördert das", "ngo"),
])
def test_a_type_word_right_before_a_name_gives_its_kind(text, expected):
    assert kinds_said([(text, {"concito"})], {"concito": "concito"}) == {"concito": expected}


@pytest.mark.parametrize("text", [
    "the University and Concito wrote it",  # a conjunction between: the university is another body
    "a foundation, Concito, wrote it",  # a comma between
    "Concito wrote it",
    "the Concitos wrote it",  # no whole word
])
def test_a_type_word_not_right_before_the_name_gives_nothing(text):
    assert kinds_said([(text, {"concito"})], {"concito": "concito"}) == {}


def test_sentences_that_disagree_give_no_kind_unless_most_agree():
    texts = [("the think tank Concito", {"c"}), ("the association Concito", {"c"})]
    assert kinds_said(texts, {"concito": "c"}) == {}
    assert kinds_said([*texts, ("l'association Concito", {"c"})], {"concito": "c"}) == {"c": "ngo"}


def test_an_organisation_without_a_form_gets_the_kind_its_pages_sentences_give(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG),
        ("_clients/climate.md", project("climate", ["Concito", "Gemeente Rotterdam"])),
        post("The green think tank Concito prepares the briefings."),
    ]))
    g = kg.build(site).graph.graph()
    assert kind(g, "Concito") == {"research-institute"}


def test_a_name_with_a_countrys_name_is_found_under_that_countrys_name_in_another_language(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG),
        ("_clients/clinics.md", project("clinics", ["Wikimedia Suomi ry"])),
        post("Volunteers from Wikimedia Finland linked each dataset to Wikidata."),
    ]))
    g = kg.build(site).graph.graph()
    article = URIRef("https://openharbour.example/2023/05/01/news.html")
    mentioned = {str(o) for o in g.objects(article, SCHEMA.mentions)}
    assert "https://openharbour.example/kg/organisation/wikimedia-suomi-ry" in mentioned


def test_an_acronym_before_a_dash_names_the_organisation_in_running_text(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG.replace("lang: en", "lang: pt")),
        ("_clients/clima.md", project("clima", ["ZERO – Associação Sistema Terrestre Sustentável"], "pt")),
        post("As associações locais mobilizadas pela ZERO responderam.", "pt"),
    ]))
    g = kg.build(site).graph.graph()
    article = URIRef("https://openharbour.example/2023/05/01/news.html")
    assert any("zero" in str(o) for o in g.objects(article, SCHEMA.mentions))


def test_a_days_number_inside_a_name_is_part_of_it_but_a_year_is_an_event():
    assert names_by_form("Hoje passámos a manhã com a Associação 25 de Abril, que organiza.") == [
        ("Associação 25 de Abril", None)]
    assert names_by_form("We spoke at Collective Intelligence Association 2017 in Paris.") == []


@pytest.mark.parametrize(("name", "expected"), [
    ("Code for NL", "ngo"), ("Code for Germany", "ngo"), ("Eurométropole de Strasbourg", "municipality"),
    ("Euregio Meuse-Rhine", "intergovernmental"),
])
def test_forms_of_the_civic_tech_field(name, expected):
    assert kind_of(name) == expected


def test_a_post_tied_to_two_projects_gives_a_platform_only_to_the_one_its_sentence_names(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG.replace("lang: en", "lang: es")),
        ("_clients/montevideo.md", "---\ntitle: Cabildos de Montevideo\nclient: Intendencia de Montevideo\n---\n"),
        ("_clients/guadalajara.md", "---\ntitle: Cabildo de Guadalajara\nclient: Ayuntamiento de Guadalajara\n---\n"),
        ("_posts/2024-11-12-dos.md", "---\ntitle: Dos cabildos\nproyectos: [montevideo, guadalajara]\n---\n"
         "En Montevideo los vecinos votaban en LiquidFeedback. En Guadalajara reúnen apoyos en Go Vocal.\n"),
    ]))
    g = kg.build(site).graph.graph()
    platforms = {p: {str(o).rsplit("/", 1)[-1] for o in g.objects(
        URIRef(f"https://openharbour.example/kg/project/{p}"), KGO.platform)} for p in ("montevideo", "guadalajara")}
    assert platforms == {"montevideo": {"liquidfeedback"}, "guadalajara": {"go-vocal"}}


def test_a_key_named_after_projects_ties_a_post_by_the_projects_ref_or_file_name(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG),
        ("_clients/kent-care.md", "---\ntitle: Kent care conversations\nref: kent\n---\n"),
        ("_posts/2024-03-14-carers.md", "---\ntitle: Carers\nwork: kent-care\n---\nThey talked on Loomio.\n"),
        ("_posts/2024-03-15-more.md", "---\ntitle: More\nproject: kent\n---\nStill on Loomio.\n"),
        ("_posts/2024-03-16-tags.md", "---\ntitle: Tags\ntags: kent\n---\nAnd on Decidim.\n"),
    ]))
    g = kg.build(site).graph.graph()
    assert {str(o).rsplit("/", 1)[-1] for o in g.objects(URIRef("https://openharbour.example/kg/project/kent"),
                                                         KGO.platform)} == {"loomio"}


def test_a_long_name_is_found_by_its_initials_when_no_other_organisation_has_them(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG),
        ("_clients/panel.md", project("panel", ["University College London", "Camden Council"])),
        post("The survey was run by UCL over the summer."),
    ]))
    g = kg.build(site).graph.graph()
    article = URIRef("https://openharbour.example/2023/05/01/news.html")
    assert URIRef("https://openharbour.example/kg/organisation/university-college-london") in set(
        g.objects(article, SCHEMA.mentions))


def test_initials_two_organisations_share_name_neither(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG),
        ("_clients/panel.md", project("panel", ["University College London", "Urban Climate Lab"])),
        post("The survey was run by UCL over the summer."),
    ]))
    g = kg.build(site).graph.graph()
    article = URIRef("https://openharbour.example/2023/05/01/news.html")
    assert not [o for o in g.objects(article, SCHEMA.mentions) if "/organisation/" in str(o)]


def test_an_english_word_that_is_also_a_town_gives_no_country():
    from kg.resolve.places import towns_in

    assert towns_in("Foreign, Commonwealth & Development Office") == []
    assert [t.country for t in towns_in("Universidad de Bogotá")] == ["CO"]


def test_a_long_name_is_found_without_its_trailing_type_words_only_when_the_rest_keeps_its_kind():
    from kg.resolve.gazetteer import _without_trailing_type

    assert _without_trailing_type("Lviv Polytechnic National University") == "Lviv Polytechnic"
    assert _without_trailing_type("Stockholm University") is None  # a town alone is no university
    assert _without_trailing_type("Open Knowledge Foundation") is None


def test_english_public_bodies_are_found_by_their_form_where_the_name_says_whose_they_are():
    found = [name for name, _ in names_by_form(
        "The California Department of Technology, the Social Security Administration and Denver Public Library "
        "met; the Anchorage School District and the Greater London Authority spoke. She teaches at the Department "
        "of Politics. The Ministry of Development, Public Works and Administration sent a note.")]
    assert found == ["California Department of Technology", "Social Security Administration",
                     "Denver Public Library", "Anchorage School District", "Greater London Authority"]
    assert {kind_of(name) for name in found} == {"agency"}


def test_a_name_ends_at_a_comma_before_its_state_or_town():
    assert [n for n, _ in names_by_form("The City of Mobile, Alabama, showed its new service.")] == ["City of Mobile"]
    # a comma before another capitalised word leaves where the name ends unclear
    assert names_by_form("The Ministerio del Ambiente, Agua y Transición Ecológica spoke.") == []


def test_a_name_a_text_gives_in_parentheses_beside_a_front_matter_name_is_that_organisation(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG),
        ("_clients/registry.md", project("registry", ["Riigi Infosüsteemi Amet"])),
        post("The Estonian Information System Authority (Riigi Infosüsteemi Amet) leads a working group."),
    ]))
    g = kg.build(site).graph.graph()
    names = {str(o) for s in g.subjects(SCHEMA.alternateName, None) for o in g.objects(s, SCHEMA.alternateName)
             if "Riigi Infosüsteemi Amet" in {str(x) for x in g.objects(s, SCHEMA.alternateName)}}
    assert "Estonian Information System Authority" in names


def test_a_subdivision_of_a_small_country_inside_a_name_gives_no_country():
    from kg.resolve.countries import country_in_name

    assert country_in_name("Canterbury Christ Church University") is None  # a parish of Barbados
    assert country_in_name("Saint Lawrence Foundation for Democracy") is None  # a local council of Malta
    assert country_in_name("New South Wales Department of Education") == "AU"


def test_a_name_without_the_state_it_begins_with_is_that_organisation_when_no_other_is_so_shortened(
        make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG),
        ("_clients/claims.md", project("claims", ["New Mexico Department of Workforce Solutions",
                                                  "Kyiv City Council", "Lviv City Council"])),
        post("The Department of Workforce Solutions fixed all three. The City Council met."),
    ]))
    g = kg.build(site).graph.graph()
    article = URIRef("https://openharbour.example/2023/05/01/news.html")
    mentioned = {str(o).rsplit("/", 1)[-1] for o in g.objects(article, SCHEMA.mentions)}
    assert mentioned == {"new-mexico-department-of-workforce-solutions"}


def test_a_name_a_text_writes_in_another_language_is_the_front_matter_organisation_it_translates(
        make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG.replace("lang: en", "lang: pt")),
        ("_clients/clima.md", project("clima", ["Agência Europeia do Ambiente", "Agência Portuguesa do Ambiente",
                                                "Szeged Medical University"], "pt")),
        post("A European Environment Agency (EEA) comparou os resultados. A University of Szeged também.", "pt"),
    ]))
    g = kg.build(site).graph.graph()
    article = URIRef("https://openharbour.example/2023/05/01/news.html")
    mentioned = {str(o).rsplit("/", 1)[-1] for o in g.objects(article, SCHEMA.mentions)}
    assert "agencia-europeia-do-ambiente" in mentioned
    assert "agencia-portuguesa-do-ambiente" not in mentioned
    assert "szeged-medical-university" not in mentioned  # another university of the town


def test_translations_are_word_for_word_of_one_kind_and_say_whose_body_it_is():
    from kg.resolve.align import translation_of

    assert translation_of("European Environment Agency", "Agência Europeia do Ambiente")
    assert translation_of("University of Szeged", "Szegedi Tudományegyetem")
    assert not translation_of("University of Szeged", "Szeged Medical University")
    assert not translation_of("Open Knowledge Foundation", "Open Knowledge Finland")
    assert not translation_of("Swedish Research Council", "Norwegian Research Council")


def test_chinese_and_japanese_names_are_found_by_their_forms_in_text_written_without_spaces():
    found = [name for name, _ in names_by_form(
        "キックオフには、デジタル庁の職員も来ました。大阪府の職員と株式会社ハマデータが担当し、"
        "都市の未来の説明会を開きました。")]
    assert found == ["デジタル庁", "大阪府", "株式会社ハマデータ"]  # "都市" (a city) and "説明会" (a meeting) are words
    found = [name for name, _ in names_by_form(
        "臺北市立大學的老師與新竹市政府合作，感謝財團法人福爾摩沙公民科技基金會的支持。")]
    assert found == ["臺北市立大學", "新竹市政府", "財團法人福爾摩沙公民科技基金會"]


def test_a_case_ending_after_an_apostrophe_ends_the_name_found_by_its_form():
    found = [name for name, _ in names_by_form(
        "Ankara Üniversitesi'nden öğrenciler geldi. Hatay Mustafa Kemal Üniversitesi'nin Afet Yönetimi Uygulama "
        "ve Araştırma Merkezi çalıştı.")]
    assert found == ["Ankara Üniversitesi", "Hatay Mustafa Kemal Üniversitesi"]


def test_a_unit_after_a_comma_is_read_in_more_languages():
    from kg.resolve.names import split_unit

    assert split_unit("Hatay Mustafa Kemal Üniversitesi, Afet Yönetimi Uygulama ve Araştırma Merkezi") == (
        "Hatay Mustafa Kemal Üniversitesi", "Afet Yönetimi Uygulama ve Araştırma Merkezi")
    assert split_unit("Grad Zagreb, Ured za mjesnu samoupravu") == ("Grad Zagreb", "Ured za mjesnu samoupravu")
    assert split_unit("Ministerio de Asuntos Exteriores, Unión Europea y Cooperación") is None


def test_the_words_before_a_front_matter_name_found_by_its_form_are_left_out(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG.replace("lang: en", "lang: tr")),
        ("_clients/katilim.md", project("katilim", ["Ankara Katılım Vakfı"], "tr")),
        post("Projeyi Ankara Katılım Vakfı destekledi.", "tr"),
    ]))
    g = kg.build(site).graph.graph()
    orgs = {str(s).rsplit("/", 1)[-1] for s in g.subjects(SCHEMA.name, None) if "/organisation/" in str(s)}
    assert orgs == {"ankara-katilim-vakfi", "open-harbour"}  # and the site's own


def test_a_post_naming_a_data_records_ref_under_any_key_is_about_that_project(make_site, tmp_path):
    site = make_site(tmp_path, dict([
        ("_config.yml", CONFIG),
        ("_data/projects.yml", "- ref: makueni-budget\n  title: Makueni participatory budget\n"
                               "  client: County Government of Makueni\n"),
        ("_posts/2021-08-16-news.md", "---\ntitle: News\nlang: en\nmradi: makueni-budget\n---\n"
                                      "Residents propose projects on Decidim.\n"),
    ]))
    g = kg.build(site).graph.graph()
    article = URIRef("https://openharbour.example/2021/08/16/news.html")
    assert URIRef("https://openharbour.example/kg/project/makueni-budget") in set(g.objects(article, SCHEMA.mentions))
    platforms = {str(o).rsplit("/", 1)[-1] for o in g.objects(
        URIRef("https://openharbour.example/kg/project/makueni-budget"), KGO.platform)}
    assert platforms == {"decidim"}


@pytest.mark.parametrize(("name", "expected"), [
    ("서울특별시", "municipality"), ("서울대학교", "university"), ("행정안전부", "agency"),
    ("주식회사 바른데이터", "company"),
    ("กรุงเทพมหานคร", "municipality"), ("มูลนิธิเพื่อนคลอง", "ngo"), ("บริษัท คลองดิจิทัล จำกัด", "company"),
    ("بلدية عمّان الكبرى", "municipality"), ("الجامعة الأردنية", "university"), ("جمعية شباب عمان للتطوع", "ngo"),
    ("עיריית תל אביב-יפו", "municipality"), ("אוניברסיטת תל אביב", "university"), ('נתוני עיר בע"מ', "company"),
    ("Столична община", "municipality"), ("Сдружение „Гражданска мрежа“", "ngo"), ("Данни за всички ООД", "company"),
    ("Град Београд", "municipality"), ("Sveučilište u Zagrebu", "university"), ("Kažun j.d.o.o.", "company"),
    ("UBND thành phố Đà Nẵng", "municipality"), ("Công ty Cổ phần Sông Hàn", "company"),
    ("Pemerintah Kota Bandung", "municipality"), ("Pemprov DKI Jakarta", "region"), ("PT Sinergi Data Tbk", "company"),
    ("Yayasan Data Warga", "ngo"), ("Bornova Kaymakamlığı", "agency"), ("Accra Metropolitan Assembly", "municipality"),
    ("Bangkok Metropolitan Administration", "municipality"), ("Da Nang People's Committee", "municipality"),
    ("Hrad Most", None), ("Quy Nhon", None),  # a Czech castle, a Vietnamese town
    ("Pune Municipal Corporation", "municipality"), ("पुणे महानगरपालिका", "municipality"),
    ("பெருநகர சென்னை மாநகராட்சி", "municipality"), ("কলকাতা পৌরসংস্থা", "municipality"),
    ("Bruhat Bengaluru Mahanagara Palike", "municipality"), ("Kumarakom Grama Panchayat", "municipality"),
    ("Nashik Zilla Parishad", "region"), ("अन्ना विश्वविद्यालय", "university"), ("আবাসন মন্ত্রণালয়", "agency"),
    ("गोमती युवा संगठन", "ngo"), ("Kasba Peth Nagrik Samiti", "ngo"), ("Digital India Corporation", "company"),
    ("Bengaluru Lakes Technologies Pvt. Ltd.", "company"),
    ("თბილისის მერია", "municipality"), ("საქართველოს იუსტიციის სამინისტრო", "agency"), ("ფონდი „ათინათი“", "ngo"),
    ("შპს „ციფრული ხიდი“", "company"), ("Երևանի քաղաքապետարան", "municipality"), ("«Բակ» ՀԿ", "ngo"),
    ("«Տվային Քաղաք» ՍՊԸ", "company"), ("Bakı Şəhər İcra Hakimiyyəti", "municipality"),
    ("Abşeron Gənclər İctimai Birliyi", "ngo"), ("Rəqəmsal Həllər MMC", "company"),
])
def test_kinds_of_names_in_more_languages_and_scripts(name, expected):
    assert kind_of(name) == expected


def test_a_municipality_is_in_its_towns_country_when_the_form_is_of_a_language_spoken_in_many():
    from kg.resolve import _country_of

    assert _country_of(["Mairie de Dakar"], ["fr"], "municipality") == "SN"
    assert _country_of(["Universiteit Stellenbosch"], ["af"], "university") == "ZA"
    assert _country_of(["Mairie de Saint-Louis"], ["fr"], "municipality") == "FR"  # France has a Saint-Louis too
    assert _country_of(["Universiteit Leiden"], ["nl"], "university") == "NL"
    assert _country_of(["Opština Kula"], ["sr"], "municipality") != "TR"  # no Serbian is spoken in Turkey


def test_a_platform_whose_last_vowel_a_slavic_case_ending_replaces_is_found():
    from kg.resolve.registry import load_registry

    platforms = frozenset({"platform"})
    registry = load_registry()
    assert [e.key for e in registry.in_text("Mladi raspravljaju u Loomiju.", platforms)] == ["platform:loomio"]
    assert registry.in_text("Loomi je ime jednog psa.", platforms) == []


def test_short_words_of_a_name_are_found_in_the_cases_slavic_languages_write_them():
    from kg.resolve.gazetteer import Gazetteer

    g = Gazetteer()
    for name, key in [("Grad Beograd", "bg"), ("Град Београд", "bg"), ("Grad Novi Sad", "ns"), ("Grad Pula", "pula")]:
        g.add_name(name, key)
    g.prepare(True)
    assert g.find("Sa Gradom Beogradom i Grada Novog Sada, a ne Grada Pule.") == {"bg", "ns", "pula"}
    assert g.find("Са Градом Београдом смо радили.") == {"bg"}
    assert g.find("Gradnja Pulkova") == set()


def test_arabic_and_hebrew_names_are_found_with_the_letters_written_onto_their_first_word():
    from kg.resolve.gazetteer import Gazetteer

    g = Gazetteer()
    for name, key in [("بلدية عمّان الكبرى", "amman"), ("الجامعة الأردنية", "uj"), ("עיריית תל אביב-יפו", "tlv")]:
        g.add_name(name, key)
    g.prepare()
    assert g.find("وبلدية عمان الكبرى شاركت وللجامعة الأردنية") == {"amman", "uj"}
    assert g.find("בעיריית תל אביב-יפו אמרו") == {"tlv"}


def test_thai_names_are_found_inside_unspaced_thai_text_without_their_legal_form():
    from kg.resolve.gazetteer import Gazetteer

    g = Gazetteer()
    for name, key in [("กรุงเทพมหานคร", "bma"), ("บริษัท คลองดิจิทัล จำกัด", "khlong")]:
        g.add_name(name, key)
    g.prepare()
    assert g.find("วันนี้กรุงเทพมหานครเปิดให้ประชาชนเสนอความเห็นร่วมกับคลองดิจิทัล") == {"bma", "khlong"}


def test_a_municipality_is_found_under_its_administrative_abbreviations():
    from kg.resolve.gazetteer import Gazetteer

    g = Gazetteer()
    g.add_name("Pemerintah Kota Bandung", "bandung", "municipality")
    g.add_name("UBND thành phố Đà Nẵng", "danang", "municipality")
    g.prepare()
    assert g.find("Pemkot Bandung membuka musrenbang; UBND TP. Đà Nẵng cũng vậy.") == {"bandung", "danang"}


def test_a_municipality_is_found_under_the_templates_of_its_town_and_only_there():
    from kg.resolve.gazetteer import Gazetteer

    g = Gazetteer()
    g.add_name("Mairie de Lyon", "lyon", "municipality")
    g.add_name("Göteborgs Stad", "gbg", "municipality")
    g.add_name("Ville de Lyon", "lyon-site")  # the site's own spelling of one templated form: both keys there
    g.prepare()
    assert g.find("La Ville de Lyon a voté.") == {"lyon", "lyon-site"}
    assert g.find("The city of Lyon and Lyon City Council spoke.") == {"lyon"}
    assert g.find("Göteborgs kommun och Göteborgs stad, och Göteborgsregionen.") == {"gbg"}
    assert g.find("Lyonnais city of Lyonnaise, Lyon alone, and cities of Lyon.") == set()
    # a templated form ends where the form ends: the longer name around it wins
    g.add_name("Göteborgs Stads Bostadsaktiebolag", "bostad")
    g.prepare()
    assert g.find("Göteborgs Stads Bostadsaktiebolag bygger.") == {"bostad"}


def test_where_a_name_found_by_its_form_ends_is_not_guessed():
    found = [n for n, _ in names_by_form(
        "Udruženje Građanski glas je govorilo. The Lagos State Government and the Conseil départemental de "
        "Rufisque spoke; the Ministère de la Communication, des Télécommunications et de l'Économie numérique "
        "too. Gaziantep Büyükşehir Belediyesi'nin buluşmada Türkiye Belediyeler Birliği konuştu.")]
    assert sorted(found) == ["Conseil départemental de Rufisque", "Gaziantep Büyükşehir Belediyesi",
                             "Lagos State Government", "Türkiye Belediyeler Birliği"]
    # a sentence-case name, a list inside a name: left alone
    assert names_by_form("Kenya ICT Action Network (KICTANet) convened it.") == [
        ("Kenya ICT Action Network", "KICTANet")]
    assert [n for n, _ in names_by_form("新北市政府希望社區發展協會能在明年繼續。")] == ["新北市政府"]


def test_korean_names_are_found_by_their_forms_without_the_particle_glued_to_them():
    found = [n for n, _ in names_by_form(
        "서울대학교에서 열린 모임에는 마포구청 청년정책팀과 서울특별시의회 의원들도 왔습니다. 행정안전부도 관심을 "
        "보였습니다. 사단법인 시민데이터연구소가 분석했습니다. 도시의 일부는 위원회에서 말했다.")]
    assert found == ["서울대학교", "마포구청", "서울특별시의회", "행정안전부", "사단법인 시민데이터연구소"]


def test_a_korean_city_is_one_under_its_special_city_and_city_names():
    from kg.resolve import _name_key
    from kg.resolve.registry import load_registry

    registry = load_registry()
    assert _name_key("서울특별시", registry, {}) == _name_key("서울시", registry, {})
    assert _name_key("서울특별시의회", registry, {}) != _name_key("서울시", registry, {})  # the city's council


def test_arabic_and_hebrew_bodies_and_slavic_counties_are_found_by_their_forms():
    found = [n for n, _ in names_by_form(
        "وجامعة البلقاء التطبيقية التي تدرس. وقد شاركت وزارة الإدارة المحلية. גם משרד הפנים אמר. "
        "Sudjelovala je i Zagrebačka županija.")]
    assert found == ["Zagrebačka županija", "جامعة البلقاء التطبيقية", "وزارة الإدارة المحلية", "משרד הפנים"]


@pytest.mark.parametrize("text, expected", [
    ("Превода направи Отворен град ЕООД, а градът плати.", ["Отворен град ЕООД"]),
    ("Инфопулт д.о.о. је додао гласање СМС-ом.", ["Инфопулт д.о.о."]),
    ("Platformu je preveo Otvoreni grad d.o.o. iz Zagreba.", ["Otvoreni grad d.o.o."]),
    ("Katalog ukázal spolek Datová obec, z.s. a firma Radnice online a.s. nabídla hosting.",
     ["Datová obec, z.s.", "Radnice online a.s."]),
])
def test_a_legal_form_ends_a_name_written_in_sentence_case_or_of_one_word(text, expected):
    assert [name for name, _ in names_by_form(text)] == expected


@pytest.mark.parametrize("text", [
    "Sedan ett a.s. hände det.",  # a sentence's first word before lower-case ones starts no name
    "Die Arbeit vom Nachbarschaftsverein Wrangelkiez e.V. geht weiter.",  # only the whole run is a name
])
def test_a_legal_form_after_a_sentences_first_word_or_inside_a_longer_name_makes_no_name_of_its_own(text):
    assert all(not name.startswith(("Sedan", "Wrangelkiez")) for name, _ in names_by_form(text))


@pytest.mark.parametrize("text, expected", [
    ("Доброволци на Сдружение „Гражданска мрежа“ ще помагат.", ["Сдружение „Гражданска мрежа“"]),
    ("Программу сделало ООО «Открытый город» из Казани.", ["ООО «Открытый город»"]),
    ("Заплатил Благотворительный фонд «Нужна помощь».", ["Благотворительный фонд «Нужна помощь»"]),
    ("Razem z nami była Fundacja „Stocznia” z Warszawy.", ["Fundacja „Stocznia”"]),
])
def test_a_type_word_before_a_name_in_quotation_marks_makes_them_one_name(text, expected):
    assert [name for name, _ in names_by_form(text)] == expected


def test_quoted_words_are_no_organisation_when_the_type_is_only_inside_the_quotes():
    assert names_by_form("Vi läste rapporten ”Framtidens kommun” i går.") == []


def test_names_in_scripts_without_capitals_are_found_by_a_type_word_after_a_place():
    found = [name for name, _ in names_by_form(
        "ქუთაისის მერიამ და საქართველოს ფინანსთა სამინისტრომ წარადგინეს. ქალაქის მერია დაესწრო.")]
    # the case ending glued to the type word is left out; "the city's city hall" names nobody in particular
    assert found == ["ქუთაისის მერია", "საქართველოს ფინანსთა სამინისტრო"]
    assert [name for name, _ in names_by_form("आज नाशिक महानगरपालिका ने बैठक की।")] == ["नाशिक महानगरपालिका"]


def test_azerbaijani_bodies_are_found_by_their_form_and_split_at_their_and():
    found = [name for name, _ in names_by_form(
        "Yasamal Rayon İcra Hakimiyyəti və Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi "
        "iştirak etdi.")]
    assert found == ["Yasamal Rayon İcra Hakimiyyəti",
                     "Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi"]
