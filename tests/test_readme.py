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
