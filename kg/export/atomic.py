"""Atomic writes: a failed, interrupted or killed build never leaves a half-written file, nor a mix of
one build's files with another's, nor (after the next build) any temporary file.

A build's outputs in one folder (:func:`write_set`: ``kg build --out``, ``kg report --out``)
switch as one. Each build is written into a fresh folder, ``OUT/.kg/builds/<id>/``;
``OUT/.kg/current`` is a symlink to the build in use, and every output is a symlink
through it (``OUT/graph.ttl -> .kg/current/graph.ttl``), made once. When every file of
the new build is written (and synced to disk), one rename of a new ``current`` over the
old switches all of them together; then the previous build is removed. A kill at any
moment leaves the old build or the new one: before the rename no visible file has
changed, after it all have. Where symlinks cannot be made (some Windows setups, FAT
disks), the files are written as :func:`write_all` does.

Other files (:func:`write_all`: ``kg seo``'s pages, in many folders) are each written
to a temporary sibling, then renamed into place together, each old file kept under a
hard link until the last rename has succeeded, so that a failure or Ctrl-C puts the old
ones back; only a kill between two renames can mix them.

Files can be written side by side: the ones named in ``beside`` are formatted and
written by a forked process while this one writes the rest.

An output may also be a folder (:class:`Folder`: ``kg build --store``'s Oxigraph store),
filled once every file of the set is written: in a set it is part of the build and
switches with it; elsewhere it is made beside its place and renamed in.

Every temporary name carries its process (``.kg-tmp-<pid>.<start>-…``, see
:mod:`kg.tempfiles`), and each write first removes the ones a killed run left.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kg import tempfiles
from kg.forked import Helper, can_fork


@dataclass(frozen=True)
class Folder:
    """An output that is a folder: ``make(path, beside)`` fills the new, empty folder ``path`` once every
    file of the set is written and synced; ``beside`` maps the name of each file written beside the folder
    (``graph.nq``) to where it is now, so that the folder may be made from them. Its files are synced
    afterwards."""

    make: Callable[[Path, Mapping[str, Path]], None]


Content = str | bytes | Iterable[str] | Folder
"""A file's content: text, bytes, or text in pieces (written as they come); or a :class:`Folder`."""

CHUNK = 1 << 16
STATE = ".kg"
"""The folder beside the outputs holding the builds and the ``current`` link."""

_writing: set[str] = set()  # the builds this process is writing now (a thread's, say)
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


# -- a set of outputs, switched as one -------------------------------------------------------------


def write_set(out: str | os.PathLike[str], files: Mapping[str, Content], *, beside: Collection[str] = ()) -> None:
    """Write ``files`` (path relative to ``out`` → content) as one build in ``out``, switched in at once.

    The files named in ``beside`` are written by a forked process while this one writes the rest."""
    out = Path(out)
    builds = out / STATE / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    current = out / STATE / "current"
    _tidy(out, files, builds, current)
    if not _links_work(out / STATE):
        write_all({out / rel: content for rel, content in files.items()}, beside={out / rel for rel in beside})
        return
    fresh = builds / tempfiles.temp_name("")
    fresh.mkdir()
    _writing.add(str(fresh))
    old = _target(current)
    adopted = None
    try:
        _write_into(out, fresh, files, beside)
        adopted = _adopt(out, files, builds, current, old)
        for rel in files:
            _link(out, rel)
        _point(current, fresh.name)
    except BaseException:
        if _target(current) != fresh.name:  # not switched: the old build stays, the new one goes
            tempfiles.remove(fresh)
            if old and adopted and _target(current) == adopted:
                tempfiles.remove(builds / old)  # the adopted build holds what it held
            raise
    finally:
        _writing.discard(str(fresh))
    # Switched: what follows only tidies up (a later build does it, should this be cut short).
    with contextlib.suppress(BaseException):
        for previous in dict.fromkeys(name for name in (old, adopted) if name):
            if previous != _target(current):
                _unlink_gone(out, files, builds / previous)
                tempfiles.remove(builds / previous)


def _write_into(out: Path, folder: Path, files: Mapping[str, Content], beside: Collection[str]) -> None:
    """Write every file into the fresh ``folder``, then make the :class:`Folder` outputs; all synced to disk,
    folders included."""
    folders = {folder}
    targets = {folder / rel: content for rel, content in files.items() if not isinstance(content, Folder)}
    handles: dict[Path, int] = {}
    try:
        for path in targets:
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            handles[path] = os.open(path, _NEW_FILE, 0o666)  # the umask applies, as to any new file
        _write_files(targets, handles, {folder / rel for rel in beside})
    finally:
        for fd in handles.values():
            os.close(fd)
    written = {out / rel: folder / rel for rel, content in files.items() if not isinstance(content, Folder)}
    for rel, content in files.items():
        if isinstance(content, Folder):
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
            _make_folder(path, content, _beside(out / rel, written))
    for path in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        _sync_folder(path)


def _beside(target: Path, written: Mapping[Path, Path]) -> dict[str, Path]:
    """The files written beside ``target`` (by name) → where each is now."""
    return {final.name: now for final, now in written.items() if final.parent == target.parent}


def _make_folder(path: Path, content: Folder, beside: Mapping[str, Path]) -> None:
    """``path`` made (it must not exist) and filled by ``content``, every file and folder in it synced."""
    path.mkdir()
    content.make(path, beside)
    for folder, _folders, names in os.walk(path, topdown=False):
        for name in names:
            _sync_file(Path(folder, name))
        _sync_folder(Path(folder))


def _adopt(out: Path, files: Mapping[str, Content], builds: Path, current: Path, old: str | None) -> str | None:
    """When an output is still a file of its own (kg before this way of writing, or a user's copy), first
    make a build of what is there now and switch to it, so that turning that file into a link changes
    nothing a reader sees. Returns that build's name (None when there was no need)."""
    own = [rel for rel in files if os.path.lexists(out / rel) and not _ours(out, rel)]
    if not own:
        return None
    adopted = builds / tempfiles.temp_name("")
    adopted.mkdir()
    try:
        there = _files_of(builds / old) if old else []
        for rel in dict.fromkeys([*there, *own]):
            source = out / rel if rel in own or not old else builds / old / rel
            if rel in own and not os.path.isfile(source):
                continue  # a folder or a broken link where an output goes: it is replaced
            target = adopted / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target, follow_symlinks=True)
            except OSError:  # no hard links here: a copy does as well
                shutil.copy2(source, target)
        _sync_folder(adopted)
        _point(current, adopted.name)
    except BaseException:
        if _target(current) != adopted.name:
            tempfiles.remove(adopted)
        raise
    return adopted.name


def _link(out: Path, rel: str) -> None:
    """``out/rel`` made a symlink through ``.kg/current`` (if it is not one already), in one rename."""
    if _ours(out, rel):
        return
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / tempfiles.temp_name()
    os.symlink(_through_current(rel), tmp)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _point(current: Path, build: str) -> None:
    """Switch ``current`` to ``builds/<build>`` with one rename, synced to disk."""
    tmp = current.parent / tempfiles.temp_name()
    os.symlink(f"builds/{build}", tmp)
    try:
        os.replace(tmp, current)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(current.parent)


def _through_current(rel: str) -> str:
    return "../" * rel.count("/") + f"{STATE}/current/{rel}"


def _ours(out: Path, rel: str) -> bool:
    try:
        return os.readlink(out / rel) == _through_current(rel)
    except OSError:
        return False


def _target(current: Path) -> str | None:
    """The name of the build ``current`` points to."""
    try:
        return os.readlink(current).removeprefix("builds/")
    except OSError:
        return None


def _files_of(build: Path) -> list[str]:
    out: list[str] = []
    for folder, _folders, names in os.walk(build):
        out.extend(Path(folder, name).relative_to(build).as_posix() for name in names)
    return sorted(out)


def _unlink_gone(out: Path, files: Mapping[str, Content], previous: Path) -> None:
    """The links to outputs (files or folders) the previous build had and this one has not: they would point
    nowhere."""
    folders: list[str] = []
    for folder, names, _files in os.walk(previous):
        folders.extend(Path(folder, name).relative_to(previous).as_posix() for name in names)
    for rel in [*_files_of(previous), *folders]:
        if rel not in files and _ours(out, rel):
            os.unlink(out / rel)


def _left_here(build: Path) -> bool:
    """A build of this very process that is not being written (an earlier write's, not removed)."""
    return build.name.startswith(tempfiles.owner() + "-") and str(build) not in _writing


def _links_work(state: Path) -> bool:
    tmp = state / tempfiles.temp_name()
    try:
        os.symlink("builds", tmp)
    except (OSError, NotImplementedError):
        return False
    os.unlink(tmp)
    return True


def _tidy(out: Path, files: Mapping[str, Content], builds: Path, current: Path) -> None:
    """What killed runs left: their builds, temporary links and files (and old kg's temporary files)."""
    in_use = _target(current)
    for name in os.listdir(builds):
        if name != in_use and (tempfiles.is_stale(name, "") or _left_here(builds / name)):
            tempfiles.remove(builds / name)
    tempfiles.remove_stale(current.parent)
    folders: dict[Path, list[str]] = {}
    for rel in files:
        path = out / rel
        folders.setdefault(path.parent, []).append(path.name)
    for folder, names in folders.items():
        _remove_stale(folder, names)


# -- files anywhere, renamed in together -----------------------------------------------------------


def write_all(files: Mapping[Path, Content], *, beside: Collection[Path] = ()) -> None:
    """Write every file to a temporary sibling, then move them all into place together.

    The files in ``beside`` are written by a forked process at the same time as the
    others are written here (where ``fork`` exists; elsewhere all are written here).
    A :class:`Folder` is made after the files, beside its place, and renamed in with them
    (the old one moved aside first, and removed once all are in).
    """
    staged: list[tuple[Path, Path]] = []
    handles: dict[Path, int] = {}  # open temporary files not yet handed to a writer
    try:
        folders: dict[Path, list[str]] = {}
        for target in files:
            folders.setdefault(target.parent, []).append(target.name)
        for folder, names in folders.items():
            folder.mkdir(parents=True, exist_ok=True)
            _remove_stale(folder, names)
        made: list[tuple[Path, Path]] = []
        for target, content in files.items():
            tmp = target.with_name(f"{tempfiles.temp_name()}.{target.name[:80]}")
            if isinstance(content, Folder):
                made.append((tmp, target))
            else:
                handles[target] = os.open(tmp, _NEW_FILE, 0o666)  # the umask applies, as to any new file
            staged.append((tmp, target))
        _write_files({t: c for t, c in files.items() if not isinstance(c, Folder)}, handles, beside)
        folder_targets = {target for _tmp, target in made}
        written = {target: tmp for tmp, target in staged if target not in folder_targets}
        for tmp, target in made:
            content = files[target]
            assert isinstance(content, Folder)
            _make_folder(tmp, content, _beside(target, written))
        _swap(staged)
        staged.clear()
    finally:
        for fd in handles.values():
            os.close(fd)
        for tmp, _ in staged:
            tempfiles.remove(tmp)


def _swap(staged: list[tuple[Path, Path]]) -> None:
    """Rename every temporary file (or folder) over its target; on failure put the old ones back."""
    backups: dict[Path, Path | None] = {}  # target → a link to its previous content (None: it had none)
    done: list[Path] = []
    try:
        for tmp, target in staged:
            backups[target] = None
            if os.path.isdir(tmp) and not os.path.islink(tmp):  # a folder cannot be renamed over: move it aside
                aside = target.with_name(f"{tempfiles.temp_name()}.previous") if os.path.lexists(target) else None
                backups[target] = aside
                done.append(target)
                if aside is not None:
                    os.replace(target, aside)
                os.replace(tmp, target)
                continue
            if target.exists():
                backup = backups[target] = target.with_name(f"{tempfiles.temp_name()}.previous")
                try:
                    os.link(target, backup)
                except OSError:  # no hard links here: a copy does as well
                    shutil.copy2(target, backup)
            # Counted as done before the rename: undoing a rename that did not happen is harmless,
            # missing one that did (a signal arriving just after it) is not.
            done.append(target)
            os.replace(tmp, target)
    except BaseException:
        for target in reversed(done):
            previous = backups[target]
            if previous is not None and os.path.isdir(previous) and not os.path.islink(previous):
                tempfiles.remove(target)  # the new folder, if it was moved in
                os.replace(previous, target)
            elif previous is not None and os.path.lexists(previous):
                os.replace(previous, target)
            elif previous is None:
                tempfiles.remove(target)
        raise
    finally:
        for previous in backups.values():
            if previous is not None:
                tempfiles.remove(previous)


def _remove_stale(folder: Path, names: list[str]) -> None:
    """Temporary files of killed runs in ``folder``, and those kg made before they carried their
    process (``.graph.ttl.k2x9_q0a.tmp``, ``.graph.ttl.previous``) for the files about to be written."""
    tempfiles.remove_stale(folder)
    legacy = re.compile("|".join(rf"\.{re.escape(name)}\.(?:[a-z0-9_]{{8}}\.tmp|previous)" for name in names))
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") and legacy.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                tempfiles.remove(entry.path)


# -- writing ----------------------------------------------------------------------------------------


def _write_files(files: Mapping[Path, Content], handles: dict[Path, int], beside: Collection[Path]) -> None:
    """Write each file's content to its open handle (taken out of ``handles`` as it is handed on); those
    in ``beside`` by a forked helper, at the same time."""
    there = {t: (handles.pop(t), files[t]) for t in list(handles) if t in beside} if can_fork() else {}
    helper = _write_beside(there) if there else None
    try:
        for target, fd in list(handles.items()):
            del handles[target]
            _write_file(fd, files[target])
        if helper is not None:
            helper.join()
    finally:
        if helper is not None:
            helper.stop()


def _write_beside(files: dict[Path, tuple[int, Content]]) -> Helper:
    """A helper writing ``files`` (already opened) while this process writes the others."""

    def work(_send) -> None:
        for fd, content in files.values():
            _write_file(fd, content)

    try:
        return Helper(work, "writing " + ", ".join(target.name for target in files))
    finally:
        for fd, _content in files.values():
            os.close(fd)  # the helper has its own copies (or there is no helper: the build fails)


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(fd: int, content: Content) -> None:
    with os.fdopen(fd, "wb") as handle:
        _write(handle, content)
        handle.flush()
        os.fsync(handle.fileno())


def _write(handle, content: Content) -> None:
    if isinstance(content, Folder):
        raise TypeError("a Folder is made, not written")
    if isinstance(content, bytes):
        handle.write(content)
    elif isinstance(content, str):
        handle.write(content.encode("utf-8"))
    elif isinstance(content, Folder):
        raise TypeError("a folder is made, not written to a file")  # write_set makes folders apart
    else:
        pieces: list[str] = []
        size = 0
        for piece in content:
            pieces.append(piece)
            size += len(piece)
            if size >= CHUNK:
                handle.write("".join(pieces).encode("utf-8"))
                pieces, size = [], 0
        handle.write("".join(pieces).encode("utf-8"))


def _sync_folder(folder: Path) -> None:
    """A folder's entries synced to disk (where folders can be opened: not on Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
