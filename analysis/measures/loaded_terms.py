"""Loaded terms: words the outlet chose that carry a judgement, a feeling or a side.

Two sources of findings:

* The curated lexicon ``resources/lexicons/loaded_terms.toml`` (plus the user's
  ``loaded_terms*.toml`` files, merged in). Entries are lemmas, matched with two spaCy
  ``PhraseMatcher``\\ s built once per ``Vocab``: one on ``LEMMA`` (so "slammed" finds "slam") and one
  on ``LOWER`` (the term as written and any listed ``forms``; this catches words the tagger lemmatises
  oddly, e.g. "left" in "far-left" becoming "leave"). An entry may restrict parts of speech and may
  name a context check that reads the parse:

  - ``label``: a political label is not flagged when it is part of a proper name: capitalised in the
    middle of a sentence ("Conservative rule", "the Left-Wing Alliance") or followed by a party word
    ("Conservative Party").
  - ``person``: words with an everyday meaning ("conservative estimate", "liberal democracy") are
    flagged only when stuck on a person: the word modifies (through amod/compound links) a PERSON
    entity or a person's title ("conservative Prime Minister Kishida"), or stands beside a person as
    an apposition or predicate.
  - ``government``: "regime" counts only when it names a government, not "sanctions regime".
  - ``unattributed``: euphemisms are not flagged when the parse makes them what a speaker says or
    calls something ("Moscow called it a special military operation").

* The scare-quote rule (``rule:scare-quote``): a phrase of 1-5 words in quotation marks (straight
  or curly, double or single) that nobody is quoted as saying. Quotation marks are paired by their
  shape and the spacing around them; a quoted phrase is someone's words when the dependency parse
  makes it the content of a verb of saying (its clause, object or "as"/"of" phrase: Biden asserted
  that Kyiv had to "clean up corruption"; he described it as a "war crime"), and it is a name when it
  follows a verb of naming ("a document known as the ...") or is written in title case. Neither is a
  scare quote. Quotes introduced by a colon and quotes that open a sentence are speech, not scare
  quotes. A quote whose only link to a verb of saying is as its subject ("the 'experts' said") is
  still the writer's.

Words inside quotations are not flagged by the lexicon. Slant measures the outlet's own voice: a
loaded word inside a speaker's quotation is the speaker's, and it is reported by the attribution
measure as a quote with its source. Flagging it as the outlet's word choice would blame the outlet
for accurately quoting someone (the "bitter lesson" in a quoted speech, the "unwavering support" in
a quoted ministry statement). Inside a scare quote the whole quoted phrase is one finding, not also
its words. Boilerplate (``ctx.in_body``) is skipped; headlines are the outlet's words and count.

Lexicons are cached; the cache key includes the user's lexicon files (path, size, mtime), so adding
or editing a user file takes effect on the next call. ``clear_cache()`` drops everything.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable

from .. import lexicons
from ..context import DocContext
from ..lexicons import LexiconError
from ..results import LoadedTerm
from . import PerVocab

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span as SpacySpan, Token
    from spacy.vocab import Vocab

NAME = "loaded_terms"
BUILTIN_ORIGIN = f"resources/lexicons/{NAME}.toml"
SCARE_RULE = "rule:scare-quote"

CONTEXTS = frozenset({"any", "label", "person", "government", "unattributed", "people", "always"})
UPOS = frozenset(
    {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
     "PUNCT", "SCONJ", "SYM", "VERB", "X"}
)
TERM_KEYS = frozenset(
    {"term", "category", "weight", "why", "alternatives", "context", "pos", "forms", "source", "disabled", "note"}
)
REQUIRED_TERM_KEYS = ("term", "category", "weight", "why")

# Words after a capitalised label that make it a party's or group's name ("Conservative Party").
PARTY_WORDS = frozenset(
    {"party", "parties", "democrats", "democrat", "republicans", "alliance", "front", "league", "union",
     "movement", "bloc", "coalition", "caucus", "mp", "mps", "group", "congress", "federation"}
)
# Nouns that name a person by role: a label modifying one of these is stuck on a person.
PERSON_NOUNS = frozenset(
    {"president", "minister", "premier", "chancellor", "leader", "politician", "lawmaker", "legislator",
     "senator", "congressman", "congresswoman", "representative", "governor", "mayor", "candidate",
     "judge", "justice", "activist", "commentator", "pundit", "journalist", "host", "writer", "author",
     "professor", "academic", "economist", "billionaire", "donor", "mp", "spokesman", "spokeswoman",
     "spokesperson", "strategist", "nominee", "secretary", "ambassador", "diplomat", "lawyer",
     "campaigner", "figure", "firebrand", "hero", "icon", "man", "woman", "king", "queen", "prince",
     "dictator", "ruler", "chief", "chairman", "chairwoman", "official", "adviser", "advisor", "aide",
     "thinker", "intellectual", "philosopher", "blogger", "influencer", "columnist", "critic"}
)
# "regime" is neutral with these modifiers ("sanctions regime", "visa regime", "training regime").
NEUTRAL_REGIME_WORDS = frozenset(
    {"sanction", "sanctions", "tax", "visa", "trade", "regulatory", "export", "import", "control",
     "inspection", "treatment", "drug", "training", "exercise", "diet", "fitness", "safeguard",
     "verification", "monitoring", "tariff", "currency", "exchange", "rate", "flow", "climate", "legal",
     "accounting", "reporting", "pension", "licensing", "nonproliferation", "proliferation", "arms",
     "price", "fiscal", "monetary", "water", "fire", "rainfall", "temperature", "hydrological", "wind",
     "dosing", "dose", "medication", "testing", "quarantine", "border", "immigration", "asylum",
     "investment", "subsidy", "tariff", "compliance", "disclosure", "privacy", "data", "copyright",
     "patent", "customs", "quota", "emissions", "emission", "carbon", "capital", "banking", "insolvency",
     "regulation", "regulations", "oversight", "supervisory", "new", "current", "existing", "international"}
)
NAME_ENTITY_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT", "LAW", "FAC", "PRODUCT"})
# Dependency relations through which a quote is what a verb of saying says.
CONTENT_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "obj", "attr", "oprd", "parataxis", "dep", "intj", "acomp", "npadvmod"}
)
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "oprd"})
CONTENT_PREPS = frozenset({"as", "of", "about"})
# Words that introduce a source rather than what it says: a quote under them names the source.
SOURCING_LEMMAS = frozenset({"cite", "accord", "quote", "base", "attribute"})
SMALL_TITLE_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "de", "at", "or", "with"})

DOUBLE_OPEN = frozenset("“„«")
DOUBLE_CLOSE = frozenset("”»")
SINGLE_OPEN = frozenset("‘‹")
SINGLE_CLOSE = frozenset("’›")
DOUBLE_AMBIG = frozenset('"″')
SINGLE_AMBIG = frozenset("'")
OPEN_CONTEXT = frozenset("([{—–-/")


# ------------------------------------------------------------------------------------------ lexicon
@dataclass(frozen=True)
class Entry:
    term: str
    category: str
    weight: float
    why: str
    alternatives: tuple[str, ...] = ()
    context: str = "any"
    pos: frozenset[str] = frozenset()
    forms: tuple[str, ...] = ()
    source: str = ""
    origin: str = BUILTIN_ORIGIN

    @property
    def rule(self) -> str:
        return f"lexicon:{NAME}/{self.term}"


@dataclass(frozen=True)
class ScareRule:
    weight: float
    max_words: int
    why: str
    alternatives: tuple[str, ...]
    say_verbs: frozenset[str]
    naming_verbs: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    categories: dict[str, dict[str, str]]
    scare: ScareRule
    signature: tuple = field(default=(), compare=False)

    def by_term(self, term: str) -> list[Entry]:
        return [e for e in self.entries if e.term == term]


def norm_term(term: str) -> str:
    return " ".join(term.lower().split())


def _entry_error(origin: str, n: int, raw: Any, problem: str) -> LexiconError:
    term = raw.get("term") if isinstance(raw, dict) else None
    label = f"[[term]] #{n}" + (f" (term = {term!r})" if isinstance(term, str) else "")
    return LexiconError(f"{origin}: {label}: {problem}")


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _validate_categories(data: dict[str, Any], origin: str) -> dict[str, dict[str, str]]:
    cats = data.get("categories", {})
    if not isinstance(cats, dict):
        raise LexiconError(f"{origin}: [categories] must be a table of tables")
    out = {}
    for name, table in cats.items():
        if not isinstance(table, dict):
            raise LexiconError(f"{origin}: [categories.{name}] must be a table")
        for key in ("label", "explanation"):
            if not isinstance(table.get(key), str) or not table[key].strip():
                raise LexiconError(f"{origin}: [categories.{name}] needs a non-empty text {key!r}")
        out[name] = {"label": table["label"].strip(), "explanation": " ".join(table["explanation"].split())}
    return out


def _validate_terms(
    data: dict[str, Any], origin: str, categories: dict[str, dict[str, str]]
) -> list[tuple[Entry, bool]]:
    """Parse the ``[[term]]`` array; return (entry, disabled) pairs or raise naming file and entry."""
    raw_terms = data.get("term", [])
    if not isinstance(raw_terms, list):
        raise LexiconError(f"{origin}: 'term' must be an array of tables written as [[term]]")
    out = []
    for n, raw in enumerate(raw_terms, start=1):
        if not isinstance(raw, dict):
            raise _entry_error(origin, n, raw, "must be a table")
        unknown = sorted(set(raw) - TERM_KEYS)
        if unknown:
            raise _entry_error(origin, n, raw, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(TERM_KEYS))}")
        term = raw.get("term")
        if not isinstance(term, str) or not norm_term(term):
            raise _entry_error(origin, n, raw, "'term' must be a non-empty text")
        category = raw.get("category")
        if not isinstance(category, str) or category not in categories:
            raise _entry_error(
                origin, n, raw,
                f"'category' must be one of {', '.join(sorted(categories))} (or add a [categories.{category}] table)",
            )
        disabled = raw.get("disabled", False)
        if not isinstance(disabled, bool):
            raise _entry_error(origin, n, raw, "'disabled' must be true or false")
        if disabled:
            out.append((Entry(norm_term(term), category, 0.0, "", origin=origin), True))
            continue
        missing = [k for k in REQUIRED_TERM_KEYS if k not in raw]
        if missing:
            raise _entry_error(origin, n, raw, f"missing {', '.join(missing)}")
        weight = raw["weight"]
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0.0 <= float(weight) <= 1.0:
            raise _entry_error(origin, n, raw, f"'weight' must be a number from 0 to 1, not {weight!r}")
        why = raw["why"]
        if not isinstance(why, str) or not why.strip():
            raise _entry_error(origin, n, raw, "'why' must be a non-empty text explaining the word")
        alternatives = raw.get("alternatives", [])
        if not _str_list(alternatives):
            raise _entry_error(origin, n, raw, "'alternatives' must be a list of texts (it may be empty: [])")
        context = raw.get("context", "any")
        if context not in CONTEXTS:
            raise _entry_error(origin, n, raw, f"'context' must be one of {', '.join(sorted(CONTEXTS))}")
        pos = raw.get("pos", [])
        if not _str_list(pos) or not set(pos) <= UPOS:
            raise _entry_error(origin, n, raw, f"'pos' must be a list of part-of-speech tags from {', '.join(sorted(UPOS))}")
        forms = raw.get("forms", [])
        if not _str_list(forms) or not all(norm_term(f) for f in forms):
            raise _entry_error(origin, n, raw, "'forms' must be a list of non-empty texts")
        source = raw.get("source", "")
        if not isinstance(source, str):
            raise _entry_error(origin, n, raw, "'source' must be a text")
        entry = Entry(
            term=norm_term(term),
            category=category,
            weight=float(weight),
            why=" ".join(why.split()),
            alternatives=tuple(a.strip() for a in alternatives if a.strip()),
            context=context,
            pos=frozenset(pos),
            forms=tuple(dict.fromkeys(norm_term(f) for f in forms)),
            source=source,
            origin=origin,
        )
        out.append((entry, False))
    return out


def _scare_rule(data: dict[str, Any], origin: str) -> ScareRule:
    rule = data.get("rules", {}).get("scare_quote")
    if not isinstance(rule, dict):
        raise LexiconError(f"{origin}: missing [rules.scare_quote] table")
    try:
        weight = float(rule["weight"])
        max_words = int(rule["max_words"])
        why = " ".join(str(rule["why"]).split())
        alternatives = tuple(rule.get("alternatives", []))
        say = frozenset(v.lower() for v in rule["say_verbs"])
        naming = frozenset(v.lower() for v in rule["naming_verbs"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise LexiconError(f"{origin}: [rules.scare_quote] is malformed ({exc!r})") from exc
    if not 0.0 <= weight <= 1.0 or max_words < 1 or "{text}" not in why:
        raise LexiconError(f"{origin}: [rules.scare_quote] needs weight 0..1, max_words >= 1 and {{text}} in why")
    return ScareRule(weight, max_words, why, alternatives, say, naming)


def build_lexicon(builtin: dict[str, Any], user: Iterable[tuple[str, dict[str, Any]]] = ()) -> Lexicon:
    """Validate the built-in data and merge user files ``(origin, data)`` into one ``Lexicon``."""
    categories = _validate_categories(builtin, BUILTIN_ORIGIN)
    scare = _scare_rule(builtin, BUILTIN_ORIGIN)
    merged: dict[tuple[str, str], Entry] = {}
    for entry, _ in _validate_terms(builtin, BUILTIN_ORIGIN, categories):
        key = (entry.term, entry.category)
        if key in merged:
            raise LexiconError(f"{BUILTIN_ORIGIN}: term {entry.term!r} appears twice in category {entry.category!r}")
        merged[key] = entry
    for origin, data in user:
        categories = {**categories, **_validate_categories(data, origin)}
        for entry, disabled in _validate_terms(data, origin, categories):
            key = (entry.term, entry.category)
            if disabled:
                merged.pop(key, None)
            else:
                merged[key] = entry
    return Lexicon(tuple(merged.values()), categories, scare)


@lru_cache(maxsize=8)
def _load(signature: tuple) -> Lexicon:
    builtin = lexicons.load_builtin(NAME)
    lex = build_lexicon(builtin, [(str(path), data) for path, data in lexicons.load_user(NAME)])
    return Lexicon(lex.entries, lex.categories, lex.scare, signature)


def load_lexicon() -> Lexicon:
    """The lexicon in effect: built-in plus the user's files. Raises ``LexiconError`` when malformed."""
    return _load(lexicons.user_signature(NAME))


# ----------------------------------------------------------------------------------------- matchers
@dataclass
class _Compiled:
    lexicon: Lexicon
    lemma: Any  # PhraseMatcher(attr="LEMMA")
    lower: Any  # PhraseMatcher(attr="LOWER")
    quotes: Any  # Matcher for quotation-mark tokens
    entries: dict[int, Entry]  # match id -> entry


def _pattern_doc(vocab: Vocab, text: str, lemma: bool) -> Doc:
    from spacy.tokens import Doc

    from ..nlp import get_tokenizer

    tokens = get_tokenizer().tokenizer(text)
    doc = Doc(vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])
    if lemma:
        for t in doc:
            t.lemma_ = t.lower_
    return doc


def _compile(vocab: Vocab, lex: Lexicon) -> _Compiled:
    from spacy.matcher import Matcher, PhraseMatcher

    lemma_m = PhraseMatcher(vocab, attr="LEMMA")
    lower_m = PhraseMatcher(vocab, attr="LOWER")
    entries: dict[int, Entry] = {}
    for entry in lex.entries:
        key = f"{NAME}|{entry.category}|{entry.term}"
        match_id = vocab.strings.add(key)
        entries[match_id] = entry
        lemma_m.add(key, [_pattern_doc(vocab, entry.term, lemma=True)])
        surface = dict.fromkeys((entry.term, *entry.forms))
        lower_m.add(key, [_pattern_doc(vocab, s, lemma=False) for s in surface])
    quotes = Matcher(vocab)
    quotes.add("QUOTE_MARK", [[{"IS_QUOTE": True}]])
    return _Compiled(lex, lemma_m, lower_m, quotes, entries)


_compiled: PerVocab[_Compiled] = PerVocab(_compile, limit=8)


def compiled_for(vocab: Vocab) -> _Compiled:
    """Matchers for the lexicon in effect, built once per ``Vocab`` (and rebuilt when the lexicon changes)."""
    lex = load_lexicon()
    return _compiled.get(vocab, lex.signature, lex)


def clear_cache() -> None:
    """Forget loaded lexicons and built matchers (after changing lexicon files in a running process)."""
    _load.cache_clear()
    lexicons.load_builtin.cache_clear()
    _compiled.clear()


# ------------------------------------------------------------------------------------------ quotes
@dataclass(frozen=True)
class Quote:
    open: int  # token index of the opening mark
    close: int  # token index of the closing mark


def _char_before(text: str, idx: int) -> str:
    return text[idx - 1] if idx > 0 else " "


def _char_after(text: str, idx: int) -> str:
    return text[idx] if idx < len(text) else " "


def _role(tok: Token, text: str) -> tuple[str, str] | None:
    """(family, "open"/"close") for a quotation mark, or None when it cannot be told (an apostrophe)."""
    ch = tok.text
    if len(ch) != 1:
        return None
    if ch in DOUBLE_OPEN:
        return ("double", "open")
    if ch in DOUBLE_CLOSE:
        return ("double", "close")
    if ch in SINGLE_OPEN:
        return ("single", "open")
    if ch in SINGLE_CLOSE:
        return ("single", "close")
    if ch in DOUBLE_AMBIG or ch in SINGLE_AMBIG:
        family = "double" if ch in DOUBLE_AMBIG else "single"
        before = _char_before(text, tok.idx)
        after = _char_after(text, tok.idx + 1)
        if (before.isspace() or before in OPEN_CONTEXT) and not after.isspace():
            return (family, "open")
        if not before.isspace():
            return (family, "close")
    return None


def quotes_of(ctx: DocContext) -> list[Quote]:
    """The article's paired quotation marks, found once and shared (loaded terms, hedges)."""
    if "quotes" not in ctx.shared:
        ctx.shared["quotes"] = find_quotes(ctx.doc, compiled_for(ctx.doc.vocab).quotes)
    return ctx.shared["quotes"]


def find_quotes(doc: Doc, quote_matcher: Any) -> list[Quote]:
    """Pair quotation marks into quotes, by shape and spacing; unclosed marks are dropped."""
    text = doc.text
    open_at: dict[str, int | None] = {"double": None, "single": None}
    out = []
    for _, start, _end in quote_matcher(doc):
        role = _role(doc[start], text)
        if role is None:
            continue
        family, kind = role
        if kind == "open":
            open_at[family] = start
        elif open_at[family] is not None:
            out.append(Quote(open_at[family], start))
            open_at[family] = None
    out.sort(key=lambda q: q.open)
    return out


def _words(span: SpacySpan) -> list[Token]:
    return [t for t in span if any(c.isalnum() for c in t.text)]


def _is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def is_speech(span: SpacySpan, say: frozenset[str], naming: frozenset[str], *, clause_only: bool = False) -> bool:
    """True when the parse makes ``span`` what a verb of saying says, or the name a naming verb gives.

    Walk up from the span's root to the first verb of saying or naming. The span is speech when it
    hangs from that verb as its clause, object or "as"/"of"/"about" phrase. It is not speech when it
    is the verb's subject ("the 'experts' said"), or when the path passes a sourcing word ("citing
    unnamed 'government sources'", "according to"): there the quote names a source, in the writer's
    words. The small English model often reads "said in 2021 that ..." as a relative clause on the
    date; a path that comes through such a "that" clause under a preposition still counts as content.
    With ``clause_only`` (for words without quotation marks) a verb of saying must take the span in
    its clause ("said it was a ..."), not as its object: "praised the special military operation"
    does not make the phrase the praiser's words.
    """
    if len(span) == 0:
        return False
    child = span.root
    tok = child.head
    via_that_clause = False
    for _ in range(12):
        if tok is child:
            break
        lemma = tok.lemma_.lower()
        if lemma in SOURCING_LEMMAS:
            return False
        if _is_verbal(tok) and (lemma in say or lemma in naming):
            if clause_only and lemma not in naming and child.dep_ not in CLAUSE_DEPS:
                return False
            if child.dep_ in CONTENT_DEPS:
                return True
            if child.dep_ == "prep" and (child.lower_ in CONTENT_PREPS or via_that_clause):
                return True
            return False  # the quote is the speaker or a circumstance, not what is said
        if tok.dep_ in ("relcl", "acl", "ccomp") and any(c.lower_ == "that" and c.i < tok.i for c in tok.children):
            via_that_clause = True
        child, tok = tok, tok.head
    return False


def _is_title(words: list[Token]) -> bool:
    caps = [w for w in words if w.lower_ not in SMALL_TITLE_WORDS]
    if not caps or not all(w.text[:1].isupper() for w in caps):
        return False
    return len(words) >= 2 or caps[0].pos_ == "PROPN"


def _opens_sentence(tok: Token) -> bool:
    """True when only spaces and punctuation stand between the sentence start and ``tok``."""
    doc = tok.doc
    i = tok.i
    while True:
        if doc[i].is_sent_start or i == 0:
            return True
        i -= 1
        if not (doc[i].is_space or doc[i].is_punct):
            return False


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


# ------------------------------------------------------------------------------------- context checks
def _proper_use(span: SpacySpan, ctx: DocContext) -> bool:
    """True when a matched label is (part of) a proper name: a party, an organisation, a title."""
    first = span[0]
    if any(t.ent_type_ in NAME_ENTITY_LABELS for t in span) and all(t.text[:1].isupper() for t in span if t.is_alpha):
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in PARTY_WORDS and nxt.text[:1].isupper():
        return True
    in_headline = ctx.is_headline(first.idx, first.idx + len(first.text))
    capitalised = all(t.text[:1].isupper() for t in span if t.is_alpha)
    return capitalised and not in_headline and not _opens_sentence(first)


def _is_person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in PERSON_NOUNS or tok.lower_ in PERSON_NOUNS


def _on_person(span: SpacySpan) -> bool:
    """True when the label is stuck on a person (modifier of, apposition to or predicate of one)."""
    tok = span.root
    if tok.pos_ in ("NOUN", "PROPN") and (
        tok.ent_type_ == "PERSON" or any(c.ent_type_ == "PERSON" and c.dep_ in ("appos", "compound") for c in tok.children)
    ):
        return True
    h = tok
    for _ in range(4):
        if h.dep_ not in ("amod", "compound", "nmod", "appos", "conj") or h.head is h:
            break
        h = h.head
        if _is_person(h):
            return True
    if tok.dep_ in ("attr", "acomp"):
        subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(_is_person(s) for s in subj)
    return False


def _names_government(span: SpacySpan) -> bool:
    tok = span.root
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "nummod") and (c.lemma_.lower() in NEUTRAL_REGIME_WORDS or c.lower_ in NEUTRAL_REGIME_WORDS):
            return False
        if c.dep_ == "prep" and c.lower_ in ("for", "on"):
            return False
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and not any(o.ent_type_ in ("GPE", "PERSON", "NORP") for o in objs):
                return False
    return True


# Subjects that are people acting together: "critics slammed", "the party blasted", "Democrats gutted".
GROUP_NOUNS = frozenset(
    {"critic", "opponent", "supporter", "rival", "democrat", "republican", "conservative", "liberal",
     "progressive", "activist", "protester", "campaigner", "party", "government", "administration",
     "campaign", "union", "group", "committee", "council", "opposition", "media", "press", "outlet",
     "company", "firm", "voter", "resident", "member", "parent", "student", "worker", "employee", "fan",
     "user", "expert", "analyst", "observer", "lawmaker", "legislator", "congress", "senate", "house",
     "court", "board", "team", "player", "coach", "manager", "leader", "people", "someone", "anyone",
     "migrant", "immigrant", "refugee", "seeker", "alien", "illegal", "illegals", "crowd", "tourist",
     "visitor", "citizen", "family", "child", "man", "woman", "rioter", "investor"}
)
AMOUNT_NOUNS = frozenset({"thousand", "hundred", "dozen", "million", "number", "score", "lot", "wave", "stream"})
PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who", "one"})
PEOPLE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _done_by_people(span: SpacySpan) -> bool:
    """For a verb with a physical meaning: True unless the text says a thing does it ("the hurricane
    slammed into the coast", "a fire gutted the building", "winds blasted the town")."""
    verb = span.root
    if any(c.dep_ == "prep" and c.lower_ in ("into", "against", "onto") for c in verb.children):
        return False  # "slammed into the coast": the physical sense
    doer = None
    for c in verb.children:
        if c.dep_ == "nsubj":
            doer = c
        elif c.dep_ == "agent":
            doer = next((g for g in c.children if g.dep_ == "pobj"), doer)
    if doer is None:
        return True  # the text does not say who: the charged reading stands
    # "thousands of migrants", "a crowd of protesters": the people are in the "of" phrase
    of = next((c for c in doer.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    amount = doer.like_num or doer.ent_type_ in ("CARDINAL", "QUANTITY") or doer.lemma_.lower() in AMOUNT_NOUNS
    if of is not None and (amount or doer.lemma_.lower() in GROUP_NOUNS):
        doer = next((g for g in of.children if g.dep_ == "pobj"), doer)
    if doer.ent_type_:
        return doer.ent_type_ in PEOPLE_ENTITIES
    word = doer.lemma_.lower()
    return (
        doer.lower_ in PERSONAL_PRONOUNS
        or word in PERSON_NOUNS
        or word in GROUP_NOUNS
        or doer.lower_ in GROUP_NOUNS
    )


def _context_ok(entry: Entry, span: SpacySpan, ctx: DocContext, rule: ScareRule) -> bool:
    if entry.context == "label":
        return not _proper_use(span, ctx)
    if entry.context == "person":
        return not _proper_use(span, ctx) and _on_person(span)
    if entry.context == "government":
        return not _proper_use(span, ctx) and _names_government(span)
    if entry.context == "unattributed":
        return not is_speech(span, rule.say_verbs, rule.naming_verbs, clause_only=True)
    if entry.context == "people":
        return _done_by_people(span)
    if entry.context == "always":
        return True
    # any: still not part of a multi-word proper name ("Outrageous Fortune Ltd")
    return not (
        all(t.text[:1].isupper() for t in span if t.is_alpha)
        and any(t.ent_type_ in NAME_ENTITY_LABELS for t in span)
        and not _opens_sentence(span[0])
    )


# --------------------------------------------------------------------------------------------- main
def find_loaded_terms(ctx: DocContext) -> tuple[LoadedTerm, ...]:
    doc = ctx.doc
    if len(doc) == 0:
        return ()
    comp = compiled_for(doc.vocab)
    rule = comp.lexicon.scare
    quotes = quotes_of(ctx)
    found = scare_quotes(ctx, quotes, rule)

    # Token ranges inside quotation marks: the speaker's words (or the scare quote), not the outlet's.
    quoted = bytearray(len(doc))
    for q in quotes:
        quoted[q.open + 1 : q.close] = b"\x01" * (q.close - q.open - 1)

    def inside_quote(start: int, end: int) -> bool:
        return bool(quoted[start] and quoted[end - 1])

    candidates: dict[tuple[int, int], Entry] = {}
    for match_id, start, end in [*comp.lemma(doc), *comp.lower(doc)]:
        entry = comp.entries.get(match_id)
        if entry is None:
            continue
        prev = candidates.get((start, end))
        if prev is not None and prev.weight >= entry.weight:
            continue
        span = doc[start:end]
        if entry.pos and span.root.pos_ not in entry.pos:
            continue
        if inside_quote(start, end):
            continue
        if not ctx.in_body(span.start_char, span.end_char):
            continue
        if not _context_ok(entry, span, ctx, rule):
            continue
        candidates[(start, end)] = entry

    # Overlaps: keep the longest match (then the heavier one).
    taken = bytearray(len(doc))
    for (start, end), entry in sorted(candidates.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), -kv[1].weight, kv[0][0])):
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        span = doc[start:end]
        found.append(
            LoadedTerm(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                category=entry.category,
                weight=entry.weight,
                why=entry.why,
                alternatives=entry.alternatives,
                rule=entry.rule,
            )
        )
    found.sort(key=lambda t: (t.start, t.end))
    return tuple(found)


def category_info(name: str) -> dict[str, str]:
    """Label and plain-words explanation of a category (for the window and exports)."""
    return load_lexicon().categories.get(name, {"label": name.replace("_", " "), "explanation": ""})
