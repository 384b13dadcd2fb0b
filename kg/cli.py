"""The ``kg`` command: parses arguments, calls the library, formats results.

Errors take one path: the library raises a :class:`kg.errors.KgError` (or click a
usage error), and :class:`KgGroup` prints it as one plain line on stderr,
``error: FILE:LINE: message``, and exits with its status (see :mod:`kg.errors`).
No command catches errors of its own, and no user text is read as markup.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

import kg
from kg.errors import CheckFailed, Interrupted, KgError, UsageError, output_error
from kg.forked import sigterm_as_interrupt
from kg.formats import BY_SUFFIX
from kg.load import MAX_FILE_BYTES
from kg.query.formats import FORMATS as ANSWER_FORMATS
from kg.query.formats import RDF_FORMATS, RESULTS_FORMATS
from kg.terminal import explain_lines, warning_lines

#: Builds with at least this many files show a progress bar of their stages (on a terminal).
PROGRESS_FROM = 300
#: ``ctx.meta`` key of what an interruption leaves behind (said after "interrupted:").
INTERRUPTED = "kg.interrupted"
#: ``ctx.meta`` key of the verbosity: -1 with ``-q``, 0, 1 with ``-v``.
VERBOSITY = "kg.verbosity"


# -- the one error path --------------------------------------------------------------------------
def fail(message: str, code: int, context: tuple[str, ...] = ()) -> int:
    """Print ``error: message`` as one plain line on stderr (nothing in it is markup) and return ``code``."""
    click.secho("error:", fg="red", bold=True, err=True, nl=False)
    click.echo(" " + " ".join(message.split()), err=True)
    for line in context:
        click.echo("  " + line, err=True)
    return code


class KgCommand(click.Command):
    """A ``kg`` command: ``-q``/``--quiet`` and ``-v``/``--verbose`` on each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(click.Option(["--quiet", "-q"], is_flag=True, expose_value=False, is_eager=True,
                                        callback=_set_verbosity(-1), help="Print only warnings and errors."))
        self.params.append(click.Option(["--verbose", "-v"], is_flag=True, expose_value=False, is_eager=True,
                                        callback=_set_verbosity(1),
                                        help="Also say what is done and how long it takes, and an error's cause."))


def _set_verbosity(level: int) -> Any:
    def callback(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if value:
            ctx.meta[VERBOSITY] = level if ctx.meta.get(VERBOSITY, 0) == 0 else 0  # -q -v: the default
    return callback


class KgGroup(click.Group):
    """The ``kg`` group, and the one place errors are handled.

    A :class:`~kg.errors.KgError` from any command, click's usage errors (an unknown
    option, a bad value), an ``OSError`` no code expected, and Ctrl-C each become one
    plain line on stderr and the exit status of :mod:`kg.errors`; no traceback.
    """

    command_class = KgCommand

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            raise click.exceptions.Exit(self._report(exc, ctx)) from None
        except KeyboardInterrupt:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the message short
            left = ctx.meta.get(INTERRUPTED)
            click.echo(f"interrupted{': ' + left if left else ''}", err=True)
            raise click.exceptions.Exit(Interrupted.exit_code) from None
        except BrokenPipeError:  # `kg query … | head`: the reader has what it wanted
            with suppress(OSError):
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more may reach the closed pipe
            raise click.exceptions.Exit(1) from None
        except OSError as exc:  # an OSError no code expected: what and where, in one line
            reason = exc.strerror or " ".join(str(exc).split()) or type(exc).__name__
            filename = exc.filename if isinstance(exc.filename, str) else None
            raise click.exceptions.Exit(self._report(KgError(reason, filename), ctx)) from exc

    @staticmethod
    def _report(exc: KgError, ctx: click.Context) -> int:
        if isinstance(exc, CheckFailed):  # the work is done and its results are printed: say why the status
            if str(exc):
                click.secho(" ".join(str(exc).split()), fg="red", err=True)
            return exc.exit_code
        code = fail(str(exc), exc.exit_code, exc.context)
        if _verbosity(ctx) > 0:
            cause = exc.__cause__ or exc.__context__
            while cause is not None:
                click.echo(f"  caused by {type(cause).__name__}: {' '.join(str(cause).split())}", err=True)
                cause = cause.__cause__ or cause.__context__
        return code

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:  # click's own: a usage error, a bad value
            where: click.Context | None = getattr(exc, "ctx", None)  # usage errors know their command
            hint = f"; see '{where.command_path} -h'" if where is not None else ""
            code = fail(exc.format_message().rstrip(".") + hint, exc.exit_code)
        except click.exceptions.Abort:  # Ctrl-C or end of input while click itself was reading
            click.echo("interrupted", err=True)
            code = Interrupted.exit_code
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _verbosity(ctx: click.Context | None = None) -> int:
    ctx = ctx or click.get_current_context(silent=True)
    return ctx.meta.get(VERBOSITY, 0) if ctx is not None else 0


def quiet() -> bool:
    """Whether ``-q`` was given to this command."""
    return _verbosity() < 0


def note(text: str) -> None:
    """With ``-v``: say ``text`` (plain) on stderr."""
    if _verbosity() > 0:
        click.echo(text, err=True)


@contextmanager
def step(what: str) -> Iterator[None]:
    """With ``-v``: say what is being done, and how long it took."""
    note(f"{what} …")
    started = time.perf_counter()
    yield
    note(f"{what}: {time.perf_counter() - started:.2f} s")


@contextmanager
def writing(target: object, doing: str = "write") -> Iterator[None]:
    """Writing ``target`` (or listening on it): an ``OSError`` in it is the :class:`~kg.errors.OutputError`
    that names it."""
    try:
        yield
    except OSError as exc:
        raise output_error(exc, target, doing) from exc


def plain(stderr: bool = False, **kwargs: Any) -> Console:
    """A console that prints text as it is: no markup, no highlighting, no wrapping of long lines."""
    return Console(stderr=stderr, highlight=False, soft_wrap=True, markup=False, emoji=False, **kwargs)


@click.group("kg", cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(kg.__version__, "--version", "-V", prog_name="kg")
def main() -> None:
    """kg: the knowledge graph of a Jekyll site's content.

    Exit status: 0 done; 1 done, and a check failed (--strict, --validate,
    --check); 2 nothing done (an option, input or output that cannot work);
    130 interrupted.
    """


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
@click.option("--explain", is_flag=True,
              help="Also say how each collection was read and why: its class, the keys read as facts, its pages.")
@click.option("--store", "store", is_flag=True,
              help="Also write --out/store, an on-disk Oxigraph store of the graph that kg query and kg serve "
                   "open at once.")
@click.pass_context
def build(ctx: click.Context, site: Path, out: Path, drafts: bool, strict: bool, include_contact: bool, check: bool,
          max_file_bytes: int, workers: int | None, explain: bool, store: bool) -> None:
    """Map the Jekyll site SITE (default: content/) into a knowledge graph in --out.

    Warnings are printed by kind, the first few of each (an unknown key once per key
    and collection); build-report.json in --out holds every one.

    Exit status: 0 on success (even with warnings), 1 with --strict when there are
    warnings or with --validate when a shape is violated, 2 when the site cannot be
    read at all, 130 when interrupted (the previous outputs stay as they were).
    """
    sigterm_as_interrupt()  # SIGTERM and SIGHUP stop a build as Ctrl-C does
    console = plain(stderr=True)
    ctx.meta[INTERRUPTED] = f"nothing written; the previous files in {out}/ are as they were"
    with step(f"building {site}/ into {out}/"), _stage_bar() as bar:
        big = False

        def stage(what: str, done: int, total: int) -> None:
            nonlocal big
            big = big or (what == "reading" and total >= PROGRESS_FROM)
            if big:  # a small site's build is over before a bar could be read
                bar(what, done, total)

        result = kg.build(site, out, drafts=drafts, include_contact=include_contact, stage=stage,
                          validate=check, max_file_bytes=max_file_bytes, workers=workers, store=store)
    ctx.meta.pop(INTERRUPTED)

    for line, severity in warning_lines(result, str(out / "build-report.json")):
        # Content is never markup: print it as plain text in one colour.
        console.print(Text(line, style="red" if severity == "error" else "yellow"))
    if result.validation is not None:
        _print_validation(console, result.validation)
    if explain:
        say = plain()
        for line in explain_lines(result):
            say.print(Text(line))
    if not quiet():
        _summary(plain(), result, out)
    if result.validation is not None and not result.validation.conforms:
        raise CheckFailed("")  # the violations are printed above
    if strict and result.diagnostics:
        raise CheckFailed(f"--strict: {len(result.diagnostics)} warning(s)")


@main.command()
@click.argument("site", default="content", type=click.Path(path_type=Path))
@click.option("--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help=f"Validate graph files ({', '.join(sorted(BY_SUFFIX))}) kg wrote instead of building SITE. "
                   "Repeatable.")
@click.option("--drafts", is_flag=True, help="Also read _drafts/.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on violations.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def validate(site: Path, graphs: tuple[Path, ...], drafts: bool, strict: bool, as_json: bool) -> None:
    """Check the knowledge graph of SITE (or --graph files) against kg/ontology/shapes.ttl.

    Each result names the source file, the entity, the property and what is wrong.
    Exit status: 0 when the graph conforms (warnings allowed), 1 on a violation (or a
    warning with --strict), 2 when the site or a graph file cannot be read.
    """
    from kg.validate import read_graph_files, validate, validate_graph

    with step("validating"):
        if graphs:
            data, sources = read_graph_files(list(graphs))
            report = validate_graph(data, sources=sources)
        else:
            report = validate(kg.build(site, drafts=drafts).graph)
    if as_json:
        click.echo(json.dumps({"conforms": report.conforms, "counts": report.counts(),
                               "results": [v.as_dict() for v in report.violations]}, ensure_ascii=False, indent=2))
    else:
        _print_validation(plain(), report)
    if not report.conforms or (strict and report.violations):
        raise CheckFailed("")  # the violations are printed above


def _print_validation(console: Console, report: Any) -> None:
    from kg.validate import curie

    for v in report.violations:
        where = ", ".join(v.sources) or "(no source file)"
        value = f" {v.value}" if v.value else ""
        style = "red" if v.severity == "Violation" else "yellow"
        line = f"{where}: {curie(v.focus)} {curie(v.path)}{value}: {v.message} [{v.severity.lower()}]"
        console.print(Text(line, style=style))
    counts = report.counts()
    if report.conforms:
        if quiet():
            return  # -q: only warnings and errors, and conforming is neither
        extra = f" ({counts['Warning']} warning(s))" if counts.get("Warning") else ""
        console.print(Text(f"the graph conforms to the shapes: {report.triples} triples checked{extra}"))
    else:
        console.print(Text(f"{counts.get('Violation', 0)} violation(s), {counts.get('Warning', 0)} warning(s) "
                           f"in {report.triples} triples", style="bold red"))


@main.command()
@click.argument("site", default="content", type=click.Path(path_type=Path))
@click.option("--out", "out", default="output/report", show_default=True, type=click.Path(path_type=Path),
              help="Folder to write the report to.")
@click.option("--focus", metavar="ORG", help="Add the ego network of this organisation (name in any spelling, "
                                             "id or IRI).")
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
    from kg.report import Options, build_report, write_report

    with _stage_bar() as stage:
        with step(f"building {site}/"):
            result = kg.build(site, None, drafts=drafts, progress=lambda done, total: stage("reading", done, total))
        with step("measuring the networks"):
            made = build_report(result, Options(since=since, until=until, focus=focus,
                                                without_site_org=without_site_org), progress=stage)
        with step(f"writing {out}/"):
            written = write_report(made, out, progress=stage)
    if quiet():
        return
    summary = dict(made.summary())
    plain().print(Text(
        f"{summary['projects']} projects, {summary['organisations']} organisations, "
        f"{made.network.number_of_edges()} collaborating pairs, {summary['communities (measured network)']} "
        f"communities (modularity {summary['modularity (measured network)']}); "
        + (f"left out {len(made.undated)} projects without a year; " if made.windowed and made.undated else "")
        + f"wrote {len(written)} files to {out}/ (open {out / 'report.html'})"))


@contextmanager
def _stage_bar() -> Iterator[Callable[[str, int, int], None]]:
    """A bar on stderr saying which stage is running (``kg build``'s and ``kg report``'s: what, stages done,
    stages in all; files read, while reading), how far it is and for how long, the clock running until the
    last stage is done; gone when done. Only on a terminal, and not with ``-q``."""
    console = plain(stderr=True)
    with Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True,
                  disable=not console.is_terminal or quiet()) as bar:
        task = bar.add_task("", total=None)
        shown = [""]

        def stage(what: str, done: int, total: int) -> None:
            # Each stage is drawn as it starts; the files read are many, drawn as the bar refreshes (and the last).
            fresh = what != shown[0] or what != "reading" or done == total
            shown[0] = what
            bar.update(task, description=what, completed=done, total=total or None, refresh=fresh)

        yield stage


def _summary(console: Console, result: kg.BuildResult, out: Path) -> None:
    report = result.report()
    docs = report["documents"]
    by_collection = ", ".join(f"{n} {c}" for c, n in docs["by_collection"].items())
    console.print(Text.assemble((str(docs["read"]), "bold"), f" documents read ({by_collection}); ",
                                (str(report["triples"]), "bold"), " triples."))
    table = Table(title=None, box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("class")
    table.add_column("entities", justify="right")
    for cls, count in report["classes"].items():
        table.add_row(Text(cls), Text(str(count)))
    console.print(table)
    kinds = report["warnings_by_kind"]
    console.print(Text("warnings: " + ", ".join(f"{n} {k}" for k, n in kinds.items()) if kinds else "no warnings"))
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
def seo(site: Path, out: Path | None, inject_into: Path | None, replace_seo_tag: bool, jekyll_files: bool,
        check: bool, drafts: bool) -> None:
    """Schema.org JSON-LD for every page of SITE (default: content/), from its knowledge graph.

    Exit status: 0 on success, 1 when --check finds errors, 2 when the site cannot be read.
    """
    import kg.seo
    from kg.seo.check import check_pages
    from kg.seo.facts import Facts
    from kg.seo.files import write_documents
    from kg.seo.inject import inject
    from kg.seo.jekyll_include import write_jekyll_files

    console = plain(stderr=True)
    say = plain()
    silent = quiet()
    if replace_seo_tag and inject_into is None:
        raise UsageError("--replace-seo-tag works on the pages of --inject")
    if out is None and inject_into is None and not jekyll_files and not check:
        out = Path("output/seo")
    with step(f"building {site}/"):
        result = kg.build(site, None, drafts=drafts)
        pages = kg.seo.pages(result)
    if out is not None:
        with writing(out):
            written = write_documents(pages, out)
        if not silent:
            say.print(Text(f"{len(pages)} pages: wrote {len(written)} JSON-LD files to {out}/"))
    if jekyll_files:
        with writing(site):
            paths = write_jekyll_files(pages, site)
        for path in paths if not silent else ():
            say.print(Text(f"wrote {path}"))
    if inject_into is not None:
        with writing(inject_into):
            injected = inject(pages, inject_into, replace_seo_tag=replace_seo_tag)
        if not silent:
            line = (f"{inject_into}/: JSON-LD added to {len(injected.added)} pages, replaced in "
                    f"{len(injected.replaced)}, unchanged in {len(injected.unchanged)}")
            if replace_seo_tag:
                line += f"; jekyll-seo-tag's JSON-LD removed from {len(injected.seo_tag_removed)}"
            if injected.no_page:
                line += f"; {len(injected.no_page)} HTML files are no page kg knows"
            say.print(Text(line))
        for rel in injected.no_head:
            console.print(Text(f"{inject_into / rel}: no <head> to put the JSON-LD in; left as it is", style="yellow"))
        for url in injected.missing:
            console.print(Text(f"{url}: no built HTML file for this page under {inject_into}/", style="yellow"))

    if check:
        checks = check_pages(pages, Facts(result.graph, result.site.config.lang))
        for page in checks:
            if not silent or not page.ok:
                say.print(Text(page.summary()))
            for problem in page.problems:
                if not silent or problem.severity == "error":
                    say.print(Text(f"  {problem.severity}: {problem.message}",
                                   style="red" if problem.severity == "error" else "yellow"))
        errors = sum(len(c.errors) for c in checks)
        warnings = sum(len(c.problems) for c in checks) - errors
        say.print(Text(f"{len(checks)} pages checked: {errors} errors, {warnings} warnings"))
        if errors:
            raise CheckFailed("")  # the errors are printed above


@main.command("query")
@click.argument("query_text", metavar="QUERY", required=False)
@click.option("--site", type=click.Path(path_type=Path), default=None,
              help="Site folder to build and query (default: content/).")
@click.option("--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help=f"Graph file ({', '.join(sorted(BY_SUFFIX))}), e.g. one kg build wrote; repeat for several. "
                   "The store kg build --store wrote beside graph.nq is opened instead of loading it.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None, metavar="DIR",
              help="Query this on-disk store (the store/ folder kg build --store wrote).")
@click.option("--no-store", is_flag=True, help="Load the --graph files into memory even when a store is beside them.")
@click.option("--format", "fmt", type=click.Choice(ANSWER_FORMATS), default="table", show_default=True,
              help=f"table, or a SPARQL results format ({', '.join(RESULTS_FORMATS)}) for SELECT/ASK; "
                   f"{', '.join(RDF_FORMATS)} (xml: RDF/XML) for CONSTRUCT/DESCRIBE.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (text; <…> for an IRI). Repeat for several.")
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries and exit.")
def query_command(query_text: str | None, site: Path | None, graphs: tuple[Path, ...], store_dir: Path | None,
                  no_store: bool, fmt: str, params: tuple[str, ...], list_queries: bool) -> None:
    """Run the SPARQL query QUERY on the site's graph and print the answer.

    QUERY is SPARQL text, a .rq file, or the name of a bundled query (see --list).
    Exit status 2 for a query with a syntax error, a missing parameter or an
    unreadable site or graph file.
    """
    from kg.query import open_store, parse_param, run, site_base, write_answer
    from kg.query.bundled import bundled_queries, resolve_query
    from kg.query.formats import instance_prefixes, table_cells

    err = plain(stderr=True)
    out = plain()
    if not out.is_terminal:  # piped: whole cells on one line each, whatever their width
        out = plain(width=1_000_000)
    if list_queries:
        table = Table(box=None, show_header=False, pad_edge=False)
        for name, listed in bundled_queries().items():
            takes = " ".join(f'--param {p.name}="{p.example}"' for p in listed.params if p.default is None)
            table.add_row(Text(name, style="bold"), Text(listed.summary + (f"  [{takes}]" if takes else "")))
        out.print(table)
        return
    if not query_text:
        raise UsageError("give a QUERY (SPARQL, a .rq file or a bundled query name; see --list)")
    if site is not None and graphs:
        raise UsageError("give --site or --graph, not both")
    source = _store_source(site, graphs, store_dir, no_store) or _site_or_graphs(site, graphs)
    text, bundled, file = resolve_query(query_text)
    bindings = dict(parse_param(p) for p in params)
    with step("reading the graph"):
        store = open_store(source, store=_use_store(store_dir, no_store))
    if fmt != "table":  # written by pyoxigraph, no Python row in between
        with step("running the query"):
            data = write_answer(store, text, bindings, results_format=fmt, rdf_format=fmt, bundled=bundled,
                                file=file).body
        click.echo(data, nl=False)
        return
    with step("running the query"):
        result = run(store, text, bindings, bundled=bundled, file=file)
    if result.kind == "graph":
        click.echo(result.serialize("ttl"), nl=False)
        return
    headers, rows = table_cells(result, instance_prefixes(site_base(store) or ""))
    table = Table(box=None, header_style="bold", pad_edge=False)
    for header in headers:
        table.add_column(Text(header), overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    out.print(table)
    if result.kind == "select" and not quiet():
        err.print(Text(f"{len(result)} row{'s' if len(result) != 1 else ''}"))


@main.command("serve")
@click.argument("site", required=False, type=click.Path(path_type=Path))
@click.option("--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help=f"Serve these graph files ({', '.join(sorted(BY_SUFFIX))}; .nq keeps the source files' named "
                   "graphs) instead of a site. The store kg build --store wrote beside graph.nq is served instead "
                   "of loading it.")
@click.option("--store", "store_dir", type=click.Path(path_type=Path), default=None, metavar="DIR",
              help="Serve this on-disk store (the store/ folder kg build --store wrote); ready at once, and shared "
                   "by the workers.")
@click.option("--no-store", is_flag=True, help="Load the --graph files into memory even when a store is beside them.")
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
def serve_command(site: Path | None, graphs: tuple[Path, ...], store_dir: Path | None, no_store: bool, host: str,
                  port: int, timeout: float, max_results: int, cors: str | None, workers: int, max_memory: int,
                  max_answer: int, license_: str | None) -> None:
    """Serve the graph of SITE (default: content/) as a read-only SPARQL endpoint with linked-data pages.

    /sparql is the SPARQL 1.1 Protocol endpoint; / a landing page with a query form;
    the site's entity IRIs (/kg/organisation/…) dereference to Turtle, JSON-LD or HTML.
    With -q no request is logged. Ctrl-C stops it (exit status 0).
    """
    from kg.serve import start

    sigterm_as_interrupt()
    source = _store_source(site, graphs, store_dir, no_store) or _site_or_graphs(site, graphs)
    with step("loading the graph and starting the query workers"), writing(f"{host}:{port}", "listen on"):
        server = start(source, host=host, port=port, timeout=timeout, max_results=max_results, cors=cors,
                       workers=workers, license=license_, quiet=quiet(), max_memory=max_memory << 20,
                       max_bytes=max_answer << 20, store=_use_store(store_dir, no_store))
    address, bound = str(server.server_address[0]), server.server_address[1]
    plain(stderr=True).print(Text(
        f"serving {server.dataset.title or 'the graph'} ({server.dataset.triple_count} triples) "
        f"at http://{address}:{bound}/  —  SPARQL at http://{address}:{bound}/sparql; Ctrl-C stops"))
    try:
        with suppress(KeyboardInterrupt):  # Ctrl-C is how a server is stopped: no error
            server.serve_forever()
    finally:
        server.close()


@main.command("push")
@click.argument("site", required=False, type=click.Path(path_type=Path))
@click.option("--graph", "graphs", multiple=True, type=click.Path(path_type=Path),
              help=f"Push the union of these graph files ({', '.join(sorted(BY_SUFFIX))}) instead of building a site.")
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's SPARQL 1.1 Graph Store endpoint (Oxigraph /store, Fuseki /DATASET/data, "
                   "Virtuoso /sparql-graph-crud-auth …).")
@click.option("--graph-iri", default=None, metavar="IRI",
              help="Named graph to replace (default: the site URL + /kg/graph).")
@click.option("--chunk-triples", default=100_000, show_default=True, type=click.IntRange(min=1), metavar="N",
              help="Send at most N triples a request: the first PUT replaces the graph, the others POST into it.")
@click.option("--update-endpoint", default=None, metavar="URL",
              help="The store's SPARQL Update endpoint (Oxigraph /update, Virtuoso /sparql-auth): a graph of "
                   "several chunks goes into a temporary graph, then MOVE puts it in place at once.")
@click.option("--netrc", "netrc_file", default=None, type=click.Path(path_type=Path), metavar="FILE",
              help="Read the user name and password (or a token: an entry without login) for the store's host "
                   "from FILE [default: ~/.netrc, if there is one].")
@click.option("--timeout", default=300.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds each request may take (connecting, sending one chunk, the answer).")
def push_command(site: Path | None, graphs: tuple[Path, ...], endpoint: str, graph_iri: str | None,
                 chunk_triples: int, update_endpoint: str | None, netrc_file: Path | None, timeout: float) -> None:
    """Replace one named graph of a triple store by the graph of SITE (default: content/).

    Sends the graph (the triples of graph.nt) by the SPARQL 1.1 Graph Store
    Protocol, so pushing twice leaves each triple there once. Credentials:
    user:password@ in the URL, KG_PUSH_TOKEN (a bearer token), KG_PUSH_USER and
    KG_PUSH_PASSWORD, or a netrc file; sent as the store asks (Basic, Digest,
    Bearer) and never printed. Exit status 2 when the store is unreachable or
    refuses the graph.
    """
    from kg.push import push, redact

    source = _site_or_graphs(site, graphs)
    console = plain(stderr=True)
    with step(f"pushing to {redact(endpoint)}"), \
            Progress(TextColumn("pushing"), BarColumn(), MofNCompleteColumn(), TextColumn("triples"),
                     TimeElapsedColumn(), console=console, transient=True,
                     disable=not console.is_terminal or quiet()) as bar:
        task = bar.add_task("push", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        result = push(source, endpoint, graph_iri, timeout=timeout, chunk_triples=chunk_triples,
                      update_endpoint=update_endpoint, netrc_file=netrc_file, progress=progress)
    if not quiet():
        how = ""
        if result.chunks > 1:
            how = f" in {result.chunks} requests" + (", then moved in from a temporary graph" if result.swapped else "")
        console.print(Text(f"pushed {result.triples} triples to <{result.graph_iri}> at {result.endpoint}{how} "
                           f"(HTTP {result.status})"))


def _store_source(site: Path | None, graphs: tuple[Path, ...], store_dir: Path | None,
                  no_store: bool) -> Path | list[Path] | None:
    """What a command reads when it may read an on-disk store: the --store folder, or the --graph files (None: the
    site)."""
    if store_dir is not None and (site is not None or graphs):
        raise UsageError("give --store alone: it holds the whole graph (the files beside it are checked against it)")
    if store_dir is not None and no_store:
        raise UsageError("give --store or --no-store, not both")
    return store_dir if store_dir is not None else list(graphs) if graphs else None


def _use_store(store_dir: Path | None, no_store: bool) -> bool | None:
    """``open_store``'s ``store=``: True for --store, False for --no-store, None to use the store beside graph.nq."""
    return True if store_dir is not None else False if no_store else None


def _site_or_graphs(site: Path | None, graphs: tuple[Path, ...]) -> Path | list[Path]:
    """The one source a command reads: the SITE folder (default content/) or the --graph files."""
    from kg.errors import InputError

    if site is not None and graphs:
        raise UsageError("give SITE or --graph, not both")
    source: Path | list[Path] = list(graphs) if graphs else (site or Path("content"))
    if isinstance(source, Path) and not source.is_dir():
        raise InputError(f"no such site folder: {source}")  # as kg.build says it
    return source


if __name__ == "__main__":  # pragma: no cover
    main()
