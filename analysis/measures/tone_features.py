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
    lemma: str  # the news lexicon's key ("" when it is not a content word that is not a name)
    i: int  # the index of the spaCy token it falls on
    quoted: bool  # inside quotation marks or someone's reported speech
    chain: tuple[int, ...]  # the token and its heads up to the root of the parse


@dataclass
class SentenceReading:
    """What the model needs of one sentence, worked out once and shared by every person in it."""

    start: int  # the sentence's character offsets into the article text
    end: int
    words: list[Word]
    vader_sum: float
    punct: float
    speech_verbs: list[int]  # token indexes of reporting verbs
    negations: int
    question: bool
    n_words: int
    quoted_chars: list[bool] | None  # per character of the sentence; None when it has no quotation mark
    idx: list[int] = field(repr=False, default_factory=list)  # per token of the sentence: its start
    lens: list[int] = field(repr=False, default_factory=list)
    first: int = 0  # index of the sentence's first token
    heads: list[int] = field(repr=False, default_factory=list)  # per token: its head's index
    deps: list[str] = field(repr=False, default_factory=list)
    pos: list[str] = field(repr=False, default_factory=list)
    children: dict[int, list[int]] = field(repr=False, default_factory=dict)

    @property
    def vader(self) -> float:
        return vader_compound(self.vader_sum, self.punct)

    def head(self, i: int) -> int:
        return self.heads[i - self.first]

    def dep(self, i: int) -> str:
        return self.deps[i - self.first]

    def chain_of(self, i: int) -> tuple[int, ...]:
        out = [i]
        while True:
            h = self.heads[i - self.first]
            if h == i or len(out) > 200:
                return tuple(out)
            out.append(h)
            i = h

    def speech_content(self, v: int) -> list[int]:
        """The reported clause(s) of a speech verb: its clausal complements."""
        return [c for c in self.children.get(v, ()) if self.dep(c) in ("ccomp", "xcomp", "parataxis")]

    def said_by(self, verbs: list[int], chain: tuple[int, ...]) -> bool:
        """Is the token with this chain inside what one of ``verbs`` reports? (the content clause, or
        the main clause when the speech verb hangs off it: "The plan is a disaster, he said")."""
        for v in verbs:
            content = self.speech_content(v)
            if any(c in chain for c in content):
                return True
            if not content and self.dep(v) in ("parataxis", "ccomp") and self.head(v) != v:
                if self.head(v) in chain and v not in chain:
                    return True
        return False


def _has_quote_mark(text: str) -> bool:
    return any(q in text for q in '"“”«»„')


@dataclass
class DocArrays:
    """Per token of a parsed text, the attributes the tone model reads, taken out of spaCy in one go
    (``Doc.to_array``): reading them token by token costs more than the rest of the model."""

    heads: list[int]
    deps: list[str]
    pos: list[str]
    lemmas: list[str]  # lowercase
    keys: list[str]  # the news lexicon's key, "" for words it never holds (names, stop words...)
    word: list[bool]  # not punctuation or white space
    idx: list[int]
    lens: list[int]


def doc_arrays(doc: Any) -> DocArrays:
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LENGTH, POS

    n = len(doc)
    if not n:
        return DocArrays([], [], [], [], [], [], [], [])
    arr = doc.to_array([HEAD, DEP, POS, LEMMA, IS_ALPHA, IS_STOP, IS_PUNCT, IS_SPACE, ENT_TYPE, IDX, LENGTH])
    cols = [arr[:, j].tolist() for j in range(arr.shape[1])]
    cols[0] = arr[:, 0].astype("int64").tolist()  # HEAD: a relative offset, stored unsigned
    strings = doc.vocab.strings
    cache: dict[int, str] = {}

    def text(h: int) -> str:
        v = cache.get(h)
        if v is None:
            v = cache[h] = strings[h] if h else ""
        return v

    heads = [i + rel for i, rel in enumerate(cols[0])]
    deps = [text(h) for h in cols[1]]
    pos = [text(h) for h in cols[2]]
    lemmas = [text(h).lower() for h in cols[3]]
    ents = cols[8]
    name_ents = {strings[e] for e in NAME_ENTS if e in strings}
    keys = [lemmas[i] if (pos[i] in CONTENT_POS and cols[4][i] and not cols[5][i] and ents[i] not in name_ents) else ""
            for i in range(n)]
    word = [not (cols[6][i] or cols[7][i]) for i in range(n)]
    return DocArrays(heads, deps, pos, lemmas, keys, word, cols[9], cols[10])


def read_sentence(vader: Any, sent: SpacySpan, speech_lemmas: frozenset[str], arrays: DocArrays | None = None) -> SentenceReading:
    """Everything the model reads in one sentence. ``arrays``: ``doc_arrays(sent.doc)``, computed once
    per text by the caller (worked out here when not given)."""
    a = arrays if arrays is not None else doc_arrays(sent.doc)
    text = sent.text
    base = sent.start_char
    vals, total, punct = word_valences(vader, text)
    quoted_chars = quote_state(text) if _has_quote_mark(text) else None
    first, stop = sent.start, sent.end
    idx, lens = a.idx[first:stop], a.lens[first:stop]
    heads = [h if first <= h < stop else i for i, h in enumerate(a.heads[first:stop], first)]
    deps, pos, lemmas, keys = a.deps[first:stop], a.pos[first:stop], a.lemmas[first:stop], a.keys[first:stop]
    children: dict[int, list[int]] = {}
    for i, h in enumerate(heads, first):
        if h != i:
            children.setdefault(h, []).append(i)
    negations = deps.count("neg")
    n_words = sum(a.word[first:stop])
    r = SentenceReading(base, sent.end_char, [], total, punct, [], negations, text.rstrip().endswith("?"),
                        n_words, quoted_chars, idx, lens, first, heads, deps, pos, children)
    for k, lemma in enumerate(lemmas):
        i = first + k
        if lemma in speech_lemmas and pos[k] in ("VERB", "AUX") and (
                r.speech_content(i) or deps[k] in ("parataxis", "ccomp") or deps[heads[k] - first] == "ROOT"):
            r.speech_verbs.append(i)
    at: dict[int, tuple[int, int, float]] = {}
    for s, e, val in vals:
        k = max(bisect.bisect_right(idx, base + s) - 1, 0)
        at[k] = (base + s, base + e, val)
    for k in range(len(idx)):
        if k in at:
            s, e, val = at[k]
        elif keys[k]:
            s, e, val = idx[k], idx[k] + lens[k], 0.0
        else:
            continue
        chain = r.chain_of(first + k)
        q = quoted_chars is not None and any(quoted_chars[s - base:e - base])
        r.words.append(Word(s, e, text[s - base:e - base], val, keys[k], first + k,
                            q or r.said_by(r.speech_verbs, chain), chain))
    return r


Lexicon = dict[str, tuple[float, float]]  # lemma -> (positive, negative) news-lexicon values
Parts = tuple[list[float], list[list[tuple[int, float]]]]  # (inputs not tied to a word, per word: (input, value))
_S = {name: j for j, name in enumerate(SENTENCE_FEATURES)}
_T = {name: j + len(SENTENCE_FEATURES) for j, name in enumerate(TARGET_FEATURES)}


def sentence_parts(r: SentenceReading, lex: Lexicon) -> Parts:
    """The sentence-level inputs as (inputs not tied to a word, each word's share); the inputs are
    their sum, except ``vader_compound`` (index 0), which is recomputed from VADER's sum."""
    const = [0.0] * len(SENTENCE_FEATURES)
    const[_S["speech_verb"]] = 1.0 if r.speech_verbs else 0.0
    const[_S["negation"]] = min(r.negations, 2) / 2.0
    const[_S["question"]] = 1.0 if r.question else 0.0
    const[_S["length"]] = math.log1p(r.n_words) / 4.0
    vecs = []
    for w in r.words:
        x: list[tuple[int, float]] = []
        if w.valence:
            v = w.valence / 4.0
            x.append((_S["quoted_pos" if w.quoted else "narr_pos"] + (0 if v > 0 else 1), v))
            x.append((_S["valenced_words"], 0.2))
        p, q = lex.get(w.lemma, (0.0, 0.0)) if w.lemma else (0.0, 0.0)
        if p or q:
            o = _S["news_quoted_pos" if w.quoted else "news_pos"]
            x.append((o, p))
            x.append((o + 1, q))
        vecs.append(x)
    return const, vecs


def assemble(r: SentenceReading, const: list[float], vecs: list[list[tuple[int, float]]], skip: int = -1) -> list[float]:
    """The inputs: the parts summed, leaving out word ``skip``; VADER's compound recomputed without it."""
    x = list(const)
    for k, v in enumerate(vecs):
        if k != skip:
            for j, a in v:
                x[j] += a
    total = r.vader_sum - (r.words[skip].valence if skip >= 0 else 0.0)
    x[0] = vader_compound(total, r.punct)
    return x


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


GOV_NEAR_DEPS = {"advmod", "acomp", "xcomp", "amod", "neg", "attr", "dobj", "prt", "oprd"}


def read_target(r: SentenceReading, start: int, end: int) -> TargetReading | None:
    """Place every word of the sentence relative to the mention at ``[start, end)``."""
    ids = set()
    k = max(bisect.bisect_right(r.idx, start) - 1, 0)
    while k < len(r.idx) and r.idx[k] < end:
        if r.idx[k] + r.lens[k] > start:
            ids.add(r.first + k)
        k += 1
    if not ids:
        return None
    root = next((i for i in sorted(ids) if r.head(i) not in ids or r.head(i) == i), min(ids))
    # the word the mention depends on: its verb, adjective or noun, skipping prepositions
    # ("criticism of [Smith]" → "criticism") and possessives ("[Smith]'s failure" → "failure")
    gov = None
    t = root
    while r.head(t) != t:
        t = r.head(t)
        if r.pos[t - r.first] not in ("ADP", "PART", "CCONJ", "PUNCT"):
            gov = t
            break
    root_chain = r.chain_of(root)
    gov_near: set[int] = set()
    if gov is not None:
        gov_near = {gov} | {c for c in r.children.get(gov, ()) if r.dep(c) in GOV_NEAR_DEPS
                            and c not in ids and root not in r.chain_of(c)}
    clause = gov if gov is not None else root
    while r.head(clause) != clause and r.pos[clause - r.first] not in ("VERB", "AUX"):
        clause = r.head(clause)
    up = {i: d for d, i in enumerate(root_chain)}
    dep = r.dep(root)
    if dep == "conj":  # "Smith and Jones were praised": Jones takes Smith's role
        dep = r.dep(r.head(root))
    role = ("subject" if dep in SUBJECT_DEPS else "object" if dep in OBJECT_DEPS
            else "possessor" if dep == "poss" else "prep_object" if dep == "pobj" else "other")
    head = r.head(root)
    speaker_verbs = [v for v in r.speech_verbs if (head == v and dep in SUBJECT_DEPS)
                     or any(r.dep(c) == "agent" and head == c for c in r.children.get(v, ()))]
    groups, closeness, gov_index, speaker_words = [], [], set(), set()
    for k, w in enumerate(r.words):
        i = w.i
        if i in ids:
            groups.append("")
            closeness.append(0.0)
            continue
        chain = w.chain
        if root in chain:
            g = "own"
        elif i in gov_near:
            g = "gov"
            if i == gov:
                gov_index.add(k)
        elif clause in chain and not _coordinated_away(r, chain, clause, up):
            g = "clause"
        else:
            g = "rest"
        groups.append(g)
        d = next((n + up[a] for n, a in enumerate(chain) if a in up), len(chain) + len(root_chain))
        closeness.append(math.exp(-(max(d, 1) - 1) / 2.0))
        if speaker_verbs and r.said_by(speaker_verbs, chain):
            speaker_words.add(k)
    qc = r.quoted_chars
    in_quote = qc is not None and any(qc[max(0, start - r.start): max(0, end - r.start)])
    return TargetReading(groups, closeness, role, gov_index, bool(speaker_verbs), speaker_words, in_quote)


def _coordinated_away(r: SentenceReading, chain: tuple[int, ...], clause: int, up: dict[int, int]) -> bool:
    """Is the word in a coordinated clause of its own ("praised [X] and *condemned* Y")? What a
    coordinated verb says is a separate statement, about its own subject and object."""
    for a in chain:
        if a == clause:
            return False
        if a not in up and r.dep(a) == "conj" and r.pos[a - r.first] in ("VERB", "AUX"):
            return True
    return False


_VADER_SLOT = {"own": _T["own_pos"], "gov": _T["gov_pos"], "clause": _T["clause_pos"], "rest": _T["rest_pos"]}
_NEWS_SLOT = {"own": _T["news_own_pos"], "gov": _T["news_gov_pos"], "clause": _T["news_clause_pos"]}


def target_parts(r: SentenceReading, t: TargetReading, lex: Lexicon) -> Parts:
    """The inputs toward one person as (inputs not tied to a word, each word's share), numbered after
    the sentence inputs (``add_parts`` puts the two together)."""
    const = [0.0] * len(TARGET_FEATURES)
    o = len(SENTENCE_FEATURES)
    const[_T["is_subject"] - o] = 1.0 if t.role == "subject" else 0.0
    const[_T["is_object"] - o] = 1.0 if t.role == "object" else 0.0
    const[_T["is_possessor"] - o] = 1.0 if t.role == "possessor" else 0.0
    const[_T["is_prep_object"] - o] = 1.0 if t.role == "prep_object" else 0.0
    const[_T["is_speaker"] - o] = 1.0 if t.speaker else 0.0
    const[_T["in_quote"] - o] = 1.0 if t.in_quote else 0.0
    vecs = []
    for k, w in enumerate(r.words):
        x: list[tuple[int, float]] = []
        vecs.append(x)
        g = t.groups[k]
        if not g:
            continue
        if w.valence:
            v = w.valence / 4.0
            x.append((_VADER_SLOT[g] + (0 if v > 0 else 1), v))
            x.append((_T["near"], v * t.closeness[k]))
            if k in t.gov_index:
                if t.role == "subject":
                    x.append((_T["subj_gov"], v))
                elif t.role == "object":
                    x.append((_T["obj_gov"], v))
            if k in t.speaker_words:
                x.append((_T["speaker_content"], v))
        p, q = lex.get(w.lemma, (0.0, 0.0)) if w.lemma else (0.0, 0.0)
        if p or q:
            if g in _NEWS_SLOT:
                x.append((_NEWS_SLOT[g], p))
                x.append((_NEWS_SLOT[g] + 1, q))
            x.append((_T["news_near_pos"], p * t.closeness[k]))
            x.append((_T["news_near_neg"], q * t.closeness[k]))
    return const, vecs


def add_parts(a: Parts, b: Parts) -> Parts:
    """Sentence parts followed by target parts: the target model's inputs."""
    return a[0] + b[0], [x + y for x, y in zip(a[1], b[1])]
