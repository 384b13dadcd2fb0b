"""Plain text from Markdown or HTML, for descriptions and name recognition.

Strings in the graph are plain text: markup stripped, entities decoded,
whitespace folded. This is a light, fast reading (regular expressions), enough
for excerpts and for finding names; it never renders or executes anything.
"""

from __future__ import annotations

import html
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control and bidi-override characters, dropped from every string."""
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
# The lookahead adds nothing to what matches; it lets the regex engine skip ahead to the next
# mark character instead of trying every alternative at every position (twice as fast).
_EMPHASIS = re.compile(r"(?=[*_~`])(\*\*|__|\*|_|~~|`+)(?=\S)(.+?)(?<=\S)\1")
_LINE_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[*+-]\s+|\d+[.)]\s+)", re.MULTILINE)


def has_hidden_characters(value: str) -> bool:
    """Whether ``value`` holds control or bidi-override characters (which :func:`clean` drops)."""
    return not value.isprintable() and _CONTROL.search(value) is not None


def clean(value: str) -> str:
    """Fold whitespace and drop control and bidi-override characters."""
    if not value.isprintable() and _CONTROL.search(value):
        value = _CONTROL.sub("", value)
    return " ".join(value.split())


def title_text(value: str) -> str:
    """A title as the page shows it: Jekyll puts titles into HTML as they are, so tags
    and comments are markup and entities are characters (``R&amp;D`` is "R&D"); Markdown
    is not rendered in titles, so ``*`` and ``_`` stay."""
    text = value
    if "<" in text:
        text = _COMMENT.sub(" ", text)
        text = _SCRIPT.sub(" ", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return clean(text)


def plain(markup: str) -> str:
    """Markdown/HTML → one line of plain text."""
    # Each pattern runs only when the text holds what it looks for: most text holds little markup.
    text = markup
    if "<!--" in text:
        text = _COMMENT.sub(" ", text)
    if "<" in text:
        text = _SCRIPT.sub(" ", text)
    if "{" in text:
        text = _LIQUID.sub(" ", text)
    if "](" in text:
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
    if "][" in text:
        text = _REF_LINK.sub(r"\1", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = _LINE_MARKS.sub("", text)
    if any(mark in text for mark in "*_~`"):
        text, found = _EMPHASIS.subn(r"\2", text)
        if found:  # once more, for emphasis inside emphasis (**_both_**)
            text = _EMPHASIS.sub(r"\2", text)
    if "&" in text:
        text = html.unescape(text)
    return clean(text)


def first_paragraph(markup: str, limit: int = 300) -> str:
    """The first non-empty paragraph as plain text, cut at a word near ``limit``."""
    for block in re.split(r"\n\s*\n|</p>", markup):
        text = plain(block)
        if len(text) >= 20:
            if len(text) <= limit:
                return text
            cut = text[:limit].rsplit(" ", 1)[0]
            return cut.rstrip(",;:") + "…"
    return ""


#: Abbreviations that end in a full stop without ending a sentence ("… e.V. und …", "Dr. …").
ABBREVIATIONS = ("e.V.", "S.L.", "S.A.", "S.L.U.", "S.p.A.", "S.r.l.", "B.V.", "N.V.", "Ltd.", "Inc.", "Co.", "Corp.",
                 "St.", "Dr.", "Prof.", "r.y.", "S.A.S.", "S.Coop.", "Lda.", "Ltda.", "Kft.", "a.s.", "s.r.o.",
                 "Zrt.", "Nyrt.", "Bt.", "ehf.", "hf.", "z.s.", "o.p.s.", "z.ú.", "S.R.L.")
