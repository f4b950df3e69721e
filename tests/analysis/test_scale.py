"""Long and oddly shaped texts: parsed in bounded pieces with exact offsets, progress reported, and the
demo-sized articles analysed exactly as before (one piece)."""
from __future__ import annotations

import pytest

from analysis import analyze, nlp
from analysis.context import DocContext


@pytest.fixture(scope="module")
def seeds_text():
    from analysis.sources import load_seeds

    return "\n\n".join(a.text.strip() for a in load_seeds())


def test_chunks_join_back_exactly_and_cut_at_paragraphs(seeds_text):
    text = seeds_text * 3
    parts = nlp.chunks(text, 5000)
    assert "".join(parts) == text
    assert all(0 < len(p) <= 5000 for p in parts)
    assert all(p.endswith("\n\n") or p.endswith("\n") for p in parts[:-1])  # seeds have paragraphs


@pytest.mark.parametrize("text", ["x" * 25_000, "word " * 6_000, "😀" * 12_000, "a b\tc " * 4_000])
def test_chunks_of_text_without_paragraphs_stay_bounded(text):
    parts = nlp.chunks(text, 4000)
    assert "".join(parts) == text
    assert all(0 < len(p) <= 4000 for p in parts)


def test_a_long_article_is_one_doc_with_exact_offsets_and_progress(seeds_text, monkeypatch):
    monkeypatch.setenv("SLANT_CHUNK_CHARS", "4000")
    text = seeds_text * 2
    seen: list[float] = []
    doc = nlp.parse(text, progress=seen.append)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert len(seen) >= len(text) // 4000 and seen == sorted(seen) and seen[-1] == 1.0
    assert not doc.tensor.size  # nothing reads the tok2vec tensor: it is not kept


def test_chunking_at_paragraph_breaks_finds_the_same_things(seeds_text, monkeypatch):
    """The parser's context ends at a paragraph anyway: a long article read in pieces gives the findings
    the same article gives read whole."""
    whole = analyze(seeds_text)
    monkeypatch.setenv("SLANT_CHUNK_CHARS", "3000")
    assert len(nlp.chunks(seeds_text)) > 4
    pieces = analyze(seeds_text)

    def found(a):
        return ([(t.start, t.end, t.rule) for t in a.loaded_terms], [(h.start, h.end) for h in a.hedges],
                [(x.cue.start, x.cue_class) for x in a.attributions])

    assert found(pieces) == found(whole)
    assert pieces.counts.words == whole.counts.words


def test_no_sentence_runs_on_without_end(monkeypatch):
    text = " ".join(["officials", "said", "the", "talks", "could", "resume", "soon", "and"] * 400)  # no full stop
    doc = nlp.parse(text)
    assert doc.text == text
    assert max(len(s) for s in doc.sents) <= nlp.MAX_SENTENCE_TOKENS
    a = analyze(text)
    assert a.counts.sentences > 1 and a.hedges


def test_a_line_break_ends_a_sentence_and_is_never_one_itself():
    """Headlines, captions and list items have no full stop: each line is a sentence of its own, and the
    white space holding a line break (blank lines, indented lines) never starts a sentence."""
    text = ("Kishida wins the vote\n\nThe prime minister won on Tuesday, aides said\nPhoto: Kyodo\n \n"
            "  - talks resume in May\n\t- a deal is possible \n\n\n")
    doc = nlp.parse(text)
    assert doc.text == text
    lines = ["Kishida", "The", "Photo", "-", "-"]  # the first word of each line
    starts = [s[0].text for s in doc.sents if not s[0].is_space]
    assert [w for w in starts if w in lines] == lines
    for s in doc.sents:  # no sentence runs over a line break
        assert "\n" not in s.text.strip()
    assert not any(s[0].is_space and "\n" in s[0].text for s in doc.sents if s.start > 0)


def test_a_run_of_emoji_without_spaces_is_analysed_in_bounded_time_and_pieces():
    text = "Breaking 🙂 news." + "😀" * 5000 + " Officials said the talks could resume."
    doc = nlp.parse(text)
    assert doc.text == text
    assert max(len(s) for s in doc.sents) <= nlp.MAX_SENTENCE_TOKENS
    a = analyze(text)
    assert a.text == text and [h.text for h in a.hedges] == ["could"]


def test_analyze_reports_progress_up_to_the_end(seeds_text, monkeypatch):
    monkeypatch.setenv("SLANT_CHUNK_CHARS", "4000")
    seen: list[float] = []
    analyze(seeds_text, progress=seen.append)
    assert seen == sorted(seen) and 0 < seen[0] < 1 and seen[-1] == 1.0
    assert len(seen) > 4


def test_entities_in_a_span_are_spacys_own(seeds_text):
    doc = nlp.parse(seeds_text)
    ctx = DocContext(text=seeds_text, doc=doc, boilerplate=())
    for sent in list(doc.sents)[:80]:
        assert [(e.start, e.end) for e in ctx.ents_in(sent)] == [(e.start, e.end) for e in sent.ents]


def test_pieces_are_joined_as_spacy_joins_them(seeds_text, monkeypatch):
    """The pieces are joined as they come (each let go once its words and attributes are kept): the
    result is token for token what ``Doc.from_docs`` makes of the same parsed pieces."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
    from spacy.tokens import Doc

    monkeypatch.setenv("SLANT_CHUNK_CHARS", "3000")
    doc = nlp.parse(seeds_text)
    pipeline = nlp.get_nlp()
    reference = Doc.from_docs([pipeline(p) for p in nlp.chunks(seeds_text)], ensure_whitespace=False)
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]
    assert [t.text_with_ws for t in doc] == [t.text_with_ws for t in reference]
    assert (doc.to_array(attrs) == reference.to_array(attrs)).all()


def _at_border(phrase: str, size: int = 1000) -> tuple[str, int]:
    """A text without a full stop or line break in which the last white space of the first ``size``
    characters (where a piece would be cut) is the first space inside ``phrase``; and where it starts."""
    filler = "officials and residents met in the town hall on a cold evening and talked for hours about roads "
    at = size - 2 - phrase.index(" ")
    head = (filler * (size // len(filler) + 2))[:at]
    head = head[: head.rstrip().rfind(" ") + 1]
    head = head + "y" * (at - len(head) - 1) + " " if len(head) < at else head
    return head + phrase + " " + filler * 4, at


@pytest.mark.parametrize("phrase,inside", [("Fumio Kishida", False), ("long overdue", True)])
def test_findings_at_a_piece_border_are_neither_lost_nor_doubled(phrase, inside, monkeypatch):
    """Where a text has no sentence end the piece is cut at white space: never inside a name (the
    entity recogniser reads each piece on its own), and a finding cut in two by the border ("long |
    overdue") is still found once, since every rule reads the joined Doc."""
    text, at = _at_border(phrase)
    whole = analyze(text)
    monkeypatch.setenv("SLANT_CHUNK_CHARS", "1000")
    cut = nlp.chunks(text)
    assert len(cut) > 1
    assert (at < len(cut[0]) < at + len(phrase)) == inside
    pieces = analyze(text)

    def found(a):
        return ([(t.start, t.end, t.rule) for t in a.loaded_terms], [(h.start, h.end) for h in a.hedges],
                [(m.span.start, m.span.end, m.entity) for m in a.mentions])

    assert found(pieces) == found(whole)
    if inside:
        assert [t.text for t in pieces.loaded_terms] == [phrase]
