"""Every lexicon shipped in resources/lexicons parses, names its source and licence, and user files extend it."""
import pytest

from analysis import lexicons


def test_builtin_lexicons_are_present():
    names = lexicons.builtin_names()
    assert "boilerplate" in names
    assert len(names) >= 1


@pytest.mark.parametrize("name", lexicons.builtin_names())
def test_every_builtin_lexicon_parses_with_source_and_licence(name):
    data = lexicons.load_builtin(name)
    meta = data["meta"]
    assert meta["name"] == name
    for key in ("version", "source", "licence"):
        assert str(meta[key]).strip(), f"{name}: [meta] {key} is empty"


def test_malformed_user_file_names_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(tmp_path))
    bad = tmp_path / "loaded_terms_mine.toml"
    bad.write_text("[meta\nname = 'x'", encoding="utf-8")
    with pytest.raises(lexicons.LexiconError) as err:
        lexicons.load_user("loaded_terms")
    assert "loaded_terms_mine.toml" in str(err.value)


def test_user_file_without_meta_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(tmp_path))
    (tmp_path / "hedges_extra.toml").write_text("[[term]]\nterm = 'perhaps'\n", encoding="utf-8")
    with pytest.raises(lexicons.LexiconError, match=r"\[meta\]"):
        lexicons.load_user("hedges")


def test_fingerprint_changes_when_a_user_lexicon_is_added(tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(tmp_path))
    before = lexicons.fingerprint()
    (tmp_path / "loaded_terms_x.toml").write_text(
        "[meta]\nname='loaded_terms'\nversion='1'\nsource='me'\nlicence='CC0'\n", encoding="utf-8"
    )
    assert lexicons.fingerprint() != before


def test_user_files_come_with_their_paths(tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(tmp_path))
    meta = "[meta]\nname='hedges'\nversion='1'\nsource='me'\nlicence='CC0'\n"
    (tmp_path / "hedges_b.toml").write_text(meta, encoding="utf-8")
    (tmp_path / "hedges_a.toml").write_text(meta, encoding="utf-8")
    (tmp_path / "naming_x.toml").write_text(meta, encoding="utf-8")
    loaded = lexicons.load_user("hedges")
    assert [p.name for p, _ in loaded] == ["hedges_a.toml", "hedges_b.toml"]
    assert all(data["meta"]["source"] == "me" for _, data in loaded)
    layers = lexicons.load_all("hedges")
    assert layers[0] is lexicons.load_builtin("hedges") and len(layers) == 3


META = '[meta]\nname = "{name}"\nversion = "1"\nsource = "a teacher"\nlicence = "CC0"\n\n'


def test_user_files_added_while_running_take_effect_on_the_next_analysis(tmp_path, monkeypatch):
    # The app's analysis process stays up: a user's new lexicon file must change the very next analysis,
    # for every lexicon-backed measure (the analyser version, and so the cache key, changes with it).
    from analysis import analyze
    from analysis.measures import naming

    monkeypatch.setenv("SLANT_LEXICON_DIR", str(tmp_path))
    text = "Insiders gloated that the minister would quit. A return to office is in the cards."
    before = analyze(text)
    assert not any(a.cue.text == "gloated" for a in before.attributions)
    assert not before.hedges

    (tmp_path / "reporting_verbs_mine.toml").write_text(
        META.format(name="reporting_verbs_mine") + '[class.emotive]\nlemmas = ["gloat"]\n', encoding="utf-8")
    (tmp_path / "source_nouns_mine.toml").write_text(
        META.format(name="source_nouns_mine") + '[anonymous]\nheads = ["insider"]\n', encoding="utf-8")
    (tmp_path / "hedges_mine.toml").write_text(
        META.format(name="hedges_mine") + '[[hedge]]\nid = "in-the-cards"\nkind = "likelihood"\n'
        'why = "An idiom for maybe."\npatterns = [[{LOWER = "in"}, {LOWER = "the"}, {LOWER = "cards"}]]\n',
        encoding="utf-8")
    (tmp_path / "naming_mine.toml").write_text(
        META.format(name="naming_mine") + '[aliases]\n"Fumio Kishida" = ["the Kishida premiership"]\n',
        encoding="utf-8")

    after = analyze(text)
    cue = next(a for a in after.attributions if a.cue.text == "gloated")
    assert cue.cue_class == "emotive"
    assert cue.source is not None and cue.source.text == "Insiders" and cue.source_type == "anonymous"
    assert [h.text for h in after.hedges] == ["in the cards"]
    assert naming.config()["aliases"]["the kishida premiership"] == "Fumio Kishida"

    for f in tmp_path.iterdir():  # and removing them undoes it
        f.unlink()
    again = analyze(text)
    assert not any(a.cue.text == "gloated" for a in again.attributions) and not again.hedges
