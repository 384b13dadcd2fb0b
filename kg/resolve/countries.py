"""Countries: their names in the languages sites are written in, and what a name's form says.

The names come from ISO 3166 as pycountry ships it, translated by its own gettext
catalogues, so "(Niederlande)", "(Pays-Bas)", "(Nederländerna)" and "(Netherlands)"
are one country. :func:`country_of_form` reads the few administrative and legal
forms that belong to one country only ("Lunds kommun", "Comune di Bologna",
"Exempel AB", "Acme S.r.l."); forms shared by several countries (GmbH, Stadt,
Universität) say nothing. :func:`country_of_host` reads a homepage's country-code
domain (the resolver takes a link titled with an organisation's name alone as its homepage).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pycountry

from kg.fold import KANA, has_cjk
from kg.map.iris import latin
from kg.resolve.kinds import fold

#: Languages whose country names are recognised (pycountry's catalogue names), short ones ("Cuba", "Irak") too.
LANGUAGES = ("en", "sv", "fr", "de", "es", "ca", "it", "nl", "da", "nb_NO", "nn", "fi", "pt", "pl", "et", "eu", "gl")
MORE_LANGUAGES = ("is", "fo", "lt", "lv", "cs", "sk", "hu", "ro", "sl", "hr", "bs", "sr@latin", "sr", "mk", "bg", "ru",
                  "uk", "be", "el", "sq", "mt", "ga", "cy", "tr", "az", "id", "ms", "vi", "fil", "sw", "af", "ha", "yo",
                  "zu", "xh", "ka", "hy", "hi", "mr", "bn", "ta")
"""More languages whose names of the countries a name may use ("Ürdün Üniversitesi", "Ministerstvo vnitra
České republiky"), their names of five letters or more only: the shorter are as often words of their own
("Malý", "Pole", "Nhật"). Names in scripts that fold to nothing (Arabic, Han) add nothing, and a language's
name never displaces an earlier language's for the same letters."""
#: Short forms in common use that ISO 3166 does not list.
_EXTRA = {
    "usa": "US",
    "us": "US",
    "u s": "US",
    "u s a": "US",
    "united states of america": "US",
    "america": "US",
    "uk": "GB",
    "u k": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "storbritannien": "GB",
    "holland": "NL",
    "czechia": "CZ",
    "russia": "RU",
    "south korea": "KR",
    "korea": "KR",
    "vietnam": "VN",
    "iran": "IR",
    "syria": "SY",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "taiwan": "TW",
    "laos": "LA",
    "kosovo": "XK",
    "turkey": "TR",
    "turkiet": "TR",
    "turquie": "TR",
    "turkei": "TR",
    "ivory coast": "CI",
    "eu": "",
    "europe": "",
    "island": "",  # Iceland in German and the Nordic languages, but "Open Island Co., Ltd." is an island
}
#: Forms of one country only, matched as whole words on the folded name.
_FORM_COUNTRY = (
    (r" kommun$| kommunen$|s stad$|landsting(et)?$|regionen$|stadsdelsförvaltning| högskola(n)?$|^högskolan |"
     r"ideell förening$|\w+föreningen$|^föreningen |\w+förbundet$", "SE"),
    (r" kaupunki$| kunta$|yliopisto$|ammattikorkeakoulu$| ry$", "FI"),
    (r"^gemeente |^stichting |^provincie |^hogeschool |^universiteit ", "NL"),
    (r"^comune di |^città di |^citta di |^regione |^provincia di |^fondazione |^università |^associazione |"
     r" onlus$|^città metropolitana ", "IT"),
    # Spain's own forms; "Ayuntamiento", "Fundación" and "Universidad" are also Mexico's, Argentina's …
    (r"^ajuntament |^l ajuntament |^generalitat |^diputación |^diputació |^concello |"
     r"^fundació |^universitat |^comunidad de madrid|^junta de (?!freguesia)|^consejería |^conselleria ", "ES"),
    (r"^mairie |^métropole |métropole$|^communauté d agglomération |^communauté de communes |^communauté urbaine |"
     r"^conseil départemental |^conseil régional |"
     r"^région (auvergne|bretagne|normandie|occitanie|grand est|hauts)", "FR"),
    (r"^câmara municipal |^junta de freguesia |^freguesia |^direção-geral |^direção geral ", "PT"),
    (r"^prefeitura ", "BR"),
    (r"^urząd (miasta|gminy|m st|marszałkowski) |^gmina |^miasto stołeczne |^fundacja |^stowarzyszenie |^uniwersytet |"
     r"^politechnika |^ministerstwo |^województwo |^powiat |^towarzystwo ", "PL"),
    (r"^statutární město |^magistrát (hlavního )?města |^město |^nadace |^spolek |^ústav |^vysoké učení ", "CZ"),
    (r"^hlavné mesto |^mesto |^nadácia |^občianske združenie |^mestská časť | samosprávny kraj$|akadémia vied", "SK"),
    (r" linnavalitsus$| vallavalitsus$| ülikool$|^mtü | mtü$| oü$|^sihtasutus | sihtasutus$|riigikantselei|"
     r"ministeerium$| linn$| vald$|^sa | amet$| selts$| ühing$", "EE"),
    (r" pašvaldība$| novads$|^sia |^biedrība | universitāte$", "LV"),
    (r" savivaldybė$|^uab | universitetas$|^všį | fondas$| asociacija$| draugija$| bendrija$", "LT"),
    (r" säätiö$| yhdistys$| korkeakoulu$|virasto$|ministeriö$| liitto$", "FI"),
    (r" önkormányzat| polgármesteri hivatal|egyetem$| alapítvány$| egyesület$| kft$| zrt$| nyrt$|minisztérium", "HU"),
    (r"^primăria |^primaria |^municipiul |^consiliul județean |^universitatea |^asociația |^fundația |^ministerul |"
     r"^consiliul local |^compania de ", "RO"),
    (r" županija$|^udruga |^zaklada ", "HR"),
    (r"^mestna občina |^občina ", "SI"),
    (r"^dimos |panepistimi| amke$| i k e$|^idryma |^ypourgeio |^perifereia ", "GR"),
    (r" (miska|silska|selyshchna) rada$| miska (derzhavna |viiskova )?administratsiia$|universytet|^tov | tov$|"
     r"hromadska orhanizatsiia|oblasna (derzhavna administratsiia|rada)", "UA"),
    (r" county council$| borough council$| district council$|^london borough of |^royal borough of | combined "
     r"authority$|^nhs | nhs (foundation )?trust$| metropolitan borough council$", "GB"),
    (r" belediyesi$| üniversitesi$| vakfı$| derneği$| bakanlığı$| valiliği$", "TR"),
    (r"^háskóli|^háskólinn | sveitarfélag|stofnun$|sjóður\b|\wfélagið\b|\wfélag$|urborg$| ehf$| hf$", "IS"),
    (r" fylkeskommune$", "NO"),
    (r" municipal corporation$|^municipal corporation of |^corporation of |^greater \w+ corporation$|"
     r" nagar (nigam|palika|panchayat|parishad)$| maha ?nagar ?palika$| mahanagara palike$| palike$|"
     r" grama? panchayat$| zill?a (parishad|panchayat)$| district panchayat$| pvt ltd$| private limited$|"
     r" (samiti|sangathan|sanstha)$|\bpanchayati raj\b", "IN"),
    (r"icra hakimiyyəti| mmc$| ictimai birliyi$| bələdiyyəsi$| nazirliyi$", "AZ"),
    (r" city corporation$| pourashava$", "BD"),  # "Dhaka North City Corporation"; India's are "Municipal"
    (r"^landkreis |^freistaat |^landeshauptstadt |^bundesministerium |^bundeszentrale |^bundesamt |^senatsverwaltung ",
     "DE"),
)
#: Forms shared by the countries of a language, read with the language of the page that writes them:
#: "Aalborg Kommune" on a Danish page is Danish, on a Norwegian one Norwegian.
_FORM_BY_LANGUAGE: tuple[tuple[str, dict[str, str]], ...] = (
    (r" kommune$|regionskommune$|^region |^regionen | universitet$|^universitet |fonden$|forvaltningen$|^styrelsen |"
     r"direktoratet$", {
        "da": "DK", "nb": "NO", "nn": "NO", "no": "NO", "sv": "SE"}),
)
_FORM_BY_LANGUAGE += (
    (r" as$| asa$|^stiftelsen | stiftelse$|foreningen$|^foreningen |ungdomslag$|^høgskulen |^høgskolen ", {
        "da": "DK", "nb": "NO", "nn": "NO", "no": "NO", "sv": "SE"}),
    (r"^as | as$", {"et": "EE"}),
    (r" s r o$| a s$| z s$| o p s$| z ú$| o z$", {"cs": "CZ", "sk": "SK"}),
    (r" s r l$| srl$", {"ro": "RO", "it": "IT"}),
    # the Indic forms as :func:`kg.fold.latin` writes them: महानगरपालिका is Nepal's word too
    (r"mhangr ?palik[ae]$| ngr nigm$| ngr ?palika$| (ngr|gram) pmcayt$|(ma)?nkratci$|peruratci$|jilh?a prisd",
     {**dict.fromkeys(("hi", "mr", "ta", "kn", "te", "ml", "gu", "pa", "or"), "IN"), "ne": "NP"}),
)
_FORM_RE = tuple((re.compile(pattern), code) for pattern, code in _FORM_COUNTRY)
_FORM_LANG_RE = tuple((re.compile(pattern), codes) for pattern, codes in _FORM_BY_LANGUAGE)
_NON_WORD = re.compile(r"[\W_]+")
_LEGAL_COUNTRY = {
    "AB": "SE",
    "AB (publ)": "SE",
    "A.C.": "MX",
    "S.A. de C.V.": "MX",
    "S. de R.L. de C.V.": "MX",
    "S.A.C.": "PE",
    "E.I.R.L.": "PE",
    "HB": "SE",
    "KB": "SE",
    "Oy": "FI",
    "Oyj": "FI",
    "ry": "FI",
    "r.y.": "FI",
    "ApS": "DK",
    "I/S": "DK",
    "ASA": "NO",
    "e.V.": "DE",
    "eV": "DE",
    "gGmbH": "DE",
    "S.L.": "ES",
    "SL": "ES",
    "S.L.U.": "ES",
    "SLU": "ES",
    "SCCL": "ES",
    "S.Coop.": "ES",
    "S.r.l.": "IT",
    "Srl": "IT",
    "SRL": "IT",
    "S.p.A.": "IT",
    "SpA": "IT",
    "ONLUS": "IT",
    "Onlus": "IT",
    "SARL": "FR",
    "S.A.R.L.": "FR",
    "SAS": "FR",
    "S.A.S.": "FR",
    "SASU": "FR",
    "SCOP": "FR",
    "B.V.": "NL",
    "BV": "NL",
    "asbl": "BE",
    "ASBL": "BE",
    "vzw": "BE",
    "VZW": "BE",
    "Kft": "HU",
    "Kft.": "HU",
    "Sp. z o.o.": "PL",
    "Lda": "PT",
    "Lda.": "PT",
    "Ltda": "BR",
    "Ltda.": "BR",
    "s.r.o.": "CZ",
    "z.s.": "CZ",
    "z. s.": "CZ",
    "o.p.s.": "CZ",
    "z.ú.": "CZ",
    "o.z.": "SK",
    "MTÜ": "EE",
    "OÜ": "EE",
    "SIA": "LV",
    "UAB": "LT",
    "VšĮ": "LT",
    "Zrt.": "HU",
    "Zrt": "HU",
    "Nyrt.": "HU",
    "Sp. z o. o.": "PL",
    "sp. z o.o.": "PL",
    "Sp.j.": "PL",
    "UG (haftungsbeschränkt)": "DE",
    "EURL": "FR",
    "SCIC": "FR",
    "Unipessoal Lda": "PT",
    "DAC": "IE",
    "ehf.": "IS",
    "S.A.U.": "ES",
    "A.Ş.": "TR",
    "Ltd. Şti.": "TR",
    "Şti.": "TR",
    "plc": "GB",
    "PLC": "GB",
    "CIC": "GB",
    "LLP": "GB",
}
_LEGAL_ORDER = sorted(_LEGAL_COUNTRY, key=len, reverse=True)
#: Legal forms other countries' companies use too: a "S.A.S." is French only on a French page (it is
#: Colombian as often), a "Ltda." Brazilian only on a Portuguese one (it is Colombian, Chilean, Uruguayan …).
_LEGAL_ONLY_ON = {"SAS": {"fr"}, "S.A.S.": {"fr"}, "Ltda": {"pt"}, "Ltda.": {"pt"}}
#: Country-code domains that are not (only) a country's: .eu, .io, .co, .tv and the like say nothing.
_GENERIC_CC = {"eu", "io", "co", "tv", "me", "ai", "fm", "ly", "to", "cc", "ws", "nu", "is"}


@lru_cache(maxsize=1)
def country_table() -> dict[str, str]:
    """Folded country name in any supported language → ISO alpha-2 code."""
    out: dict[str, str] = {}
    catalogues = Path(pycountry.__file__).parent / "locales"
    translators: list[tuple[Callable[[str], str], int]] = []
    """Each language's translation of a country's name, and the fewest letters a name of it may have."""
    for lang in (*LANGUAGES, *MORE_LANGUAGES):
        try:
            catalogue = gettext.translation("iso3166-1", str(catalogues), languages=[lang])
        except OSError:
            continue  # an older pycountry without this catalogue
        translators.append((catalogue.gettext, 1 if lang in LANGUAGES else 5))
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_2)
    for country in countries:  # English names first: they win a clash
        for attr in ("common_name", "name", "official_name"):
            if value := getattr(country, attr, None):
                out.setdefault(fold(value), country.alpha_2)
    for in_language, shortest in translators:
        for country in countries:
            for attr in ("common_name", "name", "official_name"):
                if (value := getattr(country, attr, None)) and len(folded := fold(in_language(value))) >= shortest:
                    out.setdefault(folded, country.alpha_2)
    for name, code in _EXTRA.items():
        if code:
            out.setdefault(name, code)
        else:
            out.pop(name, None)
    return out


def country_code(name: str) -> str | None:
    """The ISO 3166 alpha-2 code of a country named in any supported language, else ``None``."""
    folded = fold(name)
    if not folded:
        return None
    return country_table().get(folded)


_SHARED_FORMS = ("SARL", "S.A.R.L.", "SAS", "S.A.S.", "SASU", "EURL", "ASBL", "asbl", "SA", "S.A.", "PLC", "plc",
                 "LLP")
_SHARED_ADMINISTRATIVE = re.compile(r"^conseil (departemental|regional|municipal)\b|^commune (de|d)\b")
"""Forms the countries of one language share: OHADA's SARL and SAS in francophone Africa as in France,
Belgium's ASBL in the DR Congo, départements in Senegal, the British PLC in Ireland, Nigeria, Ghana and Kenya,
the LLP in India and Singapore."""


def by_shared_forms(names: list[str], langs: list[str | None]) -> bool:
    """Whether the country the names' forms say comes only from forms several countries share (no country's
    name in a name, no other form)."""
    if any(country_in_name(n) for n in names):
        return False
    shared = False
    for name, lang in zip(names, langs, strict=True):
        if country_of_form(name, lang) is None:
            continue
        stripped = name.strip().rstrip(",;")
        if stripped.endswith(tuple(" " + f for f in _SHARED_FORMS)) or _SHARED_ADMINISTRATIVE.search(fold(stripped)):
            shared = True
        else:
            return False
    return shared


def country_of_form(name: str, lang: str | None = None) -> str | None:
    """The country an organisation name's administrative or legal form belongs to, if only one
    (or, for a form several countries share, the one the page's language ``lang`` says)."""
    stripped = name.strip().rstrip(",;")
    if has_cjk(stripped):
        return _cjk_country(stripped, lang)
    for form in _LEGAL_ORDER:
        if stripped.endswith((" " + form, "," + form)):
            if form in _LEGAL_ONLY_ON and (lang or "").split("-")[0].lower() not in _LEGAL_ONLY_ON[form]:
                return None
            return _LEGAL_COUNTRY[form]
    if not stripped.isascii():
        stripped = "".join(map(latin, stripped))  # "Δήμος Αθηναίων" → "Dimos Athinaion"
    words = _NON_WORD.sub(" ", stripped.replace("İ", "I").casefold()).strip()  # "İcra": not "i̇cra", a dot apart
    for pattern, code in _FORM_RE:
        if pattern.search(words):
            return code
    language = (lang or "").split("-")[0].lower()
    for pattern, codes in _FORM_LANG_RE:
        if language in codes and pattern.search(words):
            return codes[language]
    return None


_JAPANESE_ONLY = re.compile(r"[団会県区庁]|株式会社")
"""Kana aside, what Japan writes and Taiwan (團, 會, 縣, 區, 廳) does not."""
_TRADITIONAL = re.compile(r"[臺灣團會縣區廳國發體]|股份有限公司")
"""Characters of Taiwan's (traditional) writing that Japan and mainland China write otherwise."""


#: Scripts written for one country's language: a name in them is that country's.
_SCRIPTS = ((re.compile(r"[\u0e00-\u0e7f]"), "TH"), (re.compile(r"[\uac00-\ud7af]"), "KR"),
            (re.compile(r"[\u0590-\u05ff]"), "IL"), (re.compile(r"[\u10a0-\u10ff]"), "GE"),
            (re.compile(r"[\u0530-\u058f]"), "AM"), (re.compile(r"[\u1780-\u17ff]"), "KH"),
            (re.compile(r"[\u0e80-\u0eff]"), "LA"), (re.compile(r"[\u1000-\u109f]"), "MM"),
            (re.compile(r"[\u0d80-\u0dff]"), "LK"),
            (re.compile(r"[\u0a00-\u0b7f\u0b80-\u0d7f]"), "IN"))  # Gurmukhi … Odia, Tamil … Malayalam


def script_country(name: str, lang: str | None = None) -> str | None:
    """The country whose language alone is written in the script of ``name`` (Thai, Hangul, Hebrew …);
    Devanagari India's but on a Nepali page, Bengali Bangladesh's or India's as the page's region says."""
    for script, code in _SCRIPTS:
        if script.search(name):
            return code
    base, _, region = (lang or "").replace("_", "-").lower().partition("-")
    if _DEVANAGARI.search(name):
        return "NP" if base == "ne" else "IN"
    if _BENGALI.search(name) and region in ("bd", "in"):
        return region.upper()
    return None


_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_BENGALI = re.compile(r"[\u0980-\u09ff]")


def _cjk_country(name: str, lang: str | None) -> str | None:
    """The country a Chinese, Japanese or Korean name is written in: kana or Japan's own forms say Japan,
    Hangul Korea, Taiwan's traditional characters Taiwan; else the page's language."""
    if KANA.search(name):
        return "JP"
    if re.search(r"[\uac00-\ud7af]", name):
        return "KR"
    if _TRADITIONAL.search(name):
        return "TW"
    if _JAPANESE_ONLY.search(name):
        return "JP"
    base = (lang or "").lower().replace("_", "-")
    if base.startswith("ja"):
        return "JP"
    if base in ("zh-tw", "zh-hant", "zh-hant-tw", "zh-hk"):
        return "TW" if base != "zh-hk" else "HK"
    if base.startswith("zh"):
        return "CN"
    return None


def country_of_host(url: str) -> str | None:
    """The country of a URL's country-code top-level domain (``.se``, ``.de`` …), where it is one."""
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(tld) != 2 or tld in _GENERIC_CC:
        return None
    code = "GB" if tld == "uk" else tld.upper()
    return code if pycountry.countries.get(alpha_2=code) is not None else None


@lru_cache(maxsize=512)
def country_names(code: str) -> dict[str, str]:
    """A country's name per language: ``{"en": "Netherlands", "sv": "Nederländerna", …}``."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return {}
    english = getattr(country, "common_name", None) or country.name
    out = {"en": english}
    msgid = country.name
    for lang, translate in _catalogues():
        translated = translate(msgid)
        if translated != msgid:
            out[lang] = translated
    return out


@lru_cache(maxsize=1)
def _catalogues() -> tuple[tuple[str, Callable[[str], str]], ...]:
    """pycountry's ISO 3166 catalogues of the languages a country's names are given in, opened once."""
    catalogues = Path(pycountry.__file__).parent / "locales"
    out = []
    for lang in ("sv", "fr", "de", "es", "it", "nl", "da", "fi"):
        try:
            out.append((lang, gettext.translation("iso3166-1", str(catalogues), languages=[lang]).gettext))
        except OSError:
            continue
    return tuple(out)


#: A country's adjective in its own and neighbouring languages, as organisations' names use it
#: ("Agencia Española de …", "Dansk Ungdoms Fællesråd", "Deutsche Stiftung …"), folded.
DEMONYMS = {
    "ES": "espanol espanola espanoles espanolas espanyol espanyola spanish",
    "FR": "francais francaise francaises french",
    "DE": "deutsch deutsche deutscher deutsches deutschen german",
    "IT": "italiano italiana italiani italiane italian",
    "NL": "nederlands nederlandse dutch",
    "BE": "belge belgisch belgische belgian",
    "SE": "svensk svenska svenskt sveriges swedish",
    "DK": "dansk danske danmarks danish",
    "NO": "norsk norske norges norwegian",
    "FI": "suomen suomalainen suomalaisten finnish",
    "PT": "portugues portuguesa portuguese",
    "PL": "polski polska polskie polish",
    "AT": "osterreichisch osterreichische osterreichischer austrian",
    "CH": "schweizer schweizerische suisse svizzera swiss",
    "IE": "irish",
    "GB": "british",
    "EC": "ecuatoriano ecuatoriana ecuatorianos",
    "MX": "mexicano mexicana",
    "AR": "argentino argentina",
    "CL": "chileno chilena",
    "CO": "colombiano colombiana",
    "PE": "peruano peruana",
    "EE": "eesti estonian",
    "IS": "islenska islands islenskra islenskt islenskur icelandic",
    "LT": "lietuvos lietuviu lithuanian",
    "LV": "latvijas latvijas latvian",
    "HU": "magyar magyarorszagi hungarian",
    "CZ": "cesky ceska ceske ceskych ceskeho czech",
    "SK": "slovensky slovenskej slovenskeho slovenskych slovak",
    "SI": "slovenian",
    "RO": "romana romane romaniei romanian",
    "HR": "hrvatski hrvatska hrvatske croatian",
    "GR": "ellinikos elliniki hellenic greek",
    "UA": "ukrainskyi ukrainska ukrainian",
    "BG": "bulgarian",
    "CA": "canadian",
    "AU": "australian",
    "NZ": "zealand",
}
_DEMONYM = {word: code for code, words in DEMONYMS.items() for word in words.split()}


def country_in_name(name: str) -> str | None:
    """The one country an organisation's name names, by the country's name or adjective in any of the
    languages kg reads ("Ministerio del Ambiente de Ecuador", "Agencia Española de Cooperación")."""
    words = [w for w in re.split(r"[\s,()/-]+", name) if w]
    found = set()
    used: set[int] = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            if used.intersection(range(i, i + size)):
                continue  # inside a longer name found already: "New Mexico" holds no Mexico
            chunk = words[i : i + size]
            folded = fold(" ".join(chunk))
            if size > 1 and chunk[0][:1].isupper() and (state := _subdivision_country(folded)):
                found.add(state)
                used.update(range(i, i + size))
                continue
            if not chunk[0][:1].isupper() and not (size == 1 and i > 0 and folded in _DEMONYM):
                continue  # an adjective inside a name may be lower-case: "Samband íslenskra sveitarfélaga"
            code = _DEMONYM.get(folded) if size == 1 else None
            if code is None and (size > 1 or len(folded) > 3):
                code = country_table().get(folded)
            if code:
                found.add(code)
                used.update(range(i, i + size))
    return next(iter(found)) if len(found) == 1 else None


_WIDE_SUBDIVISIONS = frozenset({
    "State", "Province", "Region", "Autonomous region", "Autonomous community", "Autonomous province",
    "Territory", "Capital territory", "Federal territory", "Union territory", "Oblast", "Canton", "Prefecture",
    "Federal district", "Capital district", "Metropolitan region", "Administrative region", "Republic",
    "Regional state", "Governorate", "Department", "County", "Two-tier county", "Council area",
})
"""The kinds of subdivision whose name in an organisation's name says its country ("New South Wales",
"Nova Scotia"); a parish or local council of a small country says nothing: "Canterbury Christ Church
University" is not in Barbados' Christ Church, nor the "Saint Lawrence Foundation" in Malta's."""


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Names of two words or more of regions, provinces and states (ISO 3166-2) → their country: "new
    mexico" → US, "new south wales" → AU; with the Spanish "nuevo mexico"."""
    out = {fold(sub.name): sub.country_code for sub in pycountry.subdivisions
           if " " in sub.name.strip() and sub.type in _WIDE_SUBDIVISIONS}
    out.update({"nuevo mexico": "US", "nova scotia": "CA", "nouvelle ecosse": "CA"})
    return out


def _subdivision_country(folded: str) -> str | None:
    return _subdivisions().get(folded)
