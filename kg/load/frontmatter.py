"""Split a content file into YAML front matter and body, and parse it safely.

Safe YAML only (libyaml's C parser with PyYAML's safe constructors): no tag can
build a Python object. Two YAML 1.1 surprises are undone because they destroy
real content: ``lang: no`` stays the string ``"no"`` (only ``true``/``false`` are
booleans, as in YAML 1.2), and an impossible date such as ``2021-13-45`` stays a
string for the mapping stage to report instead of failing the whole file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml's parser is ~10x faster; fall back to pure Python where missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

#: Jekyll's own test: a file is a document only when it starts with ``---``.
_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_TOP_KEY = re.compile(r"\n(?:['\"]?)([^\s#'\"][^:\n]*?)(?:['\"]?)[ \t]*:(?:[ \t]|\r?$)", re.MULTILINE)
"""A top-level key at the start of a line, in the text with a newline put before it (a pattern
that starts with a newline lets the regex engine skip from line to line instead of trying
every position); a match starts where its line starts in the text itself."""

_BOOL_1_2 = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class FrontMatterLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loader with YAML 1.2 booleans and tolerant timestamps."""


# Resolvers are class-level dicts of lists: copy them before changing anything.
FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
FrontMatterLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL_1_2, list("tTfF"))


class Yaml11Word(str):
    """A plain (unquoted) ``yes``/``no``/``on``/``off``: text for kg, a boolean for Jekyll.

    It stays the string it is (``lang: no`` is Norwegian), but remembers that
    Jekyll's YAML 1.1 reads it as a boolean, for switches like ``published``.
    """

    @property
    def jekyll_bool(self) -> bool:
        return self.lower() in ("yes", "on")


_YAML11_TAG = "tag:kg.digidemlab.org,2026:yaml11-word"
FrontMatterLoader.add_implicit_resolver(_YAML11_TAG, re.compile(r"^(?i:yes|no|on|off)$"), list("yYnNoO"))
FrontMatterLoader.add_constructor(_YAML11_TAG, lambda loader, node: Yaml11Word(loader.construct_scalar(node)))


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)  # an impossible date stays text


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class _Fallback(Exception):
    """A document the quick construction leaves to PyYAML's own (merge keys, recursion, odd keys)."""


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_BUILDING = object()


def _get_single_data(loader: FrontMatterLoader) -> Any:
    """PyYAML's ``get_single_data`` with plain maps, lists and strings built directly.

    libyaml composes the nodes in C; PyYAML then builds Python values through a
    general machinery of generators and bookkeeping that costs more than the
    parsing. Front matter is mostly maps, lists and strings, so those are built
    here in one recursive pass (an alias still gives the same object, so an
    alias bomb stays cheap); every other tag goes through the loader's own
    constructors, and anything unusual through PyYAML's whole path.
    """
    node = loader.get_single_node()
    loader.duplicates = []
    if node is None:
        return None
    try:
        return _build(loader, node, {})
    except _Fallback:
        return loader.construct_document(node)
    finally:
        loader.constructed_objects, loader.recursive_objects, loader.deep_construct = {}, {}, False
        loader.state_generators = []


def _build(loader: FrontMatterLoader, node: yaml.Node, seen: dict[int, Any]) -> Any:
    tag = node.tag
    if tag == _STR and node.__class__ is yaml.ScalarNode:
        return node.value
    if tag != _MAP and tag != _SEQ:
        return loader.construct_object(node, deep=True)
    made = seen.get(id(node))
    if made is _BUILDING:
        raise _Fallback  # a recursive alias
    if made is not None:
        return made
    seen[id(node)] = _BUILDING
    if node.__class__ is yaml.SequenceNode:
        made = [_build(loader, item, seen) for item in node.value]
    elif node.__class__ is yaml.MappingNode:
        made = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE or key_node.tag not in (_STR, "tag:yaml.org,2002:int"):
                raise _Fallback  # merge keys, and keys that may not hash, get PyYAML's own handling
            key = _build(loader, key_node, seen)
            if key in made:
                loader.duplicates.append((str(key), key_node.start_mark.line + 1 if key_node.start_mark else None))
            made[key] = _build(loader, value_node, seen)
    else:
        raise _Fallback
    seen[id(node)] = made
    return made


FrontMatterLoader.get_single_data = _get_single_data


class FrontMatterError(Exception):
    """The front matter cannot be read; carries the 1-based line in the file."""

    def __init__(self, kind: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.line = line


@dataclass
class Parsed:
    """A content file split into its parts."""

    data: dict[str, Any]
    body: str
    body_line: int
    key_lines: dict[str, int]
    has_front_matter: bool
    duplicates: list[tuple[str, int | None]] = field(default_factory=list)
    """Keys given twice in one mapping, each with the file's line of the second."""


def decode(raw: bytes) -> str:
    """Bytes → text: UTF-8 with an optional BOM, as Jekyll reads files."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw[:8192]:
        raise FrontMatterError("binary-file", "the file holds binary data, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise FrontMatterError("encoding-error", f"not valid UTF-8 ({exc.reason})", line) from None


def split(text: str) -> tuple[str | None, str, int]:
    """Return ``(front matter text or None, body, body's first line)``."""
    opened = _OPEN.match(text)
    if not opened:
        return None, text, 1
    closed = _CLOSE.search(text, opened.end())
    if not closed:
        raise FrontMatterError("unclosed-front-matter", "front matter opened with --- is never closed", 1)
    yaml_text = text[opened.end() : closed.start()]
    body_line = text.count("\n", 0, closed.end()) + 1
    if not closed.group(0).endswith("\n"):
        body_line = text.count("\n", 0, closed.end()) + 2
    return yaml_text, text[closed.end() :], body_line


MAX_DEPTH = 100
"""Front matter nested deeper than this is refused: libyaml's composer recurses, so a
hostile file of 40 000 nested brackets would crash the process, not just fail."""


def too_deep(yaml_text: str, limit: int = MAX_DEPTH) -> int | None:
    """The 1-based line (of ``yaml_text``) where nesting first passes ``limit``, if it does.

    A cheap upper bound on the depth (flow brackets, complex keys, and the widest
    run of indentation and ``-`` at a line start) rules out almost every file; only
    the rest is measured exactly, on libyaml's event stream, which does not recurse.
    libyaml has a nesting limit of its own (1000 in 0.2.6) and, in a flow collection,
    scans ahead of the events it has handed out, so it can stop on that limit before
    its events pass ours: a file it cannot parse is measured again on PyYAML's
    pure-Python event stream, which has no such limit and does not recurse either.
    Either way the depth found is kg's, so the refusal is kg's and names the line.
    """
    bound = yaml_text.count("[") + yaml_text.count("{") + yaml_text.count("?")
    bound += max((len(line) - len(line.lstrip(" -")) for line in yaml_text.splitlines()), default=0) + 1
    if bound <= limit:
        return None
    for loader in (FrontMatterLoader, yaml.SafeLoader):
        try:
            return _first_too_deep(yaml.parse(yaml_text, Loader=loader), limit)
        except yaml.YAMLError:
            continue
    return None  # the parse below reports it, with its line


def _first_too_deep(events: Any, limit: int) -> int | None:
    depth = 0
    for event in events:
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > limit:
                return event.start_mark.line + 1 if event.start_mark else 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def load_yaml(text: str) -> Any:
    """Safe YAML text → Python values; raises :class:`FrontMatterError` with the 1-based line in ``text``.

    The one way kg reads a YAML file of the site (front matter, ``_config.yml``,
    ``_data``): the depth check before libyaml, the safe loader, and every YAML
    failure as one readable message.
    """
    return load_yaml_keys(text)[0]


def load_yaml_keys(text: str) -> tuple[Any, list[tuple[str, int | None]]]:
    """:func:`load_yaml`, and the keys a mapping gives twice (the later value wins, as in Jekyll),
    each with its 1-based line in ``text``."""
    deep = too_deep(text)
    if deep is not None:
        raise FrontMatterError("yaml-error", f"YAML nested more than {MAX_DEPTH} levels deep; refused", deep)
    try:
        loader = FrontMatterLoader(text)
        try:
            data = loader.get_single_data()
            return data, list(getattr(loader, "duplicates", []))
        finally:
            loader.dispose()
    except yaml.constructor.ConstructorError as exc:
        tag = exc.problem.split("tag ", 1)[-1] if exc.problem and "tag " in exc.problem else "a tag"
        raise FrontMatterError("yaml-error", f"YAML tag {tag} refused: only plain YAML values are read "
                               "(nothing is ever constructed or run from a tag)", _line(exc)) from None
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or exc.context or "invalid YAML"
        raise FrontMatterError("yaml-error", f"YAML syntax error: {problem}", _line(exc)) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError("yaml-error", f"YAML error: {exc}", None) from None
    except RecursionError:
        raise FrontMatterError("yaml-error", "YAML nested too deeply", None) from None


def _line(exc: yaml.MarkedYAMLError) -> int | None:
    mark = exc.problem_mark or exc.context_mark
    return mark.line + 1 if mark is not None else None


def parse(text: str) -> Parsed:
    """Parse a file's text; raises :class:`FrontMatterError` with a line."""
    yaml_text, body, body_line = split(text)
    if yaml_text is None:
        return Parsed({}, body, 1, {}, False)
    try:
        data, duplicates = load_yaml_keys(yaml_text)
    except FrontMatterError as exc:  # a line of the front matter is a line of the file after '---'
        raise FrontMatterError(exc.kind, str(exc), exc.line + 1 if exc.line else None) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            "bad-front-matter", f"front matter is a {type(data).__name__}, not a mapping of keys", 2
        )
    key_lines = top_key_lines(yaml_text, 2)  # the front matter's first line is the file's second
    return Parsed({str(k): v for k, v in data.items()}, body, body_line, key_lines, True,
                  [(key, line + 1 if line else None) for key, line in duplicates])


def top_key_lines(yaml_text: str, first_line: int = 1) -> dict[str, int]:
    """The line of each top-level key of a YAML mapping (its first, if given twice); ``first_line``
    is the line number of the text's first line."""
    key_lines: dict[str, int] = {}
    line, counted = first_line, 0
    for m in _TOP_KEY.finditer("\n" + yaml_text):
        line += yaml_text.count("\n", counted, m.start())
        counted = m.start()
        key_lines.setdefault(m.group(1).strip(), line)
    return key_lines


def as_datetime(value: Any) -> dt.date | dt.datetime | None:
    """A YAML date value as a date/datetime, or ``None`` when it is not one."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    return None
