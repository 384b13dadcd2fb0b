"""The ``kg`` command: parses arguments, calls the library, formats results."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

import kg
from kg.diagnostics import SiteError

#: Builds with at least this many files show a progress bar (on a terminal).
PROGRESS_FROM = 300


@click.group()
@click.version_option(kg.__version__, prog_name="kg")
def main() -> None:
    """kg: the knowledge graph of a Jekyll site's content."""


@main.command()
@click.argument("site", default="content", type=click.Path(path_type=Path))
@click.option("--out", "out", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder to write the graph files and build report to.")
@click.option("--drafts", is_flag=True, help="Also read _drafts/.")
@click.option("--strict", is_flag=True, help="Exit 1 when there is any warning.")
@click.option("--include-contact", is_flag=True, help="Keep crew e-mail and telephone (personal data).")
@click.option("--quiet", "-q", is_flag=True, help="Print only warnings and errors.")
def build(site: Path, out: Path, drafts: bool, strict: bool, include_contact: bool, quiet: bool) -> None:
    """Map the Jekyll site SITE (default: content/) into a knowledge graph in --out.

    Exit status: 0 on success (even with warnings), 1 with --strict when there are
    warnings, 2 when the site cannot be read at all.
    """
    console = Console(stderr=True, highlight=False)
    show_progress = console.is_terminal and not quiet
    try:
        with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True, disable=not show_progress) as bar:
            task = bar.add_task("read", total=None)

            def progress(done: int, total: int) -> None:
                if (total >= PROGRESS_FROM and done % 100 == 0) or done == total:
                    bar.update(task, completed=done, total=total)

            result = kg.build(site, out, drafts=drafts, include_contact=include_contact, progress=progress)
    except SiteError as exc:
        console.print(f"[bold red]error:[/] {exc}")
        sys.exit(2)
    except OSError as exc:
        console.print(f"[bold red]error:[/] cannot write {exc.filename or out}: {exc.strerror}")
        sys.exit(2)

    for diagnostic in result.diagnostics:
        colour = "red" if diagnostic.severity == "error" else "yellow"
        # Content is never markup: print it as plain text in one colour.
        console.print(Text(str(diagnostic), style=colour), soft_wrap=True, highlight=False)
    if not quiet:
        _summary(Console(highlight=False, soft_wrap=True), result, out)
    if strict and result.diagnostics:
        console.print(f"[bold red]--strict:[/] {len(result.diagnostics)} warning(s)")
        sys.exit(1)


def _summary(console: Console, result: kg.BuildResult, out: Path) -> None:
    report = result.report()
    docs = report["documents"]
    console.print(f"[bold]{docs['read']}[/] documents read "
                  f"({', '.join(f'{n} {c}' for c, n in docs['by_collection'].items())}); "
                  f"[bold]{report['triples']}[/] triples.")
    table = Table(title=None, box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("class")
    table.add_column("entities", justify="right")
    for cls, count in report["classes"].items():
        table.add_row(cls, str(count))
    console.print(table)
    kinds = report["warnings_by_kind"]
    if kinds:
        console.print("warnings: " + ", ".join(f"{n} {k}" for k, n in kinds.items()))
    else:
        console.print("no warnings")
    console.print(Text(f"wrote {', '.join(sorted(result.files))} to {out}/"))


@main.command("query")
@click.argument("query_text", metavar="QUERY", required=False)
@click.option("--site", type=click.Path(path_type=Path), default=None,
              help="Site folder to build and query (default: content/).")
@click.option("--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help="Graph file written by kg build (.ttl, .nt, .nq, .jsonld); repeat for several.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"]),
              default="table", show_default=True,
              help="table, or a SPARQL results format (csv, tsv, json, xml) for SELECT/ASK; "
                   "ttl, nt, jsonld or xml (RDF/XML) for CONSTRUCT/DESCRIBE.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (text; <…> for an IRI). Repeat for several.")
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries and exit.")
def query_command(query_text: str | None, site: Path | None, graphs: tuple[Path, ...], fmt: str,
                  params: tuple[str, ...], list_queries: bool) -> None:
    """Run the SPARQL query QUERY on the site's graph and print the answer.

    QUERY is SPARQL text, a .rq file, or the name of a bundled query (see --list).
    Exit status 2 for a query with a syntax error, a missing parameter or an
    unreadable site or graph file.
    """
    from kg.query import QuerySyntaxError, open_store, parse_param, run, site_base
    from kg.query.bundled import bundled_queries, resolve_query
    from kg.query.formats import FormatError, instance_prefixes, table_cells

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    out = Console(highlight=False, soft_wrap=True)
    if not out.is_terminal:  # piped: whole cells on one line each, whatever their width
        out = Console(highlight=False, soft_wrap=True, width=1_000_000)
    if list_queries:
        table = Table(box=None, show_header=False, pad_edge=False)
        for name, bundled in bundled_queries().items():
            takes = " ".join(f"--param {p.name}=…" for p in bundled.params if p.default is None)
            table.add_row(Text(name, style="bold"), Text(bundled.summary + (f"  [{takes}]" if takes else "")))
        out.print(table)
        return
    if not query_text:
        err.print("[bold red]error:[/] give a QUERY (SPARQL, a .rq file or a bundled query name; see --list)")
        sys.exit(2)
    if site is not None and graphs:
        err.print("[bold red]error:[/] give --site or --graph, not both")
        sys.exit(2)
    try:
        text, bundled, file = resolve_query(query_text)
        bindings = dict(parse_param(p) for p in params)
        store = open_store(list(graphs) if graphs else (site or Path("content")))
        result = run(store, text, bindings, bundled=bundled, file=file)
        if fmt == "table" and result.kind != "graph":
            headers, rows = table_cells(result, instance_prefixes(site_base(store) or ""))
            table = Table(box=None, header_style="bold", pad_edge=False)
            for header in headers:
                table.add_column(Text(header), overflow="fold")
            for row in rows:
                table.add_row(*(Text(cell) for cell in row))
            out.print(table)
            if result.kind == "select":
                err.print(f"{len(result)} row{'s' if len(result) != 1 else ''}")
            return
        data = result.serialize("ttl" if fmt == "table" else fmt)
    except QuerySyntaxError as exc:
        err.print(Text(f"error: {exc}", style="red"))
        if exc.source_line is not None and exc.column is not None:
            err.print(Text("  " + exc.source_line))
            err.print(Text("  " + " " * max(exc.column - 1, 0) + "^", style="red"))
        sys.exit(2)
    except (SiteError, FormatError) as exc:
        err.print(Text(f"error: {exc}", style="red"))
        sys.exit(2)
    click.echo(data, nl=False)


@main.command("serve")
@click.argument("site", required=False, type=click.Path(path_type=Path))
@click.option("--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help="Serve these graph files (.nq keeps the source files' named graphs) instead of a site.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; loopback unless you mean to share it (e.g. 0.0.0.0).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.01),
              help="Seconds a query may run before it is stopped (HTTP 503).")
@click.option("--max-results", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Most rows (or triples) an answer holds; a longer one is cut and says so in X-KG-Truncated.")
@click.option("--cors", default=None, metavar="ORIGIN",
              help="Send Access-Control-Allow-Origin: ORIGIN (e.g. '*') so web pages elsewhere may query.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Query worker processes (each holds a copy of the graph).")
@click.option("--license", "license_", default=None, metavar="IRI", help="Licence IRI for the VoID description.")
def serve_command(site: Path | None, graphs: tuple[Path, ...], host: str, port: int, timeout: float,
                  max_results: int, cors: str | None, workers: int, license_: str | None) -> None:
    """Serve the graph of SITE (default: content/) as a read-only SPARQL endpoint with linked-data pages.

    /sparql is the SPARQL 1.1 Protocol endpoint; / a landing page with a query form;
    the site's entity IRIs (/kg/organisation/…) dereference to Turtle, JSON-LD or HTML.
    """
    from kg.serve import start

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if site is not None and graphs:
        err.print("[bold red]error:[/] give SITE or --graph, not both")
        sys.exit(2)
    source = list(graphs) if graphs else (site or Path("content"))
    if not graphs and not Path(source).is_dir():
        err.print(Text(f"error: {source}: no such site folder", style="red"))
        sys.exit(2)
    try:
        server = start(source, host=host, port=port, timeout=timeout, max_results=max_results, cors=cors,
                       workers=workers, license=license_)
    except SiteError as exc:
        err.print(Text(f"error: {exc}", style="red"))
        sys.exit(2)
    except OSError as exc:
        err.print(Text(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}", style="red"))
        sys.exit(2)
    address, bound = server.server_address[:2]
    err.print(Text(f"serving {server.dataset.title or 'the graph'} ({server.dataset.triple_count} triples) "
                   f"at http://{address}:{bound}/  —  SPARQL at http://{address}:{bound}/sparql; Ctrl-C stops"))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


if __name__ == "__main__":  # pragma: no cover
    main()
