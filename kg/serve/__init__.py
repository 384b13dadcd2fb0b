"""``kg serve``: a read-only SPARQL endpoint and linked-data pages for the graph.

>>> server = start(["output/graph.nq"], port=0)        # doctest: +SKIP
>>> server.server_address                                # doctest: +SKIP
('127.0.0.1', 54321)
>>> server.shutdown(); server.close()                    # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from kg.diagnostics import SiteError
from kg.query.sources import open_store
from kg.serve.app import KGServer
from kg.serve.dataset import Dataset
from kg.serve.runner import QueryRunner

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RESULTS = 10_000


class Server(KGServer):
    """A started ``kg serve``: ``serve_forever()`` in the foreground, or ``start()`` for a thread."""

    _tmp: tempfile.TemporaryDirectory[str] | None = None
    """The folder of the graph files written for this run (a site's), removed by :meth:`close`."""
    quiet: bool = False
    """Whether requests go unlogged."""

    def close(self) -> None:
        """Stop the workers, release the port and remove files made for this run."""
        self.runner.close()
        self.server_close()
        if self._tmp is not None:
            self._tmp.cleanup()


def start(source: str | Path | Sequence[str | Path], *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          timeout: float = DEFAULT_TIMEOUT, max_results: int | None = DEFAULT_MAX_RESULTS, cors: str | None = None,
          workers: int = 2, license: str | None = None, background: bool = False,
          quiet: bool = False) -> Server:
    """Make a server for ``source`` (a site folder, or graph files) on ``host``:``port``.

    A site is built first and its graph files written to a temporary folder, which
    the query workers load and the landing page offers for download. ``/void.ttl``
    describes the graph as ``kg build`` does — licence, publisher and public endpoint
    from the site's ``_config.yml``, or from the ``void.ttl`` beside the graph files —
    plus this server's endpoint; ``license`` overrides the licence. ``port=0``
    takes a free port (see ``server.server_address``). With ``background=True`` the
    server already serves from a daemon thread when this returns.
    """
    tmp = None
    if isinstance(source, (str, Path)) and Path(source).is_dir():
        import kg
        from kg import tempfiles
        from kg.export import OUTPUTS, write_outputs
        from kg.export.void import void_settings

        tempfiles.remove_stale(tempfile.gettempdir(), "kg-serve-")  # those of a server killed outright
        tmp = tempfile.TemporaryDirectory(prefix=f"kg-serve-{tempfiles.owner()}-")
        result = kg.build(source)
        write_outputs(result.graph, result.report(), Path(tmp.name))
        files = [Path(tmp.name) / name for name in OUTPUTS]
        store = result.graph.store()
        settings = void_settings(result.site.config.raw)
    else:
        from kg.export.void import settings_of_void_file

        files = [Path(source)] if isinstance(source, (str, Path)) else [Path(f) for f in source]
        store = open_store(files)
        settings = settings_of_void_file(files[0].parent / "void.ttl")
    if license:
        settings = dataclasses.replace(settings, license=license)
    worker_files = [f for f in files if f.suffix == ".nq"][:1] or files
    runner = QueryRunner(worker_files, workers=workers, timeout=timeout, max_results=max_results)
    try:
        runner.wait_ready()
        server = Server((host, port), Dataset(store, files, settings=settings), runner, cors=cors)
    except BaseException:
        runner.close()
        if tmp is not None:
            tmp.cleanup()
        raise
    server._tmp = tmp
    server.quiet = quiet
    if background:
        threading.Thread(target=server.serve_forever, daemon=True, name="kg-serve").start()
    return server


__all__ = ["DEFAULT_HOST", "DEFAULT_MAX_RESULTS", "DEFAULT_PORT", "DEFAULT_TIMEOUT", "Server", "SiteError", "start"]
