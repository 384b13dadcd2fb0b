"""``kg seo`` against a real build: Debian's ``jekyll`` with ``jekyll-seo-tag`` (``ruby-jekyll-seo-tag``).

The fixture site (``tests/seo_site.py``) is built twice with jekyll-seo-tag's
``{% seo %}`` in the layout:

* **include**: ``kg seo --jekyll`` writes ``_includes/kg-jsonld.html`` and
  ``_data/kg_jsonld.json``, the layout includes it, Jekyll embeds the graphs;
* **inject**: the layout has no include; ``kg seo --inject _site --replace-seo-tag``
  puts the graphs into the built pages and takes jekyll-seo-tag's JSON-LD out.

The JSON-LD is read back with ``extruct``, as a crawler would. Each page must carry
exactly what ``kg seo`` emitted — one connected graph whose WebPage ``@id`` is
the URL Jekyll wrote (its ``<link rel="canonical">``) — agreeing with the
knowledge graph, and saying everything jekyll-seo-tag says correctly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import extruct
import html5lib
import pytest
from click.testing import CliRunner

import kg
import kg.seo
import kg.seo.check
from kg.cli import main
from kg.seo.facts import Facts

try:
    from tests.conftest import write_site
    from tests.jekyll_oracle import have_jekyll
    from tests.seo_site import BASE, FILES
    from tests.test_seo import assert_agrees
except ImportError:  # tests/ is not a package: pytest puts tests/ itself on sys.path
    from conftest import write_site
    from jekyll_oracle import have_jekyll
    from seo_site import BASE, FILES
    from test_seo import assert_agrees

HOSTILE_AUTHOR = 'Eve </script><script>alert("x")</script>'
HOSTILE_FILES = {
    "_posts/2024-02-02-hostile.md": f"""\
        ---
        title: "Budget </script <!-- ]]> &amp; more"
        author: '{HOSTILE_AUTHOR}'
        excerpt: "a < b && c > d"
        ---
        Text.
        """,
}
OVERRIDE = "plugins: [jekyll-seo-tag]\nwhitelist: [jekyll-seo-tag]\n"


def _have_seo_tag() -> bool:
    if shutil.which("ruby") is None:
        return False
    proc = subprocess.run(["ruby", "-e", 'require "jekyll-seo-tag"'], check=False, capture_output=True, timeout=60)
    return proc.returncode == 0


pytestmark = pytest.mark.skipif(not (have_jekyll() and _have_seo_tag()),
                                reason="needs Debian's jekyll and ruby-jekyll-seo-tag (apt-get install jekyll "
                                       "ruby-jekyll-seo-tag)")


def jekyll_build(source: Path, dest: Path) -> None:
    override = source.parent / f"{source.name}-override.yml"
    override.write_text(OVERRIDE, encoding="utf-8")
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", JEKYLL_ENV="production", TZ="America/Chicago")
    cmd = ["jekyll", "build", "--safe", "--quiet", "--disable-disk-cache", "--source", str(source),
           "--destination", str(dest), "--config", f"{source / '_config.yml'},{override}"]
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=600, env=env, cwd=source.parent)
    assert proc.returncode == 0, proc.stderr + proc.stdout


def html_file(site: Path, page: kg.seo.Page) -> Path:
    path = unquote(page.path)
    return site / (path.lstrip("/") + "index.html" if path.endswith("/") else path.lstrip("/"))


def json_ld(html: str, url: str) -> list[dict]:
    return extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=False)["json-ld"]


def canonical(html: str) -> str:
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    return next(link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(pages, knowledge graph facts, include-way _site, inject-way _site, jekyll-seo-tag's baseline HTML)."""
    work = tmp_path_factory.mktemp("seo-jekyll")
    files = {**FILES, **HOSTILE_FILES}
    include_src = write_site(work / "include", files)
    result = CliRunner().invoke(main, ["seo", str(include_src), "--jekyll"])
    assert result.exit_code == 0, result.output
    jekyll_build(include_src, work / "include_site")

    layout = files["_layouts/default.html"].replace("    {% include kg-jsonld.html %}\n", "")
    inject_src = write_site(work / "inject", {**files, "_layouts/default.html": layout})
    jekyll_build(inject_src, work / "inject_site")
    baseline = {p.relative_to(work / "inject_site").as_posix(): p.read_text(encoding="utf-8")
                for p in (work / "inject_site").rglob("*.html")}
    result = CliRunner().invoke(main, ["seo", str(inject_src), "--inject", str(work / "inject_site"),
                                       "--replace-seo-tag"])
    assert result.exit_code == 0, result.output
    assert "jekyll-seo-tag's JSON-LD removed from 7" in result.output

    build = kg.build(inject_src)
    return kg.seo.pages(build), Facts(build.graph, "sv"), work / "include_site", work / "inject_site", baseline


def test_every_page_was_built(built):
    pages, _, include_site, inject_site, _ = built
    assert len(pages) == 7
    for page in pages:
        assert html_file(include_site, page).is_file() and html_file(inject_site, page).is_file(), page.url


def test_include_way_embeds_exactly_what_kg_seo_emitted(built):
    """Beside jekyll-seo-tag's flat object, each page holds our graph, equal to ``kg seo``'s document."""
    pages, _, include_site, _, _ = built
    for page in pages:
        if page.url.endswith("/hostile/"):
            continue  # jekyll-seo-tag's block there does not parse, and extruct gives up on the page (see below)
        html = html_file(include_site, page).read_text(encoding="utf-8")
        found = json_ld(html, page.url)
        ours = [d for d in found if "@graph" in d]
        assert ours == [page.document], page.url
        assert len(found) == 2


def test_replace_seo_tag_after_the_include_way_keeps_our_script(built, tmp_path):
    """Way 2 plus ``--inject --replace-seo-tag``: our script is already there (unchanged), jekyll-seo-tag's
    JSON-LD goes, and a crawler finds only ours."""
    pages, _, include_site, _, _ = built
    site = shutil.copytree(include_site, tmp_path / "_site")
    source = include_site.parent / "include"
    result = CliRunner().invoke(main, ["seo", str(source), "--inject", str(site), "--replace-seo-tag"])
    assert result.exit_code == 0, result.output
    assert "added to 0 pages, replaced in 0, unchanged in 7; jekyll-seo-tag's JSON-LD removed from 7" in result.output
    for page in pages:
        assert json_ld(html_file(site, page).read_text(encoding="utf-8"), page.url) == [page.document]


def test_inject_way_leaves_one_connected_graph_per_page_with_jekylls_url(built):
    """After ``--inject --replace-seo-tag`` a crawler finds one JSON-LD block: ours. Its WebPage @id is
    the canonical URL Jekyll wrote, and its triples agree with the knowledge graph."""
    pages, facts, _, inject_site, _ = built
    for page in pages:
        html = html_file(inject_site, page).read_text(encoding="utf-8")
        found = json_ld(html, page.url)
        assert found == [page.document], page.url
        webpages = [n for n in page.document["@graph"] if "WebPage" in json.dumps(n.get("@type"))]
        assert [n["@id"] for n in webpages] == [canonical(html)] == [page.url]
        assert_agrees(facts, page.url, found[0])


def test_a_hostile_author_breaks_jekyll_seo_tag_but_not_ours(built):
    """jekyll-seo-tag writes the author's ``</script>`` raw, so its JSON-LD ends early; ours, escaped,
    parses back whole, and the post's strings are plain text."""
    pages, _, include_site, _, _ = built
    page = next(p for p in pages if p.url == f"{BASE}/news/hostile/")
    html = html_file(include_site, page).read_text(encoding="utf-8")
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    scripts = [s for s in tree.iter("script") if s.get("type") == "application/ld+json"]
    ours = [s for s in scripts if s.get("data-generator") == "kg"]
    assert len(ours) == 1 and json.loads(ours[0].text) == page.document
    theirs = [s for s in scripts if s.get("data-generator") != "kg"]
    with pytest.raises(json.JSONDecodeError):
        json.loads(theirs[0].text)
    post = next(n for n in page.document["@graph"] if n["@id"] == page.url)
    assert post["headline"] == "Budget </script <!-- ]]> & more"


# -- what jekyll-seo-tag says, and whether we say it too ---------------------------------------------


def seo_tag_facts(document: dict) -> dict[str, object]:
    """jekyll-seo-tag's flat object as (fact → value)."""
    facts = {}
    for key in ("headline", "description", "url", "name", "datePublished", "dateModified", "image"):
        if key in document:
            facts[key] = document[key]
    if "sameAs" in document:
        facts["sameAs"] = sorted(document["sameAs"])
    if "publisher" in document:
        facts["publisher.name"] = document["publisher"].get("name")
        facts["publisher.logo"] = document["publisher"]["logo"]["url"]
    if "author" in document:
        facts["author.name"] = document["author"]["name"]
    if "mainEntityOfPage" in document:
        facts["page"] = document["mainEntityOfPage"]["@id"]
    return facts


def test_we_say_everything_jekyll_seo_tag_says_correctly(built):
    """For every page, each fact of jekyll-seo-tag's JSON-LD is in our graph, except what it gets wrong:
    a "BlogPosting" with the build time as its dates on pages that are no posts (projects, themes),
    an organisation as a "Person" author, a date-only post shifted to midnight in some zone, and
    HTML entities in strings (we decode them)."""
    pages, _, _, _, baseline = built
    for page in pages:
        rel = html_file(Path("."), page).as_posix()
        if page.url.endswith("/hostile/"):
            continue  # jekyll-seo-tag's JSON-LD does not parse there (see above)
        html = baseline[rel]
        found = [d for d in json_ld(html, page.url) if "@graph" not in d]
        if page.url.endswith("/hostile/"):
            continue  # jekyll-seo-tag's JSON-LD does not parse there (see above)
        assert len(found) == 1, page.url
        theirs = seo_tag_facts(found[0])
        nodes = {n["@id"]: n for n in page.document["@graph"]}
        me = nodes[page.url]
        site = nodes[me["isPartOf"]["@id"]]
        org = nodes[site["publisher"]["@id"]]
        is_post = "NewsArticle" in me["@type"]
        main = nodes.get(me.get("mainEntity", {}).get("@id", ""), {})
        for fact, value in theirs.items():
            if fact in ("datePublished", "dateModified") and not is_post:
                assert "date" not in json.dumps(found[0].get("@type")).lower()  # their build-time date: wrong
                continue
            if fact == "datePublished":
                assert me["datePublished"] == value or value.startswith(me["datePublished"] + "T00:00:00")
            elif fact == "dateModified":
                assert me["dateModified"] == value or value.startswith(me["dateModified"] + "T00:00:00")
            elif fact in ("url", "page"):
                assert value == page.url == me["url"]
            elif fact == "headline":
                assert value in (me.get("headline"), me.get("name"), main.get("name"), site["name"])
            elif fact == "description":
                assert value in (me.get("description"), site.get("description")), (page.url, value)
            elif fact == "name":
                assert value in (site["name"], org["name"])
            elif fact == "image":
                assert {"@id": value if isinstance(value, str) else value["url"]} == me["image"]
            elif fact == "sameAs":
                assert set(value) <= set(as_list(org["sameAs"]))
            elif fact == "publisher.name":
                assert value == org["name"]
            elif fact == "publisher.logo":
                assert org["logo"] == {"@id": value}
            elif fact == "author.name":
                author = nodes[me["author"]["@id"]] if is_post else org
                assert value == author["name"]  # the same name; we type it as what it is, an Organization


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def test_readme_comparison_counts(built):
    """The counts the README shows for one post: entities and links in each block."""
    pages, _, _, _, baseline = built
    page = next(p for p in pages if p.url == f"{BASE}/news/budget-online/")
    theirs = next(d for d in json_ld(baseline["news/budget-online/index.html"], page.url) if "@graph" not in d)
    ours_entities, ours_links = kg.seo.check.count_entities_and_links(page.document)
    their_entities, their_links = kg.seo.check.count_entities_and_links(theirs)
    # BlogPosting, its author (a Person), publisher, logo and mainEntityOfPage, each linked once from it.
    assert (their_entities, their_links) == (5, 4)
    # WebSite, Organization, the article, Chicago, Decidim, the project, the theme and its set, the
    # breadcrumb list and its two items, two images; links: publisher and logo, the article's isPartOf,
    # author, publisher, image, about, 3 mentions, primaryImageOfPage and breadcrumb, the theme's set,
    # two list items and their two items.
    assert (ours_entities, ours_links) == (13, 17)
