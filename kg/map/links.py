"""Links written in a document's body: Markdown, HTML and Jekyll's Liquid link tags.

A post ties itself to a project as often by a link in its text ("see [the project
page](/projects/x/)", ``{% link _projects/x.md %}``) as by front matter; an external
link's host and words name an organisation or a platform as a ``links:`` entry does.
Nothing is fetched: a link is only read.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_MARKDOWN = re.compile(r"\[([^\]\n]{0,300})\]\(\s*<?([^)\s>]{1,2000})>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
_HTML = re.compile(r"<a\s[^>]{0,500}?href\s*=\s*[\"']([^\"'\s]{1,2000})[\"'][^>]{0,500}>(.{0,300}?)</a>",
                   re.IGNORECASE | re.DOTALL)
_LIQUID = re.compile(r"\{%-?\s*(link|post_url)\s+([^\s%}]{1,500})\s*-?%\}")
_TAGS = re.compile(r"<[^>]*>")
_LIQUID_URL = re.compile(r"\{\{-?\s*(['\"])([^'\"{}\n]{1,1000})\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}")
"""``{{ '/projects/x/' | relative_url }}``: the site path Jekyll's URL filters make a URL of."""
_LIQUID_SITE = re.compile(r"\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}")
"""``{{ site.baseurl }}/projects/x/``: the site's own address before a site path."""


class BodyLink(NamedTuple):
    target: str
    """A URL, or for a Liquid tag the site-relative path (``link``) or post name (``post_url``)."""
    words: str
    """The link's text, plain."""
    liquid: str | None = None
    """``link`` or ``post_url`` for a Liquid tag, else ``None``."""


def body_links(body: str) -> list[BodyLink]:
    """Every link in ``body``, in order; a Markdown link whose target is a Liquid tag counts once, as the tag."""
    if "](" not in body and "href" not in body and "{%" not in body:
        return []
    if "{{" in body:  # Liquid's URL filters and site variables: the site path they stand for
        body = _LIQUID_SITE.sub("", _LIQUID_URL.sub(lambda m: m.group(2).strip(), body))
    out: list[BodyLink] = []
    for match in _MARKDOWN.finditer(body):
        target = match.group(2)
        if not target.startswith("{%"):
            out.append(BodyLink(target, _plain(match.group(1))))
    for match in _HTML.finditer(body):
        out.append(BodyLink(match.group(1), _plain(match.group(2))))
    for match in _LIQUID.finditer(body):
        out.append(BodyLink(match.group(2).strip("'\""), "", match.group(1)))
    return out


def _plain(words: str) -> str:
    return " ".join(_TAGS.sub(" ", words).replace("*", " ").replace("_", " ").split())
