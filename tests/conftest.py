"""Shared fixtures: tiny Jekyll sites written inside each test, and the real corpus.

``make_site(tmp_path, {...})`` writes a site from a mapping of site-relative path →
content and returns the site folder. Text is dedented (so it can be indented like
the test around it) and a leading newline dropped; bytes are written as they are.
Unless the mapping names ``_config.yml`` itself, the site gets ``DEFAULT_CONFIG``:
url ``https://example.org``, language ``sv``, and the collections ``clients``,
``themes`` (output, ``/:title/``) and ``crew`` (not output), shaped like
digidemlab.org. Map ``"_config.yml"`` to ``None`` for a site without one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/digidemlab-site"

BASE = "https://example.org"

DEFAULT_CONFIG = """\
    title: Exempellabbet
    url: https://example.org
    lang: sv
    permalink: /:title/
    collections:
      clients:
        output: true
        permalink: /:title/
      themes:
        output: true
        permalink: /:title/
      crew:
        output: false
    defaults:
    - scope:
        path: ''
        type: posts
      values:
        permalink: /news/:title/
    """

def pytest_configure(config: pytest.Config) -> None:
    # rdflib 7 warns about its own internals whenever it parses N-Quads into a Dataset.
    config.addinivalue_line("filterwarnings", "ignore:Dataset.default_context is deprecated:DeprecationWarning")


SiteMaker = Callable[[Path, Mapping[str, "str | bytes | None"]], Path]


def write_site(root: Path, files: Mapping[str, str | bytes | None]) -> Path:
    """Write ``files`` under ``root`` (see the module docstring) and return ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    files = dict(files)
    files.setdefault("_config.yml", DEFAULT_CONFIG)
    for rel, content in files.items():
        if content is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            text = textwrap.dedent(content)
            path.write_bytes(text.removeprefix("\n").encode("utf-8"))
    return root


@pytest.fixture
def make_site() -> SiteMaker:
    """``make_site(tmp_path, {"_posts/2021-05-11-x.md": "..."})`` → the site folder."""
    return write_site


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real digidemlab.org content in ``../shared`` (skipped when it is not there)."""
    if not CORPUS.is_dir():
        pytest.skip(f"real corpus not found at {CORPUS} (it lives in ../shared beside the project)")
    return CORPUS


def generated_site(root: Path, documents: int, seed: int) -> Path:
    """A synthetic site from bench/generate.py, shaped like the real one (messy cases included)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("bench_generate", Path(__file__).resolve().parents[1]
                                                  / "bench" / "generate.py")
    gen = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_generate", gen)
    spec.loader.exec_module(gen)
    site = root / "site"
    gen.generate(site, documents, seed=seed)
    return site


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process ids of every process forked with ``os.fork`` during the test."""
    import os

    real_fork, forked = os.fork, []

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return forked


@pytest.fixture
def ctrl_c_as_at_a_terminal() -> Iterator[None]:
    """Ctrl-C (SIGINT) handled as in a terminal's foreground job, in this process and the ones the test starts.

    A test run started with SIGINT ignored (a background job, ``nohup``) would hand that on to every
    process it starts, and a Ctrl-C test would then test nothing. A handler installed here is reset to
    the default in a child when it starts a program, so a child Python turns SIGINT into
    ``KeyboardInterrupt`` whichever way the test run was started.
    """
    import signal

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``kg`` with a pseudo-terminal as its stdout and stderr; what it showed there."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "COLUMNS": "200"}
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                               stdout=follower, stderr=follower, env=env)
    os.close(follower)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return process.wait(timeout=300), shown.decode("utf-8", "replace")
