"""The reporting-verb and source-noun lexicons in effect, and the cue Matcher built from them."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ... import lexicons
from .. import PerVocab
from .quotes import CLOSE_QUOTES, OPEN_QUOTES, STRAIGHT_QUOTES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

VERBS = "reporting_verbs"
SOURCES = "source_nouns"
CLASSES = ("neutral", "doubt", "credence", "emotive", "speculative")

SOURCE_TYPE_WHY = {
    "named": "The source is named, so the reader can check who is speaking.",
    "none": "No source is given: the text reports the information without saying who it comes from.",
}


@dataclass(frozen=True)
class _Lexicon:
    verb_class: dict[str, str]
    class_why: dict[str, str]
    characterise: frozenset[str]
    passive_only: frozenset[str]
    instruction: frozenset[str]
    emotive_adverbs: frozenset[str]
    adverb_why: str
    anonymous: frozenset[str]
    anonymous_markers: tuple[str, ...]
    institution: frozenset[str]
    document: frozenset[str]
    roles: frozenset[str]
    vague: frozenset[str]
    type_why: dict[str, str]


def lexicon() -> _Lexicon:
    """The reporting-verb and source-noun lexicons in effect (built-in plus the user's files)."""
    return _lexicon(lexicons.user_signature(VERBS, SOURCES))


@lru_cache(maxsize=4)
def _lexicon(signature: tuple) -> _Lexicon:
    verb_class: dict[str, str] = {}
    class_why: dict[str, str] = {}
    characterise: set[str] = set()
    passive_only: set[str] = set()
    instruction: set[str] = set()
    adverbs: set[str] = set()
    adverb_why = ""
    for data in lexicons.load_all(VERBS):
        for cls, table in data.get("class", {}).items():
            if cls not in CLASSES:
                raise lexicons.LexiconError(f"{VERBS}: unknown cue class {cls!r} (use one of {', '.join(CLASSES)})")
            if table.get("why"):
                class_why[cls] = table["why"]
            for lemma in table.get("lemmas", []):
                verb_class[lemma.lower()] = cls
        frames = data.get("frame", {})
        characterise.update(w.lower() for w in frames.get("characterise", {}).get("lemmas", []))
        passive_only.update(w.lower() for w in frames.get("passive_only", {}).get("lemmas", []))
        instruction.update(w.lower() for w in frames.get("instruction", {}).get("lemmas", []))
        adv = data.get("emotive_adverbs", {})
        adverbs.update(w.lower() for w in adv.get("words", []))
        adverb_why = adv.get("why", adverb_why)
    src: dict[str, set[str]] = {
        "anonymous": set(), "institution": set(), "document": set(), "roles": set(), "vague": set()
    }
    markers: list[str] = []
    type_why = dict(SOURCE_TYPE_WHY)
    for data in lexicons.load_all(SOURCES):
        for key in src:
            src[key].update(w.lower() for w in data.get(key, {}).get("heads", []))
        markers.extend(p.lower() for p in data.get("anonymous_markers", {}).get("phrases", []))
        for key in ("anonymous", "vague"):
            if data.get(key, {}).get("why"):
                type_why[key] = " ".join(data[key]["why"].split())
    return _Lexicon(
        verb_class=verb_class,
        class_why={k: " ".join(v.split()) for k, v in class_why.items()},
        characterise=frozenset(characterise),
        passive_only=frozenset(passive_only),
        instruction=frozenset(instruction),
        emotive_adverbs=frozenset(adverbs),
        adverb_why=" ".join(adverb_why.split()),
        anonymous=frozenset(src["anonymous"]),
        anonymous_markers=tuple(dict.fromkeys(markers)),
        institution=frozenset(src["institution"]),
        document=frozenset(src["document"]),
        roles=frozenset(src["roles"]),
        vague=frozenset(src["vague"]),
        type_why=type_why,
    )


def _build_matcher(vocab: Vocab, lex: _Lexicon) -> Matcher:
    from spacy.matcher import Matcher

    m = Matcher(vocab)
    # one pattern with a set, not one pattern per verb: a Matcher's cost grows with its pattern count
    m.add("VERB", [[{"LEMMA": {"IN": sorted(lex.verb_class)}, "POS": "VERB"}]])
    m.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
    m.add("BASED_ON", [[{"LOWER": "based"}, {"LOWER": "on"}]])
    m.add("QUOTED_AS", [[{"LEMMA": "quote", "POS": "VERB"}, {"OP": "*", "IS_PUNCT": False, "LEMMA": {"NOT_IN": ["say", "."]}}, {"LOWER": "as"}, {"LEMMA": "say"}]], greedy="FIRST")
    m.add("QUOTE_MARK", [[{"ORTH": {"IN": [*OPEN_QUOTES, *CLOSE_QUOTES, *STRAIGHT_QUOTES]}}]])
    return m


_matcher: PerVocab[Matcher] = PerVocab(_build_matcher, limit=8)


def lexicon_and_matcher(vocab: Vocab) -> tuple[_Lexicon, Matcher]:
    """The lexicons in effect and the cue Matcher built from them for this vocabulary (both rebuilt
    when a user file changes)."""
    signature = lexicons.user_signature(VERBS, SOURCES)
    lex = _lexicon(signature)
    return lex, _matcher.get(vocab, signature, lex)


def clear_cache() -> None:
    """Forget the loaded lexicons and built matchers (after the user edits a lexicon)."""
    _matcher.clear()
    _lexicon.cache_clear()


