"""The teacher's own hedges, as the lexicon editor reads and writes them (no Qt here).

Like ``analysis.user_lexicon`` for loaded terms: the built-in ``resources/lexicons/hedges.toml`` is never
written; the editor keeps one file, ``hedges_editor.toml`` in the user's lexicon folder, applied after the
user's other ``hedges*.toml`` files. In it:

- ``disabled = ["could", ...]``: the ids of hedges switched off (built-in ones, the user's other files' or
  the editor's own);
- ``[[hedge]]`` entries of the user's own, each written from a plain phrase ("in the cards") as a spaCy
  token pattern matching those words in any case (``[[{LOWER = "in"}, {LOWER = "the"}, {LOWER = "cards"}]]``),
  with a kind (one of the built-in kinds) and a reason.

Each write is checked first with the loader's own checks (``analysis.lexicon_schema``) and written atomically.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import lexicons
from .editor_file import EditorFile, editor_meta, toml_value

NAME = "hedges"
OWN_PREFIX = "mine-"


@dataclass(frozen=True)
class HedgeRow:
    id: str
    kind: str
    why: str
    words: str  # what it finds, in words (the phrase, or the built-in patterns' words)
    enabled: bool
    source: str  # "builtin" or "user"
    origin: str
    editable: bool  # one of the editor's own entries


def pattern_words(patterns: list[list[dict[str, Any]]]) -> str:
    """The words a hedge's patterns look for, readable ("could", "is said / believed to ...")."""
    out = []
    for pattern in patterns[:3]:
        words = []
        for spec in pattern:
            value = next((spec[a] for a in ("LOWER", "ORTH", "TEXT", "LEMMA") if a in spec), None)
            if isinstance(value, str):
                words.append(value.lower())
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                words.append(" / ".join(str(v).lower() for v in value["IN"][:4])
                             + (" …" if len(value["IN"]) > 4 else ""))
            else:
                words.append("…")
        out.append(" ".join(words))
    return "; ".join(out) + ("; …" if len(patterns) > 3 else "")


def phrase_pattern(phrase: str) -> list[dict[str, str]]:
    """A token pattern for ``phrase`` split as the analysis splits text (so "so-called" is three tokens)."""
    from .nlp import get_tokenizer

    return [{"LOWER": t.lower_} for t in get_tokenizer().tokenizer(" ".join(phrase.split())) if not t.is_space]


def own_id(phrase: str) -> str:
    return OWN_PREFIX + re.sub(r"[^a-z0-9]+", "-", phrase.lower()).strip("-")


class UserHedges(EditorFile):
    NAME = NAME

    def reload(self) -> None:
        self.builtin: dict[str, dict[str, Any]] = {str(h["id"]): h for h in lexicons.load_builtin(NAME).get("hedge", [])}
        self.kinds = sorted({str(h["kind"]) for h in self.builtin.values()})
        self.others: dict[str, tuple[dict[str, Any], str]] = {}
        self.others_off: dict[str, str] = {}  # id -> the user file that switches it off
        self.mine: dict[str, dict[str, Any]] = {}
        self.off: list[str] = []
        self.meta = editor_meta(NAME)
        from .lexicon_schema import check

        for path in self._user_paths():
            data = self._read(path)
            check(NAME, data, str(path))
            if path.name == self.path.name:
                self.meta = {k: str(v) for k, v in data["meta"].items()}
                self.mine = {str(h["id"]): dict(h) for h in data.get("hedge", [])}
                self.off = [str(i) for i in data.get("disabled", [])]
            else:
                self.others.update({str(h["id"]): (dict(h), path.name) for h in data.get("hedge", [])})
                self.others_off.update({str(i): path.name for i in data.get("disabled", [])})

    def rows(self) -> list[HedgeRow]:
        out = []
        for hid in dict.fromkeys([*self.builtin, *self.others, *self.mine]):
            if hid in self.mine:
                raw, origin = self.mine[hid], self.path.name
            elif hid in self.others:
                raw, origin = self.others[hid]
            else:
                raw, origin = self.builtin[hid], f"resources/lexicons/{NAME}.toml"
            out.append(HedgeRow(
                id=hid, kind=str(raw["kind"]), why=" ".join(str(raw["why"]).split()),
                words=pattern_words(raw["patterns"]), enabled=hid not in self.off and hid not in self.others_off,
                source="builtin" if hid in self.builtin else "user", origin=origin,
                editable=hid in self.mine and hid not in self.builtin))
        return out

    def row(self, hid: str) -> HedgeRow:
        for r in self.rows():
            if r.id == hid:
                return r
        raise KeyError(hid)

    def put_hedge(self, phrase: str, kind: str, why: str, replace: str | None = None) -> str:
        """Add (or, with ``replace``, change) a hedge of the user's own, found by the words of ``phrase``."""
        problems = []
        if not phrase.strip():
            problems.append("the phrase is empty")
        if kind not in self.kinds:
            problems.append(f"unknown kind {kind!r} (use one of {', '.join(self.kinds)})")
        if not why.strip():
            problems.append("a reason is needed: say in plain words what the hedge does to the statement")
        if replace is not None and replace not in self.mine:
            problems.append(f"{replace!r} is not one of your hedges: built-in hedges can be switched off, not changed")
        hid = own_id(phrase)
        if not problems and hid != replace and hid in {*self.builtin, *self.others, *self.mine}:
            problems.append(f"you already have a hedge for {' '.join(phrase.split())!r}")
        pattern = phrase_pattern(phrase) if not problems else []
        if not problems and not pattern:
            problems.append("the phrase has no words")
        if problems:
            raise ValueError("; ".join(problems))
        entry = {"id": hid, "kind": kind, "why": " ".join(why.split()), "patterns": [pattern]}
        if replace is not None and replace != hid:
            del self.mine[replace]
            self.off = [hid if i == replace else i for i in self.off]
        self.mine[hid] = entry
        return hid

    def set_enabled(self, hid: str, on: bool) -> None:
        if hid not in {*self.builtin, *self.others, *self.mine}:
            raise KeyError(hid)
        if on:
            if hid in self.others_off:
                raise ValueError(f"{hid!r} is switched off in your file {self.others_off[hid]}: change it there")
            self.off = [i for i in self.off if i != hid]
        elif hid not in self.off:
            self.off.append(hid)

    def delete(self, hid: str) -> None:
        if hid not in self.mine or hid in self.builtin:
            raise ValueError(f"{hid!r} is not one of your hedges in the editor: it can be switched off, not deleted")
        del self.mine[hid]
        self.off = [i for i in self.off if i != hid]

    def text(self) -> str:
        lines = ["# Written by Slant's lexicon editor (Tools > Lexicon editor). Applied after the built-in hedges",
                 "# and your other hedges*.toml files; `disabled` lists the ids of hedges switched off.", ""]
        if self.off:  # a top-level key: before the first table
            lines += [f"disabled = {toml_value(self.off)}", ""]
        lines.append("[meta]")
        lines += [f"{k} = {toml_value(v)}" for k, v in self.meta.items()]
        for entry in self.mine.values():
            lines += ["", "[[hedge]]"] + [f"{k} = {toml_value(v)}" for k, v in entry.items()]
        return "\n".join(lines) + "\n"

    def check(self, data: dict[str, Any]) -> None:
        from .lexicon_schema import check

        check(NAME, data, str(self.path))

    def is_empty(self) -> bool:
        return not self.mine and not self.off
