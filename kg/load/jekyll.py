"""Jekyll's rules for documents: front-matter defaults, dates, slugs and URLs.

Each function mirrors one piece of Jekyll 4 (``FrontmatterDefaults``,
``Utils.slugify``, ``Drops::UrlDrop``, ``URL``) so that the graph names pages by
the same URLs the site really has.
"""

from __future__ import annotations

import datetime as dt
import re
from copy import deepcopy
from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kg.diagnostics import shown
from kg.load.frontmatter import Yaml11Word

#: ``YYYY-MM-DD-slug.ext``: the post file-name pattern (Document::DATE_FILENAME_MATCHER).
POST_NAME = re.compile(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$")
# Python's \w is letters, digits and '_'; Jekyll keeps letters, digits and marks
# (\p{M}: the combining accents of NFD file names) but not '_'.
_SLUG_DEFAULT = re.compile(r"(?:[^\w\u0300-\u036f]|_)+")
_SLUG_PRETTY = re.compile(r"[^\w\u0300-\u036f._~!$&'()+,;=@]+")
_SAFE_URL = re.compile(r"^[a-zA-Z0-9./-]+$")
#: Characters Jekyll leaves as they are in a URL path (RFC 3986 pchar and '/').
_PATH_SAFE = "/!$&'()*+,;=:@-._~%"

def truthy(value: Any) -> bool:
    """Whether Jekyll takes a setting as true: Ruby truthiness of the YAML 1.1 value.

    kg reads YAML with 1.2 booleans so that ``lang: no`` stays Norwegian, but Jekyll's
    YAML 1.1 makes an unquoted ``published: no``/``off`` false; for switches, read them
    as Jekyll does (a quoted ``'no'`` is text, and text is true in Ruby).
    """
    if isinstance(value, Yaml11Word):
        return value.jekyll_bool
    return value is not None and value is not False


OUTPUT_EXTS = {".md": ".html", ".markdown": ".html", ".mkd": ".html", ".mkdn": ".html", ".html": ".html"}


def slugify(text: str, mode: str = "default", cased: bool = False) -> str:
    """Jekyll's ``Utils.slugify`` in its ``default`` and ``pretty`` modes."""
    if mode == "raw":
        slug = re.sub(r"\s+", "-", text)
    elif mode == "pretty":
        slug = _SLUG_PRETTY.sub("-", text)
    else:
        slug = _SLUG_DEFAULT.sub("-", text)
    slug = re.sub(r"^-|-$", "", slug)
    return slug if cased else slug.lower()


def escape_path(path: str) -> str:
    """Jekyll's ``URL.escape_path``: percent-encode what a path may not hold."""
    if not path or _SAFE_URL.match(path):
        return path
    return quote(path, safe=_PATH_SAFE.replace("%", "")).replace("#", "%23")


def sanitize_url(url: str) -> str:
    """Jekyll's ``URL#sanitize_url``: no dot segments, no doubled slashes."""
    url = re.sub(r"/\.{1,2}/", "/", url)
    return ("/" + url).replace("//", "/") if not url.startswith("/") else re.sub(r"/+", "/", url)


def fill_template(template: str, placeholders: dict[str, str]) -> str:
    """Replace ``:name`` placeholders; unknown ones are left for the caller to report."""

    def repl(match: re.Match[str]) -> str:
        name = match.group(1)
        for key in (name, name.rstrip("_")):
            if key in placeholders:
                return escape_path(placeholders[key])
        return match.group(0)

    return re.sub(r":([a-z_]+)", repl, template).replace("//", "/")


def placeholders(
    collection: str, rel_in_collection: str, slug_source: str, date: dt.date | None, data: dict[str, Any], ext: str
) -> dict[str, str]:
    """The values of Jekyll's ``UrlDrop`` for one document."""
    stem = rel_in_collection.rsplit(".", 1)[0] if "." in rel_in_collection.rsplit("/", 1)[-1] else rel_in_collection
    explicit_slug = data.get("slug")
    if not isinstance(explicit_slug, (str, int, float)) or isinstance(explicit_slug, bool):
        explicit_slug = None  # only text makes a slug (a list or mapping here is the mapper's to report)
    title = slugify(str(explicit_slug), "pretty", cased=True) if explicit_slug else slugify(slug_source, "pretty", True)
    values = {
        "collection": collection,
        "path": stem,
        "name": slugify(slug_source.rsplit("/", 1)[-1]),
        "title": title,
        "slug": slugify(str(explicit_slug)) if explicit_slug else slugify(slug_source),
        "output_ext": OUTPUT_EXTS.get(ext.lower(), ext),
        "categories": "/".join(dict.fromkeys(str(c).lower() for c in _as_list(data.get("categories"))
                                             if isinstance(c, (str, int, float)) and not isinstance(c, bool))),
    }
    if date is not None:
        day = date.date() if isinstance(date, dt.datetime) else date
        values.update(
            year=f"{day.year:04d}",
            month=f"{day.month:02d}",
            day=f"{day.day:02d}",
            i_month=str(day.month),
            i_day=str(day.day),
            short_year=f"{day.year % 100:02d}",
            y_day=f"{day.timetuple().tm_yday:03d}",
        )
        if isinstance(date, dt.datetime):
            values.update(hour=f"{date.hour:02d}", minute=f"{date.minute:02d}", second=f"{date.second:02d}")
    return values


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return value.split()
    return [value]


def apply_defaults(defaults: list[dict[str, Any]], path: str, collection_type: str, data: dict[str, Any]) -> None:
    """Merge ``_config.yml`` defaults into ``data`` (the file's own keys win).

    As in Jekyll, every matching scope applies; a more specific path scope
    (more path segments) wins over a broader one, and a later entry over an
    earlier one of the same specificity.
    """
    matching: list[tuple[int, int, dict[str, Any]]] = []
    for index, entry in enumerate(defaults):
        scope = entry.get("scope")
        values = entry.get("values")
        if not isinstance(values, dict):
            continue
        scope = scope if isinstance(scope, dict) else {}
        scope_type = scope.get("type")
        if scope_type and str(scope_type) != collection_type:
            continue
        scope_path = str(scope.get("path") or "").strip("/")
        if scope_path and not _path_in_scope(path, scope_path):
            continue
        matching.append((len([p for p in scope_path.split("/") if p]) * 2 + (1 if scope_type else 0), index, values))
    merged: dict[str, Any] = {}
    for _, _, values in sorted(matching, key=lambda m: (m[0], m[1])):
        if all(type(value) in _IMMUTABLE for value in values.values()):
            merged.update(values)  # nothing to copy: the same as the deep merge below, at a fraction of the cost
        else:
            _deep_merge(merged, deepcopy(values))
    for key, value in merged.items():
        if key not in data:
            data[key] = value
        elif isinstance(value, dict) and isinstance(data[key], dict):
            combined = deepcopy(value)
            _deep_merge(combined, data[key])
            data[key] = combined


_IMMUTABLE = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime})


def _path_in_scope(path: str, scope_path: str) -> bool:
    if "*" in scope_path or "?" in scope_path:
        return fnmatchcase(path, scope_path) or fnmatchcase(path, scope_path + "/*")
    return path == scope_path or path.startswith(scope_path + "/")


def _deep_merge(into: dict[str, Any], other: dict[str, Any]) -> None:
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _deep_merge(into[key], value)
        else:
            into[key] = value


_DATE_TEXT = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$",
    re.IGNORECASE,
)


class BadDate(ValueError):
    """A date value that no calendar has."""


def site_zone(name: str | None) -> dt.tzinfo | None:
    """The site's ``timezone`` setting as a tzinfo (``None`` when unset or unknown)."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "America" is a folder, or a name too long
        return None


def parse_date(value: Any, zone: dt.tzinfo | None) -> dt.date | dt.datetime:
    """A front-matter date → ``date`` (date only) or an aware ``datetime``.

    Times without an offset are in the site's time zone, as Jekyll reads them;
    times with an offset are converted to it, so the graph states each instant
    in one zone. Raises :class:`BadDate` for text that is no real date.
    """
    if isinstance(value, dt.datetime):
        # YAML reads an unquoted time without an offset as UTC (so does Jekyll's Psych).
        moment = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    elif isinstance(value, dt.date):
        return value
    elif isinstance(value, str):
        match = _DATE_TEXT.match(value)
        if not match:
            raise BadDate(f"{shown(value)} is not a date (expected YYYY-MM-DD, optionally with a time)")
        year, month, day, hour, minute, second, fraction, offset = match.groups()
        try:
            if hour is None:
                return dt.date(int(year), int(month), int(day))
            moment = dt.datetime(
                int(year), int(month), int(day), int(hour), int(minute), int(second or 0),
                int((fraction or "0")[:6].ljust(6, "0")),
            )
        except ValueError as exc:
            raise BadDate(f"{shown(value)} is not a real date ({exc})") from None
        if offset:
            if offset.upper() == "Z":
                moment = moment.replace(tzinfo=dt.UTC)
            else:
                digits = offset[1:].replace(":", "")
                hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
                if hours > 23 or minutes > 59:
                    raise BadDate(f"{shown(value)} has the offset {offset}, which no time zone has "
                                  "(from -23:59 to +23:59)")
                delta = dt.timedelta(hours=hours, minutes=minutes)
                moment = moment.replace(tzinfo=dt.timezone(delta if offset[0] == "+" else -delta))
    else:
        raise BadDate(f"{shown(value)} is a {type(value).__name__}, not a date")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone or dt.UTC)
    try:
        if zone is not None:
            moment = moment.astimezone(zone)
        moment.astimezone(dt.UTC)  # the instant itself must fall in the years 1–9999
    except OverflowError:
        raise BadDate(f"{shown(value)} falls outside the years 1 to 9999 once its offset is applied") from None
    return moment
