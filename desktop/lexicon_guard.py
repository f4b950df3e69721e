"""Analyse with the user's lexicon files, or, when one of them is broken, with the built-in lexicons and a
note saying which file and what is wrong. No Qt here: the analysis server and the in-process engine use it.

A teacher's typo in ``hedges_mine.toml`` must not stop every analysis: the article is analysed with the
built-in lexicons, the result carries the note (shown on the article and once in the window's message
bar, see ``desktop.workers.AnalysisManager.lexiconProblem``), and fixing the file takes effect on the next
analysis (the analyser version includes every lexicon file).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from analysis import lexicons

NOTE_PREFIX = "A lexicon file of yours could not be used, so the built-in lexicons were used: "


def note_for(exc: lexicons.LexiconError) -> str:
    return NOTE_PREFIX + str(exc)


def lexicon_notes(warnings: tuple[str, ...] | list[str]) -> list[str]:
    """The lexicon problems among a result's warnings (for the window's message)."""
    return [w[len(NOTE_PREFIX):] for w in warnings if w.startswith(NOTE_PREFIX)]


def analyze_article(article: Any, progress: Any = None):
    """``analysis.pipeline.analyze_article`` that survives a broken user lexicon file (see above)."""
    from analysis.pipeline import analyze_article as analyse

    try:
        return analyse(article, progress=progress)
    except lexicons.LexiconError as exc:
        with lexicons.builtin_only():
            result = analyse(article, progress=progress)
        return replace(result, warnings=(note_for(exc),) + tuple(result.warnings))


def warm_up() -> str:
    """Load the model and build the matchers (with the built-in lexicons when a user file is broken:
    the problem is reported with the first article, not as a model that failed to load)."""
    from analysis import nlp
    from analysis.pipeline import analyze, analyzer_version

    nlp.get_nlp()
    nlp.get_vader()
    sample = "Officials said the talks could resume, according to a statement."
    try:
        analyze(sample)
    except lexicons.LexiconError:
        with lexicons.builtin_only():
            analyze(sample)
    return analyzer_version()
