"""The nodes of one page's schema.org graph, in the manner of Yoast's schema graph.

Every page gets one connected ``@graph``: the ``WebSite`` and the publishing
``Organization`` (shared by all pages), the page itself (a ``WebPage``; a post
is at once a ``NewsArticle`` and the ``WebPage`` at its URL, as in the
knowledge graph, where the article *is* the page), what the page is about (a
``Project``, a theme as a ``DefinedTerm``, a ``Person``), a ``BreadcrumbList``,
its images as ``ImageObject`` nodes, and a short node for every organisation,
project, platform, place and theme it points at. Every ``@id`` is the
knowledge graph's IRI; pages are their canonical URLs.

Only terms that schema.org defines, on the types it expects them on: where the
knowledge graph uses its own terms or a schema.org property outside its
domain, the page says the same thing in schema.org's words (see
:data:`PROJECT_TERMS`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kg.load.documents import Document
from kg.load.jekyll import BadDate, parse_date, site_zone
from kg.seo.facts import Facts
from kg.seo.vocabulary import Vocabulary
from kg.vocab import KGO, SCHEMA, SKOS

CONTEXT = "https://schema.org"
HEADLINE_LIMIT = 110
"""Google shows at most this many characters of an article's headline."""
MODIFIED_KEYS = ("last_modified_at", "modified")

#: How a project's facts in the knowledge graph are said on its page: the
#: graph's own terms, and schema.org terms that ``Project`` (an
#: ``Organization``) does not take, become schema.org terms it does take.
PROJECT_TERMS = {
    KGO + "client": ("member", "client"),            # an OrganizationRole with roleName "client"
    KGO + "partner": ("member", "partner"),          # an OrganizationRole with roleName "partner"
    SCHEMA + "funder": ("funder", None),
    SCHEMA + "startDate": ("foundingDate", None),
    SCHEMA + "endDate": ("dissolutionDate", None),
    SCHEMA + "about": ("keywords", None),            # the themes, as DefinedTerms
    KGO + "platform": ("knowsAbout", None),          # the software platforms
}

Node = dict[str, Any]


def ref(iri: str) -> Node:
    return {"@id": iri}


def one_or_many(values: list[Any]) -> Any:
    """JSON-LD's usual shape: one value as itself, several as a list."""
    return values[0] if len(values) == 1 else values


def headline(title: str) -> str:
    """The title, cut at a word to at most :data:`HEADLINE_LIMIT` characters (with "…")."""
    if len(title) <= HEADLINE_LIMIT:
        return title
    cut = title[: HEADLINE_LIMIT - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—") + "…"


class PageGraph:
    """The nodes of one page's ``@graph``, each ``@id`` once, in a fixed order."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}

    def add(self, node: Node) -> None:
        self.nodes.setdefault(node["@id"], node)

    def document(self, first: list[str]) -> dict[str, Any]:
        """The JSON-LD document: the nodes named in ``first`` in that order, then the others as
        added, breadcrumbs and images last."""
        def rank(node: Node) -> int:
            if node["@id"] in first:
                return first.index(node["@id"])
            kind = node.get("@type")
            return len(first) + {"BreadcrumbList": 1, "ImageObject": 2}.get(kind if isinstance(kind, str) else "", 0)

        return {"@context": CONTEXT, "@graph": sorted(self.nodes.values(), key=rank)}


class NodeMaker:
    """Makes the nodes of every page of one site from its knowledge graph."""

    def __init__(self, facts: Facts, vocab: Vocabulary, *, base: str, title: str, timezone: str | None) -> None:
        self.facts = facts
        self.vocab = vocab
        self.base = base
        self.home = base + "/"
        self.website = base + "/#website"
        self.title = title
        self.zone = site_zone(timezone)
        self.publisher = facts.iri(self.website, SCHEMA + "publisher")

    # -- helpers --------------------------------------------------------------------------------
    def types(self, iri: str) -> list[str]:
        """The subject's schema.org types without those another of them implies (Organization
        beside GovernmentOrganization)."""
        found = self.facts.types(iri)
        return [t for t in found if not any(t != other and t in self.vocab.ancestors(other) for other in found)]

    def text(self, iri: str, local: str, lang: str | None, namespace: str = SCHEMA) -> str | None:
        return self.facts.text(iri, namespace + local, lang)

    def page_of(self, entity: str, lang: str | None) -> str | None:
        """The page whose main entity ``entity`` is, in ``lang`` if there is one."""
        pages = [p for p in self.facts.iris(entity, SCHEMA + "subjectOf")
                 if entity in self.facts.iris(p, SCHEMA + "mainEntity")]
        in_lang = [p for p in pages if self._lang(p) == lang]
        found = in_lang or pages
        return found[0] if found else None

    def _lang(self, iri: str) -> str | None:
        value = self.facts.literal(iri, SCHEMA + "inLanguage")
        return value.value if value is not None else None

    @staticmethod
    def _put(node: Node, key: str, value: Any) -> None:
        if value is not None and value != []:
            node[key] = value

    # -- shared nodes ---------------------------------------------------------------------------
    def add_site(self, graph: PageGraph) -> None:
        """The WebSite and its publishing Organization (with its logo)."""
        w = self.website
        site: Node = {"@type": "WebSite", "@id": w}
        self._put(site, "url", self.facts.iri(w, SCHEMA + "url"))
        self._put(site, "name", self.text(w, "name", None) or self.title)
        self._put(site, "description", self.text(w, "description", None))
        self._put(site, "inLanguage", self._lang(w))
        if self.publisher:
            site["publisher"] = ref(self.publisher)
        graph.add(site)
        if self.publisher:
            self.add_organisation(graph, self.publisher, self._lang(w), full=True)

    def add_organisation(self, graph: PageGraph, iri: str, lang: str | None, *, full: bool = False) -> None:
        node = self.entity(iri, lang)
        if node is None:
            return
        if full and (logo := self.facts.iri(iri, SCHEMA + "logo")):
            node["logo"] = ref(logo)
            self.add_image(graph, logo, caption=node.get("name"))
        graph.add(node)

    def add_image(self, graph: PageGraph, url: str, caption: str | None = None) -> None:
        image: Node = {"@type": "ImageObject", "@id": url, "url": url, "contentUrl": url}
        self._put(image, "caption", caption)
        graph.add(image)

    def entity(self, iri: str, lang: str | None) -> Node | None:
        """A short node for something a page points at: what it is, its name, its links."""
        types = self.types(iri)
        if not types:
            return None
        node: Node = {"@type": one_or_many(types), "@id": iri}
        self._put(node, "name", self.text(iri, "name", lang))
        kinds = set().union(*(self.vocab.ancestors(t) for t in types))
        if kinds & {"Project", "DefinedTerm"}:
            self._put(node, "url", self.page_of(iri, lang))
        elif kinds & {"Organization", "SoftwareApplication", "Person"}:
            self._put(node, "url", self.facts.iri(iri, SCHEMA + "url"))
        if "DefinedTerm" in kinds:
            self._put(node, "inDefinedTermSet", (s := self.facts.iri(iri, SCHEMA + "inDefinedTermSet")) and ref(s))
        if "Person" in kinds:
            self._put(node, "jobTitle", self.text(iri, "jobTitle", lang))
        self._put(node, "sameAs", one_or_many(self.facts.iris(iri, SCHEMA + "sameAs")) or None)
        return node

    def add_entities(self, graph: PageGraph, iris: list[str], lang: str | None) -> None:
        for iri in sorted(set(iris)):
            if iri in graph.nodes:
                continue
            node = self.entity(iri, lang)
            if node is not None:
                graph.add(node)
                if (scheme := node.get("inDefinedTermSet")) and scheme["@id"] not in graph.nodes:
                    self.add_term_set(graph, scheme["@id"], lang)

    def add_term_set(self, graph: PageGraph, iri: str, lang: str | None) -> None:
        node: Node = {"@type": "DefinedTermSet", "@id": iri}
        self._put(node, "name", self.text(iri, "name", lang))
        graph.add(node)

    def breadcrumb(self, page: str, name: str | None) -> Node:
        """Home → page (one item on the home page itself)."""
        items = [{"@type": "ListItem", "position": 1, "name": self.text(self.website, "name", None) or self.title,
                  "item": ref(self.home)}]
        if page != self.home:
            items.append({"@type": "ListItem", "position": 2, "name": name or page, "item": ref(page)})
        return {"@type": "BreadcrumbList", "@id": page + "#breadcrumb", "itemListElement": items}

    # -- the page -------------------------------------------------------------------------------
    def page(self, url: str, doc: Document | None) -> dict[str, Any]:
        """The JSON-LD document of the page at ``url`` (``doc`` is None for a home page with no document)."""
        graph = PageGraph()
        self.add_site(graph)
        facts = self.facts
        lang = self._lang(url) or (doc.lang if doc else None) or self._lang(self.website)
        kinds = set(self.facts.types(url))
        page: Node = {"@type": ["NewsArticle", "WebPage"] if "NewsArticle" in kinds else "WebPage", "@id": url,
                      "url": url}
        name = self.text(url, "name", lang) or (self.text(self.website, "name", None) if url == self.home else None)
        self._put(page, "name", name)
        main = facts.iri(url, SCHEMA + "mainEntity")
        if "NewsArticle" in kinds:
            self._put(page, "headline", headline(self.text(url, "headline", lang) or name or ""))
        description = self.text(url, "description", lang)
        if description is None and main:
            description = self.text(main, "description", lang) or self.text(main, "definition", lang, SKOS)
        if description is None and url == self.home:
            description = self.text(self.website, "description", None)
        self._put(page, "description", description)
        self._put(page, "inLanguage", lang)
        page["isPartOf"] = ref(self.website)
        graph.add(page)

        if "NewsArticle" in kinds:
            self._article(graph, page, url, doc)
        elif url == self.home and self.publisher:
            page["about"] = ref(self.publisher)
        image = facts.iri(url, SCHEMA + "image") or (main and facts.iri(main, SCHEMA + "image"))
        if image:
            page["primaryImageOfPage"] = ref(image)
            self.add_image(graph, image)
        if doc is not None and "dateModified" not in page:
            self._put(page, "dateModified", self.modified(doc))
        for key in ("workTranslation", "translationOfWork"):
            self._put(page, key, one_or_many([ref(p) for p in facts.iris(url, SCHEMA + key)]) or None)
        if main:
            page["mainEntity"] = ref(main)
            self._main_entity(graph, page, main, lang)
        page["breadcrumb"] = ref(url + "#breadcrumb")
        graph.add(self.breadcrumb(url, name))
        return graph.document([self.website, self.publisher or "", url, main or ""])

    def modified(self, doc: Document) -> str | None:
        """``last_modified_at`` (or ``modified``, or ``seo.date_modified``) in the site's time zone."""
        seo = doc.data.get("seo")
        values = [doc.data.get(k) for k in MODIFIED_KEYS]
        if isinstance(seo, dict):
            values.append(seo.get("date_modified"))
        for value in values:
            if value in (None, ""):
                continue
            try:
                return _iso(parse_date(value, self.zone))
            except BadDate:
                continue
        return None

    def _article(self, graph: PageGraph, page: Node, url: str, doc: Document | None) -> None:
        facts = self.facts
        lang = page.get("inLanguage")
        published = facts.literal(url, SCHEMA + "datePublished")
        if published is not None:
            page["datePublished"] = published.value
        self._put(page, "dateModified", (self.modified(doc) if doc else None) or page.get("datePublished"))
        for key in ("author", "publisher"):
            self._put(page, key, one_or_many([ref(i) for i in facts.iris(url, SCHEMA + key)]) or None)
        if image := facts.iri(url, SCHEMA + "image"):
            page["image"] = ref(image)
        about = facts.iris(url, SCHEMA + "about")
        mentions = facts.iris(url, SCHEMA + "mentions")
        self._put(page, "about", [ref(i) for i in about])
        self._put(page, "mentions", [ref(i) for i in mentions])
        people = facts.iris(url, SCHEMA + "author") + facts.iris(url, SCHEMA + "publisher")
        for iri in people:
            if iri != self.publisher:
                self.add_organisation(graph, iri, lang)
        self.add_entities(graph, about + mentions, lang)

    def _main_entity(self, graph: PageGraph, page: Node, main: str, lang: str | None) -> None:
        kinds = set().union(*(self.vocab.ancestors(t) for t in self.facts.types(main)))
        if "Project" in kinds:
            node, linked = self.project(main, lang)
        elif "DefinedTerm" in kinds:
            node = self.entity(main, lang) or {"@id": main}
            self._put(node, "description", self.text(main, "definition", lang, SKOS))
            platforms = self.facts.iris(main, KGO + "platform")
            self._put(page, "mentions", [ref(p) for p in platforms])
            linked = platforms
        else:
            node = self.entity(main, lang) or {"@id": main}
            self._put(node, "worksFor", (o := self.facts.iri(main, SCHEMA + "worksFor")) and ref(o))
            if (image := self.facts.iri(main, SCHEMA + "image")) and "Person" in kinds:
                node["image"] = ref(image)
            linked = self.facts.iris(main, SCHEMA + "worksFor")
        graph.add(node)
        self.add_entities(graph, linked, lang)
        if (scheme := node.get("inDefinedTermSet")) and scheme["@id"] not in graph.nodes:
            self.add_term_set(graph, scheme["@id"], lang)

    def project(self, iri: str, lang: str | None) -> tuple[Node, list[str]]:
        """The Project node, and the IRIs of the organisations, themes and platforms it points at."""
        facts = self.facts
        node = self.entity(iri, lang) or {"@type": "Project", "@id": iri}
        self._put(node, "description", self.text(iri, "description", lang))
        if image := facts.iri(iri, SCHEMA + "image"):
            node["image"] = ref(image)
        if logo := facts.iri(iri, SCHEMA + "logo"):
            node["logo"] = ref(logo)
        linked: list[str] = []
        roles: list[Node] = []
        for predicate, (term, role) in PROJECT_TERMS.items():
            if role is not None:
                for org in facts.iris(iri, predicate):
                    roles.append({"@type": "OrganizationRole", "roleName": role, "member": ref(org)})
                    linked.append(org)
            elif term in ("foundingDate", "dissolutionDate"):
                if (value := facts.literal(iri, predicate)) is not None:
                    node[term] = value.value
            else:
                targets = facts.iris(iri, predicate)
                self._put(node, term, [ref(t) for t in targets])
                linked += targets
        self._put(node, "member", roles)
        return node, linked


def _iso(value: dt.date | dt.datetime) -> str:
    return value.isoformat()

