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
        if self._version is None:
            from analysis.pipeline import analyzer_version

            self._version = analyzer_version()
        return self._version

    def _path(self, article: Any) -> Path:
        return self.directory / f"{article_key(article, self.version)}.json"

    def get(self, article: Any) -> ArticleAnalysis | None:
        path = self._path(article)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
            result = ArticleAnalysis.from_dict(data["analysis"])
            if data.get("version") != self.version or result.analyzer_version != self.version:
                raise ValueError("stale entry")
            if result.id != article.id:
                raise ValueError("wrong article")
            return result
        except Exception:  # corrupt or foreign: drop it, analyse again
            try:
                path.unlink()
            except OSError:
                pass
            return None

    def put(self, article: Any, analysis: ArticleAnalysis) -> bool:
        """Store; False (and no exception) when the folder is not writable."""
        return self._write(self._path(article), {"version": self.version, "analysis": analysis.to_dict()})

    def get_comparison(self, analyses: Any) -> Comparison | None:
        path = self.directory / f"cmp-{comparison_key(analyses, self.version)}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != self.version:
                raise ValueError("stale entry")
            result = Comparison.from_dict(data["comparison"])
            if tuple(result.articles) != tuple(a.id for a in analyses):
                raise ValueError("wrong articles")
            return result
        except FileNotFoundError:
            return None
        except Exception:  # corrupt: drop it
            try:
                path.unlink()
            except OSError:
                pass
            return None

    def put_comparison(self, analyses: Any, comparison: Comparison) -> bool:
        path = self.directory / f"cmp-{comparison_key(analyses, self.version)}.json"
        return self._write(path, {"version": self.version, "comparison": comparison.to_dict()})

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
            try:
                p.unlink()
            except OSError:
                pass
