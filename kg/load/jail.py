"""The site is a jail: nothing outside the site folder is read, whatever its symlinks say.

Every read of the site goes through one :class:`Jail`: listing a collection or data
folder (:meth:`Jail.walk`), opening a content file (:meth:`Jail.open`) and reading a
small file such as ``_config.yml`` (:meth:`Jail.text`). A path is inside when its real
path (every symlink resolved) is inside the real path of the site folder; that holds
at every level: a top folder (``_clients``, ``_data``, ``en/_posts``), a folder or file
in one, and ``_config.yml`` itself.

* A symlink leaving the site is an ``outside-site`` warning naming the link, and what it
  points to is neither listed nor opened (the message does not say where it points: the
  build report may be published).
* A symlink to a folder inside the site is followed once: not when it points to the
  folder it is in or one above it (``_clients/loop -> .``: a ``symlink-loop`` warning),
  nor when the walk reads that folder already (``symlink-duplicate``), so no folder is
  listed, and no file read, twice through links. A symlink to a file inside the site is
  a file there, as Jekyll reads it.
* Opening is checked again after the fact: the file's real path is asked of the
  system (``/proc/self/fd``) once it is open, so a link swapped in during the build
  is refused too, and a pipe or device is never read.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from kg.diagnostics import Diagnostics

SKIP_PREFIXES = (".", "_", "#", "~")
"""Names Jekyll does not read inside a collection folder."""

_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_PROC_FD = "/proc/self/fd"


class OutsideSite(OSError):
    """A path whose real place is outside the site folder."""


class NotAFile(OSError):
    """A pipe, socket or device where a file was expected: never read (a pipe would wait for ever)."""


class Jail:
    """Reads of one site folder, none of them outside it."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = os.fspath(root)
        self.real = os.path.realpath(self.root)
        self._prefix = self.real.rstrip(os.sep) + os.sep
        self._links: dict[str, str] = {}  # site-relative path of a followed symlink → its real target
        self._texts: dict[str, str] = {}
        self._proc = os.path.isdir(_PROC_FD)

    # -- where a path is ------------------------------------------------------------------------

    def contains(self, real: str) -> bool:
        """Whether the real path ``real`` is the site folder or inside it."""
        return real == self.real or real.startswith(self._prefix)

    def relative(self, real: str) -> str:
        """A real path inside the site, site-relative (``.`` for the site folder)."""
        return os.path.relpath(real, self.real).replace(os.sep, "/")

    def real_path(self, rel: str) -> str | None:
        """The real path of ``rel`` when it is inside the site, else None."""
        real = os.path.realpath(os.path.join(self.root, rel))
        return real if self.contains(real) else None

    def is_outside(self, rel: str) -> bool:
        """Whether ``rel`` exists but leads outside the site (a symlink somewhere on its way)."""
        return os.path.lexists(os.path.join(self.root, rel)) and self.real_path(rel) is None

    # -- reading ------------------------------------------------------------------------------------

    def open(self, rel: str) -> BinaryIO:
        """``rel`` opened for reading; :class:`OutsideSite` when it leads outside the site, :class:`NotAFile`
        when it is a pipe, socket or device.

        A path :meth:`walk` listed is opened through what the walk found (its symlinks were checked
        then); any other path is resolved first."""
        path = self._known(rel) if self._proc else None
        fd = None
        if path is not None:
            try:
                fd = os.open(path, _FLAGS | _NOFOLLOW)
            except OSError as exc:
                if exc.errno not in (errno.ELOOP, errno.EMLINK):  # not: the file is a symlink after all
                    raise
        if fd is None:
            real = self.real_path(rel)
            if real is None:
                raise OutsideSite(errno.EACCES, "it leads outside the site folder", rel)
            fd = os.open(real, _FLAGS | _NOFOLLOW)
        try:
            if self._proc and not self.contains(os.readlink(f"{_PROC_FD}/{fd}")):
                raise OutsideSite(errno.EACCES, "it leads outside the site folder", rel)
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise NotAFile(errno.EINVAL, "not a regular file (a pipe, socket or device)", rel)
            return open(fd, "rb")  # (O_NONBLOCK, there for pipes, changes nothing for a regular file)
        except BaseException:
            os.close(fd)
            raise

    def read_bytes(self, rel: str) -> bytes:
        with self.open(rel) as handle:
            return handle.read()

    def text(self, rel: str) -> str:
        """The UTF-8 text of a small file (``_config.yml``, a data file), read once however often asked."""
        if rel not in self._texts:
            self._texts[rel] = self.read_bytes(rel).decode("utf-8-sig")
        return self._texts[rel]

    def _known(self, rel: str) -> str | None:
        """The path to open for a listed ``rel``: through the real target of a symlink on its way."""
        if not self._links:
            return os.path.join(self.root, rel) if self._plain(rel) else None
        head, sep, tail = rel, "", ""
        while True:
            target = self._links.get(head)
            if target is not None:
                return target + sep + tail if tail else target
            cut = head.rfind("/")
            if cut < 0:
                break
            tail = head[cut + 1:] + sep + tail if tail else head[cut + 1:]
            sep, head = "/", head[:cut]
        return os.path.join(self.root, rel) if self._plain(rel) else None

    @staticmethod
    def _plain(rel: str) -> bool:
        return not rel.startswith("/") and ".." not in rel.split("/")

    # -- listing ----------------------------------------------------------------------------------

    def folder(self, top: str, diags: Diagnostics) -> str | None:
        """The real path of the folder ``top`` (``_clients``, ``en/_posts``), None when it is no folder or
        leaves the site (then an ``outside-site`` warning names it)."""
        base = os.path.join(self.root, top)
        if not os.path.isdir(base):
            return None
        real = os.path.realpath(base)
        if not self.contains(real):
            diags.add(top, "outside-site", "symlink to a folder outside the site; not read")
            return None
        if real != os.path.normpath(os.path.join(self.real, top)):
            self._links[top] = real
        return real

    def walk(self, top: str, diags: Diagnostics) -> list[str]:
        """Site-relative paths of the files under ``root/top``, as Jekyll would read them (sorted by
        name in each folder, a folder's files before its subfolders'), none outside the site."""
        real = self.folder(top, diags)
        if real is None:
            return []
        out: list[str] = []
        self._walk_into(real, top, [real], [real], out, diags)
        return out

    def _walk_into(self, folder: str, rel: str, chain: list[str], covered: list[str], out: list[str],
                   diags: Diagnostics) -> None:
        try:
            with os.scandir(folder) as found:
                entries = sorted(found, key=lambda entry: entry.name)
        except OSError as exc:
            diags.add(rel, "unreadable", f"cannot read this folder: {exc.strerror}; its files are skipped",
                      severity="error")
            return
        folders: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            if name.startswith(SKIP_PREFIXES):
                continue
            path = f"{rel}/{name}"
            try:
                link = entry.is_symlink()
                is_folder = not link and entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if link:
                target = os.path.realpath(entry.path)
                if not self.contains(target):
                    diags.add(path, "outside-site", "symlink to a place outside the site; not followed")
                    continue
                if os.path.isdir(target):
                    if self._refused(path, target, chain, covered, diags):
                        continue
                    covered.append(target)
                    self._links[path] = target
                    folders.append((target, path))
                    continue
                if name.endswith("~"):
                    continue
                self._links[path] = target
                if _special(target):
                    diags.add(path, "unreadable", "not a regular file (a pipe, socket or device); not read",
                              severity="error")
                    continue
                out.append(path)
            elif is_folder:
                folders.append((os.path.join(folder, name), path))
            elif not name.endswith("~"):
                if not entry.is_file(follow_symlinks=False):  # known from the listing: no system call
                    # Opening a named pipe would wait for a writer for ever; a device is no content.
                    diags.add(path, "unreadable", "not a regular file (a pipe, socket or device); not read",
                              severity="error")
                    continue
                out.append(path)
        for real, path in folders:
            self._walk_into(real, path, [*chain, real], covered, out, diags)

    def _refused(self, path: str, target: str, chain: list[str], covered: list[str], diags: Diagnostics) -> bool:
        """Whether the folder symlink ``path`` → ``target`` would read a folder twice (a loop, or a folder
        this walk reads already); said when it would."""
        if any(_under(here, target) for here in chain):
            diags.add(path, "symlink-loop", f"symlink to {self.relative(target)}, a folder it is in: a loop; "
                      "not followed")
            return True
        for done in covered:
            if _under(target, done) or _under(done, target):
                diags.add(path, "symlink-duplicate", f"symlink to {self.relative(target)}, which is read "
                          f"already (as part of {self.relative(done)}); not followed, so that no file is read "
                          "twice")
                return True
        return False


def _under(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or inside it (both real paths)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _special(real: str) -> bool:
    """Whether ``real`` is a pipe, socket or device (a broken link is not: reading it reports it)."""
    try:
        return not stat.S_ISREG(os.stat(real).st_mode)
    except OSError:
        return False
