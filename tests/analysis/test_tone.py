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
