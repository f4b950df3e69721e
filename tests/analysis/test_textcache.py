"""The comparison's caches of what was read from whole texts are bounded by characters, not by count."""
from __future__ import annotations

from analysis.compare.textcache import text_cache


def test_keeps_texts_up_to_the_limit_and_drops_the_least_recently_used():
    calls = []

    @text_cache(max_chars=10)
    def read(text: str, extra: int = 0) -> str:
        calls.append(text)
        return text.upper()

    assert read("abcd") == "ABCD" and read("efgh") == "EFGH"
    assert read("abcd") == "ABCD" and calls == ["abcd", "efgh"]  # a hit: not read again
    read("ijkl")  # 12 characters would be over 10: the one used longest ago ("efgh") goes
    assert read.cached_chars() <= 10
    read("abcd"); read("efgh")
    assert calls == ["abcd", "efgh", "ijkl", "efgh"]


def test_a_text_over_the_limit_is_read_each_time_and_never_kept():
    calls = []

    @text_cache(max_chars=10)
    def read(text: str) -> int:
        calls.append(text)
        return len(text)

    big = "x" * 11
    assert read(big) == 11 and read(big) == 11
    assert len(calls) == 2 and read.cached_chars() == 0
