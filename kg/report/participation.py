"""Who took part in which project, as arrays: the one pass the networks, tables and timelines share.

Organisations are numbered in IRI order. :func:`participation` walks the projects
once and keeps one row per (project, organisation) and one row per (pair of
organisations, project); a :class:`View` (with or without the site's organisation)
groups those rows with numpy: each organisation's projects and years, each pair's
shared projects and years. Every count is an exact integer, and everything is in
IRI order, so what is made from a view is the same on every run. The cost is the
rows themselves: a project of k organisations gives k(k-1)/2 pair rows, whatever
the number of organisations or projects in the site.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from kg.report.facts import Facts, Project


@dataclass(frozen=True)
class Grouped:
    """Rows grouped by an integer key (sorted): ``keys[i]`` has the rows ``order[starts[i]:starts[i + 1]]``."""

    keys: np.ndarray
    starts: np.ndarray
    order: np.ndarray

    @property
    def counts(self) -> np.ndarray:
        return np.diff(self.starts)


def group(keys: np.ndarray, *, by: np.ndarray | None = None) -> Grouped:
    """Group rows by ``keys``; within a key the rows are in the order of ``by`` (then of rows)."""
    order = np.lexsort((by, keys)) if by is not None else np.argsort(keys, kind="stable")
    ordered = keys[order]
    if len(ordered):
        first = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    else:
        first = np.zeros(0, dtype=np.int64)
    return Grouped(ordered[first], np.append(first, len(ordered)), order)


@dataclass(frozen=True, eq=False)
class Participation:
    """The rows of :func:`participation`."""

    orgs: tuple[str, ...]
    """Every organisation in the projects, in IRI order: organisation number → IRI."""
    projects: tuple[Project, ...]
    site: int
    """The number of the site's organisation, -1 when it took part in none of the projects."""
    start: np.ndarray
    """Project number → its first year (0 when it has none)."""
    length: np.ndarray
    """Project number → how many years it ran (0 when it has none)."""
    member_project: np.ndarray
    member_org: np.ndarray
    """One row per (project, organisation taking part in it)."""
    pair_a: np.ndarray
    pair_b: np.ndarray
    pair_project: np.ndarray
    """One row per (pair a < b of organisations, project they both took part in)."""

    def view(self, site_org: bool) -> View:
        return View(self, site_org)

    @cached_property
    def roles(self) -> list[frozenset[str]]:
        """Organisation number → every role it had in the projects."""
        found: list[set[str]] = [set() for _ in self.orgs]
        for project, org in zip(self.member_project.tolist(), self.member_org.tolist(), strict=True):
            found[org] |= self.projects[project].roles[self.orgs[org]]
        return [frozenset(r) for r in found]

    @cached_property
    def project_first(self) -> tuple[int, ...]:
        """The start year of every dated project, sorted."""
        return tuple(sorted(self.start[self.length > 0].tolist()))

    @cached_property
    def project_years(self) -> dict[int, int]:
        """Year → projects running that year."""
        years, counts = np.unique(_expand(self.start, self.length, np.arange(len(self.projects)))[1],
                                  return_counts=True)
        return dict(zip(years.tolist(), counts.tolist(), strict=True))


def participation(facts: Facts, projects: Sequence[Project]) -> Participation:
    """The rows of ``projects``: one pass, then numpy."""
    last = facts.last_year
    orgs = tuple(sorted({org for project in projects for org in project.roles}))
    number = {org: i for i, org in enumerate(orgs)}
    start = np.zeros(len(projects), dtype=np.int64)
    length = np.zeros(len(projects), dtype=np.int64)
    sizes = np.zeros(len(projects), dtype=np.int64)
    members: list[int] = []
    for at, project in enumerate(projects):
        span = project.years(last)
        if span:
            start[at], length[at] = span[0], len(span)
        ids = sorted(number[org] for org in project.roles)
        sizes[at] = len(ids)
        members.extend(ids)
    member_org = np.array(members, dtype=np.int64)
    member_project = np.repeat(np.arange(len(projects), dtype=np.int64), sizes)
    offsets = np.cumsum(sizes) - sizes
    # Every pair of a project's organisations, all projects of one size at once.
    a_parts, b_parts, p_parts = [], [], []
    for size in np.unique(sizes[sizes > 1]).tolist():
        these = np.flatnonzero(sizes == size)
        first, second = np.triu_indices(size, 1)
        base = offsets[these][:, None]
        a_parts.append(member_org[base + first].ravel())
        b_parts.append(member_org[base + second].ravel())
        p_parts.append(np.repeat(these, len(first)))
    empty = np.zeros(0, dtype=np.int64)
    site = number.get(facts.site_org, -1) if facts.site_org is not None else -1
    return Participation(
        orgs=orgs, projects=tuple(projects), site=site, start=start, length=length,
        member_project=member_project, member_org=member_org,
        pair_a=np.concatenate(a_parts) if a_parts else empty,
        pair_b=np.concatenate(b_parts) if b_parts else empty,
        pair_project=np.concatenate(p_parts) if p_parts else empty,
    )


def _expand(start: np.ndarray, length: np.ndarray, project: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row (a project number) once per year its project ran: (row number, year)."""
    lengths = length[project]
    rows = np.repeat(np.arange(len(project), dtype=np.int64), lengths)
    offsets = np.cumsum(lengths) - lengths
    years = start[project][rows] + (np.arange(len(rows), dtype=np.int64) - offsets[rows])
    return rows, years


class View:
    """The rows with the site's organisation (``site_org=True``) or without it, grouped."""

    def __init__(self, part: Participation, site_org: bool) -> None:
        self.part = part
        self.site_org = site_org
        drop = -1 if site_org else part.site
        keep = part.member_org != drop
        self.member_org = part.member_org[keep]
        self.member_project = part.member_project[keep]
        keep = (part.pair_a != drop) & (part.pair_b != drop)
        self.pair_a, self.pair_b, self.pair_project = part.pair_a[keep], part.pair_b[keep], part.pair_project[keep]

    @cached_property
    def nodes(self) -> np.ndarray:
        """The organisation numbers of the view's organisations, sorted."""
        return np.unique(self.member_org)

    @cached_property
    def node_projects(self) -> np.ndarray:
        """Organisation number → how many of the projects it took part in."""
        return np.bincount(self.member_org, minlength=len(self.part.orgs))

    @cached_property
    def node_years(self) -> tuple[Grouped, np.ndarray, np.ndarray]:
        """(organisation, year) with the projects running: grouped by organisation, the years and their counts."""
        return self._years(self.member_org, self.member_project)

    @cached_property
    def pairs(self) -> Grouped:
        """The pair rows grouped by pair (key ``a * n + b``, so in IRI order), projects in project order."""
        return group(self.pair_a * len(self.part.orgs) + self.pair_b, by=self.pair_project)

    @cached_property
    def pair_ends(self) -> tuple[np.ndarray, np.ndarray]:
        """Pair number → its two organisation numbers (a < b)."""
        n = len(self.part.orgs)
        return self.pairs.keys // n, self.pairs.keys % n

    @cached_property
    def pair_number(self) -> np.ndarray:
        """Pair row → its pair's number (the index in :attr:`pairs`)."""
        number = np.empty(len(self.pair_a), dtype=np.int64)
        number[self.pairs.order] = np.repeat(np.arange(len(self.pairs.keys)), self.pairs.counts)
        return number

    @cached_property
    def pair_years(self) -> tuple[Grouped, np.ndarray, np.ndarray]:
        """(pair, year) with the projects running: grouped by pair number, the years and their counts."""
        return self._years(self.pair_number, self.pair_project)

    def _years(self, owner: np.ndarray, project: np.ndarray) -> tuple[Grouped, np.ndarray, np.ndarray]:
        rows, years = _expand(self.part.start, self.part.length, project)
        owners = owner[rows]
        if len(years):
            low = int(years.min())
            key = owners * (int(years.max()) - low + 1) + (years - low)
        else:
            low, key = 0, owners
        distinct, counts = np.unique(key, return_counts=True)
        span = (int(years.max()) - low + 1) if len(years) else 1
        grouped = group(distinct // span)
        return grouped, distinct % span + low, counts
