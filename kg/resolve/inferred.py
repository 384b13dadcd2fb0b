"""What the site says about a project outside its front matter, each statement with its evidence.

A project's platform is stated when its front matter names one; it is *inferred* when
the project's own page names it in its text or links, when a post tied to the
project (by ``clients:``, a link to the project's page, or a shared ``ref``) names it,
or when the project is filed under a theme whose title is a platform ("Decidim").
A theme page's links describe the theme, never the projects filed under it.

An inferred statement is the same triple as a stated one (``kgo:platform``: queries
need not know the difference), put in the named graph of the document that says
it, and described beside it by a ``kgo:Inference`` — an ``rdf:Statement`` naming the
triple, the document (``prov:wasDerivedFrom``) and how it was read (``kgo:method``).
A researcher tells stated from inferred facts by asking whether such a record exists.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple, cast

from pyoxigraph import NamedNode

from kg.map.iris import Minter
from kg.map.terms import Statement, text
from kg.vocab import RDF, RDF_TYPE, kgo, prov, schema

RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = (NamedNode(RDF + n) for n in ("subject", "predicate", "object"))
RDF_STATEMENT = NamedNode(RDF + "Statement")
METHODS = {
    "page-text": "the project's own page names it in its text",
    "page-link": "the project's own page links to it",
    "post-text": "a post about the project names it",
    "theme-title": "the project is filed under a theme whose title is the platform",
    "reference-name": "a reference to the project's missing file is named after a town: its municipality",
}
"""The ways kg infers a statement (the values of ``kgo:method``)."""
MAX_PROJECTS_PER_POST = 2
"""A post tied to more projects than this is a round-up: its platforms are not given to each."""


class Inference(NamedTuple):
    subject: NamedNode
    predicate: NamedNode
    object: NamedNode
    source: str
    method: str


def post_platforms(statements: Iterable[Statement], texts: dict[str, str] | None = None,
                   platform_forms: dict[NamedNode, set[str]] | None = None) -> list[Inference]:
    """Platforms the posts tied to a project name: each becomes the project's platform. A post tied to
    two projects gives a platform only to the one a sentence naming the platform also names (by the
    project's name, or a name or town of its clients and partners: "En Montevideo, … en
    LiquidFeedback"); ``texts`` are the posts' texts by source, ``platform_forms`` each platform's names."""
    statements = statements if isinstance(statements, list) else list(statements)
    posts: set[NamedNode] = set()
    projects_known: set[NamedNode] = set()
    software: set[NamedNode] = set()
    typed = {schema.NewsArticle: posts, schema.Project: projects_known, schema.SoftwareApplication: software}
    """The three types asked about, each a set of its own: a dict of every subject's types would hold
    one set per entity of the site."""
    said: list[Statement] = []
    about = (schema.mentions, schema.about)
    for st in statements:  # resolved: subjects and objects are terms
        predicate = st.predicate
        if predicate == RDF_TYPE:
            if (of_type := typed.get(cast(NamedNode, st.object))) is not None:
                of_type.add(cast(NamedNode, st.subject))
        elif predicate in about:
            said.append(st)
    projects: dict[tuple[NamedNode, str], set[NamedNode]] = defaultdict(set)
    platforms: dict[tuple[NamedNode, str], set[NamedNode]] = defaultdict(set)
    for st in said:
        subject, obj = cast(NamedNode, st.subject), cast(NamedNode, st.object)
        if subject not in posts:
            continue
        if obj in projects_known:
            projects[(subject, st.source)].add(obj)
        elif obj in software and st.predicate == schema.mentions:
            platforms[(subject, st.source)].add(obj)
    shared = {p for post, tied in projects.items() if len(tied) == 2 and platforms.get(post) for p in tied}
    handles = _handles_of(statements, shared) if shared else {}
    split: tuple[str | None, list[str], list[str]] = (None, [], [])
    """The sentences of the post at hand only, and each case-folded (the posts come in order of their
    files): a big site's posts' sentences all at once were a tenth of its build's memory."""
    folded = {p: _folded(forms) for p, forms in (platform_forms or {}).items()}
    out: list[Inference] = []
    for post, tied in sorted(projects.items(), key=lambda kv: (kv[0][1], kv[0][0].value)):
        if len(tied) > MAX_PROJECTS_PER_POST:
            continue
        for platform in sorted(platforms.get(post, ()), key=lambda n: n.value):
            given = sorted(tied, key=lambda n: n.value)
            if split[0] != post[1]:
                in_post = _SENTENCE_END.split((texts or {}).get(post[1], ""))
                split = (post[1], in_post, [sentence.casefold() for sentence in in_post])
            forms = (platform_forms or {}).get(platform, set())
            naming = [i for i, low in enumerate(split[2]) if _folded_names_any(low, folded.get(platform, ()))]
            sentences = [split[1][i] for i in naming]
            others = [f for p, f in folded.items() if p != platform]
            if sentences and all(_among_alternatives(split[1][i], forms)
                                 and any(_folded_names_any(split[2][i], f) for f in others) for i in naming):
                continue  # "the cities we studied run Decidim, CONSUL or tools of their own": no one's platform
            if len(tied) > 1:
                # "In Szeged, … on Your Priorities; in Cluj-Napoca, … Go Vocal": the clause first
                clauses = [c for s in sentences for c in _CLAUSE_END.split(s) if _names_any(c, forms)]
                named = [p for p in given if any(_names_any(c, handles.get(p, set())) for c in clauses)]
                given = named or [p for p in given if any(_names_any(s, handles.get(p, set())) for s in sentences)]
            out.extend(Inference(project, kgo.platform, platform, post[1], "post-text") for project in given)
    return out


def _handles_of(statements: list[Statement], projects: set[NamedNode]) -> dict[NamedNode, set[str]]:
    """What a sentence may call each of ``projects`` by: its names, and its clients' and partners' names
    and towns."""
    from kg.resolve.kinds import kind_of, place_core
    from kg.resolve.places import town

    roles: dict[NamedNode, set[NamedNode]] = defaultdict(set)
    for st in statements:
        if st.subject in projects and st.predicate in (kgo.client, kgo.partner):
            roles[cast(NamedNode, st.subject)].add(cast(NamedNode, st.object))
    wanted = projects | {org for orgs in roles.values() for org in orgs}
    names: dict[NamedNode, set[str]] = defaultdict(set)
    for st in statements:
        if st.subject in wanted and st.predicate in (schema.name, schema.alternateName):
            names[cast(NamedNode, st.subject)].add(str(getattr(st.object, "value", "")))
    out: dict[NamedNode, set[str]] = {}
    for project in projects:
        found = set(names.get(project, ()))
        for org in roles.get(project, ()):
            for name in names.get(org, ()):
                found.add(name)
                for part in {name, name.split(", ", 1)[0]}:  # "City of Boston, Department of …": Boston's
                    kind = kind_of(part)
                    if kind and (core := place_core(part, kind)):
                        found.add(core)
                    if kind in ("municipality", "region"):  # "Nairobi City County": Nairobi's
                        found.update(w for w in part.split() if len(w) >= 4 and w[:1].isupper() and town(w))
        out[project] = {h for h in found if h}
    return out


_CLAUSE_END = re.compile(r"\s*;\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÞĀ-Ž¿¡«\"'])|\n\s*\n")


_OR = re.compile(r"(?:,\s*|\s+)(?:or|eller|ou|o|oder|of|tai|vagy|nebo|alebo|sau|lub|või|eða|arba|ali|ή|або|или|"
                 r"either|nor|ni)\s+", re.IGNORECASE)
_PLATFORM_LIST = re.compile(r"^[\w.+-]+(?:\s[\w.+-]+)?(?:,\s*[\w.+-]+(?:\s[\w.+-]+)?)*$")


def _among_alternatives(sentence: str, forms: set[str]) -> bool:
    """Whether a sentence names the platform only as one of alternatives: "X or Y", "X, Y or tools of
    their own" (a list of names closed by a word for "or"), which says no one used it. (The caller asks
    too that another platform be named: "on CONSUL or on paper" says CONSUL was used.)"""
    low = sentence.casefold()
    for form in forms:
        at = low.find(form.casefold()) if len(form) >= 3 else -1
        while at != -1:
            end = at + len(form)
            match = _OR.search(low, end, end + 80)
            between = low[end:match.start()].strip(", ") if match is not None else ""
            if match is None or (between and not _PLATFORM_LIST.match(between)):
                before = _OR.search(low, max(0, at - 80), at)
                if before is None or before.end() != at:
                    return False  # named on its own here
            at = low.find(form.casefold(), end)
    return True


def _names_any(sentence: str, forms: set[str]) -> bool:
    return _folded_names_any(sentence.casefold(), _folded(forms))


def _folded(forms: Iterable[str]) -> tuple[str, ...]:
    return tuple(form.casefold().strip() for form in forms)


def _folded_names_any(low: str, forms: tuple[str, ...]) -> bool:
    """Whether a case-folded sentence names any of the case-folded ``forms`` as whole words."""
    for form in forms:
        at = low.find(form) if len(form) >= 3 else -1
        while at != -1:
            before, after = low[at - 1:at] if at else "", low[at + len(form):at + len(form) + 1]
            if not (before.isalnum() or after.isalnum()):
                return True
            at = low.find(form, at + 1)
    return False


def theme_platforms(
    statements: Iterable[Statement], title_platforms: dict[NamedNode, set[NamedNode]]
) -> list[Inference]:
    """A project filed under a theme whose title names a platform ran on that platform."""
    projects: set[NamedNode] = set()
    about: list[Statement] = []
    for st in statements:
        if st.predicate == RDF_TYPE and st.object == schema.Project:
            projects.add(cast(NamedNode, st.subject))
        elif st.predicate == schema.about and st.object in title_platforms:
            about.append(st)
    return [
        Inference(cast(NamedNode, st.subject), kgo.platform, found, st.source, "theme-title")
        for st in about
        if st.subject in projects
        for found in sorted(title_platforms[cast(NamedNode, st.object)], key=lambda n: n.value)
    ]


def evidence(mint: Minter, inferences: Iterable[Inference]) -> list[Statement]:
    """Each inference as its triple and its ``kgo:Inference`` record, in the saying document's graph."""
    out: list[Statement] = []
    seen: set[tuple[str, str, str, str]] = set()
    for inf in inferences:
        key = (inf.subject.value, inf.predicate.value, inf.object.value, inf.source)
        if key in seen:
            continue
        seen.add(key)
        digest = hashlib.sha1("\n".join(key).encode(), usedforsecurity=False).hexdigest()[:16]
        node = mint.entity("inference", digest)
        src = inf.source
        out += [
            Statement(inf.subject, inf.predicate, inf.object, src),
            Statement(node, RDF_TYPE, kgo.Inference, src),
            Statement(node, RDF_TYPE, RDF_STATEMENT, src),
            Statement(node, RDF_SUBJECT, inf.subject, src),
            Statement(node, RDF_PREDICATE, inf.predicate, src),
            Statement(node, RDF_OBJECT, inf.object, src),
            Statement(node, prov.wasDerivedFrom, mint.source(src), src),
            Statement(node, kgo.method, text(inf.method), src),
        ]
    return out
