"""Attribution cues inside what another source is reported to say, on sentences written for these tests:
the reported clause is the outer source's words (like a quotation), so a thought or a plain report
inside it is no second attribution; a reporting verb that colours the statement stays a finding."""
from __future__ import annotations

import analysis


def cue_texts(text: str) -> list[str]:
    return [a.cue.text for a in analysis.analyze(text).attributions]


def test_a_thought_inside_what_someone_said_is_part_of_the_statement():
    assert cue_texts("The mayor said she thinks the bridge will open in May.") == ["said"]
    assert cue_texts("Ms. Ward said the council hopes to finish the road by June.") == ["said"]


def test_a_report_inside_what_someone_said_is_theirs():
    assert cue_texts("A spokesman said the governor has long called for lower fares.") == ["said"]


def test_the_same_verbs_outside_a_reported_clause_are_cues():
    assert cue_texts("The mayor thinks the bridge will open in May.") == ["thinks"]
    assert "called for" in cue_texts("The governor has long called for lower fares.")


def test_a_colouring_verb_inside_a_reported_clause_stays_a_finding():
    found = {a.cue.text: a for a in analysis.analyze("The report said the mayor claimed the audit was wrong.").attributions}
    assert set(found) == {"said", "claimed"} and found["claimed"].cue_class == "doubt"


def test_a_second_verb_of_the_speaker_joined_by_and_is_a_cue():
    atts = analysis.analyze("Mr. Lund said the road was closed and urged drivers to wait.").attributions
    assert [a.cue.text for a in atts] == ["said", "urged"]
    assert all(a.source.text == "Mr. Lund" for a in atts)


def test_a_statement_joined_by_and_to_a_report_is_its_own_cue():
    # "and vowed" hangs on "outlined", itself a reporting verb: a second statement of the same speaker
    atts = analysis.analyze("The governor outlined her budget on Monday and vowed to cut bus fares.").attributions
    found = {a.cue.text: a for a in atts}
    assert "vowed" in found and found["vowed"].source.text == "The governor"


def test_a_participle_after_a_report_is_the_speakers_own_second_act():
    # the parser hangs "arguing" on "think", inside what was said; it is still Hale arguing
    atts = analysis.analyze("Senator Hale said he did not think the plan would fail, arguing that the money was there.").attributions
    found = {a.cue.text: a for a in atts}
    assert set(found) == {"said", "arguing"}


def test_the_writers_aside_and_a_report_placed_before_its_content_are_not_inside_it():
    # ", which was first reported by ..." is the writer's aside inside what the spokesman said
    atts = analysis.analyze("A spokesman said officials could not comment on the matter, which was first reported by the "
                            "Harbor Times on Saturday.").attributions
    assert {a.cue.text for a in atts} >= {"said", "reported"}
    # the parser may hang "reported" on "planning"; the report is still the report
    atts = analysis.analyze("The Harbor Times similarly reported, also citing city sources, that the mayor was planning "
                            "on attending the summit.").attributions
    assert "reported" in {a.cue.text for a in atts}


def test_a_named_persons_state_of_mind_inside_a_report_stays_a_finding():
    # whose mind is it? "Senator Hale" is named: the spokesman tells the reader what Hale believes, and the
    # reader should see that as a state of mind of its own; "she thinks" above stays part of what was said
    atts = analysis.analyze("A spokesman said Senator Hale believes the bridge will open in May.").attributions
    found = {a.cue.text: a for a in atts}
    assert set(found) == {"said", "believes"}
    assert found["believes"].cue_class == "state_of_mind" and found["believes"].source.text == "Senator Hale"
    # a plain report by the named person inside the clause is still the spokesman's words
    assert cue_texts("A spokesman said Senator Hale has long called for lower fares.") == ["said"]


def test_a_statement_set_against_the_first_with_though_is_its_own_cue():
    # the parser hangs "though she noted" inside what Ward said; the writer adds it as a second statement
    atts = analysis.analyze("Ms. Ward said city work sometimes removes the hurdles that small firms face, though she noted "
                            "banks are starting to ask for more.").attributions
    assert [a.cue.text for a in atts] == ["said", "noted"]
    assert cue_texts("The mayor said the plan cuts the costs that families pay, though she noted the budget is tight.") == ["said", "noted"]
    # a plain "because"-clause inside what was said stays part of it
    assert cue_texts("Ms. Ward said the road closed because the council decided to repave it.") == ["said"]


def test_a_second_speaker_joined_by_and_is_a_second_statement():
    atts = analysis.analyze("The mayor says the bridge will open in May and engineers say it will open in July.").attributions
    assert [(a.cue.text, a.source.text) for a in atts] == [("says", "The mayor"), ("say", "engineers")]
    # without a speaker of its own, a verb joined by "and" stays inside what was said
    assert cue_texts("The mayor said the council hopes to open the bridge and wants a new road.") == ["said"]
