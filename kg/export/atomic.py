"""Atomic writes: a failed or interrupted build never leaves a half-written file,
nor a mix of one build's files with another's.

All outputs of one build are first written to temporary files beside their
targets. Only when every one is complete are they renamed into place, each old
file kept under a hard link until the last rename has succeeded; if a rename
fails, the ones already made are undone.

Files can be written side by side: the ones named in ``beside`` are formatted and
written by a forked process while this one writes the rest. The renames stay here,
after both are done, so a failure in either process leaves the old files whole.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from kg.forked import Helper, can_fork

Content = str | bytes | Iterable[str]
"""A file's content: text, bytes, or text in pieces (written as they come)."""

CHUNK = 1 << 16


def write_all(files: Mapping[Path, Content], *, beside: Collection[Path] = ()) -> None:
    """Write every file to a temporary sibling, then move them all into place together.

    The files in ``beside`` are written by a forked process at the same time as the
    others are written here (where ``fork`` exists; elsewhere all are written here).
    """
    staged: list[tuple[Path, Path]] = []
    handles: dict[Path, int] = {}  # open temporary files not yet handed to a writer
    try:
        for target in files:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((Path(tmp), target))
            handles[target] = fd
            os.chmod(tmp, 0o666 & ~_umask())
        there = {t: (handles.pop(t), files[t]) for t in files if t in beside} if can_fork() else {}
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
        _swap(staged)
        staged.clear()
    finally:
        for fd in handles.values():
            os.close(fd)
        for staged_file, _ in staged:
            staged_file.unlink(missing_ok=True)


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


def _write_file(fd: int, content: Content) -> None:
    with os.fdopen(fd, "wb") as handle:
        _write(handle, content)
        handle.flush()
        os.fsync(handle.fileno())


def _write(handle, content: Content) -> None:
    if isinstance(content, bytes):
        handle.write(content)
    elif isinstance(content, str):
        handle.write(content.encode("utf-8"))
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


def _swap(staged: list[tuple[Path, Path]]) -> None:
    """Rename every temporary file over its target; on failure put the old files back."""
    backups: dict[Path, Path | None] = {}  # target → a link to its previous content (None: it had none)
    done: list[Path] = []
    try:
        for tmp, target in staged:
            backups[target] = None
            if target.exists():
                backup = backups[target] = target.with_name(f".{target.name}.previous")
                backup.unlink(missing_ok=True)
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
            if previous is not None:
                os.replace(previous, target)
            else:
                target.unlink(missing_ok=True)
        raise
    finally:
        for previous in backups.values():
            if previous is not None:
                previous.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
