"""docs/extending.md: its code runs, its query answers, every name it gives exists; the tables it describes hold.

Each ```python block runs on its own (in the checkout, where ``content/`` is), each
```sparql block is read as a bundled query and run on ``content/`` with its header's
examples, and every ``kg.…`` name and every link to a file of the checkout resolves.
"""

from __future__ import annotations

import inspect
import re
from importlib import import_module
from pathlib import Path

import pytest

from kg.load.meaning import CLASSES, COLLECTION_NAMES, DOCUMENT_CLASSES, FACT_KEYS, FACTS, RECORD_CLASSES
from kg.map import mapper_of
from kg.query import open_store, query
from kg.query.bundled import parse_bundled

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "extending.md"
TEXT = DOC.read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", TEXT, re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("code", blocks("python"), ids=lambda c: c.splitlines()[-1][:40])
def test_every_python_example_runs(code, monkeypatch):
    monkeypatch.chdir(ROOT)
    exec(compile(code, str(DOC), "exec"), {"__name__": "extending_example"})


@pytest.mark.parametrize("sparql", blocks("sparql"))
def test_every_query_example_is_a_bundled_query_that_answers_with_its_examples(sparql):
    bundled = parse_bundled("example", sparql, "docs/extending.md")
    params = {p.name: p.sample for p in bundled.params}
    assert params and all(params.values())
    result = query(open_store(ROOT / "content"), sparql, **params)
    assert result.kind == "select" and len(result) > 0


def test_there_are_examples_of_all_four_changes():
    assert [h for h in re.findall(r"^## (.+)$", TEXT, re.MULTILINE)] == [
        "1. A graph format", "2. A collection: a new class of documents", "3. A bundled query",
        "4. Name resolution: when two names are the same"]
    assert len(blocks("python")) >= 4 and len(blocks("sparql")) == 1


def test_every_kg_name_it_gives_exists():
    names = set(re.findall(r"`(kg(?:\.\w+)+)`", TEXT))
    assert len(names) > 5
    for dotted in sorted(names):
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):  # the longest importable module, then attributes
            try:
                found = import_module(".".join(parts[:cut]))
            except ImportError:
                continue
            for attribute in parts[cut:]:
                found = getattr(found, attribute)
            break
        else:
            pytest.fail(f"{dotted} does not exist")


def test_every_file_it_links_to_exists():
    links = re.findall(r"\]\((\.\./[^)#]+)\)", TEXT)
    assert links
    for link in links:
        assert (DOC.parent / link).resolve().exists(), link


# -- the table of document classes it describes -------------------------------------------------------
def test_every_class_has_a_mapper_taking_ctx_and_doc_and_reads_known_facts():
    assert len(set(CLASSES)) == len(CLASSES) == len(DOCUMENT_CLASSES)
    for cls in DOCUMENT_CLASSES:
        assert set(cls.facts) <= set(FACTS) <= set(FACT_KEYS), cls.name
        mapper = mapper_of(cls.name)
        if cls.mapper is None:
            assert mapper is None
            continue
        assert list(inspect.signature(mapper).parameters)[:2] == ["ctx", "doc"], cls.name
    assert set(COLLECTION_NAMES) <= set(CLASSES)
    assert set(RECORD_CLASSES) <= set(CLASSES)
    with pytest.raises(ValueError, match="no class of document is called 'nonsense'"):
        mapper_of("nonsense")
