"""Highlight category keys: one name per kind of finding, shared by the window (desktop/highlight.py), the
lesson (analysis/lesson.py) and the styles in ``resources/styles/highlights.toml``. Stable: settings, lesson
files, tests and exports store them."""
from __future__ import annotations

LOADED_TERM = "loaded_term"
SCARE_QUOTE = "scare_quote"
OPINION = "opinion"  # loaded terms of category "opinion": the writer's judgements, mostly phrases
CUE_NEUTRAL = "cue_neutral"
CUE_CHARGED = "cue_charged"
SOURCE_NAMED = "source_named"
SOURCE_ANONYMOUS = "source_anonymous"
SOURCE_VAGUE = "source_vague"
HEDGE = "hedge"
BOILERPLATE = "boilerplate"
TONE = "tone"

FINDING_CATEGORIES = (LOADED_TERM, OPINION, SCARE_QUOTE, CUE_NEUTRAL, CUE_CHARGED, SOURCE_NAMED, SOURCE_ANONYMOUS,
                      SOURCE_VAGUE, HEDGE)
