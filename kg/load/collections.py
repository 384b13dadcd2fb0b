"""What each collection is, and which keys hold its facts.

Each collection gets a class (project, person, theme, post, page, organisation, event,
job, ignore) from the maintainer's mapping, else from its name, else from the keys its
documents carry; :func:`describe` says for each how it was read and why (``kg build
--explain`` and the build report). Which folders are read is :mod:`kg.load.folders`'
business, records of data files :mod:`kg.load.records`'.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kg.load import jekyll
from kg.load.documents import Document, SiteConfig
from kg.load.mapping import Declared, SiteMapping
from kg.load.meaning import (
    BY_KEYS_SHARE,
    BY_TITLES_AT_LEAST,
    BY_TITLES_SHARE,
    FACT_KEYS,
    FACTS_OF,
    NOT_NAME_WORDS,
    ONLY_PATHS,
    ONLY_TEXT,
    PERSON_FACTS,
    PROJECT_FACTS,
    SITE_PAGES,
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


# -- what each collection is ------------------------------------------------------------------------


def pages_label(labels: list[str], config: SiteConfig) -> str | None:
    """The label the site's pages were read under: :data:`SITE_PAGES`, or ``site-pages`` when a collection
    is itself called ``pages`` (the last label, see :func:`kg.load.load_site`)."""
    for label in (SITE_PAGES, "site-pages"):
        if labels and labels[-1] == label and label not in config.collections:
            return label
    return None


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
        if label == pages_label(labels, config):
            cls, how, evidence = (declared.cls, "mapping", f"said in {declared.where}") if declared and declared.cls \
                else ("page", "jekyll", "files with front matter outside every _folder: Jekyll's pages")
            out[label] = Collection(label, cls, how, evidence, keys, folder=".", configured=True, output=True,
                                    documents=len(docs))
            continue
        cls, how, evidence = _class_of(label, docs, keys, declared)
        out[label] = Collection(label, cls, how, evidence, keys, folder=config.folder_of(label),
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
