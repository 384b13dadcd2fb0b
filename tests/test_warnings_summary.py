"""Warnings a person can read: one screen on the terminal however big the site, every detail in
``build-report.json``, and ``--strict`` counting them all. And ``kg build --explain``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.terminal import PER_KIND


def run(*args: str):
    return CliRunner().invoke(main, ["build", *args])


@pytest.fixture
def in_tmp(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def posts(count: int, front: str) -> dict[str, str]:
    return {f"_posts/2021-01-{day:02d}-p{day}.md": f"---\ntitle: P{day}\n{front.format(day=day)}\n---\nText.\n"
            for day in range(1, count + 1)}


def report(folder: Path) -> dict:
    return json.loads((folder / "build-report.json").read_text(encoding="utf-8"))


def test_an_unknown_key_is_one_line_per_key_and_collection_with_its_count_and_first_file(make_site, in_tmp):
    """``role`` on 21 posts: one terminal line naming the first file and line and the count; the report
    holds all 21 warnings and the summary; ``--strict`` counts 21."""
    make_site(in_tmp / "site", posts(21, "rank: {day}"))
    result = run("site", "--out", "out", "--strict")
    lines = [line for line in result.stderr.splitlines() if "[unknown-key]" in line]
    assert lines == ["_posts/2021-01-01-p1.md:3: warning [unknown-key] unknown key 'rank': not mapped, "
                     "in 21 documents of _posts (this is the first)"]
    assert result.exit_code == 1 and "21 warning(s)" in result.stderr
    built = report(in_tmp / "out")
    assert len([w for w in built["warnings"] if w["kind"] == "unknown-key"]) == 21
    assert built["unknown_keys"] == [{"collection": "posts", "folder": "_posts", "key": "rank", "documents": 21,
                                      "first": {"file": "_posts/2021-01-01-p1.md", "line": 3},
                                      "suggestion": None}]


def test_many_unknown_keys_show_the_most_common_first_and_say_how_many_more(make_site, in_tmp):
    files = posts(3, "shared: 1\nown_{day}: x")
    files.update({f"_clients/c{i}.md": f"---\ntitle: C{i}\nproj_{i}: x\n---\n" for i in range(6)})
    make_site(in_tmp / "site", files)
    err = run("site", "--out", "out", "-q").stderr.splitlines()
    unknown = [line for line in err if "unknown" in line]
    assert len(unknown) == PER_KIND + 1
    assert "'shared'" in unknown[0] and "in 3 documents of _posts" in unknown[0]
    keys = 1 + 3 + 6  # shared, own_1..3, proj_0..5
    more = keys - PER_KIND
    assert unknown[-1] == f"… and {more} more unknown keys ({more} warnings); see out/build-report.json"


@pytest.mark.parametrize("key", ["short_title", "comments", "light_image", "hero", "header", "sidebar", "toc",
                                 "classes", "nav", "show_date", "share", "related", "author_profile", "read_time",
                                 "og_image", "feature_image", "cover", "color", "background", "subtitle", "teaser",
                                 "cover-img", "thumbnail-img", "giscus_comments", "nav_order", "has_children",
                                 "toc_sticky", "overlay_image", "related_posts", "pretty_table"])
def test_layout_keys_of_common_jekyll_themes_are_known_and_quiet(make_site, in_tmp, key):
    make_site(in_tmp / "site", posts(1, f"{key}: x"))
    result = run("site", "--out", "out", "--strict")
    assert result.exit_code == 0, result.stderr


def test_each_kind_of_warning_shows_its_first_lines_then_how_many_more(make_site, in_tmp):
    """Twelve dangling references: the first five, then "… and 7 more"; errors come before warnings."""
    files = posts(12, "clients: [_clients/missing-{day}.md]")
    files["_clients/broken.md"] = "---\ntitle: [unclosed\n---\n"
    make_site(in_tmp / "site", files)
    result = run("site", "--out", "out", "-q")
    err = result.stderr.splitlines()
    assert err[0].startswith("_clients/broken.md:") and "error [yaml-error]" in err[0]
    dangling = [line for line in err if "[dangling-reference]" in line]
    assert len(dangling) == PER_KIND + 1
    assert dangling[-1] == f"… and {12 - PER_KIND} more [dangling-reference]; see out/build-report.json"
    assert len([w for w in report(in_tmp / "out")["warnings"] if w["kind"] == "dangling-reference"]) == 12


def test_a_big_site_still_prints_one_screen(make_site, in_tmp):
    """56 posts, half with an unknown key of their own and a dangling reference, half with the same
    unknown key: 84 warnings, under 30 lines."""
    same = {f"_posts/2022-02-{d:02d}-q.md": "---\ntitle: Q\ny: [1]\n---\n" for d in range(1, 29)}
    make_site(in_tmp / "site", {**posts(28, "x_{day}: 1\nclients: [_clients/n{day}.md]"), **same})
    result = run("site", "--out", "out", "-q")
    assert len(result.stderr.splitlines()) < 30


# -- --explain ---------------------------------------------------------------------------------------

SITE = {
    "_config.yml": """\
        title: Open Commons Trust
        url: https://example.org
        lang: en
        collections:
          projects: {output: true, permalink: /projects/:title/}
          team_and_board: {output: false}
        """,
    "_projects/a.md": "---\ntitle: A\ncustomer: Harbour Town Council\nyear: 2020\n---\n",
    "_projects/b.md": "---\ntitle: B\n---\n",
    "_team_and_board/jane.md": "---\ntitle: Jane Doe\nrole: Chair\n---\n",
    "_archive/old.md": "---\ntitle: Old\n---\n",
}


def test_explain_says_for_each_collection_its_class_why_its_keys_and_its_pages(make_site, in_tmp):
    make_site(in_tmp / "site", SITE)
    result = run("site", "--out", "out", "--explain")
    out = result.stdout
    assert "_projects        project      by its name: 'projects' → project; 2 documents" in out
    assert "read name ← title (2), client ← customer (1), years ← year (1); 2 pages, e.g. " \
           "https://example.org/projects/a/" in out
    assert "_team_and_board  person       by its name: 'team_and_board' → person (team + board); 1 document" in out
    assert "not output: output is not true in _config.yml: Jekyll renders no pages for it" in out
    assert "_archive         not read: 'archive' is not a collection in _config.yml (1 content file)" in out


def test_explain_names_the_sites_own_pages_read_by_jekylls_rules(make_site, in_tmp):
    """Files with front matter outside every _folder are the site's pages: --explain says so (it once
    raised KeyError on them)."""
    make_site(in_tmp / "site", {**SITE, "about.md": "---\ntitle: About us\n---\nWho we are.\n"})
    result = run("site", "--out", "out", "--explain")
    assert result.exit_code == 0, result.output
    assert "(pages)          page         files with front matter outside every _folder: Jekyll's pages; " \
           "1 document" in result.stdout
    assert "1 page, e.g. https://example.org/about.html" in result.stdout
    make_site(in_tmp / "bare", SITE)
    assert "(pages)" not in run("bare", "--out", "out2", "--explain").stdout, "no pages, no line about them"


def test_without_explain_the_collections_are_only_in_the_report(make_site, in_tmp):
    make_site(in_tmp / "site", SITE)
    result = run("site", "--out", "out")
    assert "How the site was read" not in result.stdout
    collections = {c["collection"]: c for c in report(in_tmp / "out")["collections"]}
    assert collections["team_and_board"]["class"] == "person"
    assert collections["archive"]["how"] == "not read"
