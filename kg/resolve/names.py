"""Reading the structure some organisation names carry: "Sintef (Norway)" (a country) and
"Göteborgs Stad, Lundby" (a unit). Names are compared by :func:`kg.names.normalise`, the one
rule of kg for "the same name" (case, spacing and diacritics never split one entity)."""

from __future__ import annotations

import re

from kg.names import normalise

_COUNTRY = re.compile(r"^(.*\S)\s*\(([^()]+)\)\s*$")


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


__all__ = ["normalise", "split_parenthesis", "split_unit"]
