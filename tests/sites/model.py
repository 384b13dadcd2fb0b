"""The shape of a hand-written ground truth for one fixture site (see ``truth.py``).

A truth says what a careful human reader takes from the site's pages, never what kg
happens to do: which organisations there are and every spelling the site gives them,
what kind of organisation each is and in which country (only where a reader can tell),
which project had which clients, partners, funders, years, themes and platforms, which
posts say a project's platform, what each post mentions, and who the people are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = frozenset(
    {
        "municipality",
        "region",
        "agency",
        "university",
        "research-institute",
        "company",
        "ngo",
        "funder",
        "network",
        "intergovernmental",
    }
)


@dataclass(frozen=True)
class Org:
    """One real organisation.

    ``names``: spellings the site writes in front matter, data files or ``_config.yml``
    (a value of client/partners/funder..., or the parent part of an "Organisation, Unit"
    value); every two of them must end up in one entity. ``text``: spellings found only
    in running text (abbreviations, short forms, translations). ``derived``: forms a
    graph may rightly carry although the site never writes them alone (a unit's own
    name after the comma). ``kind``: the acceptable kinds (empty: a reader cannot tell,
    not judged). ``country``: English name (None: not judged). ``parent``: key of the
    organisation this one is a unit of.
    """

    names: tuple[str, ...] = ()
    text: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    country: str | None = None
    parent: str | None = None

    @property
    def known(self) -> bool:
        """Named in front matter (or config): a site gazetteer can know it; else found by its form only."""
        return bool(self.names)

    def spellings(self) -> tuple[str, ...]:
        return self.names + self.text + self.derived


@dataclass(frozen=True)
class Theme:
    paths: tuple[str, ...] = ()  # the theme's files, every language
    names: tuple[str, ...] = ()  # for themes that are plain words (data records)


@dataclass(frozen=True)
class Project:
    """A project, by its page files (all languages) or by (data file, title, …) for data records: one title per
    record, when twin records in two languages share the project's ``ref``."""

    paths: tuple[str, ...] = ()
    data: tuple[str, ...] | None = None
    clients: frozenset[str] = frozenset()
    partners: frozenset[str] = frozenset()
    funders: frozenset[str] = frozenset()
    start: int | None = None
    end: int | None = None
    ongoing: bool | None = None
    themes: frozenset[str] = frozenset()
    platforms_page: frozenset[str] = frozenset()  # canonical platform names stated on its own page/record
    platforms_posts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # platform → posts that say it


@dataclass
class Site:
    name: str
    own: str  # key of the site's own organisation
    orgs: dict[str, Org]
    projects: dict[str, Project]
    themes: dict[str, Theme]
    posts: dict[str, frozenset[str]]  # post path → organisations its text names
    persons: dict[str, str] = field(default_factory=dict)  # name → role
    registry_named: frozenset[str] = frozenset()  # registry organisation ids the site really names
    issue: str = "16"  # which issue's shape the site was written for


def keys(*names: str) -> frozenset[str]:
    return frozenset(names)


PLATFORMS: dict[str, tuple[str, ...]] = {
    "Decidim": ("Decidim",),
    "CONSUL": ("CONSUL", "Consul", "CONSUL Democracy", "Consul Democracy"),
    "Go Vocal": ("Go Vocal", "GoVocal", "CitizenLab", "Citizen Lab", "Go Vocal (CitizenLab)"),
    "Cap Collectif": ("Cap Collectif", "Cap-Collectif", "CapCollectif"),
    "Pol.is": ("Pol.is", "Polis"),
    "adhocracy+": ("adhocracy+", "Adhocracy+", "adhocracy plus", "Adhocracy"),
    "Your Priorities": ("Your Priorities", "YourPriorities"),
    "Loomio": ("Loomio",),
    "LiquidFeedback": ("LiquidFeedback", "Liquid Feedback"),
    "Fluicity": ("Fluicity",),
    "Citizen OS": ("Citizen OS", "CitizenOS"),
}

COUNTRIES: dict[str, tuple[str, ...]] = {
    "France": ("France", "Frankrike", "Frankreich", "Francia", "Frankrijk", "Frankrig", "French Republic"),
    "Belgium": ("Belgium", "Belgique", "Belgien", "België", "Bélgica", "Belgio", "Kingdom of Belgium"),
    "Germany": ("Germany", "Deutschland", "Allemagne", "Tyskland", "Duitsland", "Alemania", "Germania",
                "Federal Republic of Germany"),
    "Netherlands": ("Netherlands", "The Netherlands", "Nederland", "Niederlande", "Pays-Bas", "Países Bajos",
                    "Paesi Bassi", "Nederländerna", "Holland", "Kingdom of the Netherlands"),
    "Spain": ("Spain", "España", "Espanya", "Spanien", "Espagne", "Spagna", "Kingdom of Spain"),
    "Ecuador": ("Ecuador", "Équateur", "Republic of Ecuador"),
    "Italy": ("Italy", "Italia", "Italien", "Italie", "Italian Republic"),
    "Denmark": ("Denmark", "Danmark", "Dänemark", "Danemark", "Dinamarca", "Danimarca", "Denemarken",
                "Kingdom of Denmark"),
    "Portugal": ("Portugal", "Portuguese Republic", "República Portuguesa", "Portogallo", "Portugalia"),
    "Brazil": ("Brazil", "Brasil", "Brésil", "Brasilien", "Brasile", "Brazylia", "Federative Republic of Brazil"),
    "Norway": ("Norway", "Norge", "Noreg", "Norwegen", "Norvège", "Noruega", "Norvegia", "Norwegia",
               "Kingdom of Norway"),
    "Poland": ("Poland", "Polska", "Polen", "Pologne", "Polonia", "Puola", "Poola", "Polsko", "Republic of Poland"),
    "Finland": ("Finland", "Suomi", "Finnland", "Finlande", "Finlandia", "Soome", "Finsko", "Republic of Finland"),
    "Estonia": ("Estonia", "Eesti", "Estland", "Estonie", "Viro", "Estonsko", "Republic of Estonia"),
    "Czechia": ("Czechia", "Czech Republic", "Česko", "Česká republika", "Tschechien", "Tchéquie", "Chequia",
                "Czechy", "Tšekki", "Tšehhi", "Csehország", "Cehia", "Tékkland", "Čekija"),
    "Colombia": ("Colombia", "Colòmbia", "Colombie", "Kolumbien", "Republic of Colombia", "República de Colombia"),
    "Argentina": ("Argentina", "Argentine", "Argentinien", "Argentine Republic", "República Argentina"),
    "Uruguay": ("Uruguay", "Uruguai", "Oriental Republic of Uruguay", "República Oriental del Uruguay"),
    "Mexico": ("Mexico", "México", "Mèxic", "Mexique", "Mexiko", "Messico", "United Mexican States",
               "Estados Unidos Mexicanos"),
    "United Kingdom": ("United Kingdom", "UK", "U.K.", "Great Britain", "Britain", "Reino Unido", "Regne Unit",
                       "Royaume-Uni", "Vereinigtes Königreich", "Ηνωμένο Βασίλειο", "Велика Британія",
                       "United Kingdom of Great Britain and Northern Ireland"),
    "Greece": ("Greece", "Ελλάδα", "Ελλάς", "Hellas", "Hellenic Republic", "Ελληνική Δημοκρατία", "Grecia",
               "Grèce", "Griechenland", "Греція"),
    "Ukraine": ("Ukraine", "Україна", "Ucrania", "Ucraïna", "Ukraina", "Ucraina", "Oekraïne"),
    "Iceland": ("Iceland", "Ísland", "Island", "Islande", "Islandia", "Islanda", "IJsland", "Republic of Iceland"),
    "Lithuania": ("Lithuania", "Lietuva", "Litauen", "Lituanie", "Lituania", "Leedu", "Litva", "Litwa",
                  "Republic of Lithuania", "Lietuvos Respublika"),
    "Slovakia": ("Slovakia", "Slovensko", "Slowakei", "Slovaquie", "Eslovaquia", "Slovacchia", "Slovacia",
                 "Szlovákia", "Slovak Republic", "Slovenská republika"),
    "Hungary": ("Hungary", "Magyarország", "Ungarn", "Hongrie", "Hungría", "Ungheria", "Ungaria", "Maďarsko",
                "Węgry", "Hongarije"),
    "Romania": ("Romania", "România", "Rumänien", "Roumanie", "Rumania", "Rumunsko", "Románia", "Rumunia",
                "Roemenië"),
    "United States": ("United States", "United States of America", "USA", "U.S.A.", "US", "U.S.", "America",
                      "Estados Unidos", "États-Unis", "Vereinigte Staaten", "アメリカ合衆国", "アメリカ", "美國"),
    "Canada": ("Canada", "Canadá", "Kanada", "カナダ", "加拿大"),
    "Japan": ("Japan", "日本", "日本国", "Japon", "Japón", "Giappone", "Nippon", "Nihon"),
    "Taiwan": ("Taiwan", "Taiwan, Province of China", "Republic of China", "臺灣", "台灣", "台湾", "中華民國",
               "Taïwan", "Taiwán"),
    "Croatia": ("Croatia", "Hrvatska", "Republika Hrvatska", "Republic of Croatia", "Kroatien", "Croatie", "Hrvaška",
                "Хърватия", "Хрватска"),
    "Serbia": ("Serbia", "Srbija", "Србија", "Republic of Serbia", "Republika Srbija", "Република Србија", "Serbien",
               "Serbie", "Сърбия"),
    "Slovenia": ("Slovenia", "Slovenija", "Republika Slovenija", "Republic of Slovenia", "Slowenien", "Slovénie",
                 "Словения", "Словенија"),
    "Bosnia and Herzegovina": ("Bosnia and Herzegovina", "Bosna i Hercegovina", "Босна и Херцеговина", "BiH",
                               "Bosnia", "Bosnien und Herzegowina", "Bosnie-Herzégovine", "Bosna in Hercegovina"),
    "Bulgaria": ("Bulgaria", "България", "Republic of Bulgaria", "Република България", "Bugarska", "Бугарска",
                 "Bolgarija", "Bulgarien", "Bulgarie"),
    "Kenya": ("Kenya", "Kenia", "Republic of Kenya", "Jamhuri ya Kenya"),
    "Senegal": ("Senegal", "Sénégal", "Republic of Senegal", "République du Sénégal"),
    "South Africa": ("South Africa", "Suid-Afrika", "Afrika Kusini", "Afrique du Sud", "Republic of South Africa",
                     "Südafrika", "Sudáfrica"),
    "Ghana": ("Ghana", "Republic of Ghana"),
    "Nigeria": ("Nigeria", "Nigéria", "Federal Republic of Nigeria"),
    "Uganda": ("Uganda", "Ouganda", "Republic of Uganda"),
    "DR Congo": ("Democratic Republic of the Congo", "Congo, The Democratic Republic of the", "DR Congo", "DRC",
                 "République démocratique du Congo", "RDC", "Jamhuri ya Kidemokrasia ya Kongo"),
    "Turkey": ("Turkey", "Türkiye", "Republic of Türkiye", "Republic of Turkey", "Türkiye Cumhuriyeti", "Turquie",
               "Türkei", "Turquía", "تركيا", "טורקיה"),
    "Jordan": ("Jordan", "Hashemite Kingdom of Jordan", "الأردن", "المملكة الأردنية الهاشمية", "Ürdün", "Jordanie",
               "Jordanien", "ירדן"),
    "Israel": ("Israel", "State of Israel", "ישראל", "מדינת ישראל", "إسرائيل", "İsrail", "Israël"),
    "South Korea": ("South Korea", "Korea, Republic of", "Republic of Korea", "Korea", "대한민국", "한국",
                    "Corée du Sud", "Südkorea", "Hàn Quốc", "Korea Selatan", "เกาหลีใต้"),
    "Vietnam": ("Vietnam", "Viet Nam", "Việt Nam", "Socialist Republic of Viet Nam", "베트남", "Vietnã"),
    "Indonesia": ("Indonesia", "Republic of Indonesia", "Republik Indonesia", "인도네시아", "Indonésie",
                  "Indonesien", "อินโดนีเซีย"),
    "Thailand": ("Thailand", "Kingdom of Thailand", "ประเทศไทย", "ไทย", "Thái Lan", "태국", "Thaïlande"),
    "Malaysia": ("Malaysia", "Malaisie", "말레이시아", "มาเลเซีย"),
    "India": ("India", "Republic of India", "Bharat", "भारत", "भारत गणराज्य", "இந்தியா", "ভারত", "ಭಾರತ",
              "भारतीय प्रजासत्ताक", "Inde", "Indien"),
    "Bangladesh": ("Bangladesh", "People's Republic of Bangladesh", "বাংলাদেশ", "बांग्लादेश", "வங்காளதேசம்"),
    "Georgia": ("Georgia", "საქართველო", "Sakartvelo", "Géorgie", "Georgien", "Грузия", "Վրաստան", "Gürcüstan"),
    "Armenia": ("Armenia", "Republic of Armenia", "Հայաստան", "Հայաստանի Հանրապետություն", "სომხეთი", "Arménie",
                "Armenien", "Армения", "Ermənistan"),
    "Azerbaijan": ("Azerbaijan", "Republic of Azerbaijan", "Azərbaycan", "Azərbaycan Respublikası", "აზერბაიჯანი",
                   "Azerbaïdjan", "Aserbaidschan", "Азербайджан", "Ադրբեջան"),
}
