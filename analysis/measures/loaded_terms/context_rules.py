"""Context checks an entry may name (``context = ...``): each reads the parse around a match.

- ``label``: not part of a proper name ("Conservative Party", "Conservative rule").
- ``person``: stuck on a person ("conservative Prime Minister Kishida"), not "conservative estimate".
- ``government``: "regime" naming a government, not "sanctions regime".
- ``unattributed``: not what a speaker says or calls something.
- ``people``: a verb with a physical meaning done by people, not by a storm or a fire.
- ``always``: flagged even where it looks like a proper name.
- ``judgement``: an evaluative adjective with a plain use too ("toxic", "dangerous", "weak"): flagged
  when it judges a person, a group or what people do and say ("a dangerous demagogue", "his toxic
  rhetoric", "the plan is weak", "his botched handling": abstract nouns made from verbs and adjectives
  count), not a thing ("toxic waste", "a dangerous road", "a weak currency").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...context import DocContext
from .lexicon import Entry, ScareRule
from .quotes import _opens_sentence, is_speech

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

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


# What an evaluative adjective judges when it is the writer's verdict: people and what they do or say.
JUDGED_NOUNS = frozenset(
    {"policy", "plan", "proposal", "bill", "law", "measure", "rule", "decision", "move", "idea", "agenda",
     "ideology", "view", "belief", "rhetoric", "remark", "comment", "statement", "claim", "speech", "tweet",
     "post", "message", "language", "attack", "campaign", "response", "approach", "strategy", "tactic",
     "behavior", "behaviour", "conduct", "leadership", "administration", "regime", "movement", "politics",
     "argument", "narrative", "theory", "lie", "stance", "position", "record", "action", "effort",
     "crackdown", "order", "mandate", "program", "programme", "reform", "scheme", "deal", "candidacy",
     "presidency", "tenure", "cult", "ally", "mob", "network", "lobby", "elite",
     "establishment", "left", "right", "party", "government", "media", "press", "ideologue", "extremist",
     "radical", "radicals", "talk", "views", "conspiracy", "propaganda", "vision", "crusade",
     "culture", "person", "people", "individual", "group", "faction", "wing", "follower", "base",
     # promises and excuses ("empty promises", "a hollow gesture"), accusations ("false allegations"),
     # and what a government imposes ("draconian lockdown", "sweeping ban", "massive tax hike")
     "promise", "pledge", "gesture", "apology", "excuse", "threat", "accusation", "allegation", "assertion",
     "premise", "dichotomy", "equivalence", "tax", "cut", "hike", "spending",
     "increase", "overhaul", "change", "expansion", "bailout", "regulation", "restriction", "ban",
     "lockdown", "sanction", "tariff", "debt", "deficit", "giveaway", "power", "overreach", "attempt",
     "support", "reality", "myth", "step", "trip", "visit", "rebuke", "record", "failure", "mistake", "error"}
)


# Endings of abstract nouns made from verbs and adjectives: what people do, decide or are ("his botched
# handling", "rampant corruption", "a harsh reality", "squalid conditions"), never a substance or a place.
ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "ing")


# Plain nouns the adjectives also go with as terms of art: "false information", "a false alarm", "a false
# positive", "weak readings" are no verdict on anyone.
PLAIN_NOUNS = frozenset({"information", "data", "reading", "readings", "alarm", "positive", "negative", "start", "testing"})


def _abstract(tok: Token) -> bool:
    word = tok.lower_
    return (tok.pos_ == "NOUN" and len(word) > 6 and word.rstrip("s").endswith(ABSTRACT_ENDINGS)
            and word not in PLAIN_NOUNS)


def _judged(tok: Token) -> bool:
    if tok.ent_type_ in PEOPLE_ENTITIES:
        return True
    lemma = tok.lemma_.lower()
    return (
        tok.lower_ in PERSONAL_PRONOUNS
        or lemma in PERSON_NOUNS
        or lemma in GROUP_NOUNS
        or lemma in JUDGED_NOUNS
        or tok.lower_ in JUDGED_NOUNS
        or _abstract(tok)
    )


def _judges_people(span: SpacySpan) -> bool:
    """True when an adjective describes a person, a group or what people do and say (see ``judgement``)."""
    tok = span.root
    h = tok
    while h.dep_ == "conj" and h.head is not h:  # "a reckless and dangerous plan"
        h = h.head
    if h.dep_ == "amod":
        return _judged(h.head)
    if h.dep_ in ("acomp", "attr", "oprd"):
        verb = h.head
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj and verb.dep_ in ("xcomp", "ccomp", "relcl") and verb.head is not verb:
            # "called the plan dangerous", "a man who is dangerous"
            obj = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubj")]
            return any(_judged(o) for o in obj) or (verb.dep_ == "relcl" and _judged(verb.head))
        return any(_judged(s) for s in subj)
    return False


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
    if entry.context == "judgement":
        return _judges_people(span)
    # any: still not part of a multi-word proper name ("Outrageous Fortune Ltd")
    return not (
        all(t.text[:1].isupper() for t in span if t.is_alpha)
        and any(t.ent_type_ in NAME_ENTITY_LABELS for t in span)
        and not _opens_sentence(span[0])
    )
