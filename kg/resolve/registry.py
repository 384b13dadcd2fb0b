"""The registry of known entities: organisations, platforms and places.

``kg/ontology/registry.yml`` ships with kg; a site extends or overrides it with
``_data/kg/registry.yml`` (same shape: a new id adds an entry, a known id merges
into it — scalars replaced, lists extended — and ``null`` drops it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from typing import Any
from urllib.parse import urlsplit

import ahocorasick
import yaml

from kg.diagnostics import Diagnostics
from kg.fold import CJK
from kg.load.frontmatter import FrontMatterLoader
from kg.map.iris import slug
from kg.ontology import resource
from kg.resolve.countries import country_code, country_names, country_table
from kg.resolve.names import normalise
from kg.vocab import ORGANISATION_TYPES

ORGANISATION_KINDS = frozenset(ORGANISATION_TYPES)
PLACE_KINDS = frozenset({"city", "country", "region"})

DEFAULT_REGISTRY: Traversable = resource("registry.yml")
DEFAULT_SOURCE = "ontology/registry.yml"
"""The bundled registry as a source in the graph (its named graph, ``kgo:path``): a label, not a path to open."""
SECTIONS = {"organisations": "organisation", "platforms": "platform", "places": "place"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_WORD = re.compile(r"\w+")
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass
class Entry:
    """One known entity."""

    kind: str
    """``organisation``, ``platform`` or ``place``."""
    id: str
    names: dict[str, str]
    """Preferred name per language; the key ``""`` holds a language-neutral name."""
    aliases: list[str] = field(default_factory=list)
    category: str | None = None
    """The entry's ``kind`` key: municipality, university … or city, country …"""
    country: str | None = None
    located_in: str | None = None
    contained_in: str | None = None
    parent: str | None = None
    homepage: str | None = None
    domains: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    wikidata: str | None = None
    source: str = "registry"
    in_text: bool = True
    """Whether running text is searched for the entry's names (not for ISO countries: "Chad" is a name too)."""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"

    def surface_forms(self) -> list[str]:
        return list(dict.fromkeys([*self.names.values(), *self.aliases]))


class Registry:
    """Look-ups by name, by link host and in running text."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = {e.key: e for e in entries}
        self._by_name: dict[tuple[str, str], Entry] = {}
        self._hosts: dict[str, Entry] = {}
        self._forms = ahocorasick.Automaton()
        """Every name recognised in text → the entries it names: one pass over a text finds them all."""
        self.conflicts: list[tuple[Entry, str, Entry]] = []
        """(entry, alias, the entry that already has that name): the alias is ignored."""
        ordered = sorted(entries, key=lambda e: e.key)
        # Preferred names first: an alias never takes a name from the entry it belongs to.
        for entry in ordered:
            for form in dict.fromkeys(entry.names.values()):
                owner = self._by_name.setdefault((entry.kind, normalise(form)), entry)
                if owner is not entry:
                    self.conflicts.append((entry, form, owner))
        for entry in ordered:
            for form in entry.aliases:
                owner = self._by_name.setdefault((entry.kind, normalise(form)), entry)
                if owner is not entry:
                    self.conflicts.append((entry, form, owner))
            for host in [*entry.domains, *([_host(entry.homepage)] if entry.homepage else [])]:
                if host:
                    self._hosts.setdefault(host.lower().removeprefix("www."), entry)
            for form in self._text_forms(entry):
                if _WORD.search(form):
                    _, named = self._forms.get(form, (form, ()))
                    self._forms.add_word(form, (form, (*named, entry)))
        self._stems: set[str] = set()
        """Platforms' names without their last vowel, found only with a Slavic case ending ("u Loomiju")."""
        for entry in ordered:
            if entry.kind == "platform":
                for form in self._text_forms(entry):
                    if len(form) >= 6 and form[-1] in "aeiou" and form[:1].isupper() and form.isalpha():
                        stem = form[:-1]
                        if not self._forms.exists(stem):
                            self._stems.add(stem)
                            _, named = self._forms.get(stem, (stem, ()))
                            self._forms.add_word(stem, (stem, (*named, entry)))
        self._forms.make_automaton()
        self._weak: dict[str, set[str]] = {}
        """Entry key → forms that name it in text only beside a stronger form (see :meth:`mark_site`)."""
        for entry in ordered:
            if entry.kind == "organisation":
                preferred = {normalise(n) for n in entry.names.values()}
                for form in self._text_forms(entry):
                    if normalise(form) not in preferred and len(form.strip()) <= 4:  # "EU", "OSP": short
                        self._weak.setdefault(entry.key, set()).add(form)

    @staticmethod
    def _text_forms(entry: Entry) -> list[str]:
        if not entry.in_text:
            return []
        if entry.kind == "organisation":
            # Only distinctive forms: at least 4 characters with a capital letter.
            forms = [f for f in entry.surface_forms() if len(f) >= 4 and f != f.lower()] + entry.text
        else:
            forms = [*entry.surface_forms(), *entry.text]
        return list(dict.fromkeys(forms))

    def get(self, kind: str, id: str) -> Entry | None:
        return self.entries.get(f"{kind}:{id}")

    def by_name(self, name: str, kind: str = "organisation") -> Entry | None:
        return self._by_name.get((kind, normalise(name)))

    def country_by_code(self, code: str) -> Entry | None:
        """The country entry of an ISO 3166 alpha-2 code (registry entry or ISO country)."""
        if not hasattr(self, "_by_code"):
            self._by_code: dict[str, Entry] = {}
            for entry in sorted(self.entries.values(), key=lambda e: (e.source != DEFAULT_SOURCE, e.key)):
                if entry.kind == "place" and entry.category == "country":
                    for form in entry.surface_forms():
                        if found := country_code(form):
                            self._by_code.setdefault(found, entry)
        return self._by_code.get(code)

    def country(self, name: str) -> Entry | None:
        entry = self._by_name.get(("place", normalise(name)))
        return entry if entry is not None and entry.category == "country" else None

    def by_url(self, url: str, kinds: frozenset[str]) -> Entry | None:
        """The entity whose host (or a parent domain of it) the URL is on."""
        try:
            host = (urlsplit(url.strip()).hostname or "").lower().removeprefix("www.")
        except ValueError:
            return None
        while host:
            entry = self._hosts.get(host)
            if entry is not None and entry.kind in kinds:
                return entry
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None

    def in_text(self, text: str, kinds: frozenset[str]) -> list[Entry]:
        """Entities named in running text (case-sensitive, whole words)."""
        if self._forms.kind != ahocorasick.AHOCORASICK:
            return []  # no names to recognise
        found: dict[str, Entry] = {}
        weak: dict[str, Entry] = {}
        seen: set[str] = set()
        for end, (form, entries) in self._forms.iter(text):
            if form in seen:
                continue  # a name a text repeats is checked once
            start, after = end - len(form) + 1, end + 1
            if start > 0 and _glued(text[start - 1], form[0]):
                continue  # inside a longer word
            declined = after < len(text) and _glued(text[after], form[-1])
            if form in self._stems:
                if not (declined and _stem_ending(text, after)):
                    continue  # "Loomiju" is Loomio declined; "Loomi" alone is nothing
            elif declined and not _case_ending(text, form, after):
                continue  # inside a longer word: "Lund" in "Lunds"
            if not declined:
                seen.add(form)
            for entry in entries:
                if entry.kind not in kinds or (declined and entry.kind != "platform"):
                    continue
                if entry.kind == "platform" and (_NOT_THE_SOFTWARE.match(text, after)
                                                 or _AN_OFFICE_BEFORE.search(text, max(0, start - 20), start)):
                    seen.discard(form)  # "Decidim Fest" is an event, "Consul Democracy Foundation" an organisation
                    continue
                if form in self._weak.get(entry.key, ()):
                    weak.setdefault(entry.key, entry)
                    continue
                found.setdefault(entry.key, entry)
        return [found[k] for k in sorted(found)]

    def mark_site(self, name: str, url: str) -> None:
        """The site's own name is its own: a registry form found inside it (the site "DigiDem Italia" and
        the registry's "Digidem") names that entry in text only where a stronger form does too —
        unless the entry is the site's organisation (its homepage is the site's host)."""
        own = normalise(name)
        host = (_host(url) or "").lower().removeprefix("www.")
        for entry in self.entries.values():
            if entry.kind != "organisation" or (host and self.by_url(f"https://{host}/", _ORGANISATIONS) is entry):
                continue
            for form in self._text_forms(entry):
                folded = normalise(form)
                if folded and (f" {folded} " in f" {own} " or own.startswith(folded)):
                    self._weak.setdefault(entry.key, set()).add(form)


_ORGANISATIONS = frozenset({"organisation"})
_NOT_THE_SOFTWARE = re.compile(
    r"(?:[\s-]+[A-Z][\w-]*){0,2}?[\s-]+(Fest|Festival|Conference|Summit|Meetup|Days?|Week|Association|Foundation|"
    r"Community Meeting|Stiftelse|Stiftelsen|Föreningen|Fundación|Foundation's)\b"
    r"|[\s-]+(?:General|Generale|[Gg]énéral|[Gg]eneral)\b")  # "the Consul General of Germany": a diplomat
_AN_OFFICE_BEFORE = re.compile(r"\b(?:[Hh]onorary|[Vv]ice|[Dd]eputy|[Ff]ormer|[Hh]onorär|[Hh]onoraire)[\s-]+$")
"""Words before a platform's name that make it a title: "the Honorary Consul", "a Vice-Consul"."""


def _host(url: str) -> str | None:
    """The host of a URL, or ``None`` when it has none or cannot have one (``http://[zz``)."""
    try:
        return urlsplit(url.strip()).hostname
    except ValueError:
        return None


_CASE_ENDINGS = frozenset(
    # Hungarian ("a Decidimen", "Decidimmel" is doubled, left out), Finnish ("Loomiossa"), Estonian, Baltic, Slavic
    "ban ben ba be ra re on en ön val vel nak nek ról ről hoz hez höz tól től ból ből nál nél ig ért "
    "ssa ssä sta stä lla llä lta ltä lle ksi ista "
    "ist iga ile ilt is "
    "e u ui ie em om ą".split()
)
"""Endings of grammatical case written onto a platform's name in languages that decline foreign names
("a Decidimen": on Decidim). Never English or Romance endings ("Consult", "Consulta" are no CONSUL)."""


_STEM_ENDINGS = frozenset("ju ja jem jom ja ju ji ija iju ijom u a om em e i".split())
"""Slavic case endings that replace a foreign name's last vowel ("Loomio" → "u Loomiju", "s Loomijem")."""


def _stem_ending(text: str, after: int) -> bool:
    end = after
    while end < len(text) and _is_word(text[end]) and end - after <= 3:
        end += 1
    return not (end < len(text) and _is_word(text[end])) and text[after:end] in _STEM_ENDINGS


def _case_ending(text: str, form: str, after: int) -> bool:
    """Whether the letters after ``form`` at ``after`` are a case ending alone, on a name of five letters or
    more that ends in a consonant or a vowel the ending may follow ("Decidimen", "Loomiossa")."""
    if len(form) < 5 or not form[:1].isupper():
        return False
    end = after
    while end < len(text) and _is_word(text[end]) and end - after <= 4:
        end += 1
    if end < len(text) and _is_word(text[end]):
        return False
    ending = text[after:end]
    return ending in _CASE_ENDINGS and (len(ending) >= 2 or not form[-1].isupper())


def _glued(char: str, edge: str) -> bool:
    """Whether a text's character next to a name's edge character makes them one word: both letters or
    digits of one kind of script ("Decidimで" is Decidim and a Japanese particle, no longer word)."""
    return _is_word(char) and (CJK.match(char) is None) == (CJK.match(edge) is None)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def load_registry(site_registry: Any = None, site_file: str = "_data/kg/registry.yml",
                  diags: Diagnostics | None = None, default: Traversable | None = DEFAULT_REGISTRY) -> Registry:
    """The default registry merged with a site's own (already parsed) registry data."""
    diags = diags if diags is not None else Diagnostics()
    raw: dict[str, dict[str, Any]] = {section: {} for section in SECTIONS}
    if default is not None:
        data = yaml.load(default.read_text(encoding="utf-8"), Loader=FrontMatterLoader)  # noqa: S506
        _merge(raw, data, DEFAULT_SOURCE, diags)
    if site_registry is not None:
        _merge(raw, site_registry, site_file, diags)
    entries = []
    for section, kind in SECTIONS.items():
        for id_, spec in sorted(raw[section].items()):
            if spec is None:
                continue
            entry = _entry(kind, id_, spec, spec.get("__source__", site_file), diags)
            if entry is not None:
                entries.append(entry)
    registry = Registry([*entries, *_iso_countries(entries)])
    for entry, form, owner in registry.conflicts:
        diags.add(entry.source, "bad-registry", f"{entry.kind} {entry.id}: the name {form!r} already names "
                  f"{owner.id} (from {owner.source}); ignored for {entry.id}",
                  suggestion=f"remove it from {entry.id}, or drop {owner.id} with `{owner.id}: null`")
    _check_links(registry, diags)
    return registry


def _merge(raw: dict[str, dict[str, Any]], data: Any, file: str, diags: Diagnostics) -> None:
    if not isinstance(data, dict):
        diags.add(file, "bad-registry", "the registry must be a mapping with organisations/platforms/places")
        return
    for section, entries in data.items():
        if section not in SECTIONS:
            diags.add(file, "bad-registry", f"unknown section {section!r} (expected {', '.join(SECTIONS)})")
            continue
        if not isinstance(entries, dict):
            diags.add(file, "bad-registry", f"{section}: expected a mapping of id → entry")
            continue
        for id_, spec in entries.items():
            id_ = str(id_)
            if spec is None:
                raw[section][id_] = None
                continue
            if not isinstance(spec, dict):
                diags.add(file, "bad-registry", f"{section}.{id_}: expected a mapping of keys")
                continue
            current = raw[section].get(id_) or {}
            merged = dict(current)
            for key, value in spec.items():
                if isinstance(value, list) and isinstance(current.get(key), list):
                    merged[key] = current[key] + [v for v in value if v not in current[key]]
                else:
                    merged[key] = value
            merged["__source__"] = file
            raw[section][id_] = merged


def _entry(kind: str, id_: str, spec: dict[str, Any], file: str, diags: Diagnostics) -> Entry | None:
    if not _ID.match(id_):
        diags.add(file, "bad-registry", f"{id_!r}: ids are lowercase ASCII letters, digits and hyphens")
        return None
    name = spec.get("name")
    if isinstance(name, str):
        names = {"": name}
    elif isinstance(name, dict) and all(isinstance(v, str) for v in name.values()):
        names = {str(k): v for k, v in name.items()}
    else:
        diags.add(file, "bad-registry", f"{id_}: 'name' must be a string or a mapping language → name")
        return None

    def strings(key: str) -> list[str]:
        value = spec.get(key) or []
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            diags.add(file, "bad-registry", f"{id_}: {key!r} must be a list of strings")
            return []
        return value

    def scalar(key: str) -> str | None:
        value = spec.get(key)
        return str(value) if isinstance(value, (str, int)) and str(value) else None

    wikidata = scalar("wikidata")
    if wikidata and not _QID.match(wikidata):
        diags.add(file, "bad-registry", f"{id_}: wikidata {wikidata!r} is not a QID like Q34")
        wikidata = None
    category = scalar("kind")
    allowed = ORGANISATION_KINDS if kind == "organisation" else PLACE_KINDS if kind == "place" else None
    if category is not None and allowed is not None and category not in allowed:
        diags.add(file, "bad-registry", f"{id_}: kind {category!r} is not one of {', '.join(sorted(allowed))}; "
                  "ignored")
        category = None
    return Entry(kind=kind, id=id_, names=names, aliases=strings("aliases"), category=category,
                 country=scalar("country"), located_in=scalar("located_in"), contained_in=scalar("contained_in"),
                 parent=scalar("parent"), homepage=scalar("homepage"), domains=strings("domains"),
                 text=strings("text"), wikidata=wikidata, source=file)


def _iso_countries(entries: list[Entry]) -> list[Entry]:
    """Every ISO 3166 country the registry does not list, named in the languages sites use.

    They are matched by name only (never in running text, where "Chad" or "Jordan" is
    usually a person), so that "(Niederlande)" or "(Belgique)" after any organisation's
    name gives it a country.
    """
    known: set[str] = set()
    taken: set[str] = set()
    for entry in entries:
        if entry.kind != "place":
            continue
        taken.update(normalise(form) for form in entry.surface_forms())
        if entry.category == "country":
            for form in entry.surface_forms():
                if code := country_code(form):
                    known.add(code)
    out = []
    names_of: dict[str, list[str]] = {}
    for name, c in sorted(country_table().items()):
        names_of.setdefault(c, []).append(name)
    for code in sorted(names_of):
        if code in known:
            continue
        names = country_names(code)
        english = names.get("en")
        if not english:
            continue
        aliases = names_of[code]
        aliases = [a for a in aliases if normalise(a) not in taken]
        out.append(Entry(kind="place", id=slug(english), names=names, aliases=aliases, category="country",
                         source=DEFAULT_SOURCE, in_text=False))
    return out


def _check_links(registry: Registry, diags: Diagnostics) -> None:
    for entry in registry.entries.values():
        for key, kind in (("country", "place"), ("located_in", "place"), ("contained_in", "place"),
                          ("parent", "organisation")):
            target = getattr(entry, key)
            if target and registry.get(kind, target) is None:
                diags.add(entry.source, "bad-registry", f"{entry.id}: {key} {target!r} is not a known {kind}")
                setattr(entry, key, None)
