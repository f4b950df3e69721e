"""Comparison files (analysis.comparison_file): exact round trips, versions, damaged files, atomic saves, and
a hypothesis fuzz that finds no input making the loader raise anything but ComparisonFileError."""
from __future__ import annotations

import errno
import json
import os

import pytest

from analysis import comparison_file as cf
from analysis.sources import Article, article_from_text, load_seeds


def six_articles() -> list[tuple[Article, bool, bool]]:
    """(article, pasted, shown): the five demo files and one pasted text with awkward characters."""
    seeds = load_seeds()
    pasted = article_from_text("Tokyo —\r\nKishida “said” the talks were 😀 ‘productive’.\r\n\u200b日本語\ttab\n\n",
                               outlet="Pasted Daily", title="A pasted one", date="1 May", byline="A. Writer")
    return [(a, False, i != 2) for i, a in enumerate(seeds)] + [(pasted, True, True)]


def make_doc(items) -> cf.ComparisonDocument:
    return cf.ComparisonDocument(
        articles=[cf.SavedArticle.from_article(a, pasted=p, shown=s) for a, p, s in items],
        view={"categories": {"loaded": False, "hedge": True}, "font_pt": 14, "hide_furniture": True,
              "scroll_together": False, "tab": "dashboard"},
        choices={"dismissed": [{"article": "001", "rule": "lexicon:loaded_terms/dictator", "note": "quoted"}]})


def test_a_comparison_with_six_articles_round_trips_exactly(tmp_path):
    items = six_articles()
    doc = make_doc(items)
    path = tmp_path / "kishida.slant"
    cf.save(path, doc, saved_by="Slant test")
    back = cf.load(path)
    assert [s.to_article() for s in back.articles] == [a for a, _p, _s in items]  # texts, metadata, order
    assert [s.shown for s in back.articles] == [s for _a, _p, s in items]
    assert [s.origin for s in back.articles] == ["file"] * 5 + ["pasted"]
    assert back.view == doc.view and back.choices == doc.choices
    assert back.notes == []
    assert back.fingerprint() == doc.fingerprint()
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["format"] == "slant.comparison" and raw["version"] == 1
    assert "\r\n" in raw["articles"][5]["text"]  # the user's text is never changed, line ends included
    # saving what was loaded gives the same file, apart from the time it was saved
    cf.save(tmp_path / "again.slant", back, saved_by="Slant test")
    again = json.loads((tmp_path / "again.slant").read_text(encoding="utf-8"))
    raw.pop("saved_at"), again.pop("saved_at")
    assert again == raw


def test_results_are_not_stored_only_what_the_user_brought(tmp_path):
    doc = make_doc(six_articles())
    raw = json.loads(cf.dumps(doc))
    keys = {k for a in raw["articles"] for k in a}
    assert not keys & {"loaded_terms", "attributions", "hedges", "tone", "counts", "sentences"}


def test_a_lone_surrogate_in_a_text_survives_and_the_file_stays_utf8(tmp_path):
    art = article_from_text("broken \ud83d half of an emoji", outlet="X")
    doc = cf.ComparisonDocument(articles=[cf.SavedArticle.from_article(art, pasted=True, shown=True)])
    cf.save(tmp_path / "s.slant", doc)
    (tmp_path / "s.slant").read_bytes().decode("utf-8")  # valid UTF-8
    assert cf.load(tmp_path / "s.slant").articles[0].text == art.text


def test_unknown_sections_and_fields_are_kept_with_a_note(tmp_path):
    raw = json.loads(cf.dumps(make_doc(six_articles())))
    raw["lesson"] = {"blind": True, "reveal": ["loaded", "unnamed"]}
    raw["articles"][0]["reading_level"] = "B2"
    doc = cf.loads(json.dumps(raw))
    assert doc.sections == {"lesson": {"blind": True, "reveal": ["loaded", "unnamed"]}}
    assert any("lesson" in n and "kept" in n for n in doc.notes)
    again = json.loads(cf.dumps(doc))
    assert again["lesson"] == raw["lesson"] and again["articles"][0]["reading_level"] == "B2"


def test_newer_versions_open_when_they_say_so_else_say_why_not():
    raw = json.loads(cf.dumps(make_doc(six_articles()[:1])))
    raw.update(version=3, readable_by=1)
    doc = cf.loads(json.dumps(raw))
    assert len(doc.articles) == 1 and "newer Slant" in doc.notes[0]
    raw.update(version=3, readable_by=2)
    with pytest.raises(cf.ComparisonFileError, match="newer Slant .*version 3.*Update Slant"):
        cf.loads(json.dumps(raw))
    raw.update(version=0)
    with pytest.raises(cf.ComparisonFileError, match="version 0"):
        cf.loads(json.dumps(raw))
    raw.update(version="1")
    with pytest.raises(cf.ComparisonFileError, match="no valid format version"):
        cf.loads(json.dumps(raw))


def test_an_older_version_is_upgraded_by_its_migration(monkeypatch):
    raw = json.loads(cf.dumps(make_doc(six_articles()[:1])))
    raw["version"] = 0
    raw["articles"][0]["headline"] = raw["articles"][0].pop("title")

    def v0_to_v1(d):  # a made-up older format that called the title "headline"
        d["articles"] = [{**a, "title": a.pop("headline")} for a in d["articles"]]
        return d

    monkeypatch.setitem(cf.MIGRATIONS, 0, v0_to_v1)
    doc = cf.loads(json.dumps(raw))
    assert doc.articles[0].meta["title"] == six_articles()[0][0].title
    assert any("older Slant (format version 0)" in n for n in doc.notes)


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b'{"format": "slant.comparison", "version": 1, "articles": [', "damaged"),
    (b'{"format": "something.else", "version": 1}', "not a Slant comparison"),
    (b"[1, 2, 3]", "not a Slant comparison"),
    (b'{"format": "slant.comparison", "version": 1, "articles": [{"text": ""}]}', "article 1 has no text"),
    (b'{"format": "slant.comparison", "version": 1, "articles": [{"text": "x", "outlet": 5}]}', "outlet"),
    (b'{"format": "slant.comparison", "version": 1, "articles": {}}', "no list of articles"),
    (b'{"format": "slant.comparison", "version": NaN, "articles": []}', "damaged"),
    (b"[" * 100000 + b"]" * 100000, "damaged"),
])
def test_damaged_files_give_a_sentence_not_a_traceback(tmp_path, content, message):
    path = tmp_path / "bad.slant"
    path.write_bytes(content)
    with pytest.raises(cf.ComparisonFileError, match=message):
        cf.load(path)


def test_folders_missing_files_and_pipes_are_refused_before_reading(tmp_path):
    with pytest.raises(cf.ComparisonFileError, match="folder"):
        cf.load(tmp_path)
    with pytest.raises(cf.ComparisonFileError, match="Cannot open"):
        cf.load(tmp_path / "nope.slant")
    fifo = tmp_path / "pipe.slant"
    os.mkfifo(fifo)
    with pytest.raises(cf.ComparisonFileError, match="not a regular file"):
        cf.load(fifo)  # would hang for ever if it were opened


def test_bad_view_settings_are_dropped_with_a_note_and_the_file_opens():
    raw = json.loads(cf.dumps(make_doc(six_articles()[:1])))
    raw["view"] = {"font_pt": 1e309, "categories": {"loaded": "yes"}, "tab": "nowhere", "hide_furniture": True}
    doc = cf.loads(json.dumps(raw).replace("Infinity", "1e309"))
    assert doc.view == {"hide_furniture": True}
    assert any("font_pt" in n and "categories" in n for n in doc.notes)


def test_a_failed_save_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "c.slant"
    small = make_doc(six_articles()[:1])
    cf.save(path, small)
    before = path.read_bytes()

    def full_disk(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        cf.save(path, make_doc(six_articles()))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.slant"]  # no temporary file left behind


# ---------------------------------------------------------------------------------------------- fuzz
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# A quick run in the suite; set SLANT_FUZZ_EXAMPLES=5000 (say) for a long one.
FUZZ_EXAMPLES = int(os.environ.get("SLANT_FUZZ_EXAMPLES", "300"))

json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30))
json_value = st.recursive(json_leaf, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                             st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                          max_leaves=8)
field_names = st.sampled_from(["id", "origin", "shown", "notes", "outlet", "title", "date", "byline", "path", "file",
                               "url", "encoding", "encoding_chosen", "extra"])
# Mostly well-formed (so the checks after the format and version gates are reached), with anything in any field.
article_like = st.fixed_dictionaries({"text": st.one_of(st.text(min_size=1, max_size=40), json_value)},
                                     optional={"id": st.one_of(st.text(max_size=8), json_value)}).flatmap(
    lambda base: st.dictionaries(field_names, st.one_of(st.text(max_size=12), st.booleans(), json_value),
                                 max_size=6).map(lambda more: {**more, **base}))
doc_like = st.fixed_dictionaries(
    {"format": st.one_of(st.just("slant.comparison"), st.just("slant.comparison"), json_value),
     "version": st.one_of(st.just(1), st.just(1), st.integers(-2, 4), json_value),
     "articles": st.one_of(st.lists(article_like, max_size=4), st.lists(article_like, max_size=4), json_value)},
    optional={"readable_by": st.one_of(st.integers(-1, 3), json_value), "view": json_value, "choices": json_value,
              "name": json_value, "lesson": json_value})


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzz_loader_on_arbitrary_bytes(data):
    try:
        cf.loads(data)
    except cf.ComparisonFileError:
        pass


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc_like)
def test_fuzz_loader_on_comparison_shaped_json(raw):
    text = json.dumps(raw)
    try:
        doc = cf.loads(text)
    except cf.ComparisonFileError:
        return
    # whatever opens can be saved and opened again to the same content
    assert cf.loads(cf.dumps(doc)).fingerprint() == doc.fingerprint()
    for saved in doc.articles:
        saved.to_article()


def test_slant_analyze_reads_the_shown_articles_of_a_comparison_file(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    arts = [(article_from_text("The minister said the talks were useful.\n", outlet="Alpha Times"), True, True),
            (article_from_text("Critics claimed the dictator could visit.\n", outlet="Beta Post"), True, True),
            (article_from_text("A hidden one.\n", outlet="Hidden Herald"), True, False)]
    cf.save(tmp_path / "story.slant", make_doc(arts))
    (tmp_path / "bad.slant").write_text("{not json", encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-m", "desktop.cli", "analyze", "--format", "json",
                          str(tmp_path / "story.slant"), str(tmp_path / "bad.slant")],
                         capture_output=True, text=True, cwd=root)
    data = json.loads(run.stdout)
    assert [a["outlet"] for a in data["articles"]] == ["Alpha Times", "Beta Post"]
    assert "bad.slant is damaged" in run.stderr and "Traceback" not in run.stderr
