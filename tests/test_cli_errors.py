"""One error path: every command, given a path or a value it cannot use, prints one plain line and exits 2.

The line is ``error: …`` on stderr and names what the user typed exactly as typed,
also when it looks like rich markup (``my[/]site``, ``[red]x[/red]``); nothing goes to
stdout and there is no traceback. The exit statuses are those of :mod:`kg.errors`,
and the README's table says the same.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.errors
from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
PATHS = ["nosuch", "my[/]site", "[red]nosuch[/red]", "[bold]x[/]y", ":warning:"]
ENDPOINT = "http://127.0.0.1:9/store"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def assert_one_error_line(result, code: int, *shown: str) -> str:
    """Exit ``code``, nothing on stdout, one ``error:`` line on stderr naming each of ``shown`` as typed."""
    assert result.exit_code == code, (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    for text in shown:
        assert text in lines[0], (text, lines[0])
    assert "Traceback" not in result.output
    return lines[0]


# -- a path that is not there, whatever it looks like --------------------------------------------
COMMANDS_WITH_A_PATH = {
    "build SITE": lambda p: ["build", p, "--out", "out"],
    "validate SITE": lambda p: ["validate", p],
    "report SITE": lambda p: ["report", p, "--out", "out"],
    "seo SITE": lambda p: ["seo", p],
    "query --site": lambda p: ["query", "--site", p, "ASK {}"],
    "serve SITE": lambda p: ["serve", p, "--port", "0"],
    "push SITE": lambda p: ["push", p, "--endpoint", ENDPOINT],
}
COMMANDS_WITH_A_GRAPH_FILE = {
    "validate --graph": lambda p: ["validate", "--graph", p],
    "query --graph": lambda p: ["query", "--graph", p, "ASK {}"],
    "serve --graph": lambda p: ["serve", "--graph", p, "--port", "0"],
    "push --graph": lambda p: ["push", "--graph", p, "--endpoint", ENDPOINT],
}


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("command", sorted(COMMANDS_WITH_A_PATH))
def test_a_missing_site_is_one_line_naming_it_as_typed(command, path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = assert_one_error_line(invoke(*COMMANDS_WITH_A_PATH[command](path)), 2, path)
    assert "no such site folder" in line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("path", [p + ".ttl" for p in PATHS] + ["[x].trig", "a[/]b.nq"])
@pytest.mark.parametrize("command", sorted(COMMANDS_WITH_A_GRAPH_FILE))
def test_a_missing_graph_file_is_one_line_naming_it_as_typed(command, path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = assert_one_error_line(invoke(*COMMANDS_WITH_A_GRAPH_FILE[command](path)), 2, path)
    assert line == f"error: {path}: no such file"


@pytest.mark.parametrize("command", sorted(COMMANDS_WITH_A_GRAPH_FILE))
def test_a_graph_file_of_no_known_kind_is_one_line(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "[red]g.csv").write_text("a,b\n")
    line = assert_one_error_line(invoke(*COMMANDS_WITH_A_GRAPH_FILE[command]("[red]g.csv")), 2, "[red]g.csv")
    assert "unknown graph file type '.csv'" in line


@pytest.mark.parametrize("command", sorted(COMMANDS_WITH_A_GRAPH_FILE))
def test_a_broken_graph_file_is_one_line_naming_it(command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b[red]roken.ttl").write_text("<a> <b> .\n")
    line = assert_one_error_line(invoke(*COMMANDS_WITH_A_GRAPH_FILE[command]("b[red]roken.ttl")), 2, "b[red]roken.ttl")
    assert "not valid Turtle" in line


@pytest.mark.parametrize("path", ["missing.rq", "[red]q[/red].rq", "a[/]b.sparql"])
def test_a_missing_query_file_is_one_line(path, make_site, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = assert_one_error_line(invoke("query", "--graph", "g.nt", path), 2, path)
    assert line == f"error: {path}: no such query file"


def test_an_output_that_cannot_be_written_is_one_line(make_site, tmp_path, monkeypatch):
    """``--out`` naming a file: build, report and seo each say they cannot write it, and where."""
    monkeypatch.chdir(tmp_path)
    make_site(tmp_path / "site", {"_clients/p.md": "---\ntitle: P\nclient: Acme\n---\n"})
    (tmp_path / "[red]out").write_text("a file")
    for command in ("build", "report", "seo"):
        line = assert_one_error_line(invoke(command, "site", "--out", "[red]out"), 2, "[red]out", "cannot write")
        assert line.startswith("error: [red]out")
    assert (tmp_path / "[red]out").read_text() == "a file"


def test_verbose_adds_the_cause_under_the_error(make_site, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_site(tmp_path / "site", {"_clients/p.md": "---\ntitle: P\nclient: Acme\n---\n"})
    (tmp_path / "out").write_text("a file")
    result = invoke("build", "site", "--out", "out", "-v")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "cannot write" in errors[0]
    assert any(line.startswith("  caused by ") and "Error" in line for line in result.stderr.splitlines())


# -- values and options click refuses ----------------------------------------------------------------
BAD_OPTIONS = [
    ["build", "--jobs", "0"],
    ["build", "--jobs", "many"],
    ["build", "--max-file-bytes", "-1"],
    ["build", "--bogus"],
    ["validate", "--graph"],
    ["report", "--since", "last year"],
    ["report", "--until", "[red]2020"],
    ["seo", "--inject", "[red]no-such-site[/red]"],
    ["seo", "--replace-seo-tag"],
    ["query", "--format", "[red]html"],
    ["query", "--param"],
    ["query"],
    ["query", "--site", "content", "--graph", "x.ttl", "ASK {}"],
    ["query", "ASK {}", "--param", "x"],
    ["query", "--graph", "x.ttl", "SELECT ?x WHERE {}", "--param", "1x=2"],
    ["serve", "--port", "70000"],
    ["serve", "--timeout", "0"],
    ["serve", "--workers", "[b]"],
    ["serve", "content", "--graph", "x.ttl"],
    ["push", "--endpoint"],
    ["push", "content"],
    ["push", "content", "--graph", "x.ttl", "--endpoint", ENDPOINT],
    ["nosuch-command"],
    ["--bogus"],
]


@pytest.mark.parametrize("args", BAD_OPTIONS, ids=" ".join)
def test_a_bad_option_or_value_is_one_line_and_exit_2(args):
    line = assert_one_error_line(invoke(*args), 2)
    for word in args:  # the value the user typed is shown as typed, never read as markup
        if word.startswith("[red]") or word == "[b]":
            assert word in line, (word, line)


def test_a_query_syntax_error_is_one_error_line_then_the_query_line_and_a_caret(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.nt").write_text("<http://a/s> <http://a/p> <http://a/o> .\n")
    result = invoke("query", "--graph", "g.nt", "SELECT ?x WHERE { ?x [red] }")
    assert result.exit_code == 2 and result.stdout == ""
    first, *context = result.stderr.splitlines()
    assert first.startswith("error: <query>:1:") and "SPARQL syntax error" in first
    assert context[0] == "  SELECT ?x WHERE { ?x [red] }"
    assert re.fullmatch(r"  +\^", context[1])


def test_a_syntax_error_lists_a_dozen_expected_tokens_at_most_and_no_code_point_ranges(tmp_path, monkeypatch):
    """Where a name's first letter may stand, the parser expects dozens of tokens and Unicode ranges: the
    line names a dozen and how many there are, and the ranges in words."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.nt").write_text("<http://a/s> <http://a/p> <http://a/o> .\n")
    first = invoke("query", "--graph", "g.nt", "SELECT ?n WHERE { ?o schema:name }").stderr.splitlines()[0]
    assert first.startswith("error: <query>:1:") and "expected one of" in first
    listed = first.split("expected one of ", 1)[1]
    assert "\\u{" not in first and "..=" not in first, first
    assert listed.count(", ") <= 12 and re.search(r"\((\d+) in all\)$", listed), first
    assert int(re.search(r"\((\d+) in all\)$", listed)[1]) > 12


def test_an_undeclared_prefix_is_said_in_words_with_the_prefixes_declared_already(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.nt").write_text("<http://a/s> <http://a/p> <http://a/o> .\n")
    result = invoke("query", "--graph", "g.nt", "SELECT ?x WHERE { ?x nope:a ?y }")
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert "is not declared" in first and "schema:" in first and "Prefix not found" not in first, first


# -- -h, -q and -v everywhere ------------------------------------------------------------------------
@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_takes_h_q_and_v(command):
    for flag in ("-h", "--help"):
        result = invoke(command, flag)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith(f"Usage: kg {command}")
    text = " ".join(invoke(command, "-h").stdout.split())
    for option in ("-h, --help", "-q, --quiet", "-v, --verbose"):
        assert option in text, (command, option)


def test_the_group_takes_h_and_its_help_gives_the_exit_statuses():
    result = invoke("-h")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for code in ("0 done", "1 done, and a check failed", "2 nothing done", "130 interrupted"):
        assert code in text


def test_quiet_silences_a_successful_query_count_and_verbose_says_the_steps(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g.nt").write_text("<http://a/s> <http://a/p> <http://a/o> .\n")
    normal = invoke("query", "--graph", "g.nt", "SELECT ?s WHERE { ?s ?p ?o }")
    quiet = invoke("query", "--graph", "g.nt", "SELECT ?s WHERE { ?s ?p ?o }", "-q")
    verbose = invoke("query", "--graph", "g.nt", "SELECT ?s WHERE { ?s ?p ?o }", "-v")
    assert normal.exit_code == quiet.exit_code == verbose.exit_code == 0
    assert normal.stdout == quiet.stdout == verbose.stdout
    assert normal.stderr == "1 row\n" and quiet.stderr == ""
    assert "running the query" in verbose.stderr and verbose.stderr.endswith("1 row\n")


# -- the real command, on a terminal-less pipe -----------------------------------------------------------
@pytest.mark.parametrize("path", ["my[/]site", "[red]nosuch[/red]"])
def test_the_installed_command_prints_the_path_as_typed(path, tmp_path):
    """The path rich would read as markup (and crash on, or colour away) is printed as it is."""
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", path], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == f"error: no such site folder: {path}\n"


# -- the statuses, in the code and in the README -----------------------------------------------------
def test_the_readme_table_gives_every_exit_status_of_kg_errors():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `?(\d+)`? \| (.+?) \|$", readme, re.MULTILINE))
    codes = {cls.exit_code for cls in vars(kg.errors).values()
             if isinstance(cls, type) and issubclass(cls, kg.errors.KgError)}
    assert codes | {0} == {int(code) for code in rows}, rows


def test_query_workers_that_cannot_start_are_one_line_and_exit_2(monkeypatch, tmp_path):
    """``kg serve`` whose workers fail to load the graph (out of memory, say) says so in one line."""
    import kg.serve
    from kg.serve.runner import WorkerError

    def fails(*args, **kwargs):
        raise WorkerError("the query workers could not load the graph: out of memory")

    monkeypatch.setattr(kg.serve, "start", fails)
    graph = tmp_path / "graph.nt"
    graph.write_text("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n")
    result = CliRunner().invoke(main, ["serve", "--graph", str(graph), "--port", "0"])
    assert result.exit_code == 2
    assert "could not load the graph" in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
