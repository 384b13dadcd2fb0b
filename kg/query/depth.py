"""How deeply a query nests, read before it is parsed: pyoxigraph's parser and evaluator recurse once
per level of ``{ }``, ``( )``, ``[ ]`` and ``<< >>``, and a few thousand levels overflow their stack.

The reader skips what cannot nest: strings (all four quotes, with their escapes),
``#`` comments and backslash escapes. ``<`` is read as an IRI when an IRI could
start there (no space, quote, brace up to the next ``>``); the brackets inside it
are still counted as opening, never as closing, so that whichever way the parser
reads that ``<``, the depth found here is never less than the parser's. Query text
is also read with its ``\\uXXXX`` escapes decoded (SPARQL allows a parser to
decode them first), and the deeper reading counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The deepest nesting a query may have: no query a person writes comes near it, and it is far
#: below what overflows pyoxigraph's stack (about 2 000 levels of ``{`` on an 8 MB stack).
MAX_DEPTH = 100

_OPEN = {"{": "}", "(": ")", "[": "]"}
_CLOSE = set(_OPEN.values())
_STRING = re.compile(r"""'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'"""
                     r"""|"(?:[^"\\\n\r]|\\.)*\"""", re.DOTALL)
_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_UNICODE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class Depth:
    """The deepest nesting of a query, and where (1-based line and column) it first went past a limit."""

    depth: int
    line: int | None = None
    column: int | None = None


def nesting(sparql: str, limit: int = MAX_DEPTH) -> Depth:
    """The deepest nesting of ``sparql``, with the place it first went deeper than ``limit``."""
    found = _read(sparql, limit)
    if "\\u" in sparql or "\\U" in sparql:
        decoded = _read(_UNICODE.sub(_decode, sparql), limit)
        if decoded.depth > found.depth:
            found = decoded
    return found


def _decode(match: re.Match) -> str:
    code = int(match[1] or match[2], 16)
    return chr(code) if code < 0x110000 and not 0xD800 <= code < 0xE000 else match[0]


def _read(text: str, limit: int) -> Depth:
    depth = deepest = 0
    past: int | None = None
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"":
            match = _STRING.match(text, i)
            if match is None:  # no string ends here: the parser stops at this quote
                break
            i = match.end()
            continue
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c == "\\":
            i += 2
            continue
        if c == "<":
            if text.startswith("<<", i):
                depth += 1
                i += 2
            else:
                match = _IRI.match(text, i)
                if match is not None:  # brackets in an IRI count as opening (the '<' may be "less than")
                    depth += sum(match[0].count(o) for o in "([")
                    i = match.end()
                else:
                    i += 1
        elif c == ">" and text.startswith(">>", i):
            depth = max(0, depth - 1)
            i += 2
        elif c in _OPEN:
            depth += 1
            i += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
            i += 1
        else:
            i += 1
        if depth > deepest:
            deepest = depth
            if past is None and depth > limit:
                past = i - 1
    if past is None:
        return Depth(deepest)
    line = text.count("\n", 0, past) + 1
    return Depth(deepest, line, past - (text.rfind("\n", 0, past) + 1) + 1)
