"""Nothing left behind: a build killed at any moment leaves the old outputs or the new ones, never a mix;
its readers and helpers die with it; the next build removes what it left; ``kg serve`` stopped with
SIGTERM removes its temporary folder.

The random kills are ``bench/kill_builds.py`` run for 20 kills on small sites (about a minute
here); run the script itself for hundreds. Beside them, a write is killed before each of its
file system calls in turn, so that no step goes untried.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import generated_site

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc/self") or not hasattr(os, "fork"),
                                reason="needs fork and /proc to see which processes are left")


def _kill_builds():
    spec = importlib.util.spec_from_file_location("kill_builds", ROOT / "bench" / "kill_builds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


kill_builds = _kill_builds()


@pytest.mark.usefixtures("ctrl_c_as_at_a_terminal")
def test_a_build_killed_at_random_moments_leaves_the_old_outputs_or_the_new_never_a_mix(tmp_path):
    """20 builds, each killed (kill -9, SIGTERM or SIGINT, at random) at a random moment, mostly near the end
    where the files are written and switched: after each, every output's checksum is that of the build
    before or of the one being made, all of them the same one; no process of it is left; and after one more
    build nothing remains beside the outputs."""
    site_a = generated_site(tmp_path / "a", 40, seed=1)
    site_b = generated_site(tmp_path / "b", 40, seed=2)
    lines: list[str] = []
    failures = kill_builds.run(site_a, site_b, tmp_path / "out", kills=20, seed=13, say=lines.append)
    print("\n".join(lines))
    assert failures == []
    assert sum(1 for line in lines if "kill " in line and "exit    0" not in line) >= 5  # most were cut short


READ_SLOWLY = """
import sys, time
import kg.load
import kg.load.workers as workers

workers.PARALLEL_FROM, workers.CHUNK = 2, 2
real = kg.load._load_document

def slowly(*args, **kwargs):
    time.sleep(0.05)
    return real(*args, **kwargs)

kg.load._load_document = slowly
from kg.cli import main
main(sys.argv[1:])
"""


def started(proc: subprocess.Popen, at_least: int = 1, within: float = 60.0) -> list[int]:
    """The processes ``proc`` has started, once there are ``at_least``."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        found = [pid for pid in kill_builds.children_of(proc.pid) if kill_builds.running(pid)]
        if len(found) >= at_least:
            return found
        assert proc.poll() is None, "the build ended before it started its processes"
        time.sleep(0.05)
    raise AssertionError("no process was started")


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_the_readers_of_a_killed_build_are_gone_within_two_seconds(make_site, tmp_path, how):
    """A harness waiting for the build's output must not wait for its readers: killed (kill -9) or stopped
    (SIGTERM) while they read, the build and every reader are gone, and stdout/stderr closed, within
    two seconds."""
    site = make_site(tmp_path / "site", {f"_clients/c{i:03d}.md": f"---\ntitle: Kund {i}\n---\n" for i in range(400)})
    proc = subprocess.Popen([sys.executable, "-c", READ_SLOWLY, "build", str(site), "--out", str(tmp_path / "out"),
                             "-q", "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    readers = started(proc, at_least=2)
    proc.send_signal(how)
    start = time.monotonic()
    proc.communicate(timeout=10)  # returns once every holder of the pipes has closed them
    gone = time.monotonic() - start
    assert gone < 2.0, f"stdout/stderr stayed open {gone:.1f} s"
    time.sleep(0.2)
    assert [pid for pid in readers if kill_builds.running(pid)] == []
    assert not (tmp_path / "out").exists() or kill_builds.checksums(tmp_path / "out") == {}


HELPER_SLEEPS = """
import time
from kg.forked import Helper
helper = Helper(lambda send: time.sleep(600), "sleeping")
print(helper.pid, flush=True)
time.sleep(600)
"""


def test_a_helper_dies_with_its_killed_parent(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", HELPER_SLEEPS], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    helper = int(proc.stdout.readline())
    assert kill_builds.running(helper)
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline and kill_builds.running(helper):
        time.sleep(0.05)
    assert not kill_builds.running(helper)


def test_kg_serve_stopped_with_sigterm_removes_its_temporary_folder(make_site, tmp_path):
    """The folder of graph files ``kg serve SITE`` makes goes when SIGTERM stops it; one a server killed
    outright left (its process gone) is removed by the next server."""
    site = make_site(tmp_path / "site", {"_clients/c.md": "---\ntitle: Kund\nclient: Staden\n---\n"})
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    left = tmp / f"kg-serve-{dead}.0-k1ll3d9x"
    left.mkdir()
    (left / "graph.nq").write_text("")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(site), "--port", "0", "--workers", "1"],
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "TMPDIR": str(tmp)})
    line = proc.stderr.readline()
    assert "serving" in line, line + proc.stderr.read()
    assert [p.name for p in tmp.iterdir() if p.name.startswith("kg-serve-")] != []
    assert not left.exists()
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert [p.name for p in tmp.iterdir() if p.name.startswith("kg-serve-")] == []


STEPS = ("open", "fsync", "mkdir", "symlink", "link", "replace", "unlink", "rmdir", "rename")


def visible(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text() for name in sorted(os.listdir(out)) if not name.startswith(".")
            and os.path.exists(out / name)} if out.is_dir() else {}


def killed_at(step: int, out: Path, files: dict[str, str]) -> bool:
    """Write ``files`` into ``out`` in a forked child that is killed (SIGKILL) just before its ``step``-th
    file system call; whether it was (False: it finished first)."""
    from kg.export import atomic

    pid = os.fork()
    if pid == 0:  # the child: count the calls, die at the chosen one
        calls = [0]

        def counted(real):
            def call(*args, **kwargs):
                calls[0] += 1
                if calls[0] == step:
                    os.kill(os.getpid(), signal.SIGKILL)
                return real(*args, **kwargs)
            return call

        for name in STEPS:
            setattr(os, name, counted(getattr(os, name)))
        try:
            atomic.write_set(out, files)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status)


@pytest.mark.parametrize("before", ["links of an earlier build", "plain files of an older kg", "nothing"])
def test_a_write_killed_before_any_step_leaves_one_build_whole(tmp_path, before):
    """``kill -9`` before each file system call of a write, one after another until the write gets through:
    a reader sees every old file or every new one, and the next write leaves nothing else behind."""
    from kg.export import atomic

    names = ["build-report.json", "graph.jsonld", "graph.nq", "graph.nt", "graph.ttl", "void.ttl"]
    old = {name: f"old {name}\n" for name in names}
    new = {name: f"new {name}\n" for name in names}
    step = 0
    while True:
        step += 1
        out = tmp_path / f"out-{step}"
        if before == "links of an earlier build":
            atomic.write_set(out, old)
        elif before == "plain files of an older kg":
            out.mkdir()
            for name, text in old.items():
                (out / name).write_text(text)
        was_killed = killed_at(step, out, new)
        seen = visible(out)
        assert seen in (old if before != "nothing" else {}, new), f"killed before step {step}: {seen}"
        atomic.write_set(out, new)
        assert visible(out) == new
        assert kill_builds.leftovers(out) == [], f"killed before step {step}"
        if not was_killed:
            break
    assert step > 20  # every step of the write was cut once
