"""Minting IRIs: stable, readable, valid, and independent of file order.

Instances live under the site URL + ``/kg/``; pages are their canonical URLs.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit, urlunsplit

from pyoxigraph import NamedNode

from kg.fold import CharTable, ascii_fold, latin  # noqa: F401  (kg.map.iris has always offered them)

_NON_SLUG = re.compile(r"[^a-z0-9]+")
#: What an IRI may not hold as is (RFC 3987 excludes these from every part).
_IRI_UNSAFE = re.compile(r"[\x00-\x20<>\"{}|\\^`\x7f-\x9f\u2028\u2029]")




def slug(text: str) -> str:
    """A lowercase ASCII slug for IRIs: ``Göteborgs Stad`` → ``goteborgs-stad``.

    A name with no Latin letters or digits (``北京大学``, ``Москва``) keeps its own
    letters, percent-encoded (``%E5%8C%97%E4%BA%AC%E5%A4%A7%E5%AD%A6``), so every such
    name has an IRI of its own, which no other name added later can shift.
    """
    out = _NON_SLUG.sub("-", ascii_fold(text).lower()).strip("-")
    if out:
        return out[:80].rstrip("-")
    letters = "".join(c if unicodedata.category(c)[0] in "LMN" else " "
                      for c in unicodedata.normalize("NFC", text).lower())
    word = "-".join(letters.split()[:8])[:30].strip("-")
    return quote(word, safe="-") if word else "unnamed"


#: A ``%`` that starts no percent-encoding (``/100%/``, ``{% include %}``).
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
#: What a URL path may hold as it is: RFC 3986 pchar, '/', and the percent-encodings kept as they are.
_PATH_SAFE = "/!$&'()*+,;=:@-._~%"


def escape_lone_percent(text: str) -> str:
    """``%`` not followed by two hex digits → ``%25``, as browsers send it: ``/100%/`` → ``/100%25/``."""
    return _LONE_PERCENT.sub("%25", text) if "%" in text else text


def safe_iri(url: str) -> str:
    """Percent-encode what an IRI may not contain (spaces, quotes, controls, a lone ``%``).

    Non-ASCII letters stay (IRIs allow them); a URL that is already encoded is
    left as it is.
    """
    return _IRI_UNSAFE.sub(lambda m: quote(m.group(0), safe=""), escape_lone_percent(url.strip()))


def is_iri(text: str) -> bool:
    """Whether ``text`` is a valid absolute IRI (what pyoxigraph accepts as a ``NamedNode``)."""
    try:
        NamedNode(text)
    except ValueError:
        return False
    return True


def valid_page_iri(base: str, path: str) -> str:
    """``base`` + ``path`` as a valid IRI: as it is when it is one, else with the path percent-encoded.

    ``base`` must be a valid IRI without a path ending; the path may hold anything a
    permalink can (``[x]``, two ``#``, a lone ``%``, controls).
    """
    iri = safe_iri(base + path)
    if is_iri(iri):
        return iri
    encoded = quote(escape_lone_percent(path), safe=_PATH_SAFE)
    return base + (encoded if encoded.startswith("/") else "/" + encoded)


def absolute(base: str, url: str) -> str | None:
    """An absolute IRI for a URL or site path written in content, or ``None``.

    ``/uploads/a b.jpg`` → ``<base>/uploads/a%20b.jpg``; ``https://…`` stays.
    Schemes other than http(s) and mailto give ``None``.
    """
    url = url.strip()
    if not url:
        return None
    try:
        parts = urlsplit(url)
        rejoined = urlunsplit(parts)
    except ValueError:  # "http://[zz/": a bracketed host that is no IPv6 address, or worse
        return None
    if parts.scheme:
        if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
            return None
        candidate = safe_iri(rejoined)
    elif url.startswith("//"):
        return None
    else:
        candidate = safe_iri(base.rstrip("/") + "/" + url.lstrip("/"))
    try:
        NamedNode(candidate)
    except ValueError:
        return None
    return candidate


class Minter:
    """Mints the IRIs of one site."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.kg = self.base + "/kg/"
        # The same few thousand IRIs are asked for again and again: one node each.
        self._entities: dict[tuple[str, str], NamedNode] = {}
        self._sources: dict[str, NamedNode] = {}

    def entity(self, kind: str, key: str) -> NamedNode:
        node = self._entities.get((kind, key))
        if node is None:
            node = self._entities[kind, key] = NamedNode(f"{self.kg}{kind}/{key}")
        return node

    def source(self, path: str) -> NamedNode:
        node = self._sources.get(path)
        if node is None:
            node = self._sources[path] = NamedNode(self.kg + "source/" + quote(path, safe="/-._~"))
        return node

    def website(self) -> NamedNode:
        return NamedNode(self.base + "/#website")

    def scheme(self) -> NamedNode:
        return NamedNode(self.kg + "theme/")

    def page(self, url: str) -> NamedNode:
        iri = safe_iri(url)
        if not is_iri(iri) and url.startswith(self.base):  # a site page: its path made valid
            iri = valid_page_iri(self.base, url[len(self.base):])
        return NamedNode(iri)
