"""The scare-quote rule (``rule:scare-quote``): a short quoted phrase nobody is quoted as saying."""
from __future__ import annotations

from ...context import DocContext
from ...results import LoadedTerm
from .lexicon import ScareRule
from .quotes import Quote, _is_title, _opens_sentence, _words, is_speech

SCARE_RULE = "rule:scare-quote"

# Verb tags of a clause: a quote holding one is a piece of someone's sentence ("to “dominate the
# streets”", "the “Trump can't win” narrative"), not a word the writer holds at arm's length.
CLAUSE_VERB_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})
# Words of a speaker talking: "I", "we", "you" inside the quote make it somebody's words.
SPEAKER_WORDS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
# Distancing words that already say "this is their word" ("so-called “climate refugees”"): the word
# is the finding, the quotation marks after it add nothing.
DISTANCING_BEFORE = frozenset({"so-called", "self-styled", "self-proclaimed", "purported"})


def _quotes_a_speaker(words) -> bool:
    """True when the quoted words read as a piece of someone's sentence: they hold a verb of a clause
    or a first- or second-person word. Scare quotes hold a name or a label (a noun or adjective)."""
    return any(t.tag_ in CLAUSE_VERB_TAGS or t.lower_ in SPEAKER_WORDS for t in words)


def _named_just_before(doc, open_i: int, rule: ScareRule) -> bool:
    """True when a verb of naming stands just before the quote ("called Powell “a real stiff”",
    "dubbed it “the deal of the century”"): the quote is the name someone gave, whatever the parse."""
    for tok in doc[max(0, open_i - 3) : open_i]:
        if tok.lemma_.lower() in rule.naming_verbs and (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")):
            return True
    return False


def _distanced_before(doc, open_i: int) -> bool:
    before = [t for t in doc[max(0, open_i - 2) : open_i] if not t.is_punct]
    return bool(before) and before[-1].lower_ in DISTANCING_BEFORE


def _mentions_words(doc, open_i: int, rule: ScareRule) -> bool:
    """True when the quote follows a noun that names words ("the phrase", "the term", "his slogan"),
    or hangs from one as its apposition: the writer is talking about the words, not using them."""
    before = doc[open_i - 1] if open_i > 0 else None
    if before is not None and before.is_punct and open_i > 1:
        before = doc[open_i - 2]  # "the term, “X”"
    if before is not None and before.lemma_.lower() in rule.mention_nouns:
        return True
    inner = doc[open_i + 1] if open_i + 1 < len(doc) else None
    head = inner.head if inner is not None else None
    return bool(head is not None and head.i < open_i and head.lemma_.lower() in rule.mention_nouns
                and inner.dep_ in ("appos", "compound", "attr"))


def scare_quotes(ctx: DocContext, quotes: list[Quote], rule: ScareRule) -> list[LoadedTerm]:
    doc = ctx.doc
    out = []
    for q in quotes:
        inner = doc[q.open + 1 : q.close]
        words = _words(inner)
        if not words or len(words) > rule.max_words:
            continue
        if any("\n" in t.text or "\n" in t.whitespace_ for t in inner):
            continue
        start, end = doc[q.open].idx, doc[q.close].idx + len(doc[q.close].text)
        if not ctx.in_body(start, end):
            continue
        if not any(t.is_alpha for t in words):
            continue
        if _opens_sentence(doc[q.open]):
            continue  # a quote that opens its sentence is speech ("“No deal,” he said.")
        before = doc[q.open - 1] if q.open > 0 else None
        if before is not None and before.text in (":",):
            continue
        if _is_title(words) or any(t.ent_type_ in ("WORK_OF_ART", "LAW") for t in words):
            continue
        if _mentions_words(doc, q.open, rule):
            continue  # "the word “hoax”", "the slogan “America First”": words talked about, not used
        if _quotes_a_speaker(words):
            continue  # a piece of someone's sentence, quoted (its speaker may be named a sentence away)
        if _named_just_before(doc, q.open, rule):
            continue  # the name someone gave ("called him “a real stiff”")
        if _distanced_before(doc, q.open):
            continue  # "so-called “X”": the distancing word is the finding
        phrase = doc[words[0].i : words[-1].i + 1]
        if is_speech(phrase, rule.say_verbs, rule.naming_verbs):
            continue
        shown = " ".join(phrase.text.split())
        out.append(
            LoadedTerm(
                start=start,
                end=end,
                text=ctx.text[start:end],
                category="scare_quote",
                weight=rule.weight,
                why=rule.why.replace("{text}", shown),
                alternatives=rule.alternatives,
                rule=SCARE_RULE,
            )
        )
    return out
