"""What the tone model reads in a sentence: VADER's word valences, placed in the sentence's parse.

VADER (Hutto & Gilbert 2014) scores a sentence by giving each word of its lexicon a valence, adjusted
for boosters ("very"), negation ("not good") and "but", and squashing their sum into the compound
score. ``word_valences`` runs VADER's own steps and keeps the per-word valences, so each one can be
placed in the parse: is the word inside a quotation or someone's reported speech, is it the verb
whose subject or object a person is, a word describing that person, or somewhere else in the
sentence? ``sentence_features`` and ``target_features`` turn that into the model's inputs, and
``Valenced`` keeps where each input came from, so every word's share of the tone can be shown.

Besides VADER's lexicon the model reads a news lexicon fitted on NewsMTSC train (``bench/fit_tone.py``):
for a content word's lemma, how much more often than average people called a sentence with it positive
or negative toward the person it is about ("accused", "praised", "indicted"). It is placed in the
parse the same way.

Features are sums of per-word parts (plus a few per-sentence facts), so removing one word gives
exactly what that word contributed; ``tone.py`` does that to explain a score.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

_WORD = re.compile(r"\S+")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
OBJECT_DEPS = {"dobj", "dative", "oprd", "attr"}
# The groups a valenced word falls into relative to a person mentioned in the sentence.
GROUPS = ("own", "gov", "clause", "rest")

# The names of the model's inputs, in order. The weights file lists them too, and the loader checks
# that they agree, so a file fitted for other features is refused rather than misread.
SENTENCE_FEATURES = (
    "vader_compound",  # VADER's own score for the sentence
    "narr_pos", "narr_neg",  # VADER valence in the writer's own words
    "quoted_pos", "quoted_neg",  # VADER valence inside quotation marks or reported speech
    "valenced_words",  # how many words carry VADER valence
    "news_pos", "news_neg",  # news-lexicon values in the writer's own words
    "news_quoted_pos", "news_quoted_neg",  # ... and inside quotations or reported speech
    "speech_verb",  # the sentence reports what someone said
    "negation",  # a "not"/"never" in the parse
    "question",
    "length",  # words in the sentence (log)
)
TARGET_FEATURES = (
    "own_pos", "own_neg",  # VADER valence of words describing the person ("corrupt", "who bravely ...")
    "gov_pos", "gov_neg",  # the word the person depends on and its close modifiers ("praised [X]")
    "clause_pos", "clause_neg",  # the rest of the clause the person is in
    "rest_pos", "rest_neg",  # the rest of the sentence
    "near",  # VADER valence weighted by closeness in the parse to the person
    "subj_gov", "obj_gov",  # the person is the subject / the object of a valenced word
    "news_own_pos", "news_own_neg", "news_gov_pos", "news_gov_neg",  # the news lexicon, placed the same way
    "news_clause_pos", "news_clause_neg", "news_near_pos", "news_near_neg",
    "is_subject", "is_object", "is_possessor", "is_prep_object",
    "is_speaker",  # the person is who says something in the sentence
    "speaker_content",  # ... and the VADER valence of what they say
    "in_quote",  # the person is named inside a quotation
)
CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


def lemma_key(tok: Token) -> str:
    """The news lexicon's key for a word: its lowercase lemma, for content words that are not names."""
    if tok.pos_ not in CONTENT_POS or tok.is_stop or not tok.is_alpha or tok.ent_type_ in NAME_ENTS:
        return ""
    return tok.lemma_.lower()


def quote_state(text: str) -> list[bool]:
    """For each character of a sentence: is it inside quotation marks? Curly quotes open and close;
    straight double quotes toggle. Unpaired marks simply run to the end of the sentence."""
    inside = False
    out = []
    for ch in text:
        if ch in "“«„":
            inside = True
            out.append(True)
            continue
        if ch in "”»":
            out.append(True)
            inside = False
            continue
        if ch == '"':
            out.append(True)
            inside = not inside
            continue
        out.append(inside)
    return out


def word_valences(vader: Any, text: str) -> tuple[list[tuple[int, int, float]], float, float]:
    """VADER's per-word valences for ``text``: ``([(start, end, valence), ...], sum, punctuation)``.

    The steps are VADER's own (``sentiment_valence`` with its booster, negation and idiom checks,
    then ``_but_check``); ``vader_compound(sum, punctuation)`` equals ``polarity_scores(text)["compound"]``
    for text without emoji. Offsets are into ``text``; words with valence 0 are left out."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    matches = list(_WORD.finditer(text))
    sentitext = SentiText(" ".join(m.group() for m in matches))
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        low = item.lower()
        if low in BOOSTER_DICT or (low == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of"):
            sentiments.append(0)
            continue
        sentiments = vader.sentiment_valence(0, sentitext, item, i, sentiments)
    sentiments = vader._but_check(words, sentiments)
    out = []
    for m, word, val in zip(matches, words, sentiments):
        if not val:
            continue
        raw = m.group()
        off = raw.find(word) if word in raw else 0
        start = m.start() + max(off, 0)
        out.append((start, start + len(word) if word in raw else m.end(), float(val)))
    total = float(sum(sentiments))
    punct = vader._punctuation_emphasis(text) if total else 0.0
    return out, total, punct


def vader_compound(total: float, punct: float) -> float:
    if total > 0:
        total += punct
    elif total < 0:
        total -= punct
    return total / math.sqrt(total * total + 15) if total else 0.0


@dataclass
class Word:
    """A word that can move the tone: VADER gives it a valence, or it is a content word the news
    lexicon may know. Where it sits in the sentence decides which inputs it counts in."""

    start: int  # character offsets into the article text
    end: int
    text: str
    valence: float  # VADER's (0 when VADER does not know it)
    lemma: str  # the news lexicon's key ("" when it is not a content word)
    token: Any  # the spaCy token it falls on
    quoted: bool  # inside quotation marks or someone's reported speech


@dataclass
class SentenceReading:
    """What the model needs of one sentence, worked out once and shared by every person in it."""

    sent: Any  # the spaCy span
    words: list[Word]
    vader_sum: float
    punct: float
    speech_verbs: list[Any]  # tokens: reporting verbs that have something reported
    negations: int
    question: bool
    n_words: int
    quoted_chars: list[bool] = field(repr=False, default_factory=list)

    @property
    def vader(self) -> float:
        return vader_compound(self.vader_sum, self.punct)


def _speech_content(verb: Token) -> list[Token]:
    """The reported clause of a speech verb: its clausal complement(s)."""
    return [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]


def read_sentence(vader: Any, sent: SpacySpan, speech_lemmas: frozenset[str]) -> SentenceReading:
    text = sent.text
    base = sent.start_char
    vals, total, punct = word_valences(vader, text)
    quoted_chars = quote_state(text)
    speech_verbs = [t for t in sent if t.lemma_.lower() in speech_lemmas and t.pos_ in ("VERB", "AUX")
                    and (_speech_content(t) or t.dep_ in ("parataxis", "ccomp") or t.head.dep_ == "ROOT")]
    # tokens inside reported speech: the content clause of a speech verb, or the main clause when the
    # speech verb hangs off it ("The plan is a disaster, he said")
    reported: set[int] = set()
    for v in speech_verbs:
        content = _speech_content(v)
        if not content and v.dep_ in ("parataxis", "ccomp") and v.head.i != v.i:
            inner = {x.i for x in v.subtree}
            reported.update(t.i for t in v.head.subtree if t.i not in inner)
        for c in content:
            reported.update(t.i for t in c.subtree)
    starts = [t.idx for t in sent]
    by_token: dict[int, Word] = {}
    for s, e, val in vals:
        k = bisect.bisect_right(starts, s) - 1
        tok = sent[max(k, 0)]
        q = any(quoted_chars[s:e]) or tok.i in reported
        by_token[tok.i] = Word(base + s, base + e, text[s:e], val, lemma_key(tok), tok, q)
    for tok in sent:
        if tok.i in by_token:
            continue
        key = lemma_key(tok)
        if key:
            s = tok.idx - base
            quoted = (quoted_chars[s] if s < len(quoted_chars) else False) or tok.i in reported
            by_token[tok.i] = Word(tok.idx, tok.idx + len(tok.text), tok.text, 0.0, key, tok, quoted)
    return SentenceReading(
        sent=sent,
        words=[by_token[i] for i in sorted(by_token)],
        vader_sum=total,
        punct=punct,
        speech_verbs=speech_verbs,
        negations=sum(1 for t in sent if t.dep_ == "neg"),
        question=text.rstrip().endswith("?"),
        n_words=sum(1 for t in sent if not (t.is_punct or t.is_space)),
        quoted_chars=quoted_chars,
    )


Lexicon = dict[str, tuple[float, float]]  # lemma -> (positive, negative) news-lexicon values


def sentence_parts(r: SentenceReading, lex: Lexicon) -> tuple[list[float], list[list[float]]]:
    """The sentence-level inputs as (inputs not tied to a word, one vector per word); the inputs are
    their sum, except ``vader_compound`` (index 0), which ``assemble`` recomputes from VADER's sum."""
    n = len(SENTENCE_FEATURES)
    const = [0.0] * n
    const[10] = 1.0 if r.speech_verbs else 0.0
    const[11] = min(r.negations, 2) / 2.0
    const[12] = 1.0 if r.question else 0.0
    const[13] = math.log1p(r.n_words) / 4.0
    vecs = []
    for w in r.words:
        x = [0.0] * n
        if w.valence:
            v = w.valence / 4.0
            x[(3 if w.quoted else 1) + (0 if v > 0 else 1)] = v
            x[5] = 0.2
        p, q = lex.get(w.lemma, (0.0, 0.0)) if w.lemma else (0.0, 0.0)
        if p or q:
            o = 8 if w.quoted else 6
            x[o] = p
            x[o + 1] = q
        vecs.append(x)
    return const, vecs


def assemble(r: SentenceReading, const: list[float], vecs: list[list[float]], skip: int = -1) -> list[float]:
    """Sum the parts, leaving out word ``skip``; VADER's compound is recomputed without it."""
    x = list(const)
    for k, v in enumerate(vecs):
        if k != skip:
            for j, a in enumerate(v):
                if a:
                    x[j] += a
    total = r.vader_sum - (r.words[skip].valence if skip >= 0 else 0.0)
    x[0] = vader_compound(total, r.punct)
    return x


def _root(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[0]


def _governor(root: Token) -> Token | None:
    """The word a mention depends on: its verb, adjective or noun, skipping prepositions
    ("criticism of [Smith]" → "criticism") and possessives ("[Smith]'s failure" → "failure")."""
    t = root
    while t.head.i != t.i:
        t = t.head
        if t.pos_ not in ("ADP", "PART", "CCONJ", "PUNCT"):
            return t
    return None


def _clause_head(t: Token) -> Token:
    while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
        t = t.head
    return t


def _ancestors_depth(t: Token) -> dict[int, int]:
    out = {t.i: 0}
    d = 0
    while t.head.i != t.i:
        t = t.head
        d += 1
        out[t.i] = d
    return out


def _distance(up: dict[int, int], w: Token) -> int:
    d = 0
    t = w
    while t.i not in up:
        if t.head.i == t.i:
            return d + 1 + max(up.values())
        t = t.head
        d += 1
    return d + up[t.i]


@dataclass
class TargetReading:
    """Where each word of a sentence stands relative to one mention of a person."""

    groups: list[str]  # per word of the SentenceReading: own / gov / clause / rest / "" (the mention itself)
    closeness: list[float]  # per word: exp(-(distance in the parse - 1) / 2)
    role: str  # subject / object / possessor / prep_object / other
    gov_index: set[int]  # indexes of words that are the governor itself
    speaker: bool
    speaker_words: set[int]  # indexes of words inside what this person is reported as saying
    in_quote: bool


def read_target(r: SentenceReading, start: int, end: int) -> TargetReading | None:
    """Place every word of the sentence relative to the mention at ``[start, end)``."""
    tokens = [t for t in r.sent if t.idx < end and t.idx + len(t.text) > start]
    if not tokens:
        return None
    root = _root(tokens)
    ids = {t.i for t in tokens}
    own = {t.i for t in root.subtree} - ids
    gov = _governor(root)
    gov_near: set[int] = set()
    if gov is not None:
        gov_near = {gov.i} | {c.i for c in gov.children
                              if c.dep_ in ("advmod", "acomp", "xcomp", "amod", "neg", "attr", "dobj", "prt", "oprd")
                              and c.i not in ids and c.i not in own}
    clause = _clause_head(gov if gov is not None else root)
    clause_ids = {t.i for t in clause.subtree}
    up = _ancestors_depth(root)
    dep = root.dep_
    if dep == "conj":  # "Smith and Jones were praised": Jones takes Smith's role
        dep = root.head.dep_
    role = ("subject" if dep in SUBJECT_DEPS else "object" if dep in OBJECT_DEPS
            else "possessor" if dep == "poss" else "prep_object" if dep == "pobj" else "other")
    speaker_verbs = [v for v in r.speech_verbs if (root.head.i == v.i and dep in SUBJECT_DEPS)
                     or any(c.dep_ == "agent" and root.head.i == c.i for c in v.children)]
    said: set[int] = set()
    for v in speaker_verbs:
        for c in _speech_content(v):
            said.update(t.i for t in c.subtree)
        if v.dep_ in ("parataxis", "ccomp") and v.head.i != v.i:
            inner = {x.i for x in v.subtree}
            said.update(t.i for t in v.head.subtree if t.i not in inner)
    groups, closeness, gov_index, speaker_words = [], [], set(), set()
    for k, w in enumerate(r.words):
        i = w.token.i
        if i in ids:
            groups.append("")
            closeness.append(0.0)
            continue
        if i in own:
            g = "own"
        elif i in gov_near:
            g = "gov"
            if gov is not None and i == gov.i:
                gov_index.add(k)
        elif i in clause_ids:
            g = "clause"
        else:
            g = "rest"
        groups.append(g)
        closeness.append(math.exp(-(max(_distance(up, w.token), 1) - 1) / 2.0))
        if i in said:
            speaker_words.add(k)
    in_quote = any(r.quoted_chars[max(0, start - r.sent.start_char): max(0, end - r.sent.start_char)])
    return TargetReading(groups, closeness, role, gov_index, bool(speaker_verbs), speaker_words, in_quote)


_VADER_SLOT = {"own": 0, "gov": 2, "clause": 4, "rest": 6}
_NEWS_SLOT = {"own": 11, "gov": 13, "clause": 15}


def target_parts(r: SentenceReading, t: TargetReading, lex: Lexicon) -> tuple[list[float], list[list[float]]]:
    """The inputs toward one person as (inputs not tied to a word, one vector per word)."""
    n = len(TARGET_FEATURES)
    const = [0.0] * n
    const[19] = 1.0 if t.role == "subject" else 0.0
    const[20] = 1.0 if t.role == "object" else 0.0
    const[21] = 1.0 if t.role == "possessor" else 0.0
    const[22] = 1.0 if t.role == "prep_object" else 0.0
    const[23] = 1.0 if t.speaker else 0.0
    const[25] = 1.0 if t.in_quote else 0.0
    vecs = []
    for k, w in enumerate(r.words):
        x = [0.0] * n
        g = t.groups[k]
        vecs.append(x)
        if not g:
            continue
        if w.valence:
            v = w.valence / 4.0
            x[_VADER_SLOT[g] + (0 if v > 0 else 1)] = v
            x[8] = v * t.closeness[k]
            if k in t.gov_index:
                if t.role == "subject":
                    x[9] = v
                elif t.role == "object":
                    x[10] = v
            if k in t.speaker_words:
                x[24] = v
        p, q = lex.get(w.lemma, (0.0, 0.0)) if w.lemma else (0.0, 0.0)
        if p or q:
            if g in _NEWS_SLOT:
                x[_NEWS_SLOT[g]] = p
                x[_NEWS_SLOT[g] + 1] = q
            x[17] = p * t.closeness[k]
            x[18] = q * t.closeness[k]
    return const, vecs


def add_parts(a: tuple[list[float], list[list[float]]], b: tuple[list[float], list[list[float]]]):
    """Sentence parts followed by target parts: the target model's inputs."""
    return a[0] + b[0], [x + y for x, y in zip(a[1], b[1])]
