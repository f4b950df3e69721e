"""The disk cache: a relaunch finds the analyses; damaged or foreign entries are ignored, never fatal."""
from __future__ import annotations

import pytest

from analysis.sources import article_from_text

from desktop.cache import AnalysisCache


@pytest.fixture(scope="module")
def sample():
    from analysis.pipeline import analyze_article

    art = article_from_text("Officials said the talks in Geneva were useful.\nThe minister claimed victory.\n",
                            outlet="Geneva Daily", title="Talks")
    return art, analyze_article(art)


def test_round_trip_and_keyed_by_metadata_and_version(tmp_path, sample):
    art, result = sample
    cache = AnalysisCache(tmp_path)
    assert cache.get(art) is None
    assert cache.put(art, result)
    assert cache.get(art).to_dict() == result.to_dict()  # floats are stored rounded, as to_dict gives them
    assert cache.get(art.with_meta(outlet="Other")) is None  # metadata is part of the key
    assert AnalysisCache(tmp_path, version="something-else").get(art) is None


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"version": 1}', b"\xff\xfe\x00garbage",
                                    b'{"version": "x", "analysis": {"id": 3}}'])
def test_damaged_entries_are_ignored_and_removed(tmp_path, sample, damage):
    art, result = sample
    cache = AnalysisCache(tmp_path)
    cache.put(art, result)
    path = cache._path(art)
    path.write_bytes(damage)
    assert cache.get(art) is None
    assert not path.exists()
    assert cache.put(art, result) and cache.get(art).to_dict() == result.to_dict()


def test_unwritable_folder_is_not_fatal(tmp_path, sample):
    art, result = sample
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = AnalysisCache(blocker / "sub")
    assert cache.put(art, result) is False
    assert cache.get(art) is None


def test_comparison_cache(tmp_path, sample):
    from analysis import compare

    _, result = sample
    cache = AnalysisCache(tmp_path)
    assert cache.get_comparison([result]) is None
    cmp = compare([result])
    assert cache.put_comparison([result], cmp)
    assert cache.get_comparison([result]).to_dict() == cmp.to_dict()
    next(tmp_path.glob("cmp-*.json")).write_text("{]")
    assert cache.get_comparison([result]) is None


def test_tests_never_use_the_real_cache_or_settings():
    import os

    from desktop.cache import default_directory
    from desktop.settings import Settings

    assert "slant-desktop-tests-" in os.environ["SLANT_CACHE_DIR"]
    assert str(default_directory()).startswith(os.environ["SLANT_CACHE_DIR"])
    assert Settings().path.startswith(os.environ["SLANT_SETTINGS_DIR"])
