"""Roles a project page states in its text: "in collaboration with …", "financiado por …".

A project page whose front matter names no partner often says in a sentence who took
part and who paid. The words that introduce a role are few in each language; what
follows them, up to the end of the sentence (or the next such words), holds the
organisations in that role. The resolver finds them there as it finds any name in
text, and the statements it makes are inferences from the page (``kgo:Inference``,
method ``page-text``), never stated facts.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.map.text import ABBREVIATIONS

ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "partner": (
        "in collaboration with", "in partnership with", "together with", "with our partners?", "our partners?",
        "en colaboración con", "en alianza con", "in alliance with",
        "en asociación con", "en col·laboració amb", "en colaboracion con", "con la colaboración de", "junto (a|con)",
        "nuestr[ao]s? soci[ao]s?", "en partenariat avec", "en collaboration avec", "avec nos partenaires",
        "avec le partenaire", "in zusammenarbeit mit", "gemeinsam mit", "in kooperation mit", "in collaborazione con",
        "insieme (a|con)", "con il partner", "in samenwerking met", "samen met", "i samarbete med",
        "tillsammans med", "i samarbejde med", "sammen med", "i samarbeid med", "em parceria com", "em colaboração com",
    ),
    "funder": (
        "funded by", "financed by", "with funding from", "with (the )?support (of|from)", "supported by",
        "financiad[oa] por", "con (el )?apoyo de", "con financiación de", "cofinanciad[oa] por", "finançat per",
        "financé par", "financée par", "avec le soutien de", "soutenu par", "gefördert (von|durch)",
        "finanziert (von|durch)", "mit unterstützung (von|der|des)", "finanziat[oa] da", "con il sostegno di",
        "gefinancierd door", "met steun van", "finansierat av", "finansierad av", "med stöd (av|från)",
        "finansieret af", "med støtte fra", "finansiert av", "financiad[oa] pel[ao]",
    ),
    "client": (
        "commissioned by", "on behalf of", "por encargo de", "por encargo del", "à la demande de", "pour le compte de",
        "im auftrag (von|der|des)", "su incarico di", "per conto di", "in opdracht van", "på uppdrag av",
        "på uppdrag från", "på vegne af", "på oppdrag fra",
    ),
}
_ROLES = "|".join(f"(?P<{role}>(?:{'|'.join(words)})\\b)" for role, words in ROLE_WORDS.items())
_ROLE_RE = re.compile(f"(?<!\\w)(?:{_ROLES})", re.IGNORECASE)
#: The same words in lower-case text: without IGNORECASE the engine skips to the words' first letters.
_ROLE_LOWER = re.compile(f"(?<!\\w)(?:{_ROLES})")
_END = re.compile(r"[.;:!?](?:\s|$)|\n")
MAX_FRAGMENT = 300


class RoleFragment(NamedTuple):
    role: str
    """``partner``, ``funder`` or ``client``."""
    text: str
    """What follows the role's words, to the end of the sentence or the next role's words."""


def role_fragments(text: str) -> list[RoleFragment]:
    """The fragments of ``text`` that name organisations in a role."""
    if not text:
        return []
    lower = text.lower()
    matches = list(_ROLE_LOWER.finditer(lower) if len(lower) == len(text) else _ROLE_RE.finditer(text))
    out = []
    for i, match in enumerate(matches):
        start = match.end()
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        limit = min(stop, start + MAX_FRAGMENT)
        end = _END.search(text, start, limit)
        while end is not None and text.endswith(ABBREVIATIONS, 0, end.start() + 1):
            end = _END.search(text, end.end(), limit)  # "… e.V. und …": not a sentence's end
        fragment = text[start:end.start() if end else limit]
        before = text[max(0, match.start() - 3):match.start()]
        if (match.start() == 0 or _END.search(before + " ")) and "," in fragment:
            fragment = fragment.split(",", 1)[0]  # "Together with X, Y trained …": Y is the sentence's subject
        fragment = _names_part(fragment.strip(" ,"))
        if fragment:
            out.append(RoleFragment(match.lastgroup or "partner", fragment))
    return out


_SMALL = frozenset(
    "de del della dei degli di da du des d l la le les las los el y i e et und für fur of the for and van der den "
    "voor het og och av a al au zu im am do dos das em o or ou oder also as well the its their our".split()
)
_FORM_START = re.compile(
    r"^(?:the |la |le |l'|el |il |die |der |das |de |het )?"
    r"(agen\w+|f[eé]d[eé]ration|federaci\w+|confederaci\w+|associa\w+|asociaci\w+|fondation|fundaci\w+|"
    r"fondazione|minist\w+|institut\w*|istituto|universit\w+|centre|centro|conseil|consejo|consiglio|comit\w+|"
    r"communaut\w+|comunidad|office|direction|direcci\w+|caisse|banque|banco)\b",
    re.IGNORECASE,
)


def _names_part(fragment: str) -> str:
    """The part of a fragment that lists names: up to the first word that is neither a name, a small word
    of names (of, de, and …) nor, in a name that begins with a form word ("Agence nationale de …"), one of
    its first words. "Nordforsk and led from the University" → "Nordforsk"."""
    words = fragment.split()
    sentence_case = bool(_FORM_START.match(fragment))
    kept: list[str] = []
    for i, word in enumerate(words):
        bare = word.strip(",()\"'«»“”")
        if not bare:
            kept.append(word)
            continue
        if bare[:1].isupper() or bare[:1].isdigit() or bare.lower() in _SMALL or "." in bare:
            kept.append(word)
            continue
        if sentence_case and i < 8:
            kept.append(word)
            continue
        break
    while kept and kept[-1].strip(",").lower() in _SMALL:
        kept.pop()  # "… Nordforsk and"
    return " ".join(kept).strip(" ,")
