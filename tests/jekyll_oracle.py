"""Ask the real ``jekyll`` executable which URL it gives each document of a site.

Used by the tests as an oracle for :mod:`kg.load`: the loader must compute each
document's URL exactly as Jekyll does, and the surest way to know what Jekyll
does is to run it.

The site is never built in place. :func:`jekyll_documents` copies what matters
for URLs into ``work/site`` and builds that copy:

* ``_config.yml`` is used as is, plus an override file (outside the source)
  that empties ``plugins``/``gems``/``whitelist`` and drops ``theme`` — the
  plugins a site names (jekyll-seo-tag …) are usually not installed, and none of
  them changes a document's URL;
* only collection documents are copied — files with YAML front matter in
  ``_<label>`` for every configured collection, and every file of ``_posts``
  (anywhere; Jekyll 4 takes ``_posts`` files without front matter too) — and
  their bodies are cut off after the front matter, so no ``{% include %}``,
  unknown Liquid tag or missing layout can break the build (a URL depends on
  the path and the front matter only); pages, drafts, layouts, includes, data
  and static files are left out;
* every layout named in the front matter or in ``defaults`` is created as a
  pass-through ``{{ content }}`` file;
* one extra page, ``kg-oracle-urls.jsonl``, loops over ``site.collections`` and
  prints one JSON object per document (path, ``doc.url``, ``doc.date``, …).

Documents that Jekyll does not read at all — ``published: false``, posts dated
in the future (unless ``future: true``), ``_posts`` files whose name has no
``YYYY-MM-DD-`` date — are not in ``collection.docs``; they are found by listing
the copied files and reported with ``url=None``. Whether a document is output is
decided by looking for the file Jekyll wrote (``published:`` with an empty value
is read but not written, a collection document dated in the future likewise).

The build runs with ``--safe --disable-disk-cache``, ``JEKYLL_ENV=production``
and a UTF-8 locale, and needs no network.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import yaml

__all__ = [
    "JekyllBuildError",
    "JekyllDoc",
    "candidate_paths",
    "have_jekyll",
    "jekyll_documents",
    "jekyll_urls",
    "jekyll_version",
]

ORACLE_PAGE = "kg-oracle-urls.jsonl"
# Jekyll's own test for "this file has front matter" (Utils.has_yaml_header?).
_HAS_HEADER = re.compile(rb"\A---\s*\r?\n")
# Jekyll's Document::YAML_FRONT_MATTER_REGEXP (Ruby ^/$ are always per line).
_FRONT_MATTER = re.compile(rb"\A(---\s*\n.*?\n?)^((---|\.\.\.)[ \t]*$\n?)", re.MULTILINE | re.DOTALL)
_LAYOUT_LINE = re.compile(r"""^layout:[ \t]*["']?([^"'\s#]+)""", re.MULTILINE)
# EntryFilter#special? / #backup?
_SPECIAL = (".", "_", "#", "~")
_SKIP_DIRS = {".git", "_site", ".jekyll-cache", ".sass-cache", "node_modules", "vendor", "_drafts"}

_PAGE = """---
layout: none
permalink: /kg-oracle-urls.jsonl
sitemap: false
---
{% for c in site.collections %}{% for doc in c.docs %}{"collection": {{ c.label | jsonify }}, \
"output": {{ c.output | jsonify }}, "path": {{ doc.relative_path | jsonify }}, \
"url": {{ doc.url | jsonify }}, "date": {{ doc.date | date_to_xmlschema | jsonify }}, \
"slug": {{ doc.slug | jsonify }}, "title": {{ doc.title | jsonify }}, \
"published": {{ doc.published | jsonify }}}
{% endfor %}{% endfor %}"""

_OVERRIDE = """\
# written by tests/jekyll_oracle.py: no plugins, no theme, nothing written but pages
plugins: []
gems: []
whitelist: []
theme: null
remote_theme: null
show_drafts: false
unpublished: false
incremental: false
markdown: kramdown
"""


class JekyllBuildError(RuntimeError):
    """``jekyll build`` failed; the message carries its stderr and stdout."""


@dataclass(frozen=True)
class JekyllDoc:
    path: str
    """Site-relative POSIX path of the source file."""
    collection: str | None
    """Collection label (``posts``, ``clients`` …); None if Jekyll did not read the file."""
    url: str | None
    """``doc.url`` as Jekyll computed it (even for ``output: false`` collections);
    None if Jekyll did not read the file (``published: false``, future post, filtered)."""
    output: bool
    """True when Jekyll wrote the document to the destination."""
    date: str | None = None
    """``doc.date | date_to_xmlschema``; None if Jekyll did not read the file."""
    slug: str | None = None
    """``doc.slug``: the front-matter ``slug`` or the file-name slug (date and extension removed)."""
    title: str | None = None

    @property
    def url_path(self) -> str | None:
        """What the site serves this document at, or None if it is not output."""
        return self.url if self.output else None


def have_jekyll() -> bool:
    """True when a ``jekyll`` executable is on PATH and answers ``--version``."""
    exe = shutil.which("jekyll")
    if exe is None:
        return False
    try:
        proc = subprocess.run([exe, "--version"], check=False, capture_output=True, text=True, timeout=60, env=_env())
    except (OSError, subprocess.SubprocessError):
        return False
    return proc.returncode == 0 and proc.stdout.startswith("jekyll ")


def jekyll_version() -> str:
    """E.g. ``"jekyll 4.3.1"``."""
    proc = subprocess.run(["jekyll", "--version"], check=False, capture_output=True, text=True, timeout=60, env=_env())
    return proc.stdout.strip()


def jekyll_urls(site_dir: Path, work: Path) -> dict[str, str | None]:
    """Build a copy of ``site_dir`` in ``work`` with the real jekyll and map each
    document's site-relative path to the URL Jekyll gave it (``doc.url``, with a
    leading slash and percent-encoded exactly as Jekyll writes it), or to None
    when the document is not output (``output: false`` collection,
    ``published: false``, future-dated, or otherwise not read by Jekyll).
    Drafts are not included."""
    return {path: doc.url_path for path, doc in jekyll_documents(site_dir, work).items()}


def jekyll_documents(site_dir: Path, work: Path, *, extra_args: tuple[str, ...] = ()) -> dict[str, JekyllDoc]:
    """Like :func:`jekyll_urls`, with what else Jekyll knows about each document."""
    site_dir = Path(site_dir).resolve()
    work = Path(work)
    src = work / "site"
    dest = work / "_site"
    for d in (src, dest):
        if d.exists():
            shutil.rmtree(d)
    src.mkdir(parents=True)

    config = _read_config(site_dir)
    collections_dir = str(config.get("collections_dir") or "").strip("/")
    copied = _copy_sources(site_dir, src)
    _write_layouts(src, config, copied)
    (src / ORACLE_PAGE).write_text(_PAGE, encoding="utf-8")

    override = work / "_kg_oracle_config.yml"
    override.write_text(_OVERRIDE, encoding="utf-8")
    configs = [str(p) for p in (site_dir / "_config.yml", site_dir / "_config.yaml") if p.is_file()]
    configs.append(str(override))

    cmd = [
        "jekyll", "build", "--safe", "--quiet", "--disable-disk-cache",
        "--source", str(src), "--destination", str(dest), "--config", ",".join(configs), *extra_args,
    ]
    try:
        proc = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=600, env=_env(), cwd=work)
    except FileNotFoundError as exc:
        raise JekyllBuildError("jekyll is not installed (apt-get install jekyll)") from exc
    listing = dest / ORACLE_PAGE
    if proc.returncode != 0 or not listing.is_file():
        raise JekyllBuildError(
            f"jekyll build of a copy of {site_dir} failed (exit {proc.returncode}).\n"
            f"command: {' '.join(cmd)}\n--- stderr ---\n{proc.stderr}\n--- stdout ---\n{proc.stdout}"
        )

    prefix = f"{collections_dir}/" if collections_dir else ""
    docs: dict[str, JekyllDoc] = {}
    for line in listing.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        path = prefix + rec["path"]
        url = rec["url"]
        output = bool(rec["output"]) and rec["published"] is not False and _written(dest, url)
        docs[path] = JekyllDoc(
            path=path, collection=rec["collection"], url=url, output=output,
            date=rec["date"] or None, slug=rec["slug"], title=None if rec["title"] is None else str(rec["title"]),
        )
    for path in copied:
        if path not in docs:
            docs[path] = JekyllDoc(path=path, collection=None, url=None, output=False)
    return dict(sorted(docs.items()))


# -- helpers -------------------------------------------------------------------------------------------


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # Build as on an ordinary UTF-8 host (Ruby's default encodings follow the
    # locale; with 4.3.1 LANG=C gave the same URLs, but don't depend on that).
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", JEKYLL_ENV="production")
    env.pop("BUNDLE_GEMFILE", None)
    return env


def _read_config(site_dir: Path) -> dict:
    for name in ("_config.yml", "_config.yaml"):
        p = site_dir / name
        if p.is_file():
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
            return data if isinstance(data, dict) else {}
    return {}


def _collection_labels(config: dict) -> list[str]:
    cols = config.get("collections") or {}
    labels = list(cols) if isinstance(cols, (dict, list)) else []
    return [str(label) for label in labels if str(label) != "posts"]


def _special(rel: str) -> bool:
    """EntryFilter: names starting with . _ # ~ (the entry or its basename) or ending in ~."""
    base = rel.rsplit("/", 1)[-1]
    return rel.startswith(_SPECIAL) or base.startswith(_SPECIAL) or rel.endswith("~")


def _sources(site_dir: Path) -> list[tuple[str, bytes | None]]:
    """Every file Jekyll might read as a collection document (drafts aside), with
    what to copy for it: the front matter alone, or None for "not a document"."""
    config = _read_config(site_dir)
    collections_dir = str(config.get("collections_dir") or "").strip("/")
    root = site_dir / collections_dir if collections_dir else site_dir
    dirs: list[Path] = [root / f"_{label}" for label in _collection_labels(config)]
    # _posts may sit in any (non-special) sub-directory: en/_posts/… gets category "en".
    for dirpath, dirnames, _ in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if d not in _SKIP_DIRS and not (d.startswith(_SPECIAL) and d != "_posts")]
        if here.name == "_posts":
            dirs.append(here)
            dirnames[:] = []
    found: dict[str, bytes | None] = {}
    for d in dict.fromkeys(dirs):
        if not d.is_dir():
            continue
        for dirpath, _, filenames in os.walk(d):
            for name in filenames:
                f = Path(dirpath) / name
                inner = f.relative_to(d).as_posix()
                if f.is_symlink() or _special(inner):
                    continue  # EntryFilter drops these; kg should too
                raw = f.read_bytes()
                rel = f.relative_to(site_dir).as_posix()
                if _HAS_HEADER.match(raw):
                    m = _FRONT_MATTER.match(raw)
                    found[rel] = m.group(0) if m else raw
                elif d.name == "_posts":
                    # PostReader takes every file of _posts whose name matches its
                    # date pattern, front matter or not (without: a post with
                    # defaults only); unreadable (non-UTF-8) ones are skipped.
                    found[rel] = b"" if _is_utf8(raw) else raw
                # else: a static file of the collection, not a document
    return sorted(found.items())


def candidate_paths(site_dir: Path) -> list[str]:
    """Site-relative paths of the files :func:`jekyll_documents` reports on
    (front-matter files of every collection, every file of ``_posts``), no build needed."""
    return [rel for rel, _ in _sources(Path(site_dir).resolve())]


def _copy_sources(site_dir: Path, src: Path) -> list[str]:
    """Copy every collection document, body cut off; return their site-relative paths."""
    copied = []
    for rel, text in _sources(site_dir):
        out = src / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(text or b"")
        copied.append(rel)
    return copied


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _write_layouts(src: Path, config: dict, copied: list[str]) -> None:
    names: set[str] = set()
    for entry in config.get("defaults") or []:
        if isinstance(entry, dict) and isinstance(entry.get("values"), dict):
            layout = entry["values"].get("layout")
            if isinstance(layout, str):
                names.add(layout)
    for rel in copied:
        names.update(_LAYOUT_LINE.findall((src / rel).read_text(encoding="utf-8", errors="replace")))
    names.discard("none")
    layouts = src / "_layouts"
    layouts.mkdir(exist_ok=True)
    for name in names:
        if "/" in name or name.startswith("."):
            continue
        (layouts / f"{name}.html").write_text("{{ content }}", encoding="utf-8")


def _written(dest: Path, url: str) -> bool:
    """Did Jekyll write a file for ``url``? (Document#destination.)"""
    target = dest / unquote(url).lstrip("/")
    if url.endswith("/"):
        return (target / "index.html").is_file()
    if target.is_file():
        return True
    return any(p.is_file() for p in target.parent.glob(glob.escape(target.name) + ".*"))
