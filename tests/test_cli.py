"""The ``kg build`` command: exit codes, what it prints, and the build report it writes.

Exit status 0 on success (even with warnings), 1 with ``--strict`` when there is a
warning, 2 when the site cannot be read at all (and then nothing is written).
Most tests use click's ``CliRunner``; one runs the real command in a subprocess.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent

SITE = {
    "_clients/p.md": "---\ntitle: P\nref: p\nlang: sv\nclient: Göteborgs Stad\ncategories: [_themes/t.md]\n---\n",
    "_clients/p-en.md": "---\ntitle: P en\nref: p\nlang: en\nclient: City of Gothenburg\n---\n",
    "_themes/t.md": "---\ntitle: Tema\nref: t\n---\n",
    "_posts/2021-05-11-x.md": "---\ntitle: X\ncategoris: _themes/t.md\n---\nKort.\n",  # one unknown key
}
CLEAN_SITE = {k: v.replace("categoris", "categories") for k, v in SITE.items()}


def run(*args: str) -> object:
    return CliRunner().invoke(main, ["build", *args])


@pytest.fixture
def in_tmp(tmp_path, monkeypatch) -> Path:
    """Work in tmp_path, so that ``--out out`` prints as the short, unbroken ``out/``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_clean_build_exits_0_and_summarises(make_site, in_tmp):
    """The summary names the documents read, the triples, the classes, and where the files went."""
    make_site(in_tmp / "site", CLEAN_SITE)
    result = run("site", "--out", "out")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    out = result.stdout
    assert "4 documents read (2 clients, 1 posts, 1 themes)" in out
    triples = len((in_tmp / "out" / "graph.nt").read_text(encoding="utf-8").splitlines())
    assert f"{triples} triples" in out
    assert "schema:Project" in out and "no warnings" in out
    assert "wrote build-report.json, graph.jsonld, graph.nq, graph.nt, graph.ttl, void.ttl to out/" in out
    assert sorted(p.name for p in (in_tmp / "out").iterdir()) == [
        ".kg", "build-report.json", "graph.jsonld", "graph.nq", "graph.nt", "graph.ttl", "void.ttl"]


def test_warnings_are_printed_and_still_exit_0(make_site, in_tmp):
    """Without ``--strict`` a warning is printed (file:line and message, on stderr) and the exit status is 0."""
    make_site(in_tmp / "site", SITE)
    result = run("site", "--out", "out")
    assert result.exit_code == 0
    assert "_posts/2021-05-11-x.md:3: warning" in result.stderr
    assert "unknown key 'categoris'" in result.stderr and "did you mean categories?" in result.stderr
    assert "warnings: 1 unknown-key" in result.stdout


def test_strict_with_a_warning_exits_1(make_site, in_tmp):
    """``--strict`` turns any warning into exit status 1 (the files are still written)."""
    make_site(in_tmp / "site", SITE)
    result = run("site", "--out", "out", "--strict")
    assert result.exit_code == 1
    assert "--strict" in result.stderr and "1 warning(s)" in result.stderr
    assert (in_tmp / "out" / "graph.ttl").is_file()


def test_strict_without_warnings_exits_0(make_site, in_tmp):
    """``--strict`` on a clean site is an ordinary success."""
    make_site(in_tmp / "site", CLEAN_SITE)
    assert run("site", "--out", "out", "--strict").exit_code == 0


def test_a_missing_site_exits_2_and_writes_nothing(in_tmp):
    """A site folder that does not exist: an error message, exit status 2, and no output folder."""
    result = run("no-such-site", "--out", "out")
    assert result.exit_code == 2
    assert "error:" in result.stderr and "no-such-site" in result.stderr
    assert not (in_tmp / "out").exists()


def test_an_unwritable_output_exits_2(make_site, in_tmp):
    """``--out`` naming a file, not a folder: the outputs cannot be written, exit status 2."""
    make_site(in_tmp / "site", CLEAN_SITE)
    (in_tmp / "out").write_text("a file")
    result = run("site", "--out", "out")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
    assert (in_tmp / "out").read_text() == "a file"


def test_quiet_prints_only_the_warnings(make_site, in_tmp):
    """``-q``: no summary on stdout, the warnings still on stderr."""
    make_site(in_tmp / "site", SITE)
    result = run("site", "--out", "out", "-q")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "unknown key 'categoris'" in result.stderr


def test_quiet_validation_of_a_conforming_graph_prints_nothing(make_site, in_tmp):
    """``--validate -q`` on a graph that conforms: silence on both streams, exit status 0."""
    make_site(in_tmp / "site", CLEAN_SITE)
    result = run("site", "--out", "out", "--validate", "-q")
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""
    loud = run("site", "--out", "out2", "--validate")
    assert "conforms" in loud.stdout + loud.stderr


def test_include_contact_and_drafts_flags(make_site, in_tmp):
    """``--include-contact`` keeps crew e-mail; ``--drafts`` reads ``_drafts``. Neither happens by default."""
    make_site(in_tmp / "site", {
        "_crew/anna.md": "---\ntitle: Anna\nmail: anna@example.org\n---\n",
        "_drafts/utkast.md": "---\ntitle: Utkast\n---\n",
    })
    assert run("site", "--out", "plain", "-q").exit_code == 0
    assert run("site", "--out", "flags", "-q", "--include-contact", "--drafts").exit_code == 0
    plain = (in_tmp / "plain" / "graph.nt").read_text(encoding="utf-8")
    flags = (in_tmp / "flags" / "graph.nt").read_text(encoding="utf-8")
    assert "anna@example.org" not in plain and "anna@example.org" in flags
    draft = ("<https://example.org/news/utkast/> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
             "<http://schema.org/NewsArticle> .")
    assert draft not in plain.splitlines() and draft in flags.splitlines()


def test_the_build_report(make_site, in_tmp):
    """``build-report.json`` counts documents, triples and entities per class, and lists every warning
    as {file, line, kind, message, suggestion}."""
    make_site(in_tmp / "site", SITE)
    assert run("site", "--out", "out", "-q").exit_code == 0
    report = json.loads((in_tmp / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert report["documents"] == {"read": 4, "published": 4,
                                   "by_collection": {"clients": 2, "posts": 1, "themes": 1}}
    graph = rdflib.Graph().parse(in_tmp / "out" / "graph.nt", format="nt")
    assert report["triples"] == len(graph)
    # Classes by CURIE, each counted once per entity: the sv and en pages are one project.
    # Source files: _config.yml, the four documents and the bundled ontology/registry.yml.
    assert {k: report["classes"][k] for k in ("schema:Project", "schema:NewsArticle", "schema:WebPage",
                                              "skos:Concept", "kgo:SourceFile")} == {
        "schema:Project": 1, "schema:NewsArticle": 1, "schema:WebPage": 3, "skos:Concept": 1, "kgo:SourceFile": 6}
    counted = Counter(o.n3(graph.namespace_manager) for o in graph.objects(None, rdflib.RDF.type))
    assert sum(report["classes"].values()) == sum(counted.values())
    assert report["warnings_by_kind"] == {"unknown-key": 1}
    [warning] = report["warnings"]
    assert {k: warning[k] for k in ("file", "line", "kind", "message", "suggestion")} == {
        "file": "_posts/2021-05-11-x.md", "line": 3, "kind": "unknown-key",
        "message": "unknown key 'categoris': not mapped", "suggestion": "categories"}


def test_the_real_command_in_a_subprocess(make_site, tmp_path):
    """``python -m kg.cli build`` (and the installed ``kg`` script) run end to end."""
    site = make_site(tmp_path / "site", SITE)
    commands = [[sys.executable, "-m", "kg.cli"]]
    if shutil.which("kg"):
        commands.append([shutil.which("kg")])
    for i, command in enumerate(commands):
        out = tmp_path / f"out{i}"
        done = subprocess.run([*command, "build", str(site), "--out", str(out)], capture_output=True, text=True,
                              cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "documents read" in done.stdout and "triples" in done.stdout
        assert "unknown key 'categoris'" in done.stderr
        assert (out / "graph.ttl").is_file()
        strict = subprocess.run([*command, "build", str(site), "--out", str(out), "--strict", "-q"],
                                capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert strict.returncode == 1
        missing = subprocess.run([*command, "build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "none")],
                                 capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert missing.returncode == 2
        assert "Traceback" not in missing.stderr
        assert not (tmp_path / "none").exists()


# -- what the terminal shows ---------------------------------------------------------------------


def test_a_printed_warning_shows_its_kind(make_site, in_tmp):
    """Each warning line is ``file:line: warning [kind] message``, as ``Diagnostic.__str__`` writes it."""
    make_site(in_tmp / "site", SITE)
    result = run("site", "--out", "out", "-q")
    assert "_posts/2021-05-11-x.md:3: warning [unknown-key] unknown key 'categoris'" in result.stderr


def test_brackets_in_content_never_crash_the_command(make_site, in_tmp):
    """Text from the site (here a key ``[/b]``) is printed as it is, whatever brackets it holds."""
    make_site(in_tmp / "site", {"_clients/p.md": "---\ntitle: P\n'[/b]': x\n---\n"})
    result = run("site", "--out", "out", "-q")
    assert result.exit_code == 0, repr(result.exception)
    assert "'[/b]'" in result.stderr


def test_the_summary_names_a_long_output_folder_unbroken(make_site, tmp_path, monkeypatch):
    """``wrote … to <out>/`` names the folder on one line, so it can be copied from a log."""
    monkeypatch.delenv("COLUMNS", raising=False)
    site = make_site(tmp_path / "site", CLEAN_SITE)
    out = tmp_path / ("a-rather-long-folder-name-for-the-knowledge-graph-output-" * 3) / "out"
    result = run(str(site), "--out", str(out))
    assert result.exit_code == 0
    assert f"to {out}/" in result.stdout


def test_bad_content_never_ends_in_a_traceback(make_site, in_tmp):
    """Whatever a page says, ``kg build`` ends with 0, 1 (strict) or 2 — never an uncaught exception."""
    make_site(in_tmp / "site", {"_clients/p.md": "---\ntitle: P\nlang: sv_SE\n---\n"})
    result = run("site", "--out", "out")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
