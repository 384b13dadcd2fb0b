"""The README is a manual that cannot rot: its contents list names every chapter, and its Python
examples run, in order, on the example site, giving what they say they give."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def anchor(title: str) -> str:
    """GitHub's anchor of a heading."""
    text = re.sub(r"[^\w\- ]", "", title.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def test_the_contents_list_links_every_chapter_in_order():
    chapters = [line[3:] for line in README.splitlines() if line.startswith("## ") and line[3:] != "Contents"]
    listed = re.findall(r"^- \[(.+?)\]\(#(.+?)\)$", README.split("## Contents", 1)[1].split("\n## ", 1)[0], re.M)
    assert [title for title, _ in listed] == [c.replace("`", "") for c in chapters]
    assert [target for _, target in listed] == [anchor(c) for c in chapters]


def test_the_python_examples_run_on_the_example_site(tmp_path, monkeypatch, capsys):
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(blocks) >= 3
    query = re.search(r"```sparql\n(.*?)```", README, re.S)
    (tmp_path / "content").symlink_to(ROOT / "content")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"QUERY": query.group(1) if query else ""}
    for block in blocks:
        lines = []
        for line in block.splitlines():
            wanted = re.match(r"\s*import (\w+)", line)
            if wanted and importlib.util.find_spec(wanted.group(1)) is None:
                print(f"skipped (no {wanted.group(1)} here): {line.strip()}")
                continue
            lines.append(line)
        exec(compile("\n".join(lines), "README.md", "exec"), namespace)
    assert os.path.isfile(tmp_path / "output" / "graph.ttl"), "the first example writes output/"
    printed = capsys.readouterr().out
    assert "Chicago's digital participatory budget" in printed, "the query example prints its rows"
    assert namespace["result"].rows, "kg.query gives rows"


def test_every_diagnostic_kind_is_in_the_readmes_table_and_nothing_else():
    """The README's table of diagnostic kinds is kg.diagnostics.KINDS, row for row."""
    from kg.diagnostics import KINDS

    rows = re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", README, flags=re.MULTILINE)
    assert dict(rows) == KINDS


def test_a_diagnostic_of_a_kind_nobody_declared_is_a_bug_not_a_warning():
    from kg.diagnostics import Diagnostics

    with pytest.raises(ValueError, match="KINDS"):
        Diagnostics().add("x.md", "made-up-kind", "message")


def _agrees(expected: list[str], got: list[str]) -> bool:
    """Whether ``got`` is ``expected``, where a line ``…`` stands for any lines (none or many)."""
    pieces: list[list[str]] = [[]]
    for line in expected:
        if line.strip() == "…":
            pieces.append([])
        else:
            pieces[-1].append(line)
    at = 0
    for i, piece in enumerate(pieces):
        if i == 0:
            if got[:len(piece)] != piece:
                return False
            at = len(piece)
            continue
        if i == len(pieces) - 1 and piece:
            return len(got) - len(piece) >= at and got[len(got) - len(piece):] == piece
        found = next((j for j in range(at, len(got) - len(piece) + 1) if got[j:j + len(piece)] == piece), None)
        if found is None:
            return False
        at = found + len(piece)
    return len(pieces) > 1 or at == len(got)


CONSOLE = re.findall(r"```console\n(.*?)```", README, re.S)


@pytest.mark.parametrize("block", CONSOLE, ids=[b.splitlines()[0][2:60] for b in CONSOLE])
def test_each_console_example_prints_what_the_readme_shows(block, tmp_path):
    """A ```console block is a session on a copy of the example site: each ``$ kg …`` line runs there, in
    order, and prints exactly the lines below it (``…`` stands for lines left out)."""
    import shlex
    import shutil
    import subprocess
    import sys

    shutil.copytree(ROOT / "content", tmp_path / "content")
    kg = str(Path(sys.executable).with_name("kg"))
    commands: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            commands[-1][1].append(line.rstrip())
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
    for command, expected in commands:
        argv = shlex.split(command)
        assert argv[0] == "kg"
        done = subprocess.run([kg, *argv[1:]], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)
        got = [line.rstrip() for line in (done.stdout + done.stderr).splitlines()]
        assert _agrees(expected, got), f"$ {command}\n--- the README says:\n" + "\n".join(expected) + \
            "\n--- kg printed:\n" + "\n".join(got)
