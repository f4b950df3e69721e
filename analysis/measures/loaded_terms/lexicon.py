"""The loaded-terms lexicon: the built-in TOML plus the user's files, validated and merged.

Each ``[[term]]`` becomes an ``Entry``; ``[categories.*]`` give each category a label and a plain
explanation; ``[rules.scare_quote]`` configures the scare-quote rule. Lexicons are cached; the cache key
includes the user's lexicon files (path, size, mtime), so adding or editing a user file takes effect on
the next call.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from ... import lexicons
from ...lexicons import LexiconError

NAME = "loaded_terms"
BUILTIN_ORIGIN = f"resources/lexicons/{NAME}.toml"

CONTEXTS = frozenset({"any", "label", "person", "government", "unattributed", "people", "always", "judgement"})
UPOS = frozenset(
    {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
     "PUNCT", "SCONJ", "SYM", "VERB", "X"}
)
TERM_KEYS = frozenset(
    {"term", "category", "weight", "why", "alternatives", "context", "pos", "forms", "source", "disabled", "note"}
)
REQUIRED_TERM_KEYS = ("term", "category", "weight", "why")


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
    # Nouns after which a quote mentions words rather than uses them ("the word “hoax”").
    mention_nouns: frozenset[str] = frozenset()


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
        mention = frozenset(v.lower() for v in rule.get("mention_nouns", []))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise LexiconError(f"{origin}: [rules.scare_quote] is malformed ({exc!r})") from exc
    if not 0.0 <= weight <= 1.0 or max_words < 1 or "{text}" not in why:
        raise LexiconError(f"{origin}: [rules.scare_quote] needs weight 0..1, max_words >= 1 and {{text}} in why")
    return ScareRule(weight, max_words, why, alternatives, say, naming, mention)


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
