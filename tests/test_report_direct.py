"""The report's shortcuts write what the slow ways write: CSV a column at a time against the csv module,
the network over time from the rows against the general GEXF writer of the networkx graph; and no step
grows faster than the projects or the organisations (counted calls, not timings)."""

from __future__ import annotations

import csv
import io
import random

import pytest
from conftest import write_site
from test_report import SHAPES

from kg.report import build_report, graphfiles, html, markdown, overtime, report_of
from kg.report.facts import SITE_ROLE, Facts, Project
from kg.report.plots import Plot
from kg.report.tables import Table

# -- CSV ---------------------------------------------------------------------------------------------


def _csv_module(table: Table) -> str:
    from kg.report.tables import _csv_column

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(zip(*(_csv_column(column) for column in zip(*table.rows, strict=True)), strict=True))
    return buffer.getvalue()


PIECES = ["a", "b c", ",", '"', "\n", "\r", "\r\n", "\t", "=1", "+x", "-2", "@", " =", "\uff1d", "é", "\x00",
          "\u2028", "'", "", ";"]


@pytest.mark.parametrize("seed", range(40))
def test_a_table_in_csv_is_what_the_csv_module_writes(seed):
    rng = random.Random(seed)
    width, height = rng.randint(1, 5), rng.choice([0, 1, 2, 7, 30])

    def value(kind: str):
        if kind == "int":
            return rng.choice([None, rng.randint(-5, 10**6)])
        if kind == "float":
            return rng.choice([None, rng.random(), -0.0, 1e-9])
        if kind == "bool":
            return rng.choice([True, False, None])
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))
        return rng.choice([text, text, None]) if kind == "text" else rng.choice([text, rng.randint(0, 9), None])

    kinds = [rng.choice(["int", "float", "bool", "text", "text", "mixed"]) for _ in range(width)]
    rows = tuple(tuple(value(kind) for kind in kinds) for _ in range(height))
    table = Table("t", "T", "", tuple(f"c{i}" for i in range(width)), rows)
    assert table.csv_text() == _csv_module(table)


def test_rows_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="not all of one length"):
        Table("t", "T", "", ("a", "b"), (("x", "y"), ("z",))).csv_text()


# -- the network over time ---------------------------------------------------------------------------


def _general(report) -> str:
    return "".join(graphfiles.gexf_pieces(graphfiles._Network(report.over_time, report.id_prefix)))


def _direct(report) -> str:
    pieces = overtime.over_time_pieces(report.network, report.view(not report.options.without_site_org),
                                       report.years[0].year, report.years[-1].year, report.id_prefix)
    assert pieces is not None
    return "".join(pieces)


@pytest.mark.parametrize("options", [{}, {"since": 2021, "until": 2022}, {"without_site_org": True},
                                     {"since": 2020}])
def test_the_network_over_time_from_the_rows_is_the_file_the_general_writer_writes(tmp_path, options):
    made = build_report(write_site(tmp_path / "s", SHAPES), **options)
    assert _direct(made) == _general(made)
    # And through the report: what it writes is that file.
    again = build_report(write_site(tmp_path / "s2", SHAPES), **options)
    assert "".join(again._over_time_pieces()) == _general(made)


def synthetic(organisations: int, seed: int = 1, projects: int | None = None) -> Facts:
    """Facts of ``organisations`` organisations, each in a Pareto number of projects (a few in many), some
    with odd names, years from 1998 to 2024, some ongoing, some undated (as bench/bench_report.py makes)."""
    rng = random.Random(seed)
    base = "https://example.org/kg/"
    orgs = [f"{base}organisation/org-{i:05d}" for i in range(organisations)]
    slots = [org for org in orgs for _ in range(min(60, int(rng.paretovariate(1.5))))]
    rng.shuffle(slots)
    site = f"{base}organisation/the-site"
    found: dict[str, Project] = {}
    i = 0
    while i < len(slots) and (projects is None or len(found) < projects):
        k = 1 + min(6, int(rng.expovariate(0.6)))
        members = sorted(set(slots[i:i + k]))
        i += k
        iri = f"{base}project/p-{len(found):05d}"
        roles = {o: frozenset({rng.choice(("client", "partner", "funder"))}) for o in members}
        roles[site] = frozenset({SITE_ROLE})
        draw = rng.random()
        start = None if draw < 0.05 else rng.randint(1998, 2024)
        end = None if start is None or draw < 0.15 else start + rng.choice((0, 1, 3))
        found[iri] = Project(iri=iri, name=f"Project {len(found)}", start=start, end=end, ongoing=0.05 <= draw < 0.15,
                             roles=dict(sorted(roles.items())), themes=(f"{base}theme/t{rng.randrange(9)}",),
                             platforms=())
    names = {o: rng.choice([f"Org {j}", f"Org, {j} & \"Co\"", f"=Org {j}", f"Orgé\u2028{j}"])
             for j, o in enumerate(orgs)} | {site: "The Site"}
    names |= {p.iri: p.name for p in found.values()}
    used = tuple(sorted({o for p in found.values() for o in p.roles}))
    return Facts(projects=found, names=names, aliases={o: (names[o],) for o in used},
                 kinds={o: rng.choice(("ngo", "company")) for o in used}, site_org=site, organisations=used)


@pytest.mark.parametrize("seed", range(3))
def test_the_network_over_time_of_many_organisations_is_the_general_writers(seed):
    made = report_of(synthetic(400, seed), "Synthetic", "https://example.org/")
    assert _direct(made) == _general(made)
    plain = report_of(synthetic(150, seed), "Synthetic", "")  # no prefix: no iri attribute, ids are the IRIs
    assert _direct(plain) == _general(plain)


def test_a_network_not_made_as_the_report_makes_it_goes_to_the_general_writer(tmp_path):
    made = build_report(write_site(tmp_path / "s", SHAPES))
    first = next(iter(made.network))
    del made.network.nodes[first]["community"]
    assert overtime.over_time_pieces(made.network, made.view(True), made.years[0].year, made.years[-1].year,
                                     made.id_prefix) is None
    assert "".join(made._over_time_pieces()) == _general(made)


# -- no step quadratic in projects or organisations --------------------------------------------------


class _Counted(dict):
    """The projects, counting how often all of them are walked."""

    walks = 0

    def values(self):
        type(self).walks += 1
        return super().values()


def _calls(monkeypatch, facts: Facts) -> dict[str, int]:
    """How often a report of ``facts`` (made, its tables, summary, pages and graph files) walks every project,
    asks a project for its years and asks for a name."""
    counts = {"years": 0, "names": 0}
    years, name = Project.years, Facts.name

    def counted_years(self, last):
        counts["years"] += 1
        return years(self, last)

    def counted_name(self, iri):
        counts["names"] += 1
        return name(self, iri)

    monkeypatch.setattr(Project, "years", counted_years)
    monkeypatch.setattr(Facts, "name", counted_name)
    _Counted.walks = 0
    facts.projects = _Counted(facts.projects)
    made = report_of(facts, "Synthetic", "https://example.org/")
    # The plots stand empty: what they draw is capped, whatever the size (and drawing them takes seconds).
    made.__dict__["plots"] = [Plot(name, name, "", b"", b"") for name, _make in made._plot_makers()]
    for table in made.tables():
        table.csv_text()
    made.summary()
    names = sorted(f"networks/{stem}.gexf" for stem in made.networks())
    html.render(made, names)
    markdown.render(made, names)
    for stem, graph in made.networks().items():
        for pieces in graphfiles.graph_pieces(stem, graph, made.id_prefix).values():
            "".join(pieces)
    "".join(made._over_time_pieces())
    monkeypatch.undo()
    return {**counts, "walks": _Counted.walks, "projects": len(facts.projects)}


def test_no_step_walks_the_projects_once_per_project_or_per_organisation(monkeypatch):
    small = _calls(monkeypatch, synthetic(300, projects=200))
    large = _calls(monkeypatch, synthetic(1200, projects=800))
    assert large["projects"] == 4 * small["projects"]
    assert large["walks"] == small["walks"]  # a fixed number of walks, whatever the size
    assert large["years"] <= 4.5 * small["years"]
    assert large["names"] <= 4.5 * small["names"]
