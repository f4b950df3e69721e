"""What every corpus module needs: where the corpora are, an empty user-lexicon folder, and a timed
``analysis.analyze`` (the app's own analysis path, one call per text, nothing bypassed)."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ENV_DIR = "SLANT_EVAL_DIR"


def eval_dir() -> Path:
    """The corpora: ``$SLANT_EVAL_DIR`` when set, else ``../shared/eval`` beside the repository (or beside
    a folder above it, for a git worktree kept one level deeper)."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    for parent in REPO.parents:
        candidate = parent / "shared" / "eval"
        if candidate.is_dir():
            return candidate
    return REPO.parent / "shared" / "eval"


_empty_lexicons: tempfile.TemporaryDirectory | None = None


def use_empty_user_lexicons() -> Path:
    """Point ``SLANT_LEXICON_DIR`` at an empty temporary folder, so a user's own terms never change the
    figures. Call before the first analysis (the lexicons read the variable on every analysis)."""
    global _empty_lexicons
    if _empty_lexicons is None:
        _empty_lexicons = tempfile.TemporaryDirectory(prefix="slant-eval-lexicons-")
    os.environ["SLANT_LEXICON_DIR"] = _empty_lexicons.name
    return Path(_empty_lexicons.name)


def _import_analyze():
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from analysis import analyze

    return analyze


class TimedAnalyser:
    """Calls ``analysis.analyze`` and adds up the time it took and the words it read (whitespace-split),
    for the throughput figure. The first call (model and lexicon loading) is not counted."""

    def __init__(self) -> None:
        self.analyze = _import_analyze()
        self.seconds = 0.0
        self.words = 0
        self.texts = 0
        self._warm = False

    def __call__(self, text: str):
        if not self._warm:
            self.analyze("The mayor said the meeting is scheduled for July.")
            self._warm = True
        t0 = time.perf_counter()
        result = self.analyze(text)
        self.seconds += time.perf_counter() - t0
        self.words += len(text.split())
        self.texts += 1
        return result

    def throughput(self) -> dict:
        return {
            "texts": self.texts,
            "words": self.words,
            "seconds": round(self.seconds, 2),
            "words_per_second": round(self.words / self.seconds) if self.seconds else None,
            "texts_per_second": round(self.texts / self.seconds, 1) if self.seconds else None,
        }
