"""A cache of what was read from texts, bounded by the characters of the texts it keeps, not their number.

``functools.lru_cache(maxsize=64)`` keyed on whole article texts would keep 64 texts and what was read
from each: for 10 MB articles, gigabytes. ``text_cache(max_chars)`` keeps the results of the calls used
last while their texts (the first argument) hold at most ``max_chars`` characters together; a text longer
than that is read each time and not kept.
"""
from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def text_cache(max_chars: int) -> Callable[[F], F]:
    def wrap(fn: F) -> F:
        kept: OrderedDict[tuple, tuple[int, Any]] = OrderedDict()
        lock = threading.Lock()
        held = [0]

        @functools.wraps(fn)
        def cached(text: str, *args: Any) -> Any:
            key = (text, *args)
            with lock:
                hit = kept.get(key)
                if hit is not None:
                    kept.move_to_end(key)
                    return hit[1]
            value = fn(text, *args)
            size = len(text)
            if size > max_chars:
                return value
            with lock:
                if key not in kept:
                    kept[key] = (size, value)
                    held[0] += size
                    while held[0] > max_chars:
                        _k, (s, _v) = kept.popitem(last=False)
                        held[0] -= s
            return value

        def cache_clear() -> None:
            with lock:
                kept.clear()
                held[0] = 0

        cached.cache_clear = cache_clear  # type: ignore[attr-defined]
        cached.cached_chars = lambda: held[0]  # type: ignore[attr-defined]
        return cached  # type: ignore[return-value]

    return wrap
