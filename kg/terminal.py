"""What ``kg build`` prints: warnings a person reads in one screen, and ``--explain``.

However big the site, the terminal shows each kind of warning once with its first few
lines (errors first), an unknown key once per key and collection (how many documents,
the first file and line), and says where the rest is: ``build-report.json`` holds every
warning, and ``--strict`` counts them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from kg.diagnostics import Diagnostic

if TYPE_CHECKING:
    from kg.pipeline import BuildResult

PER_KIND = 5
"""Lines shown for each kind of warning; the rest are counted and left to the build report."""


def warning_lines(result: BuildResult, report_file: str, per_kind: int = PER_KIND) -> Iterator[tuple[str, str]]:
    """``(text, "error" | "warning")`` lines: by kind, errors first, at most ``per_kind`` lines each."""
    by_kind: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        by_kind.setdefault(diagnostic.kind, []).append(diagnostic)
    order = sorted(by_kind, key=lambda kind: (not any(d.severity == "error" for d in by_kind[kind]), kind))
    for kind in order:
        items = by_kind[kind]
        if kind == "unknown-key" and result.unknown_keys:
            lines = [(_unknown_line(entry), "warning") for entry in result.unknown_keys]
            shown, rest = lines[:per_kind], len(lines) - per_kind
            yield from shown
            if rest > 0:
                left = sum(entry["documents"] for entry in result.unknown_keys[per_kind:])
                yield (f"… and {rest} more unknown key{'s' if rest != 1 else ''} ({left} warnings); "
                       f"see {report_file}", "warning")
            continue
        for diagnostic in items[:per_kind]:
            yield str(diagnostic), diagnostic.severity
        if len(items) > per_kind:
            rest = len(items) - per_kind
            worst = "error" if any(d.severity == "error" for d in items[per_kind:]) else "warning"
            yield f"… and {rest} more [{kind}]; see {report_file}", worst


def _unknown_line(entry: dict[str, Any]) -> str:
    first = entry["first"]
    where = first["file"] if first["line"] is None else f"{first['file']}:{first['line']}"
    many = entry["documents"]
    text = f"{where}: warning [unknown-key] unknown key {entry['key']!r}: not mapped"
    if many > 1:
        text += f", in {many} documents of {entry['folder']} (this is the first)"
    if entry.get("suggestion"):
        text += f" (did you mean {entry['suggestion']}?)"
    return text


def explain_lines(result: BuildResult) -> Iterator[str]:
    """How each collection was read and why: two lines each (``kg build --explain``)."""
    # The site's own pages (folder ".") are shown as "(pages)", and not at all when there are none.
    entries = [e for e in result.collections if e["folder"] != "." or e["documents"]]
    width = max((len("(pages)" if e["folder"] == "." else e["folder"]) for e in entries), default=10) + 2
    yield "How the site was read:"
    for entry in entries:
        folder = ("(pages)" if entry["folder"] == "." else entry["folder"]).ljust(width)
        if entry["class"] is None:
            files = entry["files"]
            yield f"  {folder}not read: {entry['evidence']} ({files} content file{'s' if files != 1 else ''})"
            continue
        if not entry["documents"]:
            yield f"  {folder}no documents"
            continue
        noun = "record" if entry["collection"].startswith("data:") else "document"
        count = f"{entry['documents']} {noun}{'s' if entry['documents'] != 1 else ''}"
        how = {"mapping": "by the mapping: ", "name": "by its name: ", "keys": "by its keys: ",
               "default": "by default: ", "jekyll": ""}[entry["how"]]
        reason = entry["evidence"] if entry["how"] != "name" else entry["evidence"].removeprefix("name ")
        yield f"  {folder}{entry['class']:<13}{how}{reason}; {count}"
        parts = []
        if entry["read_as"]:
            parts.append("read " + ", ".join(f"{fact} ← {key} ({n})" for fact, keys in entry["read_as"].items()
                                            for key, n in keys.items()))
        if entry.get("projects_by_keys"):
            parts.append(f"{entry['projects_by_keys']} read as projects by their keys")
        if entry["pages"]:
            parts.append(f"{entry['pages']} page{'s' if entry['pages'] != 1 else ''}, "
                         f"e.g. {entry['example_page']}")
        elif entry.get("no_pages"):
            parts.append(f"not output: {entry['no_pages']}")
        if parts:
            yield " " * (width + 2) + "; ".join(parts)
