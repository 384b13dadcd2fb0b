"""The vocabulary at ``/kg/ontology``: ``kg/ontology/kg.ttl`` as Turtle, or as a page people read.

The own terms are hash IRIs, ``https://digidemlab.org/kg/ontology#client``, so
fetching one fetches ``/kg/ontology`` and the browser scrolls to ``#client``: every
term the file declares has an anchor, its local name for ``kgo:`` terms and its
prefixed name (``#schema:Project``) for the terms of other vocabularies the file
describes. ``/kg/ontology/client`` redirects (303) to ``/kg/ontology#client``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, parse

from kg.ontology import resource
from kg.query.formats import short
from kg.serve.pages import page as document
from kg.serve.pages import prose, text
from kg.vocab import KGO, OWL, PREFIXES, RDF, RDFS, SKOS

#: Where ``kg serve`` answers for the vocabulary.
PATH = "/kg/ontology"
ONTOLOGY = KGO.rstrip("#")

_KINDS = [  # (rdf:type, heading); a term is listed under the first kind it has
    (OWL + "Class", "Classes"),
    (RDFS + "Class", "Classes"),
    (OWL + "ObjectProperty", "Object properties"),
    (OWL + "DatatypeProperty", "Datatype properties"),
    (RDF + "Property", "Properties"),
    (SKOS + "ConceptScheme", "Concept schemes"),
    (KGO + "OrganisationKind", "Organisation kinds"),
    (OWL + "AnnotationProperty", "Annotation properties"),
]
_RELATIONS = [  # shown for each term, in this order
    ("subclass of", RDFS + "subClassOf"), ("equivalent class", OWL + "equivalentClass"),
    ("subproperty of", RDFS + "subPropertyOf"), ("domain", RDFS + "domain"), ("range", RDFS + "range"),
    ("in scheme", SKOS + "inScheme"), ("defined by", RDFS + "isDefinedBy"),
]


@dataclass
class Term:
    iri: str
    anchor: str
    kind: str
    values: dict[str, list] = field(default_factory=dict)


@dataclass
class Vocabulary:
    turtle: bytes
    """kg.ttl as shipped."""
    terms: dict[str, Term]
    """Every term kg.ttl declares, by IRI, in the file's order within each kind."""
    graph: dict[object, dict[str, list]]
    """Every subject's properties (blank nodes too: a union domain)."""
    prefixes: dict[str, str]
    """kg.ttl's own prefixes (and kg's), for the prefixed names the page shows and anchors with."""

    def href(self, iri: str) -> str | None:
        """Where a term is described on the vocabulary page, if kg.ttl describes it."""
        if iri == ONTOLOGY:
            return PATH
        term = self.terms.get(iri)
        return f"{PATH}#{term.anchor}" if term else None

    def local(self, name: str) -> Term | None:
        """The ``kgo:`` term with this local name (``/kg/ontology/client``)."""
        return self.terms.get(KGO + name)


@cache
def vocabulary() -> Vocabulary:
    """kg.ttl, read once."""
    turtle = resource("kg.ttl").read_bytes()
    graph: dict[object, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    order: dict[NamedNode, None] = {}
    parser = parse(turtle, format=RdfFormat.TURTLE)
    for triple in parser:
        graph[triple.subject][triple.predicate.value].append(triple.object)
        if isinstance(triple.subject, NamedNode):
            order.setdefault(triple.subject)
    prefixes = {**PREFIXES, **getattr(parser, "prefixes", {})}
    terms: dict[str, Term] = {}
    for kind_iri, heading in _KINDS:
        for subject in order:
            types = {t.value for t in graph[subject].get(RDF + "type", [])}
            if kind_iri in types and subject.value not in terms and subject.value != ONTOLOGY:
                anchor = subject.value[len(KGO):] if subject.value.startswith(KGO) else short(subject, prefixes)
                terms[subject.value] = Term(subject.value, anchor, heading, graph[subject])
    return Vocabulary(turtle, terms, dict(graph), prefixes)


def page(vocab: Vocabulary) -> bytes:
    """The vocabulary as HTML: the ontology's title and description, then each kind of term."""
    about = vocab.graph.get(NamedNode(ONTOLOGY), {})
    title = _pick(about.get("http://purl.org/dc/terms/title", [])) or "Vocabulary"
    description = _pick(about.get("http://purl.org/dc/terms/description", []))
    by_kind: dict[str, list[Term]] = defaultdict(list)
    for term in vocab.terms.values():
        by_kind[term.kind].append(term)
    headings = list(dict.fromkeys(h for _, h in _KINDS))
    toc = "".join(f'<li><a href="#{_section_id(h)}">{text(h)}</a> ({len(by_kind[h])})</li>'
                  for h in headings if by_kind[h])
    sections = []
    for heading in headings:
        if not by_kind[heading]:
            continue
        entries = "".join(_entry(vocab, term) for term in by_kind[heading])
        sections.append(f'<h2 id="{_section_id(heading)}">{text(heading)}</h2>\n{entries}')
    body = (f"<h1>{text(title)}</h1>\n<p class=\"iri\">{text(KGO)}</p>\n"
            f'<p class="prose">{prose(description or "")}</p>\n'
            f'<p>Also as <a href="{PATH}?format=ttl">Turtle</a>.</p>\n<ul>{toc}</ul>\n' + "\n".join(sections))
    return document(title, body)


def _section_id(heading: str) -> str:
    return "kinds-" + heading.lower().replace(" ", "-")


def _entry(vocab: Vocabulary, term: Term) -> str:
    values = term.values
    labels = values.get(RDFS + "label", []) or values.get(SKOS + "prefLabel", [])
    label = _pick(labels)
    rows = []
    if labels:
        rows.append(("label", ", ".join(_literal(v) for v in _english_first(labels))))
    for name, predicate in _RELATIONS:
        objects = values.get(predicate, [])
        if objects:
            rows.append((name, ", ".join(_ref(vocab, o) for o in objects)))
    comments = _english_first(values.get(RDFS + "comment", []) + values.get(SKOS + "definition", []))
    comment = "".join(f'<p class="prose"{_lang(c)}>{prose(c.value)}</p>' for c in comments)
    table = "".join(f"<tr><th>{text(name)}</th><td>{cell}</td></tr>" for name, cell in rows)
    heading = text(short(NamedNode(term.iri), vocab.prefixes))
    if label:
        heading += f" <small>{text(label)}</small>"
    return (f'<section id="{text(term.anchor)}"><h3><a href="#{text(term.anchor)}">{heading}</a></h3>\n'
            f'<p class="iri">{text(term.iri)}</p><table>{table}</table>{comment}</section>\n')


def _ref(vocab: Vocabulary, node) -> str:
    """A term the entry points at: a link to its entry here, or to itself; a union as ``a or b``."""
    if isinstance(node, NamedNode):
        href = vocab.href(node.value)
        if href is None and node.value.startswith(("http://", "https://")):
            href = node.value
        shown = text(short(node, vocab.prefixes))
        return f'<a href="{text(href)}">{shown}</a>' if href else shown
    if isinstance(node, BlankNode):
        members = vocab.graph.get(node, {}).get(OWL + "unionOf", [])
        if members:
            return " or ".join(_ref(vocab, m) for m in _list(vocab, members[0]))
    return text(str(node))


def _list(vocab: Vocabulary, node) -> list:
    out: list = []
    while isinstance(node, BlankNode) and len(out) < 1000:
        cell = vocab.graph.get(node, {})
        out.extend(cell.get(RDF + "first", []))
        node = (cell.get(RDF + "rest") or [None])[0]
    return out


def _english_first(literals: list) -> list:
    return sorted((v for v in literals if isinstance(v, Literal)),
                  key=lambda v: (v.language != "en", v.language or ""))


def _pick(literals: list) -> str | None:
    ordered = _english_first(literals)
    return ordered[0].value if ordered else None


def _literal(value: Literal) -> str:
    return text(value.value) + (f' <span class="lang">@{text(value.language)}</span>' if value.language else "")


def _lang(value: Literal) -> str:
    return f' lang="{text(value.language)}"' if value.language else ""
