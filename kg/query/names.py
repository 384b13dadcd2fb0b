"""``kgo:sameName(a, b)``: kg's rule for "the same name" (:func:`kg.names.same_name`) inside SPARQL.

Every query kg runs — ``kg query``, ``kg.query()``, the ``kg serve`` endpoint — may call
it, so a bundled query finds an organisation by a parameter in any case, accent or
punctuation, exactly as the build merged its names::

    ?organisation schema:name|schema:alternateName ?label
    FILTER(kgo:sameName(?label, ?org))

It is true when both are literals (or plain strings) with the same non-empty key, false
otherwise (an IRI is no name). The function is kg's: another SPARQL engine does not
know it.
"""

from __future__ import annotations

from collections.abc import Callable

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kg.names import same_name
from kg.vocab import KGO, XSD

SAME_NAME = NamedNode(KGO + "sameName")
_TRUE = Literal("true", datatype=NamedNode(XSD + "boolean"))
_FALSE = Literal("false", datatype=NamedNode(XSD + "boolean"))


Term = NamedNode | BlankNode | Literal | Triple


def _same_name(a: Term, b: Term, *rest: Term) -> Literal | None:
    if rest:
        return None  # two arguments, no more: an error, as SPARQL's own functions make it
    if not isinstance(a, Literal) or not isinstance(b, Literal):
        return _FALSE
    return _TRUE if same_name(a.value, b.value) else _FALSE


#: The functions every query may call, as pyoxigraph takes them.
FUNCTIONS: dict[NamedNode, Callable[..., Term | None]] = {SAME_NAME: _same_name}

__all__ = ["FUNCTIONS", "SAME_NAME"]
