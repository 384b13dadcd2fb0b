"""The README is a manual that cannot rot: its contents list names every chapter, its links find their
headings, its Python examples run, in order, on the example site, giving what they say they give, and
its ```console blocks are sessions run on a copy of the example site, each command printing exactly
what the README shows (see :func:`test_each_console_example_prints_what_the_readme_shows` for the
rules: ``…`` for lines left out, ``$ … &`` for a server, ports replaced by free ones). Every command
of ``kg --help`` has such a session."""

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


def anchors(text: str) -> set[str]:
    """The anchors of a Markdown file's headings, as GitHub makes them (a repeated heading's get -1, -2 …)."""
    seen: dict[str, int] = {}
    out = set()
    for line in re.sub(r"```.*?```", "", text, flags=re.S).splitlines():
        heading = re.match(r"#{1,6} (.+)$", line)
        if heading:
            name = anchor(heading.group(1))
            out.add(name if name not in seen else f"{name}-{seen[name]}")
            seen[name] = seen.get(name, 0) + 1
    return out


@pytest.mark.parametrize("document", ["README.md", "bench/README.md", "docs/design.md", "docs/extending.md"])
def test_every_link_to_a_heading_finds_it(document):
    """A link ``(#x)`` or ``(other.md#x)`` from the manual, the benchmarks or the docs names a heading there."""
    text = (ROOT / document).read_text(encoding="utf-8")
    broken = []
    for target, name in re.findall(r"\]\(([^()#\s]*)#([^()\s]+)\)", re.sub(r"```.*?```", "", text, flags=re.S)):
        path = (ROOT / document).parent / target if target else ROOT / document
        if not path.is_file() or name not in anchors(path.read_text(encoding="utf-8")):
            broken.append(f"{target}#{name}")
    assert not broken, f"{document} links to headings that are not there: {broken}"


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

#: The programs a session may run besides kg: a client of kg serve, a triple store to push into, and
#: two for looking at what a command wrote.
PROGRAMS = ("kg", "curl", "oxigraph", "ls", "head")

#: A port in a session (``--port N``, ``--bind 127.0.0.1:N``, ``http://127.0.0.1:N``): each is replaced,
#: in the commands and in what they print, by a free port the test picks, so a session can run beside a
#: real server on the port the README shows.
PORT = re.compile(r"(?<=127\.0\.0\.1:)\d+|(?<=--port )\d+")


def _free_ports(count: int) -> list[int]:
    import socket

    held = [socket.socket() for _ in range(count)]
    try:
        for s in held:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in held]
    finally:
        for s in held:
            s.close()


def _listening(port: int) -> bool:
    import socket

    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("block", CONSOLE, ids=[b.splitlines()[0][2:60] for b in CONSOLE])
def test_each_console_example_prints_what_the_readme_shows(block, tmp_path):
    """A ```console block is a session on a copy of the example site: each ``$ …`` line runs there, in
    order (no shell: one of :data:`PROGRAMS`, its arguments split as a shell would), and prints exactly
    the lines below it, stdout then stderr (``…`` stands for lines left out).

    ``$ … &`` starts a server in the background: the session goes on once the port its command names
    accepts connections, and at its end the server is stopped as Ctrl-C stops it (SIGINT to its process
    group); then everything it printed must be the lines below its ``$`` line, and kg must have exited 0.
    Ports are replaced by free ones (see :data:`PORT`). A session whose program is not installed (the
    ``oxigraph`` server, ``curl``) is skipped, saying which."""
    import shlex
    import shutil
    import signal
    import subprocess
    import sys
    import time

    shutil.copytree(ROOT / "content", tmp_path / "content")
    ports = sorted(set(PORT.findall(block)))
    free = dict(zip(ports, map(str, _free_ports(len(ports))), strict=True))
    block = PORT.sub(lambda m: free[m.group()], block)
    commands: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            commands[-1][1].append(line.rstrip())
    programs = {"kg": str(Path(sys.executable).with_name("kg"))}
    for command, _ in commands:
        name = shlex.split(command)[0]
        assert name in PROGRAMS, f"$ {command}: a session runs only {', '.join(PROGRAMS)}"
        if name not in programs:
            found = shutil.which(name)
            if found is None:
                pytest.skip(f"{name} is not installed; the session needs it for: $ {command}")
            programs[name] = found
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb", "LC_COLLATE": "C"}

    def agree(command: str, expected: list[str], printed: str) -> None:
        got = [line.rstrip() for line in printed.splitlines()]
        assert _agrees(expected, got), f"$ {command}\n--- the README says:\n" + "\n".join(expected) + \
            "\n--- it printed:\n" + "\n".join(got)

    background: list[tuple[str, list[str], subprocess.Popen, Path]] = []
    try:
        for command, expected in commands:
            argv = shlex.split(command)
            argv[0] = programs[argv[0]]
            if argv[-1] == "&":
                log = tmp_path / f"background-{len(background)}.log"
                with log.open("wb") as out:
                    proc = subprocess.Popen(argv[:-1], cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
                                            env=env, start_new_session=True)
                background.append((command, expected, proc, log))
                port = re.search(r"(?:--port |--bind [\d.]+:)(\d+)", command)
                assert port, f"$ {command}: a background command names the port it listens on"
                deadline = time.monotonic() + 120
                while not _listening(int(port.group(1))):
                    assert proc.poll() is None, f"$ {command} ended:\n" + log.read_text(errors="replace")
                    assert time.monotonic() < deadline, f"$ {command} did not listen in 120 s"
                    time.sleep(0.1)
                continue
            done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)
            agree(command, expected, done.stdout + done.stderr)
    finally:
        for _, _, proc, _ in background:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    for command, expected, proc, log in background:
        agree(command, expected, log.read_text(encoding="utf-8", errors="replace"))
        if shlex.split(command)[0] == "kg":
            assert proc.returncode == 0, f"$ {command}: Ctrl-C stops it with exit status 0, not {proc.returncode}"


def test_every_command_has_a_session_in_the_readme():
    """Each command ``kg --help`` lists is run, with its real output, in at least one ```console block."""
    from kg.cli import main

    run = {line.split()[2] for block in CONSOLE for line in block.splitlines() if line.startswith("$ kg ")}
    assert set(main.commands) <= run, f"no console session runs: {sorted(set(main.commands) - run)}"
