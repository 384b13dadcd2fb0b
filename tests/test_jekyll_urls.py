"""kg's document URLs must be exactly the ones Jekyll gives.

Three kinds of checks:

* the real corpus (``shared/corpus/digidemlab-site``) is built with the real
  ``jekyll`` (see ``jekyll_oracle.py``) and every document's ``url_path`` from
  ``kg.load.load_site`` is compared with Jekyll's, one test per document;
* small synthetic sites with tricky names and front matter, written here, are
  compared with URLs (and post dates) that were observed from Jekyll 4.3.1 and
  written down in ``SYNTHETIC`` — these run without Jekyll;
* when Jekyll is installed, ``SYNTHETIC`` itself is checked against Jekyll, so a
  different Jekyll version cannot silently change what kg is held to.

A document that kg does not report at all counts as ``url_path = None`` (e.g. a
``published: false`` file or a ``_posts`` file without a date in its name).
Drafts (``_drafts/``) and pages are not compared.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

try:
    from tests.jekyll_oracle import candidate_paths, have_jekyll, jekyll_documents, jekyll_urls
except ImportError:  # tests/ is not a package: pytest puts tests/ itself on sys.path
    from jekyll_oracle import candidate_paths, have_jekyll, jekyll_documents, jekyll_urls

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/digidemlab-site"
NO_JEKYLL = "jekyll not installed (apt-get install jekyll): the URL oracle runs the real Jekyll 4"

_MISSING = "<not reported by kg>"


def _kg_urls(site_dir: Path) -> dict[str, str | None]:
    from kg.load import load_site  # may not exist yet: then these tests error with ImportError

    site = load_site(Path(site_dir))
    return {doc.path: doc.url_path for doc in site.documents}


def _kg_docs(site_dir: Path) -> dict[str, object]:
    from kg.load import load_site

    site = load_site(Path(site_dir))
    return {doc.path: doc for doc in site.documents}


def _compared(path: str) -> bool:
    """Collection documents only: some directory of the path starts with "_", and it is not a draft."""
    dirs = path.split("/")[:-1]
    return any(d.startswith("_") for d in dirs) and "_drafts" not in dirs


def _check(path: str, jekyll: dict[str, str | None], kg: dict[str, str | None]) -> None:
    want = jekyll.get(path)
    got = kg.get(path, _MISSING)
    if got == _MISSING and want is None:
        return
    assert got == want, f"{path}: Jekyll gives url {want!r}, kg gives {got!r}"


# -- the real corpus, built by Jekyll ---------------------------------------------------------------


CORPUS_PATHS = candidate_paths(CORPUS) if CORPUS.is_dir() else ["<corpus missing>"]


@pytest.fixture(scope="module")
def corpus_jekyll(tmp_path_factory) -> dict[str, str | None]:
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}")
        pytest.skip(f"corpus not found at {CORPUS}")
    if not have_jekyll():
        pytest.skip(NO_JEKYLL)
    return jekyll_urls(CORPUS, tmp_path_factory.mktemp("jekyll-corpus"))


@pytest.fixture(scope="module")
def corpus_kg() -> dict[str, str | None]:
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}")
        pytest.skip(f"corpus not found at {CORPUS}")
    return _kg_urls(CORPUS)


@pytest.mark.parametrize("path", CORPUS_PATHS)
def test_corpus_url(path: str, corpus_jekyll, corpus_kg) -> None:
    _check(path, corpus_jekyll, corpus_kg)


def test_corpus_no_extra_documents(corpus_jekyll, corpus_kg) -> None:
    """kg must not give a URL to a collection file Jekyll does not output."""
    extra = {
        p: u for p, u in corpus_kg.items() if _compared(p) and p not in corpus_jekyll and u is not None
    }
    assert not extra, f"kg gives URLs to files Jekyll does not treat as output documents: {extra}"
    assert set(corpus_jekyll) == set(CORPUS_PATHS)


# -- synthetic tricky sites: observed from Jekyll 4.3.1 (Debian bookworm) -------------------------------

_BODY = "Body {% include missing.html %} {% seo %}\n"


def _fm(**keys: str) -> str:
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in keys.items()) + "---\n" + _BODY


# The corpus's own configuration, in short, plus a collection without permalink.
CONFIG_A = """
timezone: CET
permalink: "/:title/"
collections:
  crew: {output: false}
  posts: {output: true}
  clients: {output: true, permalink: "/:title/"}
  notes: {output: true}
defaults:
- scope: {path: '', type: clients}
  values: {layout: client, lang: sv}
- scope: {path: '', type: posts}
  values: {layout: page, permalink: /news/:title/}
plugins: [jekyll-seo-tag, jemoji]
whitelist: [jekyll-redirect-from]
"""

# site -> (config, [(path, file text, url Jekyll gives or None, post date as Jekyll prints it)])
SYNTHETIC: dict[str, tuple[str, list[tuple[str, str, str | None, str | None]]]] = {
    "corpus-like": (CONFIG_A, [
        # collection with permalink /:title/ : slug of the file name, "pretty" mode, case kept
        ("_clients/Lund---Ekosociala-Stadsdelar.md", _fm(title="'Lund - Ekosociala Stadsdelar'"),
         "/Lund-Ekosociala-Stadsdelar/", None),
        ("_clients/Foo_Bar  baz.md", _fm(title="x"), "/Foo_Bar-baz/", None),
        ("_clients/a:b.md", _fm(title="colon"), "/a-b/", None),
        ("_clients/R&D (2020)+x@y=z,w;v!$'~.md", _fm(title="x"), "/R&D-(2020)+x@y=z,w;v!$'~/", None),
        ("_clients/Göteborg Stad.md", _fm(title="x"), "/G%C3%B6teborg-Stad/", None),
        ("_clients/trailing.dot..md", _fm(title="x"), "/trailing.dot/", None),
        ("_clients/sub/Nested Doc.md", _fm(title="x"), "/Nested-Doc/", None),
        ("_clients/hash#tag?q[1].md", _fm(title="x"), "/hash-tag-q-1/", None),
        ("_clients/percent%20name.md", _fm(title="x"), "/percent-20name/", None),
        ("_clients/with-slug.md", _fm(title="x", slug="Ärende Två"), "/%C3%84rende-Tv%C3%A5/", None),
        ("_clients/own-permalink.md", _fm(title="x", permalink="/clients/:title/x.html"),
         "/clients/own-permalink/x.html", None),
        ("_clients/unpublished.md", _fm(title="x", published="false"), None, None),
        ("_clients/published-empty.md", _fm(title="x", published=""), None, None),
        ("_clients/published-string.md", _fm(title="x", published="'false'"), "/published-string/", None),
        # YAML 1.1 words: unquoted `no`/`Off` are false for Jekyll; a quoted 'no' is text, and true
        ("_clients/published-no.md", _fm(title="x", published="no"), None, None),
        ("_clients/published-off.md", _fm(title="x", published="Off"), None, None),
        ("_clients/published-quoted-no.md", _fm(title="x", published="'no'"), "/published-quoted-no/", None),
        ("_clients/published-yes.md", _fm(title="x", published="yes"), "/published-yes/", None),
        ("_clients/_underscore.md", _fm(title="x"), None, None),
        # output: false collection
        ("_crew/someone.md", _fm(title="Crew"), None, None),
        # collection without permalink: /:collection/:path/ (site permalink ends in "/"), :path raw
        ("_notes/Foo Bar.md", _fm(title="x"), "/notes/Foo%20Bar/", None),
        ("_notes/sub/Deep:Note ö.markdown", _fm(title="x"), "/notes/sub/Deep:Note%20%C3%B6/", None),
        ("_notes/page.html", _fm(title="x"), "/notes/page/", None),
        # posts, permalink /news/:title/ from defaults
        ("_posts/2020-03-25-open-source-verktyg-för-hemmakontoret.md",
         _fm(title="'Open Source-verktyg för hemmakontoret'"),
         "/news/open-source-verktyg-f%C3%B6r-hemmakontoret/", "2020-03-25T00:00:00+01:00"),
        ("_posts/2020-01-02-colon:name.md", _fm(title="c"), "/news/colon-name/", "2020-01-02T00:00:00+01:00"),
        ("_posts/2020-01-03-with space.md", _fm(title="s"), "/news/with-space/", "2020-01-03T00:00:00+01:00"),
        ("_posts/2020-01-04-encoded.md", _fm(title="e", permalink="/skolan-i-centrum-f%C3%B6r-x/"),
         "/skolan-i-centrum-f%C3%B6r-x/", "2020-01-04T00:00:00+01:00"),
        ("_posts/2020-01-04-raw-permalink.md", _fm(title="e", permalink="/rå permalink för/"),
         "/rå permalink för/", "2020-01-04T00:00:00+01:00"),
        ("_posts/2020-01-04-ph-permalink.md", _fm(title="e", permalink="/:year/:month/:day/:title:output_ext"),
         "/2020/01/04/ph-permalink.html", "2020-01-04T00:00:00+01:00"),
        ("_posts/2020-01-04-noslash.md", _fm(title="e", permalink="no/leading/slash/"),
         "/no/leading/slash/", "2020-01-04T00:00:00+01:00"),
        ("_posts/2020-01-05-date-mismatch.md",
         _fm(title="d", date="2021-06-07 10:00:00 +0200", permalink="/:year/:month/:day/:title/"),
         "/2021/06/07/date-mismatch/", "2021-06-07T10:00:00+02:00"),
        ("_posts/2020-01-05-late-utc.md",
         _fm(title="d", date="2020-01-05 23:30:00 Z", permalink="/:year/:month/:day/:title/"),
         "/2020/01/06/late-utc/", "2020-01-06T00:30:00+01:00"),
        ("_posts/2020-01-06-file-slug.md", _fm(title="Some Title", slug="Custom Slug Ö!"),
         "/news/Custom-Slug-%C3%96!/", "2020-01-06T00:00:00+01:00"),
        ("_posts/2020-01-06-slug-ph.md", _fm(title="t", slug="Custom Slug Ö!", permalink="/s/:slug/"),
         "/s/custom-slug-%C3%B6/", "2020-01-06T00:00:00+01:00"),
        ("_posts/2020-01-07-file-name.md", _fm(title="Totally Different Title"),
         "/news/file-name/", "2020-01-07T00:00:00+01:00"),
        ("_posts/2020-01-08-UPPER-Case--runs.md", _fm(title="u"),
         "/news/UPPER-Case-runs/", "2020-01-08T00:00:00+01:00"),
        ("_posts/2020-01-09-markdown-ext.markdown", _fm(title="m"),
         "/news/markdown-ext/", "2020-01-09T00:00:00+01:00"),
        ("_posts/2020-01-10-html-ext.html", _fm(title="h"), "/news/html-ext/", "2020-01-10T00:00:00+01:00"),
        ("_posts/2020-01-12-unpublished.md", _fm(title="u", published="false"), None, None),
        ("_posts/2099-01-01-future.md", _fm(title="f"), None, None),
        ("_posts/not-dated.md", _fm(title="nd"), None, None),
        ("_posts/sub/2020-01-13-in-subdir.md", _fm(title="s", permalink="/:categories/:title/"),
         "/in-subdir/", "2020-01-13T00:00:00+01:00"),
        ("en/_posts/2020-01-14-en-cat.md", _fm(title="c", permalink="/:categories/:title/"),
         "/en/en-cat/", "2020-01-14T00:00:00+01:00"),
        # dates: timezone CET; what Jekyll makes of each front-matter form
        ("_posts/2020-01-11-quoted.markdown", _fm(title="d", date="'2019-03-10 13:21:00'"),
         "/news/quoted/", "2019-03-10T13:21:00+01:00"),
        ("_posts/2020-01-11-unquoted.md", _fm(title="d", date="2019-03-10 13:21:00"),
         "/news/unquoted/", "2019-03-10T14:21:00+01:00"),
        ("_posts/2020-01-11-date-only.md", _fm(title="d", date="2019-03-10"),
         "/news/date-only/", "2019-03-10T00:00:00+01:00"),
        ("_posts/2017-02-23-dz.md", _fm(title="d", date="2017-02-23 17:21:00 Z"),
         "/news/dz/", "2017-02-23T18:21:00+01:00"),
        ("_posts/2021-05-11-dplus.md", _fm(title="d", date="2021-05-11 11:22:23 +0200"),
         "/news/dplus/", "2021-05-11T11:22:23+02:00"),
        ("_posts/2020-03-09-diso.md", _fm(title="d", date="2020-03-09T17:21:00.000+00:00"),
         "/news/diso/", "2020-03-09T18:21:00+01:00"),
        ("_posts/2020-03-30-nodate.md", _fm(title="d"), "/news/nodate/", "2020-03-30T00:00:00+02:00"),
        ("_posts/2020-10-25-nodate-winter.md", _fm(title="d"),
         "/news/nodate-winter/", "2020-10-25T00:00:00+02:00"),
        # drafts are never output (not compared: kg may keep them for its own use)
        ("_drafts/a-draft.md", _fm(title="draft"), None, None),
    ]),
    # no posts default: the site-wide permalink applies to posts
    "site-permalink": ("""
timezone: CET
permalink: "/:title/"
collections:
  notes: {output: true}
""", [
        ("_posts/2020-03-25-open-source-verktyg-för-hemmakontoret.md", _fm(title="x"),
         "/open-source-verktyg-f%C3%B6r-hemmakontoret/", "2020-03-25T00:00:00+01:00"),
        ("_posts/2020-01-02-Mixed Case.markdown", _fm(title="x"), "/Mixed-Case/", "2020-01-02T00:00:00+01:00"),
        ("_posts/2020-01-03-html-ext.html", _fm(title="x"), "/html-ext/", "2020-01-03T00:00:00+01:00"),
        ("_notes/Foo Bar.md", _fm(title="x"), "/notes/Foo%20Bar/", None),
        ("_notes/sub/Deep:Note ö.markdown", _fm(title="x"), "/notes/sub/Deep:Note%20%C3%B6/", None),
        ("_notes/page.html", _fm(title="x"), "/notes/page/", None),
    ]),
    # no permalink at all: Jekyll's default style "date"
    "default-permalink": ("""
timezone: CET
collections:
  notes: {output: true}
""", [
        ("_posts/2020-03-25-open-source-verktyg-för-hemmakontoret.md", _fm(title="x"),
         "/2020/03/25/open-source-verktyg-f%C3%B6r-hemmakontoret.html", "2020-03-25T00:00:00+01:00"),
        ("_posts/2020-01-02-cats.md", _fm(title="x", categories="[News, 'Två ord']"),
         "/news/tv%C3%A5%20ord/2020/01/02/cats.html", "2020-01-02T00:00:00+01:00"),
        ("_posts/2020-01-03-html-ext.html", _fm(title="x"), "/2020/01/03/html-ext.html", "2020-01-03T00:00:00+01:00"),
        ("_notes/Foo Bar.md", _fm(title="x"), "/notes/Foo%20Bar.html", None),
        ("_notes/page.html", _fm(title="x"), "/notes/page.html", None),
    ]),
    "pretty": ("""
timezone: CET
permalink: pretty
collections:
  notes: {output: true}
""", [
        ("_posts/2020-03-25-open-source-verktyg-för-hemmakontoret.md", _fm(title="x"),
         "/2020/03/25/open-source-verktyg-f%C3%B6r-hemmakontoret/", "2020-03-25T00:00:00+01:00"),
        ("_notes/Foo Bar.md", _fm(title="x"), "/notes/Foo%20Bar/", None),
    ]),
}

SYNTHETIC_CASES = [
    pytest.param(site, path, url, id=f"{site}:{path}")
    for site, (_, cases) in SYNTHETIC.items()
    for path, _, url, _ in cases
    if _compared(path)
]
SYNTHETIC_DATES = [
    pytest.param(site, path, date, id=f"{site}:{path}")
    for site, (_, cases) in SYNTHETIC.items()
    for path, _, _, date in cases
    if date is not None
]


def _write_site(root: Path, config: str, cases) -> Path:
    (root / "_config.yml").parent.mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(textwrap.dedent(config).lstrip(), encoding="utf-8")
    (root / "index.md").write_text(_fm(title="Home"), encoding="utf-8")
    for path, text, _, _ in cases:
        p = root / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def synthetic_sites(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("synthetic")
    return {name: _write_site(base / name, config, cases) for name, (config, cases) in SYNTHETIC.items()}


@pytest.fixture(scope="module")
def synthetic_kg(synthetic_sites) -> dict[str, dict[str, object]]:
    return {name: _kg_docs(root) for name, root in synthetic_sites.items()}


@pytest.mark.parametrize(("site", "path", "url"), SYNTHETIC_CASES)
def test_synthetic_url(site: str, path: str, url: str | None, synthetic_kg) -> None:
    kg = {p: d.url_path for p, d in synthetic_kg[site].items()}
    _check(path, {path: url}, kg)


def test_synthetic_no_extra_documents(synthetic_kg) -> None:
    for site, (_, cases) in SYNTHETIC.items():
        known = {path for path, _, _, _ in cases}
        extra = {
            p: d.url_path for p, d in synthetic_kg[site].items()
            if _compared(p) and p not in known and d.url_path is not None
        }
        assert not extra, f"{site}: kg gives URLs to files that are not in the site: {extra}"


@pytest.mark.parametrize(("site", "path", "date"), SYNTHETIC_DATES)
def test_synthetic_post_date(site: str, path: str, date: str, synthetic_kg) -> None:
    """``Document.date`` is the instant Jekyll uses (``page.date``). An aware
    datetime must be that instant; a naive one the site-local (``timezone:``)
    wall-clock time; a plain date the local calendar date."""
    want = dt.datetime.fromisoformat(date)
    doc = synthetic_kg[site].get(path)
    assert doc is not None, f"{path}: not reported by kg"
    got = doc.date
    if isinstance(got, dt.datetime) and got.tzinfo is not None:
        ok = got == want
    elif isinstance(got, dt.datetime):
        ok = got == want.replace(tzinfo=None)
    elif isinstance(got, dt.date):
        ok = got == want.date()
    else:
        ok = False
    assert ok, f"{path}: Jekyll's page.date is {date}, kg has {got!r}"


@pytest.mark.parametrize("site", list(SYNTHETIC))
def test_synthetic_table_matches_jekyll(site: str, synthetic_sites, tmp_path) -> None:
    """The table above is what this Jekyll does (guards against a Jekyll upgrade)."""
    if not have_jekyll():
        pytest.skip(NO_JEKYLL)
    _, cases = SYNTHETIC[site]
    docs = jekyll_documents(synthetic_sites[site], tmp_path)
    wrong = []
    for path, _, url, date in cases:
        if path.startswith("_drafts/"):
            assert path not in docs
            continue
        doc = docs.get(path)
        got_url = doc.url_path if doc else None
        got_date = doc.date if doc and date is not None else None
        if (got_url, got_date) != (url, date):
            wrong.append(f"{path}: table says {url!r} {date}, Jekyll gives {got_url!r} {got_date}")
    assert not wrong, "\n".join(wrong)
