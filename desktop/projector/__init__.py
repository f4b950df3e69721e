"""The projector view (View > Projector view, F5): ``view`` (the window), ``steps`` (what each step reveals),
``key`` (the samples of the categories shown)."""
from .key import FILL_SCALE
from .steps import (ALL_STEP, DEFAULT_REVEAL_ORDER, NONE_STEP, REVEAL_GROUPS, RevealGroup, RevealStep, page_ranges,
                    reveal_steps)
from .view import ProjectorView, projector_qss

__all__ = ["ALL_STEP", "DEFAULT_REVEAL_ORDER", "FILL_SCALE", "NONE_STEP", "REVEAL_GROUPS", "ProjectorView", "RevealGroup",
           "RevealStep", "page_ranges", "projector_qss", "reveal_steps"]
