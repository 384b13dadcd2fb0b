"""Entity pages in pages: at most :data:`PAGE_SIZE` statements each way on one, and links to the others.

An entity such as the site's own organisation is the object of tens of thousands of
triples on a large site; one page with all of them is megabytes of HTML that take
the server seconds to write. ``?page=N`` (from 1) gives the N-th slice of its
statements (about it, and referring to it), and every page but the last links to
the next one, in a ``Link`` header (``rel="next"``, RFC 8288) and, in HTML, on the page.
"""

from __future__ import annotations

from urllib.parse import urlencode

#: Statements about an entity (and, in HTML, statements referring to it) on one page.
PAGE_SIZE = 500


def page_of(fields: dict[str, list[str]]) -> int | None:
    """The page asked for (1 when none), or None when ``page`` is not a whole number from 1."""
    values = fields.get("page") or ["1"]
    value = values[0].strip()
    if not value.isascii() or not value.isdigit() or len(value) > 9 or int(value) < 1:
        return None
    return int(value)


def page_links(path: str, number: int, more: bool, query: dict[str, str]) -> list[tuple[str, str]]:
    """``(rel, href)`` of the first, previous and next pages around page ``number`` of ``path``."""

    def href(n: int) -> str:
        fields = dict(query, **({"page": str(n)} if n > 1 else {}))
        return path + ("?" + urlencode(fields) if fields else "")

    links = []
    if number > 1:
        links += [("first", href(1)), ("prev", href(number - 1))]
    if more:
        links.append(("next", href(number + 1)))
    return links
