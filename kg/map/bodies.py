"""The plain text of document bodies, worked out beside the mapping on a big site.

Turning a body's Markdown into plain text (for the text in which names are
recognised, and for a post's first paragraph) is the costliest part of mapping,
and it depends on nothing but the body. On a big site a forked helper does it
for the documents that need it from the last one backwards, while this process
maps from the first one forwards, working out the texts the helper has not sent
yet itself: the two meet somewhere in the middle, and neither waits for the
other (as :mod:`kg.halves` does). Small sites, one core, systems without
``fork`` and a helper that fails all get the same text worked out here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from kg.forked import Helper, can_fork
from kg.load.documents import Document
from kg.map.text import first_paragraph, plain

PARALLEL_FROM = 1000
"""Sites with fewer documents than this are worked out in this process (a helper costs more)."""
CHUNK = 100
"""Documents per message from the helper."""


class BodyText(NamedTuple):
    text: str
    """The whole body as one line of plain text."""
    lead: str
    """The body's first paragraph as plain text (a post's description when it has no excerpt)."""


def body_text(body: str) -> BodyText:
    return BodyText(plain(body), plain(first_paragraph(body)))


class BodyTexts:
    """Each document's :class:`BodyText`, from a helper when there is one."""

    def __init__(self, documents: Sequence[Document] = (), wanted: Callable[[Document], bool] = bool,
                 workers: int = 1) -> None:
        self._done: dict[str, BodyText] = {}
        self._helper: Helper | None = None
        self._last: tuple[str | None, BodyText] = (None, BodyText("", ""))
        if workers > 1 and len(documents) >= PARALLEL_FROM and can_fork():
            todo = [doc for doc in documents if wanted(doc)]

            def work(send) -> None:
                for start in reversed(range(0, len(todo), CHUNK)):
                    send([(doc.path, body_text(doc.body)) for doc in todo[start:start + CHUNK]])

            self._helper = Helper(work, "reading document bodies")

    def __call__(self, doc: Document) -> BodyText:
        if doc.path == self._last[0]:
            return self._last[1]  # a post that is also a project asks twice
        found = self._done.pop(doc.path, None)
        if found is None and self._helper is not None:
            self._take()
            found = self._done.pop(doc.path, None)
            if found is not None:
                self._stop()  # met: the helper has done this text and every one after it
        if found is None:
            found = body_text(doc.body)
        self._last = (doc.path, found)  # kept for a second question, and no longer: a big site's texts add up
        return found

    def _take(self) -> None:
        """Whatever texts the helper has sent so far (without waiting for more)."""
        assert self._helper is not None
        try:
            while self._helper.ready():
                self._done.update(self._helper.receive())
        except Exception:  # done (or failed): what is left is worked out here, with the same answers
            self._stop()

    def _stop(self) -> None:
        if self._helper is not None:
            self._helper.stop()
            self._helper = None

    def close(self) -> None:
        self._stop()
        self._done.clear()

    def __enter__(self) -> BodyTexts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
