"""The site is a jail: whatever its symlinks say, nothing outside the site folder is listed or opened.

Each test links one level of the site (a collection folder, ``_config.yml``, ``_data``, a
file, a nested folder) to a folder outside holding a secret, and checks three things: a
diagnostic names the link, the build goes on with the rest of the site, and no file or
folder outside was opened or listed at all (every ``open`` and ``scandir`` of the build is
seen through Python's audit hooks; reading is done in this process for that).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.diagnostics import Diagnostics
from kg.load.jail import Jail, NotAFile, OutsideSite

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")

SECRET = "---\ntitle: Hemliga Bolaget AB\nclient: Hemliga Kunden AB\n---\nHemlig text.\n"
SECRET_CONFIG = "url: https://hemlig.example\ntitle: Hemligt\ncollections: {clients: {output: true}}\n"
GOOD = "---\ntitle: Synligt Projekt\nclient: Synliga Kunden AB\n---\nSynlig text.\n"

_seen: list[str] | None = None  # paths opened or listed while a test records them


def _audit(event: str, args: tuple) -> None:
    if _seen is not None and event in ("open", "os.scandir", "os.listdir") and args:
        path = args[0]
        if isinstance(path, (str, bytes, os.PathLike)):
            _seen.append(os.fsdecode(path))


sys.addaudithook(_audit)


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder beside the site: secret content files, a data file and a configuration."""
    folder = tmp_path / "outside"
    for rel, text in {"secret.md": SECRET, "clients/secret.md": SECRET, "2021-01-01-secret.md": SECRET,
                      "projects.yml": "- title: Hemligt Projekt\n  client: Hemliga Kunden AB\n",
                      "config.yml": SECRET_CONFIG}.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    (folder / "posts").mkdir()
    (folder / "posts" / "2021-01-01-secret.md").write_text(SECRET, encoding="utf-8")
    return folder


@pytest.fixture
def site(make_site, tmp_path) -> Path:
    return make_site(tmp_path / "site", {"_clients/synlig.md": GOOD, "_themes/tema.md": "---\ntitle: Tema\n---\n"})


@pytest.fixture
def recorded() -> Iterator[list[str]]:
    """Every path the code under test opens or lists."""
    global _seen
    _seen = []
    try:
        yield _seen
    finally:
        _seen = None


def build(site: Path, recorded: list[str]) -> kg.BuildResult:
    recorded.clear()
    return kg.build(site, workers=1)


def touched_outside(recorded: list[str], outside: Path) -> list[str]:
    real = os.path.realpath(outside)
    return [p for p in recorded if os.path.realpath(p) == real or os.path.realpath(p).startswith(real + os.sep)]


def found(result: kg.BuildResult, *kinds: str) -> set[tuple[str, str]]:
    return {(d.file, d.kind) for d in result.diagnostics if d.kind in kinds}


def link(at: Path, to: Path | str) -> None:
    at.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(to, at)


def text_of(result: kg.BuildResult) -> str:
    return "".join(result.graph.ntriples_lines())


def assert_jailed(result: kg.BuildResult, recorded: list[str], outside: Path) -> None:
    """Nothing outside was opened or listed, nothing of it is in the graph, and the site was still built."""
    assert touched_outside(recorded, outside) == []
    assert "Hemlig" not in text_of(result)
    assert "Synligt Projekt" in text_of(result)
    assert "_clients/synlig.md" in {d.path for d in result.site.documents}


# -- each level of the site --------------------------------------------------------------------------


def test_a_collection_folder_linked_outside_is_named_and_not_listed(site, outside, recorded):
    link(site / "_crew", outside / "clients")
    result = build(site, recorded)
    assert found(result, "outside-site") == {("_crew", "outside-site")}
    assert_jailed(result, recorded, outside)


def test_the_posts_folder_linked_outside_is_not_listed(site, outside, recorded):
    link(site / "_posts", outside / "posts")
    result = build(site, recorded)
    assert found(result, "outside-site") == {("_posts", "outside-site")}
    assert not [d for d in result.site.documents if d.collection == "posts"]
    assert_jailed(result, recorded, outside)


def test_a_nested_posts_folder_linked_outside_is_not_listed(site, outside, recorded):
    link(site / "en" / "_posts", outside / "posts")
    result = build(site, recorded)
    assert found(result, "outside-site") == {("en/_posts", "outside-site")}
    assert_jailed(result, recorded, outside)


def test_a_configured_collection_linked_outside_is_not_listed(make_site, tmp_path, outside, recorded):
    site = make_site(tmp_path / "site", {
        "_config.yml": "url: https://example.org\ncollections:\n  events: {output: true}\n  clients: {output: true}\n",
        "_clients/synlig.md": GOOD})
    link(site / "_events", outside / "clients")
    result = build(site, recorded)
    assert found(result, "outside-site") == {("_events", "outside-site")}
    assert_jailed(result, recorded, outside)


def test_the_configuration_linked_outside_is_not_parsed(site, outside, recorded):
    (site / "_config.yml").unlink()
    link(site / "_config.yml", outside / "config.yml")
    result = build(site, recorded)
    assert found(result, "outside-site", "no-config") == {("_config.yml", "outside-site")}
    assert result.site.config.url == "http://localhost:4000"  # Jekyll's default, not the outside file's
    assert "hemlig.example" not in text_of(result)
    assert_jailed(result, recorded, outside)


def test_the_data_folder_linked_outside_is_not_listed(site, outside, recorded):
    link(site / "_data", outside)
    result = build(site, recorded)
    assert found(result, "outside-site") == {("_data", "outside-site")}
    assert result.site.data == {}
    assert_jailed(result, recorded, outside)


def test_a_data_file_linked_outside_is_not_read(site, outside, recorded):
    link(site / "_data" / "projects.yml", outside / "projects.yml")
    (site / "_data" / "kg").mkdir()
    link(site / "_data" / "kg" / "mapping.yml", outside / "config.yml")
    result = build(site, recorded)
    assert found(result, "outside-site") == {("_data/projects.yml", "outside-site"),
                                             ("_data/kg/mapping.yml", "outside-site")}
    assert result.site.data == {} and result.site.records == []
    assert_jailed(result, recorded, outside)


def test_a_file_linked_outside_is_not_opened(site, outside, recorded):
    link(site / "_clients" / "leak.md", outside / "secret.md")
    link(site / "_clients" / "sub" / "leak.md", "../../../outside/secret.md")  # relative, one level down
    result = build(site, recorded)
    assert found(result, "outside-site") == {("_clients/leak.md", "outside-site"),
                                             ("_clients/sub/leak.md", "outside-site")}
    assert_jailed(result, recorded, outside)


def test_a_nested_folder_linked_outside_is_not_listed(site, outside, recorded):
    link(site / "_clients" / "a" / "b" / "deep", outside / "clients")
    link(site / "_clients" / "a" / "up", "../../..")  # the folder holding the site: outside it
    result = build(site, recorded)
    assert found(result, "outside-site") == {("_clients/a/b/deep", "outside-site"),
                                             ("_clients/a/up", "outside-site")}
    assert_jailed(result, recorded, outside)


def test_an_unread_folder_linked_outside_is_not_listed(site, outside, recorded):
    """A ``_folder`` kg does not read (no collection) is still looked into for content files: not outside."""
    link(site / "_archive", outside / "clients")
    result = build(site, recorded)
    assert_jailed(result, recorded, outside)


def test_the_diagnostic_does_not_say_where_outside_a_link_points(site, outside, recorded):
    """The build report may be published: it names the link, never the private path it leads to."""
    link(site / "_clients" / "leak.md", outside / "secret.md")
    result = build(site, recorded)
    (diagnostic,) = [d for d in result.diagnostics if d.kind == "outside-site"]
    assert str(outside) not in diagnostic.message and "outside/" not in diagnostic.message


# -- loops and links inside the site -------------------------------------------------------------------


def test_a_symlink_loop_is_a_warning_naming_it_and_the_build_goes_on(site, outside, recorded):
    link(site / "_clients" / "loop", ".")
    link(site / "_clients" / "sub" / "up", "..")
    link(site / "_clients" / "sub" / "top", "../../..")  # the folder above the site: outside, not a loop here
    link(site / "_data" / "again", ".")
    result = build(site, recorded)
    assert found(result, "symlink-loop") == {("_clients/loop", "symlink-loop"), ("_clients/sub/up", "symlink-loop"),
                                             ("_data/again", "symlink-loop")}
    assert_jailed(result, recorded, outside)
    assert not any("loop/loop" in d.file or "loop/loop" in d.message for d in result.diagnostics)


def test_a_loop_through_two_links_is_stopped(site, outside, recorded):
    link(site / "_clients" / "to-themes", "../_themes")
    link(site / "_themes" / "to-clients", "../_clients")
    result = build(site, recorded)
    assert ("_clients/to-themes/to-clients", "symlink-loop") in found(result, "symlink-loop")
    assert ("_themes/to-clients/to-themes", "symlink-loop") in found(result, "symlink-loop")
    assert_jailed(result, recorded, outside)


def test_the_command_reports_a_loop_and_exits_0(site, tmp_path):
    link(site / "_clients" / "loop", ".")
    result = CliRunner().invoke(main, ["build", str(site), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert "_clients/loop" in result.stderr and "symlink-loop" in result.stderr
    assert "cannot write" not in result.output
    assert (tmp_path / "out" / "graph.nt").is_file()


def test_a_folder_linked_inside_the_site_is_read_once(site, make_site, recorded):
    """A link to a folder elsewhere in the site is followed; a second link to it, or a link to a folder the
    walk reads anyway, is not (each file is read once)."""
    make_site(site, {"shared/delad.md": "---\ntitle: Delat Projekt\nclient: Delade Kunden AB\n---\n",
                     "_clients/sub/inner.md": "---\ntitle: Inre\n---\n"})
    link(site / "_clients" / "more", "../shared")
    link(site / "_clients" / "zz-again", "../shared")
    link(site / "_clients" / "alias", "sub")
    result = build(site, recorded)
    paths = sorted(d.path for d in result.site.documents if d.collection == "clients")
    assert paths == ["_clients/more/delad.md", "_clients/sub/inner.md", "_clients/synlig.md"]
    assert found(result, "symlink-duplicate") == {("_clients/zz-again", "symlink-duplicate"),
                                                  ("_clients/alias", "symlink-duplicate")}
    opened = [p for p in recorded if p.endswith("delad.md")]
    assert len(opened) == 1
    assert "Delat Projekt" in text_of(result)


def test_a_file_linked_inside_the_site_is_a_document_as_in_jekyll(site, recorded):
    link(site / "_clients" / "alias.md", "synlig.md")
    link(site / "_themes" / "fran-kunder.md", "../_clients/synlig.md")
    result = build(site, recorded)
    assert {"_clients/alias.md", "_themes/fran-kunder.md"} <= {d.path for d in result.site.documents}
    assert not found(result, "outside-site", "symlink-loop", "symlink-duplicate")


def test_a_site_reached_through_a_symlink_is_read_whole(site, tmp_path, recorded):
    link(tmp_path / "via", site)
    link(site / "_clients" / "more", "../_themes")
    result = build(tmp_path / "via", recorded)
    assert {"_clients/synlig.md", "_clients/more/tema.md", "_themes/tema.md"} <= {
        d.path for d in result.site.documents}
    assert not found(result, "outside-site")


def test_the_configuration_is_read_once(make_site, tmp_path, recorded):
    """Settings, the mapping under ``kg:`` and the line a message names all come from one reading."""
    site = make_site(tmp_path / "site", {
        "_config.yml": "url: https://example.org\ncollections:\n  clients: {output: true}\n"
                       "kg:\n  collections:\n    projects: {class: project}\n",
        "_clients/synlig.md": GOOD, "_projects/p.md": "---\ntitle: P\nclient: Synliga Kunden AB\n---\n"})
    result = build(site, recorded)
    assert found(result, "unconfigured-collection") == {("_projects", "unconfigured-collection")}
    assert "line 2" in next(d.message for d in result.diagnostics if d.kind == "unconfigured-collection")
    assert len([p for p in recorded if p.endswith("_config.yml")]) == 1


# -- a link swapped in after the listing -----------------------------------------------------------------


def test_a_file_swapped_for_a_link_after_the_listing_is_refused(site, outside):
    jail = Jail(site)
    assert "_clients/synlig.md" in jail.walk("_clients", Diagnostics())
    (site / "_clients" / "synlig.md").unlink()
    link(site / "_clients" / "synlig.md", outside / "secret.md")
    with pytest.raises(OutsideSite):
        jail.open("_clients/synlig.md")


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to see where an open file is")
def test_a_folder_swapped_for_a_link_after_the_listing_is_refused(site, outside, make_site):
    make_site(site, {"_clients/sub/secret.md": GOOD})
    jail = Jail(site)
    assert "_clients/sub/secret.md" in jail.walk("_clients", Diagnostics())
    (site / "_clients" / "sub" / "secret.md").unlink()
    (site / "_clients" / "sub").rmdir()
    link(site / "_clients" / "sub", outside)
    with pytest.raises(OutsideSite):
        jail.open("_clients/sub/secret.md")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_pipe_named_like_the_configuration_is_not_waited_for(site, recorded):
    (site / "_config.yml").unlink()
    os.mkfifo(site / "_config.yml")
    result = build(site, recorded)
    assert found(result, "unreadable") == {("_config.yml", "unreadable")}
    with pytest.raises(NotAFile):
        Jail(site).open("_config.yml")
