"""The vocabulary contract: every namespace and term the graph uses.

Researchers write queries against these IRIs, so they are stable. The own terms
(``kgo:``) are declared with labels, comments, domains and ranges in
``kg/ontology/kg.ttl``; everything else comes from schema.org, SKOS, PROV and W3C ORG.
``schema:`` is ``http://schema.org/`` because that is what the schema.org JSON-LD
context expands to, so the graph and the JSON-LD embedded in pages agree.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

SCHEMA = "http://schema.org/"
KGO = "https://digidemlab.org/kg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
DCTERMS = "http://purl.org/dc/terms/"
WD = "http://www.wikidata.org/entity/"

#: Prefixes written at the top of Turtle output, in this order.
PREFIXES: dict[str, str] = {
    "schema": SCHEMA,
    "kgo": KGO,
    "skos": SKOS,
    "prov": PROV,
    "org": ORG,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "dcterms": DCTERMS,
    "wd": WD,
}


class _Namespace:
    """Attribute access to the terms of one namespace: ``schema.name``."""

    def __init__(self, base: str) -> None:
        self._base = base
        self._terms: dict[str, NamedNode] = {}

    def __getattr__(self, local: str) -> NamedNode:
        if local.startswith("__"):
            raise AttributeError(local)
        return self[local]

    def __getitem__(self, local: str) -> NamedNode:
        term = self._terms.get(local)
        if term is None:  # made once: a build asks for the same terms millions of times
            term = self._terms[local] = NamedNode(self._base + local)
            if local.isidentifier() and not local.startswith("_"):
                setattr(self, local, term)  # later ``schema.name`` is a plain attribute read
        return term


schema = _Namespace(SCHEMA)
kgo = _Namespace(KGO)
skos = _Namespace(SKOS)
prov = _Namespace(PROV)
xsd = _Namespace(XSD)

RDF_TYPE = NamedNode(RDF + "type")

#: Path segments of instance IRIs under ``<site url>/kg/``.
KIND_SEGMENTS = {
    "organisation": "organisation",
    "platform": "platform",
    "place": "place",
    "project": "project",
    "theme": "theme",
    "person": "person",
    "source": "source",
}

#: Organisation kinds (registry ``kind``) → the schema.org subtype added beside
#: ``schema:Organization``; ``kgo:organisationKind`` carries the kind itself.
ORGANISATION_TYPES = {
    "municipality": "GovernmentOrganization",
    "agency": "GovernmentOrganization",
    "university": "CollegeOrUniversity",
    "research-institute": "ResearchOrganization",
    "company": "Corporation",
    "ngo": "NGO",
    "funder": "Organization",
    "network": "Organization",
    "region": "GovernmentOrganization",
    "intergovernmental": "Organization",
}
