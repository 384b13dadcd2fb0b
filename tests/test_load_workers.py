"""Big sites are read by several processes; the build must not be able to tell.

These tests lower the size at which reading goes parallel, so that a small
synthetic site (messy cases included: bad YAML, impossible dates, dangling
references) is read by 1 and by 3 processes, and compare everything that comes out.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import generated_site

import kg
from kg.diagnostics import Diagnostics
from kg.load import load_site, workers


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 200-document site from bench/generate.py, shaped like the real one."""
    return generated_site(tmp_path_factory.mktemp("synthetic"), 200, seed=3)


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Go parallel from 2 documents on, 7 documents a task (so tasks end mid-collection)."""
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "CHUNK", 7)


def tree(root: Path) -> dict[str, bytes]:
    """Every output by its path (the builds behind them, in ``.kg/``, have names of their own)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".kg" not in p.relative_to(root).parts}


def test_the_outputs_are_byte_identical_with_one_or_three_processes(synthetic, small_chunks, tmp_path):
    kg.build(synthetic, tmp_path / "one", workers=1)
    kg.build(synthetic, tmp_path / "three", workers=3)
    one, three = tree(tmp_path / "one"), tree(tmp_path / "three")
    assert sorted(one) == sorted(three)
    for name in one:
        assert one[name] == three[name], name


def test_documents_and_diagnostics_come_back_in_file_order(synthetic, small_chunks, monkeypatch):
    pools: list[int] = []
    real = workers._in_workers
    monkeypatch.setattr(workers, "_in_workers", lambda chunks, read, n: (pools.append(n), real(chunks, read, n))[1])
    serial_diags, parallel_diags = Diagnostics(), Diagnostics()
    serial = load_site(synthetic, diagnostics=serial_diags, workers=1)
    parallel = load_site(synthetic, diagnostics=parallel_diags, workers=3)
    assert pools == [3], "only the second load uses a pool, of 3 processes"
    assert [d.path for d in parallel.documents] == [d.path for d in serial.documents]
    assert [d.path for d in serial.documents] == sorted(d.path for d in serial.documents)
    assert parallel.documents == serial.documents  # data, dates, URLs, key lines: all of it
    assert parallel_diags.sorted() == serial_diags.sorted()
    assert any(d.severity == "error" for d in serial_diags.items), "the site should hold some unreadable files"


def test_progress_counts_up_to_every_file(synthetic, small_chunks):
    seen: list[tuple[int, int]] = []
    load_site(synthetic, workers=2, progress=lambda done, total: seen.append((done, total)))
    total = seen[-1][1]
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


@pytest.mark.parametrize("value, expected", [("3", 3), ("1", 1), ("", None), ("zero", None), ("0", None)])
def test_KG_WORKERS_sets_the_default(monkeypatch, value, expected):
    monkeypatch.setenv("KG_WORKERS", value)
    got = workers.default_workers()
    assert got == expected if expected is not None else 1 <= got <= workers.MAX_WORKERS


def test_a_small_site_is_read_in_this_process(synthetic, monkeypatch):
    """Below PARALLEL_FROM documents no pool is started (it would cost more than it saves)."""
    monkeypatch.setattr(workers, "PARALLEL_FROM", 10_000)
    monkeypatch.setattr(workers, "_in_workers", lambda *a: pytest.fail("a pool was started"))
    assert load_site(synthetic, workers=4).documents


CTRL_C_WHILE_READING = """
import os, signal, sys, time
import kg.load.workers as workers
from kg.cli import main

workers.PARALLEL_FROM, workers.CHUNK = 2, 3
real, main_pid = workers._read_chunk, os.getpid()

def chunk_then_ctrl_c(chunk, read_one):
    if os.getpid() != main_pid:
        try:  # the first worker to get here presses Ctrl-C, once
            os.close(os.open(sys.argv[-1], os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            pass
        else:
            # A terminal's Ctrl-C reaches the whole foreground process group: the workers too.
            os.killpg(os.getpgrp(), signal.SIGINT)
        time.sleep(0.5)
    return real(chunk, read_one)

workers._read_chunk = chunk_then_ctrl_c
main(sys.argv[1:-1])
"""


@pytest.mark.usefixtures("ctrl_c_as_at_a_terminal")
def test_ctrl_c_while_workers_read_exits_130_without_tracebacks(synthetic, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-c", CTRL_C_WHILE_READING, "build", str(synthetic), "--out", str(out),
                           "-q", "--jobs", "2", str(tmp_path / "pressed")],
                          capture_output=True, text=True, timeout=120, start_new_session=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 130, proc.stderr
    assert "interrupted" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert not out.exists() or not any(out.iterdir())


def test_a_file_that_kills_its_reader_is_reported_and_the_rest_is_read(synthetic, small_chunks, monkeypatch):
    """A crash inside a C parser (simulated: the worker kills itself on one file) must neither hang
    the build nor lose the other files: that one file is a ``reader-crash`` error, nothing else changes."""
    serial_diags = Diagnostics()
    serial = load_site(synthetic, diagnostics=serial_diags, workers=1)
    victim = serial.documents[len(serial.documents) // 2].path
    main_pid = os.getpid()
    real = workers._read_chunk

    def read_then_crash(chunk, read_one):
        if os.getpid() != main_pid and any(rel == victim for _label, rel in chunk):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(chunk, read_one)

    monkeypatch.setattr(workers, "_read_chunk", read_then_crash)
    diags = Diagnostics()
    parallel = load_site(synthetic, diagnostics=diags, workers=2)
    assert [d.path for d in parallel.documents] == [d.path for d in serial.documents if d.path != victim]
    crashes = [d for d in diags.items if d.kind == "reader-crash"]
    assert [(d.file, d.severity) for d in crashes] == [(victim, "error")]
    assert sorted(set(diags.items) - set(crashes)) == sorted(d for d in set(serial_diags.items) if d.file != victim)


def test_front_matter_strings_are_shared_but_what_yaml_shares_stays_shared():
    """Readers hold each short front-matter string once a chunk; the values stay equal, what YAML's
    anchors share stays one object (an alias bomb is not expanded), and a list that holds itself is
    no endless loop."""
    from kg.load.documents import Document

    laughs: list = ["lol"] * 9
    for _ in range(8):
        laughs = [laughs] * 9  # 9**9 leaves as a tree, 9 lists as YAML holds it
    loop: list = ["_themes/x.md"]
    loop.append(loop)
    def fresh(text: str) -> str:
        return "".join(list(text))  # an equal string, another object (as each file's parser makes it)

    docs = [Document(f"_posts/2020-01-0{i}-x.md", "posts",
                     {fresh("lang"): fresh("sv"), "categories": [fresh("_themes/x.md")], "bomb": laughs, "loop": loop},
                     "", 5, key_lines={fresh("lang"): 2}) for i in range(1, 3)]
    assert docs[0].data["lang"] is not docs[1].data["lang"]
    workers.share_strings(docs)
    assert docs[0].data["lang"] is docs[1].data["lang"] == "sv"
    assert next(iter(docs[0].data)) is next(iter(docs[1].data)) is next(iter(docs[1].key_lines))
    assert docs[0].data["categories"][0] is docs[1].data["categories"][0] == "_themes/x.md"
    assert docs[0].data["bomb"][0] is docs[0].data["bomb"][1]
    assert docs[0].data["loop"][1] is docs[0].data["loop"]
