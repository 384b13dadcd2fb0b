"""Hostile strings never break out of the ``<script>`` element kg writes.

``</script``, ``<!--``, ``]]>``, U+2028/U+2029, quotes, bidi marks, very long and
non-Latin text go through the JSON text as escapes; the page is parsed back
with html5lib (a browser's algorithm) and the standard library's parser, and
the script element must hold exactly the document, with the rest of the page
intact after it.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg
import kg.seo
from kg.seo.inject import inject_html
from kg.seo.safe_json import dumps, script_element

HOSTILE = [
    "</script><script>alert(1)</script>",
    "x </script y",
    "</SCRIPT >",
    "<!-- <script>",
    "]]> <![CDATA[",
    "line\u2028separator\u2029paragraph",
    '"quoted" \\ backslash \' apostrophe',
    "&amp; &lt;/script&gt; &#60;",
    "\u202eRTL override\u202c and \u200f mark",
    "Göteborg – 東京 – القاهرة – Москва",
    "x" * 5000,
    "\x00\x01\x1f control",
]


def page_with(element: str) -> str:
    return (f"<!DOCTYPE html><html><head><title>t</title>{element}</head>"
            f"<body><p id=\"sentinel\">after</p></body></html>")


def scripts_html5lib(html: str) -> tuple[list[str], bool]:
    """The text of every ld+json script in the head, and whether the sentinel paragraph survived in the body."""
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    head, body = tree.find("head"), tree.find("body")
    found = [s.text or "" for s in head.iter("script") if s.get("type") == "application/ld+json"]
    found += [s.text or "" for s in body.iter("script")]  # anything that leaked into the body counts too
    sentinel = [p for p in body.iter("p") if p.get("id") == "sentinel" and p.text == "after"]
    return found, len(sentinel) == 1 and len(list(body)) == 1


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.in_script = False
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "script":
            self.in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1] += data


def scripts_stdlib(html: str) -> tuple[list[str], list[str]]:
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser.scripts, parser.tags


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_stays_inside_the_script(text):
    """The parsed script text is JSON that equals the document, and nothing after it is eaten."""
    document = {"@context": "https://schema.org", "@type": "WebPage", "name": text, "description": [text, text]}
    html = page_with(script_element(document))
    found, intact = scripts_html5lib(html)
    assert len(found) == 1 and intact
    assert json.loads(found[0]) == document
    scripts, tags = scripts_stdlib(html)
    assert [json.loads(s) for s in scripts] == [document]
    assert tags == ["html", "head", "title", "script", "body", "p"]


def test_the_json_text_has_no_raw_markup_characters():
    text = dumps({"a": "<>&\u2028\u2029</script><!--]]>"})
    assert not any(c in text for c in "<>&\u2028\u2029")
    assert text == '{"a":"\\u003c\\u003e\\u0026\\u2028\\u2029\\u003c/script\\u003e\\u003c!--]]\\u003e"}'
    assert json.loads(text) == {"a": "<>&\u2028\u2029</script><!--]]>"}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_round_trips_through_a_parsed_page(text):
    """Whatever the string, html5lib finds one script whose JSON is the document."""
    document = {"name": text}
    found, intact = scripts_html5lib(page_with(script_element(document)))
    assert intact and len(found) == 1
    assert json.loads(found[0]) == document


def test_hostile_content_through_the_whole_pipeline(make_site, tmp_path):
    """A site whose title, post title and excerpt hold break-out attempts: every page, injected
    into HTML, parses back to exactly its document, and the strings keep their words."""
    root = make_site(tmp_path / "site", {
        "_config.yml": "title: 'Lab </script <!-- x'\nurl: https://example.org\nlang: sv\nlogo: /l.png\n",
        "_posts/2021-01-01-hostile.md": (
            "---\n"
            "title: \"Budget </script <!-- ]]> \u2028 2024\"\n"
            "excerpt: \"a < b && c > d \u2029 \u202eevil\"\n"
            "---\nText.\n"),
    })
    pages = kg.seo.pages(kg.build(root))
    url = "https://example.org/2021/01/01/hostile.html"
    assert url in {p.url for p in pages}
    for page in pages:
        html, state, _ = inject_html(page_with(""), script_element(page.document))
        assert state == "added"
        found, intact = scripts_html5lib(html)
        assert intact and len(found) == 1
        assert json.loads(found[0]) == page.document
    post = next(p for p in pages if p.url == url)
    node = next(n for n in post.document["@graph"] if n["@id"] == url)
    assert node["headline"] == "Budget </script <!-- ]]> 2024"  # whitespace (U+2028) folded, words kept
    assert node["description"] == "a < b && c > d evil"          # bidi override dropped
    assert "</script" not in dumps(post.document) and "<!--" not in dumps(post.document)
