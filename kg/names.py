"""When two names name the same organisation: the one rule the build, ``kg report --focus``, query
parameters and the endpoint all use.

Two names are the same when their :func:`normalise` keys are equal: case, diacritics,
punctuation and spacing never tell names apart ("Agera Göteborg" = "agera goteborg" =
"Agera-Göteborg"). The build merges the names of a site by this key (and by what the
registry and a name's form add: see :mod:`kg.resolve`), ``kg report --focus`` finds an
organisation by it, and the bundled queries compare a parameter with an organisation's
names through the SPARQL function ``kgo:sameName`` (:mod:`kg.query.names`), which is this
rule too, so ``-p org="Agera Goteborg"`` finds what the build merged with "Agera Göteborg".
"""

from __future__ import annotations

from functools import lru_cache

from kg.fold import CharTable, ascii_fold, latin


def _key_char(char: str) -> str:
    folded = ascii_fold(latin(char)).casefold().replace("&", " and ")
    return "".join(c if c.isalnum() else " " for c in folded)


_KEY = CharTable(lambda char: "&" if char == "&" else _key_char(char))
"""Every character's key but ``&``'s (" and "), which :func:`_key` writes apart: one character each,
so that ASCII takes the fast path."""


def _key(text: str) -> str:
    return _KEY.words(text.replace("&", " and ") if "&" in text else text)


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """The comparison key of a name: folded case and diacritics; hyphens, dots, quotes and spacing
    never split a name ("Saint-Étienne Métropole" = "Saint Etienne Métropole")."""
    return _key(name)


def same_name(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name the same thing by :func:`normalise` (an empty key names nothing)."""
    key = normalise(a)
    return bool(key) and key == normalise(b)


__all__ = ["normalise", "same_name"]
