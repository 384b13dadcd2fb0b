"""The site's pages (``about.md``, ``en/contact.html``: files with front matter outside every
``_folder``) are read as Jekyll renders them: at Jekyll's URL, and what they say counts."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from namespaces import SCHEMA
from rdflib import URIRef

import kg

CONFIG = "title: Open Harbour\nurl: https://openharbour.example\nlang: en\n"
PAGES = {
    "about.md": "---\ntitle: About us\n---\nWe work with the City of Rotterdam and Stichting Buurtkracht.\n",
    "en/contact.html": "---\ntitle: Contact\n---\n<p>Write to us.</p>\n",
    "index.md": "---\nlayout: home\n---\nWelcome.\n",
    "docs/guide.markdown": "---\ntitle: Guide\n---\nHow we work.\n",
    "README.md": "# Open Harbour\n\nThe site's source (no front matter: a static file).\n",
    "node_modules/pkg/readme.md": "---\ntitle: not ours\n---\n",
    "drafts-area/notes.md": "---\ntitle: Notes\n---\nExcluded.\n",
}


def urls(result: kg.BuildResult) -> dict[str, str | None]:
    return {d.path: d.url_path for d in result.site.documents if d.collection == "pages"}


def test_pages_outside_every_folder_are_read_at_jekylls_urls(make_site, tmp_path):
    site = make_site(tmp_path, {"_config.yml": CONFIG + "exclude: [drafts-area]\n", **PAGES})
    result = kg.build(site)
    assert urls(result) == {"about.md": "/about.html", "docs/guide.markdown": "/docs/guide.html",
                            "en/contact.html": "/en/contact.html", "index.md": "/"}
    assert not [d for d in result.diagnostics if d.file in ("README.md", "_pages", ".")], \
        "a static file, and the pages themselves, are nothing to warn about"


def test_a_pretty_permalink_style_gives_pages_folder_urls_and_a_pages_own_permalink_wins(make_site, tmp_path):
    site = make_site(tmp_path, {"_config.yml": CONFIG + "permalink: pretty\n",
                                "about.md": PAGES["about.md"],
                                "team.md": "---\ntitle: Team\npermalink: /people/\n---\nUs.\n"})
    assert urls(kg.build(site)) == {"about.md": "/about/", "team.md": "/people/"}


def test_what_a_page_says_counts_as_mentions_in_its_own_named_graph(make_site, tmp_path):
    site = make_site(tmp_path, {"_config.yml": CONFIG, "about.md": PAGES["about.md"]})
    result = kg.build(site)
    page = URIRef("https://openharbour.example/about.html")
    graph = result.graph.graph()
    mentioned = {str(o) for o in graph.objects(page, SCHEMA.mentions)}
    assert any("rotterdam" in m for m in mentioned) and any("buurtkracht" in m for m in mentioned)
    source = "https://openharbour.example/kg/source/about.md"
    assert any(line.endswith(f"<{source}> .\n") and "/about.html> <http://schema.org/mentions>" in line
               for line in result.graph.nquads_lines())


def test_a_mapping_can_ignore_the_sites_pages(make_site, tmp_path):
    site = make_site(tmp_path, {"_config.yml": CONFIG + "kg:\n  collections:\n    pages: {class: ignore}\n",
                                "about.md": PAGES["about.md"]})
    assert urls(kg.build(site)) == {}


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed (apt-get install jekyll)")
@pytest.mark.parametrize("style", ["date", "pretty"])
def test_page_urls_are_the_files_jekyll_writes(make_site, tmp_path, style):
    files = {k: v for k, v in PAGES.items() if not k.startswith(("node_modules", "drafts-area"))}
    files["index.md"] = "---\ntitle: Home\n---\nWelcome.\n"  # no layout: Jekyll needs none to write it
    files["_pages/cv.md"] = "---\ntitle: CV\n---\nWhat we did.\n"
    files["_pages/story.md"] = "---\ntitle: Story\npermalink: /story/\n---\nHow we began.\n"
    site = make_site(tmp_path / "src", {"_config.yml": CONFIG + f"permalink: {style}\ninclude: [_pages]\n", **files})
    out = tmp_path / "_site"
    subprocess.run(["jekyll", "build", "--safe", "--quiet", "--disable-disk-cache", "--source", str(site),
                    "--destination", str(out)], check=True, capture_output=True, timeout=300,
                   env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    found = urls(kg.build(site))
    assert {"_pages/cv.md", "_pages/story.md", "about.md"} <= set(found)
    for path, url in found.items():
        assert url is not None
        written = out / (url.lstrip("/") + ("index.html" if url.endswith("/") else ""))
        assert written.is_file(), f"{path}: kg says {url}, Jekyll wrote no {written.relative_to(out)}"


COLLECTIONS_DIR = {
    "_config.yml": CONFIG + "collections_dir: my_collections\ncollections:\n  clients: {output: true}\n",
    "my_collections/_clients/harbour.md": "---\ntitle: Harbour\nclient: Gemeente Rotterdam\n---\n",
    "my_collections/_posts/2023-05-01-news.md": "---\ntitle: News\nclients: [_clients/harbour.md]\n---\nOn Decidim.\n",
    "about.md": "---\ntitle: About\n---\nUs.\n",
}


def test_collections_in_a_collections_dir_are_read_and_references_from_inside_it_resolve(make_site, tmp_path):
    result = kg.build(make_site(tmp_path, COLLECTIONS_DIR))
    docs = {d.path: d.url_path for d in result.site.documents}
    assert docs == {"my_collections/_clients/harbour.md": "/clients/harbour.html",
                    "my_collections/_posts/2023-05-01-news.md": "/2023/05/01/news.html", "about.md": "/about.html"}
    assert not [d for d in result.diagnostics if d.kind in ("dangling-reference", "unread-folder", "bad-config")]
    graph = result.graph.graph()
    project = URIRef("https://openharbour.example/kg/project/harbour")
    assert (URIRef("https://openharbour.example/2023/05/01/news.html"), SCHEMA.mentions, project) in graph


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed (apt-get install jekyll)")
def test_collections_dir_urls_are_the_files_jekyll_writes(make_site, tmp_path):
    site = make_site(tmp_path / "src", COLLECTIONS_DIR)
    out = tmp_path / "_site"
    subprocess.run(["jekyll", "build", "--safe", "--quiet", "--disable-disk-cache", "--source", str(site),
                    "--destination", str(out)], check=True, capture_output=True, timeout=300,
                   env={"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    for doc in kg.build(site).site.documents:
        url = doc.url_path or ""
        written = out / (url.lstrip("/") + ("index.html" if url.endswith("/") else ""))
        assert written.is_file(), f"{doc.path}: kg says {url}, Jekyll wrote no {written.relative_to(out)}"
