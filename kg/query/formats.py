"""Query results in the standard formats.

SELECT and ASK answers go out in the SPARQL 1.1 results formats (JSON, XML, CSV,
TSV), CONSTRUCT and DESCRIBE answers in RDF (Turtle, N-Triples, JSON-LD, RDF/XML),
all written by pyoxigraph's own serialisers. A materialised (possibly capped)
result is handed to them by way of the SPARQL JSON results format, which is
lossless: the answer is written as JSON here and read back by pyoxigraph.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryResultsFormat,
    RdfFormat,
    Triple,
    parse_query_results,
)
from pyoxigraph import serialize as serialize_rdf

from kg.errors import UsageError
from kg.formats import GRAPH_FORMATS, GraphFormat
from kg.graph import KnowledgeGraph
from kg.vocab import PREFIXES, XSD

if TYPE_CHECKING:
    import rdflib.query

    from kg.query import QueryResult

@dataclass(frozen=True)
class ResultsFormat:
    """One format of SELECT/ASK answers: ``kg query --format NAME``, ``/sparql?format=NAME`` or by ``Accept``."""

    name: str
    oxigraph: QueryResultsFormat
    media_type: str
    """What an answer in it is sent as."""
    also_accepted: tuple[str, ...]
    """Other media types a client may ask for it by."""
    w3c: str
    """Its name under ``http://www.w3.org/ns/formats/`` (the SPARQL service description)."""


#: The SPARQL 1.1 results formats, in the order messages list them. CONSTRUCT/DESCRIBE answers are written
#: in the graph formats of :data:`kg.formats.GRAPH_FORMATS` that have an ``answer`` name.
RESULTS_TABLE: tuple[ResultsFormat, ...] = (
    ResultsFormat("json", QueryResultsFormat.JSON, "application/sparql-results+json", ("application/json",),
                  "SPARQL_Results_JSON"),
    ResultsFormat("xml", QueryResultsFormat.XML, "application/sparql-results+xml", ("application/xml",),
                  "SPARQL_Results_XML"),
    ResultsFormat("csv", QueryResultsFormat.CSV, "text/csv; charset=utf-8", (), "SPARQL_Results_CSV"),
    ResultsFormat("tsv", QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8", (),
                  "SPARQL_Results_TSV"),
)
#: What a CONSTRUCT/DESCRIBE answer is written in unless another format is asked for.
DEFAULT_GRAPH_ANSWER = "ttl"
#: The graph formats CONSTRUCT/DESCRIBE answers may be written in, by ``--format`` name: the default first,
#: then in table order.
GRAPH_ANSWERS: dict[str, GraphFormat] = dict(sorted(
    ((f.answer, f) for f in GRAPH_FORMATS if f.answer), key=lambda item: item[0] != DEFAULT_GRAPH_ANSWER))
#: ``--format`` names for SELECT/ASK answers.
RESULTS_FORMATS: dict[str, QueryResultsFormat] = {f.name: f.oxigraph for f in RESULTS_TABLE}
#: ``--format`` names for CONSTRUCT/DESCRIBE answers.
RDF_FORMATS: dict[str, RdfFormat] = {name: f.rdf for name, f in GRAPH_ANSWERS.items()}
#: Graph answers are written like ``graph.ttl``/``graph.nt``/``graph.jsonld``: sorted, same prefixes and context.
_KG_WRITERS = {name: f.text for name, f in GRAPH_ANSWERS.items() if f.writer}
FORMATS = ("table", *dict.fromkeys([*RESULTS_FORMATS, *RDF_FORMATS]))
"""Every ``kg query --format``."""
#: Media type → results format name, for content negotiation (the format's own type first).
RESULTS_TYPES: dict[str, str] = {t: f.name for f in RESULTS_TABLE
                                 for t in (f.media_type.split(";")[0], *f.also_accepted)}
#: Results format name → the media type an answer in it is sent as.
RESULTS_MEDIA: dict[str, str] = {f.name: f.media_type for f in RESULTS_TABLE}
#: Graph answer name → the media type it is sent as.
RDF_MEDIA: dict[str, str] = {name: f.media_type for name, f in GRAPH_ANSWERS.items()}
#: Media type → graph answer name, for content negotiation (the default's type first).
RDF_TYPES: dict[str, str] = {t: name for name, f in GRAPH_ANSWERS.items()
                             for t in (f.media_type.split(";")[0], *f.also_accepted)}

_XSD_STRING = XSD + "string"


class FormatError(UsageError, ValueError):
    """A format that does not fit the kind of answer (Turtle for a SELECT, CSV for a CONSTRUCT)."""


def serialize(result: QueryResult, fmt: str) -> bytes:
    """``result`` in the format named ``fmt`` (see :data:`RESULTS_FORMATS` and :data:`RDF_FORMATS`)."""
    if result.kind == "graph":
        rdf = RDF_FORMATS.get(fmt)
        if rdf is None:
            raise FormatError(f"a CONSTRUCT or DESCRIBE answer is RDF: use {', '.join(RDF_FORMATS)}, not {fmt}")
        if fmt in _KG_WRITERS and _plain(result.triples):
            return _KG_WRITERS[fmt](as_graph(result)).encode("utf-8")
        return serialize_rdf(result.triples, format=rdf) or b""
    results_format = RESULTS_FORMATS.get(fmt)
    if results_format is None:
        raise FormatError(f"a {result.kind.upper()} answer is a table: use {', '.join(RESULTS_FORMATS)}, not {fmt}")
    parsed = parse_query_results(sparql_json(result), format=QueryResultsFormat.JSON)
    return parsed.serialize(format=results_format) or b""


def _plain(triples: list[Triple]) -> bool:
    """Whether kg's writers can write these triples: no quoted triples (RDF-star)."""
    return not any(isinstance(term, Triple) for t in triples for term in (t.subject, t.object))


def as_graph(result: QueryResult) -> KnowledgeGraph:
    """A CONSTRUCT/DESCRIBE answer as a :class:`~kg.graph.KnowledgeGraph`, for kg's own sorted writers."""
    rows = sorted({(str(t.subject), str(t.predicate), str(t.object), "") for t in result.triples})
    return KnowledgeGraph(rows, result.base or "")


def sparql_json(result: QueryResult) -> bytes:
    """The answer in the SPARQL 1.1 Query Results JSON Format."""
    if result.kind == "ask":
        doc: dict[str, Any] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        doc = {
            "head": {"vars": result.variables},
            "results": {"bindings": [
                {var: term_json(term) for var, term in zip(result.variables, sol, strict=True) if term is not None}
                for sol in result.solutions
            ]},
        }
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def term_json(term: Any) -> dict[str, Any]:
    """One RDF term as a SPARQL JSON results binding."""
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


# -- rdflib -------------------------------------------------------------------------------------
def to_rdflib_term(term: Any) -> Any:
    """A pyoxigraph term as the equal rdflib term (``xsd:string`` literals become plain literals)."""
    import rdflib

    if term is None:
        return None
    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"rdflib has no term for {term!r}")


def to_rdflib_result(result: QueryResult) -> rdflib.query.Result:
    """The answer as an ``rdflib.query.Result``: iterate it, ``.serialize()`` it, or read ``.graph``."""
    import rdflib
    from rdflib.query import Result

    if result.kind == "ask":
        out = Result("ASK")
        out.askAnswer = bool(result.boolean)
        return out
    if result.kind == "graph":
        out = Result("CONSTRUCT")
        graph = rdflib.Graph()
        for name, ns in PREFIXES.items():
            graph.bind(name, ns)
        for t in result.triples:
            graph.add((to_rdflib_term(t.subject), to_rdflib_term(t.predicate), to_rdflib_term(t.object)))
        out.graph = graph
        return out
    out = Result("SELECT")
    variables = [rdflib.Variable(v) for v in result.variables]
    out.vars = variables
    out.bindings = [
        {var: to_rdflib_term(term) for var, term in zip(variables, sol, strict=True) if term is not None}
        for sol in result.solutions
    ]
    return out


# -- the terminal -------------------------------------------------------------------------------
def short(term: Any, prefixes: dict[str, str] | None = None) -> str:
    """A term as a person reads it in a table: IRIs as ``prefix:local`` where a prefix fits,
    literals as their text with ``@lang`` where they have one."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        iri = term.value
        best = ""
        for prefix, ns in (prefixes or PREFIXES).items():
            if iri.startswith(ns) and len(ns) > len(best) and _is_local(iri[len(ns):]):
                best, chosen = ns, prefix
        return f"{chosen}:{iri[len(best):]}" if best else iri
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return f"{term.value}@{term.language}" if term.language else term.value
    return str(term)


def _is_local(local: str) -> bool:
    return all(c.isalnum() or c in "-_." for c in local) and not local.endswith(".")


def instance_prefixes(base: str) -> dict[str, str]:
    """``organisation:`` → ``<base>/kg/organisation/`` and the like, as ``graph.ttl`` writes them."""
    from kg.vocab import KIND_SEGMENTS

    out = dict(PREFIXES)
    for prefix, segment in KIND_SEGMENTS.items():
        if prefix != "source":
            out[prefix] = f"{base.rstrip('/')}/kg/{segment}/"
    return out


_CONTROL = {c: f"\\u{c:04x}" for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029,
                                         *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F]}
_CONTROL.update({ord("\n"): "\\n", ord("\t"): "\\t", ord("\r"): "\\r"})


def printable(text: str) -> str:
    """Text safe for a terminal: control characters, line separators and bidi controls made visible."""
    return text.translate(_CONTROL)


def table_cells(result: QueryResult, prefixes: dict[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """Headers and cells of a SELECT (or ASK) answer as a person reads them (see :func:`short`)."""
    if result.kind == "ask":
        return ["answer"], [["yes" if result.boolean else "no"]]
    return list(result.variables), [[printable(short(t, prefixes)) for t in sol] for sol in result.solutions]
