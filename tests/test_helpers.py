"""Helpers: forked processes that do part of a big build beside the main one.

Three stages use them: mapping (bodies → plain text), resolving (links and text →
registry entries; names by their form and the site's own names in texts, each worked from
both ends by :mod:`kg.halves`) and writing (two of the files). A helper may only make the
build sooner: the answers are the same with or without it, a helper that fails
is either made up for (mapping, resolving) or reported (writing), and none is
ever left running. These tests lower the size at which helpers start, so that
small sites use them.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from conftest import generated_site

import kg
import kg.export
import kg.pipeline
from kg import halves
from kg.diagnostics import Diagnostics
from kg.forked import Helper, HelperFailed
from kg.load import load_site
from kg.map import bodies, map_site
from kg.map.terms import LinkTo, TextIn
from kg.resolve import load_registry, mentions


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-document site from bench/generate.py, shaped like the real one (messy cases included)."""
    return generated_site(tmp_path_factory.mktemp("synthetic"), 300, seed=5)


@pytest.fixture
def helpers_for_all(monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> list[int]:
    """Every stage uses its helper whatever the size, in small messages; the helpers' process ids are kept."""
    monkeypatch.setattr(bodies, "PARALLEL_FROM", 0)
    monkeypatch.setattr(bodies, "CHUNK", 7)
    monkeypatch.setattr(mentions, "PARALLEL_FROM", 0)
    monkeypatch.setattr(mentions, "CHUNK", 11)
    monkeypatch.setattr(halves, "PARALLEL_FROM", 0)
    monkeypatch.setattr(halves, "CHUNK", 5)
    monkeypatch.setattr(kg.export, "PARALLEL_FROM", 0)
    return forks


def tree(root: Path) -> dict[str, bytes]:
    """Every output by its path (the builds behind them, in ``.kg/``, have names of their own)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".kg" not in p.relative_to(root).parts}


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def in_helper(parent: int = os.getpid()) -> bool:
    return os.getpid() != parent


# -- the build ----------------------------------------------------------------------------------


def test_a_build_with_helpers_is_byte_identical_to_one_without(synthetic, helpers_for_all, tmp_path):
    kg.build(synthetic, tmp_path / "alone", workers=1)
    assert helpers_for_all == []
    kg.build(synthetic, tmp_path / "helped", workers=2)
    assert len(helpers_for_all) == 5, "mapping, resolving (three: registry, forms, site names) and writing"
    assert all(gone(pid) for pid in helpers_for_all), "every helper has been waited for"
    alone, helped = tree(tmp_path / "alone"), tree(tmp_path / "helped")
    assert sorted(alone) == sorted(helped)
    for name in alone:
        assert alone[name] == helped[name], name


def test_a_very_big_site_is_built_without_helpers_and_lets_its_bodies_go(synthetic, helpers_for_all, monkeypatch,
                                                                           tmp_path):
    """Above HELPERS_UP_TO documents memory comes first: the helpers' copies of shared pages would
    take a 100 000-document build past 2 GB, and so would the bodies kept beside their words once
    mapped. The files are the same."""
    helped = kg.build(synthetic, tmp_path / "helped", workers=2)
    assert len(helpers_for_all) == 5
    assert not helped.site.bodies_released
    assert any(doc.body.strip() for doc in helped.site.documents)
    documents = len(load_site(synthetic, diagnostics=Diagnostics(), workers=1).documents)
    monkeypatch.setattr(kg.pipeline, "HELPERS_UP_TO", documents - 1)
    helpers_for_all.clear()
    alone = kg.build(synthetic, tmp_path / "alone", workers=2)
    assert helpers_for_all == []
    assert tree(tmp_path / "alone") == tree(tmp_path / "helped")
    assert alone.site.bodies_released
    assert [doc.body for doc in alone.site.documents if doc.body] == []
    assert [doc.data for doc in alone.site.documents] == [doc.data for doc in helped.site.documents]


_DYING = {"bodies": (bodies, "body_text"), "mentions": (mentions, "entities_in"),
          "names by form": (kg.resolve, "names_by_form")}


@pytest.mark.parametrize("stage", sorted(_DYING))
def test_a_helper_that_dies_half_way_is_made_up_for(synthetic, helpers_for_all, monkeypatch, tmp_path, stage):
    """A mapping or resolving helper killed half-way (out of memory, say) costs time, not answers."""
    kg.build(synthetic, tmp_path / "alone", workers=1)
    module, name = _DYING[stage]
    real, calls = getattr(module, name), []

    def dies_in_the_helper(*args):
        calls.append(1)
        if in_helper() and len(calls) == 30:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args)

    monkeypatch.setattr(module, name, dies_in_the_helper)
    kg.build(synthetic, tmp_path / "helped", workers=2)
    assert calls, "the helper died, and what it had not done was worked out here"
    assert tree(tmp_path / "helped") == tree(tmp_path / "alone")
    assert all(gone(pid) for pid in helpers_for_all)


# -- mapping ------------------------------------------------------------------------------------


def test_body_texts_from_the_helper_are_the_ones_worked_out_here(synthetic, helpers_for_all):
    site = load_site(synthetic, diagnostics=Diagnostics(), workers=1)
    wanted = [doc for doc in site.documents if doc.collection == "posts"]
    with bodies.BodyTexts(site.documents, lambda doc: doc.collection == "posts", workers=2) as texts:
        assert len(helpers_for_all) == 1
        for doc in wanted:
            assert texts(doc) == bodies.body_text(doc.body)
            assert texts(doc) == bodies.body_text(doc.body), "asked twice: the same answer"
        other = next(doc for doc in site.documents if doc.collection != "posts")
        assert texts(other) == bodies.body_text(other.body), "a document the helper does not do"
    assert gone(helpers_for_all[0])


def test_mapping_stops_its_helper_when_it_fails(synthetic, helpers_for_all, monkeypatch):
    """An error while mapping (or Ctrl-C) stops the helper at once; it is not left to run or linger."""
    site = load_site(synthetic, diagnostics=Diagnostics(), workers=1)
    monkeypatch.setattr(bodies, "body_text", lambda body: (time.sleep(60) if in_helper() else None,
                                                           bodies.BodyText("", ""))[1])

    def interrupted(ctx, path, collection):
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.map.site.source_file", interrupted)  # before the first document is mapped
    with pytest.raises(KeyboardInterrupt):
        map_site(site, Diagnostics(), workers=2)
    assert len(helpers_for_all) == 1 and gone(helpers_for_all[0])


# -- resolving ----------------------------------------------------------------------------------


def test_mentions_from_the_helper_are_the_ones_worked_out_here(synthetic, helpers_for_all, monkeypatch):
    site = load_site(synthetic, diagnostics=Diagnostics(), workers=1)
    ctx = map_site(site, Diagnostics(), workers=1)
    registry = load_registry(site.data.get("kg/registry"))
    placeholders = [st.object for st in ctx.statements if isinstance(st.object, (LinkTo, TextIn))]
    assert len(placeholders) > 100
    real = mentions.entities_in
    expected = [real(registry, p) for p in placeholders]
    assert any(expected), "the site's links and posts name some registry entries"
    with mentions.Mentions(ctx.statements, registry, workers=2) as found:
        assert len(helpers_for_all) == 1
        os.waitid(os.P_PID, helpers_for_all[0], os.WEXITED | os.WNOWAIT)  # the helper has done them all
        here = []
        monkeypatch.setattr(mentions, "entities_in", lambda *args: here.append(args) or [])
        assert list(found) == expected
        assert here == [], "every answer came from the helper"
    assert gone(helpers_for_all[0])
    monkeypatch.setattr(mentions, "entities_in", real)
    with mentions.Mentions(ctx.statements, registry, workers=2) as half_way:
        # Taken at once, before the helper has sent much: this process works from the front, the
        # helper from the back, and the answers are the same.
        assert list(half_way) == expected


def test_work_from_both_ends_gives_the_answers_in_order_whoever_worked_them_out(monkeypatch):
    items = list(range(1003))
    assert halves.from_both_ends(lambda i: i * i, items, "squaring", chunk=10, parallel_from=0) == [
        i * i for i in items]
    assert halves.from_both_ends(lambda i: i * i, items, "squaring", workers=1, parallel_from=0) == [
        i * i for i in items]
    here = []

    def square(i):
        if not in_helper():
            here.append(i)
            time.sleep(0.001)  # this process is slow: the helper does most of the list
        return i * i

    assert halves.from_both_ends(square, items, "squaring", chunk=10, parallel_from=0) == [i * i for i in items]
    assert 0 < len(here) < len(items), "both sides worked"


# -- the helper itself --------------------------------------------------------------------------


def test_a_helper_sends_its_messages_in_order_then_ends():
    def work(send):
        for i in range(1000):
            send(("message", i, "x" * 1000))

    with Helper(work, "counting") as helper:
        got = []
        with pytest.raises(EOFError):
            while True:
                got.append(helper.receive()[1])
        assert got == list(range(1000))
        assert helper.pid is None, "waited for once it ended"


def test_an_error_in_a_helper_is_raised_here_as_itself():
    class Odd(Exception):  # a local class cannot be pickled: sent as text instead
        pass

    def fails(send):
        send(1)
        raise ValueError("no such thing")

    with Helper(fails, "failing") as helper:
        assert helper.receive() == 1
        with pytest.raises(ValueError, match="no such thing"):
            helper.receive()

    def fails_oddly(send):
        raise Odd("odd")

    with Helper(fails_oddly, "failing oddly") as helper, pytest.raises(HelperFailed, match="Odd: odd"):
        helper.receive()


def test_a_helper_killed_is_reported_with_its_signal():
    def killed(send):
        os.kill(os.getpid(), signal.SIGKILL)

    with Helper(killed, "being killed") as helper, \
            pytest.raises(HelperFailed, match=r"the process being killed died \(signal 9\)"):
        helper.join()


@pytest.mark.usefixtures("ctrl_c_as_at_a_terminal")  # else a helper might ignore Ctrl-C only because its parent did
def test_a_helper_ignores_ctrl_c_and_is_stopped_by_its_parent():
    def sleeps(send):
        send("ready")
        time.sleep(60)

    helper = Helper(sleeps, "sleeping")
    pid = helper.pid
    assert helper.receive() == "ready"
    os.kill(pid, signal.SIGINT)  # what Ctrl-C sends the whole process group
    time.sleep(0.2)
    assert not gone(pid), "Ctrl-C is the main process's to handle"
    helper.stop()
    assert gone(pid)


# -- the garbage collector ----------------------------------------------------------------------


def test_a_build_puts_the_garbage_collector_settings_back(synthetic, tmp_path, monkeypatch):
    """The collector runs less often during a build (it would walk millions of live objects again
    and again); afterwards, and after a failed build, the caller's settings are back."""
    import gc

    seen = []
    real_map = kg.pipeline.map_site

    def map_site(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real_map(*args, **kwargs)

    monkeypatch.setattr(kg.pipeline, "map_site", map_site)
    before = gc.get_threshold()
    kg.build(synthetic, tmp_path / "out", workers=1)
    assert seen and seen[0][0] > before[0], "young objects collected less often during the build"
    assert gc.get_threshold() == before and gc.isenabled()

    def fails(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(kg.pipeline, "resolve", fails)
    with pytest.raises(RuntimeError, match="boom"):
        kg.build(synthetic, tmp_path / "out", workers=1)
    assert gc.get_threshold() == before


def test_a_build_tells_each_stage_as_it_starts(synthetic, tmp_path):
    told: list[tuple[str, int, int]] = []
    kg.build(synthetic, tmp_path / "out", validate=True, stage=lambda *a: told.append(a))
    reading = [t for t in told if t[0] == "reading"]
    counts = [done for _what, done, _total in reading]
    assert reading[-1][1] == reading[-1][2] >= 300 and counts == sorted(counts)
    after = told[len(reading):]
    assert after == [("mapping", 0, 5), ("resolving", 1, 5), ("assembling the graph", 2, 5),
                     ("checking the shapes", 3, 5), ("writing the files", 4, 5), ("done", 5, 5)]
    told.clear()
    kg.build(synthetic, None, stage=lambda *a: told.append(a))
    assert [w for w, _d, _t in told if w != "reading"] == ["mapping", "resolving", "assembling the graph", "done"]


def test_kg_build_shows_every_stage_on_a_terminal_and_nothing_with_q(synthetic, tmp_path):
    from conftest import on_a_terminal

    code, shown = on_a_terminal(["build", str(synthetic), "--out", str(tmp_path / "out")], tmp_path)
    assert code == 0, shown
    for stage in ("reading", "mapping", "resolving", "assembling the graph", "writing the files"):
        assert stage in shown, shown
    assert "0:00:0" in shown  # the clock beside the bar
    code, shown = on_a_terminal(["build", str(synthetic), "--out", str(tmp_path / "quiet"), "-q"], tmp_path)
    assert code == 0 and "resolving" not in shown, shown
