"""The reporting-verb and source-noun lexicons in effect, and the cue Matcher built from them."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ... import lexicons
from .. import PerVocab
from .quotes import CLOSE_QUOTES, DASH_FORMS, OPEN_QUOTES, STRAIGHT_QUOTES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

VERBS = "reporting_verbs"
SOURCES = "source_nouns"
CLASSES = ("neutral", "doubt", "credence", "emotive", "speculative", "state_of_mind")
# Thoughts, wishes and plans ("believes", "wants"): attributions, but nobody is quoted, so they are a kind
# of their own and never count as claims from a source (``Counts.unnamed_source_share`` leaves them out).
STATE_OF_MIND = "state_of_mind"

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
    object_frame: frozenset[str] = frozenset()  # "criticized the plan", "vowed to fight"
    to_clause: frozenset[str] = frozenset()  # "plans to run", "agreed to pay" (not "plans a rally")
    people_only: frozenset[str] = frozenset()  # "blasted": a cue only when a known speaker does it
    phrasal: dict[tuple[str, str], str] = field(default_factory=dict)  # ("call", "for") -> class
    document_object: frozenset[str] = frozenset()  # "polls show a tight race"
    document_subject: frozenset[str] = frozenset()  # "the letter reads": a cue only for a document subject
    speech: frozenset[str] = frozenset()  # "said as much": a speaker subject is enough
    nominal: dict[str, str] = field(default_factory=dict)  # "statement" -> class ("in a statement")
    support_verbs: frozenset[str] = frozenset()  # "issued a statement", "made the case"
    support_nouns: dict[str, str] = field(default_factory=dict)  # nouns of [frame.support] (neutral)
    adjectives: dict[str, str] = field(default_factory=dict)  # "sure" -> state_of_mind ("was sure that")
    in_document: frozenset[str] = frozenset()  # "in a poll", "by one estimate"
    stance_nouns: dict[str, str] = field(default_factory=dict)  # "opponent" -> state_of_mind ("is an opponent of")
    affect_verbs: dict[str, str] = field(default_factory=dict)  # "worry" -> state_of_mind ("that worries parents")
    holding: frozenset[str] = frozenset()  # "has doubts about", "had the same position on"
    in_document_why: str = ""

    @property
    def cue_lemmas(self) -> frozenset[str]:
        """Every verb the Matcher looks for: the classed verbs and the verbs of phrasal cues."""
        return frozenset(self.verb_class) | {head for head, _ in self.phrasal}

    def lemma(self, tok) -> str:
        """The cue lemma of a verb token. The small model sometimes gives a wrong dictionary form
        ("hopes" -> "hop"); then the form is read back from the word itself ("hopes", "hoped", "hoping")."""
        lemma = tok.lemma_.lower()
        if lemma in self.verb_class:
            return lemma
        low = tok.lower_
        for cand in _base_forms(low):
            if cand in self.verb_class:
                return cand
        return lemma


def _base_forms(word: str) -> tuple[str, ...]:
    """Dictionary forms a regular English verb form may come from: hopes/hoped/hoping -> hope,
    urged -> urge, stopped -> stop, tries -> try."""
    out = []
    if word.endswith("ies") or word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ing"):
        stem = word[:-3]
        out += [stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if word.endswith("ed") or word.endswith("es"):
        stem = word[:-2]
        out += [stem, word[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if word.endswith("s"):
        out.append(word[:-1])
    return tuple(out)


def inflections(lemmas) -> list[str]:
    """Regular forms of each lemma, for matching words the model lemmatised wrongly."""
    out = set()
    for lemma in lemmas:
        if " " in lemma:
            continue
        e = lemma[:-1] if lemma.endswith("e") else lemma
        out.update({lemma, lemma + "s", e + "ed", e + "ing", lemma + "es", lemma + "d"})
        if lemma.endswith("y"):
            out.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    return sorted(out)


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
    object_frame: set[str] = set()
    to_clause: set[str] = set()
    people_only: set[str] = set()
    document_object: set[str] = set()
    document_subject: set[str] = set()
    speech: set[str] = set()
    phrases: list[str] = []
    nominal: dict[str, str] = {}
    support_verbs: set[str] = set()
    support_nouns: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    in_document: set[str] = set()
    in_document_why = ""
    stance_nouns: dict[str, str] = {}
    affect_verbs: dict[str, str] = {}
    holding: set[str] = set()
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
        object_frame.update(w.lower() for w in frames.get("object", {}).get("lemmas", []))
        to_clause.update(w.lower() for w in frames.get("to_clause", {}).get("lemmas", []))
        people_only.update(w.lower() for w in frames.get("people_only", {}).get("lemmas", []))
        document_object.update(w.lower() for w in frames.get("document_object", {}).get("lemmas", []))
        document_subject.update(w.lower() for w in frames.get("document_subject", {}).get("lemmas", []))
        speech.update(w.lower() for w in frames.get("speech", {}).get("lemmas", []))
        phrases.extend(w.lower() for w in frames.get("phrasal", {}).get("phrases", []))
        for cls, table in data.get("nominal", {}).items():
            if cls not in CLASSES:
                raise lexicons.LexiconError(f"{VERBS}: unknown cue class {cls!r} in [nominal] (use one of {', '.join(CLASSES)})")
            nominal.update((w.lower(), cls) for w in table.get("nouns", []))
        in_document.update(w.lower() for w in frames.get("in_document", {}).get("nouns", []))
        holding.update(w.lower() for w in frames.get("holding", {}).get("nouns", []))
        in_document_why = frames.get("in_document", {}).get("why", in_document_why)
        support = frames.get("support", {})
        support_verbs.update(w.lower() for w in support.get("verbs", []))
        support_nouns.update((w.lower(), "neutral") for w in support.get("nouns", []))
        for cls, table in data.get("adjective", {}).items():
            if cls not in CLASSES:
                raise lexicons.LexiconError(f"{VERBS}: unknown cue class {cls!r} in [adjective] (use one of {', '.join(CLASSES)})")
            adjectives.update((w.lower(), cls) for w in table.get("words", []))
        for cls, table in data.get("stance_noun", {}).items():
            if cls not in CLASSES:
                raise lexicons.LexiconError(f"{VERBS}: unknown cue class {cls!r} in [stance_noun] (use one of {', '.join(CLASSES)})")
            stance_nouns.update((w.lower(), cls) for w in table.get("words", []))
        for cls, table in data.get("affect_verb", {}).items():
            if cls not in CLASSES:
                raise lexicons.LexiconError(f"{VERBS}: unknown cue class {cls!r} in [affect_verb] (use one of {', '.join(CLASSES)})")
            affect_verbs.update((w.lower(), cls) for w in table.get("words", []))
        adv = data.get("emotive_adverbs", {})
        adverbs.update(w.lower() for w in adv.get("words", []))
        adverb_why = adv.get("why", adverb_why)
    phrasal: dict[tuple[str, str], str] = {}
    for phrase in phrases:
        words = phrase.split()
        if len(words) != 2:
            raise lexicons.LexiconError(f"{VERBS}: a phrasal cue is a verb and one preposition or particle, not {phrase!r}")
        phrasal[(words[0], words[1])] = verb_class.get(words[0], "neutral")
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
        object_frame=frozenset(object_frame),
        to_clause=frozenset(to_clause),
        people_only=frozenset(people_only),
        phrasal=phrasal,
        document_object=frozenset(document_object),
        document_subject=frozenset(document_subject),
        speech=frozenset(speech),
        nominal=nominal,
        support_verbs=frozenset(support_verbs),
        support_nouns=support_nouns,
        adjectives=adjectives,
        in_document=frozenset(in_document),
        in_document_why=" ".join(in_document_why.split()),
        stance_nouns=stance_nouns,
        affect_verbs=affect_verbs,
        holding=frozenset(holding),
    )


def _build_matcher(vocab: Vocab, lex: _Lexicon) -> Matcher:
    from spacy.matcher import Matcher

    m = Matcher(vocab)
    # one pattern with a set, not one pattern per verb: a Matcher's cost grows with its pattern count
    m.add("VERB", [[{"LEMMA": {"IN": sorted(lex.cue_lemmas)}, "POS": "VERB"}],
                   [{"LOWER": {"IN": inflections(lex.verb_class)}, "POS": "VERB"}]])
    # "House panel votes to ...", "Trump charges that ...", "Sanders Vows To ...": a verb's present tense
    # the tagger read as a plural noun (or, in Title Case, a name)
    m.add("NOUN_VERB", [[{"LOWER": {"IN": sorted(w for w in inflections(lex.verb_class) if w.endswith("s"))}, "TAG": {"IN": ["NNS", "NNPS", "NNP"]}}]])
    if lex.nominal:
        m.add("NOMINAL", [[{"LEMMA": {"IN": sorted(lex.nominal)}, "POS": "NOUN"}]])
    if lex.support_verbs:
        m.add("SUPPORT", [[{"LEMMA": {"IN": sorted(lex.support_verbs)}, "POS": "VERB"}]])
    if lex.adjectives:
        m.add("STANCE_ADJ", [[{"LOWER": {"IN": sorted(lex.adjectives)}, "POS": {"IN": ["ADJ", "VERB"]}}]])
    if lex.in_document:  # "in the latest poll", "by one estimate": the noun; its preposition is checked after
        m.add("IN_DOCUMENT", [[{"LEMMA": {"IN": sorted(lex.in_document)}, "POS": "NOUN", "DEP": "pobj"}]])
    if lex.stance_nouns:
        m.add("STANCE_NOUN", [[{"LEMMA": {"IN": sorted(lex.stance_nouns)}, "POS": "NOUN", "DEP": {"IN": ["attr", "appos", "npadvmod"]}}]])
    if lex.affect_verbs:  # "that worries parents": the object feels it
        m.add("AFFECT_VERB", [[{"LEMMA": {"IN": sorted(lex.affect_verbs)}, "POS": "VERB"}]])
    if lex.holding:  # "has doubts about": the noun; its "have" is checked after
        m.add("HOLDING", [[{"LEMMA": {"IN": sorted(lex.holding)}, "POS": "NOUN", "DEP": "dobj"}]])
    m.add("COLON", [[{"ORTH": ":"}]])
    m.add("DASH", [[{"ORTH": {"IN": DASH_FORMS}}]])
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


