"""The closest existing path to one that does not exist: the suggestion a
``dangling-reference`` warning carries.

``difflib.get_close_matches`` over every file of a large site costs about half a
second per miss; a trigram index narrows the field to a few dozen candidates
first, and difflib ranks those (on small sites it sees every path, as before).
"""

from __future__ import annotations

import difflib
import heapq
from collections import Counter, defaultdict

SHORTLIST = 40
"""How many trigram-ranked candidates difflib compares in full."""


def _trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


class PathSuggester:
    """Close matches among a fixed set of paths, built once per site."""

    def __init__(self, paths: list[str], cutoff: float = 0.6) -> None:
        self.paths = sorted(set(paths))
        self.cutoff = cutoff
        self._index: dict[str, list[int]] | None = None
        self._cache: dict[str, str | None] = {}

    def _build(self) -> dict[str, list[int]]:
        index: dict[str, list[int]] = defaultdict(list)
        for i, path in enumerate(self.paths):
            for gram in _trigrams(path):
                index[gram].append(i)
        return index

    def closest(self, path: str) -> str | None:
        """The existing path most like ``path`` (difflib's ratio ≥ cutoff), or None."""
        if path not in self._cache:
            self._cache[path] = self._closest(path)
        return self._cache[path]

    def _closest(self, path: str) -> str | None:
        if len(self.paths) <= SHORTLIST:
            candidates = self.paths
        else:
            if self._index is None:
                self._index = self._build()
            shared: Counter[int] = Counter()
            for gram in _trigrams(path):
                shared.update(self._index.get(gram, ()))
            best = heapq.nsmallest(SHORTLIST, shared.items(), key=lambda item: (-item[1], item[0]))
            candidates = sorted(self.paths[i] for i, _ in best)
        close = difflib.get_close_matches(path, candidates, n=1, cutoff=self.cutoff)
        return close[0] if close else None
