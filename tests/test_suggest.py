"""The closest existing path to a dangling reference, on a site too big to compare every path.

``PathSuggester`` shortlists the paths that share the most trigrams with the missing
one and lets difflib rank the shortlist. On a site of thousands of paths it must
suggest what difflib over every path suggests.
"""

from __future__ import annotations

import difflib
import random

import pytest

from kg.map.suggest import SHORTLIST, PathSuggester

WORDS = ["decidim", "chicago", "goteborg", "lund", "budget", "medborgar", "dialog", "open", "source", "politics",
         "helsinki", "tallinn", "consul", "klimat", "skola", "stad", "region", "forum", "panel", "labb"]


def site_paths(n: int) -> list[str]:
    rng = random.Random(5)
    paths = set()
    while len(paths) < n:
        folder = rng.choice(["_posts", "_posts", "_posts", "_clients", "_themes", "_crew"])
        name = "-".join(rng.sample(WORDS, rng.randint(2, 4)))
        if folder == "_posts":
            name = f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}-{name}"
        paths.add(f"{folder}/{name}.md")
    return sorted(paths)


PATHS = site_paths(2000)


def typo(path: str, rng: random.Random) -> str:
    i = rng.randrange(len(path) - 4) + 1
    dropped, added = path[:i] + path[i + 1:], path[:i] + "x" + path[i:]
    swapped = path[:i] + path[i + 1] + path[i] + path[i + 2:]
    return rng.choice([dropped, added, swapped])


@pytest.mark.parametrize("seed", range(15))
def test_a_typo_gets_the_suggestion_difflib_gives_over_every_path(seed):
    rng = random.Random(seed)
    wanted = typo(rng.choice(PATHS), rng)
    if wanted in PATHS:
        pytest.skip("the typo made another existing path")
    brute = difflib.get_close_matches(wanted, PATHS, n=1, cutoff=0.6)
    assert PathSuggester(PATHS).closest(wanted) == (brute[0] if brute else None)


def test_a_wrong_folder_still_finds_the_file():
    post = next(p for p in PATHS if p.startswith("_posts/"))
    assert PathSuggester(PATHS).closest(post.replace("_posts/", "_post/")) == post


def test_nothing_alike_gives_no_suggestion():
    assert PathSuggester(PATHS).closest("assets/img/logo.svg") is None


def test_a_small_site_compares_every_path():
    paths = ["_clients/exempel.md", "_themes/decidim.md"]
    assert len(paths) <= SHORTLIST
    assert PathSuggester(paths).closest("_clients/exampel.md") == "_clients/exempel.md"
