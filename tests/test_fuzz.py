"""Property-based tests: sites of every shape the real site uses, and many it doesn't.

Hypothesis writes front matter from the keys the Digidem Lab site uses (and
others), with values of every YAML type, hostile text, markup bodies and now
and then raw bytes. Whatever it writes, the build never raises, every output
parses, and building the same site twice gives byte-identical files.
``KG_FUZZ_EXAMPLES=1000 pytest tests/test_fuzz.py`` searches harder than the default 40.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import yaml
from conftest import write_site
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
