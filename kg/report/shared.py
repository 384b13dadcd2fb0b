"""Pairs of nodes by their shared neighbours, without listing every pair: the counting behind projections.

Projecting a bipartite network on one side links two nodes by how many neighbours
they share. When most of a side shares a neighbour (every organisation on the one
platform most projects use), that is nearly every pair: tens of millions at twenty
thousand organisations, too many to list, and never written (a projection keeps
its heaviest links). What the report needs is how many pairs share each number of
neighbours, and the pairs of the heaviest weights. :func:`heaviest` finds both,
exactly:

- nodes with the same neighbours are one *signature*, counted with their
  multiplicity (most organisations, in a project or two, share theirs with many
  others), so the work grows with the signatures, not the nodes;
- signature pairs are multiplied a block of rows at a time (dense for a small
  other side, sparse otherwise), each block's weights counted, and only pairs at
  or above the threshold found so far are kept: memory stays a block and the
  kept pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

BLOCK = 1 << 21
"""Entries of one block of products (rows × columns)."""
DENSE_BELOW = 512
"""Signatures are multiplied as dense arrays when the other side has fewer nodes than this."""


@dataclass(frozen=True)
class Heaviest:
    """The pairs sharing ``min_weight`` neighbours or more, and how many pairs share any."""

    rows: np.ndarray
    cols: np.ndarray
    weights: np.ndarray
    """Kept pairs: node numbers ``rows[i] < cols[i]``, and how many neighbours they share."""
    links: int
    """Pairs sharing at least one neighbour."""
    min_weight: int


def threshold(counts: np.ndarray, max_edges: int) -> int:
    """The smallest weight w such that the pairs of weight w or more are at most ``max_edges``
    (1 when all are; one above the heaviest when even those are too many). ``counts[w]`` = pairs of weight w."""
    if counts.sum() <= max_edges:
        return 1
    at_least = np.cumsum(counts[::-1])[::-1]
    small_enough = np.flatnonzero(at_least <= max_edges)
    return int(small_enough[0]) if len(small_enough) else len(at_least)


def heaviest(incidence: sparse.csr_matrix, max_edges: int) -> Heaviest:
    """The heaviest pairs of the rows of ``incidence`` (nodes × neighbours, entries 1) by shared neighbours:
    the pairs of weight :func:`threshold` or more, at most ``max_edges`` of them."""
    incidence = sparse.csr_matrix(incidence, dtype=np.int64)
    incidence.sort_indices()
    n = incidence.shape[0]
    signature = np.empty(n, dtype=np.int64)
    seen: dict[bytes, int] = {}
    indptr, indices = incidence.indptr, incidence.indices
    for i in range(n):
        signature[i] = seen.setdefault(indices[indptr[i]:indptr[i + 1]].tobytes(), len(seen))
    first = np.full(len(seen), n, dtype=np.int64)
    np.minimum.at(first, signature, np.arange(n))
    rows = incidence[first]  # one row per signature
    many = np.bincount(signature, minlength=len(seen)).astype(np.int64)
    order = np.argsort(signature, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(many)))
    degree = np.diff(rows.indptr)

    counts = np.zeros(1, dtype=np.int64)
    kept: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    least = 1

    def count(weights: np.ndarray, pairs: np.ndarray | None) -> None:
        """Add pairs of each weight: each entry of ``weights`` stands for ``pairs`` pairs (1 when None)."""
        nonlocal counts
        if pairs is None:
            found = np.bincount(weights, minlength=1).astype(np.int64)
        else:
            found = np.rint(np.bincount(weights, weights=pairs.astype(np.float64), minlength=1)).astype(np.int64)
        found[0] = 0
        if len(found) > len(counts):
            counts = np.concatenate((counts, np.zeros(len(found) - len(counts), dtype=np.int64)))
        counts[:len(found)] += found

    # Pairs within a signature share all its neighbours.
    alike = (many > 1) & (degree > 0)
    count(degree[alike], many[alike] * (many[alike] - 1) // 2)
    least = threshold(counts, max_edges)
    same = np.flatnonzero(alike)
    kept.append((same, same, degree[same]))

    s = len(seen)
    dense = rows.toarray().astype(np.float32) if rows.shape[1] < DENSE_BELOW else None
    # The most nodes any signature from here on stands for: where it is 1, a pair of signatures is one pair.
    most_after = np.maximum.accumulate(many[::-1])[::-1] if s else many
    lo = 0
    while lo < s:
        hi = min(s, lo + max(1, BLOCK // max(1, s - lo)))
        if dense is not None:
            # Sums of 0/1 products are whole numbers far below 2**24: exact in float32, and as integers.
            weights = np.triu(dense[lo:hi] @ dense[lo:].T, k=1).astype(np.int32)  # columns after the row only
            count(weights.ravel(), None if most_after[lo] == 1 else (many[lo:hi, None] * many[None, lo:]).ravel())
            least = threshold(counts, max_edges)
            r, c = np.nonzero(weights >= least)
            w = weights[r, c]
        else:
            block = sparse.triu(rows[lo:hi] @ rows[lo:].T, k=1).tocoo()
            r, c, w = block.row.astype(np.int64), block.col.astype(np.int64), block.data.astype(np.int64)
            count(w, many[lo + r] * many[lo + c])
            least = threshold(counts, max_edges)
            keep = w >= least
            r, c, w = r[keep], c[keep], w[keep]
        kept.append((lo + r, lo + c, w))
        kept = [(a, b, x) for a, b, x in ((a[x >= least], b[x >= least], x[x >= least]) for a, b, x in kept)]
        lo = hi

    # Each kept signature pair is every pair of their nodes.
    out_rows: list[np.ndarray] = []
    out_cols: list[np.ndarray] = []
    out_weights: list[np.ndarray] = []
    for a_sigs, b_sigs, ws in kept:
        for a, b, w in zip(a_sigs.tolist(), b_sigs.tolist(), ws.tolist(), strict=True):
            left = order[bounds[a]:bounds[a + 1]]
            if a == b:
                first, second = np.triu_indices(len(left), 1)
                x, y = left[first], left[second]
            else:
                right = order[bounds[b]:bounds[b + 1]]
                x, y = np.repeat(left, len(right)), np.tile(right, len(left))
            out_rows.append(np.minimum(x, y))
            out_cols.append(np.maximum(x, y))
            out_weights.append(np.full(len(x), w, dtype=np.int64))
    empty = np.zeros(0, dtype=np.int64)
    return Heaviest(np.concatenate(out_rows) if out_rows else empty, np.concatenate(out_cols) if out_cols else empty,
                    np.concatenate(out_weights) if out_weights else empty, int(counts.sum()), least)
