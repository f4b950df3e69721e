"""Disk cache of analyses: relaunching on the same articles shows the highlights at once.

Key: a hash of (text, id, outlet, title, date, decoding notes, analyser version); value: the
``ArticleAnalysis.to_dict()`` JSON. Comparisons are cached too ("cmp-*.json", keyed by the compared
articles in order), so a relaunch needs no language model at all. The folder is ``$SLANT_CACHE_DIR`` when set (tests), else the
platform cache location. A corrupt, truncated or foreign entry is ignored (and removed), never fatal.
Pure Python (no Qt) so workers can use it from any thread; writes are atomic (temp file + rename).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from analysis.results import ArticleAnalysis, Comparison

FORMAT = 1


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
    return h.hexdigest()[:40]


class AnalysisCache:
    def __init__(self, directory: str | Path | None = None, version: str | None = None):
        self.directory = Path(directory) if directory else default_directory()
        self._version = version

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

        return self._read(self._path(article), "analysis", ArticleAnalysis.from_dict, check)

    def put(self, article: Any, analysis: ArticleAnalysis) -> bool:
        """Store; False (and no exception) when the folder is not writable."""
        return self._write(self._path(article), {"version": self.version, "analysis": analysis.to_dict()})

    def get_comparison(self, analyses: Any) -> Comparison | None:
        def check(result: Comparison) -> None:
            if tuple(result.articles) != tuple(a.id for a in analyses):
                raise ValueError("wrong articles")

        return self._read(self._comparison_path(analyses), "comparison", Comparison.from_dict, check)

    def put_comparison(self, analyses: Any, comparison: Comparison) -> bool:
        return self._write(self._comparison_path(analyses), {"version": self.version, "comparison": comparison.to_dict()})

    def _read(self, path: Path, key: str, from_dict: Callable[[dict], Any], check: Callable[[Any], None]) -> Any:
        """The entry stored at ``path`` under ``key``; None when missing. A corrupt, stale or foreign entry
        (``check`` raises) is removed so it is written again."""
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("version") != self.version:
                raise ValueError("stale entry")
            result = from_dict(data[key])
            check(result)
            return result
        except Exception:  # corrupt or foreign: drop it, analyse again
            _unlink(path)
            return None

    def _write(self, path: Path, data: dict[str, Any]) -> bool:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            payload = json.dumps(data, ensure_ascii=False)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(payload)
                os.replace(tmp, path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            return True
        except (OSError, TypeError, ValueError):
            return False

    def clear(self) -> None:
        for p in self.directory.glob("*.json"):
            _unlink(p)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
