"""The schema.org vocabulary the checker holds every document to.

``kg/seo/data/schemaorg-terms.json`` lists every type (with its direct
supertypes) and every property (with ``domainIncludes`` and ``rangeIncludes``)
of one schema.org release, core and pending ("current"), nothing else. It is
derived from that release's ``schemaorg-current-http.nt`` by :func:`derive`;
regenerate it with::

    python -m kg.seo.vocabulary path/to/schemaorg-current-http.nt > kg/seo/data/schemaorg-terms.json

The release's JSON-LD context, ``schemaorgcontext.jsonld``, is bundled beside it
as ``schemaorg-context.jsonld`` so expansion never needs the network.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from functools import cache
from importlib.resources import files
from pathlib import Path

DATA = files("kg.seo") / "data"
TERMS_FILE = DATA / "schemaorg-terms.json"
CONTEXT_FILE = DATA / "schemaorg-context.jsonld"
SCHEMA = "http://schema.org/"

_TRIPLE = re.compile(r"^<([^>]*)> <([^>]*)> (<[^>]*>|\".*\"(?:@[\w-]+|\^\^<[^>]*>)?) \.$")
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_RDF_PROPERTY = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"


class Vocabulary:
    """Types and properties of one schema.org release, by local name (``NewsArticle``, ``headline``)."""

    def __init__(self, version: str, types: dict[str, tuple[str, ...]], datatypes: frozenset[str],
                 domains: dict[str, tuple[str, ...]], ranges: dict[str, tuple[str, ...]]) -> None:
        self.version = version
        self.types = types
        """Type → its direct supertypes."""
        self.domains = domains
        """Property → the types it is expected on (``domainIncludes``)."""
        self.ranges = ranges
        """Property → the types of value it expects (``rangeIncludes``)."""
        self._ancestors: dict[str, frozenset[str]] = {}
        self.datatypes = frozenset(name for name in types if self.ancestors(name) & datatypes)
        """``Text``, ``URL``, ``Date``, ``Integer`` … : values written as strings, numbers or booleans."""

    def ancestors(self, name: str) -> frozenset[str]:
        """The type itself and every supertype."""
        found = self._ancestors.get(name)
        if found is None:
            seen, todo = {name}, [name]
            while todo:
                for parent in self.types.get(todo.pop(), ()):
                    if parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            found = self._ancestors[name] = frozenset(seen)
        return found

    def is_type(self, name: str) -> bool:
        return name in self.types

    def is_property(self, name: str) -> bool:
        return name in self.domains

    def fits(self, types: list[str], expected: tuple[str, ...]) -> bool:
        """Is a node of ``types`` one of the ``expected`` types (or a subtype of one)?"""
        wanted = set(expected)
        return any(self.ancestors(t) & wanted for t in types)


@cache
def load() -> Vocabulary:
    """The bundled vocabulary."""
    data = json.loads(TERMS_FILE.read_text(encoding="utf-8"))
    props = data["properties"]
    return Vocabulary(
        version=data["version"],
        types={name: tuple(supers) for name, supers in data["types"].items()},
        datatypes=frozenset(data["datatypes"]),
        domains={name: tuple(p["domain"]) for name, p in props.items()},
        ranges={name: tuple(p["range"]) for name, p in props.items()},
    )


@cache
def context() -> dict:
    """schema.org's JSON-LD context document (``{"@context": {...}}``)."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))


def derive(ntriples: str, version: str) -> dict:
    """The terms file's content from a release's ``schemaorg-current-http.nt``."""
    types: dict[str, set[str]] = defaultdict(set)
    datatypes: set[str] = set()
    properties: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"domain": set(), "range": set()})
    superseded: set[str] = set()

    def local(term: str) -> str | None:
        return term[len(SCHEMA):] if term.startswith(SCHEMA) else None

    for line in ntriples.splitlines():
        match = _TRIPLE.match(line.strip())
        if not match:
            continue
        s, p, o = match.groups()
        name = local(s)
        if name is None:
            continue
        obj = local(o[1:-1]) if o.startswith("<") else None
        if p == _RDF_TYPE and o == f"<{_RDFS}Class>":
            types[name]
        elif p == _RDF_TYPE and o == f"<{SCHEMA}DataType>":
            types[name]
            datatypes.add(name)
        elif p == _RDF_TYPE and o == f"<{_RDF_PROPERTY}>":
            properties[name]
        elif p == _RDFS + "subClassOf" and obj:
            types[name].add(obj)
        elif p == SCHEMA + "domainIncludes" and obj:
            properties[name]["domain"].add(obj)
        elif p == SCHEMA + "rangeIncludes" and obj:
            properties[name]["range"].add(obj)
        elif p == SCHEMA + "supersededBy":
            superseded.add(name)
    # Every data type is a kind of DataType (``URL`` is also a ``Text``).
    for name in datatypes:
        types[name].discard("DataType")
    return {
        "version": version,
        "source": f"schema.org release {version}, schemaorg-current-http.nt (core and pending)",
        "license": "CC BY-SA 3.0, schema.org (https://schema.org/docs/terms.html)",
        "datatypes": sorted(datatypes),
        "types": {name: sorted(supers) for name, supers in sorted(types.items())},
        "properties": {name: {"domain": sorted(p["domain"]), "range": sorted(p["range"])}
                       for name, p in sorted(properties.items()) if name not in superseded},
    }


def main(argv: list[str] | None = None) -> None:  # pragma: no cover - a maintenance script
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 2:
        raise SystemExit("usage: python -m kg.seo.vocabulary SCHEMAORG-CURRENT-HTTP.nt VERSION")
    data = derive(Path(args[0]).read_text(encoding="utf-8"), args[1])
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n")


if __name__ == "__main__":  # pragma: no cover
    main()
