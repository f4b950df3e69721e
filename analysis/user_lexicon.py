"""The teacher's own loaded terms, as the lexicon editor reads and writes them (no Qt here).

The built-in lexicon (``resources/lexicons/loaded_terms.toml``) is never written. Everything the editor
changes goes to one file in the user's lexicon folder, ``loaded_terms_editor.toml``
(``analysis.lexicons.editor_file``), in exactly the shape the loader reads for any user file, and the loader
applies it after the user's other files, so what is set in the editor wins:

- a term of the user's own: a full ``[[term]]`` entry (term, category, weight, why, alternatives ...);
- a term switched off: the same entry with ``disabled = true``; for a built-in term (or one from another
  user file) a short ``[[term]]`` with just ``term``, ``category`` and ``disabled = true``. Switching it on
  again removes that line, so the built-in entry is back as it was.

Every write is checked first: the new file's text is parsed with ``tomllib`` and merged with the built-in
lexicon by the loader's own code (``build_lexicon``), so a file the loader would refuse is never written;
then it is written atomically (``analysis.export.atomic``).

CSV (``export_csv`` / ``import_csv``): columns ``term, category, reason, alternatives, weight, enabled,
source``; alternatives are separated by ``"; "``; cells are made formula-safe as in the other CSV exports
(``analysis.export.safe``) and read back without the added apostrophes. An import checks every row first and
changes nothing when any row is wrong, listing each bad row by its line number.
"""
from __future__ import annotations

import copy
import csv
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from . import lexicons
from .editor_file import EditorFile, editor_meta, toml_key, toml_value
from .editor_file import toml_string as toml_string  # noqa: F401  (re-exported: tests import it from here)
from .export import atomic
from .export.safe import cell
from .lexicons import LexiconError

NAME = "loaded_terms"
CSV_COLUMNS = ("term", "category", "reason", "alternatives", "weight", "enabled", "source")
ALT_SEPARATOR = "; "
DEFAULT_WEIGHT = 0.5
_TRUE = {"true", "yes", "y", "1", "on", ""}
_FALSE = {"false", "no", "n", "0", "off"}
# Keys a term entry may keep, in the order they are written.
_KEY_ORDER = ("term", "category", "disabled", "weight", "why", "alternatives", "context", "pos", "forms",
              "source", "note")

Key = tuple[str, str]  # (normalised term, category)


def norm_term(term: str) -> str:
    return " ".join(term.lower().split())


@dataclass(frozen=True)
class Row:
    """One loaded term as the editor shows it."""
    term: str
    category: str
    reason: str
    alternatives: tuple[str, ...]
    weight: float
    enabled: bool
    source: str  # "builtin" or "user"
    origin: str  # the file it comes from (the built-in file, a user file, or the editor's file)
    editable: bool  # a term of the user's own that lives in the editor's file

    @property
    def key(self) -> Key:
        return (self.term, self.category)


class CsvImportError(ValueError):
    """A CSV file that cannot be imported; ``problems`` lists ``(line, message)`` for every bad row."""

    def __init__(self, problems: list[tuple[int, str]]):
        self.problems = problems
        lines = [f"line {n}: {msg}" if n else msg for n, msg in problems]
        super().__init__("Nothing was imported:\n" + "\n".join(lines))


def render(meta: dict[str, str], categories: dict[str, dict[str, str]], terms: Iterable[dict[str, Any]]) -> str:
    """The editor's file as TOML text."""
    lines = ["# Written by Slant's lexicon editor (Tools > Lexicon editor). Entries here are applied after the",
             "# built-in lexicon and your other loaded_terms*.toml files; `disabled = true` switches a term off.",
             "", "[meta]"]
    lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in meta.items()]
    for name, table in categories.items():
        lines += ["", f"[categories.{toml_key(name)}]"]
        lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in table.items()]
    for entry in terms:
        lines += ["", "[[term]]"]
        keys = [k for k in _KEY_ORDER if k in entry] + [k for k in entry if k not in _KEY_ORDER]
        lines += [f"{toml_key(k)} = {toml_value(entry[k])}" for k in keys]
    return "\n".join(lines) + "\n"


def default_meta() -> dict[str, str]:
    return editor_meta(NAME)


# -- the state the editor works on


def _key_of(raw: dict[str, Any]) -> Key:
    return (norm_term(str(raw.get("term", ""))), str(raw.get("category", "")))


def _is_bare_disable(raw: dict[str, Any]) -> bool:
    return bool(raw.get("disabled")) and "why" not in raw


class UserLexicon(EditorFile):
    """The loaded terms in effect, as built-in, other user files and the editor's own file, with the
    operations of the editor. Changes stay in memory until ``save()``."""

    NAME = NAME

    # reading
    def reload(self) -> None:
        builtin = lexicons.load_builtin(NAME)
        self.builtin: dict[Key, dict[str, Any]] = {_key_of(t): t for t in builtin.get("term", [])}
        self.categories: dict[str, str] = {k: v["label"] for k, v in builtin.get("categories", {}).items()}
        self.others: dict[Key, tuple[dict[str, Any], str]] = {}  # other user files, merged in order
        self.meta = default_meta()
        self.own_categories: dict[str, dict[str, str]] = {}
        self.mine: dict[Key, dict[str, Any]] = {}
        from .measures.loaded_terms.lexicon import build_lexicon

        layers = [(path, self._read(path)) for path in self._user_paths()]
        build_lexicon(builtin, [(str(p), d) for p, d in layers])  # a broken file: LexiconError naming it
        for path, data in layers:
            for name, table in (data.get("categories") or {}).items():
                if isinstance(table, dict) and isinstance(table.get("label"), str):
                    self.categories[name] = table["label"]
            if path.name == self.path.name:
                self.meta = {k: str(v) for k, v in data["meta"].items()}
                self.own_categories = dict(data.get("categories") or {})
                for raw in data.get("term", []):
                    self.mine[_key_of(raw)] = dict(raw)
            else:
                for raw in data.get("term", []):
                    self.others[_key_of(raw)] = (dict(raw), path.name)

    def _effective(self, key: Key) -> tuple[dict[str, Any], str]:
        if key in self.mine:
            return self.mine[key], self.path.name
        if key in self.others:
            return self.others[key]
        return self.builtin[key], f"resources/lexicons/{NAME}.toml"

    def _base(self, key: Key) -> dict[str, Any] | None:
        """The full entry beneath the editor's file for ``key`` (another user file's, else the built-in)."""
        if key in self.others and not _is_bare_disable(self.others[key][0]):
            return self.others[key][0]
        return self.builtin.get(key)

    def rows(self) -> list[Row]:
        return [self._row(key) for key in dict.fromkeys([*self.builtin, *self.others, *self.mine])]

    def row(self, key: Key) -> Row:
        if not self.has(key):
            raise KeyError(key)
        return self._row(key)

    def _row(self, key: Key) -> Row:
        raw, origin = self._effective(key)
        full = raw if not _is_bare_disable(raw) else (self._base(key) or raw)
        return Row(
            term=key[0], category=key[1], reason=" ".join(str(full.get("why", "")).split()),
            alternatives=tuple(full.get("alternatives", ())), weight=float(full.get("weight", 0.0)),
            enabled=not raw.get("disabled", False), source="builtin" if key in self.builtin else "user",
            origin=origin, editable=key not in self.builtin and key in self.mine and not _is_bare_disable(raw),
        )

    def has(self, key: Key) -> bool:
        return key in self.builtin or key in self.others or key in self.mine

    # changing
    def check_term(self, term: str, category: str, reason: str, alternatives: Iterable[str],
                   weight: float = DEFAULT_WEIGHT) -> list[str]:
        """What is wrong with these values for a term (empty when fine)."""
        problems = []
        if not norm_term(term):
            problems.append("the term is empty")
        if category not in self.categories:
            problems.append(f"unknown category {category!r} (use one of {', '.join(sorted(self.categories))})")
        if not reason.strip():
            problems.append("a reason is needed: say in plain words what the word does to the reader")
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 <= weight <= 1:
            problems.append(f"the weight must be a number from 0 to 1, not {weight!r}")
        if any(not isinstance(a, str) for a in alternatives):
            problems.append("alternatives must be texts")
        return problems

    def put_term(self, term: str, category: str, reason: str, alternatives: Iterable[str],
                 weight: float = DEFAULT_WEIGHT, enabled: bool = True, replace: Key | None = None) -> Key:
        """Add a term of the user's own, or change one (``replace``: the key it had). Built-in terms are
        not edited (only switched off and on). Raises ``ValueError`` naming what is wrong."""
        alternatives = [a.strip() for a in alternatives if a.strip()]
        problems = self.check_term(term, category, reason, alternatives, weight)
        key = (norm_term(term), category)
        if not problems and key in self.builtin:
            problems.append(f"{key[0]!r} is already a built-in term in {self.categories[category]!r}; "
                            "built-in terms can be switched off, not changed")
        elif not problems and key != replace and (key in self.mine or key in self.others):
            problems.append(f"{key[0]!r} is already in the lexicon under {self.categories[category]!r}")
        if replace is not None and replace in self.builtin:
            problems.append("built-in terms can be switched off, not changed")
        if problems:
            raise ValueError("; ".join(problems))
        old = self.mine.get(replace) if replace is not None else None
        base = old or (self._base(replace) if replace is not None else None) or {}
        entry: dict[str, Any] = {k: copy.deepcopy(v) for k, v in base.items()
                                 if k in ("context", "pos", "forms", "source", "note")}
        entry.update(term=term.strip(), category=category, weight=float(weight), why=" ".join(reason.split()),
                     alternatives=alternatives)
        if not enabled:
            entry["disabled"] = True
        if replace is not None and replace != key:
            self.mine.pop(replace, None)
            if replace in self.others:  # renamed a term of another user file: that file's term is switched off
                self.mine[replace] = {"term": replace[0], "category": replace[1], "disabled": True}
        self.mine[key] = entry
        return key

    def set_enabled(self, key: Key, on: bool) -> None:
        if not self.has(key):
            raise KeyError(key)
        raw = self.mine.get(key)
        if on:
            if raw is not None and _is_bare_disable(raw):
                del self.mine[key]
            elif raw is not None:
                raw.pop("disabled", None)
            if self.row(key).enabled:
                return
            base = self._base(key)  # another user file switched it off: the editor's file switches it on
            if base is None:
                raise ValueError(f"{key[0]!r} has no entry to switch on")
            entry = {k: copy.deepcopy(v) for k, v in base.items() if k != "disabled"}
            self.mine[key] = entry
        else:
            if raw is not None and not _is_bare_disable(raw):
                raw["disabled"] = True
            else:
                self.mine[key] = {"term": key[0], "category": key[1], "disabled": True}

    def delete(self, key: Key) -> None:
        """Remove a term of the user's own (kept in the editor's file). Built-in terms are only switched off."""
        if key in self.builtin:
            raise ValueError(f"{key[0]!r} is a built-in term: it can be switched off, not deleted")
        if key not in self.mine:
            where = self.others[key][1] if key in self.others else "no file"
            raise ValueError(f"{key[0]!r} comes from your file {where}: remove it there")
        del self.mine[key]

    # saving
    def text(self) -> str:
        return render(self.meta, self.own_categories, self.mine.values())

    def check(self, data: dict[str, Any]) -> None:
        from .measures.loaded_terms.lexicon import build_lexicon

        build_lexicon(lexicons.load_builtin(NAME), [(str(self.path), data)])

    def is_empty(self) -> bool:
        return not self.mine and not self.own_categories

    # CSV
    def export_csv(self, path: str | os.PathLike[str], rows: Iterable[Row] | None = None) -> int:
        """Write ``rows`` (default: every term) as CSV; returns how many were written."""
        rows = list(self.rows() if rows is None else rows)
        out = io.StringIO(newline="")
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(CSV_COLUMNS)
        for r in rows:
            w.writerow([cell(r.term), cell(r.category), cell(r.reason), cell(ALT_SEPARATOR.join(r.alternatives)),
                        f"{r.weight:g}", "true" if r.enabled else "false", r.source])
        atomic.write_bytes(path, out.getvalue().encode("utf-8-sig"))
        return len(rows)

    def import_csv(self, path: str | os.PathLike[str]) -> int:
        """Apply a CSV file (see the module docstring): every row is checked first; on any problem nothing
        changes and ``CsvImportError`` lists every bad row by line number. Returns how many rows changed
        something. Built-in rows set only whether the term is on; user rows add or replace the user's term."""
        from .sources import SourceError, read_bytes

        try:  # only a regular file, at most as big as a lexicon file may be (a FIFO is refused, not waited on)
            text = read_bytes(path, limit=lexicons.MAX_USER_FILE, what="CSV files of terms").decode("utf-8-sig")
        except SourceError as exc:
            raise CsvImportError([(0, str(exc))]) from exc
        except UnicodeDecodeError as exc:
            raise CsvImportError([(0, f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})")]) from exc
        return self.import_csv_text(text)

    def import_csv_text(self, text: str) -> int:
        problems: list[tuple[int, str]] = []
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            raise CsvImportError([(1, "the file is empty: it needs a header line "
                                      f"({', '.join(CSV_COLUMNS)})")]) from None
        except csv.Error as exc:
            raise CsvImportError([(1, f"not readable as CSV ({exc})")]) from exc
        line = reader.line_num
        unknown = [h for h in header if h not in CSV_COLUMNS]
        missing = [c for c in ("term", "category") if c not in header]
        if unknown or missing:
            msg = []
            if missing:
                msg.append(f"missing column(s) {', '.join(missing)}")
            if unknown:
                msg.append(f"unknown column(s) {', '.join(unknown)}")
            raise CsvImportError([(1, "; ".join(msg) + f" (the columns are {', '.join(CSV_COLUMNS)})")])
        plan: list[tuple[str, Any]] = []
        seen: dict[Key, int] = {}
        while True:
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                problems.append((reader.line_num, f"not readable as CSV ({exc})"))
                break
            start, line = line + 1, reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(header):
                problems.append((start, f"{len(values)} cells where the header has {len(header)}"))
                continue
            row = {h: _uncell(v).strip() for h, v in zip(header, values)}
            step, problem = self._plan_row(row)
            if problem is None:
                key = step[1] if step[0] == "enable" else (norm_term(row["term"]), row["category"])
                if key in seen:
                    problem = f"{key[0]!r} in {key[1]!r} is already on line {seen[key]}"
                else:
                    seen[key] = start
            if problem is not None:
                problems.append((start, problem))
            else:
                plan.append(step)
        if problems:
            raise CsvImportError(problems)
        before = {k: copy.deepcopy(v) for k, v in self.mine.items()}
        changed = 0
        try:
            for kind, *args in plan:
                if kind == "enable":
                    key, on = args
                    if self.row(key).enabled != on:
                        self.set_enabled(key, on)
                        changed += 1
                else:
                    term, category, reason, alts, weight, on = args
                    key = (norm_term(term), category)
                    if key in self.mine or key in self.others:
                        old = self.row(key)
                        if (old.reason, old.alternatives, old.weight, old.enabled) == (
                                " ".join(reason.split()), tuple(alts), weight, on):
                            continue
                    self.put_term(term, category, reason, alts, weight, on,
                                  replace=key if (key in self.mine or key in self.others) else None)
                    changed += 1
            self.validate()
        except (ValueError, LexiconError) as exc:
            self.mine = before
            raise CsvImportError([(0, str(exc))]) from exc
        return changed

    def _plan_row(self, row: dict[str, str]) -> tuple[tuple, str | None]:
        term, category = row.get("term", ""), row.get("category", "")
        key = (norm_term(term), category)
        if not key[0]:
            return (), "the term is empty"
        if category not in self.categories:
            return (), f"unknown category {category!r} (use one of {', '.join(sorted(self.categories))})"
        enabled_text = row.get("enabled", "").lower()
        if enabled_text not in _TRUE | _FALSE:
            return (), f"'enabled' must be true or false, not {row['enabled']!r}"
        on = enabled_text in _TRUE
        source = row.get("source", "").lower() or ("builtin" if key in self.builtin else "user")
        if source not in ("builtin", "user"):
            return (), f"'source' must be builtin or user, not {row['source']!r}"
        if source == "builtin":
            if key not in self.builtin:
                return (), f"{key[0]!r} is not a built-in term in {category!r} (write source = user to add it)"
            return ("enable", key, on), None
        if key in self.builtin:
            return (), (f"{key[0]!r} is a built-in term in {category!r}: built-in terms can only be switched "
                        "on or off (source = builtin)")
        weight_text = row.get("weight", "")
        try:
            weight = float(weight_text) if weight_text else DEFAULT_WEIGHT
        except ValueError:
            return (), f"'weight' must be a number from 0 to 1, not {weight_text!r}"
        alts = [a.strip() for a in row.get("alternatives", "").split(";") if a.strip()]
        reason = row.get("reason", "")
        problems = self.check_term(term, category, reason, alts, weight)
        if problems:
            return (), "; ".join(problems)
        return ("put", term, category, reason, alts, weight, on), None


_INNER_APOSTROPHE = re.compile(r"([;\t|])'(?=[ \u00a0]*[=+\-@])")


def _uncell(value: str) -> str:
    """A cell's text without the apostrophes ``safe.cell`` added (inverse of it for the texts it changes)."""
    if value.startswith("'") and value[1:].startswith(("=", "+", "-", "@", "\t", "\r")):
        value = value[1:]
    return _INNER_APOSTROPHE.sub(r"\1", value)
