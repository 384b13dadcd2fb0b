"""The closest existing path to one that does not exist: the suggestion a
``dangling-reference`` warning carries.

``difflib.get_close_matches`` over every file of a large site costs about half a
second per miss; a trigram index narrows the field to a few dozen candidates
first, and difflib ranks those (on small sites it sees every path, as before).
The index is numpy arrays: a trigram like ``_po`` is in nearly every path of a
big site, and numpy counts such lists in one call where a Python loop would spend
most of a build's time on them.
"""

from __future__ import annotations

import difflib

import numpy as np
from rapidfuzz import fuzz, process

SHORTLIST = 40
"""How many trigram-ranked candidates are compared."""
FINALISTS = 8
"""How many of those, the closest by rapidfuzz's ratio, difflib compares in full."""


_BASE = 0x110000
"""One more than the highest code point: three code points make one trigram number below 2**63."""


def _gram_numbers(codes: np.ndarray) -> np.ndarray:
    """The number of the trigram starting at each position of an array of code points."""
    return (codes[:-2] * _BASE + codes[1:-1]) * _BASE + codes[2:]


class PathSuggester:
    """Close matches among a fixed set of paths, built once per site."""

    def __init__(self, paths: list[str], cutoff: float = 0.6) -> None:
        self.paths = sorted(set(paths))
        self.cutoff = cutoff
        self._index: tuple[np.ndarray, np.ndarray] | None = None
        self._at = {p: i for i, p in enumerate(self.paths)}
        self._cache: dict[tuple[str, str | None], str | None] = {}

    def _build(self) -> tuple[np.ndarray, np.ndarray]:
        """Every (trigram, path) pair once, sorted by trigram then path: a posting list per trigram.

        Worked out on all paths at once: trigrams are numbers made of three code points,
        so numpy sorts and deduplicates them without a Python loop over the ~40 trigrams
        of each of a big site's paths."""
        padded = [f"  {path} " for path in self.paths]
        lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
        codes = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        owner = np.repeat(np.arange(len(padded), dtype=np.int64), lengths)[:-2]
        last = np.cumsum(lengths) - 3  # where each path's last trigram starts
        valid = np.arange(len(codes) - 2) <= last[owner]
        grams = (_gram_numbers(codes))[valid]
        owner = owner[valid]
        order = np.argsort(grams, kind="stable")  # stable: each trigram's paths stay in path order
        grams, owner = grams[order], owner[order]
        first = np.ones(len(grams), dtype=bool)
        first[1:] = (grams[1:] != grams[:-1]) | (owner[1:] != owner[:-1])
        return grams[first], owner[first].astype(np.int32)

    def closest(self, path: str, besides: str | None = None) -> str | None:
        """The existing path most like ``path`` (difflib's ratio ≥ cutoff), or None; never ``besides``."""
        key = (path, besides)
        if key not in self._cache:
            self._cache[key] = self._closest(path, besides)
        return self._cache[key]

    def _closest(self, path: str, besides: str | None) -> str | None:
        if len(self.paths) <= SHORTLIST + (besides is not None):
            candidates = [p for p in self.paths if p != besides]
        else:
            if self._index is None:
                self._index = self._build()
            grams, owners = self._index
            query = np.unique(_gram_numbers(np.frombuffer(f"  {path} ".encode("utf-32-le"), dtype=np.uint32)
                                            .astype(np.int64)))
            starts, ends = np.searchsorted(grams, query, "left"), np.searchsorted(grams, query, "right")
            postings = [owners[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True) if b > a]
            if not postings:
                return None
            shared = np.bincount(np.concatenate(postings), minlength=len(self.paths))
            # Most trigrams shared first, then path order; paths sharing none are no candidates.
            if besides is not None and (at := self._at.get(besides)) is not None:
                shared[at] = 0
            best = np.argsort(-shared, kind="stable")[:SHORTLIST]
            candidates = sorted(self.paths[i] for i in best if shared[i] > 0)
        if len(candidates) > FINALISTS:  # difflib's ratio is slow: rapidfuzz's close cousin picks who it compares
            scores = process.extract(path, candidates, scorer=fuzz.ratio, limit=FINALISTS)
            candidates = sorted(candidate for candidate, _score, _at in scores)
        close = difflib.get_close_matches(path, candidates, n=1, cutoff=self.cutoff)
        return close[0] if close else None
