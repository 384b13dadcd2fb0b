"""The GeoNames town index is built once and kept in a cache file that later builds read; a cache that
is missing, corrupt or switched off gives the same answers."""

from __future__ import annotations

import pytest

from kg.resolve import places


@pytest.fixture
def fresh_index(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    places._index.cache_clear()
    yield tmp_path / "cache"
    places._index.cache_clear()


def test_the_town_index_is_cached_and_the_cached_index_is_the_built_one(fresh_index):
    built = places._towns()
    [cache] = fresh_index.iterdir()
    assert cache.name.startswith("towns-") and cache.stat().st_size > 0
    places._index.cache_clear()
    assert places._towns() == built
    assert places.town("Cologne").id == places.town("Köln").id


def test_a_corrupt_cache_is_built_again(fresh_index):
    built = places._towns()
    [cache] = fresh_index.iterdir()
    cache.write_bytes(b"not a pickle")
    places._index.cache_clear()
    assert places._towns() == built


def test_an_empty_cache_dir_setting_switches_the_cache_off(fresh_index, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", "")
    places._index.cache_clear()
    assert places.town("Warszawa").country == "PL"
    assert not fresh_index.exists()
