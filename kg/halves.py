"""One pure function over many items, worked out from both ends: this process from the first item
forwards, a forked helper (:mod:`kg.forked`) from the last one backwards, meeting in the middle.

A build is mostly pure Python on one core; the second core helps only through a second process.
Recognising names in every post's text is such work: each answer depends only on the text and on
what the process already held when it forked. Neither side waits for the other: this process takes
whatever the helper has sent before each chunk it starts, and stops the helper when they meet. Small
inputs, one core, systems without ``fork`` and a helper that fails all get the same answers worked
out here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from kg.forked import Helper, can_fork

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 1000
"""Fewer items than this are worked out here (forking a helper costs more than it saves)."""
CHUNK = 200
"""Items per message from the helper."""


def from_both_ends(fn: Callable[[T], R], items: Sequence[T], what: str, *, workers: int = 2,
                   chunk: int | None = None, parallel_from: int | None = None) -> list[R]:
    """``[fn(item) for item in items]``, with a helper doing the end of the list when ``workers`` > 1
    (and there are ``parallel_from`` items, default :data:`PARALLEL_FROM`, sent ``chunk`` at a time)."""
    n = len(items)
    chunk = CHUNK if chunk is None else max(1, chunk)
    parallel_from = PARALLEL_FROM if parallel_from is None else parallel_from
    if workers <= 1 or n < parallel_from or not can_fork():
        return [fn(item) for item in items]

    def work(send: Callable[[object], None]) -> None:
        for start in reversed(range(0, n, chunk)):
            send((start, [fn(item) for item in items[start:start + chunk]]))

    out: list[R | None] = [None] * n
    done: set[int] = set()
    """Starts of the chunks the helper has sent."""
    helper: Helper | None = Helper(work, what)
    try:
        for start in range(0, n, chunk):
            while helper is not None and helper.ready():
                try:
                    got, answers = helper.receive()
                except Exception:  # finished or failed: what is left is worked out here, with the same answers
                    helper.stop()
                    helper = None
                    break
                out[got:got + len(answers)] = answers
                done.add(got)
            if start in done:
                break  # met: the helper did this chunk and every one after it
            out[start:start + chunk] = [fn(item) for item in items[start:start + chunk]]
    finally:
        if helper is not None:
            helper.stop()
    return out  # type: ignore[return-value]  # every slot is filled: by this process or by the helper
