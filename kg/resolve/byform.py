"""Organisations named only in running text, found by their form.

A site whose front matter names no partner still writes about organisations: "la
Confederación Hidrográfica del Ebro (CHE)", "the Nachbarschaftsverein Wrangelkiez
e.V.", "Region Nordjylland". Three forms are read, each precise on its own:

- a run of capitalised words (joined by the small words of names: de, del, für,
  of …) that carries an organisation's legal or administrative form ("Fundación
  Daniel y Nina Carasso", "Jamgo SCCL", "Associazione Nazionale Comuni Italiani");
- a long form that a text defines an acronym for, the acronym's letters being the
  initials of its words ("Agence nationale de la cohésion des territoires (ANCT)"),
  with an organisation's form or a capital at its start;
- nothing else: a capitalised phrase without such a form ("Paris Agreement", "Open
  Data Day") is no organisation.

What is found becomes a mention, never a role.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import ahocorasick

from kg.fold import CASELESS_WORD, HANGUL, KANA, caseless
from kg.map.text import ABBREVIATIONS
from kg.resolve.glossary import is_vocabulary
from kg.resolve.kinds import LEGAL_PREFIXES, fold, kind_of

_CONNECTORS = frozenset(
    "de del della delle dei degli di da du des d l la le las los el y i e et und für fur of the for and "
    "van der den voor het og och av à a al au zu im am do dos das em all dell nell sull dall "
    "qu j m t s n c para per pour zur zum vom til din pentru v ve pro pre na nad í á fyrir ir ja z ze w dan "
    "və".split()
)
_ARTICLES = frozenset(
    "la le les el los las il lo the die der das de het l d en ett a o os as".split()
)
#: Capitalised words that begin sentences or titles far more often than organisations' names.
_NOT_A_START = frozenset(
    "a an and but in on at for from with by this that these those our we our my his her its their there "
    "here when while after before during since as if not no new all some many more most also en el la los "
    "las un una y para por con sin sobre entre desde hasta le les un une des pour par avec sans sur dans "
    "chez il lo gli una per con su tra fra der die das ein eine und mit von zu für bei nach aus im am het "
    "een voor met door bij op en ett och med för av på till från vid "
    "insieme grazie secondo durante oggi anche come junto gracias según hoy además también grâce selon "
    "ensemble aussi comme zusammen laut heute auch wie dank together thanks according today samen dankzij "
    "volgens vandaag ook sammen tillsammans tack enligt idag også också".split()
)
_TOKEN = re.compile(r"[\w][\w'’.\-&+]*|[(),]", re.UNICODE)
_ELIDED = re.compile(r"^(?:[ldsnc]|all|dell|nell|sull|dall|qu|j|m|t)['’](?=\w)", re.IGNORECASE)
_CONJUNCTIONS = frozenset(
    "et e y i and und og och en ou o oder or ve és și ir ja un dan və".split()
)
#: Words that make a form's name but say nothing of whose it is: "City Hall", "the Council".
GENERIC = frozenset(
    "hall council office centre center house building administration government services service team "
    "department board committee unit group network city town state national federal municipal public "
    "general central local regional county district".split()
)
_ACRONYM_DEF = re.compile(r"\(\s*([A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&+\-]{1,11})\s*\)")
_SENTENCE_END = re.compile(r"[.!?;:\n]\s")
MAX_WORDS = 10
#: The forms that make a capitalised phrase an organisation on their own: legal and administrative words.
#: Weaker words ("collective", "community", "network", "forum") name fields, events and jobs as often.
_STRONG = re.compile(
    r"\b(universi(t|d)\w*|yliopisto|hogskola\w*|hochschule|fachhochschule|politecnico|hogeschool|"
    r"institut\w*|istituto|forschungs\w*|forskningsinstitut\w*|ministr\w*|minister\w*|bundesministerium|"
    r"bundes(zentrale|amt|anstalt|agentur)|senatsverwaltung|agenc\w*|agencia|agenzia|agentschap|myndighet\w*|"
    r"direktorat\w*|directorate|confederaci\w*|confederation|federaci\w*|federation|federazione|verband|"
    r"foundation|fondation|fundacion|fundacio|fondazione|stiftung|stichting|stiftelse\w*|saatio|fonden|"
    r"association|asociacion|associazione|associacio|vereniging|verein|\w+verein|forening\w*|\w+foreningen|"
    r"yhdistys|kommun|kommune|kommunen|kaupunki|kunta|gemeente|gemeinde|stadt|stad|ville|mairie|commune|"
    r"comune|citta|ajuntament|ayuntamiento|concello|municipio|municipality|metropole|region|regione|regionen|"
    r"alcaldia|intendencia|municipalidad|gobierno de la ciudad|gobierno municipal|prefeitura|"
    r"provincia|provincie|landkreis|generalitat|diputacion|county|city of|town of|council of|"
    r"confederation|selskab|bolag|bolaget|trafikselskab|landsting\w*|styrelse\w*|verket|akademi|federacao|"
    r"confederacao|associacao|fundacao|fundacja|stowarzyszenie|uniwersytet|univerzita|ulikool|linnavalitsus|"
    r"ministerstwo|ministerstvo|ministeerium|riigikantselei|sihtasutus|saatio|nadace|spolek|kraj|gmina|urzad|"
    r"direcao|direccao|kancelar|kancelaria|siec|belediyesi|universitesi|vakfi|dernegi|bakanligi|haskoli|"
    r"\w*egyetem\w*|onkormanyzat\w*|primari(a|ei)|consiliul|compania|savivaldyb\w*|asociati(a|ei)|fundati(a|ei)|"
    r"egyesulet\w*|alapitvany\w*|zdruzenie|nadacia|statsforvalt\w*|ministerul|ministerija|\w*miniszterium\w*|"
    r"\w+stofnun|\w+felag\w*|\w+sjodur|\w*tilsyn\w*|hogskul\w*|hogskole\w*|haskol\w*|mestska cast|"
    r"hlavni mesto|hlavne mesto|magistrat|bydel|fylkeskommune|asociacija|fondas|draugija|city hall|town hall|"
    r"authority|commission|(?:(?!and |of |the |for )\w+ ){2}administration|(?!s )\w\w+ (department|office) of|"
    r"\w+ public (works|librar\w*)|"
    r"(school|transit|water|sanitation|utility) district|valiligi|kaymakamligi|belediyeler birligi|"
    r"opcina|opstina|obcina|mestna obcina|zupanija|udruga|udruzenje|zaklada|fondacija|drustvo|grad|"
    r"(state|provincial|county) government|conseil (departemental|regional|municipal)|kementerian|pemerintah|"
    r"dinas|yayasan|perkumpulan|ood|eood|d o o|sdruzhenye|fondatsyia|obshchyna|"
    r"panchayat|parishad|nigam|palika|palike|samiti|sangathan|sanstha|(city|municipal) corporation|"
    r"government of|public defender|ombuds\w*|nazirliyi|icra hakimiyyeti)\b"
)
"""English public bodies' words count where they say whose body it is: "California Department of
Technology", "Social Security Administration", not "the Department of Politics" (a university's)."""


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()




def _sentences(text: str) -> list[str]:
    """``text`` cut at its sentences' ends (not after "e.V." or "Dr.")."""
    return [text[start:end] for start, end in _sentence_spans(text)]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where :func:`_sentences` cuts ``text``: (start, end) of each sentence."""
    out, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.group(0)[0] == "." and text.endswith(ABBREVIATIONS, 0, match.start() + 1):
            continue
        out.append((start, match.start() + 1))
        start = match.end()
    out.append((start, len(text)))
    return out


def _tokens(text: str) -> list[str]:
    """Words, with an elided article or preposition a word of its own ("d'agglomération" → "d", "agglomération")."""
    out = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        elided = _ELIDED.match(word)
        if elided:
            out.append(word[: elided.end() - 1])
            word = word[elided.end() :]
        if word.endswith(".") and word.count(".") == 1 and len(word) > 2 and word not in ABBREVIATIONS:
            word = word[:-1]  # a sentence's full stop, not an abbreviation's ("e.V.", "S.L.")
        out.append(word)
    return out


#: The stems of the strong form words, as running text writes them (any case, with or without accents):
#: a sentence without one holds no organisation's name by form, and is not looked at more closely.
_STEMS = (
    "universi", "yliopisto", "hogskol", "hochschul", "politecnic", "hogeschool", "institu", "istitut", "forschung",
    "forskning", "minist", "bundes", "senatsverwaltung", "agenc", "agenz", "agents", "myndighet", "direktorat",
    "directorate", "federa", "verband", "foundation", "fondation", "fundaci", "fondazion", "stiftung", "stichting",
    "stiftelse", "saatio", "fonden", "associa", "asociaci", "vereniging", "verein", "forening", "yhdistys", "kommun",
    "kaupunki", "kunta", "gemeente", "gemeinde", "stadt", "stad", "ville", "mairie", "commune", "comune", "citta",
    "ajuntament", "ayuntamiento", "concello", "municip", "metropol", "region", "provinc", "landkreis", "generalitat",
    "diputaci", "county", "city of", "town of", "council of", "selskab", "bolag", "landsting", "styrelse", "verket",
    "akademi", "uniwersyt", "univerzit", "ulikool", "ülikool", "linnavalitsus", "kantselei", "urząd", "urzad", "gmina",
    "fundacja", "stowarzysz", "gobierno", "alcald", "intendencia", "prefectura",
    "nadace", "spolek", "sihtasutus", "säätiö", "federação", "associação", "fundação",
    "minister", "kraj", "direção", "direcao", "kancelář", "kancelar", "sieć", "siec", "belediye", "üniversite",
    "universite", "vakfı", "vakfi", "derneği", "dernegi", "bakanlığı", "bakanligi", "háskóli", "haskoli",
    " e.v.", " gmbh", " s.l.", " sl ", " s.a.", " ab ", " ltd", " s.r.l.", " srl", " s.p.a.", " spa ", " b.v.",
    " oy ", " as ", " aps", " sas", " sarl", " sccl", " inc", " llc", " plc", " ag ", " asbl", " vzw",
    "city hall", "town hall", "egyetem", "onkormanyzat", "primari", "consiliul", "compania", "savivaldyb",
    "statsforvalt", "ministerstv", "ministerul", "asociati", "fundati", "spolek", "nadaci", "zdruzen", "egyesulet",
    "alapitvany", " s.r.o", " a.s.", " z.s.", " o.p.s.", " z.ú.", " kft", " zrt", " ehf", " hf.", " asa", " oü",
    " uab", " sia ", "authority", "commission", "administration", "department of", "office of", "public works",
    "public librar", " district", "valilig", "valili", "kaymakaml", "birli", "opcin", "općin", "opštin", "opstin",
    "občin", "obcin", "županij", "zupanij", "udrug", "udružen", "udruzen", "zaklad", "društv", "drustv", "grad ",
    " government", "kementerian", "pemerintah", "dinas ", "yayasan", "perkumpulan", " оод", " еоод", "д.о.о",
    "сдружение", "фондаци", "община", "conseil",
    "panchayat", "parishad", "nigam", "palika", "palike", "samiti", "sangathan", "sanstha", " corporation",
    "government of", "public defender", "ombuds", "nazirliy", "hakimiyy",
)


#: The stems above as the languages write them with their accents.
_ACCENTED_STEMS = (
    "högskol", "förening", "föreningen", "förbund", "säätiö", "fédéra", "fédér", "région", "métropol", "città",
    "università", "ministère", "municipalité", "asociación", "fundación", "diputación", "confederación",
    "fundació", "diputació", "associació", "institució", "verksamhet", "myndighet", "styrelsen", "ämbet",
    "länsstyrelse", "kommunförbund", "forskningsråd", "universität", "université", "gemeinschaft", "genossenschaft",
    "städ", "régie", "préfecture", "département", "département", "conseil", "câmara", "prefeitura",
    "önkormányzat", "primări", "asociați", "fundați", "nadáci", "združen", "egyesület", "alapítvány", "savivaldyb",
)


@lru_cache(maxsize=1)
def _stem_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for stem in (*_STEMS, *_ACCENTED_STEMS):
        automaton.add_word(stem, stem)
    automaton.make_automaton()
    return automaton


def _has_stem(text: str) -> bool:
    """Whether ``text`` holds a strong form word's stem (in any case; with the accents the languages
    write them with): one pass in C."""
    for _found in _stem_automaton().iter(text.lower() + " "):
        return True
    return False


_UPPER_EXTENDED = "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
"""The capitals of Latin Extended-A and -B ("Ş", "Ž", "Ł"), whose lower-case letters sit between them."""
_CAP = rf"(?<![^\W_])[A-ZÀ-ÖØ-Þ{_UPPER_EXTENDED}0-9\u0400-\u042f\u0386-\u03ab][\w'’.\-&+]*"
_ELID = r"(?:[ldjmtsncLDJMTSNC]|[Aa]ll|[Dd]ell|[Nn]ell|[Ss]ull|[Dd]all|[Qq]u)['’]"
_LEGAL_LOWER = r"(?:e\.V\.|eV|gGmbH|asbl|vzw|ry)(?![\w])"
_RUN = re.compile(
    rf"(?:{_ELID})?{_CAP}(?:(?:[ \t]+(?:(?:{'|'.join(sorted(map(re.escape, _CONNECTORS), key=len, reverse=True))})"
    rf"[ \t]+)*|[ \t]+)(?:{_ELID})?(?:{_CAP}|{_LEGAL_LOWER}))+"
)
"""Two capitalised words or more (one word alone is no name by form: never a match to look at)."""


def _stem_spans(text: str) -> tuple[list[int], list[int]] | None:
    """Where the strong form words' stems start and end in ``text`` (one pass in C, in order of their
    starts), or ``None`` where lower case changes the text's length ("İ") and offsets would not match."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    spans = sorted({(end - len(stem) + 1, end + 1) for end, stem in _stem_automaton().iter(lower + " ")})
    return [s for s, _e in spans], [e for _s, e in spans]


def _runs(text: str) -> Iterator[str]:
    """Runs of capitalised words joined by connectors, within one sentence that holds a form word."""
    spans = _stem_spans(text)
    if spans is not None and not spans[0]:
        return
    for begin, end in _sentence_spans(text):
        sentence = text[begin:end]
        if spans is None:
            if not _has_stem(sentence):
                continue
        else:
            # a stem inside the sentence (or ending on the space after it, as _has_stem sees it)
            starts, ends = spans
            i = bisect_left(starts, begin)
            while i < len(starts) and starts[i] < end and ends[i] > end + 1:
                i += 1
            if i == len(starts) or starts[i] >= end:
                continue
        for match in _RUN.finditer(sentence):
            after = sentence[match.end() : match.end() + 3]
            if after[:2] == ", " and after[2:3].isupper() and not _a_place_after(sentence, match.end() + 2):
                continue  # "Ministerio del Ambiente, Agua y …": where the name ends is unclear
            if after[:2] == ", " and _LIST_GOES_ON.match(sentence, match.end() + 2):
                continue  # "Ministère de la Communication, des Télécommunications et …": so is this one
            if _goes_on_in_lower_case(match.group(0), sentence, match.end()):
                continue  # "Udruženje Građanski glas": a Slavic name in sentence case, its end unknown
            if (words := _run_words(match.group(0))) is not None:
                yield words


_SENTENCE_CASE_TYPES = frozenset(
    "udruga udruzenje zaklada drustvo fondacija spolek nadace nadacia nadacija stowarzyszenie fundacja "
    "zdruzenie zdruzenje sdruzhenye fondatsyia fondatsyja udruzhenje obcianske".split()
)
"""Type words of languages that write names in sentence case ("Udruga Moj kvart", "Spolek pro obnovu …")."""
_LOWER_WORD = re.compile(r" ([^\W\d_][\w'’-]*)")


def _goes_on_in_lower_case(run: str, sentence: str, end: int) -> bool:
    """Whether a run of a sentence-case type word and one capitalised word goes on in lower case, so
    that where the name ends is unknown ("Udruženje Građanski glas", "Zaklada Jadranski most")."""
    words = run.split()
    if len(words) != 2 or fold(words[0]) not in _SENTENCE_CASE_TYPES:
        return False
    match = _LOWER_WORD.match(sentence, end)
    return match is not None and match.group(1)[:1].islower() and match.group(1).lower() not in _CONNECTORS


_LIST_GOES_ON = re.compile(r"(?:des|de la|de l['’]|du|del|de los|de las|della|delle|dei|of the|for|für|der|"
                           r"van de|i|e|y|et|and)\s+(?:l['’])?[A-ZÀ-ÖØ-Þ]")


def _a_place_after(sentence: str, at: int) -> bool:
    """Whether what follows a comma at ``at`` is a region's or a town's name, then a comma or the
    sentence's end: "the City of Mobile, Alabama, showed …" ends its name at the comma."""
    from kg.resolve.places import region_country, town

    rest = sentence[at:]
    cut = rest.find(",")
    place = (rest[:cut] if cut != -1 else rest).strip().rstrip(".!?;:")
    if not place or len(place.split()) > 3 or (" " in place and not all(w[:1].isupper() for w in place.split())):
        return False
    return region_country(place) is not None or town(place) is not None


@lru_cache(maxsize=65536)
def _run_words(run: str) -> str | None:
    """A run's words as a name may be made of them, or ``None`` (once per run: a site names its
    organisations in the same words again and again)."""
    if " " not in run or not _has_stem(run):
        return None  # one word, or no form word: no organisation's name by form
    words = [w for w in _tokens(run) if w not in "(),"]
    if words and words[-1][-2:] in ("'s", "’s") and len(words[-1]) > 3:
        words[-1] = words[-1][:-2]  # "Fundacja Pracownia Miejska's report": the English possessive
    for i, word in enumerate(words):
        if (suffix := _CASE_SUFFIX.search(word)) is not None and not word.endswith(("'s", "’s")):
            words = [*words[:i], word[: suffix.start()]]  # "Ankara Üniversitesi'nden": the name ends at its case
            break
    return " ".join(words) if len(words) <= MAX_WORDS + 4 else None


_CASE_SUFFIX = re.compile(r"(?<=\w\w)['’][a-zçğıöşü]{1,6}$")
"""A case ending written after an apostrophe, as Turkish writes them on names ("İzmir'de", "Ankara
Üniversitesi'nin", "Decidim'i"): the name is the word before it."""


def _trimmed(run: str) -> str | None:
    words = run.split()
    while words and (words[0].lower() in _ARTICLES or words[0].lower() in _NOT_A_START
                     or words[0].lower() in _CONNECTORS):
        words = words[1:]  # "La Confederación …" at a sentence's start
    if not words or len(words) > MAX_WORDS:
        return None
    return " ".join(words)


def names_by_form(text: str) -> list[tuple[str, str | None]]:
    """The organisation names ``text`` writes, found by their form (see the module's docstring), each
    with the acronym the text defines for it, if any."""
    found: dict[str, str | None] = {}
    if not text:
        return []
    for run in _runs(text):
        for name in _names_of_run(run):
            found.setdefault(name, None)
    for long_form, acronym in _defined_long_forms(text):
        found[long_form] = acronym
        for name in [n for n in found if n != long_form and long_form.startswith(n + " ")]:
            del found[name]  # "Ministerio de Tecnologías de la Información" of "… y las Comunicaciones (MinTIC)"
    for holds, finds in _MORE_FORMS:
        if holds(text):
            for name in finds(text):
                found.setdefault(name, None)
    return list(found.items())


_CASELESS_TYPES = (
    "meria", "sakrebulo", "munitsipaliteti", "saministro", "universiteti", "mtavroba",  # Georgian
    "mhangrpalika", "mankratci", "nkratci", "paursbha", "paursmstha", "visvvidyaly", "bisbbidyaly", "plklaikklk",
    "mmtraly", "mntrnaly",  # Devanagari, Tamil, Bengali, as kg.fold.latin writes them
)
"""The type words of names written without capitals: a city hall, a ministry, a university …"""
_CASELESS_QUALIFIERS = frozenset({"sakhelmtsipo", "avtonomiuri", "respublikis", "pinansta"})
"""Words between a Georgian name's place and its type ("state", "autonomous republic's", "finances'")."""


def _a_place(folded: str) -> bool:
    """Whether a folded word is a town or a country, as it is or in the genitive ("ქუთაისის", "საქართველოს")."""
    from kg.resolve.countries import country_code
    from kg.resolve.places import town

    for form in (folded, folded[:-1] if folded.endswith("s") else ""):
        if form and len(form) > 3 and (town(form) is not None or country_code(form) is not None):
            return True
    return False


def _caseless_names(text: str) -> list[str]:
    """Names in scripts without capitals, found by a type word after a place: "ქუთაისის მერია" (Kutaisi's
    city hall), "საქართველოს ფინანსთა სამინისტრო", "नाशिक महानगरपालिका"; the type word without the case
    ending glued to it ("ქუთაისის მერიამ"). A type word after anything but a town or a country
    ("ქალაქის მერია", the city's city hall) names nobody in particular."""
    words = list(CASELESS_WORD.finditer(text))
    out = []
    for i, match in enumerate(words):
        word = match.group(0)
        folded = fold(word)
        kind_word = next((t for t in _CASELESS_TYPES if folded.startswith(t)), None)
        if kind_word is None:
            continue
        while word and fold(word) != kind_word and len(fold(word)) > len(kind_word):
            word = word[:-1]  # "მერიამ" → "მერია"
        if fold(word) != kind_word:
            continue
        first, place = i, False
        while first > 0 and i - first < 4:
            before = words[first - 1]
            if text[before.end() : words[first].start()].strip():
                break  # a comma, a full stop: not one name
            folded_before = fold(before.group(0))
            if _a_place(folded_before):
                place, first = True, first - 1
            elif folded_before in _CASELESS_QUALIFIERS:
                first -= 1
            else:
                break
        if not place:
            continue
        name = text[words[first].start() : match.start()] + word
        if kind_of(name) not in (None, "intergovernmental"):
            out.append(name)
    return out


_QUOTE_OPENS = re.compile("[„«“‚‹\"”]")
_QUOTED = re.compile(
    r"((?:[^\W\d_][\w.\-]*[ \t]+){1,3})"  # up to three words before the quote: the type ("Сдружение", "Fundacja")
    r"([„«“‚‹\"”])([A-ZÀ-ÖØ-Þ\u0100-\u024f\u0370-\u03ff\u0400-\u042f\u0531-\u0556\u10a0-\u10ff\d]"
    r"[^„«“‚‹”»“\"\n]{1,60}?)([“”»’›\"])"
)
"""A type word, then a name in quotation marks: "Сдружение „Гражданска мрежа“", "фонд «Городские проекты»",
"Fundacja „Pracownia Miejska”", "ГО «Розумне місто»"."""
_CLOSES = {"„": "“”", "«": "»", "“": "”", "‚": "‘’", "‹": "›", '"': '"', "”": "”"}


def _quoted_names(text: str) -> list[str]:
    """Organisations named by a type word (or legal form) before a name in quotation marks, as the Slavic
    languages, German and others write them: the type and the quoted name are the name, the type being
    the fewest of the (up to three) words before the quote that :func:`kind_of` reads as the kind of the
    whole ("Благотворительный фонд «Нужна помощь»")."""
    out = []
    for match in _QUOTED.finditer(text):
        opens, inner, closes = match.group(2), match.group(3).strip(), match.group(4)
        if closes not in _CLOSES[opens] or len(inner.split()) > 6:
            continue
        words = match.group(1).split()
        best = None
        for take in range(1, len(words) + 1):
            before = words[-take:]
            if fold(before[0]) in _CONNECTORS or not (before[0][:1].isupper() or take == 1 or caseless(before[0])):
                break
            candidate = f"{' '.join(before)} {opens}{inner}{closes}"
            kind = kind_of(candidate)
            if kind is None or kind == "intergovernmental" or (
                    kind_of(" ".join(before)) != kind and not (take == 1 and before[0] in LEGAL_PREFIXES)):
                continue  # the kind is the type's, not the quoted words' ('the report "Open Data Foundation"')
            best = candidate
            break  # the fewest words that make a type: "Благотворительный фонд", not the verb before it
        if best is not None:
            out.append(best)
    return out


_SENTENCE_CASE_LEGAL = ("d.o.o.", "s.r.o.", "sp. z o.o.", "a.s.", "z.s.", "o.p.s.", "z.ú.", "o.z.", "d.d.", "k.s.",
                        "v.o.s.", "e.V.", "gGmbH", "ЕООД", "ООД", "ЕАД", "д.о.о.", "ДОО", "ДООЕЛ", "а.д.")
"""Legal forms that end a company's or an association's name written in sentence case or with one word
before them ("Otvoreni grad d.o.o.", "Инфопулт д.о.о.", "Отворен град ЕООД"), which the runs of capitalised
words cannot hold."""
_SENTENCE_CASE_LEGAL_HINT = re.compile("|".join(re.escape(form) for form in _SENTENCE_CASE_LEGAL))
_SENTENCE_CASE_COMPANY = re.compile(
    rf"{_CAP}((?:[ \t]+[^\W\d_A-ZÀ-ÖØ-Þ\u0400-\u042f][\w'’\-]*){{0,2}}),?[ \t]+"
    rf"(?:{'|'.join(re.escape(form) for form in sorted(_SENTENCE_CASE_LEGAL, key=len, reverse=True))})(?![\w.])"
)


def _sentence_case_companies(text: str) -> list[str]:
    """Names a legal form ends, their first word capitalised, the others maybe not (see
    :data:`_SENTENCE_CASE_LEGAL`); a sentence's first word before lower-case ones is no name's start."""
    out = []
    for match in _SENTENCE_CASE_COMPANY.finditer(text):
        name = match.group(0).strip()
        first = name.split()[0]
        before = text[max(0, match.start() - 80) : match.start()].rstrip(" \t\"'“”„«»(")
        at_start = not before.strip() or before.endswith((".", "!", "?", ":", "\n"))
        if fold(first) in _NOT_A_START or fold(first) in _CONNECTORS or (at_start and match.group(1).strip()):
            continue
        word_before = text[max(0, match.start() - 40) : match.start()].split()[-1:]
        if word_before and text[match.start() - 1 : match.start()].isspace() and _capitalised(word_before[0]):
            continue  # "Nachbarschaftsverein Wrangelkiez e.V.": the end of a longer name, which the runs read
        kind = kind_of(name)
        if kind is not None and kind != "intergovernmental":
            out.append(name)
    return out


_SLAVIC_REGION = re.compile(r"(?<![\w-])[A-ZČĆŠŽĐ][a-zčćšžđ]+(?:ska|čka|ška|nska|ačka|ćka) (?:županija|oblast)\b")
"""A county named by its town's adjective, the type word in lower case: "Zagrebačka županija"."""
_SEMITIC = re.compile(r"[\u0590-\u05ff\u0600-\u06ff]")
_SEMITIC_NAME = re.compile(
    r"(?<![\u0590-\u05ff\u0600-\u06ff])(?:[وبلف]{0,2})((?:وزارة|جامعة|بلدية|أمانة|هيئة|مؤسسة|جمعية|شركة)"
    r"(?: [\u0600-\u06ff]+)?(?: (?!الذي|التي|الذين|اللذان|اللتان|اللواتي|اللاتي|الآن|الان|الى|الا)"
    r"ال[\u0600-\u06ff]+){1,3})"
    r"|(?<![\u0590-\u05ff])(?:[ובלהמש]{0,2})((?:משרד|אוניברסיטת|עיריית|רשות|עמותת|קרן)"
    r"(?: (?!הוא|היא|הם|הן|הזה|הזאת|היום|השנה)ה[\u0590-\u05ff]+){1,3})"
)
"""Arabic and Hebrew bodies: a type word (ministry, university, municipality, association …) and the words
with the definite article after it ("وزارة الإدارة المحلية", "משרד הפנים"), without the letters written onto
it ("ولوزارة", "במשרד")."""


def _semitic_names(text: str) -> list[str]:
    from kg.resolve.kinds import kind_of

    out = []
    for match in _SEMITIC_NAME.finditer(text):
        name = match.group(1) or match.group(2)
        if name and kind_of(name) not in (None, "intergovernmental"):
            out.append(name)
    return out


_HANGUL_WORD = re.compile(HANGUL.pattern + "{3,}")
_KOREAN_PARTICLES = tuple(sorted(
    ("에서는 에게서 으로서 으로써 에서 에게 으로 까지 부터 처럼 보다 "
     "와의 과의 에는 은 는 이 가 을 를 의 에 와 과 도 로 만").split(),
    key=len, reverse=True))
_KOREAN_PREFIXES = ("사단법인", "재단법인", "주식회사", "사회적협동조합")


def _korean_names(text: str) -> list[str]:
    """Korean organisations named in running text by their forms: a word ending in one (구청, 대학교, 부,
    재단 …) once the particle glued to it is taken off ("행정안전부도" → 행정안전부), or a legal form
    and the word after it ("사단법인 한빛")."""
    from kg.resolve.kinds import kind_of

    out: list[str] = []
    words = text.split()
    skip = -1
    for i, word in enumerate(words):
        word = word.strip(".,;:!?()[]\"'“”‘’「」")
        if i == skip or not _HANGUL_WORD.fullmatch(word):
            continue
        if word in _KOREAN_PREFIXES and i + 1 < len(words):
            following = _without_particle(words[i + 1].strip(".,;:!?()[]\"'“”"))
            if following:
                out.append(f"{word} {following}")
                skip = i + 1
            continue
        stem = _without_particle(word)
        if stem.endswith("들"):
            continue  # a plural: "의원들도" (the members, too) is nobody's name
        for candidate in dict.fromkeys((stem, word)):
            kind = kind_of(candidate)
            if kind in (None, "intergovernmental") or len(candidate) < (3 if kind == "municipality" else 4):
                continue
            out.append(candidate)
            break
    return out


def _without_particle(word: str) -> str:
    for particle in _KOREAN_PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


_CONSEIL = re.compile(r"\bConseil (?:départemental|régional|municipal|général|communal|provincial) "
                      r"(?:de la |de l['’]|du |des |de |d['’])[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)*")
"""French councils, whose adjective is written in lower case: "Conseil départemental de Rufisque"."""


_HAN = re.compile(r"[\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fff\uf900-\ufaffー・]+")
"""Katakana and Han letters: in Japanese, a name's letters between the kana particles and endings."""
_CHINESE_BREAKS = re.compile(
    "[的與与和及跟在是由為为向對对將将也都了這这那從从到把被讓让並并則则"
    "而於于就或等各個个們们我你他她它帶带感謝谢]"
)
"""Characters that are words of their own in Chinese sentences, never inside the names found here."""
_CJK_ASSOCIATION_END = ("協會", "協会", "基金會", "基金会", "協議會", "協議会")
_CJK_BODY_END = re.compile(r"(?<=政府)|(?<=役所)|(?<=公所)")
"""A city's government or office is a whole body: what follows it is another word."""
_CJK_LEGAL_PREFIX = re.compile(
    "一般社団法人|一般財団法人|公益社団法人|公益財団法人|社團法人|社団法人|"
    "財團法人|財団法人|NPO法人|特定非営利活動法人|株式会社"
)
_CJK_STRONG_END = re.compile(
    "(?:市役所|区役所|區公所|市公所|市政府|縣政府|県庁|府庁|都庁|市立大學|"
    "市立大学|大學|大学|股份有限公司|有限公司|株式会社|基金會|基金会|協會|"
    "協会|協議會|協議会|庁|廳|省|市|区|區|県|縣|府)"
)
_CJK_PLACE_END = ("市", "区", "區", "県", "縣", "府", "市役所", "区役所", "區公所", "市公所", "市政府",
                  "縣政府", "県庁", "府庁", "都庁")


def _cjk_names(text: str) -> list[str]:
    """Names of organisations in Chinese or Japanese running text, found by their forms: a run of Han or
    katakana letters (between kana particles, punctuation or Chinese function words) that ends with an
    administrative or legal form ("デジタル庁", "大阪府", "臺北市立大學", "新竹市政府"), from a legal form
    before it if there is one; a town's form only where the town is known ("都市" is a word, no city)."""
    from kg.resolve.kinds import _cjk_place_core
    from kg.resolve.places import town

    chinese = KANA.search(text) is None
    out: list[str] = []
    for match in _CJK_RUN.finditer(text):
        runs = _CHINESE_BREAKS.split(match.group(0)) if chinese else [match.group(0)]
        runs = [piece for run in runs for piece in _CJK_BODY_END.split(run)]  # "新北市政府" | "希望…"
        for run in runs:
            if len(run) < 3:
                continue
            ends = [m.end() for m in _CJK_STRONG_END.finditer(run)]
            lead = _CJK_LEGAL_PREFIX.search(run)
            if lead is not None and len(run) - lead.end() >= 2 and (not ends or ends[-1] <= lead.end()):
                ends.append(len(run))  # "株式会社ハマデータ": the form before the name, and nothing after it
            for end in reversed(ends):  # the longest name the run holds
                prefix = _CJK_LEGAL_PREFIX.search(run, 0, end)
                name = run[prefix.start() if prefix else 0 : end]
                if len(name) < 3 or _CJK_LEGAL_PREFIX.fullmatch(name) or kind_of(name) in (None, "intergovernmental"):
                    continue
                if chinese and not prefix and name.endswith(_CJK_ASSOCIATION_END):
                    continue  # "希望社區發展協會": where a Chinese association's name begins, only its form says
                if name.endswith(_CJK_PLACE_END) and not (prefix and prefix.end() < end):
                    core = _cjk_place_core(name)
                    if core is None or town(core) is None:
                        continue
                out.append(name)
                break
    return out


#: One-word names of public bodies, compounds of a word and an agency's form: "Skolverket",
#: "Socialstyrelsen", "Riigikantselei", "Arbetsförmedlingen" is not one (no such ending).
_AGENCY_ENDINGS = ("verket", "styrelsen", "myndigheten", "direktoratet", "kantselei", "ministeriet", "inspektionen",
                   "styrelse", "virasto", "ministeriö", "tilsynet", "kommissionen", "ombudsmannen", "stofnun",
                   "minisztérium", "departementet", "ämbetet", "nämnden",
                   "ministerium", "ministeerium", "ministerija")
_AGENCY_WORD_STEMS = re.compile("|".join(_AGENCY_ENDINGS))
_NOT_A_NETWORK = r"(?<!nett)(?<!nät)(?<!net)(?<!Nett)(?<!Nät)(?<!Net)"
"""Before "verket": "Nettverket", "Läringsnettverket", "Nätverket" are a network (the word), no agency."""
_AGENCY_WORD = re.compile(r"(?<![\w\-])[A-ZÅÄÖÆØÜÁÉÍÓÚÝÞÐŐŰ][^\W\d_]{2,}?(?:" +
                          "|".join(_NOT_A_NETWORK + e if e == "verket" else e for e in _AGENCY_ENDINGS) +
                          r")(?![\w\-])")


@lru_cache(maxsize=65536)
def _names_of_run(run: str) -> tuple[str, ...]:
    """The names a run of capitalised words holds (once per run: a site writes its organisations' names
    again and again)."""
    out = []
    for part in _split_conjunctions(run.split()):
        name = _named_by_form(part)
        if name is not None:
            out.append(name)
    return tuple(out)


def _named_by_form(words: list[str]) -> str | None:
    """The organisation name a run of words is, or ``None``."""
    return _named_by_form_of(" ".join(words))


@lru_cache(maxsize=65536)
def _named_by_form_of(run: str) -> str | None:
    """:func:`_named_by_form` of the words of ``run``, once per run: a site names its organisations often."""
    name = _trimmed(run)
    if name is None:
        return None
    words = name.split()
    # "Forschende der Universität zu Köln": a noun before the name, joined to it by a connector
    while len(words) > 2 and kind_of(words[0]) is None and words[1].lower() in _CONNECTORS:
        rest = words[1:]
        while rest and rest[0].lower() in _CONNECTORS:
            rest = rest[1:]
        if not _qualifies(rest):
            break
        words = rest
    return " ".join(words) if _qualifies(words) else None


_PLURAL_TYPES = frozenset(
    "ministries universities municipalities agencies foundations associations councils departments institutes "
    "companies authorities governments ministerios universidades ministères universités ministerien universitäten "
    "kommuner ministerier".split()
)
"""Type words in the plural: "the Ministries of the Executive Yuan" are several bodies, no one's name."""


def _qualifies(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _CONNECTORS]
    if len(content) < 2 or len(content) > MAX_WORDS:
        return False
    if content[0].lower() in _PLURAL_TYPES:
        return False
    name = " ".join(words)
    if len(words) > 1 and _STRONG.search(fold(words[-1])) and words[-2].lower() in _CONNECTORS:
        return False  # "Soziologen der Universität": someone of an organisation, not its name
    kind = kind_of(name)
    if kind is None or kind == "intergovernmental":
        return False
    if not _STRONG.search(fold(name)) and not _legal_end(name):
        return False
    if any(any(c.isdigit() for c in w) and not _day_of(words, w) for w in content[:-1]) or (
            any(c.isdigit() for c in content[-1]) and len(content[-1]) > 1):
        return False  # "Cooperative Cities 7-8", "Collective Intelligence 2017": events, not bodies
    # whose form it is: a word that is no form itself ("Fundación Universidad" is nobody's)
    return any(_capitalised(w) and fold(w) and not _STRONG.search(fold(w)) and fold(w) not in GENERIC
               for w in content)


def _day_of(words: list[str], word: str) -> bool:
    """A day's number inside a name, joined by a connector to the month: "Associação 25 de Abril"."""
    if not (word.isdigit() and len(word) <= 2):
        return False
    at = words.index(word)
    return at + 2 < len(words) and words[at + 1].lower() in _CONNECTORS and _capitalised(words[at + 2])


def _split_conjunctions(words: list[str]) -> list[list[str]]:
    """ "Ville de Fréjus et la Ville de Saint-Raphaël" is two names; "Fundación Daniel y Nina Carasso" one."""
    for i, word in enumerate(words):
        if word.lower() not in _CONJUNCTIONS or i == 0 or i == len(words) - 1:
            continue
        left, right = words[:i], words[i + 1 :]
        article = right[0].lower() in _ARTICLES
        if _named_by_form(left) and (_named_by_form(right) or article):
            return [left, *_split_conjunctions(right)]
        if _named_by_form(left) and len(right) == 1 and not is_vocabulary(fold(right[0])):
            return [left]  # "Politecnico di Milano e Openpolis": the form is the left name's (not "… and Technology")
        if len(left) == 1 and _named_by_form(right):
            return _split_conjunctions(right)  # "CONSUL og Aarhus Kommune"
    return [words]


def _defined_long_forms(text: str) -> Iterator[tuple[str, str]]:
    """Long forms of acronyms a text defines: "Agence nationale de la cohésion des territoires (ANCT)"."""
    if "(" not in text:
        return
    for match in _ACRONYM_DEF.finditer(text):
        acronym = match.group(1)
        letters = [c for c in acronym if c.isalpha()]
        if len(letters) < 2 or sum(c.isupper() for c in acronym) < 2:
            continue
        before = text[max(0, match.start() - 200) : match.start()]
        before = _sentences(before)[-1]
        words = [w for w in _tokens(before) if w not in "(),"]
        long_form = _initials_match(words, [c.lower() for c in letters])
        capitals = [c for c in acronym if c.isupper()]
        if long_form is None and len(capitals) >= 3 and len(capitals) < len(letters):
            long_form = _initials_match(words, [c.lower() for c in capitals])  # "MinTIC": M, T, I, C
        if long_form is None:
            continue
        name = _trimmed(long_form)
        if name is None or len(name.split()) < 2:
            continue
        if (kind_of(name) is not None and kind_of(name) != "intergovernmental") or (
            _capitalised(name) and sum(_capitalised(w) for w in name.split()) >= 2
        ):
            yield name, acronym


def _initials_match(words: list[str], letters: list[str]) -> str | None:
    """The shortest run of words at the end of ``words`` whose content words' initials spell ``letters``."""
    content = 0
    for start in range(len(words) - 1, -1, -1):
        word = words[start]
        if word.lower() in _CONNECTORS:
            continue
        content += 1
        if content > len(letters) + 1:
            return None
        initials = [w[0].lower() for w in words[start:] if w.lower() not in _CONNECTORS]
        if initials == letters:
            return " ".join(words[start:])
        spelled = [c.lower() for w in words[start:] if w.lower() not in _CONNECTORS
                   for c in (w if w.isupper() and 2 <= len(w) <= 4 else w[0])]
        if spelled == letters and len(spelled) > len(initials):
            return " ".join(words[start:])  # "Kenya ICT Action Network (KICTANet)": ICT gives its letters
    return None


def _legal_end(name: str) -> bool:
    from kg.resolve.kinds import LEGAL_FORMS

    return any(name.endswith(" " + form) for form, _kind in LEGAL_FORMS)


def _matches(pattern: re.Pattern[str]) -> Callable[[str], Iterator[str]]:
    return lambda text: (match.group(0) for match in pattern.finditer(text))


def _held(*words: str) -> Callable[[str], bool]:
    return lambda text: any(word in text for word in words)


_MORE_FORMS: tuple[tuple[Callable[[str], object], Callable[[str], Iterable[str]]], ...] = (
    (_AGENCY_WORD_STEMS.search, _matches(_AGENCY_WORD)),
    (_HANGUL_WORD.search, _korean_names),
    (_held("upanij", "blast"), _matches(_SLAVIC_REGION)),
    (_SEMITIC.search, _semitic_names),
    (_held("onseil "), _matches(_CONSEIL)),
    (_HAN.search, _cjk_names),
    (_QUOTE_OPENS.search, _quoted_names),
    (_SENTENCE_CASE_LEGAL_HINT.search, _sentence_case_companies),
    (CASELESS_WORD.search, _caseless_names),
)
"""The other forms :func:`names_by_form` reads, each behind a cheap test that the text may hold one
(the test, then the finder): one-word agencies ("Skolverket"), Korean, Slavic counties, Arabic and Hebrew, French
councils, Chinese and Japanese, quoted names, sentence-case companies, names in scripts without capitals."""
