"""Shared test setup: Qt runs offscreen, seeds are at hand."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI runs the fuzz tests on a fixed, reproducible set of inputs (a failure there is one anyone can replay);
# a developer's runs keep exploring new ones.
if os.environ.get("CI"):
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    settings.load_profile("ci")

# Never the user's own lexicon folder: a teacher's terms on this machine must not change what tests see.
# Tests that need user lexicons point SLANT_LEXICON_DIR at their own folder (monkeypatch.setenv).
import tempfile  # noqa: E402

os.environ["SLANT_LEXICON_DIR"] = tempfile.mkdtemp(prefix="slant-tests-no-user-lexicons-")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The five seed articles by file-name prefix ("000" ... "004"), decoded exactly as on disk."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("0*.txt"))}


@pytest.fixture(scope="session")
def seed_analyses(seed_texts):
    import analysis

    return {k: analysis.analyze(t, id=k) for k, t in seed_texts.items()}
