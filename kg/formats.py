"""Graph file formats: the one table of what kg reads, writes and offers.

Each row of :data:`GRAPH_FORMATS` says everything kg knows about one RDF syntax:
the file name endings that mean it, the parsers that read it (pyoxigraph's for
``kg query``/``serve``/``push``, rdflib's for ``kg validate``), its media type, the
file ``kg build`` writes in it (and ``void.ttl`` offers as a dump) and the writer
that makes that file, and the ``--format`` name of a CONSTRUCT answer written in it.
Every command and every test reads this table, so adding a format is adding a row
(see ``docs/extending.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import RdfFormat

from kg.errors import InputError

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

Writer = Callable[["KnowledgeGraph"], Iterator[str]]


@dataclass(frozen=True)
class GraphFormat:
    """One RDF syntax kg reads (and maybe writes)."""

    name: str
    """What people call it: ``Turtle``."""
    suffixes: tuple[str, ...]
    """File name endings that mean it (lower case), the usual one first."""
    rdf: RdfFormat
    """pyoxigraph's format: how ``kg query``, ``kg serve`` and ``kg push`` read it."""
    rdflib: str
    """rdflib's parser name: how ``kg validate --graph`` reads it."""
    media_type: str
    """What it is sent as (``kg serve``'s downloads and answers)."""
    w3c: str
    """Its name under ``http://www.w3.org/ns/formats/`` (the SPARQL service description)."""
    written: str | None = None
    """The file ``kg build`` writes in it (and ``void.ttl`` lists as a dump), if it writes one."""
    writer: str | None = None
    """``module:function`` yielding the text of ``written`` in pieces, for a :class:`~kg.graph.KnowledgeGraph`."""
    answer: str | None = None
    """The ``--format`` (and ``?format=``) name of a CONSTRUCT/DESCRIBE answer in it, if answers may be."""
    also_accepted: tuple[str, ...] = ()
    """Other media types a client may ask for it by (``Accept``)."""

    @property
    def quads(self) -> bool:
        """Whether it holds named graphs (each source file's statements in its own)."""
        return self.rdf.supports_datasets

    @cached_property
    def write(self) -> Writer:
        """The writer of :attr:`written` (imported when first asked for)."""
        if self.writer is None:
            raise ValueError(f"kg writes no {self.name} file")
        module, _, function = self.writer.partition(":")
        return getattr(import_module(module), function)

    def text(self, kg: KnowledgeGraph) -> str:
        """The whole file :attr:`written` for ``kg``."""
        return "".join(self.write(kg))


#: Every graph format, in the order ``void.ttl`` lists the dumps.
GRAPH_FORMATS: tuple[GraphFormat, ...] = (
    GraphFormat("N-Triples", (".nt",), RdfFormat.N_TRIPLES, "nt", "application/n-triples", "N-Triples",
                written="graph.nt", writer="kg.export.ntriples:ntriples", answer="nt", also_accepted=("text/plain",)),
    GraphFormat("N-Quads", (".nq",), RdfFormat.N_QUADS, "nquads", "application/n-quads", "N-Quads",
                written="graph.nq", writer="kg.export.ntriples:nquads"),
    GraphFormat("Turtle", (".ttl",), RdfFormat.TURTLE, "turtle", "text/turtle; charset=utf-8", "Turtle",
                written="graph.ttl", writer="kg.export.turtle:turtle", answer="ttl",
                also_accepted=("application/x-turtle",)),
    GraphFormat("JSON-LD", (".jsonld", ".json"), RdfFormat.JSON_LD, "json-ld", "application/ld+json", "JSON-LD",
                written="graph.jsonld", writer="kg.export.jsonld:jsonld", answer="jsonld"),
    GraphFormat("TriG", (".trig",), RdfFormat.TRIG, "trig", "application/trig", "TriG"),
    GraphFormat("RDF/XML", (".rdf", ".owl"), RdfFormat.RDF_XML, "xml", "application/rdf+xml", "RDF_XML",
                answer="xml"),
)

#: File name ending → its format.
BY_SUFFIX: dict[str, GraphFormat] = {suffix: f for f in GRAPH_FORMATS for suffix in f.suffixes}
#: The graph files ``kg build`` writes (``graph.ttl`` …), in table order.
WRITTEN: tuple[GraphFormat, ...] = tuple(f for f in GRAPH_FORMATS if f.written)


class GraphFileError(InputError):
    """A graph file that cannot be read: missing, of an unknown kind, or not valid RDF."""


def graph_format(path: str | Path) -> GraphFormat:
    """The format of a graph file, by its name's ending; :class:`GraphFileError` for an unknown one."""
    path = Path(path)
    found = BY_SUFFIX.get(path.suffix.lower())
    if found is None:
        raise GraphFileError(f"unknown graph file type {path.suffix or '(none)'!r}; expected one of "
                             f"{', '.join(sorted(BY_SUFFIX))}", str(path))
    return found


def check_readable(path: Path) -> None:
    """:class:`GraphFileError` when ``path`` is no file."""
    if not path.is_file():
        raise GraphFileError("no such file" if not path.exists() else "not a file", str(path))


__all__ = ["BY_SUFFIX", "GRAPH_FORMATS", "WRITTEN", "GraphFileError", "GraphFormat", "check_readable",
           "graph_format"]
