"""Read articles: decode files safely, extract web pages and Word files, attach metadata, load the
demo seeds.

Nothing of the user's text is dropped or altered except newline normalisation (done in ``analyze``),
a leading byte-order mark (an encoding marker, not text) and a front-matter block (metadata, read
into the article's fields). A web page's article text is what the extractor keeps of it (its markup,
menus and scripts are not article text); a note says how much was kept. Anything unreadable raises
``SourceError`` with a message meant for the user. Special files (FIFOs, devices, sockets) are refused
before anything is read, and no read takes more than ``MAX_BYTES`` + 1 bytes.

Metadata precedence (later wins): what the file itself says (front matter, a page's metadata, Word
properties), the metadata file beside it (or ``--meta``), then what the user gives explicitly.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .decoding import SourceError, decode, encoding_label
from .formats import DOCX_SUFFIXES, HTML_SUFFIXES, Extracted, decode_html, extract_docx, extract_html, looks_like_html
from .metadata import SidecarIndex, split_front_matter

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: far beyond any article; protects the window from a wrong file
# The most text one article may hold for analysis (UTF-8 bytes; MB = 1,000,000 as in bench/bench_memory.py).
# A file may be bigger (a saved page is mostly markup), its article text not: memory and time grow with the
# text, and up to this size the analysis is measured to stay within its memory budget (issue 10).
MAX_TEXT_BYTES = 10 * 10**6
TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
META_FIELDS = ("outlet", "title", "date", "byline", "url")

__all__ = ["Article", "SourceError", "MAX_BYTES", "MAX_TEXT_BYTES", "SUPPORTED_SUFFIXES", "check_length", "read_article", "read_articles",
           "article_from_text", "article_from_url", "decode", "file_name", "load_seeds", "with_source"]


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
    url: str | None = None  # the web address the article came from (fetched, or named in its metadata)
    fetched: str | None = None  # when it was fetched (ISO 8601), for articles read from a URL
    encoding: str | None = None  # the codec its bytes were decoded with (None: pasted or a Word file)
    encoding_chosen: bool = False  # the user chose ``encoding`` (Reopen with encoding…, --encoding)

    def with_meta(self, **changes: Any) -> Article:
        return replace(self, **changes)

    @property
    def encoding_label(self) -> str | None:
        return encoding_label(self.encoding) if self.encoding else None


def file_name(path: str) -> str:
    """The name of a file without its folder. On POSIX a backslash is an ordinary character of a file
    name (only "/" separates folders); on Windows both slashes do."""
    return os.path.basename(path) or path


def text_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bytes(path: str | Path, limit: int = MAX_BYTES, what: str = "articles") -> bytes:
    """The bytes of a regular file, at most ``limit``. FIFOs, devices and sockets are refused before
    reading (a FIFO would block for ever, a device could be endless); never more than limit + 1 bytes
    are read, so a file that grows while being read cannot exhaust memory. ``what`` names the kind of
    file in the size messages ("articles", "comparison files")."""
    p = Path(path)
    name = file_name(str(p)) or str(p)
    try:
        st = os.stat(p)
    except (OSError, ValueError) as exc:
        raise SourceError(f"Cannot open {name}: {getattr(exc, 'strerror', None) or exc}.") from exc
    if stat.S_ISDIR(st.st_mode):
        raise SourceError(f"{name} is a folder, not a file.")
    if not stat.S_ISREG(st.st_mode):
        raise SourceError(f"{name} is {_kind(st.st_mode)}, not a regular file: Slant opens only ordinary files.")
    if st.st_size > limit:
        raise SourceError(f"{name} is {st.st_size / 1e6:.0f} MB; Slant opens {what} up to {limit // 10**6} MB.")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        raise SourceError(f"Cannot read {name}: {exc.strerror or exc}.") from exc
    try:
        st = os.fstat(fd)  # the file opened may not be the file stat()ed (replaced in between)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(f"{name} is {_kind(st.st_mode)}, not a regular file: Slant opens only ordinary files.")
        chunks, got = [], 0
        while got <= limit:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            except OSError as exc:
                raise SourceError(f"Cannot read {name}: {exc.strerror or exc}.") from exc
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    finally:
        os.close(fd)
    if got > limit:
        raise SourceError(f"{name} is larger than {limit // 10**6} MB (it grew while being read); Slant opens "
                          f"{what} up to {limit // 10**6} MB.")
    return b"".join(chunks)


def _given(meta: dict[str, Any]) -> dict[str, Any]:
    """Metadata the caller actually gave (None means "not given", so it never erases what a file says)."""
    return {k: v for k, v in meta.items() if v is not None}


def _from_text(text: str, name: str, notes: list[str], url: str | None = None) -> Extracted:
    """Decoded text -> article text and metadata: a whole web page is extracted, front matter is read."""
    if looks_like_html(text):
        return extract_html(text, name, url=url)
    meta, body, fm_notes = split_front_matter(text)
    return Extracted(text=body, meta=meta, notes=fm_notes)


def too_long(text: str, name: str) -> str | None:
    """The message for an article text over ``MAX_TEXT_BYTES`` (None when it is not): how big it is, the
    limit and why, and what to do."""
    size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    if size <= MAX_TEXT_BYTES:
        return None
    limit = MAX_TEXT_BYTES // 10**6
    return (f"{name} holds {size / 10**6:.1f} MB of text; Slant analyses articles of up to {limit} MB (the "
            f"memory and time an analysis needs grow with the text). Split it into parts of at most {limit} MB, "
            "or into its separate articles, and open those.")


def check_length(text: str, name: str) -> None:
    """Raise ``SourceError`` for an article text Slant will not analyse (see ``too_long``)."""
    if message := too_long(text, name):
        raise SourceError(message)


def _article(ex: Extracted, notes: list[str], name: str, empty: str, **meta: Any) -> Article:
    if not ex.text.strip():
        raise SourceError(empty)
    check_length(ex.text, name[:1].upper() + name[1:] if name.startswith("the ") else name)
    fields = {k: v for k, v in ex.meta.items() if k in META_FIELDS}
    fields.update(_given(meta))
    return Article(text=ex.text, id=text_id(ex.text), notes=tuple(notes + ex.notes), **fields)


def read_article(path: str | Path, encoding: str | None = None, **meta: Any) -> Article:
    """An article from a file: text (.txt/.md, any encoding), a saved web page (.html/.htm) or a Word
    file (.docx). ``meta`` (outlet, title, date, byline, url) overrides what the file says."""
    p = Path(path)
    name = file_name(str(p)) or str(p)
    data = read_bytes(p)
    suffix = p.suffix.lower()
    enc: str | None = None
    if suffix in DOCX_SUFFIXES or (data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]):
        ex, notes = extract_docx(data, name), []
    elif suffix in HTML_SUFFIXES:
        page, notes, enc = decode_html(data, name, encoding)
        ex = extract_html(page, name, url=meta.get("url"))
    else:
        text, notes, enc = decode(data, name, encoding)
        ex = _from_text(text, name, notes, url=meta.get("url"))
    art = _article(ex, notes, name, f"{name} is empty: there is no text to analyse.", **meta)
    return replace(art, path=str(p), encoding=enc, encoding_chosen=bool(encoding and enc))


def article_from_text(text: str, **meta: Any) -> Article:
    """A pasted article. A whole pasted web page (its source) is extracted like a saved one."""
    if not text.strip():
        raise SourceError("The pasted text is empty: there is nothing to analyse.")
    if looks_like_html(text):
        ex = extract_html(text, "the pasted page", url=meta.get("url"))
        return _article(ex, [], "the pasted page", "The pasted page has no article text.", **meta)
    check_length(text, "The pasted text")
    return Article(text=text, id=text_id(text), **_given(meta))


def article_from_url(url: str, encoding: str | None = None, timeout: float | None = None, **meta: Any) -> Article:
    """Fetch a web page and extract its article (blocking: call it off the UI thread)."""
    from .fetch import TIMEOUT_S, fetch

    got = fetch(url, timeout=timeout or TIMEOUT_S)
    name = got.url
    if got.content_type in ("text/html", "application/xhtml+xml") or got.content_type.endswith("+xml"):
        page, notes, enc = decode_html(got.data, name, encoding, declared=got.charset)
        ex = extract_html(page, name, url=got.final_url)
    elif got.content_type.startswith("text/"):
        text, notes, enc = decode(got.data, name, encoding or got.charset)
        ex = _from_text(text, name, notes, url=got.final_url)
    else:
        raise SourceError(f"{url} is not a web page or text ({got.content_type}); save the article's text and "
                          "open the file instead.")
    meta.setdefault("url", got.url)
    art = _article(ex, notes, name, f"{url} has no text to analyse.", **meta)
    return replace(art, fetched=got.fetched, encoding=enc, encoding_chosen=bool(encoding))


def read_articles(items: Iterable[str], encoding: str | None = None, meta_file: str | Path | None = None,
                  **meta: Any) -> tuple[list[Article], list[str]]:
    """Articles for files and URLs given by name, with the metadata file beside them (or ``meta_file``)
    applied, then ``meta``. Returns (articles, messages for the ones that could not be read)."""
    from .fetch import is_url

    index = SidecarIndex(meta_file)
    arts: list[Article] = []
    errors: list[str] = []
    for item in items:
        try:
            if is_url(item):
                arts.append(article_from_url(item, encoding=encoding, **meta))
                continue
            side = index.lookup(item) if os.path.isfile(item) else {}
            side.update(_given(meta))
            arts.append(read_article(item, encoding=encoding, **side))
        except SourceError as exc:
            errors.append(str(exc))
        except Exception as exc:  # noqa: BLE001 - one odd file never stops the others
            errors.append(f"Could not open {file_name(item) or item} ({type(exc).__name__}: {exc}).")
    return arts, index.errors + errors


def with_source(analysis: Any, article: Article) -> Any:
    """An analysis carrying its article's source fields (byline, URL, fetch time, encoding); the analysis
    itself never depends on them, so a cached result can be reused for any source."""
    changes = {"byline": article.byline, "url": article.url, "fetched": article.fetched,
               "encoding": article.encoding}
    names = {f.name for f in dataclasses.fields(analysis)}
    changes = {k: v for k, v in changes.items() if k in names and getattr(analysis, k) != v}
    return replace(analysis, **changes) if changes else analysis


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
