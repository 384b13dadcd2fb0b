"""Tests for bench/generate.py, the synthetic Jekyll site generator (fast, no timings)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

BENCH = Path(__file__).resolve().parent.parent / "bench"
_spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
gen = importlib.util.module_from_spec(_spec)
sys.modules["bench_generate"] = gen
_spec.loader.exec_module(gen)

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n?)^(?:---|\.\.\.)[ \t]*$\n?", re.S | re.M)
YEAR_SHAPE = re.compile(r"^\d{4}( ?[-–] ?(\d{4}\.?|pågående)?)?$")


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def front_matter(text: str) -> str | None:
    m = FRONT_MATTER.match(text)
    return m.group(1) if m else None


def content_paths(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for coll in ("_posts", "_clients", "_themes", "_crew")
                  for p in (site / coll).iterdir())


@pytest.fixture(scope="module")
def site400(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("site400")
    manifest = gen.generate(out, 400, seed=7)
    return out, manifest


def test_same_seed_gives_byte_identical_trees(tmp_path):
    gen.generate(tmp_path / "a", 50, seed=1)
    gen.generate(tmp_path / "b", 50, seed=1)
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len([p for p in a if not p.startswith(("_config", "_data", "."))]) == 50
    assert a == b


def test_different_seed_differs(tmp_path):
    gen.generate(tmp_path / "a", 50, seed=1)
    gen.generate(tmp_path / "b", 50, seed=2)
    assert tree(tmp_path / "a") != tree(tmp_path / "b")


def test_collection_shares(site400):
    site, manifest = site400
    c = manifest["counts"]
    assert sum(c.values()) == 400 == len(content_paths(site))
    assert c["clients"] == 96 and c["themes"] == 40 and c["crew"] == 16
    assert c["clients"] % 2 == 0 and c["themes"] % 2 == 0
    assert all(re.match(r"_posts/\d{4}-\d\d-\d\d-.+\.(md|markdown)$", p) for p in content_paths(site)
               if p.startswith("_posts/"))


def test_config_is_like_the_real_one(site400):
    site, _ = site400
    cfg = yaml.safe_load((site / "_config.yml").read_text(encoding="utf-8"))
    assert cfg["url"] == "https://digidemlab.org" and cfg["timezone"] == "CET"
    assert {"clients", "themes", "posts", "crew"} <= set(cfg["collections"])
    assert cfg["collections"]["clients"]["permalink"] == "/:title/"
    posts = next(d for d in cfg["defaults"] if d["scope"].get("type") == "posts")["values"]
    assert posts["permalink"] == "/news/:title/" and posts["lang"] == "sv"


def test_every_non_messy_file_has_front_matter_that_parses(site400):
    site, manifest = site400
    messy = {m["path"]: m["kind"] for m in manifest["messy"]}
    unparseable = set(manifest["unparseable_kinds"])
    checked = 0
    for path in content_paths(site):
        if messy.get(path) in unparseable:
            continue
        fm = front_matter((site / path).read_text(encoding="utf-8"))
        assert fm is not None, path
        data = yaml.safe_load(fm)
        assert isinstance(data, dict) and data.get("title"), path
        checked += 1
    assert checked >= 390


def test_messy_cases_present_and_real(site400):
    site, manifest = site400
    by_kind: dict[str, list[str]] = defaultdict(list)
    for m in manifest["messy"]:
        by_kind[m["kind"]].append(m["path"])
    assert set(by_kind) == set(gen.MESSY_KINDS)
    assert len(manifest["messy"]) <= 0.06 * 400  # each kind at least once, and 3 % dangling references
    files = set(content_paths(site))
    assert all(p in files for ps in by_kind.values() for p in ps)

    def fm(path: str) -> str | None:
        return front_matter((site / path).read_text(encoding="utf-8"))

    for path in by_kind["yaml_error"]:
        with pytest.raises(yaml.YAMLError):
            yaml.safe_load(fm(path))
    for path in by_kind["invalid_timestamp"]:
        with pytest.raises(ValueError):
            yaml.safe_load(fm(path))
    for path in by_kind["no_front_matter"]:
        assert fm(path) is None
    for path in by_kind["empty_front_matter"]:
        assert yaml.safe_load(fm(path)) is None
    for path in by_kind["unpublished"]:
        assert yaml.safe_load(fm(path))["published"] is False
    for path in by_kind["unreadable_year"]:
        assert not YEAR_SHAPE.match(str(yaml.safe_load(fm(path))["year"]))
    for path in by_kind["bad_date"]:
        assert isinstance(yaml.safe_load(fm(path))["date"], str)
    for path in by_kind["missing_lang"]:
        assert "lang" not in yaml.safe_load(fm(path))
    for path in by_kind["odd_filename"]:
        name = unicodedata.normalize("NFC", path)
        assert ":" in name and not name.isascii()
    for path in by_kind["dangling_ref"]:
        data = yaml.safe_load(fm(path))
        refs = []
        for key in ("clients", "categories"):
            v = data.get(key) or []
            refs += [v] if isinstance(v, str) else v
        assert any(r not in files for r in refs), path


def test_normal_files_reference_existing_files(site400):
    site, manifest = site400
    messy = {m["path"] for m in manifest["messy"]}
    files = set(content_paths(site))
    for path in files - messy:
        data = yaml.safe_load(front_matter((site / path).read_text(encoding="utf-8")))
        for key in ("clients", "categories"):
            v = data.get(key) or []
            for ref in [v] if isinstance(v, str) else v:
                if ref.startswith(("_clients/", "_themes/")):
                    assert ref in files, (path, ref)


def test_client_pairs_share_a_ref(site400):
    site, manifest = site400
    messy = {m["path"] for m in manifest["messy"]}
    groups: dict[str, list[dict]] = defaultdict(list)
    clients = [p for p in content_paths(site) if p.startswith("_clients/") and p not in messy]
    for path in clients:
        data = yaml.safe_load(front_matter((site / path).read_text(encoding="utf-8")))
        assert isinstance(data["ref"], str) and data["ref"]
        groups[data["ref"]].append(data)
    assert all(len(g) <= 2 for g in groups.values())
    pairs = [g for g in groups.values() if len(g) == 2]
    assert all(sorted(d["lang"] for d in g) == ["en", "sv"] for g in pairs)
    assert 2 * len(pairs) >= 0.9 * len(clients)
    # organisation names differ between the two languages in many pairs (translations)
    translated = sum(1 for g in pairs if len({d.get("client") for d in g}) == 2)
    assert translated >= len(pairs) // 3
    years = [d["year"] for g in pairs for d in g]
    assert any(isinstance(y, int) for y in years) and any(isinstance(y, str) for y in years)


def test_cli_writes_and_refuses_foreign_directories(tmp_path):
    out = tmp_path / "site"
    r = subprocess.run([sys.executable, str(BENCH / "generate.py"), str(out), "--docs", "30"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "wrote 30 documents" in r.stdout
    assert gen.is_up_to_date(out, 30, 1) and not gen.is_up_to_date(out, 31, 1)
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    r = subprocess.run([sys.executable, str(BENCH / "generate.py"), str(other), "--docs", "10"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and (other / "keep.txt").exists()


def test_pages_do_not_share_urls(site400):
    """Clients and themes share Jekyll's "/:title/" space; posts have "/news/:title/"."""
    site, _ = site400

    def key(s: str) -> str:
        return unicodedata.normalize("NFC", s).lower()

    paths = content_paths(site)
    pages = [key(p.split("/", 1)[1].rsplit(".", 1)[0]) for p in paths
             if p.startswith(("_clients/", "_themes/"))]
    posts = [key(p.split("/", 1)[1].rsplit(".", 1)[0][11:]) for p in paths if p.startswith("_posts/")]
    assert len(pages) == len(set(pages))
    assert len(posts) == len(set(posts))


# -- shapes: organisations that grow with the site, sizes like the real site's -----------------

_cspec = importlib.util.spec_from_file_location("bench_calibrate", BENCH / "calibrate.py")
calibrate = importlib.util.module_from_spec(_cspec)
sys.modules["bench_calibrate"] = calibrate
_cspec.loader.exec_module(calibrate)


@pytest.fixture(scope="module")
def sites_1k_10k(tmp_path_factory) -> dict[int, tuple[dict, dict]]:
    """Sites of 1 000 and 10 000 documents: each size's manifest and measured shape."""
    out = {}
    for docs in (1000, 10_000):
        site = tmp_path_factory.mktemp(f"site{docs}")
        out[docs] = (gen.generate(site, docs, seed=1), calibrate.measure(site))
    return out


def test_organisations_grow_with_the_site_but_slower_than_it(sites_1k_10k):
    (m1, s1), (m10, s10) = sites_1k_10k[1000], sites_1k_10k[10_000]
    growth = len(m10["orgs"]) / len(m1["orgs"])
    assert 2.5 < growth < 9, f"ten times the documents, {growth:.1f} times the organisations"
    assert 2.5 < s10["org_names"] / s1["org_names"] < 9, "as written on the pages too"
    assert sum(o["projects"] for o in m10["orgs"]) > 3 * s10["projects"], "a few organisations a project"


def test_most_organisations_are_in_one_or_two_projects_and_a_few_in_very_many(sites_1k_10k):
    manifest, shape = sites_1k_10k[10_000]
    counts = sorted((o["projects"] for o in manifest["orgs"]), reverse=True)
    assert sum(1 for c in counts if c <= 2) > 0.6 * len(counts)
    assert counts[0] >= 50 and sum(1 for c in counts if c > 20) >= 10
    buckets = shape["projects_per_org_buckets"]  # names on the pages, counted by calibrate.py
    assert buckets["1"] + buckets["2"] > 0.6 * shape["org_names"]
    assert shape["top_orgs"][0][1] >= 50


def test_organisations_speak_many_languages_most_of_them_swedish(sites_1k_10k):
    manifest, _ = sites_1k_10k[10_000]
    langs = defaultdict(int)
    for o in manifest["orgs"]:
        langs[o["lang"]] += 1
    assert len(langs) >= 12
    top = max(langs, key=langs.get)
    assert top == "sv" and langs["sv"] < 0.7 * len(manifest["orgs"])
    names = [o["sv"] for o in manifest["orgs"]] + [o["en"] for o in manifest["orgs"]]  # as pages write them
    assert any(n.endswith(" Belediyesi") for n in names) and any(n.startswith("Comune di ") for n in names)
    assert any(n.endswith(" kaupunki") for n in names) and any(n.endswith(" GmbH") for n in names)
    owner: dict[str, str] = {}
    for o in manifest["orgs"]:
        for name in {o["sv"].casefold(), o["en"].casefold()}:
            assert owner.setdefault(name, o["id"]) == o["id"], f"{name!r} names two organisations"


def test_a_bigger_site_is_byte_identical_for_the_same_seed(tmp_path):
    gen.generate(tmp_path / "a", 1500, seed=3)
    gen.generate(tmp_path / "b", 1500, seed=3)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_generated_pages_are_shaped_like_the_real_sites(sites_1k_10k, corpus):
    real = calibrate.measure(corpus)
    _, made = sites_1k_10k[1000]

    def near(a: float, b: float, factor: float) -> bool:
        return b / factor <= a <= b * factor

    assert near(made["fm_bytes"]["p50"], real["fm_bytes"]["p50"], 1.25)
    assert near(made["fm_keys"]["mean"], real["fm_keys"]["mean"], 1.2)
    posts_made, posts_real = made["body_bytes_by_collection"]["posts"], real["body_bytes_by_collection"]["posts"]
    assert near(posts_made["p50"], posts_real["p50"], 1.3) and near(posts_made["p90"], posts_real["p90"], 1.5)
    assert made["body_bytes_by_collection"]["clients"]["p50"] == real["body_bytes_by_collection"]["clients"]["p50"]
    assert near(made["body_links"]["mean"], real["body_links"]["mean"], 1.5)
    assert near(made["org_mentions"]["mean"], real["org_mentions"]["mean"], 1.5)
    assert near(made["orgs_per_project"]["mean"], real["orgs_per_project"]["mean"], 1.3)
    assert abs(made["posts_tied_share"] - real["posts_tied_share"]) < 0.1
    assert near(made["themes_per_project"]["mean"], real["themes_per_project"]["mean"], 1.3)
    assert 0.01 < made["dangling_references"] / made["references"] < 0.06
    assert abs(made["docs_in_ref_pairs"] / made["documents"] - real["docs_in_ref_pairs"] / real["documents"]) < 0.1
