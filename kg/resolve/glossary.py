"""The words organisations' names are made of, in the languages civic-tech sites are written in.

A name and its translation often share no word a spelling comparison can see: "Service
numérique canadien" / "Canadian Digital Service", "Banco Interamericano de Desarrollo" /
"Inter-American Development Bank", "Ανοιχτή Πόλη" / "Open City". Their words are the same
words of the institutional vocabulary in two languages, and that vocabulary is small: each
:data:`CONCEPTS` entry is one word's translations (folded as :func:`kg.resolve.kinds.fold`
folds names: lower-case ASCII, Greek and Cyrillic in Latin letters). Used only to compare two
names already side by side (a project's lists in two languages, :mod:`kg.resolve.align`),
never to find names in text.
"""

from __future__ import annotations

from functools import lru_cache

#: One line per word: its forms in English, French, Spanish, Portuguese, Italian, German, Dutch,
#: Swedish, Norwegian, Danish, Finnish, Polish, Czech, Greek and Ukrainian (folded), and their
#: common inflections.
CONCEPTS: tuple[str, ...] = (
    "digital numerique numerico numerica digitale digitales digitais digitaal digitaali cyfrowy cyfrowa digitalni "
    "psifiakos psifiaki tsyfrovyi tsyfrova",
    "service services servicio servicios servico servicos servizio servizi dienst dienste tjanst tjansten tjeneste "
    "palvelu sluzba usluga ypiresia sluzhba",
    "environment environmental environnement ambiente ambiental ambientale umwelt milieu miljo miljon ymparisto "
    "srodowisko zivotni prostredi perivallon perivallontos dovkillia",
    "development developpement desarrollo desenvolvimento sviluppo entwicklung ontwikkeling utveckling utvikling "
    "udvikling kehitys rozwoj rozvoj anaptyxi anaptyxis rozvytok rozvytku",
    "bank banque banco banca bankas banka trapeza",
    "builders batisseurs constructores construtores costruttori bauleute bouwers byggare byggere",
    "workforce labour labor laborales laboral trabalho travail emploi empleo lavoro arbeit arbete arbeid arbejde "
    "tyo praca prace ergasia pratsia",
    "solutions solution soluciones solucoes soluzioni losungen oplossingen losningar losninger ratkaisut",
    "open ouvert ouverte abierto abierta aberto aberta aperto aperta offen offene open oppen oppna apen aben "
    "avoin otwarty otwarta otevreny otevrena anoichti anoichto anoichtos anoikti vidkryte vidkryta vidkrytyi",
    "city ville ciudad cidade citta stadt stad kaupunki miasto mesto poli polis misto",
    "agency agence agencia agenzia agentur agentschap myndighet virasto agencja agentura organismos ahentstvo",
    "european europeen europeenne europeo europea europeia europeu europaisch europaische europese europeisk "
    "europeiska europaeisk eurooppalainen europejski europejska evropsky evropska evropaiki evropeiskyi",
    "american americain americaine americano americana amerikanisch amerikanska",
    "interamerican interamericano interamericana interamericaine",
    "national nationale nacional nazionale nationaal nasjonal nationell kansallinen narodowy narodni ethniko "
    "ethnikos natsionalnyi",
    "university universite universidad universidade universita universitat universiteit universitet yliopisto "
    "uniwersytet univerzita panepistimio universytet",
    "foundation fondation fundacion fundacao fondazione stiftung stichting stiftelse stiftelsen fond fonden saatio "
    "fundacja nadace idryma fundatsiia",
    "association associacio associacao asociacion associazione verein vereniging forening foreningen yhdistys "
    "stowarzyszenie spolek syllogos asotsiatsiia",
    "cooperative cooperativa genossenschaft cooperatie kooperativ kooperativet osuuskunta spoldzielnia druzstvo "
    "synetairismos kooperatyv",
    "council conseil consejo conselho consiglio raad rad radet neuvosto rada symvoulio",
    "community communaute comunidad comunidade comunita gemeinschaft gemeenschap gemenskap fellesskap yhteiso "
    "spolecznosc komunita koinotita hromada",
    "citizens citizen citoyens citoyen ciudadanos ciudadana ciudadano cidadaos cittadini burger burgers "
    "medborgare innbyggere borgere kansalaiset obywatele obcane polites hromadiany",
    "youth jeunesse juventud juventude gioventu jugend jeugd ungdom nuoriso mlodziez mladez neolaia molod",
    "women femmes mujeres mulheres donne frauen vrouwen kvinnor kvinner kvinder naiset kobiety zeny gynaikes zhinky",
    "children enfants ninos criancas bambini kinder barn lapset dzieci deti paidia dity",
    "family famille familia familias famiglia familie gezin familj familien familie perhe rodzina rodina oikogeneia "
    "simia",
    "affairs affaires asuntos assuntos affari angelegenheiten zaken arenden saker anliggender asiat sprawy "
    "zalezitosti ypotheseis sprav",
    "ministry ministere ministerio ministero ministerium ministerie departementet ministerio ministerstvo "
    "ministerstwo ypourgeio ministerstvo",
    "foreign etrangeres exteriores estrangeiros esteri auswartiges buitenlandse utrikes utenriks udenrigs ulko "
    "zagranicznych zahranicnich exoterikon zakordonnykh",
    "office bureau oficina escritorio ufficio buro kantoor kontor kontoret toimisto biuro urad grafeio ofis",
    "mayor maire alcalde prefeito sindaco burgermeister burgemeester borgmastare ordforer borgmester pormestari "
    "burmistrz starosta dimarchos",
    "mayoralty mairie alcaldia prefeitura municipio",
    "innovation innovacion inovacao innovazione innovatie innovasjon innovaatio innowacji inovace kainotomia "
    "innovatsii",
    "technology technologie tecnologia teknologi tekniikka technologii technologie technologia technologiia",
    "information informacion informacao informazione informatie informasjon tieto informacji informace "
    "pliroforia informatsii",
    "health sante salud saude salute gesundheit gezondheid halsa helse sundhed terveys zdrowia zdravi ygeia "
    "zdorovia",
    "education enseignement educacion educacao istruzione bildung onderwijs utbildning utdanning uddannelse "
    "koulutus edukacji vzdelavani ekpaideusi osvity",
    "culture kultur cultura cultuur kulttuuri kultury kultura politismos",
    "research recherche investigacion pesquisa ricerca forschung onderzoek forskning tutkimus badan vyzkum ereuna "
    "doslidzhen",
    "institute institut instituto istituto instituut instytut ustav instituutti institouto instytut",
    "centre center centro zentrum centrum senter keskus osrodek stredisko kentro tsentr",
    "network reseau rede rete netzwerk netwerk natverk nettverk netvaerk verkosto siec sit diktyo merezha",
    "federation federacio federacion federacao federazione verband forbund liitto federacja svaz omospondia "
    "federatsiia",
    "union syndicat sindicato unione gewerkschaft vakbond fackforbund fagforbund liitto zwiazek odbory enosi "
    "profspilka",
    "neighbourhood neighborhood quartier barrio bairro quartiere nachbarschaft buurt grannskap nabolag kvarter "
    "naapurusto sasiedztwo sousedstvi geitonia susidstvo vecinal vecinales veinal veinals",
    "associations associacions asociaciones associacoes associazioni verbande verenigingen foreningar",
    "public publique publico publica pubblico offentlich openbaar offentlig julkinen publiczny verejny dimosios "
    "publichnyi",
    "participation participacion participacao partecipazione beteiligung participatie deltagande medvirkning "
    "osallistuminen partycypacja participace symmetochi uchast",
    "democracy democratie democracia democrazia demokratie democratie demokrati demokratia demokracja demokracie "
    "dimokratia demokratiia",
    "transport transports transporte trasporto verkehr vervoer trafik samferdsel liikenne transportu doprava "
    "metafores transportu",
    "housing logement vivienda habitacao abitazione wohnen wonen bostad bolig asuminen mieszkalnictwo bydleni "
    "stegasi zhytlo",
    "planning urbanisme planificacion planeamento pianificazione planung planning planering planlegging "
    "suunnittelu planowania planovani poleodomia planuvannia",
    "region region region regiao regione region regio region region region alue region region perifereia oblast",
    "social sociale sociales sociais sozial sociaal social sosial sosiaalinen spoleczny socialni koinoniko "
    "sotsialnyi",
    "school ecole escuela escola scuola schule school skola skole koulu szkola skola scholeio shkola",
    "economics economie economia economia okonomie economie ekonomi okonomi taloustiede ekonomii ekonomie "
    "oikonomikon ekonomiky",
    "government gouvernement gobierno governo governo regierung regering regering regjering regering hallitus rzad "
    "vlada kyvernisi uriad",
    "executive executif ejecutivo executivo esecutivo exekutive uitvoerend verkstallande utovende",
    "authority autorite autoridad autoridade autorita behorde autoriteit myndighet myndighet viranomainen urzad "
    "urad archi orhan",
    "labs lab laboratoire laboratorio labor laboratorium",
    "fund fonds fondo fundo fonds fond fonden fondet rahasto fundusz fond tameio fond fonu fonlari dana quy",
    "women woman femmes femme mujeres mujer mulheres donne frauen vrouwen kvinnor kvinner kvinder naiset kobiet "
    "kobiety zeny gynaikon zhinok kadin kadinlar",
    "society societe sociedad sociedade societa gesellschaft samenleving samhalle samfunn samfund yhteiskunta "
    "spoleczenstwo spolecnost koinonia suspilstvo toplum toplumu masyarakat",
    "cooperative cooperatives cooperativa cooperatieve genossenschaft kooperativ kooperativet andelsforening "
    "osuuskunta spoldzielnia druzstvo kooperatifi kooperatif koperasi",
    "technology technologie tecnologia tecnologia tecnologia technologie technologie teknologi teknik teknologia "
    "technologii technologie technologias teknoloji",
    "common commun commune comun comum comune gemeinsam gemeenschappelijk gemensam felles faelles yhteinen wspolny "
    "spolecny koinos koini spilna spilne spilnyi",
    "action actions accion acao azione aktion actie handling handlinger toiminta dzialanie akce drasi diia",
    "climate climat clima clima klima klimaat klimat klima ilmasto klimatu klimatu klima klimat",
)


@lru_cache(maxsize=1)
def _concept_of() -> dict[str, int]:
    out: dict[str, int] = {}
    for index, line in enumerate(CONCEPTS):
        for word in line.split():
            out.setdefault(word, index)
    return out


def same_word(a: str, b: str) -> bool:
    """Whether two folded words are one word of the institutional vocabulary in two languages."""
    concepts = _concept_of()
    found = concepts.get(a)
    return found is not None and found == concepts.get(b)


def is_vocabulary(word: str) -> bool:
    """Whether a folded word is one of the institutional vocabulary ("technology", "affairs")."""
    return word in _concept_of()


__all__ = ["CONCEPTS", "is_vocabulary", "same_word"]


def concept(word: str) -> int | None:
    """The glossary entry a folded word is of, if any (one number for one word in every language)."""
    return _concept_of().get(word)
