"""``kg seo --inject``: one kg script in each built page's head, added once, replaced after,
and jekyll-seo-tag's JSON-LD removed on request with its meta tags kept.

Where the head ends is what an HTML parser says, so each case is checked three ways: the
output is the input with exactly one block added (every other byte as it was), html5lib
(the WHATWG algorithm browsers use) finds kg's script as a child of <head> with its JSON
intact, and a second run changes no byte and says so.
"""

from __future__ import annotations

import html5lib
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.seo.inject import inject, inject_html, url_path_of

OURS = '<script type="application/ld+json" data-generator="kg">{"a":1}</script>'
NEWER = '<script type="application/ld+json" data-generator="kg">{"a":2}</script>'
SEO_TAG = """<!-- Begin Jekyll SEO tag v2.8.0 -->
<title>T | Site</title>
<meta property="og:title" content="T" />
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"BlogPosting","headline":"T"}</script>
<!-- End Jekyll SEO tag -->"""


def kg_scripts(html: str, readings: tuple[bool, ...] = (True, False)) -> list:
    """kg's script elements as html5lib parses the page, each as (parent tag, text); the same
    whether the parser runs scripts (a browser, a rendering crawler) or not (a plain crawler)."""
    found = []
    for scripting in readings:
        tree = html5lib.parse(html.encode("utf-8", errors="surrogateescape"), treebuilder="etree",
                              namespaceHTMLElements=False, scripting=scripting)  # bytes: a BOM is no text
        parents = {child: parent for parent in tree.iter() for child in parent}
        found.append([(parents[e].tag, e.text) for e in tree.iter("script") if e.get("data-generator") == "kg"])
    assert all(f == found[0] for f in found)
    return found[0]


def added(html: str, element: str = OURS) -> tuple[str, str]:
    """Inject into ``html``; check the three ways; return (text before the block, text after)."""
    new, state, _ = inject_html(html, element)
    assert state == "added"
    newline = "\r\n" if "\r\n" in html else "\n"
    block = element + newline
    assert new.count(block) == 1
    at = new.index(block)
    assert new[:at] + new[at + len(block):] == html  # nothing else changed, byte for byte
    json = element[element.index(">") + 1:element.rindex("<")]
    assert kg_scripts(new) == [("head", json)]
    again, state, _ = inject_html(new, element)
    assert (again, state) == (new, "unchanged")
    return html[:at], html[at:]


@pytest.mark.parametrize("html, expected", [
    ("<html><head><title>t</title></head><body></body></html>",
     f"<html><head><title>t</title>{OURS}\n</head><body></body></html>"),
    ("<HTML><HEAD></HEAD ></HTML>", f"<HTML><HEAD>{OURS}\n</HEAD ></HTML>"),
    ("<html><head lang=sv><title>t</title><body>x", f"<html><head lang=sv><title>t</title>{OURS}\n<body>x"),
    ("<!DOCTYPE html><title>t</title><body>x", f"<!DOCTYPE html><title>t</title>{OURS}\n<body>x"),
], ids=["before </head>", "upper case", "no </head>", "no head tags"])
def test_added_once_in_the_head(html, expected):
    new, state, removed = inject_html(html, OURS)
    assert (new, state, removed) == (expected, "added", False)
    again, state, _ = inject_html(new, OURS)
    assert (again, state) == (new, "unchanged")


def test_a_commented_out_head_end_tag_is_not_where_the_script_goes():
    html = "<html><head><title>t</title><!-- old layout: </head><body> --><meta name=x></head><body>b</body></html>"
    before, after = added(html)
    assert before.endswith("<meta name=x>") and after.startswith("</head><body>b")


def test_a_head_end_tag_in_an_inline_scripts_string_leaves_that_script_whole():
    inline = """<script>var tail = "</head>"; document.write('<body>' + tail);</script>"""
    html = f"<!DOCTYPE html><html><head>{inline}<title>t</title></head><body></body></html>"
    before, after = added(html)
    assert before.endswith(f"{inline}<title>t</title>") and after.startswith("</head>")
    tree = html5lib.parse(before + OURS + after, treebuilder="etree", namespaceHTMLElements=False)
    assert [e.text for e in tree.iter("script") if e.get("data-generator") is None] == [inline[8:-9]]


def test_a_script_inside_an_escaped_script_block_does_not_end_it():
    """``<!-- <script> … </script> -->`` inside a script is the script's text (the double-escaped state)."""
    inline = "<script><!-- document.write('<script>x()</script></head>'); --></script>"
    before, after = added(f"<html><head>{inline}</head><body></body></html>")
    assert before == f"<html><head>{inline}" and after.startswith("</head>")


def test_a_kg_script_quoted_in_another_scripts_string_is_not_ours():
    html = """<html><head><script>var s = '<script data-generator="kg">';</script></head><body></body></html>"""
    _before, after = added(html)
    assert after.startswith("</head>")


def test_a_kg_script_inside_a_comment_is_not_ours_and_a_real_one_is_added():
    """What the regex version left in a page whose ``</head>`` was commented out: ours inside the
    comment, where no crawler sees it. That is not "unchanged": a real script is added."""
    html = f"<html><head><title>t</title><!-- </head> {OURS}\n--></head><body></body></html>"
    _before, after = added(html, NEWER)
    assert after.startswith("</head>")


def test_cdata_in_the_head_is_a_bogus_comment_as_browsers_read_it():
    """Outside SVG and MathML, ``<![CDATA[`` opens a bogus comment that the first ``>`` ends; the
    text after it ends the head, so the script goes before that text, not before ``</head>``."""
    html = "<html><head><![CDATA[ </head> ]]><title>t</title></head><body>b</body></html>"
    before, after = added(html)
    assert before == "<html><head><![CDATA[ </head> " and after.startswith("]]>")


def test_a_kg_script_in_an_svg_cdata_section_is_text_not_ours():
    html = (f"<html><head><title>t</title></head><body><svg><script><![CDATA[ var s = '{OURS}'; ]]></script></svg>"
            "</body></html>")
    _before, after = added(html, NEWER)
    assert after.startswith("</head>")


def test_a_head_without_its_end_tag_ends_where_the_body_content_starts():
    before, after = added("<html><head><title>t</title>\n<link rel=icon href=i.png>\n<p>Hello</p></html>")
    assert before.endswith("<link rel=icon href=i.png>\n") and after.startswith("<p>Hello")
    _before, after = added("<html><head><title>t</title>Hello <b>world</b>")
    assert after.startswith("Hello")


def test_a_noscript_in_the_head_gets_the_script_before_it_where_browsers_with_and_without_scripts_agree():
    """A browser that runs scripts reads a head's <noscript> as raw text, one that does not reads
    its markup (``<p>`` ends the head there): before the <noscript> both are still in the head."""
    html = "<html><head><title>t</title><noscript><p>Turn on scripts</p></noscript></head><body></body></html>"
    before, after = added(html)
    assert before.endswith("<title>t</title>") and after.startswith("<noscript>")
    before, after = added("<html><head><noscript></head></noscript><title>t</title></head><body></body></html>")
    assert before == "<html><head>"


def test_a_page_without_head_tags_gets_the_script_in_its_implied_head():
    before, after = added("<!DOCTYPE html>\n<meta charset=utf-8>\n<title>t</title>\n<h1>T</h1>")
    assert after == "<h1>T</h1>"
    before, after = added("<!doctype html><html lang=sv><body><p>x")
    assert before == "<!doctype html><html lang=sv>"
    before, after = added("<!DOCTYPE html>")
    assert after == ""


def test_a_page_that_ends_inside_something_unterminated_gets_the_script_before_it():
    """At the end of a page with no body, markup added after an unclosed comment, tag or title
    would be inside it; the script goes before that instead, where a parser still puts it in the head."""
    assert added("<!DOCTYPE html><title>t</title><!-- no end")[1] == "<!-- no end"
    assert added("<html><head><title>unclosed")[1] == "<title>unclosed"
    assert added("<html><head><meta name=a")[1] == "<meta name=a"
    assert added("<!DOCTYPE html></\r\n")[1] == "</\r\n"
    assert added('<html lang="sv"><head lang="sv"><link rel=icon href="x')[0] == '<html lang="sv"><head lang="sv">'


def test_a_text_that_is_no_document_is_left_alone():
    assert inject_html("just text", OURS) == ("just text", "no-head", False)
    assert inject_html("<p>a fragment</p>", OURS) == ("<p>a fragment</p>", "no-head", False)


def test_upper_case_tags_are_the_same_tags():
    _before, after = added("<!DOCTYPE HTML><HTML><HEAD><TITLE>t</TITLE><!-- </HEAD> --></HEAD\t><BODY></BODY></HTML>")
    assert after.startswith("</HEAD\t>")
    html = '<HTML><HEAD><SCRIPT TYPE="application/ld+json" DATA-GENERATOR="kg">{"a":0}</SCRIPT></HEAD></HTML>'
    new, state, _ = inject_html(html, OURS)
    assert (new, state) == (f"<HTML><HEAD>{OURS}</HEAD></HTML>", "replaced")


def test_a_byte_order_mark_stays_first_and_is_not_content_that_ends_the_head():
    before, after = added("\ufeff<!DOCTYPE html><title>t</title><p>x")
    assert (before, after) == ("\ufeff<!DOCTYPE html><title>t</title>", "<p>x")
    before, _after = added("\ufeff<html><head><title>t</title></head><body></body></html>")
    assert before == "\ufeff<html><head><title>t</title>"


def test_crlf_line_endings_are_kept_and_the_added_line_break_is_crlf():
    html = "<!DOCTYPE html>\r\n<html>\r\n<head>\r\n<title>t</title>\r\n<!-- </head> -->\r\n</head>\r\n<body></body>\r\n"
    before, after = added(html)
    assert before.endswith("<!-- </head> -->\r\n") and after.startswith("</head>\r\n")
    new, _, _ = inject_html(html, OURS)
    assert "\n" not in new.replace("\r\n", "")


def test_an_existing_kg_script_is_replaced_in_place_and_never_duplicated():
    html = f"<head>{OURS}<meta x></head><body>{OURS}</body>"
    new, state, _ = inject_html(html, NEWER)
    assert state == "replaced"
    assert new == f"<head>{NEWER}<meta x></head><body></body>"
    assert inject_html(new, NEWER) == (new, "unchanged", False)


def test_a_second_run_on_a_replaced_script_changes_no_byte():
    html = f"<!DOCTYPE html>\r\n<html><head>\r\n<title>t</title>\r\n{OURS}\r\n</head><body></body></html>\r\n"
    new, state, _ = inject_html(html, NEWER)
    assert state == "replaced" and new == html.replace(OURS, NEWER)
    assert inject_html(new, NEWER) == (new, "unchanged", False)


def test_replace_seo_tag_removes_only_its_json_ld():
    other = '<script type="application/ld+json">{"@type":"Event"}</script>'
    html = f"<html><head>\n{SEO_TAG}\n{other}</head><body></body></html>"
    new, state, removed = inject_html(html, OURS, replace_seo_tag=True)
    assert state == "added" and removed
    assert "BlogPosting" not in new
    assert '<meta property="og:title" content="T" />' in new and "<title>T | Site</title>" in new
    assert "<!-- End Jekyll SEO tag -->" in new
    assert other in new  # JSON-LD outside jekyll-seo-tag's block is the site's own
    again, state, removed = inject_html(new, OURS, replace_seo_tag=True)
    assert (again, state, removed) == (new, "unchanged", False)
    kept, _, removed = inject_html(html, OURS)
    assert "BlogPosting" in kept and not removed  # only on request


def test_an_seo_tag_block_quoted_in_a_script_is_not_the_block():
    quoted = '<script>var s = "<!-- Begin Jekyll SEO tag --><script type=application/ld+json>";</script>'
    html = f'<html><head>{quoted}<script type="application/ld+json">{{"@type":"Event"}}</script></head></html>'
    new, state, removed = inject_html(html, OURS, replace_seo_tag=True)
    assert state == "added" and not removed and '{"@type":"Event"}' in new


def test_bytes_that_are_not_utf8_and_a_bom_survive_a_file_injection(tmp_path):
    from kg.seo import Page

    built = tmp_path / "_site"
    (built / "a").mkdir(parents=True)
    raw = b"\xef\xbb\xbf<!DOCTYPE html>\r\n<html><head><title>caf\xe9</title></head><body>\xff</body></html>\r\n"
    (built / "a/index.html").write_bytes(raw)
    page = Page(url="https://example.org/a/", path="/a/", source="a.md", document={"@id": "https://example.org/a/"})
    report = inject([page], built)
    assert report.added == ["a/index.html"]
    out = (built / "a/index.html").read_bytes()
    at = out.index(b"<script")
    block = out[at:out.index(b"</script>\r\n") + len(b"</script>\r\n")]
    assert out[:at] + out[at + len(block):] == raw
    assert out.startswith(b"\xef\xbb\xbf<!DOCTYPE html>") and out[at - len(b"</title>"):at] == b"</title>"
    assert inject([page], built).unchanged == ["a/index.html"]
    assert (built / "a/index.html").read_bytes() == out


@pytest.mark.parametrize("file, path", [
    ("index.html", "/"),
    ("news/x/index.html", "/news/x/"),
    ("a.html", "/a.html"),
    ("göteborg/index.html", "/g%C3%B6teborg/"),
    ("a b/index.html", "/a%20b/"),
])
def test_url_path_of_a_built_file(file, path):
    assert url_path_of(file) == path


def test_cli_injects_a_built_site_idempotently(make_site, tmp_path, monkeypatch):
    """Pages kg knows get their graph; other HTML files are counted and left as they are;
    a second run changes no byte."""
    root = make_site(tmp_path / "site", {"_posts/2021-01-01-x.md": "---\ntitle: X\n---\nText.\n"})
    built = tmp_path / "_site"
    (built / "news/x").mkdir(parents=True)
    page = "<html><head><title>X</title></head><body>x</body></html>"
    (built / "news/x/index.html").write_text(page, encoding="utf-8")
    (built / "index.html").write_text(page, encoding="utf-8")
    (built / "404.html").write_text(page, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(main, ["seo", str(root), "--inject", str(built)])
    assert first.exit_code == 0, first.output
    assert "JSON-LD added to 2 pages, replaced in 0, unchanged in 0; 1 HTML files are no page kg knows" in first.output
    assert (built / "404.html").read_text(encoding="utf-8") == page
    after = {p: p.read_bytes() for p in built.rglob("*.html")}
    assert b'"@id":"https://example.org/news/x/"' in after[built / "news/x/index.html"]
    second = runner.invoke(main, ["seo", str(root), "--inject", str(built)])
    assert "added to 0 pages, replaced in 0, unchanged in 2" in second.output
    assert {p: p.read_bytes() for p in built.rglob("*.html")} == after
    assert not (tmp_path / "output").exists()  # --inject alone writes no --out files


# -- any mix of the hard parts ---------------------------------------------------------------------
PIECES = ["<!DOCTYPE html>", "<html lang=sv>", "<HEAD>", "<head>", "</head>", "</HEAD >", "<title>t</title>",
          "<TITLE></head></TITLE>", "<!-- </head> -->", "<!-->", "<script>var s = '</head>';</script>",
          "<script><!-- <script></script> --></script>", "<style>p::after { content: '</head>' }</style>",
          "<![CDATA[ </head> ]]>", "<noscript><p>no</p></noscript>", "<meta charset=utf-8>", "<link rel=icon>",
          "<?php x ?>", "\r\n", "\n", " ", "\t", "text", "&amp;", "<", "</", "<p>", "<body>", "</body>", "</html>",
          "<svg><![CDATA[ </head> ]]></svg>", "<textarea></head></textarea>", "<template><p></template>",
          '<script type="application/ld+json">{"@type":"Thing"}</script>']


def documents():
    from hypothesis import strategies as st

    return st.tuples(st.booleans(), st.lists(st.sampled_from(PIECES), max_size=14)).map(
        lambda t: ("\ufeff" if t[0] else "") + "".join(t[1]))


def test_any_mix_of_comments_scripts_cdata_and_implied_tags_gets_the_script_in_the_head():
    """For generated pages, the script is added as one block (nothing else changes), a parser
    finds it in the head with its JSON whole, and the second run is byte-for-byte unchanged."""
    from hypothesis import given, settings

    from kg.seo.head import scan

    @settings(max_examples=300, deadline=None)
    @given(documents())
    def check(html):
        new, state, _ = inject_html(html, OURS)
        if state == "no-head":  # only for a text that is no page, and then left as it is
            assert new == html and not scan(html).whole_document
            return
        added(html)

    check()


def test_any_page_with_kg_scripts_already_in_it_ends_with_exactly_one_and_a_second_run_changes_nothing():
    """Old kg scripts anywhere (in the head, the body, a comment, a script's string): afterwards a
    parser finds exactly one, the new one, and a second run is byte-for-byte unchanged."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from([*PIECES, OURS, OURS.upper().replace("KG", "kg"), f"<!-- {OURS} -->"]),
                    max_size=14))
    def check(pieces):
        html = "".join(pieces)
        new, state, _ = inject_html(html, NEWER)
        if state == "no-head":
            assert new == html
            return
        # An old script kept in place after a head's <noscript> is in the head only for a browser
        # that runs scripts: the page said so before kg replaced it.
        found = kg_scripts(new, (True, False) if state == "added" else (True,))
        assert [text for _, text in found] == ['{"a":2}']
        if state == "added":
            assert found == [("head", '{"a":2}')]
        assert inject_html(new, NEWER)[:2] == (new, "unchanged")

    check()
