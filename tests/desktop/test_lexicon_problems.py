"""A broken user lexicon file (a typo, a FIFO, a folder named *.toml) never leaves the window "pending":
the article is analysed with the built-in lexicons, and the window says which file is wrong and why."""
from __future__ import annotations

import os

import pytest

from desktop.models.article_model import DONE

TEXT = "The dictator said the talks could resume. Critics claimed the plan was a disaster."
META = '[meta]\nname = "hedges_mine"\nversion = "1"\nsource = "me"\nlicence = "CC0"\n\n'


def broken_typo(folder):
    path = folder / "hedges_mine.toml"
    path.write_text(META + '[[hedge]]\nid = "x"\nkind = 3\nwhy = "w"\npatterns = [[{LOWER = "x"}]]\n',
                    encoding="utf-8")
    return path, "kind"


def broken_folder(folder):
    path = folder / "hedges_old.toml"
    path.mkdir()
    return path, "is a folder"


def broken_fifo(folder):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs")
    path = folder / "hedges_pipe.toml"
    os.mkfifo(path)
    return path, "not a regular file"


@pytest.mark.parametrize("make_broken", [broken_typo, broken_folder, broken_fifo])
def test_a_broken_user_lexicon_is_reported_and_the_builtin_one_is_used(make_window, qtbot, tmp_path,
                                                                       monkeypatch, make_broken):
    lexdir = tmp_path / "lexicons"
    lexdir.mkdir()
    path, words = make_broken(lexdir)
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(lexdir))
    win = make_window(seeds=False, cached=False)
    entry = win.add_pasted(TEXT, outlet="Test Times")
    qtbot.waitUntil(lambda: win.model.entry(entry.key).status == DONE, timeout=120000)
    analysis = win.model.entry(entry.key).analysis
    assert any(t.text == "dictator" for t in analysis.loaded_terms)  # the built-in lexicon still works
    assert any(h.text == "could" for h in analysis.hedges)
    shown = win.message_bar.label.text()
    assert path.name in shown and words in shown, shown
    assert any(path.name in w for w in analysis.warnings)
