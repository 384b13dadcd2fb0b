"""Load stage: a Jekyll site folder → :class:`Site` (configuration + documents).

Reads ``_config.yml``, every configured collection (``_posts``, ``_clients``, ``_themes``
and ``_crew`` always, ``_drafts`` on request), ``_data`` and the maintainer's mapping;
says what each collection is (:mod:`kg.load.collections`) and names every folder of
content it does not read. Follows Jekyll's rules for defaults, dates, slugs,
``published`` and URLs. Nothing outside the site folder is read: every read goes
through :class:`kg.load.jail.Jail`, and symlinks that leave the site, or loop, are
skipped with a warning.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kg.diagnostics import Diagnostics, SiteError, shown
from kg.load import collections as site_collections
from kg.load import folders, frontmatter, jekyll, records
from kg.load.config import permalink_template, read_config
from kg.load.documents import Document, Site, SiteConfig
from kg.load.frontmatter import Yaml11Word
from kg.load.jail import SKIP_PREFIXES, Jail
from kg.load.mapping import read_mapping
from kg.load.meaning import SITE_PAGES
from kg.load.workers import read_documents

__all__ = ["CONTENT_EXTS", "MAX_FILE_BYTES", "Document", "Site", "SiteConfig", "load_site"]

CONTENT_EXTS = {".md", ".markdown", ".mkd", ".mkdn", ".html", ".htm"}
#: Files larger than this are skipped (a content page is kilobytes, not megabytes).
MAX_FILE_BYTES = 2 * 1024 * 1024
#: A BCP 47 language tag, loosely: ``sv``, ``en-GB``, ``zh-Hant-TW``.
#: A ``:name`` left in a URL after filling: a placeholder Jekyll does not know.
_PLACEHOLDER = re.compile(r":[a-z_]+")
_LANG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")

Progress = Callable[[int, int], None]

def load_site(
    root: str | Path,
    *,
    drafts: bool = False,
    diagnostics: Diagnostics | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Site:
    """Read the site at ``root``; raises :class:`SiteError` only when it cannot be read at all.

    Big sites are read by ``workers`` processes (default: one per core, see
    :mod:`kg.load.workers`); the result is the same with any number.
    """
    root = Path(root)
    diags = diagnostics if diagnostics is not None else Diagnostics()
    if not root.exists():
        raise SiteError(f"no such site folder: {root}")
    if not root.is_dir():
        raise SiteError(f"not a folder: {root}")
    try:
        os.listdir(root)
    except OSError as exc:
        raise SiteError(f"cannot read the site folder {root}: {exc.strerror}") from None
    jail = Jail(root)
    config = read_config(jail, diags)
    zone = jekyll.site_zone(config.timezone)
    if config.timezone and zone is None:
        diags.add("_config.yml", "bad-config", f"unknown timezone {shown(config.timezone)}; dates stay as written")

    files: set[str] = set()
    data, data_paths = _load_data(jail, diags, files)
    mapping = read_mapping(jail, config.raw, data, data_paths, diags)
    if mapping.organisation.get("name"):
        config.name = mapping.organisation["name"]  # the maintainer's word for the site's own organisation
    folders.check_declared(root, config, mapping, diags)
    labels = folders.labels_to_read(root, config, mapping, drafts)
    found: list[tuple[str, str]] = []  # (collection, site-relative path)
    for label in labels:
        tops = [config.folder_of(label)] + (_nested_posts(root, config.collections_dir) if label == "posts" else [])
        for top in tops:
            for rel in jail.walk(top, diags):
                files.add(rel)
                if Path(rel).suffix.lower() in CONTENT_EXTS:
                    found.append((label, rel))
    pages = _pages_label(labels, mapping)
    if pages is not None:
        taken = {os.path.realpath(root / rel) for _, rel in found}  # a collection's file linked from a page folder
        found += [(pages, rel) for rel in folders.page_files(jail, config, CONTENT_EXTS, diags)
                  if os.path.realpath(root / rel) not in taken]
        labels = [*labels, pages]
    found.sort(key=lambda item: item[1])
    unread = folders.unread_folders(jail, config, mapping, labels, drafts, CONTENT_EXTS, diags, pages is not None)

    def read_one(label: str, rel: str, into: Diagnostics) -> Document | None:
        return _load_document(jail, rel, label, config, zone, into, max_file_bytes, page=label == pages)

    documents = read_documents(found, read_one, diags, workers=workers, progress=progress)
    unread.update(folders.skipped_reasons([rel for _, rel in found], documents, diags))
    classes = site_collections.classify(config, mapping, labels, documents)
    folders.warn_unconfigured(jail, config, labels, classes, diags)
    read, record_classes = records.read_records(jail, config, mapping, data, data_paths, diags)
    classes.update(record_classes)
    return Site(config=config, documents=documents, data=data, files=files, data_paths=data_paths,
                collections=classes, records=read, unread=unread, mapping=mapping)

def _pages_label(labels: list[str], mapping) -> str | None:
    """The label the site's pages are read under (:data:`SITE_PAGES`), unless the mapping ignores them;
    ``site-pages`` when a collection is itself called ``pages``."""
    label = SITE_PAGES if SITE_PAGES not in labels else "site-pages"
    declared = mapping.collections.get(label)
    return None if declared is not None and declared.cls == "ignore" else label


_NOT_CONTENT = {"node_modules", "vendor", "_site", ".git", ".jekyll-cache", "output"}

def _nested_posts(root: Path, collections_dir: str = "") -> list[str]:
    """``en/_posts`` and the like: posts folders inside ordinary folders (their path gives categories);
    inside ``collections_dir`` when the site has one."""
    out = []
    top = root / collections_dir if collections_dir else root
    for dirpath, dirnames, _ in os.walk(top, followlinks=False):
        here = Path(dirpath)
        if here != top and "_posts" in dirnames:
            out.append((here / "_posts").relative_to(root).as_posix())
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(SKIP_PREFIXES) and d not in _NOT_CONTENT)
    return out

def _load_document(
    jail: Jail,
    rel: str,
    label: str,
    config: SiteConfig,
    zone: dt.tzinfo | None,
    diags: Diagnostics,
    max_file_bytes: int,
    page: bool = False,
) -> Document | None:
    try:
        with jail.open(rel) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_file_bytes:
                diags.add(rel, "file-too-large", f"{size} bytes, over the limit of {max_file_bytes}; skipped",
                          severity="error")
                return None
            raw = handle.read()
        text = frontmatter.decode(raw)
        parsed = frontmatter.parse(text)
    except frontmatter.FrontMatterError as exc:
        diags.add(rel, exc.kind, f"{exc}; file skipped", line=exc.line, severity="error")
        return None
    except OSError as exc:
        diags.add(rel, "unreadable", f"cannot read: {exc.strerror}; file skipped", severity="error")
        return None
    if not parsed.has_front_matter and page:
        return None  # a static file Jekyll copies, not a page
    if not parsed.has_front_matter:
        diags.add(rel, "no-front-matter", "no front matter (--- … ---): Jekyll copies it as a static file; "
                  "not a document", line=1)
        return None

    data = parsed.data
    for key, line in parsed.duplicates:
        diags.add(rel, "duplicate-key", f"{key!r} is given twice in one mapping; the later value is used, "
                  "as Jekyll does", line=line)
    _check_urls(rel, data, parsed.key_lines, diags)
    inside = rel[len(config.collections_dir) + 1:] if config.collections_dir and not page else rel
    folder, _, in_collection = ("", "", rel) if page else inside.partition(f"_{label}/")
    if folder and label == "posts":
        # Jekyll adds the folders above _posts to the post's categories.
        extra = [part for part in folder.strip("/").split("/") if part]
        existing = data.get("categories")
        existing = existing if isinstance(existing, list) else ([existing] if existing else [])
        data["categories"] = extra + [c for c in existing if c not in extra]
    filename_date: dt.date | None = None
    # Jekyll's :title comes from the file's own name (directories dropped, trailing dots stripped).
    slug_source = in_collection.rsplit("/", 1)[-1].rsplit(".", 1)[0].rstrip(".")
    if label in ("posts", "drafts"):
        match = jekyll.POST_NAME.match(in_collection.rsplit("/", 1)[-1])
        if match:
            try:
                filename_date = dt.date.fromisoformat(_pad_date(match.group(1)))
            except ValueError:
                filename_date = None
            slug_source = match.group(2).rsplit("/", 1)[-1].rstrip(".")
        if label == "posts" and (match is None or filename_date is None):
            diags.add(rel, "bad-post-name", "a post's file name must start with a real date "
                      "(YYYY-MM-DD-title.md); Jekyll skips it", line=None)
            return None
    # Defaults use "posts" for drafts too: a draft is an unpublished post.
    jekyll.apply_defaults(config.defaults, rel, "pages" if page else "posts" if label == "drafts" else label, data)

    date: dt.date | dt.datetime | None = filename_date
    if "date" in data and data["date"] is not None and data["date"] != "":
        try:
            date = jekyll.parse_date(data["date"], zone)
        except jekyll.BadDate as exc:
            fallback = f"; using the file name's date {filename_date}" if filename_date else ""
            diags.add(rel, "bad-date", f"date: {exc}{fallback}", line=parsed.key_lines.get("date"))

    published = _published(data)
    if published and label == "posts" and not jekyll.truthy(config.raw.get("future")) and _in_future(date):
        published = False  # Jekyll does not output future posts unless `future: true`
    lang = data.get("lang")
    if isinstance(lang, Yaml11Word) and lang.lower() != "no":
        diags.add(rel, "bad-type", f"lang: {lang} is no language tag (Jekyll's YAML reads an unquoted "
                  f"{lang} as {'true' if lang.jekyll_bool else 'false'}); using {config.lang!r}",
                  line=parsed.key_lines.get("lang"))
        lang = None
    if isinstance(lang, str) and lang.strip() and not _LANG.match(lang.strip().replace("_", "-")):
        diags.add(rel, "bad-type", f"lang: {shown(lang)} is not a language code (like sv or en-GB); "
                  f"using {config.lang!r}", line=parsed.key_lines.get("lang"))
        lang = None
    elif isinstance(lang, str) and "_" in lang:
        diags.add(rel, "bad-type", f"lang: {shown(lang)} is a locale, not a language tag; read as "
                  f"{lang.strip().replace('_', '-')!r}", line=parsed.key_lines.get("lang"))
        lang = lang.strip().replace("_", "-")
    if not isinstance(lang, str) or not lang.strip():
        if lang is not None and lang != "":
            diags.add(rel, "bad-type", f"lang: expected a language code, got {shown(lang)}; using {config.lang!r}",
                      line=parsed.key_lines.get("lang"))
        lang = config.lang
    doc = Document(
        path=rel,
        collection=label,
        data=data,
        body=parsed.body,
        body_line=parsed.body_line,
        key_lines=parsed.key_lines,
        date=date,
        published=published,
        lang=lang.strip(),
        ext=os.path.splitext(rel)[1].lower(),
    )
    ph = jekyll.placeholders(label, in_collection, slug_source, date, data, doc.ext)
    doc.slug = ph["title"]
    meta = config.collections.get("posts" if label == "drafts" else label, {})
    outputs = page or label in ("posts", "drafts") or jekyll.truthy(meta.get("output", False))
    if published and outputs:
        doc.url_path = _url(doc, {"permalink": _page_template(config, ph, doc.ext)} if page else meta, config, ph,
                            diags)
        if doc.url_path is not None:
            doc.url = config.base + doc.url_path
    return doc

#: A ``%`` not followed by two hex digits: no percent-encoding, so no valid URL (browsers send it as %25).
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
#: Front-matter keys whose text is a URL (``links`` holds ``{url: …}`` entries).
_URL_KEYS = ("image", "logotype", "redirect_from", "links")


def _check_urls(rel: str, data: dict[str, Any], key_lines: dict[str, int], diags: Diagnostics) -> None:
    """URLs in front matter: a ``%`` that starts no percent-encoding is said here (its IRI writes it
    ``%25``), and a ``links`` entry whose URL no URL parser can split (``https://[zz/``) is dropped, said."""
    for key in _URL_KEYS:
        value = data.get(key)
        items = value if isinstance(value, list) else [value]
        for item in list(items):
            url = item.get("url") if isinstance(item, dict) else item
            if not isinstance(url, str):
                continue
            if key == "links" and not splittable(url):
                diags.add(rel, "bad-url", f"links: {shown(url)} is no URL (its host cannot be read); ignored",
                          line=key_lines.get(key))
                items.remove(item)
            elif "%" in url and _LONE_PERCENT.search(url):
                diags.add(rel, "bad-url", f"{key}: {shown(url)} has a '%' that starts no percent-encoding; "
                          "its IRI writes it %25, as browsers send it", line=key_lines.get(key))


def splittable(url: str) -> bool:
    """Whether a URL parser can take ``url`` apart (``http://[zz/`` it cannot: no IPv6 address)."""
    try:
        urlsplit(url.strip())
    except ValueError:
        return False
    return True


def _pad_date(text: str) -> str:
    year, month, day = text.split("-")
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"

def _published(data: dict[str, Any]) -> bool:
    """Jekyll's test: ``published: false`` (``no``, ``off``) or an empty ``published:`` is not output."""
    return "published" not in data or jekyll.truthy(data["published"])

def _in_future(date: dt.date | dt.datetime | None) -> bool:
    if date is None:
        return False
    if isinstance(date, dt.datetime):
        return date > dt.datetime.now(dt.UTC)
    return date > dt.date.today()

def _page_template(config: SiteConfig, ph: dict[str, str], ext: str) -> str:
    """Jekyll's URL of a page without a permalink of its own (``Page#template``): ``/about.html``, or
    ``/about/`` with a pretty site permalink; ``/en/`` for ``en/index.md``."""
    stem = ph["path"]
    folder, _, basename = stem.rpartition("/")
    at = f"/{folder}/" if folder else "/"
    if ph["output_ext"] != ".html":
        return f"{at}{basename}{ph['output_ext']}"
    if basename == "index":
        return at
    style = config.permalink
    if style == "pretty" or (style not in ("date", "ordinal", "none") and style.endswith("/")):
        return f"{at}{basename}/"
    return f"{at}{basename}.html"


def _url(doc: Document, meta: dict[str, Any], config: SiteConfig, ph: dict[str, str],
         diags: Diagnostics) -> str | None:
    permalink = doc.data.get("permalink")
    if permalink is not None and not isinstance(permalink, str):
        diags.add(doc.path, "bad-type", f"permalink: expected text, got {shown(permalink)}; ignored",
                  line=doc.line_of("permalink"))
        permalink = None
    template = permalink or meta.get("permalink")
    if not isinstance(template, str) or not template:
        suffix = "/" if config.permalink.endswith("/") or config.permalink == "pretty" else ":output_ext"
        template = "/:collection/:path" + suffix
    else:
        template = permalink_template(template)
    url = jekyll.fill_template(template, ph)
    if permalink and _LONE_PERCENT.search(permalink):
        diags.add(doc.path, "bad-permalink", f"permalink {permalink!r} has a '%' that starts no percent-encoding; "
                  "in the page's IRI it is written %25, as browsers send it", line=doc.line_of("permalink"))
    if doc.collection == "drafts" and doc.date is None and _PLACEHOLDER.search(url):
        return None  # an undated draft has no date for its URL yet (Jekyll would use the file's time)
    if _PLACEHOLDER.search(url):
        diags.add(doc.path, "bad-permalink", f"permalink {template!r} has a placeholder Jekyll does not know",
                  line=doc.line_of("permalink"))
    return jekyll.sanitize_url(url)

def _load_data(jail: Jail, diags: Diagnostics, files: set[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """``_data/**/*.yml|yaml|json`` by path without extension (``kg/registry``), and where each came from."""
    out: dict[str, Any] = {}
    paths: dict[str, str] = {}
    for rel in jail.walk("_data", diags):
        files.add(rel)
        suffix = Path(rel).suffix.lower()
        if suffix not in {".yml", ".yaml", ".json"}:
            continue
        key = rel[len("_data/") :].rsplit(".", 1)[0]
        try:
            text = jail.text(rel)
            out[key] = json.loads(text) if suffix == ".json" else frontmatter.load_yaml(text)
            paths[key] = rel
        except frontmatter.FrontMatterError as exc:
            diags.add(rel, exc.kind, f"{exc}; data file skipped", line=exc.line, severity="error")
        except (ValueError, OSError) as exc:
            diags.add(rel, "yaml-error", f"cannot read data file: {exc}; skipped", severity="error")
        except RecursionError:
            diags.add(rel, "yaml-error", "nested too deeply to read; data file skipped", severity="error")
    return out, paths
