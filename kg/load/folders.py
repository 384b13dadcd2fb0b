"""Which folders are read, and every folder of content that is not: no folder is dropped silently.

Configured collections are read, and so are ``_posts``, ``_clients``, ``_themes`` and
``_crew`` with or without ``_config.yml``, and any collection the mapping names. A
``_folder`` of files with front matter that Jekyll does not render gets one warning
naming it and the line that makes it a collection; Jekyll's own folders are no content.
Every file kg does not read is remembered with the reason, so that a reference to it
says exactly that.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
from pathlib import Path

from kg.diagnostics import Diagnostics
from kg.load.collections import Collection
from kg.load.documents import Document, SiteConfig
from kg.load.jail import SKIP_PREFIXES, Jail
from kg.load.mapping import Declared, SiteMapping, lines_of
from kg.load.meaning import ALWAYS_READ, JEKYLL_FOLDERS, NOT_PAGES, class_of_name


def labels_to_read(root: Path, config: SiteConfig, mapping: SiteMapping, drafts: bool) -> list[str]:
    """Configured collections, the folders kg always reads, and what the mapping names (not ignored)."""
    labels = set(config.collections)
    for label in ALWAYS_READ:
        if (root / config.folder_of(label)).is_dir():
            labels.add(label)
    for label, declared in mapping.collections.items():
        if declared.cls != "ignore" and (root / config.folder_of(label)).is_dir():
            labels.add(label)
        elif declared.cls == "ignore":
            labels.discard(label)
    out = sorted(labels)
    if drafts:
        out.append("drafts")
    return out


def page_files(jail: Jail, config: SiteConfig, exts: set[str], diags: Diagnostics) -> list[str]:
    """The files that may be the site's pages: files of content outside every ``_folder`` and every folder
    Jekyll excludes (``exclude:`` in ``_config.yml`` too). Those with front matter are pages; one without
    is a static file Jekyll copies (a ``README.md``): reading it finds no page, and nothing is said of it."""
    root = Path(jail.root)
    exclude = config.raw.get("exclude")
    patterns = [str(p).strip().strip("/") for p in exclude if isinstance(p, (str, int))] \
        if isinstance(exclude, list) else []

    def excluded(rel: str) -> bool:
        return any(rel == p or rel.startswith(p + "/") or fnmatch.fnmatchcase(rel, p) for p in patterns if p)

    try:
        tops = sorted(entry.name for entry in os.scandir(root))
    except OSError:
        return []
    out: list[str] = []
    for name in tops:
        if config.collections_dir and name == config.collections_dir.split("/", 1)[0]:
            continue  # the collections' own folder
        if name in _included(config) and name not in JEKYLL_FOLDERS and (root / name).is_dir():
            pass  # include: [_pages] (Minimal Mistakes, al-folio): Jekyll renders its files as pages
        elif name.startswith(SKIP_PREFIXES) or name in NOT_PAGES or excluded(name) or jail.is_outside(name):
            continue
        path = root / name
        candidates = jail.walk(name, diags) if path.is_dir() else [name]
        for rel in candidates:
            if Path(rel).suffix.lower() in exts and not excluded(rel):
                out.append(rel)  # one without front matter is dropped, silently, when it is read
    return out


def _included(config: SiteConfig) -> set[str]:
    include = config.raw.get("include")
    return {str(i).strip("/") for i in include if isinstance(i, (str, int))} if isinstance(include, list) else set()


def unread_folders(jail: Jail, config: SiteConfig, mapping: SiteMapping, labels: list[str], drafts: bool,
                   exts: set[str], diags: Diagnostics, pages: bool = False) -> dict[str, str]:
    """Every content file kg does not read → why; one warning per ``_folder`` of content Jekyll ignores.
    With ``pages``, the site's pages are read, those of folders in ``include:`` among them."""
    root = Path(jail.root)
    unread: dict[str, str] = {}
    reading = {config.folder_of(label) for label in labels}
    inside = f"{config.collections_dir}/" if config.collections_dir else ""
    try:
        tops = sorted({entry.name for entry in root.iterdir() if entry.name.startswith("_") and entry.is_dir()} | (
            {inside + entry.name for entry in (root / config.collections_dir).iterdir()
             if entry.name.startswith("_") and entry.is_dir()} if inside else set()))
    except OSError:
        return unread
    includes = _included(config)
    for top in tops:
        if top in reading or (top in JEKYLL_FOLDERS and top != "_drafts") or (pages and top in includes):
            continue
        label = top.rsplit("/", 1)[-1][1:]
        files = [rel for rel in jail.walk(top, Diagnostics())
                 if Path(rel).suffix.lower() in exts and _has_front_matter(jail, rel)]
        if not files:
            continue
        if top == "_drafts":
            why = "drafts are read only with --drafts"
        elif mapping.collections.get(label, Declared()).cls == "ignore":
            why = f"the kg mapping ({mapping.collections[label].where}) says class: ignore for {label!r}"
        elif class_of_name(label)[0] == "ignore":
            why = f"its name says it holds nothing to map ({label!r} → ignore)"
        elif top in includes:
            why = (f"{top} is in include: in _config.yml, so Jekyll renders its files as plain pages, "
                   "which kg does not read")
        else:
            why = f"{label!r} is not a collection in _config.yml"
            diags.add(top, "unread-folder", f"{len(files)} content file{'s' if len(files) != 1 else ''} "
                      f"(like {files[0]}), but {why}: Jekyll renders none of them and kg does not read them; "
                      f"to read them, {_how_to_add(jail, config, label)}")
        for rel in files:
            unread[rel] = why
    return unread


def warn_unconfigured(jail: Jail, config: SiteConfig, labels: list[str], classes: dict[str, Collection],
                      diags: Diagnostics) -> None:
    """A folder kg reads although ``_config.yml`` does not list it: its documents have no pages."""
    for label in labels:
        if label in config.collections or label == "drafts" or label not in classes or classes[label].folder == ".":
            continue
        coll = classes[label]
        if not coll.documents:
            continue
        diags.add(config.folder_of(label), "unconfigured-collection",
                  f"read as {coll.cls} ({coll.documents} document{'s' if coll.documents != 1 else ''}), but "
                  f"{label!r} is not a collection in _config.yml, so Jekyll renders no pages for it and they "
                  f"have no URL; to publish them, {_how_to_add(jail, config, label)}")


def _how_to_add(jail: Jail, config: SiteConfig, label: str) -> str:
    if not os.path.isfile(os.path.join(jail.root, "_config.yml")) or jail.is_outside("_config.yml"):
        return f"create _config.yml with `collections: {{{label}: {{output: true}}}}`"
    if isinstance(config.raw.get("collections"), dict):
        line = lines_of(jail, "_config.yml").get(("collections",))
        where = f" (line {line})" if line else ""
        return f"add `  {label}: {{output: true}}` under `collections:`{where} in _config.yml"
    if isinstance(config.raw.get("collections"), list):
        return f"add `- {label}` to `collections:` in _config.yml (and `output: true` to publish them)"
    return f"add `collections: {{{label}: {{output: true}}}}` to _config.yml"


def _has_front_matter(jail: Jail, rel: str) -> bool:
    try:
        with jail.open(rel) as handle:
            return handle.read(6).removeprefix(b"\xef\xbb\xbf").startswith(b"---")
    except OSError:
        return False


def skipped_reasons(paths: list[str], documents: list[Document], diags: Diagnostics) -> dict[str, str]:
    """Why each file that was meant to be read is no document (for references to it)."""
    read = {doc.path for doc in documents}
    missing = {path for path in paths if path not in read}
    out: dict[str, str] = {}
    for item in diags.items:
        if item.file in missing and item.file not in out:
            if item.kind == "no-front-matter":
                out[item.file] = "it has no front matter (--- … ---), so it is no document"
            elif item.kind == "bad-post-name":
                out[item.file] = "a post's file name must start with a date (YYYY-MM-DD-title.md)"
            elif item.severity == "error":
                out[item.file] = f"it was skipped ({item.kind}: see the error reported on it)"
    return out



def check_declared(root: Path, config: SiteConfig, mapping: SiteMapping, diags: Diagnostics) -> None:
    """A collection the mapping names that has no folder (and no configuration) is a typo, most likely."""
    for label, declared in sorted(mapping.collections.items()):
        if (root / config.folder_of(label)).is_dir() or label in config.collections or declared.cls == "ignore":
            continue
        folders = [p.name[1:] for p in root.iterdir() if p.name.startswith("_") and p.is_dir()
                   and p.name not in JEKYLL_FOLDERS] + list(config.collections)
        diags.add(declared.where.split(":", 1)[0], "bad-mapping",
                  f"collections.{label}: there is no folder _{label} and no such collection in _config.yml; "
                  "this part is ignored", line=line_of(declared.where), suggestion=closest(label, folders))



def line_of(where: str) -> int | None:
    """The line of a ``file:line`` place."""
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def closest(word: str, choices: list[str]) -> str | None:
    """The choice most like ``word``, if one is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


