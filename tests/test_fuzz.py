"""Property-based tests: sites of every shape the real site uses, and many it doesn't.

Hypothesis writes front matter from the keys the Digidem Lab site uses (and
others), with values of every YAML type, hostile text, markup bodies and now
and then raw bytes. Whatever it writes, the build never raises, every output
parses, and building the same site twice gives byte-identical files.
``KG_FUZZ_EXAMPLES=1000 pytest tests/test_fuzz.py`` searches harder than the default 40.

A second fuzzer writes front matter and ``_config.yml`` line by line, as a person
does, so values no YAML writer makes from Python get in: ``"\\ud800"``, NUL, a
``%`` that starts no percent-encoding, dates past year 9999 once their offset is
applied, offsets no zone has, hosts no URL parser reads. Every crash it found is
a named test in ``test_bad_values.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import textwrap
from pathlib import Path

import yaml
from conftest import DEFAULT_CONFIG, write_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import RdfFormat, parse

import kg

KEYS = ["title", "date", "lang", "ref", "client", "partners", "funding", "year", "categories", "clients", "links",
        "image", "excerpt", "ingress-text", "permalink", "published", "slug", "layout", "redirect_from"]
HOSTILE = ["</script>", "<!--", "]]>", "\u2028", "\u2029", "\u202e", "\x00", "\x07", '"', "'", "\\", "&amp;",
           "{% include x %}", "{{ site.url }}", "../../etc/passwd", "/etc/passwd", "Göteborgs Stad", "Decidim",
           "Open Source Politics", "Chicago", "2020-2021", "2019-", "no", "yes", "_themes/tema.md",
           "_clients/p.md", "https://decidim.org", "http://", "ftp://x", " ", "", "\t", "\ufeff"]

text = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30),
                 st.lists(st.sampled_from(HOSTILE), max_size=4).map("".join))
scalar = st.one_of(text, st.integers(-10_000, 10_000), st.booleans(), st.none(), st.floats(allow_nan=False),
                   st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
                   st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)))
value = st.recursive(scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["title", "url", "a"]) | text, inner, max_size=3)),
    max_leaves=8)
front = st.dictionaries(st.sampled_from(KEYS) | st.text(min_size=1, max_size=10), value, max_size=8)
body = st.one_of(text, st.lists(st.sampled_from(["# Head\n", "*em* ", "[link](http://x) ", "<b>bold</b> ",
                                                 "<script>alert(1)</script>", "Decidim ", "\n\n", "&lt;"]),
                                max_size=8).map("".join))


def render(data: dict, content: str, raw: bytes | None) -> str | bytes:
    if raw is not None:
        return raw
    try:
        head = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        head = "title: unrepresentable\n"
    return f"---\n{head}---\n{content}"


document = st.tuples(front, body, st.one_of(st.none(), st.binary(max_size=64)).filter(
    lambda raw: raw is None or not raw.startswith(b"---")))
NAMES = ["_clients/p.md", "_clients/p-en.md", "_themes/tema.md", "_posts/2021-05-11-nyhet.md",
         "_posts/2022-01-01-news.markdown", "_crew/anna.md", "index.md"]


@settings(max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(document, min_size=1, max_size=len(NAMES)))
def test_any_site_builds_into_outputs_that_parse_the_same_every_time(documents):
    files = {name: render(*doc) for name, doc in zip(NAMES, documents, strict=False)}
    with tempfile.TemporaryDirectory() as tmp:
        site = write_site(Path(tmp) / "site", files)
        first = kg.build(site, Path(tmp) / "a")
        kg.build(site, Path(tmp) / "b")
        for name, fmt in (("graph.nt", RdfFormat.N_TRIPLES), ("graph.nq", RdfFormat.N_QUADS),
                          ("graph.ttl", RdfFormat.TURTLE), ("graph.jsonld", RdfFormat.JSON_LD)):
            a, b = (Path(tmp) / "a" / name).read_bytes(), (Path(tmp) / "b" / name).read_bytes()
            assert a == b, f"{name} differs between two builds"
            triples = {(t.subject, t.predicate, t.object) for t in parse(a, format=fmt)}
            if name != "graph.nq":
                assert len(triples) == len(first.graph), name
        for diagnostic in first.diagnostics:
            assert diagnostic.file and diagnostic.message and "\n" not in str(diagnostic)


# -- hand-written values: what only a file written by hand (or by another tool) holds -------------
#: YAML spellings of values no YAML writer makes from Python: escapes for lone surrogates and NUL,
#: dates with offsets past the year range, offsets no zone has, YAML 1.1 words, Liquid's '%', hosts
#: no URL parser reads, dot segments, and IRIs no path can hold.
RAW_VALUES = [
    '"\\ud800"', '"\\udfff x"', '"a\\0b"', '"\\x00"', '"\\u2028\\u202e"', '"\\uffff"', '"\\U0010ffff"',
    "'100%'", "/100%/", "'/{% include x %}/'", "/a%zz/", '"%"', "'%%'", "'%2'", "/50%25/", "'%E5%8C'",
    "https://x.org/%zz", "'https://[zz/'", "'http://[::1'", "https://[1::2::3]/", "'https://exa mple.org/'",
    "https://example.org:port/", "mailto:%zz", "'//evil.example/x'", "'javascript:alert(1)'",
    "9999-12-31 23:59:59 -01:00", "'9999-12-31 23:59:59 -01:00'", "0001-01-01 00:00:00 +01:00",
    "'0001-01-01 00:00:00 +05:00'", "2020-01-01 00:00:00 +99:00", "'2020-01-01 00:00:00 +24:00'",
    "'2020-01-01 00:00:00 +01:60'", "2020-02-30", "'99999-01-01'", "1800-01-01 12:00:00", "'-0001-01-01'",
    "9999-12-31", "0001-01-01", "2021-06-01T25:00:00", "off", "on", "yes", "no", "OFF", "~", "''", "[]", "{}",
    "[a, '%zz']", "{url: '/a%zz', title: x}", "'../..'", "/./../x", "'[x]'", "'/a#b#c/'", "'/a?b#c#d'",
    "'/\\t/'", '"/a\\x01b/"', "'" + "x" * 5000 + "'", "'" + "%" * 300 + "'", "99999999999999999999", "-1", "0",
    "1e400", ".nan", "_clients/p.md", "../../etc/passwd", "'Göteborgs Stad'", "北京大学", "'\u0301\u0301'",
]
FIELDS = ["permalink", "date", "title", "client", "clients", "partners", "links", "image", "logotype", "lang",
          "slug", "year", "categories", "ref", "redirect_from", "excerpt", "funding", "published"]
OFFSETS = ["", "Z", " +01:00", " -01:00", " +23:59", " -23:59", " +24:00", " +14:00", " -12:00", " +00:30"]
edge_dates = st.tuples(
    st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31, 23, 59, 59)),
    st.sampled_from(OFFSETS), st.booleans(),
).map(lambda d: (f"'{d[0]:%Y-%m-%d %H:%M:%S}{d[1]}'" if d[2] else f"{d[0]:%Y-%m-%d %H:%M:%S}{d[1]}"))
raw_value = st.one_of(
    st.sampled_from(RAW_VALUES),
    st.text(max_size=40).map(lambda t: json.dumps(t)),  # JSON strings are YAML: "\ud800" and all
    st.lists(st.sampled_from(RAW_VALUES), min_size=1, max_size=3).map(lambda v: "[" + ", ".join(v) + "]"),
    edge_dates,
)
link_block = st.lists(st.tuples(raw_value, raw_value), min_size=1, max_size=3).map(
    lambda links: "".join(f"\n- url: {u}\n  title: {t}" for u, t in links))


@st.composite
def hand_written(draw) -> str:
    """A content file with front matter written line by line, a key now and then given twice."""
    lines = []
    for key in draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=8)):
        value = draw(link_block) if key == "links" and draw(st.booleans()) else draw(raw_value)
        lines.append(f"{key}: {value}")
    body = draw(st.sampled_from(["", "Text.\n", "[x](https://x.org/%zz) [y](/a%zz/) [z](http://[zz/)\n",
                                 "<a href='/100%/'>a</a> {% include x %}\n"]))
    return "---\n" + "\n".join(lines) + "\n---\n" + body


CONFIG_VALUES = {
    "url": ["https://example.org", "'https://example.org/%zz'", "'https://[zz]/'", "example.org",
            "'https://example.org:port'", "'https://exa mple.org'", "'http://[::1'", "https://example.org/sub"],
    "baseurl": ["''", "/a%zz", "'../..'", "/blog", "'/%'", "'/a b'", "/./x/../y", "'/a#b'", "'/a?b'"],
    "timezone": ["Europe/Stockholm", "America/Los_Angeles", "Pacific/Kiritimati", "Etc/GMT+12", "'%zz'", "UTC"],
    "permalink": ["pretty", "/:title/", "/100%/:title/", "'/{% x %}/:title/'", "date", "/:year/:month/:title/"],
    "collections_dir": ["my_collections", "''", "'..'"],
    "lang": ["sv", "off", "'%'", "en-GB", "no"],
    "logo": ["/logo.png", "'http://[zz'", "/a%zz.png"],
}


@st.composite
def config(draw) -> str:
    lines = []
    for key in draw(st.lists(st.sampled_from(sorted(CONFIG_VALUES)), max_size=5)):
        lines.append(f"{key}: {draw(st.sampled_from(CONFIG_VALUES[key]) | raw_value)}")
    return ("\n".join(lines) + "\n" + DEFAULT_CONFIG_BODY) if lines else DEFAULT_CONFIG_BODY


DEFAULT_CONFIG_BODY = textwrap.dedent(DEFAULT_CONFIG)  # the tests' usual site


@settings(max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(config(), st.lists(hand_written(), min_size=1, max_size=len(NAMES)))
def test_any_hand_written_value_in_any_key_is_a_diagnostic_never_a_crash(site_config, documents):
    """Whatever value a key holds — in the config or a page — the build writes outputs that parse,
    every diagnostic is one line naming a file, kg seo makes JSON-LD for every page and kg report
    measures the network."""
    import kg.seo
    from kg.report import build_report

    files = {"_config.yml": site_config, **dict(zip(NAMES, documents, strict=False))}
    with tempfile.TemporaryDirectory() as tmp:
        site = write_site(Path(tmp) / "site", files)
        result = kg.build(site, Path(tmp) / "out")
        for name, fmt in (("graph.nq", RdfFormat.N_QUADS), ("graph.ttl", RdfFormat.TURTLE),
                          ("graph.jsonld", RdfFormat.JSON_LD)):
            list(parse((Path(tmp) / "out" / name).read_bytes(), format=fmt))
        for diagnostic in result.diagnostics:
            assert diagnostic.file and diagnostic.message and "\n" not in str(diagnostic)
        for page in kg.seo.pages(result):
            json.dumps(page.document)
        build_report(result)


def test_a_collections_dir_too_long_for_the_file_system_is_a_warning_not_a_crash(make_site, tmp_path):
    site = make_site(tmp_path, {"_config.yml": f"collections_dir: {'x' * 5000}\n",
                                "_posts/2020-01-01-a.md": "---\ntitle: A\n---\n"})
    result = kg.build(site)
    assert any(d.kind == "bad-config" and d.file == "_config.yml" for d in result.diagnostics)
