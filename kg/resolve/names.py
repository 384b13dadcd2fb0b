"""Normalising organisation names so that case, spacing and diacritics never
split one entity, and reading the structure some names carry:
"Sintef (Norway)" (a country) and "Göteborgs Stad, Lundby" (a unit)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.map.iris import CharTable, ascii_fold


def _key_char(char: str) -> str:
    folded = ascii_fold(char).casefold().replace("&", " and ")
    return "".join(c if c.isalnum() else " " for c in folded)


_KEY = CharTable(_key_char)
_COUNTRY = re.compile(r"^(.*\S)\s*\(([^()]+)\)\s*$")


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """The comparison key of a name: folded case and diacritics; hyphens, dots, quotes and spacing
    never split a name ("Saint-Étienne Métropole" = "Saint Etienne Métropole")."""
    return " ".join(name.translate(_KEY).split())


def split_parenthesis(name: str) -> tuple[str, str | None]:
    """``"Sintef (Norway)"`` → ``("Sintef", "Norway")``; no parenthesis → ``(name, None)``."""
    match = _COUNTRY.match(name.strip()) if ")" in name else None
    if not match:
        return name.strip(), None
    return match.group(1).strip(), match.group(2).strip()


def split_unit(name: str) -> tuple[str, str] | None:
    """``"Göteborgs Stad, Lundby"`` → ``("Göteborgs Stad", "Lundby")``."""
    if ", " not in name:
        return None
    if name.count(", ") > 1:
        return None  # "Institut für Klima, Umwelt, Energie": a list inside one name, not a unit
    left, right = name.rsplit(", ", 1)
    left, right = left.strip(), right.strip()
    if not left or not right or (not right[:1].isupper() and not right[:1].isdigit()):
        return None  # "…, nukleare Sicherheit": the name goes on, no unit starts
    return left, right
