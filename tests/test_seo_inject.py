"""``kg seo --inject``: one kg script in each built page's head, added once, replaced after,
and jekyll-seo-tag's JSON-LD removed on request with its meta tags kept."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.seo.inject import inject_html, url_path_of

OURS = '<script type="application/ld+json" data-generator="kg">{"a":1}</script>'
NEWER = '<script type="application/ld+json" data-generator="kg">{"a":2}</script>'
SEO_TAG = """<!-- Begin Jekyll SEO tag v2.8.0 -->
<title>T | Site</title>
<meta property="og:title" content="T" />
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"BlogPosting","headline":"T"}</script>
<!-- End Jekyll SEO tag -->"""


@pytest.mark.parametrize("html, expected", [
    ("<html><head><title>t</title></head><body></body></html>",
     f"<html><head><title>t</title>{OURS}\n</head><body></body></html>"),
    ("<HTML><HEAD></HEAD ></HTML>", f"<HTML><HEAD>{OURS}\n</HEAD ></HTML>"),
    ("<html><head lang=sv><title>t</title><body>x", f"<html><head lang=sv>{OURS}<title>t</title><body>x"),
    ("<!DOCTYPE html><title>t</title><body>x", f"<!DOCTYPE html><title>t</title>{OURS}\n<body>x"),
], ids=["before </head>", "upper case", "no </head>", "no head tags"])
def test_added_once_in_the_head(html, expected):
    new, state, removed = inject_html(html, OURS)
    assert (new, state, removed) == (expected, "added", False)
    again, state, _ = inject_html(new, OURS)
    assert (again, state) == (new, "unchanged")


def test_replaced_in_place_and_never_two():
    html = f"<head>{OURS}<meta x></head><body>{OURS}</body>"
    new, state, _ = inject_html(html, NEWER)
    assert state == "replaced"
    assert new == f"<head>{NEWER}<meta x></head><body></body>"


def test_no_head_at_all_is_left_alone():
    assert inject_html("just text", OURS) == ("just text", "no-head", False)


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
