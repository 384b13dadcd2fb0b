"""The pieces of bench/bench_morph.py that need no Morph-KGC: the corpus copies, the
front-matter converter and the mapping's vocabulary (fast, no timings)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import rdflib
import yaml

BENCH = Path(__file__).resolve().parent.parent / "bench"
KGO = "https://digidemlab.org/kg/ontology#"


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


copies = load("bench_corpus_copies", BENCH / "corpus_copies.py")
to_json = load("bench_frontmatter_to_json", BENCH / "morph" / "frontmatter_to_json.py")

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n?)^---[ \t]*$", re.S | re.M)


def test_corpus_copies_are_sites_of_their_own(corpus, tmp_path):
    n_real = len(copies.documents(corpus))
    m = copies.make(tmp_path / "site", 2 * n_real + 10, corpus)
    site = tmp_path / "site"
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
             and p.parts[len(site.parts)].startswith("_") and p.parent.name != "_data"
             and p.name != "_config.yml"}
    assert m["docs"] == len(files) == 2 * n_real + 10 and m["copies"] == 3
    refs_by_copy: dict[str, set[str]] = defaultdict(set)
    for rel in files:
        copy = re.search(r"-(c\d+)\.\w+$", rel)
        text = (site / rel).read_text(encoding="utf-8")
        fm = FRONT_MATTER.match(text)
        data = yaml.safe_load(fm.group(1)) if fm else None
        if not isinstance(data, dict):
            continue
        for key in ("clients", "categories"):
            v = data.get(key) or []
            for r in [v] if isinstance(v, str) else v:
                if isinstance(r, str) and r.startswith("_"):
                    if copy:
                        assert re.search(rf"-{copy.group(1)}\.\w+$", r), (rel, r)
                    else:
                        assert not re.search(r"-c\d+\.\w+$", r), (rel, r)
        if data.get("ref"):
            refs_by_copy[copy.group(1) if copy else "c0"].add(data["ref"])
    assert len(refs_by_copy) == 3
    assert not refs_by_copy["c0"] & refs_by_copy["c1"], "each copy has projects of its own"
    assert {r[:-3] for r in refs_by_copy["c1"]} == refs_by_copy["c0"]


def test_the_converter_writes_each_collections_front_matter_as_json(tmp_path):
    site = tmp_path / "site"
    (site / "_clients").mkdir(parents=True)
    (site / "_posts").mkdir()
    (site / "_config.yml").write_text(
        "collections:\n  clients:\n    output: true\ndefaults:\n- scope:\n    path: ''\n    type: posts\n"
        "  values:\n    lang: sv\n", encoding="utf-8")
    (site / "_clients" / "alby.md").write_text(
        "---\ntitle: Alby\nref: alby\nlang: en\ningress-text: Hej\npartners:\n- A\n- B\ndate: 2020-01-02 10:00:00\n"
        "---\nBody\n", encoding="utf-8")
    (site / "_posts" / "2021-05-11-nytt.md").write_text(
        "---\ntitle: Nytt\npermalink: /nytt-uppdrag/\nclients: _clients/alby.md\n---\n", encoding="utf-8")
    (site / "_posts" / "2021-05-12-trasig.md").write_text("---\ntitle: Webinar: idag\n---\n", encoding="utf-8")
    counts = to_json.convert(site, tmp_path / "json")
    assert counts["records"] == 2 and counts["skipped"] == 1
    clients = json.loads((tmp_path / "json" / "clients.json").read_text(encoding="utf-8"))
    posts = json.loads((tmp_path / "json" / "posts.json").read_text(encoding="utf-8"))
    assert clients == [{"title": "Alby", "ref": "alby", "lang": "en", "ingress_text": "Hej", "partners": ["A", "B"],
                        "date": "2020-01-02T10:00:00", "_path": "_clients/alby.md", "_slug": "alby",
                        "_url": "https://digidemlab.org/alby/"}]
    assert posts[0]["_url"] == "https://digidemlab.org/nytt-uppdrag/" and posts[0]["_slug"] == "nytt"
    assert posts[0]["_date"] == "2021-05-11" and posts[0]["lang"] == "sv", "the collection's default language"


def test_the_mapping_speaks_kgs_vocabulary():
    mapping = rdflib.Graph().parse(BENCH / "morph" / "mapping.rml.ttl", format="turtle")
    ontology = rdflib.Graph().parse(BENCH.parent / "kg" / "ontology" / "kg.ttl", format="turtle")
    rml = rdflib.Namespace("http://w3id.org/rml/")
    used = {o for p in (rml.predicate, rml["class"]) for o in mapping.objects(None, p)}
    kgo = {t for t in used if str(t).startswith(KGO)}
    assert kgo >= {rdflib.URIRef(KGO + n) for n in ("client", "partner", "ref")}
    assert all((t, None, None) in ontology for t in kgo), sorted(t for t in kgo if (t, None, None) not in ontology)
    sources = {str(o) for o in mapping.objects(None, rml.source)}
    assert sources == {"clients.json", "themes.json", "posts.json", "crew.json"}
