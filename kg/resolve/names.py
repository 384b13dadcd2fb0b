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


_LIST_END = re.compile(r"\s(?:and|&|y|e|i|et|und|og|och|en|ja|a|és|ve|și|si|ir|un|in|и|і|та|και|dan|và|na)\s+\S",
                       re.IGNORECASE)
"""A conjunction before the last item of a list inside a name ("…, Unión Europea y Cooperación")."""


_UNIT_WORD = re.compile(
    r"(?:^|\s)(?:departa?ment\w*|department|direc\w+|direzione|abteilung|afdeling|avdelning\w*|\w*forvaltning\w*|"
    r"\w*verwaltung\w*|secretar\w+|office|bureau|institut\w*|istituto|facult\w*|fakult\w*|school|centre|center|"
    r"centro|zentrum|division|unit|servei|servicio|service|kontor\w*|enhet\w*|ufficio|agencia|agència|oficina|"
    r"merkez\w*|mudurlug\w*|daire\w*|baskanlig\w*|bolum\w*|enstitu\w*|birim\w*|ofis\w*|ured\w*|odjel\w*|"
    r"zavod\w*|sluzb\w*|urad\w*|oddel\w*|dinas|bidang|pusat|jabatan|wydzial\w*|biur\w*|odbor\w*|osztaly\w*|"
    r"irod\w*|kozpont\w*|directi\w*|servici\w*|birou\w*|trung tam)\b"
)
"""Words that name a unit of an organisation ("Departament d'Acció Climàtica", "Teknik- og Miljøforvaltningen")."""


def split_unit(name: str) -> tuple[str, str] | None:
    """``"Göteborgs Stad, Lundby"`` → ``("Göteborgs Stad", "Lundby")``. A list inside one name is no unit:
    "Institut für Klima, Umwelt, Energie", "Foreign, Commonwealth & Development Office", "Ministerio de
    Asuntos Exteriores, Unión Europea y Cooperación"; nor is a legal form after a comma ("Ressò, SCCL").
    A unit whose own name holds such a list keeps it: "Generalitat de Catalunya, Departament d'Acció
    Climàtica, Alimentació i Agenda Rural". The English possessive is a unit too: "University of Toronto's
    School of Cities"."""
    from kg.resolve.kinds import fold, is_legal_form, kind_of

    if ", " not in name:
        # "University of Toronto's School of Cities": the English possessive of a unit
        owner, mark, unit = name.partition("'s ") if "'s " in name else name.partition("’s ")
        if mark and unit[:1].isupper() and kind_of(owner) and _UNIT_WORD.search(fold(unit)):
            return owner.strip(), unit.strip()
        return None

    left, right = name.split(", ", 1)
    if ", " in right and not (_LIST_END.search(right) and kind_of(left) and _UNIT_WORD.search(
            fold(right.split(", ")[0]))):
        return None  # "Institut für Klima, Umwelt, Energie": a list inside one name, not a unit
    if ", " not in right and _LIST_END.search(right) and not (kind_of(left) and _UNIT_WORD.search(fold(right))):
        return None  # "…, Unión Europea y Cooperación", "Foreign, Commonwealth & …": the last items of a list
    left, right = left.strip(), right.strip()
    if not left or not right or (not right[:1].isupper() and not right[:1].isdigit()):
        return None  # "…, nukleare Sicherheit": the name goes on, no unit starts
    if is_legal_form(right):
        return None  # "Ressò, SCCL", "Acme, Inc."
    return left, right


__all__ = ["normalise", "split_parenthesis", "split_unit"]
