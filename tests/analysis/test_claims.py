"""What only one outlet reports: claims ranked with reasons, paraphrases matched on people and numbers,
and how many sentences each outlet shares. The local story in data/local_story/ was written for these
tests: a wire report, a local paper and a tabloid version of one council vote."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import analysis
from analysis.compare import compare
from analysis.compare.alignment import align
from analysis.compare.facts import numbers_in
from analysis.results import Comparison

DATA = Path(__file__).parent / "data" / "local_story"


@pytest.fixture(scope="module")
def local():
    arts = [analysis.analyze((DATA / f"{n}.txt").read_text("utf-8"), id=n, outlet=n.title())
            for n in ("wire", "paper", "tabloid")]
    return arts, compare(arts)


def _index(a, needle: str) -> int:
    hits = [i for i, s in enumerate(a.sentences) if needle in a.text[s.start : s.end]]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def _claim(c: Comparison, needle: str):
    return next((o for o in c.only_here if needle in o.text), None)


def test_the_tabloids_unsourced_allegations_are_listed_with_their_reason(local):
    arts, c = local
    cronies = _claim(c, "cronies stand to profit")
    insiders = _claim(c, "Insiders say the vote was a done deal")
    assert cronies is not None and cronies.article == "tabloid"
    assert insiders is not None and insiders.article == "tabloid"
    assert "an allegation from unnamed insiders that no other outlet carries" in insiders.reasons
    assert any(r.startswith("an allegation from unnamed people") for r in cronies.reasons)
    assert any("“cronies”" in r for r in cronies.reasons)
    # ... and they are not matched to an unrelated sentence that shares a word ("vote", "mayor")
    tabloid = arts[2]
    for needle in ("cronies stand to profit", "Insiders say"):
        al = next(x for x in c.alignment if x.article == "tabloid" and x.sentence == _index(tabloid, needle))
        assert all(j is None for j in al.counterparts.values())


def test_a_person_and_a_figure_no_other_outlet_has_are_the_reasons(local):
    _, c = local
    tanaka = _claim(c, "Ellen Tanaka")
    assert tanaka is not None and tanaka.article == "paper"
    assert "quotes Ellen Tanaka, whom no other outlet quotes or mentions" in tanaka.reasons
    petition = _claim(c, "1,200 signatures")
    assert petition is not None and "gives the figure 1,200, which no other outlet gives" in petition.reasons
    park = _claim(c, "contribute $2 million")
    assert park is not None and "gives the figure $2 million, which no other outlet gives" in park.reasons
    # the most distinct come first: an unnamed-source allegation or an unknown person before a lone figure
    order = [o.text for o in c.only_here]
    assert park.reasons == ("gives the figure $2 million, which no other outlet gives",)
    assert order.index(tanaka.text) < order.index(park.text)
    assert order.index(_claim(c, "Insiders say").text) < order.index(park.text)


def test_a_paraphrase_with_the_same_people_and_numbers_is_matched_not_listed(local):
    arts, c = local
    wire, paper, tabloid = arts
    al = next(x for x in c.alignment if x.article == "tabloid" and x.sentence == _index(tabloid, "will put up 300 homes"))
    assert al.counterparts["wire"] == _index(wire, "calls for 300 homes")
    assert al.counterparts["paper"] == _index(paper, "will build 300 homes")
    # the same fact in other words with nothing distinct in it is not listed as a claim
    assert _claim(c, "Diggers are set to roll in") is None
    assert _claim(c, "Work is due to start next spring") is None
    assert all(o.reasons for o in c.only_here)


def test_numbers_match_as_values():
    assert numbers_in("voted 5-2 to approve a $12 million plan").keys() == {5.0, 2.0, 12e6}
    assert numbers_in("by five votes to two").keys() == {5.0, 2.0}
    assert numbers_in("collected 1,200 signatures on July 9").keys() == {1200.0, 9.0}
    a = analysis.analyze("Councillors voted 5-2 on the harbour scheme after a long night.", id="a")
    b = analysis.analyze("The plan passed by five votes to two.", id="b")
    aligned, unmatched = align([a, b])
    assert aligned[0].counterparts["b"] == 0 and unmatched == ()


def test_each_outlet_says_how_many_sentences_it_shares(local):
    arts, c = local
    cov = {x.article: x for x in c.coverage}
    for a in arts:
        x = cov[a.id]
        assert x.sentences == sum(1 for s in a.sentences if not s.is_headline)
        assert 0 < x.shared < x.sentences
        assert set(x.shared_with) == {b.id for b in arts if b.id != a.id}
        assert max(x.shared_with.values()) <= x.shared
        assert x.claims_only_here == sum(1 for o in c.only_here if o.article == a.id)
    # only the tabloid's two allegations have no counterpart ("Diggers ... next spring" = "Work is due to
    # start next spring"): 4 of its 6 body sentences are shared
    assert (cov["tabloid"].shared, cov["tabloid"].sentences) == (4, 6)


def test_a_state_of_mind_is_not_an_unnamed_source_claim(local):
    arts, _ = local
    tabloid = arts[2]
    thoughts = dataclasses.replace(tabloid, attributions=tuple(
        dataclasses.replace(x, cue_class="state_of_mind") if x.source_type != "named" else x
        for x in tabloid.attributions))
    c = compare([arts[0], arts[1], thoughts])
    insiders = _claim(c, "Insiders say")
    assert insiders is None or not any(r.startswith(("an allegation", "a claim")) for r in insiders.reasons)


def test_the_demo_lists_claims_not_every_unmatched_sentence(seed_analyses):
    arts = list(seed_analyses.values())
    c = compare(arts)
    _, unmatched = align(arts)
    assert len(unmatched) > 30  # sentences without a counterpart...
    # ... of which only the distinct claims are listed (46 sentences were listed before claims were ranked)
    assert 0 < len(c.only_here) < 0.6 * len(unmatched) and len(c.only_here) < 46
    assert all(o.reasons and o.score >= 1.5 for o in c.only_here)
    scores = [o.score for o in c.only_here]
    assert scores == sorted(scores, reverse=True)
    starmer = _claim(c, "Keir Starmer")
    assert starmer is not None and "names Keir Starmer, whom no other outlet mentions" in starmer.reasons
    d = json.loads(json.dumps(c.to_dict()))
    assert Comparison.from_dict(d).to_dict() == d
    for o in d["only_here"]:
        o.pop("reasons"), o.pop("score")
    d.pop("coverage")
    assert Comparison.from_dict(d).only_here[0].reasons == ()


def test_what_unnamed_critics_believe_is_listed_but_never_as_a_claim_from_a_source():
    fire = Path(__file__).parents[2] / "bench" / "eval" / "data" / "alignment" / "plant_fire"
    arts = [analysis.analyze((fire / f"{n}.txt").read_text("utf-8"), id=n, outlet=n)
            for n in ("wire", "broadcaster", "blog")]
    blog = arts[2]
    belief = next(x for x in blog.attributions if x.cue.text == "believe")
    c = compare(arts)
    critics = _claim(c, "Critics believe")
    assert critics is not None and critics.article == "blog"
    if belief.cue_class == "state_of_mind":
        assert critics.reasons[0] == "what unnamed critics are said to believe, which no other outlet reports"
    workers = _claim(c, "Workers say managers ignored safety warnings")
    assert workers is not None and "an allegation from unnamed workers that no other outlet carries" in workers.reasons
