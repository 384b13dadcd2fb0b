"""The graph as an on-disk Oxigraph store: written by ``kg build --store`` beside the graph files, opened at once
(read-only) by ``kg query`` and ``kg serve``.

``OUT/store/`` is a RocksDB folder that pyoxigraph fills from the build's own ``graph.nq`` and
``graph.nt``, so it holds what :meth:`kg.graph.KnowledgeGraph.store` and
:func:`kg.query.sources.load_graph_files` make in memory: the default graph is the union of all
statements (each triple once), and every source file's statements are also in its named graph.
It is an output of the build like the files (:class:`kg.export.atomic.Folder`): made inside the
new build's folder after the files, synced, and switched in with them, so a reader never sees a
half-written store, nor the store of one build beside the files of another.

Its manifest, ``kg-store.json`` (written last), says what it is: the store's layout
(:data:`FORMAT`), the kg version that made it, the size, modification time and SHA-256 of each
file it was made from, and the counts ``kg serve`` shows (triples, entities per class), so that
nothing has to scan the store to start. A store is used only when all of that still holds
(:func:`check`): made by this kg, in this layout, and the graph files beside it are the ones it
was made from — the same size and time, or, when they were copied, the same SHA-256. Otherwise it
is refused with one line (:class:`StoreError`) naming the store and the fix; ``kg build`` always
writes a fresh one. The store's own files are not byte-identical from build to build (RocksDB
numbers and dates them); what it answers is.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.export.atomic import Folder

STORE = "store"
"""The store's folder in a build's output (``OUT/store``)."""
MANIFEST = "kg-store.json"
"""The manifest inside the store's folder."""
FORMAT = 1
"""The store's layout (what its default and named graphs hold); a store of another is refused."""
SOURCES = ("graph.nq", "graph.nt")
"""The graph files a store is made from, and checked against."""
LOAD_CHUNK = 32 << 20
"""Bytes of a graph file given to pyoxigraph's bulk loader at a time (cut at a line's end).

The loader holds several times what it is given (parsed quads, their encoding, the sorted
index files it writes): loading the 2 GB of ``graph.nq`` and ``graph.nt`` of 100k documents
whole peaked at 1.8 GB, 128 MB at a time at 0.9 GB, 32 MB at a time at 0.35 GB, in the same
time (five minutes on two busy cores). The index files of the pieces overlap, which the
compaction that follows (:meth:`pyoxigraph.Store.optimize`, needed anyway) merges: the store
comes out the same size, in as many files."""
_CHUNK = 1 << 20


class StoreError(InputError):
    """An on-disk store that cannot be used: not one, of another kg, or not of the graph files beside it
    (exit 2)."""


@dataclass(frozen=True)
class StoreInfo:
    """What a store's manifest says."""

    path: Path
    kg: str
    triples: int
    quads: int
    classes: dict[str, int] = field(default_factory=dict)
    """Entities per class (full IRIs), sorted by class, as :meth:`kg.graph.KnowledgeGraph.class_counts`."""
    files: dict[str, dict] = field(default_factory=dict)
    """Each file it was made from (``graph.nq``) → ``bytes``, ``mtime_ns`` and ``sha256``."""


def kg_version() -> str:
    from kg import __version__

    return __version__


# -- writing ----------------------------------------------------------------------------------------


def store_output(triples: int, quads: int, classes: Mapping[str, int]) -> Folder:
    """The store as an output of a build (:func:`kg.export.atomic.write_set`), made from the ``graph.nq`` and
    ``graph.nt`` written beside it; ``triples``, ``quads`` and ``classes`` are the graph's counts."""

    def make(path: Path, beside: Mapping[str, Path]) -> None:
        missing = [name for name in SOURCES if name not in beside]
        if missing:
            raise ValueError(f"a store is made from {', '.join(SOURCES)}; not written: {', '.join(missing)}")
        write_store(path, {name: beside[name] for name in SOURCES}, triples=triples, quads=quads, classes=classes)

    return Folder(make)


def write_store(path: Path, sources: Mapping[str, Path], *, triples: int, quads: int,
                classes: Mapping[str, int]) -> StoreInfo:
    """Fill the empty folder ``path`` with an Oxigraph store of ``sources`` (``graph.nq``, ``graph.nt`` → where
    they are), then write its manifest."""
    from pyoxigraph import RdfFormat, Store

    store = Store(str(path))
    try:
        for name, fmt in (("graph.nq", RdfFormat.N_QUADS), ("graph.nt", RdfFormat.N_TRIPLES)):
            for piece in _pieces(sources[name]):
                store.bulk_load(piece, format=fmt)
        # One compaction: each index in few, large files of one level. Straight from the bulk loader, the
        # indexes lie in overlapping files over several levels, and at 100k documents the bundled queries
        # ran 2 to 3 times slower on them (bench/README.md).
        store.optimize()
        store.flush()
    finally:
        del store  # closed: its lock released, every write on disk
    files = {name: {**_stat(file), "sha256": _sha256(file)} for name, file in sorted(sources.items())}
    info = StoreInfo(path, kg_version(), triples, quads, dict(sorted(classes.items())), files)
    manifest = {"format": FORMAT, "kg": info.kg, "triples": triples, "quads": quads, "classes": info.classes,
                "files": files}
    (path / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return info


def _pieces(path: Path) -> Iterator[bytes]:
    """``path`` in pieces of about :data:`LOAD_CHUNK` bytes, each ending at the end of a line."""
    with open(path, "rb") as handle:
        rest = b""
        while block := handle.read(LOAD_CHUNK):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            if cut == 0:  # one line longer than a piece: read on
                rest = block
                continue
            rest = block[cut:]
            yield block[:cut]
        if rest:
            yield rest


def _stat(path: Path) -> dict[str, int]:
    st = os.stat(path)
    return {"bytes": st.st_size, "mtime_ns": st.st_mtime_ns}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# -- reading ----------------------------------------------------------------------------------------


def is_store(path: Path) -> bool:
    """Whether ``path`` is a folder holding a store's manifest (a store kg wrote, usable or not)."""
    return (path / MANIFEST).is_file()


def check(path: str | os.PathLike[str]) -> StoreInfo:
    """The manifest of the store at ``path``, when the store may be used: made by this kg, in this layout,
    from the graph files beside it (those of :data:`SOURCES` that are there). Raises :class:`StoreError`."""
    path = Path(path)
    fix = f"run kg build --store again to remake it, or remove {path} to use the graph files"
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        info = StoreInfo(path, str(manifest["kg"]), int(manifest["triples"]), int(manifest["quads"]),
                         {str(k): int(v) for k, v in manifest["classes"].items()},
                         {str(k): dict(v) for k, v in manifest["files"].items()})
        layout = manifest["format"]
    except FileNotFoundError:
        raise StoreError(f"no kg store here (no {MANIFEST}): give a folder kg build --store wrote", str(path)) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StoreError(f"the store's {MANIFEST} cannot be read ({_one_line(exc)}): {fix}", str(path)) from None
    if layout != FORMAT or info.kg != kg_version():
        raise StoreError(f"the store was made by kg {info.kg} (store format {layout}); this is kg {kg_version()} "
                         f"(format {FORMAT}): {fix}", str(path))
    for name, made_from in info.files.items():
        file = path.parent / name
        try:
            now = _stat(file)
        except FileNotFoundError:
            continue  # the store given on its own: nothing beside it to compare
        except OSError as exc:
            raise StoreError(f"cannot read {file} to check the store: {exc.strerror or exc}", str(path)) from None
        if now == {k: made_from.get(k) for k in now}:
            continue
        if now["bytes"] == made_from.get("bytes") and _sha256(file) == made_from.get("sha256"):
            continue  # copied (a new time), same content
        how = "is older than" if now["mtime_ns"] > int(made_from.get("mtime_ns", 0)) else "was not made from"
        raise StoreError(f"the store {how} {file} beside it (those graph files changed since, or the store is of "
                         f"another build): {fix}", str(path))
    return info


def open_read_only(path: str | os.PathLike[str]):  # -> tuple[pyoxigraph.Store, StoreInfo]
    """The store at ``path``, checked (:func:`check`) and opened read-only, with its manifest."""
    info = check(path)
    return open_checked(info.path), info


def open_checked(path: str | os.PathLike[str]):  # -> pyoxigraph.Store
    """Open a store already checked, read-only. Every file of it is opened at once (the limit of open files is
    raised for that), so that a later build removing it cannot take data from under a reader."""
    from pyoxigraph import Store

    _more_open_files()
    try:
        return Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"the store cannot be opened ({_one_line(exc)}): run kg build --store again to remake it",
                         str(path)) from None


def _more_open_files() -> None:
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = hard if hard != resource.RLIM_INFINITY else 65536
        if soft != resource.RLIM_INFINITY and soft < wanted:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
