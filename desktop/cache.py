"""Disk cache of analyses: relaunching on the same articles shows the highlights at once.

Key: a hash of (text, id, outlet, title, date, decoding notes, analyser version); value: the
analysis as JSON in ``analysis.wire``'s column form (entries written as ``ArticleAnalysis.to_dict()``
before it still load). Comparisons are cached too ("cmp-*.json", keyed by the compared
articles in order), so a relaunch needs no language model at all. The folder is ``$SLANT_CACHE_DIR`` when set (tests), else the
platform cache location. A corrupt, truncated or foreign entry is ignored (and removed), never fatal.
Pure Python (no Qt) so workers can use it from any thread; writes are atomic (temp file + rename).

Bounded: after each write the entries used longest ago (a hit refreshes an entry's time) are removed
until the folder holds at most ``max_bytes`` (``$SLANT_CACHE_MAX_MB``, default 200 MB). Only regular
files are ever opened: a FIFO, device or folder under an entry's name is skipped (opened without
blocking, checked with ``fstat`` before any read), so nothing in the folder can hang the app.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from analysis.results import ArticleAnalysis, Comparison
from analysis.wire import decode, encode

FORMAT = 1
DEFAULT_MAX_MB = 200
TRIM_TO = 0.9  # when over the limit, drop entries until the folder holds this share of it


def default_max_bytes() -> int:
    """``$SLANT_CACHE_MAX_MB`` megabytes (0 keeps nothing), else ``DEFAULT_MAX_MB``."""
    try:
        mb = float(os.environ.get("SLANT_CACHE_MAX_MB", ""))
    except ValueError:
        mb = DEFAULT_MAX_MB
    if not mb >= 0:  # NaN
        mb = DEFAULT_MAX_MB
    return int(min(mb, 1e9) * 1_000_000)


def default_directory() -> Path:
    env = os.environ.get("SLANT_CACHE_DIR")
    if env:
        return Path(env)
    try:
        from PySide6.QtCore import QStandardPaths

        base = QStandardPaths.writableLocation(QStandardPaths.CacheLocation)
    except Exception:  # pragma: no cover - Qt missing
        base = ""
    if not base:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        base = str(Path(base) / "slant")
    return Path(base) / "analyses"


def article_key(article: Any, version: str) -> str:
    """Cache key of an ``analysis.sources.Article`` under analyser ``version``."""
    ident = {
        "format": FORMAT,
        "version": version,
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "date": article.date,
        "notes": list(article.notes or ()),
    }
    h = hashlib.sha256(json.dumps(ident, sort_keys=True).encode("utf-8"))
    h.update(b"\0")
    h.update(article.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:40]


def comparison_key(analyses: Any, version: str) -> str:
    """Cache key of the comparison of these analyses (in this order) under analyser ``version``."""
    h = hashlib.sha256(f"comparison|{FORMAT}|{version}".encode())
    for a in analyses:
        h.update(json.dumps([a.id, a.outlet, a.title, a.date]).encode("utf-8"))
        h.update(hashlib.sha1(a.text.encode("utf-8", "surrogatepass")).digest())
        # a lesson adds or dismisses findings of the same text (analysis.lesson): their comparison differs
        h.update(repr((a.counts, [(t.start, t.end, t.rule) for t in a.loaded_terms])).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:40]


class AnalysisCache:
    def __init__(self, directory: str | Path | None = None, version: str | None = None,
                 max_bytes: int | None = None):
        self.directory = Path(directory) if directory else default_directory()
        self._version = version
        self.max_bytes = default_max_bytes() if max_bytes is None else max(0, int(max_bytes))

    @property
    def version(self) -> str:
        """The analyser version now: the lexicon part follows the files (a user may edit one while the
        app runs), so it is asked each time (a few ``stat`` calls)."""
        if self._version is not None:
            return self._version
        from analysis.pipeline import analyzer_version

        return analyzer_version()

    def _path(self, article: Any) -> Path:
        return self.directory / f"{article_key(article, self.version)}.json"

    def _comparison_path(self, analyses: Any) -> Path:
        return self.directory / f"cmp-{comparison_key(analyses, self.version)}.json"

    def get(self, article: Any) -> ArticleAnalysis | None:
        def check(result: ArticleAnalysis) -> None:
            if result.analyzer_version != self.version:
                raise ValueError("stale entry")
            if result.id != article.id:
                raise ValueError("wrong article")

        return self._read(self._path(article), "analysis", ArticleAnalysis, check)

    def put(self, article: Any, analysis: ArticleAnalysis) -> bool:
        """Store; False (and no exception) when the folder is not writable."""
        return self._write(self._path(article), {"version": self.version, "columns": encode(analysis)})

    def get_comparison(self, analyses: Any) -> Comparison | None:
        def check(result: Comparison) -> None:
            if tuple(result.articles) != tuple(a.id for a in analyses):
                raise ValueError("wrong articles")

        return self._read(self._comparison_path(analyses), "comparison", Comparison, check)

    def put_comparison(self, analyses: Any, comparison: Comparison) -> bool:
        return self._write(self._comparison_path(analyses), {"version": self.version, "columns": encode(comparison)})

    def _read(self, path: Path, key: str, cls: type, check: Callable[[Any], None]) -> Any:
        """The ``cls`` stored at ``path`` (in ``analysis.wire``'s column form, or as ``to_dict()`` under
        ``key`` as entries were written before); None when missing. A corrupt, stale or foreign entry
        (``check`` raises) is removed so it is written again."""
        raw = _read_regular(path, self.max_bytes)
        if raw is None:
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
            del raw
            if data.get("version") != self.version:
                raise ValueError("stale entry")
            result = decode(cls, data.pop("columns")) if "columns" in data else cls.from_dict(data[key])
            check(result)
        except Exception:  # corrupt or foreign: drop it, analyse again
            _unlink(path)
            return None
        try:
            os.utime(path)  # used now: the last to be dropped when the folder is over its limit
        except OSError:
            pass
        return result

    def _write(self, path: Path, data: dict[str, Any]) -> bool:
        try:
            payload = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
            if len(payload) > self.max_bytes:
                return False  # would not fit: keep what is there
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(payload)
                os.replace(tmp, path)
            finally:
                if os.path.lexists(tmp):
                    os.unlink(tmp)
        except (OSError, TypeError, ValueError):
            return False
        self.trim(keep=path)
        return True

    def entries(self) -> list[tuple[Path, int, float]]:
        """(path, size in bytes, last used) of every entry: regular files named as this cache names them
        (a leftover temporary file counts too); anything else in the folder is left alone."""
        out = []
        try:
            with os.scandir(self.directory) as it:
                for e in it:
                    if not e.name.endswith(".json"):
                        continue
                    try:
                        st = e.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    if stat.S_ISREG(st.st_mode):
                        out.append((Path(e.path), st.st_size, st.st_mtime))
        except OSError:
            pass
        return out

    def size(self) -> tuple[int, int]:
        """(number of entries, bytes they take)."""
        found = self.entries()
        return len(found), sum(size for _p, size, _t in found)

    def trim(self, keep: Path | None = None) -> int:
        """Drop the entries used longest ago until the folder is within ``max_bytes`` (to ``TRIM_TO`` of
        it, so the next writes do not trim again at once); ``keep`` (just written) goes last. Returns the
        bytes freed."""
        found = self.entries()
        total = sum(size for _p, size, _t in found)
        if total <= self.max_bytes:
            return 0
        target = int(self.max_bytes * TRIM_TO)
        freed = 0
        for path, size, _t in sorted(found, key=lambda e: (e[0] == keep, e[2])):
            if total - freed <= target:
                break
            if _unlink(path):
                freed += size
        return freed

    def clear(self) -> int:
        """Remove every entry; returns the bytes freed."""
        freed = 0
        for path, size, _t in self.entries():
            if _unlink(path):
                freed += size
        return freed


def _read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes, else None. Opened without
    blocking (a FIFO would wait for a writer for ever) and checked with ``fstat`` before reading."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > max(limit, 0):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(st.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True
