"""The closest existing path to one that does not exist: the suggestion a
``dangling-reference`` warning carries.

``difflib.get_close_matches`` over every file of a large site costs about half a
second per miss; a trigram index narrows the field to a few dozen candidates
first, and difflib ranks those (on small sites it sees every path, as before).
The index holds numpy arrays: a trigram like ``_po`` is in nearly every path of a
big site, and numpy counts such lists in one call where a Python loop would spend
most of a build's time on them.
"""

from __future__ import annotations

import difflib
from collections import defaultdict

import numpy as np

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
        self._index: dict[str, np.ndarray] | None = None
        self._cache: dict[str, str | None] = {}

    def _build(self) -> dict[str, np.ndarray]:
        index: dict[str, list[int]] = defaultdict(list)
        for i, path in enumerate(self.paths):
            for gram in _trigrams(path):
                index[gram].append(i)
        return {gram: np.array(where, dtype=np.int32) for gram, where in index.items()}

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
            postings = [self._index[gram] for gram in _trigrams(path) if gram in self._index]
            if not postings:
                return None
            shared = np.bincount(np.concatenate(postings), minlength=len(self.paths))
            # Most trigrams shared first, then path order; paths sharing none are no candidates.
            best = np.argsort(-shared, kind="stable")[:SHORTLIST]
            candidates = sorted(self.paths[i] for i in best if shared[i] > 0)
        close = difflib.get_close_matches(path, candidates, n=1, cutoff=self.cutoff)
        return close[0] if close else None
