"""The ontology file ``kg/ontology/kg.ttl`` is the documented contract of the graph's vocabulary.

These tests pin down what it must say: which ``kgo:`` terms exist (adding one is a
conscious change to ``EXPECTED_KGO_TERMS``), that every term is labelled and explained in
Swedish and English, that properties have domains and ranges, which alignments with
W3C ORG and PROV-O are asserted, and which external terms the graph uses.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pyoxigraph
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_FILE = ROOT / "kg" / "ontology" / "kg.ttl"

ONTOLOGY = URIRef("https://digidemlab.org/kg/ontology")
KGO = Namespace("https://digidemlab.org/kg/ontology#")
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
VANN = Namespace("http://purl.org/vocab/vann/")

DECLARATION_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)

# --- The kgo: vocabulary, spelled out -----------------------------------------------------

KGO_CLASSES = {KGO.SourceFile, KGO.OrganisationKind, KGO.Inference}
KGO_OBJECT_PROPERTIES = {KGO.participant, KGO.client, KGO.partner, KGO.platform, KGO.organisationKind}
KGO_DATATYPE_PROPERTIES = {KGO.ongoing, KGO.ref, KGO.path, KGO.collection, KGO.method}
ORGANISATION_KINDS = {
    KGO[kind]
    for kind in (
        "municipality",
        "agency",
        "university",
        "research-institute",
        "company",
        "ngo",
        "funder",
        "network",
        "region",
        "intergovernmental",
    )
}
KGO_INDIVIDUALS = {KGO.OrganisationKinds} | ORGANISATION_KINDS
EXPECTED_KGO_TERMS = KGO_CLASSES | KGO_OBJECT_PROPERTIES | KGO_DATATYPE_PROPERTIES | KGO_INDIVIDUALS

EXPECTED_RANGES = {
    KGO.participant: SCHEMA.Organization,
    KGO.client: SCHEMA.Organization,
    KGO.partner: SCHEMA.Organization,
    KGO.platform: SCHEMA.SoftwareApplication,
    KGO.organisationKind: KGO.OrganisationKind,
    KGO.ongoing: XSD.boolean,
    KGO.ref: XSD.string,
    KGO.path: XSD.string,
    KGO.collection: XSD.string,
    KGO.method: XSD.string,
}

# --- External terms the graph uses, declared for the reader --------------------------------

EXTERNAL_CLASSES = {
    SCHEMA.Project,
    SCHEMA.Organization,
    SCHEMA.GovernmentOrganization,
    SCHEMA.CollegeOrUniversity,
    SCHEMA.ResearchOrganization,
    SCHEMA.Corporation,
    SCHEMA.NGO,
    SCHEMA.SoftwareApplication,
    SCHEMA.Place,
    SCHEMA.Country,
    SCHEMA.City,
    SCHEMA.NewsArticle,
    SCHEMA.WebPage,
    SCHEMA.WebSite,
    SCHEMA.Person,
    SCHEMA.DefinedTerm,
    SCHEMA.DefinedTermSet,
} | {SKOS.Concept, SKOS.ConceptScheme}

EXTERNAL_OBJECT_PROPERTIES = {
    SCHEMA.url,
    SCHEMA.image,
    SCHEMA.logo,
    SCHEMA.sameAs,
    SCHEMA.about,
    SCHEMA.mentions,
    SCHEMA.subjectOf,
    SCHEMA.mainEntity,
    SCHEMA.isPartOf,
    SCHEMA.workTranslation,
    SCHEMA.translationOfWork,
    SCHEMA.funder,
    SCHEMA.parentOrganization,
    SCHEMA.location,
    SCHEMA.containedInPlace,
    SCHEMA.worksFor,
    SCHEMA.publisher,
    SCHEMA.author,
    SCHEMA.inDefinedTermSet,
} | {SKOS.inScheme, PROV.wasDerivedFrom}

EXTERNAL_DATATYPE_PROPERTIES = {
    SCHEMA.name,
    SCHEMA.alternateName,
    SCHEMA.description,
    SCHEMA.headline,
    SCHEMA.datePublished,
    SCHEMA.inLanguage,
    SCHEMA.startDate,
    SCHEMA.endDate,
    SCHEMA.jobTitle,
    SCHEMA.email,
    SCHEMA.telephone,
}

#: SKOS itself declares these as annotation properties, so the ontology does too.
EXTERNAL_ANNOTATION_PROPERTIES = {SKOS.prefLabel, SKOS.definition}

#: The terms that only appear in alignment axioms.
ALIGNMENT_TARGETS = {ORG.Organization, ORG.subOrganizationOf, ORG.classification, PROV.Entity}

#: ``rdfs:isDefinedBy`` of an external term: the vocabulary that defines it, as it names itself.
DEFINING_VOCABULARY = {
    str(SCHEMA): URIRef("http://schema.org/"),
    str(SKOS): URIRef("http://www.w3.org/2004/02/skos/core"),
    str(PROV): URIRef("http://www.w3.org/ns/prov-o#"),
    str(ORG): URIRef("http://www.w3.org/ns/org#"),
}

ALIGNMENTS = [
    (SCHEMA.Organization, OWL.equivalentClass, ORG.Organization),
    (SCHEMA.parentOrganization, RDFS.subPropertyOf, ORG.subOrganizationOf),
    (KGO.organisationKind, RDFS.subPropertyOf, ORG.classification),
    (KGO.SourceFile, RDFS.subClassOf, PROV.Entity),
    (KGO.OrganisationKind, RDFS.subClassOf, SKOS.Concept),
    (KGO.client, RDFS.subPropertyOf, KGO.participant),
    (KGO.partner, RDFS.subPropertyOf, KGO.participant),
]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def vocab() -> ModuleType:
    """``kg/vocab.py``, loaded from its file so the test needs no installed package."""
    spec = importlib.util.spec_from_file_location("_kg_vocab_under_test", ROOT / "kg" / "vocab.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def languages(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


def text(graph: Graph, subject: URIRef, predicate: URIRef, lang: str) -> str:
    values = [
        str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal) and o.language == lang
    ]
    assert len(values) == 1, f"{subject} needs exactly one {predicate}@{lang}, has {values}"
    return values[0]


def declared_kgo_terms(graph: Graph) -> set[URIRef]:
    return {
        s
        for t in DECLARATION_TYPES
        for s in graph.subjects(RDF.type, t)
        if isinstance(s, URIRef) and s.startswith(str(KGO))
    }


# --- Parsing --------------------------------------------------------------------------------


def test_parses_with_rdflib(graph: Graph) -> None:
    """The file is valid Turtle for rdflib."""
    assert len(graph) > 0


def test_parses_with_pyoxigraph_to_the_same_number_of_triples(graph: Graph) -> None:
    """The file is valid Turtle for pyoxigraph too, which kg uses to load and query."""
    with ONTOLOGY_FILE.open("rb") as f:
        triples = list(pyoxigraph.parse(f, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(graph)


# --- The ontology header --------------------------------------------------------------------


def test_header_identifies_version_licence_and_creator(graph: Graph) -> None:
    """The ontology has a version, a CC BY 4.0 licence and Digidem Lab as creator."""
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in graph
    assert (ONTOLOGY, OWL.versionInfo, Literal("0.1.0")) in graph
    assert (ONTOLOGY, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in graph
    assert (ONTOLOGY, DCTERMS.creator, Literal("Digidem Lab")) in graph


def test_header_has_title_and_description_in_swedish_and_english(graph: Graph) -> None:
    """Title and description exist in both site languages."""
    for predicate in (DCTERMS.title, DCTERMS.description):
        assert {"sv", "en"} <= languages(graph, ONTOLOGY, predicate)


def test_header_declares_the_preferred_prefix(graph: Graph, vocab: ModuleType) -> None:
    """``kgo`` is the preferred prefix, and the namespace is the one the code uses."""
    assert (ONTOLOGY, VANN.preferredNamespacePrefix, Literal("kgo")) in graph
    assert (ONTOLOGY, VANN.preferredNamespaceUri, Literal(str(KGO))) in graph
    assert str(KGO) == vocab.KGO


def test_header_documents_every_instance_iri_pattern(graph: Graph, vocab: ModuleType) -> None:
    """The ontology comment explains ``/kg/{segment}/…`` for every segment the code mints."""
    for lang in ("sv", "en"):
        comment = text(graph, ONTOLOGY, RDFS.comment, lang)
        for segment in vocab.KIND_SEGMENTS.values():
            assert f"/kg/{segment}/" in comment, (lang, segment)


# --- The kgo: terms -------------------------------------------------------------------------


def test_declared_kgo_terms_are_exactly_the_expected_ones(graph: Graph) -> None:
    """Adding or removing a kgo: term must be a conscious change to this test."""
    assert declared_kgo_terms(graph) == EXPECTED_KGO_TERMS


def test_kgo_terms_have_the_expected_owl_types(graph: Graph) -> None:
    """Classes, object properties, datatype properties and individuals are typed as such."""
    for terms, owl_type in (
        (KGO_CLASSES, OWL.Class),
        (KGO_OBJECT_PROPERTIES, OWL.ObjectProperty),
        (KGO_DATATYPE_PROPERTIES, OWL.DatatypeProperty),
        (KGO_INDIVIDUALS, OWL.NamedIndividual),
    ):
        assert set(graph.subjects(RDF.type, owl_type)) & EXPECTED_KGO_TERMS == terms


def test_every_kgo_iri_used_in_the_file_is_declared(graph: Graph) -> None:
    """No typo'd or undeclared kgo: IRI hides in an axiom or a value."""
    used = {
        node for triple in graph for node in triple if isinstance(node, URIRef) and node.startswith(str(KGO))
    }
    assert used <= EXPECTED_KGO_TERMS


@pytest.mark.parametrize("term", sorted(EXPECTED_KGO_TERMS), ids=lambda t: t.fragment)
def test_kgo_term_is_labelled_and_explained_in_swedish_and_english(graph: Graph, term: URIRef) -> None:
    """Every kgo: term has a label and a comment in sv and en; individuals may use skos:prefLabel."""
    label_languages = languages(graph, term, RDFS.label)
    if term in KGO_INDIVIDUALS:
        label_languages |= languages(graph, term, SKOS.prefLabel)
    assert {"sv", "en"} <= label_languages
    assert {"sv", "en"} <= languages(graph, term, RDFS.comment)


@pytest.mark.parametrize("term", sorted(EXPECTED_KGO_TERMS), ids=lambda t: t.fragment)
def test_kgo_term_is_defined_by_the_ontology(graph: Graph, term: URIRef) -> None:
    """Every kgo: term points back at the ontology that defines it."""
    assert (term, RDFS.isDefinedBy, ONTOLOGY) in graph


@pytest.mark.parametrize(
    "prop", sorted(KGO_OBJECT_PROPERTIES | KGO_DATATYPE_PROPERTIES), ids=lambda t: t.fragment
)
def test_kgo_property_has_a_range_and_a_domain_or_says_why_not(graph: Graph, prop: URIRef) -> None:
    """Each property has its range; a property without a domain explains that in its comment."""
    assert list(graph.objects(prop, RDFS.range)) == [EXPECTED_RANGES[prop]]
    if (prop, RDFS.domain, None) not in graph:
        assert "no domain" in text(graph, prop, RDFS.comment, "en").lower()
        assert "ingen domän" in text(graph, prop, RDFS.comment, "sv").lower()


def test_properties_without_a_domain_are_only_ref(graph: Graph) -> None:
    """``kgo:ref`` is used on pages, projects and concepts alike; every other property has a domain."""
    without_domain = {
        p for p in KGO_OBJECT_PROPERTIES | KGO_DATATYPE_PROPERTIES if (p, RDFS.domain, None) not in graph
    }
    assert without_domain == {KGO.ref}


def test_platform_applies_to_projects_and_to_themes(graph: Graph) -> None:
    """``kgo:platform``'s domain is the union of schema:Project and skos:Concept."""
    (domain,) = graph.objects(KGO.platform, RDFS.domain)
    (members,) = graph.objects(domain, OWL.unionOf)
    assert set(Collection(graph, members)) == {SCHEMA.Project, SKOS.Concept}


def test_project_role_properties_share_domain_and_range(graph: Graph) -> None:
    """participant, client and partner all go from a project to an organisation."""
    for prop in (KGO.participant, KGO.client, KGO.partner):
        assert (prop, RDFS.domain, SCHEMA.Project) in graph
        assert (prop, RDFS.range, SCHEMA.Organization) in graph


def test_source_file_properties_apply_to_source_files(graph: Graph) -> None:
    """``kgo:path`` and ``kgo:collection`` describe a kgo:SourceFile."""
    for prop in (KGO.path, KGO.collection):
        assert (prop, RDFS.domain, KGO.SourceFile) in graph


# --- Organisation kinds ---------------------------------------------------------------------


def test_organisation_kinds_form_a_concept_scheme(graph: Graph) -> None:
    """Every kind is a kgo:OrganisationKind in kgo:OrganisationKinds with sv and en prefLabels."""
    assert (KGO.OrganisationKinds, RDF.type, SKOS.ConceptScheme) in graph
    assert set(graph.subjects(RDF.type, KGO.OrganisationKind)) == ORGANISATION_KINDS
    for kind in ORGANISATION_KINDS:
        assert (kind, SKOS.inScheme, KGO.OrganisationKinds) in graph
        assert {"sv", "en"} <= languages(graph, kind, SKOS.prefLabel)


def test_organisation_kinds_match_the_code(vocab: ModuleType) -> None:
    """The kinds in the ontology are exactly the kinds the mapper knows."""
    assert {KGO[kind] for kind in vocab.ORGANISATION_TYPES} == ORGANISATION_KINDS


def test_each_kind_names_the_schema_type_the_mapper_adds(graph: Graph, vocab: ModuleType) -> None:
    """A kind's comment names its schema.org subtype, or says it gets none."""
    for kind, schema_type in vocab.ORGANISATION_TYPES.items():
        comment = text(graph, KGO[kind], RDFS.comment, "en")
        if schema_type == "Organization":
            assert "no schema.org subtype" in comment, kind
        else:
            assert f"schema:{schema_type}" in comment, kind


# --- Alignments -----------------------------------------------------------------------------


@pytest.mark.parametrize("triple", ALIGNMENTS, ids=lambda t: f"{t[0].n3()} {t[1].n3()} {t[2].n3()}")
def test_alignment_is_asserted(graph: Graph, triple: tuple[URIRef, URIRef, URIRef]) -> None:
    """The ontology states how its terms and schema.org relate to ORG, PROV-O and SKOS."""
    assert triple in graph


def test_no_other_equivalences_are_asserted(graph: Graph) -> None:
    """Equivalence is strong; the only one asserted is schema:Organization ≡ org:Organization."""
    equivalences = set(graph.triples((None, OWL.equivalentClass, None))) | set(
        graph.triples((None, OWL.equivalentProperty, None))
    )
    assert equivalences == {(SCHEMA.Organization, OWL.equivalentClass, ORG.Organization)}


# --- External vocabulary --------------------------------------------------------------------

EXTERNAL_TERMS = (
    [(t, OWL.Class) for t in sorted(EXTERNAL_CLASSES | {ORG.Organization, PROV.Entity})]
    + [(t, OWL.ObjectProperty) for t in sorted(EXTERNAL_OBJECT_PROPERTIES)]
    + [(t, OWL.ObjectProperty) for t in (ORG.subOrganizationOf, ORG.classification)]
    + [(t, OWL.DatatypeProperty) for t in sorted(EXTERNAL_DATATYPE_PROPERTIES)]
    + [(t, OWL.AnnotationProperty) for t in sorted(EXTERNAL_ANNOTATION_PROPERTIES)]
)


@pytest.mark.parametrize(
    "term, owl_type", EXTERNAL_TERMS, ids=lambda v: v.n3() if isinstance(v, URIRef) else ""
)
def test_external_term_is_declared_with_its_usage(graph: Graph, term: URIRef, owl_type: URIRef) -> None:
    """An external term the graph uses is declared, defined by its own vocabulary, and explained."""
    assert (term, RDF.type, owl_type) in graph
    namespace = next(ns for ns in DEFINING_VOCABULARY if term.startswith(ns))
    assert list(graph.objects(term, RDFS.isDefinedBy)) == [DEFINING_VOCABULARY[namespace]]
    assert {"sv", "en"} <= languages(graph, term, RDFS.comment)


def test_every_external_term_declared_is_expected(graph: Graph) -> None:
    """The list of external terms above and the file agree in both directions."""
    declared = {
        s
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in graph.subjects(RDF.type, t)
        if isinstance(s, URIRef) and any(s.startswith(ns) for ns in DEFINING_VOCABULARY)
    }
    expected = (
        EXTERNAL_CLASSES | EXTERNAL_OBJECT_PROPERTIES | EXTERNAL_DATATYPE_PROPERTIES | ALIGNMENT_TARGETS
    )
    assert declared == expected


def test_external_terms_keep_their_own_semantics(graph: Graph) -> None:
    """The ontology adds no domain or range to anyone else's term."""
    for prop in (RDFS.domain, RDFS.range):
        constrained = {s for s in graph.subjects(prop, None) if isinstance(s, URIRef)}
        assert all(s.startswith(str(KGO)) for s in constrained), constrained
