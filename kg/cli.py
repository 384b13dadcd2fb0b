"""The ``kg`` command: parses arguments, calls the library, formats results."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

import kg
from kg.diagnostics import SiteError
from kg.forked import sigterm_as_interrupt
from kg.load import MAX_FILE_BYTES
from kg.terminal import explain_lines, warning_lines

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
@click.option("--validate", "check", is_flag=True, help="Also check the graph against kg/ontology/shapes.ttl (SHACL).")
@click.option("--max-file-bytes", default=MAX_FILE_BYTES, show_default=True, type=click.IntRange(min=1),
              help="Skip (and report) content files larger than this.")
@click.option("--jobs", "-j", "workers", default=None, type=click.IntRange(min=1), metavar="N",
              help="Processes that build big sites (readers, and a helper beside this one) "
                   "[default: one per core].")
@click.option("--quiet", "-q", is_flag=True, help="Print only warnings and errors.")
@click.option("--explain", is_flag=True,
              help="Also say how each collection was read and why: its class, the keys read as facts, its pages.")
def build(site: Path, out: Path, drafts: bool, strict: bool, include_contact: bool, check: bool,
          max_file_bytes: int, workers: int | None, quiet: bool, explain: bool) -> None:
    """Map the Jekyll site SITE (default: content/) into a knowledge graph in --out.

    Warnings are printed by kind, the first few of each (an unknown key once per key
    and collection); build-report.json in --out holds every one.

    Exit status: 0 on success (even with warnings), 1 with --strict when there are
    warnings or with --validate when a shape is violated, 2 when the site cannot be
    read at all, 130 when interrupted (the previous outputs stay as they were).
    """
    sigterm_as_interrupt()
    console = Console(stderr=True, highlight=False)
    show_progress = console.is_terminal and not quiet
    try:
        with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True, disable=not show_progress) as bar:
            task = bar.add_task("read", total=None)

            def progress(done: int, total: int) -> None:
                if total >= PROGRESS_FROM or done == total:
                    bar.update(task, completed=done, total=total)

            result = kg.build(site, out, drafts=drafts, include_contact=include_contact, progress=progress,
                              validate=check, max_file_bytes=max_file_bytes, workers=workers)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut this message short
        console.print(f"[bold red]interrupted:[/] nothing written; the previous files in {out}/ are as they were")
        sys.exit(130)
    except SiteError as exc:
        console.print(f"[bold red]error:[/] {exc}")
        sys.exit(2)
    except OSError as exc:
        console.print(f"[bold red]error:[/] cannot write {exc.filename or out}: {exc.strerror}")
        sys.exit(2)

    for line, severity in warning_lines(result, str(out / "build-report.json")):
        # Content is never markup: print it as plain text in one colour.
        console.print(Text(line, style="red" if severity == "error" else "yellow"), soft_wrap=True, highlight=False)
    if result.validation is not None:
        _print_validation(console, result.validation)
    if explain:
        say = Console(highlight=False, soft_wrap=True)
        for line in explain_lines(result):
            say.print(Text(line))
    if not quiet:
        _summary(Console(highlight=False, soft_wrap=True), result, out)
    if result.validation is not None and not result.validation.conforms:
        sys.exit(1)
    if strict and result.diagnostics:
        console.print(f"[bold red]--strict:[/] {len(result.diagnostics)} warning(s)")
        sys.exit(1)


@main.command()
@click.argument("site", default="content", type=click.Path(path_type=Path))
@click.option("--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help="Validate graph files kg wrote (.ttl, .nt, .nq, .jsonld) instead of building SITE. Repeatable.")
@click.option("--drafts", is_flag=True, help="Also read _drafts/.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on violations.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def validate(site: Path, graphs: tuple[Path, ...], drafts: bool, strict: bool, as_json: bool) -> None:
    """Check the knowledge graph of SITE (or --graph files) against kg/ontology/shapes.ttl.

    Each result names the source file, the entity, the property and what is wrong.
    Exit status: 0 when the graph conforms (warnings allowed), 1 on a violation (or a
    warning with --strict), 2 when the site or a graph file cannot be read.
    """
    from kg.validate import GraphFileError, read_graph_files, validate, validate_graph

    console = Console(stderr=True, highlight=False)
    try:
        if graphs:
            data, sources = read_graph_files(list(graphs))
            report = validate_graph(data, sources=sources)
        else:
            report = validate(kg.build(site, drafts=drafts).graph)
    except (SiteError, GraphFileError) as exc:
        console.print(Text(f"error: {exc}", style="bold red"), soft_wrap=True)
        sys.exit(2)
    except ValueError as exc:  # a graph without its site (no schema:WebSite)
        console.print(Text(f"error: {exc}", style="bold red"), soft_wrap=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps({"conforms": report.conforms, "counts": report.counts(),
                               "results": [v.as_dict() for v in report.violations]}, ensure_ascii=False, indent=2))
    else:
        _print_validation(Console(highlight=False, soft_wrap=True), report)
    if not report.conforms or (strict and report.violations):
        sys.exit(1)


def _print_validation(console: Console, report) -> None:
    from kg.validate import curie

    for v in report.violations:
        where = ", ".join(v.sources) or "(no source file)"
        value = f" {v.value}" if v.value else ""
        style = "red" if v.severity == "Violation" else "yellow"
        line = f"{where}: {curie(v.focus)} {curie(v.path)}{value}: {v.message} [{v.severity.lower()}]"
        console.print(Text(line, style=style), soft_wrap=True, highlight=False)
    counts = report.counts()
    if report.conforms:
        extra = f" ({counts['Warning']} warning(s))" if counts.get("Warning") else ""
        console.print(Text(f"the graph conforms to the shapes: {report.triples} triples checked{extra}"))
    else:
        console.print(Text(f"{counts.get('Violation', 0)} violation(s), {counts.get('Warning', 0)} warning(s) "
                           f"in {report.triples} triples", style="bold red"))


@main.command()
@click.argument("site", default="content", type=click.Path(path_type=Path))
@click.option("--out", "out", default="output/report", show_default=True, type=click.Path(path_type=Path),
              help="Folder to write the report to.")
@click.option("--focus", metavar="ORG", help="Add the ego network of this organisation (name, slug or IRI).")
@click.option("--since", type=int, metavar="YEAR", help="Only projects running in or after YEAR.")
@click.option("--until", type=int, metavar="YEAR", help="Only projects running in or before YEAR.")
@click.option("--without-site-org", is_flag=True,
              help="Measure the network without the site's own organisation (both are always drawn).")
@click.option("--drafts", is_flag=True, help="Also read _drafts/.")
def report(site: Path, out: Path, focus: str | None, since: int | None, until: int | None,
           without_site_org: bool, drafts: bool) -> None:
    """Write a collaboration-network report of the site SITE into --out.

    report.html (self-contained), report.md, plots (PNG, SVG), tables (CSV) and
    networks (GraphML, GEXF, JSON). Exit status 2 when the site cannot be read or
    the options make no report (unknown --focus, --since after --until).
    """
    from kg.report import Options, ReportError, build_report, write_report

    console = Console(stderr=True, highlight=False)
    try:
        result = kg.build(site, None, drafts=drafts)
        made = build_report(result, Options(since=since, until=until, focus=focus,
                                            without_site_org=without_site_org))
        written = write_report(made, out)
    except (SiteError, ReportError) as exc:
        console.print(Text("error: ", style="bold red") + Text(str(exc)), soft_wrap=True)
        sys.exit(2)
    except OSError as exc:
        console.print(Text(f"error: cannot write {exc.filename or out}: {exc.strerror}", style="bold red"))
        sys.exit(2)
    summary = dict(made.summary())
    Console(highlight=False, soft_wrap=True).print(Text(
        f"{summary['projects']} projects, {summary['organisations']} organisations, "
        f"{made.network.number_of_edges()} collaborating pairs, {summary['communities (measured network)']} "
        f"communities (modularity {summary['modularity (measured network)']}); "
        + (f"left out {len(made.undated)} projects without a year; " if made.windowed and made.undated else "")
        + f"wrote {len(written)} files to {out}/ (open {out / 'report.html'})"))


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


@main.command()
@click.argument("site", default="content", type=click.Path(path_type=Path))
@click.option("--out", "out", default=None, type=click.Path(path_type=Path),
              help="Folder for one JSON-LD file per page [default: output/seo when nothing else is asked].")
@click.option("--inject", "inject_into", default=None, type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="Built site (e.g. _site/) whose HTML pages get their JSON-LD in <head>.")
@click.option("--replace-seo-tag", is_flag=True,
              help="With --inject: remove jekyll-seo-tag's JSON-LD (its meta tags stay).")
@click.option("--jekyll", "jekyll_files", is_flag=True,
              help="Write _includes/kg-jsonld.html and _data/kg_jsonld.json into SITE.")
@click.option("--check", is_flag=True, help="Validate every page's JSON-LD; exit 1 on errors.")
@click.option("--drafts", is_flag=True, help="Also read _drafts/.")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems.")
def seo(site: Path, out: Path | None, inject_into: Path | None, replace_seo_tag: bool, jekyll_files: bool,
        check: bool, drafts: bool, quiet: bool) -> None:
    """Schema.org JSON-LD for every page of SITE (default: content/), from its knowledge graph.

    Exit status: 0 on success, 1 when --check finds errors, 2 when the site cannot be read.
    """
    import kg.seo
    from kg.seo.check import check_pages
    from kg.seo.facts import Facts
    from kg.seo.files import write_documents
    from kg.seo.inject import inject
    from kg.seo.jekyll_include import write_jekyll_files

    console = Console(stderr=True, highlight=False)
    say = Console(highlight=False, soft_wrap=True)
    if replace_seo_tag and inject_into is None:
        console.print("[bold red]error:[/] --replace-seo-tag works on the pages of --inject")
        sys.exit(2)
    if out is None and inject_into is None and not jekyll_files and not check:
        out = Path("output/seo")
    try:
        result = kg.build(site, None, drafts=drafts)
        pages = kg.seo.pages(result)
        if out is not None:
            written = write_documents(pages, out)
            if not quiet:
                say.print(Text(f"{len(pages)} pages: wrote {len(written)} JSON-LD files to {out}/"))
        if jekyll_files:
            for path in write_jekyll_files(pages, site):
                if not quiet:
                    say.print(Text(f"wrote {path}"))
        if inject_into is not None:
            report = inject(pages, inject_into, replace_seo_tag=replace_seo_tag)
            if not quiet:
                line = (f"{inject_into}/: JSON-LD added to {len(report.added)} pages, replaced in "
                        f"{len(report.replaced)}, unchanged in {len(report.unchanged)}")
                if replace_seo_tag:
                    line += f"; jekyll-seo-tag's JSON-LD removed from {len(report.seo_tag_removed)}"
                if report.no_page:
                    line += f"; {len(report.no_page)} HTML files are no page kg knows"
                say.print(Text(line))
            for rel in report.no_head:
                console.print(Text(f"{inject_into / rel}: no <head> to put the JSON-LD in; left as it is",
                                   style="yellow"))
            for url in report.missing:
                console.print(Text(f"{url}: no built HTML file for this page under {inject_into}/", style="yellow"))
    except SiteError as exc:
        console.print(f"[bold red]error:[/] {exc}")
        sys.exit(2)
    except OSError as exc:
        console.print(Text(f"error: cannot write {exc.filename or out}: {exc.strerror}", style="bold red"))
        sys.exit(2)

    if check:
        checks = check_pages(pages, Facts(result.graph, result.site.config.lang))
        for page in checks:
            if not quiet or not page.ok:
                say.print(Text(page.summary()))
            for problem in page.problems:
                if not quiet or problem.severity == "error":
                    say.print(Text(f"  {problem.severity}: {problem.message}",
                                   style="red" if problem.severity == "error" else "yellow"))
        errors = sum(len(c.errors) for c in checks)
        warnings = sum(len(c.problems) for c in checks) - errors
        say.print(Text(f"{len(checks)} pages checked: {errors} errors, {warnings} warnings"))
        if errors:
            sys.exit(1)
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
    from kg.query import QuerySyntaxError, open_store, parse_param, run, site_base, write_answer
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
        if fmt != "table":  # written by pyoxigraph, no Python row in between
            data = write_answer(store, text, bindings, results_format=fmt, rdf_format=fmt, bundled=bundled,
                                file=file).body
        else:
            result = run(store, text, bindings, bundled=bundled, file=file)
            if result.kind != "graph":
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
            data = result.serialize("ttl")
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
              help="Seconds a query may take, waiting for a worker included, before it is stopped (HTTP 503).")
@click.option("--max-results", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Most rows (or triples) an answer holds; a longer one is cut and says so in X-KG-Truncated.")
@click.option("--cors", default=None, metavar="ORIGIN",
              help="Send Access-Control-Allow-Origin: ORIGIN (e.g. '*') so web pages elsewhere may query.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Queries run at once, each in a worker process forked from one copy of the graph.")
@click.option("--max-memory", default=1024, show_default=True, type=click.IntRange(min=64), metavar="MB",
              help="Memory a query may use beyond the graph's; one that needs more is stopped (HTTP 503).")
@click.option("--max-answer", default=32, show_default=True, type=click.IntRange(min=1), metavar="MB",
              help="Size an answer may have; a longer one is cut and says so in X-KG-Truncated.")
@click.option("--license", "license_", default=None, metavar="IRI", help="Licence IRI for the VoID description.")
def serve_command(site: Path | None, graphs: tuple[Path, ...], host: str, port: int, timeout: float,
                  max_results: int, cors: str | None, workers: int, max_memory: int, max_answer: int,
                  license_: str | None) -> None:
    """Serve the graph of SITE (default: content/) as a read-only SPARQL endpoint with linked-data pages.

    /sparql is the SPARQL 1.1 Protocol endpoint; / a landing page with a query form;
    the site's entity IRIs (/kg/organisation/…) dereference to Turtle, JSON-LD or HTML.
    """
    from kg.serve import start

    sigterm_as_interrupt()
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    source = _site_or_graphs(site, graphs, err)
    try:
        server = start(source, host=host, port=port, timeout=timeout, max_results=max_results, cors=cors,
                       workers=workers, license=license_, max_memory=max_memory << 20, max_bytes=max_answer << 20)
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


@main.command("push")
@click.argument("site", required=False, type=click.Path(path_type=Path))
@click.option("--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help="Push the union of these graph files (.nt, .nq, .ttl, .jsonld) instead of building a site.")
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's SPARQL 1.1 Graph Store endpoint (Oxigraph /store, Fuseki /DATASET/data …); "
                   "user:password@ in it becomes HTTP Basic authentication.")
@click.option("--graph-iri", default=None, metavar="IRI",
              help="Named graph to replace (default: the site URL + /kg/graph).")
@click.option("--timeout", default=300.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds the whole push may take (connecting, sending, the answer).")
def push_command(site: Path | None, graphs: tuple[Path, ...], endpoint: str, graph_iri: str | None,
                 timeout: float) -> None:
    """Replace one named graph of a triple store by the graph of SITE (default: content/).

    Sends the graph (the triples of graph.nt) with one HTTP PUT of the SPARQL 1.1
    Graph Store Protocol, so pushing twice leaves each triple there once. Exit
    status 2 when the store is unreachable or refuses the graph.
    """
    from kg.push import push

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    source = _site_or_graphs(site, graphs, err)
    try:
        result = push(source, endpoint, graph_iri, timeout=timeout)
    except SiteError as exc:
        err.print(Text(f"error: {exc}", style="red"))
        sys.exit(2)
    err.print(Text(f"pushed {result.triples} triples to <{result.graph_iri}> at {result.endpoint} "
                   f"(HTTP {result.status})"))


def _site_or_graphs(site: Path | None, graphs: tuple[Path, ...], err: Console) -> Path | list[Path]:
    """The one source a command reads: the SITE folder (default content/) or the --graph files."""
    if site is not None and graphs:
        err.print("[bold red]error:[/] give SITE or --graph, not both")
        sys.exit(2)
    source: Path | list[Path] = list(graphs) if graphs else (site or Path("content"))
    if isinstance(source, Path) and not source.is_dir():
        err.print(Text(f"error: {source}: no such site folder", style="red"))
        sys.exit(2)
    return source


if __name__ == "__main__":  # pragma: no cover
    main()
