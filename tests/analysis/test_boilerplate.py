"""Page furniture in the seeds is marked, reported as spans, kept in the text and left out of the measures."""
from analysis import analyze
from analysis.boilerplate import detect

FURNITURE = {
    "000": ["Connect with us", "Our Partners", "(Read the article in Japanese.)", "Author: Kazuyuki Sakamoto"],
    "001": ["Follow Frances Martel on Facebook and Twitter."],
    "002": ["No time to read?", "Get a summary", "Previous Article", "Next Article",
            "Bianca Discusses Egg Freezing, Longevity, and Modern Reproduction"],
    "003": ["Related coverage:", "Charges dropped against Kishida, other LDP members in slush fund case"],
    "004": ["Accessibility links", "XS", "SM", "MD", "LG", "16x9 Image",
            "Reuters is a news agency founded in 1851"],
}


def _covered(spans, needle, text):
    start = text.index(needle)
    return any(s.start <= start and start + len(needle) <= s.end for s in spans) or any(
        needle in s.text for s in spans
    )


def test_seed_furniture_is_marked(seed_texts):
    for key, needles in FURNITURE.items():
        text = seed_texts[key]
        spans, _ = detect(text)
        for needle in needles:
            assert _covered(spans, needle, text), f"{key}: {needle!r} not marked as boilerplate"


def test_spans_index_the_text_and_nothing_is_removed(seed_analyses, seed_texts):
    for key, a in seed_analyses.items():
        assert a.text == seed_texts[key].replace("\r\n", "\n")
        for b in a.boilerplate:
            assert a.text[b.start:b.end] == b.text
            assert b.reason


def test_repeated_caption_in_004_is_marked_both_times(seed_texts):
    text = seed_texts["004"]
    caption = "Japan's Prime Minister Fumio Kishida speaks at a news conference"
    spans, _ = detect(text)
    hits = [s for s in spans if s.text.startswith(caption)]
    assert len(hits) == 2


def test_body_sentences_are_not_boilerplate(seed_texts):
    text = seed_texts["004"]
    spans, _ = detect(text)
    body = "sources familiar with the matter said"
    assert not _covered(spans, body, text)
    # the story's first paragraph in 001 has no furniture at all
    assert not detect(seed_texts["001"])[0][0].text.startswith("Multiple Japanese media")


def test_boilerplate_is_left_out_of_word_counts():
    body = "Prime Minister Fumio Kishida said on Friday that Japan would attend the summit in July."
    plain = analyze(body)
    framed = analyze("Accessibility links\n\nBreaking News\n\n" + body + "\n\nXS\nSM\nMD\nLG\n")
    assert framed.counts.words == plain.counts.words
    assert {b.text for b in framed.boilerplate} >= {"Accessibility links", "XS", "LG"}


def test_headline_is_found_and_used_as_title(seed_analyses):
    assert seed_analyses["004"].title == "Japan's Kishida Considers Joining NATO Summit -Sources"
    assert seed_analyses["000"].title.startswith("Possible NATO Invitation for Kishida")


def test_a_sentence_starting_with_by_is_not_a_byline():
    spans, _ = detect("By inviting Kishida to the summit, Biden hopes to promote cooperation.\n")
    assert spans == ()
