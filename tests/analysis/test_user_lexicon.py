"""The lexicon editor's storage: the teacher's terms are written to the user's lexicon folder in the shape the
loader reads, a built-in term can be switched off and on again, CSV goes out formula-safe and comes back in
only when every row is right, and the built-in lexicon files are never touched."""
from __future__ import annotations

import csv
import hashlib
import tomllib
from pathlib import Path

import pytest

from analysis import analyze, lexicons
from analysis.user_lexicon import CsvImportError, UserLexicon, render, toml_string

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "resources" / "lexicons"
TEXT = "The minister's plan was pure codswallop, and the dictator smiled."


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    folder = tmp_path / "lexicons"  # does not exist yet: the first save makes it
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(folder))
    return folder


def builtin_bytes() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(BUILTIN_DIR.glob("*.toml"))}


def found(text: str) -> dict[str, object]:
    return {t.text.lower(): t for t in analyze(text).loaded_terms}


def test_a_term_added_in_the_editor_is_found_by_the_next_analysis(user_dir):
    assert "codswallop" not in found(TEXT)
    lex = UserLexicon()
    lex.put_term("codswallop", "emotive_noun", "Calls what someone did dishonest trickery without showing it.",
                 ["secret dealings", "say what was done"], 0.7)
    path = lex.save()
    assert path.parent == user_dir and path.name == "loaded_terms_editor.toml"

    term = found(TEXT)["codswallop"]
    assert term.category == "emotive_noun"
    assert term.why == "Calls what someone did dishonest trickery without showing it."
    assert term.alternatives == ("secret dealings", "say what was done")
    assert term.weight == pytest.approx(0.7)

    again = UserLexicon()  # read back from the file
    row = again.row(("codswallop", "emotive_noun"))
    assert (row.source, row.enabled, row.editable) == ("user", True, True)
    assert row.alternatives == ("secret dealings", "say what was done")


def test_switching_a_builtin_term_off_and_on_again(user_dir):
    assert "dictator" in found(TEXT)
    lex = UserLexicon()
    lex.set_enabled(("dictator", "pejorative"), False)
    lex.save()
    assert "dictator" not in found(TEXT)
    row = UserLexicon().row(("dictator", "pejorative"))
    assert (row.source, row.enabled) == ("builtin", False)
    assert "judges the person" in row.reason  # the built-in explanation is still shown for a switched-off term

    lex = UserLexicon()
    lex.set_enabled(("dictator", "pejorative"), True)
    lex.save()
    assert "dictator" in found(TEXT)
    assert not (user_dir / "loaded_terms_editor.toml").exists()  # nothing left to keep


def test_a_switched_off_user_term_keeps_its_reason_and_comes_back(user_dir):
    lex = UserLexicon()
    key = lex.put_term("codswallop", "emotive_noun", "Trickery, said without proof.", ["dealings"])
    lex.set_enabled(key, False)
    lex.save()
    assert "codswallop" not in found(TEXT)
    lex = UserLexicon()
    assert lex.row(key).reason == "Trickery, said without proof." and not lex.row(key).enabled
    lex.set_enabled(key, True)
    lex.save()
    assert found(TEXT)["codswallop"].why == "Trickery, said without proof."


def test_the_editors_file_wins_over_the_users_other_files(user_dir):
    user_dir.mkdir()
    (user_dir / "loaded_terms_zz_mine.toml").write_text(
        '[meta]\nname = "mine"\nversion = "1"\nsource = "me"\nlicence = "CC0"\n\n'
        '[[term]]\nterm = "codswallop"\ncategory = "emotive_noun"\nweight = 0.5\nwhy = "From my file."\n',
        encoding="utf-8")
    assert found(TEXT)["codswallop"].why == "From my file."
    lex = UserLexicon()
    assert lex.row(("codswallop", "emotive_noun")).origin == "loaded_terms_zz_mine.toml"
    with pytest.raises(ValueError, match="loaded_terms_zz_mine.toml"):
        lex.delete(("codswallop", "emotive_noun"))  # the editor never edits the user's own files
    lex.set_enabled(("codswallop", "emotive_noun"), False)
    lex.save()
    assert "codswallop" not in found(TEXT)  # although "zz_mine" sorts after "editor"

    lex = UserLexicon()  # editing it under another name leaves the user's file alone and the old term off
    lex.put_term("skullduggery", "emotive_noun", "Edited.", [], replace=("codswallop", "emotive_noun"))
    lex.save()
    assert "From my file." in (user_dir / "loaded_terms_zz_mine.toml").read_text(encoding="utf-8")
    assert not lex.row(("codswallop", "emotive_noun")).enabled and lex.row(("skullduggery", "emotive_noun")).enabled


def test_builtin_terms_are_switched_off_not_edited_or_deleted(user_dir):
    lex = UserLexicon()
    with pytest.raises(ValueError, match="built-in"):
        lex.put_term("dictator", "pejorative", "My reason.", [])
    with pytest.raises(ValueError, match="built-in"):
        lex.delete(("dictator", "pejorative"))
    with pytest.raises(ValueError, match="reason"):
        lex.put_term("codswallop", "emotive_noun", "  ", [])
    with pytest.raises(ValueError, match="unknown category"):
        lex.put_term("codswallop", "vibes", "A reason.", [])
    assert not lex.mine


def test_strings_with_quotes_backslashes_and_control_characters_round_trip(user_dir):
    nasty = 'He said "no" \\ then\ttabbed\x7f\x01 – ünïcode – 東京 \U0001F600'
    assert tomllib.loads(f"x = {toml_string(nasty)}")["x"] == nasty
    entry = {"term": 'a "quoted" term', "category": "opinion", "weight": 0.25, "why": nasty,
             "alternatives": [nasty, "plain"], "disabled": False}
    text = render({"name": "x", "version": "1", "source": "s", "licence": "l"}, {}, [entry])
    assert tomllib.loads(text)["term"] == [entry]

    lex = UserLexicon()
    lex.put_term('a "quoted" term', "opinion", "Why: back\\slash and \"quotes\".", ['say "it"', "c:\\path"])
    lex.save()
    row = UserLexicon().row(('a "quoted" term', "opinion"))
    assert row.reason == "Why: back\\slash and \"quotes\"." and row.alternatives == ('say "it"', "c:\\path")


def test_csv_export_is_formula_safe_and_reads_back(user_dir, tmp_path):
    lex = UserLexicon()
    builtin = len(lex.rows())
    lex.put_term("=cmd|' /C calc'!A0", "opinion", "+looks like a formula", ["@SUM(A1)", "-1"], 0.4)
    lex.set_enabled(("dictator", "pejorative"), False)
    out = tmp_path / "terms.csv"
    n = lex.export_csv(out)
    assert n == len(lex.rows()) == builtin + 1
    raw = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(raw.splitlines()))
    assert list(rows[0]) == ["term", "category", "reason", "alternatives", "weight", "enabled", "source"]
    mine = next(r for r in rows if r["source"] == "user")
    assert mine["term"].startswith("'=") and mine["reason"].startswith("'+")
    assert mine["alternatives"] == "'@SUM(A1);' -1"  # the cell and the part after the "; " are both inert
    for r in rows:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in r.values()), r
    dictator = next(r for r in rows if r["term"] == "dictator")
    assert (dictator["enabled"], dictator["source"]) == ("false", "builtin")

    fresh = UserLexicon()
    assert fresh.import_csv(out) == 2  # the user's term and the switched-off built-in one
    got = fresh.row(("=cmd|' /c calc'!a0", "opinion"))
    assert got.reason == "+looks like a formula" and got.alternatives == ("@SUM(A1)", "-1")
    assert not fresh.row(("dictator", "pejorative")).enabled
    assert fresh.import_csv(out) == 0  # importing the same file twice changes nothing


def test_a_csv_with_bad_rows_names_each_by_line_and_imports_nothing(user_dir, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "term,category,reason,alternatives,weight,enabled,source\n"
        "codswallop,emotive_noun,Trickery said without proof.,dealings,0.6,true,user\n"  # line 2: fine
        ",opinion,No term.,,,,user\n"  # line 3
        "hoopla,vibes,Unknown category.,,,,user\n"  # line 4
        '"multi\nline",emotive_noun,"A term over two lines is fine",,0.5,yes,user\n'  # lines 5-6: fine
        "gizmo,emotive_noun,,,,,user\n"  # line 7: no reason
        "gadget,emotive_noun,Heavy.,,1.5,,user\n"  # line 8: weight
        "dictator,pejorative,,,,maybe,builtin\n"  # line 9: enabled
        "dictator,pejorative,Mine now.,,,,user\n"  # line 10: a built-in term as a user one
        "nonsuch,pejorative,,,,false,builtin\n"  # line 11: no such built-in term
        "codswallop,emotive_noun,Again.,,,,user\n",  # line 12: twice
        encoding="utf-8")
    lex = UserLexicon()
    with pytest.raises(CsvImportError) as err:
        lex.import_csv(path)
    lines = [n for n, _ in err.value.problems]
    assert lines == [3, 4, 7, 8, 9, 10, 11, 12], err.value.problems
    messages = dict(err.value.problems)
    assert "empty" in messages[3] and "vibes" in messages[4] and "reason" in messages[7]
    assert "weight" in messages[8] and "maybe" in messages[9] and "line 2" in messages[12]
    assert "line 7:" in str(err.value)
    assert not lex.mine and not (user_dir / "loaded_terms_editor.toml").exists()


def test_csv_header_problems_are_reported(user_dir, tmp_path):
    lex = UserLexicon()
    for text, words in (("", "empty"), ("word,category\nx,opinion\n", "missing column(s) term"),
                        ("term,category,colour\n", "unknown column(s) colour")):
        path = tmp_path / "h.csv"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(CsvImportError, match=r"line 1: .*" + words.split("(")[0]):
            lex.import_csv(path)
    path.write_bytes(b"term,category\n\xff\xfe,opinion\n")
    with pytest.raises(CsvImportError, match="not UTF-8"):
        lex.import_csv(path)


def test_the_builtin_lexicon_files_are_never_written(user_dir, tmp_path):
    before = builtin_bytes()
    lex = UserLexicon()
    lex.put_term("codswallop", "emotive_noun", "Trickery.", ["dealings"])
    lex.set_enabled(("dictator", "pejorative"), False)
    lex.set_enabled(("regime", "pejorative"), False)
    lex.save()
    lex.export_csv(tmp_path / "all.csv")
    UserLexicon().import_csv(tmp_path / "all.csv")
    lex = UserLexicon()
    lex.set_enabled(("dictator", "pejorative"), True)
    lex.delete(("codswallop", "emotive_noun"))
    lex.save()
    assert builtin_bytes() == before
    assert [p.name for p in user_dir.iterdir()] == ["loaded_terms_editor.toml"]
    assert lexicons.user_files("loaded_terms") == [user_dir / "loaded_terms_editor.toml"]


def test_nothing_is_written_when_the_loader_would_refuse_it(user_dir):
    lex = UserLexicon()
    lex.put_term("codswallop", "emotive_noun", "Trickery.", [])
    lex.mine[("codswallop", "emotive_noun")]["context"] = "sometimes"  # as a damaged file could have it
    with pytest.raises(lexicons.LexiconError, match="context"):
        lex.save()
    assert not (user_dir / "loaded_terms_editor.toml").exists()


def test_a_csv_that_is_no_regular_file_is_refused_without_waiting(user_dir, tmp_path):
    import os
    import threading

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs")
    fifo = tmp_path / "terms.csv"
    os.mkfifo(fifo)
    out: dict = {}

    def run():
        try:
            UserLexicon().import_csv(fifo)
        except CsvImportError as exc:
            out["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(20)
    assert not t.is_alive(), "waits on the FIFO"
    assert "not a regular file" in str(out["error"])
    with pytest.raises(CsvImportError, match="folder"):
        UserLexicon().import_csv(tmp_path)


# -- hedges (analysis.user_hedges): switched off by id, added from a plain phrase
HEDGE_TEXT = "The minister could resign soon. A return to office is in the cards, aides think."


def hedges(text: str) -> list[str]:
    return [h.text.lower() for h in analyze(text).hedges]


def test_a_builtin_hedge_switched_off_stops_firing_and_comes_back(user_dir):
    from analysis.user_hedges import UserHedges

    before = builtin_bytes()
    assert "could" in hedges(HEDGE_TEXT)
    own = UserHedges()
    own.set_enabled("could", False)
    own.save()
    assert "could" not in hedges(HEDGE_TEXT)
    assert not UserHedges().row("could").enabled and UserHedges().row("could").source == "builtin"
    own = UserHedges()
    own.set_enabled("could", True)
    own.save()
    assert "could" in hedges(HEDGE_TEXT)
    assert not (user_dir / "hedges_editor.toml").exists() and builtin_bytes() == before


def test_a_hedge_added_from_a_phrase_is_found_and_can_be_deleted(user_dir):
    from analysis.user_hedges import UserHedges

    assert "in the cards" not in hedges(HEDGE_TEXT)
    own = UserHedges()
    hid = own.put_hedge("In the  Cards", "likelihood", "An idiom for \"maybe\": it guesses.")
    with pytest.raises(ValueError, match="already"):
        own.put_hedge("in the cards", "likelihood", "Again.")
    with pytest.raises(ValueError, match="unknown kind"):
        own.put_hedge("on the cards", "vibes", "A reason.")
    own.set_enabled("might", False)
    own.save()
    text = (user_dir / "hedges_editor.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text)["hedge"][0]["patterns"] == [[{"LOWER": "in"}, {"LOWER": "the"}, {"LOWER": "cards"}]]
    assert "in the cards" in hedges(HEDGE_TEXT)
    row = UserHedges().row(hid)
    assert (row.words, row.kind, row.source, row.editable) == ("in the cards", "likelihood", "user", True)
    own = UserHedges()
    own.delete(hid)
    with pytest.raises(ValueError, match="switched off, not deleted"):
        own.delete("could")
    own.save()
    assert "in the cards" not in hedges(HEDGE_TEXT)
    assert tomllib.loads((user_dir / "hedges_editor.toml").read_text(encoding="utf-8"))["disabled"] == ["might"]


def test_a_broken_user_file_is_named_when_the_editor_opens(user_dir):
    user_dir.mkdir()
    (user_dir / "loaded_terms_old.toml").write_text(
        'term = ["not", "tables"]\n[meta]\nname = "old"\nversion = "1"\nsource = "me"\nlicence = "CC0"\n',
        encoding="utf-8")
    with pytest.raises(lexicons.LexiconError, match="loaded_terms_old.toml"):
        UserLexicon()
