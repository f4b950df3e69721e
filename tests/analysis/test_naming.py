"""Entity naming per article: who is named how, with which words in front, under which shared key."""
from __future__ import annotations

import pytest

import analysis
from analysis.results import Mention

WAR = "Russia's war in Ukraine"


def phrases(a, entity: str) -> list[str]:
    return [" ".join(m.phrase.text.split()) for m in a.mentions if m.entity == entity]


def test_offsets_index_the_text_and_phrases_contain_the_name(seed_analyses):
    for key, a in seed_analyses.items():
        assert a.mentions, key
        for m in a.mentions:
            assert a.text[m.span.start : m.span.end] == m.span.text
            assert a.text[m.phrase.start : m.phrase.end] == m.phrase.text
            assert m.phrase.start <= m.span.start and m.span.end <= m.phrase.end
            assert m.entity and m.label


def test_no_mention_in_boilerplate(seed_analyses):
    for key, a in seed_analyses.items():
        for m in a.mentions:
            for b in a.boilerplate:
                assert m.phrase.end <= b.start or m.phrase.start >= b.end, (key, m.phrase.text, b.reason)


def test_biden_is_labelled_in_001_and_titled_in_000(seed_analyses):
    leftist = phrases(seed_analyses["001"], "Joe Biden")
    plain = phrases(seed_analyses["000"], "Joe Biden")
    assert "Leftist American President Joe Biden" in leftist
    assert "US President Joe Biden" in plain
    # the bare surname joins the full name's key
    assert "Biden" in leftist and "Biden" in plain
    m = next(m for m in seed_analyses["001"].mentions if m.phrase.text.startswith("Leftist"))
    assert m.label == "PERSON"
    assert m.span.text == "Joe Biden"
    assert m.modifiers == ("Leftist", "American", "President")


def test_xi_is_named_chinese_dictator_in_001(seed_analyses):
    xi = [m for m in seed_analyses["001"].mentions if m.entity == "Xi Jinping"]
    assert xi and xi[0].label == "PERSON"
    assert xi[0].phrase.text == "Chinese dictator Xi Jinping"
    assert "dictator" in xi[0].modifiers


def test_kishida_keys_within_articles(seed_analyses):
    a001 = seed_analyses["001"]
    keys = {m.entity for m in a001.mentions if "Kishida" in m.span.text}
    assert keys == {"Kishida Fumio"}
    assert "conservative Prime Minister Kishida Fumio" in phrases(a001, "Kishida Fumio")
    # 003 calls a lone "Kishida" an organisation in places; it is still the person
    k003 = [m for m in seed_analyses["003"].mentions if m.span.text == "Kishida"]
    assert k003 and {m.entity for m in k003} == {"Fumio Kishida"} and {m.label for m in k003} == {"PERSON"}


def test_headline_verb_is_not_part_of_the_name(seed_analyses):
    # 004's headline "Japan's Kishida Considers Joining NATO Summit -Sources"
    names = {m.span.text for m in seed_analyses["004"].mentions if m.entity == "Fumio Kishida"}
    assert "Kishida Considers" not in names and "Kishida" in names


def test_the_war_is_one_event_named_differently(seed_analyses):
    war = {k: phrases(a, WAR) for k, a in seed_analyses.items()}
    assert "the Russian “special operation”" in war["001"]
    assert "the ongoing Russian invasion" in war["001"]
    assert "Russian aggression" in war["000"] and "the Ukraine issue" in war["000"]
    assert "Russia's invasion of Ukraine" in war["003"] and "Russia's invasion of Ukraine" in war["004"]
    assert "the Ukraine crisis" in war["004"]
    assert "its war in Ukraine" in war["003"]
    assert war["002"] == []  # 002 never names the war
    for a in seed_analyses.values():
        assert {m.label for m in a.mentions if m.entity == WAR} <= {"EVENT"}


def test_other_wars_and_issues_are_not_the_ukraine_war(seed_analyses):
    named = {m.phrase.text for a in seed_analyses.values() for m in a.mentions if m.entity == WAR}
    assert not any("World War" in p or "Taiwan" in p for p in named)


@pytest.mark.parametrize(
    ("text", "name", "phrase", "label_word"),
    [
        ("Embattled Mayor John Smith met reporters on Monday.", "John Smith", "Embattled Mayor John Smith", "Embattled"),
        ("Officials said that hardline President Ana Lopez would attend.", "Ana Lopez", "hardline President Ana Lopez", "hardline"),
        ("German Chancellor Olaf Scholz spoke in Berlin on Friday.", "Olaf Scholz", "German Chancellor Olaf Scholz", None),
    ],
)
def test_naming_phrase_on_own_sentences(text, name, phrase, label_word):
    a = analysis.analyze(text)
    m = next(m for m in a.mentions if m.span.text == name)
    assert m.phrase.text == phrase
    assert m.entity == name
    if label_word:
        assert label_word in m.modifiers


def test_own_text_names_the_war_in_several_ways():
    text = (
        "Moscow's war on Ukraine entered its third year. Critics of the Kremlin call the conflict in Ukraine "
        "an invasion, while officials speak of a \"special military operation\". Analysts said the Ukraine "
        "war had changed Europe. The war in Syria is a different war."
    )
    a = analysis.analyze(text)
    spans = [m.span.text for m in a.mentions if m.entity == WAR]
    assert "Moscow's war on Ukraine" in spans
    assert "conflict in Ukraine" in spans
    assert any("special military operation" in s for s in spans)
    assert "Ukraine war" in spans
    assert not any("Syria" in s for s in spans)


def test_surname_and_word_order_share_a_key_within_an_article():
    a = analysis.analyze(
        "Prime Minister Kishida Fumio arrived in Vilnius on Tuesday. Kishida met the NATO chief the same day."
    )
    keys = {m.entity for m in a.mentions if "Kishida" in m.span.text}
    assert keys == {"Kishida Fumio"}


def test_empty_and_odd_text_give_no_mentions():
    for text in ("", "   \n", "🙂🙂", "12 34 56"):
        assert analysis.analyze(text).mentions == ()


def test_mentions_round_trip(seed_analyses):
    m = seed_analyses["001"].mentions[0]
    assert Mention.from_dict(m.to_dict()) == m


def test_a_dateline_in_capitals_is_the_place_named_in_the_text():
    a = analysis.analyze(
        "TOKYO (Reuters) - Japan's NHK said the minister resigned. NHK did not name its sources. "
        "Officials in Tokyo declined to comment."
    )
    tokyo = [m for m in a.mentions if m.span.text.casefold() == "tokyo"]
    assert len(tokyo) == 2
    assert {(m.entity, m.label) for m in tokyo} == {("Tokyo", "GPE")}


def test_a_place_owning_a_name_is_in_front_of_it_not_part_of_it():
    # The recogniser reads "Japan’s NHK" here as one organisation's name.
    a = analysis.analyze(
        "Citing multiple sources, Japan’s NHK claimed on Monday that the plan was dropped. "
        "Japan denied it, and NHK stood by the report."
    )
    nhk = [m for m in a.mentions if "NHK" in m.span.text]
    assert [m.span.text for m in nhk] == ["NHK", "NHK"]
    assert {m.entity for m in nhk} == {"NHK"}
    assert nhk[0].phrase.text == "Japan’s NHK"
    # A possessive that is part of the name stays in it.
    uni = analysis.analyze("St. John's University said on Monday that fees would rise.").mentions
    assert any(m.entity == "St. John's University" for m in uni)


def test_capitals_and_owners_merge_across_articles():
    from analysis.compare.naming import merge_keys

    one = analysis.analyze("WASHINGTON - Japan's NHK reported the talks. NHK cited officials.", outlet="A")
    two = analysis.analyze("Officials in Washington met on Monday. NHK said the talks went well.", outlet="B")
    merged = merge_keys([one, two])
    assert {m.entity for m in one.mentions if m.span.text == "WASHINGTON"} == {"WASHINGTON"}
    keys = {merged[m.entity] for a in (one, two) for m in a.mentions if m.span.text.casefold() == "washington"}
    assert keys == {"Washington"}
    assert {merged[m.entity] for a in (one, two) for m in a.mentions if "NHK" in m.span.text} == {"NHK"}
