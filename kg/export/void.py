"""``void.ttl``: a VoID/DCAT description of the graph — size, classes, properties, vocabularies, dumps.

One function, :func:`void_triples`, describes a graph given as N-Triples term
rows; ``kg build`` writes it next to the graph files (dumps as relative IRIs, so
they resolve wherever the folder is published) and ``kg serve`` serves the same
description at ``/void.ttl`` with its SPARQL endpoint and download URLs.
The description is made of pyoxigraph terms and written by pyoxigraph, so no
site title can make it invalid Turtle.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from urllib.parse import urlsplit

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, parse, serialize

from kg.diagnostics import Diagnostics, shown
from kg.formats import WRITTEN
from kg.vocab import DCTERMS, KGO, PREFIXES, PROV, RDF, SCHEMA, SKOS, XSD

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
FOAF = "http://xmlns.com/foaf/0.1/"
VOID_PREFIXES = {"void": VOID, "dcat": DCAT, "dcterms": DCTERMS, "foaf": FOAF, "schema": SCHEMA, "xsd": XSD}
#: The graph files ``kg build`` writes, offered as dumps in ``void.ttl`` (relative to it).
DUMPS = tuple(f.written for f in WRITTEN if f.written)
#: Vocabularies the graph's terms come from.
VOCABULARIES = (SCHEMA, KGO, SKOS, PROV, PREFIXES["org"])
#: Stands for "the folder void.ttl is in" while the description is written; removed from the text.
_HERE = "https://kg-void.invalid/here/"

_TYPE = f"<{RDF}type>"
_WEBSITE = f"<{SCHEMA}WebSite>"
_EXAMPLE_CLASSES = (f"<{SCHEMA}Project>", f"<{SCHEMA}Organization>", f"<{SKOS}Concept>")

Row = tuple[str, str, str]


@dataclass(frozen=True)
class VoidSettings:
    """What the description says that the graph cannot: the ``kg:`` section of ``_config.yml``.

    ``license`` is an IRI (or, failing that, text); ``publisher`` an IRI or a name and
    replaces the site's own organisation (the ``schema:publisher`` of its
    ``schema:WebSite``); ``sparql_endpoint`` is a public endpoint that serves the graph.
    """

    license: str | None = None
    publisher: str | None = None
    sparql_endpoint: str | None = None


def void_settings(config: Mapping, diags: Diagnostics | None = None) -> VoidSettings:
    """The settings a site's ``_config.yml`` declares (see :class:`VoidSettings`).

    ``kg: {license, publisher, sparql_endpoint}``; the licence may also be a top-level
    ``license:`` (or ``licence:``), which ``kg: license:`` overrides. Blank values are
    left out; a value that is not text, or an endpoint that is not an http(s) URL, is a
    ``bad-config`` warning in ``diags`` and is left out too, as any other bad setting.
    """
    found = config.get("kg")
    section: Mapping = found if isinstance(found, Mapping) else {}

    def first(*keyed: tuple[str, object]) -> str | None:
        for key, value in keyed:
            if isinstance(value, str) and value.strip():
                return value.strip()
            if value is not None and not isinstance(value, str) and diags is not None:
                diags.add("_config.yml", "bad-config", f"{key}: expected text, got {shown(value)}; ignored")
        return None

    endpoint = first(("kg: sparql_endpoint", section.get("sparql_endpoint")))
    if endpoint is not None and not _is_web_iri(endpoint):
        if diags is not None:
            diags.add("_config.yml", "bad-config", f"kg: sparql_endpoint must be an http(s) URL, not "
                      f"{shown(endpoint)}; left out of void.ttl")
        endpoint = None
    return VoidSettings(
        license=first(("kg: license", section.get("license")), ("kg: licence", section.get("licence")),
                      ("license", config.get("license")), ("licence", config.get("licence"))),
        publisher=first(("kg: publisher", section.get("publisher"))),
        sparql_endpoint=endpoint,
    )


def _is_web_iri(value: str) -> bool:
    if urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc:
        return False
    try:
        NamedNode(value)
    except ValueError:
        return False
    return True


def void_triples(rows: Iterable[Row], base: str | None, *, license: str | None = None,
                 endpoint: str | Sequence[str] | None = None, dumps: Sequence[str] = (),
                 publisher: str | None = None) -> list[Triple]:
    """The VoID/DCAT description of the graph whose triples are ``rows`` (N-Triples terms, each triple once;
    a row's items after the first three, a quad's graph, are ignored).

    ``void:triples`` is the number of rows; ``void:entities`` the typed subjects;
    one ``void:classPartition`` per class (with its entities) and one
    ``void:propertyPartition`` per property (with its triples); distinct subjects
    and objects; title, description and publisher from the site's ``schema:WebSite``
    (``publisher``, an IRI or a name, replaces the latter); ``license`` (an IRI, or
    text), the SPARQL ``endpoint`` (one or several) and ``dumps`` when given (a dump
    without a scheme is relative to the description).
    """
    rows = rows if isinstance(rows, list) else list(rows)
    # Counted column by column, in C: a big graph has millions of rows.
    triples = len(rows)
    properties: Counter[str] = Counter(map(itemgetter(1), rows))
    subjects: set[str] = set(map(itemgetter(0), rows))
    objects: set[str] = set(map(itemgetter(2), rows))
    classes: Counter[str] = Counter()
    typed: set[str] = set()
    website: str | None = None
    examples: dict[str, str] = {}
    for row in rows:
        if row[1] == _TYPE:
            s, o = row[0], row[2]
            classes[o] += 1
            typed.add(s)
            if o == _WEBSITE and (website is None or s < website):
                website = s
            if o in _EXAMPLE_CLASSES and s.startswith("<") and (o not in examples or s < examples[o]):
                examples[o] = s
    site = _website_facts(rows, website) if website else {}

    ds = NamedNode((base or "urn:kg") + "/kg/void#dataset")
    out = [Triple(ds, _iri(RDF + "type"), _iri(VOID + "Dataset")),
           Triple(ds, _iri(RDF + "type"), _iri(DCAT + "Dataset"))]
    partitions: list[Triple] = []

    def add(predicate: str, value: NamedNode | Literal | BlankNode) -> None:
        out.append(Triple(ds, _iri(predicate), value))

    for key in ("name", "description"):
        if key in site:
            add(DCTERMS + ("title" if key == "name" else "description"), site[key])
    if publisher:
        agent: NamedNode | Literal | BlankNode = _iri_or_text(publisher)
        if isinstance(agent, Literal):  # a name: an agent with that name, as DCAT asks for an agent
            partitions += [Triple(BlankNode("publisher"), _iri(RDF + "type"), _iri(FOAF + "Agent")),
                           Triple(BlankNode("publisher"), _iri(FOAF + "name"), agent)]
            agent = BlankNode("publisher")
        add(DCTERMS + "publisher", agent)
    elif "publisher" in site:
        add(DCTERMS + "publisher", site["publisher"])
    if license:
        add(DCTERMS + "license", _iri_or_text(license))
    if base:
        add(SCHEMA + "url", _iri(base + "/"))
        add(VOID + "uriSpace", Literal(base + "/kg/"))
    add(VOID + "triples", _integer(triples))
    add(VOID + "entities", _integer(len(typed)))
    add(VOID + "classes", _integer(len(classes)))
    add(VOID + "properties", _integer(len(properties)))
    add(VOID + "distinctSubjects", _integer(len(subjects)))
    add(VOID + "distinctObjects", _integer(len(objects)))
    for vocabulary in VOCABULARIES:
        add(VOID + "vocabulary", _iri(vocabulary))
    for url in dict.fromkeys([endpoint] if isinstance(endpoint, str) else endpoint or ()):
        add(VOID + "sparqlEndpoint", _iri(url))
    for dump in dumps:
        add(VOID + "dataDump", _iri(dump if urlsplit(dump).scheme else _HERE + dump))
    for cls in _EXAMPLE_CLASSES:
        if cls in examples:
            add(VOID + "exampleResource", _iri(examples[cls][1:-1]))
    for i, (cls, count) in enumerate(sorted(classes.items())):
        part = BlankNode(f"class{i}")
        add(VOID + "classPartition", part)
        partitions += [Triple(part, _iri(VOID + "class"), _term(cls)),
                       Triple(part, _iri(VOID + "entities"), _integer(count))]
    for i, (prop, count) in enumerate(sorted(properties.items())):
        part = BlankNode(f"property{i}")
        add(VOID + "propertyPartition", part)
        partitions += [Triple(part, _iri(VOID + "property"), _term(prop)),
                       Triple(part, _iri(VOID + "triples"), _integer(count))]
    return out + partitions


def void_text(triples: list[Triple]) -> str:
    """The description as Turtle, relative dumps written relative (``<graph.nt>``)."""
    text = (serialize(triples, format=RdfFormat.TURTLE, prefixes=VOID_PREFIXES) or b"").decode("utf-8")
    return text.replace(f"<{_HERE}", "<")


def void_turtle(kg, settings: VoidSettings | None = None) -> str:
    """``void.ttl`` for ``kg build``: the description of ``kg`` (a :class:`~kg.graph.KnowledgeGraph`) with its
    dumps and the site's ``settings``."""
    settings = settings or VoidSettings()
    rows = list(kg.union_rows())  # the quads themselves, their graphs ignored: no tuple made for each triple
    return void_text(void_triples(rows, kg.base, license=settings.license, publisher=settings.publisher,
                                  endpoint=settings.sparql_endpoint, dumps=DUMPS))


def settings_of_void_file(path: str | Path) -> VoidSettings:
    """The settings a ``void.ttl`` that ``kg build`` wrote carries (licence, publisher, public endpoint), so that
    ``kg serve --graph`` describes the graph as its build did. An unreadable file gives no settings."""
    try:
        triples = list(parse(path=str(path), format=RdfFormat.TURTLE, base_iri=Path(path).resolve().as_uri()))
    except (OSError, SyntaxError, ValueError):
        return VoidSettings()
    datasets = {t.subject for t in triples if t.predicate.value == RDF + "type" and t.object.value == VOID + "Dataset"}

    def value(predicate: str) -> str | None:
        found = sorted(_setting_text(t.object, triples) for t in triples
                       if t.subject in datasets and t.predicate.value == predicate)
        return found[0] if found else None

    return VoidSettings(license=value(DCTERMS + "license"), publisher=value(DCTERMS + "publisher"),
                        sparql_endpoint=value(VOID + "sparqlEndpoint"))


def _setting_text(term, triples: list[Triple]) -> str:
    """An IRI or literal as its text; a blank-node agent as its ``foaf:name``."""
    if isinstance(term, BlankNode):
        names = sorted(t.object.value for t in triples
                       if t.subject == term and t.predicate.value == FOAF + "name" and isinstance(t.object, Literal))
        return names[0] if names else ""
    return term.value


# -- helpers ------------------------------------------------------------------------------------
def _website_facts(rows: Iterable[Row], website: str) -> dict[str, NamedNode | Literal]:
    """The site's name (English or untagged first), description and publisher, from its ``schema:WebSite``."""
    wanted = {f"<{SCHEMA}name>": "name", f"<{SCHEMA}description>": "description",
              f"<{SCHEMA}publisher>": "publisher"}
    found: dict[str, list] = {}
    for row in rows:
        if row[0] == website and row[1] in wanted:
            found.setdefault(wanted[row[1]], []).append(_term(row[2]))
    out = {}
    for key, values in found.items():
        values.sort(key=lambda v: (_language_rank(v), str(v)))
        out[key] = values[0]
    return out


def _language_rank(term: NamedNode | Literal) -> int:
    language = getattr(term, "language", None) or ""
    return 0 if language.startswith("en") else 1 if not language else 2


def _term(text: str) -> NamedNode | Literal | BlankNode:
    """One N-Triples term (as ``KnowledgeGraph.rows`` and ``str(term)`` write them) as a pyoxigraph term."""
    if text.startswith("<") and text.endswith(">"):
        return NamedNode(text[1:-1])
    return next(iter(parse(f"<urn:s> <urn:p> {text} .".encode(), format=RdfFormat.N_TRIPLES))).object


def _iri(value: str) -> NamedNode:
    return NamedNode(value)


def _iri_or_text(value: str) -> NamedNode | Literal:
    if urlsplit(value).scheme in ("http", "https", "urn"):
        try:
            return NamedNode(value)
        except ValueError:
            pass
    return Literal(value)


def _integer(n: int) -> Literal:
    return Literal(str(n), datatype=NamedNode(XSD + "integer"))
