"""Minting IRIs: stable, readable, valid, and independent of file order.

Instances live under the site URL + ``/kg/``; pages are their canonical URLs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import quote, urlsplit, urlunsplit

from pyoxigraph import NamedNode

_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "œ": "oe", "Œ": "OE",
                       "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
                       "ı": "i"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
#: What an IRI may not hold as is (RFC 3987 excludes these from every part).
_IRI_UNSAFE = re.compile(r"[\x00-\x20<>\"{}|\\^`\x7f-\x9f\u2028\u2029]")


_FEW = 24
"""Up to this many distinct characters beyond ASCII, :meth:`CharTable.translate` replaces them one by one."""


class CharTable(dict):
    """A ``str.translate`` table computed character by character as texts meet them: ``fn`` runs once
    per distinct character per process, never once per occurrence, and a long text is one pass in C.
    Exact for any per-character ``fn`` (NFKD, case folding and the marks they drop are per character)."""

    def __init__(self, fn: Callable[[str], str]) -> None:
        super().__init__()
        self._fn = fn
        ascii_out = [fn(chr(code)) for code in range(128)]
        self._bytes = (bytes(ord(out) for out in ascii_out) + bytes(range(128, 256))
                       if all(len(out) == 1 and out.isascii() and fn(out) == out for out in ascii_out) else None)
        """The table for ASCII as ``bytes.translate`` takes it, when ``fn`` maps each ASCII character to one
        it keeps as it is (so that what the runs beyond ASCII become may go through it again)."""

    def __missing__(self, code: int) -> str:
        out = self._fn(chr(code))
        if len(self) < 65536:  # a hostile text of every code point does not grow it without end
            self[code] = out
        return out

    def translate(self, text: str) -> str:
        """``text.translate(self)``, faster: ``str.translate`` leaves its fast path for good at a text's
        first character beyond ASCII, so the few such characters a text holds (å, ö, é …) are replaced
        one by one and the rest goes through ``bytes.translate``."""
        if self._bytes is None:
            return text.translate(self)
        if not text.isascii():
            beyond = [char for char in set(text) if char > "\x7f"]
            if len(beyond) > _FEW:  # Greek, Cyrillic, a hostile text: the table's own pass
                return text.translate(self)
            outs = [self[ord(char)] for char in beyond]
            if not all(out.isascii() for out in outs):  # letters no table makes ASCII (中文)
                return text.translate(self)
            for char, out in zip(beyond, outs, strict=True):
                text = text.replace(char, out)
        return text.encode("ascii").translate(self._bytes).decode("ascii")

    def words(self, text: str) -> str:
        """The text translated, its runs of white space made single spaces, none at the ends."""
        return " ".join(self.translate(text).split())


#: Ukrainian letters as Ukraine's national system writes them (KMU 2010: Київ → Kyiv, Львів → Lviv, Харків →
#: Kharkiv), where a Russian-centred transliteration would not ("Kiiv"); the other Cyrillic and all Greek
#: letters as anyascii writes them (Αθήνα → Athina, Θεσσαλονίκη → Thessaloniki).
_UKRAINIAN = {"и": "y", "і": "i", "ї": "i", "й": "i", "г": "h", "ґ": "g", "є": "ie", "ю": "iu", "я": "ia", "х": "kh",
              "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ж": "zh", "ь": "", "ъ": "", "ʼ": "", "’": "'"}


def latin(char: str) -> str:
    """One Greek or Cyrillic letter in Latin letters (case kept); any other character unchanged. For
    comparing names across scripts ("Δήμος Αθηναίων" / "City of Athens"), never for IRIs."""
    code = ord(char)
    if not (0x370 <= code <= 0x52F or 0x1F00 <= code <= 0x1FFF):
        return char
    lower = char.lower()
    if lower in _UKRAINIAN:
        out = _UKRAINIAN[lower]
    else:
        from anyascii import anyascii

        out = anyascii(lower)
    return out.capitalize() if char != lower else out


def ascii_fold(text: str) -> str:
    """Strip diacritics: ``Göteborgs`` → ``Goteborgs``, ``Tromsø`` → ``Tromso``.

    NFKD decomposes character by character and the marks it yields are dropped, so each
    character folds on its own: a long text is one ``str.translate`` over a table that
    remembers every character met."""
    if text.isascii():
        return text
    return text.translate(_ASCII)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ASCII = CharTable(_fold)


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
