"""The bad-input suite: hostile and malformed files, each with the exact outcome expected.

Every case is a small site holding one good project page (``_clients/good.md``)
and one bad file. In every case the bad file gives exactly the diagnostics listed
(file, line, kind, and the words of the message that matter), the good page is
still in the graph, every output parses, and the graph still conforms to the SHACL
shapes. Nothing is executed, fetched or read from outside the site.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import rdflib
from conftest import write_site
from namespaces import KGO, PROJECT, SCHEMA, SITE
from pyoxigraph import RdfFormat, parse

import kg
from kg.load.frontmatter import MAX_DEPTH, FrontMatterError, load_yaml
from kg.validate import validate

GOOD = """\
---
title: Good project
ref: good
client: Göteborgs Stad
year: 2020-2021
---
A project that must survive whatever its neighbours hold.
"""
ORG = rdflib.Namespace(f"{SITE}/kg/organisation/")


def bomb(levels: int = 9) -> str:
    """A 'billion laughs' YAML alias bomb: 9 levels of 9 references each (9**9 leaves when expanded)."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnopqrstuvwxyz"[:levels]
    for previous, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines.append(f"partners: *{names[levels - 1]}")
    return "---\ntitle: Bomb\n" + "\n".join(lines) + "\n---\n"


@dataclass
class Case:
    files: dict[str, str | bytes]
    expected: list[tuple[str, int | None, str, str]]
    """(file, line, kind, words of the message) of every diagnostic, exactly."""
    check: Callable[[rdflib.Graph], None] | None = None
    options: dict = field(default_factory=dict)


def _objects(g: rdflib.Graph, s, p) -> set[str]:
    return {str(o) for o in g.objects(s, p)}


CASES: dict[str, Case] = {
    # -- the shape of a file ----------------------------------------------------------------------
    "no front matter": Case(
        {"_clients/x.md": "Just text, no front matter.\n"},
        [("_clients/x.md", 1, "no-front-matter", "not a document")]),
    "front matter never closed": Case(
        {"_clients/x.md": "---\ntitle: X\nclient: Y\n"},
        [("_clients/x.md", 1, "unclosed-front-matter", "never closed; file skipped")]),
    "YAML syntax error": Case(
        {"_clients/x.md": "---\ntitle: X\npartners: [a, b\nyear: 2020\n---\n"},
        [("_clients/x.md", 4, "yaml-error", "YAML syntax error: did not find expected ',' or ']'")]),
    "an empty file": Case({"_clients/x.md": ""}, [("_clients/x.md", 1, "no-front-matter", "not a document")]),
    "a BOM": Case(
        {"_clients/x.md": "\ufeff---\ntitle: Bom\nyear: 2020\n---\n"}, [],
        lambda g: _objects(g, PROJECT["x"], SCHEMA.name) == {"Bom"} or pytest.fail("BOM file not read")),
    "CRLF line ends": Case(
        {"_clients/x.md": "---\r\ntitle: Crlf\r\nyear: sometime\r\n---\r\nBody\r\n"},
        [("_clients/x.md", 3, "bad-year-range", "'sometime' is not a year")]),
    "invalid UTF-8": Case(
        {"_clients/x.md": b"---\ntitle: X\nclient: G\xf6teborg\n---\n"},
        [("_clients/x.md", 3, "encoding-error", "not valid UTF-8")]),
    "a binary file with a .md name": Case(
        {"_clients/x.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))},
        [("_clients/x.md", None, "binary-file", "binary data")]),
    "a file over the size limit": Case(
        {"_clients/x.md": "---\ntitle: Big\n---\n" + "word " * 400},
        [("_clients/x.md", None, "file-too-large", "over the limit of 1000; skipped")],
        options={"max_file_bytes": 1000}),
    # -- YAML that attacks the parser ----------------------------------------------------------------
    "a billion-laughs alias bomb": Case(
        {"_clients/x.md": bomb()},
        [("_clients/x.md", line, "unknown-key", f"unknown key {key!r}")
         for line, key in zip(range(3, 12), "abcdefghi", strict=True)]
        + [("_clients/x.md", 12, "bad-type", "partners: expected text or a list of texts, got a list; ignored")]),
    "nesting 5000 levels deep": Case(
        {"_clients/x.md": "---\ntitle: X\npartners: " + "[" * 5000 + "]" * 5000 + "\n---\n"},
        [("_clients/x.md", 3, "yaml-error", "nested more than 100 levels deep")]),
    "nesting 100 000 levels deep (would crash libyaml)": Case(
        {"_clients/x.md": "---\ntitle: X\npartners: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n---\n"},
        [("_clients/x.md", 3, "yaml-error", "nested more than 100 levels deep")]),
    "a !!python/object tag": Case(
        {"_clients/x.md": "---\ntitle: !!python/object/apply:os.system ['touch pwned']\n---\n"},
        [("_clients/x.md", 2, "yaml-error", "tag:yaml.org,2002:python/object/apply:os.system' refused")]),
    "a !!python/name tag": Case(
        {"_clients/x.md": "---\ntitle: X\nclient: !!python/name:os.system\n---\n"},
        [("_clients/x.md", 3, "yaml-error", "python/name:os.system' refused")]),
    "front matter that is a list": Case(
        {"_clients/x.md": "---\n- a\n- b\n---\n"},
        [("_clients/x.md", 2, "bad-front-matter", "front matter is a list")]),
    # -- wrong types everywhere ----------------------------------------------------------------------
    "partners: 5": Case(
        {"_clients/x.md": "---\ntitle: X\npartners: 5\n---\n"},
        [("_clients/x.md", 3, "bad-type", "partners: 5 is a number, not a name; read as the text '5'")]),
    "categories: {a: b}": Case(
        {"_clients/x.md": "---\ntitle: X\nyear: 2020\ncategories: {a: b}\n---\n"},
        [("_clients/x.md", 4, "bad-type", "categories: expected text or a list of texts, got a dict")]),
    "title: [a, b]": Case(
        {"_clients/x.md": "---\ntitle: [a, b]\nyear: 2020\n---\n"},
        [("_clients/x.md", 2, "bad-type", "title: expected text, got a list; ignored")]),
    "date: not a date": Case(
        {"_posts/2021-01-01-x.md": "---\ntitle: X\ndate: not a date\n---\n"},
        [("_posts/2021-01-01-x.md", 3, "bad-date", "'not a date' is not a date (expected YYYY-MM-DD")]),
    "year: sometime": Case(
        {"_clients/x.md": "---\ntitle: X\nyear: sometime\n---\n"},
        [("_clients/x.md", 3, "bad-year-range", "no dates stated")],
        lambda g: _objects(g, PROJECT["x"], SCHEMA.startDate) == set() or pytest.fail("a year was guessed")),
    "image: a javascript: URL": Case(
        {"_clients/x.md": "---\ntitle: X\nyear: 2020\nimage: javascript:alert(1)\n---\n"},
        [("_clients/x.md", 4, "bad-url", "'javascript:alert(1)' is neither an http(s) URL nor a path on the site")]),
    "links: a text": Case(
        {"_clients/x.md": "---\ntitle: X\nlinks: https://decidim.org\n---\n"},
        [("_clients/x.md", 3, "bad-type", "links: expected a list of {title, url}")]),
    # -- what YAML 1.1 does to innocent values ------------------------------------------------------
    "lang: no": Case(
        {"_clients/x.md": "---\ntitle: Norsk\nlang: no\n---\n"}, [],
        lambda g: (_objects(g, PROJECT["x"], SCHEMA.name) == {"Norsk"} and
        {o.language for o in g.objects(PROJECT["x"], SCHEMA.name)} == {"no"}) or pytest.fail("lang no lost")),
    "date: 2021-13-45": Case(
        {"_posts/2021-01-01-x.md": "---\ntitle: X\ndate: 2021-13-45\n---\n"},
        [("_posts/2021-01-01-x.md", 3, "bad-date", "'2021-13-45' is not a real date (month must be in 1..12)")]),
    "year: 2021 (an int)": Case(
        {"_clients/x.md": "---\ntitle: X\nyear: 2021\n---\n"}, [],
        lambda g: _objects(g, PROJECT["x"], SCHEMA.startDate) == {"2021"} or pytest.fail("int year lost")),
    # -- references that leave the site -------------------------------------------------------------
    "clients: ../../etc/passwd": Case(
        {"_posts/2021-01-01-x.md": "---\ntitle: X\nclients: ../../etc/passwd\n---\n"},
        [("_posts/2021-01-01-x.md", 3, "outside-site", "'../../etc/passwd' points outside the site; ignored")]),
    "categories: [/etc/passwd]": Case(
        {"_posts/2021-01-01-x.md": "---\ntitle: X\ncategories: [/etc/passwd]\n---\n"},
        [("_posts/2021-01-01-x.md", 3, "outside-site", "'/etc/passwd' is an absolute path")]),
    "a dangling reference": Case(
        {"_posts/2021-01-01-x.md": "---\ntitle: X\nclients: _clients/god.md\n---\n"},
        [("_posts/2021-01-01-x.md", 3, "dangling-reference", "'_clients/god.md' does not exist")]),
    # -- two files, one identity -------------------------------------------------------------------
    "two files with the same ref and language": Case(
        {"_clients/x.md": "---\ntitle: Other\nref: good\nyear: 2018\n---\n"},
        [("_clients/x.md", 3, "duplicate-translation", "already used by _clients/good.md")],
        lambda g: (_objects(g, PROJECT["good"], SCHEMA.startDate), _objects(g, PROJECT["x"], SCHEMA.startDate))
        == ({"2020"}, {"2018"}) or pytest.fail("conflicting years merged")),
    # -- hostile strings ----------------------------------------------------------------------------
    "names with </script>, quotes, control and bidi characters": Case(
        {"_clients/x.md": '---\ntitle: "</script><!-- \\"q\\" \\u202eevil\\u0007 ]]>"\n'
                          'client: "Acme </script>\\u2028 Corp"\nyear: 2020\n---\n'},
        [("_clients/x.md", 2, "bad-text", "title: control or bidi-override characters in")],
        # A title is HTML in the page (Jekyll writes it as it is): the tag is markup, the rest is text.
        lambda g: (_objects(g, PROJECT["x"], SCHEMA.name) == {'<!-- "q" evil ]]>'}
                   and _objects(g, ORG["acme-script-corp"], SCHEMA.name) == {"Acme </script> Corp"})
        or pytest.fail(f"{_objects(g, PROJECT['x'], SCHEMA.name)}")),
    "URLs with spaces and non-ASCII": Case(
        {"_posts/2021-01-01-x.md": "---\ntitle: X\nimage: /images/my photo ö.jpg\nlinks:\n- title: Bad\n"
                                   "  url: https://exa mple.org/a b\n---\n"},
        # A space in a path is what browsers encode anyway (silently, as on the real site); a host with one is broken.
        [("_posts/2021-01-01-x.md", 4, "bad-url", "links: 'https://exa mple.org/a b' has a host name no URL can have")],
        lambda g: _objects(g, rdflib.URIRef(f"{SITE}/news/x/"), SCHEMA.image)
        == {f"{SITE}/images/my%20photo%20ö.jpg"} or pytest.fail("image IRI")),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_reported_and_the_rest_of_the_site_still_builds(tmp_path, name):
    case = CASES[name]
    site = write_site(tmp_path / "site", {"_clients/good.md": GOOD, **case.files})
    out = tmp_path / "out"
    result = kg.build(site, out, **case.options)

    got = [d for d in result.diagnostics if d.file != "_clients/good.md"]
    assert [(d.file, d.line, d.kind) for d in got] == [(f, line, kind) for f, line, kind, _words in case.expected]
    for diagnostic, (_f, _l, _k, words) in zip(got, case.expected, strict=True):
        assert words in diagnostic.message, diagnostic.message
        assert len(diagnostic.message) < 400  # messages quote content, but never all of it

    graph = result.graph.graph()
    assert (PROJECT["good"], KGO.client, ORG["goteborgs-stad"]) in graph, "the good page was lost"
    if case.check is not None:
        case.check(graph)

    # Every output parses, the graph conforms, and nothing left the site.
    for name_, fmt in (("graph.nt", RdfFormat.N_TRIPLES), ("graph.nq", RdfFormat.N_QUADS),
                       ("graph.ttl", RdfFormat.TURTLE), ("graph.jsonld", RdfFormat.JSON_LD)):
        assert list(parse(path=out / name_, format=fmt)), name_
    assert validate(result.graph).conforms
    assert not (site / "pwned").exists() and not Path("pwned").exists()


def test_a_symlink_out_of_the_site_is_not_followed(tmp_path):
    """A content file that is a symlink to a file outside the site is reported and never read."""
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\nclient: Hidden Org\n---\n")
    site = write_site(tmp_path / "site", {"_clients/good.md": GOOD})
    os.symlink(secret, site / "_clients" / "leak.md")
    result = kg.build(site)
    assert [(d.file, d.kind) for d in result.diagnostics] == [("_clients/leak.md", "outside-site")]
    assert "Hidden Org" not in "".join(result.graph.ntriples_lines())


def test_the_size_limit_is_settable_from_the_command_line(tmp_path):
    """``kg build --max-file-bytes N`` skips (and reports) larger files; the rest is built."""
    from click.testing import CliRunner

    from kg.cli import main

    site = write_site(tmp_path / "site", {"_clients/good.md": GOOD,
                                          "_clients/big.md": "---\ntitle: Big\n---\n" + "word " * 400})
    result = CliRunner().invoke(main, ["build", str(site), "--out", str(tmp_path / "out"), "--max-file-bytes", "1000"])
    assert result.exit_code == 0
    assert "_clients/big.md: error [file-too-large]" in result.output
    assert "organisation/goteborgs-stad" in (tmp_path / "out" / "graph.nt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "text", "line", "words"), [
    ("_config.yml", "title: X\nurl: https://example.org\nnav: " + "[" * 5000 + "]" * 5000 + "\n", 3,
     "nested more than 100 levels deep; refused; using Jekyll's defaults"),
    ("_config.yml", "title: X\nurl: [https://example.org\n", 3, "YAML syntax error"),
    ("_data/kg/registry.yml", "organisations:\n  x: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n", 2,
     "nested more than 100 levels deep; refused; data file skipped"),
    ("_data/kg/registry.yml", "organisations: !!python/object:os.system {}\n", 1, "refused"),
])
def test_config_and_data_files_are_read_as_safely_as_front_matter(tmp_path, name, text, line, words):
    """``_config.yml`` and ``_data`` files go through the same safe reader: depth limit, no tags, a line."""
    site = write_site(tmp_path / "site", {"_clients/good.md": GOOD, name: text})
    result = kg.build(site)
    [diagnostic] = [d for d in result.diagnostics if d.file == name and d.kind == "yaml-error"]
    assert diagnostic.line == line
    assert words in diagnostic.message
    if name == "_config.yml":  # an unreadable configuration means Jekyll's defaults, as for no file at all
        assert result.site.config.base == "http://localhost:4000"
    else:
        assert (PROJECT["good"], KGO.client, ORG["goteborgs-stad"]) in result.graph.graph()


#: YAML that nests ``levels`` collections under the top mapping's key ``nested``, and the line
#: (1-based) where the collection that passes kg's limit starts.
NESTINGS = {
    # libyaml scans ahead inside flow collections, so its own limit (1000 in 0.2.6) can come
    # before its events reach kg's; kg's limit must still be the one that answers.
    "flow sequences on one line": (lambda n: "nested: " + "[" * n + "]" * n + "\n", lambda n: 2),
    "flow mappings on one line": (lambda n: "nested: " + "{a: " * n + "1" + "}" * n + "\n", lambda n: 2),
    "compact block sequences": (lambda n: "nested:\n" + "- " * n + "x\n", lambda n: 3),
    "indented block mappings": (lambda n: "nested:\n" + "".join(" " * i + "a:\n" for i in range(1, n))
                                + " " * n + "b: 1\n", lambda n: MAX_DEPTH + 2),
}


@pytest.mark.parametrize("levels", [MAX_DEPTH, MAX_DEPTH + 1000, 20_000])
@pytest.mark.parametrize("shape", list(NESTINGS))
def test_nesting_past_the_limit_is_refused_by_kg_at_the_line_that_passes_it(shape, levels):
    """Whatever the YAML parser's own limits, kg refuses nesting past ``MAX_DEPTH`` with its own
    diagnostic (kind ``yaml-error``) at the line of the first collection too deep."""
    text, line = NESTINGS[shape]
    with pytest.raises(FrontMatterError) as refused:
        load_yaml("title: X\n" + text(levels))  # the top mapping is one level: `levels` more pass the limit
    assert (refused.value.kind, refused.value.line) == ("yaml-error", line(levels))
    assert f"more than {MAX_DEPTH} levels deep" in str(refused.value)


@pytest.mark.parametrize("shape", list(NESTINGS))
def test_nesting_up_to_the_limit_is_read(shape):
    """``MAX_DEPTH`` levels, the top mapping included, are read as the values they are."""
    text, _line = NESTINGS[shape]
    value = load_yaml("title: X\n" + text(MAX_DEPTH - 1))["nested"]
    depth = 1  # the top mapping
    while isinstance(value, (list, dict)):
        depth += 1
        value = next(iter(value if isinstance(value, list) else value.values()), None)
    assert depth == MAX_DEPTH
