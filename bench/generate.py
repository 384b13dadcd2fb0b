#!/usr/bin/env python3
"""Generate a synthetic Jekyll site in the shapes of the Digidem Lab site.

    python bench/generate.py OUT_DIR --docs N [--seed 1]

writes ``OUT_DIR/_config.yml``, ``_data/`` and about N documents in ``_posts/``,
``_clients/``, ``_themes/`` and ``_crew/``, with the front-matter keys and value
shapes of the real site (see ``../shared/corpus/digidemlab-site``; ``bench/calibrate.py``
compares the two) and, at about 1 %, the messy cases real sites have (see ``MESSY_KINDS``).
Organisations are made as the projects name them and grow with the site (see ``Orgs``).

The output is a pure function of (docs, seed, this file): the same arguments give a
byte-identical tree.  ``OUT_DIR/.kg-bench.json`` (a dotfile, so Jekyll ignores it)
records the arguments, a hash of this file, the counts, every messy file with its kind
and the organisation pool, for tests and for ``bench_build.py``'s reuse check.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".kg-bench.json"
GENERATOR_VERSION = 2  # 2: calibrated shapes, organisations that grow with the site

# Share of documents per collection; posts take the rest (about 68 %).
SHARE_CLIENTS = 0.24
SHARE_THEMES = 0.10
SHARE_CREW = 0.04

# Body sizes by collection, as on the real site (bench/calibrate.py measures both): the
# share of pages with no body at all, the median size in bytes, the spread (sigma of the
# log-normal) and a cap.
BODY_BYTES = {
    "posts": (0.0, 1350, 0.6, 8000),
    "themes": (0.0, 1250, 0.95, 10000),
    "clients": (0.85, 450, 0.9, 3000),
}
# Organisation mentions and links in a body: {how many: weight}.
BODY_MENTIONS = {0: 55, 1: 17, 2: 10, 3: 8, 4: 5, 6: 3, 10: 2}
BODY_LINKS = {0: 58, 1: 16, 2: 10, 3: 7, 4: 4, 5: 2, 6: 1, 8: 1, 10: 1}
PARTNERS = [0, 0, 1, 1, 2, 2, 3, 4, 6, 8]  # partners of a project, drawn uniformly
FUNDED = 0.2  # share of projects with a funder
TIED_POSTS = 0.48  # share of posts naming a project's page in clients:
DANGLING_RATE = 0.03  # share of documents with a reference to a file that does not exist

# Messy kinds with their relative weight.  Together they make about MESSY_RATE of the
# documents, and dangling references DANGLING_RATE more (as often as on the real site);
# documents; when docs >= MESSY_ALL_KINDS_FROM every kind occurs at least once.
MESSY_RATE = 0.01
MESSY_ALL_KINDS_FROM = 200
MESSY_KINDS = {
    "yaml_error": 2,  # front matter that does not parse
    "no_front_matter": 1,  # a content file with no front matter at all
    "empty_front_matter": 1,  # "---\n---": parses to None
    "unpublished": 2,  # published: false
    "dangling_ref": 0,  # clients:/categories: naming files that do not exist (DANGLING_RATE)
    "unreadable_year": 1,  # a client year such as "sometime"
    "bad_date": 1,  # a date that is no date ("igår", '31/02/2021')
    "invalid_timestamp": 1,  # looks like a YAML timestamp but is impossible: PyYAML raises ValueError
    "odd_filename": 1,  # ':' plus non-ASCII (sometimes NFD) in the file name
    "missing_lang": 1,  # an English post without lang: the default makes it Swedish
}
# Kinds after which the front matter is not a mapping that yaml.safe_load can read.
UNPARSEABLE_KINDS = ("yaml_error", "no_front_matter", "empty_front_matter", "invalid_timestamp")

# --------------------------------------------------------------------------- vocab

SV_PLACE_HEADS = [
    "Al", "Ber", "Bj", "Dal", "Ek", "Fal", "Gr", "Hag", "Hol", "Kal", "Kö", "Lid", "Lö",
    "Mal", "Mö", "Nor", "Ny", "Ör", "Os", "Rö", "Sal", "Sk", "Sol", "Str", "Sv", "Tor",
    "Tr", "Upp", "Vä", "Väs", "Ål", "Ås", "Sä", "Hä", "Bå", "Gä", "Lin", "Kris", "Öst",
]
SV_PLACE_TAILS = [
    "by", "köping", "berg", "holm", "sund", "vik", "torp", "hamn", "ås", "ö", "lund",
    "stad", "fors", "näs", "målen", "åker", "tuna", "sjö", "dal", "ryd", "borg", "hult",
]
DISTRICTS = ["Lundby", "Majorna-Linné", "Biskopsgården", "Hisingen", "Centrum", "Norr",
             "Söder", "Västra", "Östra Hamnen", "Gottsunda", "Rinkeby", "Hammarkullen"]
ASSOC_WORDS = [  # (sv, en)
    ("Demokrati", "Democracy"), ("Framtid", "Future"), ("Grannskap", "Neighbourhood"),
    ("Ungdom", "Youth"), ("Norden", "Nordic"), ("Klimat", "Climate"),
    ("Deltagande", "Participation"), ("Kultur", "Culture"), ("Idrott", "Sports"),
    ("Miljö", "Environment"),
]
AGENCIES = [  # (sv, en)
    ("Livsmedelsverket", "Swedish Food Agency"),
    ("Naturvårdsverket", "Swedish Environmental Protection Agency"),
    ("Trafikverket", "Swedish Transport Administration"),
    ("Energimyndigheten", "Swedish Energy Agency"),
    ("Skolverket", "Swedish National Agency for Education"),
    ("Kulturrådet", "Swedish Arts Council"),
    ("Boverket", "Swedish National Board of Housing"),
    ("Myndigheten för ungdoms- och civilsamhällesfrågor", "Swedish Agency for Youth and Civil Society"),
    ("Sveriges Kommuner och Regioner", "Swedish Association of Local Authorities and Regions"),
    ("Folkhälsomyndigheten", "Public Health Agency of Sweden"),
]
FUNDERS = [  # (sv, en)
    ("Vinnova", "Vinnova"), ("Nordforsk", "Nordforsk"),
    ("Arvsfonden", "Swedish Inheritance Fund"),
    ("Svenska Postkodstiftelsen", "Swedish Postcode Foundation"),
    ("EU Horizon 2020", "EU Horizon 2020"), ("Erasmus+", "Erasmus+"),
    ("Formas", "Formas"), ("Region Västra Götaland", "Region Västra Götaland"),
]
SAME_NAME_ORGS = [
    "Open Source Politics", "Nesta (UK)", "Spruce Technology", "Code for All", "Coompanion",
    "RISE", "Sintef (Norway)", "We Do Democracy (DK)", "SITRA (FI)", "SoCentral (NO)",
    "Bron Innovation", "Mötesplats Social Innovation", "Civic Tech Sweden",
    "Transparency International Estonia", "Transparency International Lithuania",
    "Coro - specialists in engaging youth audiences",
    "Great Cities Institute, University of Illinois at Chicago",
    "NYC Civic Engagement Commission", "Decidim Association", "Consul Democracy Foundation",
]
# Organisations are made as a site needs them (see Orgs below), in the forms of many
# languages.  Each language: country (en, sv), place-name heads and tails, words for
# associations and foundations (native, en), and name forms by kind: (native, English),
# with {p} the place, {g} its genitive, {w}/{we} a word, {c} a company word.
LANGS = {
    "no": (("Norway", "Norge"), "Bjør Fjell Hau Kongs Lille Mol Nes Ris Sand Stav Tøns Vef Åle Grim Sol",
           "vik dal berg stad sund ås nes fjord havn heim øy",
           [("Demokrati", "Democracy"), ("Framtid", "Future"), ("Ungdom", "Youth"), ("Nabolag", "Neighbourhood")],
           {"municipality": [("{p} kommune", "{p} Municipality")],
            "university": [("Universitetet i {p}", "University of {p}")],
            "region": [("{p} fylkeskommune", "{p} County Council")],
            "company": [("{p} {c} AS", "{p} {c} AS")],
            "foundation": [("Stiftelsen {w} {p}", "{p} {we} Foundation")]}),
    "da": (("Denmark", "Danmark"), "Ho Kol Næst Ring Sven Vej Ros Hjør Fre Sla Her Hil Od Skæl Tøn",
           "borg sted bæk lev ring købing rup strup havn skov holm",
           [("Demokrati", "Democracy"), ("Fremtid", "Future"), ("Ungdom", "Youth"), ("Borger", "Citizens")],
           {"municipality": [("{p} Kommune", "{p} Municipality")],
            "university": [("{p} Universitet", "University of {p}")],
            "company": [("{p} {c} ApS", "{p} {c} ApS")],
            "association": [("Foreningen {w} {p}", "{p} {we} Association")],
            "housing": [("Boligselskabet {p}", "{p} Housing Association")]}),
    "fi": (("Finland", "Finland"), "Jär Kuo Lah Sei Vaa Kar Hyv Ou Rau Sal Kok Ima Lo Por Kem",
           "salo/salon linna/linnan lahti/lahden koski/kosken järvi/järven niemi/niemen mäki/mäen "
           "saari/saaren joki/joen vaara/vaaran kylä/kylän harju/harjun",
           [("Demokratia", "Democracy"), ("Tulevaisuus", "Future"), ("Nuoriso", "Youth"), ("Kylä", "Village")],
           {"city": [("{g} kaupunki", "City of {p}")],
            "university": [("{g} yliopisto", "University of {p}")],
            "company": [("{p} {c} Oy", "{p} {c} Oy")],
            "association": [("{g} {w}seura ry", "{p} {we} Society")]}),
    "is": (("Iceland", "Island"), "Hvera Sel Akra Ísa Borgar Grinda Hafnar Kópa Sauðár Egils Vest Stykkis",
           "gerði foss nes fjörður vík vogur staðir hólmur dalur eyri krókur",
           [("Lýðræði", "Democracy"), ("Framtíð", "Future")],
           {"municipality": [("Sveitarfélagið {p}", "{p} Municipality")],
            "university": [("Háskólinn á {p}", "University of {p}")]}),
    "de": (("Germany", "Tyskland"), "Ober Kirch Neu Alt Hohen Rosen Eich Mühl Wald Lin Frei Stein Gries Horn Schön",
           "dorf heim bach burg hausen feld stein au berg ingen stadt brück",
           [("Demokratie", "Democracy"), ("Zukunft", "Future"), ("Bürger", "Citizens"), ("Jugend", "Youth")],
           {"city": [("Stadt {p}", "City of {p}")],
            "university": [("Universität {p}", "University of {p}")],
            "company": [("{p} {c} GmbH", "{p} {c} GmbH")],
            "foundation": [("{w}-Stiftung {p}", "{p} {we} Foundation")],
            "association": [("{w} {p} e.V.", "{p} {we} Association")],
            "region": [("Landkreis {p}", "{p} District")]}),
    "nl": (("Netherlands", "Nederländerna"), "Zoe Hil Apel Ber Dor Gro Haar Lei Mep Sne Wage Zut Bree Roer Oost",
           "dam dijk hoven veen wijk broek hout zand mond horst recht",
           [("Democratie", "Democracy"), ("Toekomst", "Future"), ("Buurt", "Neighbourhood")],
           {"municipality": [("Gemeente {p}", "Municipality of {p}")],
            "university": [("Universiteit {p}", "{p} University")],
            "foundation": [("Stichting {w} {p}", "{p} {we} Foundation")],
            "company": [("{p} {c} B.V.", "{p} {c} B.V.")]}),
    "fr": (("France", "Frankrike"), "Bel Mont Ro Val Ville Cha Beau Sainte- Saint- Fon Mar Lan Cler Ver Bour",
           "mont lieu ville court val fort mare gnac ac ières lon",
           [("Démocratie", "Democracy"), ("Avenir", "Future"), ("Citoyens", "Citizens")],
           {"city": [("Ville de {p}", "City of {p}")],
            "university": [("Université de {p}", "University of {p}")],
            "association": [("Association {w} {p}", "{p} {we} Association")],
            "company": [("{c} {p} SAS", "{c} {p} SAS")]}),
    "es": (("Spain", "Spanien"), "Villa Alca Tor Mon San_ Val Cas Bena Puer Arro Mira Sala Olme",
           "nueva lejo dilla rrente mares llano verde seca blanca real fría",
           [("Democracia", "Democracy"), ("Futuro", "Future"), ("Ciudadanía", "Citizenship")],
           {"city": [("Ayuntamiento de {p}", "City Council of {p}")],
            "university": [("Universidad de {p}", "University of {p}")],
            "foundation": [("Fundación {w} {p}", "{p} {we} Foundation")],
            "company": [("{c} {p} S.L.", "{c} {p} S.L.")]}),
    "ca": (("Spain", "Spanien"), "Sant_ Vila Cal Torre Mont Bell Olot Sol Ter",
           "franca dellops rosa llobregat vall mar seca",
           [("Democràcia", "Democracy"), ("Futur", "Future")],
           {"city": [("Ajuntament de {p}", "{p} City Council")],
            "university": [("Universitat de {p}", "University of {p}")]}),
    "it": (("Italy", "Italien"), "Castel Monte Roc Val Ser Bor Pie Fos Lu Ter Mar Colle San_ Villa",
           "franco nuovo vecchio lago fiore sano rino mara gnano bello doro ena",
           [("Democrazia", "Democracy"), ("Futuro", "Future"), ("Cittadini", "Citizens")],
           {"municipality": [("Comune di {p}", "Municipality of {p}")],
            "university": [("Università di {p}", "University of {p}")],
            "foundation": [("Fondazione {w} {p}", "{p} {we} Foundation")],
            "company": [("{p} {c} S.r.l.", "{p} {c} S.r.l.")]}),
    "pt": (("Portugal", "Portugal"), "Vila_ Porto_ Castelo_ Santa_ Monte Ria Alma Bar Fa Lou Cova Ponte_",
           "nova real branco verde mar lhos ro rinha sal deira alta seca",
           [("Democracia", "Democracy"), ("Futuro", "Future"), ("Cidadania", "Citizenship")],
           {"municipality": [("Câmara Municipal de {p}", "{p} City Council")],
            "university": [("Universidade de {p}", "University of {p}")],
            "association": [("Associação {w} {p}", "{p} {we} Association")]}),
    "pl": (("Poland", "Polen"), "Bia Gó Ko Lesz Nowy_ Ostro Prze Ra Sko Stary_ Tar Wło Zie Krzy Brze",
           "łystok rzów szalin no łęka dom mysł wice sław nów ków cko gard",
           [("Demokracja", "Democracy"), ("Przyszłość", "Future"), ("Obywatele", "Citizens")],
           {"city": [("Urząd Miasta {p}", "{p} City Hall")],
            "foundation": [("Fundacja {w} {p}", "{p} {we} Foundation")],
            "association": [("Stowarzyszenie {w} {p}", "{p} {we} Association")]}),
    "et": (("Estonia", "Estland"), "Tar Pär Vil Rak Haap Kur Võ Jõ Paid Põl Val Rap",
           "tu nu jandi vere salu essaare ru geva de va ga la",
           [("Demokraatia", "Democracy"), ("Tulevik", "Future")],
           {"city": [("{p} Linnavalitsus", "{p} City Government")],
            "university": [("{p} Ülikool", "University of {p}")],
            "association": [("MTÜ {w} {p}", "{p} {we} NGO")]}),
    "lt": (("Lithuania", "Litauen"), "Kau Šiau Pane Alyt Marijam Utė Tel Vis Bir Druskin Jona Raseini",
           "nas liai vėžys us polė na šiai ginas žai inkai va",
           [("Demokratija", "Democracy"), ("Ateitis", "Future")],
           {"municipality": [("{p} miesto savivaldybė", "{p} City Municipality")],
            "university": [("{p} universitetas", "{p} University")]}),
    "en": (("UK", "Storbritannien"), "Ash Brad Chel Dun Kings Mid New North Red South Stan Wal Wick Wood Bran",
           "ford ton ham field bury ley wick mouth bridge chester port dale",
           [("Democracy", "Democracy"), ("Future", "Future"), ("Community", "Community"), ("Youth", "Youth")],
           {"city": [("{p} City Council", "{p} City Council")],
            "university": [("University of {p}", "University of {p}")],
            "foundation": [("{p} Community Trust", "{p} Community Trust")],
            "company": [("{p} {c} Ltd", "{p} {c} Ltd")],
            "housing": [("{p} Housing Association", "{p} Housing Association")]}),
    "tr": (("Turkey", "Turkiet"), "Kara Ak Yeni Es Bur Ala Kay Ilgın Bey Çan Göl Sarı",
           "köy şehir tepe dere ova pınar kale ören su yurt bük",
           [("Demokrasi", "Democracy"), ("Gelecek", "Future"), ("Gençlik", "Youth")],
           {"municipality": [("{p} Belediyesi", "{p} Municipality")],
            "university": [("{p} Üniversitesi", "{p} University")],
            "foundation": [("{p} {w} Vakfı", "{p} {we} Foundation")],
            "association": [("{p} {w} Derneği", "{p} {we} Association")],
            "company": [("{p} {c} A.Ş.", "{p} {c} A.Ş.")]}),
}
COMPANY_WORDS = ["Digital", "Data", "Design", "Labs", "Solutions", "Tech", "Media", "Consulting", "Analytics",
                 "Studio", "Civic", "Partners"]
# Which language a new organisation speaks, by its role in the project that first names it.
LANG_WEIGHTS = {
    "client": {"sv": 60, "no": 5, "da": 4, "fi": 5, "is": 1, "de": 4, "nl": 3, "fr": 3, "es": 3, "ca": 1,
               "it": 2, "pt": 1, "pl": 2, "et": 1, "lt": 1, "en": 3, "tr": 1},
    "partner": {"sv": 40, "no": 6, "da": 6, "fi": 6, "is": 1, "de": 6, "nl": 4, "fr": 4, "es": 4, "ca": 2,
                "it": 3, "pt": 2, "pl": 3, "et": 2, "lt": 2, "en": 7, "tr": 2},
}
# Kinds of a new organisation by role (a language without the kind's form picks again).
KIND_WEIGHTS = {
    "client": {"municipality": 30, "city": 18, "region": 8, "housing": 9, "university": 8, "association": 7,
               "foundation": 5, "school": 4, "library": 3, "company": 4, "institute": 2, "agency": 2},
    "partner": {"university": 20, "company": 20, "association": 14, "foundation": 8, "municipality": 9,
                "city": 5, "housing": 4, "region": 4, "institute": 8, "school": 2, "library": 2, "agency": 4},
}
SV_FORMS = {  # kinds Swedish organisations take beside cities and municipalities (see Orgs.swedish)
    "university": [("{p} Universitet", "{p} University"), ("{g} universitet", "University of {p}")],
    "housing": [("{g} Bostäder", "{p} Housing Company"), ("Bostadsbolaget i {p}", "{p} Housing Company")],
    "region": [("Region {p}", "Region {p}")],
    "association": [("Föreningen {w} {p}", "{p} {we} Association")],
    "foundation": [("Stiftelsen {w} {p}", "{p} {we} Foundation")],
    "company": [("{p} {c} AB", "{p} {c} AB"), ("{p} Konsult AB", "{p} Konsult AB")],
    "school": [("{p} gymnasium", "{p} Upper Secondary School")],
    "library": [("{p} stadsbibliotek", "{p} City Library")],
    "institute": [("{p}institutet", "{p} Institute")],
}
MORE_FUNDERS = [  # (sv, en): after FUNDERS, in the order a growing site meets them
    ("Vetenskapsrådet", "Swedish Research Council"), ("Forte", "Forte"),
    ("Nordiska ministerrådet", "Nordic Council of Ministers"),
    ("Europeiska socialfonden", "European Social Fund"),
    ("Interreg Östersjöregionen", "Interreg Baltic Sea Region"),
    ("Norges forskningsråd", "Research Council of Norway"), ("Suomen Akatemia", "Academy of Finland"),
    ("Knut och Alice Wallenbergs Stiftelse", "Knut and Alice Wallenberg Foundation"),
    ("Riksbankens Jubileumsfond", "Riksbankens Jubileumsfond"),
    ("Tillväxtverket", "Swedish Agency for Economic and Regional Growth"),
    ("Open Society Foundations", "Open Society Foundations"), ("Kulturbryggan", "Kulturbryggan"),
    ("Deutsche Forschungsgemeinschaft", "German Research Foundation"),
    ("Fundación Bancaria la Caixa", "la Caixa Foundation"), ("Nordisk Kulturfond", "Nordic Culture Fund"),
    ("EU Horisont Europa", "EU Horizon Europe"), ("Europeiska regionala utvecklingsfonden",
                                                  "European Regional Development Fund"),
]
TOPICS = [  # (sv, en)
    ("Medborgarbudget", "Participatory budget"),
    ("Medborgarråd", "Citizens' assembly"),
    ("Ekosociala stadsdelar", "Ecosocial neighbourhoods"),
    ("Digital dialog", "Digital dialogue"),
    ("Boendebudget", "Participatory budget for residents"),
    ("Ungas inflytande", "Youth participation"),
    ("Klimatomställning", "Climate transition"),
    ("Medborgardeltagande", "Citizen participation"),
    ("Community organising", "Community organising"),
    ("Civic tech-nätverk", "Civic tech network"),
    ("Decidim-plattform", "Decidim platform"),
    ("Medborgarförslag", "Citizen proposals"),
    ("Skolbudget", "School participatory budget"),
    ("Medborgarpanel", "Citizen panel"),
]
# Core themes: (sv file, en file, sv title, en title, ref); the first are cited most.
CORE_THEMES = [
    ("medborgarbudget.md", "participatory-budget.md", "Medborgarbudget och Medborgardeltagande",
     "Participatory budgeting and citizen participation", "medborgarbudget"),
    ("medborgarrad.md", "citizen-panel.md", "Medborgarråd: en nyckel till framtidens deltagande demokrati",
     "Citizens' assembly", "medborgarrad"),
    ("civic-tech-utveckling.md", "civic-tech-development.md", "Civic Tech och Digital utveckling",
     "Civic Tech and Digital Development", "civictech"),
    ("digitalt-medborgardeltagande-decidim.html", "digital-citizen-participation-decidim-en.html",
     "Digitalt medborgardeltagande med Decidim", "Digital Citizen Participation with Decidim", "decidim"),
    ("community-organising-grasrot.md", "community-organising-grass-roots.md", "Community organising",
     "Community organising", "communityorg"),
    ("medborgarforslag.md", "citizen-proposals.md", "Medborgarförslag", "Citizen proposals",
     "medborgarforslag"),
    ("utbildningar.md", "trainings.md", "Utbildningar", "Trainings", "utbildningar"),
]
CITIES = ["Chicago", "Göteborg", "Gothenburg", "Madrid", "Helsingfors", "Helsinki", "New York",
          "Barcelona", "Lund", "Uppsala", "Malmö", "Trondheim", "Umeå", "Visby"]
PLATFORMS = ["Decidim", "Consul", "CONSUL", "Decidim"]
FIRST_NAMES = ["Anna", "Erik", "Sara", "Johan", "Maria", "Ali", "Fatima", "Lars", "Elin",
               "Oskar", "Sanna", "Petra", "Jonas", "Linnéa", "Amir", "Karin", "Björn", "Åsa",
               "Maja", "Nils", "Steph", "Thea", "Omar", "Ida"]
LAST_NAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
              "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jönsson",
              "Lindqvist", "Öberg", "Åkesson", "Hussein", "Toro", "Berg", "Ström", "Lund"]
JOBS = [("Processledare", "Process facilitator"), ("Digital strateg", "Digital strategist"),
        ("Projektledare", "Project manager"), ("Outreach strateg", "Outreach strategist"),
        ("Verksamhetschef", "Director"), ("Utvecklare", "Developer")]

# Sentences without organisations (filled once into a pool), sentences naming one
# organisation ({org}: filled per page, from the page's project or the busiest names) and
# sentences with one link ({url}).
SV_SENTENCES = [
    "Processen i {city} har samlat fler än {n} deltagare på bara några veckor.",
    "Plattformen {platform} används av städer som {city} och {city2}.",
    "Målet är att nå grupper som sällan deltar i medborgardialoger.",
    "Under våren hölls workshops för tjänstepersoner i {city}.",
    "Invånarna kunde lämna förslag och rösta digitalt eller på plats.",
    "Totalt fördelades {n} 000 kronor till förslag från invånarna.",
    "Precis som i {city} anpassar vi processen till ett digitalt arbetssätt.",
    "Arbetet med {topic} pågår till {year2} och följs av forskare.",
    "Fokus är att mobilisera underrepresenterade grupper i processen.",
    "– Vi har aldrig träffat dem vi arbetar med, och kontexten är annorlunda, säger {person}.",
    "Informationen på plattformen översätts till {n_small} språk.",
]
EN_SENTENCES = [
    "The process in {city} has gathered more than {n} participants in a few weeks.",
    "The {platform} platform is used by cities such as {city} and {city2}.",
    "The aim is to reach groups that rarely take part in citizen dialogues.",
    "During the spring, workshops were held for civil servants in {city}.",
    "Residents could submit proposals and vote online or in person.",
    "In total, {n} 000 SEK was allocated to proposals from residents.",
    "Just as in {city}, we adapt the process to a digital way of working.",
    "The work on {topic} runs until {year2} and is followed by researchers.",
    "The focus is on mobilising under-represented groups in the process.",
    "\u201cWe have never met the people we work with, and the context is different,\u201d says {person}.",
    "The information on the platform is translated into {n_small} languages.",
]
SV_ORG_SENTENCES = [
    "Digidem Lab hjälper {org} att göra sin {topic} digital med plattformen {platform}.",
    "Vi har arbetat tillsammans med {org} sedan {year}.",
    "– Det känns jätteroligt att få vara med från början, säger {person} på {org}.",
    "Projektet finansieras av {org} och pågår till {year2}.",
    "{org} är först i Norden med att testa metoden i stor skala.",
    "Vi utbildade personal på **{org}** i processdesign och facilitering.",
    "Ytterligare en samarbetspartner i projektet är {org}.",
]
EN_ORG_SENTENCES = [
    "Digidem Lab is helping {org} take its {topic} digital on the {platform} platform.",
    "We have worked together with {org} since {year}.",
    "\u201cIt is great to be part of this from the start,\u201d says {person} at {org}.",
    "The project is funded by {org} and runs until {year2}.",
    "{org} is the first in the Nordic countries to test the method at scale.",
    "We trained staff at **{org}** in process design and facilitation.",
    "Another partner in the project is {org}.",
]
SV_LINK_SENTENCES = [
    "Läs mer om {topic} på [projektets webbplats]({url}).",
    "Digidem Lab har tidigare studerat [{topic}]({url}) i {city}.",
    "Se [presentationen från {city}]({url}) för fler exempel.",
]
EN_LINK_SENTENCES = [
    "Read more about the {topic} on [the project website]({url}).",
    "Digidem Lab has studied [{topic}]({url}) in {city} before.",
    "See [the presentation from {city}]({url}) for more examples.",
]
SV_HEADINGS = ["### Uppdraget", "### Bakgrund", "## Så gick det till", "### Resultat"]
EN_HEADINGS = ["### The assignment", "### Background", "## How it worked", "### Results"]
SV_POST_TITLES = [
    "{org} satsar på {topic_l}", "{topic} i {place}", "Webinar om {topic_l} {day} {month_sv}",
    "Digidem Lab hjälper {city} att ställa om till digitala dialoger",
    "Ny tjänst: {job_sv} till demokratilabbet", "Dags för {place}s {topic_l}",
    "{place} ansluter sig till Demokratiska Städer", "Nytt stort uppdrag för {org}",
    "Internationellt samtal om {topic_l}", "{platform} lanseras i {place}",
    "En halv miljon i {place}s nya {topic_l}",
]
EN_POST_TITLES = [
    "{org} invests in {topic_l}", "{topic} in {place}", "Webinar on {topic_l}, {day} {month_en}",
    "Digidem Lab helps {city} take its dialogues online",
    "New position: {job_en} at the democracy lab", "Time for {place}'s {topic_l}",
    "{place} joins Democratic Cities", "New major assignment for {org}",
    "International conversation on {topic_l}", "{platform} launches in {place}",
]
MONTHS_SV = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
             "september", "oktober", "november", "december"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O",
                       "é": "e", "ü": "u"})
_NON_SLUG = re.compile(r"[^\w]+", re.UNICODE)
_DASHES = re.compile(r"[^\w-]+", re.UNICODE)
_YAML_SPECIAL_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ""}


def strip_diacritics(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def slugify(s: str, fold: bool = True, keep_case: bool = False) -> str:
    if fold:
        s = s.translate(_FOLD)
    if not keep_case:
        s = s.lower()
    return _NON_SLUG.sub("-", s).strip("-_").replace("_", "-")


# --------------------------------------------------------------------------- YAML text


def plain_ok(s: str) -> bool:
    """True when ``s`` can be written as a plain YAML scalar and reads back as ``s``."""
    if not s or s != s.strip() or s.lower() in _YAML_SPECIAL_WORDS:
        return False
    if s[0] in "-?:,[]{}#&*!|>'\"%@`+.~" or s[0].isdigit():
        return False
    return not (": " in s or " #" in s or s.endswith(":") or "\n" in s or "\t" in s)


def dq(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def sq(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def wrap(s: str, width: int = 78) -> list[str]:
    lines: list[str] = []
    cur = ""
    for word in s.split(" "):
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    if cur:
        lines.append(cur)
    return lines


class Emitter:
    """Writes front-matter lines in the styles the real site mixes."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def scalar(self, s: str) -> str:
        r = self.rng.random()
        if plain_ok(s):
            if r < 0.85:
                return s
            return dq(s) if r < 0.95 else sq(s)
        return dq(s) if r < 0.7 else sq(s)

    def text(self, key: str, s: str, indent: str = "") -> str:
        """A long text value: one line, plain wrapped, folded ``>-`` or quoted."""
        r = self.rng.random()
        if r < 0.25 and len(s) > 70:
            body = "\n".join(f"{indent}  {ln}" for ln in wrap(s))
            return f"{indent}{key}: >-\n{body}\n"
        if r < 0.5 and len(s) > 70 and plain_ok(s):
            lines = wrap(s)
            rest = "".join(f"\n{indent}  {ln}" for ln in lines[1:])
            return f"{indent}{key}: {lines[0]}{rest}\n"
        return f"{indent}{key}: {self.scalar(s)}\n"

    def kv(self, key: str, s: str) -> str:
        return f"{key}: {self.scalar(s)}\n"

    def str_list(self, key: str, items: list[str]) -> str:
        ind = "  " if self.rng.random() < 0.3 else ""
        return f"{key}:\n" + "".join(f"{ind}- {self.scalar(x)}\n" for x in items)

    def links(self, links: list[tuple[str, str]]) -> str:
        ind = "  " if self.rng.random() < 0.4 else ""
        out = ["links:\n"]
        for title, url in links:
            if self.rng.random() < 0.1:
                out.append(f"{ind}- url: {url}\n{ind}  title: {self.scalar(title)}\n")
            else:
                out.append(f"{ind}- title: {self.scalar(title)}\n{ind}  url: {url}\n")
        return "".join(out)


# --------------------------------------------------------------------------- model


@dataclass(eq=False)
class Org:
    id: str
    kind: str
    sv: str  # as a Swedish page names it
    en: str  # as an English page names it
    units: list[tuple[str, str]] = field(default_factory=list)
    lang: str = "sv"
    place: str | None = None
    projects: int = 0  # projects whose pages name it (client, partner or funder)


class Popularity:
    """A two-parameter Chinese restaurant (Pitman–Yor) process over organisations.

    The n-th draw is a new organisation with probability (theta + d·K) / (n + theta), K
    the organisations so far, else organisation k with probability (n_k − d) / (n + theta):
    preferential attachment.  K grows like n^d (Heaps' law) and the number of projects
    per organisation is heavy-tailed (a power law of exponent 1 + d): most are named
    once or twice, a few in a large share of the projects.
    """

    def __init__(self, rng: random.Random, discount: float, concentration: float, new) -> None:
        self.rng, self.d, self.theta, self.new = rng, discount, concentration, new
        self.items: list[Org] = []
        self.counts: list[int] = []
        self.tokens: list[int] = []  # one entry per draw: uniform over it is preferential

    def draw(self, role: str, exclude: tuple[Org, ...] = ()) -> Org:
        rng = self.rng
        for _ in range(20):
            k, n = len(self.items), len(self.tokens)
            if not k or rng.random() * (n + self.theta) < self.theta + self.d * k:
                self.items.append(self.new(role))
                self.counts.append(0)
                idx = k
            else:
                while True:  # uniform over draws, kept with probability (n_k - d) / n_k
                    idx = self.tokens[rng.randrange(n)]
                    c = self.counts[idx]
                    if rng.random() * c < c - self.d:
                        break
                if self.items[idx] in exclude:
                    continue
            break
        else:
            self.items.append(self.new(role))
            self.counts.append(0)
            idx = len(self.items) - 1
        self.counts[idx] += 1
        self.tokens.append(idx)
        return self.items[idx]

    def popular(self) -> Org | None:
        """An organisation drawn in proportion to how often it has been drawn."""
        return self.items[self.tokens[self.rng.randrange(len(self.tokens))]] if self.tokens else None


def _places(rng: random.Random, heads: str, tails: str) -> list[tuple[str, str]]:
    """Every head+tail place name of a language, shuffled, as (name, genitive).  A head
    ending in "_" or "-" is a word of its own ("San Nueva", "Saint-Lieu")."""
    out = []
    for h in heads.split():
        for t in tails.split():
            nom, _, gen = t.partition("/")
            if h.endswith(("_", "-")):
                sep = " " if h.endswith("_") else "-"
                h0 = h[:-1] + sep
                out.append((h0 + nom.capitalize(), h0 + (gen or nom).capitalize()))
            else:
                out.append((h + nom, h + (gen or nom)))
    rng.shuffle(out)
    return out


class Orgs:
    """Organisations made as the site's projects name them (see Popularity): clients and
    partners share one process, funders have their own (fewer, each in more projects).
    New ones take the forms of many languages; most are Swedish."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.all: list[Org] = []
        self.taken: set[str] = set()  # casefolded names in either language
        sv = [(h + t, h + t if (h + t).endswith(("s", "x", "z")) else h + t + "s")
              for h in SV_PLACE_HEADS for t in SV_PLACE_TAILS]
        rng.shuffle(sv)
        self.place_pool = {"sv": sv, **{lang: _places(rng, v[1], v[2]) for lang, v in LANGS.items()}}
        self.next_place = dict.fromkeys(self.place_pool, 0)
        self.places_used: dict[str, list[tuple[str, str]]] = {lang: [] for lang in self.place_pool}
        self.used: set[tuple] = set()
        self.named = [*SAME_NAME_ORGS, "Digidem Lab (Sweden)"]
        self.agencies = list(AGENCIES)
        self.funder_names = [*FUNDERS, *MORE_FUNDERS]
        self.main = Popularity(rng, 0.6, 150.0, self._new)
        self.funding = Popularity(rng, 0.35, 2.0, self._new_funder)

    def popular(self) -> Org | None:
        return self.main.popular()

    def _add(self, kind: str, sv: str, en: str, lang: str = "sv", place: str | None = None,
             units: list[tuple[str, str]] | None = None) -> Org | None:
        keys = {sv.casefold(), en.casefold()}
        if keys & self.taken:
            return None
        self.taken |= keys
        org = Org(f"org{len(self.all):03d}", kind, sv, en, units or [], lang, place)
        self.all.append(org)
        return org

    def _place(self, lang: str, kind: str) -> tuple[str, str] | None:
        """A place for a new organisation of ``kind``: often one that has others already (the
        town's university beside its municipality), at most one local government a place."""
        rng = self.rng
        pool, used = self.place_pool[lang], self.places_used[lang]
        for _ in range(30):
            if used and rng.random() < 0.35:
                p = rng.choice(used)
            elif self.next_place[lang] < len(pool):
                p = pool[self.next_place[lang]]
                self.next_place[lang] += 1
                used.append(p)
            else:  # every name taken: double-barrelled ones ("Ekby-Tornäs")
                a, b = rng.choice(pool), rng.choice(pool)
                p = (f"{a[0]}-{b[0]}", f"{a[0]}-{b[1]}")
                used.append(p)
            key = (lang, p[0], "gov" if kind in ("city", "municipality") else kind)
            if key not in self.used:
                self.used.add(key)
                return p
        return None

    def _new(self, role: str) -> Org:
        rng = self.rng
        if role == "partner" and self.named and rng.random() < (0.9 if len(self.all) < 8 else 0.3):
            org = self._add("organisation", self.named[0], self.named[0])
            del self.named[0]
            if org:
                return org
        while True:
            org = self._try_new(role)
            if org:
                return org

    def _try_new(self, role: str) -> Org | None:
        rng = self.rng
        langs = LANG_WEIGHTS[role]
        lang = rng.choices(list(langs), weights=list(langs.values()))[0]
        kinds = KIND_WEIGHTS[role]
        forms = SV_FORMS if lang == "sv" else LANGS[lang][4]
        have = [k for k in kinds if k in forms or (lang == "sv" and k in ("city", "municipality", "agency"))
                or (k in ("city", "municipality") and ({"city", "municipality"} & set(forms)))]
        kind = rng.choices(have, weights=[kinds[k] for k in have])[0]
        if kind == "agency":
            if not self.agencies:
                return None
            sv, en = self.agencies.pop(0)
            return self._add("agency", sv, en)
        if lang != "sv" and kind not in forms:  # the language's one form of local government
            kind = "city" if "city" in forms else "municipality"
        p = self._place(lang, kind)
        if p is None:
            return None
        place, gen = p
        if lang == "sv":
            return self._swedish(kind, place, gen)
        (c_en, c_sv), words = LANGS[lang][0], LANGS[lang][3]
        w, we = rng.choice(words)
        native_t, en_t = rng.choice(forms[kind])
        fill = dict(p=place, g=gen, w=w, we=we, c=rng.choice(COMPANY_WORDS))
        native, english = native_t.format(**fill), en_t.format(**fill)
        en = english if rng.random() < 0.6 else native
        sv = native if rng.random() < 0.7 else english
        if rng.random() < 0.3:  # "University of Helsinki (Finland)"
            sv, en = f"{sv} ({c_sv})", f"{en} ({c_en})"
        return self._add(kind, sv, en, lang, place)

    def _swedish(self, kind: str, p: str, gen: str) -> Org | None:
        rng = self.rng
        form = rng.random()
        if kind == "city":
            sv = f"{gen} Stad" if form < 0.6 else f"{p} stad"
            units = [(f"{sv}, {d}", f"City of {p}, {d}") for d in rng.sample(DISTRICTS, 2)]
            return self._add("city", sv, f"City of {p}", "sv", p, units)
        if kind == "municipality":
            sv = f"{p} Kommun" if form < 0.4 else (f"{gen} kommun" if form < 0.8 else f"{p} kommun")
            en = f"{p} municipality" if form < 0.5 else (f"{p} Municipality" if form < 0.85 else f"Municipality of {p}")
            return self._add("municipality", sv, en, "sv", p)
        w, we = rng.choice(ASSOC_WORDS)
        sv_t, en_t = rng.choice(SV_FORMS[kind])
        fill = dict(p=p, g=gen, w=w, we=we, c=rng.choice(COMPANY_WORDS))
        return self._add(kind, sv_t.format(**fill), en_t.format(**fill), "sv", p)

    def _new_funder(self, role: str) -> Org:
        rng = self.rng
        while True:
            if self.funder_names:
                sv, en = self.funder_names.pop(0)
                org = self._add("funder", sv, en)
            elif rng.random() < 0.5:
                last = rng.choice(LAST_NAMES)
                first = rng.choice(FIRST_NAMES)
                org = self._add("funder", f"{first} {last}s stiftelse", f"{first} {last} Foundation")
            else:
                lang = rng.choice([k for k, v in LANGS.items() if "foundation" in v[4]])
                (c_en, c_sv), words = LANGS[lang][0], LANGS[lang][3]
                p = self._place(lang, "funder")
                if p is None:
                    continue
                w, we = rng.choice(words)
                native_t, en_t = LANGS[lang][4]["foundation"][0]
                native = native_t.format(p=p[0], g=p[1], w=w, we=we, c="")
                english = en_t.format(p=p[0], g=p[1], w=w, we=we, c="")
                org = self._add("funder", f"{native} ({c_sv})", f"{english} ({c_en})", lang, p[0])
            if org:
                return org


@dataclass
class Doc:
    collection: str
    lang: str
    index: int  # position in its collection's plan
    pair: int | None = None  # index of the pair it belongs to, if any
    messy: str | None = None
    path: str = ""  # site-relative, decided while planning (odd_filename may change it)


class Generator:
    def __init__(self, docs: int, seed: int) -> None:
        self.n = max(1, docs)
        self.seed = seed
        self.rng = random.Random(seed)
        self.em = Emitter(self.rng)
        self.used_names: set[str] = set()
        self.messy: list[tuple[str, str]] = []
        self.post_refs: dict[str, int] = {}
        self._build_pools()

    # ---- pools

    def _unique(self, base: str, ext: str, folder: str) -> str:
        """``base + ext``, numbered if needed so that no two stems in ``folder`` clash
        (case-insensitively: the stem is the page's slug, URL and often its ref).  ``folder``
        names the URL space: clients and themes share "/:title", posts have "/news/:title"."""
        stem = base
        i = 2
        while (key := unicodedata.normalize("NFC", f"{folder}/{stem}".lower())) in self.used_names:
            stem = f"{base}-{i}"
            i += 1
        self.used_names.add(key)
        return stem + ext

    def _build_pools(self) -> None:
        rng = self.rng
        combos = [h + t for h in SV_PLACE_HEADS for t in SV_PLACE_TAILS]
        rng.shuffle(combos)
        self.places = combos  # for titles, links and themes; organisations have their own places
        self.orgs = Orgs(rng)
        self.persons = [f"{f} {last}" for f in FIRST_NAMES for last in LAST_NAMES]
        rng.shuffle(self.persons)
        self.sentences = {
            "sv": [self._fill(rng.choice(SV_SENTENCES), "sv") for _ in range(1500)],
            "en": [self._fill(rng.choice(EN_SENTENCES), "en") for _ in range(1500)],
        }

    def _fill(self, tpl: str, lang: str, **extra: str) -> str:
        rng = self.rng
        t_sv, t_en = rng.choice(TOPICS)
        return tpl.format(
            topic=(t_sv if lang == "sv" else t_en).lower(), platform=rng.choice(PLATFORMS),
            city=rng.choice(CITIES), city2=rng.choice(CITIES), n=rng.randint(2, 900), n_small=rng.randint(2, 12),
            year=rng.randint(2016, 2024), year2=rng.randint(2022, 2027), person=rng.choice(self.persons),
            **extra)

    # ---- helpers

    def org_name(self, org: Org, lang: str, variants: bool = True) -> str:
        """An organisation's name as an author would type it on a page in ``lang``."""
        name = org.sv if lang == "sv" else org.en
        if not variants:
            return name
        r = self.rng.random()
        if r < 0.05 and org.units:
            u = self.rng.choice(org.units)
            return u[0] if lang == "sv" else u[1]
        if r < 0.07:
            return name.lower()
        if r < 0.09:
            return name.upper() if len(name) < 12 else name.title()
        if r < 0.11:
            return strip_diacritics(name)
        if r < 0.13 and "(" not in name:
            return f"{name} ({'Sverige' if lang == 'sv' else 'Sweden'})"
        if r < 0.14:
            return name.replace(" ", "  ", 1)
        return name

    def date_text(self, y: int, m: int, d: int, style: int | None = None) -> str:
        rng = self.rng
        hh, mm, ss = rng.randrange(24), rng.randrange(60), rng.randrange(60)
        style = rng.randrange(6) if style is None else style
        if style == 0:
            return f"'{y:04d}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}:{ss:02d}'"
        if style == 1:
            return f"{y:04d}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}:{ss:02d} {rng.choice(['+0100', '+0200'])}"
        if style == 2:
            tz = rng.choice(["+00:00", "+01:00", "+02:00"])
            return f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00.000{tz}"
        if style == 3:
            return f"{y:04d}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}:00 Z"
        if style == 4:
            return f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}.000Z"
        return f"{y:04d}-{m:02d}-{d:02d}"

    def random_ymd(self, y0: int = 2016, y1: int = 2025) -> tuple[int, int, int]:
        rng = self.rng
        return rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28)

    def body(self, lang: str, collection: str, orgs: list[Org] | tuple = (), html: bool = False) -> str:
        """A body of the size, links and organisation mentions of the real site's pages in
        ``collection`` (see BODY_BYTES): the mentions name ``orgs`` (a project's) first."""
        rng = self.rng
        empty, median, sigma, cap = BODY_BYTES[collection]
        if empty and rng.random() < empty:
            return ""
        target = min(cap, rng.lognormvariate(math.log(median), sigma))
        pool = self.sentences[lang]
        sentences, size = [], 0
        while size < target:
            sentences.append(rng.choice(pool))
            size += len(sentences[-1]) + 1
        for _ in range(_pick_weighted(rng, BODY_MENTIONS)):
            org = orgs[0] if orgs and rng.random() < 0.5 else (
                rng.choice(orgs) if orgs and rng.random() < 0.6 else self.orgs.popular())
            if org is not None:
                tpl = rng.choice(SV_ORG_SENTENCES if lang == "sv" else EN_ORG_SENTENCES)
                sentences.insert(rng.randrange(len(sentences) + 1), self._fill(tpl, lang, org=self.org_name(org, lang)))
        for _ in range(_pick_weighted(rng, BODY_LINKS)):
            tpl = rng.choice(SV_LINK_SENTENCES if lang == "sv" else EN_LINK_SENTENCES)
            url = f"https://{slugify(rng.choice(self.places))}.example.org/{slugify(rng.choice(TOPICS)[1])}/"
            sentences.insert(rng.randrange(len(sentences) + 1), self._fill(tpl, lang, url=url))
        out = []
        i = 0
        while sentences:
            k = rng.randint(2, 5)
            para, sentences = " ".join(sentences[:k]), sentences[k:]
            if html:
                out.append(f"<p>\n{para}\n</p>")
                continue
            r = rng.random()
            if i and r < 0.15:
                out.append(rng.choice(SV_HEADINGS if lang == "sv" else EN_HEADINGS))
            elif i and r < 0.22:
                out.append("> " + rng.choice(pool))
            elif r < 0.27:
                out.append(f"![](/uploads/img-{rng.randrange(5000)}.jpg)")
            out.append(para)
            i += 1
        return "\n\n".join(out) + "\n"

    def categories(self, lang: str, k: int, as_string: bool | None = None) -> str:
        rng = self.rng
        files = [self.themes_by_lang[lang][i] if rng.random() < 0.85 else
                 self.themes_by_lang["sv" if lang == "en" else "en"][i]
                 for i in rng.choices(self.theme_idx, cum_weights=self.theme_cum, k=k)]
        files = list(dict.fromkeys(files))
        if as_string is None:
            as_string = rng.random() < 0.25
        if as_string:
            return f"categories: _themes/{files[0]}\n"
        return self.em.str_list("categories", [f"_themes/{f}" for f in files])

    def links(self, lang: str, k: int) -> str:
        rng = self.rng
        items = []
        for _ in range(k):
            t_sv, t_en = rng.choice(TOPICS)
            place = rng.choice(self.places)
            title = f"{t_sv} i {place}" if lang == "sv" else f"{t_en} in {place}"
            if rng.random() < 0.2:
                title = ("Blogginlägg: " if lang == "sv" else "Blog post: ") + title
            url = f"https://{slugify(place)}.demokratiskastader.se/{slugify(t_en)}/"
            items.append((title, url))
        return self.em.links(items)

    # ---- planning

    def plan(self) -> list[Doc]:
        n = self.n
        n_crew = 2 * max(1, round(n * SHARE_CREW / 2)) if n >= 20 else 0
        n_themes = 2 * max(1, round(n * SHARE_THEMES / 2)) if n >= 8 else 0
        n_clients = 2 * max(1, round(n * SHARE_CLIENTS / 2)) if n >= 4 else 0
        n_posts = max(0, n - n_crew - n_themes - n_clients)
        docs: list[Doc] = []
        for coll, count in (("themes", n_themes), ("clients", n_clients), ("crew", n_crew)):
            for i in range(count):
                docs.append(Doc(coll, "sv" if i % 2 == 0 else "en", i, pair=i // 2))
        # posts: about a fifth come in sv/en pairs sharing a ref
        i = 0
        pair = 0
        while i < n_posts:
            if i + 1 < n_posts and self.rng.random() < 0.15:
                docs.append(Doc("posts", "sv", i, pair=pair))
                docs.append(Doc("posts", "en", i + 1, pair=pair))
                pair += 1
                i += 2
            else:
                docs.append(Doc("posts", "en" if self.rng.random() < 0.05 else "sv", i))
                i += 1
        self._assign_messy(docs)
        return docs

    def _assign_messy(self, docs: list[Doc]) -> None:
        rng = self.rng
        total_w = sum(MESSY_KINDS.values())  # dangling_ref weighs 0: it has a rate of its own
        eligible = {
            "yaml_error": ("posts", "clients"),
            "no_front_matter": ("posts",),
            "empty_front_matter": ("posts",),
            "unpublished": ("posts", "themes", "clients"),
            "dangling_ref": ("posts", "clients"),
            "unreadable_year": ("clients",),
            "bad_date": ("posts",),
            "invalid_timestamp": ("posts",),
            "odd_filename": ("posts",),
            "missing_lang": ("posts",),
        }
        for kind, w in MESSY_KINDS.items():
            k = round(self.n * (DANGLING_RATE if kind == "dangling_ref" else MESSY_RATE * w / total_w))
            if self.n >= MESSY_ALL_KINDS_FROM:
                k = max(1, k)
            pool = [i for i, d in enumerate(docs) if d.messy is None and d.collection in eligible[kind]
                    and (kind != "missing_lang" or d.lang == "en")]
            for i in rng.sample(pool, min(k, len(pool))):
                docs[i].messy = kind

    # ---- rendering

    def generate(self, out: Path) -> dict:
        docs = self.plan()
        for sub in ("_posts", "_clients", "_themes", "_crew", "_data"):
            (out / sub).mkdir(parents=True, exist_ok=True)
        write_text(out / "_config.yml", CONFIG_YML)
        write_text(out / "_data" / "social.yml", SOCIAL_YML)
        write_text(out / "_data" / "menu.yml", MENU_YML)

        themes = [d for d in docs if d.collection == "themes"]
        clients = [d for d in docs if d.collection == "clients"]
        crew = [d for d in docs if d.collection == "crew"]
        posts = [d for d in docs if d.collection == "posts"]
        self._name_themes(themes)
        self._name_clients(clients)
        counts = {"themes": 0, "clients": 0, "crew": 0, "posts": 0}
        for d in themes:
            self._write(out, d, self.render_theme(d))
            counts["themes"] += 1
        for d in clients:
            self._write(out, d, self.render_client(d))
            counts["clients"] += 1
        for d in crew:
            self._write(out, d, self.render_crew(d))
            counts["crew"] += 1
        for d in posts:
            self._write(out, d, self.render_post(d))
            counts["posts"] += 1
        self.messy.sort()
        manifest = {
            "generator": "bench/generate.py",
            "version": GENERATOR_VERSION,
            "source_sha256": source_hash(),
            "docs": self.n,
            "seed": self.seed,
            "counts": counts,
            "messy": [{"path": p, "kind": k} for p, k in self.messy],
            "unparseable_kinds": list(UNPARSEABLE_KINDS),
            "orgs": [{"id": o.id, "kind": o.kind, "lang": o.lang, "sv": o.sv, "en": o.en, "projects": o.projects}
                     for o in self.orgs.all],
        }
        write_text(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
        return manifest

    def _write(self, out: Path, d: Doc, text: str) -> None:
        write_text(out / d.path, text)
        if d.messy:
            self.messy.append((d.path, d.messy))

    # themes

    def _name_themes(self, themes: list[Doc]) -> None:
        rng = self.rng
        self.theme_meta: dict[int, tuple[str, str, str]] = {}  # pair -> (title_sv, title_en, ref)
        by_lang: dict[str, list[str]] = {"sv": [], "en": []}
        for d in themes:
            p = d.pair
            if p is None:
                continue
            if p < len(CORE_THEMES):
                f_sv, f_en, t_sv, t_en, ref = CORE_THEMES[p]
            else:
                if d.lang == "sv":
                    t_sv0, t_en0 = rng.choice(TOPICS)
                    place = rng.choice(self.places)
                    t_sv, t_en = f"{t_sv0} i {place}", f"{t_en0} in {place}"
                    ext = ".html" if rng.random() < 0.2 else ".md"
                    f_sv = self._unique(slugify(t_sv), ext, "/:title")
                    f_en = self._unique(slugify(t_en) + ("-en" if rng.random() < 0.3 else ""), ext, "/:title")
                    ref = f_sv.rsplit(".", 1)[0].lower()
                    self.theme_meta[p] = (t_sv, t_en, ref)
                    self._theme_files = (f_sv, f_en)
                else:
                    t_sv, t_en, ref = self.theme_meta[p]
                    f_sv, f_en = self._theme_files
            if p < len(CORE_THEMES):
                self.theme_meta[p] = (t_sv, t_en, ref)
                self.used_names.add(f"/:title/{(f_sv if d.lang == 'sv' else f_en).rsplit('.', 1)[0]}".lower())
            fname = f_sv if d.lang == "sv" else f_en
            d.path = f"_themes/{fname}"
            by_lang[d.lang].append(fname)
        if not by_lang["sv"]:  # tiny sites: cite the core themes even if not written
            by_lang = {"sv": [t[0] for t in CORE_THEMES[:3]], "en": [t[1] for t in CORE_THEMES[:3]]}
        self.themes_by_lang = by_lang
        k = min(len(by_lang["sv"]), len(by_lang["en"]))
        self.theme_idx = list(range(k))
        self.theme_cum = _cum([1.0 / (i + 1) ** 1.2 for i in range(k)])

    def render_theme(self, d: Doc) -> str:
        rng, em = self.rng, self.em
        t_sv, t_en, ref = self.theme_meta[d.pair]
        lang = d.lang
        title = t_sv if lang == "sv" else t_en
        html = d.path.endswith(".html")
        s = self.sentences[lang]
        fm = ["---\n", em.kv("title", title), f"image: {em.scalar(f'/uploads/{slugify(t_en)}.jpg')}\n"]
        if rng.random() < 0.5:
            fm.append("thumbnail: ''\n")
        fm.append("menu: services\n")
        if rng.random() < 0.1:
            fm.append(em.text("preamble text", rng.choice(s)))
        fm.append(em.text("excerpt", rng.choice(s)))
        fm.append(em.text("ingress-text", rng.choice(s)))
        icon = rng.choice(["jury.png", "process.svg", "budget.png", "vote.svg"])
        fm.append(f'icon: "/assets/images/icon-{icon}"\n')
        items = rng.choices(s, k=rng.randint(1, 3))
        fm.append("items:\n" + "".join(f"- text: {em.scalar(x)}\n" for x in items))
        if rng.random() < 0.3:
            fm.append(self.links(lang, rng.randint(1, 2)))
        if rng.random() < 0.1:
            faq = ["faq:\n"]
            for _ in range(rng.randint(1, 3)):
                faq.append(f"  - question: {em.scalar(rng.choice(s).rstrip('.') + '?')}\n")
                faq.append(f"    answer: {em.scalar(' '.join(rng.choices(s, k=3)))}\n")
            fm.append("".join(faq))
        if rng.random() < 0.1:
            fm.append(f"redirect_from: /{slugify(title)[:20]}/\n" if rng.random() < 0.5
                      else f"redirect_from:\n  - /{slugify(title)[:20]}/\n")
        keys = [f"ref: {ref}\n", f"lang: {lang}\n"]
        if rng.random() < 0.5:
            keys.reverse()
        fm.extend(keys)
        if d.messy == "unpublished":
            fm.append("published: false\n")
        if rng.random() < 0.6:
            fm.append("featured: true\n")
        fm.append("\n---\n\n" if rng.random() < 0.5 else "---\n")
        return "".join(fm) + self.body(lang, "themes", html=html)

    # clients

    def _name_clients(self, clients: list[Doc]) -> None:
        rng = self.rng
        self.client_meta: dict[int, dict] = {}
        self.clients_by_lang: dict[str, list[str]] = {"sv": [], "en": []}
        for d in clients:
            p = d.pair
            if d.lang == "sv":
                no_client = rng.random() < 0.05
                org = None if no_client else self.orgs.main.draw("client")
                partners: list[Org] = []
                for _ in range(rng.choice(PARTNERS)):
                    partners.append(self.orgs.main.draw("partner", (org, *partners)))
                funding = self.orgs.funding.draw("funder") if rng.random() < FUNDED else None
                for o in {id(x): x for x in (org, *partners, funding) if x is not None}.values():
                    o.projects += 1
                t_sv, t_en = rng.choice(TOPICS)
                place = org.place if org is not None and org.place and rng.random() < 0.8 else rng.choice(self.places)
                ref = slugify(f"{place}-{t_en}")
                title_sv, title_en = f"{place} - {t_sv}", f"{place} {t_en}"
                style = rng.random()
                if style < 0.3:  # "Lund---Ekosociala-Stadsdelar.md" / "Lund-Ecosocial-Neighborhoods.md"
                    f_sv = self._unique(_title_name(title_sv), ".md", "/:title")
                    f_en = self._unique(_title_name(title_en), ".md", "/:title")
                elif style < 0.8:  # chicago.md / chicago-en.md
                    f_sv = self._unique(ref, ".md", "/:title")
                    f_en = self._unique(f_sv[:-3] + "-en", ".md", "/:title")
                else:  # goteborg.md / gothenburg.md
                    fold = rng.random() < 0.7
                    f_sv = self._unique(slugify(f"{place}-{t_sv}", fold=fold), ".md", "/:title")
                    f_en = self._unique(slugify(f"{place}-{t_en}-project"), ".md", "/:title")
                ref_unique = f_sv[:-3].lower()
                self.client_meta[p] = {
                    "org": org, "ref": ref_unique, "title": (title_sv, title_en),
                    "files": (f_sv, f_en),
                    "partners": partners, "funding": funding,
                    "year": self._year(),
                    "date": self.date_text(*self.random_ymd(2017, 2025), rng.choice([1, 1, 4])),
                    "image": f"/uploads/{slugify(place)}-{rng.randrange(99)}.jpg",
                    "no_client": no_client, "en_no_client": rng.random() < 0.05,
                    "links": rng.choice([0, 0, 0, 0, 0, 1, 1, 1, 2]), "featured": rng.random() < 0.4,
                    "themes": rng.choice([1] * 9 + [2, 2, 3]),  # how many, the same on both pages
                }
            meta = self.client_meta[p]
            fname = meta["files"][0 if d.lang == "sv" else 1]
            d.path = f"_clients/{fname}"
            self.clients_by_lang[d.lang].append(fname)
        self.projects = list(self.client_meta.values())
        self.tie_tokens: list[dict] = []

    def _year(self) -> str:
        rng = self.rng
        y = rng.randint(2016, 2025)
        r = rng.random()
        if r < 0.35:
            return f"{y}-{y + rng.randint(1, 3)}"
        if r < 0.5:
            return f"{y}-"
        if r < 0.6:
            return f"{y} - pågående"
        if r < 0.68:
            return f"{y} - {y + 1}."
        if r < 0.85:
            return f'"{y}"'
        if r < 0.95:
            return str(y)
        return f"{y} – {y + 2}"

    def render_client(self, d: Doc) -> str:
        rng, em = self.rng, self.em
        meta = self.client_meta[d.pair]
        lang = d.lang
        s = self.sentences[lang]
        if d.messy == "yaml_error":
            return self._yaml_error(d) + self.body(lang, "posts")
        date = meta["date"]
        fm = ["---\n"]
        title = meta["title"][0 if lang == "sv" else 1]
        head = [f"title: {em.scalar(title)}\n", f"date: {date}\n"]
        if rng.random() < 0.5:
            head.reverse()
        fm.extend(head)
        org: Org | None = meta["org"]
        if org is not None and not (lang == "en" and meta["en_no_client"]):
            fm.append(em.kv("client", self.org_name(org, lang)))
        fm.append(f"featured: {'true' if meta['featured'] else 'false'}\n")
        if rng.random() < 0.7:
            logo = slugify(org.en) if org is not None else meta["ref"]
            fm.append(f"logotype: {em.scalar('/uploads/logo-' + logo + '.svg')}\n")
        fm.append(f"image: {em.scalar(meta['image'])}\n")
        if org is not None and rng.random() < 0.5:  # "Digidem Lab och Bostadsbolaget i Göteborg gjorde ..."
            tpl = rng.choice(SV_ORG_SENTENCES if lang == "sv" else EN_ORG_SENTENCES)
            fm.append(em.text("ingress-text", self._fill(tpl, lang, org=self.org_name(org, lang, variants=False))))
        else:
            fm.append(em.text("ingress-text", rng.choice(s)))
        if rng.random() < 0.85:
            fm.append(em.text("excerpt", rng.choice(s)))
        if meta["partners"]:
            fm.append(em.str_list("partners", [self.org_name(o, lang) for o in meta["partners"]]))
        if meta["funding"] is not None:
            fm.append(em.kv("funding", self.org_name(meta["funding"], lang, variants=False)))
        year = meta["year"]
        if d.messy == "unreadable_year":
            year = rng.choice(["sometime", "snart", "TBD", "'?'", "''", "under 2020-talet"])
        fm.append(f"year: {year}\n")
        if meta["links"]:
            fm.append(self.links(lang, meta["links"]))
        fm.append(f"ref: {meta['ref']}\n")
        fm.append(f"lang: {lang}\n")
        if d.messy == "dangling_ref":
            fm.append(f"categories:\n- _themes/{slugify(rng.choice(TOPICS)[0])}-gammal.md\n")
        else:
            fm.append(self.categories(lang, meta["themes"]))
        if d.messy == "unpublished":
            fm.append("published: false\n")
        fm.append("---\n")
        project = [o for o in (org, *meta["partners"], meta["funding"]) if o is not None]
        body = self.body(lang, "clients", project)
        return "".join(fm) + ("\n" + body if body else "")

    # crew

    def render_crew(self, d: Doc) -> str:
        rng, em = self.rng, self.em
        if d.lang == "sv":
            person = self.persons[d.pair % len(self.persons)]
            k = d.pair // len(self.persons)
            if k:  # more staff than names: add a middle initial
                first, last = person.split(" ", 1)
                person = f"{first} {chr(ord('A') + (k - 1) % 26)}. {last}"
            self._crew = (person, rng.choice(JOBS), self.random_ymd(2016, 2024), rng.randrange(10**6))
            fname = self._unique(slugify(person), ".md", "_crew")
            self._crew_files = (fname, self._unique(fname[:-3] + "-en", ".md", "_crew"))
        person, job, (y, m, dd), num = self._crew
        d.path = f"_crew/{self._crew_files[0 if d.lang == 'sv' else 1]}"
        first = person.split()[0]
        fm = ["---\n", f"title: {em.scalar(person)}\n",
              f"date: {self.date_text(y, m, dd, rng.choice([3, 4]))}\n", f"lang: {d.lang}\n",
              f"image: {em.scalar('/uploads/' + slugify(first) + '.jpg')}\n",
              f"job: {em.scalar(job[0] if d.lang == 'sv' else job[1])}\n"]
        phone = f"+46 70 {num // 10000:03d} {num // 100 % 100:02d} {num % 100:02d}"
        fm.append(f"phone: {dq(phone) if rng.random() < 0.5 else phone}\n")
        fm.append(f"mail: {slugify(first)}.{num % 1000}@digidemlab.org\n")
        if rng.random() < 0.5:
            fm.append(f"twitter: '@{slugify(first, fold=True)}_{num % 97}'\n")
        if rng.random() < 0.2:
            fm.append("categories: Digidem Lab\n")
        fm.append("---\n\n")
        return "".join(fm) + " ".join(rng.choices(self.sentences[d.lang], k=2)) + "\n"

    # posts

    def render_post(self, d: Doc) -> str:
        rng, em = self.rng, self.em
        lang = d.lang
        s = self.sentences[lang]
        if d.pair is not None and lang == "en":
            y, m, dd, t_sv, t_en, ref, tie = self._post_pair
        else:
            tie = self._tie()
            y, m, dd = self.random_ymd()
            t_sv, t_en = self._post_titles(tie)
            ref = slugify(t_sv)[:40].strip("-")
            if d.pair is not None:
                n_used = self.post_refs.get(ref, 0) + 1
                self.post_refs[ref] = n_used
                ref = ref if n_used == 1 else f"{ref}-{n_used}"
            self._post_pair = (y, m, dd, t_sv, t_en, ref, tie)
        title = t_sv if lang == "sv" else t_en
        fold = rng.random() < 0.6
        slug = slugify(title, fold=fold)
        words = slug.split("-")
        slug = "-".join(words[:9])
        ext = ".markdown" if rng.random() < 0.1 else ".md"
        if d.pair is not None and lang == "en" and rng.random() < 0.5:
            slug = slugify(t_sv)[:60].strip("-") + "-en"
        if d.messy == "odd_filename":
            slug = f"{slug}:-{rng.choice(['möte', 'ny-tjänst', 'på-gång', 'så-gick-det'])}"
            if rng.random() < 0.5:
                slug = unicodedata.normalize("NFD", slug)
        slug = self._unique(slug, "", "/news/:title")  # one URL per post, whatever its date
        name = f"{y:04d}-{m:02d}-{dd:02d}-{slug}{ext}"
        d.path = f"_posts/{name}"
        project = [o for o in (tie[0]["org"], *tie[0]["partners"], tie[0]["funding"]) if o is not None] if tie else []
        body = self.body(lang, "posts", project)
        if d.messy == "no_front_matter":
            return f"# {title}\n\n{body}"
        if d.messy == "empty_front_matter":
            return f"---\n---\n\n{body}"
        if d.messy == "yaml_error":
            return self._yaml_error(d) + body

        fm = ["---\n"]
        parts: list[str] = []
        parts.append(f"title: {em.scalar(title)}\n")
        r = rng.random()
        if d.messy == "bad_date":
            parts.append(f"date: {rng.choice(['igår', sq('31/02/2021'), 'våren 2019', sq('2021-02-30')])}\n")
        elif d.messy == "invalid_timestamp":
            bad = rng.choice(["2020-13-45", "2021-02-30 10:00:00", "2019-04-31T12:00:00Z"])
            parts.append(f"date: {bad}\n")
        elif r < 0.85:
            if r < 0.05:  # front-matter date differs from the file name's
                y2, m2, d2 = self.random_ymd()
                parts.append(f"date: {self.date_text(y2, m2, d2)}\n")
            else:
                parts.append(f"date: {self.date_text(y, m, dd)}\n")
        if lang == "en":
            if d.messy != "missing_lang":
                parts.append("lang: en\n")
        elif rng.random() < 0.5:
            parts.append("lang: sv\n")
        if d.pair is not None:
            parts.append(f"ref: {ref}\n")
        elif rng.random() < 0.5:
            parts.append("ref: ''\n")
        if rng.random() < 0.45:  # as on the real site; never onto another page's URL
            key = f"/en/projects/{slug}" if lang == "en" else f"/:title/{slug}"
            if key.lower() not in self.used_names:
                self.used_names.add(key.lower())
                pl = key.replace("/:title", "") + "/"
                parts.append(f"permalink: {dq(pl) if rng.random() < 0.5 else pl}\n")
        if rng.random() < 0.3:
            parts.append("featured: true\n")
        rng.shuffle(parts)  # key order varies across the real posts
        fm.extend(parts)
        if rng.random() < 0.9:
            fm.append(f"image: {em.scalar(f'/uploads/{slug[:20]}-{rng.randrange(100)}.jpg')}\n")
        if rng.random() < 0.6:
            fm.append(f"thumbnail: {em.scalar(f'/uploads/{slug[:20]}_thumb.jpg')}\n")
        if rng.random() < 0.9:
            fm.append(em.text("excerpt", rng.choice(s)))
        fm.append(em.text("ingress-text", " ".join(rng.choices(s, k=rng.randint(1, 3)))))
        if rng.random() < 0.8:
            fm.append(self.links(lang, rng.choice([1, 1, 1, 1, 2, 2, 3])))
        if d.messy == "dangling_ref" and rng.random() < 0.3:
            fm.append(f"categories:\n- _themes/{slugify(rng.choice(TOPICS)[0])}-arkiv.md\n")
        elif rng.random() < 0.95:
            k = rng.choice([1] * 15 + [2] * 4 + [3])
            fm.append(self.categories(lang, k, as_string=rng.random() < 0.1))
        other = "en" if lang == "sv" else "sv"
        clients = [meta["files"][0 if (lang if rng.random() < 0.9 else other) == "sv" else 1] for meta in tie]
        if d.messy == "dangling_ref":
            clients.append(f"{slugify(rng.choice(self.places))}-{rng.choice(['kommun', 'stad', 'pilot'])}.md")
        if clients:
            if len(clients) == 1 and rng.random() < 0.15:
                fm.append(f"clients: _clients/{clients[0]}\n")
            else:
                fm.append(em.str_list("clients", [f"_clients/{c}" for c in clients]))
        if d.messy == "unpublished":
            fm.append("published: false\n")
        fm.append("---\n")
        return "".join(fm) + body

    def _tie(self) -> list[dict]:
        """The projects a post names in clients: (none for most; popular ones more often)."""
        rng = self.rng
        if not self.projects or rng.random() >= TIED_POSTS:
            return []
        out: dict[int, dict] = {}
        for _ in range(rng.choice([1] * 9 + [2])):
            meta = rng.choice(self.tie_tokens) if self.tie_tokens and rng.random() < 0.6 else rng.choice(self.projects)
            out[id(meta)] = meta
        self.tie_tokens.extend(out.values())
        return list(out.values())

    def _post_titles(self, tie: list[dict]) -> tuple[str, str]:
        rng = self.rng
        i = rng.randrange(len(SV_POST_TITLES))
        t_sv_tpl = SV_POST_TITLES[i]
        t_en_tpl = EN_POST_TITLES[i % len(EN_POST_TITLES)]
        org = tie[0]["org"] if tie and tie[0]["org"] is not None else self.orgs.popular()
        topic_sv, topic_en = rng.choice(TOPICS)
        job = rng.choice(JOBS)
        month = rng.randrange(12)
        vals = dict(topic=topic_sv, topic_l=topic_sv.lower(), place=rng.choice(self.places),
                    city=rng.choice(CITIES), platform=rng.choice(PLATFORMS), day=rng.randint(1, 28),
                    job_sv=job[0].lower(), job_en=job[1].lower(), month_sv=MONTHS_SV[month],
                    month_en=MONTHS_EN[month])
        t_sv = t_sv_tpl.format(org=org.sv if org else "Digidem Lab", **vals)
        vals.update(topic=topic_en, topic_l=topic_en.lower())
        t_en = t_en_tpl.format(org=org.en if org else "Digidem Lab", **vals)
        return t_sv, t_en

    def _yaml_error(self, d: Doc) -> str:
        rng = self.rng
        lang = d.lang
        title = rng.choice(self.sentences[lang])[:50].rstrip(" .")
        v = rng.randrange(5)
        if v == 0:  # unquoted ': ' inside a value
            return f"---\ntitle: Webinar: {title}\nlang: {lang}\n---\n\n"
        if v == 1:  # bad indentation of a list
            return (f"---\ntitle: {dq(title)}\ncategories:\n  - _themes/{self.themes_by_lang[lang][0]}\n"
                    f" - _themes/{self.themes_by_lang[lang][-1]}\nlang: {lang}\n---\n\n")
        if v == 2:  # a tab where indentation is expected
            return f"---\ntitle: {dq(title)}\nlinks:\n\t- title: Mer\n\t  url: https://example.org/\n---\n\n"
        if v == 3:  # unclosed flow sequence
            return f"---\ntitle: {dq(title)}\nexcerpt: [utkast\nlang: {lang}\n---\n\n"
        return f'---\nlang: {lang}\ntitle: "{title}\n---\n\n'  # unclosed quote


CONFIG_YML = """\
---
title: Digidem Lab
name: Digidem Lab
timezone: CET
excerpt_separator: ""
collections:
  crew:
    title: Crew
    output: false
  posts:
    title: Posts
    output: true
  clients:
    title: Clients
    output: true
    permalink: "/:title/"
  themes:
    title: Themes
    output: true
    permalink: "/:title/"
defaults:
- scope:
    path: ''
    type: pages
  values:
    layout: page
    lang: sv
- scope:
    path: en
    type: pages
  values:
    layout: page
    lang: en
- scope:
    path: ''
    type: clients
  values:
    layout: client
    lang: sv
    contact: true
- scope:
    path: ''
    type: themes
  values:
    layout: page
    lang: sv
    contact: true
- scope:
    path: ''
    type: posts
  values:
    is_post: true
    layout: page
    lang: sv
    permalink: /news/:title/
- scope:
    path: ''
    type: crew
  values:
    lang: sv
permalink: "/:title/"
email: admin@digidemlab.org
baseurl: ''
url: https://digidemlab.org
author: Digidem Lab
twitter:
  username: digidemlab
logo: "/assets/logotyp.png"
social:
  links:
  - https://twitter.com/digidemlab
  - https://www.facebook.com/digidemlab
  - https://github.com/digidemlab
plugins:
- jemoji
- jekyll-seo-tag
- jekyll-menus
- jekyll-redirect-from
#- jekyll-feed
emptyArray: []
t:
  sv:
    mission: Digidem Lab tror på att förbättra, utveckla och nyskapa vår demokrati.
    language: Svenska
    project-client: Uppdragsgivare
    project-duration: Projektperiod
    project-partners: Partners
  en:
    mission: "Digidem Lab believes in improving, developing and innovating our democracy."
    language: English
    project-client: Client
    project-duration: Duration
    project-partners: Partners
"""

SOCIAL_YML = """\
- icon: rss-square
  url: /feed.xml
  set: fas
- icon: github
  set: fab
  url: https://github.com/digidemlab
"""

MENU_YML = """\
sv:
  primary:
  - title: Tjänster
    ref: services
    url: /services/
    items:
      - title: Medborgarbudget och medborgardeltagande
        url: /medborgarbudget/
      - title: Medborgarråd
        url: /medborgarrad/
en:
  primary:
  - title: Services
    ref: services
    url: /en/services/
"""


def _title_name(title: str) -> str:
    """A file name from a title as the site's CMS makes them: "Lund---Ekosociala-Stadsdelar"."""
    return _DASHES.sub("-", title.title().replace(" ", "-"))


def _cum(weights: list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def _pick_weighted(rng: random.Random, weights: dict[int, int]) -> int:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def source_hash() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def read_manifest(site: str | os.PathLike) -> dict | None:
    try:
        return json.loads((Path(site) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_up_to_date(site: str | os.PathLike, docs: int, seed: int) -> bool:
    m = read_manifest(site)
    return bool(m) and m.get("docs") == docs and m.get("seed") == seed and m.get(
        "source_sha256") == source_hash()


def generate(out: str | os.PathLike, docs: int, seed: int = 1, force: bool = False) -> dict:
    """Write a synthetic site into ``out`` and return its manifest.

    ``out`` must be missing, empty, or a site this generator wrote (which is replaced);
    anything else is refused unless ``force``.
    """
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not (out / MANIFEST).exists() and not force:
            raise FileExistsError(f"{out} is not empty and not a generated site (use --force)")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    return Generator(docs, seed).generate(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="directory to write the site into")
    ap.add_argument("--docs", type=int, required=True, help="about how many documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true", help="replace a non-empty directory")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    try:
        m = generate(a.out, a.docs, a.seed, a.force)
    except FileExistsError as e:
        print(f"generate.py: {e}", file=sys.stderr)
        return 2
    dt = time.perf_counter() - t0
    c = m["counts"]
    print(f"wrote {sum(c.values())} documents to {a.out} in {dt:.1f} s "
          f"(posts {c['posts']}, clients {c['clients']}, themes {c['themes']}, crew {c['crew']}; "
          f"messy {len(m['messy'])})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
