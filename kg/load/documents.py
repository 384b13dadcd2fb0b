"""What loading a site yields: its configuration and its documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.load.collections import Collection
    from kg.load.mapping import SiteMapping


@dataclass
class Document:
    """One content file of a Jekyll site, with Jekyll's view of it applied.

    ``data`` is the front matter after ``_config.yml`` defaults were merged in
    (the file's own keys win), so a missing ``lang`` already holds the default.
    """

    path: str
    """Site-relative path with POSIX separators, e.g. ``_clients/chicago.md``."""
    collection: str
    """Collection label without underscore: ``posts``, ``clients``, ``drafts`` …"""
    data: dict[str, Any]
    body: str
    """The content after the front matter, unrendered (Markdown or HTML); ``""`` once mapped where the
    build let the bodies go (:attr:`Site.bodies_released`)."""
    body_line: int
    """1-based line where the body starts in the file."""
    key_lines: dict[str, int] = field(default_factory=dict)
    """1-based line of each top-level front-matter key, for messages."""
    slug: str = ""
    """Jekyll's ``:title``/``:slug`` value for the file."""
    date: dt.date | dt.datetime | None = None
    """Post date (front matter, else file name); ``None`` for undated documents."""
    url_path: str | None = None
    """Site-relative URL as Jekyll writes it (percent-encoded, leading ``/``),
    or ``None`` when the document is not output as a page."""
    url: str | None = None
    """Absolute canonical URL: site ``url`` + ``baseurl`` + ``url_path``."""
    published: bool = True
    lang: str | None = None
    ext: str = ".md"
    record: int | None = None
    """For a record of a data file (``_data/projects.yml``): its place in the file's list."""

    @property
    def stem(self) -> str:
        return Path(self.path).stem

    @property
    def ident(self) -> str:
        """What tells this document from every other: its path, and for a record its place in the file."""
        return self.path if self.record is None else f"{self.path}#{self.record}"

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key)

    def __reduce__(self) -> tuple[type[Document], tuple[Any, ...]]:
        # Reading workers send back thousands of documents: as the arguments of the class,
        # they are rebuilt in half the time it takes to restore an instance's attributes.
        return Document, _field_values(self)


_field_values = attrgetter(*(f.name for f in fields(Document)))


@dataclass
class SiteConfig:
    """The parts of ``_config.yml`` the graph needs, with Jekyll's defaults."""

    root: Path
    url: str = ""
    baseurl: str = ""
    title: str | None = None
    name: str | None = None
    description: str | None = None
    timezone: str | None = None
    lang: str = "sv"
    logo: str | None = None
    social_links: list[str] = field(default_factory=list)
    collections: dict[str, dict[str, Any]] = field(default_factory=dict)
    defaults: list[dict[str, Any]] = field(default_factory=list)
    permalink: str = "date"
    raw: dict[str, Any] = field(default_factory=dict)
    collections_dir: str = ""
    """Jekyll's ``collections_dir``: the folder that holds every collection's ``_folder`` ("" for the top)."""

    def folder_of(self, label: str) -> str:
        """The site-relative folder of collection ``label``: ``_clients``, or ``my_collections/_clients``."""
        return f"{self.collections_dir}/_{label}" if self.collections_dir else f"_{label}"

    @property
    def base(self) -> str:
        """Site ``url`` + ``baseurl``, joined once, without trailing slash."""
        return (self.url.rstrip("/") + "/" + self.baseurl.strip("/")).rstrip("/")


@dataclass
class Site:
    """A loaded site: configuration, documents, data files and the file list."""

    config: SiteConfig
    documents: list[Document]
    data: dict[str, Any] = field(default_factory=dict)
    """``_data`` files by dotted name (``social``, ``kg.registry`` …)."""
    files: set[str] = field(default_factory=set)
    """Every site-relative file path seen, for reference checks."""
    data_paths: dict[str, str] = field(default_factory=dict)
    """``_data`` name → the file it was read from (``kg/registry`` → ``_data/kg/registry.yaml``)."""
    collections: dict[str, Collection] = field(default_factory=dict)
    """Each collection's class and keys, and how they were found (:mod:`kg.load.collections`)."""
    records: list[Document] = field(default_factory=list)
    """The records of data files read as projects, people or organisations (``_data/projects.yml``)."""
    unread: dict[str, str] = field(default_factory=dict)
    """Content files kg does not read → why (a folder that is no collection, drafts without --drafts …)."""
    mapping: SiteMapping | None = None
    """What the maintainer's mapping says (``kg:`` in ``_config.yml``, ``_data/kg/mapping.yml``)."""
    bodies_released: bool = False
    """Whether the documents' bodies were let go once mapped (``body`` is then ``""``): a build does so
    on sites of more than :data:`kg.pipeline.HELPERS_UP_TO` documents, memory first."""

    def by_path(self) -> dict[str, Document]:
        return {d.path: d for d in self.documents}
