"""Classroom > Spot the slant: ``controller`` (the exercise on the window's panes and results) and ``panel``
(how marks look, the score panel). The lesson itself and its scoring are ``analysis.lesson`` (no Qt)."""
from .controller import Exercise
from .panel import STYLES, ExercisePanel, mark_format

__all__ = ["Exercise", "ExercisePanel", "STYLES", "mark_format"]
