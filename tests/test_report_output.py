"""What ``kg report`` writes: hostile names escaped everywhere, byte-identical reruns,
and a page that a real browser (headless Debian Chromium) renders without errors."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from conftest import write_site

from kg.report import build_report, write_report

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = {
    "quotes": 'Evil "Quoted" \'Co\'',
    "script": "<script>alert(1)</script> & Partners",
    "comment": "Open <!-- comment --> Org",
    "long": "Långt Namn " + "x" * 400,
    "cjk": "北京市人民政府",
    "rtl": "\u200fمؤسسة الديمقراطية",
    "maths": "$x^2$ Cash & $unbalanced",
    "separator": "Line\u2028Separated Org",
    "markdown": "| pipe | *star* [link](http://evil.example) `code`",
}

# ``kg build`` drops invisible format characters (the RTL mark) and turns line separators
# into spaces; these are the names as the graph holds them, which the report must keep.
GRAPH_NAMES = {k: v.replace("\u200f", "").replace("\u2028", " ") for k, v in HOSTILE.items()}


def hostile_project(ref: str, year: str, partners: list[str]) -> str:
    lines = ["---", f"title: {json.dumps('Projekt ' + ref)}", f"ref: {ref}", "lang: en", f"year: {year}", "partners:"]
    lines += [f"- {json.dumps(p)}" for p in partners]  # JSON strings are YAML double-quoted strings
    return "\n".join([*lines, "---", "Text.", ""])


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    names = list(HOSTILE.values())
    site = write_site(tmp_path_factory.mktemp("hostile"), {
        "_clients/a.md": hostile_project("a", "2020", names[:5]),
        "_clients/b.md": hostile_project("b", "2021-2022", names[4:]),
    })
    made = build_report(site, focus=HOSTILE["cjk"])
    out = tmp_path_factory.mktemp("hostile-out")
    write_report(made, out)
    return made, out


def test_the_hostile_names_are_in_the_network(hostile_report):
    """The names come through the graph as the graph holds them."""
    made, _out = hostile_report
    labels = {d["label"] for _n, d in made.without_site_org.nodes(data=True)}
    assert labels == set(GRAPH_NAMES.values())


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def test_html_escapes_every_name(hostile_report):
    """One script (ours), no comment, and every name back as text once the HTML is parsed."""
    _made, out = hostile_report
    page = (out / "report.html").read_text(encoding="utf-8")
    parser = _Collect()
    parser.feed(page)
    assert parser.tags.count("script") == 1
    assert parser.comments == []
    text = "".join(parser.text)
    for name in GRAPH_NAMES.values():
        assert name in text, name
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Partners" in page
    assert "<!-- comment" not in page


def test_markdown_shows_the_names_without_markup(hostile_report):
    """No raw HTML, table pipe or link survives in report.md: each is backslash-escaped."""
    _made, out = hostile_report
    text = (out / "report.md").read_text(encoding="utf-8")
    assert all(text[i - 1] == "\\" for i, ch in enumerate(text) if ch == "<")  # no raw HTML at all
    assert r"\<script\>alert(1)\</script\> \& Partners" in text
    assert r"\| pipe \| \*star\* \[link\](http://evil.example) \`code\`" in text
    assert "\u2028" not in text  # a line separator would end the table row
    # Every table row still has as many cells as its header.
    for block in text.split("\n\n"):
        lines = block.splitlines()
        if lines and lines[0].startswith("| "):
            cells = {len(_split_row(line)) for line in lines}
            assert len(cells) == 1, block


def _split_row(line: str) -> list[str]:
    cells, current, escaped = [], "", False
    for ch in line.strip()[1:-1]:
        if ch == "|" and not escaped:
            cells.append(current)
            current = ""
        else:
            current += ch
        escaped = ch == "\\" and not escaped
    return [*cells, current]


def test_graphml_and_gexf_are_valid_xml_with_the_names(hostile_report):
    """Both XML formats parse, and read back the exact names."""
    _made, out = hostile_report
    for ext in ("graphml", "gexf"):
        path = out / "networks" / f"network-without-site-org.{ext}"
        ET.parse(path)
        graph = nx.read_graphml(path) if ext == "graphml" else nx.read_gexf(path)
        assert {d["label"] for _n, d in graph.nodes(data=True)} == set(GRAPH_NAMES.values()), ext


def test_json_and_csv_keep_the_exact_names(hostile_report):
    _made, out = hostile_report
    data = json.loads((out / "networks" / "network-without-site-org.json").read_text(encoding="utf-8"))
    assert {n["label"] for n in data["nodes"]} == set(GRAPH_NAMES.values())
    rows = list(csv.DictReader(io.StringIO((out / "tables" / "organisations.csv").read_text(encoding="utf-8"))))
    assert {r["organisation"] for r in rows} >= set(GRAPH_NAMES.values())


def test_control_characters_become_replacement_characters_in_xml():
    """XML 1.0 cannot hold U+0001: GraphML and GEXF get U+FFFD, JSON keeps it."""
    from kg.report.graphfiles import gexf, graphml, node_link

    g = nx.Graph()
    g.add_node("n\x01", label="bad\x01name\x0b")
    for text in (graphml(g), gexf(g)):
        root = ET.fromstring(text.encode("utf-8"))
        values = [e.text or "" for e in root.iter()] + [v for e in root.iter() for v in e.attrib.values()]
        assert "bad\ufffdname\ufffd" in values
    assert json.loads(node_link(g))["nodes"][0]["label"] == "bad\x01name\x0b"


@pytest.mark.parametrize(("text", "shown"), [
    ("$x^2$", r"\$x^2\$"),
    ("a\\b", "a\\\\b"),
    ("line\u2028break\nand\ttab", "line break and tab"),
    ("\u200fRTL mark", "RTL mark"),
    ("y" * 40, "y" * 31 + "…"),
])
def test_plot_labels_are_plain_text(text, shown):
    """No mathtext, no control or invisible characters, no endless names in a plot."""
    from kg.report.plots import plot_label

    assert plot_label(text) == shown


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".kg" not in p.relative_to(folder).parts}


def test_two_runs_are_byte_identical(tmp_path):
    """The same site gives the same bytes in every file, whatever Python's hash seed
    (set iteration order) — plots, graph files and pages included."""
    from test_report import SHAPES

    site = write_site(tmp_path / "site", SHAPES)
    digests = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-m", "kg.cli", "report", str(site), "--out", str(out), "--focus", "Gamma"],
                       check=True, env=env, capture_output=True)
        digests.append(_digest(out))
    assert digests[0] == digests[1]
    assert len(digests[0]) > 50


CHROMIUM = shutil.which("chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--enable-logging=stderr", "--v=0"]


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)")
def test_chromium_renders_the_page_without_console_errors(hostile_report, tmp_path):
    """Headless Chromium opens report.html offline: the script ran (no CSP block), every image
    decoded, the tables are there, the console is silent, and the screenshot shows the plots."""
    from PIL import Image

    _made, out = hostile_report
    url = (out / "report.html").as_uri()
    dom = _chromium(tmp_path / "profile-dom", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    console = [line for line in dom.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    assert 'data-tables="sortable"' in dom.stdout
    images = dom.stdout.count("<img ")
    assert images >= 7 and f'data-images="{images} of {images}"' in dom.stdout
    assert dom.stdout.count("<table ") >= 5 and 'id="table-organisations"' in dom.stdout

    shot = tmp_path / "shot.png"
    run = _chromium(tmp_path / "profile-shot", "--window-size=1280,2400", f"--screenshot={shot}", url)
    assert run.returncode == 0 and shot.is_file(), run.stderr[-2000:]
    assert [line for line in run.stderr.splitlines() if ":CONSOLE" in line] == []
    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 24)
    # The network plot's first community colour (#4e79a7) is on the screen: the image was drawn.
    blue = sum(n for n, (r, g, b) in colours if abs(r - 0x4E) < 12 and abs(g - 0x79) < 12 and abs(b - 0xA7) < 12)
    assert blue > 200


class _Structure(HTMLParser):
    """Headings, table cells and definition-list pairs of an HTML page, as text."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.pairs: list[str] = []
        self._into: list[str] | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        if tag in ("h1", "h2", "td", "th", "dt", "dd"):
            self._into, self._text = [tag], ""

    def handle_data(self, data):
        if self._into is not None:
            self._text += data

    def handle_endtag(self, tag):
        if self._into is None or tag != self._into[0]:
            return
        text = " ".join(self._text.split())
        if tag in ("h1", "h2"):
            self.headings.append(text)
        elif tag in ("td", "th"):
            self.tables[-1][-1].append(text)
        else:
            self.pairs.append(text)
        self._into = None


def test_markdown_says_what_the_page_says(hostile_report):
    """report.md, rendered by markdown-it (CommonMark with tables), has the page's headings
    and the same tables cell for cell; the page's summary list is its first table."""
    from markdown_it import MarkdownIt

    _made, out = hostile_report
    page, markdown = _Structure(), _Structure()
    page.feed((out / "report.html").read_text(encoding="utf-8"))
    markdown.feed(MarkdownIt("commonmark").enable("table").render((out / "report.md").read_text(encoding="utf-8")))
    assert markdown.headings == page.headings and len(page.headings) > 8
    summary, *tables = markdown.tables
    assert [cell for row in summary[1:] for cell in row] == page.pairs
    assert tables == page.tables and len(tables) >= 7
    assert any(GRAPH_NAMES["script"] in cell for table in tables for row in table for cell in row)
