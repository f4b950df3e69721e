"""The shape of each user lexicon file (hedges, reporting verbs, source nouns, naming), checked when read.

A user file that does not fit raises ``LexiconError`` with one message naming the file, the entry and what
is wrong ("hedges_mine.toml: [[hedge]] #2 'in-the-cards': 'kind' must be one of ..., not 'vibes'"), instead
of a bare ``KeyError``/``TypeError`` deep in a measure, or a wrong type being used silently (a string
where a list belongs would be read letter by letter). Unknown tables and keys are refused too: a typo
("lemmaz") would otherwise be ignored without a word. ``loaded_terms`` files are checked by
``analysis.measures.loaded_terms`` (their entries have weights, categories and context rules).
Token patterns are checked with spaCy's own pattern schema (``spacy.schemas.validate_token_pattern``).
"""
from __future__ import annotations

from typing import Any

from .lexicons import LexiconError

Spec = dict[str, tuple[str, bool]]  # key -> (kind, required); kinds: "text", "words", "patterns"


def _type_name(value: Any) -> str:
    return {str: "text", list: "a list", dict: "a table", bool: "true/false", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


class _Checker:
    def __init__(self, origin: str):
        self.origin = origin

    def fail(self, where: str, problem: str) -> LexiconError:
        return LexiconError(f"{self.origin}: {where}: {problem}")

    def top(self, data: dict[str, Any], allowed: dict[str, str]) -> None:
        """Only the known top-level tables (``allowed``: key -> how it is written, for the message)."""
        for key in data:
            if key != "meta" and key not in allowed:
                shapes = ", ".join(allowed.values())
                raise self.fail(f"{key!r}", f"unknown table (this file may hold [meta], {shapes})")

    def value(self, where: str, key: str, value: Any, kind: str) -> None:
        if kind == "text":
            if not isinstance(value, str) or not value.strip():
                raise self.fail(where, f"{key!r} must be non-empty text, not {_type_name(value)} {value!r}")
        elif kind == "words":
            if not isinstance(value, list):
                raise self.fail(where, f"{key!r} must be a list of words such as [\"a\", \"b\"], "
                                       f"not {_type_name(value)} {value!r}")
            for i, w in enumerate(value, 1):
                if not isinstance(w, str) or not w.strip():
                    raise self.fail(where, f"{key!r} item {i} must be a non-empty word, "
                                           f"not {_type_name(w)} {w!r}")
        elif kind == "patterns":
            self.patterns(where, key, value)
        else:  # pragma: no cover - a spec error
            raise AssertionError(kind)

    def patterns(self, where: str, key: str, value: Any) -> None:
        if not isinstance(value, list) or not value or not all(isinstance(p, list) and p for p in value):
            raise self.fail(where, f"{key!r} must be a list of token patterns, each a list of tables "
                                   f"(e.g. [[{{LOWER = \"in\"}}, {{LOWER = \"doubt\"}}]]), not {value!r}")
        try:
            from spacy.schemas import validate_token_pattern
        except ImportError:  # pragma: no cover - spaCy is a dependency; the structure was checked above
            return
        for i, pattern in enumerate(value, 1):
            errors = validate_token_pattern(pattern)
            if errors:
                raise self.fail(where, f"{key!r} pattern {i} is not a valid spaCy token pattern "
                                       f"({'; '.join(errors[:3])})")

    def table(self, where: str, table: Any, spec: Spec) -> None:
        if not isinstance(table, dict):
            raise self.fail(where, f"must be a table (a [{where.strip('[]')}] header with keys under it), "
                                   f"not {_type_name(table)} {table!r}")
        for key, value in table.items():
            if key not in spec:
                raise self.fail(where, f"unknown key {key!r} (allowed: {', '.join(spec)})")
            self.value(where, key, value, spec[key][0])
        for key, (_, required) in spec.items():
            if required and key not in table:
                raise self.fail(where, f"{key!r} is missing")

    def entries(self, data: dict[str, Any], name: str, spec: Spec, label_key: str) -> None:
        """An array of tables written ``[[name]]``; each entry named by its number and ``label_key``."""
        items = data.get(name, [])
        if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
            raise self.fail(f"{name!r}", f"must be entries written as [[{name}]] tables, not {items!r}")
        for n, entry in enumerate(items, 1):
            label = entry.get(label_key)
            where = f"[[{name}]] #{n}" + (f" {label!r}" if isinstance(label, str) else "")
            self.table(where, entry, spec)


def _hedge_kinds() -> list[str]:
    from .lexicons import load_builtin

    return sorted({h["kind"] for h in load_builtin("hedges").get("hedge", [])})


def _hedges(c: _Checker, data: dict[str, Any]) -> None:
    c.top(data, {"hedge": "[[hedge]] entries", "disabled": "disabled = [ids of hedges to switch off]"})
    if "disabled" in data:
        c.value("disabled", "disabled", data["disabled"], "words")
    c.entries(data, "hedge", {"id": ("text", True), "kind": ("text", True), "why": ("text", True),
                              "patterns": ("patterns", True), "unless_next": ("words", False)}, "id")
    kinds = _hedge_kinds()
    for n, entry in enumerate(data.get("hedge", []), 1):
        if entry["kind"] not in kinds:
            raise c.fail(f"[[hedge]] #{n} {entry['id']!r}",
                         f"'kind' must be one of {', '.join(kinds)}, not {entry['kind']!r}")


def _reporting_verbs(c: _Checker, data: dict[str, Any]) -> None:
    from .measures.attribution import CLASSES

    c.top(data, {"class": "[class.<name>]", "frame": "[frame.<name>]", "nominal": "[nominal.<class>]",
                 "adjective": "[adjective.<class>]", "stance_noun": "[stance_noun.<class>]",
                 "affect_verb": "[affect_verb.<class>]",
                 "emotive_adverbs": "[emotive_adverbs]", "excluded": "[excluded]"})
    lemmas: Spec = {"lemmas": ("words", True), "why": ("text", False)}
    frames = ("characterise", "instruction", "passive_only", "object", "people_only", "to_clause", "phrasal",
              "document_object", "document_subject", "speech", "support", "in_document", "holding")
    for group, allowed in (("class", CLASSES), ("frame", frames), ("nominal", CLASSES), ("adjective", CLASSES),
                           ("stance_noun", CLASSES), ("affect_verb", CLASSES)):
        tables = data.get(group, {})
        if not isinstance(tables, dict):
            raise c.fail(f"{group!r}", f"must be tables written [{group}.<name>], not {tables!r}")
        for key, table in tables.items():
            if key not in allowed:
                raise c.fail(f"[{group}.{key}]", f"unknown {group} (use one of {', '.join(allowed)})")
            if group == "nominal" or key in ("in_document", "holding"):  # "in a statement", "Trump's claim that", "in a poll"
                spec: Spec = {"nouns": ("words", True), "why": ("text", False)}
            elif key == "phrasal":  # a verb and its preposition: "call for", "point to"
                spec = {"phrases": ("words", True), "why": ("text", False)}
            elif group in ("adjective", "stance_noun", "affect_verb"):  # "was sure that", "is critical of", "an opponent of"
                spec = {"words": ("words", True), "why": ("text", False)}
            elif key == "support":  # a light verb and a noun: "issued a statement"
                spec = {"verbs": ("words", True), "nouns": ("words", True), "why": ("text", False)}
            else:
                spec = lemmas
            c.table(f"[{group}.{key}]", table, spec)
    for key in ("emotive_adverbs", "excluded"):
        if key in data:
            c.table(f"[{key}]", data[key], {"words": ("words", True), "why": ("text", False)})


def _source_nouns(c: _Checker, data: dict[str, Any]) -> None:
    heads = ("anonymous", "institution", "document", "roles", "vague")
    c.top(data, {**{k: f"[{k}]" for k in heads}, "anonymous_markers": "[anonymous_markers]"})
    for key in heads:
        if key in data:
            c.table(f"[{key}]", data[key], {"heads": ("words", True), "why": ("text", False)})
    if "anonymous_markers" in data:
        c.table("[anonymous_markers]", data["anonymous_markers"], {"phrases": ("words", True), "why": ("text", False)})


def _naming(c: _Checker, data: dict[str, Any]) -> None:
    c.top(data, {"titles": "[titles]", "aliases": "[aliases]", "event": "[[event]] entries"})
    if "titles" in data:
        c.table("[titles]", data["titles"], {"words": ("words", True), "why": ("text", False)})
    aliases = data.get("aliases", {})
    if not isinstance(aliases, dict):
        raise c.fail("'aliases'", f"must be a table written [aliases], not {aliases!r}")
    for key, forms in aliases.items():
        c.value(f"[aliases] {key!r}", "forms", forms, "words")
    c.entries(data, "event", {"entity": ("text", True), "label": ("text", False), "why": ("text", True),
                              "patterns": ("patterns", True)}, "entity")


CHECKS = {"hedges": _hedges, "reporting_verbs": _reporting_verbs, "source_nouns": _source_nouns,
          "naming": _naming}


def check(name: str, data: dict[str, Any], origin: str) -> None:
    """Raise ``LexiconError`` when ``data`` (read from ``origin``) does not fit lexicon ``name``."""
    fn = CHECKS.get(name)
    if fn is not None:
        fn(_Checker(origin), data)
