"""Aligning the client, partner and funder lists of one project's pages in two languages.

A list in another order, or with translated names, is aligned by evidence, never by
position alone: two names are one organisation when they are the same word for word
in two languages ("Fondazione Innovazione Urbana" / "Urban Innovation Foundation":
every word has a close cognate), their kinds agree and neither has a better match.
A pair the evidence cannot settle ("Stadt Köln" / "City of Cologne") is taken as one
only when it is the last pair left in lists of equal length, at the same place, of the
same kind; anything less certain is *proposed* in the report (``proposed-merge``) for
a maintainer to confirm into ``_data/kg/registry.yml``, and not applied.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz

from kg.map.terms import Name
from kg.resolve.countries import country_code
from kg.resolve.glossary import same_word
from kg.resolve.kinds import _nominative, fold, kind_of
from kg.resolve.places import canonical_place

#: Words that say nothing about which organisation it is, in the languages kg reads.
STOP_WORDS = frozenset(
    "the of for and in on at a an de du des la le les l d di del della dello dei degli da e y i et und "
    "der die das den det och av för för i på van het voor en el los las o do da dos das zu im am og af "
    "für fur kai tis tou ton tin ta i ta".split()
)
ACCEPT = 80.0
"""Mean cognate similarity (0–100) from which two names are taken as one."""
MARGIN = 10.0
"""How much better than any other candidate the accepted match must be."""


@dataclass(frozen=True)
class Pair:
    a: Name
    b: Name
    evidence: str


def cognate_score(a: str, b: str) -> float:
    """How closely two names match word for word across languages (0–100).

    Each content word of the shorter name is paired with its closest word in the other
    (``innovazione`` ~ ``innovation``); the score is the mean, and 0 when the two name
    different countries ("… Sverige" / "… Norge") or when their forms give different kinds.
    """
    kind_a, kind_b = _alike(kind_of(a)), _alike(kind_of(b))
    if kind_a and kind_b and kind_a != kind_b:
        return 0.0
    words_a = [w for w in fold(a).split() if w not in STOP_WORDS]
    words_b = [w for w in fold(b).split() if w not in STOP_WORDS]
    if not words_a or not words_b:
        return 0.0
    countries_a = {c for w in words_a if (c := country_code(w))}
    countries_b = {c for w in words_b if (c := country_code(w))}
    if countries_a and countries_b and countries_a != countries_b:
        return 0.0
    score = _mean_best(words_a, words_b)
    if kind_a and kind_a == kind_b:
        # the type words of one kind translate each other ("Panepistimio" / "University"): the rest may match
        rest_a = [w for w in words_a if _alike(kind_of(w)) != kind_a]
        rest_b = [w for w in words_b if _alike(kind_of(w)) != kind_b]
        if rest_a and rest_b and (len(rest_a) <= 2 * len(rest_b) + 1 and len(rest_b) <= 2 * len(rest_a) + 1):
            score = max(score, _mean_best(rest_a, rest_b))
    return score


def _mean_best(words_a: list[str], words_b: list[str]) -> float:
    """The mean over the shorter list's words of their closest word's similarity in the other list."""
    if len(words_a) > len(words_b):
        words_a, words_b = words_b, words_a
    if len(words_b) > 2 * len(words_a) + 1:
        return 0.0  # "OSP" and "Open Source Politics" are not cognates
    total = 0.0
    sounds_b = [_sounds(o) for o in words_b]
    pairs_b = [a + b for a, b in pairwise(words_b)]  # "inter american" = "interamericano"
    for word in words_a:
        sound = _sounds(word)
        best = max(max(fuzz.ratio(word, other), fuzz.ratio(sound, heard))
                   for other, heard in zip(words_b, sounds_b, strict=True))
        if best < 100.0 and any(same_word(word, other) for other in (*words_b, *pairs_b)):
            best = 100.0  # "numerique" and "digital", "desarrollo" and "development": one word in two languages
        if country_code(word) and any(country_code(o) == country_code(word) for o in words_b):
            best = 100.0  # "Sverige" and "Sweden" are one word in two languages
        elif best < 100.0 and (place := canonical_place(_nominative(word))).startswith("geo") and \
                any(canonical_place(_nominative(o)) == place for o in words_b):
            best = 100.0  # "Köln" and "Cologne", "Lvivska" and "Lviv": one town's names in two languages
        total += best
    return total / len(words_a)


def declined_alike(a: str, b: str) -> bool:
    """Whether two words of names are one word declined ("Koneen" / "Kone", "Masarykova" / "Masaryk",
    "Batorego" / "Batory"): equal, or one the other with an ending of up to four letters, or sharing
    five letters and three quarters of the shorter one."""
    if a == b:
        return True
    if a.startswith("geo") or b.startswith("geo"):
        return False  # towns are one key already
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 4:
        return True
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(short))
    return common >= 5 and common >= 0.75 * len(short)


_SPELLINGS = (("sch", "s"), ("kh", "k"), ("ch", "k"), ("ph", "f"), ("th", "t"), ("sh", "s"), ("ck", "k"),
              ("c", "k"), ("q", "k"), ("x", "ks"), ("y", "i"), ("z", "s"), ("w", "v"), ("j", "i"))
"""Letters the languages spell one sound with ("shkola" / "school", "ekonomiky" / "economics")."""


def _sounds(word: str) -> str:
    """A word as it sounds, roughly: spellings of one sound made one, doubled letters single."""
    for written, sound in _SPELLINGS:
        word = word.replace(written, sound)
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


def align(
    slots: dict[str, dict[str, dict[int, Name]]], key: Callable[[Name], str]
) -> tuple[list[Pair], list[Pair]]:
    """The pairs to merge, and the pairs only to propose, over every project's lists.

    ``slots`` is translation group → language → position → name; ``key`` gives a name's
    current cluster.
    """
    merges: list[Pair] = []
    proposals: list[Pair] = []
    for group in sorted(slots):
        by_lang = slots[group]
        langs = sorted(by_lang)
        for other_lang in langs[1:]:
            first, other = by_lang[langs[0]], by_lang[other_lang]
            found, maybe = _align_lists(first, other, key)
            merges.extend(found)
            proposals.extend(maybe)
    return merges, proposals


def _align_lists(
    first: dict[int, Name], other: dict[int, Name], key: Callable[[Name], str]
) -> tuple[list[Pair], list[Pair]]:
    keys_b = {key(n) for n in other.values()}
    keys_a = {key(n) for n in first.values()}
    left = {i: n for i, n in first.items() if key(n) not in keys_b}
    right = {i: n for i, n in other.items() if key(n) not in keys_a}
    merges: list[Pair] = []
    scores: dict[tuple[int, int], float] = {
        (i, j): cognate_score(a.text, b.text) for i, a in left.items() for j, b in right.items()
    }
    best_a: dict[int, list[float]] = defaultdict(list)
    best_b: dict[int, list[float]] = defaultdict(list)
    for (i, j), score in scores.items():
        best_a[i].append(score)
        best_b[j].append(score)
    for (i, j), score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if i not in left or j not in right or score < ACCEPT:
            continue
        rivals = sorted(best_a[i], reverse=True)[1:2] + sorted(best_b[j], reverse=True)[1:2]
        if any(r > score - MARGIN for r in rivals):
            continue
        merges.append(Pair(left.pop(i), right.pop(j), f"every word has a cognate ({score:.0f}/100)"))
    proposals: list[Pair] = []
    if len(first) == len(other):
        merges += _only_ones_of_their_kind(left, right, scores)
    for i, a in left.items():
        for j, b in right.items():
            same_kind = kind_of(a.text) is not None and kind_of(a.text) == kind_of(b.text)
            if ((i == j or same_kind) and scores[(i, j)] > 0) or (i == j and same_kind):
                proposals.append(Pair(a, b, "same place in the lists" if i == j else "same kind"))
    return merges, proposals


def _alike(kind: str | None) -> str | None:
    """A kind as translations keep it: a foundation is one in any language, whether its name there says
    fund ("Vilniaus bendruomenių fondas") or foundation ("Vilnius Community Foundation")."""
    return "ngo" if kind == "funder" else kind


def _only_ones_of_their_kind(left: dict[int, Name], right: dict[int, Name],
                             scores: dict[tuple[int, int], float]) -> list[Pair]:
    """In lists of equal length, what evidence left unpaired is paired by kind: the only university left in
    both lists is one university ("Háskólinn í Reykjavík" / "Reykjavik University"), the only region one
    region ("Ústecký kraj" / "Ústí nad Labem Region"), wherever each list has it — never two of a kind
    (which would be position alone), nor names of two countries (a score of 0 says so)."""
    by_kind_a: dict[str, list[int]] = defaultdict(list)
    by_kind_b: dict[str, list[int]] = defaultdict(list)
    for i, a in left.items():
        if (kind := _alike(kind_of(a.text))) is not None:
            by_kind_a[kind].append(i)
    for j, b in right.items():
        if (kind := _alike(kind_of(b.text))) is not None:
            by_kind_b[kind].append(j)
    pairs = []
    for kind in sorted(by_kind_a):
        ones_a, ones_b = by_kind_a[kind], by_kind_b.get(kind, [])
        if len(ones_a) == 1 and len(ones_b) == 1:
            candidates = [(ones_a[0], ones_b[0], f"the only {kind} left in both lists")]
        else:  # two networks: the Lithuanian one is the Lithuanian one ("Lietuvos …" / "… in Lithuania")
            of_a, of_b = _by_country(left, ones_a), _by_country(right, ones_b)
            candidates = [(of_a[c][0], of_b[c][0], f"the only {kind} of {c} left in both lists")
                          for c in sorted(of_a) if len(of_a[c]) == 1 and len(of_b.get(c, ())) == 1]
        for i, j, why in candidates:
            if _contradict(left[i].text, right[j].text):
                continue
            place = "at the same place" if i == j else "in both lists"
            pairs.append(Pair(left.pop(i), right.pop(j), f"{why}, {place}"))
    return pairs


def _by_country(names: dict[int, Name], at: list[int]) -> dict[str, list[int]]:
    """The positions ``at`` by the one country each name names (by a name or adjective of it)."""
    from kg.resolve.countries import country_in_name

    out: dict[str, list[int]] = defaultdict(list)
    for i in at:
        if (code := country_in_name(names[i].text)) is not None:
            out[code].append(i)
    return out


def _contradict(a: str, b: str) -> bool:
    """Whether two names say different countries or different towns of theirs."""
    from kg.resolve.countries import country_in_name
    from kg.resolve.places import towns_in

    country_a, country_b = country_in_name(a), country_in_name(b)
    if country_a and country_b and country_a != country_b:
        return True
    towns_a, towns_b = {t.id for t in towns_in(a, 20_000)}, {t.id for t in towns_in(b, 20_000)}
    return bool(towns_a and towns_b and not towns_a & towns_b)


def word_keys(name: str) -> tuple[str | None, list[str]]:
    """A name's kind and the keys of the words that say which one of that kind it is: a glossary word's
    concept ("environment" = "ambiente"), a town's key ("szegedi" = "Szeged"), else the word itself."""
    from kg.resolve.glossary import concept

    kind = _alike(kind_of(name))
    out = []
    for word in fold(name).split():
        if word in STOP_WORDS or (kind is not None and _alike(kind_of(word)) == kind):
            continue
        if (found := concept(word)) is not None:
            out.append(f"concept:{found}")
        elif (place := canonical_place(_nominative(word))).startswith("geo"):
            out.append(place)
        else:
            out.append(word)
    return kind, out


def translation_of(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` in another language, strictly: both of one kind by their forms, no two
    countries, and word for word the same words ("European Environment Agency" / "Agência Europeia do
    Ambiente", "University of Szeged" / "Szegedi Tudományegyetem"; never "Szeged Medical University")."""
    kind_a, keys_a = word_keys(a)
    kind_b, keys_b = word_keys(b)
    if kind_a is None or kind_a != kind_b or not keys_a or len(keys_a) != len(keys_b):
        return False
    if len(keys_a) == 1 and keys_a[0].startswith("concept:") and keys_b[0].startswith("concept:"):
        return False  # "Ministry of Health" / "Ministério da Saúde": of which country, the words do not say
    if cognate_score(a, b) == 0.0:
        return False  # two countries
    rest = list(keys_b)
    for key in keys_a:
        match = next((k for k in rest if k == key or (not key.startswith(("concept:", "geo")) and not
                                                     k.startswith(("concept:", "geo")) and fuzz.ratio(k, key) >= 90)),
                     None)
        if match is None:
            return False
        rest.remove(match)
    return True
