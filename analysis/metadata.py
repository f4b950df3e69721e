"""Metadata for the user's own files: front matter at the top of a text file, and a metadata file
beside the articles (the demo's ``seeds/seeds.toml`` format).

Front matter is the ``---`` block static-site generators and pandoc put at the top of Markdown::

    ---
    outlet: Kyodo News
    title: "Kishida to attend NATO summit"
    byline: Jane Doe
    date: 2024-07-10
    url: https://example.org/story
    ---
    The article text starts here.

Only the simple ``key: value`` form is read (no YAML library: values are plain strings, quotes
around them are removed). The metadata file is TOML with ``[[article]]`` tables naming a ``file``
relative to the metadata file's folder.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from .decoding import SourceError

FIELDS = ("outlet", "title", "byline", "date", "url")
ALIASES = {"author": "byline", "authors": "byline", "site": "outlet", "source": "outlet", "publisher": "outlet",
           "link": "url", "headline": "title"}
SIDECAR_NAMES = ("slant.toml", "seeds.toml")
MAX_FRONT_MATTER_LINES = 60


def split_front_matter(text: str) -> tuple[dict[str, str], str, list[str]]:
    """(metadata, the text after the block, notes). Text without a well-formed block comes back whole."""
    if not text.startswith("---"):
        return {}, text, []
    lines = text.splitlines(keepends=True)
    if lines[0].rstrip("\r\n").rstrip() != "---":
        return {}, text, []
    meta: dict[str, str] = {}
    ignored: list[str] = []
    for i, raw in enumerate(lines[1:MAX_FRONT_MATTER_LINES + 1], start=1):
        line = raw.rstrip("\r\n")
        if line.rstrip() in ("---", "..."):
            body = "".join(lines[i + 1:])
            notes = []
            if meta:
                notes.append("front matter read: " + ", ".join(f"{k}" for k in meta))
            if ignored:
                notes.append("front matter: not used: " + ", ".join(ignored))
            return meta, body, notes
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or not key or " " in key or line[:1].isspace():
            return {}, text, []  # not the simple key: value form: leave the text as it is
        key = ALIASES.get(key, key)
        value = _unquote(value.strip())
        if key in FIELDS:
            if value:
                meta[key] = value
        else:
            ignored.append(key)
    return {}, text, []  # no closing line: it was not front matter


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner.replace("''", "'")
    if " #" in value:  # a trailing YAML comment
        value = value.split(" #", 1)[0].rstrip()
    return value


def read_sidecar(path: str | Path) -> dict[Path, dict[str, str]]:
    """{resolved article path: metadata} from a metadata file. SourceError with the file and the problem."""
    p = Path(path)
    from .sources import read_bytes

    data = read_bytes(p, limit=2 * 1024 * 1024)
    try:
        doc = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SourceError(f"The metadata file {p.name} is not UTF-8 text (byte {exc.start}).") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"The metadata file {p.name} is not valid TOML: {exc}.") from exc
    entries = doc.get("article", [])
    if not isinstance(entries, list):
        raise SourceError(f"The metadata file {p.name} must list articles as [[article]] tables.")
    out: dict[Path, dict[str, str]] = {}
    folder = p.resolve().parent
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or not entry["file"].strip():
            raise SourceError(f"The metadata file {p.name}: article {n} has no file = \"name\" entry.")
        meta = {}
        for key, value in entry.items():
            key = ALIASES.get(key, key)
            if key in FIELDS and value is not None:
                if not isinstance(value, (str, int, float)) or isinstance(value, bool):
                    raise SourceError(f"The metadata file {p.name}: {key} of {entry['file']} must be text.")
                meta[key] = str(value).strip()
        out[(folder / entry["file"]).resolve()] = {k: v for k, v in meta.items() if v}
    return out


def find_sidecar(folder: str | Path) -> Path | None:
    """``slant.toml``, else ``seeds.toml``, in ``folder``."""
    for name in SIDECAR_NAMES:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    return None


class SidecarIndex:
    """Metadata for articles given by name: from ``--meta FILE`` if given, else from the metadata file
    found beside each article. Problems with a metadata file are collected in ``errors`` (once each)."""

    def __init__(self, meta_file: str | Path | None = None):
        self.errors: list[str] = []
        self._explicit: dict[Path, dict[str, str]] | None = None
        self._by_folder: dict[Path, dict[Path, dict[str, str]]] = {}
        if meta_file is not None:
            try:
                self._explicit = read_sidecar(meta_file)
            except SourceError as exc:
                self.errors.append(str(exc))
                self._explicit = {}

    def lookup(self, path: str | Path) -> dict[str, str]:
        p = Path(path).resolve()
        if self._explicit is not None:
            found = self._explicit.get(p)
            if found is None:  # --meta FILE from elsewhere: match by file name
                found = next((m for k, m in self._explicit.items() if k.name == p.name), None)
            return dict(found or {})
        folder = p.parent
        if folder not in self._by_folder:
            side = find_sidecar(folder)
            table: dict[Path, dict[str, str]] = {}
            if side is not None:
                try:
                    table = read_sidecar(side)
                except SourceError as exc:
                    self.errors.append(str(exc))
            self._by_folder[folder] = table
        return dict(self._by_folder[folder].get(p, {}))
