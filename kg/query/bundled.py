"""The bundled queries (``kg/queries/*.rq``) and how a QUERY argument is understood.

Each bundled query starts with a comment block: the first line says what it
answers (``kg query --list`` shows it), further lines explain, and each
``@param`` line declares a parameter::

    # The clients and partners of one organisation, with the years of each project.
    # @param org: the organisation's name in any spelling or language, e.g. "Open Source Politics"
    # @param lang = "en": language of the names shown

A parameter with ``= "default"`` is optional; one without is required, and its
description ends with an example value, ``e.g. "…"``, which ``kg query --list``, the
landing page of ``kg serve``, the docs and the tests use (:attr:`Param.example`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from kg.diagnostics import SiteError

QUERIES_PACKAGE = "kg.queries"

_PARAM = re.compile(r'^@param\s+(?P<name>\w+)\s*(?:=\s*"(?P<default>[^"]*)"\s*)?:\s*(?P<description>.*)$')
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_EXAMPLE = re.compile(r'\be\.g\.\s*"(?P<example>[^"]+)"\s*$')


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    default: str | None = None
    example: str | None = None
    """A value to try (the ``e.g. "…"`` ending the description), for the docs, the landing page and the tests."""

    @property
    def sample(self) -> str | None:
        """What to fill in when trying the query: the example, else the default."""
        return self.example if self.example is not None else self.default


@dataclass(frozen=True)
class BundledQuery:
    """One query shipped with kg."""

    name: str
    """The file name without ``.rq``: what ``kg query NAME`` takes."""
    summary: str
    """What it answers, in one line."""
    description: str
    """The whole leading comment, without ``#``."""
    params: tuple[Param, ...]
    text: str
    file: str

    @property
    def usage(self) -> str:
        """How to run it from the command line, parameters included."""
        parts = [f"kg query {self.name}"]
        for p in self.params:
            parts.append(f'[--param {p.name}="{p.default}"]' if p.default is not None else f"--param {p.name}=…")
        return " ".join(parts)


def parse_bundled(name: str, text: str, file: str) -> BundledQuery:
    """Read a bundled query's header comment."""
    comments: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        comments.append(stripped[1:].strip())
    params: list[Param] = []
    prose: list[str] = []
    for comment in comments:
        match = _PARAM.match(comment)
        if match:
            description = match["description"].strip()
            example = _EXAMPLE.search(description)
            if match["default"] is None and example is None:
                raise ValueError(f'{file}: @param {match["name"]} is required, so its description must end with '
                                 'an example value, e.g. "…"')
            params.append(Param(match["name"], description, match["default"],
                                example["example"] if example else None))
        else:
            prose.append(comment)
    summary = prose[0] if prose and prose[0] else ""
    if not summary:
        raise ValueError(f"{file}: a bundled query must start with a comment saying what it answers")
    return BundledQuery(name, summary, "\n".join(prose).strip(), tuple(params), text, file)


@cache
def bundled_queries() -> dict[str, BundledQuery]:
    """Every bundled query by name, sorted by name."""
    out: dict[str, BundledQuery] = {}
    folder = resources.files(QUERIES_PACKAGE)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            out[name] = parse_bundled(name, entry.read_text(encoding="utf-8"), f"kg/queries/{entry.name}")
    return out


def resolve_query(query: str) -> tuple[str, BundledQuery | None, str | None]:
    """The SPARQL text of QUERY: a bundled query's name, a ``.rq`` file, or SPARQL itself.

    Returns the text, the bundled query's description (for its parameters) if it is
    one, and the file the text came from (for error messages) if any. A query that
    could hold a ``SERVICE`` clause is refused here, before any site is built for it
    (:class:`kg.query.ServiceNotAllowed`).
    """
    text, found, file = _resolve(query)
    from kg.query import refuse_service  # kg.query imports this module

    refuse_service(text, file)
    return text, found, file


def _resolve(query: str) -> tuple[str, BundledQuery | None, str | None]:
    stripped = query.strip()
    if _NAME.match(stripped):
        found = bundled_queries().get(stripped)
        if found is None:
            raise SiteError(f"no bundled query named {stripped!r}; `kg query --list` shows them"
                            + _did_you_mean(stripped))
        return found.text, found, found.file
    if "\n" not in stripped and stripped.lower().endswith((".rq", ".sparql")):
        path = Path(stripped)
        try:
            return path.read_text(encoding="utf-8"), None, stripped
        except FileNotFoundError:
            raise SiteError("no such query file", stripped) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise SiteError(f"cannot read query file: {getattr(exc, 'strerror', None) or exc}", stripped) from None
    return query, None, None


def _did_you_mean(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(bundled_queries()), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""
