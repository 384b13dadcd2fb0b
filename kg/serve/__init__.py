"""``kg serve``: a read-only SPARQL endpoint and linked-data pages for the graph.

>>> server = start(["output/graph.nq"], port=0)        # doctest: +SKIP
>>> server.server_address                                # doctest: +SKIP
('127.0.0.1', 54321)
>>> server.shutdown(); server.close()                    # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from kg.diagnostics import SiteError
from kg.export.store import check, is_store, open_checked
from kg.query.sources import find_store, open_store
from kg.serve.app import MAX_BODY, App
from kg.serve.dataset import Dataset
from kg.serve.runner import QueryRunner
from kg.serve.server import IDLE_TIMEOUT, READ_TIMEOUT, HTTPServer, log_request

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RESULTS = 10_000
DEFAULT_WORKERS = 4
#: Bytes an answer may have (it is cut to fit, and says so).
DEFAULT_MAX_BYTES = 32 << 20
#: Bytes of memory a query may use in its worker beyond the graph's.
DEFAULT_MAX_MEMORY = 1 << 30


class Server(HTTPServer):
    """A started ``kg serve``: ``serve_forever()`` in the foreground, or ``start()`` for a thread."""

    app: App
    _tmp: tempfile.TemporaryDirectory[str] | None = None

    @property
    def dataset(self) -> Dataset:
        return self.app.dataset

    @property
    def runner(self) -> QueryRunner:
        return self.app.runner

    def close(self) -> None:
        """Stop the workers, release the port and remove files made for this run."""
        self.runner.close()
        self.server_close()
        if self._tmp is not None:
            self._tmp.cleanup()


def start(source: str | Path | Sequence[str | Path], *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          timeout: float = DEFAULT_TIMEOUT, max_results: int | None = DEFAULT_MAX_RESULTS, cors: str | None = None,
          workers: int = DEFAULT_WORKERS, license: str | None = None, background: bool = False,
          quiet: bool = False, max_bytes: int | None = DEFAULT_MAX_BYTES,
          max_memory: int | None = DEFAULT_MAX_MEMORY, queue: int | None = None,
          idle_timeout: float = IDLE_TIMEOUT, read_timeout: float = READ_TIMEOUT,
          store: bool | None = None) -> Server:
    """Make a server for ``source`` (a site folder, graph files, or a store's folder) on ``host``:``port``.

    A site is built first and its graph files written to a temporary folder, which
    the query workers share and the landing page offers for download. The on-disk store
    ``kg build --store`` wrote — ``source`` itself, or the one beside ``graph.nq`` (see
    :func:`kg.query.sources.find_store`; ``store=False`` loads the files into memory
    instead, ``store=True`` insists on a store) — is opened read-only at once, and the
    query workers (forks of a fork of this process) share it; the files beside it are offered
    for download, and a store that is not theirs (or of this kg) is refused
    (:class:`~kg.export.store.StoreError`). ``/void.ttl``
    describes the graph as ``kg build`` does — licence, publisher and public endpoint
    from the site's ``_config.yml``, or from the ``void.ttl`` beside the graph files —
    plus this server's endpoint; ``license`` overrides the licence. ``port=0``
    takes a free port (see ``server.server_address``). With ``background=True`` the
    server already serves from a daemon thread when this returns.

    Limits (see :mod:`kg.serve.runner` and :mod:`kg.serve.server`): ``workers`` queries run
    at once and ``queue`` more may wait (default 64 a worker); each may take ``timeout``
    seconds from when it was asked, ``max_memory`` bytes of memory beyond the graph's, and
    its answer is cut at ``max_results`` rows and ``max_bytes`` bytes. A connection that
    sends nothing for ``idle_timeout`` seconds, or takes ``read_timeout`` to send a
    request, is closed.
    """
    tmp = None
    on_disk = None  # the store the workers open (its real path: a later build may move the links on)
    known = None
    if isinstance(source, (str, Path)) and Path(source).is_dir() and not is_store(Path(source)) and not store:
        import kg
        from kg import tempfiles
        from kg.export import OUTPUTS, write_outputs
        from kg.export.void import void_settings

        tempfiles.remove_stale(tempfile.gettempdir(), "kg-serve-")  # those of a server killed outright
        tmp = tempfile.TemporaryDirectory(prefix=f"kg-serve-{tempfiles.owner()}-")
        result = kg.build(source)
        write_outputs(result.graph, result.report(), Path(tmp.name))
        files = [Path(tmp.name) / name for name in OUTPUTS]
        data = result.graph.store()
        settings = void_settings(result.site.config.raw)
        del result  # the store holds the graph now; the workers share it, not the build's rows
    else:
        from kg.export import OUTPUTS
        from kg.export.void import settings_of_void_file

        files = [Path(source)] if isinstance(source, (str, Path)) else [Path(f) for f in source]
        found = find_store(files, store)
        if found is not None:
            known = check(found)
            on_disk = Path(os.path.realpath(found))
            data = open_checked(on_disk)
            if files == [found]:  # the store alone: offer the graph files beside it
                files = [found.parent / name for name in OUTPUTS if (found.parent / name).is_file()]
            settings = settings_of_void_file(found.parent / "void.ttl")
        else:
            data = open_store(files, store=False)
            settings = settings_of_void_file(files[0].parent / "void.ttl")
    if license:
        settings = dataclasses.replace(settings, license=license)
    worker_files = [f for f in files if f.suffix == ".nq"][:1] or files
    runner = None
    try:
        # The fork server is a fork of this process, sharing the store it holds: started before any thread is.
        runner = QueryRunner(worker_files, workers=workers, timeout=timeout, max_results=max_results,
                             max_bytes=max_bytes, max_memory=max_memory, queue=queue, store=on_disk, shared=data)
        runner.wait_ready()
        dataset = Dataset(data, files, settings=settings)
        if known is not None:
            dataset.known(known.triples, known.classes)
        app = App(dataset, runner, cors=cors)
        if not quiet:
            app.log = log_request
        threads = runner.workers + runner.queue + 16  # every query that may run or wait, and pages beside them
        server = Server(app, host, port, threads=threads, idle_timeout=idle_timeout, read_timeout=read_timeout,
                        max_body=MAX_BODY, quiet=quiet)
    except BaseException:
        if runner is not None:
            runner.close()
        if tmp is not None:
            tmp.cleanup()
        raise
    app.server_address = server.server_address
    server.app = app
    server._tmp = tmp
    if background:
        threading.Thread(target=server.serve_forever, daemon=True, name="kg-serve").start()
    return server


__all__ = ["DEFAULT_HOST", "DEFAULT_MAX_BYTES", "DEFAULT_MAX_MEMORY", "DEFAULT_MAX_RESULTS", "DEFAULT_PORT",
           "DEFAULT_TIMEOUT", "DEFAULT_WORKERS", "Server", "SiteError", "start"]
