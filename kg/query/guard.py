"""No query makes kg fetch from another server: SPARQL ``SERVICE`` is found before a query runs.

pyoxigraph evaluates ``SERVICE <iri> { … }`` by sending the inner pattern to that
IRI over HTTP, and its Python API has no switch to turn that off. So every query
is read here first, and one that could hold a ``SERVICE`` clause is refused.

This is not a search for the word. pyoxigraph's parser (a PEG grammar) matches
keywords with no word boundary (``1SERVICE<…>{…}`` and ``SERVICESILENT<…>`` are
``SERVICE`` clauses) and decides from context whether ``<`` starts an IRI or is
"less than". The reader below follows the grammar's lexical rules exactly where
they are unambiguous — strings (with the same escape checks, since a string
whose ``\\u`` escape is not a character falls back to shorter tokens),
``#`` comments, ``?var``/``$var`` names, ``\\``-escapes in prefixed names — and
where they are not (``<``) it follows every reading at once: the IRI up to the
first ``>``, the ``<<`` of a quoted triple, and the operator. An occurrence of
``service`` (any case) that some reading leaves outside a string, IRI, comment
or variable is refused, so what pyoxigraph could parse as a clause, it is.

Two readings are let through because they cannot be a clause:

* after a ``<`` read as "less than", the parser is inside an expression, which
  only a ``)`` (or an ``EXISTS {``) leaves; until one comes, ``service`` is no
  keyword — so ``FILTER(?x = <http://example.org/service>)`` is fine;
* the local part of a prefixed name (``schema:Service``) when every way the
  parser could read that name gives a valid IRI for a known prefix: a prefixed
  name that makes an invalid IRI falls back to ``schema:`` alone, and what
  follows would be a keyword. A query that declares prefixes after its prologue,
  or a ``BASE``, gets no such leniency for the prefixes it declares.

A ``PREFIX service: <…>`` (the word as a prefix) is refused: write the IRI in full.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass

from pyoxigraph import NamedNode

WORD = "service"

#: Characters the reader stops at in code: they start strings, comments, IRIs, variables or escapes,
#: end an expression, or may begin SERVICE / PREFIX / BASE.
_STOP = re.compile(r"[\"'#<\\?$){sSpPbB]")
_ECHAR = set("tbnrf\"'\\")
_HEX = set("0123456789abcdefABCDEF")

_PN_CHARS_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
                  "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd")
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_VARNAME = re.compile(f"[{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*")
#: Characters that can be part of a prefixed name (so a name's edge is where none of them is).
_NAME_CHAR = re.compile(f"[{_PN_CHARS_U}\U00010000-\U000effff\\-0-9\u00b7\u0300-\u036f\u203f-\u2040.:%\\\\]")
#: The plain ASCII names this reader lets through (no escapes, no percent, nothing an IRI could refuse).
_ASCII_RUN = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.:")
_ASCII_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*(?:\.+[A-Za-z0-9_-]+)*")
_LOCAL_FIRST = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_:")
_LONGEST_NAME = 200
_LOCAL_MORE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_:-")


@dataclass(frozen=True)
class Found:
    """Where a query could hold a ``SERVICE`` clause (1-based line and column)."""

    offset: int
    line: int
    column: int


def find_service(sparql: str, prefixes: Mapping[str, str] | None = None) -> Found | None:
    """The first place ``sparql`` could hold a ``SERVICE`` clause, or None when it cannot hold one.

    ``prefixes`` are the prefixes the query is run with (besides those it declares).
    The query is also read with its ``\\uXXXX`` escapes decoded, as SPARQL 1.1 says
    a parser may do before anything else, so a later pyoxigraph that does cannot
    be led past this by ``\\u0053ERVICE``.
    """
    texts = [sparql]
    if "\\u" in sparql or "\\U" in sparql:
        texts.append(_decode_codepoints(sparql))
    for text in texts:
        offset = _Reader(text, dict(prefixes or {})).first()
        if offset is not None:
            before = text[:offset]
            line = before.count("\n") + 1
            return Found(offset, line, offset - (before.rfind("\n") + 1) + 1)
    return None


class _Reader:
    def __init__(self, text: str, prefixes: dict[str, str]) -> None:
        self.text = text
        self.n = len(text)
        self.prefixes = prefixes
        self._gt = [m.start() for m in re.finditer(">", text)]
        self._eol = [m.start() for m in re.finditer("[\r\n]", text)]
        self._strings: dict[int, int | None] = {}

    def first(self) -> int | None:
        hits, keywords = self._walk()
        prologue_end, declared = self._prologue()
        known = not any(k >= prologue_end for k in keywords)
        names = {**self.prefixes, **declared} if known else None
        for offset in sorted(hits):
            if names is None or not self._in_prefixed_name(offset, names):
                return offset
        return None

    # -- every reading at once ----------------------------------------------------------------
    def _walk(self) -> tuple[set[int], set[int]]:
        """Offsets of ``service`` some reading leaves in code (outside an expression after ``<``),
        and offsets of ``PREFIX``/``BASE`` any reading leaves in code."""
        text, n = self.text, self.n
        hits: set[int] = set()
        keywords: set[int] = set()
        seen: dict[int, bool] = {}  # offset -> explored only inside an expression (True) or also outside (False)
        stack: list[tuple[int, bool]] = [(0, False)]
        while stack:
            i, inside = stack.pop()
            while True:
                match = _STOP.search(text, i)
                if match is None:
                    break
                j = match.start()
                before = seen.get(j)
                if before is False or (before is True and inside):
                    break
                seen[j] = inside
                c = text[j]
                if c in "sS":
                    if not inside and _word_at(text, j, WORD):
                        hits.add(j)
                    i = j + 1
                elif c in "pP":
                    if not inside and _word_at(text, j, "prefix"):
                        keywords.add(j)
                    i = j + 1
                elif c in "bB":
                    if not inside and _word_at(text, j, "base"):
                        keywords.add(j)
                    i = j + 1
                elif c in "\"'":
                    end = self._string_end(j)
                    i = j + 1 if end is None else end
                elif c == "#":
                    k = bisect.bisect_left(self._eol, j)
                    i = self._eol[k] if k < len(self._eol) else n
                elif c == "\\":
                    i = j + 2
                elif c in "?$":
                    name = _VARNAME.match(text, j + 1)
                    i = name.end() if name else j + 1
                elif c in "){":
                    inside = False
                    i = j + 1
                else:  # "<": an IRI to the first ">", the "<<" of a quoted triple, or "less than"
                    k = bisect.bisect_right(self._gt, j)
                    if k < len(self._gt):
                        stack.append((self._gt[k] + 1, inside))
                    if text.startswith("<<", j):
                        stack.append((j + 2, inside))
                    inside = True
                    i = j + 1
        return hits, keywords

    def _string_end(self, j: int) -> int | None:
        if j not in self._strings:
            q = self.text[j]
            end = self._long_string_end(j + 3, q) if self.text.startswith(q * 3, j) else None
            self._strings[j] = end if end is not None else self._short_string_end(j + 1, q)
        return self._strings[j]

    def _long_string_end(self, k: int, q: str) -> int | None:
        """After ``'''``: where the long string ends (past its closing quotes), as the PEG rule reads it."""
        text, n = self.text, self.n
        while True:
            m = k
            if text.startswith(q + q, m):
                m += 2
            elif text.startswith(q, m):
                m += 1
            if m >= n or text[m] == q:
                break
            if text[m] == "\\":
                size = _escape_size(text, m)
                if size is None:
                    break
                m += size
            else:
                m += 1
            k = m
        return k + 3 if text.startswith(q * 3, k) else None

    def _short_string_end(self, k: int, q: str) -> int | None:
        text, n = self.text, self.n
        while k < n:
            c = text[k]
            if c == q:
                return k + 1
            if c in "\r\n":
                return None
            if c == "\\":
                size = _escape_size(text, k)
                if size is None:
                    return None
                k += size
            else:
                k += 1
        return None

    # -- the prologue ---------------------------------------------------------------------------
    def _prologue(self) -> tuple[int, dict[str, str]]:
        """Where the PREFIX/BASE declarations at the start end, and the prefixes they declare
        (a prefix whose IRI this reader cannot be sure of maps to an empty string: never trusted)."""
        text = self.text
        declared: dict[str, str] = {}
        based = False
        i = self._skip_space(0)
        while True:
            if _word_at(text, i, "prefix"):
                j = self._skip_space(i + 6)
                name = re.compile(r"(?:" + _ASCII_PREFIX.pattern + r")?:").match(text, j)
                if name is None:
                    return i, declared
                j = self._skip_space(name.end())
                iri = re.compile(r"<([^>]*)>").match(text, j)
                if iri is None:
                    return i, declared
                value = iri[1]
                declared[name[0][:-1]] = "" if based or "\\" in value else value
                i = self._skip_space(iri.end())
            elif _word_at(text, i, "base"):
                j = self._skip_space(i + 4)
                iri = re.compile(r"<[^>]*>").match(text, j)
                if iri is None:
                    return i, declared
                based = True
                i = self._skip_space(iri.end())
            else:
                return i, declared

    def _skip_space(self, i: int) -> int:
        text, n = self.text, self.n
        while i < n:
            if text[i] in " \t\r\n":
                i += 1
            elif text[i] == "#":
                k = bisect.bisect_left(self._eol, i)
                i = self._eol[k] if k < len(self._eol) else n
            else:
                break
        return i

    # -- prefixed names -------------------------------------------------------------------------
    def _in_prefixed_name(self, offset: int, names: Mapping[str, str]) -> bool:
        """Whether ``service`` at ``offset`` is inside the local part of a prefixed name in every way
        the parser could read the name (each giving a valid IRI, so none falls back to ``prefix:``)."""
        text = self.text
        start = offset
        while start > 0 and text[start - 1] in _ASCII_RUN:
            start -= 1
        end = offset + len(WORD)
        while end < self.n and text[end] in _ASCII_RUN:
            end += 1
        if (start > 0 and _NAME_CHAR.match(text, start - 1)) or (end < self.n and _NAME_CHAR.match(text, end)):
            return False  # the name goes on with characters this reader does not judge
        if end - start > _LONGEST_NAME:
            return False  # no real name is this long; judging every reading of it would be slow
        readings = 0
        for s in range(start, offset):
            colon = text.find(":", s, offset)
            if colon < 0:
                break
            prefix = text[s:colon]
            if prefix and not _ASCII_PREFIX.fullmatch(prefix):
                continue
            if prefix not in names:
                continue  # "prefix not found": the parser cannot read a name from here
            namespace = names[prefix]
            for local_end in _local_ends(text, colon + 1, end):
                local = text[colon + 1:local_end]
                if local_end < offset + len(WORD) or not namespace or not _valid_iri(namespace + local):
                    return False
            readings += 1
        return readings > 0


def _local_ends(text: str, start: int, stop: int) -> set[int]:
    """Where a local name starting at ``start`` ends under the two rules in use: pyoxigraph 0.5's
    (at most one run of dots inside) and the SPARQL grammar's (dots anywhere but last)."""
    if start >= stop or text[start] not in _LOCAL_FIRST:
        return {start}
    k = start + 1
    while k < stop and text[k] in _LOCAL_MORE:
        k += 1
    one_dot = k
    d = k
    while d < stop and text[d] == ".":
        d += 1
    if d > k and d < stop and text[d] in _LOCAL_MORE:
        one_dot = d
        while one_dot < stop and text[one_dot] in _LOCAL_MORE:
            one_dot += 1
    spec = stop
    while spec > start + 1 and text[spec - 1] == ".":
        spec -= 1
    return {one_dot, spec}


def _valid_iri(iri: str) -> bool:
    try:
        NamedNode(iri)
    except ValueError:
        return False
    return True


def _word_at(text: str, i: int, word: str) -> bool:
    part = text[i:i + len(word)]
    return part.isascii() and part.lower() == word


def _escape_size(text: str, i: int) -> int | None:
    """Length of the string escape at ``text[i] == '\\'``, or None when the parser refuses it
    (unknown letter, too few hex digits, or a code point that is not a character)."""
    nxt = text[i + 1:i + 2]
    if nxt in _ECHAR and nxt:
        return 2
    size = {"u": 4, "U": 8}.get(nxt)
    if size is None:
        return None
    digits = text[i + 2:i + 2 + size]
    if len(digits) != size or not set(digits) <= _HEX:
        return None
    value = int(digits, 16)
    if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return None
    return 2 + size


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _decode_codepoints(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        value = int(match[1] or match[2], 16)
        return match[0] if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF else chr(value)

    return _CODEPOINT.sub(one, text)
