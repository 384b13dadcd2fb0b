"""Temporary files and folders named after the process making them, so that a later run can tell
which ones a killed run left behind.

A name is ``<prefix><pid>.<start>-<random>``: the process id and the time it started
(from ``/proc``; ``0`` where there is none). A run removes the ones whose process is
gone: no process has that id, or it is a zombie, or it started at another time (the
id was reused, as happens at every restart of a container). A name of a process that
still runs is never touched, so two runs side by side leave each other alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil

PREFIX = ".kg-tmp-"
"""What every temporary name kg makes beside its outputs starts with."""

_OWNER = re.compile(r"(\d+)\.(\d+)-")
_me: tuple[int, str] | None = None


def owner() -> str:
    """``<pid>.<start>`` of this process."""
    global _me
    pid = os.getpid()
    if _me is None or _me[0] != pid:  # a forked child is another owner
        _me = (pid, _start_of(pid) or "0")
    return f"{pid}.{_me[1]}"


def temp_name(prefix: str = PREFIX) -> str:
    """A fresh temporary name of this process: ``.kg-tmp-4242.1234567-9f3a2b1c``."""
    return f"{prefix}{owner()}-{secrets.token_hex(4)}"


def is_stale(name: str, prefix: str = PREFIX) -> bool:
    """Whether ``name`` is a temporary name (with ``prefix``) of a process that no longer runs."""
    if not name.startswith(prefix):
        return False
    found = _OWNER.match(name, len(prefix))
    if found is None:
        return False
    pid, start = int(found.group(1)), found.group(2)
    return not _runs(pid, start)


def remove_stale(folder: str | os.PathLike[str], prefix: str = PREFIX) -> list[str]:
    """Remove every stale temporary file or folder (see :func:`is_stale`) in ``folder``; their names."""
    removed: list[str] = []
    try:
        with os.scandir(folder) as entries:
            stale = [entry for entry in entries if is_stale(entry.name, prefix)]
    except OSError:
        return removed
    for entry in stale:
        remove(entry.path)
        removed.append(entry.name)
    return removed


def remove(path: str | os.PathLike[str]) -> None:
    """Remove a file, a link or a whole folder; what cannot be removed stays (a later run tries again)."""
    with contextlib.suppress(OSError):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)


def _runs(pid: int, start: str) -> bool:
    if pid == os.getpid():
        return owner().endswith(f".{start}") or start == "0"
    stat = _stat(pid)
    if stat is not None:
        state, started = stat
        return state not in ("Z", "X") and (start == "0" or started == start)
    if os.path.isdir("/proc/self"):
        return False  # /proc knows every process: this one is gone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (someone else's)
    return True


def _start_of(pid: int) -> str | None:
    stat = _stat(pid)
    return stat[1] if stat else None


def _stat(pid: int) -> tuple[str, str] | None:
    """State and start time of a process, from ``/proc/<pid>/stat`` (None: no such process, or no /proc)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            text = handle.read().decode("ascii", "replace")
    except OSError:
        return None
    fields = text[text.rfind(")") + 2:].split()  # the name, in brackets, may hold spaces
    return (fields[0], fields[19]) if len(fields) > 19 else None
