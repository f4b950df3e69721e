"""Attribution around the layout of a news story, on texts written for these tests: the dateline is
never the source, a running story's label ("The Latest:") and a section heading before a colon are no
speaker, while a transcript speaker still is."""
from __future__ import annotations

import analysis


def by_cue(text: str) -> dict[str, object]:
    return {a.cue.text: a for a in analysis.analyze(text).attributions}


def test_the_dateline_is_not_the_source():
    att = by_cue("Council votes on bridge.\n\nLEEDS (Wire) — Mayor Ann Cole said on Friday that the bridge would open.\n")["said"]
    assert att.source.text == "Mayor Ann Cole"
    att = by_cue("Museum opens.\n\nDOVER -- Governor Lee, opening the museum on Saturday, said it would tell a long story.\n")["said"]
    assert "Lee" in att.source.text and "DOVER" not in att.source.text


def test_a_running_label_before_a_colon_is_no_speaker():
    found = by_cue("The Latest: Mayor Cole urges residents to vote early.\n\nThe vote is on Friday.\n")
    assert ":" not in found
    assert found["urges"].source.text == "Mayor Cole"


def test_a_heading_before_a_colon_is_no_speaker_but_a_name_is():
    atts = analysis.analyze("A long report.\n\nThe Gap Goes On: The plan was never funded, and the roads got worse.\n").attributions
    assert not [a for a in atts if a.cue.text == ":"]
    atts = analysis.analyze("A debate.\n\nCOLE: Well, look, the plan was never funded.\n").attributions
    assert [a.source.text for a in atts if a.cue.text == ":"] == ["COLE"]
