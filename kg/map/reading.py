"""Reading a document by what its collection means: its class, and the keys that hold each fact.

A mixin of :class:`~kg.map.context.MapContext`: mappers ask ``ctx.fact_strings(doc,
"client")`` rather than for ``client:``, so a site whose projects say ``customer:`` (or
whose mapping says ``client: kund``) is read the same way as Digidem Lab's. What a
collection is and which keys it uses were worked out when the site was loaded
(:mod:`kg.load.collections`).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from typing import TYPE_CHECKING, Any

from kg.load.collections import Keys, is_project, keys_for, values_for
from kg.load.documents import Document
from kg.load.meaning import FACT_KEYS, LAYOUT_KEYS, class_of_name

if TYPE_CHECKING:
    from kg.diagnostics import Diagnostics
    from kg.load.documents import Site

#: Front-matter keys the mappers read or knowingly ignore, besides the facts' keys.
KNOWN_KEYS = frozenset(
    {
        "title", "name", "date", "lang", "ref", "permalink", "slug", "published", "layout", "excerpt",
        "ingress-text", "description", "image", "thumbnail", "logotype", "categories", "tags", "clients",
        "client", "partners", "year", "funding", "links", "featured", "menu", "icon", "items", "faq", "contact",
        "is_post", "redirect_from", "redirect_to", "job", "phone", "mail", "twitter", "email", "telephone",
        "author", "sitemap", "hidden", "preamble text", "order", "weight", "summary", "seo", "canonical_url",
        "last_modified_at", "modified", "id", "url", "website", "homepage", "logo", "start_date", "end_date",
        "location",
    }
)
_READ_KEYS = KNOWN_KEYS | {key for keys in FACT_KEYS.values() for key in keys}
_SUGGESTED = sorted(_READ_KEYS)
_DEFAULT_KEYS = keys_for(None)


class Reading:
    """The class and fact keys of each document's collection, and the keys nobody reads."""

    site: Site
    diags: Diagnostics
    docs: dict[str, Document]
    # and, from MapContext: warn, string, strings, string_list
    if TYPE_CHECKING:
        def warn(self, doc: Document | str, kind: str, message: str, *, key: str | None = None,
                 suggestion: str | None = None) -> None: ...

        def string(self, doc: Document, key: str) -> str | None: ...

        def string_list(self, doc: Document, key: str, value: Any, numbers_are_names: bool = True) -> list[str]: ...

    def _reading_setup(self) -> None:
        self.unknown_keys: dict[tuple[str, str], list[Any]] = {}
        """(collection, key) → [documents, first file, its line, suggestion]: what the terminal summarises."""
        defaults: set[str] = set()
        for entry in self.site.config.defaults:
            values = entry.get("values")
            if isinstance(values, dict):
                defaults.update(str(k) for k in values)
        self._defaults_keys = frozenset(defaults)
        self._fact_keys: dict[str, frozenset[str]] = {}  # collection → every key its facts are read from

    def class_of(self, doc: Document) -> str:
        """``project``, ``person``, ``theme``, ``post``, ``page`` … for ``doc``'s collection."""
        found = self.site.collections.get(doc.collection)
        if found is not None:
            return found.cls
        return "post" if doc.collection in ("posts", "drafts") else "page"

    def keys_of(self, doc: Document) -> Keys:
        found = self.site.collections.get(doc.collection)
        return found.keys if found is not None else _DEFAULT_KEYS

    def is_project(self, doc: Document) -> bool:
        """Whether ``doc`` is (also) a project: in a project collection, or carrying a client, partners or years."""
        cls = self.class_of(doc)
        if cls == "project":
            return True
        return cls in ("post", "page") and is_project(doc, self.keys_of(doc))

    def fact_strings(self, doc: Document, fact: str, numbers_are_names: bool = True) -> list[tuple[str, str]]:
        """Every ``(key, text)`` that holds ``fact`` on ``doc``, in the order of its keys (wrong types reported)."""
        return [(key, text) for key in self.keys_of(doc).get(fact, ()) if key in doc.data
                for text in self.string_list(doc, key, values_for(doc.data, fact, key), numbers_are_names)]

    def fact_string(self, doc: Document, fact: str) -> tuple[str | None, str | None]:
        """``(key, text)`` of the first key holding ``fact`` (``name``: ``title``, else ``name``)."""
        for key in self.keys_of(doc).get(fact, ()):
            if doc.data.get(key) not in (None, "") and (found := self.string(doc, key)) is not None:
                return key, found
        return None, None

    def fact_value(self, doc: Document, fact: str) -> tuple[str | None, Any]:
        """``(key, value)`` of the first key holding ``fact``, as written (``years``: a range, a number,
        or a list of years, read as the range from the first to the last)."""
        for key in self.keys_of(doc).get(fact, ()):
            value = doc.data.get(key)
            if value is not None and value != "":
                if isinstance(value, list) and value and all(_is_year(v) for v in value):
                    years = sorted(int(v) for v in value)
                    value = f"{years[0]}-{years[-1]}" if years[-1] != years[0] else years[0]
                return key, value
        return None, None

    def read_keys(self, doc: Document) -> frozenset[str]:
        """The keys of ``doc`` that a mapper reads (its collection's fact keys, and those every page has)."""
        facts = self._fact_keys.get(doc.collection)
        if facts is None:
            facts = self._fact_keys[doc.collection] = frozenset(k for ks in self.keys_of(doc).values() for k in ks)
        return facts | _READ_KEYS | LAYOUT_KEYS

    def documents_named(self, doc: Document, key: str) -> list[Document]:
        """The site's documents that ``doc``'s key lists by their paths, when every value it holds is one
        ("projetos: [_projetos/lisboa.md]", "related_case: _cases/gdansk.md"); else none."""
        if difflib.get_close_matches(key, _SUGGESTED, n=1, cutoff=0.8):
            return []  # "categoris": a known key misspelt, said as such (check_keys), not a key of one's own
        values = [v.strip() for v in _paths(doc.data.get(key))]
        if not values or any("\n" in v for v in values):
            return []
        if any(not v.startswith("_") for v in values):
            return self._projects_named(key, values)
        found = [self.doc_at(posixpath.normpath(v)) for v in values]  # type: ignore[attr-defined]
        return [d for d in found if d is not None] if all(found) else []

    def _projects_named(self, key: str, values: list[str]) -> list[Document]:
        """The projects a key named after projects ("proyecto:", "work:", "cases:") lists by their ``ref`` or
        file name ("proyecto: bogota-presupuestos"), when every value it holds is one; else none. A key of any
        name does, when each value is a name of several words that is a project's ("prosjekt: moss-medvirkning")."""
        if class_of_name(key)[0] != "project" and not all(_compound(v) for v in values):
            return []  # one word ("tartu") may be a tag; "tartu-kaasav-eelarve" is a project's own name
        found = [self.project_by_name(v) for v in values]  # type: ignore[attr-defined]
        return [d for d in found if d is not None] if all(found) else []

    def check_keys(self, doc: Document) -> None:
        """Each key that no mapper reads and no theme uses is an ``unknown-key`` warning (summarised per
        key and collection on the terminal)."""
        facts = self._fact_keys.get(doc.collection)
        if facts is None:
            facts = self._fact_keys[doc.collection] = frozenset(k for ks in self.keys_of(doc).values() for k in ks)
        for key in doc.data:
            if key in _READ_KEYS or key in LAYOUT_KEYS or key in self._defaults_keys or key in facts:
                continue
            if self.documents_named(doc, key):
                continue  # a key of the maintainer's own that lists the site's files ("projetos: [_projetos/x.md]")
            close = difflib.get_close_matches(key, _SUGGESTED, n=1, cutoff=0.8)
            self.warn(doc, "unknown-key", f"unknown key {key!r}: not mapped", key=key,
                      suggestion=close[0] if close else None)
            seen = self.unknown_keys.setdefault((doc.collection, key), [0, doc.path, doc.line_of(key),
                                                                      close[0] if close else None])
            seen[0] += 1


def _paths(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return []


def _is_year(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, str)
                                                                         and value.strip().isdigit())


def _compound(value: str) -> bool:
    """Whether a value is a name of several words joined as file names are ("moss-medvirkning")."""
    words = [w for w in re.split(r"[-_]", value.strip().strip("/").rsplit("/", 1)[-1]) if w]
    return len(words) >= 2 and " " not in value.strip()
