"""The load stage: reading a Jekyll site as Jekyll would, and never stopping at a bad file.

Each test writes a small site with ``make_site`` (see ``conftest.py``) and builds it
with :func:`kg.build`; what the loader saw is in ``result.site.documents``, what went
wrong in ``result.diagnostics``.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
import rdflib

import kg
from kg.diagnostics import Diagnostic

SCHEMA = rdflib.Namespace("http://schema.org/")


def docs_by_path(result: kg.BuildResult) -> dict:
    return {d.path: d for d in result.site.documents}


def diagnostics(result: kg.BuildResult, kind: str) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.kind == kind]


def post(front: str, body: str = "Body text.\n") -> str:
    return f"---\n{front.strip()}\n---\n{body}"


# -- front matter values ------------------------------------------------------------------------


def test_lang_no_stays_the_language_code_no(make_site, tmp_path):
    """``lang: no`` is Norwegian, not YAML 1.1's false: it stays the string "no"."""
    site = make_site(tmp_path, {"_posts/2021-05-11-hei.md": post("title: Hei\nlang: no")})
    result = kg.build(site)
    doc = docs_by_path(result)["_posts/2021-05-11-hei.md"]
    assert doc.data["lang"] == "no"
    assert doc.lang == "no"
    page = rdflib.URIRef("https://example.org/news/hei/")
    assert (page, SCHEMA.inLanguage, rdflib.Literal("no")) in result.graph.graph()
    assert not diagnostics(result, "bad-type")


def test_impossible_date_is_reported_and_the_post_falls_back_to_its_file_name(make_site, tmp_path):
    """``date: 2021-13-45`` is no date: a ``bad-date`` warning on its line; the post keeps its file-name date."""
    site = make_site(tmp_path, {"_posts/2021-05-11-x.md": post("title: X\ndate: 2021-13-45")})
    result = kg.build(site)
    [bad] = diagnostics(result, "bad-date")
    assert bad.file == "_posts/2021-05-11-x.md"
    assert bad.line == 3  # line 1 is '---', line 2 the title
    assert bad.severity == "warning"
    assert "2021-13-45" in bad.message
    doc = docs_by_path(result)["_posts/2021-05-11-x.md"]
    assert doc.date == dt.date(2021, 5, 11)
    assert doc.url_path == "/news/x/"


def test_post_date_comes_from_the_file_name_when_there_is_no_date_key(make_site, tmp_path):
    """Without ``date:``, a post is dated by its ``YYYY-MM-DD-`` file name, as in Jekyll."""
    site = make_site(tmp_path, {"_posts/2019-03-07-utan-datum.md": post("title: Utan datum")})
    doc = docs_by_path(kg.build(site))["_posts/2019-03-07-utan-datum.md"]
    assert doc.date == dt.date(2019, 3, 7)


def test_front_matter_date_wins_over_the_file_name(make_site, tmp_path):
    """A valid ``date:`` replaces the file name's date (Jekyll does the same)."""
    site = make_site(tmp_path, {"_posts/2019-03-07-x.md": post("title: X\ndate: 2020-02-01 10:00:00 +0100")})
    doc = docs_by_path(kg.build(site))["_posts/2019-03-07-x.md"]
    assert doc.date == dt.datetime(2020, 2, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


# -- broken files: a diagnostic each, and the build goes on ---------------------------------------


def test_yaml_syntax_error_names_file_and_line_and_the_other_files_still_load(make_site, tmp_path):
    """A YAML error skips that file only, with an error naming the file and the line of the mistake."""
    site = make_site(tmp_path, {
        "_posts/2021-01-01-broken.md": """\
            ---
            title: Fine
            lang: sv
            excerpt: Foo: bar
            ---
            body
            """,
        "_posts/2021-01-02-fine.md": post("title: Fine too"),
    })
    result = kg.build(site)
    [error] = diagnostics(result, "yaml-error")
    assert error.file == "_posts/2021-01-01-broken.md"
    assert error.line == 4  # "excerpt: Foo: bar": a second ': ' in a plain value
    assert error.severity == "error"
    assert set(docs_by_path(result)) == {"_posts/2021-01-02-fine.md"}
    assert (rdflib.URIRef("https://example.org/news/fine/"), rdflib.RDF.type, SCHEMA.NewsArticle) in \
        result.graph.graph()


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system",
    "!!python/object/new:os.system",
    "!!python/object/apply:subprocess.call",
])
def test_python_tags_are_refused_and_nothing_is_executed(make_site, tmp_path, tag):
    """Front matter is read with a safe loader: a ``!!python/...`` tag is a ``yaml-error``, never a call."""
    marker = tmp_path / "PWNED"
    command = f"touch {marker}" if "os.system" in tag else ["touch", str(marker)]
    site = make_site(tmp_path / "site", {
        "_posts/2021-01-01-evil.md": f"---\ntitle: {tag} [{command!r}]\n---\nbody\n",
        "_posts/2021-01-02-fine.md": post("title: Fine"),
    })
    result = kg.build(site)
    assert not marker.exists()
    [error] = diagnostics(result, "yaml-error")
    assert error.file == "_posts/2021-01-01-evil.md"
    assert error.line == 2
    assert set(docs_by_path(result)) == {"_posts/2021-01-02-fine.md"}


def test_bom_and_crlf_files_load_like_any_other(make_site, tmp_path):
    """A UTF-8 byte-order mark and Windows line ends change nothing about a document."""
    text = "---\ntitle: Åtta öar\nlang: en\nexcerpt: Kort.\n---\nThe body.\n"
    site = make_site(tmp_path, {
        "_posts/2021-01-01-bom.md": b"\xef\xbb\xbf" + text.encode(),
        "_posts/2021-01-02-crlf.md": text.replace("\n", "\r\n").encode(),
        "_posts/2021-01-03-both.md": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
    })
    result = kg.build(site)
    assert result.diagnostics == []
    docs = docs_by_path(result)
    assert set(docs) == {"_posts/2021-01-01-bom.md", "_posts/2021-01-02-crlf.md", "_posts/2021-01-03-both.md"}
    for doc in docs.values():
        assert doc.data == {"title": "Åtta öar", "lang": "en", "excerpt": "Kort.", "permalink": "/news/:title/"}
        assert doc.lang == "en"
        assert doc.body.strip() == "The body."
        assert doc.key_lines["excerpt"] == 4


def test_a_binary_file_with_a_markdown_name_is_an_error_and_skipped(make_site, tmp_path):
    """NUL bytes mean binary data: ``binary-file`` (severity error), not a document."""
    site = make_site(tmp_path, {
        "_posts/2021-01-01-image.md": b"---\ntitle: x\n---\n\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "_posts/2021-01-02-fine.md": post("title: Fine"),
    })
    result = kg.build(site)
    [error] = diagnostics(result, "binary-file")
    assert (error.file, error.severity) == ("_posts/2021-01-01-image.md", "error")
    assert set(docs_by_path(result)) == {"_posts/2021-01-02-fine.md"}


def test_invalid_utf8_is_an_encoding_error_with_its_line(make_site, tmp_path):
    """Latin-1 bytes are not UTF-8: ``encoding-error`` naming the line of the first bad byte."""
    site = make_site(tmp_path, {"_posts/2021-01-01-latin1.md": b"---\ntitle: caf\xe9\n---\n"})
    result = kg.build(site)
    [error] = diagnostics(result, "encoding-error")
    assert (error.line, error.severity) == (2, "error")
    assert result.site.documents == []


def test_a_file_without_front_matter_is_no_document(make_site, tmp_path):
    """Jekyll copies a file without ``---`` front matter as a static file: ``no-front-matter``."""
    site = make_site(tmp_path, {"_clients/plain.md": "# Just Markdown\n\nNo front matter here.\n"})
    result = kg.build(site)
    [warning] = diagnostics(result, "no-front-matter")
    assert (warning.file, warning.line, warning.severity) == ("_clients/plain.md", 1, "warning")
    assert result.site.documents == []


def test_unclosed_front_matter_is_an_error(make_site, tmp_path):
    """Front matter opened with ``---`` and never closed: ``unclosed-front-matter`` at line 1, file skipped."""
    site = make_site(tmp_path, {
        "_clients/open.md": "---\ntitle: Never closed\n\nBody that YAML would swallow.\n",
        "_clients/fine.md": "---\ntitle: Fine\n---\n",
    })
    result = kg.build(site)
    [error] = diagnostics(result, "unclosed-front-matter")
    assert (error.file, error.line, error.severity) == ("_clients/open.md", 1, "error")
    assert set(docs_by_path(result)) == {"_clients/fine.md"}


def test_front_matter_that_is_not_a_mapping_is_an_error(make_site, tmp_path):
    """A YAML list as front matter has no keys: ``bad-front-matter``, file skipped."""
    site = make_site(tmp_path, {"_clients/list.md": "---\n- a\n- b\n---\n"})
    result = kg.build(site)
    assert [d.kind for d in result.diagnostics] == ["bad-front-matter"]
    assert result.site.documents == []


def test_a_post_without_a_date_in_its_name_is_skipped(make_site, tmp_path):
    """Jekyll ignores a ``_posts`` file not named ``YYYY-MM-DD-title``: ``bad-post-name``, no document."""
    site = make_site(tmp_path, {"_posts/utan-datum.md": post("title: X"),
                                "_posts/2021-02-30-omojligt.md": post("title: Y")})
    result = kg.build(site)
    assert {(d.file, d.kind) for d in result.diagnostics} == {
        ("_posts/utan-datum.md", "bad-post-name"), ("_posts/2021-02-30-omojligt.md", "bad-post-name")}
    assert result.site.documents == []


def test_an_oversized_file_is_skipped(make_site, tmp_path):
    """A file over ``max_file_bytes`` is not read: ``file-too-large`` (an error), the rest builds."""
    site = make_site(tmp_path, {
        "_clients/big.md": "---\ntitle: Big\n---\n" + "x" * 5000,
        "_clients/small.md": "---\ntitle: Small\n---\n",
    })
    result = kg.build(site, max_file_bytes=1000)
    [error] = result.diagnostics
    assert (error.kind, error.file, error.severity) == ("file-too-large", "_clients/big.md", "error")
    assert set(docs_by_path(result)) == {"_clients/small.md"}


# -- _config.yml defaults -----------------------------------------------------------------------

DEFAULTS_CONFIG = """\
    url: https://example.org
    lang: sv
    collections:
      clients: {output: true, permalink: /:title/}
    defaults:
    - scope: {path: ''}
      values: {layout: page, image: /all.png, excerpt: everywhere}
    - scope: {path: '', type: clients}
      values: {layout: client, excerpt: every client}
    - scope: {path: _clients/en}
      values: {lang: en, excerpt: english clients}
    - scope: {path: _clients/en/special.md}
      values: {excerpt: one file}
    - scope: {path: '', type: posts}
      values: {excerpt: every post}
    """


@pytest.mark.parametrize(("path", "layout", "lang", "excerpt"), [
    ("_clients/a.md", "client", "sv", "every client"),             # type scope beats the site-wide one
    ("_clients/en/b.md", "client", "en", "english clients"),       # a folder scope beats the type scope
    ("_clients/en/special.md", "client", "en", "one file"),        # a file scope beats its folder
    ("_clients/en/own.md", "client", "de", "mine"),                # the file's own keys always win
    ("_posts/2020-01-01-p.md", "page", "sv", "every post"),
])
def test_defaults_apply_by_scope_and_the_most_specific_wins(make_site, tmp_path, path, layout, lang, excerpt):
    """Every matching ``defaults`` entry applies; a more specific path wins, and the file's own key wins over all."""
    site = make_site(tmp_path, {
        "_config.yml": DEFAULTS_CONFIG,
        "_clients/a.md": "---\ntitle: A\n---\n",
        "_clients/en/b.md": "---\ntitle: B\n---\n",
        "_clients/en/special.md": "---\ntitle: S\n---\n",
        "_clients/en/own.md": "---\ntitle: O\nexcerpt: mine\nlang: de\n---\n",
        "_posts/2020-01-01-p.md": "---\ntitle: P\n---\n",
    })
    doc = docs_by_path(kg.build(site))[path]
    assert (doc.data["layout"], doc.lang, doc.data["excerpt"]) == (layout, lang, excerpt)
    assert doc.data["image"] == "/all.png"  # the site-wide entry still applies under the others


# -- publishing ----------------------------------------------------------------------------------


def test_published_false_gives_no_url_and_no_article(make_site, tmp_path):
    """``published: false``: the document is read but Jekyll does not output it, so it has no URL."""
    site = make_site(tmp_path, {
        "_posts/2021-01-01-hidden.md": post("title: Hidden\npublished: false"),
        "_clients/hidden.md": "---\ntitle: Hidden client\npublished: false\n---\n",
    })
    result = kg.build(site)
    for doc in result.site.documents:
        assert doc.published is False
        assert doc.url_path is None and doc.url is None
    assert not list(result.graph.graph().subjects(rdflib.RDF.type, SCHEMA.NewsArticle))
    assert not list(result.graph.graph().subjects(rdflib.RDF.type, SCHEMA.WebPage))


@pytest.mark.parametrize("value", ["no", "off", "No"])
def test_published_no_is_unpublished_as_in_jekyll(make_site, tmp_path, value):
    """Jekyll reads ``published: no`` / ``off`` as false (checked with Jekyll 4.3): the post is not output."""
    site = make_site(tmp_path, {"_posts/2021-01-01-hidden.md": post(f"title: Hidden\npublished: {value}")})
    [doc] = kg.build(site).site.documents
    assert doc.url_path is None


def test_collection_output_no_means_no_pages(make_site, tmp_path):
    """``output: no`` on a collection is Jekyll's false: its documents get no URL."""
    site = make_site(tmp_path, {
        "_config.yml": "url: https://example.org\ncollections:\n  notes:\n    output: no\n",
        "_notes/a.md": "---\ntitle: A\n---\n",
    })
    [doc] = kg.build(site).site.documents
    assert doc.url_path is None


def test_drafts_are_read_only_when_asked(make_site, tmp_path):
    """``_drafts`` is skipped unless ``drafts=True`` (``kg build --drafts``)."""
    site = make_site(tmp_path, {
        "_drafts/utkast.md": post("title: Utkast"),
        "_posts/2021-01-01-klar.md": post("title: Klar"),
    })
    without = kg.build(site)
    assert [d.path for d in without.site.documents] == ["_posts/2021-01-01-klar.md"]
    with_drafts = kg.build(site, drafts=True)
    drafts = docs_by_path(with_drafts)
    assert set(drafts) == {"_drafts/utkast.md", "_posts/2021-01-01-klar.md"}
    assert drafts["_drafts/utkast.md"].collection == "drafts"
    # Drafts take the posts' defaults, so the posts' permalink too.
    assert drafts["_drafts/utkast.md"].url == "https://example.org/news/utkast/"


def test_an_undated_draft_gets_no_placeholder_url(make_site, tmp_path):
    """A draft without a date in its name must not get a URL with unfilled ``:year`` placeholders."""
    site = make_site(tmp_path, {
        "_config.yml": "url: https://example.org\n",
        "_drafts/a-draft.md": post("title: Draft"),
    })
    result = kg.build(site, drafts=True)
    [doc] = result.site.documents
    assert doc.url_path is None or ":" not in doc.url_path
    assert not diagnostics(result, "bad-permalink")


# -- the site as a whole ------------------------------------------------------------------------


def test_a_site_without_config_builds_under_localhost(make_site, tmp_path):
    """No ``_config.yml``: Jekyll's defaults (``http://localhost:4000``, date permalinks) and a ``no-config`` note."""
    site = make_site(tmp_path, {"_config.yml": None, "_posts/2021-05-11-hej.md": post("title: Hej")})
    result = kg.build(site)
    assert [d.kind for d in result.diagnostics] == ["no-config"]
    assert result.site.config.base == "http://localhost:4000"
    [doc] = result.site.documents
    assert doc.url == "http://localhost:4000/2021/05/11/hej.html"
    website = rdflib.URIRef("http://localhost:4000/#website")
    assert (website, rdflib.RDF.type, SCHEMA.WebSite) in result.graph.graph()


# -- no folder dropped silently --------------------------------------------------------------------


def test_a_site_without_config_reads_its_clients_too_and_a_reference_to_them_resolves(make_site, tmp_path):
    """The two seed documents without ``_config.yml``: the post and the project page are both read; the
    project has no page (Jekyll renders none), the report says so, and the post's ``clients:`` reference
    to it is no dangling reference."""
    site = make_site(tmp_path, {
        "_config.yml": None,
        "_posts/2021-05-11-hej.md": post("title: Hej\nclients:\n- _clients/goteborg.md"),
        "_clients/goteborg.md": post("title: Göteborgs Stad samlar dialogen\nclient: Göteborgs Stad\nyear: 2024"),
    })
    result = kg.build(site)
    assert sorted(d.kind for d in result.diagnostics) == ["no-config", "unconfigured-collection"]
    [note] = diagnostics(result, "unconfigured-collection")
    assert note.file == "_clients" and "collections: {clients: {output: true}}" in note.message
    project = docs_by_path(result)["_clients/goteborg.md"]
    assert project.url is None
    g = result.graph.graph()
    project_iri = rdflib.URIRef("http://localhost:4000/kg/project/goteborg")
    assert (project_iri, rdflib.RDF.type, SCHEMA.Project) in g
    assert (rdflib.URIRef("http://localhost:4000/2021/05/11/hej.html"), SCHEMA.mentions, project_iri) in g
    [entry] = [c for c in result.collections if c["collection"] == "clients"]
    assert entry["pages"] == 0 and "not a collection in _config.yml" in entry["no_pages"]


def test_a_folder_of_content_that_is_no_collection_gets_one_warning_with_the_line_to_add(make_site, tmp_path):
    """``_projects`` with three documents and no ``projects`` collection: ONE ``unread-folder`` warning
    naming the folder and the line to add under ``collections:`` (whose line it gives); nothing read."""
    site = make_site(tmp_path, {f"_projects/p{i}.md": post(f"title: P{i}") for i in range(3)})
    result = kg.build(site)
    [warning] = result.diagnostics
    assert (warning.kind, warning.file, warning.line) == ("unread-folder", "_projects", None)
    assert "3 content files" in warning.message
    assert "add `  projects: {output: true}` under `collections:` (line 5) in _config.yml" in warning.message
    assert not [d for d in result.site.documents if d.collection == "projects"]


@pytest.mark.parametrize("config", [None, "url: https://example.org\n"])
def test_the_line_to_add_fits_the_config_there_is(make_site, tmp_path, config):
    site = make_site(tmp_path, {"_config.yml": config, "_work/a.md": post("title: A")})
    [warning] = diagnostics(kg.build(site), "unread-folder")
    wanted = "create _config.yml with" if config is None else "add `collections: {work: {output: true}}` to"
    assert wanted in warning.message


def test_jekylls_own_folders_and_drafts_are_no_unread_content(make_site, tmp_path):
    """Layouts and includes often have front matter; they are Jekyll's, not content. ``_drafts`` are read
    only with ``--drafts``: no warning, but a reference to one says why it is not read."""
    site = make_site(tmp_path, {
        "_layouts/page.html": "---\nlayout: default\n---\n{{ content }}\n",
        "_includes/head.html": "---\n---\n<head></head>\n",
        "_sass/main.scss": "---\n---\nbody {}\n",
        "_drafts/idea.md": post("title: Idea"),
        "_posts/2021-05-11-x.md": post("title: X\nclients: [_drafts/idea.md]"),
    })
    result = kg.build(site)
    [warning] = result.diagnostics
    assert warning.kind == "dangling-reference"
    assert "exists but is not read: drafts are read only with --drafts" in warning.message


def test_a_folder_jekyll_includes_as_plain_pages_is_read_as_the_sites_pages(make_site, tmp_path):
    """``include: [_pages]`` (Minimal Mistakes, al-folio): Jekyll renders those as pages, and so does kg."""
    site = make_site(tmp_path, {"_config.yml": "url: https://example.org\ninclude: [_pages]\n",
                                "_pages/about.md": post("title: About\npermalink: /about/"),
                                "_pages/cv.md": post("title: CV")})
    result = kg.build(site)
    assert not diagnostics(result, "unread-folder")
    assert {d.path: d.url_path for d in result.site.documents if d.collection == "pages"} == {
        "_pages/about.md": "/about/", "_pages/cv.md": "/_pages/cv.html"}
    [entry] = [c for c in result.collections if c["collection"] == "pages"]
    assert entry["class"] == "page" and entry["pages"] == 2


def test_a_reference_to_a_file_in_an_unread_folder_says_exactly_that(make_site, tmp_path):
    site = make_site(tmp_path, {"_projects/p.md": post("title: P"),
                                "_posts/2021-05-11-x.md": post("title: X\nclients: [_projects/p.md]")})
    result = kg.build(site)
    [reference] = diagnostics(result, "dangling-reference")
    assert reference.message == ("clients: '_projects/p.md' exists but is not read: 'projects' is not a "
                                 "collection in _config.yml")


def test_a_reference_to_a_file_that_was_skipped_says_why(make_site, tmp_path):
    site = make_site(tmp_path, {"_clients/p.md": "---\ntitle: [broken\n---\n",
                                "_posts/2021-05-11-x.md": post("title: X\nclients: [_clients/p.md]")})
    [reference] = diagnostics(kg.build(site), "dangling-reference")
    assert "exists but is not read: it was skipped (yaml-error" in reference.message


def test_a_missing_site_folder_is_a_site_error(tmp_path):
    """Only a site that cannot be read at all raises: :class:`kg.SiteError`."""
    with pytest.raises(kg.SiteError, match="no such site folder"):
        kg.build(tmp_path / "does-not-exist")


def test_a_file_as_site_is_a_site_error(tmp_path):
    """A file where the site folder should be is a :class:`kg.SiteError` too."""
    (tmp_path / "site.md").write_text("---\n---\n")
    with pytest.raises(kg.SiteError, match="not a folder"):
        kg.build(tmp_path / "site.md")


@pytest.mark.parametrize(("config", "base", "page"), [
    ("url: example.org\n", "https://example.org", "https://example.org/2021/01/01/x.html"),
    ("url: https://example.org\nbaseurl: /my site\n", "https://example.org/my%20site",
     "https://example.org/my%20site/2021/01/01/x.html"),
    ("url: not a url at all\n", "http://localhost:4000", "http://localhost:4000/2021/01/01/x.html"),
    ("url: ftp://example.org\n", "http://localhost:4000", "http://localhost:4000/2021/01/01/x.html"),
])
def test_a_malformed_site_url_is_read_as_the_nearest_good_one(make_site, tmp_path, config, base, page):
    """No scheme → https; characters a URL may not hold → percent-encoded; not http(s) at all → the default,
    each with a ``bad-config`` warning on ``_config.yml``."""
    site = make_site(tmp_path, {"_config.yml": config, "_posts/2021-01-01-x.md": post("title: X")})
    result = kg.build(site)
    assert [d.kind for d in result.diagnostics if d.file == "_config.yml"] == ["bad-config"]
    assert result.site.config.base == base
    assert (rdflib.URIRef(page), rdflib.RDF.type, SCHEMA.NewsArticle) in result.graph.graph()


@pytest.mark.parametrize("lang", ["sv_SE", "svenska språket", "en-"])
def test_a_malformed_language_code_is_a_warning_not_a_crash(make_site, tmp_path, lang):
    """``lang: sv_SE`` (a locale, not a BCP 47 tag) must give a warning and the build goes on."""
    site = make_site(tmp_path, {
        "_clients/p.md": f"---\ntitle: P\nlang: '{lang}'\n---\n",
        "_clients/q.md": "---\ntitle: Q\n---\n",
    })
    result = kg.build(site)
    assert any(d.file == "_clients/p.md" for d in result.diagnostics)
    assert (rdflib.URIRef("https://example.org/q/"), rdflib.RDF.type, SCHEMA.WebPage) in result.graph.graph()


# -- URLs --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("config_permalink", "front", "url"), [
    ("/:title/", "", "/ett-inlagg/"),
    ("/news/:title/", "", "/news/ett-inlagg/"),
    ("/news/:title/", "permalink: /egen/adress/", "/egen/adress/"),
    ("/:year/:month/:day/:title:output_ext", "", "/2021/05/11/ett-inlagg.html"),
])
def test_permalink_patterns(make_site, tmp_path, config_permalink, front, url):
    """The site's permalink pattern fills ``:title`` and the date; a document's own ``permalink`` wins."""
    site = make_site(tmp_path, {
        "_config.yml": f"url: https://example.org\npermalink: '{config_permalink}'\n",
        "_posts/2021-05-11-ett-inlagg.md": post("title: Ett inlägg\n" + front),
    })
    [doc] = kg.build(site).site.documents
    assert doc.url_path == url
    assert doc.url == "https://example.org" + url


def test_non_ascii_and_colon_file_names(make_site, tmp_path):
    """``:`` and non-ASCII letters in file names: slugged like Jekyll's ``:title``, percent-encoded in the URL."""
    site = make_site(tmp_path, {
        "_clients/Göteborg: Stad.md": "---\ntitle: G\n---\n",
        "_posts/2020-03-25-verktyg-för-hemmakontoret.md": post("title: V"),
    })
    result = kg.build(site)
    docs = docs_by_path(result)
    assert docs["_clients/Göteborg: Stad.md"].url_path == "/G%C3%B6teborg-Stad/"
    assert docs["_posts/2020-03-25-verktyg-för-hemmakontoret.md"].url_path == "/news/verktyg-f%C3%B6r-hemmakontoret/"
    graph = result.graph.graph()
    assert (rdflib.URIRef("https://example.org/G%C3%B6teborg-Stad/"), rdflib.RDF.type, SCHEMA.WebPage) in graph
    source = rdflib.URIRef("https://example.org/kg/source/_clients/G%C3%B6teborg%3A%20Stad.md")
    assert (source, rdflib.URIRef("https://digidemlab.org/kg/ontology#path"),
            rdflib.Literal("_clients/Göteborg: Stad.md")) in graph


# -- the site's boundary -------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_a_symlink_out_of_the_site_is_not_followed(make_site, tmp_path):
    """A symlink to a file (or folder) outside the site: ``outside-site``, and the target is never read."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text("---\ntitle: Hemligt\nclient: Hemliga Bolaget AB\n---\nHemlig text.\n")
    site = make_site(tmp_path / "site", {"_clients/inside.md": "---\ntitle: Inside\n---\n"})
    try:
        os.symlink(secret, site / "_clients" / "leak.md")
        os.symlink(outside, site / "_clients" / "leakdir")
        os.symlink(site / "_clients" / "inside.md", site / "_clients" / "alias.md")
    except (OSError, NotImplementedError):
        pytest.skip("cannot create symlinks here")
    result = kg.build(site)
    outside_site = {(d.file, d.severity) for d in diagnostics(result, "outside-site")}
    assert outside_site == {("_clients/leak.md", "warning"), ("_clients/leakdir", "warning")}
    # A symlink that stays inside the site is an ordinary file.
    assert set(docs_by_path(result)) == {"_clients/inside.md", "_clients/alias.md"}
    text = "".join(str(t) for t in result.graph.triples)
    assert "Hemlig" not in text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_named_pipe_with_a_content_name_is_reported_not_opened(make_site, tmp_path):
    """Opening a pipe would wait for a writer for ever: it is an ``unreadable`` error, the build goes on."""
    site = make_site(tmp_path, {"_clients/real.md": "---\ntitle: Real\n---\n"})
    os.mkfifo(site / "_clients" / "pipe.md")
    os.symlink(site / "_clients" / "pipe.md", site / "_clients" / "to-pipe.md")
    result = kg.build(site)
    assert {(d.file, d.severity, d.message) for d in diagnostics(result, "unreadable")} == {
        ("_clients/pipe.md", "error", "not a regular file (a pipe, socket or device); not read"),
        ("_clients/to-pipe.md", "error", "not a regular file (a pipe, socket or device); not read"),
    }
    assert set(docs_by_path(result)) == {"_clients/real.md"}


def test_a_folder_that_cannot_be_read_is_reported_and_the_rest_is_read(make_site, tmp_path, monkeypatch):
    """A subfolder the build may not list (permissions; root ignores them, so the refusal is simulated):
    ``unreadable`` naming the folder, and every other file is still read."""
    site = make_site(tmp_path, {"_clients/real.md": "---\ntitle: Real\n---\n",
                                "_clients/locked/hidden.md": "---\ntitle: Hidden\n---\n"})
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = kg.build(site)
    assert [(d.file, d.severity, d.message) for d in diagnostics(result, "unreadable")] == [
        ("_clients/locked", "error", "cannot read this folder: Permission denied; its files are skipped")]
    assert set(docs_by_path(result)) == {"_clients/real.md"}


def test_crlf_files_keep_the_line_numbers_of_block_keys(make_site, tmp_path):
    """A diagnostic about ``categories:`` names the same line whatever the line ends."""
    text = "---\ntitle: T\ncategories:\n- ../outside.md\n---\nbody\n"
    site = make_site(tmp_path, {
        "_clients/lf.md": text,
        "_clients/crlf.md": text.replace("\n", "\r\n").encode(),
    })
    lines = {d.file: d.line for d in diagnostics(kg.build(site), "outside-site")}
    assert lines == {"_clients/lf.md": 3, "_clients/crlf.md": 3}


@pytest.mark.parametrize("front, expected", [
    ("title: A\nlang: sv\n", {"title": 2, "lang": 3}),
    ("'quoted': 1\n\"double\":\n  - x\n", {"quoted": 2, "double": 3}),
    ("text: |\n  inner: not a key\nafter: 3\n", {"text": 2, "after": 4}),
    ("# comment: no\n\nreal: 1\n", {"real": 4}),
    ("a: 1\r\nb: 2\r\n", {"a": 2, "b": 3}),
    ("dup: 1\nother: 2\ndup: 3\n", {"dup": 2, "other": 3}),
    ("links:\n  - title: T\n    url: /x\nyear: 2020\n", {"links": 2, "year": 5}),
], ids=["plain", "quoted", "block-scalar", "comment", "crlf", "repeated", "nested"])
def test_each_top_level_key_has_the_line_it_is_on_in_the_file(front, expected):
    """Messages name the line of the key they are about: the file's line, counting the opening ``---``."""
    from kg.load import frontmatter

    parsed = frontmatter.parse(f"---\n{front}---\nbody\n")
    assert parsed.key_lines == expected
