"""Result types: frozen dataclasses that every consumer (window, exports, CLI, tests) reads.

All ``start``/``end`` values are character offsets into ``ArticleAnalysis.text`` exactly as stored
(the decoded input with newlines normalised to ``\\n``), so ``text[start:end] == span.text``.
``to_dict()`` returns plain JSON types; ``from_dict()`` rebuilds the object (used by the cache).
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

SCHEMA = "slant.analysis/1"

CueClass = Literal["neutral", "doubt", "credence", "emotive", "speculative", "state_of_mind"]
SourceType = Literal["named", "anonymous", "vague", "none"]

T = TypeVar("T")


class _Serialisable:
    """Mixin: ``to_dict`` / ``from_dict`` for nested frozen dataclasses with tuple fields. The dataclasses
    have ``__slots__`` (no ``__dict__`` per object: a 10 MB article's result holds about a million of them)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _to_plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        kwargs = {}
        for name, hint in _field_hints(cls):
            if name in data:
                kwargs[name] = _from_plain(hint, data[name])
        return cls(**kwargs)


@functools.cache
def _field_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    """(field name, resolved type) per dataclass, worked out once: resolving hints is slow."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _to_plain(value: Any) -> Any:
    if isinstance(value, _Serialisable):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _to_plain(v) for k, v in value.items()}
    if isinstance(value, float):
        return round(value, 4)
    return value


def _from_plain(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        non_none = [a for a in args if a is not type(None)]
        return _from_plain(non_none[0], value) if len(non_none) == 1 else value
    if origin is tuple:
        inner = args[0] if args else Any
        return tuple(_from_plain(inner, v) for v in value)
    if origin is dict:
        inner = args[1] if len(args) == 2 else Any
        return {k: _from_plain(inner, v) for k, v in value.items()}
    if isinstance(hint, type) and issubclass(hint, _Serialisable):
        return hint.from_dict(value)  # type: ignore[attr-defined]
    return value


@dataclass(frozen=True, slots=True)
class Span(_Serialisable):
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class BoilerplateSpan(_Serialisable):
    """Page furniture (menus, share buttons, repeated captions...). Left in the text, out of every measure."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Contribution(_Serialisable):
    """One word's share of a tone: how much the tone would fall (weight > 0) or rise without it."""

    start: int
    end: int
    text: str
    weight: float


@dataclass(frozen=True, slots=True)
class TargetTone(_Serialisable):
    """The tone toward one mention of a named entity in a sentence: what the sentence says about it."""

    entity: str  # the naming measure's key, as in ``EntityTone.entity``
    start: int  # the mention
    end: int
    tone: float  # in [-1, 1]; from +0.05 positive, to -0.05 negative, as for ``Sentence.tone``
    contributions: tuple[Contribution, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence(_Serialisable):
    """A body sentence (boilerplate excluded) with its tone in [-1, 1] (from +0.05 positive, to -0.05
    negative): the tone model's reading of VADER's word valences (``analysis.measures.tone``).
    ``vader`` is VADER's own compound score, ``contributions`` the words that moved the tone most,
    ``targets`` the tone toward each named entity mentioned in it. Results written before these
    fields existed load with ``None`` and empty tuples. ``kind`` is the sentence's kind
    (``analysis.measures.sentence_kind``)."""

    start: int
    end: int
    tone: float
    is_headline: bool = False
    vader: float | None = None
    contributions: tuple[Contribution, ...] = ()
    targets: tuple[TargetTone, ...] = ()
    # "speech" | "opinion" | "report" (analysis.measures.sentence_kind); "" in results made before kinds
    kind: str = ""
    kind_reason: str = ""  # the cue that decided the kind, in plain words


@dataclass(frozen=True, slots=True)
class EntityTone(_Serialisable):
    """Average tone toward one named person, organisation or country over the body sentences that
    mention it (per sentence: what it says about that entity, ``Sentence.targets``)."""

    entity: str
    label: str
    mentions: int
    mean: float
    sentence_indices: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Tone(_Serialisable):
    mean: float
    positive_share: float
    negative_share: float
    by_entity: tuple[EntityTone, ...] = ()


@dataclass(frozen=True, slots=True)
class LoadedTerm(_Serialisable):
    start: int
    end: int
    text: str
    category: str
    weight: float
    why: str
    alternatives: tuple[str, ...] = ()
    rule: str = ""  # which lexicon entry or rule fired, e.g. "lexicon:pejorative/dictator" or "rule:scare-quote"


@dataclass(frozen=True, slots=True)
class Attribution(_Serialisable):
    cue: Span
    cue_class: CueClass
    source: Span | None
    source_type: SourceType
    direct_quote: bool
    quote: Span | None = None
    resolved_source: str | None = None  # e.g. "Kishida" for a cue whose source is "he"
    why: str = ""
    rule: str = ""

    @property
    def headline_credit(self) -> bool:
        """A wire-style credit at the end of the headline ("... Summit -Sources"): the cue is the dash."""
        return "rule:headline-credit" in self.rule


@dataclass(frozen=True, slots=True)
class Hedge(_Serialisable):
    start: int
    end: int
    text: str
    kind: str
    why: str = ""
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Readability(_Serialisable):
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    words_per_sentence: float


@dataclass(frozen=True, slots=True)
class Counts(_Serialisable):
    words: int
    sentences: int
    loaded_per_1000_words: float
    hedges_per_1000_words: float
    unnamed_source_share: float  # share of statements (attributions but states of mind) whose source is anonymous, vague or none
    attributions: int = 0
    loaded_terms: int = 0
    hedges: int = 0
    states_of_mind: int = 0  # attributions of a thought, wish or plan ("believes", "wants"): not in the share
    unnamed_sources: int = 0  # how many attributions ``unnamed_source_share`` counts as unnamed (its numerator)
    # sentences of each kind (out of ``sentences``) and their shares; 0 in results made before kinds
    speech_sentences: int = 0
    opinion_sentences: int = 0
    report_sentences: int = 0
    speech_share: float = 0.0
    opinion_share: float = 0.0
    report_share: float = 0.0

    @property
    def statements(self) -> int:
        """Attributions of something said or written: the count ``unnamed_source_share`` is a share of."""
        return self.attributions - self.states_of_mind


@dataclass(frozen=True, slots=True)
class Mention(_Serialisable):
    """One naming of an entity: ``span`` is the name, ``phrase`` the whole naming (titles and labels in front)."""

    entity: str  # canonical key, e.g. "Joe Biden", "Xi Jinping", "Russia's invasion of Ukraine"
    label: str  # PERSON, ORG, GPE, NORP, EVENT ...
    span: Span
    phrase: Span
    modifiers: tuple[str, ...] = ()  # words in front of the name: ("Leftist", "American", "President")


@dataclass(frozen=True, slots=True)
class Language(_Serialisable):
    is_english: bool
    english_share: float  # share of word tokens that are common English words
    note: str = ""


@dataclass(frozen=True, slots=True)
class ArticleAnalysis(_Serialisable):
    id: str
    outlet: str | None
    title: str | None
    date: str | None
    text: str
    language: Language
    boilerplate: tuple[BoilerplateSpan, ...]
    sentences: tuple[Sentence, ...]
    tone: Tone
    loaded_terms: tuple[LoadedTerm, ...]
    attributions: tuple[Attribution, ...]
    hedges: tuple[Hedge, ...]
    readability: Readability
    counts: Counts
    mentions: tuple[Mention, ...] = ()
    analyzer_version: str = ""
    warnings: tuple[str, ...] = ()
    file: str | None = None  # the name of the file the text was read from (no folder), if any
    byline: str | None = None  # the author(s) as the article or the user names them
    url: str | None = None  # the web address the article came from, if any
    fetched: str | None = None  # when Slant fetched it from ``url`` (ISO 8601 with zone), if it did
    encoding: str | None = None  # the text encoding the file was decoded with (a Python codec name)

    @property
    def label(self) -> str:
        """What to call this article on screen: outlet, else file name, else title, else id (as the
        window does, so a sheet's "Outlet" column never shows a headline twice or a bare id)."""
        return self.outlet or self.file or self.title or self.id


@dataclass(frozen=True, slots=True)
class MetricRow(_Serialisable):
    """One metric across the story: each article's value, the median, and which articles stand out."""

    metric: str
    label: str
    values: dict[str, float]  # article id -> value
    median: float
    outliers: tuple[str, ...]  # article ids
    higher_means: str = ""  # plain words: what a high value says
    # The evidence behind each value (added later; old JSON loads with these empty):
    counts: dict[str, int] = field(default_factory=dict)  # article id -> how many items the value rests on
    count_unit: str = ""  # what ``counts`` counts: "attribution", "sentence", "word"
    hits: dict[str, int] = field(default_factory=dict)  # shares and rates: how many items were counted
    hit_unit: str = ""  # what ``hits`` counts: "unnamed", "negative", "loaded term", "hedge"
    intervals: dict[str, tuple[float, float]] = field(default_factory=dict)  # shares: Wilson 95% interval
    too_few: tuple[str, ...] = ()  # article ids whose value rests on too few items to compare
    excluded: tuple[str, ...] = ()  # article ids left out of the median (probably a different story)


@dataclass(frozen=True, slots=True)
class DistinctiveWord(_Serialisable):
    word: str
    z: float
    count: int


@dataclass(frozen=True, slots=True)
class NamingRow(_Serialisable):
    """How each article names one entity: article id -> distinct naming phrases (most frequent first)."""

    entity: str
    label: str
    by_article: dict[str, tuple[str, ...]]
    differs: bool = False


@dataclass(frozen=True, slots=True)
class AlignedSentence(_Serialisable):
    """A body sentence and its best counterpart in each other article (None: not reported there)."""

    article: str
    sentence: int  # index into that article's ``sentences``
    counterparts: dict[str, int | None]
    similarity: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OnlyHere(_Serialisable):
    """A sentence whose content no other article reports."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    # Added later (old JSON loads with these empty): why it is listed, in plain words, and its rank score
    reasons: tuple[str, ...] = ()  # "names Tanaka, whom no other outlet mentions"
    score: float = 0.0  # higher: more distinct (people, numbers, sources no other outlet has)


@dataclass(frozen=True, slots=True)
class Coverage(_Serialisable):
    """How much of one article the others also report."""

    article: str
    sentences: int  # body sentences (headline left out)
    shared: int  # of them, how many have a counterpart in at least one other article
    shared_with: dict[str, int] = field(default_factory=dict)  # other article id -> sentences shared with it
    claims_only_here: int = 0  # unmatched sentences listed as claims only this article makes


@dataclass(frozen=True, slots=True)
class Comparison(_Serialisable):
    articles: tuple[str, ...]  # article ids in input order
    metrics: tuple[MetricRow, ...]
    distinctive: dict[str, tuple[DistinctiveWord, ...]]
    naming: tuple[NamingRow, ...]
    alignment: tuple[AlignedSentence, ...]
    only_here: tuple[OnlyHere, ...]
    # Added later (old JSON loads with these empty):
    off_topic: tuple[str, ...] = ()  # article ids that share almost no names with the others
    warnings: tuple[str, ...] = ()  # comparison-level warnings in plain words (naming the article)
    coverage: tuple[Coverage, ...] = ()  # per article: sentences shared with the others
