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
        self.items.append(Diagnostic(file, line, kind, message, suggestion, severity))

    def sorted(self) -> list[Diagnostic]:
        """Unique diagnostics, by file, line and kind: the same for any file order."""
        return sorted(set(self.items), key=lambda d: (d.file, d.line or 0, d.kind, d.message, d.suggestion or ""))

    def by_kind(self) -> dict[str, int]:
        return dict(sorted(Counter(d.kind for d in self.sorted()).items()))

    def __len__(self) -> int:
        return len(set(self.items))


__all__ = ["Diagnostic", "Diagnostics", "SiteError", "shown"]
