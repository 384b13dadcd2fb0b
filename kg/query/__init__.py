"""SPARQL over the knowledge graph: ``kg.query(source, sparql, **params)``.

Queries run on a pyoxigraph store (see :mod:`kg.query.sources`). Parameters are
bound as RDF terms through pyoxigraph's variable substitution (SPARQL SEP-0007):
a value is never pasted into the query text, so no value can change what the
query does. A parameter binds a variable the query's ``SELECT`` clause names.

>>> result = kg.query("content", "platform-users", platform="Decidim")   # doctest: +SKIP
>>> result.rows[0]                                                         # doctest: +SKIP
{'platform': 'Decidim', 'project': 'https://digidemlab.org/kg/project/chicago', ...}
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from typing import IO, TYPE_CHECKING, Any, cast

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    Store,
    Triple,
    Variable,
    parse_query_results,
)

from kg.diagnostics import SiteError
from kg.query.bundled import BundledQuery, resolve_query
from kg.query.depth import MAX_DEPTH, nesting
from kg.query.guard import find_service
from kg.query.names import FUNCTIONS
from kg.query.sources import GraphFileError, Source, open_store
from kg.vocab import PREFIXES, XSD

if TYPE_CHECKING:
    import rdflib.query

Term = NamedNode | BlankNode | Literal | Triple

__all__ = [
    "GraphFileError", "ParameterError", "QueryError", "QueryResult", "QuerySyntaxError", "QueryTooDeep",
    "ServiceNotAllowed",
    "WrittenAnswer", "evaluate", "open_store", "parse_param", "query", "refuse_deep", "refuse_service", "run",
    "to_term",
    "write_answer",
]


class QueryError(SiteError):
    """A query that cannot be run (exit status 2 on the command line)."""


class QuerySyntaxError(QueryError):
    """The SPARQL parser's message, with the line and column (1-based) where it stopped."""

    def __init__(self, message: str, file: str | None, line: int | None, column: int | None,
                 text: str | None = None) -> None:
        context = (text, " " * max(column - 1, 0) + "^") if text is not None and column is not None else ()
        super().__init__(message, file or "<query>", line, context=context)
        self.column = column
        self.source_line = text
        """The query's line the error is on, shown with a caret under it (``context``)."""

    def __str__(self) -> str:
        where = self.file or "<query>"
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        return f"{where}: SPARQL syntax error: {self.args[0]}"


class ParameterError(QueryError):
    """A parameter the query cannot take: unknown, missing, malformed, or not selected."""


class ServiceNotAllowed(QueryError):
    """A query that could hold a ``SERVICE`` clause: kg never fetches from another server for a query."""


#: Why a query with SERVICE is refused (the same words on the command line, in Python and over HTTP).
SERVICE_MESSAGE = ("SERVICE is not allowed: a query reads this graph only, and kg never fetches from other "
                   "servers for one (a name or IRI containing the word may be written as a full <IRI>)")


def refuse_service(sparql: str, file: str | None = None) -> None:
    """Raise :class:`ServiceNotAllowed` when ``sparql`` could hold a ``SERVICE`` clause (see :mod:`kg.query.guard`)."""
    found = find_service(sparql, PREFIXES)
    if found is not None:
        raise ServiceNotAllowed(f"column {found.column}: {SERVICE_MESSAGE}", file or "<query>", found.line)


class QueryTooDeep(QueryError):
    """A query nested deeper than :data:`kg.query.depth.MAX_DEPTH` levels (refused before it is parsed)."""


def refuse_deep(sparql: str, file: str | None = None, limit: int = MAX_DEPTH) -> None:
    """Raise :class:`QueryTooDeep` when ``sparql`` nests ``{ }``, ``( )``, ``[ ]`` or ``<< >>`` past ``limit``."""
    found = nesting(sparql, limit)
    if found.line is not None:
        raise QueryTooDeep(f"column {found.column}: the query nests {{ }}, ( ) or [ ] {found.depth} levels deep; "
                           f"the most a query may nest is {limit}", file or "<query>", found.line)


# -- the result ---------------------------------------------------------------------------------
@dataclass
class QueryResult:
    """A query's answer: rows of a ``SELECT``, the truth of an ``ASK``, or the triples of a ``CONSTRUCT``/``DESCRIBE``.

    ``rows`` gives each solution as a dictionary of plain Python values (see
    :func:`python_value`); ``solutions`` keeps the exact RDF terms; ``rdflib()``
    gives the same answer as an ``rdflib.query.Result``.
    """

    kind: str
    """``select``, ``ask`` or ``graph``."""
    variables: list[str] = field(default_factory=list)
    solutions: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Triple] = field(default_factory=list)
    base: str | None = None
    """The site URL of the graph, for prefixed names (``project:chicago``) in Turtle."""
    truncated: bool = False
    """True when the result had more rows (or triples) than the cap asked for, and was cut."""

    @property
    def rows(self) -> list[dict[str, Any]]:
        """Each solution as ``{variable: value}``; unbound variables are left out."""
        return [{var: python_value(term) for var, term in zip(self.variables, sol, strict=True) if term is not None}
                for sol in self.solutions]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows if self.kind == "select" else self.triples)

    def __len__(self) -> int:
        return len(self.solutions) if self.kind == "select" else len(self.triples)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def serialize(self, format: str) -> bytes:
        """The result in a standard format: ``json``, ``xml``, ``csv``, ``tsv`` (SELECT/ASK) or
        ``ttl``, ``nt``, ``jsonld``, ``xml`` (RDF/XML) for CONSTRUCT/DESCRIBE."""
        from kg.query.formats import serialize

        return serialize(self, format)

    def rdflib(self) -> rdflib.query.Result:
        """The same answer as an ``rdflib.query.Result`` (for the rdflib ecosystem)."""
        from kg.query.formats import to_rdflib_result

        return to_rdflib_result(self)


# -- running ------------------------------------------------------------------------------------
def query(source: Source, sparql: str, /, **params: Any) -> QueryResult:
    """Run ``sparql`` on ``source`` and return the whole answer.

    ``source`` is whatever :func:`kg.query.sources.open_store` accepts: a site folder,
    graph file(s), a ``KnowledgeGraph``/``BuildResult`` or a pyoxigraph ``Store`` (reuse
    one store for many queries: building a site each time is slow). ``sparql`` is a
    SPARQL query, a ``.rq`` file, or the name of a bundled query (``kg query --list``).
    Each keyword binds the variable of that name: ``org="Open Source Politics"``.
    """
    text, bundled, file = resolve_query(sparql)
    return run(open_store(source), text, params, bundled=bundled, file=file)


def run(store: Store, sparql: str, params: Mapping[str, Any] | None = None, *, bundled: BundledQuery | None = None,
        limit: int | None = None, file: str | None = None) -> QueryResult:
    """Run ``sparql`` on ``store``; at most ``limit`` rows/triples are kept (``truncated`` says if more came).

    The usual prefixes (``schema:``, ``kgo:``, ``skos:``, ``prov:``, ``xsd:`` …) are
    predeclared, so a query may leave out their ``PREFIX`` lines, and ``kgo:sameName(a, b)``
    compares two names by kg's one rule (:mod:`kg.query.names`).
    """
    result = collect(evaluate(store, sparql, params, bundled=bundled, file=file), limit)
    if result.kind == "graph":
        result.base = site_base(store)
    return result


def evaluate(store: Store, sparql: str, params: Mapping[str, Any] | None = None, *,
             bundled: BundledQuery | None = None, file: str | None = None) -> QuerySolutions | QueryBoolean | Any:
    """pyoxigraph's own answer to ``sparql`` (solutions, a boolean or triples, not yet read), errors as
    :class:`QueryError`; :func:`run` and :func:`write_answer` read it."""
    refuse_service(sparql, file)
    refuse_deep(sparql, file)
    substitutions = bind_params(params or {}, bundled)
    try:
        return store.query(sparql, prefixes=dict(PREFIXES), substitutions=substitutions or None,
                           custom_functions=FUNCTIONS)
    except SyntaxError as exc:
        raise syntax_error(exc, sparql, file) from None
    except RuntimeError as exc:
        if "projection" in str(exc):
            raise ParameterError(
                f"{_not_selected(str(exc))}: a parameter binds a variable that the query's SELECT clause names "
                "(SELECT * and ASK/CONSTRUCT cannot take parameters)") from None
        raise QueryError(f"query failed: {exc}") from None
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from None


@dataclass(frozen=True)
class WrittenAnswer:
    """A query's answer already written in a standard format: what an endpoint sends or ``kg query`` prints."""

    kind: str
    """``select``, ``ask`` or ``graph``."""
    format: str
    """The format name it is written in (``json``, ``ttl`` …)."""
    body: bytes
    count: int
    """Rows (or triples) in ``body``."""
    truncated: bool
    """True when the answer had more rows (or triples) than the cap, and was cut."""
    cut_by: str | None = None
    """What cut it: ``"rows"`` (``limit``) or ``"bytes"`` (``max_bytes``); None when it is whole."""


class _Enough(Exception):
    """Raised from inside pyoxigraph's writer once an answer has all the lines it may keep."""


class _Sink:
    """A file pyoxigraph writes an answer into, which stops it (:class:`_Enough`) after ``lines`` complete
    lines or past ``size`` bytes: an answer of millions of rows is never held whole."""

    def __init__(self, lines: int | None, size: int | None) -> None:
        self.parts: list[bytes] = []
        self.lines = 0
        self.size = 0
        self.max_lines = lines
        self.max_size = size

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.size += len(data)
        self.lines += data.count(b"\n")
        if (self.max_lines is not None and self.lines >= self.max_lines) or (
                self.max_size is not None and self.size > self.max_size):
            raise _Enough
        return len(data)

    def flush(self) -> None:
        pass


def write_answer(store: Store, sparql: str, params: Mapping[str, Any] | None = None, *, results_format: str = "json",
                 rdf_format: str = "ttl", bundled: BundledQuery | None = None, limit: int | None = None,
                 file: str | None = None, max_bytes: int | None = None) -> WrittenAnswer:
    """Run ``sparql`` and write its answer: a SELECT in ``results_format``, a CONSTRUCT/DESCRIBE in ``rdf_format``.

    Same bytes as ``run(...).serialize(format)``, but a SELECT's solutions never become
    Python objects: pyoxigraph writes them as SPARQL TSV in Rust — one line per row, as
    TSV escapes line breaks — and stops after the first ``limit`` lines (or ``max_bytes``
    bytes), which pyoxigraph reads back to write the asked format. For answers of
    thousands of rows this costs a fraction of building Python rows
    (``bench/bench_query.py``), and an answer of millions of rows is never held in
    memory. An answer longer than ``limit`` rows (triples), or whose body would be
    longer than ``max_bytes``, is cut to fit and says so (``truncated``, ``cut_by``).
    """
    from kg.query.formats import RESULTS_FORMATS, FormatError

    raw = evaluate(store, sparql, params, bundled=bundled, file=file)
    if not isinstance(raw, QuerySolutions):
        result = collect(raw, limit)
        fmt = rdf_format if result.kind == "graph" else results_format
        cut_by = "rows" if result.truncated else None
        if result.kind == "graph":
            result.base = site_base(store)
        body = result.serialize(fmt)
        while max_bytes is not None and len(body) > max_bytes and result.triples:
            keep = min(len(result.triples) - 1, int(len(result.triples) * max_bytes / len(body) * 0.95))
            result.triples, result.truncated, cut_by = result.triples[:max(keep, 0)], True, "bytes"
            body = result.serialize(fmt)
        return WrittenAnswer(result.kind, fmt, body, len(result), result.truncated, cut_by)
    results = RESULTS_FORMATS.get(results_format)
    if results is None:
        raise FormatError(f"a SELECT answer is a table: use {', '.join(RESULTS_FORMATS)}, not {results_format}")
    if limit is None and max_bytes is None:
        tsv = raw.serialize(format=QueryResultsFormat.TSV) or b""
    else:
        sink = _Sink(None if limit is None else limit + 2, max_bytes)  # the header, limit rows and one more
        with contextlib.suppress(_Enough):
            raw.serialize(cast(IO[bytes], sink), format=QueryResultsFormat.TSV)  # a writable sink
        tsv = b"".join(sink.parts)
        tsv = tsv[:tsv.rindex(b"\n") + 1] if b"\n" in tsv else b""
    count = tsv.count(b"\n") - 1  # the header line, then one line per row
    cut_by = None
    if limit is not None and count > limit:
        tsv, count, cut_by = _first_rows(tsv, limit), limit, "rows"
    if max_bytes is not None and len(tsv) > max_bytes:
        keep = max(tsv.rfind(b"\n", 0, max_bytes + 1), tsv.index(b"\n")) + 1
        tsv, count, cut_by = tsv[:keep], tsv[:keep].count(b"\n") - 1, "bytes"
    while True:
        body = tsv if results == QueryResultsFormat.TSV else (
            parse_query_results(tsv, format=QueryResultsFormat.TSV).serialize(format=results) or b"")
        if max_bytes is None or len(body) <= max_bytes or count <= 0:
            return WrittenAnswer("select", results_format, body, count, cut_by is not None, cut_by)
        count = min(count - 1, int(count * max_bytes / len(body) * 0.95))
        tsv, cut_by = _first_rows(tsv, max(count, 0)), "bytes"


def _first_rows(tsv: bytes, rows: int) -> bytes:
    """The header line and the first ``rows`` lines of a TSV answer."""
    end = -1
    for _ in range(rows + 1):
        end = tsv.index(b"\n", end + 1)
    return tsv[:end + 1]


def collect(raw: QuerySolutions | QueryBoolean | Any, limit: int | None = None) -> QueryResult:
    """Materialise a pyoxigraph result (keeping at most ``limit`` rows or triples)."""
    if isinstance(raw, QueryBoolean):
        return QueryResult("ask", boolean=bool(raw))
    if isinstance(raw, QuerySolutions):
        variables = [v.value for v in raw.variables]
        kept = islice(raw, None if limit is None else limit + 1)
        solutions = [tuple(sol[i] for i in range(len(variables))) for sol in kept]
        truncated = limit is not None and len(solutions) > limit
        return QueryResult("select", variables, solutions[:limit] if truncated else solutions, truncated=truncated)
    triples = list(islice(raw, None if limit is None else limit + 1))
    truncated = limit is not None and len(triples) > limit
    return QueryResult("graph", triples=triples[:limit] if truncated else triples, truncated=truncated)


_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)


def syntax_error(exc: SyntaxError, sparql: str, file: str | None) -> QuerySyntaxError:
    """pyoxigraph's parse error as a :class:`QuerySyntaxError` with line, column and the line itself."""
    message = " ".join(str(exc).split())
    match = _POSITION.match(message)
    if not match:
        return QuerySyntaxError(message, file, None, None)
    line, column = int(match[1]), int(match[2])
    lines = sparql.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else None
    return QuerySyntaxError(_expected(match[3]), file, line, column, text)


_EXPECTED_ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,\s][^,]*')
MOST_EXPECTED = 12
"""The most tokens a syntax error lists as expected; the parser's list of a name's first letter
can run to dozens, with ranges of Unicode code points."""


def _expected(message: str) -> str:
    """The parser's ``expected one of …`` with character ranges said in words and the list cut short."""
    head = "expected one of "
    if not message.startswith(head):
        return message
    if message.startswith(head + "Prefix not found"):
        declared = [f"{name}:" for name in PREFIXES]
        return (f"the prefix before ':' is not declared: add PREFIX name: <IRI> ({', '.join(declared[:-1])} "
                f"and {declared[-1]} are declared already)")
    items = []
    for item in _EXPECTED_ITEM.findall(message[len(head):]):
        item = item.strip()
        if item.startswith("[") and len(item) > 12:
            item = "a letter" if "'A' ..= 'Z'" in item else "a character of a name"
        if item not in items:
            items.append(item)
    if len(items) > MOST_EXPECTED:
        items = [*items[:MOST_EXPECTED], f"… ({len(items)} in all)"]
    return head + ", ".join(items)


def _not_selected(message: str) -> str:
    match = re.search(r"variable \?(\S+)", message)
    return f"parameter {match[1]!r}" if match else "a parameter"


def site_base(store: Store) -> str | None:
    """The site URL (with baseurl) of the graph in ``store``, from its ``schema:WebSite``, if it has one."""
    solutions = store.query("SELECT ?w WHERE { ?w a <http://schema.org/WebSite> } ORDER BY ?w LIMIT 1")
    for solution in solutions if isinstance(solutions, QuerySolutions) else ():
        iri = solution[0].value
        return iri.removesuffix("#website").rstrip("/") if isinstance(solution[0], NamedNode) else None
    return None


# -- parameters ---------------------------------------------------------------------------------
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def bind_params(params: Mapping[str, Any], bundled: BundledQuery | None) -> dict[Variable, Term]:
    """Parameters (with a bundled query's defaults) → ``{Variable: term}``; unknown or missing ones are errors."""
    values: dict[str, Any] = {}
    if bundled is not None:
        unknown = sorted(set(params) - {p.name for p in bundled.params})
        if unknown:
            takes = ", ".join(p.name for p in bundled.params) or "no parameters"
            raise ParameterError(f"{bundled.name} takes {takes}; not {', '.join(unknown)}")
        for p in bundled.params:
            if p.name in params:
                values[p.name] = params[p.name]
            elif p.default is not None:
                values[p.name] = p.default
            else:
                raise ParameterError(f"{bundled.name} needs --param {p.name}=… ({p.description})")
    else:
        values = dict(params)
    out: dict[Variable, Term] = {}
    for name, value in values.items():
        if not _NAME.match(name):
            raise ParameterError(f"parameter name {name!r} is not a SPARQL variable name")
        out[Variable(name)] = to_term(value)
    return out


def to_term(value: Any) -> Term:
    """A Python value as an RDF term: text → ``xsd:string``, numbers, booleans and dates → typed literals,
    pyoxigraph and rdflib terms as they are."""
    if isinstance(value, (NamedNode, BlankNode, Literal, Triple)):
        return value
    import rdflib

    if isinstance(value, rdflib.URIRef):
        return NamedNode(str(value))
    if isinstance(value, rdflib.BNode):
        return BlankNode(str(value))
    if isinstance(value, rdflib.Literal):
        if value.language:
            return Literal(str(value), language=value.language)
        return Literal(str(value), datatype=NamedNode(str(value.datatype))) if value.datatype else Literal(str(value))
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return Literal(str(value), datatype=NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return Literal(repr(value), datatype=NamedNode(XSD + "double"))
    if isinstance(value, Decimal):
        return Literal(str(value), datatype=NamedNode(XSD + "decimal"))
    if isinstance(value, dt.datetime):
        return Literal(value.isoformat(), datatype=NamedNode(XSD + "dateTime"))
    if isinstance(value, dt.date):
        return Literal(value.isoformat(), datatype=NamedNode(XSD + "date"))
    if isinstance(value, str):
        return Literal(value)
    raise ParameterError(f"cannot bind a {type(value).__name__} as a parameter: use text, a number, a date "
                         "or an RDF term")


def parse_param(text: str) -> tuple[str, Term]:
    """``name=value`` from the command line: ``<…>`` is an IRI, anything else is text."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not name:
        raise ParameterError(f"--param {text!r}: expected NAME=VALUE")
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        try:
            return name, NamedNode(value[1:-1])
        except ValueError as exc:
            raise ParameterError(f"--param {name}: {value!r} is not a valid IRI ({exc})") from None
    return name, Literal(value)


# -- plain Python values ------------------------------------------------------------------------
_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
                                "unsignedShort", "unsignedByte")}


def python_value(term: Term | None) -> Any:
    """A term as a plain Python value for notebooks and data frames.

    IRIs are their text; blank nodes ``_:id``; literals their lexical form, except
    integers → ``int``, ``xsd:decimal`` → ``Decimal``, ``xsd:double``/``float`` →
    ``float``, ``xsd:boolean`` → ``bool`` and a plain ``xsd:gYear`` (``2020``) → ``int``.
    Dates stay ISO text; ``QueryResult.solutions`` keeps the exact terms.
    """
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Triple):
        return str(term)
    datatype = term.datatype.value
    value = term.value
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype == XSD + "decimal":
            return Decimal(value)
        if datatype in (XSD + "double", XSD + "float"):
            return float(value)
        if datatype == XSD + "boolean":
            return value.strip() in ("true", "1")
        if datatype == XSD + "gYear" and re.fullmatch(r"-?\d{4,}", value):
            return int(value)
    except (ValueError, ArithmeticError):
        return value
    return value


class _CallableModule(types.ModuleType):
    """Lets ``kg.query(source, sparql, **params)`` be called while ``kg.query.run`` & co. stay importable."""

    def __call__(self, source: Source, sparql: str, /, **params: Any) -> QueryResult:
        return query(source, sparql, **params)


sys.modules[__name__].__class__ = _CallableModule
