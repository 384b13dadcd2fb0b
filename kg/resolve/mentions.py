"""Links and running text → the registry entries they name, worked out beside on big sites.

Recognising registry names in every post's text and matching every link is a
large share of resolving, and each answer depends only on the placeholder and
the registry. On a big site a forked helper works them out in statement order
while this process resolves names; each answer is taken as the resolver reaches
its placeholder. Without a helper (small sites, one core, no ``fork``, or a
helper that fails) the answers are worked out here, and they are the same.
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
                for start in range(0, len(placeholders), CHUNK):
                    send([[e.key for e in entities_in(registry, p)] for p in placeholders[start:start + CHUNK]])

            self.helper = Helper(work, "matching links and text")

    def __iter__(self) -> Iterator[list[Entry]]:
        done = 0
        entries = self.registry.entries
        while self.helper is not None and done < len(self.placeholders):
            try:
                chunk = self.helper.receive()
            except Exception:  # failed (or ended early): the rest is matched here, with the same answers
                break
            for keys in chunk:
                yield [entries[key] for key in keys]
            done += len(chunk)
        self.close()
        for placeholder in self.placeholders[done:]:
            yield entities_in(self.registry, placeholder)

    def close(self) -> None:
        if self.helper is not None:
            self.helper.stop()
            self.helper = None

    def __enter__(self) -> Mentions:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
