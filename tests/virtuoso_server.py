"""A Virtuoso server of its own on loopback, for the tests and ``bench/bench_push.py``.

Debian's ``virtuoso-opensource`` (7.2) installs ``virtuoso-t`` and ``isql-vt``; its system
service is not used: :func:`start` writes a small ``virtuoso.ini`` into a folder of its
own (database, log, free ports on 127.0.0.1), runs ``virtuoso-t +foreground`` there and
waits until the SPARQL endpoint answers (about 8 s for a new database on 2 cores). A
new database's administrator is ``dba`` with password ``dba``.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
MISSING = None if VIRTUOSO and ISQL else (
    "Virtuoso is not installed (apt-get install virtuoso-opensource: virtuoso-t and isql-vt; .ci/run installs it)")
USER = PASSWORD = "dba"  # a new database's administrator

#: What Virtuoso 7.2 answers otherwise than kg (and the SPARQL standard), by query and variable:
#: BOUND(…) as xsd:integer 0/1, not xsd:boolean; a SUBSTR of the MIN of no value at all as "", not unbound.
QUIRKS = {"organisations-wikidata": {"linked": "integer-boolean"},
          "projects-per-year-and-theme": {"label": "empty-for-unbound"}}

INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., {dirs}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
ThreadsPerQuery = 2
{after_image}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 8
MaxClientConnections = 8
Charset = UTF-8

[SPARQL]
; the package's 10 000 would cut answers short without saying so
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 600
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Virtuoso:
    folder: Path
    http_port: int
    sql_port: int
    proc: subprocess.Popen

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def graph_store(self) -> str:
        """The Graph Store endpoint that takes a user name and password (HTTP Digest)."""
        return self.base + "/sparql-graph-crud-auth"

    @property
    def update(self) -> str:
        """The SPARQL endpoint that takes a user name and password, updates included (HTTP Digest)."""
        return self.base + "/sparql-auth"

    def isql(self, *statements: str, timeout: float = 600) -> str:
        """Run SQL statements with ``isql-vt`` as ``dba``; their output. Raises on an error."""
        assert ISQL is not None
        script = "".join(s.rstrip().rstrip(";") + ";\n" for s in statements)
        done = subprocess.run([ISQL, f"127.0.0.1:{self.sql_port}", USER, PASSWORD, "VERBOSE=OFF", "BANNER=OFF",
                               "PROMPT=OFF", "ECHO=OFF", "ERRORS=STDOUT"], input=script, capture_output=True,
                              text=True, timeout=timeout)
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise RuntimeError(f"isql failed ({done.returncode}): {done.stdout.strip()} {done.stderr.strip()}")
        return done.stdout

    def query(self, sparql: str, default_graph: str | None = None, timeout: float = 600) -> bytes:
        """The SPARQL JSON answer of the public endpoint ``/sparql`` (SPARQL 1.1 Protocol, POST form)."""
        form = {"query": sparql}
        if default_graph is not None:
            form["default-graph-uri"] = default_graph
        request = urllib.request.Request(self.base + "/sparql", data=urllib.parse.urlencode(form).encode(),
                                         headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()

    def count(self, where: str) -> int:
        doc = json.loads(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"))
        return int(doc["results"]["bindings"][0]["n"]["value"])

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


def answers(raw: bytes) -> tuple[list[str], list[tuple]]:
    """The variables and rows (pyoxigraph terms, ``None`` unbound) of a SPARQL JSON answer."""
    from pyoxigraph import QueryResultsFormat, parse_query_results

    solutions = parse_query_results(raw, format=QueryResultsFormat.JSON)
    variables = [v.value for v in solutions.variables]
    return variables, [tuple(solution[v] for v in variables) for solution in solutions]


def compare(name: str, expected, got) -> None:
    """kg's solutions and Virtuoso's, as multisets of rows: equal term by term except where QUIRKS says."""
    variables, kg_rows = expected
    assert got[0] == variables
    quirks = QUIRKS.get(name, {})

    def key(row, side):
        out = []
        for var, term in zip(variables, row, strict=True):
            kind = quirks.get(var)
            if kind == "integer-boolean" and term is not None:
                truth = term.value in ("true", "1")
                out.append(("truth", truth))
            elif kind == "empty-for-unbound" and side == "virtuoso" and term is not None and term.value == "":
                out.append(None)
            else:
                out.append(None if term is None else str(term))
        return tuple(out)

    want = Counter(key(row, "kg") for row in kg_rows)
    have = Counter(key(row, "virtuoso") for row in got[1])
    assert sum(want.values()) == sum(have.values()), name
    assert want - have == Counter() and have - want == Counter(), (name, list((want - have).items())[:3],
                                                                     list((have - want).items())[:3])


def start(folder: Path, *, buffers: int = 10_000, dirs: tuple[Path, ...] = (), timeout: float = 180,
          after_image: int | None = None) -> Virtuoso:
    """A new Virtuoso with its database in ``folder``; ``dirs`` are the folders ``ld_dir`` may read;
    ``after_image`` the bytes of log one transaction may write (``TransactionAfterImageLimit``, 50 MB unless
    given: too few for the ``MOVE`` of a graph of millions of triples)."""
    assert VIRTUOSO is not None, MISSING
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    limit = "" if after_image is None else f"TransactionAfterImageLimit = {after_image}\n"
    ini.write_text(INI.format(folder=folder, sql_port=sql_port, http_port=http_port, buffers=buffers,
                              dirty=buffers * 3 // 4, dirs=", ".join(str(d) for d in (folder, *dirs)),
                              after_image=limit))
    with open(folder / "stdout.log", "wb") as log:
        proc = subprocess.Popen([VIRTUOSO, "-c", str(ini), "+foreground"], cwd=folder, stdout=log,
                                stderr=subprocess.STDOUT)
    server = Virtuoso(folder, http_port, sql_port, proc)
    deadline = time.monotonic() + timeout
    while True:
        try:
            server.query("ASK {}", timeout=5)
            return server
        except (OSError, urllib.error.URLError):
            if proc.poll() is not None or time.monotonic() > deadline:
                server.stop()
                log = folder / "virtuoso.log"
                text = log.read_text(errors="replace")[-2000:] if log.exists() else ""
                raise RuntimeError(f"virtuoso-t did not start: {text}") from None
            time.sleep(0.2)
