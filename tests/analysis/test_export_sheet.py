"""The sheet's text tree: highlights nest, crossing ones split, nothing of the text is lost."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from analysis.export.sheet import Node, build_tree

RANK = {"tone": 0, "hedge": 1, "cue": 2, "loaded": 3}


def flatten(node: Node, text: str) -> str:
    out, pos = [], node.start
    for c in node.children:
        out.append(text[pos:c.start])
        out.append(flatten(c, text))
        pos = c.end
    out.append(text[pos:node.end])
    return "".join(out)


def check(node: Node) -> None:
    last = node.start
    for c in node.children:
        assert node.start <= last <= c.start < c.end <= node.end
        last = c.end
        check(c)


def pieces(node: Node, hid: int) -> list[tuple[int, int]]:
    found = [(node.start, node.end)] if node.hid == hid and node.category else []
    for c in node.children:
        found += pieces(c, hid)
    return found


def test_nested_and_crossing_spans():
    text = "Sources familiar with the matter said the dictator could come."
    spans = [(0, 32, "cue", 0, None), (33, 37, "cue", 1, None), (42, 50, "loaded", 2, None),
             (38, 57, "hedge", 3, None), (0, len(text), "tone", 4, 0.3)]
    root = build_tree(len(text), spans, RANK)
    check(root)
    assert flatten(root, text) == text
    assert root.children[0].category == "tone"
    # the loaded word sits inside the hedge span, inside the tone sentence
    hedge = next(c for c in root.children[0].children if c.category == "hedge")
    assert [c.category for c in hedge.children] == ["loaded"]


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 15), st.sampled_from(list(RANK))), max_size=25))
def test_any_spans_make_a_tree_and_every_span_is_covered_exactly(raw):
    text = "x" * 50
    spans = [(s, min(50, s + n), c, i, None) for i, (s, n, c) in enumerate(raw)]
    root = build_tree(len(text), spans, RANK)
    check(root)
    assert flatten(root, text) == text
    for s, e, _, hid, _ in spans:
        got = sorted(pieces(root, hid))
        assert got and got[0][0] == s and got[-1][1] == e
        assert all(a[1] == b[0] for a, b in zip(got, got[1:]))  # contiguous pieces


def test_sheet_describes_a_headline_credit_in_words_not_by_its_dash(seed_analyses):
    from analysis.export.sheet import _describe

    reuters = seed_analyses["004"]
    credit = [a for a in reuters.attributions if a.cue.text == "-"]
    assert credit and credit[0].source_type == "anonymous"  # "... NATO Summit -Sources"
    note = _describe("source_anonymous", credit[0], "source")
    assert note == "Not named, credited at the end of the headline"
    said = next(a for a in reuters.attributions if a.cue.text == "said" and a.source is not None)
    assert _describe("source", said, "source").endswith("for \u201csaid\u201d")
