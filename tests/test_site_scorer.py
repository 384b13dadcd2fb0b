"""The scorer of ``tests/sites/`` is itself right: on tiny graphs written by hand its
precision and recall are the ones worked out by hand, and the hand-written truth agrees
with the fixture sites' files (every path exists, every spelling is written on the site,
no post or project page is forgotten, no spelling is shared by two organisations or
with the registry)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sites.model import COUNTRIES, KINDS, PLATFORMS, Org, Project, Site, Theme, keys
from sites.score import (
    KGO,
    PROV,
    RDF_TYPE,
    SCHEMA,
    SITES_DIR,
    Graph,
    Lit,
    Metric,
    compare,
    load_registry,
    normalise,
    score,
    table,
)
from sites.truth import SITES

B = "https://lab.example/kg/"
POST = "_posts/2021-01-01-x.md"
FAKE_REGISTRY = {
    "goteborgs-stad": ({normalise("Göteborgs Stad")}, {normalise("Göteborg stad")}),
    "coro-new-york": ({normalise("Coro New York Leadership Center")}, {normalise("Coro")}),
}

TINY = Site(
    name="tiny",
    own="lab",
    orgs={
        "lab": Org(names=("Lab",)),
        "lyon": Org(names=("Ville de Lyon", "City of Lyon"), kind=("municipality",), country="France"),
        "metro": Org(names=("Métropole de Lyon", "Lyon Metropolis"), kind=("region",), country="France"),
        "uni": Org(text=("Université Lyon 2",), kind=("university",), country="France"),
    },
    themes={"t": Theme(paths=("_themes/t.md",))},
    projects={
        "p1": Project(
            paths=("_p/a.md", "_p/a-en.md"),
            clients=keys("lyon"),
            partners=keys("metro", "uni"),
            start=2020,
            end=2021,
            ongoing=False,
            themes=keys("t"),
            platforms_page=keys("Decidim"),
            platforms_posts={"Loomio": (POST,)},
        )
    },
    posts={POST: keys("lyon", "uni")},
    persons={"Ana Ruiz": "Directora"},
)


class G:
    """Triples and quads written by hand, short."""

    def __init__(self) -> None:
        self.triples: list[tuple] = []
        self.quads: list[tuple] = []

    def add(self, s, p, o, source: str | None = None) -> G:
        self.triples.append((s, p, o))
        if source:
            self.quads.append((s, p, o, self.source(source)))
        return self

    def source(self, path: str) -> str:
        iri = B + "source/" + path
        if (iri, KGO + "path", Lit(path)) not in self.triples:
            self.triples.append((iri, KGO + "path", Lit(path)))
        return iri

    def org(self, iri: str, *names: str, kinds=(), country: str | None = None) -> str:
        iri = B + "organisation/" + iri
        self.add(iri, RDF_TYPE, SCHEMA + "Organization")
        self.add(iri, SCHEMA + "name", Lit(names[0]))
        for n in names[1:]:
            self.add(iri, SCHEMA + "alternateName", Lit(n))
        for k in kinds:
            self.add(iri, KGO + "organisationKind", KGO + k)
        if country:
            self.add(iri, SCHEMA + "location", country)
        return iri

    def country(self, iri: str, name: str, typed: bool = True) -> str:
        iri = B + "place/" + iri
        self.add(iri, RDF_TYPE, SCHEMA + ("Country" if typed else "Place"))
        self.add(iri, SCHEMA + "name", Lit(name))
        return iri

    def platform(self, name: str) -> str:
        iri = B + "platform/" + normalise(name).replace(" ", "-")
        self.add(iri, RDF_TYPE, SCHEMA + "SoftwareApplication")
        self.add(iri, SCHEMA + "name", Lit(name))
        return iri

    def graph(self) -> Graph:
        return Graph(self.triples, self.quads)


def perfect_graph() -> G:
    g = G()
    france = g.country("france", "France")
    g.org("lab", "Lab")
    lyon = g.org("ville-de-lyon", "Ville de Lyon", "City of Lyon", kinds=["municipality"], country=france)
    metro = g.org("metropole", "Métropole de Lyon", "Lyon Metropolis", kinds=["region"], country=france)
    uni = g.org("lyon-2", "Université Lyon 2", kinds=["university"], country=france)
    p = B + "project/p1"
    g.add(p, RDF_TYPE, SCHEMA + "Project").add(p, SCHEMA + "name", Lit("P one"))
    g.add(p, PROV + "wasDerivedFrom", g.source("_p/a.md")).add(p, PROV + "wasDerivedFrom", g.source("_p/a-en.md"))
    g.add(p, KGO + "client", lyon, "_p/a.md").add(p, KGO + "partner", metro, "_p/a.md")
    g.add(p, KGO + "partner", uni, "_p/a.md")
    g.add(p, SCHEMA + "startDate", Lit("2020")).add(p, SCHEMA + "endDate", Lit("2021"))
    g.add(p, KGO + "ongoing", Lit("false"))
    theme = B + "theme/t"
    g.add(theme, PROV + "wasDerivedFrom", g.source("_themes/t.md")).add(p, SCHEMA + "about", theme)
    g.add(p, KGO + "platform", g.platform("Decidim"), "_p/a.md")
    g.add(p, KGO + "platform", g.platform("Loomio"), POST)
    post = "https://lab.example/news/x/"
    g.add(post, PROV + "wasDerivedFrom", g.source(POST))
    for o in (lyon, uni, p):
        g.add(post, SCHEMA + "mentions", o)
    person = B + "person/ana-ruiz"
    g.add(person, RDF_TYPE, SCHEMA + "Person").add(person, SCHEMA + "name", Lit("Ana Ruiz"))
    g.add(person, SCHEMA + "jobTitle", Lit("Directora"))
    return g


def figures(scores: dict[str, Metric], kind: str) -> tuple[float, float]:
    return round(scores[kind].precision, 4), round(scores[kind].recall, 4)


def test_a_graph_that_says_exactly_the_truth_scores_one_everywhere():
    scores = score(TINY, perfect_graph().graph(), FAKE_REGISTRY)
    for kind, m in scores.items():
        assert (m.precision, m.recall, m.wrong_merges, m.fp) == (1.0, 1.0, [], 0), kind
    assert scores["clients"].tp_r == 1 and scores["partners"].tp_r == 2 and scores["years"].tp_r == 3
    assert scores["merges"].tp_r == 2 and scores["platform-evidence"].tp_r == 1


def flawed_graph() -> Graph:
    g = G()
    g.source("_p/a.md")
    frankreich = g.country("fr", "Frankreich")
    somewhere = g.country("somewhere", "France", typed=False)
    e1 = g.org("e1", "Ville de Lyon", "Lyon Metropolis")  # two organisations merged
    e2 = g.org("e2", "City of Lyon", kinds=["municipality"], country=frankreich)  # Lyon split off
    g.org("e3", "Métropole de Lyon", kinds=["company"], country=somewhere)
    e4 = g.org("e4", "Paris Agreement")  # not an organisation at all
    g.org("e5", "Göteborgs Stad")  # a registry organisation the site never names
    g.org("e6", "Lab", "Coro")  # the site's own organisation, carrying a registry alias
    p = B + "project/p1"
    g.add(p, RDF_TYPE, SCHEMA + "Project").add(p, SCHEMA + "name", Lit("P one"))
    g.add(p, PROV + "wasDerivedFrom", g.source("_p/a.md"))
    g.add(p, KGO + "client", e2).add(p, KGO + "partner", e1).add(p, KGO + "partner", e4)
    g.add(p, SCHEMA + "startDate", Lit("2020-03-01")).add(p, KGO + "ongoing", Lit("false"))
    g.add(p, KGO + "platform", g.platform("Decidim"), "_p/a.md")
    g.add(p, KGO + "platform", g.platform("CONSUL"), POST)
    stub = B + "project/stub"
    g.add(stub, RDF_TYPE, SCHEMA + "Project")
    post = "https://lab.example/news/x/"
    g.add(post, PROV + "wasDerivedFrom", g.source(POST))
    g.add(post, SCHEMA + "mentions", e2).add(post, SCHEMA + "mentions", e4)
    person = B + "person/ana-ruiz"
    g.add(person, RDF_TYPE, SCHEMA + "Person").add(person, SCHEMA + "name", Lit("Ana Ruiz"))
    g.add(person, SCHEMA + "jobTitle", Lit("Director"))
    return g.graph()


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("organisations", (4 / 6, 1.0)),  # e4 and e5 are no truth organisation; lab, lyon, metro all there
        ("merges", (0.0, 0.0)),  # the one pair in an entity is wrong; neither truth pair is in one entity
        ("projects", (0.5, 1.0)),  # the nameless stub is a false project
        ("clients", (1.0, 1.0)),
        ("partners", (1 / 3, 0.5)),  # metro right; lyon (merged in) and Paris Agreement false; uni missed
        ("funders", (1.0, 1.0)),  # nothing said, nothing stated
        ("years", (1.0, 2 / 3)),  # start from a date and ongoing right, end missing
        ("themes", (1.0, 0.0)),
        ("platforms-on-page", (1.0, 1.0)),
        ("platforms-in-posts", (0.0, 0.0)),  # CONSUL from the post is false, Loomio missed
        ("platform-evidence", (0.0, 0.0)),
        ("mentions", (1.0, 1.0)),
        ("mentions-by-form", (0.0, 0.0)),  # Paris Agreement false, the university missed
        ("kinds", (0.5, 0.5)),  # e1 (two organisations) is not judged; lyon right, metro a company
        ("countries", (1.0, 0.5)),  # "Frankreich" is France; a place that is no schema:Country is none
        ("units", (1.0, 1.0)),
        ("persons", (1.0, 1.0)),
        ("roles", (0.0, 0.0)),
    ],
)
def test_a_flawed_graph_scores_what_was_worked_out_by_hand(kind, expected):
    scores = score(TINY, flawed_graph(), FAKE_REGISTRY)
    assert figures(scores, kind) == tuple(round(x, 4) for x in expected)


def test_a_wrong_merge_is_named_and_a_registry_organisation_is_caught_but_not_by_an_alias_the_site_uses():
    scores = score(TINY, flawed_graph(), FAKE_REGISTRY)
    assert scores["merges"].wrong_merges == ["lyon & metro"]
    assert scores["forbidden-registry"].false_positives == ["goteborgs-stad"]
    assert "?Paris Agreement" in scores["organisations"].false_positives
    assert "?nameless <https://lab.example/kg/project/stub>" in scores["projects"].false_positives


def test_a_site_that_names_a_registry_organisation_may_have_it():
    site = Site(**{**TINY.__dict__, "registry_named": frozenset({"goteborgs-stad"})})
    assert score(site, flawed_graph(), FAKE_REGISTRY)["forbidden-registry"].fp == 0


def test_an_organisation_split_in_two_entities_misses_the_merge_but_is_not_a_wrong_one():
    g = G()
    g.org("a", "Ville de Lyon")
    g.org("b", "City of Lyon")
    m = score(TINY, g.graph(), FAKE_REGISTRY)["merges"]
    assert (m.tp_r, m.fn, m.fp, m.wrong_merges) == (0, 2, 0, [])


def test_a_data_record_project_is_matched_by_its_file_and_title_and_a_second_node_is_a_split():
    site = Site(
        name="d",
        own="lab",
        orgs={"lab": Org(names=("Lab",))},
        themes={"klima": Theme(names=("klima",))},
        projects={
            "a": Project(data=("_data/projects.yml", "Borgerbudget i Aarhus"), themes=keys("klima")),
            "b": Project(data=("_data/projects.yml", "Digital høring")),
        },
        posts={},
    )
    g = G()
    for iri, name in (("x", "Borgerbudget i Aarhus"), ("y", "Borgerbudget i Aarhus"), ("z", "Something else")):
        p = B + "project/" + iri
        g.add(p, RDF_TYPE, SCHEMA + "Project").add(p, SCHEMA + "name", Lit(name))
        g.add(p, PROV + "wasDerivedFrom", g.source("_data/projects.yml"))
    theme = B + "theme/klima"
    g.add(theme, SCHEMA + "name", Lit("Klima")).add(B + "project/x", SCHEMA + "about", theme)
    scores = score(site, g.graph(), FAKE_REGISTRY)
    m = scores["projects"]
    assert (m.tp_p, m.fp, m.tp_r, m.fn) == (1, 2, 1, 1)
    assert any(f.startswith("split: a") for f in m.false_positives) and "?Something else" in m.false_positives
    assert figures(scores, "themes") == (1.0, 1.0)


def test_a_project_of_twin_data_records_is_matched_by_the_title_of_either_record():
    site = Site(
        name="d",
        own="lab",
        orgs={"lab": Org(names=("Lab",))},
        themes={},
        projects={"a": Project(data=("_data/proyek.yml", "Musrenbang Digital Kota Bandung",
                                     "Bandung Digital Development Planning"))},
        posts={},
    )
    g = G()
    for iri, name in (("x", "Bandung Digital Development Planning"), ("y", "Musrenbang Digital Kota Bandung")):
        p = B + "project/" + iri
        g.add(p, RDF_TYPE, SCHEMA + "Project").add(p, SCHEMA + "name", Lit(name))
        g.add(p, PROV + "wasDerivedFrom", g.source("_data/proyek.yml"))
    m = score(site, g.graph(), FAKE_REGISTRY)["projects"]
    assert (m.tp_p, m.fp, m.tp_r, m.fn) == (1, 1, 1, 0) and m.false_positives[0].startswith("split: a")
    one = G()
    p = B + "project/x"
    one.add(p, RDF_TYPE, SCHEMA + "Project").add(p, SCHEMA + "name", Lit("Musrenbang Digital Kota Bandung"))
    one.add(p, SCHEMA + "name", Lit("Bandung Digital Development Planning"))
    one.add(p, PROV + "wasDerivedFrom", one.source("_data/proyek.yml"))
    m = score(site, one.graph(), FAKE_REGISTRY)["projects"]
    assert (m.tp_p, m.fp, m.tp_r, m.fn) == (1, 0, 1, 0)


def test_graph_read_parses_the_files_kg_writes(tmp_path):
    (tmp_path / "graph.nt").write_text(
        f'<{B}organisation/a> <{SCHEMA}name> "Ville de Lyon"@fr .\n'
        f'<{B}source/_p/a.md> <{KGO}path> "_p/a.md" .\n'
        f'<{B}project/p> <{KGO}client> <{B}organisation/a> .\n',
        encoding="utf-8",
    )
    (tmp_path / "graph.nq").write_text(
        f"<{B}project/p> <{KGO}client> <{B}organisation/a> <{B}source/_p/a.md> .\n", encoding="utf-8"
    )
    g = Graph.read(tmp_path)
    assert g.values(B + "organisation/a", SCHEMA + "name") == {"Ville de Lyon"}
    assert g.graphs[(B + "project/p", KGO + "client", B + "organisation/a")] == {B + "source/_p/a.md"}
    assert g.source_path(B + "source/_p/a.md") == {"_p/a.md"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Saint-Étienne Métropole", "Saint Etienne Metropole"),
        ("Rotterdam (Niederlande)", "rotterdam"),
        ("la Ville de Lyon", "Ville de Lyon"),
        ("l'Université de Liège", "Université de Liège"),
        ("Dansk  Ungdoms\nFællesråd", "dansk ungdoms faellesrad"),
        ("Universität zu Köln", "UNIVERSITAT ZU KOLN"),
    ],
)
def test_spellings_that_differ_only_in_form_normalise_alike(a, b):
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Stadt Bonn", "Universität Bonn"),
        ("Mehr Demokratie", "Meer Democratie"),
        ("Utrecht University", "Utrecht University of Applied Sciences"),
        ("Saint-Étienne Métropole", "Ville de Saint-Étienne"),
    ],
)
def test_different_organisations_stay_different_after_normalising(a, b):
    assert normalise(a) != normalise(b)


def test_a_metric_without_any_fact_is_perfect_and_compare_lists_its_misses():
    assert (Metric().precision, Metric().recall, Metric().empty) == (1.0, 1.0, True)
    m = compare({("p", "a"), ("p", "b")}, {("p", "a"), ("p", "c")})
    assert (m.tp_p, m.fp, m.fn, m.false_positives, m.false_negatives) == (1, 1, 1, ["p · c"], ["p · b"])
    assert "clients" in table("== t", {"clients": m}) and "0.50" in table("== t", {"clients": m})


# ---------------------------------------------------------------------------------------- the truth vs the files

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*$\n?(.*)", re.DOTALL | re.MULTILINE)
ROLE_KEYS = {
    "clients": ("client", "cliente", "committente", "kunde", "entidade", "entidad_contratante", "commissioned_by",
                "partner_agency", "irainushi", "narucitelj", "mteja", "isveren", "pemberi_tugas", "nodal_agency",
                "damkveti"),
    "partners": ("partners", "partenaires", "partner_di_progetto", "partnere", "parceiros", "aliados",
                 "delivery_partners", "collaborators", "kyoryoku", "partneri", "washirika", "ortaklar", "mitra",
                 "knowledge_partners", "partniorebi"),
    "funders": ("funding", "funded_by", "finanziatore", "finansieret_af", "financiamento", "funder", "financiacion",
                "josei", "financira", "mfadhili", "destekleyen", "penyandang_dana", "supported_by",
                "mkhardamcheri"),
}
PROJECT_FOLDERS = ("_projets", "_projekte", "_projects", "_work", "_projetos", "_cases", "_proyectos",
                   "_portfolio", "_jirei", "_projekti", "_projeler", "_engagements", "_proeqtebi")
# el-uk-en's `_news`, hr-sr-sl's `_vijesti` and ka-hy-az's `_siakhleebi` are collections their mappings call posts
POST_FOLDERS = ("_posts", "_news", "_vijesti", "_siakhleebi")


def documents(site: str) -> dict[str, tuple[dict, str]]:
    """Front matter and body of every Markdown/HTML file of a fixture site, by site-relative path."""
    root = SITES_DIR / site
    out = {}
    for path in sorted(root.rglob("*")):
        if path.suffix in (".md", ".html") and path.is_file():
            m = _FRONT.match(path.read_text(encoding="utf-8"))
            out[path.relative_to(root).as_posix()] = (yaml.safe_load(m.group(1)) or {}, m.group(2)) if m else ({}, "")
    return out


TITLE_KEYS = ("titel", "judul", "jina")  # the title key of each site's project records


def records(site: str) -> list[dict]:
    """The project records of a site: `_data/projects.yml` and the data files its truth's projects are in."""
    files = {"_data/projects.yml"} | {t.data[0] for t in SITES[site].projects.values() if t.data}
    out = []
    for rel in sorted(files):
        path = SITES_DIR / site / rel
        out += (yaml.safe_load(path.read_text(encoding="utf-8")) or []) if path.exists() else []
    return out


def record_title(record: dict) -> str:
    return next(str(record[k]) for k in TITLE_KEYS if k in record)


def record_groups(site: str) -> dict[str, list[dict]]:
    """The records of one project: those sharing a `ref` (twins in other languages), else a record alone."""
    groups: dict[str, list[dict]] = {}
    for r in records(site):
        groups.setdefault(str(r.get("ref") or normalise(record_title(r))), []).append(r)
    return groups


def as_list(value) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else [str(v) for v in value]


def site_text(site: str) -> tuple[str, str]:
    """(normalised front matter, config and data text; normalised body text) of a site."""
    root = SITES_DIR / site
    front = [(root / "_config.yml").read_text(encoding="utf-8")]
    front += [p.read_text(encoding="utf-8") for p in sorted(root.glob("_data/**/*.yml"))]
    bodies = []
    for path in sorted(root.rglob("*")):
        if path.suffix in (".md", ".html"):
            m = _FRONT.match(path.read_text(encoding="utf-8"))
            front.append(m.group(1))
            bodies.append(m.group(2))
    return normalise(" ".join(front)), normalise(" ".join(bodies))


SITE_IDS = list(SITES)


@pytest.mark.parametrize("site", SITE_IDS)
def test_every_file_the_truth_names_exists_and_every_post_and_project_page_is_in_it(site):
    truth = SITES[site]
    docs = documents(site)
    named = set(truth.posts)
    for t in truth.projects.values():
        named |= set(t.paths)
        named |= {p for ps in t.platforms_posts.values() for p in ps}
    for th in truth.themes.values():
        named |= set(th.paths)
    assert named <= set(docs)
    assert {p for p in docs if p.split("/")[0] in POST_FOLDERS} == set(truth.posts)
    pages = {p for p in docs if p.split("/")[0] in PROJECT_FOLDERS}
    assert pages == {p for t in truth.projects.values() for p in t.paths}
    titles = {normalise(x) for t in truth.projects.values() if t.data for x in t.data[1:]}
    # every project of records is named by the titles of its records, and every truth title is one
    assert titles <= {normalise(record_title(r)) for r in records(site)}
    for group in record_groups(site).values():
        assert {normalise(record_title(r)) for r in group} & titles, record_title(group[0])


@pytest.mark.parametrize("site", SITE_IDS)
def test_every_spelling_of_the_truth_is_written_on_its_site_and_names_one_organisation_only(site):
    truth = SITES[site]
    front, bodies = site_text(site)
    owner: dict[str, str] = {}
    for key, org in truth.orgs.items():
        for s in org.names:
            assert normalise(s) in front, (key, s)
        for s in org.text:
            assert normalise(s) in bodies or normalise(s) in front, (key, s)
        for s in org.spellings():
            assert owner.setdefault(normalise(s), key) == key, f"{s!r} names both {owner[normalise(s)]} and {key}"


@pytest.mark.parametrize("site", SITE_IDS)
def test_the_truth_uses_its_own_keys_and_the_judged_vocabulary(site):
    truth = SITES[site]
    assert truth.own in truth.orgs
    for key, org in truth.orgs.items():
        assert set(org.kind) <= KINDS, key
        assert org.country is None or org.country in COUNTRIES, key
        assert org.parent is None or org.parent in truth.orgs, key
    for key, t in truth.projects.items():
        assert (t.clients | t.partners | t.funders) <= set(truth.orgs), key
        assert t.themes <= set(truth.themes), key
        assert (t.platforms_page | set(t.platforms_posts)) <= set(PLATFORMS), key
        assert {p for ps in t.platforms_posts.values() for p in ps} <= set(truth.posts), key
        assert t.ongoing is not True or t.end is None, key
    for path, mentioned in truth.posts.items():
        assert mentioned <= set(truth.orgs), path


@pytest.mark.parametrize("site", SITE_IDS)
def test_no_spelling_of_the_truth_is_a_registry_name_so_the_sites_stay_unprepared(site):
    registry = load_registry()
    taken = {n for preferred, aliases in registry.values() for n in preferred | aliases}
    spellings = {normalise(s) for org in SITES[site].orgs.values() for s in org.spellings()}
    assert not spellings & taken


@pytest.mark.parametrize("site", SITE_IDS)
def test_the_roles_front_matter_states_are_the_roles_of_the_truth(site):
    """Read independently with plain YAML: every client/partner/funder value of a project page or record
    is a spelling of the truth, and the truth's roles are what the front matter says where it says them."""
    truth = SITES[site]
    spelling = {normalise(s): k for k, o in truth.orgs.items() for s in o.spellings()}
    docs = documents(site)
    data = {normalise(record_title(r)): group for group in record_groups(site).values() for r in group}
    for key, t in truth.projects.items():
        sources = [docs[p][0] for p in t.paths] + (
            list({id(r): r for x in t.data[1:] for r in data[normalise(x)]}.values()) if t.data else [])
        for role, names in ROLE_KEYS.items():
            stated = [v for fm in sources for n in names for v in as_list(fm.get(n))]
            assert all(normalise(v) in spelling for v in stated), (key, role, stated)
            if stated:
                assert {spelling[normalise(v)] for v in stated} == getattr(t, role), (key, role)


def test_the_fixture_sites_are_small_enough_to_check_by_eye():
    for site in SITE_IDS:
        n = len(documents(site)) + len(records(site))
        assert 6 <= n <= 26, (site, n)
    assert Path(SITES_DIR / "it-work-people" / "_config.yml").read_text(encoding="utf-8").count("kg:") == 1
    assert (SITES_DIR / "data-projects" / "_data" / "kg" / "mapping.yml").exists()
