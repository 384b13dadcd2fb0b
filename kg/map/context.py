"""What every mapper needs: the site, IRIs, diagnostics, and type-checked field access."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from posixpath import normpath
from typing import Any
from urllib.parse import unquote, urlsplit

from pyoxigraph import NamedNode

from kg.diagnostics import Diagnostics, shown
from kg.load.documents import Document, Site
from kg.map.bodies import BodyTexts
from kg.map.iris import Minter, absolute, safe_iri, slug
from kg.map.suggest import PathSuggester
from kg.map.terms import Statement, new_statement
from kg.map.text import has_hidden_characters

#: Front-matter keys the mappers read or knowingly ignore (layout and presentation).
KNOWN_KEYS = frozenset(
    {
        "title", "name", "date", "lang", "ref", "permalink", "slug", "published", "layout", "excerpt",
        "ingress-text", "description", "image", "thumbnail", "logotype", "categories", "tags", "clients",
        "client", "partners", "year", "funding", "links", "featured", "menu", "icon", "items", "faq", "contact",
        "is_post", "redirect_from", "redirect_to", "job", "phone", "mail", "twitter", "email", "telephone",
        "author", "sitemap", "hidden", "preamble text", "order", "weight", "summary", "seo", "canonical_url",
        "last_modified_at", "modified",
    }
)


@dataclass
class MapContext:
    site: Site
    diags: Diagnostics
    include_contact: bool = False
    statements: list[Statement] = field(default_factory=list)
    bodies: BodyTexts = field(default_factory=BodyTexts)
    """The plain text of each document's body (worked out by a helper on big sites)."""

    def __post_init__(self) -> None:
        self.config = self.site.config
        self.base = self.config.base
        self.mint = Minter(self.base)
        self.docs = self.site.by_path()
        self.url_index: dict[str, Document] = {}
        for doc in self.site.documents:
            if doc.url_path:
                self.url_index[_url_key(doc.url_path)] = doc
            redirects = doc.data.get("redirect_from")
            for alias in redirects if isinstance(redirects, list) else [redirects]:
                if isinstance(alias, str) and doc.url_path:
                    self.url_index.setdefault(_url_key(alias), doc)
        self._paths = PathSuggester([p for p in self.site.files if not p.startswith("_data/")])
        self._reported_characters: set[tuple[str, str]] = set()
        self._own_host = urlsplit(self.config.url).netloc.lower()
        self._keys: dict[str, str] = {}  # path → doc_key: asked for again and again
        self._internal: dict[str, Document | None] = {}
        self.duplicates = self._find_duplicates()

    def _find_duplicates(self) -> dict[str, Document]:
        """Documents whose ``ref`` and language an earlier file (by path) of their collection already has.

        Two files claiming to be the same page in the same language cannot both be
        that page: the later one is mapped on its own, as if it had no ``ref``, so
        their facts (names, years) never merge into one contradictory entity.
        """
        first: dict[tuple[str, str, str], Document] = {}
        out: dict[str, Document] = {}
        for doc in sorted(self.site.documents, key=lambda d: d.path):
            ref = self.ref(doc)
            if not ref:
                continue
            holder = first.setdefault((doc.collection, ref, doc.lang), doc)
            if holder is not doc:
                out[doc.path] = holder
                self.warn(doc, "duplicate-translation",
                          f"ref {ref!r} in language {doc.lang!r} is already used by {holder.path}; this file is "
                          f"mapped on its own, under its file name {slug(doc.stem)!r}",
                          key="ref")
        return out

    # -- emitting -------------------------------------------------------------------------------
    def add(self, subject: Any, predicate: NamedNode, obj: Any, source: str) -> None:
        self.statements.append(new_statement(Statement, (subject, predicate, obj, source)))

    def warn(self, doc: Document | str, kind: str, message: str, *, key: str | None = None,
             suggestion: str | None = None) -> None:
        path = doc if isinstance(doc, str) else doc.path
        line = None if isinstance(doc, str) or key is None else doc.line_of(key)
        self.diags.add(path, kind, message, line=line, suggestion=suggestion)

    # -- reading front matter -------------------------------------------------------------------
    def string(self, doc: Document, key: str) -> str | None:
        """A text value; numbers become text, anything else is a ``bad-type`` warning."""
        value = doc.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            self.warn(doc, "bad-type", f"{key}: expected text, got {shown(value)}; ignored", key=key)
            return None
        if isinstance(value, (int, float)):
            return str(value)
        if isinstance(value, str):
            self._check_characters(doc, key, value)
            return value
        self.warn(doc, "bad-type", f"{key}: expected text, got a {type(value).__name__}; ignored", key=key)
        return None

    def strings(self, doc: Document, key: str, numbers_are_names: bool = True) -> list[str]:
        """A list of texts; a single string counts as a list of one.

        Numbers are read as text; where a number can hardly be what is meant (an
        organisation called ``5``), ``numbers_are_names=False`` also warns.
        """
        value = doc.data.get(key)
        if value is None or value == "":
            return []
        items = value if isinstance(value, list) else [value]
        out: list[str] = []
        for item in items:
            if isinstance(item, str) and item.strip():
                self._check_characters(doc, key, item)
                out.append(item)
            elif isinstance(item, (int, float)) and not isinstance(item, bool):
                if not numbers_are_names:
                    self.warn(doc, "bad-type", f"{key}: {item!r} is a number, not a name; read as the text "
                              f"{str(item)!r}", key=key)
                out.append(str(item))
            elif item is not None and item != "":
                what = type(item).__name__
                self.warn(doc, "bad-type", f"{key}: expected text or a list of texts, got a {what}; ignored",
                          key=key)
        return out

    def _check_characters(self, doc: Document, key: str, value: str) -> None:
        if has_hidden_characters(value) and (doc.path, key) not in self._reported_characters:
            self._reported_characters.add((doc.path, key))
            self.warn(doc, "bad-text", f"{key}: control or bidi-override characters in {shown(value)}; "
                      "removed", key=key)

    def links(self, doc: Document) -> list[tuple[str, str | None]]:
        """``links: [{title, url}]`` as (url, title) pairs."""
        value = doc.data.get("links")
        if value is None or value == []:
            return []
        if not isinstance(value, list):
            self.warn(doc, "bad-type", "links: expected a list of {title, url}; ignored", key="links")
            return []
        out = []
        for item in value:
            if isinstance(item, dict) and isinstance(item.get("url"), str) and item["url"].strip():
                title = item.get("title")
                url = item["url"].strip()
                host = urlsplit(url).netloc
                if host and safe_iri(host) != host:
                    self.warn(doc, "bad-url", f"links: {shown(url)} has a host name no URL can have; "
                              "it links nowhere", key="links")
                out.append((url, title.strip() if isinstance(title, str) else None))
            elif item:
                self.warn(doc, "bad-type", "links: an entry without a url; ignored", key="links")
        return out

    def check_keys(self, doc: Document) -> None:
        for key in doc.data:
            if key not in KNOWN_KEYS and key not in self._default_keys():
                close = difflib.get_close_matches(key, sorted(KNOWN_KEYS), n=1, cutoff=0.8)
                self.warn(doc, "unknown-key", f"unknown key {key!r}: not mapped", key=key,
                          suggestion=close[0] if close else None)

    def _default_keys(self) -> set[str]:
        if not hasattr(self, "_defaults_cache"):
            keys: set[str] = set()
            for entry in self.config.defaults:
                values = entry.get("values")
                if isinstance(values, dict):
                    keys.update(str(k) for k in values)
            self._defaults_cache = keys
        return self._defaults_cache

    # -- references between files ---------------------------------------------------------------
    def reference(self, doc: Document, key: str, target: str) -> tuple[Document | None, str | None]:
        """Follow a site-relative path written in ``doc``'s ``key``.

        Returns ``(document, None)`` when it exists, ``(None, normalised path)`` for a
        dangling reference (reported, with the closest existing path as suggestion),
        and ``(None, None)`` for a path that leaves the site (reported, ignored).
        """
        raw = target.strip()
        if raw.startswith(("/", "\\")) or (":" in raw.split("/", 1)[0] and len(raw) > 1 and raw[1] == ":"):
            self.warn(doc, "outside-site", f"{key}: {raw!r} is an absolute path; only site-relative paths "
                      "(like _themes/x.md) are followed", key=key)
            return None, None
        path = normpath(raw.replace("\\", "/"))
        if path.startswith("../") or path == "..":
            self.warn(doc, "outside-site", f"{key}: {raw!r} points outside the site; ignored", key=key)
            return None, None
        found = self.docs.get(path)
        if found is not None:
            return found, None
        if path in self.site.files:
            self.warn(doc, "dangling-reference", f"{key}: {raw!r} exists but is not a document "
                      "(no front matter, or unreadable)", key=key)
            return None, path
        self.warn(doc, "dangling-reference", f"{key}: {raw!r} does not exist", key=key,
                  suggestion=self._paths.closest(path))
        return None, path

    def internal(self, url: str) -> Document | None:
        """The site's own document that a link points at, if any (redirects included)."""
        if url in self._internal:  # the same links recur across a site's pages
            return self._internal[url]
        found = self._internal[url] = self._find_internal(url)
        return found

    def _find_internal(self, url: str) -> Document | None:
        parts = urlsplit(url.strip())
        if parts.scheme and parts.netloc:
            if parts.netloc.lower() != self._own_host:
                return None
        elif parts.scheme:
            return None
        path = parts.path
        baseurl = self.config.baseurl
        if baseurl and path.startswith(baseurl):
            path = path[len(baseurl):] or "/"
        return self.url_index.get(_url_key(path))

    # -- IRIs of documents ----------------------------------------------------------------------
    def ref(self, doc: Document) -> str | None:
        value = doc.data.get("ref")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        return value.strip() if isinstance(value, str) and value.strip() else None

    def group(self, doc: Document) -> str:
        """Translation group: documents of one collection sharing a ``ref``."""
        ref = self.ref(doc) if doc.path not in self.duplicates else None
        return f"{doc.collection}:{ref}" if ref else f"{doc.collection}:/{doc.path}"

    def doc_key(self, doc: Document | None, path: str | None = None) -> str:
        """The key of a document's entity: its ``ref``, else its file name (also for a missing file)."""
        if doc is not None:
            key = self._keys.get(doc.path)
            if key is None:
                key = self._keys[doc.path] = slug(doc.stem if doc.path in self.duplicates
                                                  else self.ref(doc) or doc.stem)
            return key
        return slug(path.rsplit("/", 1)[-1].rsplit(".", 1)[0]) if path else "unnamed"

    def project_iri(self, doc: Document | None, path: str | None = None) -> NamedNode:
        return self.mint.entity("project", self.doc_key(doc, path))

    def theme_iri(self, doc: Document | None, path: str | None = None) -> NamedNode:
        return self.mint.entity("theme", self.doc_key(doc, path))

    def absolute(self, url: str) -> str | None:
        return absolute(self.base, url)

    def url(self, doc: Document, key: str) -> str | None:
        """The absolute IRI of a URL or site path in ``doc``'s ``key``; what had to be changed is reported."""
        written = self.string(doc, key)
        if not written or not written.strip():
            return None
        iri = absolute(self.base, written)
        # Spaces and the like in a path are percent-encoded silently: browsers and Jekyll do the same,
        # and real sites are full of "/uploads/en bild.jpg". Only what cannot be a URL at all is reported.
        if iri is None:
            self.warn(doc, "bad-url", f"{key}: {shown(written)} is neither an http(s) URL nor a path on the site; "
                      "ignored", key=key)
        return iri


def _url_key(path: str) -> str:
    """Compare site URLs by decoded path, with or without trailing slash or index.html."""
    path = unquote(path.split("#", 1)[0].split("?", 1)[0]).strip()
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return "/" + path.strip("/")
