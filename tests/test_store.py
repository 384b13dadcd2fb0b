"""``kg build --store``: an on-disk Oxigraph store beside the graph files, switched in with them, and
``kg query`` opening it at once — or refusing it, in one line, when it is not the store of those files.

Each test builds the query test site (:mod:`query_site`) with the real command (click's ``CliRunner``,
or a subprocess where a build is killed) and reads the store with pyoxigraph.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_site
from pyoxigraph import RdfFormat, Store
from query_site import SITE_FILES

import kg
import kg.export.atomic
from kg.cli import main
from kg.export.store import MANIFEST, STORE, StoreError, check
from kg.query import open_store, run
from kg.query.bundled import bundled_queries
from kg.query.sources import load_graph_files

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = "SELECT ?p WHERE { ?p a <http://schema.org/Project> } ORDER BY ?p"


def kg_cli(*args: str):
    return CliRunner().invoke(main, [*args])


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", SITE_FILES)


@pytest.fixture
def out(site: Path, tmp_path: Path) -> Path:
    """The site built with ``--store`` into ``tmp_path/out``."""
    result = kg_cli("build", str(site), "--out", str(tmp_path / "out"), "--store", "-q")
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def all_quads(store: Store) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


def answers(store: Store) -> dict[str, list]:
    """Every bundled query's rows (parameters: each one's example), sorted."""
    out = {}
    for name, bundled in bundled_queries().items():
        params = {p.name: p.example for p in bundled.params if p.default is None}
        result = run(store, bundled.text, params, bundled=bundled)
        out[name] = sorted(map(str, result.solutions))
    return out


def error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


# -- what kg build writes ---------------------------------------------------------------------------
def test_the_store_holds_what_the_graph_files_hold_and_answers_every_bundled_query_alike(out: Path) -> None:
    on_disk = Store.read_only(str(out / STORE))
    in_memory = load_graph_files([out / "graph.nq", out / "graph.nt"])
    assert all_quads(on_disk) == all_quads(in_memory)
    assert answers(on_disk) == answers(in_memory)
    assert any(rows for rows in answers(on_disk).values())


def test_the_store_is_an_output_like_the_files_a_link_through_current(out: Path) -> None:
    assert os.readlink(out / STORE) == ".kg/current/store"
    assert (out / ".kg" / "current" / STORE / MANIFEST).is_file()
    report = json.loads((out / "build-report.json").read_text())
    manifest = json.loads((out / STORE / MANIFEST).read_text())
    assert (manifest["kg"], manifest["triples"], manifest["quads"]) == (kg.__version__, report["triples"],
                                                                        report["quads"])
    graph = kg.build(out.parent / "site").graph
    assert manifest["classes"] == graph.class_counts()


def test_the_python_api_writes_the_store_with_store_true(site: Path, tmp_path: Path) -> None:
    result = kg.build(site, tmp_path / "api", store=True)
    assert result.files[STORE] == tmp_path / "api" / STORE
    assert check(tmp_path / "api" / STORE).triples == len(result.graph)


def test_a_store_without_an_output_folder_is_a_usage_error(site: Path) -> None:
    with pytest.raises(kg.errors.UsageError, match="out="):
        kg.build(site, store=True)


def test_a_build_without_store_takes_the_previous_builds_store_away(out: Path, site: Path) -> None:
    assert kg_cli("build", str(site), "--out", str(out), "-q").exit_code == 0
    assert not os.path.lexists(out / STORE)
    assert len(os.listdir(out / ".kg" / "builds")) == 1
    assert kg_cli("build", str(site), "--out", str(out), "--store", "-q").exit_code == 0
    assert check(out / STORE).kg == kg.__version__


def test_kg_build_over_a_stale_store_writes_a_fresh_one(out: Path, site: Path) -> None:
    manifest = out / STORE / MANIFEST
    manifest.write_text(manifest.read_text().replace(f'"kg": "{kg.__version__}"', '"kg": "0.0.1"'))
    with pytest.raises(StoreError):
        check(out / STORE)
    assert kg_cli("build", str(site), "--out", str(out), "--store", "-q").exit_code == 0
    assert check(out / STORE).kg == kg.__version__


def test_without_links_the_store_is_a_folder_renamed_in_and_replaced_whole(site: Path, tmp_path: Path,
                                                                           monkeypatch) -> None:
    """Where symlinks cannot be made (FAT, some Windows setups) the outputs are renamed into place."""
    monkeypatch.setattr(kg.export.atomic, "_links_work", lambda state: False)
    target = tmp_path / "plain"
    kg.build(site, target, store=True)
    first = (target / STORE / "IDENTITY").read_text()
    kg.build(site, target, store=True)
    assert not (target / STORE).is_symlink() and (target / STORE).is_dir()
    assert (target / STORE / "IDENTITY").read_text() != first  # a new store, not the old one patched
    assert check(target / STORE).triples > 0
    assert [name for name in os.listdir(target) if name.startswith(".kg-tmp")] == []
    assert all_quads(Store.read_only(str(target / STORE))) == all_quads(load_graph_files([target / "graph.nq"]))


KILLER = """
import sys
from kg.cli import main
main(["build", sys.argv[1], "--out", sys.argv[2], "--store", "-q"])
"""


def test_a_build_killed_while_it_writes_the_store_leaves_the_previous_build_whole(tmp_path: Path) -> None:
    """kill -9 while the new store is being filled: the old files and the old store stay, and match."""
    first = write_site(tmp_path / "first", SITE_FILES)
    second = write_site(tmp_path / "second", {**SITE_FILES, "_clients/zeta.md": "---\ntitle: Zeta\nref: zeta\n"
                                              "lang: en\nclient: Nesta\n---\nZeta.\n"})
    out = tmp_path / "out"
    assert kg_cli("build", str(first), "--out", str(out), "--store", "-q").exit_code == 0
    before = all_quads(Store.read_only(str(out / STORE)))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for _attempt in range(20):
        proc = subprocess.Popen([sys.executable, "-c", KILLER, str(second), str(out)], env=env)
        killed = False
        while proc.poll() is None:
            current = os.readlink(out / ".kg" / "current")
            filling = [b for b in (out / ".kg" / "builds").iterdir()
                       if f"builds/{b.name}" != current and (b / STORE).is_dir()]
            if filling:
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.001)
        proc.wait()
        if killed:
            break
        assert kg_cli("build", str(first), "--out", str(out), "--store", "-q").exit_code == 0  # it got through
    assert killed, "no kill landed while a store was being written"
    check(out / STORE)  # the store of the files beside it
    assert all_quads(Store.read_only(str(out / STORE))) == before
    assert kg_cli("build", str(second), "--out", str(out), "--store", "-q").exit_code == 0
    assert len(os.listdir(out / ".kg" / "builds")) == 1  # what the killed build left is gone
    assert len(run(open_store(out / STORE), PROJECTS).solutions) == 6


# -- kg query on the store --------------------------------------------------------------------------
def test_kg_query_opens_the_store_beside_graph_nq_and_answers_as_the_files_do(out: Path) -> None:
    via_store = kg_cli("query", PROJECTS, "--graph", str(out / "graph.nq"), "--format", "csv")
    via_files = kg_cli("query", PROJECTS, "--graph", str(out / "graph.nq"), "--no-store", "--format", "csv")
    given = kg_cli("query", PROJECTS, "--store", str(out / STORE), "--format", "csv")
    assert via_store.exit_code == via_files.exit_code == given.exit_code == 0
    assert via_store.output == via_files.output == given.output
    assert via_store.output.count("\n") == 6  # the header and five projects


def test_open_store_reads_the_store_read_only_and_leaves_it_as_it_was(out: Path) -> None:
    folder = out / STORE
    before = {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}
    store = open_store([out / "graph.nq", out / "graph.nt"])
    with pytest.raises((OSError, RuntimeError)):  # a read-only store takes no update
        store.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()} == before


def test_graph_files_copied_with_new_times_but_the_same_content_keep_their_store(out: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copytree(out / STORE, copy / STORE)
    for name in ("graph.nq", "graph.nt"):
        shutil.copyfile(out / name, copy / name)  # content only: a new modification time
        os.utime(copy / name, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    result = kg_cli("query", PROJECTS, "--graph", str(copy / "graph.nq"), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.count("\n") == 6


def test_a_store_older_than_the_graph_file_beside_it_is_refused_in_one_line(out: Path) -> None:
    nq = out / "graph.nq"
    text = nq.read_text()
    os.unlink(nq)  # the link: the build's own file is left alone
    nq.write_text(text + "<urn:x:a> <urn:x:b> <urn:x:c> <urn:x:g> .\n")
    result = kg_cli("query", PROJECTS, "--graph", str(nq))
    assert result.exit_code == 2
    line = error_line(result)
    assert str(out / STORE) in line and "older than" in line and str(nq) in line
    assert "kg build --store" in line
    fresh = kg_cli("query", PROJECTS, "--graph", str(nq), "--no-store", "--format", "csv")
    assert fresh.exit_code == 0 and fresh.output.count("\n") == 6  # --no-store reads the files themselves


def test_the_store_of_another_graph_is_refused(out: Path, tmp_path: Path) -> None:
    other = write_site(tmp_path / "other", {**SITE_FILES, "_clients/zeta.md": "---\ntitle: Zeta\nref: zeta\nlang: en\n"
                                            "client: Nesta\n---\nZeta.\n"})
    second = tmp_path / "second"
    assert kg_cli("build", str(other), "--out", str(second), "--store", "-q").exit_code == 0
    os.unlink(second / STORE)
    shutil.copytree(out / STORE, second / STORE)  # the first site's store beside the second's files
    for args in (["--graph", str(second / "graph.nq")], ["--store", str(second / STORE)]):
        result = kg_cli("query", PROJECTS, *args)
        assert result.exit_code == 2, result.output
        assert str(second / STORE) in error_line(result)


def test_a_store_from_another_kg_version_is_refused(out: Path) -> None:
    manifest = out / STORE / MANIFEST
    manifest.write_text(manifest.read_text().replace(f'"kg": "{kg.__version__}"', '"kg": "99.0"'))
    result = kg_cli("query", PROJECTS, "--graph", str(out / "graph.nq"))
    assert result.exit_code == 2
    line = error_line(result)
    assert str(out / STORE) in line and "kg 99.0" in line and "kg build --store" in line


def test_a_store_whose_manifest_is_broken_or_missing_is_refused(out: Path) -> None:
    manifest = out / STORE / MANIFEST
    manifest.write_text("{not json")
    broken = kg_cli("query", PROJECTS, "--store", str(out / STORE))
    assert broken.exit_code == 2 and str(out / STORE) in error_line(broken)
    manifest.unlink()
    missing = kg_cli("query", PROJECTS, "--store", str(out / STORE))
    assert missing.exit_code == 2 and MANIFEST in error_line(missing)
    files = kg_cli("query", PROJECTS, "--graph", str(out / "graph.nq"), "--format", "csv")
    assert files.exit_code == 0 and files.output.count("\n") == 6  # no manifest: no store; the file is loaded


def test_a_store_given_alone_needs_no_graph_files_beside_it(out: Path, tmp_path: Path) -> None:
    alone = tmp_path / "alone" / STORE
    shutil.copytree(out / STORE, alone)
    result = kg_cli("query", PROJECTS, "--store", str(alone), "--format", "csv")
    assert result.exit_code == 0 and result.output.count("\n") == 6


def test_store_and_graph_or_no_store_together_are_usage_errors(out: Path) -> None:
    both = kg_cli("query", PROJECTS, "--store", str(out / STORE), "--graph", str(out / "graph.nq"))
    contrary = kg_cli("query", PROJECTS, "--store", str(out / STORE), "--no-store")
    assert both.exit_code == contrary.exit_code == 2


def test_other_graph_files_are_loaded_as_before_whatever_store_is_beside_them(out: Path) -> None:
    """The store is made of graph.nq and graph.nt: graph.ttl (or graph.nt alone, no named graphs) is read as it is."""
    manifest = out / STORE / MANIFEST
    manifest.write_text(manifest.read_text().replace(f'"kg": "{kg.__version__}"', '"kg": "99.0"'))
    for name in ("graph.ttl", "graph.nt"):
        result = kg_cli("query", PROJECTS, "--graph", str(out / name), "--format", "csv")
        assert result.exit_code == 0 and result.output.count("\n") == 6
    ttl = open_store([out / "graph.ttl"])
    assert all_quads(ttl) == {q for q in all_quads(load_graph_files([out / "graph.nt"]))}


def test_a_store_loaded_a_few_lines_at_a_time_holds_what_one_loaded_whole_holds(out: Path, tmp_path: Path,
                                                                                monkeypatch) -> None:
    """Big files are given to the bulk loader in pieces cut at line ends; the pieces make the same store."""
    import kg.export.store as store_module

    monkeypatch.setattr(store_module, "LOAD_CHUNK", 1000)
    pieces = list(store_module._pieces(out / "graph.nq"))
    assert len(pieces) > 10 and all(piece.endswith(b"\n") for piece in pieces)
    assert b"".join(pieces) == (out / "graph.nq").read_bytes()
    (tmp_path / "pieces").mkdir()
    store_module.write_store(tmp_path / "pieces", {n: out / n for n in ("graph.nq", "graph.nt")}, triples=0, quads=0,
                             classes={})
    assert all_quads(Store.read_only(str(tmp_path / "pieces"))) == all_quads(Store.read_only(str(out / STORE)))


def test_the_store_loaded_by_pyoxigraph_from_the_same_files_is_what_kg_writes(out: Path, tmp_path: Path) -> None:
    """The store is nothing but pyoxigraph's bulk load of the two files: anyone can make it with pyoxigraph."""
    made = Store(str(tmp_path / "made"))
    made.bulk_load(path=str(out / "graph.nq"), format=RdfFormat.N_QUADS)
    made.bulk_load(path=str(out / "graph.nt"), format=RdfFormat.N_TRIPLES)
    assert all_quads(made) == all_quads(Store.read_only(str(out / STORE)))
