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

import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "œ": "oe", "Œ": "OE",
                       "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
                       "ı": "i"})
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NON_WORD = re.compile(r"[\W_]+")


def ascii_fold(text: str) -> str:
    """Strip diacritics: ``Göteborgs`` → ``Goteborgs``, ``Tromsø`` → ``Tromso``.

    Decomposition works character by character, so a long text is folded one run of non-ASCII
    characters at a time: the same result, without visiting every ASCII letter in Python."""
    if text.isascii():
        return text
    if len(text) > 64:
        return _NON_ASCII.sub(lambda m: _fold(m.group(0)), text)
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """The comparison key of a name: folded case and diacritics; hyphens, dots, quotes and spacing
    never split a name ("Saint-Étienne Métropole" = "Saint Etienne Métropole")."""
    folded = ascii_fold(name).casefold().replace("&", " and ")
    return _NON_WORD.sub(" ", folded).strip()


def same_name(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name the same thing by :func:`normalise` (an empty key names nothing)."""
    key = normalise(a)
    return bool(key) and key == normalise(b)


__all__ = ["ascii_fold", "normalise", "same_name"]
