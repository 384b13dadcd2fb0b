"""Countries (and the site's own kind) a name does not say, as a careful reader works them out from the
rest of the site. The site's description of its own organisation gives its kind ("… est une
coopérative de conseil", "… is a non-profit foundation": :func:`described_kind`). Two readings give
countries, each only where nothing contradicts it:

* **The site's own organisation** is in the country its site says it is: the country part of
  ``locale: fr_FR``, the country-code domain of its ``url`` (``.dk``, not ``.eu`` or ``.org``), or the
  country of its ``timezone`` (``Europe/Madrid``; IANA's ``zone.tab``).
* **Company kept**: an organisation whose name says no country, that takes part in projects (as a
  client, partner or funder) where every other participant whose country is known is in one and the
  same country, is in that country, unless a page it is named on is written in a language not spoken
  there ("Zebralog GmbH", partner of the Stadt Köln and of the Bundeszentrale, is German; a Dutch
  partner named on a Dutch page of a German project is not).
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from kg.map.text import ABBREVIATIONS
from kg.resolve.countries import country_of_host
from kg.resolve.kinds import fold
from kg.resolve.places import LANGUAGE_COUNTRIES

NEUTRAL_LANGUAGES = frozenset({"en", ""})
"""Languages written everywhere: a page in English says nothing about where an organisation is."""


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    """IANA time zone → ISO 3166 alpha-2 code of its country (``zone.tab``), where a copy is at hand."""
    texts: list[str] = []
    with contextlib.suppress(ImportError, OSError):
        from importlib.resources import files

        texts.append(files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8"))
    if not texts:
        with contextlib.suppress(OSError):
            texts.append(Path("/usr/share/zoneinfo/zone.tab").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for text in texts:
        for line in text.splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and not line.startswith("#") and len(parts[0]) == 2:
                out.setdefault(parts[2], parts[0].upper())
    return out


def site_country(locale: object, url: str, timezone: object) -> str | None:
    """The country a site's configuration says its organisation is in, if any."""
    if isinstance(locale, str):
        part = locale.replace("-", "_").split(".")[0].split("_")
        if len(part) == 2 and len(part[1]) == 2 and part[1].isalpha():
            return part[1].upper()
    if url and (code := country_of_host(url)):
        return code
    if isinstance(timezone, str):
        return _zones().get(timezone.strip())
    return None


def spoken_in(code: str, languages: Iterable[str | None]) -> bool:
    """Whether every language of ``languages`` (bar the neutral ones) is spoken in country ``code``,
    as far as :data:`kg.resolve.places.LANGUAGE_COUNTRIES` knows (unknown languages do not object)."""
    for lang in languages:
        base = (lang or "").split("-")[0].lower()
        if base in NEUTRAL_LANGUAGES:
            continue
        countries = LANGUAGE_COUNTRIES.get(base)
        if countries is not None and code not in countries:
            return False
    return True


def country_by_company(org: str, projects: Mapping[str, set[str]], countries: Mapping[str, str],
                       languages: Iterable[str | None]) -> str | None:
    """The one country of the other participants of ``org``'s projects (see the module's docstring).

    ``projects``: project → its participants; ``countries``: participant → country code (only those
    whose country their own names or the registry give)."""
    seen: dict[str, set[str]] = defaultdict(set)
    for participants in projects.values():
        if org not in participants:
            continue
        for other in participants - {org}:
            if other in countries:
                seen[countries[other]].add(other)
    if len(seen) != 1:
        return None
    code = next(iter(seen))
    return code if spoken_in(code, languages) else None


#: Words by which organisations describe themselves ("… est une coopérative de conseil", "… is a
#: non-profit foundation", "Consultora de participação …"), folded, per kind; the first one a
#: description uses gives its kind.
SELF_DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "research-institute": ("think tank", "think-tank", "research institute", "institut de recherche",
                           "forschungsinstitut", "instituto de investigacion", "istituto di ricerca",
                           "forskningsinstitut", "research centre", "research center"),
    "ngo": ("non profit", "nonprofit", "not for profit", "sin animo de lucro", "sans but lucratif",
            "a but non lucratif", "senza scopo di lucro", "sem fins lucrativos", "gemeinnutzig\\w*", "ideell\\w*",
            "almennyttig\\w*",
            "association", "asociacion", "associazione", "associacao", "associacio", "verein", "vereniging",
            "forening", "yhdistys", "stowarzyszenie", "spolek", "foundation", "fondation", "fundacion", "fondazione",
            "fundacao", "stiftung", "stichting", "stiftelse", "saatio", "fundacja", "charity", "ngo", "ong", "onlus",
            "e v", "charitable"),
    "company": ("company", "consultancy", "consulting firm", "consultora", "consultoria", "consultant\\w*",
                "cooperative", "cooperativa", "cooperatief", "genossenschaft", "scop", "scic", "empresa",
                "entreprise", "societe", "societa", "unternehmen", "firma", "\\w+firma", "\\w+firmaet", "virksomhed",
                "\\w*bureau", "\\w*byra", "bolag", "selskab", "agence", "agentur", "studio", "start up", "startup",
                "gmbh", "ltd", "lda", "s l", "srl", "aps", "oy", "ab", "bv", "sas", "sarl", "sp z o o"),
}
_SELF_RE = tuple((kind, re.compile(r"\b(?:" + "|".join(words) + r")\b")) for kind, words in SELF_DESCRIPTIONS.items())


def described_kind(description: str) -> str | None:
    """The kind a site's description of its own organisation says, by the first self-describing word
    of its first sentence (see :data:`SELF_DESCRIPTIONS`)."""
    text = description.strip()
    first = text
    for end in re.finditer(r"(?<=[.!?])\s", text):
        if not text.endswith(ABBREVIATIONS, 0, end.start()):  # "… Civic Design, Inc. is a nonprofit …"
            first = text[:end.start()]
            break
    words = fold(first)
    best: tuple[int, str] | None = None
    for kind, pattern in _SELF_RE:
        if (match := pattern.search(words)) and (best is None or match.start() < best[0]):
            best = (match.start(), kind)
    return best[1] if best else None
