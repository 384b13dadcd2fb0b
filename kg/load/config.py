"""Read ``_config.yml`` the way Jekyll does, with documented defaults.

A site without ``_config.yml`` still builds: its URL is ``http://localhost:4000``
(what ``jekyll serve`` uses), its language ``en``, its permalink style ``date``,
and only the ``posts`` collection exists.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from pyoxigraph import NamedNode

from kg.diagnostics import Diagnostics, shown
from kg.load.documents import SiteConfig
from kg.load.frontmatter import FrontMatterError, load_yaml_keys, top_key_lines
from kg.load.jail import Jail

DEFAULT_URL = "http://localhost:4000"
DEFAULT_LANG = "en"
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"
#: A ``%`` not followed by two hex digits: no percent-encoding, so no valid URL (browsers send it as %25).
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")

#: Jekyll's built-in permalink styles (``permalink: pretty`` and friends).
PERMALINK_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}


def permalink_template(style: str) -> str:
    """A permalink style name or pattern → the pattern."""
    return PERMALINK_STYLES.get(style, style)


def read_config(jail: Jail, diags: Diagnostics) -> SiteConfig:
    """Parse the site's ``_config.yml``; problems become diagnostics, never exceptions."""
    raw: dict[str, Any] = {}
    lines: dict[str, int] = {}
    present = False
    if not os.path.lexists(os.path.join(jail.root, "_config.yml")):
        diags.add("_config.yml", "no-config", f"no _config.yml: using defaults (url {DEFAULT_URL})")
    elif jail.is_outside("_config.yml"):
        diags.add("_config.yml", "outside-site", "symlink to a file outside the site; not read, so Jekyll's "
                  "defaults are used")
    else:
        present = True
        try:
            source = jail.text("_config.yml")
            loaded, duplicates = load_yaml_keys(source)
            lines = top_key_lines(source)
            for key, line in duplicates:
                diags.add("_config.yml", "duplicate-key", f"{key!r} is given twice in one mapping; the later "
                          "value is used, as Jekyll does", line=line)
        except FrontMatterError as exc:
            diags.add("_config.yml", exc.kind, f"{exc}; using Jekyll's defaults", line=exc.line)
            loaded = {}
        except UnicodeDecodeError as exc:
            diags.add("_config.yml", "encoding-error", f"not valid UTF-8 ({exc.reason}); using Jekyll's defaults")
            loaded = {}
        except OSError as exc:
            diags.add("_config.yml", "unreadable", f"cannot read: {exc.strerror}; using Jekyll's defaults",
                      severity="error")
            loaded = {}
        if isinstance(loaded, dict):
            raw = loaded
        elif loaded is not None:
            diags.add("_config.yml", "bad-config", "the file is not a mapping of settings; ignored")

    def text(key: str) -> str | None:
        value = raw.get(key)
        return str(value).strip() if isinstance(value, (str, int, float)) and str(value).strip() else None

    url = text("url")
    if url is None:
        if present:
            diags.add("_config.yml", "no-site-url", f"no 'url': IRIs are minted under {DEFAULT_URL}")
        url = DEFAULT_URL
    url = _site_url(url, diags, lines.get("url"))
    baseurl = _baseurl(text("baseurl"), url, diags, lines.get("baseurl"))
    collections_dir = _collections_dir(jail, raw.get("collections_dir"), diags, lines.get("collections_dir"))
    collections = _collections(raw.get("collections"), diags)
    style = text("permalink") or "date"
    _check_permalinks(raw, collections, diags, lines)
    posts = collections.setdefault("posts", {"output": True})
    posts.setdefault("permalink", permalink_template(style))
    posts.setdefault("output", True)
    found_defaults = raw.get("defaults")
    defaults: list[Any] = found_defaults if isinstance(found_defaults, list) else []
    social = raw.get("social")
    links = social.get("links") if isinstance(social, dict) else None
    if isinstance(links, list):
        links = [u for u in links if not isinstance(u, str) or _splittable(u, "social: links", diags, lines)]
    logo = text("logo")
    if logo is not None and not _splittable(logo, "logo", diags, lines):
        logo = None
    return SiteConfig(
        root=Path(jail.root),
        url=url.rstrip("/"),
        baseurl=baseurl,
        title=text("title"),
        name=text("name"),
        description=text("description"),
        timezone=text("timezone"),
        lang=text("lang") or _default_lang(defaults) or DEFAULT_LANG,
        logo=logo,
        social_links=[str(u) for u in links if isinstance(u, str)] if isinstance(links, list) else [],
        collections=collections,
        defaults=[d for d in defaults if isinstance(d, dict)],
        permalink=style,
        raw=raw,
        collections_dir=collections_dir,
    )


def _collections_dir(jail: Jail, value: Any, diags: Diagnostics, line: int | None) -> str:
    """Jekyll's ``collections_dir`` as a site-relative folder ("" for none), or "" with a warning when it
    is no folder of the site."""
    if value in (None, ""):
        return ""
    folder = posixpath.normpath(str(value).strip().replace("\\", "/")).strip("/") if isinstance(value, str) else None
    if not folder or folder == "." or folder.startswith("..") or str(value).strip().startswith("/") or \
            not _a_folder_inside(jail, folder):
        diags.add("_config.yml", "bad-config", f"collections_dir {shown(value)} is no folder of the site; "
                  "collections are read from the top folder", line=line)
        return ""
    return folder


def _a_folder_inside(jail: Jail, folder: str) -> bool:
    """Whether ``folder`` is a folder inside the site; a name the system cannot take (too long, a NUL) is none."""
    try:
        return not jail.is_outside(folder) and (Path(jail.root) / folder).is_dir()
    except (OSError, ValueError):
        return False


def _site_url(url: str, diags: Diagnostics, line: int | None = None) -> str:
    """The site's ``url`` as an absolute http(s) URL: every IRI is minted under it."""
    fixed = _LONE_PERCENT.sub("%25", url)
    if fixed != url:
        diags.add("_config.yml", "bad-config", f"url {url!r} has a '%' that starts no percent-encoding; "
                  f"read as {fixed!r}", line=line)
        url = fixed
    try:
        parts = urlsplit(url)
    except ValueError:
        diags.add("_config.yml", "bad-config", f"url {url!r} is no URL (its host cannot be read); IRIs are minted "
                  f"under {DEFAULT_URL}", line=line)
        return DEFAULT_URL
    if not parts.scheme and "://" not in url and re.match(r"^[\w.-]+(:\d+)?(/.*)?$", url):
        diags.add("_config.yml", "bad-config", f"url {url!r} has no scheme; read as 'https://{url}'",
                  suggestion=f"url: https://{url}")
        url, parts = f"https://{url}", urlsplit(f"https://{url}")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        diags.add("_config.yml", "bad-config", f"url {url!r} is not an http(s) URL; IRIs are minted under "
                  f"{DEFAULT_URL}")
        return DEFAULT_URL
    safe = quote(url, safe=_URL_SAFE)
    if safe != url:
        diags.add("_config.yml", "bad-config", f"url {url!r} holds characters a URL may not; read as {safe!r}",
                  line=line)
    if not _is_iri(safe.rstrip("/") + "/"):
        diags.add("_config.yml", "bad-config", f"url {url!r} is not a URL an IRI can be made from (its host or "
                  f"port cannot be); IRIs are minted under {DEFAULT_URL}", line=line)
        return DEFAULT_URL
    return safe


def _baseurl(value: str | None, url: str, diags: Diagnostics, line: int | None) -> str:
    """``baseurl`` as ``/path`` (or ``""``): valid in a URL, and inside the site's URL."""
    if not value:
        return ""
    baseurl = "/" + value.strip("/")
    fixed = _LONE_PERCENT.sub("%25", baseurl)
    if fixed != baseurl:
        diags.add("_config.yml", "bad-config", f"baseurl {value!r} has a '%' that starts no percent-encoding; "
                  f"read as {fixed!r}", line=line)
        baseurl = fixed
    segments = baseurl.split("/")
    kept = [s for s in segments if s not in (".", "..")]
    if len(kept) != len(segments):
        read = "/".join(kept).rstrip("/")
        diags.add("_config.yml", "bad-config", f"baseurl {value!r} has '.' or '..' segments, which would lead "
                  f"out of the site's URL; read as {read or '(none)'!r}", line=line)
        baseurl = read
    if baseurl and quote(baseurl, safe=_URL_SAFE) != baseurl:
        diags.add("_config.yml", "bad-config", f"baseurl {baseurl!r} holds characters a URL may not; "
                  f"read as {quote(baseurl, safe=_URL_SAFE)!r}", line=line)
        baseurl = quote(baseurl, safe=_URL_SAFE)
    if baseurl and ("?" in baseurl or "#" in baseurl or not _is_iri(url.rstrip("/") + baseurl + "/")):
        diags.add("_config.yml", "bad-config", f"baseurl {value!r} cannot be the path of a URL; ignored", line=line)
        return ""
    return baseurl


def _check_permalinks(raw: dict[str, Any], collections: dict[str, dict[str, Any]], diags: Diagnostics,
                      lines: dict[str, int]) -> None:
    """A ``%`` in a permalink pattern of ``_config.yml`` that starts no percent-encoding: said once, here."""
    found: list[tuple[str, Any, int | None]] = [("permalink", raw.get("permalink"), lines.get("permalink"))]
    for name, settings in collections.items():
        found.append((f"collections: {name}: permalink", settings.get("permalink"), lines.get("collections")))
    defaults = raw.get("defaults")
    for entry in defaults if isinstance(defaults, list) else []:
        values = entry.get("values") if isinstance(entry, dict) else None
        if isinstance(values, dict):
            found.append(("defaults: permalink", values.get("permalink"), lines.get("defaults")))
    for where, value, line in found:
        if isinstance(value, str) and _LONE_PERCENT.search(value):
            diags.add("_config.yml", "bad-permalink", f"{where} {value!r} has a '%' that starts no "
                      "percent-encoding; in IRIs it is written %25, as browsers send it", line=line)


def _splittable(url: str, key: str, diags: Diagnostics, lines: dict[str, int]) -> bool:
    try:
        urlsplit(url.strip())
    except ValueError:
        diags.add("_config.yml", "bad-config", f"{key}: {shown(url)} is no URL (its host cannot be read); ignored",
                  line=lines.get(key.split(":")[0]))
        return False
    return True


def _is_iri(text: str) -> bool:
    try:
        NamedNode(text)
    except ValueError:
        return False
    return True


def _collections(value: Any, diags: Diagnostics) -> dict[str, dict[str, Any]]:
    """``collections:`` may be a mapping or a list of labels."""
    if isinstance(value, dict):
        return {str(k): dict(v) if isinstance(v, dict) else {} for k, v in value.items()}
    if isinstance(value, list):
        return {str(k): {} for k in value}
    if value is not None:
        diags.add("_config.yml", "bad-config", "'collections' is neither a mapping nor a list; ignored")
    return {}


def _default_lang(defaults: list[Any]) -> str | None:
    """The ``lang`` of the broadest defaults entry (empty path), if any."""
    for entry in defaults:
        if not isinstance(entry, dict):
            continue
        scope = entry.get("scope") or {}
        values = entry.get("values") or {}
        if (isinstance(scope, dict) and not scope.get("path") and isinstance(values, dict)
                and isinstance(values.get("lang"), str)):
            return values["lang"]
    return None
