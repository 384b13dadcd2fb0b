"""Warnings and errors about the site's content, each naming a file and line.

A build never stops at the first bad file: every stage records a
:class:`Diagnostic` and goes on. The build report lists them all, and the CLI
prints each as one readable line.
"""

from __future__ import annotations

import reprlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from kg.errors import SiteError  # the site as a whole cannot be read (exit 2); see kg.errors

_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxtuple, _SHORT.maxset = 2, 4, 4, 4, 4
_SHORT.maxstring = _SHORT.maxother = 80


def shown(value: Any) -> str:
    """A value as a message quotes it: its repr, cut short.

    Content values can be anything YAML builds, including a "billion laughs" list
    whose full repr would never end; this one is bounded.
    """
    return _SHORT.repr(value)


KINDS: dict[str, str] = {
    # reading files
    "yaml-error": "the front matter (or a data file) is no valid YAML, or uses a tag; the file is skipped",
    "no-front-matter": "a collection's file without front matter (--- … ---): a static file, no document",
    "unclosed-front-matter": "front matter opened with --- and never closed; the file is skipped",
    "bad-front-matter": "front matter that is not a mapping of keys; the file is skipped",
    "encoding-error": "a file that is not UTF-8; skipped",
    "binary-file": "a file of binary data in a content folder; skipped",
    "file-too-large": "a file over --max-file-bytes; skipped",
    "unreadable": "a file or folder that cannot be read, or is no regular file",
    "reader-crash": "the process reading a file died (a crash inside a parser); that file is skipped",
    "duplicate-key": "a key given twice in one mapping; the later value is used, as Jekyll does",
    # the site's folders and configuration
    "no-config": "no _config.yml: Jekyll's defaults are used",
    "no-site-url": "no url: in _config.yml: IRIs are minted under a placeholder host",
    "bad-config": "a _config.yml setting kg cannot use (a timezone, a collections_dir that is no folder …)",
    "unread-folder": "a _folder of content that is no collection: Jekyll renders none of it",
    "unconfigured-collection": "a folder kg reads that _config.yml does not list: its documents have no URL",
    "outside-site": "a symlink to a place outside the site; not followed",
    "symlink-loop": "a symlink to a folder that holds it; not followed",
    "symlink-duplicate": "a second link to a folder read anyway; not followed again",
    "bad-mapping": "a kg: mapping that names no collection or key kg knows, or a class that does not exist",
    "mapping-conflict": "two mappings (kg: in _config.yml and _data/kg/mapping.yml) say different things",
    "bad-registry": "an entry of _data/kg/registry.yml that cannot be used (an alias naming two entries …)",
    # values
    "bad-post-name": "a post whose file name does not start with a date; Jekyll skips it",
    "bad-date": "a date that is no date; the file name's is used",
    "bad-year-range": "a year value that is no year or range of years; no dates are stated",
    "bad-type": "a value of the wrong type (a list where text belongs, a lang: that is no language tag)",
    "bad-text": "text that cannot be used as it is (control characters, markup where a name belongs)",
    "bad-url": "a URL no parser can split, or with a % that starts no percent-encoding",
    "bad-permalink": "a permalink with a placeholder Jekyll does not know, or a lone %",
    "missing-title": "a person or organisation page without a name; skipped",
    "unknown-key": "a front-matter key no mapper reads (summarised per key and collection)",
    # references and names
    "dangling-reference": "a reference to a file that does not exist, or is not read (and why)",
    "bad-reference": "a reference to a file of the wrong kind (a theme: that is not a theme)",
    "duplicate-translation": "two pages of one ref in one language; the first is the translation",
    "merged-by-translation": "two spellings taken as one organisation, with the evidence",
    "proposed-merge": "two spellings that may be one organisation, kept apart for a maintainer to confirm",
}
"""Every kind of diagnostic kg gives, and what it means: the one table the README's list is tested against."""


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One thing wrong (or worth confirming) in the site's content."""

    file: str
    """Site-relative path of the file, POSIX separators."""
    line: int | None
    """1-based line in that file, where one is known."""
    kind: str
    """Machine-readable kind, e.g. ``yaml-error``, ``dangling-reference``."""
    message: str
    suggestion: str | None = None
    severity: str = "warning"
    """``warning`` (the build goes on) or ``error`` (the file was skipped)."""

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{where}: {self.severity} [{self.kind}] {self.message}"
        if self.suggestion:
            text += f" (did you mean {self.suggestion}?)"
        return text


@dataclass
class Diagnostics:
    """The diagnostics one build collects, kept in a deterministic order."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        file: str,
        kind: str,
        message: str,
        *,
        line: int | None = None,
        suggestion: str | None = None,
        severity: str = "warning",
    ) -> None:
        if kind not in KINDS:
            raise ValueError(f"diagnostic kind {kind!r} is not in kg.diagnostics.KINDS")  # a bug in kg
        self.items.append(Diagnostic(file, line, kind, message, suggestion, severity))

    def sorted(self) -> list[Diagnostic]:
        """Unique diagnostics, by file, line and kind: the same for any file order."""
        return sorted(set(self.items), key=lambda d: (d.file, d.line or 0, d.kind, d.message, d.suggestion or ""))

    def by_kind(self) -> dict[str, int]:
        return dict(sorted(Counter(d.kind for d in self.sorted()).items()))

    def __len__(self) -> int:
        return len(set(self.items))


__all__ = ["KINDS", "Diagnostic", "Diagnostics", "SiteError", "shown"]
