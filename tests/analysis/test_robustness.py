"""analyze() returns a sound result for any string, and says when the text is not English."""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from analysis import analyze, compare


def check_sound(a):
    """Every offset indexes the returned text; every number is finite and in range."""
    n = len(a.text)
    spans = [(b.start, b.end, b.text) for b in a.boilerplate]
    spans += [(t.start, t.end, t.text) for t in a.loaded_terms]
    spans += [(h.start, h.end, h.text) for h in a.hedges]
    for at in a.attributions:
        spans.append((at.cue.start, at.cue.end, at.cue.text))
        if at.source:
            spans.append((at.source.start, at.source.end, at.source.text))
    for m in a.mentions:
        spans.append((m.span.start, m.span.end, m.span.text))
    for start, end, text in spans:
        assert 0 <= start <= end <= n
        assert a.text[start:end] == text
    for s in a.sentences:
        assert 0 <= s.start < s.end <= n
        assert -1.0 <= s.tone <= 1.0
    assert a.counts.words >= 0
    assert 0.0 <= a.counts.unnamed_source_share <= 1.0
    assert a.to_dict()["text"] == a.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_string_gives_a_sound_result(text):
    a = analyze(text)
    check_sound(a)
    assert a.text == text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "Kishida said the summit would be held in July.", "“It is a bitter lesson,” Abe wrote.",
    "Sources familiar with the matter said he could attend.", "\n\n", "\n", "XS", "Related coverage:",
    "Critics claimed the plan was reckless.", "🙂🙂", "مرحبا بالعالم", "日本の首相", "   ", "\t", "\x00", "\x0b",
]), max_size=25))
def test_mixed_news_like_text_gives_a_sound_result(parts):
    check_sound(analyze(" ".join(parts)))


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\n", "\t \r\n", "🙂" * 50, "\x00\x01\x02 text \x1b[31m red", "\ufeffBOM at start.",
    "שלום עולם. זה טקסט בעברית מימין לשמאל.", "a" * 5000, "." * 3000, "\u202eRTL override\u202c said Kishida.",
])
def test_edge_cases(text):
    check_sound(analyze(text))


def test_japanese_text_is_flagged_not_english_and_does_not_crash():
    a = analyze("岸田文雄首相は、7月にワシントンで開かれるNATO首脳会議に出席する方向で調整している。政府関係者が明らかにした。")
    check_sound(a)
    assert not a.language.is_english
    assert any("English" in w for w in a.warnings)


def test_french_text_is_flagged_not_english():
    a = analyze(
        "Le Premier ministre japonais Fumio Kishida envisage de participer au sommet de l'OTAN à Madrid, "
        "selon des sources proches du dossier. La décision sera prise plus tard, a rapporté Kyodo."
    )
    assert not a.language.is_english


def test_english_seed_is_english(seed_analyses):
    assert all(a.language.is_english for a in seed_analyses.values())
    assert all(not a.warnings for a in seed_analyses.values())


@pytest.mark.slow
def test_one_megabyte_article_is_analysed_whole():
    para = ("Prime Minister Fumio Kishida said on Friday that Japan could attend the summit, "
            "sources familiar with the matter said. Critics claimed the plan was a bizarre gamble.\n\n")
    text = para * (1_000_000 // len(para) + 1)
    assert len(text) > 1_000_000
    a = analyze(text)
    check_sound(a)
    assert a.counts.sentences >= 2 * (len(text) // len(para)) - 2
    # the last paragraph was parsed too: its sentences are there
    assert a.sentences[-1].end > len(text) - len(para)


def test_compare_accepts_odd_inputs():
    empty = analyze("")
    jp = analyze("日本の首相")
    c = compare([empty, jp])
    assert c.articles == (empty.id, jp.id)
    compare([])
    compare([empty])


# Odd text as users' files really hold it: lone surrogates (from a broken UTF-16 file or a clipboard
# with half an emoji), NULs and other controls, emoji, right-to-left and combining marks, line breaks.
ODD_CHARS = st.one_of(
    st.characters(exclude_categories=()),  # anything, surrogates included
    st.sampled_from(["\ud800", "\udfff", "\ud83d", "\x00", "\u200f", "\u202e", "\u0301", "\u0651", "\n", " ",
                     ".", "🙂", "👩\u200d👩\u200d👧", "ש", "ب", "é", "Kishida", " said ", "“", "”"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ODD_CHARS, max_size=300).map("".join))
def test_odd_text_never_raises_and_offsets_stay_in_range(text):
    a = analyze(text)
    check_sound(a)
    assert a.text == text.replace("\r\n", "\n").replace("\r", "\n")


def test_lone_surrogates_are_analysed_and_kept():
    text = "Kishida said \ud800 the talks could resume.\udfff Critics claimed the plan was reckless."
    a = analyze(text)
    check_sound(a)
    assert a.text == text  # the user's text is kept as it is
    assert {at.cue.text for at in a.attributions} >= {"said", "claimed"}
    assert [h.text for h in a.hedges] == ["could"]
