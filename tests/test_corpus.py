"""The real digidemlab.org content (``../shared/corpus/digidemlab-site``), messy as its authors wrote it.

Skipped when the corpus is not beside the project. Expected values come from the
corpus files themselves: a tiny independent reading of their front matter (plain
``yaml.safe_load``) says which refs, titles and references exist, and the graph must
agree with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import rdflib
import yaml
from rdflib import RDF, Literal, Namespace, URIRef

import kg

SCHEMA = Namespace("http://schema.org/")
KGO = Namespace("https://digidemlab.org/kg/ontology#")
KG = "https://digidemlab.org/kg/"
ORGANISATION = Namespace(KG + "organisation/")
PROJECT = Namespace(KG + "project/")
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)


def front_matter(path: Path) -> dict:
    match = _FRONT.match(path.read_text(encoding="utf-8"))
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


@pytest.fixture(scope="module")
def built(corpus) -> tuple[Path, kg.BuildResult, rdflib.Graph]:
    result = kg.build(corpus)
    return corpus, result, result.graph.graph()


def clients(corpus: Path) -> dict[str, dict]:
    """Front matter of every ``_clients`` page, by site-relative path."""
    return {p.relative_to(corpus).as_posix(): front_matter(p) for p in sorted((corpus / "_clients").glob("*.md"))}


def test_the_corpus_builds(built):
    """The whole corpus builds, every document read, no file skipped."""
    corpus, result, g = built
    files = [p for p in corpus.rglob("*") if p.is_file() and p.suffix in {".md", ".markdown", ".html"}]
    assert len(result.site.documents) == len(files)
    assert not [d for d in result.diagnostics if d.severity == "error"]
    assert len(g) > 1000


def test_every_dangling_reference_is_reported(built):
    """Each ``clients:``/``categories:`` path to a file that does not exist is one ``dangling-reference``:
    exactly _clients/helsingborg.md, _themes/medborgardeltagande.md and, twice,
    _clients/konferensen-om-europas-framtid.md."""
    corpus, result, _ = built
    expected = set()
    for path in sorted(corpus.glob("_posts/*")):
        data = front_matter(path)
        if data.get("published") is False:
            continue
        for key in ("clients", "categories"):
            for target in as_list(data.get(key)):
                if "/" in target and not (corpus / target).exists():
                    expected.add((path.relative_to(corpus).as_posix(), key, target))
    assert sorted(target for _, _, target in expected) == [
        "_clients/helsingborg.md", "_clients/konferensen-om-europas-framtid.md",
        "_clients/konferensen-om-europas-framtid.md", "_themes/medborgardeltagande.md"]
    reported = {(d.file, d.message.split(":", 1)[0], d.message.split("'")[1])
                for d in result.diagnostics if d.kind == "dangling-reference"}
    assert reported == expected
    assert {d.kind for d in result.diagnostics} == {"dangling-reference"}
    assert all(d.line is not None for d in result.diagnostics)


def test_one_project_per_ref(built):
    """The sv and en pages of each project are one ``schema:Project``: one per distinct ``ref`` in _clients,
    each the subject of its pages; a dangling ``clients:`` path adds a bare project, nothing else."""
    corpus, _, g = built
    refs = {data["ref"] for data in clients(corpus).values()}
    assert len(refs) == 9
    with_pages = {s for s in g.subjects(RDF.type, SCHEMA.Project) if (s, SCHEMA.subjectOf, None) in g}
    assert with_pages == {PROJECT[ref] for ref in refs}
    bare = set(g.subjects(RDF.type, SCHEMA.Project)) - with_pages
    assert bare == {PROJECT["helsingborg"], PROJECT["konferensen-om-europas-framtid"]}


@pytest.mark.parametrize("ref", ["chicago", "lund-ecosoc", "coldigit", "goteborg", "transparency-international"])
def test_a_project_has_both_pages_and_their_titles(built, ref):
    """Two pages (sv and en, translations of each other) and a ``schema:name`` per page in its language."""
    corpus, result, g = built
    pages = {path: data for path, data in clients(corpus).items() if data["ref"] == ref}
    assert {data["lang"] for data in pages.values()} == {"sv", "en"}
    urls = {d.path: URIRef(d.url) for d in result.site.documents if d.path in pages}
    project = PROJECT[ref]
    assert set(g.objects(project, SCHEMA.subjectOf)) == set(urls.values())
    names = {Literal(" ".join(data["title"].split()), lang=data["lang"]) for data in pages.values()}
    assert set(g.objects(project, SCHEMA.name)) == names
    sv = next(urls[p] for p, data in pages.items() if data["lang"] == "sv")
    en = next(urls[p] for p, data in pages.items() if data["lang"] == "en")
    assert (sv, SCHEMA.workTranslation, en) in g and (en, SCHEMA.translationOfWork, sv) in g


def named(g: rdflib.Graph, text: str, lang: str) -> URIRef:
    """The one organisation that some page called ``text`` (in ``lang``)."""
    [org] = set(g.subjects(SCHEMA.alternateName, Literal(text, lang=lang)))
    return org


@pytest.mark.parametrize(("sv", "en", "iri"), [
    ("Lund Kommun", "Lund municipality", "lunds-kommun"),
    ("Lunds Universitet", "Lund University", "lunds-universitet"),
    ("Stockholm Environmental Institute", "Swedish Environmental Institute", "stockholm-environment-institute"),
    ("Göteborgs Stad", "City of Gothenburg", "goteborgs-stad"),
    ("Göteborgs Stad, Lundby", "City of Gothenburg, Lundby", "goteborgs-stad-lundby"),
])
def test_translated_names_are_one_organisation(built, sv, en, iri):
    """What the sv page and the en page call one organisation is one IRI."""
    _, _, g = built
    assert named(g, sv, "sv") == named(g, en, "en") == ORGANISATION[iri]


@pytest.mark.parametrize(("one", "other"), [
    ("Transparency International Estonia", "Transparency International Lithuania"),
    ("City of Helsinki (Finland)", "University of Helsinki (Finland)"),
])
def test_organisations_sharing_words_stay_apart(built, one, other):
    """Shared words are no identity: two organisations, in both languages."""
    _, _, g = built
    for lang in ("sv", "en"):
        assert named(g, one, lang) != named(g, other, lang)


def test_client_and_partners_of_the_transparency_project(built):
    """Lithuania is the client, Estonia and Lundby the partners: nothing merged across them."""
    _, _, g = built
    project = PROJECT["transparency-international"]
    assert set(g.objects(project, KGO.client)) == {ORGANISATION["transparency-international-lithuania"]}
    assert set(g.objects(project, KGO.partner)) == {ORGANISATION["transparency-international-estonia"],
                                                    ORGANISATION["goteborgs-stad-lundby"]}


def test_coldigit_partners_include_digidem_lab_itself(built):
    """"Digidem Lab (Sweden)" among COLDIGIT's partners is the site's own organisation."""
    _, _, g = built
    [publisher] = g.objects(URIRef("https://digidemlab.org/#website"), SCHEMA.publisher)
    partners = set(g.objects(PROJECT["coldigit"], KGO.partner))
    assert publisher == ORGANISATION["digidem-lab"]
    assert publisher in partners
    assert len(partners) == 8  # eight names in the list, eight organisations in both languages


def test_every_project_names_one_client_per_language_at_most(built):
    """A sv/en pair naming its client in two languages never yields two clients."""
    corpus, _, g = built
    by_ref = defaultdict(set)
    for data in clients(corpus).values():
        if data.get("client"):
            by_ref[data["ref"]].add(data["client"])
    for ref in by_ref:
        assert len(set(g.objects(PROJECT[ref], KGO.client))) == 1, ref
