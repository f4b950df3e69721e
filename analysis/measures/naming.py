"""How an article names people, organisations, countries and events.

For every named entity in the body (spaCy's ``doc.ents``: PERSON, ORG, GPE, NORP) and every naming of
an event listed in ``resources/lexicons/naming.toml`` (found with a spaCy ``Matcher``), a ``Mention``
holds:

- ``span``: the name itself ("Joe Biden", "Russian invasion");
- ``phrase``: the whole naming, i.e. the name plus the words the parser attaches in front of it
  (compound, amod, nmod, poss ... left of the name): "Leftist American President Joe Biden",
  "the ongoing Russian invasion";
- ``modifiers``: those words in front ("Leftist", "American", "President");
- ``entity``: a key for the thing named. People are keyed by the fullest form of their name in the
  article, so "Biden" and "Joe Biden" share "Joe Biden"; spelling variants ("Zelensky"/"Zelenskyy") and
  word order ("Kishida Fumio") are matched to it. Other names go through the aliases in naming.toml
  ("US" -> "United States"). Across articles, ``analysis.compare`` merges keys that differ only in word
  order or by a surname ("Fumio Kishida" / "Kishida Fumio" / "Kishida").

One pass over ``doc.ents`` and one Matcher run per article; no re-parsing.
"""
from __future__ import annotations

import difflib
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .. import lexicons
from ..context import DocContext
from ..results import Mention, Span
from . import PerVocab

if TYPE_CHECKING:  # pragma: no cover
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Token

LABELS = ("PERSON", "ORG", "GPE", "NORP")
# Dependency relations of words that belong to a naming in front of a name.
NAME_DEPS = {"compound", "amod", "nmod", "poss", "case", "nummod", "npadvmod", "advmod", "quantmod"}
EVENT_DEPS = NAME_DEPS | {"det"}
QUOTES = set("\"'“”‘’«»")
POSSESSIVE = {"'s", "’s", "'", "’"}
DETERMINERS = {"the", "a", "an"}
OWNER_LABELS = ("GPE", "NORP", "LOC")


def config() -> dict[str, Any]:
    """naming.toml, digested: title words, alias map (lower-case form -> shown name), event entries.
    Re-read when the user's naming files change."""
    return _config(lexicons.user_signature("naming"))


@lru_cache(maxsize=4)
def _config(signature: tuple) -> dict[str, Any]:
    titles: set[str] = set()
    aliases: dict[str, str] = {}
    events: list[dict[str, Any]] = []
    for table in lexicons.load_all("naming"):
        titles |= {w.lower() for w in table.get("titles", {}).get("words", [])}
        events.extend(table.get("event", []))
        for key, forms in table.get("aliases", {}).items():
            aliases[key.lower()] = key
            for form in forms:
                aliases[form.lower()] = key
    return {"titles": frozenset(titles), "aliases": aliases, "events": events}


def _build_event_matcher(vocab: Any, events: list[dict[str, Any]]) -> Matcher:
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    for i, event in enumerate(events):
        matcher.add(f"event{i}", event["patterns"], greedy="LONGEST")
    return matcher


_event_matchers: PerVocab[Matcher] = PerVocab(_build_event_matcher, limit=8)


def event_matcher(vocab: Any) -> Matcher:
    """The event Matcher for this vocabulary, built once."""
    signature = lexicons.user_signature("naming")
    return _event_matchers.get(vocab, signature, _config(signature)["events"])


def tokens_match(a: str, b: str) -> bool:
    """Two name words are the same name: equal, or a transliteration variant (Zelensky / Zelenskyy)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if len(a) < 5 or len(b) < 5 or a[:5] != b[:5]:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def clean_name(text: str) -> str:
    return " ".join(text.split()).strip(" \"'“”‘’()")


def _trim(doc: Doc, start: int, end: int, titles: frozenset[str], person: bool) -> tuple[int, int]:
    """Token range of the bare name: no spaces, quotes, leading article or title, trailing possessive."""
    while start < end and (doc[start].is_space or doc[start].text in QUOTES or doc[start].lower_ in DETERMINERS):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in QUOTES or doc[end - 1].text in POSSESSIVE):
        end -= 1
    # "PM Kishida", "President Biden": a title the recogniser put inside the name belongs in front of it.
    while person and end - start > 1 and doc[start].lower_ in titles:
        start += 1
    return start, end


def _after_owner(doc: Doc, start: int, end: int, owners: set[str]) -> int:
    """First token after a leading "<place>'s" inside a name ("Japan's NHK" -> NHK). Only a place the
    article names elsewhere (or a known alias) counts, so "St. John's University" keeps its words."""
    for i in range(end - 2, start, -1):
        if doc[i].text in POSSESSIVE and clean_name(doc[start:i].text).lower() in owners:
            return i + 1
    return start


def _stops_phrase(tok: Token, deps: set[str], titles: frozenset[str]) -> bool:
    if tok.is_space or "\n" in tok.whitespace_:
        return True
    if tok.text in {"-", "–"}:
        # "Secretary-General", "ex-President" are one title; "Japan-US" is not a naming of the US.
        return tok.i == 0 or tok.nbor(-1).lower_ not in titles or bool(tok.whitespace_)
    if tok.is_punct:
        return tok.text not in QUOTES
    return tok.dep_ not in deps


def _phrase_start(doc: Doc, start: int, end: int, deps: set[str], titles: frozenset[str]) -> int:
    """First token of the naming: walk left from the name over words the parser hangs on it."""
    root = doc[start:end].root
    left_edge = min(root.left_edge.i, start)
    i = start
    while i - 1 >= left_edge and not _stops_phrase(doc[i - 1], deps, titles):
        i -= 1
    # never start on a possessive marker or a dangling hyphen
    while i < start and (doc[i].text in POSSESSIVE or doc[i].text in {"-", "–"}):
        i += 1
    return i


def _modifiers(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    out: list[str] = []
    for tok in doc[start:end]:
        if tok.text in POSSESSIVE and out:
            out[-1] += tok.text
        elif tok.is_punct or tok.is_space:
            continue
        else:
            out.append(tok.text)
    return tuple(sys.intern(w) for w in out)  # one copy of each word


def find_mentions(ctx: DocContext) -> tuple[Mention, ...]:
    doc = ctx.doc
    if not len(doc):
        return ()
    cfg = config()
    titles: frozenset[str] = cfg["titles"]
    aliases: dict[str, str] = cfg["aliases"]

    # 1. Named entities in the body, trimmed to the bare name. A place or nation that owns the name
    #    ("Japan's NHK") goes in front of it, like a title: the name is NHK.
    owners = {clean_name(e.text).lower() for e in doc.ents if e.label_ in OWNER_LABELS} | aliases.keys()
    raw: list[tuple[int, int, str, int]] = []  # name start, end, label, start of the owner if any
    for ent in doc.ents:
        if ent.label_ not in LABELS or not ctx.span_in_body(ent):
            continue
        owner, end = _trim(doc, ent.start, ent.end, titles, ent.label_ == "PERSON")
        start = _after_owner(doc, owner, end, owners)
        if start < end and any(c.isalpha() for c in doc[start:end].text):
            raw.append((start, end, ent.label_, owner))

    # 2. Words of people's names ("Fumio", "Kishida"): the recogniser often calls a lone surname an
    #    organisation or a place ("Kishida's" ORG, "Scholz" GPE) or glues a headline verb onto it
    #    ("Kishida Considers"). A mention that starts with a known name word is that person.
    full_names = [(s, e) for s, e, label, _ in raw if label == "PERSON" and e - s >= 2]
    name_words = {doc[i].lower_ for s, e in full_names for i in range(s, e)}
    fixed: list[tuple[int, int, str, int]] = []
    for start, end, label, owner in raw:
        if label != "PERSON" and doc[start].lower_ in name_words:
            stop = start
            while stop < end and doc[stop].lower_ in name_words:
                stop += 1
            start, end, label = start, stop, "PERSON"
        fixed.append((start, end, label, owner))

    # 3. Keys. People: the fullest name in the article that contains every word of this mention
    #    (order and transliteration aside); the most frequent written form of it is the key.
    person_key = _person_keys(
        Counter(clean_name(doc[s:e].text) for s, e, label, _ in fixed if label == "PERSON" and e - s >= 2))

    keyed: list[tuple[int, int, str, int, str]] = []
    for start, end, label, owner in fixed:
        name = clean_name(doc[start:end].text)
        if not name:
            continue
        key = person_key(name) if label == "PERSON" else aliases.get(name.lower(), name)
        keyed.append((start, end, label, owner, sys.intern(key)))  # one copy of each key
    # A name in capitals ("WASHINGTON" in a dateline) is the same name written normally elsewhere.
    written = {key.casefold(): key for *_, key in keyed if not key.isupper()}

    mentions: list[Mention] = []
    labels_by_key: dict[str, Counter[str]] = defaultdict(Counter)
    text = ctx.text
    for start, end, label, owner, key in keyed:
        in_capitals = key.isupper()
        if in_capitals:
            key = written.get(key.casefold(), key)
        p_start = min(_phrase_start(doc, start, end, NAME_DEPS, titles), owner)
        span = doc[start:end]
        phrase = doc[p_start:end]
        if not ctx.span_in_body(phrase):
            phrase, p_start = span, start
        # The recogniser is least sure of words in capitals ("TOKYO (Reuters) -"): half a vote.
        labels_by_key[key][label] += 0.5 if in_capitals else 1
        mentions.append(
            Mention(
                entity=key,
                label=label,
                span=Span(span.start_char, span.end_char, sys.intern(text[span.start_char : span.end_char])),
                phrase=Span(phrase.start_char, phrase.end_char, sys.intern(text[phrase.start_char : phrase.end_char])),
                modifiers=_modifiers(doc, p_start, start),
            )
        )
    # One label per key within the article: a person is a person even where the recogniser wavered.
    majority = _one_label(labels_by_key)
    mentions = [m if m.label == majority[m.entity] else _relabel(m, majority[m.entity]) for m in mentions]

    # 4. Events named with the patterns of naming.toml.
    mentions.extend(_event_mentions(ctx))
    mentions.sort(key=lambda m: (m.phrase.start, m.span.start))
    return tuple(mentions)


def _person_keys(full_forms: Counter[str]) -> Callable[[str], str]:
    """``person_key(name)``: the fullest of ``full_forms`` (names of two words or more, with how often
    each is written) that contains every word of ``name`` (order and transliteration aside), written
    in its most frequent form; ``name`` itself if none does."""
    by_words: dict[frozenset[str], str] = {}
    for form, _n in full_forms.most_common():
        by_words.setdefault(frozenset(w.lower() for w in form.split()), form)
    forms = [(form.lower().split(), n) for form, n in full_forms.items()]

    def person_key(name: str) -> str:
        words = [w.lower() for w in name.split()]
        best: tuple[int, int, str] | None = None
        for form_words, n in forms:
            if len(form_words) < len(words):
                continue
            if all(any(tokens_match(w, f) for f in form_words) for w in words):
                score = (len(form_words), n)
                if best is None or score > best[:2]:
                    best = (score[0], score[1], by_words[frozenset(form_words)])
        return best[2] if best else name

    return person_key


def unify_keys(mentions: Sequence[Mention]) -> dict[str, tuple[str, str]]:
    """For mentions keyed in separate parts of one text (``analysis.sections``): each key's key in the
    whole text and its label there, by the rules ``find_mentions`` applies within one part: a person is
    the fullest name written anywhere in the text that contains every word of the part's key, a name in
    capitals is the same name written normally, and one label per key (a person where any part says
    so, else the label most mentions have)."""
    people = Counter(name for m in mentions if m.label == "PERSON" and len((name := clean_name(m.span.text)).split()) >= 2)
    person_key = _person_keys(people)
    # a lone surname the recogniser called a place or an organisation in a part without the full name
    name_words = {w.lower() for name in people for w in name.split()}

    def is_person(m: Mention) -> bool:
        return m.label == "PERSON" or all(w.lower() in name_words for w in m.entity.split())

    keys = {m.entity: (person_key(m.entity) if is_person(m) else m.entity) for m in mentions}
    written = {k.casefold(): k for k in keys.values() if not k.isupper()}
    keys = {old: (written.get(new.casefold(), new) if new.isupper() else new) for old, new in keys.items()}
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        labels[keys[m.entity]]["PERSON" if is_person(m) else m.label] += 1
    majority = _one_label(labels)
    return {old: (new, majority[new]) for old, new in keys.items()}


def _one_label(votes: dict[str, Counter[str]]) -> dict[str, str]:
    """One label per key: a person where any mention says so, else the label most mentions have."""
    return {k: ("PERSON" if c["PERSON"] else c.most_common(1)[0][0]) for k, c in votes.items()}


def _relabel(m: Mention, label: str) -> Mention:
    return Mention(m.entity, label, m.span, m.phrase, m.modifiers)


def _event_mentions(ctx: DocContext) -> list[Mention]:
    from spacy.util import filter_spans

    doc = ctx.doc
    events = config()["events"]
    if not events:
        return []
    matcher = event_matcher(doc.vocab)
    spans = []
    for match_id, start, end in matcher(doc):
        spans.append((doc[start:end], doc.vocab.strings[match_id]))
    chosen = filter_spans([s for s, _ in spans])
    key_of = {(s.start, s.end): k for s, k in spans}
    out = []
    text = ctx.text
    for span in chosen:
        if not ctx.span_in_body(span):
            continue
        event = events[int(key_of[(span.start, span.end)][5:])]
        p_start = _phrase_start(doc, span.start, span.end, EVENT_DEPS, config()["titles"])
        phrase = doc[p_start : span.end]
        out.append(
            Mention(
                entity=event["entity"],
                label=event.get("label", "EVENT"),
                span=Span(span.start_char, span.end_char, sys.intern(text[span.start_char : span.end_char])),
                phrase=Span(phrase.start_char, phrase.end_char, sys.intern(text[phrase.start_char : phrase.end_char])),
                modifiers=_modifiers(doc, p_start, span.start),
            )
        )
    return out
