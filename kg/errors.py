"""What can stop a command, and the exit status each gives.

Every error kg raises for something a person can fix is a :class:`KgError`: it
carries a message, the file (and line) it is about where there is one, and the exit
status of the command line. ``kg``'s one handler (:class:`kg.cli.KgGroup`) prints it
as one plain line, ``error: FILE:LINE: message``, and exits with that status; the
Python API raises it as it is.

====  =========================================================================
exit  meaning
====  =========================================================================
0     done (warnings allowed)
1     done, and a check failed: ``--strict`` with warnings, a SHACL violation,
      ``kg seo --check`` errors (:class:`CheckFailed`)
2     nothing done: options that cannot work (:class:`UsageError`), an input
      that cannot be read (:class:`InputError`: a site, graph file, query or
      parameter), an output that cannot be written (:class:`OutputError`)
130   interrupted (Ctrl-C): :class:`Interrupted`
====  =========================================================================

Problems in a site's *content* are no errors: they are diagnostics
(:mod:`kg.diagnostics`), and the build goes on.
"""

from __future__ import annotations


class KgError(Exception):
    """Something stops the command: ``message``, where (``file``, ``line``), and the ``exit_code``."""

    exit_code = 2
    """The command line's exit status for this error (the class's unless given)."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None, *,
                 exit_code: int | None = None, context: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        if exit_code is not None:
            self.exit_code = exit_code
        self.context = context
        """Lines shown under the error, indented (a query's line and a caret at the column)."""

    @property
    def where(self) -> str | None:
        """``file:line``, ``file``, or ``None``."""
        if not self.file:
            return None
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def __str__(self) -> str:
        where = self.where
        return f"{where}: {self.message}" if where else self.message


class UsageError(KgError):
    """Options or arguments that cannot work together or have no meaning (exit 2)."""


class InputError(KgError):
    """Something given to kg cannot be read or used: the site folder, a graph file, a query, a parameter (exit 2)."""


SiteError = InputError
"""The older name of :class:`InputError` (``kg.SiteError``, ``kg.diagnostics.SiteError``)."""


class OutputError(KgError):
    """A file or folder kg was asked to write cannot be written, or a port cannot be listened on (exit 2)."""


class CheckFailed(KgError):
    """The command did its work and a check it was asked for failed (exit 1); the message (if any) says why,
    without ``error:``, as the results are printed already."""

    exit_code = 1


class Interrupted(KgError):
    """Ctrl-C (exit 130)."""

    exit_code = 130


def output_error(exc: OSError, target: object, doing: str = "write") -> OutputError:
    """An ``OSError`` met while writing ``target`` (or doing something else to it) as one :class:`OutputError`:
    ``FILE: cannot write: No space left on device``."""
    reason = exc.strerror or " ".join(str(exc).split()) or type(exc).__name__
    filename = exc.filename if isinstance(exc.filename, str) and doing == "write" else None
    return OutputError(f"cannot {doing}: {reason}", filename or str(target))


__all__ = ["CheckFailed", "InputError", "Interrupted", "KgError", "OutputError", "SiteError", "UsageError",
           "output_error"]
