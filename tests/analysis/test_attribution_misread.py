"""Reporting verbs the parser misreads, and verbs that report nothing in one sense, on sentences written
for these tests: a verb's "-s" form read as a plural noun ("council votes to", "court rules against"),
a name and its label read as two objects ("branded the fleet a 'menace'"), "Said Ellis: ..." with the
speaker after the verb, "voted to" and "voted against" as a body's decision or stance,
"found it hard to" / "were admitted" as no report at all, and a surname tagged as a common noun ("Wines
believes ...") as the name the text uses elsewhere."""
from __future__ import annotations

import analysis


def cues(text: str) -> dict[str, object]:
    return {a.cue.text: a for a in analysis.analyze(text).attributions}


def test_a_verb_read_as_a_plural_noun_in_a_headline_is_the_cue():
    att = cues("City council votes to close the Elm Street library.")["votes"]
    assert att.source.text == "City council" and att.cue_class == "neutral"
    assert "rule:verb-read-as-noun" in att.rule and "lexicon:reporting_verbs/vote" in att.rule
    att = cues("Appeals court rules against the mayor's zoning plan.")["rules against"]
    assert att.source.text == "Appeals court" and "rule:verb-read-as-noun" in att.rule
    att = cues("Railing Against The Budget, Hale Vows To Block Transit Tax Increase.")["Vows"]
    assert att.source.text == "Hale" and "rule:verb-read-as-noun" in att.rule


def test_a_verb_after_its_speaker_at_the_end_of_a_sentence_takes_the_whole_speaker_phrase():
    att = cues("Money was never the issue, the mayor's former chief of staff maintains.")["maintains"]
    assert att.cue_class == "doubt"
    assert att.source.text.startswith("the mayor's former") and att.source.text.endswith("staff")


def test_plural_nouns_stay_nouns():
    for text in ("New tax rules against offshoring take effect in May.",
                 "Interest rates rose by two percentage points to 4 percent.",
                 "These are the tax rules that Congress passed.",
                 "The member states to the east spend more on defence."):
        assert not [c for c in cues(text) if c.lower().startswith(("rules", "points", "states"))], text


def test_voting_to_do_something_is_a_decision_the_body_took():
    att = cues("The school board voted Tuesday to keep the uniform policy.")["voted"]
    assert att.source.text == "The school board" and "rule:to-clause" in att.rule
    assert not cues("Turnout was high and 900 people voted.")
    att = cues("In 2015 the senator voted against the farm bill.")["voted against"]
    assert att.source.text == "the senator" and "frame.phrasal/vote against" in att.rule
    # a voter's choice in an election is no stance on the record
    assert not cues("Most people in the town voted for the mayor.")


def test_a_verb_of_saying_put_before_its_speaker():
    att = cues("Prices rose again. Said Ellis: “Nobody here is surprised.”")["Said"]
    assert att.source.text == "Ellis" and "rule:inverted-speaker" in att.rule
    assert cues("Added one aide, “We are not worried.”")["Added"].source.text == "one aide"
    assert not cues("Said to be the richest man in town, he owns three mills.")


def test_a_name_and_its_label_read_as_two_objects_or_one_phrase_are_a_characterisation():
    att = cues('Ecuador branded the fishing fleet a "floating menace."')["branded"]
    assert att.source.text == "Ecuador" and att.cue_class == "emotive"
    att = cues("Senator Hale calls Riverside ‘broken town’ in rally speech.")["calls"]
    assert att.source.text == "Senator Hale"
    # a meeting called for a date is no label
    assert not cues("The union called a meeting for Friday.")


def test_finding_a_task_hard_and_being_let_in_report_nothing():
    assert "found" not in cues("Many voters found it hard to believe the figures.")
    assert cues("The audit found it likely that funds were misused.")["found"].source.text == "The audit"
    assert not cues("Forty refugees were admitted last year.")
    assert "was admitted" in cues("It was admitted that mistakes were made.")


def test_a_surname_the_model_tagged_as_a_common_noun_is_a_named_source_when_the_text_names_it():
    att = cues("Senator Ruth Wines spoke in Akron. Wines believes the campaign took black voters for granted.")["believes"]
    assert att.source.text == "Wines" and att.source_type == "named" and "rule:name-used-elsewhere" in att.rule
    # words for groups stay what they are: nobody in particular
    assert cues("Demonstrators said they want justice.")["said"].source_type == "vague"
