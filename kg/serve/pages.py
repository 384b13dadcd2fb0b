"""The HTML ``kg serve`` shows people: the landing page, entity pages and query results.

Plain server-rendered HTML with one stylesheet served by ``kg serve`` itself: no
script, no CDN, so it works offline. Every value from the graph goes through
:func:`html.escape`, and only ``http(s)`` IRIs become links. Values shown in a line
(names, IRIs) have their control characters made visible (:func:`text`); a query in
the form's text box is escaped and nothing else, so it is submitted as it was written.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode, urlsplit

from pyoxigraph import Literal, NamedNode, Triple

from kg.query.bundled import BundledQuery, Param
from kg.query.formats import instance_prefixes, printable, short
from kg.vocab import KGO

if TYPE_CHECKING:
    from kg.serve.dataset import Dataset

CSS = """\
body { font: 16px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
code, textarea, pre { font: 14px/1.4 ui-monospace, monospace; }
textarea { width: 100%; box-sizing: border-box; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { text-align: left; vertical-align: top;
  padding: .2rem .8rem .2rem 0; border-bottom: 1px solid #ddd; }
.iri { color: #555; font-size: .9rem; word-break: break-all; } .lang { color: #888; font-size: .8rem; }
.error { color: #a00; white-space: pre-wrap; } nav a { margin-right: 1rem; }
.prose { white-space: pre-line; max-width: 48rem; } section { margin: 1.5rem 0; }
h3 small { color: #555; font-weight: normal; }
"""

#: Result formats the results page offers for download: (format name, what to call it).
DOWNLOADS = [("csv", "CSV"), ("json", "JSON"), ("tsv", "TSV"), ("xml", "XML")]


def page(title: str, body: str) -> bytes:
    """A whole HTML document."""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n"
            f'<link rel="stylesheet" href="/static/kg.css"></head>\n<body>\n'
            f'<nav><a href="/">home</a><a href="/sparql">service description</a><a href="/void.ttl">VoID</a>'
            f'<a href="/kg/ontology">vocabulary</a></nav>\n'
            f"{body}\n</body></html>\n").encode()


def text(value: str) -> str:
    """A value from the graph as safe HTML text (control and bidi characters made visible)."""
    return escape(printable(value), quote=True)


def prose(value: str) -> str:
    """Text of several lines (a comment in the vocabulary) as safe HTML: its line breaks kept."""
    return "\n".join(text(line) for line in value.splitlines())


def source(value: str) -> str:
    """Text that must come back exactly as it is (the query in a form's text box), as safe HTML.

    Escaping ``<``, ``>``, ``&`` and quotes is enough to keep ``</textarea>`` or ``<script>``
    inside a query from ending the text box; its line breaks and every other character stay.
    """
    return escape(value, quote=True)


def landing(ds: Dataset, queries: dict[str, BundledQuery], chosen: str | None, downloads: list[str],
            fields: dict[str, list[str]] | None = None) -> bytes:
    """What the dataset holds, a query form (pre-filled with a bundled query when one is chosen,
    or with the query and parameters of ``fields``: a results page's "change the query" link),
    the bundled queries as examples, and links to the VoID description and the downloads."""
    fields = fields or {}
    title = ds.title or "Knowledge graph"
    selected = queries.get(chosen or "")
    if selected is None and not fields.get("query"):
        selected = next(iter(queries.values()), None)
    sparql = (fields.get("query") or [""])[0] or (selected.text if selected else "SELECT * WHERE { ?s ?p ?o } LIMIT 10")
    given = {name[len("param-"):]: values[0] for name, values in fields.items() if name.startswith("param-") and values}
    params = list(selected.params) if selected else []
    params += [Param(name, "") for name in given if name not in {p.name for p in params}]
    classes = "".join(f"<tr><td>{term_link(NamedNode(c))}</td><td>{n}</td></tr>" for c, n in ds.class_counts.items())
    examples = "".join(
        f'<li><a href="/?example={quote(name)}#query">{text(name)}</a>: {text(q.summary)}'
        + (" <em>(parameters: " + text(", ".join(p.name for p in q.params)) + ")</em>" if q.params else "")
        + "</li>"
        for name, q in queries.items())
    inputs = "".join(_param_input(p, given.get(p.name)) for p in params)
    example = f'<input type="hidden" name="example" value="{text(selected.name)}">' if selected else ""
    about = f": {text(selected.name)}, {text(selected.summary)}" if selected else ""
    dumps = "".join(f'<li><a href="/{quote(name)}">{text(name)}</a></li>' for name in downloads)
    body = f"""<h1>{text(title)}</h1>
<p>{text(ds.description or '')}</p>
<p>{ds.triple_count} triples{f' about <a href="{text(ds.base)}/">{text(ds.base)}</a>' if ds.base else ''}.
SPARQL endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol, read-only). The terms are described in the
<a href="/kg/ontology">vocabulary</a>.</p>
<table><tr><th>class</th><th>entities</th></tr>{classes}</table>
<h2 id="query">Query{about}</h2>
<form action="/sparql" method="get">{example}
<p><textarea name="query" rows="18" cols="100" spellcheck="false" aria-label="SPARQL query">
{source(sparql)}</textarea></p>{inputs}
<p><label>format <select name="format"><option value="html">table</option><option value="json">JSON</option>
<option value="xml">XML</option><option value="csv">CSV</option><option value="tsv">TSV</option>
<option value="ttl">Turtle (CONSTRUCT)</option><option value="jsonld">JSON-LD (CONSTRUCT)</option></select></label>
<button type="submit">Run</button></p></form>
<h2>Example queries</h2><ul>{examples}</ul>
<h2>Downloads</h2><ul>{dumps}<li><a href="/void.ttl">void.ttl</a> (VoID description of the dataset)</li>
<li><a href="/kg/ontology?format=ttl">kg.ttl</a> (the vocabulary)</li></ul>"""
    return page(title, body)


_EXAMPLE = re.compile(r'\be\.g\.,?\s*"([^"]+)"')


def example_value(param: Param) -> str:
    """What a parameter's field starts with: its default, else the example its description gives
    (``e.g. "Open Source Politics"``), so Run answers at once."""
    if param.default is not None:
        return param.default
    given = getattr(param, "example", None)  # a header's example value, where the header has one
    if given:
        return str(given)
    found = _EXAMPLE.search(param.description)
    return found.group(1) if found else ""


def _param_input(param: Param, given: str | None) -> str:
    """One parameter's field: ``param-NAME``, as the endpoint reads it (``kg query --param NAME=…``)."""
    value = given if given is not None else example_value(param)
    required = " required" if param.default is None else ""
    about = f" ({text(param.description)})" if param.description else ""
    return (f'\n<p><label>{text(param.name)}{about}: '
            f'<input name="param-{text(param.name)}" value="{source(value)}" size="40"{required}></label></p>')


def link(ds: Dataset, term: NamedNode) -> str:
    """An IRI as a link: the site's own entities to their page here, other http(s) IRIs as they are."""
    iri = term.value
    label = ds.label(iri)
    shown = text(label) if label else text(short(term, instance_prefixes(ds.base or "")))
    scheme = urlsplit(iri).scheme.lower()
    vocabulary = term_href(iri)
    if vocabulary:
        href = vocabulary
    elif ds.base and iri.startswith(ds.base + "/kg/"):
        href = local_path(ds, iri)
    elif scheme in ("http", "https"):
        href = iri
    else:
        return f'<span class="iri">{text(iri)}</span>'
    return f'<a href="{text(href)}">{shown}</a>'


def term_href(iri: str) -> str | None:
    """Where ``kg serve`` describes a term of the vocabulary (``/kg/ontology#client``), if it does."""
    from kg.serve.ontology import vocabulary

    href = vocabulary().href(iri)
    if href is None and iri.startswith(KGO):  # an own term kg.ttl does not declare: still its document
        href = "/kg/ontology"
    return href


def term_link(term: NamedNode, prefixes: dict[str, str] | None = None) -> str:
    """A class or property, shown by its prefixed name: a link to its entry in the vocabulary if it has one."""
    shown = text(short(term, prefixes))
    href = term_href(term.value)
    return f'<a href="{text(href)}">{shown}</a>' if href else shown


def local_path(ds: Dataset, iri: str) -> str:
    """Where ``kg serve`` answers for one of the site's IRIs: its path."""
    return urlsplit(iri).path or "/"


def value(ds: Dataset, term) -> str:
    if isinstance(term, NamedNode):
        return link(ds, term)
    if isinstance(term, Literal):
        lang = f' <span class="lang">@{text(term.language)}</span>' if term.language else ""
        return text(term.value) + lang
    return text(str(term))


def entity(ds: Dataset, iri: str, outgoing: list[Triple], incoming: list[Triple], sources: list[str]) -> bytes:
    """A readable page about one entity: names, properties, what refers to it, and its source files."""
    name = ds.label(iri) or iri
    prefixes = instance_prefixes(ds.base or "")
    rows = "".join(f"<tr><th>{term_link(t.predicate, prefixes)}</th><td>{value(ds, t.object)}</td></tr>"
                   for t in outgoing)
    refs = "".join(f"<li>{value(ds, t.subject)} <span class=\"iri\">{term_link(t.predicate, prefixes)}</span></li>"
                   for t in incoming)
    files = "".join(f"<li><code>{text(path)}</code></li>" for path in sources)
    here = text(local_path(ds, iri))
    body = f"""<h1>{text(name)}</h1>
<p class="iri">{text(iri)}</p>
<p>Also as <a href="{here}?format=ttl">Turtle</a>, <a href="{here}?format=jsonld">JSON-LD</a>,
<a href="{here}?format=nt">N-Triples</a>.</p>
<table>{rows}</table>
{f'<h2>Referred to by</h2><ul>{refs}</ul>' if refs else ''}
{f'<h2>Source files</h2><ul>{files}</ul>' if files else ''}"""
    return page(name, body)


def results(ds: Dataset, variables: list[str], rows: list[list], truncated: bool, boolean: bool | None,
            fields: dict[str, list[str]] | None = None) -> bytes:
    """A SELECT or ASK answer as an HTML table, with links to the same answer in other formats
    and back to the form with this query in it (``fields``: the request's query and parameters)."""
    links = _result_links(fields or {})
    if boolean is not None:
        return page("Answer", f"<h1>Answer</h1><p>{'yes' if boolean else 'no'}</p>{links}")
    head = "".join(f"<th>{text(v)}</th>" for v in variables)
    body_rows = "".join("<tr>" + "".join(f"<td>{value(ds, t) if t is not None else ''}</td>" for t in row) + "</tr>"
                        for row in rows)
    note = "<p><strong>The answer was cut at the result limit.</strong></p>" if truncated else ""
    return page("Query results", f'<h1>{len(rows)} rows</h1>{note}{links}<table class="results">'
                                 f"<thead><tr>{head}</tr></thead><tbody>{body_rows}</tbody></table>")


def _result_links(fields: dict[str, list[str]]) -> str:
    """Download links (the same request with another ``format``) and a link back to the form."""
    if not fields.get("query"):
        return ""
    kept = [(name, v) for name, values in fields.items() if name != "format" for v in values]
    downloads = " · ".join(f'<a href="/sparql?{text(urlencode([*kept, ("format", fmt)]))}" download>{text(label)}</a>'
                           for fmt, label in DOWNLOADS)
    edit = f'<a href="/?{text(urlencode(kept))}#query">change the query</a>'
    return f'<p class="downloads">Download: {downloads}. Or {edit}.</p>'


def error(status: int, message: str) -> bytes:
    return page(f"{status}", f'<h1>{status}</h1><p class="error">{text(message)}</p>')
