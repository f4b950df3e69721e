"""Read articles: decode files safely, attach metadata, load the demo seeds.

Nothing of the user's text is dropped or altered except newline normalisation (done in ``analyze``)
and a leading byte-order mark, which is an encoding marker, not text. Anything unreadable raises
``SourceError`` with a message meant for the user.
"""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: far beyond any article; protects the window from a wrong file
SUPPORTED_SUFFIXES = (".txt", ".md", ".text", ".markdown")
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


class SourceError(Exception):
    """A file could not be used as an article; ``str(err)`` is the message to show the user."""


@dataclass(frozen=True)
class Article:
    text: str
    id: str
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    path: str | None = None
    notes: tuple[str, ...] = field(default=())  # e.g. how the file was decoded

    def with_meta(self, **changes: str | None) -> Article:
        return replace(self, **changes)


def file_name(path: str) -> str:
    """The name of a file without its folder (either kind of slash)."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def text_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def decode(data: bytes, name: str = "the file") -> tuple[str, list[str]]:
    """Bytes -> text. UTF-8 (with or without BOM) and UTF-16 with BOM are exact; anything else is
    decoded as Windows-1252 and said so. Binary data (NUL bytes, control noise) is refused."""
    notes: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), notes
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ["decoded as UTF-16"]
        except UnicodeDecodeError as exc:
            raise SourceError(f"{name} says it is UTF-16 but is not valid UTF-16 ({exc.reason}).") from exc
    sample = data[:65536]
    if b"\x00" in sample:
        raise SourceError(f"{name} looks like a binary file (it contains NUL bytes), not text. "
                          "Open a .txt or .md file, or paste the article's text.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        notes.append("not valid UTF-8: decoded as Windows-1252 (Western European); check accented letters")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise SourceError(f"{name} looks like a binary file (many control characters), not text.")
    return text, notes


def read_article(path: str | Path, **meta: str | None) -> Article:
    p = Path(path)
    name = p.name
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise SourceError(f"Cannot open {name}: {exc.strerror or exc}.") from exc
    if p.is_dir():
        raise SourceError(f"{name} is a folder, not a file.")
    if size > MAX_BYTES:
        raise SourceError(f"{name} is {size / 1e6:.0f} MB; Slant opens articles up to {MAX_BYTES // 10**6} MB.")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise SourceError(f"Cannot read {name}: {exc.strerror or exc}.") from exc
    text, notes = decode(data, name)
    if not text.strip():
        raise SourceError(f"{name} is empty: there is no text to analyse.")
    meta.setdefault("title", None)
    return Article(text=text, id=text_id(text), path=str(p), notes=tuple(notes), **meta)


def article_from_text(text: str, **meta: str | None) -> Article:
    if not text.strip():
        raise SourceError("The pasted text is empty: there is nothing to analyse.")
    return Article(text=text, id=text_id(text), **meta)


def load_seeds(folder: Path = SEEDS_DIR) -> list[Article]:
    """The demo set: the seed files with the metadata from ``seeds/seeds.toml``."""
    meta = tomllib.loads((folder / "seeds.toml").read_text(encoding="utf-8"))
    out = []
    for entry in meta["article"]:
        art = read_article(folder / entry["file"])
        out.append(
            art.with_meta(
                id=entry["file"][:3],
                outlet=entry.get("outlet"),
                title=entry.get("title"),
                date=entry.get("date"),
                byline=entry.get("byline"),
            )
        )
    return out


def seed_story(folder: Path = SEEDS_DIR) -> str | None:
    """The one-line description of the demo story (``[meta] story`` in ``seeds/seeds.toml``)."""
    meta = tomllib.loads((folder / "seeds.toml").read_text(encoding="utf-8"))
    return meta.get("meta", {}).get("story")
