"""Loaded terms: the curated lexicon, its context rules, scare quotes and user extensions."""
from __future__ import annotations

import re

import pytest

import analysis
from analysis import lexicons
from analysis.lexicons import LexiconError
from analysis.measures import loaded_terms as lt

NEUTRAL = ("said", "summit", "Kishida", "alliance", "NATO", "government", "officials", "invasion")


def _terms(text: str):
    return analysis.analyze(text).loaded_terms


def _lexicon_hits(analysis_result):
    return [t for t in analysis_result.loaded_terms if t.rule.startswith("lexicon:")]


def _find(analysis_result, text: str):
    return [t for t in analysis_result.loaded_terms if t.text == text]


# ----------------------------------------------------------------------------------- the lexicon file
def test_builtin_lexicon_parses_validates_and_names_its_sources():
    data = lexicons.load_builtin("loaded_terms")
    lex = lt.build_lexicon(data)
    assert len(lex.entries) >= 200
    meta = data["meta"]
    assert "MBIC" in meta["source"] and "Apache-2.0" in meta["licence"]
    for entry in lex.entries:
        assert entry.category in lex.categories, entry.term
        assert 0.0 <= entry.weight <= 1.0, entry.term
        assert len(entry.why) > 10, entry.term
    for name, cat in lex.categories.items():
        assert cat["label"] and len(cat["explanation"]) > 40, name
    # the categories the brief asks for are there, each with terms (scare quotes are a rule)
    for name in ("partisan_label", "pejorative", "emotive_adverb", "emotive_adjective", "sensational_verb"):
        assert any(e.category == name for e in lex.entries), name
    assert "scare_quote" in lex.categories
    # MBIC-derived entries are marked as such, and they are only part of a curated list
    mbic = [e for e in lex.entries if e.source == "mbic"]
    assert 50 < len(mbic) < len(lex.entries)


def test_no_neutral_news_word_is_in_the_lexicon():
    lex = lt.build_lexicon(lexicons.load_builtin("loaded_terms"))
    terms = {e.term for e in lex.entries} | {f for e in lex.entries for f in e.forms}
    for word in NEUTRAL + ("say", "official", "tell", "report"):
        assert word.lower() not in terms


def test_matchers_are_built_once_per_vocab():
    doc = analysis.analyze("A plain sentence.")  # loads the model
    del doc
    from analysis.nlp import get_nlp

    vocab = get_nlp().vocab
    assert lt.compiled_for(vocab) is lt.compiled_for(vocab)


# ---------------------------------------------------------------------------------------------- seeds
def test_breitbart_has_the_highest_loaded_term_density(seed_analyses):
    density = {k: a.counts.loaded_per_1000_words for k, a in seed_analyses.items()}
    top = max(density, key=density.get)
    assert top == "001", density
    others = [v for k, v in density.items() if k != "001"]
    assert density["001"] > 2 * max(others), density


@pytest.mark.parametrize(
    "text, category, rule",
    [
        ("Leftist", "partisan_label", "lexicon:loaded_terms/leftist"),
        ("dictator", "pejorative", "lexicon:loaded_terms/dictator"),
        ("bombast", "pejorative", "lexicon:loaded_terms/bombast"),
        ("bizarrely", "emotive_adverb", "lexicon:loaded_terms/bizarrely"),
        ("baffling", "emotive_adjective", "lexicon:loaded_terms/baffling"),
        ("conservative", "partisan_label", "lexicon:loaded_terms/conservative"),
    ],
)
def test_breitbart_charged_words_are_flagged_and_explained(seed_analyses, text, category, rule):
    a = seed_analyses["001"]
    hits = _find(a, text)
    assert len(hits) == 1, [t.text for t in a.loaded_terms]
    hit = hits[0]
    assert hit.category == category
    assert hit.rule == rule
    assert hit.why and hit.alternatives
    assert a.text[hit.start : hit.end] == text


def test_leftist_and_conservative_are_stuck_on_people_in_001(seed_analyses):
    a = seed_analyses["001"]
    leftist = _find(a, "Leftist")[0]
    assert a.text[leftist.end :].startswith(" American President Joe Biden")
    conservative = _find(a, "conservative")[0]
    assert a.text[conservative.end :].startswith(" Prime Minister Kishida")


def test_scare_quotes_in_001(seed_analyses):
    a = seed_analyses["001"]
    scare = [t for t in a.loaded_terms if t.category == "scare_quote"]
    assert all(t.rule == "rule:scare-quote" for t in scare)
    texts = [t.text for t in scare]
    assert any("special operation" in t for t in texts), texts
    assert sum("government sources" in t for t in texts) == 2, texts  # NHK and Kyodo both cited
    for t in scare:
        assert t.text[0] in "\"“‘'" and t.text[-1] in "\"”’'"
        assert "distance" in t.why and t.alternatives
    # quotes that are somebody's words, a long quotation or a document's title are not scare quotes
    for not_scare in ("clean up corruption", "confirmed", "Individually Tailored", "Ukraine of Asia", "not aware of"):
        assert not any(not_scare in t for t in texts), (not_scare, texts)


def test_conservative_rule_in_003_is_a_party_not_a_label(seed_analyses):
    a = seed_analyses["003"]
    i = a.text.index("Conservative rule")
    assert not [t for t in a.loaded_terms if t.start < i + len("Conservative rule") and t.end > i]


def test_neutral_words_are_never_flagged_in_any_seed(seed_analyses):
    for key, a in seed_analyses.items():
        for word in NEUTRAL:
            for m in re.finditer(rf"\b{re.escape(word)}\b", a.text, flags=re.IGNORECASE):
                overlapping = [t for t in _lexicon_hits(a) if t.start < m.end() and t.end > m.start()]
                assert not overlapping, (key, word, overlapping)
        # a scare quote flags the quoting, never a bare neutral word on its own
        for t in a.loaded_terms:
            assert t.text.strip("\"“”‘’'.,").lower() not in {w.lower() for w in NEUTRAL}, (key, t)


def test_findings_have_exact_offsets_and_stay_out_of_boilerplate(seed_analyses):
    for key, a in seed_analyses.items():
        for t in a.loaded_terms:
            assert a.text[t.start : t.end] == t.text, key
            assert not any(b.start < t.end and t.start < b.end for b in a.boilerplate), (key, t.text)
            assert t.why and t.rule


# ------------------------------------------------------------------------------ sentences of our own
@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Critics met conservative Prime Minister Fumio Kishida in Tokyo on Monday.", "conservative"),
        ("The socialist senator Bernie Sanders spoke at the rally on Sunday.", "socialist"),
        ("The far-left activists slammed the new law on Tuesday.", "far-left"),
        ("The far-left activists slammed the new law on Tuesday.", "slammed"),
        ("The Assad regime shelled the town again on Tuesday.", "regime"),
        ("The minister bizarrely claimed the talks had gone well.", "bizarrely"),
        ("Protesters gathered as the leader lashed out at reporters.", "lashed out"),
        ("State television praised the special military operation in Ukraine.", "special military operation"),
        ("So-called experts warned investors about the risks.", "So-called"),
        ("The council passed a bloated budget on Tuesday.", "bloated"),
        ("Lawmakers on Thursday gutted landmark climate protections.", "gutted"),
        ("The plan was slammed by critics on Monday.", "slammed"),
        ("Senate Republicans torpedoed the deal.", "torpedoed"),
        ("Thousands of migrants swarmed the border crossing.", "swarmed"),
        ("Migrants flooded the town this week.", "flooded"),
        ("Hordes of people crossed the river at night.", "Hordes"),
        ("The Democrat Party chose its candidate on Friday.", "Democrat Party"),
        ("The bill was pushed by the party's MAGA wing.", "MAGA"),
        ("Critics attacked the governor's spending spree at the state capitol.", "spending spree"),
        ("Park cut a backroom deal with two council members, critics said.", "backroom deal"),
        ("Residents are furious about the new parking rules.", "furious"),
        ("The fat cats on Wall Street backed the bill.", "fat cats"),
        ("Opponents called it a publicity stunt, but the mayor went ahead.", "publicity stunt"),
        # evaluative adjectives judging people or what they do and say (context "judgement")
        ("His toxic rhetoric has poisoned the debate.", "toxic"),
        ("The senator is dangerous and everyone knows it.", "dangerous"),
        ("Radical activists blocked the road on Friday.", "Radical"),
        ("The governor unveiled a weak plan for the schools.", "weak"),
        # intensifiers and evaluative words
        ("The plan was tremendously popular with donors.", "tremendously"),
        ("The creepy ceremony lasted two hours.", "creepy"),
        ("Critics of the ruinous policy gathered outside.", "ruinous"),
        ("The mayor shredded the proposal at the meeting.", "shredded"),
        ("The leader's lies were repeated on state television.", "lies"),
        ("Anti-vaxxers gathered outside the clinic.", "Anti-vaxxers"),
        ("Pro-life groups marched in the capital.", "Pro-life"),
        ("Pro-choice groups marched in the capital.", "Pro-choice"),
    ],
)
def test_loaded_in_context(sentence, word):
    found = [t.text for t in _terms(sentence)]
    assert word in found, found


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("Labour ended 14 years of Conservative rule in a general election.", "Conservative"),
        ("The Conservative Party won the vote after a long campaign.", "Conservative"),
        ("Japan's Liberal Democratic Party chose a new leader on Friday.", "Liberal"),
        ("The bank gave a conservative estimate of growth for next year.", "conservative"),
        ("Liberal democracy is under pressure in many countries, the report said.", "Liberal"),
        ("Ministers met to review the sanctions regime against Russia.", "regime"),
        ("Athletes follow a strict training regime before the games.", "regime"),
        ("Moscow called the invasion a special military operation.", "special military operation"),
        ("Kishida said the summit would strengthen the alliance, officials said.", "said"),
        ("A bomb blast damaged the building on Monday.", "blast"),
        ("Hurricane Delia slammed into the Gulf Coast early on Tuesday.", "slammed"),
        ("Winds of up to 120 mph blasted the town of Port Allen.", "blasted"),
        ("A fire gutted the building overnight.", "gutted"),
        ("The volcano spewed ash over the valley for three days.", "spewed"),
        ("The river flooded the town after a week of rain.", "flooded"),
        ("Thousands of bees swarmed the garden.", "swarmed"),
        ("The Democratic Party chose its candidate on Friday.", "Democratic"),
        # the same evaluative adjectives describing things, not people
        ("The plant stored toxic waste near the river.", "toxic"),
        ("The mountain road is dangerous in winter.", "dangerous"),
        ("The yen was weak against the dollar on Monday.", "weak"),
        ("Amnesty International published its report on Monday.", "Amnesty"),
        ("Firefighters braved the smoke to reach the house.", "braved"),
        ("The pipeline lies under the river.", "lies"),
    ],
)
def test_not_loaded_in_context(sentence, word):
    found = [t.text for t in _terms(sentence)]
    assert not any(word in f for f in found), found


def test_words_inside_a_speakers_quote_are_the_speakers_not_the_outlets():
    quoted = _terms('"This is an outrageous attack on our freedom," the senator said on Monday.')
    assert not quoted
    own = _terms("The senator made an outrageous attack on the press on Monday.")
    assert [t.text for t in own] == ["outrageous"]


@pytest.mark.parametrize(
    "sentence, quoted",
    [
        ('The ministry blamed "foreign agents" for the protests on Sunday.', "foreign agents"),
        ("Officials pointed to the “peace process” as proof of progress.", "peace process"),
        ("The agency cited unnamed ‘security sources’ for the claim.", "security sources"),
    ],
)
def test_scare_quotes_of_our_own(sentence, quoted):
    scare = [t for t in _terms(sentence) if t.category == "scare_quote"]
    assert len(scare) == 1 and quoted in scare[0].text, scare
    assert quoted in scare[0].why


@pytest.mark.parametrize(
    "sentence",
    [
        'The minister said the protesters were "foreign agents" paid from abroad.',
        'He described the vote as a "historic step" for the country.',
        'She wrote a book called "The Long Road Home" about the war.',
        'The report, known as the "Annual Security Review," was published on Monday.',
        'The senator said the plan was "a betrayal of everything we have ever stood for" and left.',
        '"No deal," the negotiator said after the talks.',
        'The president has used the word "hoax" more than 200 times.',  # words talked about, not used
        'Organisers dropped the phrase "ladies and gentlemen" from the script.',
    ],
)
def test_quotes_that_are_not_scare_quotes(sentence):
    assert not [t for t in _terms(sentence) if t.category == "scare_quote"]


# ---------------------------------------------------------------------------------------- user files
USER_META = """
[meta]
name = "loaded_terms"
version = "1"
source = "my own reading"
licence = "CC0"
"""


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(tmp_path))
    lt.clear_cache()
    yield tmp_path
    monkeypatch.delenv("SLANT_LEXICON_DIR")
    lt.clear_cache()


def test_user_terms_and_categories_are_merged_in(user_dir):
    (user_dir / "loaded_terms_mine.toml").write_text(
        USER_META
        + """
[categories.sports_hype]
label = "Sports hype"
explanation = "Words from sports pages that make politics sound like a match."

[[term]]
term = "trounce"
category = "sports_hype"
weight = 0.6
why = "Makes a vote sound like a sports rout."
alternatives = ["defeat", "beat"]

[[term]]
term = "gobsmacking"
category = "emotive_adjective"
weight = 0.7
why = "Tells the reader how amazed to be."
alternatives = []

[[term]]
term = "controversial"
category = "emotive_adjective"
disabled = true
""",
        encoding="utf-8",
    )
    found = {t.text: t for t in _terms("The ruling party trounced the opposition in a gobsmacking and controversial vote.")}
    assert found["trounced"].category == "sports_hype"
    assert found["trounced"].rule == "lexicon:loaded_terms/trounce"
    assert found["trounced"].alternatives == ("defeat", "beat")
    assert found["gobsmacking"].why == "Tells the reader how amazed to be."
    assert "controversial" not in found  # switched off by the user
    assert "bizarrely" in [t.text for t in _terms("He bizarrely declared victory.")]  # built-ins still work


def test_user_entry_replaces_builtin_entry(user_dir):
    (user_dir / "loaded_terms_override.toml").write_text(
        USER_META
        + """
[[term]]
term = "dictator"
category = "pejorative"
weight = 0.95
why = "My own explanation."
alternatives = ["head of state"]
""",
        encoding="utf-8",
    )
    hit = [t for t in _terms("The dictator spoke on state television.") if t.text == "dictator"][0]
    assert hit.weight == 0.95 and hit.why == "My own explanation."


@pytest.mark.parametrize(
    "body, problem",
    [
        ('term = "gobsmacking"\ncategory = "emotive_adjective"\nweight = 2\nwhy = "x is loaded"', "weight"),
        ('term = "gobsmacking"\ncategory = "emotive_adjective"\nweight = 0.5', "why"),
        ('term = "gobsmacking"\ncategory = "hype"\nweight = 0.5\nwhy = "x is loaded"', "category"),
        ('term = "gobsmacking"\ncategory = "emotive_adjective"\nweight = 0.5\nwhy = "x"\nalternative = ["y"]', "alternative"),
        ('term = "gobsmacking"\ncategory = "emotive_adjective"\nweight = 0.5\nwhy = "x"\npos = ["VRB"]', "pos"),
    ],
)
def test_malformed_user_entry_gives_a_clear_error(user_dir, body, problem):
    path = user_dir / "loaded_terms_bad.toml"
    path.write_text(USER_META + "\n[[term]]\n" + body + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        _terms("Some plain text about a meeting.")
    message = str(err.value)
    assert str(path) in message
    assert "gobsmacking" in message and "#1" in message
    assert problem in message


def test_user_file_that_is_not_toml_names_the_file(user_dir):
    path = user_dir / "loaded_terms_broken.toml"
    path.write_text("[meta\nname = ", encoding="utf-8")
    with pytest.raises(LexiconError, match=re.escape(str(path))):
        _terms("Some plain text about a meeting.")


def test_editing_a_user_file_takes_effect_without_restart(user_dir):
    assert not _terms("The plan was gobsmacking.")
    (user_dir / "loaded_terms_new.toml").write_text(
        USER_META + '\n[[term]]\nterm = "gobsmacking"\ncategory = "emotive_adjective"\nweight = 0.7\nwhy = "Tells the reader how amazed to be."\n',
        encoding="utf-8",
    )
    assert [t.text for t in _terms("The plan was gobsmacking.")] == ["gobsmacking"]


RIGHT_SLANT = (
    "Hordes of illegal aliens poured across the border this week, overwhelming the town as the administration's "
    "open-borders agenda continues. Activists cheered, while hardworking taxpayers are left footing the bill."
)
LEFT_SLANT = (
    "Xenophobic rhetoric from far-right activists has fuelled tension in the town, where 300 asylum seekers "
    "arrived this week. Experts say the racist backlash is being whipped up by right-wing media."
)
NEUTRAL_REPORT = (
    "About 300 asylum seekers arrived in the town this week, county officials said. The mayor said the town "
    "was coping, and some residents said they were worried about the cost."
)


def test_slant_from_either_side_is_caught_and_neutral_wording_is_not():
    right, left, neutral = (analysis.analyze(t) for t in (RIGHT_SLANT, LEFT_SLANT, NEUTRAL_REPORT))
    assert len({t.text.lower() for t in right.loaded_terms}) >= 4, [t.text for t in right.loaded_terms]
    assert len({t.text.lower() for t in left.loaded_terms}) >= 4, [t.text for t in left.loaded_terms]
    assert neutral.loaded_terms == ()


# --------------------------------------------------------------------------------------------- opinion
@pytest.mark.parametrize(
    "sentence, phrase",
    [
        ("The reform of the pension system is long overdue.", "long overdue"),  # a verdict on timing
        ("The mayor deserves credit for keeping the pool open.", "deserves credit"),  # handing out credit
        ("Jones was a lone voice of reason on the council.", "voice of reason"),  # praise by contrast
        ("It is time to scrap the tax for good.", "It is time to"),  # a call to action
        ("It\u2019s time to scrap the tax for good.", "It\u2019s time to"),
        ("The council should be ashamed of the decision.", "should be ashamed"),  # a moral verdict
        ("The brave nurses kept the ward open.", "brave"),  # a judgement of character
        ("The wasteful project has cost the city millions.", "wasteful"),  # a judgement of value
        ("The council was right to delay the vote.", "was right to"),  # ruling who is right
        ("The new rules are a step in the right direction.", "step in the right direction"),  # idiom of praise
        ("The fine was a slap on the wrist for the bank.", "slap on the wrist"),  # idiom of scorn
        ("Unfortunately, the council delayed the vote again.", "Unfortunately"),  # the writer's regret
    ],
)
def test_opinion_phrases_are_their_own_kind_with_reason_and_alternative(sentence, phrase):
    hits = [t for t in _terms(sentence) if t.category == "opinion"]
    assert [t.text for t in hits] == [phrase], [(t.text, t.category) for t in _terms(sentence)]
    hit = hits[0]
    assert hit.why and hit.alternatives and hit.rule.startswith("lexicon:loaded_terms/")
    assert lt.category_info("opinion")["label"] == "Opinion"


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator said the reform was long overdue.",  # the senator's judgement, reported
        "Critics said the mayor deserves credit for the pool.",
        '"It is time to scrap the tax," the minister said.',
    ],
)
def test_opinion_phrases_are_not_the_writers_when_a_speaker_says_them(sentence):
    assert not [t for t in _terms(sentence) if t.category == "opinion"]


def test_an_opinion_column_is_not_scored_like_wire_copy():
    column = ("The council's decision to close the library is a disgrace. It is time to admit that the "
              "wasteful tram project was a mistake. Councillor Jones, a lone voice of reason, deserves credit "
              "for saying so. A rethink is long overdue.")
    wire = ("The council voted on Tuesday to close the library in March. The tram project has cost 40 million "
            "pounds so far, council figures show. Councillor Jones voted against the closure.")
    col, wir = analysis.analyze(column), analysis.analyze(wire)
    assert col.counts.loaded_per_1000_words > 50 and wir.counts.loaded_terms == 0
    assert {t.category for t in col.loaded_terms} >= {"opinion"}


def test_new_framing_is_caught_from_both_sides_of_a_debate():
    right = analysis.analyze("The abortion industry and its bleeding-heart allies cheered as snowflakes on campus "
                             "demanded more taxpayer-funded freebies.")
    left = analysis.analyze("Forced-birth zealots and gun-toting wingnuts cheered as the greedy plutocrats behind "
                            "the gun lobby tightened their grip.")
    for result in (right, left):
        assert len({t.text.lower() for t in result.loaded_terms}) >= 4, [t.text for t in result.loaded_terms]


# ------------------------------------------------------------------- families of loaded wording (v6)
@pytest.mark.parametrize(
    "sentence, word",
    [
        ("The chaos at the ministry deepened this week.", "chaos"),  # drama noun
        ("His botched handling of the floods angered farmers.", "botched"),  # judges what people did
        ("The minister's hollow promises fooled no one.", "hollow"),
        ("Outraged residents packed the town hall on Monday.", "Outraged"),  # feelings told dramatically
        ("The senator unveiled a massive tax hike for small firms.", "massive"),  # exaggerating intensifier
        ("The governor signed a sweeping ban on e-scooters.", "sweeping"),
        ("The mayor egregiously ignored the auditors.", "egregiously"),  # judging adverb
        ("The campaign was pure pearl-clutching from start to finish.", "pearl-clutching"),  # put-down
        ("The council acted in bad faith over the pool.", "bad faith"),  # opinion idiom
        ("The firm swindled pensioners out of their savings.", "swindled"),  # sensational verb
    ],
)
def test_families_of_loaded_wording_are_caught(sentence, word):
    found = [t.text for t in _terms(sentence)]
    assert word in found, found


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("A massive earthquake struck the coast on Sunday.", "massive"),  # a thing's size, no verdict
        ("Officials said false information about the vote spread online.", "false"),  # a term of art
        ("Crude oil prices rose on Monday.", "Crude"),
        ("The storm crippled power lines across the county.", "crippled"),
        ("Russia's invasion of Ukraine entered its third year.", "invasion"),
    ],
)
def test_families_leave_plain_uses_alone(sentence, word):
    found = [t.text for t in _terms(sentence)]
    assert not any(word in f for f in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        'The president vowed to "dominate the streets" with troops.',  # a piece of his sentence: it has a verb
        'The mayor, in a late-night post, called the councillor "a total clown."',  # the name someone gave
        'The report counted "2,000 fully documented cases" of abuse.',  # four words or more: someone's words
        'Residents were told "we will fix it" by the council.',  # a speaker's "we"
    ],
)
def test_pieces_of_someones_sentence_are_not_scare_quotes(sentence):
    assert not [t for t in _terms(sentence) if t.category == "scare_quote"]


def test_so_called_is_the_finding_not_also_its_quotation_marks():
    terms = _terms('The so-called "peace tax" was dropped on Friday.')
    assert [t.category for t in terms] == ["distancing"], [(t.text, t.category) for t in terms]


def test_new_families_catch_slant_from_both_sides_alike():
    left = analysis.analyze("Greedy Big Oil and its anti-science cronies stoked the culture war while the "
                            "do-nothing Senate dithered.")
    right = analysis.analyze("The corporate media's hysterical meltdown over the sweeping tax cut was pure "
                             "pearl-clutching by outraged elites.")
    for result in (left, right):
        assert len({t.text.lower() for t in result.loaded_terms}) >= 4, [t.text for t in result.loaded_terms]
