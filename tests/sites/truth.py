"""Hand-written ground truth for the fixture sites under ``tests/sites/``.

Written from the pages' content, as a careful reader would take it, never from what kg
does. Organisation keys are local to each site. Paths are site-relative.
"""

from __future__ import annotations

from .model import Org, Project, Site, Theme, keys

FR = "France"
BE = "Belgium"
DE = "Germany"
NL = "Netherlands"
ES = "Spain"
IT = "Italy"
DK = "Denmark"
EC = "Ecuador"
PT = "Portugal"
BR = "Brazil"
NO = "Norway"
PL = "Poland"
FI = "Finland"
EE = "Estonia"
CZ = "Czechia"
CO = "Colombia"
AR = "Argentina"
UY = "Uruguay"
MX = "Mexico"
UK = "United Kingdom"
GR = "Greece"
UA = "Ukraine"
IS = "Iceland"
LT = "Lithuania"
SK = "Slovakia"
HU = "Hungary"
RO = "Romania"
US = "United States"
CA = "Canada"
JP = "Japan"
TW = "Taiwan"
FUNDER = ("funder", "ngo")  # a foundation that gives money
ASSOCIATION = ("network", "ngo")  # associations of municipalities, students' federations
LOCAL = ("municipality", "region")  # métropoles, communautés d'agglomération, city-states: either reading
COOP = ("company", "ngo")  # worker cooperatives (SCCL), community interest companies (CIC)


# --------------------------------------------------------------------------- fr-civic
_FR_POST_LYON = "_posts/2021-03-15-lyon-lance-son-budget-participatif.md"
_FR_POST_LYON_EN = "_posts/2021-03-15-lyon-launches-its-participatory-budget.md"
_FR_POST_GRENOBLE = "_posts/2022-06-02-plan-de-mobilite-le-bilan.md"
_FR_POST_CAVEM = "_posts/2019-11-20-assises-du-territoire-var-esterel.md"
_FR_POST_STETIENNE = "_posts/2020-09-14-les-jeunes-stephanois-ont-la-parole.md"
_FR_POST_LIEGE = "_posts/2024-02-12-what-liege-learned-from-its-participatory-budget.md"
_FR_POST_RENCONTRES = "_posts/2024-05-30-rencontres-de-la-participation.md"

FR_CIVIC = Site(
    name="fr-civic",
    own="fabrique-citoyenne",
    orgs={
        "fabrique-citoyenne": Org(names=("Fabrique Citoyenne",), kind=("company",), country=FR),
        "ville-de-lyon": Org(names=("Ville de Lyon", "City of Lyon"), kind=("municipality",), country=FR),
        "metropole-de-lyon": Org(names=("Métropole de Lyon", "Lyon Metropolis"), kind=LOCAL, country=FR),
        "lyon-2": Org(
            names=("Université Lumière Lyon 2", "Lumière University Lyon 2 (France)"),
            kind=("university",),
            country=FR,
        ),
        "open-data-france": Org(names=("Open Data France",), kind=("ngo", "network"), country=FR),
        "grenoble-alpes-metropole": Org(
            names=("Grenoble-Alpes Métropole", "Grenoble Alpes Metropolis"),
            text=("Métropole de Grenoble",),
            kind=LOCAL,
            country=FR,
        ),
        "ville-d-echirolles": Org(
            names=("Ville d'Échirolles", "City of Échirolles"), kind=("municipality",), country=FR
        ),
        "uga": Org(names=("Université Grenoble Alpes", "Grenoble Alpes University"), kind=("university",), country=FR),
        "aurg": Org(
            names=("Agence d'urbanisme de la région grenobloise", "Grenoble Region Urban Planning Agency"),
            text=("AURG",),
            kind=("agency",),
            country=FR,
        ),
        "saint-etienne-metropole": Org(
            names=("Saint-Étienne Métropole", "Saint Etienne Métropole"), kind=LOCAL, country=FR
        ),
        "ville-de-saint-etienne": Org(names=("Ville de Saint-Étienne",), kind=("municipality",), country=FR),
        "ujm": Org(names=("Université Jean Monnet",), kind=("university",), country=FR),
        "cavem": Org(
            names=("Communauté d'agglomération Var Estérel Méditerranée",), text=("CAVEM",), kind=LOCAL, country=FR
        ),
        "ville-de-frejus": Org(names=("Ville de Fréjus",), kind=("municipality",), country=FR),
        "frejus-democratie": Org(
            names=("Ville de Fréjus, Service démocratie participative",),
            derived=("Service démocratie participative",),
            country=FR,
            parent="ville-de-frejus",
        ),
        "ville-de-saint-raphael": Org(names=("Ville de Saint-Raphaël",), kind=("municipality",), country=FR),
        "ville-de-liege": Org(
            names=("Ville de Liège (Belgique)", "City of Liège (Belgium)"), kind=("municipality",), country=BE
        ),
        "uliege": Org(names=("Université de Liège", "University of Liège"), kind=("university",), country=BE),
        "ville-de-seraing": Org(names=("Ville de Seraing", "City of Seraing"), kind=("municipality",), country=BE),
        "frb": Org(names=("Fondation Roi Baudouin", "King Baudouin Foundation"), kind=("funder", "ngo"), country=BE),
        "ems": Org(names=("Eurométropole de Strasbourg",), kind=LOCAL, country=FR),
        "unistra": Org(names=("Université de Strasbourg",), kind=("university",), country=FR),
        "ville-de-kehl": Org(names=("Ville de Kehl (Allemagne)",), kind=("municipality",), country=DE),
        "icpc": Org(
            text=("Institut de la concertation et de la participation citoyenne", "ICPC"), kind=("ngo",), country=FR
        ),
        "anct": Org(text=("Agence nationale de la cohésion des territoires", "ANCT"), kind=("agency",), country=FR),
    },
    themes={
        "budget-participatif": Theme(
            paths=("_thematiques/budget-participatif.md", "_thematiques/participatory-budgeting.md")
        ),
        "concertation-numerique": Theme(paths=("_thematiques/concertation-numerique.md",)),
    },
    projects={
        "lyon": Project(
            paths=("_projets/lyon-budget-participatif.md", "_projets/lyon-participatory-budget.md"),
            clients=keys("ville-de-lyon"),
            partners=keys("metropole-de-lyon", "lyon-2", "open-data-france"),
            start=2021, end=2023, ongoing=False,
            themes=keys("budget-participatif"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_FR_POST_LYON, _FR_POST_LYON_EN)},
        ),
        "grenoble": Project(
            paths=("_projets/grenoble-mobilites.md", "_projets/grenoble-mobility.md"),
            clients=keys("grenoble-alpes-metropole"),
            partners=keys("ville-d-echirolles", "uga", "aurg"),
            start=2022, end=2022, ongoing=False,
            themes=keys("concertation-numerique"),
            platforms_posts={"Cap Collectif": (_FR_POST_GRENOBLE,)},
        ),
        "saint-etienne": Project(
            paths=("_projets/saint-etienne-jeunesse.md",),
            clients=keys("saint-etienne-metropole"),
            partners=keys("ville-de-saint-etienne", "ujm"),
            start=2020, ongoing=True,
            themes=keys("concertation-numerique"),
            platforms_page=keys("Fluicity"),
            platforms_posts={"Fluicity": (_FR_POST_STETIENNE,), "Pol.is": (_FR_POST_STETIENNE,)},
        ),
        "cavem": Project(
            paths=("_projets/cavem-assises.md",),
            clients=keys("cavem"),
            partners=keys("frejus-democratie", "ville-de-saint-raphael"),
            start=2019, end=2019, ongoing=False,
            themes=keys("concertation-numerique"),
            platforms_posts={"Decidim": (_FR_POST_CAVEM,)},
        ),
        "liege": Project(
            paths=("_projets/liege-budget-participatif.md", "_projets/liege-participatory-budget.md"),
            clients=keys("ville-de-liege"),
            partners=keys("uliege", "ville-de-seraing"),
            funders=keys("frb"),
            start=2023, end=2024, ongoing=False,
            themes=keys("budget-participatif"),
            platforms_page=keys("Go Vocal"),
            platforms_posts={"Go Vocal": (_FR_POST_LIEGE,), "Loomio": (_FR_POST_LIEGE,)},
        ),
        "strasbourg": Project(
            paths=("_projets/strasbourg-petitions.md",),
            clients=keys("ems"),
            partners=keys("unistra", "saint-etienne-metropole", "ville-de-kehl"),
            start=2024, end=2024, ongoing=False,
            themes=keys("concertation-numerique"),
            platforms_page=keys("Decidim"),
        ),
    },
    posts={
        _FR_POST_LYON: keys("ville-de-lyon", "metropole-de-lyon", "lyon-2", "fabrique-citoyenne"),
        _FR_POST_LYON_EN: keys("ville-de-lyon", "metropole-de-lyon"),
        _FR_POST_GRENOBLE: keys("grenoble-alpes-metropole", "aurg", "ville-d-echirolles"),
        _FR_POST_CAVEM: keys("cavem", "ville-de-frejus", "ville-de-saint-raphael"),
        _FR_POST_STETIENNE: keys("saint-etienne-metropole", "ville-de-saint-etienne", "ujm"),
        _FR_POST_LIEGE: keys("ville-de-liege", "uliege", "frb"),
        _FR_POST_RENCONTRES: keys("icpc", "ville-de-lyon", "ems", "cavem", "anct", "unistra"),
    },
)


# --------------------------------------------------------------------------- de-nl-mixed
_DE_POST_KOELN = "_posts/2021-09-10-koeln-startet-digitalen-buergerhaushalt.md"
_DE_POST_ROTTERDAM = "_posts/2023-04-18-rotterdam-wijkbudget-tweede-ronde.md"
_DE_POST_BONN = "_posts/2023-11-02-bonner-klimarat-empfehlungen.md"
_DE_POST_UTRECHT = "_posts/2021-02-05-what-utrecht-youth-council-achieved.md"
_DE_POST_BERLIN = "_posts/2020-06-30-kiezfonds-bilanz.md"
_DE_POST_GRENZLAND = "_posts/2024-03-12-grenzland-burgerraad-aftrap.md"

DE_NL_MIXED = Site(
    name="de-nl-mixed",
    own="brueckenlabor",
    orgs={
        "brueckenlabor": Org(names=("Brückenlabor", "Brückenlabor e.V."), kind=("ngo",), country=DE),
        "stadt-koeln": Org(names=("Stadt Köln", "City of Cologne"), kind=("municipality",), country=DE),
        "uni-koeln": Org(names=("Universität zu Köln", "University of Cologne"), kind=("university",), country=DE),
        "koeln-soziologie": Org(
            names=("Universität zu Köln, Institut für Soziologie", "University of Cologne, Institute of Sociology"),
            derived=("Institut für Soziologie", "Institute of Sociology"),
            country=DE,
            parent="uni-koeln",
        ),
        "mehr-demokratie": Org(names=("Mehr Demokratie e.V.", "Mehr Demokratie"), kind=("ngo",), country=DE),
        "stiftung-mercator": Org(names=("Stiftung Mercator",), kind=("funder", "ngo"), country=DE),
        "gemeente-rotterdam": Org(
            names=("Gemeente Rotterdam", "City of Rotterdam", "Rotterdam (Niederlande)"),
            kind=("municipality",),
            country=NL,
        ),
        "erasmus": Org(
            names=("Erasmus Universiteit Rotterdam", "Erasmus University Rotterdam", "Erasmus-Universität Rotterdam"),
            text=("Erasmus Universiteit",),
            kind=("university",),
            country=NL,
        ),
        "buurtkracht": Org(
            names=("Stichting Buurtkracht", "Buurtkracht Foundation", "Stiftung Buurtkracht"), kind=("ngo",), country=NL
        ),
        "code-for-nl": Org(names=("Code for NL",), kind=("network", "ngo"), country=NL),
        "stadt-bonn": Org(names=("Stadt Bonn",), kind=("municipality",), country=DE),
        "uni-bonn": Org(names=("Universität Bonn",), kind=("university",), country=DE),
        "wuppertal": Org(
            names=("Wuppertal Institut für Klima, Umwelt, Energie gGmbH",),
            text=("Wuppertal Institut",),
            kind=("research-institute",),
            country=DE,
        ),
        "zebralog": Org(names=("Zebralog GmbH",), text=("Zebralog",), kind=("company",), country=DE),
        "bmuv": Org(
            names=("Bundesministerium für Umwelt, Naturschutz, nukleare Sicherheit und Verbraucherschutz",),
            text=("BMUV",),
            kind=("agency",),
            country=DE,
        ),
        "gemeente-utrecht": Org(
            names=("Gemeente Utrecht", "Municipality of Utrecht"), kind=("municipality",), country=NL
        ),
        "uu": Org(names=("Universiteit Utrecht", "Utrecht University"), kind=("university",), country=NL),
        "hu": Org(
            names=("Hogeschool Utrecht", "Utrecht University of Applied Sciences"), kind=("university",), country=NL
        ),
        "meer-democratie": Org(names=("Meer Democratie", "Meer Democratie (Netherlands)"), kind=("ngo",), country=NL),
        "land-berlin": Org(names=("Land Berlin",), kind=LOCAL, country=DE),
        "senstadt": Org(
            names=("Land Berlin, Senatsverwaltung für Stadtentwicklung",),
            text=("Senatsverwaltung für Stadtentwicklung",),
            country=DE,
            parent="land-berlin",
        ),
        "liqd": Org(names=("Liquid Democracy e.V.",), text=("Liquid Democracy",), kind=("ngo",), country=DE),
        "tu-berlin": Org(names=("Technische Universität Berlin",), kind=("university",), country=DE),
        "bpb": Org(
            names=("Bundeszentrale für politische Bildung",), text=("bpb",), kind=("agency",), country=DE
        ),
        "euregio": Org(
            names=("Euregio Meuse-Rhine",), text=("Euregio Maas-Rijn",), kind=("network", "intergovernmental")
        ),
        "gemeente-maastricht": Org(names=("Gemeente Maastricht",), kind=("municipality",), country=NL),
        "stadt-aachen": Org(names=("Stadt Aachen",), text=("Stad Aken",), kind=("municipality",), country=DE),
        "fh-aachen": Org(names=("Fachhochschule Aachen",), kind=("university",), country=DE),
        "datawerk": Org(names=("Datawerk B.V.",), kind=("company",), country=NL),
        "bosch": Org(names=("Robert Bosch Stiftung",), kind=("funder", "ngo"), country=DE),
        "wrangelkiez": Org(text=("Nachbarschaftsverein Wrangelkiez e.V.",), kind=("ngo",), country=DE),
    },
    themes={
        "buergerhaushalt": Theme(paths=("_themen/buergerhaushalt.md",)),
        "klima": Theme(paths=("_themen/klima.md",)),
    },
    projects={
        "koeln": Project(
            paths=("_projekte/koeln-buergerhaushalt.md", "_projekte/cologne-participatory-budget.md"),
            clients=keys("stadt-koeln"),
            partners=keys("mehr-demokratie", "koeln-soziologie"),
            funders=keys("stiftung-mercator"),
            start=2021, end=2022, ongoing=False,
            themes=keys("buergerhaushalt"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_DE_POST_KOELN,)},
        ),
        "rotterdam": Project(
            paths=(
                "_projekte/rotterdam-wijkbudget.md",
                "_projekte/rotterdam-neighbourhood-budget.md",
                "_projekte/rotterdam-stadtteilbudget.md",
            ),
            clients=keys("gemeente-rotterdam"),
            partners=keys("erasmus", "buurtkracht", "code-for-nl"),
            start=2022, ongoing=True,
            themes=keys("buergerhaushalt"),
            platforms_page=keys("Your Priorities"),
            platforms_posts={"Your Priorities": (_DE_POST_ROTTERDAM,), "CONSUL": (_DE_POST_ROTTERDAM,)},
        ),
        "bonn": Project(
            paths=("_projekte/bonn-klimarat.md",),
            clients=keys("stadt-bonn"),
            partners=keys("uni-bonn", "wuppertal", "zebralog"),
            funders=keys("bmuv"),
            start=2023, end=2023, ongoing=False,
            themes=keys("klima"),
            platforms_posts={"Pol.is": (_DE_POST_BONN,)},
        ),
        "utrecht": Project(
            paths=("_projekte/utrecht-jongerenraad.md", "_projekte/utrecht-youth-council.md"),
            clients=keys("gemeente-utrecht"),
            partners=keys("uu", "hu", "meer-democratie"),
            start=2020, end=2021, ongoing=False,
            platforms_posts={"Go Vocal": (_DE_POST_UTRECHT,)},
        ),
        "berlin": Project(
            paths=("_projekte/berlin-kiezfonds.md",),
            clients=keys("senstadt"),
            partners=keys("liqd", "tu-berlin"),
            funders=keys("bpb"),
            start=2019, end=2020, ongoing=False,
            platforms_page=keys("adhocracy+"),
            platforms_posts={"adhocracy+": (_DE_POST_BERLIN,)},
        ),
        "grenzland": Project(
            paths=("_projekte/grenzland-buergerrat.md",),
            clients=keys("euregio"),
            partners=keys("gemeente-maastricht", "stadt-aachen", "fh-aachen", "datawerk"),
            funders=keys("bosch"),
            start=2024, end=2026, ongoing=False,
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_DE_POST_GRENZLAND,), "LiquidFeedback": (_DE_POST_GRENZLAND,)},
        ),
    },
    posts={
        _DE_POST_KOELN: keys("stadt-koeln", "mehr-demokratie", "uni-koeln", "stiftung-mercator"),
        _DE_POST_ROTTERDAM: keys("gemeente-rotterdam", "buurtkracht", "erasmus"),
        _DE_POST_BONN: keys("stadt-bonn", "zebralog", "uni-bonn", "bmuv"),
        _DE_POST_UTRECHT: keys("gemeente-utrecht", "uu", "hu", "meer-democratie"),
        _DE_POST_BERLIN: keys("senstadt", "liqd", "wrangelkiez", "bpb"),
        _DE_POST_GRENZLAND: keys("euregio", "gemeente-maastricht", "stadt-aachen", "bosch"),
    },
)


# --------------------------------------------------------------------------- es-projects-team
_ES_POST_MUJERES = "_posts/blog/2023-03-08-voces-de-mujeres-rurales.md"
_ES_POST_EBRO = "_posts/blog/2022-11-15-el-ebro-a-consulta.md"
_ES_POST_AMAZONIA = "_posts/blog/2024-01-20-asambleas-en-la-amazonia.md"
_ES_POST_VALENCIA = "_posts/blog/2021-06-01-taller-en-valencia.md"
_ES_POST_CORO = "_posts/archive/2019-05-02-el-coro-cumple-cinco-anos.md"
_ES_POST_ESCOLES = "_posts/archive/2020-10-10-democracia-a-les-escoles.md"

ES_PROJECTS_TEAM = Site(
    name="es-projects-team",
    issue="17",
    own="coro-ciudadano",
    orgs={
        # The site's nickname "Coro" is a registry alias of another organisation: deliberately not listed here.
        "coro-ciudadano": Org(names=("Coro Ciudadano",), kind=("ngo",), country=ES),
        "ajuntament-barcelona": Org(names=("Ajuntament de Barcelona",), kind=("municipality",), country=ES),
        "ub": Org(text=("Universitat de Barcelona",), kind=("university",), country=ES),
        "ayto-zaragoza": Org(names=("Ayuntamiento de Zaragoza",), kind=("municipality",), country=ES),
        "nodo-civico": Org(text=("Nodo Cívico S.L.", "Nodo Cívico"), kind=("company",), country=ES),
        "che": Org(text=("Confederación Hidrográfica del Ebro", "CHE"), kind=("agency",), country=ES),
        "fademur": Org(
            text=("Federación de Asociaciones de Mujeres Rurales", "FADEMUR"), kind=("ngo", "network"), country=ES
        ),
        "instituto-mujeres": Org(text=("Instituto de las Mujeres",), kind=("agency",), country=ES),
        "uclm": Org(text=("Universidad de Castilla-La Mancha",), kind=("university",), country=ES),
        "tejedoras": Org(
            text=(
                "Asociación de Mujeres Rurales Las Tejedoras de Almadén",
                "Asociación de Mujeres Rurales Las Tejedoras",
            ),
            kind=("ngo",),
            country=ES,
        ),
        "confeniae": Org(
            text=("Confederación de Nacionalidades Indígenas de la Amazonía Ecuatoriana", "CONFENIAE"),
            kind=("ngo", "network"),
            country=EC,
        ),
        "aecid": Org(
            text=("Agencia Española de Cooperación Internacional para el Desarrollo", "AECID"),
            kind=("agency",),
            country=ES,
        ),
        "minambiente-ecuador": Org(
            text=(
                "Ministerio del Ambiente, Agua y Transición Ecológica de Ecuador",
                "Ministerio del Ambiente, Agua y Transición Ecológica",
            ),
            kind=("agency",),
            country=EC,
        ),
        "generalitat": Org(names=("Generalitat de Catalunya",), kind=("region",), country=ES),
        "educacio": Org(
            names=("Generalitat de Catalunya, Departament d'Educació",),
            text=("Departament d'Educació",),
            country=ES,
            parent="generalitat",
        ),
        "uoc": Org(text=("Universitat Oberta de Catalunya", "UOC"), kind=("university",), country=ES),
        "carasso": Org(text=("Fundación Daniel y Nina Carasso",), kind=("funder", "ngo")),
        "uv": Org(text=("Universitat de València",), kind=("university",), country=ES),
        "ajuntament-valencia": Org(text=("Ajuntament de València",), kind=("municipality",), country=ES),
        "jamgo": Org(text=("Jamgo SCCL", "Jamgo"), kind=("company",), country=ES),
    },
    themes={},
    projects={
        "nou-barris": Project(
            paths=("_projects/nou-barris.md",),
            clients=keys("ajuntament-barcelona"),
            partners=keys("ub"),
            platforms_page=keys("Decidim"),
        ),
        "consulta-ebro": Project(
            paths=("_projects/consulta-ebro.md",),
            clients=keys("ayto-zaragoza"),
            partners=keys("nodo-civico"),
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_ES_POST_EBRO,)},
        ),
        "mujeres-rurales": Project(
            paths=("_projects/mujeres-rurales.md",),
            partners=keys("fademur"),
            funders=keys("instituto-mujeres"),
            platforms_posts={"Pol.is": (_ES_POST_MUJERES,)},
        ),
        "amazonia": Project(
            paths=("_projects/amazonia.md",),
            partners=keys("confeniae"),
            funders=keys("aecid"),
            platforms_page=keys("Loomio"),
            platforms_posts={"Loomio": (_ES_POST_AMAZONIA,)},
        ),
        "escoles": Project(
            paths=("_projects/escoles.md",),
            clients=keys("educacio"),
            partners=keys("uoc"),
            platforms_posts={"Decidim": (_ES_POST_ESCOLES,)},
        ),
    },
    posts={
        _ES_POST_MUJERES: keys("fademur", "tejedoras", "instituto-mujeres", "uclm"),
        _ES_POST_EBRO: keys("ayto-zaragoza", "nodo-civico", "che"),
        _ES_POST_AMAZONIA: keys("confeniae", "minambiente-ecuador", "aecid"),
        _ES_POST_VALENCIA: keys("ajuntament-valencia", "uv", "jamgo"),
        _ES_POST_CORO: keys("coro-ciudadano", "ajuntament-barcelona", "carasso"),
        _ES_POST_ESCOLES: keys("educacio", "generalitat", "uoc"),
    },
    persons={
        "Lucía Ferrer": "Directora",
        "Jordi Puig": "Coordinador de proyectos",
        "Amaia Etxeberria": "Responsable de comunicación",
        "Carlos Quispe": "Técnico de participación digital",
    },
)


# --------------------------------------------------------------------------- it-work-people
_IT_POST_BOLOGNA = "_posts/2018-05-20-bologna-vota-i-progetti.md"
_IT_POST_REGIONE = "_posts/2021-09-14-emilia-romagna-verso-la-nuova-legge.md"
_IT_POST_MILANO = "_posts/2023-02-03-quartieri-di-milano-tra-un-assemblea-e-l-altra.md"
_IT_POST_RETE = "_posts/2022-04-11-una-rete-per-i-comuni-che-partecipano.md"

IT_WORK_PEOPLE = Site(
    name="it-work-people",
    issue="17",
    own="piazza-aperta",
    orgs={
        "piazza-aperta": Org(names=("Piazza Aperta",), kind=("ngo",), country=IT),
        "comune-bologna": Org(names=("Comune di Bologna", "City of Bologna"), kind=("municipality",), country=IT),
        "fiu": Org(
            names=("Fondazione Innovazione Urbana", "Urban Innovation Foundation"),
            kind=("ngo", "research-institute"),
            country=IT,
        ),
        "unibo": Org(names=("Università di Bologna", "University of Bologna"), kind=("university",), country=IT),
        "regione-er": Org(names=("Regione Emilia-Romagna",), kind=("region",), country=IT),
        "lepida": Org(names=("Lepida S.p.A.",), text=("Lepida",), kind=("company",), country=IT),
        "unimore": Org(names=("Università di Modena e Reggio Emilia",), kind=("university",), country=IT),
        "fondazione-monte": Org(
            names=("Fondazione del Monte di Bologna e Ravenna",), kind=("funder", "ngo"), country=IT
        ),
        "comune-milano": Org(names=("Comune di Milano",), kind=("municipality",), country=IT),
        "milano-partecipazione": Org(
            names=("Comune di Milano, Area Partecipazione",),
            derived=("Area Partecipazione",),
            country=IT,
            parent="comune-milano",
        ),
        "polimi": Org(names=("Politecnico di Milano",), kind=("university",), country=IT),
        "openpolis": Org(
            names=("Fondazione Openpolis",), text=("Openpolis",), kind=("ngo", "research-institute"), country=IT
        ),
        "citta-torino": Org(names=("Città di Torino",), kind=("municipality",), country=IT),
        "unito": Org(names=("Università degli Studi di Torino",), kind=("university",), country=IT),
        "sinergia": Org(names=("Sinergia Digitale S.r.l.",), kind=("company",), country=IT),
        "csp": Org(names=("Compagnia di San Paolo",), kind=("funder", "ngo"), country=IT),
        "assemblea-er": Org(
            text=("Assemblea legislativa dell'Emilia-Romagna",), kind=("region", "agency"), country=IT
        ),
        "anci": Org(text=("Associazione Nazionale Comuni Italiani", "ANCI"), kind=("network", "ngo"), country=IT),
        "istat": Org(
            text=("Istituto Nazionale di Statistica", "Istat"), kind=("agency", "research-institute"), country=IT
        ),
    },
    themes={},
    projects={
        "bologna": Project(
            paths=("_work/bologna-bilancio-partecipativo.md", "_work/bologna-participatory-budget.md"),
            clients=keys("comune-bologna"),
            partners=keys("fiu", "unibo"),
            start=2017, end=2019, ongoing=False,
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_IT_POST_BOLOGNA,)},
        ),
        "legge-er": Project(
            paths=("_work/legge-partecipazione-emilia-romagna.md",),
            clients=keys("regione-er"),
            partners=keys("lepida", "unimore"),
            funders=keys("fondazione-monte"),
            start=2021, end=2021, ongoing=False,
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_IT_POST_REGIONE,), "Pol.is": (_IT_POST_REGIONE,)},
        ),
        "milano": Project(
            paths=("_work/milano-quartieri.md",),
            clients=keys("milano-partecipazione"),
            partners=keys("polimi", "openpolis"),
            start=2022, ongoing=True,
            platforms_posts={"Loomio": (_IT_POST_MILANO,)},
        ),
        "torino": Project(
            paths=("_work/torino-scuole.md",),
            clients=keys("citta-torino"),
            partners=keys("unito", "sinergia"),
            funders=keys("csp"),
            start=2020, end=2021, ongoing=False,
            platforms_page=keys("Decidim"),
        ),
    },
    posts={
        _IT_POST_BOLOGNA: keys("comune-bologna", "fiu", "unibo"),
        _IT_POST_REGIONE: keys("regione-er", "assemblea-er", "lepida"),
        _IT_POST_MILANO: keys("comune-milano", "polimi", "openpolis"),
        _IT_POST_RETE: keys("anci", "citta-torino", "istat"),
    },
    persons={
        "Giulia Bianchi": "Presidente",
        "Marco Rinaldi": "Facilitatore",
        "Sara Conti": "Sviluppatrice",
        "Davide Esposito": "Responsabile amministrativo",
    },
)


# --------------------------------------------------------------------------- data-projects
_DATA = "_data/projects.yml"
_DK_POST_AALBORG = "_posts/2019-10-10-trafikpanel-i-aalborg.md"
_DK_POST_ODENSE = "_posts/2020-11-12-digital-hoering-i-odense.md"
_DK_POST_AARHUS = "_posts/2021-05-04-borgerbudget-i-aarhus-er-i-gang.md"
_DK_POST_KLIMA = "_posts/2023-09-01-climate-assembly-for-the-capital-region.md"
_DK_POST_KBH = "_posts/2024-06-20-youth-panel-copenhagen.md"

DATA_PROJECTS = Site(
    name="data-projects",
    issue="17",
    own="demokrativaerkstedet",
    orgs={
        "demokrativaerkstedet": Org(names=("Demokrativærkstedet",), kind=("company",), country=DK),
        "aarhus-kommune": Org(names=("Aarhus Kommune",), kind=("municipality",), country=DK),
        "aarhus-universitet": Org(names=("Aarhus Universitet",), kind=("university",), country=DK),
        "duf": Org(
            names=("Dansk Ungdoms Fællesråd", "Danish Youth Council (DUF)"),
            text=("DUF",),
            kind=("ngo", "network"),
            country=DK,
        ),
        "region-hovedstaden": Org(
            names=("Region Hovedstaden",), text=("Capital Region of Denmark",), kind=("region",), country=DK
        ),
        "ruc": Org(names=("Roskilde Universitet",), text=("Roskilde University",), kind=("university",), country=DK),
        "concito": Org(names=("Concito",), kind=("ngo", "research-institute"), country=DK),
        "realdania": Org(names=("Realdania",), kind=("funder", "ngo"), country=DK),
        "odense-kommune": Org(names=("Odense Kommune",), kind=("municipality",), country=DK),
        "sdu": Org(names=("Syddansk Universitet",), text=("SDU",), kind=("university",), country=DK),
        "kk": Org(names=("City of Copenhagen",), text=("Københavns Kommune",), kind=("municipality",), country=DK),
        "aalborg-kommune": Org(names=("Aalborg Kommune",), kind=("municipality",), country=DK),
        "aalborg-tmf": Org(
            names=("Aalborg Kommune, Teknik- og Miljøforvaltningen",),
            derived=("Teknik- og Miljøforvaltningen",),
            country=DK,
            parent="aalborg-kommune",
        ),
        "aau": Org(names=("Aalborg Universitet",), kind=("university",), country=DK),
        "nt": Org(names=("Nordjyllands Trafikselskab",), text=("NT",), kind=("agency", "company"), country=DK),
        "region-nordjylland": Org(text=("Region Nordjylland",), kind=("region",), country=DK),
        "brk": Org(names=("Bornholms Regionskommune",), kind=("municipality",), country=DK),
        "crt": Org(names=("Center for Regional- og Turismeforskning",), kind=("research-institute",), country=DK),
        "nordea-fonden": Org(names=("Nordea-fonden",), kind=("funder", "ngo"), country=DK),
    },
    themes={
        "borgerbudget": Theme(names=("borgerbudget",)),
        "klima": Theme(names=("klima",)),
        "hoeringer": Theme(names=("høringer",)),
        "unge": Theme(names=("unge",)),
        "trafik": Theme(names=("trafik",)),
        "lokaldemokrati": Theme(names=("lokaldemokrati",)),
    },
    projects={
        "aarhus": Project(
            data=(_DATA, "Borgerbudget i Aarhus"),
            clients=keys("aarhus-kommune"),
            partners=keys("aarhus-universitet", "duf"),
            start=2021, end=2022, ongoing=False,
            themes=keys("borgerbudget"),
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_DK_POST_AARHUS,)},
        ),
        "klima": Project(
            data=(_DATA, "Klimaborgerting for Region Hovedstaden"),
            clients=keys("region-hovedstaden"),
            partners=keys("ruc", "concito"),
            funders=keys("realdania"),
            start=2023, end=2023, ongoing=False,
            themes=keys("klima"),
            platforms_page=keys("Pol.is"),
            platforms_posts={"Pol.is": (_DK_POST_KLIMA,)},
        ),
        "odense": Project(
            data=(_DATA, "Digital høring i Odense"),
            clients=keys("odense-kommune"),
            partners=keys("sdu"),
            start=2020, end=2020, ongoing=False,
            themes=keys("hoeringer"),
            platforms_posts={"Decidim": (_DK_POST_ODENSE,)},
        ),
        "kbh": Project(
            data=(_DATA, "Youth panel for the City of Copenhagen"),
            clients=keys("kk"),
            partners=keys("duf"),
            start=2024, ongoing=True,
            themes=keys("unge"),
            platforms_page=keys("Your Priorities"),
            platforms_posts={"Your Priorities": (_DK_POST_KBH,), "Loomio": (_DK_POST_KBH,)},
        ),
        "aalborg": Project(
            data=(_DATA, "Borgerpanel om trafik i Aalborg"),
            clients=keys("aalborg-tmf"),
            partners=keys("aau", "nt"),
            start=2019, end=2020, ongoing=False,
            themes=keys("trafik"),
            platforms_page=keys("Loomio"),
            platforms_posts={"Loomio": (_DK_POST_AALBORG,)},
        ),
        "bornholm": Project(
            data=(_DATA, "Lokaldemokrati på Bornholm"),
            clients=keys("brk"),
            partners=keys("crt"),
            funders=keys("nordea-fonden"),
            start=2022, end=2023, ongoing=False,
            themes=keys("lokaldemokrati"),
            platforms_page=keys("Decidim"),
        ),
    },
    posts={
        _DK_POST_AALBORG: keys("aalborg-kommune", "nt", "aau", "region-nordjylland"),
        _DK_POST_ODENSE: keys("odense-kommune", "sdu"),
        _DK_POST_AARHUS: keys("aarhus-kommune", "duf", "aarhus-universitet"),
        _DK_POST_KLIMA: keys("region-hovedstaden", "concito", "ruc", "realdania"),
        _DK_POST_KBH: keys("kk", "duf"),
    },
)


# --------------------------------------------------------------------------- pt-da-mixed
_PT_POST_LISBOA = "_posts/2019-10-02-orcamento-participativo-de-lisboa-abre-votacao.md"
_PT_POST_POA = "_posts/2020-11-23-porto-alegre-volta-as-assembleias.md"
_PT_POST_PORTO = "_posts/2021-05-17-assembleia-jovem-primeira-sessao.md"
_PT_POST_BERGEN = "_posts/2022-03-10-what-bergen-taught-us.md"
_PT_POST_CLIMA = "_posts/2022-11-30-o-que-o-pais-disse-sobre-o-clima.md"
_PT_POST_VEJLE = "_posts/2023-09-05-borgerbudgettet-i-vejle-er-i-gang.md"
_PT_POST_VISITA = "_posts/2024-02-14-vejle-visita-lisboa.md"
_PT_POST_ABRIL = "_posts/2024-04-25-cinquenta-anos-de-abril.md"

PT_DA_MIXED = Site(
    name="pt-da-mixed",
    issue="17",
    own="largo-civico",
    orgs={
        "largo-civico": Org(names=("Largo Cívico",), text=("Largo Cívico, Lda.",), kind=("company",), country=PT),
        # Lisbon: the council, in three languages' ways; the university and its institute are others
        "cm-lisboa": Org(
            names=("Câmara Municipal de Lisboa", "Lisbon City Council", "Lisboa (Portugal)", "City of Lisbon"),
            kind=("municipality",),
            country=PT,
        ),
        "jf-arroios": Org(
            names=("Junta de Freguesia de Arroios", "Arroios Parish Council"), kind=("municipality",), country=PT
        ),
        "ulisboa": Org(names=("Universidade de Lisboa", "University of Lisbon"), kind=("university",), country=PT),
        "ics": Org(
            names=(
                "Universidade de Lisboa, Instituto de Ciências Sociais",
                "University of Lisbon, Institute of Social Sciences",
            ),
            derived=("Instituto de Ciências Sociais", "Institute of Social Sciences"),
            country=PT,
            parent="ulisboa",
        ),
        "renovar-mouraria": Org(
            names=("Associação Renovar a Mouraria", "Renovar a Mouraria"), kind=("ngo",), country=PT
        ),
        # Porto: the council, the university and a parish; never Porto Alegre
        "cm-porto": Org(names=("Câmara Municipal do Porto",), kind=("municipality",), country=PT),
        "uporto": Org(names=("Universidade do Porto",), kind=("university",), country=PT),
        "jf-campanha": Org(names=("Junta de Freguesia de Campanhã",), kind=("municipality",), country=PT),
        "gulbenkian": Org(names=("Fundação Calouste Gulbenkian",), kind=FUNDER, country=PT),
        "fap": Org(text=("Federação Académica do Porto", "FAP"), kind=ASSOCIATION, country=PT),
        # Denmark
        "vejle": Org(names=("Vejle Kommune", "Vejle Municipality"), kind=("municipality",), country=DK),
        "region-syd": Org(
            names=("Region Syddanmark", "Region of Southern Denmark"), kind=("region",), country=DK
        ),
        "via": Org(names=("VIA University College",), kind=("university",), country=DK),
        "velux": Org(names=("Velux Fonden", "The VELUX Foundation"), kind=FUNDER, country=DK),
        "kl": Org(text=("Kommunernes Landsforening", "KL"), kind=ASSOCIATION, country=DK),
        # Norway
        "bergen": Org(names=("Bergen kommune",), kind=("municipality",), country=NO),
        "vestland": Org(names=("Vestland fylkeskommune",), kind=("region",), country=NO),
        "uib": Org(names=("Universitetet i Bergen",), text=("University of Bergen",), kind=("university",), country=NO),
        "sparebankstiftelsen": Org(names=("Sparebankstiftelsen DNB",), kind=FUNDER, country=NO),
        "ks": Org(text=("Kommunesektorens organisasjon", "KS"), kind=ASSOCIATION, country=NO),
        # Brazil
        "poa": Org(
            names=("Prefeitura Municipal de Porto Alegre", "City of Porto Alegre"),
            text=("Prefeitura de Porto Alegre",),
            kind=("municipality",),
            country=BR,
        ),
        "ufrgs": Org(
            names=("Universidade Federal do Rio Grande do Sul", "Federal University of Rio Grande do Sul (Brazil)"),
            text=("UFRGS",),
            kind=("university",),
            country=BR,
        ),
        "ong-cidade": Org(names=("ONG Cidade",), kind=("ngo",), country=BR),
        # the national climate consultation
        "apa": Org(names=("Agência Portuguesa do Ambiente",), text=("APA",), kind=("agency",), country=PT),
        "ucoimbra": Org(names=("Universidade de Coimbra",), kind=("university",), country=PT),
        "ces": Org(
            names=("Universidade de Coimbra, Centro de Estudos Sociais",),
            derived=("Centro de Estudos Sociais",),
            country=PT,
            parent="ucoimbra",
        ),
        "zero": Org(names=("ZERO – Associação Sistema Terrestre Sustentável",), text=("ZERO",), kind=("ngo",),
                    country=PT),
        "eea": Org(
            names=("Agência Europeia do Ambiente",),
            text=("European Environment Agency", "EEA"),
            kind=("agency", "intergovernmental"),
        ),
        "maac": Org(names=("Ministério do Ambiente e da Ação Climática",), kind=("agency",), country=PT),
        "dgt": Org(text=("Direção-Geral do Território", "DGT"), kind=("agency",), country=PT),
        # only in the running text of the anniversary post
        "a25a": Org(text=("Associação 25 de Abril",), kind=("ngo",), country=PT),
        "ffms": Org(
            text=("Fundação Francisco Manuel dos Santos", "FFMS"), kind=("ngo", "research-institute", "funder"),
            country=PT,
        ),
    },
    themes={},
    projects={
        "lisboa": Project(
            paths=("_projetos/lisboa-orcamento-participativo.md", "_projetos/lisbon-participatory-budget.md"),
            clients=keys("cm-lisboa"),
            partners=keys("jf-arroios", "ics", "renovar-mouraria"),
            start=2019, end=2022, ongoing=False,
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_PT_POST_LISBOA,)},
        ),
        "porto": Project(
            paths=("_projetos/assembleia-jovem-do-porto.md",),
            clients=keys("cm-porto"),
            partners=keys("uporto", "jf-campanha"),
            funders=keys("gulbenkian"),
            start=2021, end=2021, ongoing=False,
            platforms_posts={"Pol.is": (_PT_POST_PORTO,)},
        ),
        "vejle": Project(
            # the Lisbon visit post is tied to it too, and says no platform: its "cônsul" is a diplomat
            paths=("_projetos/vejle-borgerbudget.md", "_projetos/vejle-citizens-budget.md"),
            clients=keys("vejle"),
            partners=keys("region-syd", "cm-lisboa", "via"),
            funders=keys("velux"),
            start=2023, ongoing=True,
            platforms_page=keys("Citizen OS"),
            platforms_posts={"Citizen OS": (_PT_POST_VEJLE,), "Loomio": (_PT_POST_VEJLE,)},
        ),
        "bergen": Project(
            paths=("_projetos/bergen-medvirkning.md",),
            clients=keys("bergen"),
            partners=keys("vestland", "uib"),
            funders=keys("sparebankstiftelsen"),
            start=2021, end=2022, ongoing=False,
            platforms_posts={"Loomio": (_PT_POST_BERGEN,)},
        ),
        "porto-alegre": Project(
            paths=(
                "_projetos/porto-alegre-orcamento-participativo.md",
                "_projetos/porto-alegre-participatory-budget.md",
            ),
            clients=keys("poa"),
            partners=keys("ufrgs", "ong-cidade"),
            start=2020, end=2021, ongoing=False,
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_PT_POST_POA,)},
        ),
        "clima": Project(
            paths=("_projetos/consulta-publica-roteiro-clima.md",),
            clients=keys("apa"),
            partners=keys("ces", "zero", "eea"),
            funders=keys("maac"),
            start=2022, end=2022, ongoing=False,
            platforms_page=keys("Your Priorities"),
            platforms_posts={"Your Priorities": (_PT_POST_CLIMA,)},
        ),
    },
    posts={
        _PT_POST_LISBOA: keys("cm-lisboa", "jf-arroios", "renovar-mouraria"),
        _PT_POST_POA: keys("poa", "ufrgs", "ong-cidade"),
        _PT_POST_PORTO: keys("cm-porto", "uporto", "fap", "jf-campanha"),
        _PT_POST_BERGEN: keys("bergen", "vestland", "uib", "ks"),
        _PT_POST_CLIMA: keys("apa", "ces", "zero", "dgt", "eea"),
        _PT_POST_VEJLE: keys("vejle", "region-syd", "velux", "kl"),
        _PT_POST_VISITA: keys("vejle", "cm-lisboa", "jf-arroios"),
        _PT_POST_ABRIL: keys("a25a", "ffms", "cm-lisboa", "largo-civico"),
    },
    persons={
        "Inês Carvalho": "Sócia-gerente",
        "Tiago Moreira": "Facilitador",
        "Mette Kristensen": "Consultora para os países nórdicos",
    },
)


# --------------------------------------------------------------------------- pl-fi-en
_PL_POST_FIVE = "_posts/2019-09-01-five-years-of-open-square.md"
_PL_POST_GDANSK = "_posts/2020-06-15-gdansk-residents-vote-online.md"
_PL_POST_CLINICS = "_posts/2020-11-12-what-the-open-data-clinics-published.md"
_PL_POST_TURKU = "_posts/2022-01-20-turku-youth-budget-results.md"
_PL_POST_WARSAW = "_posts/2022-10-03-warsaw-panel-recommendations.md"
_PL_POST_TALLINN = "_posts/2023-06-05-tallinn-assemblies-hand-over.md"
_PL_POST_BRNO = "_posts/2024-02-28-a-year-on-brnos-riverbanks.md"

PL_FI_EN = Site(
    name="pl-fi-en",
    issue="17",
    own="open-square",
    orgs={
        "open-square": Org(
            names=("Open Square",), text=("Open Square Foundation", "Fundacja Otwarty Plac"), kind=("ngo",), country=PL
        ),
        # Gdańsk: the city under three names; its two universities are others
        "gdansk": Org(
            names=("Urząd Miasta Gdańska", "City of Gdańsk", "Gdańsk (Poland)"), kind=("municipality",), country=PL
        ),
        "pg": Org(names=("Gdańsk University of Technology",), text=("Politechnika Gdańska",), kind=("university",),
                  country=PL),
        "ug": Org(text=("Uniwersytet Gdański",), kind=("university",), country=PL),
        "pracownia": Org(names=("Fundacja Pracownia Miejska",), kind=("ngo",), country=PL),
        "civitas": Org(names=("Civitas Tech Sp. z o.o.",), text=("Civitas Tech",), kind=("company",), country=PL),
        "batory": Org(
            names=("Fundacja im. Stefana Batorego",), text=("Stefan Batory Foundation",), kind=FUNDER, country=PL
        ),
        "ecs": Org(text=("Europejskie Centrum Solidarności", "ECS"), country=PL),
        # Finland: Turku in Finnish, English and Swedish; Åbo Akademi is a university, not the city
        "turku": Org(
            names=("City of Turku", "Turun kaupunki"), text=("Åbo stad",), kind=("municipality",), country=FI
        ),
        "utu": Org(names=("Turun yliopisto",), text=("University of Turku",), kind=("university",), country=FI),
        "abo-akademi": Org(names=("Åbo Akademi",), kind=("university",), country=FI),
        "demokratiapuu": Org(names=("Demokratiapuu ry",), kind=("ngo",), country=FI),
        "kaupunkidata": Org(names=("Kaupunkidata Oy",), kind=("company",), country=FI),
        "kone": Org(names=("Koneen Säätiö",), text=("Kone Foundation",), kind=FUNDER, country=FI),
        "kuntaliitto": Org(
            text=("Suomen Kuntaliitto", "Association of Finnish Municipalities"), kind=ASSOCIATION, country=FI
        ),
        # two national chapters of one movement: never one organisation
        "wm-polska": Org(
            names=("Stowarzyszenie Wikimedia Polska",), text=("Wikimedia Polska",), kind=("ngo",), country=PL
        ),
        "wm-suomi": Org(names=("Wikimedia Suomi ry",), text=("Wikimedia Finland",), kind=("ngo",), country=FI),
        # Estonia
        "tallinn": Org(
            names=("Tallinna Linnavalitsus",), text=("Tallinn City Government",), kind=("municipality",), country=EE
        ),
        "tlu": Org(names=("Tallinna Ülikool",), text=("Tallinn University",), kind=("university",), country=EE),
        "linnalabor": Org(names=("MTÜ Linnalabor",), kind=("ngo",), country=EE),
        "kodanikutark": Org(names=("Kodanikutark OÜ",), kind=("company",), country=EE),
        "interreg": Org(names=("Interreg Central Baltic",), kind=("funder", "intergovernmental")),
        "riigikantselei": Org(text=("Riigikantselei", "Government Office"), kind=("agency",), country=EE),
        # Czechia
        "brno": Org(names=("Statutární město Brno",), text=("City of Brno",), kind=("municipality",), country=CZ),
        "muni": Org(names=("Masarykova univerzita",), text=("Masaryk University",), kind=("university",), country=CZ),
        "otevrena-mesta": Org(
            names=("Otevřená města, z.s.",), text=("Otevřená města",), kind=("ngo",), country=CZ
        ),
        "participace-plus": Org(names=("Participace Plus s.r.o.",), kind=("company",), country=CZ),
        "osf-praha": Org(names=("Nadace Open Society Fund Praha",), kind=FUNDER, country=CZ),
        "kam": Org(text=("Kancelář architekta města Brna", "KAM"), kind=("agency",), country=CZ),
        # Warsaw
        "warszawa": Org(
            names=("Urząd m.st. Warszawy",), text=("Warsaw City Hall",), kind=("municipality",), country=PL
        ),
        "uw": Org(names=("Uniwersytet Warszawski",), kind=("university",), country=PL),
        "klon-jawor": Org(names=("Stowarzyszenie Klon/Jawor",), text=("Klon/Jawor",), kind=("ngo",), country=PL),
        "eea-grants": Org(names=("EEA and Norway Grants",), kind=("funder", "intergovernmental")),
        "watchdog": Org(text=("Sieć Obywatelska Watchdog Polska",), kind=("ngo",), country=PL),
    },
    themes={},
    projects={
        "gdansk": Project(
            paths=("_cases/gdansk-civic-budget.md",),
            clients=keys("gdansk"),
            partners=keys("pg", "pracownia", "civitas"),
            funders=keys("batory"),
            start=2019, end=2021, ongoing=False,
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_PL_POST_GDANSK,), "Pol.is": (_PL_POST_GDANSK,)},
        ),
        "turku": Project(
            paths=("_cases/turku-youth-budget.md",),
            clients=keys("turku"),
            partners=keys("utu", "abo-akademi", "demokratiapuu", "kaupunkidata"),
            funders=keys("kone"),
            start=2021, end=2022, ongoing=False,
            platforms_posts={"Go Vocal": (_PL_POST_TURKU,)},
        ),
        "tallinn": Project(
            paths=("_cases/tallinn-neighbourhood-assemblies.md",),
            clients=keys("tallinn"),
            partners=keys("tlu", "linnalabor", "kodanikutark", "turku"),
            funders=keys("interreg"),
            start=2022, end=2023, ongoing=False,
            platforms_page=keys("Citizen OS"),
            platforms_posts={"Citizen OS": (_PL_POST_TALLINN,)},
        ),
        "brno": Project(
            # its post asks "What are your priorities for the river?": a question, not the platform
            paths=("_cases/brno-riverbanks.md",),
            clients=keys("brno"),
            partners=keys("muni", "otevrena-mesta", "participace-plus"),
            funders=keys("osf-praha"),
            start=2023, ongoing=True,
            platforms_posts={"Loomio": (_PL_POST_BRNO,)},
        ),
        "warsaw": Project(
            # its post's "Athenian polis" is a city-state, not Pol.is
            paths=("_cases/warsaw-climate-panel.md",),
            clients=keys("warszawa"),
            partners=keys("uw", "klon-jawor", "gdansk"),
            start=2022, end=2022, ongoing=False,
            platforms_page=keys("Go Vocal"),
            platforms_posts={"Go Vocal": (_PL_POST_WARSAW,)},
        ),
        "clinics": Project(
            paths=("_cases/open-data-clinics.md",),
            partners=keys("wm-polska", "wm-suomi", "gdansk"),
            funders=keys("eea-grants"),
            start=2020, end=2020, ongoing=False,
        ),
    },
    posts={
        _PL_POST_FIVE: keys("open-square", "batory", "watchdog", "klon-jawor"),
        _PL_POST_GDANSK: keys("gdansk", "pg", "ug", "ecs", "pracownia"),
        _PL_POST_CLINICS: keys("wm-polska", "wm-suomi", "gdansk"),
        _PL_POST_TURKU: keys("turku", "utu", "abo-akademi", "kone", "kuntaliitto"),
        _PL_POST_WARSAW: keys("warszawa", "uw", "klon-jawor"),
        _PL_POST_TALLINN: keys("tallinn", "linnalabor", "tlu", "riigikantselei"),
        _PL_POST_BRNO: keys("brno", "otevrena-mesta", "kam", "muni"),
    },
    persons={
        "Katarzyna Wiśniewska": "Executive Director",
        "Jussi Lehtonen": "Programme Lead, Finland and Estonia",
        "Tereza Dvořáková": "Community Organiser",
        "Marek Zieliński": "Developer",
    },
)


# --------------------------------------------------------------------------- es-ca-latam
_EC_POST_MUNICIPIS = "_posts/2019-05-20-els-municipis-petits-tambe-decideixen.md"
_EC_POST_BCN_CA = "_posts/2020-10-05-arrenquen-els-pressupostos-participatius-de-barcelona.md"
_EC_POST_BCN_EN = "_posts/2021-06-14-barcelona-votes-on-its-first-participatory-budget.md"
_EC_POST_BOGOTA_ES = "_posts/2022-03-08-bogota-abre-la-votacion-en-sus-localidades.md"
_EC_POST_BOGOTA_EN = "_posts/2022-09-01-what-bogota-learned-from-local-budgets.md"
_EC_POST_CLIMA = "_posts/2023-04-22-que-recomendo-la-asamblea-por-el-clima.md"
_EC_POST_ROSARIO = "_posts/2023-09-18-el-consejo-juvenil-de-rosario-se-pone-en-marcha.md"
_EC_POST_FEST = "_posts/2024-10-28-lo-que-nos-llevamos-del-decidim-fest.md"
_EC_POST_CABILDOS = "_posts/2024-11-12-dos-cabildos-dos-paises.md"

ES_CA_LATAM = Site(
    name="es-ca-latam",
    issue="17",
    own="teixit-civic",
    orgs={
        "teixit-civic": Org(names=("Teixit Cívic",), text=("Teixit Cívic, SCCL",), kind=COOP, country=ES),
        # Barcelona: the city in three languages; its two universities and the province's council are others
        "ajuntament-bcn": Org(
            names=("Ajuntament de Barcelona", "Ayuntamiento de Barcelona", "Barcelona City Council"),
            kind=("municipality",),
            country=ES,
        ),
        "favb": Org(
            names=(
                "Federació d'Associacions Veïnals de Barcelona",
                "Federación de Asociaciones Vecinales de Barcelona",
                "Barcelona Federation of Neighbourhood Associations",
            ),
            text=("FAVB",),
            kind=ASSOCIATION,
            country=ES,
        ),
        "upf": Org(
            names=("Universitat Pompeu Fabra", "Universidad Pompeu Fabra", "Pompeu Fabra University"),
            kind=("university",),
            country=ES,
        ),
        "la-troca": Org(names=("La Troca Digital SCCL",), text=("La Troca Digital",), kind=COOP, country=ES),
        "generalitat": Org(names=("Generalitat de Catalunya",), kind=("region",), country=ES),
        # a unit whose own name has commas: the parent is the part before the first comma
        "dacc": Org(
            names=(
                "Generalitat de Catalunya, Departament d'Acció Climàtica, Alimentació i Agenda Rural",
                "Generalitat de Catalunya, Departamento de Acción Climática, Alimentación y Agenda Rural",
            ),
            derived=(
                "Departament d'Acció Climàtica, Alimentació i Agenda Rural",
                "Departamento de Acción Climática, Alimentación y Agenda Rural",
            ),
            country=ES,
            parent="generalitat",
        ),
        "ub": Org(
            names=("Universitat de Barcelona", "Universidad de Barcelona"),
            text=("University of Barcelona",),
            kind=("university",),
            country=ES,
        ),
        "dades-clares": Org(names=("Dades Clares S.L.",), text=("Dades Clares",), kind=("company",), country=ES),
        "resso": Org(names=("Ressò, SCCL",), text=("Ressò",), kind=COOP, country=ES),  # a form after the comma
        "pere-casals": Org(names=("Fundació Pere Casals", "Fundación Pere Casals"), kind=FUNDER, country=ES),
        "diba": Org(names=("Diputació de Barcelona",), kind=("region",), country=ES),
        "manlleu": Org(names=("Ajuntament de Manlleu",), kind=("municipality",), country=ES),
        "calella": Org(names=("Ajuntament de Calella",), kind=("municipality",), country=ES),
        "xes": Org(text=("Xarxa d'Economia Solidària de Catalunya", "XES"), kind=ASSOCIATION, country=ES),
        # Colombia
        "bogota": Org(
            names=("Alcaldía Mayor de Bogotá", "Bogotá Mayor's Office"),
            text=("Alcaldía Mayor",),
            kind=LOCAL,  # Bogotá D.C. is a district with a department's powers
            country=CO,
        ),
        "kennedy": Org(text=("Alcaldía Local de Kennedy",), kind=("municipality", "agency"), country=CO),
        "unal": Org(
            names=("Universidad Nacional de Colombia", "National University of Colombia"),
            kind=("university",),
            country=CO,
        ),
        "codigo-comun": Org(names=("Código Común S.A.S.",), text=("Código Común",), kind=("company",), country=CO),
        "ciudadania-activa": Org(
            names=("Corporación Ciudadanía Activa", "Corporación Ciudadanía Activa (Colombia)"),
            kind=("ngo",),
            country=CO,
        ),
        # an international funder whose two names share no word; its acronyms are defined in posts
        "bid": Org(
            names=("Banco Interamericano de Desarrollo", "Inter-American Development Bank"),
            text=("BID", "IDB"),
            kind=("funder", "intergovernmental"),
        ),
        "mintic": Org(
            text=("Ministerio de Tecnologías de la Información y las Comunicaciones", "MinTIC"),
            kind=("agency",),
            country=CO,
        ),
        # Argentina
        "rosario": Org(names=("Municipalidad de Rosario",), kind=("municipality",), country=AR),
        "unr": Org(names=("Universidad Nacional de Rosario",), kind=("university",), country=AR),
        "nodo-litoral": Org(
            names=("Asociación Civil Nodo Litoral",), text=("Nodo Litoral",), kind=("ngo",), country=AR
        ),
        "parana-abierto": Org(names=("Fundación Paraná Abierto",), kind=FUNDER, country=AR),
        "gcba": Org(text=("Gobierno de la Ciudad de Buenos Aires",), kind=LOCAL, country=AR),
        # Uruguay
        "montevideo": Org(names=("Intendencia de Montevideo",), kind=LOCAL, country=UY),
        "udelar": Org(names=("Universidad de la República (Uruguay)",), kind=("university",), country=UY),
        "datos-sur": Org(
            names=("Datos Abiertos del Sur Ltda.",), text=("Datos Abiertos del Sur",), kind=("company",), country=UY
        ),
        # a Spanish ministry whose name has commas and no unit
        "maec": Org(names=("Ministerio de Asuntos Exteriores, Unión Europea y Cooperación",), kind=("agency",),
                    country=ES),
        # Mexico: the city (never the university); "(México)" tells it from Guadalajara in Spain
        "gdl": Org(names=("Ayuntamiento de Guadalajara (México)",), kind=("municipality",), country=MX),
        "udg": Org(names=("Universidad de Guadalajara",), kind=("university",), country=MX),
        "ciudadania-en-red": Org(
            names=("Ciudadanía en Red A.C.",), text=("Ciudadanía en Red",), kind=("ngo",), country=MX
        ),
        "lut": Org(
            names=("Laboratorio Urbano Tapatío S.A. de C.V.",),
            text=("Laboratorio Urbano Tapatío",),
            kind=("company",),
            country=MX,
        ),
    },
    themes={},
    projects={
        "bcn": Project(
            paths=(
                "_proyectos/ca/pressupostos-participatius-barcelona.md",
                "_proyectos/es/presupuestos-participativos-barcelona.md",
                "_proyectos/en/barcelona-participatory-budget.md",
            ),
            clients=keys("ajuntament-bcn"),
            partners=keys("favb", "upf", "la-troca"),
            start=2020, end=2023, ongoing=False,
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_EC_POST_BCN_CA, _EC_POST_BCN_EN)},
        ),
        "clima": Project(
            paths=("_proyectos/ca/assemblea-ciutadana-clima.md", "_proyectos/es/asamblea-ciudadana-clima.md"),
            clients=keys("dacc"),
            partners=keys("ub", "dades-clares", "resso"),
            funders=keys("pere-casals"),
            start=2023, end=2023, ongoing=False,
            platforms_page=keys("Pol.is"),
            platforms_posts={"Pol.is": (_EC_POST_CLIMA,)},
        ),
        "municipis": Project(
            # Decidim is in the page's text only
            paths=("_proyectos/ca/pressupostos-municipis-petits.md",),
            clients=keys("diba"),
            partners=keys("manlleu", "calella", "resso"),
            start=2019, end=2021, ongoing=False,
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_EC_POST_MUNICIPIS,), "Loomio": (_EC_POST_MUNICIPIS,)},
        ),
        "bogota": Project(
            paths=(
                "_proyectos/es/presupuestos-participativos-bogota.md",
                "_proyectos/en/bogota-participatory-budgets.md",
            ),
            clients=keys("bogota"),
            partners=keys("unal", "codigo-comun", "ciudadania-activa"),
            funders=keys("bid"),
            start=2021, end=2022, ongoing=False,
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_EC_POST_BOGOTA_ES, _EC_POST_BOGOTA_EN)},
        ),
        "rosario": Project(
            paths=("_proyectos/es/consejo-juvenil-rosario.md",),
            clients=keys("rosario"),
            partners=keys("unr", "nodo-litoral"),
            funders=keys("parana-abierto"),
            start=2023, ongoing=True,
            platforms_posts={"Loomio": (_EC_POST_ROSARIO,), "Pol.is": (_EC_POST_ROSARIO,)},
        ),
        # one post is tied to both cabildos and says which platform each used
        "montevideo": Project(
            paths=("_proyectos/es/cabildos-barriales-montevideo.md",),
            clients=keys("montevideo"),
            partners=keys("udelar", "datos-sur"),
            funders=keys("maec"),
            start=2022, end=2022, ongoing=False,
            platforms_page=keys("LiquidFeedback"),
            platforms_posts={"LiquidFeedback": (_EC_POST_CABILDOS,)},
        ),
        "guadalajara": Project(
            paths=("_proyectos/es/cabildo-abierto-guadalajara.md",),
            clients=keys("gdl"),
            partners=keys("udg", "ciudadania-en-red", "lut"),
            start=2024, end=2024, ongoing=False,
            platforms_page=keys("Go Vocal"),
            platforms_posts={"Go Vocal": (_EC_POST_CABILDOS,)},
        ),
    },
    posts={
        _EC_POST_MUNICIPIS: keys("diba", "manlleu", "calella", "resso"),
        _EC_POST_BCN_CA: keys("ajuntament-bcn", "favb", "upf"),
        _EC_POST_BCN_EN: keys("ajuntament-bcn", "ub", "upf"),
        _EC_POST_BOGOTA_ES: keys("bogota", "bid", "kennedy", "codigo-comun", "mintic"),
        _EC_POST_BOGOTA_EN: keys("bogota", "unal", "bid"),
        _EC_POST_CLIMA: keys("dacc", "ub", "dades-clares", "pere-casals", "generalitat"),
        _EC_POST_ROSARIO: keys("rosario", "unr", "nodo-litoral", "gcba"),
        # tied to no project: its Decidim, CONSUL, Cap Collectif, Fluicity and adhocracy+ are nobody's
        _EC_POST_FEST: keys("ajuntament-bcn", "gcba"),
        _EC_POST_CABILDOS: keys("montevideo", "gdl", "ciudadania-en-red", "maec"),
    },
    persons={
        "Núria Vidal i Ferrer": "Coordinadora general",
        "Andrés Gómez Restrepo": "Responsable de proyectos en América Latina",
        "Laia Serra": "Desenvolupadora",
    },
)


# --------------------------------------------------------------------------- el-uk-en
_EL_NEWS_BRISTOL = "_news/2019-10-21-bristol-opens-its-first-participatory-budget.md"
_EL_NEWS_CAMDEN = "_news/2021-11-30-what-camdens-tenants-panel-recommended.md"
_EL_NEWS_ATHENS = "_news/2022-05-16-athens-first-neighbourhood-vote.md"
_EL_NEWS_MANCHESTER = "_news/2022-07-12-manchester-climate-jury-reports.md"
_EL_NEWS_KYIV = "_news/2022-09-20-kyiv-forums-move-online.md"
_EL_NEWS_OGP = "_news/2023-12-08-what-we-took-from-the-ogp-summit.md"
_EL_NEWS_KENT = "_news/2024-03-14-kent-carers-shape-community-care.md"
_EL_NEWS_THESSALONIKI = "_news/2024-06-03-thessaloniki-youth-council-first-session.md"
_EL_NEWS_LVIV = "_news/2024-09-25-lviv-opens-its-budget-to-displaced-residents.md"

EL_UK_EN = Site(
    name="el-uk-en",
    issue="17",
    own="pnyx",
    orgs={
        "pnyx": Org(names=("Pnyx Trust",), kind=("ngo",), country=UK),
        # UK: a borough under two names; councils and the universities of their cities are never one
        "camden": Org(names=("London Borough of Camden", "Camden Council"), kind=("municipality",), country=UK),
        "ucl": Org(names=("University College London",), text=("UCL",), kind=("university",), country=UK),
        "civic-threads": Org(names=("Civic Threads CIC",), text=("Civic Threads",), kind=COOP, country=UK),
        "tnlcf": Org(names=("The National Lottery Community Fund",), kind=("funder", "agency"), country=UK),
        "roundtable": Org(names=("Roundtable Digital Ltd",), kind=("company",), country=UK),
        "tfl": Org(names=("Trust for London",), kind=FUNDER, country=UK),
        "bristol": Org(names=("Bristol City Council",), kind=("municipality",), country=UK),
        "uob": Org(names=("University of Bristol",), kind=("university",), country=UK),
        "southmead": Org(names=("Southmead Together CIC",), text=("Southmead Together",), kind=COOP, country=UK),
        "esmee": Org(names=("Esmée Fairbairn Foundation",), kind=FUNDER, country=UK),
        "kcc": Org(names=("Kent County Council",), kind=LOCAL, country=UK),
        "kchft": Org(names=("Kent Community Health NHS Foundation Trust",), kind=("agency",), country=UK),
        "cccu": Org(names=("Canterbury Christ Church University",), kind=("university",), country=UK),
        "healthwatch": Org(text=("Healthwatch Kent",), kind=("ngo", "agency"), country=UK),
        "mcc": Org(names=("Manchester City Council",), kind=("municipality",), country=UK),
        "uom": Org(names=("University of Manchester",), kind=("university",), country=UK),
        "uom-politics": Org(
            names=("University of Manchester, Department of Politics",),
            text=("University of Manchester's Department of Politics",),
            derived=("Department of Politics",),
            country=UK,
            parent="uom",
        ),
        "gmca": Org(names=("Greater Manchester Combined Authority",), kind=("region",), country=UK),
        # two Rowntree bodies: the funder of the jury, and the foundation whose data it used
        "jrrt": Org(
            names=("Joseph Rowntree Reform Trust Ltd",),
            text=("Joseph Rowntree Reform Trust",),
            kind=("funder", "ngo", "company"),
            country=UK,
        ),
        "jrf": Org(text=("Joseph Rowntree Foundation",), kind=("ngo", "research-institute", "funder"), country=UK),
        "fcdo": Org(names=("Foreign, Commonwealth & Development Office",), text=("FCDO",), kind=("agency",),
                    country=UK),
        "lga": Org(text=("Local Government Association", "LGA"), kind=ASSOCIATION, country=UK),
        # Greece: Greek and English names over twin pages; the cities' universities are others
        "athens": Org(
            names=("City of Athens", "Δήμος Αθηναίων", "Municipality of Athens"), kind=("municipality",), country=GR
        ),
        "uoa": Org(
            names=("National and Kapodistrian University of Athens", "Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών"),
            kind=("university",),
            country=GR,
        ),
        "open-city": Org(
            names=("Open City NPO", "Ανοιχτή Πόλη ΑΜΚΕ"), text=("Ανοιχτή Πόλη",), kind=("ngo",), country=GR
        ),
        "digital-agora": Org(
            names=("Digital Agora P.C.", "Ψηφιακή Αγορά Ι.Κ.Ε."), text=("Ψηφιακή Αγορά",), kind=("company",),
            country=GR,
        ),
        "snf": Org(names=("Stavros Niarchos Foundation", "Ίδρυμα Σταύρος Νιάρχος"), kind=FUNDER, country=GR),
        "thessaloniki": Org(
            names=("Thessaloniki Municipality (Greece)", "Δήμος Θεσσαλονίκης"), kind=("municipality",), country=GR
        ),
        "auth": Org(
            names=("Aristotle University of Thessaloniki", "Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης"),
            text=("Αριστοτελείου Πανεπιστημίου",),  # the genitive, in running text
            kind=("university",),
            country=GR,
        ),
        # Ukraine: Cyrillic and English names over twin pages; NGO and company forms in «»
        "kyiv": Org(names=("Kyiv City Council", "Київська міська рада"), kind=LOCAL, country=UA),
        "kse": Org(names=("Kyiv School of Economics", "Київська школа економіки"), kind=("university",), country=UA),
        "common-action": Org(names=("Common Action NGO", "ГО «Спільна дія»"), kind=("ngo",), country=UA),
        "tsyfrova": Org(names=("Tsyfrova Hromada LLC", "ТОВ «Цифрова громада»"), kind=("company",), country=UA),
        "lviv": Org(names=("Lviv City Council", "Львівська міська рада"), kind=("municipality",), country=UA),
        "ucu": Org(
            names=("Ukrainian Catholic University", "Український католицький університет"),
            text=("Українського католицького університету",),
            kind=("university",),
            country=UA,
        ),
        "lpnu": Org(
            names=("Lviv Polytechnic National University", "Національний університет «Львівська політехніка»"),
            text=("Lviv Polytechnic", "Львівської політехніки"),
            kind=("university",),
            country=UA,
        ),
        "eed": Org(
            names=("European Endowment for Democracy",), text=("EED",), kind=("funder", "intergovernmental", "ngo")
        ),
        "ogp": Org(text=("Open Government Partnership", "OGP"), kind=("intergovernmental", "network")),
    },
    themes={},
    projects={
        "camden-panel": Project(
            paths=("_work/camden-housing-panel.md",),
            clients=keys("camden"),
            partners=keys("ucl", "civic-threads"),
            funders=keys("tnlcf"),
            start=2021, end=2022, ongoing=False,
            platforms_page=keys("Pol.is"),
            platforms_posts={"Pol.is": (_EL_NEWS_CAMDEN,)},
        ),
        "young-camden": Project(
            paths=("_work/young-camden-data-audit.md",),
            clients=keys("camden"),
            partners=keys("roundtable"),
            funders=keys("tfl"),
            start=2024, end=2024, ongoing=False,
        ),
        "bristol": Project(
            paths=("_work/bristol-participatory-budget.md",),
            clients=keys("bristol"),
            partners=keys("uob", "southmead"),
            funders=keys("esmee"),
            start=2019, end=2021, ongoing=False,
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_EL_NEWS_BRISTOL,)},
        ),
        "kent": Project(
            paths=("_work/kent-care-conversations.md",),
            clients=keys("kcc"),
            partners=keys("kchft", "cccu"),
            start=2023, ongoing=True,
            platforms_posts={"Loomio": (_EL_NEWS_KENT,)},
        ),
        "manchester": Project(
            paths=("_work/manchester-climate-jury.md",),
            clients=keys("mcc"),
            partners=keys("uom-politics", "gmca", "roundtable"),
            funders=keys("jrrt"),
            start=2022, end=2022, ongoing=False,
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_EL_NEWS_MANCHESTER,)},
        ),
        "athens": Project(
            paths=("_work/athens-neighbourhood-fund.md", "_work/tameio-geitonias-athinas.md"),
            clients=keys("athens"),
            partners=keys("uoa", "open-city", "digital-agora"),
            funders=keys("snf"),
            start=2021, end=2023, ongoing=False,
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_EL_NEWS_ATHENS,)},
        ),
        "thessaloniki": Project(
            paths=("_work/thessaloniki-youth-council.md", "_work/symvoulio-neon-thessalonikis.md"),
            clients=keys("thessaloniki"),
            partners=keys("auth", "athens"),
            start=2024, end=2024, ongoing=False,
            platforms_posts={"Your Priorities": (_EL_NEWS_THESSALONIKI,)},
        ),
        "kyiv": Project(
            paths=("_work/kyiv-neighbourhood-recovery.md", "_work/kyiv-vidnovlennia.md"),
            clients=keys("kyiv"),
            partners=keys("kse", "common-action", "tsyfrova"),
            funders=keys("fcdo"),
            start=2022, end=2023, ongoing=False,
            platforms_page=keys("adhocracy+"),
            platforms_posts={"adhocracy+": (_EL_NEWS_KYIV,)},
        ),
        "lviv": Project(
            paths=("_work/lviv-participatory-budget.md", "_work/lviv-hromadskyi-biudzhet.md"),
            clients=keys("lviv"),
            partners=keys("ucu", "lpnu"),
            funders=keys("eed"),
            start=2023, end=2024, ongoing=False,
            platforms_posts={"Go Vocal": (_EL_NEWS_LVIV,)},
        ),
    },
    posts={
        _EL_NEWS_BRISTOL: keys("bristol", "southmead", "uob", "esmee"),
        _EL_NEWS_CAMDEN: keys("camden", "civic-threads", "ucl"),
        _EL_NEWS_ATHENS: keys("athens", "uoa", "snf"),
        _EL_NEWS_MANCHESTER: keys("mcc", "uom-politics", "uom", "jrf", "jrrt"),
        _EL_NEWS_KYIV: keys("kyiv", "common-action", "kse", "fcdo"),
        # tied to no project: its Decidim, CONSUL and Citizen OS are nobody's
        _EL_NEWS_OGP: keys("ogp", "lviv", "kyiv", "lga"),
        _EL_NEWS_KENT: keys("kcc", "kchft", "healthwatch", "cccu"),
        _EL_NEWS_THESSALONIKI: keys("thessaloniki", "auth", "athens"),
        _EL_NEWS_LVIV: keys("lviv", "ucu", "lpnu", "eed"),
    },
    persons={
        "Helen Okafor": "Chief Executive",
        "Dimitra Papadaki": "Programme Manager, Greece",
        "Oksana Melnyk": "Ukraine Programme Lead",
    },
)


# --------------------------------------------------------------------------- nb-et-is
_NB_POST_REYKJAVIK = "_posts/2019-11-05-ibuar-reykjavikur-kjosa.md"
_NB_POST_MOSS = "_posts/2020-10-12-moss-kommune-apner-for-innspill.md"
_NB_POST_VILNIUS = "_posts/2021-04-22-vilnieciai-balsavo.md"
_NB_POST_GAMLE_OSLO = "_posts/2021-09-30-young-people-in-gamle-oslo-have-chosen.md"
_NB_POST_VOLDA = "_posts/2022-11-20-kva-ungdomspanelet-i-volda-kom-fram-til.md"
_NB_POST_TARTU = "_posts/2023-05-08-tartu-kaasav-eelarve-algab.md"
_NB_POST_DAYS = "_posts/2024-06-14-notes-from-a-week-in-reykjavik.md"
_NB_POST_NETWORK = "_posts/2024-10-03-laeringsnettverket-motes-i-tallinn.md"

NB_ET_IS = Site(
    name="nb-et-is",
    issue="17",
    own="tunlab",
    orgs={
        # a Norwegian cooperative (SA: samvirkeforetak; the Estonian SA below is a foundation)
        "tunlab": Org(names=("Tunlab SA", "Tunlab"), kind=COOP, country=NO),
        # Oslo: a district of the municipality holds the role; the city's university is another
        "oslo": Org(names=("Oslo kommune", "City of Oslo"), text=("Oslo kommunes",), kind=("municipality",),
                    country=NO),
        "gamle-oslo": Org(
            names=("Oslo kommune, Bydel Gamle Oslo", "City of Oslo, Gamle Oslo District"),
            derived=("Bydel Gamle Oslo", "Gamle Oslo District"),
            country=NO,
            parent="oslo",
        ),
        "uio": Org(names=("Universitetet i Oslo", "University of Oslo"), kind=("university",), country=NO),
        # Grønland is the Oslo neighbourhood, not Greenland
        "gronland": Org(names=("Grønland Ungdomsforening", "Grønland Youth Association"), kind=("ngo",), country=NO),
        "kvisten": Org(names=("Kvisten AS",), kind=("company",), country=NO),
        "byloftet": Org(names=("Stiftelsen Byløftet", "The Byløftet Foundation"), kind=FUNDER, country=NO),
        # Volda (Nynorsk): the municipality, its university college and its youth club are three
        "volda": Org(names=("Volda kommune", "Volda Municipality"), kind=("municipality",), country=NO),
        "hivolda": Org(names=("Høgskulen i Volda", "Volda University College"), text=("HVO",),
                       kind=("university",), country=NO),
        "volda-ungdomslag": Org(names=("Volda Ungdomslag",), kind=("ngo",), country=NO),
        # one county whose name holds "og"
        "more-romsdal": Org(names=("Møre og Romsdal fylkeskommune", "Møre og Romsdal County Council"),
                            kind=("region",), country=NO),
        # commas in a directorate's name, not a unit; the English name shares no word
        "bufdir": Org(
            names=("Barne-, ungdoms- og familiedirektoratet",
                   "Norwegian Directorate for Children, Youth and Family Affairs"),
            text=("Bufdir",),
            kind=("agency",),
            country=NO,
        ),
        "statsforvaltaren": Org(text=("Statsforvaltaren i Møre og Romsdal",), kind=("agency",), country=NO),
        # Estonia: declined names in running text; the university of the town is not its government
        "tartu": Org(names=("Tartu Linnavalitsus", "Tartu City Government"), text=("Tartu Linnavalitsusega",),
                     kind=("municipality",), country=EE),
        "ut": Org(names=("Tartu Ülikool", "University of Tartu"), text=("Tartu Ülikooli",), kind=("university",),
                  country=EE),
        "linnakodanik": Org(names=("MTÜ Linnakodanik", "Linnakodanik NGO"), kind=("ngo",), country=EE),
        "haaletus": Org(names=("Hääletus OÜ",), kind=("company",), country=EE),
        # SA = sihtasutus; "Civic Initiative Foundation" is never the Lithuanian "Civic Initiative Association"
        "kaf": Org(names=("SA Kodanikualgatuse Fond", "Civic Initiative Foundation"), kind=FUNDER, country=EE),
        # Iceland: Reykjavíkurborg and its genitive; the university named after the town is another
        "reykjavik": Org(names=("Reykjavíkurborg", "City of Reykjavík"), text=("Reykjavíkurborgar",),
                         kind=("municipality",), country=IS),
        "hr": Org(
            names=("Háskólinn í Reykjavík", "Reykjavik University"),
            text=("Háskólann í Reykjavík", "Háskólans í Reykjavík", "HR"),
            kind=("university",),
            country=IS,
        ),
        "groska": Org(names=("Lýðræðisfélagið Gróska", "Gróska Democracy Association"), kind=("ngo",), country=IS),
        "samtal": Org(names=("Samtal ehf.",), kind=("company",), country=IS),
        "nyskopun": Org(names=("Nýsköpunarsjóður borgara", "Citizens' Innovation Fund"),
                        text=("Nýsköpunarsjóði borgara",), kind=FUNDER, country=IS),
        "hi": Org(text=("Háskóla Íslands",), kind=("university",), country=IS),
        # Lithuania: the municipality in three cases; the university and the community foundation of the town
        "vilnius": Org(
            names=("Vilniaus miesto savivaldybė", "Vilnius City Municipality"),
            text=("Vilniaus miesto savivaldybe", "Vilniaus miesto savivaldybės"),
            kind=("municipality",),
            country=LT,
        ),
        "vu": Org(names=("Vilniaus universitetas", "Vilnius University"), text=("Vilniaus universiteto", "VU"),
                  kind=("university",), country=LT),
        "pi": Org(names=("Asociacija „Pilietinė iniciatyva“", "Civic Initiative Association"), kind=("ngo",),
                  country=LT),
        "balsas": Org(names=("UAB „Balsas“", "Balsas UAB"), kind=("company",), country=LT),
        "vbf": Org(names=("Vilniaus bendruomenių fondas", "Vilnius Community Foundation"), kind=FUNDER, country=LT),
        "vrm": Org(text=("Vidaus reikalų ministerija",), kind=("agency",), country=LT),
        # the network: a Nordic intergovernmental body, agencies and associations of municipalities
        "nvc": Org(names=("Nordens velferdssenter", "Nordic Welfare Centre"), kind=("intergovernmental",)),
        "digdir": Org(names=("Digitaliseringsdirektoratet", "Norwegian Digitalisation Agency"), text=("Digdir",),
                      kind=("agency",), country=NO),
        "ria": Org(names=("Riigi Infosüsteemi Amet",), text=("RIA", "Estonian Information System Authority"),
                   kind=("agency",), country=EE),
        "sis": Org(names=("Samband íslenskra sveitarfélaga", "Icelandic Association of Local Authorities"),
                   text=("SÍS",), kind=ASSOCIATION, country=IS),
        "lsa": Org(names=("Lietuvos savivaldybių asociacija", "Association of Local Authorities in Lithuania"),
                   text=("LSA",), kind=ASSOCIATION, country=LT),
        # Moss: a town that is also a word ("green with moss")
        "moss": Org(names=("Moss kommune",), text=("Moss kommunes",), kind=("municipality",), country=NO),
        "hiof": Org(names=("Høgskolen i Østfold",), kind=("university",), country=NO),
        "husbanken": Org(names=("Husbanken",), kind=("agency", "funder"), country=NO),
        "datatilsynet": Org(text=("Datatilsynet",), kind=("agency",), country=NO),
        # named only in the post tied to no project
        "apne-kommuner": Org(text=("Foreningen Åpne Kommuner",), kind=ASSOCIATION, country=NO),
        "byggdastofnun": Org(text=("Byggðastofnun",), kind=("agency",), country=IS),
        "fjordnett": Org(text=("Fjordnett ASA",), kind=("company",), country=NO),
        "gagnasmidjan": Org(text=("Gagnasmiðjan hf.",), kind=("company",), country=IS),
    },
    themes={
        # `tema:` words, translated on each twin
        "youth": Theme(names=("ungdom", "youth")),
        "budget": Theme(names=("medvirkningsbudsjett", "participatory budgeting", "kaasav eelarve",
                               "þátttökufjárhagsáætlun", "dalyvaujamasis biudžetas")),
        "digital": Theme(names=("digital forvaltning", "digital government")),
        "urban": Theme(names=("byutvikling",)),
    },
    projects={
        "gamle-oslo": Project(
            paths=("_projects/gamle-oslo/nb.md", "_projects/gamle-oslo/en.md"),
            clients=keys("gamle-oslo"),
            partners=keys("uio", "gronland", "kvisten"),
            funders=keys("byloftet"),
            start=2021, end=2023, ongoing=False,
            themes=keys("youth", "budget"),
            platforms_page=keys("Decidim"),
            # its post's "adhocracy" is how the team works, not adhocracy+
            platforms_posts={"Decidim": (_NB_POST_GAMLE_OSLO,)},
        ),
        "volda": Project(
            paths=("_projects/ungdomspanel-volda/nn.md", "_projects/ungdomspanel-volda/en.md"),
            clients=keys("volda"),
            partners=keys("hivolda", "volda-ungdomslag", "more-romsdal"),
            funders=keys("bufdir"),
            start=2022, end=2022, ongoing=False,
            themes=keys("youth"),
            platforms_page=keys("Pol.is"),
            platforms_posts={"Pol.is": (_NB_POST_VOLDA,)},
        ),
        "tartu": Project(
            paths=("_projects/tartu-kaasav-eelarve/et.md", "_projects/tartu-kaasav-eelarve/en.md"),
            clients=keys("tartu"),
            partners=keys("ut", "linnakodanik", "haaletus"),
            funders=keys("kaf"),
            start=2023, ongoing=True,
            themes=keys("budget"),
            platforms_posts={"Citizen OS": (_NB_POST_TARTU,)},
        ),
        "reykjavik": Project(
            paths=("_projects/hverfin-okkar/is.md", "_projects/hverfin-okkar/en.md"),
            clients=keys("reykjavik"),
            partners=keys("hr", "groska", "samtal"),
            funders=keys("nyskopun"),
            start=2019, end=2020, ongoing=False,
            themes=keys("budget"),
            platforms_page=keys("Your Priorities"),
            platforms_posts={"Your Priorities": (_NB_POST_REYKJAVIK,)},
        ),
        "vilnius": Project(
            paths=("_projects/vilnius-biudzetas/lt.md", "_projects/vilnius-biudzetas/en.md"),
            clients=keys("vilnius"),
            partners=keys("vu", "pi", "balsas"),
            funders=keys("vbf"),
            start=2020, end=2022, ongoing=False,
            themes=keys("budget"),
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_NB_POST_VILNIUS,)},
        ),
        "network": Project(
            paths=("_projects/laeringsnettverk/nb.md", "_projects/laeringsnettverk/en.md"),
            clients=keys("nvc"),
            partners=keys("digdir", "ria", "sis", "lsa"),
            start=2024, ongoing=True,
            themes=keys("digital"),
            platforms_posts={"Loomio": (_NB_POST_NETWORK,)},
        ),
        "moss": Project(
            paths=("_projects/moss-medvirkning/nb.md",),
            clients=keys("moss"),
            partners=keys("hiof", "kvisten"),
            funders=keys("husbanken"),
            start=2020, end=2021, ongoing=False,
            themes=keys("urban"),
            platforms_page=keys("Go Vocal"),
            platforms_posts={"Go Vocal": (_NB_POST_MOSS,)},
        ),
    },
    posts={
        # tied by `prosjekt:` (a ref), `{% link %}`, `prosjekter:` (paths), a relative link, an absolute link,
        # the project's title in the text, a site-absolute link; the civic tech days post is tied to none
        _NB_POST_MOSS: keys("moss", "kvisten", "hiof", "datatilsynet", "husbanken"),
        _NB_POST_GAMLE_OSLO: keys("gamle-oslo", "oslo", "gronland", "uio", "byloftet"),
        _NB_POST_VOLDA: keys("volda", "hivolda", "volda-ungdomslag", "more-romsdal", "bufdir", "statsforvaltaren"),
        _NB_POST_TARTU: keys("tartu", "linnakodanik", "ut", "kaf"),
        _NB_POST_REYKJAVIK: keys("reykjavik", "groska", "samtal", "hr", "hi"),
        _NB_POST_VILNIUS: keys("vilnius", "pi", "vu", "vbf", "vrm"),
        _NB_POST_NETWORK: keys("ria", "digdir", "sis", "lsa", "nvc"),
        # its Decidim, CONSUL and LiquidFeedback are nobody's; its "moss" is on turf walls
        _NB_POST_DAYS: keys("reykjavik", "apne-kommuner", "byggdastofnun", "fjordnett", "gagnasmidjan"),
    },
    persons={
        "Ingrid Haugland": "Daglig leder",
        "Kadri Tamm": "Prosjektleder for Baltikum",
        "Sigrún Jónsdóttir": "Utvikler og fasilitator",
    },
)


# --------------------------------------------------------------------------- cs-hu-ro
_CS_POST_PRAGUE = "_posts/2020-03-02-prague-votes-on-its-first-city-wide-budget.md"
_CS_POST_PETRZALKA = "_posts/2021-06-10-petrzalcania-rozhodli.md"
_CS_POST_BUDAPEST = "_posts/2021-11-18-budapest-lakoi-dontottek.md"
_CS_POST_CLUJ = "_posts/2022-09-05-clujenii-au-votat.md"
_CS_POST_MOST = "_posts/2023-02-14-a-winter-walk-along-lake-most.md"
_CS_POST_TWO = "_posts/2023-10-01-szeged-and-cluj-napoca-two-budgets.md"
_CS_POST_STUDY = "_posts/2024-04-22-our-study-for-the-committee-of-the-regions.md"
_CS_POST_OLOMOUC = "_posts/2024-09-12-poznamky-z-olomouce.md"

CS_HU_RO = Site(
    name="cs-hu-ro",
    issue="17",
    own="most-lab",
    orgs={
        # "most" is a bridge (cs, sk), "now" (hu), an English word and a Czech town: the lab is not the town
        "most-lab": Org(names=("Most Lab, z.ú.", "Most Lab"), kind=("ngo",), country=CZ),
        # Czechia: the capital, written through its municipal office in the instrumental
        "prague": Org(
            names=("City of Prague", "Hlavní město Praha"),
            text=("Magistrátem hlavního města Prahy", "Prague City Hall"),
            kind=LOCAL,
            country=CZ,
        ),
        "charles": Org(names=("Charles University", "Univerzita Karlova"), text=("Univerzity Karlovy",),
                       kind=("university",), country=CZ),
        "ziva-ulice": Org(names=("Živá ulice, z.s.",), text=("Živá ulice",), kind=("ngo",), country=CZ),
        "hlasovna": Org(names=("Hlasovna s.r.o.",), text=("Hlasovna",), kind=("company",), country=CZ),
        "sousede": Org(names=("Nadační fond Sousedé",), kind=FUNDER, country=CZ),
        "most-city": Org(names=("City of Most", "Statutární město Most"), kind=("municipality",), country=CZ),
        # Ústí nad Labem: a university and a region named after the town, never one
        "ujep": Org(
            names=("Jan Evangelista Purkyně University in Ústí nad Labem",
                   "Univerzita Jana Evangelisty Purkyně v Ústí nad Labem"),
            text=("Jan Evangelista Purkyně University", "Univerzity Jana Evangelisty Purkyně"),
            kind=("university",),
            country=CZ,
        ),
        "ustecky": Org(names=("Ústí nad Labem Region", "Ústecký kraj"), kind=("region",), country=CZ),
        # "Name, státní podnik": a legal form after the comma, not a unit
        "pku": Org(names=("Palivový kombinát Ústí, státní podnik",), text=("Palivový kombinát Ústí",),
                   kind=("company", "agency"), country=CZ),
        "mmr": Org(names=("Ministry of Regional Development of the Czech Republic", "Ministerstvo pro místní rozvoj"),
                   kind=("agency",), country=CZ),
        "mv": Org(text=("Ministerstvo vnitra",), kind=("agency",), country=CZ),
        "datova-obec": Org(text=("Datová obec, z.s.",), kind=("ngo",), country=CZ),
        "radnice-online": Org(text=("Radnice online a.s.",), kind=("company",), country=CZ),
        # Slovakia: a city district (mestská časť) is a municipality of its own; "obec" inside a foundation's name
        "petrzalka": Org(
            names=("Bratislava-Petržalka City District", "Mestská časť Bratislava-Petržalka"),
            text=("mestskej časti Bratislava-Petržalka",),
            kind=("municipality",),
            country=SK,
        ),
        "uk-ba": Org(names=("Comenius University Bratislava", "Univerzita Komenského v Bratislave"),
                     text=("Univerzity Komenského v Bratislave",), kind=("university",), country=SK),
        "susedia": Org(names=("Susedia spolu, o. z.",), text=("Susedia spolu",), kind=("ngo",), country=SK),
        "zelena-obec": Org(names=("Nadácia Zelená obec",), kind=FUNDER, country=SK),
        "sav": Org(names=("Slovenská akadémia vied",), text=("Slovak Academy of Sciences",),
                   kind=("research-institute",), country=SK),
        "sav-soc": Org(
            names=("Slovenská akadémia vied, Sociologický ústav",),
            text=("Institute of Sociology of the Slovak Academy of Sciences",),
            derived=("Sociologický ústav", "Institute of Sociology"),
            country=SK,
            parent="sav",
        ),
        # Hungary: suffixes glued to names; "Megyei Jogú Város" is a city; "Fővárosi" before a company's name
        "budapest": Org(
            names=("Municipality of Budapest", "Budapest Főváros Önkormányzata"),
            text=("Budapest Főváros Önkormányzatával",),
            kind=LOCAL,
            country=HU,
        ),
        "corvinus": Org(names=("Corvinus University of Budapest", "Budapesti Corvinus Egyetem"),
                        text=("Budapesti Corvinus Egyetemen",), kind=("university",), country=HU),
        "kre": Org(names=("Community Participation Association", "Közösségi Részvétel Egyesület"), kind=("ngo",),
                   country=HU),
        "polgarkod": Org(names=("Polgárkód Ltd.", "Polgárkód Kft."), kind=("company",), country=HU),
        "kurazsi": Org(names=("Civic Courage Foundation", "Civil Kurázsi Alapítvány"), kind=FUNDER, country=HU),
        "fak": Org(text=("Fővárosi Adatközpont Zrt.",), kind=("company",), country=HU),
        "belugy": Org(text=("Belügyminisztérium",), kind=("agency",), country=HU),
        "szeged": Org(names=("Szeged Megyei Jogú Város Önkormányzata",), text=("City of Szeged",),
                      kind=("municipality",), country=HU),
        "szte": Org(names=("Szegedi Tudományegyetem",), text=("Szegedi Tudományegyetemen", "University of Szeged"),
                    kind=("university",), country=HU),
        "csongrad": Org(names=("Csongrád-Csanád Vármegyei Önkormányzat",), kind=("region",), country=HU),
        # Romania: the city hall in the genitive; the county council and the university of the town are others
        "cluj": Org(names=("Cluj-Napoca City Hall", "Primăria Municipiului Cluj-Napoca"),
                    text=("Primăriei Cluj-Napoca",), kind=("municipality",), country=RO),
        "utcn": Org(names=("Technical University of Cluj-Napoca", "Universitatea Tehnică din Cluj-Napoca"),
                    text=("Universității Tehnice din Cluj-Napoca",), kind=("university",), country=RO),
        "vecini": Org(names=("Active Neighbours Association", "Asociația Vecini Activi"), kind=("ngo",), country=RO),
        "votcivic": Org(names=("Votcivic S.R.L.",), kind=("company",), country=RO),
        "cjcluj": Org(names=("Cluj County Council", "Consiliul Județean Cluj"), kind=("region",), country=RO),
        "podul": Org(names=("Bridge Foundation", "Fundația Podul"), kind=FUNDER, country=RO),
        "ctp": Org(text=("Compania de Transport Public Cluj-Napoca S.A.",), kind=("company",), country=RO),
        # commas in a ministry's name, not a unit
        "mdlpa": Org(
            names=("Ministerul Dezvoltării, Lucrărilor Publice și Administrației",),
            text=("Ministry of Development, Public Works and Administration",),
            kind=("agency",),
            country=RO,
        ),
        # EU and Visegrad bodies
        "cor": Org(names=("European Committee of the Regions",), text=("CoR",), kind=("intergovernmental",)),
        "eesc": Org(text=("Evropského hospodářského a sociálního výboru",), kind=("intergovernmental",)),
        # only in the partners' logo strip (_data/partners.yml) and the about page
        "ivf": Org(names=("International Visegrad Fund",), kind=("funder", "intergovernmental")),
    },
    themes={
        "pb": Theme(paths=("_topics/participatory-budgeting.md",)),
        "jt": Theme(paths=("_topics/just-transition.md",)),
    },
    projects={
        "prague": Project(
            paths=("_projects/prague-participatory-budget.md", "_projects/prague-participatory-budget.cs.md"),
            clients=keys("prague"),
            partners=keys("charles", "ziva-ulice", "hlasovna"),
            funders=keys("sousede"),
            start=2019, end=2021, ongoing=False,
            themes=keys("pb"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_CS_POST_PRAGUE,)},
        ),
        "most": Project(
            paths=("_projects/most-after-coal.md", "_projects/most-after-coal.cs.md"),
            clients=keys("most-city"),
            partners=keys("ujep", "ustecky", "pku"),
            funders=keys("mmr"),
            start=2022, ongoing=True,
            themes=keys("jt"),
            platforms_posts={"Pol.is": (_CS_POST_MOST,)},
        ),
        "petrzalka": Project(
            paths=("_projects/petrzalka-budget.md", "_projects/petrzalka-budget.sk.md"),
            clients=keys("petrzalka"),
            partners=keys("uk-ba", "susedia"),
            funders=keys("zelena-obec"),
            start=2021, end=2021, ongoing=False,
            themes=keys("pb"),
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_CS_POST_PETRZALKA,)},
        ),
        "budapest": Project(
            paths=("_projects/budapest-community-budget.md", "_projects/budapest-community-budget.hu.md"),
            clients=keys("budapest"),
            partners=keys("corvinus", "kre", "polgarkod"),
            funders=keys("kurazsi"),
            start=2020, end=2022, ongoing=False,
            themes=keys("pb"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_CS_POST_BUDAPEST,)},
        ),
        "szeged": Project(
            paths=("_projects/szeged-youth-budget.hu.md",),
            clients=keys("szeged"),
            partners=keys("szte", "csongrad"),
            start=2023, end=2023, ongoing=False,
            themes=keys("pb"),
            platforms_posts={"Your Priorities": (_CS_POST_TWO,)},
        ),
        "cluj": Project(
            # the post on both budgets names each one's platform; its consul is a diplomat
            paths=("_projects/cluj-napoca-participatory-budget.md", "_projects/cluj-napoca-participatory-budget.ro.md"),
            clients=keys("cluj"),
            partners=keys("utcn", "vecini", "votcivic", "cjcluj"),
            funders=keys("podul"),
            start=2022, end=2023, ongoing=False,
            themes=keys("pb"),
            platforms_page=keys("Go Vocal"),
            platforms_posts={"Go Vocal": (_CS_POST_CLUJ, _CS_POST_TWO)},
        ),
        "cor-study": Project(
            # the Decidim and CONSUL of its post are the studied cities', not the study's
            paths=("_projects/digital-participation-study.md",),
            clients=keys("cor"),
            partners=keys("sav-soc", "mdlpa"),
            start=2024, end=2024, ongoing=False,
        ),
    },
    posts={
        # tied by `projects:` paths, `project:` a ref, `{% link %}`, a relative link, a Liquid relative_url link,
        # `projects:` naming two projects, an absolute link; the Olomouc conference post is tied to none
        _CS_POST_PRAGUE: keys("prague", "ziva-ulice", "hlasovna", "charles", "sousede"),
        _CS_POST_PETRZALKA: keys("petrzalka", "susedia", "uk-ba", "zelena-obec"),
        _CS_POST_BUDAPEST: keys("budapest", "kre", "polgarkod", "corvinus", "fak", "kurazsi", "belugy"),
        _CS_POST_CLUJ: keys("cluj", "vecini", "utcn", "ctp", "cjcluj", "podul"),
        _CS_POST_MOST: keys("most-city", "pku", "ustecky", "ujep", "mmr"),
        _CS_POST_TWO: keys("szeged", "szte", "cluj", "vecini"),
        _CS_POST_STUDY: keys("cor", "sav-soc", "sav", "mdlpa"),
        # its Decidim, CONSUL and LiquidFeedback are nobody's; "Otevřená radnice" is a conference
        _CS_POST_OLOMOUC: keys("mv", "datova-obec", "radnice-online", "eesc"),
    },
    persons={
        "Zuzana Horváthová": "Director",
        "Bence Kovács": "Head of the Budapest office",
        "Ioana Mureșan": "Participation designer",
    },
)


# --------------------------------------------------------------------------- en-us-ca
_US_POST_OAKLAND = "_posts/2021-09-14-what-oaklands-curbs-are-for.md"
_US_POST_ANCHORAGE = "_posts/2021-02-10-a-winter-of-snow-routes.md"
_US_POST_DENVER = "_posts/2022-04-05-denver-neighbors-start-proposing.md"
_US_POST_NM = "_posts/2023-01-18-claimants-chose-what-to-fix-first.md"
_US_POST_METRO = "_posts/2023-10-02-metro-rider-voices-first-quarter.md"
_US_POST_MONTREAL = "_posts/2024-05-21-montreal-votes-on-decidim.md"
_US_POST_TWO = "_posts/2024-11-12-boston-and-denver-working-groups.md"
_US_POST_SUMMIT = "_posts/2025-03-03-notes-from-the-civic-service-summit.md"

EN_US_CA = Site(
    name="en-us-ca",
    issue="17",
    own="lanternfish",
    orgs={
        # "Inc." but a 501(c)(3) nonprofit, as its description and about page say
        "lanternfish": Org(names=("Lanternfish Civic Design, Inc.", "Lanternfish"), kind=("ngo",), country=US),
        # Oakland: the client is a department of the city, written "City, Department" and as a possessive
        "oakland": Org(names=("City of Oakland",), kind=("municipality",), country=US),
        "oakdot": Org(
            names=("City of Oakland, Department of Transportation",),
            text=("Oakland's Department of Transportation",),
            derived=("Department of Transportation",),
            country=US,
            parent="oakland",
        ),
        "opw": Org(text=("Oakland Public Works",), kind=("agency",), country=US),
        "mtc": Org(text=("Metropolitan Transportation Commission", "MTC"), kind=("agency", "region"), country=US),
        # a brigade: "Code for …" is none of the registry's networks
        "code-oakland": Org(names=("Code for Oakland",), kind=("ngo",), country=US),
        "ucb": Org(names=("UC Berkeley",), kind=("university",), country=US),
        "curbwise": Org(names=("Curbwise Analytics LLC",), text=("Curbwise Analytics",), kind=("company",),
                        country=US),
        "bayview": Org(names=("Bayview Civic Fund",), kind=FUNDER, country=US),
        # Denver: a consolidated city-county; its university and its library are others
        "denver": Org(names=("City and County of Denver",), kind=LOCAL, country=US),
        "dpl": Org(names=("Denver Public Library",), country=US),
        "mhnc": Org(names=("Mile High Neighbors Coalition",), kind=ASSOCIATION, country=US),
        "ucdenver": Org(names=("University of Colorado Denver",), kind=("university",), country=US),
        "frcf": Org(names=("Front Range Community Foundation",), kind=FUNDER, country=US),
        # Anchorage: "Municipality of"; the school district is another body; the northern lights are in the sky
        "anchorage": Org(names=("Municipality of Anchorage",), kind=("municipality",), country=US),
        "code-anchorage": Org(names=("Code for Anchorage",), kind=("ngo",), country=US),
        "nldc": Org(names=("Northern Lights Data Cooperative",), kind=COOP, country=US),
        "denali": Org(names=("Denali Civic Trust",), kind=FUNDER, country=US),
        "asd": Org(text=("Anchorage School District",), kind=("agency",), country=US),
        # New Mexico is a US state, not Mexico; a tribal government; "X, Inc." is a form, not a unit
        "nmdws": Org(
            names=("New Mexico Department of Workforce Solutions",
                   "Departamento de Soluciones Laborales de Nuevo México"),
            text=("Department of Workforce Solutions",),
            kind=("agency",),
            country=US,
        ),
        "zia": Org(names=("Pueblo of Zia", "Pueblo de Zia"), country=US),
        "unm": Org(names=("University of New Mexico", "Universidad de Nuevo México"), kind=("university",),
                   country=US),
        "acequia": Org(names=("Acequia Data Alliance, Inc.",), text=("Acequia Data Alliance",), kind=("ngo",),
                       country=US),
        "nm": Org(names=("State of New Mexico", "Estado de Nuevo México"), kind=("region",), country=US),
        # King County and its transit agency: client and funder of one project, never one
        "kcm": Org(names=("King County Metro",), kind=("agency",), country=US),
        "kc": Org(names=("King County",), kind=("region",), country=US),
        "uw": Org(names=("University of Washington",), kind=("university",), country=US),
        "stru": Org(names=("Seattle Transit Riders Union",), kind=("ngo",), country=US),
        # Montréal: the city and its university; a federal agency; twins reordered and translated
        "montreal": Org(names=("City of Montréal", "Ville de Montréal"), kind=("municipality",), country=CA),
        "udem": Org(names=("Université de Montréal",), kind=("university",), country=CA),
        "cds": Org(names=("Canadian Digital Service", "Service numérique canadien"), kind=("agency",), country=CA),
        "dbc": Org(names=("Digital Builders Co-operative", "Coopérative Bâtisseurs numériques"), kind=COOP,
                   country=CA),
        "fsl": Org(names=("Saint Lawrence Foundation for Democracy", "Fondation Saint-Laurent pour la démocratie"),
                   kind=FUNDER, country=CA),
        # Ontario: a province; a school of a university holds the role; the city shares the university's town
        "ontario": Org(names=("Government of Ontario",), kind=("region",), country=CA),
        "ods": Org(text=("Ontario Digital Service",), kind=("agency",), country=CA),
        "uoft": Org(names=("University of Toronto",), kind=("university",), country=CA),
        "soc": Org(
            names=("University of Toronto, School of Cities",),
            text=("University of Toronto's School of Cities",),
            derived=("School of Cities",),
            country=CA,
            parent="uoft",
        ),
        "toronto": Org(text=("City of Toronto",), kind=("municipality",), country=CA),
        "bluewater": Org(names=("Bluewater Research Corp.",), kind=("company",), country=CA),
        "trillium": Org(names=("Trillium Civic Foundation",), kind=FUNDER, country=CA),
        # Boston: a department as a unit; Lincoln and Independence are names, not places, here
        "boston": Org(names=("City of Boston",), kind=("municipality",), country=US),
        "doit": Org(
            names=("City of Boston, Department of Innovation and Technology",),
            text=("City of Boston's Department of Innovation and Technology",),
            derived=("Department of Innovation and Technology",),
            country=US,
            parent="boston",
        ),
        "lincoln": Org(names=("Lincoln Civic Labs Corp.",), kind=("company",), country=US),
        "bbi": Org(names=("Back Bay Institute for Public Data",), kind=("research-institute",), country=US),
        "independence": Org(names=("Independence Fund for Civic Innovation",), kind=FUNDER, country=US),
        # only in the summit post: federal, state and local bodies; "Mobile" the city, "mobile-first" a word
        "usds": Org(text=("U.S. Digital Service",), kind=("agency",), country=US),
        "18f": Org(text=("18F",), kind=("agency",), country=US),
        "gsa": Org(text=("General Services Administration",), kind=("agency",), country=US),
        "cdt": Org(text=("California Department of Technology",), kind=("agency",), country=US),
        "mobile": Org(text=("City of Mobile",), kind=("municipality",), country=US),
        "cook": Org(text=("Cook County",), kind=("region",), country=US),
    },
    themes={
        # `issue_areas:` words, translated on the twins
        "transport": Theme(names=("transportation",)),
        "space": Theme(names=("public space",)),
        "pb": Theme(names=("participatory budgeting", "budget participatif")),
        "digital": Theme(names=("digital services", "servicios digitales")),
        "housing": Theme(names=("housing",)),
    },
    projects={
        "oakland": Project(
            paths=("_portfolio/oakland-open-curbs.md",),
            clients=keys("oakdot"),
            partners=keys("code-oakland", "ucb", "curbwise"),
            funders=keys("bayview"),
            start=2021, end=2023, ongoing=False,
            themes=keys("transport", "space"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_US_POST_OAKLAND,)},
        ),
        "denver": Project(
            paths=("_portfolio/denver-budget.md",),
            clients=keys("denver"),
            partners=keys("dpl", "mhnc", "ucdenver"),
            funders=keys("frcf"),
            start=2022, end=2022, ongoing=False,
            themes=keys("pb"),
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_US_POST_DENVER, _US_POST_TWO)},
        ),
        "anchorage": Project(
            paths=("_portfolio/anchorage-snow-routes.md",),
            clients=keys("anchorage"),
            partners=keys("code-anchorage", "nldc"),
            funders=keys("denali"),
            start=2020, end=2021, ongoing=False,
            themes=keys("transport", "digital"),
            platforms_posts={"Loomio": (_US_POST_ANCHORAGE,)},
        ),
        "nm": Project(
            paths=("_portfolio/new-mexico-unemployment.md", "_portfolio/new-mexico-unemployment.es.md"),
            clients=keys("nmdws"),
            partners=keys("zia", "unm", "acequia"),
            funders=keys("nm"),
            start=2022, end=2023, ongoing=False,
            themes=keys("digital"),
            platforms_page=keys("Your Priorities"),
            platforms_posts={"Your Priorities": (_US_POST_NM,)},
        ),
        "metro": Project(
            paths=("_portfolio/king-county-rider-voices.md",),
            clients=keys("kcm"),
            partners=keys("uw", "stru"),
            funders=keys("kc"),
            start=2023, ongoing=True,
            themes=keys("transport"),
            platforms_page=keys("Pol.is"),
            platforms_posts={"Pol.is": (_US_POST_METRO,)},
        ),
        "montreal": Project(
            paths=("_portfolio/montreal-participatory-budget.md", "_portfolio/montreal-budget-participatif.fr.md"),
            clients=keys("montreal"),
            partners=keys("udem", "cds", "dbc"),
            funders=keys("fsl"),
            start=2022, end=2024, ongoing=False,
            themes=keys("pb"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_US_POST_MONTREAL,)},
        ),
        "ontario": Project(
            paths=("_portfolio/ontario-service-standard.md",),
            clients=keys("ontario"),
            partners=keys("soc", "bluewater"),
            funders=keys("trillium"),
            start=2021, end=2021, ongoing=False,
            themes=keys("digital"),
            platforms_page=keys("Go Vocal"),
        ),
        "boston": Project(
            # its platform is said only in the post on two projects, in the sentence naming Boston
            paths=("_portfolio/boston-permits.md",),
            clients=keys("doit"),
            partners=keys("lincoln", "bbi"),
            funders=keys("independence"),
            start=2024, ongoing=True,
            themes=keys("housing", "digital"),
            platforms_posts={"LiquidFeedback": (_US_POST_TWO,)},
        ),
    },
    posts={
        # tied by `portfolio:` paths, `{% link %}`, an absolute link, a shared `ref`, the project's title,
        # a site-absolute link, `portfolio:` naming two projects; the summit post is tied to none
        _US_POST_OAKLAND: keys("oakland", "opw", "mtc", "curbwise", "code-oakland", "ucb"),
        _US_POST_DENVER: keys("dpl", "mhnc", "frcf", "ucdenver"),
        _US_POST_ANCHORAGE: keys("asd", "anchorage", "code-anchorage", "nldc", "denali"),
        _US_POST_NM: keys("nmdws", "zia", "unm", "acequia"),
        _US_POST_METRO: keys("kcm", "stru", "uw", "kc"),
        _US_POST_MONTREAL: keys("montreal", "dbc", "udem", "cds", "fsl"),
        # "go vocal" is a verb here
        _US_POST_TWO: keys("independence", "frcf", "boston", "denver"),
        # its Decidim and CONSUL are nobody's; its consul is a diplomat; Independence is a town
        _US_POST_SUMMIT: keys("usds", "18f", "gsa", "cdt", "mobile", "cook"),
    },
    persons={
        "Maya Okonkwo": "Executive Director",
        "Luis Baca": "Principal Service Designer",
        "Geneviève Tremblay": "Director, Canada",
    },
)


# --------------------------------------------------------------------------- ja-zh-en
_JA_POST_YOKOHAMA = "_posts/2021-11-08-yokohama-kosodate-hajimarimashita.md"
_JA_POST_YOKOHAMA_EN = "_posts/2023-06-30-what-yokohamas-parents-decided.md"
_JA_POST_KOBE = "_posts/2022-03-15-bousai-map-no-iken.md"
_JA_POST_TWO = "_posts/2024-10-20-kobe-and-shibuya-listening-at-scale.md"
_JA_POST_TAIPEI = "_posts/2022-05-02-taipei-canyu-yusuan-shangxian.md"
_JA_POST_XINBEI = "_posts/2023-03-10-xinbei-shequ-loomio.md"
_JA_POST_MODA = "_posts/2023-12-01-the-first-open-dialogue.md"
_JA_POST_KAIGI = "_posts/2025-02-14-civictech-kaigi-memo.md"

JA_ZH_EN = Site(
    name="ja-zh-en",
    issue="17",
    own="tsumugi",
    orgs={
        # 一般社団法人: a general incorporated association
        "tsumugi": Org(names=("一般社団法人コードつむぎ", "Code Tsumugi"), text=("コードつむぎ",), kind=("ngo",),
                       country=JP),
        # Japan: 市 and its 市役所; universities named after their towns; 株式会社 before or after the name
        "yokohama": Org(names=("横浜市", "City of Yokohama"), text=("横浜市役所",), kind=("municipality",),
                        country=JP),
        "ynu": Org(names=("横浜国立大学", "Yokohama National University"), kind=("university",), country=JP),
        "hamadata": Org(names=("株式会社ハマデータ", "HamaData Inc."), kind=("company",), country=JP),
        "kosodate": Org(names=("NPO法人よこはま子育てネット", "NPO Yokohama Kosodate Net"), kind=("ngo",), country=JP),
        # みなと in a foundation's name; みなとみらい (a district) in a post is a place
        "minato": Org(names=("公益財団法人みなと市民基金", "Minato Civic Foundation"), kind=FUNDER, country=JP),
        "kobe": Org(names=("神戸市", "City of Kobe"), text=("神戸市役所",), kind=("municipality",), country=JP),
        "kobe-u": Org(names=("神戸大学", "Kobe University"), kind=("university",), country=JP),
        "hyogo": Org(names=("兵庫県", "Hyogo Prefecture"), kind=("region",), country=JP),
        # "Co., Ltd." after a comma is a form, not a unit
        "rokko": Org(names=("六甲システムズ株式会社", "Rokko Systems Co., Ltd."), kind=("company",), country=JP),
        "soumu": Org(names=("総務省", "Ministry of Internal Affairs and Communications"), kind=("agency",),
                     country=JP),
        # a Tokyo special ward (区) calls itself a city; 東京都 is a metropolis (a prefecture)
        "shibuya": Org(names=("渋谷区", "Shibuya City"), kind=("municipality",), country=JP),
        "tokyo": Org(names=("東京都", "Tokyo Metropolitan Government"), kind=LOCAL, country=JP),
        "keio": Org(names=("慶應義塾大学", "Keio University"), kind=("university",), country=JP),
        "shibuya-od": Org(names=("一般社団法人渋谷オープンデータ協議会", "Shibuya Open Data Council"), kind=ASSOCIATION,
                          country=JP),
        "digital-agency": Org(text=("デジタル庁",), kind=("agency",), country=JP),
        "osaka": Org(text=("大阪府",), kind=("region",), country=JP),
        # Taiwan: 臺 and 台 are one character; Taipei and New Taipei are two cities; 臺灣 in names is the country
        "taipei": Org(names=("臺北市政府", "Taipei City Government"), text=("台北市政府",), kind=("municipality",),
                      country=TW),
        "utaipei": Org(text=("臺北市立大學",), kind=("university",), country=TW),
        "ntu": Org(names=("國立臺灣大學", "National Taiwan University"), text=("臺大",), kind=("university",),
                   country=TW),
        "tod": Org(names=("社團法人臺灣開放資料協會", "Taiwan Open Data Association"), kind=("ngo",), country=TW),
        "goodcitizen": Org(names=("好公民科技股份有限公司", "Good Citizen Tech Co., Ltd."), kind=("company",),
                           country=TW),
        "formosa": Org(names=("財團法人福爾摩沙公民科技基金會", "Formosa Civic Tech Foundation"), kind=FUNDER,
                       country=TW),
        "ntpc": Org(names=("新北市政府", "New Taipei City Government"), kind=("municipality",), country=TW),
        "fju": Org(names=("輔仁大學", "Fu Jen Catholic University"), kind=("university",), country=TW),
        # 新北市 inside an association's name: not the city
        "ntpc-assoc": Org(names=("社團法人新北市社區營造協會", "New Taipei Community Building Association"),
                          kind=ASSOCIATION, country=TW),
        "ndc": Org(names=("國家發展委員會", "National Development Council"), kind=("agency",), country=TW),
        "moda": Org(names=("數位發展部", "Ministry of Digital Affairs"), text=("數位部", "moda"), kind=("agency",),
                    country=TW),
        "ey": Org(names=("行政院", "Executive Yuan"), kind=("agency",), country=TW),
        "openisland": Org(names=("開源島股份有限公司", "Open Island Co., Ltd."), kind=("company",), country=TW),
        "hsinchu": Org(text=("新竹市政府",), kind=("municipality",), country=TW),
    },
    themes={
        # `themes:` words, translated on each twin
        "childcare": Theme(names=("子育て", "childcare")),
        "participation": Theme(names=("市民参加", "civic participation")),
        "disaster": Theme(names=("防災", "disaster preparedness")),
        "opendata": Theme(names=("オープンデータ", "open data")),
        "space": Theme(names=("公共空間", "public space")),
        "pb": Theme(names=("參與式預算", "participatory budgeting")),
        "community": Theme(names=("社區營造", "community building")),
        "opengov": Theme(names=("開放政府", "open government")),
    },
    projects={
        "yokohama": Project(
            paths=("_jirei/ja/yokohama-kosodate.md", "_jirei/en/yokohama-kosodate.md"),
            clients=keys("yokohama"),
            partners=keys("ynu", "hamadata", "kosodate"),
            funders=keys("minato"),
            start=2021, end=2023, ongoing=False,  # 2021年〜2023年
            themes=keys("childcare", "participation"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_JA_POST_YOKOHAMA, _JA_POST_YOKOHAMA_EN)},
        ),
        "kobe": Project(
            paths=("_jirei/ja/kobe-bousai.md", "_jirei/en/kobe-bousai.md"),
            clients=keys("kobe"),
            partners=keys("kobe-u", "hyogo", "rokko"),
            funders=keys("soumu"),
            start=2021, end=2022, ongoing=False,  # 令和3年〜令和4年
            themes=keys("disaster", "opendata"),
            platforms_posts={"Pol.is": (_JA_POST_KOBE, _JA_POST_TWO)},
        ),
        "shibuya": Project(
            paths=("_jirei/ja/shibuya-kouen.md", "_jirei/en/shibuya-kouen.md"),
            clients=keys("shibuya"),
            partners=keys("tokyo", "keio", "shibuya-od"),
            start=2024, ongoing=True,  # 2024年〜
            themes=keys("space", "participation"),
            platforms_page=keys("Your Priorities"),
            platforms_posts={"Your Priorities": (_JA_POST_TWO,)},
        ),
        "taipei": Project(
            paths=("_jirei/zh-tw/taipei-budget.md", "_jirei/en/taipei-budget.md"),
            clients=keys("taipei"),
            partners=keys("ntu", "tod", "goodcitizen"),
            funders=keys("formosa"),
            start=2021, end=2022, ongoing=False,  # 民國110年至111年
            themes=keys("pb"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_JA_POST_TAIPEI,)},
        ),
        "ntpc": Project(
            paths=("_jirei/zh-tw/new-taipei-community.md", "_jirei/en/new-taipei-community.md"),
            clients=keys("ntpc"),
            partners=keys("fju", "ntpc-assoc"),
            funders=keys("ndc"),
            start=2022, end=2023, ongoing=False,  # 2022年～2023年
            themes=keys("community"),
            platforms_posts={"Loomio": (_JA_POST_XINBEI,)},
        ),
        "moda": Project(
            paths=("_jirei/zh-tw/moda-dialogue.md", "_jirei/en/moda-dialogue.md"),
            clients=keys("moda"),
            partners=keys("ey", "tod", "openisland"),
            start=2023, ongoing=True,  # 民國112年起
            themes=keys("opengov"),
            platforms_page=keys("Pol.is"),
            platforms_posts={"Pol.is": (_JA_POST_MODA,)},
        ),
    },
    posts={
        # tied by `jirei:` paths, a shared `ref`, the project's title in a Japanese sentence, `projects:` naming
        # two projects, `{% link %}`, a relative link, `project:` a ref; the conference post is tied to none
        _JA_POST_YOKOHAMA: keys("yokohama", "digital-agency", "kosodate", "hamadata", "ynu", "minato"),
        _JA_POST_YOKOHAMA_EN: keys("yokohama", "kosodate", "ynu", "minato"),
        _JA_POST_KOBE: keys("kobe", "hyogo", "kobe-u", "rokko", "soumu"),
        _JA_POST_TWO: keys("kobe", "shibuya", "tokyo", "keio"),
        _JA_POST_TAIPEI: keys("taipei", "ntu", "utaipei", "tod", "goodcitizen", "formosa"),
        _JA_POST_XINBEI: keys("ntpc", "ntpc-assoc", "fju", "ndc"),
        # "join" is a verb here
        _JA_POST_MODA: keys("moda", "ey", "tod", "openisland"),
        # its Decidim and CONSUL are nobody's
        _JA_POST_KAIGI: keys("osaka", "digital-agency", "hsinchu", "shibuya"),
    },
    persons={
        "田中 美咲": "代表理事",
        "林怡君": "台北辦公室主任",
        "Kenta Sato": "Lead Engineer",
    },
)


# =========================================================================== held out: hr-sr-sl, sw-fr-af
HR = "Croatia"
RS = "Serbia"
SI = "Slovenia"
BA = "Bosnia and Herzegovina"
BG = "Bulgaria"
KE = "Kenya"
SN = "Senegal"
ZA = "South Africa"
GH = "Ghana"
NG = "Nigeria"
UG = "Uganda"
CD = "DR Congo"


# --------------------------------------------------------------------------- hr-sr-sl
_HR_POST_KVARTOVI = "_posts/2021-10-04-kvartovi-biraju-prve-zahvate.md"
_HR_NEWS_ISTRA = "_vijesti/mladi-istre-raspravljaju-u-loomiju.md"
_HR_POST_BEOGRAD = "_posts/2020-01-27-beogradjani-biraju-prve-projekte.md"
_HR_NEWS_OPSTINE = "_vijesti/opstine-biraju-podatke-u-polisu.md"
_HR_POST_LJUBLJANA = "_posts/2023-03-08-what-ljubljanas-districts-asked-for.md"
_HR_POST_CETRTNI = "_posts/2023-05-22-cetrtni-sveti-so-izbrali.md"
_HR_NEWS_SOFIA = "_vijesti/sofiya-glasuva-v-decidim.md"
_HR_POST_TWO = "_posts/2023-06-12-sarajevo-and-zagreb-two-rounds.md"
_HR_POST_RIJEKA = "_posts/2024-10-15-biljeske-s-konferencije-u-rijeci.md"

HR_SR_SL = Site(
    name="hr-sr-sl",
    issue="17",
    own="parcela",
    orgs={
        "parcela": Org(names=("Udruga Parcela", "Parcela"), kind=("ngo",), country=HR),
        # Croatia: "Grad X" (declined in running text) vs "Sveučilište u X" vs "X županija" vs "Općina X";
        # the client is an office of the city, "Grad, Ured za …"
        "zagreb": Org(names=("Grad Zagreb", "City of Zagreb"), text=("Grada Zagreba", "Gradom Zagrebom"), kind=LOCAL,
                      country=HR),
        "zagreb-ured": Org(
            names=("Grad Zagreb, Ured za mjesnu samoupravu", "City of Zagreb, Office for Local Self-Government"),
            text=("Ured za mjesnu samoupravu Grada Zagreba",),
            derived=("Ured za mjesnu samoupravu", "Office for Local Self-Government"),
            country=HR,
            parent="zagreb",
        ),
        "unizg": Org(names=("Sveučilište u Zagrebu", "University of Zagreb"), text=("Sveučilišta u Zagrebu",),
                     kind=("university",), country=HR),
        "moj-kvart": Org(names=("Udruga Moj kvart", "Moj kvart Association"), text=("Udruge Moj kvart",),
                         kind=("ngo",), country=HR),
        "podatkovna": Org(names=("Podatkovna radionica d.o.o.",), kind=("company",), country=HR),
        "lastavica": Org(names=("Zaklada Lastavica", "Lastavica Foundation"), kind=FUNDER, country=HR),
        "zg-zupanija": Org(text=("Zagrebačka županija",), kind=("region",), country=HR),
        "istra": Org(names=("Istarska županija",), text=("Istarske županije",), kind=("region",), country=HR),
        "pula": Org(names=("Grad Pula",), text=("Grada Pule",), kind=("municipality",), country=HR),
        "bale": Org(names=("Općina Bale",), kind=("municipality",), country=HR),
        "unipu": Org(names=("Sveučilište Jurja Dobrile u Puli",), text=("Sveučilišta Jurja Dobrile u Puli",),
                     kind=("university",), country=HR),
        "kazun": Org(names=("Kažun j.d.o.o.",), kind=("company",), country=HR),
        # commas in a ministry's name, not a unit
        "mrms": Org(names=("Ministarstvo rada, mirovinskoga sustava, obitelji i socijalne politike",),
                    kind=("agency",), country=HR),
        # Serbia: one city in Cyrillic on one page, in Latin script on another and in English; declined in both
        "beograd": Org(
            names=("Град Београд", "Grad Beograd", "City of Belgrade"),
            text=("Градом Београдом", "Grada Beograda"),
            kind=LOCAL,
            country=RS,
        ),
        "ub": Org(names=("Универзитет у Београду", "University of Belgrade"), text=("Универзитета у Београду",),
                  kind=("university",), country=RS),
        "komsije": Org(names=("Удружење Комшијска мрежа", "Komšijska mreža Association"),
                       text=("Удружења Комшијска мрежа",), kind=("ngo",), country=RS),
        "infopult": Org(names=("Инфопулт д.о.о.", "Infopult d.o.o."), kind=("company",), country=RS),
        "tocka": Org(names=("Фондација Тачка", "Fondacija Tačka", "Tačka Foundation"), kind=FUNDER, country=RS),
        # an association of municipalities; "Opština" is Serbian for the Croatian "Općina"; kula is also a tower
        "skgo": Org(names=("Stalna konferencija gradova i opština", "Standing Conference of Towns and Municipalities"),
                    text=("SKGO",), kind=ASSOCIATION, country=RS),
        "novisad": Org(names=("Grad Novi Sad", "City of Novi Sad"), text=("Grada Novog Sada",),
                       kind=("municipality",), country=RS),
        "kula": Org(names=("Opština Kula", "Municipality of Kula"), kind=("municipality",), country=RS),
        # Slovenia: "Mestna občina" (a city municipality) declined, vs "Občina"; "bled" is also "pale"
        "ljubljana": Org(
            names=("Mestna občina Ljubljana", "City of Ljubljana"),
            text=("Mestne občine Ljubljana", "Mestno občino Ljubljana"),
            kind=("municipality",),
            country=SI,
        ),
        "unilj": Org(names=("Univerza v Ljubljani", "University of Ljubljana"), text=("Univerze v Ljubljani",),
                     kind=("university",), country=SI),
        "skupni": Org(names=("Društvo Skupni prostor", "Skupni prostor Society"), kind=("ngo",), country=SI),
        "kodirnica": Org(names=("Kodirnica d.o.o.",), kind=("company",), country=SI),
        "mju": Org(names=("Ministrstvo za javno upravo", "Ministry of Public Administration"), kind=("agency",),
                   country=SI),
        "bled": Org(text=("Občina Bled",), kind=("municipality",), country=SI),
        # Bosnia and Herzegovina: "Općina" and "Univerzitet"; a canton named after its town
        "centar": Org(names=("Općina Centar Sarajevo", "Centar Sarajevo Municipality"), kind=("municipality",),
                      country=BA),
        "unsa": Org(names=("Univerzitet u Sarajevu", "University of Sarajevo"), text=("Univerziteta u Sarajevu",),
                    kind=("university",), country=BA),
        "ks": Org(names=("Kanton Sarajevo", "Sarajevo Canton"), kind=("region",), country=BA),
        "infosfera": Org(names=("Infosfera d.d.",), kind=("company",), country=BA),
        "izvor": Org(names=("Fondacija Izvor", "Izvor Foundation"), kind=FUNDER, country=BA),
        # Bulgaria: "Столична община" shares no word with "Sofia Municipality"; the definite article in text;
        # Сдружение/Фондация with their names in quotes; ООД/ЕООД
        "sofia": Org(names=("Столична община", "Sofia Municipality"), text=("Столичната община",),
                     kind=("municipality",), country=BG),
        "su": Org(names=("Софийски университет", "Sofia University"), text=("Софийския университет",),
                  kind=("university",), country=BG),
        "grazhdanska": Org(names=("Сдружение „Гражданска мрежа“", "Civic Network Association"),
                           derived=("Сдружение Гражданска мрежа",), kind=("ngo",), country=BG),
        "danni": Org(names=("Данни за всички ООД", "Danni za vsichki OOD"), kind=("company",), country=BG),
        "svetlina": Org(names=("Фондация „Светлина“", "Svetlina Foundation"), derived=("Фондация Светлина",),
                        kind=FUNDER, country=BG),
        "otvoren": Org(text=("Отворен град ЕООД",), kind=("company",), country=BG),
        # only in the Rijeka conference post (rijeka is also "river"); the ministry in the genitive, with commas
        "rijeka": Org(text=("Grad Rijeka",), kind=("municipality",), country=HR),
        "mpudt": Org(text=("Ministarstva pravosuđa, uprave i digitalne transformacije",), kind=("agency",),
                     country=HR),
        "gradjanski-glas": Org(text=("Udruženje Građanski glas",), kind=("ngo",), country=BA),
        "jadranski": Org(text=("Zaklada Jadranski val",), kind=FUNDER, country=HR),
    },
    themes={
        # `teme:` words, translated on each twin
        "pb": Theme(names=("participativni proračun", "participatory budgeting", "партиципативни буџет",
                           "participativni budžet", "партиципаторно бюджетиране")),
        "local": Theme(names=("mjesna samouprava", "local self-government")),
        "youth": Theme(names=("mladi", "youth")),
        "deliberation": Theme(names=("deliberacija",)),
        "opendata": Theme(names=("отворени подаци", "otvoreni podaci", "open data")),
        "districts": Theme(names=("četrtne skupnosti", "district councils")),
        "space": Theme(names=("javni prostor", "public space")),
    },
    projects={
        "zagreb": Project(
            paths=("_projekti/zagreb-participativni-proracun.md", "_projekti/zagreb-participatory-budget.md"),
            clients=keys("zagreb-ured"),
            partners=keys("unizg", "moj-kvart", "podatkovna"),
            funders=keys("lastavica"),
            start=2021, end=2023, ongoing=False,  # 2021.–2023.
            themes=keys("pb", "local"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_HR_POST_KVARTOVI, _HR_POST_TWO)},
        ),
        "istra": Project(
            # its post's "konzul" is a diplomat
            paths=("_projekti/istarsko-vijece-mladih.md",),
            clients=keys("istra"),
            partners=keys("pula", "bale", "unipu", "kazun"),
            funders=keys("mrms"),
            start=2022, ongoing=True,  # od 2022.
            themes=keys("youth", "deliberation"),
            platforms_posts={"Loomio": (_HR_NEWS_ISTRA,)},
        ),
        "beograd": Project(
            paths=("_projekti/beograd-otvoreni-budzet.md", "_projekti/belgrade-open-budget.md"),
            clients=keys("beograd"),
            partners=keys("ub", "komsije", "infopult"),
            funders=keys("tocka"),
            start=2019, end=2021, ongoing=False,
            themes=keys("pb", "opendata"),
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_HR_POST_BEOGRAD,)},
        ),
        "opstine": Project(
            paths=("_projekti/mreza-otvorenih-opstina.md", "_projekti/open-municipalities-network.md"),
            clients=keys("skgo"),
            partners=keys("beograd", "novisad", "kula"),
            funders=keys("tocka"),
            start=2020, ongoing=True,  # 2020 – danas
            themes=keys("opendata"),
            platforms_posts={"Pol.is": (_HR_NEWS_OPSTINE,)},
        ),
        "ljubljana": Project(
            paths=("_projekti/ljubljana-cetrtne-skupnosti.md", "_projekti/ljubljana-district-priorities.md"),
            clients=keys("ljubljana"),
            partners=keys("unilj", "skupni", "kodirnica"),
            funders=keys("mju"),
            start=2022, end=2023, ongoing=False,
            themes=keys("districts", "space"),
            platforms_page=keys("Your Priorities"),
            platforms_posts={"Your Priorities": (_HR_POST_LJUBLJANA, _HR_POST_CETRTNI)},
        ),
        "sarajevo": Project(
            paths=("_projekti/sarajevo-budzet-za-mlade.md", "_projekti/sarajevo-youth-budget.md"),
            clients=keys("centar"),
            partners=keys("unsa", "ks", "infosfera"),
            funders=keys("izvor"),
            start=2023, end=2024, ongoing=False,  # 2023.–2024.
            themes=keys("youth", "pb"),
            platforms_page=keys("Go Vocal"),
            platforms_posts={"Go Vocal": (_HR_POST_TWO,)},
        ),
        "sofia": Project(
            paths=("_projekti/sofia-grazhdanski-byudzhet.md", "_projekti/sofia-civic-budget.md"),
            clients=keys("sofia"),
            partners=keys("su", "grazhdanska", "danni"),
            funders=keys("svetlina"),
            start=2019, end=2020, ongoing=False,  # 2019–2020 г.
            themes=keys("pb"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_HR_NEWS_SOFIA,)},
        ),
    },
    posts={
        # tied by `projekti:` paths, `{% link %}`, a shared `ref`, a relative link, an absolute link, `projekt:` a
        # ref, a site-absolute link, `projekti:` naming two projects (each one's platform in its own clause);
        # the Rijeka conference post is tied to none
        _HR_POST_KVARTOVI: keys("zagreb", "moj-kvart", "unizg", "zg-zupanija"),
        _HR_NEWS_ISTRA: keys("istra", "pula", "bale", "unipu"),
        _HR_POST_BEOGRAD: keys("beograd", "komsije", "infopult", "tocka"),
        _HR_NEWS_OPSTINE: keys("beograd", "novisad", "kula", "skgo"),
        _HR_POST_LJUBLJANA: keys("ljubljana", "unilj", "skupni", "mju"),
        _HR_POST_CETRTNI: keys("ljubljana", "kodirnica", "bled"),
        _HR_NEWS_SOFIA: keys("sofia", "grazhdanska", "su", "otvoren", "svetlina"),
        _HR_POST_TWO: keys("centar", "unsa", "zagreb", "izvor", "lastavica"),
        # its Decidim, CONSUL and Loomio are nobody's
        _HR_POST_RIJEKA: keys("rijeka", "mpudt", "gradjanski-glas", "jadranski"),
    },
    persons={
        "Ivana Kovačević": "Izvršna direktorica",
        "Марко Петровић": "Руководилац канцеларије у Београду",
        "Nina Zupančič": "Lead Developer",
    },
)


# --------------------------------------------------------------------------- tr-ar-he
TR = "Turkey"
JO = "Jordan"
IL = "Israel"

_TR_POST_ISTANBUL = "_posts/2021-10-04-istanbul-mahalle-butcesi-basladi.md"
_TR_POST_CANKAYA = "_posts/2021-03-08-cankaya-genclik-meclisi-loomioda.md"
_TR_POST_AMMAN = "_posts/2022-05-17-shabab-amman-sawwatu.md"
_TR_POST_BULUSMA = "_posts/2022-11-26-yerel-demokrasi-bulusmasi-notlari.md"
_TR_POST_IZMIR = "_posts/2023-04-12-izmir-climate-assembly-first-proposals.md"
_TR_POST_TWO = "_posts/2023-06-14-amman-ve-cankaya-gencleri.md"
_TR_POST_TLV = "_posts/2023-09-05-sevev-rishon-kol-hashkhuna.md"
_TR_POST_ANTAKYA = "_posts/2024-02-06-a-year-of-neighbourhood-tables-in-antakya.md"

TR_AR_HE = Site(
    name="tr-ar-he",
    issue="17",
    own="kavsak",
    orgs={
        # Ltd. Şti.: a limited company (a consultancy, as its description says)
        "kavsak": Org(names=("Kavşak Sivil Teknoloji Danışmanlık Ltd. Şti.", "Kavşak"), kind=("company",),
                      country=TR),
        # İstanbul: the metropolitan municipality (İBB, defined in a post), a district municipality, a university
        "ibb": Org(names=("İstanbul Büyükşehir Belediyesi", "Istanbul Metropolitan Municipality"), text=("İBB",),
                   kind=LOCAL, country=TR),
        "mkad": Org(names=("Marmara Kent Araştırmaları Derneği", "Marmara Urban Research Association"),
                    kind=("ngo", "research-institute"), country=TR),
        "veri": Org(names=("Veri Atölyesi Yazılım A.Ş.",), text=("Veri Atölyesi",), kind=("company",), country=TR),
        "anadolu": Org(names=("Anadolu Sivil Toplum Vakfı", "Anadolu Civil Society Foundation"), kind=FUNDER,
                       country=TR),
        "beyoglu": Org(text=("Beyoğlu Belediyesi",), kind=("municipality",), country=TR),
        "marmara-uni": Org(text=("Marmara Üniversitesi",), kind=("university",), country=TR),
        # İzmir: the client is a department of the metropolitan municipality ("Municipality, Department");
        # the governorship and a district governorate are the state's, not the city's; two universities of the
        # city; "Körfez" (gulf) and "Kordon" (the waterfront) are words and places too
        "izmir": Org(names=("İzmir Büyükşehir Belediyesi", "Izmir Metropolitan Municipality"), kind=LOCAL,
                     country=TR),
        "izmir-smart": Org(
            names=("İzmir Büyükşehir Belediyesi, Akıllı Şehir Dairesi Başkanlığı",
                   "Izmir Metropolitan Municipality, Smart City Department"),
            text=("İzmir Büyükşehir Belediyesi'nin Akıllı Şehir Dairesi Başkanlığı",
                  "Smart City Department of the Izmir Metropolitan Municipality"),
            derived=("Akıllı Şehir Dairesi Başkanlığı", "Smart City Department"),
            country=TR,
            parent="izmir",
        ),
        "ieu": Org(names=("İzmir Ekonomi Üniversitesi", "Izmir University of Economics"), kind=("university",),
                   country=TR),
        "korfez": Org(names=("Körfez Kadın Kooperatifi", "Körfez Women's Cooperative"), kind=COOP, country=TR),
        "egekod": Org(names=("Ege Sivil Kod Derneği", "Aegean Civic Code Association"), kind=("ngo",), country=TR),
        "kordon": Org(names=("Kordon Toplum Vakfı", "Kordon Community Foundation"), kind=FUNDER, country=TR),
        "izmir-val": Org(text=("İzmir Valiliği", "İzmir Governor's Office"), kind=("agency",), country=TR),
        "bornova-kay": Org(text=("Bornova Kaymakamlığı",), kind=("agency",), country=TR),
        "ege-uni": Org(text=("Ege University",), kind=("university",), country=TR),
        # Ankara: a district municipality, the city's university and a foundation named after the city; the
        # metropolitan municipality, the governorship and the district governorate only in a post
        "cankaya": Org(names=("Çankaya Belediyesi", "Çankaya Municipality"), kind=("municipality",), country=TR),
        "ankara-uni": Org(names=("Ankara Üniversitesi", "Ankara University"), kind=("university",), country=TR),
        "bgm": Org(names=("Başkent Gençlik Meclisi Derneği", "Capital Youth Council Association"), kind=("ngo",),
                   country=TR),
        "akv": Org(names=("Ankara Katılım Vakfı", "Ankara Participation Foundation"), kind=FUNDER, country=TR),
        "abb": Org(text=("Ankara Büyükşehir Belediyesi",), kind=LOCAL, country=TR),
        "cankaya-kay": Org(text=("Çankaya Kaymakamlığı",), kind=("agency",), country=TR),
        "ankara-val": Org(text=("Ankara Valiliği",), kind=("agency",), country=TR),
        # Amman: Arabic, English and Turkish names on three twins, reordered; أمانة عمّان is the city's own name
        "gam": Org(names=("بلدية عمّان الكبرى", "Greater Amman Municipality", "Büyük Amman Belediyesi"),
                   text=("أمانة عمّان",), kind=LOCAL, country=JO),
        "uj": Org(names=("الجامعة الأردنية", "University of Jordan", "Ürdün Üniversitesi"), kind=("university",),
                  country=JO),
        "ayvs": Org(names=("جمعية شباب عمّان للتطوع", "Amman Youth Volunteering Society",
                           "Amman Gençlik Gönüllüleri Derneği"), kind=("ngo",), country=JO),
        "sharq": Org(names=("مؤسسة الشرق للمجتمع المدني", "Al-Sharq Foundation for Civil Society",
                            "Al-Sharq Sivil Toplum Vakfı"), kind=FUNDER, country=JO),
        "mola": Org(text=("وزارة الإدارة المحلية",), kind=("agency",), country=JO),
        "bau": Org(text=("جامعة البلقاء التطبيقية",), kind=("university",), country=JO),
        # Tel Aviv-Yafo: the municipality and the university of the same city; an amuta (ע"ר), a בע"מ company
        "tlv": Org(names=("עיריית תל אביב-יפו", "Tel Aviv-Yafo Municipality", "Tel Aviv-Yafo Belediyesi"),
                   kind=("municipality",), country=IL),
        "tau": Org(names=("אוניברסיטת תל אביב", "Tel Aviv University", "Tel Aviv Üniversitesi"),
                   kind=("university",), country=IL),
        "shkhuna": Org(names=('שכונה פתוחה (ע"ר)', "Open Neighbourhood Association", "Açık Mahalle Derneği"),
                       text=("עמותת שכונה פתוחה",), kind=("ngo",), country=IL),
        "netunei": Org(names=('נתוני עיר בע"מ', "Netunei Ir Ltd."), kind=("company",), country=IL),
        "yarkon": Org(names=("קרן ירקון לחברה אזרחית", "Yarkon Fund for Civil Society", "Yarkon Sivil Toplum Fonu"),
                      kind=FUNDER, country=IL),
        "moin": Org(text=("משרד הפנים",), kind=("agency",), country=IL),
        # Hatay: a research centre of the university holds the role; "Defne" is a cooperative, a district
        # municipality of the same province and a laurel; "Umut" is hope
        "hatay": Org(names=("Hatay Büyükşehir Belediyesi",), text=("Hatay Metropolitan Municipality",), kind=LOCAL,
                     country=TR),
        "mku": Org(names=("Hatay Mustafa Kemal Üniversitesi",), kind=("university",), country=TR),
        "mku-afet": Org(
            names=("Hatay Mustafa Kemal Üniversitesi, Afet Yönetimi Uygulama ve Araştırma Merkezi",),
            text=("Hatay Mustafa Kemal Üniversitesi'nin Afet Yönetimi Uygulama ve Araştırma Merkezi",),
            derived=("Afet Yönetimi Uygulama ve Araştırma Merkezi",),
            country=TR,
            parent="mku",
        ),
        "defne": Org(names=("Defne Dayanışma Kooperatifi",), text=("Defne Solidarity Cooperative",), kind=COOP,
                     country=TR),
        "umut": Org(names=("Umut Köprüsü Vakfı",), kind=FUNDER, country=TR),
        "defne-bel": Org(text=("Defne Belediyesi", "Defne Municipality"), kind=("municipality",), country=TR),
        # only in the post on a meeting in Gaziantep
        "gaziantep": Org(text=("Gaziantep Büyükşehir Belediyesi",), kind=LOCAL, country=TR),
        "tbb": Org(text=("Türkiye Belediyeler Birliği",), kind=ASSOCIATION, country=TR),
        "kadikoy": Org(text=("Kadıköy Belediyesi",), kind=("municipality",), country=TR),
    },
    themes={
        # `temalar:` words, translated on each twin
        "pb": Theme(names=("katılımcı bütçe", "participatory budgeting", "الموازنة التشاركية")),
        "opendata": Theme(names=("açık veri", "open data", "מידע פתוח")),
        "climate": Theme(names=("iklim", "climate")),
        "planning": Theme(names=("kent planlama", "urban planning")),
        "youth": Theme(names=("gençlik", "youth", "الشباب")),
        "postdisaster": Theme(names=("afet sonrası",)),
        "neighbourhood": Theme(names=("mahalle", "neighbourhoods", "שכונות")),
    },
    projects={
        "istanbul": Project(
            paths=("_projeler/istanbul-mahalle-butcesi.md", "_projeler/istanbul-mahalle-butcesi.en.md"),
            clients=keys("ibb"),
            partners=keys("mkad", "veri"),
            funders=keys("anadolu"),
            start=2021, end=2023, ongoing=False,
            themes=keys("pb", "opendata"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_TR_POST_ISTANBUL,)},
        ),
        "izmir": Project(
            paths=("_projeler/izmir-iklim-meclisi.md", "_projeler/izmir-iklim-meclisi.en.md"),
            clients=keys("izmir-smart"),
            partners=keys("ieu", "korfez", "egekod"),
            funders=keys("kordon"),
            start=2022, ongoing=True,  # 2022'den beri / since 2022
            themes=keys("climate", "planning"),
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_TR_POST_IZMIR,)},
        ),
        "cankaya": Project(
            # Loomio is said in the page's text ("Loomio'da", "Loomio'yu"), under no key
            paths=("_projeler/cankaya-genclik-meclisi.md", "_projeler/cankaya-genclik-meclisi.en.md"),
            clients=keys("cankaya"),
            partners=keys("ankara-uni", "bgm"),
            funders=keys("akv"),
            start=2020, end=2021, ongoing=False,
            themes=keys("youth"),
            platforms_page=keys("Loomio"),
            platforms_posts={"Loomio": (_TR_POST_CANKAYA, _TR_POST_TWO)},
        ),
        "amman": Project(
            paths=("_projeler/amman-genclik-butcesi.md", "_projeler/amman-genclik-butcesi.en.md",
                   "_projeler/amman-genclik-butcesi.ar.md"),
            clients=keys("gam"),
            partners=keys("uj", "ayvs"),
            funders=keys("sharq"),
            start=2021, end=2023, ongoing=False,  # ٢٠٢١–٢٠٢٣ on the Arabic twin
            themes=keys("youth", "pb"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_TR_POST_AMMAN, _TR_POST_TWO)},
        ),
        "telaviv": Project(
            paths=("_projeler/tel-aviv-mahalle-sesi.md", "_projeler/tel-aviv-mahalle-sesi.en.md",
                   "_projeler/tel-aviv-mahalle-sesi.he.md"),
            clients=keys("tlv"),
            partners=keys("tau", "shkhuna", "netunei"),
            funders=keys("yarkon"),
            start=2023, ongoing=True,  # 2023'ten beri / 2023–present / 2023 ואילך
            themes=keys("neighbourhood", "opendata"),
            platforms_page=keys("Pol.is"),
            platforms_posts={"Pol.is": (_TR_POST_TLV,)},
        ),
        "antakya": Project(
            # its platform only in an English post that names its Turkish title; that post's consul is a diplomat
            paths=("_projeler/antakya-mahalle-masasi.md",),
            clients=keys("hatay"),
            partners=keys("mku-afet", "defne"),
            funders=keys("umut"),
            start=2023, end=2024, ongoing=False,
            themes=keys("postdisaster", "neighbourhood"),
            platforms_posts={"Your Priorities": (_TR_POST_ANTAKYA,)},
        ),
    },
    posts={
        # tied by `projeler:` paths, a relative link, `{% link %}` (Arabic), a shared `ref`, `projeler:` naming
        # two projects (each one's platform in its own sentence), an absolute link (Hebrew), the project's
        # Turkish title in an English post; the meeting post is tied to none (its platforms are nobody's)
        _TR_POST_ISTANBUL: keys("ibb", "beyoglu", "mkad", "marmara-uni", "veri", "anadolu"),
        _TR_POST_CANKAYA: keys("cankaya", "abb", "cankaya-kay", "ankara-val", "ankara-uni", "bgm"),
        _TR_POST_AMMAN: keys("gam", "mola", "bau", "ayvs", "uj", "sharq"),
        _TR_POST_BULUSMA: keys("gaziantep", "tbb", "kadikoy", "ibb"),
        _TR_POST_IZMIR: keys("izmir", "izmir-val", "bornova-kay", "ieu", "ege-uni", "korfez"),
        _TR_POST_TWO: keys("gam", "cankaya", "uj", "bgm"),
        _TR_POST_TLV: keys("tlv", "moin", "tau", "shkhuna", "yarkon"),
        _TR_POST_ANTAKYA: keys("hatay", "defne-bel", "defne", "umut", "mku"),
    },
    persons={
        "Elif Yıldırım": "Kurucu Ortak",
        "İsmail Işık": "Yazılım Geliştirici",
        "ليلى منصور": "مديرة مكتب عمّان",
    },
)


# --------------------------------------------------------------------------- sw-fr-af
_SW_DATA = "_data/miradi.yml"
_SW_POST_MAKUENI = "_posts/2021-08-16-wakazi-wa-makueni-wapendekeza-miradi.md"
_SW_POST_MAKUENI_EN = "_posts/2022-02-10-what-two-budget-cycles-taught-makueni.md"
_SW_POST_NAIROBI = "_posts/2023-05-03-first-hearings-in-every-ward.md"
_SW_POST_TWO = "_posts/2023-11-20-makueni-na-nairobi-mwaka-mmoja-baadaye.md"
_SW_POST_DAKAR = "_posts/2022-06-13-dakar-vote-son-budget.md"
_SW_POST_SAINT_LOUIS = "_posts/2023-09-25-saint-louis-ou-leau-monte.md"
_SW_POST_KAAPSTAD = "_posts/2022-03-21-waterforums-praat-verder.md"
_SW_POST_ACCRA = "_posts/2024-02-19-accra-traders-set-the-market-budget.md"
_SW_POST_SEMAINE = "_posts/2024-11-28-notes-de-la-semaine-civic-tech-de-dakar.md"

SW_FR_AF = Site(
    name="sw-fr-af",
    issue="17",
    own="duara",
    orgs={
        # "a network … registered in Kenya as a trust"
        "duara": Org(names=("Duara Civic Tech Network", "Duara"), kind=("network", "ngo"), country=KE),
        # Kenya: county governments (the devolved level) in English and Swahili; the county vs the university
        # named after the same town; Nairobi is a city county
        "makueni": Org(names=("County Government of Makueni", "Serikali ya Kaunti ya Makueni"),
                       text=("Kaunti ya Makueni",), kind=("region",), country=KE),
        "machakos-uni": Org(names=("Machakos University", "Chuo Kikuu cha Machakos"), kind=("university",),
                            country=KE),
        "machakos": Org(text=("County Government of Machakos",), kind=("region",), country=KE),
        "mbooni": Org(names=("Mbooni Youth Voices CBO",), kind=("ngo",), country=KE),
        "tausi": Org(names=("Tausi Data Ltd",), kind=("company",), country=KE),
        "mwangaza": Org(names=("Mwangaza Trust",), kind=FUNDER, country=KE),
        "kictanet": Org(text=("Kenya ICT Action Network", "KICTANet"), kind=ASSOCIATION, country=KE),
        "nairobi": Org(names=("Nairobi City County", "Kaunti ya Jiji la Nairobi"), kind=LOCAL, country=KE),
        "uon": Org(names=("University of Nairobi", "Chuo Kikuu cha Nairobi"), kind=("university",), country=KE),
        # not among the platforms the README lists: the organisation ("the Nairobi non-profit that built the
        # crisis-mapping software of the same name"), a partner of one project
        "ushahidi": Org(names=("Ushahidi",), kind=("ngo",), country=KE),
        "mtaa": Org(names=("Mtaa Maps Ltd",), kind=("company",), country=KE),
        "nyota": Org(names=("Nyota Foundation", "Wakfu wa Nyota"), kind=FUNDER, country=KE),
        # Senegal: "Mairie de", "Ville de", "Commune de", "Conseil départemental de"; GIE, SARL; a ministry with
        # commas; Saint-Louis is Senegal's, not Missouri's
        "dakar": Org(names=("Mairie de Dakar", "City of Dakar"), text=("Ville de Dakar",), kind=("municipality",),
                     country=SN),
        "ucad": Org(names=("Université Cheikh Anta Diop de Dakar", "Cheikh Anta Diop University"),
                    text=("Université Cheikh Anta Diop", "UCAD"), kind=("university",), country=SN),
        "ngor": Org(names=("Commune de Ngor", "Ngor Municipality"), kind=("municipality",), country=SN),
        "jang": Org(names=("GIE Jàng Data",), kind=COOP, country=SN),
        "sunu": Org(names=("Sunu Code SARL",), kind=("company",), country=SN),
        "teranga": Org(names=("Fondation Teranga pour la participation", "Teranga Foundation for Participation"),
                       kind=FUNDER, country=SN),
        "saint-louis": Org(names=("Ville de Saint-Louis", "City of Saint-Louis"), kind=("municipality",),
                           country=SN),
        "ugb": Org(names=("Université Gaston Berger", "Gaston Berger University"), kind=("university",), country=SN),
        "cdsl": Org(names=("Conseil départemental de Saint-Louis", "Saint-Louis Departmental Council"),
                    kind=("region",), country=SN),
        "ndar": Org(names=("Association Ndar Numérique", "Ndar Numérique Association"), kind=("ngo",), country=SN),
        # a Brussels ASBL in a Senegalese project
        "ouvrons": Org(names=("Ouvrons la Ville ASBL",), kind=("ngo",), country=BE),
        "mctat": Org(
            names=("Ministère des Collectivités territoriales, de l'Aménagement et du Développement des territoires",
                   "Ministry of Local Authorities, Planning and Territorial Development"),
            kind=("agency",),
            country=SN,
        ),
        # South Africa: "Stad Kaapstad" is the City of Cape Town; (Pty) Ltd / (Edms) Bpk; NPC; stigting
        "cape-town": Org(names=("City of Cape Town", "Stad Kaapstad"), kind=("municipality",), country=ZA),
        "sun": Org(names=("Stellenbosch University", "Universiteit Stellenbosch"), kind=("university",), country=ZA),
        "ccd": Org(names=("Cape Civic Data (Pty) Ltd", "Kaapse Burgerdata (Edms) Bpk"), kind=("company",),
                   country=ZA),
        "mpwf": Org(names=("Mitchells Plain Water Forum NPC",), kind=("ngo",), country=ZA),
        "fynbos": Org(names=("Fynbos Foundation for Democracy", "Fynbos-stigting vir Demokrasie"), kind=FUNDER,
                      country=ZA),
        # Ghana: Metropolitan vs Municipal Assembly; PLC; a ministry with commas
        "ama": Org(names=("Accra Metropolitan Assembly",), text=("AMA",), kind=("municipality",), country=GH),
        "ashaiman": Org(names=("Ashaiman Municipal Assembly",), kind=("municipality",), country=GH),
        "ug": Org(names=("University of Ghana",), kind=("university",), country=GH),
        "makola": Org(names=("Makola Market Traders Association",), kind=ASSOCIATION, country=GH),
        "adinkra": Org(names=("Adinkra Digital PLC",), kind=("company",), country=GH),
        "mlgdrd": Org(names=("Ministry of Local Government, Decentralisation and Rural Development",),
                      kind=("agency",), country=GH),
        # only in the Dakar conference post
        "lagos": Org(text=("Lagos State Government",), kind=("region",), country=NG),
        "kcca": Org(text=("Kampala Capital City Authority",), kind=("municipality", "agency"), country=UG),
        "rkn": Org(text=("Réseau Kinshasa Numérique ASBL",), kind=ASSOCIATION, country=CD),
        "mcten": Org(text=("Ministère de la Communication, des Télécommunications et de l'Économie numérique",),
                     kind=("agency",), country=SN),
        "rufisque": Org(text=("Conseil départemental de Rufisque",), kind=("region",), country=SN),
    },
    themes={
        # `mada:` words, translated on each twin record
        "pb": Theme(names=("participatory budgeting", "bajeti shirikishi", "budget participatif")),
        "devolution": Theme(names=("devolution", "ugatuzi")),
        "participation": Theme(names=("public participation", "ushiriki wa umma")),
        "hearings": Theme(names=("budget hearings", "vikao vya bajeti")),
        "youth": Theme(names=("youth", "jeunesse")),
        "climate": Theme(names=("climate", "climat")),
        "floods": Theme(names=("flooding", "inondations")),
        "water": Theme(names=("water",)),
        "wards": Theme(names=("ward committees", "wykskomitees")),
        "markets": Theme(names=("markets",)),
        "localgov": Theme(names=("local government",)),
    },
    projects={
        # records of _data/miradi.yml, one per language, sharing `ref`
        "makueni": Project(
            data=(_SW_DATA, "Makueni participatory budgeting, online and in the wards"),
            clients=keys("makueni"),
            partners=keys("machakos-uni", "mbooni", "tausi"),
            funders=keys("mwangaza"),
            start=2021, end=2023, ongoing=False,  # 2021–2023 / 2021 hadi 2023
            themes=keys("pb", "devolution"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_SW_POST_MAKUENI, _SW_POST_MAKUENI_EN, _SW_POST_TWO)},
        ),
        "nairobi": Project(
            data=(_SW_DATA, "Sikiliza Nairobi"),
            clients=keys("nairobi"),
            partners=keys("uon", "ushahidi", "mtaa"),
            funders=keys("nyota"),
            start=2023, ongoing=True,  # since 2023 / tangu 2023
            themes=keys("participation", "hearings"),
            platforms_page=keys("Pol.is"),
            platforms_posts={"Pol.is": (_SW_POST_NAIROBI, _SW_POST_TWO)},
        ),
        "dakar": Project(
            data=(_SW_DATA, "Budget participatif de Dakar"),
            clients=keys("dakar"),
            partners=keys("ucad", "ngor", "jang", "sunu"),
            funders=keys("teranga"),
            start=2022, end=2024, ongoing=False,  # de 2022 à 2024
            themes=keys("pb", "youth"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_SW_POST_DAKAR,)},
        ),
        "saint-louis": Project(
            # its post's consul is Belgium's honorary consul
            data=(_SW_DATA, "Concertation sur les inondations à Saint-Louis"),
            clients=keys("saint-louis"),
            partners=keys("ugb", "cdsl", "ndar", "ouvrons"),
            funders=keys("mctat"),
            start=2023, end=2023, ongoing=False,
            themes=keys("climate", "floods"),
            platforms_posts={"Loomio": (_SW_POST_SAINT_LOUIS,)},
        ),
        "cape-town": Project(
            data=(_SW_DATA, "Cape Town ward water forums"),
            clients=keys("cape-town"),
            partners=keys("sun", "ccd", "mpwf"),
            funders=keys("fynbos"),
            start=2020, end=2022, ongoing=False,  # 2020–2022 / 2020 tot 2022
            themes=keys("water", "wards"),
            platforms_page=keys("Go Vocal"),
            platforms_posts={"Go Vocal": (_SW_POST_KAAPSTAD,)},
        ),
        "accra": Project(
            data=(_SW_DATA, "Accra market traders' assemblies"),
            clients=keys("ama"),
            partners=keys("ashaiman", "ug", "makola", "adinkra"),
            funders=keys("mlgdrd"),
            start=2023, end=2024, ongoing=False,
            themes=keys("markets", "localgov"),
            platforms_posts={"Your Priorities": (_SW_POST_ACCRA,)},
        ),
    },
    posts={
        # tied by `mradi:` a ref, a shared `ref`, the project's title (en, fr), `miradi:` naming two projects
        # (each one's platform in its own clause), `projet:` a ref, `projects:` a ref; the conference post is
        # tied to none
        _SW_POST_MAKUENI: keys("makueni", "mbooni", "machakos-uni", "mwangaza"),
        _SW_POST_MAKUENI_EN: keys("makueni", "tausi", "kictanet", "machakos"),
        _SW_POST_NAIROBI: keys("nairobi", "ushahidi", "mtaa", "uon", "nyota"),
        _SW_POST_TWO: keys("makueni", "nairobi", "mwangaza", "nyota"),
        _SW_POST_DAKAR: keys("dakar", "ngor", "ucad", "sunu", "jang", "teranga"),
        _SW_POST_SAINT_LOUIS: keys("saint-louis", "cdsl", "ugb", "ndar", "ouvrons"),
        _SW_POST_KAAPSTAD: keys("cape-town", "sun", "ccd", "mpwf", "fynbos"),
        _SW_POST_ACCRA: keys("ama", "makola", "adinkra", "ug", "ashaiman"),
        # its Decidim and CONSUL are nobody's
        _SW_POST_SEMAINE: keys("ushahidi", "lagos", "kcca", "rkn", "mcten", "rufisque"),
    },
    persons={
        "Wanjiru Kamau": "Mkurugenzi Mtendaji",
        "Awa Ndiaye": "Coordinatrice pour l'Afrique de l'Ouest",
        "Pieter van Wyk": "Data-ingenieur",
    },
)


# --------------------------------------------------------------------------- ko-vi-id
KR = "South Korea"
VN = "Vietnam"
ID = "Indonesia"
TH = "Thailand"
MY = "Malaysia"

_KO_DATA = "_data/proyek.yml"
_KO_POST_SEOUL = "_posts/2021-09-01-seoul-cheongnyeon-chamyeoyesan-sijak.md"
_KO_POST_DANANG = "_posts/2022-10-15-cong-gop-y-quy-hoach-sau-thang.md"
_KO_POST_BANDUNG = "_posts/2021-04-20-musrenbang-digital-bandung-dibuka.md"
_KO_POST_JAKARTA = "_posts/2023-08-30-jakarta-complaints-channel-first-months.md"
_KO_POST_BANGKOK = "_posts/2022-07-10-siang-khlong-krungthep.md"
_KO_POST_TWO = "_posts/2024-03-12-seoul-and-bangkok-what-we-learned.md"
_KO_POST_TEMU = "_posts/2025-01-20-catatan-temu-civic-tech-kuala-lumpur.md"

KO_VI_ID = Site(
    name="ko-vi-id",
    issue="17",
    own="jembatan",
    orgs={
        # Perkumpulan: an association, here of civic-tech communities
        "jembatan": Org(names=("Perkumpulan Jembatan Warga Asia Pasifik", "Jembatan Warga"), kind=ASSOCIATION,
                        country=ID),
        # Seoul: particles glued to the names (서울특별시는, 서울시의, 서울대학교에서); the city council
        # (서울특별시의회) is not the city's genitive (서울특별시의); 사단법인 / 주식회사 / 재단법인 before the name
        "seoul": Org(names=("서울특별시", "Seoul Metropolitan Government"), text=("서울시",), kind=LOCAL, country=KR),
        "snu": Org(names=("서울대학교", "Seoul National University"), kind=("university",), country=KR),
        "cdi": Org(names=("사단법인 시민데이터연구소", "Citizen Data Institute"), kind=("ngo", "research-institute"),
                   country=KR),
        "hanbit": Org(names=("주식회사 한빛소프트랩", "Hanbit Softlab Inc."), text=("Hanbit Softlab",),
                      kind=("company",), country=KR),
        "bareun": Org(names=("재단법인 바른길공익재단", "Bareungil Public Interest Foundation"), kind=FUNDER,
                      country=KR),
        "mapo": Org(text=("마포구청",), kind=("municipality",), country=KR),
        "smc": Org(text=("서울특별시의회",), country=KR),
        "mois": Org(text=("행정안전부",), kind=("agency",), country=KR),
        # Da Nang: UBND (the People's Committee) under three spellings, "TP." for thành phố; a Sở (department)
        # and a Bộ (ministry) sharing their words; the university named after the city; "Danang" in one word
        "danang": Org(names=("UBND thành phố Đà Nẵng", "Da Nang People's Committee"),
                      text=("Ủy ban nhân dân thành phố Đà Nẵng", "UBND TP. Đà Nẵng"), kind=LOCAL, country=VN),
        "udn": Org(names=("Đại học Đà Nẵng", "University of Danang"), kind=("university",), country=VN),
        "dic": Org(names=("Sở Thông tin và Truyền thông Đà Nẵng", "Da Nang Department of Information and Communications"),
                   kind=("agency",), country=VN),
        "songhan": Org(names=("Công ty Cổ phần Giải pháp Số Sông Hàn", "Song Han Digital Solutions JSC"),
                       kind=("company",), country=VN),
        "cisf": Org(names=("Quỹ Hỗ trợ Sáng kiến Cộng đồng", "Community Initiatives Support Fund"), kind=FUNDER,
                    country=VN),
        "mic": Org(text=("Bộ Thông tin và Truyền thông",), kind=("agency",), country=VN),
        # Bandung: the city government (Pemkot) and the institute of technology named after it; PT … Tbk
        "bandung": Org(names=("Pemerintah Kota Bandung", "Bandung City Government"), text=("Pemkot Bandung",),
                       kind=("municipality",), country=ID),
        "itb": Org(names=("Institut Teknologi Bandung", "Bandung Institute of Technology"), text=("ITB",),
                   kind=("university",), country=ID),
        "pwcb": Org(names=("Perkumpulan Warga Cerdas Bandung", "Bandung Smart Citizens Association"), kind=("ngo",),
                    country=ID),
        "sinergi": Org(names=("PT Sinergi Data Nusantara Tbk",), kind=("company",), country=ID),
        "ydwn": Org(names=("Yayasan Dana Warga Nusantara", "Nusantara Citizens' Fund Foundation"), kind=FUNDER,
                    country=ID),
        "diskominfo-bdg": Org(text=("Dinas Komunikasi dan Informatika Kota Bandung",), kind=("agency",), country=ID),
        # Jakarta: the client is a department of the province whose own name has commas; JSC defined in a post
        "jakarta": Org(names=("Pemprov DKI Jakarta", "Jakarta Provincial Government"), kind=LOCAL, country=ID),
        "diskominfotik": Org(
            names=("Pemprov DKI Jakarta, Dinas Komunikasi, Informatika dan Statistik",
                   "Jakarta Provincial Government, Department of Communication, Informatics and Statistics"),
            text=("Department of Communication, Informatics and Statistics", "Diskominfotik"),
            derived=("Dinas Komunikasi, Informatika dan Statistik",),
            country=ID,
            parent="jakarta",
        ),
        "jsc": Org(names=("Jakarta Smart City",), text=("JSC",), kind=("agency",), country=ID),
        "ui": Org(names=("Universitas Indonesia", "University of Indonesia"), kind=("university",), country=ID),
        "kkk": Org(names=("Perkumpulan Kawan Kampung Kota", "Kawan Kampung Kota Association"), kind=("ngo",),
                   country=ID),
        "kemendagri": Org(names=("Kementerian Dalam Negeri", "Ministry of Home Affairs"), kind=("agency",),
                          country=ID),
        "bappeda": Org(text=("Regional Development Planning Agency", "Bappeda"), kind=("agency",), country=ID),
        # Bangkok: Thai names run together with the words around them; บริษัท … จำกัด is a company
        "bma": Org(names=("กรุงเทพมหานคร", "Bangkok Metropolitan Administration"), kind=LOCAL, country=TH),
        "chula": Org(names=("จุฬาลงกรณ์มหาวิทยาลัย", "Chulalongkorn University"), kind=("university",), country=TH),
        "fotc": Org(names=("มูลนิธิเพื่อนคลอง", "Friends of the Canals Foundation"), kind=("ngo",), country=TH),
        "khlong": Org(names=("บริษัท คลองดิจิทัล จำกัด", "Khlong Digital Co., Ltd."), text=("Khlong Digital",),
                      kind=("company",), country=TH),
        "lcf": Org(names=("กองทุนเมืองน่าอยู่", "Livable City Fund"), kind=FUNDER, country=TH),
        "tu": Org(text=("มหาวิทยาลัยธรรมศาสตร์",), kind=("university",), country=TH),
        # Penang (Malay): Majlis Bandaraya is a city council; Universiti, not Universitas
        "mbpp": Org(names=("Majlis Bandaraya Pulau Pinang", "Penang Island City Council"), kind=("municipality",),
                    country=MY),
        "usm": Org(names=("Universiti Sains Malaysia",), kind=("university",), country=MY),
        "pbdpp": Org(names=("Persatuan Belia Digital Pulau Pinang", "Penang Digital Youth Association"),
                     kind=("ngo",), country=MY),
        # only in the post on a meeting in Kuala Lumpur
        "mbpj": Org(text=("Majlis Bandaraya Petaling Jaya", "MBPJ"), kind=("municipality",), country=MY),
        "um": Org(text=("Universiti Malaya",), kind=("university",), country=MY),
        "komdigi": Org(text=("Kementerian Komunikasi dan Digital",), kind=("agency",), country=ID),
        "hcmc": Org(text=("UBND TP. Hồ Chí Minh",), kind=LOCAL, country=VN),
    },
    themes={
        # `isu:` words, translated on each English record
        "pb": Theme(names=("참여예산", "participatory budgeting")),
        "youth": Theme(names=("청년", "youth", "belia")),
        "planning": Theme(names=("quy hoạch đô thị", "urban planning")),
        "pplanning": Theme(names=("perencanaan partisipatif", "participatory planning")),
        "services": Theme(names=("layanan publik", "public services")),
        "canals": Theme(names=("คลองและน้ำ", "canals and water")),
        "space": Theme(names=("พื้นที่สาธารณะ", "public space")),
    },
    projects={
        # each project is two records of one data file sharing a `ref`: one in its own language, one in English
        "seoul": Project(
            data=(_KO_DATA, "서울 청년 참여예산 플랫폼", "Seoul Youth Participatory Budget Platform"),
            clients=keys("seoul"),
            partners=keys("snu", "cdi", "hanbit"),
            funders=keys("bareun"),
            start=2021, end=2023, ongoing=False,  # 2021년~2023년
            themes=keys("pb", "youth"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_KO_POST_SEOUL, _KO_POST_TWO)},
        ),
        "danang": Project(
            data=(_KO_DATA, "Cổng góp ý quy hoạch Đà Nẵng", "Da Nang Planning Feedback Portal"),
            clients=keys("danang"),
            partners=keys("udn", "dic", "songhan"),
            funders=keys("cisf"),
            start=2022, ongoing=True,  # từ năm 2022 / since 2022
            themes=keys("planning"),
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_KO_POST_DANANG,)},
        ),
        "bandung": Project(
            data=(_KO_DATA, "Musrenbang Digital Kota Bandung", "Bandung Digital Development Planning"),
            clients=keys("bandung"),
            partners=keys("itb", "pwcb", "sinergi"),
            funders=keys("ydwn"),
            start=2020, end=2022, ongoing=False,
            themes=keys("pplanning"),
            platforms_page=keys("Your Priorities"),
            platforms_posts={"Your Priorities": (_KO_POST_BANDUNG,)},
        ),
        "jakarta": Project(
            # no platform on its records; Loomio only in the post tied to it
            data=(_KO_DATA, "Kanal Aduan Warga Jakarta", "Jakarta Citizen Complaints Channel"),
            clients=keys("diskominfotik"),
            partners=keys("jsc", "ui", "kkk"),
            funders=keys("kemendagri"),
            start=2023, ongoing=True,  # 2023–sekarang / 2023–present
            themes=keys("services"),
            platforms_posts={"Loomio": (_KO_POST_JAKARTA,)},
        ),
        "bangkok": Project(
            data=(_KO_DATA, "เสียงคลองกรุงเทพฯ", "Bangkok Canal Voices"),
            clients=keys("bma"),
            partners=keys("chula", "fotc", "khlong"),
            funders=keys("lcf"),
            start=2022, end=2023, ongoing=False,  # พ.ศ. 2565–2566 (Buddhist era)
            themes=keys("canals", "space"),
            platforms_page=keys("Pol.is"),
            platforms_posts={"Pol.is": (_KO_POST_BANGKOK, _KO_POST_TWO)},
        ),
        "penang": Project(
            data=(_KO_DATA, "Suara Belia Pulau Pinang", "Penang Youth Voice"),
            clients=keys("mbpp"),
            partners=keys("usm", "pbdpp"),
            start=2024, end=2024, ongoing=False,
            themes=keys("youth"),
            platforms_page=keys("Loomio"),
        ),
    },
    posts={
        # tied by `proyek:` (a ref), a shared `ref`, the project's title in an Indonesian sentence, `terkait:`
        # (a ref of several words), the Thai title inside an unspaced Thai sentence, `proyek:` naming two projects
        # (each one's platform in its own sentence); the meeting post is tied to none (its platforms are nobody's)
        _KO_POST_SEOUL: keys("seoul", "snu", "mapo", "smc", "cdi", "hanbit", "mois", "bareun"),
        _KO_POST_DANANG: keys("danang", "dic", "udn", "mic", "songhan", "cisf"),
        _KO_POST_BANDUNG: keys("bandung", "itb", "pwcb", "diskominfo-bdg", "sinergi", "ydwn"),
        _KO_POST_JAKARTA: keys("jsc", "jakarta", "diskominfotik", "bappeda", "ui", "kkk", "kemendagri"),
        _KO_POST_BANGKOK: keys("bma", "chula", "tu", "fotc", "khlong", "lcf"),
        _KO_POST_TWO: keys("seoul", "bma", "snu", "chula", "hanbit", "khlong"),
        _KO_POST_TEMU: keys("mbpj", "um", "komdigi", "hcmc", "mbpp"),
    },
    persons={
        "Siti Rahmawati": "Direktur Eksekutif",
        "김지원": "서울 코디네이터",
        "Nguyễn Thu Hà": "Điều phối viên khu vực Mê Kông",
    },
)


# --------------------------------------------------------------------------- hi-ta-en
IN = "India"
BD = "Bangladesh"

_HI = "_engagements/"
_HI_POST_PUNE = "_posts/2021-11-22-pune-ward-sabhas-open-for-proposals.md"
_HI_POST_PUNE_HI = "_posts/2022-03-14-pune-prabhag-sabhaon-ka-pehla-saal.md"
_HI_POST_CHENNAI = "_posts/2023-01-18-chennai-vellak-kuralgal-mudivugal.md"
_HI_POST_SURVEY = "_posts/2023-04-03-what-twelve-cities-told-the-survey.md"
_HI_POST_KOLKATA = "_posts/2023-06-05-borough-baithaker-prothom-bochhor.md"
_HI_POST_KUMARAKOM = "_posts/2024-02-09-kumarakom-fishers-set-the-gram-sabha-agenda.md"
_HI_POST_NASHIK = "_posts/2024-05-20-nashik-jal-sabha-gavakaryanchi-yadi.md"
_HI_POST_LAKES = "_posts/2024-09-16-lake-forums-move-to-decidim.md"
_HI_POST_TWO = "_posts/2024-12-02-lucknow-aur-chennai-se-seekh.md"
_HI_POST_DELHI = "_posts/2025-01-27-notes-from-a-civic-tech-convening-in-new-delhi.md"

HI_TA_EN = Site(
    name="hi-ta-en",
    issue="17",
    own="sabha-setu",
    orgs={
        # "a not-for-profit company registered under Section 8 of the Companies Act, 2013"
        "sabha-setu": Org(names=("Sabha Setu Foundation", "Sabha Setu"), text=("सभा सेतु फाउंडेशन",), kind=("ngo",),
                          country=IN),
        # Pune: the municipal corporation in English, Marathi/Hindi (महानगरपालिका) and plain Hindi (नगर निगम,
        # only in a Hindi post); the university named after the city, under its old name in a post; the
        # neighbouring Pimpri-Chinchwad corporation only in the Hindi post
        "pmc": Org(names=("Pune Municipal Corporation", "पुणे महानगरपालिका"), text=("PMC", "पुणे नगर निगम"),
                   kind=("municipality",), country=IN),
        "sppu": Org(names=("Savitribai Phule Pune University", "सावित्रीबाई फुले पुणे विश्वविद्यालय"),
                    text=("SPPU", "University of Pune"), kind=("university",), country=IN),
        # a partner of two projects (Pune, Nashik)
        "sahyadri": Org(names=("Sahyadri Geodata Pvt. Ltd.",), kind=("company",), country=IN),
        # a residents' samiti (association)
        "kasba": Org(names=("Kasba Peth Nagrik Samiti", "कसबा पेठ नागरिक समिति"), kind=("ngo",), country=IN),
        "mula-mutha": Org(names=("Mula-Mutha Civic Trust", "मुळा-मुठा सिविक ट्रस्ट"), kind=FUNDER, country=IN),
        "pcmc": Org(text=("पिंपरी-चिंचवड महानगरपालिका",), kind=("municipality",), country=IN),
        # universities' departments named in the project pages' running text ("X's Department of …", Hindi
        # "X के … विभाग"): units of their universities (the pages' "the Pune Municipal Corporation's budget
        # department" names no unit of its own)
        "sppu-geo": Org(text=("Savitribai Phule Pune University's Department of Geography",
                              "सावित्रीबाई फुले पुणे विश्वविद्यालय के भूगोल विभाग"),
                        derived=("Department of Geography",), country=IN, parent="sppu"),
        # Chennai: "Greater Chennai Corporation" (a corporation that is a municipality) in English, Tamil
        # (மாநகராட்சி) and Hindi transliteration; Anna University in Tamil, also in its oblique form before a noun
        # ("அண்ணா பல்கலைக்கழக ஆய்வாளர்கள்") and in Hindi; a state agency with an acronym; அறக்கட்டளை (trust) is
        # the Tamil of the English twin's "Foundation"
        "gcc": Org(names=("Greater Chennai Corporation", "பெருநகர சென்னை மாநகராட்சி"),
                   text=("ग्रेटर चेन्नई कॉर्पोरेशन",), kind=("municipality",), country=IN),
        "anna": Org(names=("Anna University", "அண்ணா பல்கலைக்கழகம்"), text=("அண்ணா பல்கலைக்கழக", "अन्ना विश्वविद्यालय"),
                    kind=("university",), country=IN),
        "tnega": Org(names=("Tamil Nadu e-Governance Agency", "தமிழ்நாடு மின்னாளுமை முகமை"), text=("TNeGA",),
                     kind=("agency",), country=IN),
        "kaveri": Org(names=("Kaveri Open Maps LLP",), kind=("company",), country=IN),
        "coromandel": Org(names=("Coromandel Foundation for Public Life", "கோரமண்டல் பொது வாழ்வு அறக்கட்டளை"),
                          kind=FUNDER, country=IN),
        "tambaram": Org(text=("தாம்பரம் மாநகராட்சி",), kind=("municipality",), country=IN),
        "anna-cwr": Org(text=("Anna University's Centre for Water Resources",), derived=("Centre for Water Resources",),
                        country=IN, parent="anna"),
        # Kolkata: পৌরসংস্থা (the corporation's own Bengali name) and পুরসভা (what people call it, in a post);
        # the city's university; a women's samiti; "Trust" written in Bengali letters (ট্রাস্ট); a পৌরসভা
        # (municipality) by form only
        "kmc": Org(names=("Kolkata Municipal Corporation", "কলকাতা পৌরসংস্থা"), text=("কলকাতা পুরসভা",),
                   kind=("municipality",), country=IN),
        "ju": Org(names=("Jadavpur University", "যাদবপুর বিশ্ববিদ্যালয়"), kind=("university",), country=IN),
        "behala": Org(names=("Behala Mahila Samiti", "বেহালা মহিলা সমিতি"), kind=("ngo",), country=IN),
        "chitpur": Org(names=("Chitpur Data Works LLP",), kind=("company",), country=IN),
        "gariahat": Org(names=("Gariahat Nagarik Trust", "গড়িয়াহাট নাগরিক ট্রাস্ট"), kind=FUNDER, country=IN),
        "baranagar": Org(text=("বরানগর পৌরসভা",), kind=("municipality",), country=IN),
        # a unit whose own name has an "and" in it
        "ju-sctr": Org(text=("Jadavpur University's School of Cultural Texts and Records",),
                       derived=("School of Cultural Texts and Records",), country=IN, parent="ju"),
        # Kerala: a gram panchayat (the village's local government); a state government's department as
        # "Government, Department" (a unit), and in running text as "… Department of the Government of Kerala";
        # a co-operative society "Ltd."; "Private Limited" written out; "Mahatma Gandhi University, Kottayam" in
        # running text (Kottayam is the town, no unit); KILA defined in a post; a district panchayat
        "kumarakom": Org(names=("Kumarakom Gram Panchayat",), kind=("municipality",), country=IN),
        "mgu": Org(names=("Mahatma Gandhi University",), kind=("university",), country=IN),
        "vembanad": Org(names=("Vembanad Fishers' Co-operative Society Ltd.",), kind=COOP, country=IN),
        "kayal": Org(names=("Kayal Code Labs Private Limited",), kind=("company",), country=IN),
        "kerala": Org(names=("Government of Kerala",), kind=("region",), country=IN),
        "lsgd": Org(
            names=("Government of Kerala, Local Self Government Department",),
            text=("Local Self Government Department of the Government of Kerala",),
            derived=("Local Self Government Department",),
            country=IN,
            parent="kerala",
        ),
        "kila": Org(text=("Kerala Institute of Local Administration", "KILA"), kind=("agency", "research-institute"),
                    country=IN),
        "kottayam-dp": Org(text=("Kottayam District Panchayat",), kind=("region",), country=IN),
        # Nashik: the zilla parishad (district council: a region) in English and Marathi (जिल्हा परिषद), never
        # the city's municipal corporation (नाशिक महानगरपालिका, only in the Marathi post); "Gram Panchayat X"
        # (the form before the village's name) / ग्रामपंचायत; the open university (विद्यापीठ in Marathi); a
        # sangathan of water users; a union ministry
        "nashik-zp": Org(names=("Nashik Zilla Parishad",), text=("नाशिक जिल्हा परिषद",), kind=("region",),
                         country=IN),
        "pimpalgaon": Org(names=("Gram Panchayat Pimpalgaon Baswant",), text=("ग्रामपंचायत पिंपळगाव बसवंत",),
                          kind=("municipality",), country=IN),
        "ycmou": Org(names=("Yashwantrao Chavan Maharashtra Open University",),
                     text=("यशवंतराव चव्हाण महाराष्ट्र मुक्त विद्यापीठ",), kind=("university",), country=IN),
        "godavari": Org(names=("Godavari Jal Sangathan",), kind=ASSOCIATION, country=IN),
        "mopr": Org(names=("Ministry of Panchayati Raj",), kind=("agency",), country=IN),
        "nmc": Org(text=("नाशिक महानगरपालिका",), kind=("municipality",), country=IN),
        # the union ministry in English and Hindi (मंत्रालय), MoHUA in a post; the IIT in Hindi and by its short
        # name "IIT Bombay" defined in a post; an LLP research firm; two municipal corporations and NIUA only in
        # the survey's post
        "mohua": Org(names=("Ministry of Housing and Urban Affairs", "आवास और शहरी कार्य मंत्रालय"), text=("MoHUA",),
                     kind=("agency",), country=IN),
        "iitb": Org(names=("Indian Institute of Technology Bombay", "भारतीय प्रौद्योगिकी संस्थान बॉम्बे"),
                    text=("IIT Bombay",), kind=("university",), country=IN),
        "nagarvani": Org(names=("Nagarvani Research LLP",), kind=("company", "research-institute"), country=IN),
        "niua": Org(text=("National Institute of Urban Affairs", "NIUA"), kind=("research-institute", "agency"),
                    country=IN),
        "surat": Org(text=("Surat Municipal Corporation",), kind=("municipality",), country=IN),
        "indore": Org(text=("Indore Municipal Corporation",), kind=("municipality",), country=IN),
        # Bengaluru: the client is a division of the BBMP ("Palike, Division": a unit); the BBMP's Kannada name
        # and acronym only in running text; "Bengaluru Lakes Technologies Pvt. Ltd." (a company sharing the
        # words "Bengaluru" and "Lakes" with the client, never merged with it); a balaga (group) of volunteers;
        # the water board (BWSSB) only in the post
        "bbmp": Org(names=("Bruhat Bengaluru Mahanagara Palike",), text=("BBMP", "ಬೃಹತ್ ಬೆಂಗಳೂರು ಮಹಾನಗರ ಪಾಲಿಕೆ"),
                    kind=("municipality",), country=IN),
        "bbmp-lakes": Org(names=("Bruhat Bengaluru Mahanagara Palike, Lakes Division",), text=("BBMP's Lakes Division",),
                          derived=("Lakes Division",), country=IN, parent="bbmp"),
        "iisc": Org(names=("Indian Institute of Science",), text=("IISc",), kind=("university", "research-institute"),
                    country=IN),
        "blt": Org(names=("Bengaluru Lakes Technologies Pvt. Ltd.",), kind=("company",), country=IN),
        "kere-mitra": Org(names=("Kere Mitra Balaga",), kind=("ngo",), country=IN),
        "hebbal": Org(names=("Hebbal Lakes Stewardship Trust",), kind=FUNDER, country=IN),
        "bwssb": Org(text=("Bangalore Water Supply and Sewerage Board", "BWSSB"), kind=("agency",), country=IN),
        # Lucknow: "Lucknow Municipal Corporation" / "लखनऊ नगर निगम" / "Lucknow Nagar Nigam" (the Hindi name in
        # Latin letters, in the English page's text) vs the University of Lucknow / लखनऊ विश्वविद्यालय
        "lucknow": Org(names=("Lucknow Municipal Corporation", "लखनऊ नगर निगम"), text=("Lucknow Nagar Nigam",),
                       kind=("municipality",), country=IN),
        "lu": Org(names=("University of Lucknow", "लखनऊ विश्वविद्यालय"), kind=("university",), country=IN),
        "gomti": Org(names=("Gomti Yuva Sangathan", "गोमती युवा संगठन"), kind=("ngo",), country=IN),
        "awadh": Org(names=("Awadh Nagrik Foundation", "अवध नागरिक फाउंडेशन"), kind=FUNDER, country=IN),
        "lu-sw": Org(text=("University of Lucknow's Department of Social Work", "लखनऊ विश्वविद्यालय के समाज कार्य विभाग"),
                     derived=("Department of Social Work",), country=IN, parent="lu"),
        # only in the post on the New Delhi convening (tied to no project); "Digital India Corporation" is a
        # Section 8 company of the ministry, no municipal corporation; the Dhaka corporation is Bangladesh's.
        # Not organisations: "Ushahidi deployments" (the software), Bhashini (a translation programme)
        "jnu": Org(text=("Jawaharlal Nehru University",), kind=("university",), country=IN),
        "mcd": Org(text=("Municipal Corporation of Delhi", "MCD"), kind=("municipality",), country=IN),
        "gnctd": Org(text=("Government of NCT of Delhi",), kind=LOCAL, country=IN),
        "meity": Org(text=("Ministry of Electronics and Information Technology", "MeitY"), kind=("agency",),
                     country=IN),
        "dic": Org(text=("Digital India Corporation",), kind=("agency", "company"), country=IN),
        "yamuna": Org(text=("Yamuna Nagrik Sangathan",), kind=ASSOCIATION, country=IN),
        "dncc": Org(text=("Dhaka North City Corporation",), kind=("municipality",), country=BD),
    },
    themes={
        # `sectors:` words, translated on each twin
        "pb": Theme(names=("participatory budgeting", "सहभागी बजट")),
        "wards": Theme(names=("ward committees", "प्रभाग समितियाँ")),
        "floods": Theme(names=("urban flooding", "நகர வெள்ளம்")),
        "grievance": Theme(names=("grievance redressal", "குறை தீர்ப்பு")),
        "borough": Theme(names=("borough committees", "বরো কমিটি")),
        "women": Theme(names=("women's participation", "নারীর অংশগ্রহণ")),
        "gramsabha": Theme(names=("gram sabha",)),
        "fisheries": Theme(names=("fisheries",)),
        "water": Theme(names=("rural water supply",)),
        "survey": Theme(names=("citizen perception survey", "नागरिक धारणा सर्वेक्षण")),
        "eol": Theme(names=("ease of living", "जीवन सुगमता")),
        "lakes": Theme(names=("lakes",)),
        "youth": Theme(names=("youth", "युवा")),
    },
    projects={
        # `_engagements/<state>/<name>.md`, twins `<name>_hi.md`, `_ta.md`, `_bn.md` sharing `ref`
        "pune": Project(
            paths=(_HI + "maharashtra/pune-ward-sabhas.md", _HI + "maharashtra/pune-ward-sabhas_hi.md"),
            clients=keys("pmc"),
            partners=keys("sppu", "sahyadri", "kasba"),
            funders=keys("mula-mutha"),
            # "FY 2021-22 – FY 2023-24" / "वित्त वर्ष 2021-22 से 2023-24 तक": financial years, April 2021 to
            # March 2024
            start=2021, end=2024, ongoing=False,
            themes=keys("pb", "wards"),
            platforms_page=keys("Decidim"),
            # the Hindi post writes it in Devanagari only ("डिसीडिम पर"): a careful reader counts it
            platforms_posts={"Decidim": (_HI_POST_PUNE, _HI_POST_PUNE_HI)},
        ),
        "chennai": Project(
            paths=(_HI + "tamil-nadu/chennai-flood-voices.md", _HI + "tamil-nadu/chennai-flood-voices_ta.md"),
            clients=keys("gcc"),
            partners=keys("anna", "tnega", "kaveri"),
            funders=keys("coromandel"),
            start=2022, end=2023, ongoing=False,  # "Nov 2022 – Mar 2023" / "நவம்பர் 2022 – மார்ச் 2023"
            themes=keys("floods", "grievance"),
            platforms_page=keys("Pol.is"),
            # "Pol.is-இல்" (a Tamil suffix after a hyphen) and a Hindi sentence of the two-project post
            platforms_posts={"Pol.is": (_HI_POST_CHENNAI, _HI_POST_TWO)},
        ),
        "kolkata": Project(
            paths=(_HI + "west-bengal/kolkata-borough-baithak.md", _HI + "west-bengal/kolkata-borough-baithak_bn.md"),
            clients=keys("kmc"),
            partners=keys("ju", "behala", "chitpur"),
            funders=keys("gariahat"),
            start=2022, end=2023, ongoing=False,  # "2022–2023" / "২০২২–২০২৩" (Bengali digits)
            themes=keys("borough", "women"),
            platforms_page=keys("Loomio"),
            platforms_posts={"Loomio": (_HI_POST_KOLKATA,)},  # "Loomio-তে"
        ),
        "kumarakom": Project(
            paths=(_HI + "kerala/kumarakom-gram-sabha.md",),
            clients=keys("kumarakom"),
            partners=keys("mgu", "vembanad", "kayal"),
            funders=keys("lsgd"),
            start=2023, ongoing=True,  # "2023 onwards"
            themes=keys("gramsabha", "fisheries"),
            platforms_page=keys("Your Priorities"),
            # its post points at a Malayalam twin that was never written (`kumarakom-gram-sabha_ml.md`)
            platforms_posts={"Your Priorities": (_HI_POST_KUMARAKOM,)},
        ),
        "nashik": Project(
            paths=(_HI + "maharashtra/nashik-jal-sabha.md",),
            clients=keys("nashik-zp"),
            partners=keys("pimpalgaon", "ycmou", "godavari", "sahyadri"),
            funders=keys("mopr"),
            start=2023, end=2024, ongoing=False,  # "2023-24", the financial year
            themes=keys("water", "gramsabha"),
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_HI_POST_NASHIK,)},  # "CONSUL वर" in Marathi
        ),
        "survey": Project(
            # no funder; "CitizenLab" on the English page, "Go Vocal" on the Hindi one
            paths=(_HI + "national/citizen-perception-survey.md", _HI + "national/citizen-perception-survey_hi.md"),
            clients=keys("mohua"),
            partners=keys("iitb", "nagarvani"),
            start=2022, end=2023, ongoing=False,  # "FY 2022-23" / "वित्त वर्ष 2022-23"
            themes=keys("survey", "eol"),
            platforms_page=keys("Go Vocal"),
            platforms_posts={"Go Vocal": (_HI_POST_SURVEY,)},  # tied by the project's title in its text
        ),
        "bengaluru": Project(
            # no platform on its page; Decidim only in its post, whose "Consul General of Germany" is no CONSUL
            paths=(_HI + "karnataka/bengaluru-lake-forums.md",),
            clients=keys("bbmp-lakes"),
            partners=keys("iisc", "blt", "kere-mitra"),
            funders=keys("hebbal"),
            start=2022, ongoing=True,  # "2022 – till date"
            themes=keys("lakes", "wards"),
            platforms_posts={"Decidim": (_HI_POST_LAKES,)},
        ),
        "lucknow": Project(
            paths=(_HI + "uttar-pradesh/lucknow-yuva-budget.md", _HI + "uttar-pradesh/lucknow-yuva-budget_hi.md"),
            clients=keys("lucknow"),
            partners=keys("lu", "gomti"),
            funders=keys("awadh"),
            start=2021, end=2023, ongoing=False,  # "2021 to 2023" / "2021 से 2023 तक"
            themes=keys("youth", "pb"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_HI_POST_TWO,)},
        ),
    },
    posts={
        # tied by `engagements:` paths, a shared `ref` (Hindi), `{% link %}` (Tamil), a relative link (Bengali),
        # the path of a twin never written, an absolute link (Marathi), the project's title, a site-absolute
        # link, `engagements:` naming two projects (a Hindi post, each one's platform in its own sentence); the
        # convening post is tied to none (its Decidim and CONSUL are nobody's)
        _HI_POST_PUNE: keys("pmc", "sppu", "sahyadri", "kasba", "mula-mutha"),
        _HI_POST_PUNE_HI: keys("pmc", "sppu", "pcmc"),
        # "பெருநகர சென்னை மாநகராட்சியிடம்" (a case suffix glued on), "அண்ணா பல்கலைக்கழக ஆய்வாளர்கள்"
        _HI_POST_CHENNAI: keys("gcc", "anna", "tambaram", "coromandel"),
        _HI_POST_SURVEY: keys("mohua", "iitb", "surat", "indore", "niua"),
        # "যাদবপুর বিশ্ববিদ্যালয়ের" (genitive glued on)
        _HI_POST_KOLKATA: keys("kmc", "ju", "behala", "baranagar"),
        _HI_POST_KUMARAKOM: keys("kumarakom", "vembanad", "kila", "kottayam-dp", "lsgd", "kerala"),
        # "यशवंतराव चव्हाण महाराष्ट्र मुक्त विद्यापीठाच्या" (genitive glued on)
        _HI_POST_NASHIK: keys("nashik-zp", "pimpalgaon", "ycmou", "nmc"),
        _HI_POST_LAKES: keys("bbmp", "bbmp-lakes", "iisc", "blt", "bwssb", "kere-mitra", "hebbal"),
        _HI_POST_TWO: keys("lucknow", "gomti", "gcc", "anna"),
        _HI_POST_DELHI: keys("jnu", "mcd", "gnctd", "meity", "dic", "tnega", "yamuna", "dncc"),
    },
    persons={
        # records of `_data/karyakarta.yml` (`full_name`, `designation`), one designation in Tamil
        "Aparna Kulkarni": "Founder and Director",
        "Senthil Murugan": "திட்ட ஒருங்கிணைப்பாளர், தமிழ்நாடு",
        "Rituparna Sen": "Research Associate (Kolkata)",
    },
)


# --------------------------------------------------------------------------- ka-hy-az
GE = "Georgia"
AM = "Armenia"
AZ = "Azerbaijan"
CITY_EXECUTIVE = ("municipality", "region", "agency")  # Azerbaijan's city executive powers: the state's, in a city

_KA_POST_UBANI = "_siakhleebi/2021-09-14-ubnis-biujeti-daitsko.md"
_KA_POST_PETITIONS = "_siakhleebi/2022-11-02-first-petitions-heard-by-the-council.md"
_KA_POST_BATUMI = "_siakhleebi/2021-03-22-batumis-sanapiros-ideebi.md"
_KA_POST_RULES = "_siakhleebi/2023-10-05-rewriting-local-rules-in-telavi-and-zugdidi.md"
_KA_POST_YEREVAN = "_siakhleebi/2021-06-18-yerevani-arajin-qvearkutyun.md"
_KA_POST_GYUMRI = "_siakhleebi/2024-04-10-gyumrii-eritasardnery-loomio-um.md"
_KA_POST_BAKU = "_siakhleebi/2023-12-01-bakinin-heyetlerinde-ilk-sesverme.md"
_KA_POST_GANJA = "_siakhleebi/2022-05-20-molodezh-gyandzhi-vybrala.md"
_KA_POST_TWO = "_siakhleebi/2024-02-15-two-cities-one-question.md"
_KA_POST_KUTAISI = "_siakhleebi/2024-10-20-kutaisis-konperenciis-chanatserebi.md"

KA_HY_AZ = Site(
    name="ka-hy-az",
    issue="17",
    own="atinati",
    orgs={
        # the site's own foundation (a non-entrepreneurial non-commercial legal entity, ა(ა)იპ); its name in
        # Georgian quotes „…“, its English name only in the about page's text
        "atinati": Org(names=("ფონდი „ათინათი“", "ათინათი"), text=("Atinati Foundation", "Atinati"), kind=("ngo",),
                       country=GE),
        # Tbilisi: the City Hall (მერია) and the City Council (საკრებულო) are two bodies of one city; its state
        # university has the city's name in its own; a foundation named after the city's courtyards. Georgian
        # declines the name in running text (ergative -მა/-მ, genitive -ის, -თან "with"), inside the quotes too
        "tbilisi-meria": Org(names=("თბილისის მერია", "Tbilisi City Hall"),
                             text=("თბილისის მერიასთან", "თბილისის მერიამ", "თბილისის მერიის"), kind=LOCAL,
                             country=GE),
        "sakrebulo": Org(names=("თბილისის საკრებულო", "Tbilisi City Council"),
                         text=("თბილისის საკრებულოსთან", "Sakrebulo"), kind=LOCAL, country=GE),
        "tsu": Org(names=("ივანე ჯავახიშვილის სახელობის თბილისის სახელმწიფო უნივერსიტეტი", "Tbilisi State University"),
                   text=("ივანე ჯავახიშვილის სახელობის თბილისის სახელმწიფო უნივერსიტეტის", "თსუ"),
                   kind=("university",), country=GE),
        # შპს (LLC) before the name in quotes; the English twin transliterates it
        "kodis": Org(names=("შპს „კოდის სახელოსნო“", "Kodis Sakhelosno LLC"),
                     text=("შპს „კოდის სახელოსნომ“", "შპს „კოდის სახელოსნოს“"), kind=("company",), country=GE),
        "tbilisi-ezo": Org(names=("ფონდი „თბილისური ეზო“", "Tbilisi Courtyard Foundation"),
                           text=("ფონდ „თბილისური ეზოს“",), kind=FUNDER, country=GE),
        # ა(ა)იპ (non-profit) before the name; NNLE its English abbreviation
        "city-voice": Org(names=("ა(ა)იპ „ქალაქის ხმა“", "City Voice NNLE"), kind=("ngo",), country=GE),
        "ilia": Org(names=("ილიას სახელმწიფო უნივერსიტეტი", "Ilia State University"),
                    text=("ილიას სახელმწიფო უნივერსიტეტის",), kind=("university",), country=GE),
        # Batumi: a Georgian-only project; the English names of the city hall (about page) and the university
        # (logo strip) are written elsewhere
        "batumi": Org(names=("ბათუმის მერია",), text=("ბათუმის მერიის", "ბათუმის მერიასთან", "Batumi City Hall"),
                      kind=("municipality",), country=GE),
        "bsu": Org(names=("ბათუმის შოთა რუსთაველის სახელმწიფო უნივერსიტეტი", "Batumi Shota Rustaveli State University"),
                   text=("ბათუმის შოთა რუსთაველის სახელმწიფო უნივერსიტეტის",), kind=("university",), country=GE),
        "zghvispira": Org(names=("ასოციაცია „ზღვისპირა უბნები“",), kind=ASSOCIATION, country=GE),
        "navsadguri": Org(names=("ფონდი „ნავსადგური“",), text=("ფონდ „ნავსადგურის“",), kind=FUNDER, country=GE),
        # a ministry with the country in its name, a national agency, two municipalities (მუნიციპალიტეტი) and an
        # international funder named in English only (also glued to a Georgian genitive: "…Innovation-ის")
        "mojusti": Org(names=("საქართველოს იუსტიციის სამინისტრო", "Ministry of Justice of Georgia"),
                       text=("საქართველოს იუსტიციის სამინისტროს",), kind=("agency",), country=GE),
        "napr": Org(names=("საჯარო რეესტრის ეროვნული სააგენტო", "National Agency of Public Registry"),
                    text=("საჯარო რეესტრის ეროვნულმა სააგენტომ", "NAPR"), kind=("agency",), country=GE),
        "telavi": Org(names=("თელავის მუნიციპალიტეტი", "Telavi Municipality"), text=("თელავის მუნიციპალიტეტმა",),
                      kind=("municipality",), country=GE),
        "zugdidi": Org(names=("ზუგდიდის მუნიციპალიტეტი", "Zugdidi Municipality"), text=("ზუგდიდის მუნიციპალიტეტმა",),
                       kind=("municipality",), country=GE),
        "cifruli-khidi": Org(names=("შპს „ციფრული ხიდი“", "Digital Bridge LLC"), text=("შპს „ციფრულმა ხიდმა“",),
                             kind=("company",), country=GE),
        "tamarisk": Org(names=("Tamarisk Fund for Democratic Innovation",),
                        text=("Tamarisk Fund for Democratic Innovation-ის", "TFDI"), kind=FUNDER),
        # only in the logo strip (`_data/partniorebi.yml`)
        "hazelmere": Org(names=("Hazelmere Foundation",), kind=FUNDER),
        # Armenia: the municipality (քաղաքապետարան) and the state university of Yerevan; ՍՊԸ (LLC), ՀԿ (NGO) and
        # հիմնադրամ (foundation) after the name in «»; the article -ը/-ն and the cases glued to them in text
        "yerevan": Org(names=("Երևանի քաղաքապետարան", "Yerevan Municipality"),
                       text=("Երևանի քաղաքապետարանի", "Երևանի քաղաքապետարանը"), kind=LOCAL, country=AM),
        "ysu": Org(names=("Երևանի պետական համալսարան", "Yerevan State University"),
                   text=("Երևանի պետական համալսարանի", "ԵՊՀ"), kind=("university",), country=AM),
        "tvayin": Org(names=("«Թվային քաղաք» ՍՊԸ", "Tvayin Kaghak LLC"),
                      text=("«Թվային քաղաք» ՍՊԸ-ն", "«Թվային քաղաք» ՍՊԸ-ին"), kind=("company",), country=AM),
        "bak": Org(names=("«Բակ» ՀԿ", "Bak NGO"), text=("«Բակ» ՀԿ-ի",), kind=("ngo",), country=AM),
        "lusabats": Org(names=("«Լուսաբաց» հիմնադրամ", "Lusabats Foundation"),
                        text=("«Լուսաբաց» հիմնադրամը", "«Լուսաբաց» հիմնադրամին"), kind=FUNDER, country=AM),
        # Gyumri: a community (համայնքապետարան), its English name only in the logo strip; the region's
        # administration (մարզպետարան) is the state's, named only in a post
        "gyumri": Org(names=("Գյումրու համայնքապետարան", "Gyumri Municipality"),
                      text=("Գյումրու համայնքապետարանի", "Գյումրու համայնքապետարանն"), kind=("municipality",),
                      country=AM),
        "shirak-uni": Org(names=("Շիրակի պետական համալսարան",),
                          text=("Շիրակի պետական համալսարանը", "Շիրակի պետական համալսարանին"), kind=("university",),
                          country=AM),
        "shirak-youth": Org(names=("«Շիրակի երիտասարդներ» ՀԿ",),
                            text=("«Շիրակի երիտասարդներ» ՀԿ-ն", "«Շիրակի երիտասարդներ» ՀԿ-ին"), kind=("ngo",),
                            country=AM),
        "mtai": Org(text=("ՀՀ տարածքային կառավարման և ենթակառուցվածքների նախարարությունը",), kind=("agency",),
                    country=AM),
        "marzpetaran": Org(text=("Շիրակի մարզպետարանը",), kind=("region", "agency"), country=AM),
        # Azerbaijan: the city executive powers (İcra Hakimiyyəti) vs the state universities of the same cities;
        # MMC (LLC), İctimai Birliyi (public union), Fondu (foundation); the genitive -nin/-in glued on; Ganja's
        # bodies in Russian in the Russian post (ООО = MMC)
        "baku": Org(names=("Bakı Şəhər İcra Hakimiyyəti", "Baku City Executive Power"),
                    text=("Bakı Şəhər İcra Hakimiyyətinin",), kind=CITY_EXECUTIVE, country=AZ),
        "bdu": Org(names=("Bakı Dövlət Universiteti", "Baku State University"),
                   text=("Bakı Dövlət Universitetinin", "BDU"), kind=("university",), country=AZ),
        "reqemsal": Org(names=("Rəqəmsal Həllər MMC", "Digital Solutions LLC"), text=("Rəqəmsal Həllər MMC-yə",),
                        kind=("company",), country=AZ),
        "abseron": Org(names=("Abşeron Gənclər İctimai Birliyi", "Absheron Youth Public Union"),
                       text=("Abşeron Gənclər İctimai Birliyinin", "Abşeron Gənclər İctimai Birliyinə"), kind=("ngo",),
                       country=AZ),
        "inam": Org(names=("İnam Fondu", "Inam Foundation"), kind=FUNDER, country=AZ),
        "yasamal": Org(text=("Yasamal Rayon İcra Hakimiyyəti",), kind=CITY_EXECUTIVE, country=AZ),
        "mdt": Org(text=("Azərbaycan Respublikasının Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi",), kind=("agency",),
                   country=AZ),
        "ganja": Org(names=("Gəncə Şəhər İcra Hakimiyyəti",),
                     text=("Gəncə Şəhər İcra Hakimiyyətinin", "Исполнительная власть города Гянджа"),
                     kind=CITY_EXECUTIVE, country=AZ),
        "gdu": Org(names=("Gəncə Dövlət Universiteti",),
                   text=("Gəncə Dövlət Universitetinin", "Гянджинский государственный университет"),
                   kind=("university",), country=AZ),
        "gence-data": Org(names=("Gəncə Data MMC",), text=("ООО «Гянджа Дата»",), kind=("company",), country=AZ),
        "grazhdansky-kod": Org(text=("НКО «Гражданский код»",), kind=("ngo",), country=AZ),
        # only in running text of posts: Georgian bodies (the Adjara government is an autonomous republic's)
        "mof": Org(text=("საქართველოს ფინანსთა სამინისტრო",), kind=("agency",), country=GE),
        "ombudsman": Org(text=("Public Defender of Georgia",), kind=("agency",), country=GE),
        "adjara": Org(text=("აჭარის ავტონომიური რესპუბლიკის მთავრობა",), kind=("region",), country=GE),
        "telavi-uni": Org(text=("Iakob Gogebashvili Telavi State University",), kind=("university",), country=GE),
        # only in the Kutaisi conference post
        "kutaisi": Org(text=("ქუთაისის მერია",), kind=("municipality",), country=GE),
        "atsu": Org(text=("აკაკი წერეთლის სახელმწიფო უნივერსიტეტი",), kind=("university",), country=GE),
        "cifruli-mun": Org(text=("ასოციაცია „ციფრული მუნიციპალიტეტები“",), kind=ASSOCIATION, country=GE),
        "ghrubeli": Org(text=("შპს „ღრუბელი“",), kind=("company",), country=GE),
    },
    themes={
        # `tematika:` words, translated on each twin
        "pb": Theme(names=("მონაწილეობითი ბიუჯეტი", "participatory budgeting", "մասնակցային բյուջետավորում",
                           "iştirakçı büdcə")),
        "opendata": Theme(names=("ღია მონაცემები", "open data", "բաց տվյալներ")),
        "petitions": Theme(names=("პეტიციები", "petitions")),
        "deliberation": Theme(names=("დელიბერაცია", "deliberation")),
        "space": Theme(names=("საჯარო სივრცე", "public space", "ictimai məkan")),
        "planning": Theme(names=("ქალაქგეგმარება",)),
        "rules": Theme(names=("ნორმაშემოქმედება", "rule-making")),
        "local": Theme(names=("ადგილობრივი თვითმმართველობა", "local self-government", "տեղական ինքնակառավարում")),
        "youth": Theme(names=("երիտասարդություն", "gənclər")),
    },
    projects={
        "tbilisi": Project(
            paths=("_proeqtebi/tbilisi-ubnis-biujeti.md", "_proeqtebi/tbilisi-neighbourhood-budget.md"),
            clients=keys("tbilisi-meria"),
            partners=keys("tsu", "kodis"),
            funders=keys("tbilisi-ezo"),
            start=2021, end=2023, ongoing=False,
            themes=keys("pb", "opendata"),
            platforms_page=keys("Decidim"),  # "Decidim-ის პლატფორმაზე" in the Georgian text
            platforms_posts={"Decidim": (_KA_POST_UBANI,)},
        ),
        "sakrebulo": Project(
            # the City Council's, not the City Hall's (which its post names as the one that answers)
            paths=("_proeqtebi/tbilisi-peticiebi.md", "_proeqtebi/tbilisi-council-petitions.md"),
            clients=keys("sakrebulo"),
            partners=keys("city-voice", "ilia"),
            start=2022, ongoing=True,  # 2022 წლიდან / since 2022
            themes=keys("petitions", "deliberation"),
            platforms_page=keys("Pol.is"),
            platforms_posts={"Pol.is": (_KA_POST_PETITIONS, _KA_POST_TWO)},
        ),
        "batumi": Project(
            # its platform only in its page's text, with a Georgian genitive glued on ("Your Priorities-ის")
            paths=("_proeqtebi/batumi-sanapiro.md",),
            clients=keys("batumi"),
            partners=keys("bsu", "zghvispira"),
            funders=keys("navsadguri"),
            start=2020, end=2021, ongoing=False,  # "2020 წლის შემოდგომა – 2021 წლის ზაფხული" (autumn … summer)
            themes=keys("space", "planning"),
            platforms_page=keys("Your Priorities"),
            platforms_posts={"Your Priorities": (_KA_POST_BATUMI,)},
        ),
        "rules": Project(
            # its English post names it by its English title and calls ancient Phasis a "polis" (no Pol.is)
            paths=("_proeqtebi/ghia-tsesebi-telavi-zugdidi.md", "_proeqtebi/open-rules-telavi-zugdidi.md"),
            clients=keys("mojusti"),
            partners=keys("telavi", "zugdidi", "napr", "cifruli-khidi"),
            funders=keys("tamarisk"),
            start=2023, end=2024, ongoing=False,  # 2023–2024 წწ.
            themes=keys("rules", "local"),
            platforms_page=keys("Citizen OS"),
            platforms_posts={"Citizen OS": (_KA_POST_RULES,)},
        ),
        "yerevan": Project(
            paths=("_proeqtebi/yerevan-hamaynqayin-byuje.md", "_proeqtebi/yerevan-community-budget.md"),
            clients=keys("yerevan"),
            partners=keys("ysu", "tvayin", "bak"),
            funders=keys("lusabats"),
            start=2020, end=2022, ongoing=False,  # 2020-2022 թթ.
            themes=keys("pb", "opendata"),
            platforms_page=keys("CONSUL"),
            platforms_posts={"CONSUL": (_KA_POST_YEREVAN,)},
        ),
        "gyumri": Project(
            paths=("_proeqtebi/gyumri-eritasardakan-khorhurd.md",),
            clients=keys("gyumri"),
            partners=keys("shirak-uni", "shirak-youth"),
            funders=keys("lusabats"),
            start=2024, ongoing=True,  # 2024 թ.-ից (since 2024)
            themes=keys("youth", "local"),
            platforms_page=keys("Loomio"),
            platforms_posts={"Loomio": (_KA_POST_GYUMRI,)},
        ),
        "baku": Project(
            paths=("_proeqtebi/baki-heyetleri.md", "_proeqtebi/baku-courtyards.md"),
            clients=keys("baku"),
            partners=keys("bdu", "reqemsal", "abseron"),
            funders=keys("inam"),
            start=2023, ongoing=True,  # 2023-cü ildən / since 2023
            themes=keys("space", "pb"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Decidim": (_KA_POST_BAKU, _KA_POST_TWO)},
        ),
        "ganja": Project(
            # its platform only in the Russian post, tied by a site-absolute link to the Azerbaijani page
            paths=("_proeqtebi/gence-gencler-budcesi.md",),
            clients=keys("ganja"),
            partners=keys("gdu", "gence-data"),
            funders=keys("tamarisk"),
            start=2021, end=2022, ongoing=False,  # 2021-2022-ci illər
            themes=keys("youth", "pb"),
            platforms_posts={"Go Vocal": (_KA_POST_GANJA,)},
        ),
    },
    posts={
        # tied by `proeqtebi:` paths, a shared `ref`, `{% link %}`, the English title in an English post, a
        # relative link (Armenian), an absolute link (Armenian), `proeqti:` a ref (Azerbaijani), a site-absolute
        # link (Russian), `proeqtebi:` naming two projects (each one's platform in its own sentence); the Kutaisi
        # conference post lists a project file that does not exist and is tied to none
        _KA_POST_UBANI: keys("tbilisi-meria", "tsu", "kodis", "mof", "tbilisi-ezo"),
        _KA_POST_PETITIONS: keys("sakrebulo", "tbilisi-meria", "ombudsman", "city-voice", "ilia"),
        _KA_POST_BATUMI: keys("batumi", "adjara", "bsu", "zghvispira"),
        _KA_POST_RULES: keys("telavi", "zugdidi", "mojusti", "napr", "telavi-uni", "tamarisk"),
        _KA_POST_YEREVAN: keys("yerevan", "mtai", "ysu", "tvayin", "bak"),
        _KA_POST_GYUMRI: keys("gyumri", "marzpetaran", "shirak-uni", "shirak-youth", "lusabats"),
        _KA_POST_BAKU: keys("baku", "yasamal", "mdt", "bdu", "abseron", "reqemsal"),
        _KA_POST_GANJA: keys("ganja", "gdu", "gence-data", "grazhdansky-kod", "tamarisk"),
        _KA_POST_TWO: keys("sakrebulo", "baku", "city-voice", "abseron"),
        # its Decidim, CONSUL, Loomio (and Discourse, Ushahidi) are nobody's
        _KA_POST_KUTAISI: keys("kutaisi", "atsu", "cifruli-mun", "ghrubeli", "tbilisi-meria"),
    },
    persons={
        "ნინო ბერიძე": "აღმასრულებელი დირექტორი",
        "Արամ Սարգսյան": "Երևանի գրասենյակի ղեկավար",
        "Leyla Məmmədova": "Bakı ofisinin koordinatoru",
    },
)


SITES: dict[str, Site] = {s.name: s for s in (FR_CIVIC, DE_NL_MIXED, ES_PROJECTS_TEAM, IT_WORK_PEOPLE, DATA_PROJECTS,
                                                  PT_DA_MIXED, PL_FI_EN, ES_CA_LATAM, EL_UK_EN,
                                                  NB_ET_IS, CS_HU_RO, EN_US_CA, JA_ZH_EN,
                                                  HR_SR_SL, SW_FR_AF, TR_AR_HE, KO_VI_ID, HI_TA_EN,
                                                  KA_HY_AZ)}
