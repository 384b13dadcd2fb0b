"""Kinds the site's own sentences give an organisation whose name has no form.

"Concito", "Open Data France" and "Meer Democratie" say nothing of what they are, but a
page that writes "the green think tank Concito", "l'association Open Data France" or "die
Stiftung Mercator" does: a type word (:func:`kg.resolve.kinds.kind_of` of one or two words)
right before the name, with nothing but a space between. Every such sentence is a vote; an
organisation gets the kind most of its sentences give, when more than half give it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import ahocorasick

from kg.resolve.kinds import kind_of

_BEFORE = re.compile(r"(?:^|[^\w])([^\W\d_]+(?: [^\W\d_]+)?) $")
"""The one or two words right before a name, a single space between."""
_WINDOW = 40


_AFTER = re.compile(r"^(?:,|\s+(?:is|was|remains|has been))\s+(?:a|an|the|one of the)\s+((?:[\w()'’.-]+\s*){1,4})")
"""What follows a name when a sentence says what it is: "X, a nonprofit …", "X is a 501(c)(3) nonprofit …"."""


def _said_after(after: str) -> str | None:
    """The kind the first type word of "…, a <up to four words>" or "… is a <…>" after a name gives."""
    match = _AFTER.match(after)
    if match is None:
        return None
    for word in match.group(1).split()[:4]:
        if (kind := kind_of(word.strip(",.;:"))) is not None:
            return kind
    return None


def kinds_said(texts: Iterable[tuple[str, set[str]]], forms: dict[str, str]) -> dict[str, str]:
    """Organisation → the kind the texts' appositions give it.

    ``texts`` are (text, the organisations it names); ``forms`` every lower-case name of the
    organisations to look for → the organisation."""
    if not forms:
        return {}
    automaton = ahocorasick.Automaton()
    for form, org in forms.items():
        automaton.add_word(form, (len(form), org))
    automaton.make_automaton()
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    wanted = set(forms.values())
    for text, named in texts:
        if not named & wanted:
            continue
        low = text.lower()
        for end, (length, org) in automaton.iter(low):
            start = end - length + 1
            after = low[end + 1:end + 2]
            if org not in named or (after and (after.isalnum() or after == "_")):
                continue
            if start and (low[start - 1].isalnum()):
                continue
            if (said := _said_after(low[end + 1:end + 1 + _WINDOW * 2])) is not None:
                votes[org][said] += 1  # "Lanternfish, Inc. is a 501(c)(3) nonprofit design studio"
                continue
            before = _BEFORE.search(low[max(0, start - _WINDOW):start])
            if before is None:
                continue
            words = before.group(1).split()
            kind = kind_of(words[-1])
            if kind is None and len(words) == 2 and kind_of(words[0]) is None:
                kind = kind_of(" ".join(words))  # "think tank"; never "university and"
            if kind is not None:
                votes[org][kind] += 1
    out = {}
    for org, counts in votes.items():
        (kind, n), = counts.most_common(1)
        if n * 2 > sum(counts.values()):
            out[org] = kind
    return out
