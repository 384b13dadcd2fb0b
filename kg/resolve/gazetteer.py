"""The site's own gazetteer: every organisation its front matter names, found in every page's text.

A site names its clients, partners and funders in front matter; its posts name the
same organisations in running text, in other spellings: another case, without
accents or hyphens ("Saint Etienne Metropole"), in the genitive ("Göteborgs Stads"),
with an article or an administrative prefix ("la Ville de Lyon", "the city of
Madrid", "Stadt Köln" for "Köln"'s municipality), run together ("DigidemLab"), or
by an abbreviation a text defines ("Open Source Politics (OSP)"). The registry stays
the place for facts; this finds what the site itself says.

Precision first: names are matched as whole words; a name of one word only as
written (capitalised: "Coro", not "coro"); a place alone never stands for its
municipality ("Paris" in "Paris Agreement", "Bonn" in "Universität Bonn"); where two
names overlap, the longer wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick

from kg.fold import HANGUL, cjk_key, has_unspaced
from kg.resolve.countries import country_code, country_names
from kg.resolve.kinds import fold, is_metropolitan, kind_of, legal_form_stripped, place_core, type_core, type_word
from kg.resolve.names import normalise, split_parenthesis

#: How a municipality or region of a place ``{p}`` is written in running text.
PLACE_TEMPLATES = {
    "municipality": (
        "city of {p}",
        "town of {p}",
        "municipality of {p}",
        "{p} municipality",
        "{p} city council",
        "{p} city hall",
        "{p} city government",
        "{p} city administration",
        "{p} city office",
        "{p} municipal government",
        "municipal government of {p}",
        "{p} town hall",
        "{p} town council",
        "{p} council",
        "ville de {p}",
        "ville d {p}",
        "mairie de {p}",
        "mairie d {p}",
        "commune de {p}",
        "stadt {p}",
        "gemeinde {p}",
        "ajuntament de {p}",
        "ajuntament d {p}",
        "ayuntamiento de {p}",
        "comune di {p}",
        "citta di {p}",
        "gemeente {p}",
        "stad {p}",
        "pemerintah kota {p}",
        "pemkot {p}",
        "ubnd thanh pho {p}",
        "ubnd tp {p}",
        "uy ban nhan dan thanh pho {p}",
        "grad {p}",
        "municipio de {p}",
        "camara municipal de {p}",
        "camara municipal do {p}",
        "camara municipal da {p}",
        "prefeitura de {p}",
        "prefeitura do {p}",
        "prefeitura da {p}",
        "prefeitura municipal de {p}",
        "junta de freguesia de {p}",
        "urzad miasta {p}",
        "miasto {p}",
        "gmina {p}",
        "statutarni mesto {p}",
        "magistrat mesta {p}",
        "mesto {p}",
        "{p} linnavalitsus",
        "{p} linn",
        "{p} vallavalitsus",
        "{p} savivaldybe",
        "primaria {p}",
        "municipiul {p}",
        "grad {p}",
        "dimos {p}",
        "{p} kommun",
        "{p}s kommun",
        "{p} stad",
        "{p}s stad",
        "{p} kommune",
        "{p}s kommune",
        "{p} kaupunki",
        "{p}n kaupunki",
        "{p} kunta",
    ),
    "metro": (
        "metropole de {p}", "metropole d {p}", "{p} metropole", "{p} metropolis", "metropole du grand {p}",
        "citta metropolitana di {p}", "area metropolitana de {p}", "metropolitan area of {p}",
    ),
    "region": (
        "pemerintah provinsi {p}",
        "pemprov {p}",
        "pemprov dki {p}",
        "region {p}",
        "{p} region",
        "region of {p}",
        "regione {p}",
        "region de {p}",
        "region d {p}",
        "province of {p}",
        "provincia di {p}",
        "provincia de {p}",
        "provincie {p}",
        "landkreis {p}",
        "county of {p}",
        "{p} county",
        "{p} county council",
        "{p}regionen",
        "{p} fylkeskommune",
    ),
}
def _around_place(template: str) -> tuple[str, str, str]:
    return template.partition("{p}")


_FRAMES: dict[str, tuple[tuple[str, str], ...]] = {
    kind: tuple(dict.fromkeys((before, after) for before, _p, after in map(_around_place, templates)))
    for kind, templates in PLACE_TEMPLATES.items()
}
"""Each kind's templates as the words before and after the place (every "before" is empty or ends in a
space): a place's templated forms are found around the place, not each held as a form of its own (a
site's towns times the templates were most of a big site's gazetteer)."""


def _frame_index(frames: tuple[tuple[str, str], ...]) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """A kind's frames as looked up around a place: the words before it by their last word ("city of" by
    "of"), the words after it by their first character (" council" by " ")."""
    before: dict[str, list[str]] = {}
    after: dict[str, list[str]] = {}
    for words_before, words_after in frames:
        if words_before:
            before.setdefault(words_before.split()[-1], []).append(words_before)
        else:
            after.setdefault(words_after[:1], []).append(words_after)
    return {k: tuple(v) for k, v in before.items()}, {k: tuple(v) for k, v in after.items()}


_FRAME_INDEX = {kind: _frame_index(frames) for kind, frames in _FRAMES.items()}
_ACRONYM_PAREN = re.compile(r"\(\s*([A-ZÅÄÖÉ][A-Za-zÅÄÖåäöÉé0-9&+\-.]{1,11})\s*\)")
_ACRONYM = re.compile(r"^[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9&+\-.]{1,11}$")


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


@lru_cache(maxsize=1024)
def _padded(text: str) -> str:
    """A text normalised as names are, padded with spaces (the same text is searched by several gazetteers)."""
    return f" {normalise(text) if len(text) < 200 else normalise.__wrapped__(text)} "  # long texts: in this cache only


def _own_words(name: str) -> str | None:
    """What an association's name says beside its type word ("Stowarzyszenie Wikimedia Polska" →
    "Wikimedia Polska", "Stowarzyszenie Klon/Jawor" → "Klon/Jawor"): the words before or after it, when
    they are two or more (or one with a slash, dash or ampersand) and name no town, municipality or region.
    Associations only: a foundation is named after a person as often as not ("Robert Bosch Stiftung")."""
    from kg.resolve.places import town

    typed = type_word(name)
    if typed is None or not (type_core(name) or "").startswith("association:"):
        return None
    words = name.split()
    at = [i for i, w in enumerate(words) if fold(w) == typed]
    if len(at) != 1:
        return None  # the type word is more than one word, or said twice
    before, after = words[: at[0]], words[at[0] + 1 :]
    while after and fold(after[0]) in _TYPE_STOP:
        after = after[1:]
    rest_words = after if after and not before else before if before and not after else []
    rest = " ".join(rest_words)
    if not rest_words or not rest_words[0][:1].isupper() or town(rest) is not None:
        return None
    if kind_of(rest) in ("municipality", "region"):
        return None
    if len(rest_words) == 1 and not any(c in rest for c in "/-&"):
        return None  # one word: left to _own_word's stricter test
    return rest


_TYPE_STOP = frozenset({"de", "del", "di", "da", "do", "der", "für", "fur", "of", "im", "the", "la", "le",
                        "civil", "civile", "civica"})  # "Asociación Civil Nodo Litoral" is "Nodo Litoral"


def _own_word(name: str) -> str | None:
    """The one distinctive word of a name made of a type word and that word ("Fondazione Openpolis"),
    unless it is a town's name ("Universität Bonn" is not "Bonn")."""
    from kg.resolve.places import town

    typed = type_core(name)
    words = [w for w in name.split() if w[:1].isupper() and fold(w) == typed.split(":", 1)[1]] if typed else []
    if len(words) != 1 or len(words[0]) < 5 or town(words[0]) is not None:
        return None
    return words[0]


_GENERIC_ADJECTIVES = frozenset({"national", "state", "federal", "public", "technical", "royal", "municipal"})


def _without_trailing_type(name: str) -> str | None:
    """A name without the type words at its end, when what is left still says the same kind: "Lviv
    Polytechnic National University" → "Lviv Polytechnic" (never "Stockholm" for "Stockholm University")."""
    kind = kind_of(name)
    words = name.split()
    if kind is None or len(words) < 3:
        return None
    while len(words) > 2 and (kind_of(words[-1]) is not None or fold(words[-1]) in _GENERIC_ADJECTIVES):
        words.pop()
    short = " ".join(words)
    return short if short != name and kind_of(short) == kind else None


def _without_leading_place(name: str) -> str | None:
    """A name without the town, state or region it begins with, when what is left is three words or more
    that still say the same kind and more than a generic body: "New Mexico Department of Workforce
    Solutions" → "Department of Workforce Solutions" (never "City Council" of "Kyiv City Council", nor
    "universitet" of "Stockholms universitet")."""
    from kg.resolve.byform import GENERIC
    from kg.resolve.places import region_country, town

    words = name.split()
    kind = kind_of(name)
    if kind is None or len(words) < 4 or not all(w[:1].isupper() or w in ("of", "for") for w in words):
        return None
    for size in (3, 2, 1):
        place, rest = " ".join(words[:size]), words[size:]
        if len(rest) < 3 or not (region_country(place) or town(place)):
            continue
        content = [w for w in rest if w not in ("of", "for", "and", "the")]
        short = " ".join(rest)
        if len(content) >= 2 and kind_of(short) == kind and any(
                fold(w) not in GENERIC and kind_of(w) is None for w in content):
            return short
    return None


_ARABIC = re.compile(r"^[\u0600-\u06ff]")
_HEBREW = re.compile(r"^[\u0590-\u05ff]")
_ARABIC_CLITICS = ("و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "فل", "وك")
_HEBREW_CLITICS = ("ו", "ה", "ב", "ל", "מ", "ש", "כ", "וב", "ול", "ומ", "וה", "שב", "של", "שמ", "מה", "כש")


def _clitics(folded: str) -> list[str]:
    """A name in Arabic or Hebrew with the letters that those languages write onto its first word: "and",
    "in", "for", "the" ("ولمؤسسة الشرق", "בעיריית תל אביב"); "ل" and "ال" are written "لل"."""
    if len(folded) < 4:
        return []
    if _ARABIC.match(folded):
        out = [c + folded for c in _ARABIC_CLITICS]
        if folded.startswith("ال"):
            out += ["لل" + folded[2:], "ولل" + folded[2:], "فلل" + folded[2:]]
        return out
    if _HEBREW.match(folded):
        return [c + folded for c in _HEBREW_CLITICS]
    return []


def _other_countries(forms: set[str]) -> set[str]:
    """A name with a country's name in it, under that country's name in the other languages: "Wikimedia
    Suomi" is "Wikimedia Finland" in an English post."""
    out = set()
    for form in forms:
        words = form.split()
        if len(words) < 2:
            continue
        for i, word in enumerate(words):
            if (code := country_code(word)) is None:
                continue
            for other in set(country_names(code).values()):
                if " " not in other and other != word:
                    out.add(" ".join([*words[:i], other, *words[i + 1:]]))
    return out


def _stem(word: str) -> str:
    """What a word keeps in every case of the languages that decline names, as :func:`_stemmed` cuts a
    whole text: its first three letters ("pula" and "pule", "grad" and "gradom" meet)."""
    return word[:3]


DECLINING = frozenset("fi et hu cs sk pl lt lv is ro el uk ru be hr sr sl bs mk bg sq tr ka hy eu ga cy az kk uz ky "
                      "tk ta ml kn te mr bn gu pa or".split())
"""Languages whose texts write names in other cases ("Tartu Linnavalitsusega", "Primăriei Cluj-Napoca") or
with an article at their end (Bulgarian "Столичната община")."""


@lru_cache(maxsize=256)
def _stemmed(padded: str) -> str:
    """A padded, normalised text with each word cut to its :func:`_stem` (the same text is searched by
    several gazetteers)."""
    return f" {' '.join([w[:3] for w in padded.split()])} "


def _declinable(words: tuple[str, ...]) -> bool:
    """Forms worth finding declined: two words or more of eight letters together ("Grad Pula"), or one
    long word."""
    if any(has_unspaced(w) for w in words):
        return False  # Hangul, decomposed into letters by normalising, and the scripts without spaces
    return ((len(words) >= 2 and sum(map(len, words)) >= 8) or len(words[0]) >= 8) and len(words) <= 8


def _declined_alike(form_word: str, text_word: str) -> bool:
    """Whether a word of a text is a word of a name in another case: "Reykjavíkurborgar" of "Reykjavíkurborg",
    "Universității" of "Universitatea", "Háskólans" of "Háskólinn" — sharing all but the last three letters
    of the name's word, and not more than five letters longer. Short words must be the same."""
    if form_word == text_word:
        return True
    if len(form_word) <= 4:
        # a short word takes a short ending, or one in place of its last vowel: "grad" → "grada", "gradom";
        # "pula" → "pule", "novi" → "novog"
        return (text_word.startswith(form_word) and text_word[len(form_word):] in _SHORT_ENDINGS) or (
            len(form_word) >= 3 and form_word[-1] in "aeiouy" and text_word.startswith(form_word[:-1])
            and text_word[len(form_word) - 1:] in _SHORT_ENDINGS and text_word != form_word[:-1])
    common = 0
    for a, b in zip(form_word, text_word, strict=False):
        if a != b:
            break
        common += 1
    kept = len(form_word) - 1 if len(form_word) <= 6 else max(4, len(form_word) - 3)
    return common >= kept and len(text_word) <= len(form_word) + 5 and not _another_town(form_word, text_word)


_SHORT_ENDINGS = frozenset("a u e i o y om em og oj om omu ov ih im ama ima ami".split())
"""The case endings short words of names take in the Slavic languages ("Grada", "Gradom", "Novog")."""


def _another_town(form_word: str, text_word: str) -> bool:
    """Whether the text's word is a town of its own, not the name's: "Lundby" is not "Lund" declined."""
    from kg.resolve.places import town

    found = town(text_word)
    return found is not None and found != town(form_word)


def stems_of(name: str) -> str:
    """A normalised name's words cut to what they keep in every case (the index of :func:`declined_form`)."""
    return " ".join(_stem(w) for w in name.split())


def declined_form(name: str, text_name: str) -> bool:
    """Whether ``text_name`` (normalised) is the normalised ``name`` with its words in another case:
    "budapest fovarosi onkormanyzataval" of "budapest fovaros onkormanyzata"."""
    words, said = name.split(), text_name.split()
    if len(words) != len(said) or words == said or not _declinable(tuple(words)):
        return False
    if len(words) == 1 and not said[0].startswith(words[0]):
        return False
    return all(map(_declined_alike, words, said))


_CJK_LEGAL = re.compile(r"^บริษัท\s*|\s*จำกัด(?:\s*\(มหาชน\))?$|"
                        r"^(?:一般社団法人|一般財団法人|公益社団法人|公益財団法人|社団法人|社團法人|財団法人|財團法人|"
                        r"特定非営利活動法人|NPO法人)\s*|\s*(?:株式会社|有限会社|合同会社|股份有限公司|有限公司|\(株\)|（株）|㈱)\s*")
"""Legal forms of Japan and Taiwan, which running text leaves out (社團法人新北市社區營造協會 → 新北市…協會)."""


def _longest(automaton: ahocorasick.Automaton, text: str) -> set[str]:
    """The keys of the forms found in ``text``, each not inside a longer one found."""
    spans = sorted(((end - len(form) + 1, end, keys) for end, (form, keys) in automaton.iter(text)),
                   key=lambda span: (span[0], -(span[1] - span[0])))
    found: set[str] = set()
    reach = -1
    for _start, end, keys in spans:
        if end > reach:
            reach = end
            found.update(keys)
    return found


def _declined_spans(padded: str, automaton: ahocorasick.Automaton) -> list[tuple[int, int, frozenset[str]]]:
    """Where a padded, normalised text names a form with words in other cases ("Tartu Linnavalitsusega",
    "Primăriei Cluj-Napoca", "Budapest Fővárosi Önkormányzatával"): spans in the padded text's positions."""
    stemmed = _stemmed(padded)
    out: list[tuple[int, int, frozenset[str]]] = []
    words: list[str] | None = None
    starts: list[int] = []
    for end, (stems, forms) in automaton.iter(stemmed):
        if words is None:
            words = padded.split()
            at = 1
            for word in words:
                starts.append(at)
                at += len(word) + 1
        first = stemmed.count(" ", 0, end - len(stems) + 1)  # the index of the span's first word
        for form_words, keys in forms:
            said = words[first:first + len(form_words)]
            if len(form_words) == 1 and not (said and said[0].startswith(form_words[0])):
                continue  # one word only with an ending added ("Reykjavíkurborgar"): "hääletada" is no "Hääletus"
            if said != list(form_words) and all(map(_declined_alike, form_words, said)):
                last = first + len(form_words) - 1
                out.append((starts[first], starts[last] + len(words[last]), keys))  # as the exact forms' spans
    return out


class Gazetteer:
    """Surface forms of the site's organisations → their keys (cluster roots)."""

    def __init__(self) -> None:
        self._folded: dict[str, set[str]] = {}
        """Normalised multi-word forms, padded with spaces."""
        self._exact: dict[str, set[str]] = {}
        """One-word names and acronyms, matched as written."""
        self._cjk: dict[str, set[str]] = {}
        """Chinese and Japanese forms (written without spaces): found anywhere in a text, as substrings."""
        self._cjk_automaton: ahocorasick.Automaton | None = None
        self._declinable: set[str] = set()
        """The forms the site writes (not made from templates or other languages' town names): also found
        declined in running text."""
        self._folded_automaton: ahocorasick.Automaton | None = None
        self._exact_automaton: ahocorasick.Automaton | None = None
        self._stems_automaton: ahocorasick.Automaton | None = None
        """Built when first asked, each again only when its own forms change: a site's texts define
        acronyms after its names' forms are built, and the folded forms' automaton is the big one."""
        self._shortened: dict[str, set[str]] = {}
        """Names without the place they begin with ("Department of Workforce Solutions" of the "New Mexico
        Department of …"): found only where one organisation of the site is so shortened and no other
        form is written so."""
        self._templated: dict[str, dict[str, set[str]]] = {}
        """Places whose municipality, metropolis or region the site names → kind → keys: found in the
        templates of :data:`PLACE_TEMPLATES` ("city of {p}"), with the place in the genitive too."""
        self._places_automaton: ahocorasick.Automaton | None = None

    def add_name(self, name: str, key: str, kind: str | None = None) -> None:
        """Every form under which ``name`` (an organisation's name as front matter writes it) is found."""
        base, paren = split_parenthesis(name)
        if paren and _ACRONYM.match(paren):
            self.add_acronym(paren, key)  # "Internationellt centrum för lokal demokrati (ICLD)"
        short, dash, long = base.partition(" – ") if " – " in base else base.partition(" - ")
        if dash and _ACRONYM.match(short) and " " in long.strip():
            self.add_acronym(short, key)  # "ZERO – Associação Sistema Terrestre Sustentável"
            self.add_name(long.strip(), key, kind)
        bare = legal_form_stripped(base)
        forms = {base, name} if paren is None else {base}
        if " " in bare.strip() or len(bare) >= 4:
            forms.add(bare)  # "Zebralog GmbH" is "Zebralog" in a post
        if (own := _own_word(bare)) is not None:
            forms.add(own)  # "Fondazione Openpolis" is "Openpolis"
        if (rest := _own_words(bare)) is not None:
            forms.add(rest)  # "Stowarzyszenie Wikimedia Polska" is "Wikimedia Polska"
        if (trimmed := _without_trailing_type(bare)) is not None:
            forms.add(trimmed)  # "Lviv Polytechnic National University" is "Lviv Polytechnic"
        forms |= _other_countries(forms)
        if (shortened := _without_leading_place(bare)) is not None and (folded_short := normalise(shortened)):
            self._shortened.setdefault(f" {folded_short} ", set()).add(key)
            self._folded_automaton = self._stems_automaton = None
        if has_unspaced(base):
            self._add_cjk(forms, base, key, kind)
            return
        for form in forms:
            folded = normalise(form)
            if not folded:
                continue
            self._declinable.add(folded)
            for prefixed in _clitics(folded):
                self._add_folded(prefixed, key)  # "وبلدية عمان الكبرى", "בעיריית תל אביב יפו"
            if " " in folded:
                self._add_folded(folded, key)
                self._add_folded(folded + " s", key)  # "Göteborgs Stad's", "Open Source Politics'"
                last = folded.rsplit(" ", 1)
                if not last[1].endswith("s"):
                    self._add_folded(f"{last[0]} {last[1]}s", key)  # Swedish/German genitive "Göteborgs Stads"
                joined = folded.replace(" ", "")
                if len(joined) >= 8:
                    self._add_folded(joined, key)  # "DigidemLab"
            elif len(form.strip()) >= 3 and form.strip()[:1].isupper():
                self._exact.setdefault(form.strip(), set()).add(key)
                if not form.strip().endswith("s"):
                    self._exact.setdefault(form.strip() + "s", set()).add(key)
        if kind == "municipality" and is_metropolitan(base):
            kind = "metro"
        if kind in PLACE_TEMPLATES and (core := place_core(base, "municipality" if kind == "metro" else kind)):
            from kg.resolve.places import names_of_town

            # the town under each of its names: "Urząd m.st. Warszawy" is "Warsaw City Hall" in English
            for place in sorted({core, *names_of_town(core)}):
                self._templated.setdefault(place, {}).setdefault(kind, set()).add(key)
            self._places_automaton = self._stems_automaton = None

    def _add_cjk(self, forms: set[str], base: str, key: str, kind: str | None) -> None:
        """A Chinese or Japanese name under its forms, and a municipality's or prefecture's under its
        other administrative words ("横浜市" is 横浜市役所; "臺北市政府" 台北市, 臺北市政府)."""
        keys = {cjk_key(normalise(form)) for form in forms if has_unspaced(form)}
        keys |= {cjk_key(normalise(bare)) for form in forms if has_unspaced(bare := _CJK_LEGAL.sub("", form))}
        if kind in ("municipality", "region") and (core := place_core(base, kind)):
            ward = base.rstrip().endswith(("区", "區", "구", "구청")) or "区役所" in base or "區公所" in base
            suffixes: tuple[str, ...] = (
                (("区", "區", "区役所", "區公所") if ward else ("市", "市役所", "市政府", "市公所"))
                if kind == "municipality" else ("県", "県庁", "縣", "縣政府", "府", "府庁"))
            if HANGUL.search(core):  # "서울특별시" is "서울시", "서울시청"
                suffixes = (("구", "구청") if ward else ("시", "특별시", "광역시", "시청")) \
                    if kind == "municipality" else ("도", "도청")
            keys |= {cjk_key(core + suffix) for suffix in suffixes}
        for form_key in keys:
            if len(form_key) >= 2:
                self._cjk.setdefault(form_key, set()).add(key)
        self._cjk_automaton = None

    def _cjk_forms(self) -> ahocorasick.Automaton:
        if self._cjk_automaton is None:
            automaton = ahocorasick.Automaton()
            for form, keys in self._cjk.items():
                automaton.add_word(form, (form, frozenset(keys)))
            automaton.make_automaton()
            self._cjk_automaton = automaton
        return self._cjk_automaton

    def add_acronym(self, acronym: str, key: str) -> None:
        if _ACRONYM.match(acronym):
            self._exact.setdefault(acronym, set()).add(key)
            self._exact_automaton = self._stems_automaton = None

    def _add_folded(self, folded: str, key: str) -> None:
        self._folded.setdefault(f" {folded} ", set()).add(key)
        self._folded_automaton = self._stems_automaton = None

    def learn_acronyms(self, texts: Iterable[str]) -> None:
        """Abbreviations the texts define for a known name: "Open Source Politics (OSP)"."""
        learned: list[tuple[str, str]] = []
        for text in texts:
            if "(" not in text:
                continue
            for match in _ACRONYM_PAREN.finditer(text):
                short = match.group(1)
                if not (short.isupper() or sum(c.isupper() for c in short) >= 2):
                    continue
                long = text[max(0, match.start() - 120) : match.start()].rsplit("(", 1)[-1].rsplit(")", 1)[-1]
                keys = self.find(long, _longest_only=False, _suffix=True)
                if len(keys) == 1:
                    learned.append((short, next(iter(keys))))
        for short, key in learned:  # all at once: the automaton is built again once
            self.add_acronym(short, key)

    def _build(self) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
        """The automata of the folded forms and of the exact ones, each built if its forms changed."""
        shared: dict[frozenset[str], frozenset[str]] = {}

        def keys_of(keys: set[str]) -> frozenset[str]:
            frozen = frozenset(keys)
            return shared.setdefault(frozen, frozen)  # a name's dozens of forms share one set of keys

        if self._folded_automaton is None:
            folded = ahocorasick.Automaton()
            for form, keys in self._folded.items():
                folded.add_word(form, (form, keys_of(keys)))
            for form, keys in self._shortened.items():
                if len(keys) == 1 and form not in self._folded and not self._template_keys(form.strip()):
                    folded.add_word(form, (form, keys_of(keys)))
            folded.make_automaton() if len(folded) else None
            self._folded_automaton = folded
        if self._exact_automaton is None:
            exact = ahocorasick.Automaton()
            for form, keys in self._exact.items():
                exact.add_word(form, (form, keys_of(keys)))
            exact.make_automaton() if len(exact) else None
            self._exact_automaton = exact
        return self._folded_automaton, self._exact_automaton

    def _template_keys(self, form: str) -> set[str]:
        """The keys a folded form (without its padding) is a templated form of: "city of lyon" is the
        municipality of Lyon's where the site names it."""
        keys: set[str] = set()
        if not self._templated:
            return keys
        for kind, frames in _FRAMES.items():
            for before, after in frames:
                if len(form) <= len(before) + len(after) or not form.startswith(before) or not form.endswith(after):
                    continue
                place = form[len(before):len(form) - len(after)]
                keys |= self._templated.get(place, {}).get(kind, set())
                if place.endswith("s") and not place[:-1].endswith("s"):
                    keys |= self._templated.get(place[:-1], {}).get(kind, set())  # "göteborgs kommun"
        return keys

    def _places(self) -> ahocorasick.Automaton:
        """The automaton of the templated places, each after a space (a word's start)."""
        if self._places_automaton is None:
            automaton = ahocorasick.Automaton()
            for place, kinds in self._templated.items():
                automaton.add_word(f" {place}", (place, tuple((kind, frozenset(keys)) for kind, keys in kinds.items())))
            automaton.make_automaton() if len(automaton) else None
            self._places_automaton = automaton
        return self._places_automaton

    def _template_spans(self, padded: str) -> dict[tuple[int, int], set[str]]:
        """Where a padded, normalised text writes a templated place's form, and whose it is: spans as the
        folded forms' (from the form's first character to the space after it)."""
        out: dict[tuple[int, int], set[str]] = {}
        automaton = self._places()
        if not len(automaton):
            return out
        for last, (place, kinds) in automaton.iter(padded):
            at, after_place = last - len(place) + 1, last + 1
            genitive = not place.endswith("s") and padded[after_place] == "s"  # "göteborgs kommun"
            # the place ends here, or in the genitive: the words before it may make the form
            end = after_place if padded[after_place] == " " else \
                after_place + 1 if genitive and padded[after_place + 1] == " " else None
            word_before = padded[padded.rfind(" ", 0, at - 1) + 1:at - 1] if at > 1 else ""
            for kind, keys in kinds:
                befores, afters = _FRAME_INDEX[kind]
                if end is not None:
                    for before in befores.get(word_before, ()):
                        start = at - len(before)
                        if start >= 1 and padded[start - 1] == " " and padded.startswith(before, start):
                            out.setdefault((start, end), set()).update(keys)
                for tail_at in (after_place, after_place + 1) if genitive else (after_place,):
                    for after in afters.get(padded[tail_at], ()):
                        if padded.startswith(after, tail_at) and padded[tail_at + len(after)] == " ":
                            out.setdefault((at, tail_at + len(after)), set()).update(keys)
        return out

    def _stems(self) -> ahocorasick.Automaton:
        """The automaton of the declinable forms' stems, built when a declining text first asks."""
        stemmed = self._stems_automaton
        if stemmed is None:
            stemmed = ahocorasick.Automaton()
            by_stems: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
            for form, keys in sorted(self._folded.items()):
                words = tuple(form.split())
                if form.strip() in self._declinable and _declinable(words):
                    keys = keys | self._template_keys(form.strip())  # "city of lyon" is a templated form too
                    by_stems.setdefault(f" {' '.join(map(_stem, words))} ", []).append((words, frozenset(keys)))
            for name, keys in sorted(self._exact.items()):
                key_form = normalise(name)
                if len(name) >= 8 and not name.isupper() and key_form in self._declinable and \
                        _declinable(words := tuple(key_form.split())):
                    by_stems.setdefault(f" {' '.join(map(_stem, words))} ", []).append((words, frozenset(keys)))
            for stems, forms in by_stems.items():
                stemmed.add_word(stems, (stems, tuple(forms)))
            stemmed.make_automaton() if len(stemmed) else None
            self._stems_automaton = stemmed
        return stemmed

    def prepare(self, declined: bool = False) -> None:
        """Build the automata now (before a helper forks, so that it need not build its own); with
        ``declined``, the declined forms' too."""
        if len(self):
            self._build()
            self._places()
            if declined:
                self._stems()

    def __len__(self) -> int:
        return len(self._folded) + len(self._exact) + len(self._cjk) + len(self._templated)

    def find(self, text: str, *, declined: bool = True, _longest_only: bool = True, _suffix: bool = False) -> set[str]:
        """The keys of the organisations ``text`` names; with ``declined``, in other cases too (for texts in
        the languages that decline names: :data:`DECLINING`)."""
        if not text or not len(self):
            return set()
        folded_auto, exact_auto = self._build()
        spans: list[tuple[int, int, frozenset[str]]] = []
        if len(folded_auto) or self._templated:
            padded = _padded(text)
            for end, (form, keys) in folded_auto.iter(padded) if len(folded_auto) else ():
                if _suffix and end != len(padded) - 1:
                    continue
                spans.append((end - len(form) + 2, end, keys))  # without the padding spaces
            if self._templated and (templated := self._template_spans(padded)):
                at = {(start, end): i for i, (start, end, _keys) in enumerate(spans)}
                for (start, end), keys in sorted(templated.items()):
                    if _suffix and end != len(padded) - 1:
                        continue
                    if (start, end) in at:  # the same words are a form of the name too: one span, both keys
                        i = at[(start, end)]
                        spans[i] = (start, end, spans[i][2] | keys)
                    else:
                        spans.append((start, end, frozenset(keys)))
            if declined and not _suffix and len(stems := self._stems()):
                spans += _declined_spans(padded, stems)
        found: set[str] = set()
        if _longest_only:
            spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
            reach = -1
            for _start, end, keys in spans:
                if end <= reach:
                    continue  # inside a longer name found already
                reach = max(reach, end)
                found.update(keys)
        else:
            for _start, _end, keys in spans:
                found.update(keys)
        if self._cjk and has_unspaced(text):
            found |= _longest(self._cjk_forms(), cjk_key(normalise(text)))
        if len(exact_auto) and not _suffix:
            for end, (form, keys) in exact_auto.iter(text):
                start, after = end - len(form) + 1, end + 1
                if (start > 0 and _is_word(text[start - 1])) or (after < len(text) and _is_word(text[after])):
                    continue
                found.update(keys)
        return found
