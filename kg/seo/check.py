"""Validate the JSON-LD of every page, as a search engine would read it.

For each document:

* its JSON text is safe in HTML (no raw ``<``, ``>``, ``&``, U+2028, U+2029)
  and parses back to the same data;
* it expands as JSON-LD (PyLD), with schema.org's context from the bundled
  copy — nothing is fetched;
* every type and property is a schema.org term (the bundled vocabulary,
  :mod:`kg.seo.vocabulary`), used on a type schema.org expects it on, with a
  value of a type it expects (a ``Role`` may carry the property it qualifies,
  as schema.org's Role pattern has it);
* every ``@id`` and URL is absolute (http or https), every date is ISO 8601
  (a time always with its offset), every string plain text (no HTML tags or
  entities);
* the page's ``WebPage`` has the page's URL as ``@id``, and every node is
  connected to it;
* articles carry Google's required and recommended Article properties
  (headline of at most 110 characters, datePublished, dateModified, author
  and publisher with names, image where the content has one) and breadcrumbs
  Google's ListItem properties.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from kg.seo.nodes import CONTEXT, HEADLINE_LIMIT
from kg.seo.safe_json import dumps
from kg.seo.vocabulary import SCHEMA, Vocabulary, context
from kg.seo.vocabulary import load as load_vocabulary

#: URLs under which schema.org's context is published; all are served from the bundled copy.
CONTEXT_URLS = frozenset({"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/",
                          "https://schema.org/docs/jsonldcontext.jsonld",
                          "http://schema.org/docs/jsonldcontext.jsonld"})
_UNSAFE = re.compile("[<>&\u2028\u2029]")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$")
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
ARTICLE_REQUIRED = ("headline", "datePublished", "author", "publisher")
ARTICLE_RECOMMENDED = ("dateModified", "image", "description", "inLanguage")


class OfflineLoaderError(Exception):
    """A document asked for a remote context other than schema.org's."""


def offline_loader(url: str, options: dict | None = None) -> dict[str, Any]:
    """PyLD document loader that serves schema.org's context from the bundled copy and nothing else."""
    if url in CONTEXT_URLS:
        return {"contextUrl": None, "documentUrl": url, "document": context()}
    raise OfflineLoaderError(f"will not fetch {url!r}: only schema.org's bundled context is available offline")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one page's JSON-LD."""

    url: str
    message: str
    severity: str = "error"
    """``error`` (fails the check) or ``warning`` (a recommended property is missing)."""

    def __str__(self) -> str:
        return f"{self.url}: {self.severity}: {self.message}"


@dataclass
class PageCheck:
    """What the checker found on one page."""

    url: str
    nodes: int = 0
    links: int = 0
    """References between nodes (``{"@id": …}`` values)."""
    types: list[str] = field(default_factory=list)
    """The page node's types."""
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        state = "ok" if self.ok else "FAIL"
        warnings = len(self.problems) - len(self.errors)
        return (f"{state:4} {self.url}  {'+'.join(self.types) or '-'}, {self.nodes} nodes, {self.links} links, "
                f"{len(self.errors)} errors, {warnings} warnings")


def expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The document expanded by PyLD, offline."""
    from pyld import jsonld

    # No base: a relative IRI stays relative (PyLD would resolve it against a made-up base).
    return jsonld.expand(document, {"documentLoader": offline_loader, "base": None})


def check_document(url: str, document: dict[str, Any], *, expect_image: bool = False,
                   vocab: Vocabulary | None = None) -> PageCheck:
    """Check one page's JSON-LD document; ``expect_image`` when the content gives the page an image."""
    return _Checker(url, vocab or load_vocabulary()).run(document, expect_image)


def check_pages(pages: list, facts=None) -> list[PageCheck]:
    """Check every :class:`kg.seo.Page`; with the knowledge graph's facts, an article whose
    content has an image must carry it."""
    vocab = load_vocabulary()
    out = []
    for page in pages:
        expect_image = bool(facts is not None and facts.iri(page.url, SCHEMA + "image"))
        out.append(_Checker(page.url, vocab).run(page.document, expect_image))
    return out


class _Checker:
    def __init__(self, url: str, vocab: Vocabulary) -> None:
        self.url = url
        self.vocab = vocab
        self.result = PageCheck(url)
        self.table: dict[str, dict[str, Any]] = {}
        self.edges: dict[str, set[str]] = defaultdict(set)

    def problem(self, message: str, severity: str = "error") -> None:
        self.result.problems.append(Problem(self.url, message, severity))

    def run(self, document: dict[str, Any], expect_image: bool) -> PageCheck:
        self._text(document)
        if document.get("@context") != CONTEXT:
            self.problem(f"@context is {document.get('@context')!r}, not {CONTEXT!r}")
        ids = [n.get("@id") for n in document.get("@graph", []) if isinstance(n, dict)]
        for dup in sorted({i for i in ids if i is not None and ids.count(i) > 1}):
            self.problem(f"@id {dup} names two nodes of the @graph")
        try:
            expanded = expand(document)
        except Exception as exc:  # PyLD raises its own JsonLdError, wrapping the loader's
            cause: BaseException = exc
            while cause.__cause__ is not None:  # the loader's refusal says most
                cause = cause.__cause__
            self.problem(f"does not expand as JSON-LD: {str(cause).splitlines()[0]}")
            return self.result
        nodes = expanded[0]["@graph"] if len(expanded) == 1 and "@graph" in expanded[0] else expanded
        self.result.nodes = len(nodes)
        for node in nodes:
            if "@id" not in node:
                self.problem("a top-level node has no @id")
            else:
                self.table[node["@id"]] = node
        for node in nodes:
            self._node(node, via=None, top=node.get("@id"))
        self._page(expect_image)
        return self.result

    # -- text ------------------------------------------------------------------------------------
    def _text(self, document: dict[str, Any]) -> None:
        text = dumps(document)
        if _UNSAFE.search(text):
            self.problem("the JSON text holds a raw <, >, &, U+2028 or U+2029")
        if json.loads(text) != document:
            self.problem("the JSON text does not parse back to the same document")

    # -- nodes -----------------------------------------------------------------------------------
    def _types(self, node: dict[str, Any]) -> list[str]:
        out = []
        for iri in node.get("@type", []):
            local = iri[len(SCHEMA):] if iri.startswith(SCHEMA) else None
            if local is None or not self.vocab.is_type(local) or local in self.vocab.datatypes:
                self.problem(f"{node.get('@id', 'a node')}: @type {iri} is not a schema.org type")
            else:
                out.append(local)
        return out

    def _node(self, node: dict[str, Any], via: str | None, top: str | None) -> None:
        name = node.get("@id") or f"a {'/'.join(t.rsplit('/', 1)[-1] for t in node.get('@type', []))} node"
        if "@id" in node:
            self._absolute(node["@id"], f"{name}: @id")
        types = self._types(node)
        is_role = any("Role" in self.vocab.ancestors(t) for t in types)
        for key, values in node.items():
            if key.startswith("@"):
                continue
            local = key[len(SCHEMA):] if key.startswith(SCHEMA) else None
            if local is None or not self.vocab.is_property(local):
                self.problem(f"{name}: {key} is not a schema.org property")
                continue
            domain = self.vocab.domains[local]
            if types and domain and not self.vocab.fits(types, domain) and not (is_role and local == via):
                self.problem(f"{name}: schema.org does not expect {local} on {'/'.join(types)} "
                             f"(expected on {', '.join(domain)})")
            for value in values:
                self._value(name, local, value, top)

    def _value(self, name: str, prop: str, value: dict[str, Any], top: str | None) -> None:
        ranges = self.vocab.ranges.get(prop, ())
        datatypes = [r for r in ranges if r in self.vocab.datatypes]
        if "@value" in value:
            self._literal(name, prop, value["@value"], datatypes)
        elif set(value) == {"@id"}:
            target = value["@id"]
            self.result.links += 1
            if top is not None:
                self.edges[top].add(target)
                self.edges[target].add(top)
            self._absolute(target, f"{name}: {prop}")
            node = self.table.get(target)
            if node is not None and "URL" not in ranges:
                types = [t[len(SCHEMA):] for t in node.get("@type", []) if t.startswith(SCHEMA)]
                if types and not self.vocab.fits(types, ranges):
                    self.problem(f"{name}: {prop} points at a {'/'.join(types)}; schema.org expects "
                                 f"{', '.join(ranges)}")
        else:
            types = [t[len(SCHEMA):] for t in value.get("@type", []) if t.startswith(SCHEMA)]
            role = any("Role" in self.vocab.ancestors(t) for t in types)  # schema.org's Role pattern
            if types and not role and not self.vocab.fits(types, ranges):
                self.problem(f"{name}: {prop} holds a {'/'.join(types)}; schema.org expects {', '.join(ranges)}")
            if "@id" in value and top is not None:
                self.edges[top].add(value["@id"])
                self.edges[value["@id"]].add(top)
            self._node(value, via=prop, top=top)

    def _literal(self, name: str, prop: str, value: Any, datatypes: list[str]) -> None:
        if not datatypes:
            self.problem(f"{name}: {prop} holds the text {value!r}; schema.org expects a node")
            return
        if isinstance(value, (bool, int, float)):
            if not any(self.vocab.ancestors(d) & {"Number", "Boolean", "Text"} for d in datatypes):
                self.problem(f"{name}: {prop} holds {value!r}; schema.org expects {', '.join(datatypes)}")
            return
        if not value.strip():
            self.problem(f"{name}: {prop} is empty")
        if set(datatypes) <= {"Date", "DateTime", "Time"}:
            if not (_DATE.match(value) or _DATETIME.match(value)):
                self.problem(f"{name}: {prop} {value!r} is not an ISO 8601 date, or a date and time with its offset")
        elif datatypes == ["URL"]:
            self._absolute(value, f"{name}: {prop}")
        elif _MARKUP.search(value):
            self.problem(f"{name}: {prop} holds markup or an HTML entity: {value[:80]!r}")

    def _absolute(self, iri: str, where: str) -> None:
        parts = urlsplit(iri)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            self.problem(f"{where}: {iri!r} is not an absolute http(s) URL")

    # -- the page as a whole ----------------------------------------------------------------------
    def _page(self, expect_image: bool) -> None:
        page = self.table.get(self.url)
        types = [t[len(SCHEMA):] for t in (page or {}).get("@type", []) if t.startswith(SCHEMA)]
        self.result.types = types
        if page is None or not any("WebPage" in self.vocab.ancestors(t) for t in types):
            self.problem(f"no WebPage node has the page's URL {self.url} as @id")
            return
        webpages = [i for i, n in self.table.items()
                    if any("WebPage" in self.vocab.ancestors(t[len(SCHEMA):]) for t in n.get("@type", []))]
        if webpages != [self.url]:
            self.problem(f"{len(webpages)} WebPage nodes; expected one, the page itself")
        seen, todo = {self.url}, [self.url]
        while todo:
            for other in self.edges[todo.pop()]:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        for iri in sorted(set(self.table) - seen):
            self.problem(f"{iri} is not connected to the page")
        for iri, node in sorted(self.table.items()):
            types = [t[len(SCHEMA):] for t in node.get("@type", []) if t.startswith(SCHEMA)]
            if any("Article" in self.vocab.ancestors(t) for t in types):
                self._article(iri, node, expect_image and iri == self.url)
            if "BreadcrumbList" in types:
                self._breadcrumb(iri, node)

    def _values(self, node: dict[str, Any], prop: str) -> list[dict[str, Any]]:
        return node.get(SCHEMA + prop, [])

    def _named(self, ref: dict[str, Any]) -> bool:
        node = self.table.get(ref.get("@id", ""), ref)
        return bool(self._values(node, "name"))

    def _article(self, iri: str, node: dict[str, Any], expect_image: bool) -> None:
        for prop in ARTICLE_REQUIRED:
            if not self._values(node, prop):
                self.problem(f"{iri}: an Article without {prop} (Google requires it)")
        for prop in ARTICLE_RECOMMENDED:
            if not self._values(node, prop) and not (prop == "image" and expect_image):
                self.problem(f"{iri}: an Article without {prop} (Google recommends it)", "warning")
        if expect_image and not self._values(node, "image"):
            self.problem(f"{iri}: the content has an image but the Article has no image")
        for value in self._values(node, "headline"):
            if len(str(value.get("@value", ""))) > HEADLINE_LIMIT:
                self.problem(f"{iri}: headline longer than {HEADLINE_LIMIT} characters")
        for prop in ("author", "publisher"):
            for ref in self._values(node, prop):
                if not self._named(ref):
                    self.problem(f"{iri}: {prop} {ref.get('@id', '')} has no name")
        for ref in self._values(node, "publisher"):
            if not self._values(self.table.get(ref.get("@id", ""), ref), "logo"):
                self.problem(f"{iri}: publisher {ref.get('@id', '')} has no logo", "warning")

    def _breadcrumb(self, iri: str, node: dict[str, Any]) -> None:
        items = self._values(node, "itemListElement")
        if not items:
            self.problem(f"{iri}: a BreadcrumbList without itemListElement")
        for index, item in enumerate(items):
            for prop in ("position", "name") + (("item",) if index < len(items) - 1 else ()):
                if not self._values(item, prop):
                    self.problem(f"{iri}: breadcrumb item {index + 1} without {prop} (Google requires it)")


def count_entities_and_links(document: dict[str, Any] | list) -> tuple[int, int]:
    """(entities, links) in a JSON-LD document as written: typed nodes (each ``@id`` once), and
    property values that are nodes or ``{"@id": …}`` references — the edges a crawler can follow."""
    ids: set[str] = set()
    anonymous = 0
    links = 0

    def walk(value: Any, is_value: bool) -> None:
        nonlocal anonymous, links
        if isinstance(value, list):
            for item in value:
                walk(item, is_value)
        elif isinstance(value, dict):
            if is_value and ("@id" in value or "@type" in value):
                links += 1
            if "@type" in value:
                if "@id" in value:
                    ids.add(value["@id"])
                else:
                    anonymous += 1
            for key, item in value.items():
                if key == "@graph":
                    walk(item, False)
                elif not key.startswith("@"):
                    walk(item, True)

    walk(document, False)
    return len(ids) + anonymous, links
