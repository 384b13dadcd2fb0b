"""Links and running text → the registry entries they name, worked out beside on big sites.

Recognising registry names in every post's text and matching every link is a
large share of resolving, and each answer depends only on the placeholder and
the registry. On a big site a forked helper works through them from the last
one backwards while this process resolves names and then works through them from
the first one forwards, taking the helper's answers where they are already in:
the two meet somewhere in the middle, and neither waits for the other. Without a
helper (small sites, one core, no ``fork``, or a helper that fails) every answer
is worked out here, and they are the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.forked import Helper, can_fork
from kg.map.terms import LinkTo, Statement, TextIn
from kg.resolve.registry import Entry, Registry

PARALLEL_FROM = 2000
"""Sites with fewer placeholders than this are matched in this process (a helper costs more)."""
CHUNK = 500
"""Answers per message from the helper."""


def entities_in(registry: Registry, placeholder: LinkTo | TextIn) -> list[Entry]:
    """The registry entries a link (by URL, else by title) or a text names."""
    if isinstance(placeholder, TextIn):
        return registry.in_text(placeholder.text, placeholder.kinds)
    found = registry.by_url(placeholder.url, placeholder.kinds)
    if found is not None:
        return [found]
    if placeholder.title:
        named = registry.by_name(placeholder.title)
        if named is not None and named.kind in placeholder.kinds:
            return [named]
        return registry.in_text(placeholder.title, placeholder.kinds)
    return []


class Mentions:
    """For each :class:`LinkTo` and :class:`TextIn` object in ``statements``, in order, what it names.

    A helper starts at once (on a big site), so the answers are being worked out
    while the caller does other things; :meth:`close` stops it.
    """

    def __init__(self, statements: list[Statement], registry: Registry, workers: int = 1) -> None:
        self.registry = registry
        self.placeholders = [st.object for st in statements if isinstance(st.object, (LinkTo, TextIn))]
        self.helper: Helper | None = None
        if workers > 1 and len(self.placeholders) >= PARALLEL_FROM and can_fork():
            placeholders = self.placeholders

            def work(send) -> None:
                for start in reversed(range(0, len(placeholders), CHUNK)):
                    send((start, [[e.key for e in entities_in(registry, p)]
                                  for p in placeholders[start:start + CHUNK]]))

            self.helper = Helper(work, "matching links and text")

    def __iter__(self) -> Iterator[list[Entry]]:
        entries = self.registry.entries
        answered: dict[int, list[str]] = {}
        for index, placeholder in enumerate(self.placeholders):
            if self.helper is not None and index not in answered:
                self._take(answered)
            keys = answered.pop(index, None)
            yield entities_in(self.registry, placeholder) if keys is None else [entries[key] for key in keys]
        self.close()

    def _take(self, answered: dict[int, list[str]]) -> None:
        """Whatever answers the helper has sent so far (without waiting for more)."""
        assert self.helper is not None
        try:
            while self.helper.ready():
                start, chunk = self.helper.receive()
                answered.update(enumerate(chunk, start))
        except Exception:  # done (or failed): what is left is matched here, with the same answers
            self.close()

    def close(self) -> None:
        if self.helper is not None:
            self.helper.stop()
            self.helper = None

    def __enter__(self) -> Mentions:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
