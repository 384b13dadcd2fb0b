"""Which folders are read, what each collection is, and projects kept in data files.

Each collection gets a class (project, person, theme, post, page, organisation, event,
job, ignore) from the maintainer's mapping, else from its name, else from the keys its
documents carry; :func:`describe` says for each how it was read and why (``kg build
--explain`` and the build report). No folder is dropped silently: a ``_folder`` of
content that Jekyll does not render is named in a warning with the line that makes it
a collection.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.diagnostics import Diagnostics, shown
from kg.load import jekyll
from kg.load.documents import Document, SiteConfig
from kg.load.mapping import Declared, SiteMapping, node_lines
from kg.load.meaning import (
    ALWAYS_READ,
    BY_KEYS_SHARE,
    BY_TITLES_AT_LEAST,
    BY_TITLES_SHARE,
    DATA_NAMES,
    FACT_KEYS,
    FACTS_OF,
    JEKYLL_FOLDERS,
    NOT_NAME_WORDS,
    ONLY_PATHS,
    ONLY_TEXT,
    PERSON_FACTS,
    PROJECT_FACTS,
    RECORD_CLASSES,
    class_of_name,
    fold,
    is_path,
)

Keys = dict[str, tuple[str, ...]]


@dataclass
class Collection:
    """How one collection (or data file of records) is read."""

    label: str
    """``projects``, ``team_and_board``; ``data:projects`` for ``_data/projects.yml``."""
    cls: str
    how: str
    """``mapping``, ``name``, ``keys`` or ``default``."""
    evidence: str
    keys: Keys = field(default_factory=dict)
    """Fact → the front-matter keys that hold it on this collection's documents."""
    folder: str = ""
    """``_projects``, or the data file (``_data/projects.yml``)."""
    configured: bool = True
    """Whether ``_config.yml`` lists it (a data file: always)."""
    output: bool = False
    """Whether Jekyll renders its documents as pages."""
    documents: int = 0


def keys_for(declared: Declared | None) -> Keys:
    """The defaults table, with what the mapping says for some facts in their place."""
    keys = dict(FACT_KEYS)
    if declared is not None:
        keys.update(declared.keys)
    return keys


def values_for(data: dict[str, Any], fact: str, key: str) -> list[Any]:
    """The values under ``key`` that count for ``fact`` (``clients:`` paths are no client names)."""
    value = data.get(key)
    if value is None or value == "" or value == []:
        return []
    items = value if isinstance(value, list) else [value]
    if (fact, key) in ONLY_TEXT:
        return [v for v in items if not (isinstance(v, str) and is_path(v))]
    if (fact, key) in ONLY_PATHS:  # a word is Jekyll's; a value of the wrong type is the mapper's to report
        return [v for v in items if not (isinstance(v, str) and not is_path(v)) and v is not None and v != ""]
    return [v for v in items if v is not None and v != ""]


def carried(data: dict[str, Any], keys: Keys, facts: tuple[str, ...]) -> list[str]:
    """The keys of ``data`` that hold one of ``facts``."""
    return [key for fact in facts for key in keys.get(fact, ()) if key in data and values_for(data, fact, key)]


def is_project(doc: Document, keys: Keys) -> bool:
    """Whether a document carries a client, partners or years (a project wherever it is)."""
    return bool(carried(doc.data, keys, PROJECT_FACTS))


# -- which folders ----------------------------------------------------------------------------------


def labels_to_read(root: Path, config: SiteConfig, mapping: SiteMapping, drafts: bool) -> list[str]:
    """Configured collections, the folders kg always reads, and what the mapping names (not ignored)."""
    labels = set(config.collections)
    for label in ALWAYS_READ:
        if (root / f"_{label}").is_dir():
            labels.add(label)
    for label, declared in mapping.collections.items():
        if declared.cls != "ignore" and (root / f"_{label}").is_dir():
            labels.add(label)
        elif declared.cls == "ignore":
            labels.discard(label)
    out = sorted(labels)
    if drafts:
        out.append("drafts")
    return out


def unread_folders(root: Path, config: SiteConfig, mapping: SiteMapping, labels: list[str], drafts: bool,
                   walk: Callable[[str], list[str]], exts: set[str], diags: Diagnostics) -> dict[str, str]:
    """Every content file kg does not read → why; one warning per ``_folder`` of content Jekyll ignores."""
    unread: dict[str, str] = {}
    reading = {f"_{label}" for label in labels}
    try:
        tops = sorted(entry.name for entry in root.iterdir() if entry.name.startswith("_") and entry.is_dir())
    except OSError:
        return unread
    include = config.raw.get("include")
    includes = {str(i).strip("/") for i in include} if isinstance(include, list) else set()
    for top in tops:
        if top in reading or (top in JEKYLL_FOLDERS and top != "_drafts"):
            continue
        label = top[1:]
        files = [rel for rel in walk(top) if Path(rel).suffix.lower() in exts and _has_front_matter(root / rel)]
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
                      f"to read them, {_how_to_add(root, config, label)}")
        for rel in files:
            unread[rel] = why
    return unread


def warn_unconfigured(root: Path, config: SiteConfig, labels: list[str], classes: dict[str, Collection],
                      diags: Diagnostics) -> None:
    """A folder kg reads although ``_config.yml`` does not list it: its documents have no pages."""
    for label in labels:
        if label in config.collections or label == "drafts" or label not in classes:
            continue
        coll = classes[label]
        if not coll.documents:
            continue
        diags.add(f"_{label}", "unconfigured-collection",
                  f"read as {coll.cls} ({coll.documents} document{'s' if coll.documents != 1 else ''}), but "
                  f"{label!r} is not a collection in _config.yml, so Jekyll renders no pages for it and they "
                  f"have no URL; to publish them, {_how_to_add(root, config, label)}")


def _how_to_add(root: Path, config: SiteConfig, label: str) -> str:
    if not (root / "_config.yml").is_file():
        return f"create _config.yml with `collections: {{{label}: {{output: true}}}}`"
    if isinstance(config.raw.get("collections"), dict):
        line = node_lines((root / "_config.yml").read_text(encoding="utf-8-sig")).get(("collections",))
        where = f" (line {line})" if line else ""
        return f"add `  {label}: {{output: true}}` under `collections:`{where} in _config.yml"
    if isinstance(config.raw.get("collections"), list):
        return f"add `- {label}` to `collections:` in _config.yml (and `output: true` to publish them)"
    return f"add `collections: {{{label}: {{output: true}}}}` to _config.yml"


def _has_front_matter(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
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


# -- what each collection is ------------------------------------------------------------------------


def classify(config: SiteConfig, mapping: SiteMapping, labels: list[str],
             documents: list[Document]) -> dict[str, Collection]:
    """Each collection's class, how it was found, and the keys its facts are read from."""
    by_label: dict[str, list[Document]] = {label: [] for label in labels}
    for doc in documents:
        by_label.setdefault(doc.collection, []).append(doc)
    out = {}
    for label, docs in by_label.items():
        declared = mapping.collections.get(label)
        keys = keys_for(declared)
        meta = config.collections.get("posts" if label == "drafts" else label, {})
        cls, how, evidence = _class_of(label, docs, keys, declared)
        out[label] = Collection(label, cls, how, evidence, keys, folder=f"_{label}",
                                configured=label in config.collections or label == "drafts",
                                output=label in ("posts", "drafts") or jekyll.truthy(meta.get("output", False)),
                                documents=len(docs))
    return out


def _class_of(label: str, docs: list[Document], keys: Keys, declared: Declared | None) -> tuple[str, str, str]:
    if declared is not None and declared.cls:
        return declared.cls, "mapping", f"said in {declared.where}"
    cls, words = class_of_name(label)
    if cls is not None:
        joined = " + ".join(words) if len(words) > 1 else None
        return cls, "name", f"name {label!r} → {cls}" + (f" ({joined})" if joined else "")
    total = len(docs)
    if total:
        projects = [carried(d.data, keys, PROJECT_FACTS) for d in docs]
        with_keys = sum(1 for found in projects if found)
        if with_keys / total >= BY_KEYS_SHARE:
            return "project", "keys", f"{with_keys} of {total} documents carry {_most_common(projects)}"
        roles = [carried(d.data, keys, PERSON_FACTS) for d in docs]
        with_roles = sum(1 for found in roles if found)
        if with_roles / total >= BY_KEYS_SHARE:
            return "person", "keys", f"{with_roles} of {total} documents carry {_most_common(roles)}"
        names = sum(1 for d in docs if looks_like_a_name(_name_of(d, keys)))
        if total >= BY_TITLES_AT_LEAST and names / total >= BY_TITLES_SHARE:
            return "person", "keys", f"{names} of {total} titles look like a person's name"
    return "page", "default", "neither its name nor its documents' keys say what it is: read as pages"


def _most_common(found: list[list[str]]) -> str:
    counts = Counter(key for keys in found for key in dict.fromkeys(keys))
    return "/".join(key for key, _ in counts.most_common(3))


def _name_of(doc: Document, keys: Keys) -> str:
    for key in keys.get("name", ()):
        value = doc.data.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|[-'’.])*$")
_PARTICLES = frozenset({"van", "von", "de", "da", "der", "den", "af", "la", "le", "di", "du", "del", "dos",
                        "das", "bin", "al", "ter", "zu", "y"})


def looks_like_a_name(title: str) -> bool:
    """``Anna Lindqvist``, ``Jean-Luc de la Cruz``: two to five capitalised words, no digits, no common
    words (``Annual Report``, ``Our Mission`` are not)."""
    words = title.split()
    if not 2 <= len(words) <= 5:
        return False
    capitalised = 0
    for word in words:
        if word.lower() in _PARTICLES:
            continue
        if fold(word) in NOT_NAME_WORDS or not _NAME_WORD.match(word) or not word[0].isupper():
            return False
        if word.isupper() and len(word) > 2:
            return False  # an acronym: "NGO Forum"
        capitalised += 1
    return capitalised >= 2


# -- projects (and people, organisations) in data files ---------------------------------------------


def read_records(root: Path, config: SiteConfig, mapping: SiteMapping, data: dict[str, Any],
                 data_paths: dict[str, str], diags: Diagnostics) -> tuple[list[Document], dict[str, Collection]]:
    """``_data/projects.yml`` and the like: each record a document of its own, at its line in the file."""
    records: list[Document] = []
    classes: dict[str, Collection] = {}
    for name, declared in sorted(mapping.data.items()):
        if name not in data:
            close = [n for n in data if not n.startswith("kg/")]
            diags.add(declared.where.split(":", 1)[0], "bad-mapping",
                      f"data.{name}: there is no data file _data/{name}.yml (or .yaml, .json); this part is ignored",
                      line=_line(declared.where), suggestion=_closest(name, close))
    for name in sorted(data):
        if name.startswith("kg/"):
            continue
        declared = mapping.data.get(name)
        cls, how, evidence = _record_class(name, declared)
        if cls is None or cls == "ignore":
            continue
        value, path = data[name], data_paths.get(name, f"_data/{name}.yml")
        if not isinstance(value, list):
            if declared is not None:
                diags.add(path, "bad-mapping", f"the kg mapping ({declared.where}) reads {path} as {cls} records, "
                          f"but it holds a {type(value).__name__}, not a list of records; not read", line=1)
            continue
        label = f"data:{name}"
        lines = node_lines((root / path).read_text(encoding="utf-8-sig")) if path.endswith((".yml", ".yaml")) else {}
        count = 0
        for index, record in enumerate(value):
            if not isinstance(record, dict):
                diags.add(path, "bad-type", f"record {index + 1}: expected a mapping of keys, got {shown(record)}; "
                          "skipped", line=lines.get((index,)))
                continue
            items = {str(k): v for k, v in record.items()}
            lang = items.get("lang")
            records.append(Document(
                path=path, collection=label, data=items, body="", body_line=lines.get((index,), 1),
                key_lines={k: lines[(index, k)] for k in items if (index, k) in lines},
                lang=lang.strip() if isinstance(lang, str) and lang.strip() else config.lang,
                ext=Path(path).suffix.lower(), record=index,
            ))
            count += 1
        classes[label] = Collection(label, cls, how, evidence, keys_for(declared), folder=path, output=False,
                                    documents=count)
    return records, classes


def _record_class(name: str, declared: Declared | None) -> tuple[str | None, str, str]:
    if declared is not None and declared.cls:
        return declared.cls, "mapping", f"said in {declared.where}"
    if "/" in name:
        return None, "", ""
    cls = DATA_NAMES.get(fold(name))
    if cls is None:
        cls, _ = class_of_name(name)
    if cls in RECORD_CLASSES:
        return cls, "name", f"name {name!r} → {cls}"
    return None, "", ""


def _line(where: str) -> int | None:
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _closest(word: str, choices: list[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def check_declared(root: Path, config: SiteConfig, mapping: SiteMapping, diags: Diagnostics) -> None:
    """A collection the mapping names that has no folder (and no configuration) is a typo, most likely."""
    for label, declared in sorted(mapping.collections.items()):
        if (root / f"_{label}").is_dir() or label in config.collections or declared.cls == "ignore":
            continue
        folders = [p.name[1:] for p in root.iterdir() if p.name.startswith("_") and p.is_dir()
                   and p.name not in JEKYLL_FOLDERS] + list(config.collections)
        diags.add(declared.where.split(":", 1)[0], "bad-mapping",
                  f"collections.{label}: there is no folder _{label} and no such collection in _config.yml; "
                  "this part is ignored", line=_line(declared.where), suggestion=_closest(label, folders))


# -- what the report says ---------------------------------------------------------------------------


def describe(collections: dict[str, Collection], documents: list[Document], records: list[Document],
             unread: dict[str, str]) -> list[dict[str, Any]]:
    """For each collection: class, why, documents, which keys were read as which fact, its pages."""
    docs_of: dict[str, list[Document]] = {}
    for doc in (*documents, *records):
        docs_of.setdefault(doc.collection, []).append(doc)
    out = []
    for label in sorted(collections, key=lambda lb: (lb.startswith("data:"), lb)):
        coll = collections[label]
        docs = docs_of.get(label, [])
        read_as: dict[str, dict[str, int]] = {}
        as_projects = 0
        for doc in docs:
            facts = FACTS_OF[coll.cls]
            if coll.cls in ("post", "page") and is_project(doc, coll.keys):
                as_projects += 1
                facts = tuple(dict.fromkeys((*facts, *FACTS_OF["project"])))
            for fact in facts:
                for key in coll.keys.get(fact, ()):
                    if key in doc.data and values_for(doc.data, fact, key):
                        read_as.setdefault(fact, {}).setdefault(key, 0)
                        read_as[fact][key] += 1
                        if fact in ("name", "role", "organisation"):
                            break  # one key holds a single value: the first present one
        pages = [doc.url for doc in docs if doc.url]
        entry: dict[str, Any] = {
            "collection": label, "folder": coll.folder, "class": coll.cls, "how": coll.how,
            "evidence": coll.evidence, "documents": len(docs), "configured": coll.configured,
            "read_as": read_as, "pages": len(pages), "example_page": pages[0] if pages else None,
        }
        if as_projects:
            entry["projects_by_keys"] = as_projects
        if not pages and docs and coll.cls != "ignore":
            entry["no_pages"] = _why_no_pages(coll, docs)
        out.append(entry)
    folders: dict[str, list[str]] = {}
    read = {coll.folder for coll in collections.values()}
    for path, why in unread.items():
        top = path.split("/", 1)[0]
        if top not in read:  # a file of a collection that was skipped is that file's own error
            folders.setdefault(top, []).append(why)
    for folder, whys in sorted(folders.items()):
        out.append({"collection": folder[1:], "folder": folder, "class": None, "how": "not read",
                    "evidence": whys[0], "documents": 0, "files": len(whys)})
    return out


def _why_no_pages(coll: Collection, docs: list[Document]) -> str:
    if coll.label.startswith("data:"):
        return "records of a data file: Jekyll renders no pages for them"
    if not coll.configured:
        return "not a collection in _config.yml: Jekyll renders no pages for it"
    if not coll.output:
        return "output is not true in _config.yml: Jekyll renders no pages for it"
    if not any(doc.published for doc in docs):
        return "every document is unpublished"
    return "no document has a URL"
