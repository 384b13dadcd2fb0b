"""Validate stage: the knowledge graph against the SHACL shapes in ``kg/ontology/shapes.ttl``.

pySHACL does the checking; this module fills the site's base URL into the
shapes, runs them on the union graph, and turns each result into a
:class:`Violation` that names the entity, the property, the offending value and
the source files the statement came from, so a maintainer knows which file to
open.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, SH

from kg.errors import InputError
from kg.formats import GraphFileError, check_readable, graph_format
from kg.graph import KnowledgeGraph
from kg.ontology import resource
from kg.vocab import KGO, PREFIXES, PROV, SCHEMA

Sources = dict[tuple, set[str]]
"""(entity, property, value) / (entity, property) / (entity, None) → the source files that said it."""
SHAPES_FILE = resource("shapes.ttl")
BASE_TOKEN = "{{base}}"  # noqa: S105 - a template token, not a secret


@dataclass(frozen=True)
class Violation:
    """One result of validation, in terms a site maintainer can act on."""

    focus: str
    """The entity that breaks a shape (full IRI)."""
    path: str | None
    """The property concerned (full IRI), when the constraint is about one."""
    value: str | None
    """The offending value in N-Triples syntax, when there is one."""
    message: str
    severity: str
    """``Violation``, ``Warning`` or ``Info``."""
    shape: str | None
    component: str
    """The SHACL constraint component (``MinCountConstraintComponent`` …)."""
    sources: tuple[str, ...] = ()
    """Site-relative paths of the files the entity or statement came from."""

    def as_dict(self) -> dict[str, object]:
        return {"focus": self.focus, "path": self.path, "value": self.value, "message": self.message,
                "severity": self.severity, "shape": self.shape, "component": self.component,
                "sources": list(self.sources)}


@dataclass
class ValidationReport:
    """What validation found; ``conforms`` is true when there is no result of severity Violation."""

    violations: list[Violation] = field(default_factory=list)
    triples: int = 0

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for v in self.violations:
            out[v.severity] += 1
        return dict(sorted(out.items()))


def shapes_graph(base: str, shapes: Traversable = SHAPES_FILE) -> rdflib.Graph:
    """The shapes with ``{{base}}`` filled in with the site's base (regex-escaped where used in patterns)."""
    text = shapes.read_text(encoding="utf-8")
    escaped = _regex_escape(base.rstrip("/"))
    # {{base}} only ever stands in regular expressions and SPARQL strings; both take the escaped form.
    return rdflib.Graph().parse(data=text.replace(BASE_TOKEN, escaped), format="turtle")


def _regex_escape(text: str) -> str:
    # Escaped for an XPath regular expression inside a Turtle string: each backslash doubled for Turtle.
    special = set(".^$*+?()[]{}|\\")
    return "".join(f"\\\\{c}" if c in special else c for c in text)


def validate(kg: KnowledgeGraph, shapes: Traversable = SHAPES_FILE) -> ValidationReport:
    """Check the union graph of ``kg`` against the shapes; sources come from its named graphs."""
    data = kg.graph()
    sources: Sources = defaultdict(set)
    paths = {iri: path for path, iri in kg.sources.items()}
    for s, p, o, g in kg.rows:
        path = paths.get(g[1:-1])
        if path is not None:
            sources[(s[1:-1], p[1:-1], o)].add(path)
            sources[(s[1:-1], p[1:-1])].add(path)
            sources[(s[1:-1], None)].add(path)
    return validate_graph(data, kg.base, sources, shapes)


def validate_graph(data: rdflib.Graph, base: str | None = None,
                   sources: Sources | None = None,
                   shapes: Traversable = SHAPES_FILE) -> ValidationReport:
    """Check any graph kg wrote (read back from a file) against the shapes.

    Without ``base`` the site's base is read from the graph's ``schema:WebSite``;
    without ``sources`` the files come from ``prov:wasDerivedFrom`` → ``kgo:path``.
    """
    from pyshacl import validate as shacl

    if base is None:
        base = site_base(data)
    if sources is None:
        sources = _derived_sources(data)
    _conforms, results, _text = shacl(data, shacl_graph=shapes_graph(base, shapes), inference="none",
                                      allow_warnings=True, advanced=False)
    violations = [_violation(results, node, sources) for node in results.subjects(RDF.type, SH.ValidationResult)]
    violations.sort(key=lambda v: (v.sources, v.focus, v.path or "", v.message, v.value or ""))
    return ValidationReport(violations, len(data))


def read_graph_files(paths: list[Path]) -> tuple[rdflib.Graph, Sources]:
    """The union of graph files (any format of :data:`kg.formats.GRAPH_FORMATS`), and (from the named graphs
    of N-Quads or TriG) which source file said what. Raises :class:`~kg.formats.GraphFileError`."""
    union = rdflib.Graph()
    sources: Sources = defaultdict(set)
    for path in paths:
        found = graph_format(path)
        check_readable(path)
        fmt = found.rdflib
        try:
            if found.quads:
                ds = rdflib.Dataset()
                ds.parse(path, format=fmt)
                named = _source_paths(ds)
                for s, p, o, g in ds.quads((None, None, None, None)):
                    union.add((s, p, o))
                    if g is not None and str(g) in named:
                        sources[(str(s), str(p), o.n3())].add(named[str(g)])
                        sources[(str(s), str(p))].add(named[str(g)])
                        sources[(str(s), None)].add(named[str(g)])
            else:
                union.parse(path, format=fmt)
        except OSError as exc:
            raise GraphFileError(f"cannot read: {exc.strerror or exc}", str(path)) from None
        except Exception as exc:  # every parser has its own exceptions: name the file, keep the reason
            reason = " ".join(str(exc).split())
            raise GraphFileError(f"not valid {found.name}: {reason}", str(path)) from None
    for key, files in _derived_sources(union).items():
        sources.setdefault(key, set()).update(files)
    return union, sources


def _source_paths(ds: rdflib.Dataset) -> dict[str, str]:
    """Named graph IRI → the kgo:path of the source file it is named after."""
    path = rdflib.URIRef(KGO + "path")
    return {str(s): str(o) for s, _p, o, _g in ds.quads((None, path, None, None))}


def site_base(data: rdflib.Graph) -> str:
    """The site's URL + baseurl, read from its ``schema:WebSite``."""
    for website in sorted(data.subjects(RDF.type, rdflib.URIRef(SCHEMA + "WebSite")), key=str):
        for url in sorted(data.objects(website, rdflib.URIRef(SCHEMA + "url")), key=str):
            return str(url).rstrip("/")
    raise InputError("the graph has no schema:WebSite with a schema:url, so its site cannot be told")


def _derived_sources(data: rdflib.Graph) -> Sources:
    out: Sources = defaultdict(set)
    for entity, source in data.subject_objects(rdflib.URIRef(PROV + "wasDerivedFrom")):
        for path in data.objects(source, rdflib.URIRef(KGO + "path")):
            out[(str(entity), None)].add(str(path))
    for source, path in data.subject_objects(rdflib.URIRef(KGO + "path")):
        out[(str(source), None)].add(str(path))
    return out


def _violation(results: rdflib.Graph, node, sources: Sources) -> Violation:
    def one(predicate):
        return results.value(node, predicate)

    focus = str(one(SH.focusNode))
    path = one(SH.resultPath)
    value = one(SH.value)
    severity = str(one(SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
    component = str(one(SH.sourceConstraintComponent) or "").rsplit("#", 1)[-1]
    messages = sorted(str(m) for m in results.objects(node, SH.resultMessage))
    path_iri = str(path) if isinstance(path, rdflib.URIRef) else None
    # The statement itself if it can be found, else the entity's statements about the property, else the entity.
    found = (value is not None and sources.get((focus, path_iri, value.n3()))) or sources.get((focus, path_iri)) \
        or sources.get((focus, None)) or set()
    shape = one(SH.sourceShape)
    return Violation(
        focus=focus,
        path=path_iri,
        value=value.n3() if value is not None else None,
        message=messages[0] if messages else component,
        severity=severity,
        shape=str(shape) if isinstance(shape, rdflib.URIRef) else None,
        component=component,
        sources=tuple(sorted(found)),
    )


def curie(iri: str | None) -> str:
    """A short name for an IRI in messages (``schema:name``)."""
    if iri is None:
        return ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri
