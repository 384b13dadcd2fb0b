"""The maintainer's mapping: what a site's collections, data files and keys mean.

Written under ``kg:`` in ``_config.yml`` or in ``_data/kg/mapping.yml`` (the same shape
without the ``kg:`` wrapper; where both say something, the data file wins key by key and
a ``mapping-conflict`` warning names both)::

    kg:
      organisation: {name: Fundación Ejemplo, url: https://ejemplo.org}
      collections:
        projects:
          class: project
          keys: {client: customer, partners: [collaborators, allies], years: period}
      data:
        projects: {class: project, keys: {client: org}}

Every part is optional. What cannot be read is a ``bad-mapping`` warning naming the file
and line, and only that part is ignored.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import yaml

from kg.diagnostics import Diagnostics, shown
from kg.load.frontmatter import FrontMatterLoader
from kg.load.jail import Jail
from kg.load.meaning import CLASSES, FACTS, RECORD_CLASSES

MAPPING_DATA = "kg/mapping"
"""The ``_data`` name of the mapping file (``_data/kg/mapping.yml``, ``.yaml`` or ``.json``)."""
_PARTS = ("organisation", "collections", "data")
#: Other settings under ``kg:`` in ``_config.yml``, read by the VoID description (kg/export/void.py).
_OTHER_SETTINGS = ("license", "licence", "publisher", "sparql_endpoint")
_ENTRY = ("class", "keys")


@dataclass
class Declared:
    """What the mapping says about one collection or data file."""

    cls: str | None = None
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    where: str = ""
    """``file:line`` of the entry, for messages and ``--explain``."""


@dataclass
class SiteMapping:
    organisation: dict[str, str] = field(default_factory=dict)
    """``name`` and ``url`` of the site's own organisation, as the maintainer wrote them."""
    organisation_files: dict[str, str] = field(default_factory=dict)
    """Which file said each of them (the named graph of what follows from it)."""
    collections: dict[str, Declared] = field(default_factory=dict)
    data: dict[str, Declared] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    """The files the mapping was read from."""


Lines = dict[tuple[Any, ...], int]


def node_lines(text: str) -> Lines:
    """The 1-based line of every key and list item of a YAML text, by its path of keys and indexes.

    Composing builds nodes only (no value is constructed), so this is as safe as reading."""
    try:
        root = yaml.compose(text, Loader=FrontMatterLoader)
    except (yaml.YAMLError, RecursionError):
        return {}
    lines: Lines = {}
    stack: list[tuple[yaml.Node, tuple[Any, ...]]] = [(root, ())] if root is not None else []
    while stack:
        node, path = stack.pop()
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    here = (*path, key.value)
                    lines[here] = key.start_mark.line + 1
                    stack.append((value, here))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, index)) for index, item in enumerate(node.value))
    return lines


def read_mapping(jail: Jail, raw_config: dict[str, Any], data: dict[str, Any], data_paths: dict[str, str],
                 diags: Diagnostics) -> SiteMapping:
    """The site's mapping from ``_config.yml``'s ``kg:`` and ``_data/kg/mapping.yml``, validated."""
    parts: list[tuple[str, Any, Lines, tuple[Any, ...]]] = []
    if "kg" in raw_config:
        parts.append(("_config.yml", raw_config["kg"], lines_of(jail, "_config.yml"), ("kg",)))
    if MAPPING_DATA in data:
        path = data_paths.get(MAPPING_DATA, f"_data/{MAPPING_DATA}.yml")
        parts.append((path, data[MAPPING_DATA], lines_of(jail, path), ()))
    out = SiteMapping()
    said: dict[tuple[str, ...], tuple[Any, str]] = {}  # leaf → (value, where) for conflicts
    for file, value, lines, prefix in parts:
        out.files.append(file)
        reader = _Reader(file, lines, prefix, diags)
        for leaf, (leaf_value, where) in reader.read(value).items():
            earlier = said.get(leaf)
            if earlier is not None and earlier[0] != leaf_value:
                diags.add(file, "mapping-conflict", f"{'.'.join(leaf)}: {shown(leaf_value)} here, "
                          f"{shown(earlier[0])} in {earlier[1]}; {file} wins", line=_line_in(where))
            said[leaf] = (leaf_value, where)
    for leaf, (value, where) in said.items():
        if leaf[0] == "organisation":
            out.organisation[leaf[1]] = value
            out.organisation_files[leaf[1]] = where.rsplit(":", 1)[0]
            continue
        entry = (out.collections if leaf[0] == "collections" else out.data).setdefault(leaf[1], Declared())
        if leaf[2] == "":  # the entry itself
            entry.where = where
        elif leaf[2] == "class":
            entry.cls = value
        else:
            entry.keys[leaf[3]] = value
    return out


def _line_in(where: str) -> int | None:
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def lines_of(jail: Jail, rel: str) -> Lines:
    """:func:`node_lines` of a YAML file of the site (none when it cannot be read)."""
    try:
        return node_lines(jail.text(rel))
    except (OSError, UnicodeDecodeError):
        return {}


class _Reader:
    """One file's mapping → its leaves ``(part, name, field[, fact]) → (value, "file:line")``."""

    def __init__(self, file: str, lines: Lines, prefix: tuple[Any, ...], diags: Diagnostics) -> None:
        self.file, self.lines, self.prefix, self.diags = file, lines, prefix, diags
        self.leaves: dict[tuple[str, ...], tuple[Any, str]] = {}

    def line(self, *path: Any) -> int | None:
        full = (*self.prefix, *path)
        while full and full not in self.lines:
            full = full[:-1]
        return self.lines.get(full)

    def where(self, *path: Any) -> str:
        line = self.line(*path)
        return f"{self.file}:{line}" if line else self.file

    def bad(self, path: tuple[Any, ...], message: str, suggestion: str | None = None) -> None:
        self.diags.add(self.file, "bad-mapping", message + "; this part is ignored", line=self.line(*path),
                       suggestion=suggestion)

    def read(self, value: Any) -> dict[tuple[str, ...], tuple[Any, str]]:
        name = "kg" if self.prefix else "the mapping"
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.bad((), f"{name} must be a mapping (organisation, collections, data), not {shown(value)}")
            return {}
        for part, content in value.items():
            part = str(part)
            if part in _OTHER_SETTINGS and self.prefix:
                continue
            if part not in _PARTS:
                known = (*_PARTS, *_OTHER_SETTINGS) if self.prefix else _PARTS
                self.bad((part,), f"{name}: unknown part {part!r} (known: {', '.join(known)})", _near(part, known))
            elif content is None:
                continue
            elif part == "organisation":
                self.organisation(content)
            else:
                self.entries(part, content)
        return self.leaves

    def organisation(self, value: Any) -> None:
        if not isinstance(value, dict):
            self.bad(("organisation",), f"organisation must be a mapping with name and url, not {shown(value)}")
            return
        for key, text in value.items():
            key = str(key)
            here = ("organisation", key)
            if key not in ("name", "url"):
                self.bad(here, f"organisation: unknown key {key!r} (known: name, url)", _near(key, ("name", "url")))
            elif not isinstance(text, str) or not text.strip():
                self.bad(here, f"organisation.{key}: expected text, got {shown(text)}")
            elif key == "url" and (urlsplit(text.strip()).scheme not in ("http", "https")
                                   or not urlsplit(text.strip()).netloc):
                self.bad(here, f"organisation.url: {shown(text)} is not an http(s) URL")
            else:
                self.leaves["organisation", key] = (text.strip(), self.where(*here))

    def entries(self, part: str, value: Any) -> None:
        if not isinstance(value, dict):
            what = "collection labels" if part == "collections" else "data file names"
            self.bad((part,), f"{part} must be a mapping of {what} to their class and keys, not {shown(value)}")
            return
        classes = CLASSES if part == "collections" else RECORD_CLASSES
        for label, entry in value.items():
            label = str(label)
            name = label.lstrip("_") if part == "collections" else label
            here = (part, label)
            if isinstance(entry, str):  # the short form: `projects: project`
                entry = {"class": entry}
            if entry is None:
                entry = {}
            if not isinstance(entry, dict):
                self.bad(here, f"{part}.{label}: expected a mapping with class and keys, got {shown(entry)}")
                continue
            self.leaves[part, name, ""] = (None, self.where(*here))
            for key, item in entry.items():
                key = str(key)
                if key not in _ENTRY:
                    self.bad((*here, key), f"{part}.{label}: unknown key {key!r} (known: class, keys)",
                             _near(key, _ENTRY))
                elif key == "class":
                    if item not in classes:
                        self.bad((*here, key), f"{part}.{label}.class: {shown(item)} is not a class "
                                 f"(one of {', '.join(classes)})", _near(str(item), classes))
                    else:
                        self.leaves[part, name, "class"] = (item, self.where(*here, key))
                else:
                    self.keys(part, label, name, item)

    def keys(self, part: str, label: str, name: str, value: Any) -> None:
        here = (part, label, "keys")
        if not isinstance(value, dict):
            self.bad(here, f"{part}.{label}.keys: expected a mapping of fact to front-matter key(s), "
                     f"got {shown(value)}")
            return
        for fact, keys in value.items():
            fact = str(fact)
            at = (*here, fact)
            if fact not in FACTS:
                self.bad(at, f"{part}.{label}.keys: {fact!r} is not a fact (one of {', '.join(FACTS)})",
                         _near(fact, FACTS))
                continue
            listed = keys if isinstance(keys, list) else [keys]
            if not listed or not all(isinstance(k, str) and k.strip() for k in listed):
                self.bad(at, f"{part}.{label}.keys.{fact}: expected a key or a list of keys, got {shown(keys)}")
                continue
            self.leaves[part, name, "keys", fact] = (tuple(k.strip() for k in listed), self.where(*at))


def _near(word: str, choices: tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return close[0] if close else None
