"""RDF namespaces the tests share: the vocabulary and the default test site's instances."""

from rdflib import Namespace

SCHEMA = Namespace("http://schema.org/")
KGO = Namespace("https://digidemlab.org/kg/ontology#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SITE = "https://example.org"
PROJECT = Namespace(f"{SITE}/kg/project/")
THEME = Namespace(f"{SITE}/kg/theme/")
ORGANISATION = Namespace(f"{SITE}/kg/organisation/")
PLACE = Namespace(f"{SITE}/kg/place/")
PLATFORM = Namespace(f"{SITE}/kg/platform/")
PERSON = Namespace(f"{SITE}/kg/person/")
