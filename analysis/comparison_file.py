"""Comparison files (``*.slant``): a saved comparison as versioned JSON, never pickle.

A comparison file holds what the user brought and chose, never results:

- ``articles``: each article's full text exactly as it was opened or pasted, its metadata (outlet,
  title, date, byline and any other field ``analysis.sources.Article`` has), where it came from
  (``origin``: ``"file"`` with the file's ``path`` and name, or ``"pasted"``), and whether it is
  shown as a pane (``shown``). Their order is the library's order, so the shown ones give the pane order.
- ``view``: highlight categories switched on or off, text size, page furniture hidden, scrolling
  together, which tab is open.
- ``choices``: a free-form table for later decisions about findings (kept as it is).
- ``lesson`` (optional): the classroom lesson (``analysis.lesson``): blind setting, categories to reveal
  and their order, accepted words, dismissed findings, the students' marks and the scores of each round.
  A comparison file with a lesson section is a *lesson file*. A damaged lesson section is kept as it was
  (saved back unchanged) with a note; the articles still open.

Results are not stored as truth: on opening, each article's analysis comes from the cache or is
recomputed under the analyser in use. ``analyzer_version`` is written only to say what was in use.

Versions: ``"format": "slant.comparison", "version": 1``. An older version is upgraded step by step
(``MIGRATIONS``) or refused with the reason. A newer file opens when its ``readable_by`` says this
version can read it (its extra parts are kept and written back unchanged), else it is refused with
"update Slant". Sections this version does not know (a newer Slant's, say) are kept and saved
back unchanged, with a note.

No Qt here: the window, the CLI and the fuzz tests all use this one loader.
"""
from __future__ import annotations

import dataclasses
import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .lesson import Lesson, LessonError
from .sources import Article, SourceError, read_bytes, text_id

FORMAT = "slant.comparison"
VERSION = 1
SUFFIX = ".slant"
MAX_FILE_BYTES = 160 * 10**6  # six articles at the 20 MB limit, as JSON with escapes, and room to spare
MAX_ARTICLES = 500
KNOWN_SECTIONS = ("format", "version", "readable_by", "saved_by", "saved_at", "analyzer_version", "name",
                  "articles", "view", "choices", "lesson")
ORIGINS = ("file", "pasted")
TABS = ("articles", "dashboard")
FONT_RANGE = (7, 28)
# Article fields stored under their own names; other fields of ``Article`` (added later) are stored too.
_ARTICLE_SKIP = {"text", "id", "path", "notes"}
_RECORD_KEYS = {"id", "text", "origin", "path", "file", "shown", "notes"}

# version n -> function turning a version-n document (dict) into a version n+1 document
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class ComparisonFileError(Exception):
    """A comparison file that cannot be opened; the message says why in a sentence for the user."""


@dataclass
class SavedArticle:
    text: str
    id: str
    meta: dict[str, Any] = field(default_factory=dict)  # outlet, title, date, byline, url, encoding, …
    origin: str = "pasted"  # "file" or "pasted"
    path: str | None = None  # where the file was on the machine that saved it
    shown: bool = True
    notes: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)  # fields of a newer Slant, kept as they are

    @classmethod
    def from_article(cls, article: Article, *, pasted: bool, shown: bool) -> SavedArticle:
        meta = {f.name: getattr(article, f.name) for f in dataclasses.fields(article) if f.name not in _ARTICLE_SKIP}
        return cls(text=article.text, id=article.id, meta=meta, origin="pasted" if pasted or not article.path else "file",
                   path=article.path, shown=shown, notes=tuple(article.notes))

    def to_article(self) -> Article:
        names = {f.name for f in dataclasses.fields(Article)}
        meta = {k: v for k, v in self.meta.items() if k in names and k not in _ARTICLE_SKIP}
        return Article(text=self.text, id=self.id, path=self.path, notes=tuple(self.notes), **meta)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = dict(self.extra)
        d.update({"id": self.id, "origin": self.origin, "shown": self.shown})
        d.update(self.meta)
        if self.path:
            d["path"] = self.path
            d["file"] = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        if self.notes:
            d["notes"] = list(self.notes)
        d["text"] = self.text  # last: the metadata stays readable at the top of each article
        return d


@dataclass
class ComparisonDocument:
    articles: list[SavedArticle] = field(default_factory=list)
    view: dict[str, Any] = field(default_factory=dict)
    choices: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, Any] = field(default_factory=dict)  # sections this version does not know, kept
    lesson: Lesson | None = None  # the classroom lesson, when this is a lesson file
    name: str | None = None
    analyzer_version: str | None = None
    saved_by: str | None = None
    saved_at: str | None = None
    notes: list[str] = field(default_factory=list)  # what happened on loading (for the message bar)

    def to_dict(self, *, saved_by: str | None = None, now: datetime | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {"format": FORMAT, "version": VERSION, "readable_by": VERSION}
        d["saved_by"] = saved_by or self.saved_by
        d["saved_at"] = (now or datetime.now(timezone.utc)).replace(microsecond=0).isoformat()
        if self.name:
            d["name"] = self.name
        d["analyzer_version"] = self.analyzer_version
        d["view"] = dict(self.view)
        d["choices"] = dict(self.choices)
        if self.lesson is not None:
            d["lesson"] = self.lesson.to_dict()
        for k, v in self.sections.items():
            if k not in d and k != "articles":
                d[k] = v
        d["articles"] = [a.to_dict() for a in self.articles]
        return d

    def fingerprint(self) -> str:
        """Identity of the content (articles, metadata, order, view, choices, extra sections), without the
        saving time: equal fingerprints mean nothing changed since the file was saved."""
        import hashlib

        d = self.to_dict(now=datetime(2000, 1, 1, tzinfo=timezone.utc))
        for k in ("saved_at", "saved_by", "analyzer_version", "name"):
            d.pop(k, None)
        for a in d["articles"]:
            a["text"] = len(a["text"])  # texts are never edited in the app: id and length identify them
        return hashlib.sha1(json.dumps(d, sort_keys=True, ensure_ascii=True).encode()).hexdigest()


# ====================================================================== writing
def dumps(doc: ComparisonDocument, *, saved_by: str | None = None) -> str:
    data = doc.to_dict(saved_by=saved_by)
    text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in a text: escape it so the file stays valid UTF-8, exactly
        text = json.dumps(data, ensure_ascii=True, indent=1, allow_nan=False)
    return text + "\n"


def save(path: str | os.PathLike[str], doc: ComparisonDocument, *, saved_by: str | None = None) -> None:
    """Write atomically: a crash or a full disk leaves the old file (if any) as it was."""
    from .export.atomic import write_bytes

    write_bytes(path, dumps(doc, saved_by=saved_by).encode("utf-8"))


# ====================================================================== reading
def load(path: str | os.PathLike[str]) -> ComparisonDocument:
    p = Path(path)
    name = p.name or str(p)
    try:  # the articles' bounded reader: pipes, devices and folders refused before reading
        data = read_bytes(p, MAX_FILE_BYTES, what="comparison files")
    except SourceError as exc:
        raise ComparisonFileError(str(exc)) from exc
    return loads(data, name=name)


def _reject_constant(value: str) -> Any:
    raise ValueError(f"{value} is not a number a comparison file may hold")


def loads(data: bytes | str, *, name: str = "The comparison file") -> ComparisonDocument:
    """Parse and check a comparison file. Raises ``ComparisonFileError`` (never anything else) when it
    cannot be opened; recoverable oddities become ``doc.notes``."""
    if isinstance(data, bytes):
        if not data.strip():
            raise ComparisonFileError(f"{name} is empty.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ComparisonFileError(f"{name} is not a Slant comparison file (it is not UTF-8 text; byte "
                                      f"{exc.start} cannot be read).") from exc
    else:
        text = data[1:] if data.startswith("\ufeff") else data
    if not text.strip():
        raise ComparisonFileError(f"{name} is empty.")
    try:
        raw = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ComparisonFileError(f"{name} is damaged or not a comparison file: {exc.msg} at line {exc.lineno}, "
                                  f"column {exc.colno}.") from exc
    except (ValueError, RecursionError) as exc:
        raise ComparisonFileError(f"{name} is damaged or not a comparison file ({exc}).") from exc
    return from_dict(raw, name=name)


def from_dict(raw: Any, *, name: str = "The comparison file") -> ComparisonDocument:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ComparisonFileError(f"{name} is not a Slant comparison file (it has no \"format\": \"{FORMAT}\").")
    notes: list[str] = []
    raw = _upgrade(raw, name, notes)
    doc = ComparisonDocument(notes=notes)
    doc.name = _opt_str(raw.get("name"))
    doc.analyzer_version = _opt_str(raw.get("analyzer_version"))
    doc.saved_by = _opt_str(raw.get("saved_by"))
    doc.saved_at = _opt_str(raw.get("saved_at"))
    articles = raw.get("articles")
    if not isinstance(articles, list):
        raise ComparisonFileError(f"{name} has no list of articles.")
    if len(articles) > MAX_ARTICLES:
        raise ComparisonFileError(f"{name} holds {len(articles)} articles; Slant opens at most {MAX_ARTICLES}.")
    seen: set[str] = set()
    for i, item in enumerate(articles, 1):
        art = _article(item, i, name)
        if art.id in seen:
            notes.append(f"Article {i} had the same id as an earlier one ({art.id}); it was given its own.")
            art.id = f"{art.id}-{i}"
        seen.add(art.id)
        doc.articles.append(art)
    doc.view = _view(raw.get("view"), notes)
    choices = raw.get("choices", {})
    if isinstance(choices, dict):
        doc.choices = choices
    else:
        notes.append("The file's \"choices\" section is not a table; it was left out.")
    if "lesson" in raw:
        try:
            doc.lesson = Lesson.from_dict(raw["lesson"])
        except LessonError as exc:  # the articles still open; the damaged section is saved back as it was
            notes.append(f"The lesson in {name} could not be read ({exc}); the articles are open, and the lesson "
                         "section is kept unchanged in the file.")
            doc.sections["lesson"] = raw["lesson"]
    doc.sections.update({k: v for k, v in raw.items() if k not in KNOWN_SECTIONS})
    unknown = sorted(k for k in doc.sections if k not in KNOWN_SECTIONS)
    if unknown:
        names = ", ".join(unknown)
        notes.append(f"This file has parts this version of Slant does not use ({names}); they are kept and "
                     "saved back unchanged.")
    return doc


def _upgrade(raw: dict[str, Any], name: str, notes: list[str]) -> dict[str, Any]:
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ComparisonFileError(f"{name} has no valid format version, so Slant cannot tell how to read it.")
    if version > VERSION:
        readable_by = raw.get("readable_by")
        if isinstance(readable_by, int) and not isinstance(readable_by, bool) and readable_by <= VERSION:
            notes.append(f"{name} was saved by a newer Slant (format version {version}); what this version does "
                         "not know is kept and saved back unchanged.")
            return raw
        raise ComparisonFileError(f"{name} was saved by a newer Slant (comparison format version {version}; this "
                                  f"Slant reads up to version {VERSION}). Update Slant to open it.")
    while version < VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            if version < 1:
                raise ComparisonFileError(f"{name} has format version {version}, which no Slant release wrote; it "
                                          "cannot be opened.")
            raise ComparisonFileError(f"{name} is in comparison format version {version}, which this Slant can no "
                                      "longer read.")
        raw = step(dict(raw))
        notes.append(f"{name} was saved by an older Slant (format version {version}) and has been updated; "
                     "saving writes the current format.")
        version += 1
    return raw


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _article(item: Any, i: int, name: str) -> SavedArticle:
    where = f"{name}, article {i}"
    if not isinstance(item, dict):
        raise ComparisonFileError(f"{where}: not a table of fields.")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ComparisonFileError(f"{where} has no text.")
    art_id = item.get("id")
    if not isinstance(art_id, str) or not art_id.strip():
        art_id = text_id(text)
    origin = item.get("origin")
    if origin not in ORIGINS:
        origin = "file" if isinstance(item.get("path"), str) else "pasted"
    path = item.get("path") if isinstance(item.get("path"), str) and item.get("path") else None
    shown = item.get("shown", True)
    if not isinstance(shown, bool):
        raise ComparisonFileError(f"{where}: \"shown\" must be true or false.")
    notes = item.get("notes", [])
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        raise ComparisonFileError(f"{where}: \"notes\" must be a list of sentences.")
    fields = [f for f in dataclasses.fields(Article) if f.name not in _ARTICLE_SKIP]
    meta_names = [f.name for f in fields]
    meta: dict[str, Any] = {}
    for f in fields:
        v = item.get(f.name)
        if isinstance(f.default, bool):  # a yes/no field (e.g. encoding_chosen)
            if v is None:
                continue
            if not isinstance(v, bool):
                raise ComparisonFileError(f"{where}: \"{f.name}\" must be true or false.")
        elif v is not None and not isinstance(v, str):
            raise ComparisonFileError(f"{where}: \"{f.name}\" must be text, not {type(v).__name__}.")
        meta[f.name] = v
    extra = {k: v for k, v in item.items() if k not in _RECORD_KEYS and k not in meta_names}
    return SavedArticle(text=text, id=art_id, meta=meta, origin=origin, path=path, shown=shown,
                        notes=tuple(notes), extra=extra)


def _view(raw: Any, notes: list[str]) -> dict[str, Any]:
    """The view settings that are valid; anything else is dropped with a note (the file still opens)."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        notes.append("The file's view settings are damaged; the current ones are kept.")
        return {}
    view: dict[str, Any] = {}
    bad: list[str] = []
    for k, v in raw.items():
        if k == "categories":
            if isinstance(v, dict) and all(isinstance(c, str) and isinstance(b, bool) for c, b in v.items()):
                view[k] = dict(v)
            else:
                bad.append(k)
        elif k == "font_pt":
            if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) \
                    and FONT_RANGE[0] <= v <= FONT_RANGE[1]:
                view[k] = int(v)
            else:
                bad.append(k)
        elif k in ("hide_furniture", "scroll_together"):
            if isinstance(v, bool):
                view[k] = v
            else:
                bad.append(k)
        elif k == "tab":
            if v in TABS:
                view[k] = v
            else:
                bad.append(k)
        else:
            view[k] = v  # a newer Slant's setting: kept as it is
    if bad:
        notes.append(f"Some view settings in the file were not valid ({', '.join(bad)}); the current ones are kept.")
    return view
