"""Sentence kinds: reported speech, the writer's opinion, or a factual report, each with the cue that decided it."""
from __future__ import annotations

import json

import pytest

import analysis
from analysis.results import ArticleAnalysis, Counts, Sentence


def _kind(sentence: str) -> tuple[str, str]:
    result = analysis.analyze(sentence)
    assert len(result.sentences) == 1, [result.text[s.start : s.end] for s in result.sentences]
    s = result.sentences[0]
    return s.kind, s.kind_reason


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ('"We will not give up this fight for our town," the mayor said on Monday.', "quotation"),
        ("The senator said on Monday that the party would win the seat in November.", "said"),
        ("According to the police, three people were hurt in the crash.", "According to"),
        ("Critics said the plan was a disaster for the town.", "said"),  # the critics' word, not the writer's
        ("Officials told reporters that the bridge would reopen in May.", "told"),
    ],
)
def test_reported_speech(sentence, cue):
    kind, reason = _kind(sentence)
    assert kind == "speech", reason
    assert cue in reason


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("The reform of the tax code is long overdue.", "long overdue"),
        ("The council deserves credit for keeping the library open.", "deserves credit"),
        ("The mayor's wasteful spending spree must end.", "wasteful"),
        ("We cannot let this happen to our children.", "first person"),
        ("The government should resign before the summer.", "should"),
        ("Who really believes the budget will balance itself?", "question"),
        ("The minister bizarrely declared the talks a success.", "bizarrely"),
        ("The senator claimed the figures were accurate.", "claimed"),  # a doubting verb in the writer's voice
        ('The ministry blamed "foreign agents" for the protests.', "scare quote"),
        ("If you live in the city, you will pay more for parking next year.", "addresses the reader"),
        ("The plan apparently failed to win over the council.", "apparently"),
        ("It's hard to see the point of the new parking rules.", "It's"),
    ],
)
def test_opinion(sentence, cue):
    kind, reason = _kind(sentence)
    assert kind == "opinion", reason
    assert cue in reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The council met on Tuesday and approved the budget by seven votes to two.",
        "About 300 asylum seekers arrived in the town this week.",
        "The bridge will close for repairs from May 3 to June 10.",
        "Hurricane Delia slammed into the Gulf Coast early on Tuesday.",  # physical sense: no judgement
    ],
)
def test_factual_report(sentence):
    kind, reason = _kind(sentence)
    assert kind == "report", reason
    assert reason


def test_counts_give_the_share_of_each_kind_with_its_count():
    text = (
        "The council met on Tuesday and approved the budget. "
        "The mayor said the vote was a relief for the town. "
        "The reform is long overdue. "
        "The new rules take effect in June."
    )
    result = analysis.analyze(text)
    kinds = [s.kind for s in result.sentences]
    assert kinds == ["report", "speech", "opinion", "report"]
    c = result.counts
    assert (c.speech_sentences, c.opinion_sentences, c.report_sentences) == (1, 1, 2)
    assert c.sentences == 4 and c.opinion_share == pytest.approx(0.25) and c.report_share == pytest.approx(0.5)


def test_kinds_are_in_the_json_and_older_json_still_loads():
    result = analysis.analyze("The reform is long overdue. The mayor said it would pass.")
    data = json.loads(json.dumps(result.to_dict()))
    assert [s["kind"] for s in data["sentences"]] == ["opinion", "speech"]
    assert data["counts"]["opinion_sentences"] == 1 and data["counts"]["speech_sentences"] == 1
    back = ArticleAnalysis.from_dict(data)
    assert back.sentences == result.sentences
    assert back.counts.opinion_sentences == 1 and back.counts.opinion_share == pytest.approx(0.5)
    # results written before sentence kinds existed: the new fields are simply empty
    old_sentence = {"start": 0, "end": 10, "tone": 0.1, "is_headline": False}
    assert Sentence.from_dict(old_sentence).kind == ""
    old_counts = {"words": 10, "sentences": 1, "loaded_per_1000_words": 0.0, "hedges_per_1000_words": 0.0,
                  "unnamed_source_share": 0.0}
    c = Counts.from_dict(old_counts)
    assert c.opinion_sentences == 0 and c.opinion_share == 0.0


def test_every_seed_sentence_has_a_kind_and_a_reason(seed_analyses):
    for key, a in seed_analyses.items():
        assert a.sentences
        for s in a.sentences:
            assert s.kind in ("speech", "opinion", "report"), (key, s)
            assert s.kind_reason, (key, s)
        c = a.counts
        assert c.speech_sentences + c.opinion_sentences + c.report_sentences == c.sentences
    # the opinionated outlet has a larger share of opinion sentences than the wire copy
    wire = max(seed_analyses[k].counts.opinion_share for k in ("003", "004"))
    assert seed_analyses["001"].counts.opinion_share > wire


@pytest.mark.parametrize(
    "sentence, kind, cue",
    [
        # What someone wants, plans or rejects is named in the writer's own words: a loaded word there is the writer's.
        ("The mayor wants to end the wasteful spending spree by the summer.", "opinion", "wasteful"),
        ("The council rejected the wasteful plan for a second car park.", "opinion", "wasteful"),
        # A label given by a speaker, or a whole statement passed on, stays the speaker's.
        ("Critics called the plan wasteful and unfair to the town.", "speech", "called"),
        ("The treasurer believes the spending has been wasteful for years.", "speech", "believes"),
    ],
)
def test_only_a_reported_statement_or_label_is_the_speakers(sentence, kind, cue):
    got, reason = _kind(sentence)
    assert got == kind, reason
    assert cue in reason


@pytest.mark.parametrize(
    "sentence",
    [
        # An emotive verb with an object names an act that happened: a report, not the writer's colouring.
        "The union accused the company of cutting wages for night staff.",
        "Two opposition senators criticized the budget on Tuesday.",
        "The coach praised the young goalkeeper after the match.",
    ],
)
def test_an_emotive_verb_that_names_an_act_is_not_the_writers_judgement(sentence):
    kind, reason = _kind(sentence)
    assert kind != "opinion", reason


def test_an_emotive_verb_before_a_statement_colours_it():
    kind, reason = _kind("The senator warned that the new budget would ruin the town.")
    assert kind == "opinion", reason
    assert "warned" in reason


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Many believe the new bridge will never open.", "opinion"),  # nobody named: the writer's generalisation
        ("Some fear the new bridge will never open.", "opinion"),
        ("The city engineer believes the new bridge will open in May.", "speech"),  # a named holder's view
    ],
)
def test_a_state_of_mind_is_the_writers_when_it_names_nobody(sentence, kind):
    got, reason = _kind(sentence)
    assert got == kind, reason
