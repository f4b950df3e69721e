"""User lexicon files: a special file or a folder is refused without hanging; every mistake in a hedges,
reporting-verb, source-noun or naming file (wrong types included) raises one LexiconError naming the file,
the entry and what is wrong, never a bare KeyError/TypeError, never silently accepted."""
from __future__ import annotations

import os
import threading

import pytest

from analysis import lexicons
from analysis.lexicons import LexiconError

META = '[meta]\nname = "{name}"\nversion = "1"\nsource = "a teacher"\nlicence = "CC0"\n\n'


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(tmp_path))
    yield tmp_path
    monkeypatch.delenv("SLANT_LEXICON_DIR")


def finishes(fn, seconds=20.0):
    """Run fn in a thread; fail (instead of hanging the suite) when it does not return in time."""
    out: dict = {}

    def run():
        try:
            out["value"] = fn()
        except BaseException as exc:  # noqa: BLE001
            out["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "hangs"
    return out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_as_a_user_lexicon_is_refused_without_hanging(user_dir):
    fifo = user_dir / "hedges_pipe.toml"
    os.mkfifo(fifo)
    out = finishes(lambda: lexicons.load_user("hedges"))
    assert isinstance(out.get("error"), LexiconError), out
    assert str(fifo) in str(out["error"]) and "not a regular file" in str(out["error"])
    out = finishes(lexicons.fingerprint)  # the analyser version never reads it either
    assert "value" in out, out


def test_a_folder_named_toml_gives_a_clear_message(user_dir):
    (user_dir / "naming_old.toml").mkdir()
    with pytest.raises(LexiconError, match="naming_old.toml is a folder"):
        lexicons.load_user("naming")
    assert lexicons.fingerprint()  # no IsADirectoryError


HEDGE = '[[hedge]]\nid = "in-the-cards"\nkind = "likelihood"\nwhy = "An idiom for maybe."\n' \
        'patterns = [[{LOWER = "in"}, {LOWER = "the"}, {LOWER = "cards"}]]\n'

CASES = [
    # lexicon, body, words the message must hold
    ("hedges", HEDGE.replace('id = "in-the-cards"\n', ""), ["#1", "id"]),
    ("hedges", HEDGE.replace('kind = "likelihood"', "kind = 3"), ["in-the-cards", "kind"]),
    ("hedges", HEDGE.replace('kind = "likelihood"', 'kind = "vibes"'), ["in-the-cards", "kind", "vibes"]),
    ("hedges", HEDGE.replace('why = "An idiom for maybe."\n', ""), ["in-the-cards", "why"]),
    ("hedges", HEDGE.replace('patterns = [[{LOWER = "in"}, {LOWER = "the"}, {LOWER = "cards"}]]',
                             'patterns = "in the cards"'), ["in-the-cards", "patterns"]),
    ("hedges", HEDGE.replace('{LOWER = "cards"}', '{LOWR = "cards"}'), ["in-the-cards", "patterns", "LOWR"]),
    ("hedges", HEDGE + 'unless_next = "not"\n', ["in-the-cards", "unless_next"]),
    ("hedges", 'hedge = "could"\n', ["hedge", "[[hedge]]"]),
    ("hedges", '[[hedges]]\nid = "x"\n', ["hedges", "unknown"]),
    ("reporting_verbs", '[class.doubt]\nlemmas = "claim"\n', ["class.doubt", "lemmas", "list"]),
    ("reporting_verbs", '[class.doubt]\nlemmas = ["claim", 5]\n', ["class.doubt", "lemmas"]),
    ("reporting_verbs", '[class.shady]\nlemmas = ["claim"]\n', ["shady", "neutral"]),
    ("reporting_verbs", '[class]\ndoubt = ["claim"]\n', ["class.doubt", "table"]),
    ("reporting_verbs", '[frame.quoting]\nlemmas = ["cite"]\n', ["frame.quoting"]),
    ("reporting_verbs", '[emotive_adverbs]\nwords = ["angrily"]\nwhy = 4\n', ["emotive_adverbs", "why"]),
    ("reporting_verbs", '[nominal.shady]\nnouns = ["claim"]\n', ["nominal.shady", "neutral"]),
    ("reporting_verbs", '[nominal.doubt]\nnouns = "claim"\n', ["nominal.doubt", "nouns", "list"]),
    ("reporting_verbs", '[frame.phrasal]\nphrases = [3]\n', ["frame.phrasal", "phrases"]),
    ("source_nouns", '[anonymous]\nheads = "insider"\n', ["anonymous", "heads"]),
    ("source_nouns", '[anonymous]\nhead = ["insider"]\n', ["anonymous", "head"]),
    ("source_nouns", '[anonymous_markers]\nphrases = [1, 2]\n', ["anonymous_markers", "phrases"]),
    ("source_nouns", 'vague = ["folks"]\n', ["vague", "table"]),
    ("naming", '[aliases]\n"Fumio Kishida" = "Kishida"\n', ["aliases", "Fumio Kishida", "list"]),
    ("naming", '[titles]\nwords = [1]\n', ["titles", "words"]),
    ("naming", '[[event]]\nlabel = "EVENT"\npatterns = [[{LOWER = "war"}]]\nwhy = "x"\n', ["event", "#1", "entity"]),
    ("naming", '[[event]]\nentity = "The war"\nwhy = "x"\npatterns = [{LOWER = "war"}]\n',
     ["The war", "patterns"]),
]


@pytest.mark.parametrize("name, body, words", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_a_mistake_names_the_file_the_entry_and_the_problem(user_dir, name, body, words):
    path = user_dir / f"{name}_mine.toml"
    meta = META.format(name=f"{name}_mine")
    # a bare key belongs before the first [table] header (else TOML puts it inside [meta])
    path.write_text(meta + body if body.startswith("[") else body + meta, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        lexicons.load_user(name)
    message = str(err.value)
    assert str(path) in message
    for w in words:
        assert w in message, (w, message)


def test_good_user_files_still_load(user_dir):
    (user_dir / "hedges_mine.toml").write_text(META.format(name="hedges_mine") + HEDGE
                                               + 'unless_next = ["not"]\n', encoding="utf-8")
    (user_dir / "reporting_verbs_mine.toml").write_text(
        META.format(name="r") + '[class.emotive]\nlemmas = ["sneer"]\nwhy = "Adds feeling."\n'
        '[frame.characterise]\nlemmas = ["dub"]\n[frame.to_clause]\nlemmas = ["resolve"]\n[frame.phrasal]\n'
        'phrases = ["hit back"]\n[nominal.doubt]\nnouns = ["insinuation"]\n[emotive_adverbs]\nwords = ["angrily"]\n',
        encoding="utf-8")
    (user_dir / "source_nouns_mine.toml").write_text(
        META.format(name="s") + '[anonymous]\nheads = ["insider"]\n[anonymous_markers]\nphrases = ["off the record"]\n',
        encoding="utf-8")
    (user_dir / "naming_mine.toml").write_text(
        META.format(name="n") + '[titles]\nwords = ["chancellor"]\n[aliases]\n"Fumio Kishida" = ["Kishida"]\n'
        '[[event]]\nentity = "The war"\nwhy = "Names differ."\npatterns = [[{LOWER = "war"}]]\n', encoding="utf-8")
    for name in ("hedges", "reporting_verbs", "source_nouns", "naming"):
        assert len(lexicons.load_user(name)) == 1


@pytest.mark.parametrize("name", ["hedges", "reporting_verbs", "source_nouns", "naming"])
def test_the_builtin_files_pass_the_same_checks(name):
    from analysis.lexicon_schema import check

    check(name, lexicons.load_builtin(name), f"resources/lexicons/{name}.toml")
