"""Resolve stage: names → entities.

Every :class:`~kg.map.terms.Name` is reduced to a key — a registry entry, a unit of
an organisation, or the normalised name — and keys are clustered: sv and en
pages of one project that list their clients and partners in the same order
propose the names in each position as one entity (reported as
``merged-by-translation`` so a maintainer can confirm them into the registry).
Nothing is merged for sharing words: "Stockholms stad" and "Stockholms
universitet" never meet. Links and running text are matched against the
registry only; text never invents an entity.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from kg.diagnostics import Diagnostics
from kg.map.context import MapContext
from kg.map.iris import slug
from kg.map.terms import LinkTo, Name, Statement, TextIn, new_statement, text
from kg.map.website import source_statements
from kg.resolve.mentions import Mentions
from kg.resolve.names import normalise, split_parenthesis, split_unit
from kg.resolve.registry import DEFAULT_SOURCE, Entry, Registry, load_registry
from kg.vocab import ORGANISATION_TYPES, RDF_TYPE, WD, kgo, schema

__all__ = ["Registry", "Resolved", "load_registry", "resolve"]
REGISTRY_SOURCE = DEFAULT_SOURCE
_PLACE_TYPES = {"country": "Country", "city": "City"}


@dataclass
class Resolved:
    """Statements with every placeholder replaced, and what resolution did."""

    statements: list[Statement]
    merges: list[dict] = field(default_factory=list)
    entities: dict[str, NamedNode] = field(default_factory=dict)


class _Clusters:
    """Union–find over name keys; a registry key always represents its cluster."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if ra.startswith("reg:") and rb.startswith("reg:"):
            return False  # two known entities are never merged
        if rb.startswith("reg:") or (not ra.startswith("reg:") and rb < ra):
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True


@dataclass
class _Parsed:
    key: str
    country: Entry | None
    unit_of: str | None = None
    unit_name: str | None = None


def resolve(ctx: MapContext, registry: Registry | None = None, diags: Diagnostics | None = None,
            workers: int = 1) -> Resolved:
    """Replace every placeholder in ``ctx``'s statements. With ``workers`` above one, a big
    site's links and texts are matched against the registry by a helper process meanwhile."""
    diags = diags if diags is not None else ctx.diags
    if registry is None:
        registry = load_registry(ctx.site.data.get("kg/registry"), diags=diags,
                                 site_file=ctx.site.data_paths.get("kg/registry", "_data/kg/registry.yml"))
    with Mentions(ctx.statements, registry, workers) as mentions:
        return _resolve(ctx, registry, diags, iter(mentions))


def _resolve(ctx: MapContext, registry: Registry, diags: Diagnostics, mentions: Iterator[list[Entry]]) -> Resolved:
    names = []
    for subject, _predicate, obj, _source in ctx.statements:
        if isinstance(subject, Name):
            names.append(subject)
        if isinstance(obj, Name):
            names.append(obj)
    parsed = {n: _parse(n, registry) for n in dict.fromkeys(names)}
    clusters = _Clusters()
    for p in parsed.values():
        clusters.find(p.key)
        if p.unit_of:
            clusters.find(p.unit_of)
    merges = _align_translations(parsed, clusters, diags)

    # Name every cluster and mint its IRI.
    members: dict[str, list[Name]] = defaultdict(list)
    for name, p in parsed.items():
        members[clusters.find(p.key)].append(name)
    iri_of_root = _mint(ctx, registry, clusters, parsed, members)
    out: list[Statement] = []
    described: set[str] = set()

    def entity(entry: Entry) -> NamedNode:
        iri = ctx.mint.entity(entry.kind, entry.id)
        if entry.key not in described:
            described.add(entry.key)
            out.extend(_describe(ctx, registry, entry, entity))
        return iri

    def org_iri(name: Name) -> NamedNode:
        return iri_of_root[clusters.find(parsed[name].key)]

    for st in ctx.statements:
        obj = st.object
        if not isinstance(obj, (Name, LinkTo, TextIn)) and not isinstance(st.subject, Name):
            out.append(st)  # nothing to resolve
            continue
        subjects = [org_iri(st.subject)] if isinstance(st.subject, Name) else [st.subject]
        if isinstance(obj, Name):
            objects = [org_iri(obj)]
        elif isinstance(obj, (LinkTo, TextIn)):
            objects = [entity(e) for e in next(mentions)]
        else:
            objects = [obj]
        placeholder = isinstance(obj, (Name, LinkTo, TextIn))
        for s in subjects:
            for o in objects:
                if not (placeholder and s == o):  # an organisation never mentions itself
                    out.append(new_statement(Statement, (s, st.predicate, o, st.source)))

    # Describe organisations named in content: type, names seen, country, unit.
    for root, group in members.items():
        iri = iri_of_root[root]
        entry = registry.get("organisation", root[4:]) if root.startswith("reg:") else None
        if entry is not None:
            entity(entry)
        else:
            out.append(Statement(iri, RDF_TYPE, schema.Organization, group[0].file))
            by_lang: dict[str | None, Counter[str]] = defaultdict(Counter)
            for n in group:
                by_lang[n.lang][_display(n, parsed[n])] += 1
            for lang, counts in sorted(by_lang.items(), key=lambda kv: kv[0] or ""):
                best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                sources = sorted({n.file for n in group if n.lang == lang})
                out.append(Statement(iri, schema.name, text(best, lang), sources[0]))
        for n in group:
            p = parsed[n]
            out.append(Statement(iri, schema.alternateName, text(n.text, n.lang), n.file))
            if p.country is not None and (entry is None or not entry.country):
                out.append(Statement(iri, schema.location, entity(p.country), n.file))
            if p.unit_of and entry is None:
                parent_iri = iri_of_root[clusters.find(p.unit_of)]
                out.append(Statement(iri, schema.parentOrganization, parent_iri, n.file))
                if p.unit_of.startswith("reg:"):
                    parent_entry = registry.get("organisation", p.unit_of[4:])
                    if parent_entry is not None:
                        entity(parent_entry)
                else:
                    out.append(Statement(parent_iri, RDF_TYPE, schema.Organization, n.file))
                    out.append(Statement(parent_iri, schema.name, text(_parent_display(p, n), n.lang), n.file))
    out.extend(_inherit_platforms(out))
    if any(registry.entries[key].source == REGISTRY_SOURCE for key in described):
        # The bundled registry is a source like any file: its named graph is described.
        out.extend(source_statements(ctx.mint, REGISTRY_SOURCE, "registry"))
    entities = {root: iri for root, iri in iri_of_root.items()}
    return Resolved(out, merges, entities)


def _parse(name: Name, registry: Registry) -> _Parsed:
    base, paren = split_parenthesis(name.text)
    country = registry.country(paren) if paren else None
    if paren and country is None:
        base = name.text  # "(NYC)" is part of the name, not a country
    entry = registry.by_name(base) or registry.by_name(name.text)
    if entry is not None:
        return _Parsed(f"reg:{entry.id}", country)
    unit = split_unit(base)
    if unit is not None:
        left, right = unit
        left_entry, right_entry = registry.by_name(left), registry.by_name(right)
        if registry.by_name(right, "place") is not None and right_entry is None:
            # "Bostadsbolaget, Gothenburg": an organisation and its town
            return _Parsed(f"reg:{left_entry.id}" if left_entry else f"name:{normalise(left)}", country)
        if right_entry is not None and left_entry is None:
            parent_key = f"reg:{right_entry.id}"
            return _Parsed(f"unit:{parent_key}|{normalise(left)}", country, parent_key, left)
        parent_key = f"reg:{left_entry.id}" if left_entry else f"name:{normalise(left)}"
        return _Parsed(f"unit:{parent_key}|{normalise(right)}", country, parent_key, right)
    return _Parsed(f"name:{normalise(base)}", country)


def _display(name: Name, p: _Parsed) -> str:
    base, _paren = split_parenthesis(name.text)
    return base if p.country is not None else name.text


def _parent_display(p: _Parsed, name: Name) -> str:
    unit = split_unit(split_parenthesis(name.text)[0])
    if unit is None:
        return name.text
    left, right = unit
    return right if p.unit_name == left else left


def _align_translations(parsed: dict[Name, _Parsed], clusters: _Clusters, diags: Diagnostics) -> list[dict]:
    """Names in the same position of the sv and en lists of one project are one entity."""
    slots: dict[str, dict[str, dict[int, Name]]] = defaultdict(lambda: defaultdict(dict))
    for name in parsed:
        if name.slot is not None and name.lang:
            group, index = name.slot
            slots[group][name.lang][index] = name
    merges = []
    for group in sorted(slots):
        by_lang = slots[group]
        langs = sorted(by_lang)
        if len(langs) < 2:
            continue
        sizes = {len(by_lang[lang]) for lang in langs}
        if len(sizes) != 1:
            continue  # lists of different length: no positional alignment
        first = by_lang[langs[0]]
        for other_lang in langs[1:]:
            other = by_lang[other_lang]
            keys_a = {i: clusters.find(parsed[n].key) for i, n in first.items()}
            keys_b = {i: clusters.find(parsed[n].key) for i, n in other.items()}
            for index in sorted(first):
                if index not in other:
                    continue
                a, b = first[index], other[index]
                ka, kb = keys_a[index], keys_b[index]
                if ka == kb:
                    continue
                # A reordered list: a name that stands elsewhere in the other list.
                if ka in keys_b.values() or kb in keys_a.values():
                    continue
                if ka.startswith("reg:") and kb.startswith("reg:"):
                    continue
                if clusters.union(ka, kb):
                    merges.append({"names": sorted([a.text, b.text]), "files": sorted({a.file, b.file})})
                    diags.add(b.file, "merged-by-translation",
                              f"{a.text!r} ({a.lang}, {a.file}) and {b.text!r} ({b.lang}) stand in the same "
                              f"place of the {a.role} lists of one project: taken as one organisation",
                              line=b.line, suggestion="adding one as an alias of the other in _data/kg/registry.yml")
    return merges


def _mint(ctx: MapContext, registry: Registry, clusters: _Clusters, parsed: dict[Name, _Parsed],
          members: dict[str, list[Name]]) -> dict[str, NamedNode]:
    """One IRI per cluster root: the registry id, or a slug of the preferred name."""
    out: dict[str, NamedNode] = {}
    taken: set[str] = {e.id for e in registry.entries.values() if e.kind == "organisation"}
    roots = set(members) | {clusters.find(p.unit_of) for p in parsed.values() if p.unit_of}

    def preferred(root: str) -> str:
        group = members.get(root, [])
        site_lang = ctx.config.lang
        counts = Counter(_display(n, parsed[n]) for n in group if n.lang in (site_lang, None)) or \
            Counter(_display(n, parsed[n]) for n in group)
        if not counts:
            return root.split(":", 1)[1].split("|")[-1]
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]

    def mint(root: str) -> NamedNode:
        if root in out:
            return out[root]
        if root.startswith("reg:"):
            out[root] = ctx.mint.entity("organisation", root[4:])
        elif root.startswith("unit:"):
            parent_root = clusters.find(root[5:].split("|", 1)[0])
            parent = mint(parent_root)
            unit = preferred(root)
            unit_part = split_unit(unit)
            unit_slug = slug(unit_part[1] if unit_part else unit)
            out[root] = NamedNode(f"{parent.value}/{unit_slug}")
        else:
            candidate = slug(preferred(root))
            n = 2
            while candidate in taken:
                candidate = f"{slug(preferred(root))}-{n}"
                n += 1
            taken.add(candidate)
            out[root] = ctx.mint.entity("organisation", candidate)
        return out[root]

    for root in sorted(roots, key=lambda r: (not r.startswith("reg:"), r.startswith("unit:"), r)):
        mint(root)
    return out


def _describe(ctx: MapContext, registry: Registry, entry: Entry, entity) -> list[Statement]:
    """The registry's facts about an entity, in the registry's own named graph."""
    src = REGISTRY_SOURCE if entry.source == REGISTRY_SOURCE else entry.source
    iri = ctx.mint.entity(entry.kind, entry.id)
    out = []
    if entry.kind == "organisation":
        out.append(Statement(iri, RDF_TYPE, schema.Organization, src))
        if entry.category:
            extra = ORGANISATION_TYPES.get(entry.category)
            if extra and extra != "Organization":
                out.append(Statement(iri, RDF_TYPE, schema[extra], src))
            out.append(Statement(iri, kgo.organisationKind, kgo[entry.category], src))
        if entry.parent and (parent := registry.get("organisation", entry.parent)):
            out.append(Statement(iri, schema.parentOrganization, entity(parent), src))
        for place_id in (entry.located_in, entry.country):
            if place_id and (place := registry.get("place", place_id)):
                out.append(Statement(iri, schema.location, entity(place), src))
    elif entry.kind == "platform":
        out.append(Statement(iri, RDF_TYPE, schema.SoftwareApplication, src))
    else:
        out.append(Statement(iri, RDF_TYPE, schema.Place, src))
        if entry.category in _PLACE_TYPES:
            out.append(Statement(iri, RDF_TYPE, schema[_PLACE_TYPES[entry.category]], src))
        for place_id in (entry.contained_in, entry.country):
            if place_id and place_id != entry.id and (place := registry.get("place", place_id)):
                out.append(Statement(iri, schema.containedInPlace, entity(place), src))
                break
    for lang, name in sorted(entry.names.items()):
        out.append(Statement(iri, schema.name, text(name, lang or None), src))
    if entry.homepage and (home := ctx.absolute(entry.homepage)):
        out.append(Statement(iri, schema.url, NamedNode(home), src))
    if entry.wikidata:
        out.append(Statement(iri, schema.sameAs, NamedNode(WD + entry.wikidata), src))
    return out


def _inherit_platforms(statements: list[Statement]) -> list[Statement]:
    """A project about a theme that is about a platform ran on that platform."""
    platform, about, project_class = kgo.platform, schema.about, schema.Project
    theme_platforms: dict[NamedNode, set[NamedNode]] = defaultdict(set)
    projects: set[NamedNode] = set()
    for st in statements:
        if st.predicate == platform and isinstance(st.object, NamedNode):
            theme_platforms[st.subject].add(st.object)
        elif st.predicate == RDF_TYPE and st.object == project_class:
            projects.add(st.subject)
    out = []
    for st in statements:
        if st.predicate == about and st.object in theme_platforms and st.subject in projects:
            for found in sorted(theme_platforms[st.object], key=lambda n: n.value):
                out.append(Statement(st.subject, platform, found, st.source))
    return out
