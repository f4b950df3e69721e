"""Tone per sentence and toward each named person, organisation or country."""
from analysis import analyze


def test_tone_toward_a_person_counts_every_way_the_article_names_them():
    a = analyze("Fumio Kishida met Joe Biden in Washington on Monday.\n"
                "Kishida said the talks were excellent and warmly thanked his host.\n"
                "Kishida's critics at home called the trip a terrible, shameful failure.\n")
    people = {e.entity: e for e in a.tone.by_entity if e.label == "PERSON"}
    assert "Fumio Kishida" in people and "Kishida" not in people
    assert people["Fumio Kishida"].sentence_indices == (0, 1, 2)
    assert people["Joe Biden"].sentence_indices == (0,)
    assert all(e.entity != "Kishida" for e in a.tone.by_entity)  # not also listed as an organisation


def test_tone_toward_follows_the_sentences_that_mention_it():
    a = analyze("The mayor of Springfield praised the wonderful new park, a great success for everyone.\n"
                "Critics in Shelbyville called the plan a disgraceful, disastrous waste.\n")
    tone = {e.entity: e.mean for e in a.tone.by_entity}
    assert tone["Springfield"] > 0.3 > -0.3 > tone["Shelbyville"]
    assert a.tone.positive_share == a.tone.negative_share == 0.5


def test_plain_reports_of_events_read_neutral():
    for text in ("The meeting is scheduled for July.",
                 "The committee will vote on the bill on Tuesday.",
                 "The minister arrived in Brussels on Monday for two days of talks."):
        a = analyze(text)
        assert a.sentences and all(-0.05 < s.tone < 0.05 for s in a.sentences), text
        assert a.tone.positive_share == a.tone.negative_share == 0.0


def test_tone_toward_a_person_comes_from_what_the_sentence_says_about_them():
    text = "Critics attacked the plan, but praised Smith for her candour."
    a = analyze(text)
    (s,) = a.sentences
    smith = next(t for t in s.targets if t.entity == "Smith")
    assert s.tone < 0.05  # the sentence as a whole is mixed
    assert smith.tone >= 0.05  # but what it says about Smith is praise
    assert next(e for e in a.tone.by_entity if e.entity == "Smith").mean == smith.tone
    words = {c.text: c for c in smith.contributions}
    assert words["praised"].weight > 0 > words["attacked"].weight
    assert words["praised"].weight > abs(words["attacked"].weight)
    for c in s.contributions + smith.contributions:
        assert text[c.start:c.end] == c.text


def test_the_same_sentence_mood_gives_opposite_tones_toward_two_people():
    a = analyze("Voters praised Maria Lopez for her honesty and condemned David Brown for his lies.")
    (s,) = a.sentences
    toward = {t.entity: t.tone for t in s.targets}
    assert toward["Maria Lopez"] >= 0.05 and toward["David Brown"] <= -0.05


def test_results_written_before_the_tone_model_still_load():
    from analysis.results import Sentence, Tone

    old = Sentence.from_dict({"start": 0, "end": 12, "tone": 0.42, "is_headline": False})
    assert old.tone == 0.42 and old.vader is None and old.contributions == () and old.targets == ()
    # the tone toward an entity falls back to the sentence's own tone when a sentence has no targets
    from analysis.measures.tone import tone as aggregate
    from analysis.results import Mention, Span

    m = Mention("Smith", "PERSON", Span(0, 5, "Smith"), Span(0, 5, "Smith"), ())
    assert aggregate((old,), [m]).by_entity[0].mean == 0.42
    new = analyze("Critics attacked the plan, but praised Smith for her candour.").sentences[0]
    again = Sentence.from_dict(new.to_dict())
    assert again.targets[0].entity == new.targets[0].entity and again.contributions[0].text == new.contributions[0].text
    assert isinstance(Tone.from_dict(Tone(0.1, 0.2, 0.3).to_dict()), Tone)
