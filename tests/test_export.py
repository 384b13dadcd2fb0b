"""The export stage: the same graph in Turtle, N-Triples, N-Quads and JSON-LD, written atomically.

Every serialisation must say exactly the same triples (checked with independent
parsers: rdflib, PyLD and, when installed, Raptor's ``rapper``), the files must be
byte-for-byte the same for the same site whatever the order its files were made
in, and a failed write must leave the previous outputs as they were.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
import rdflib
from pyld import jsonld
from rdflib.compare import to_isomorphic

import kg
import kg.export
import kg.export.atomic
from kg.errors import OutputError
from kg.formats import WRITTEN

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "tiny.ttl"
SITE = "https://example.org"
SOURCE = f"{SITE}/kg/source/"
OUTPUT_FILES = sorted(["build-report.json", "void.ttl", *(f.written for f in WRITTEN if f.written)])

# Two project pages (sv/en), one theme, one post: small enough to check by eye.
TINY = {
    "_config.yml": """\
        title: Exempellabbet
        url: https://example.org
        lang: sv
        collections:
          clients:
            output: true
            permalink: /:title/
          themes:
            output: true
            permalink: /:title/
        defaults:
        - scope:
            path: ''
            type: posts
          values:
            permalink: /news/:title/
        """,
    "_clients/projekt.md": """\
        ---
        title: Projektet
        ref: projekt
        lang: sv
        year: 2020-2021
        client: Exempelföreningen
        partners:
        - Open Source Politics
        categories:
        - _themes/tema.md
        excerpt: Ett litet projekt.
        ---
        Projektets text.
        """,
    "_clients/project-en.md": """\
        ---
        title: The project
        ref: projekt
        lang: en
        year: 2020-2021
        client: Exempelföreningen
        partners:
        - Open Source Politics
        categories:
        - _themes/tema.md
        excerpt: A small project.
        ---
        The project's text.
        """,
    "_themes/tema.md": """\
        ---
        title: Temat
        ref: tema
        lang: sv
        excerpt: Om temat.
        links:
        - title: Plattformen
          url: https://decidim.org/
        ---
        """,
    "_posts/2021-05-11-nyheten.md": """\
        ---
        title: Nyheten
        date: 2021-05-11 11:22:23 +0200
        excerpt: En kort nyhet.
        categories: [_themes/tema.md]
        clients: [_clients/projekt.md]
        ---
        Text utan namn.
        """,
}


@pytest.fixture
def tiny(make_site, tmp_path) -> Path:
    return make_site(tmp_path / "tiny", TINY)


@pytest.fixture
def tiny_out(tiny, tmp_path) -> Path:
    out = tmp_path / "out"
    kg.build(tiny, out)
    return out


def nt_set(text: str) -> set[str]:
    """N-Triples text → its set of triples in canonical N-Triples (via rdflib), for comparing formats."""
    graph = rdflib.Graph().parse(data=text, format="nt")
    return {line for line in graph.serialize(format="nt").splitlines() if line.strip()}


# -- golden file ---------------------------------------------------------------------------------


def test_tiny_site_turtle_matches_the_golden_file(tiny_out):
    """The tiny site's ``graph.ttl`` is exactly ``tests/golden/tiny.ttl``.

    To regenerate after an intended change: ``KG_UPDATE_GOLDEN=1 pytest tests/test_export.py``,
    then read the diff triple by triple before committing it.
    """
    produced = (tiny_out / "graph.ttl").read_bytes()
    if os.environ.get("KG_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(produced)
    assert produced == GOLDEN.read_bytes()


# -- determinism ---------------------------------------------------------------------------------


def test_building_twice_gives_identical_files(tiny, tmp_path):
    """Two builds of one site give byte-identical outputs, report included."""
    kg.build(tiny, tmp_path / "a")
    kg.build(tiny, tmp_path / "b")
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [".kg", *OUTPUT_FILES]
    for name in OUTPUT_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_file_creation_order_does_not_matter(make_site, tiny, tmp_path):
    """A copy of the site whose files (and folders) were created in reverse order gives the same bytes."""
    reverse = tmp_path / "reverse"
    for rel in sorted(TINY, reverse=True):
        make_site(reverse, {"_config.yml": None, rel: TINY[rel]})
    kg.build(tiny, tmp_path / "a")
    kg.build(reverse, tmp_path / "b")
    for name in OUTPUT_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_outputs_do_not_depend_on_the_hash_seed(tiny, tmp_path):
    """Separate processes with different ``PYTHONHASHSEED`` (set iteration order) write the same bytes."""
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tiny), "--out", str(tmp_path / seed), "-q"],
                       check=True, env=env, capture_output=True, cwd=ROOT)
    for name in OUTPUT_FILES:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


# -- N-Triples and N-Quads -----------------------------------------------------------------------


def test_ntriples_lines_are_sorted_and_unique(tiny_out):
    """``graph.nt`` is one triple a line, sorted, no line twice: it diffs well in git."""
    lines = (tiny_out / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))
    assert all(line.endswith(" .") for line in lines)


def test_nquads_graphs_are_source_files(tiny, tiny_out):
    """Every quad sits in the graph ``<site>/kg/source/<path>`` of a file that exists.

    The site's own files are site-relative; the one other graph holds the facts kg's
    bundled registry (``kg/ontology/registry.yml``) contributes, named ``ontology/registry.yml``.
    """
    ds = rdflib.Dataset()
    ds.parse(tiny_out / "graph.nq", format="nquads")
    graphs = {str(ctx.identifier) for ctx in ds.graphs() if len(ctx)}
    assert graphs, "no named graphs"
    for iri in graphs:
        assert iri.startswith(SOURCE), iri
        path = unquote(iri[len(SOURCE):])
        assert (tiny / path).is_file() or path == "ontology/registry.yml", path
    assert (ROOT / "kg" / "ontology" / "registry.yml").is_file()
    expected = {SOURCE + p for p in ("_config.yml", "_clients/projekt.md", "_clients/project-en.md",
                                     "_themes/tema.md", "_posts/2021-05-11-nyheten.md", "ontology/registry.yml")}
    assert graphs == expected
    for quad in ds.quads((None, None, None, None)):
        assert quad[3] is not None and str(quad[3]) in graphs


def test_every_named_graph_is_a_described_source_file(tiny_out):
    """Each named graph is a ``kgo:SourceFile`` with its ``kgo:path``, so queries can join graph and file."""
    ds = rdflib.Dataset()
    ds.parse(tiny_out / "graph.nq", format="nquads")
    union = rdflib.Graph().parse(tiny_out / "graph.nt", format="nt")
    kgo = rdflib.Namespace("https://digidemlab.org/kg/ontology#")
    for ctx in ds.graphs():
        if len(ctx):
            assert (ctx.identifier, rdflib.RDF.type, kgo.SourceFile) in union, ctx.identifier


def test_the_union_of_the_nquads_graphs_is_the_ntriples_graph(tiny_out):
    """Dropping the graph names from ``graph.nq`` gives exactly the triples of ``graph.nt``."""
    ds = rdflib.Dataset()
    ds.parse(tiny_out / "graph.nq", format="nquads")
    union = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    nt = set(rdflib.Graph().parse(tiny_out / "graph.nt", format="nt"))
    assert union == nt


# -- JSON-LD and Turtle say the same triples -----------------------------------------------------


# Strings every serialiser must escape: quotes, backslashes, control characters, emoji,
# '@' keywords, spaces in paths and IRIs, a numeric name and a numeric ref.
NASTY = {
    '_clients/quote"back\\slash ö.md': """\
        ---
        title: 'Citat "inom" \\ bakstreck'
        partners: ['5', 'Ärende & Co', "Tab\\tSep", 'Emoji 🎉 AB', 'A.B.', '@id']
        excerpt: "Rad ett\\nrad två \\u0007 klocka"
        image: '/up loads/bild "x".png'
        year: 2020
        ---
        Text with <script>alert(1)</script> and {{ liquid }}.
        """,
    "_clients/under_score.md": "---\ntitle: '@context'\nref: 'a b/c'\n---\n",
    "_themes/t.md": "---\ntitle: '@type'\nref: '123'\n---\n",
}


@pytest.fixture(params=["tiny", "nasty", "content"])
def built_out(request, make_site, tmp_path) -> Path:
    """The outputs of the tiny site, the site of nasty strings, and the example site."""
    site = {"tiny": lambda: make_site(tmp_path / "tiny", TINY),
            "nasty": lambda: make_site(tmp_path / "nasty", NASTY),
            "content": lambda: ROOT / "content"}[request.param]()
    out = tmp_path / "out"
    kg.build(site, out)
    return out


def test_jsonld_expands_to_exactly_the_ntriples(built_out):
    """PyLD, an independent JSON-LD processor, turns ``graph.jsonld`` into exactly the triples of ``graph.nt``.

    The context is inline, so nothing is fetched from the network.
    """
    doc = json.loads((built_out / "graph.jsonld").read_text(encoding="utf-8"))
    assert isinstance(doc["@context"], dict)  # inline: PyLD needs no document loader
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    expanded = rdflib.Graph().parse(data=nquads, format="nt")
    reference = rdflib.Graph().parse(built_out / "graph.nt", format="nt")
    assert len(expanded) == len(reference)
    assert to_isomorphic(expanded) == to_isomorphic(reference)
    assert nt_set(nquads) == nt_set((built_out / "graph.nt").read_text(encoding="utf-8"))


def test_turtle_parses_to_the_ntriples(built_out):
    """rdflib reads ``graph.ttl`` as the same triples as ``graph.nt``."""
    ttl = rdflib.Graph().parse(built_out / "graph.ttl", format="turtle")
    nt = rdflib.Graph().parse(built_out / "graph.nt", format="nt")
    assert len(ttl) == len(nt) > 0
    assert set(ttl) == set(nt)


@pytest.mark.skipif(shutil.which("rapper") is None,
                    reason="rapper not installed (Debian: apt-get install raptor2-utils)")
@pytest.mark.parametrize(("name", "syntax"), [("graph.ttl", "turtle"), ("graph.nt", "ntriples"),
                                              ("graph.nq", "nquads")])
def test_rapper_parses_the_files_with_the_right_count(built_out, name, syntax):
    """Raptor, a third parser, reads every RDF file without error and counts the same statements."""
    expected = len((built_out / ("graph.nq" if syntax == "nquads" else "graph.nt")).read_text(
        encoding="utf-8").splitlines())
    run = subprocess.run(["rapper", "-i", syntax, "-c", str(built_out / name)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"returned {expected} triples" in run.stderr
    assert "error" not in run.stderr.lower()


# -- atomic writes -------------------------------------------------------------------------------


def snapshot(out: Path) -> dict[str, bytes]:
    """What a reader of ``out`` sees (each output's bytes); behind it, nothing but the build in use."""
    assert leftovers(out) == []
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != ".kg"}


def leftovers(out: Path) -> list[str]:
    """Whatever is in ``out`` besides the outputs and the one build they link to."""
    extra = [name for name in os.listdir(out) if name.startswith(".") and name != ".kg"]
    state = out / ".kg"
    if state.is_dir():
        current = os.readlink(state / "current") if os.path.lexists(state / "current") else None
        extra += [f".kg/{name}" for name in os.listdir(state) if name not in ("builds", "current")]
        extra += [f".kg/builds/{name}" for name in os.listdir(state / "builds") if f"builds/{name}" != current]
    return extra


@pytest.fixture
def previous(make_site, tiny, tmp_path) -> tuple[Path, Path, dict[str, bytes]]:
    """Outputs of a first build, and a changed site to build over them."""
    out = tmp_path / "out"
    kg.build(tiny, out)
    changed = make_site(tmp_path / "changed", {**TINY, "_clients/projekt.md": TINY["_clients/projekt.md"].replace(
        "Projektet", "Det ändrade projektet")})
    return changed, out, snapshot(out)


def test_a_failing_render_leaves_the_previous_outputs(previous, monkeypatch):
    """If rendering one format fails, nothing is written: the old files stay, no temporary files are left."""
    changed, out, before = previous

    def broken(graph):
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(kg.export.OUTPUTS, "graph.jsonld", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        kg.build(changed, out)
    assert snapshot(out) == before


def test_a_failing_rename_leaves_the_previous_outputs(previous, monkeypatch):
    """If moving the new files into place fails, the old files stay and the temporary files are removed."""
    changed, out, before = previous

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(kg.export.atomic.os, "replace", refuse)
    with pytest.raises(OutputError, match="Permission denied"):
        kg.build(changed, out)
    assert snapshot(out) == before  # also: no ".graph.ttl.*.tmp" left beside them


def test_a_failing_write_midway_leaves_no_half_written_file(previous, monkeypatch):
    """A write that dies half-way through a file (disk full) leaves every old file whole, no temporary files."""
    changed, out, before = previous
    real_fdopen = os.fdopen
    calls = []

    class DiskFull:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            calls.append(len(data))
            if len(calls) == 3:
                self.handle.write(data[: len(data) // 2])
                raise OSError(28, "No space left on device")
            return self.handle.write(data)

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(kg.export.atomic.os, "fdopen", lambda fd, mode: DiskFull(real_fdopen(fd, mode)))
    with pytest.raises(OutputError, match="No space left"):
        kg.build(changed, out)
    assert snapshot(out) == before


def as_plain_files(out: Path) -> None:
    """``out`` as an older kg left it: each output a file of its own, no ``.kg``."""
    for path in out.iterdir():
        if path.is_symlink():
            data = path.read_bytes()
            path.unlink()
            path.write_bytes(data)
    shutil.rmtree(out / ".kg")


@pytest.mark.parametrize("failing", range(1, 9))
def test_a_rename_failing_at_any_step_leaves_the_previous_outputs(previous, monkeypatch, failing):
    """Over the plain files of an older kg, eight renames make the outputs links and switch them (one to a
    build of the old files, six links, one switch): whichever fails, a reader sees the previous outputs."""
    changed, out, before = previous
    as_plain_files(out)
    real_replace = os.replace
    calls = []

    def fails(src, dst):
        calls.append(dst)
        if len(calls) == failing:
            raise PermissionError(13, "Permission denied", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(kg.export.atomic.os, "replace", fails)
    with pytest.raises(OutputError, match="Permission denied"):
        kg.build(changed, out)
    assert snapshot(out) == before
    monkeypatch.setattr(kg.export.atomic.os, "replace", real_replace)
    kg.build(changed, out)
    after = snapshot(out)
    assert set(after) == set(before) and after != before and all((out / name).is_symlink() for name in after)


def test_the_outputs_of_an_older_kg_become_links_to_a_build(previous):
    """Plain output files (written by kg before builds were switched as one) are taken over: the next build
    makes them links, and no copy of the old files stays behind."""
    changed, out, before = previous
    as_plain_files(out)
    kg.build(changed, out)
    after = snapshot(out)
    assert set(after) == set(before) and after["graph.nt"] != before["graph.nt"]
    assert all(os.readlink(out / name) == f".kg/current/{name}" for name in after)


def test_a_build_switches_every_output_with_one_rename(previous, monkeypatch):
    """Once the outputs are links, a build renames one thing: ``.kg/current``."""
    changed, out, _before = previous
    real_replace, renamed = os.replace, []

    def replace(src, dst):
        renamed.append(Path(dst).relative_to(out).as_posix())
        real_replace(src, dst)

    monkeypatch.setattr(kg.export.atomic.os, "replace", replace)
    kg.build(changed, out)
    assert renamed == [".kg/current"]


def test_an_output_the_new_build_lacks_is_not_left_pointing_nowhere(make_site, tiny, tmp_path):
    """A report file that a later report no longer has goes with the build that had it."""
    from kg.export.atomic import write_set

    out = tmp_path / "out"
    write_set(out, {"a.txt": "one", "plots/b.txt": "two"})
    assert (out / "plots" / "b.txt").read_text() == "two"
    assert os.readlink(out / "plots" / "b.txt") == "../.kg/current/plots/b.txt"
    write_set(out, {"a.txt": "three"})
    assert (out / "a.txt").read_text() == "three"
    assert not os.path.lexists(out / "plots" / "b.txt")
    assert leftovers(out) == []


def test_what_a_killed_build_left_is_removed_by_the_next(previous):
    """Builds, temporary links and files of a process that is gone (and an older kg's temporary files) are
    removed by the next build; those of a process that still runs are not."""
    changed, out, _before = previous
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    left = [out / ".kg" / "builds" / f"{dead}.0-0badc0de", out / f".kg-tmp-{dead}.0-1234abcd.graph.nt",
            out / ".kg" / f".kg-tmp-{dead}.0-99999999", out / ".graph.ttl.ab3_9xyz.tmp", out / ".graph.nq.previous"]
    left[0].mkdir()
    (left[0] / "graph.nt").write_text("half a file")
    for path in left[1:]:
        path.write_text("half a file")
    alive = out / ".kg" / "builds" / f"{os.getppid()}.0-abcdef12"  # a build of a process that runs
    alive.mkdir()
    kg.build(changed, out)
    assert [path for path in left if os.path.lexists(path)] == []
    assert alive.is_dir()
    shutil.rmtree(alive)
    assert leftovers(out) == []


def test_outputs_are_written_with_the_umask(tiny, tmp_path):
    """The new files are ordinary files (mode from the umask), not the 0600 of temporary files."""
    out = tmp_path / "out"
    kg.build(tiny, out)
    mask = os.umask(0)
    os.umask(mask)
    for name in OUTPUT_FILES:
        assert (out / name).stat().st_mode & 0o777 == 0o666 & ~mask, name



# -- two processes writing -----------------------------------------------------------------------


@pytest.fixture
def beside(monkeypatch, forks) -> list[int]:
    """Even a tiny graph is written by two processes; the helpers' process ids are collected."""
    monkeypatch.setattr(kg.export, "PARALLEL_FROM", 0)
    return forks


def test_files_written_by_two_processes_are_the_same_bytes(tiny, tmp_path, beside):
    """A helper process writes graph.jsonld and graph.nt while this one writes the rest: same files, byte for
    byte, as one process writes."""
    kg.build(tiny, tmp_path / "two", workers=2)
    assert len(beside) == 1
    kg.build(tiny, tmp_path / "one", workers=1)
    assert len(beside) == 1  # one worker: no helper
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "one")


def test_a_failure_in_the_helper_is_raised_here_and_leaves_the_previous_outputs(previous, monkeypatch, beside):
    """The helper's exception comes back as itself (type and message); nothing is moved into place."""
    changed, out, before = previous

    def broken(graph):
        raise RuntimeError("disk on fire")
        yield

    monkeypatch.setitem(kg.export.OUTPUTS, "graph.jsonld", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        kg.build(changed, out, workers=2)
    assert len(beside) == 1
    assert snapshot(out) == before


def test_a_helper_that_dies_is_an_error_and_leaves_the_previous_outputs(previous, monkeypatch, beside):
    """A helper killed outright (out of memory, a signal) cannot say why: its death is reported by signal."""
    changed, out, before = previous

    def killed(graph):
        os.kill(os.getpid(), 9)
        yield ""

    monkeypatch.setitem(kg.export.OUTPUTS, "graph.nt", killed)
    with pytest.raises(OutputError, match=r"the process writing graph.nt, graph.jsonld died \(signal 9\)"):
        kg.build(changed, out, workers=2)
    assert snapshot(out) == before


def test_a_helper_that_cannot_start_fails_the_build_cleanly(previous, monkeypatch, beside):
    """No process left to fork (EAGAIN): the error is raised, the old files stay, and no file handle or
    temporary file is left behind."""
    changed, out, before = previous

    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(kg.export.atomic.os, "fork", no_fork)
    open_before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    with pytest.raises(OutputError, match="Resource temporarily unavailable"):  # kept no longer: it holds frames
        kg.build(changed, out, workers=2)
    assert snapshot(out) == before
    if open_before is not None:
        assert len(os.listdir("/proc/self/fd")) == open_before


def test_a_failure_here_stops_the_helper(previous, monkeypatch, beside):
    """When this process fails first, the helper is stopped and reaped, not left running or a zombie."""
    changed, out, before = previous

    def broken(graph):
        raise RuntimeError("turtle on fire")
        yield

    def slow(graph):
        import time

        time.sleep(60)
        yield ""

    monkeypatch.setitem(kg.export.OUTPUTS, "graph.ttl", broken)
    monkeypatch.setitem(kg.export.OUTPUTS, "graph.jsonld", slow)
    with pytest.raises(RuntimeError, match="turtle on fire"):
        kg.build(changed, out, workers=2)
    assert len(beside) == 1
    with pytest.raises(ProcessLookupError):
        os.kill(beside[0], 0)  # gone: killed and waited for
    assert snapshot(out) == before


INTERRUPT = """
import os, signal, sys
import kg.export.atomic as atomic
from kg.cli import main

real_write = atomic._write
files = []

def write_then_interrupt(handle, content):
    files.append(handle.name)
    if len(files) == 3:  # a real Ctrl-C, half-way through the third file
        handle.write(b"half a file")
        os.kill(os.getpid(), signal.SIGINT)
    real_write(handle, content)

atomic._write = write_then_interrupt
main(sys.argv[1:])
"""


@pytest.mark.usefixtures("ctrl_c_as_at_a_terminal")
@pytest.mark.parametrize("when", ["writing", "writing beside a helper", "switching"])
def test_ctrl_c_during_a_build_leaves_the_previous_outputs(previous, tmp_path, when):
    """SIGINT half-way through writing (or just before the switch) exits 130, says so, and leaves every
    previous output byte for byte as it was, with no temporary or backup file beside them. When a helper
    process writes some of the files, it is stopped too."""
    changed, out, before = previous
    script = INTERRUPT if when.startswith("writing") else INTERRUPT.replace(
        "atomic._write = write_then_interrupt", "real_replace = os.replace\n"
        "def interrupt_then_replace(src, dst):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    real_replace(src, dst)\n"
        "atomic.os.replace = interrupt_then_replace")
    if when == "writing beside a helper":  # the third file this process writes (the helper writes two more)
        script = script.replace("import kg.export.atomic as atomic", "import kg.export.atomic as atomic\n"
                                "import kg.export\nkg.export.PARALLEL_FROM = 0")
    proc = subprocess.run([sys.executable, "-c", script, "build", str(changed), "--out", str(out), "-q"],
                          capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 130, proc.stderr
    assert "interrupted" in proc.stderr and "Traceback" not in proc.stderr
    assert snapshot(out) == before


@pytest.mark.usefixtures("ctrl_c_as_at_a_terminal")
def test_ctrl_c_just_after_the_switch_finishes_the_build(previous, tmp_path):
    """Once the new build is switched in, the build is done: a Ctrl-C then costs nothing but the tidying
    up (left to the next build), and every output is the new build's."""
    changed, out, before = previous
    script = INTERRUPT.replace(
        "atomic._write = write_then_interrupt", "real_replace = os.replace\n"
        "def replace_then_interrupt(src, dst):\n"
        "    real_replace(src, dst)\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "atomic.os.replace = replace_then_interrupt")
    proc = subprocess.run([sys.executable, "-c", script, "build", str(changed), "--out", str(out), "-q"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    after = {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != ".kg"}
    fresh = tmp_path / "fresh"
    kg.build(changed, fresh)
    assert after == snapshot(fresh) != before


def test_blank_nodes_survive_every_writer(tmp_path):
    """A graph with blank nodes (a CONSTRUCT answer may have them) is written faithfully in every format."""
    import rdflib.compare
    from pyoxigraph import RdfFormat, parse

    from kg.export import OUTPUTS
    from kg.graph import KnowledgeGraph

    rows = sorted([
        ("_:b0", "<http://schema.org/name>", '"Anonymous"@sv', "<https://example.org/kg/source/x.md>"),
        ("<https://example.org/kg/project/p>", "<http://schema.org/funder>", "_:b0",
         "<https://example.org/kg/source/x.md>"),
        ("_:b0", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://schema.org/Organization>",
         "<https://example.org/kg/source/x.md>"),
    ])
    graph = KnowledgeGraph(rows, "https://example.org")
    expected = rdflib.Graph().parse(data="".join(graph.ntriples_lines()), format="nt")
    formats = {"graph.ttl": "turtle", "graph.nt": "nt", "graph.nq": "nquads", "graph.jsonld": "json-ld"}
    for name, write in OUTPUTS.items():
        text = "".join(write(graph))
        if name == "graph.nq":
            got, dataset = rdflib.Graph(), rdflib.Dataset()
            dataset.parse(data=text, format="nquads")  # (what parse returns differs between rdflib versions)
            for s, p, o, _g in dataset.quads((None, None, None, None)):
                got.add((s, p, o))
        else:
            got = rdflib.Graph().parse(data=text, format=formats[name])
        assert rdflib.compare.isomorphic(got, expected), name
        fmt = {"graph.ttl": RdfFormat.TURTLE, "graph.nt": RdfFormat.N_TRIPLES, "graph.nq": RdfFormat.N_QUADS,
               "graph.jsonld": RdfFormat.JSON_LD}[name]
        assert len(list(parse(text.encode("utf-8"), format=fmt))) == 3, name
