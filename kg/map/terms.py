"""The statements the map stage emits, and the placeholders the resolver fills.

The map stage knows documents, not entities: wherever content names an
organisation, links somewhere or mentions things in running text, it leaves a
placeholder (:class:`Name`, :class:`LinkTo`, :class:`TextIn`). The resolve stage
turns each placeholder into zero or more entity IRIs.
"""

from __future__ import annotations

from typing import NamedTuple

from pyoxigraph import Literal, NamedNode

from kg.vocab import XSD


class Name(NamedTuple):
    """An organisation written as text in a front-matter key."""

    text: str
    lang: str | None
    file: str
    line: int | None
    role: str
    """``client``, ``partner``, ``funder`` or ``site``."""
    slot: tuple[str, int] | None = None
    """(translation group, position) for aligning sv/en lists; ``None`` if not in a list."""


class LinkTo(NamedTuple):
    """A front-matter link (``links: [{title, url}]``) to recognise by URL or title."""

    url: str
    title: str | None
    kinds: frozenset[str]


class TextIn(NamedTuple):
    """Running text in which registry names are recognised."""

    text: str
    kinds: frozenset[str]


Placeholder = Name | LinkTo | TextIn
Object = NamedNode | Literal | Name | LinkTo | TextIn


class Statement(NamedTuple):
    """One triple and the site-relative path of the file that said it."""

    subject: NamedNode | Name
    predicate: NamedNode
    object: Object
    source: str


new_statement = tuple.__new__
"""``new_statement(Statement, (subject, predicate, object, source))`` makes a :class:`Statement`
at half the cost of calling the class: hundreds of thousands are made on a big site."""


def text(value: str, lang: str | None = None) -> Literal:
    """A plain or language-tagged string literal."""
    return Literal(value, language=lang) if lang else Literal(value)


def typed(value: str, datatype: str) -> Literal:
    """A literal of an XSD datatype given by local name (``gYear``, ``date`` …)."""
    return Literal(value, datatype=NamedNode(XSD + datatype))


ALL_KINDS = frozenset({"organisation", "platform", "place"})
PLATFORMS = frozenset({"platform"})
ORGANISATIONS = frozenset({"organisation"})
ROLES_IN_TEXT = frozenset({"organisation", "role"})
"""Organisations a project page's sentence names in a role ("in collaboration with …"): inferred roles."""
PLATFORMS_IN_TITLE = frozenset({"platform", "title"})
"""Platforms named in a theme's title: the theme is about the platform, and so are its projects."""
