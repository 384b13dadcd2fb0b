"""What every mapper needs: the site, IRIs, diagnostics, and type-checked field access."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from posixpath import normpath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from pyoxigraph import Literal, NamedNode

from kg.diagnostics import Diagnostics, shown
from kg.load.documents import Document, Site
from kg.map.bodies import BodyTexts
from kg.map.iris import Minter, absolute, safe_iri, slug
from kg.map.reading import KNOWN_KEYS as KNOWN_KEYS  # where it was before
from kg.map.reading import Reading
from kg.map.suggest import PathSuggester
from kg.map.terms import Statement, new_statement
from kg.map.text import has_hidden_characters

_TERMS = (NamedNode, Literal)


@dataclass
class MapContext(Reading):
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
        self._suggesters: dict[str, PathSuggester] = {}  # pool of documents → closest paths among them
        self._pools: dict[str, dict[str, list[Document]]] = {}  # pool → document key → its documents
        self._pool_lists: dict[str, list[Document]] = {}  # pool → its documents
        self._reported_characters: set[tuple[str, str]] = set()
        self._own_host = urlsplit(self.config.url).netloc.lower()
        self._keys: dict[str, str] = {}  # path → doc_key: asked for again and again
        self._internal: dict[tuple[str, str | None], Document | None] = {}
        self._terms: dict[Any, Any] = {}
        """Each IRI and literal the statements hold, once: a big site's statements say the same
        objects hundreds of thousands of times (its themes, its organisations' names, years)."""
        self._reading_setup()
        self.duplicates = self._find_duplicates()

    def _find_duplicates(self) -> dict[str, Document]:
        """Documents whose ``ref`` and language an earlier file (by path) of their collection already has.

        Two files claiming to be the same page in the same language cannot both be
        that page: the later one is mapped on its own, as if it had no ``ref``, so
        their facts (names, years) never merge into one contradictory entity.
        """
        first: dict[tuple[str, str, str | None], Document] = {}
        out: dict[str, Document] = {}
        for doc in sorted((*self.site.documents, *self.site.records), key=lambda d: (d.path, d.record or 0)):
            ref = self.ref(doc)
            if not ref:
                continue
            holder = first.setdefault((doc.collection, ref, doc.lang), doc)
            if holder is not doc:
                out[doc.ident] = holder
                self.warn(doc, "duplicate-translation",
                          f"ref {ref!r} in language {doc.lang!r} is already used by {holder.path}; this file is "
                          f"mapped on its own, under {slug(self._own_name(doc))!r}",
                          key="ref")
        return out

    # -- emitting -------------------------------------------------------------------------------
    def add(self, subject: Any, predicate: NamedNode, obj: Any, source: str) -> None:
        terms = self._terms
        if type(subject) is NamedNode:
            subject = terms.setdefault(subject, subject)
        if type(obj) in _TERMS:
            obj = terms.setdefault(obj, obj)
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
        return self.string_list(doc, key, doc.data.get(key), numbers_are_names)

    def string_list(self, doc: Document, key: str, value: Any, numbers_are_names: bool = True) -> list[str]:
        """:meth:`strings` of a value read from ``doc``'s ``key`` (some of its items, say)."""
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
        if has_hidden_characters(value) and (doc.ident, key) not in self._reported_characters:
            self._reported_characters.add((doc.ident, key))
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
                try:
                    host = urlsplit(url).netloc
                except ValueError:
                    host = "["  # no URL can have it: reported below
                if host and safe_iri(host) != host:
                    self.warn(doc, "bad-url", f"links: {shown(url)} has a host name no URL can have; "
                              "it links nowhere", key="links")
                out.append((url, title.strip() if isinstance(title, str) else None))
            elif item:
                self.warn(doc, "bad-type", "links: an entry without a url; ignored", key="links")
        return out

    # -- references between files ---------------------------------------------------------------
    def reference(self, doc: Document, key: str, target: str,
                  expect: str | None = None) -> tuple[Document | None, str | None]:
        """Follow a site-relative path written in ``doc``'s ``key``, to a document of class ``expect``.

        Returns ``(document, None)`` when it exists, ``(None, normalised path)`` for a
        dangling reference (reported, with the closest path of the same collection as
        suggestion), and ``(None, None)`` for a path that leaves the site (reported, ignored).
        A missing file whose name is the ``ref`` or file name of a document of its collection
        (the other language's twin, say) is taken to mean that document, and the warning says so.
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
        found = self.doc_at(path)
        if found is not None:
            return found, None
        why = self.site.unread.get(path)
        if why is not None:
            self.warn(doc, "dangling-reference", f"{key}: {raw!r} exists but is not read: {why}", key=key)
            return None, path
        if path in self.site.files:
            self.warn(doc, "dangling-reference", f"{key}: {raw!r} exists but is not a document "
                      "(no front matter, or unreadable)", key=key)
            return None, path
        twin = self._twin(doc, path, expect)
        if twin is not None:
            ref = self.ref(twin)
            self.warn(doc, "dangling-reference", f"{key}: {raw!r} does not exist; taken to mean the "
                      f"{expect or self.class_of(twin)} of {twin.path}" + (f" (ref {ref!r})" if ref else ""), key=key)
            return twin, None
        self.warn(doc, "dangling-reference", f"{key}: {raw!r} does not exist", key=key,
                  suggestion=self._suggest(doc, path, expect))
        return None, path

    def _pool(self, doc: Document, path: str, expect: str | None) -> tuple[str, list[Document]]:
        """The documents a reference to ``path`` may have meant: those of its folder's collection (when
        that is of the class expected), else every document of the class expected (never a post unless
        a post is expected). Each pool is listed once per site: a big site's references ask for few."""
        top = path.split("/", 1)[0] if "/" in path else ""
        label = top[1:] if top.startswith("_") else None
        if label is not None and label in self.site.collections and (
                expect is None or self.site.collections[label].cls == expect):
            name = f"collection:{label}"
            keep = lambda d: d.collection == label  # noqa: E731
        elif expect is not None:
            name = f"class:{expect}"
            keep = lambda d: self.class_of(d) == expect  # noqa: E731
        else:
            name = "documents"
            keep = lambda d: self.class_of(d) != "post"  # noqa: E731
        pool = self._pool_lists.get(name)
        if pool is None:
            pool = self._pool_lists[name] = [d for d in self.site.documents if keep(d)]
        return name, pool

    def _twin(self, doc: Document, path: str, expect: str | None) -> Document | None:
        wanted = self.doc_key(None, path)
        name, pool = self._pool(doc, path, expect)
        index = self._pools.get(name)
        if index is None:
            index = self._pools[name] = {}
            for other in pool:
                for key in dict.fromkeys((self.doc_key(other), slug(other.stem))):
                    index.setdefault(key, []).append(other)
        # "chicago-en.md" may mean the project of ref chicago: its other language's page was never written
        untagged = [wanted[: -len(lang) - 1] for lang in self._languages() if wanted.endswith(f"-{lang}")]
        for key in (wanted, *untagged):
            matches = [other for other in index.get(key, ()) if other is not doc]
            if matches:
                return min(matches, key=lambda d: (d.lang != doc.lang, d.path))
        return None

    def _languages(self) -> set[str]:
        if not hasattr(self, "_langs"):
            self._langs = {slug(d.lang) for d in self.site.documents if d.lang} | {slug(self.config.lang)} | _LANGS
        return self._langs

    def _suggest(self, doc: Document, path: str, expect: str | None) -> str | None:
        name, pool = self._pool(doc, path, expect)
        suggester = self._suggesters.get(name)
        if suggester is None:
            suggester = self._suggesters[name] = PathSuggester([d.path for d in pool])
        return suggester.closest(path, besides=doc.path)  # never the file that holds the reference

    def internal(self, url: str, base: str | None = None) -> Document | None:
        """The site's own document that a link points at, if any (redirects included). A relative link
        ("../projects/x/") is read from ``base``, the URL path of the page it is written on, as a browser
        reads it; failing that, from the site's root."""
        relative = _is_relative(url)
        key = (url, base if relative else None)
        if key in self._internal:  # the same links recur across a site's pages
            return self._internal[key]
        found = None
        if relative and base is not None:
            found = self._find_internal(urljoin(base if base.startswith("/") else "/" + base, url.strip()))
        if found is None:
            found = self._find_internal(url)
        self._internal[key] = found
        return found

    def _find_internal(self, url: str) -> Document | None:
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return None  # "http://[zz": no URL, so no page of the site
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
        ref = self.ref(doc) if doc.ident not in self.duplicates else None
        return f"{doc.collection}:{ref}" if ref else f"{doc.collection}:/{doc.ident}"

    def doc_key(self, doc: Document | None, path: str | None = None) -> str:
        """The key of a document's entity: its ``ref``, else its file name (also for a missing file);
        a data file's record: its ``ref``, ``slug`` or ``id``, else its name."""
        if doc is not None:
            key = self._keys.get(doc.ident)
            if key is None:
                own = self._own_name(doc)
                key = self._keys[doc.ident] = slug(own if doc.ident in self.duplicates else self.ref(doc) or own)
            return key
        return slug(path.rsplit("/", 1)[-1].rsplit(".", 1)[0]) if path else "unnamed"

    def _own_name(self, doc: Document) -> str:
        """What names a document's entity when its ``ref`` does not: its file name; a record's slug, id or name."""
        if doc.record is None:
            return doc.stem
        for key in ("slug", "id"):
            value = doc.data.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
                return str(value).strip()
        _, name = self.fact_string(doc, "name")
        return name.strip() if name and name.strip() else f"{doc.stem}-{doc.record + 1}"

    def project_by_key(self, key: str) -> Document | None:
        """The project document whose entity key (its ``ref``, else its file name) is ``key``."""
        if not hasattr(self, "_projects_by_key"):
            self._projects_by_key: dict[str, Document] = {}
            for doc in sorted((*self.site.documents, *self.site.records), key=lambda d: (d.path, d.record or 0)):
                if self.class_of(doc) == "project":  # a page, or a record of a data file ("_data/projects.yml")
                    self._projects_by_key.setdefault(self.doc_key(doc), doc)
        return self._projects_by_key.get(key)

    def doc_at(self, path: str) -> Document | None:
        """The document at a site-relative path; with ``collections_dir``, a path written from inside that
        folder ("_clients/x.md" for "my_collections/_clients/x.md") too."""
        found = self.docs.get(path)
        if found is None and (inside := self.site.config.collections_dir):
            found = self.docs.get(f"{inside}/{path}")
        return found

    def project_by_name(self, value: str) -> Document | None:
        """The project whose ``ref``, file name or slug is ``value`` ("bogota-presupuestos")."""
        key = slug(value.strip().strip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0])
        if not key:
            return None
        found = self.project_by_key(key)
        if found is None:
            if not hasattr(self, "_projects_by_slug"):
                self._projects_by_slug: dict[str, Document] = {}
                for doc in sorted(self.site.documents, key=lambda d: d.path):  # records have no file of their own
                    if self.class_of(doc) == "project":
                        stem = doc.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
                        for name in (slug(stem), slug(doc.slug or "")):
                            if name:
                                self._projects_by_slug.setdefault(name, doc)
            found = self._projects_by_slug.get(key)
        return found

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


#: Language codes a file name may end in (``chicago-en.md``) besides those of the site's documents.
_LANGS = frozenset({"en", "sv", "fr", "de", "es", "it", "nl", "da", "no", "nb", "nn", "fi", "pt", "pl", "ca", "eu"})


def _is_relative(url: str) -> bool:
    """Whether a link is relative to the page it is on: no scheme, no host, no leading slash or fragment."""
    url = url.strip()
    return bool(url) and not url.startswith(("/", "#", "?")) and not _SCHEME.match(url)


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _url_key(path: str) -> str:
    """Compare site URLs by decoded path, with or without trailing slash or index.html."""
    path = unquote(path.split("#", 1)[0].split("?", 1)[0]).strip()
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return "/" + path.strip("/")
