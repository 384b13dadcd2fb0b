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
        f"wrote {len(written)} files to {out}/ (open {out / 'report.html'})"))


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


if __name__ == "__main__":  # pragma: no cover
    main()
