"""Front matter is built by a quick path for maps, lists and strings; it must equal PyYAML's own.

``kg.load.frontmatter`` builds plain maps, lists and strings itself and leaves
every other tag (and merge keys, recursion, odd keys) to PyYAML. Each case here
is loaded both ways and must give the same value, or the same error.
"""

from __future__ import annotations

import pytest
import yaml

from kg.load.frontmatter import FrontMatterError, FrontMatterLoader, Yaml11Word, load_yaml


class PyYamlOwn(FrontMatterLoader):
    """The same loader with PyYAML's general construction."""


def _pyyaml_get_single_data(self):
    node = self.get_single_node()
    return None if node is None else self.construct_document(node)


PyYamlOwn.get_single_data = _pyyaml_get_single_data  # type: ignore[method-assign]

CASES = {
    "strings and lists": "title: Hej\ntags: [a, b, 'c']\nlinks:\n  - title: X\n    url: https://x.org\n",
    "scalars of every kind": "n: 12\nf: 1.5\nb: true\nnone: ~\nday: 2021-05-11\nat: 2021-05-11 10:00:00 +02:00\n",
    "YAML 1.1 words stay words": "lang: no\npublished: off\nq: 'yes'\n",
    "impossible date stays text": "date: 2021-13-45\n",
    "aliases share one object": "a: &x [1, 2]\nb: *x\nc: &m {k: v}\nd: *m\n",
    "merge keys": "base: &b {lang: sv, layout: post}\npage:\n  <<: *b\n  lang: en\n",
    "merge key list": "a: &a {x: 1}\nb: &b {y: 2}\nc:\n  <<: [*a, *b]\n",
    "number and null keys": "2019: first\n1.5: half\n~: nothing\ntrue: yes\n",
    "a set and an omap": "s: !!set {a, b}\no: !!omap [{a: 1}, {b: 2}]\n",
    "explicit str tag": "n: !!str 12\nt: !!int '7'\n",
    "a recursive list": "a: &r [1, *r]\n",
    "empty document": "",
    "a bare list": "- a\n- b\n",
    "a scalar document": "just text\n",
    "deep nesting": "a:\n" + "".join("  " * i + f"  k{i}:\n" for i in range(30)) + "  " * 31 + "v\n",
}


def both(text: str):
    return yaml.load(text, Loader=FrontMatterLoader), yaml.load(text, Loader=PyYamlOwn)


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_the_quick_path_equals_pyyaml(text):
    quick, own = both(text)
    if "*r]" in text:  # a list that holds itself
        assert quick["a"][1] is quick["a"] and own["a"][1] is own["a"]
        return
    assert quick == own
    assert repr(quick) == repr(own)  # same types too (a Yaml11Word is not a plain str, 1 is not True)


def test_an_alias_stays_one_object_so_a_billion_laughs_costs_nothing():
    lol = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join('*' + chr(97 + i) for _ in range(9))}]\n" for i in range(8))
    data = load_yaml(lol)
    assert data["i"][0] is data["h"] and data["b"][0] is data["a"]


def test_yaml11_words_keep_their_class():
    assert isinstance(load_yaml("lang: no\n")["lang"], Yaml11Word)


@pytest.mark.parametrize("text", ["? [a, b]\n: v\n", "? {a: 1}\n: v\n"], ids=["list key", "map key"])
def test_unhashable_keys_are_refused_as_pyyaml_refuses_them(text):
    with pytest.raises(FrontMatterError, match="YAML"):
        load_yaml(text)
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load(text, Loader=PyYamlOwn)


@pytest.mark.parametrize("text", ["x: !!python/object:os.system {}\n", "x: !custom [1]\n", "x: !!binary aGk=\n"])
def test_tags_are_still_refused_or_read_as_pyyaml_reads_them(text):
    try:
        own = yaml.load(text, Loader=PyYamlOwn)
    except yaml.YAMLError:
        with pytest.raises(FrontMatterError, match="tag"):
            load_yaml(text)
    else:
        assert load_yaml(text) == own


def test_the_loader_is_reusable_after_a_fallback():
    """State PyYAML keeps between nodes is reset, so a merge-key file does not leak into the next."""
    first = load_yaml("a: &b {x: 1}\nc:\n  <<: *b\n")
    second = load_yaml("c: {y: 2}\n")
    assert first == {"a": {"x": 1}, "c": {"x": 1}} and second == {"c": {"y": 2}}
