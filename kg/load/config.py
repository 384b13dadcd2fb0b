"""Read ``_config.yml`` the way Jekyll does, with documented defaults.

A site without ``_config.yml`` still builds: its URL is ``http://localhost:4000``
(what ``jekyll serve`` uses), its language ``en``, its permalink style ``date``,
and only the ``posts`` collection exists.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from kg.diagnostics import Diagnostics
from kg.load.documents import SiteConfig
from kg.load.frontmatter import FrontMatterError, load_yaml

DEFAULT_URL = "http://localhost:4000"
DEFAULT_LANG = "en"
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"

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


def read_config(root: Path, diags: Diagnostics) -> SiteConfig:
    """Parse ``root/_config.yml``; problems become diagnostics, never exceptions."""
    path = root / "_config.yml"
    raw: dict[str, Any] = {}
    if path.is_file():
        try:
            loaded = load_yaml(path.read_text(encoding="utf-8-sig"))
        except FrontMatterError as exc:
            diags.add("_config.yml", exc.kind, f"{exc}; using Jekyll's defaults", line=exc.line)
            loaded = {}
        except UnicodeDecodeError as exc:
            diags.add("_config.yml", "encoding-error", f"not valid UTF-8 ({exc.reason}); using Jekyll's defaults")
            loaded = {}
        if isinstance(loaded, dict):
            raw = loaded
        elif loaded is not None:
            diags.add("_config.yml", "bad-config", "the file is not a mapping of settings; ignored")
    else:
        diags.add("_config.yml", "no-config", f"no _config.yml: using defaults (url {DEFAULT_URL})")

    def text(key: str) -> str | None:
        value = raw.get(key)
        return str(value).strip() if isinstance(value, (str, int, float)) and str(value).strip() else None

    url = text("url")
    if url is None:
        if path.is_file():
            diags.add("_config.yml", "no-site-url", f"no 'url': IRIs are minted under {DEFAULT_URL}")
        url = DEFAULT_URL
    url = _site_url(url, diags)
    baseurl = ("/" + (text("baseurl") or "").strip("/")) if text("baseurl") else ""
    if baseurl and quote(baseurl, safe=_URL_SAFE) != baseurl:
        diags.add("_config.yml", "bad-config", f"baseurl {baseurl!r} holds characters a URL may not; "
                  f"read as {quote(baseurl, safe=_URL_SAFE)!r}")
        baseurl = quote(baseurl, safe=_URL_SAFE)
    collections = _collections(raw.get("collections"), diags)
    style = text("permalink") or "date"
    posts = collections.setdefault("posts", {"output": True})
    posts.setdefault("permalink", permalink_template(style))
    posts.setdefault("output", True)
    defaults = raw.get("defaults") if isinstance(raw.get("defaults"), list) else []
    social = raw.get("social")
    links = social.get("links") if isinstance(social, dict) else None
    return SiteConfig(
        root=root,
        url=url.rstrip("/"),
        baseurl=baseurl,
        title=text("title"),
        name=text("name"),
        description=text("description"),
        timezone=text("timezone"),
        lang=text("lang") or _default_lang(defaults) or DEFAULT_LANG,
        logo=text("logo"),
        social_links=[str(u) for u in links if isinstance(u, str)] if isinstance(links, list) else [],
        collections=collections,
        defaults=[d for d in defaults if isinstance(d, dict)],
        permalink=style,
        raw=raw,
    )


def _site_url(url: str, diags: Diagnostics) -> str:
    """The site's ``url`` as an absolute http(s) URL: every IRI is minted under it."""
    parts = urlsplit(url)
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
        diags.add("_config.yml", "bad-config", f"url {url!r} holds characters a URL may not; read as {safe!r}")
    return safe


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
