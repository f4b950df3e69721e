"""Attribution cues for a stance someone took by refusing or declining, on sentences written for these
tests: "refused to release his tax returns" tells the reader a position the person took (like "vowed
not to"), while "refused to comment" tells them nothing was said."""
from __future__ import annotations

import analysis


def cues(text: str) -> dict[str, object]:
    return {a.cue.text: a for a in analysis.analyze(text).attributions}


def test_refusing_or_declining_to_act_is_a_stance_with_its_source():
    att = cues("The governor refuses to release the audit report.")["refuses"]
    assert att.source.text == "The governor" and "rule:to-clause" in att.rule
    att = cues("The council declined to raise the parking fees this year.")["declined"]
    assert att.source.text == "The council"


def test_refusing_to_say_anything_is_no_cue():
    assert not cues("The governor refused to comment on the audit.")
    assert not cues("A spokeswoman for the council declined to say how many fees were raised.")
    # a refusal with a plain object is no "to ..." stance
    assert "declined" not in cues("Ms. Ward declined the invitation to the gala.")


def test_an_aside_to_the_reader_is_no_cue():
    assert not cues("Prices may rise in Europe (think Brexit, for example) and elsewhere.")
    # a bracketed aside with its own speaker still is one
    assert cues("Prices may rise (the mayor thinks) in Europe.")["thinks"].source.text == "the mayor"


def test_refusing_to_disclose_something_named_is_a_stance():
    att = cues("The governor has refused to disclose the audit report.")["refused"]
    assert att.source.text == "The governor"
    assert "refused" in cues("The senator refused to answer questions about the loan.")


def test_a_refusal_or_denial_with_its_owner_and_a_ruling_against_are_cues():
    assert cues("The governor's refusal to release the audit was a surprise.")["refusal"].source.text == "The governor's"
    assert cues("The mayor's denial of the report came on Friday.")["denial"].source.text == "The mayor's"
    assert cues("The court ruled against the city's parking plan.")["ruled against"].source.text == "The court"
