"""Load Slant's lexicons: versioned TOML files in ``resources/lexicons``, plus the user's own.

Every built-in file has a ``[meta]`` table with ``name``, ``version``, ``source`` and ``licence``.
Users add terms by dropping TOML files of the same shape into their lexicon folder
(``$SLANT_LEXICON_DIR``, else ``~/.local/share/slant/lexicons``); a file named
``loaded_terms*.toml`` there extends the built-in ``loaded_terms`` lexicon, and so on.

User files are read with care: only regular files (a FIFO would block for ever, a folder named
``*.toml`` is no file), at most ``MAX_USER_FILE`` bytes, and each is checked against its lexicon's shape
(``analysis.lexicon_schema``). Every problem raises ``LexiconError`` naming the file (and the entry).
``builtin_only()`` switches the user's files off for a while (the app analyses with the built-in
lexicons, and says why, when a user file is broken).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import threading
import tomllib
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

REQUIRED_META = ("name", "version", "source", "licence")
MAX_USER_FILE = 5 * 1024 * 1024
_off = threading.local()


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the problem."""


def _builtin_dir() -> Any:
    return resources.files("resources") / "lexicons"


def user_files_enabled() -> bool:
    return not getattr(_off, "depth", 0)


@contextlib.contextmanager
def builtin_only() -> Iterator[None]:
    """Within the block (in this thread) the user's lexicon files are ignored: built-in lexicons only."""
    _off.depth = getattr(_off, "depth", 0) + 1
    try:
        yield
    finally:
        _off.depth -= 1


def read_user_file(path: Path) -> bytes:
    """The bytes of a user lexicon file; ``LexiconError`` for anything but a readable regular file."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise LexiconError(f"{path} is a folder, not a lexicon file: rename or remove it")
    if not stat.S_ISREG(st.st_mode):
        raise LexiconError(f"{path} is not a regular file (a pipe, socket or device): Slant does not read it; "
                           "remove it from the lexicon folder")
    if st.st_size > MAX_USER_FILE:
        raise LexiconError(f"{path} is {st.st_size // 1024 // 1024} MB: a lexicon file may hold at most "
                           f"{MAX_USER_FILE // 1024 // 1024} MB")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the check
            raise LexiconError(f"{path} is not a regular file: Slant does not read it")
        chunks, size = [], 0
        while size <= MAX_USER_FILE:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)
    if size > MAX_USER_FILE:
        raise LexiconError(f"{path}: a lexicon file may hold at most {MAX_USER_FILE // 1024 // 1024} MB")
    return b"".join(chunks)


def user_dir() -> Path:
    env = os.environ.get("SLANT_LEXICON_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "slant" / "lexicons"


def builtin_names() -> list[str]:
    return sorted(p.name[:-5] for p in _builtin_dir().iterdir() if p.name.endswith(".toml"))


def _parse(raw: bytes, origin: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{origin}: not valid TOML ({exc})") from exc
    meta = data.get("meta")
    if not isinstance(meta, dict):
        raise LexiconError(f"{origin}: missing [meta] table")
    missing = [k for k in REQUIRED_META if not meta.get(k)]
    if missing:
        raise LexiconError(f"{origin}: [meta] lacks {', '.join(missing)}")
    return data


@lru_cache(maxsize=None)
def load_builtin(name: str) -> dict[str, Any]:
    path = _builtin_dir() / f"{name}.toml"
    if not path.is_file():
        raise LexiconError(f"no built-in lexicon named {name!r}")
    return _parse(path.read_bytes(), f"resources/lexicons/{name}.toml")


def editor_file(name: str) -> str:
    """The name of the file the lexicon editor keeps for lexicon ``name`` (applied after the others)."""
    return f"{name}_editor.toml"


def user_files(name: str) -> list[Path]:
    """The user's files extending lexicon ``name``: ``name*.toml`` in ``user_dir()``, sorted by name, the
    lexicon editor's own file (``editor_file``) last, so what is set in the editor wins."""
    folder = user_dir()
    if not user_files_enabled() or not folder.is_dir():
        return []
    last = editor_file(name)
    return sorted(folder.glob(f"{name}*.toml"), key=lambda p: (p.name == last, p.name))


def user_signature(*names: str) -> tuple:
    """What the user's files for these lexicons look like now (folder, and each file's size and
    modification time). Measures key their loaded data and built matchers on it, so adding, editing or
    removing a user file takes effect on the next analysis, in a running app too."""
    files = []
    for name in names:
        for path in user_files(name):
            try:
                st = path.stat()
            except OSError:
                continue
            files.append((str(path), st.st_size, st.st_mtime_ns))
    return (str(user_dir()) if user_files_enabled() else "", tuple(files))


def load_user(name: str) -> list[tuple[Path, dict[str, Any]]]:
    """The user's files extending lexicon ``name``, parsed and checked: ``(path, data)`` pairs in file-name
    order. Raises ``LexiconError`` (naming the file and entry) for a file that cannot be used."""
    from .lexicon_schema import check

    out = []
    for path in user_files(name):
        data = _parse(read_user_file(path), str(path))
        check(name, data, str(path))
        out.append((path, data))
    return out


def load_all(name: str) -> list[dict[str, Any]]:
    """Lexicon ``name`` as layers: the built-in data first, then each user file extending it."""
    return [load_builtin(name), *(data for _, data in load_user(name))]


def _lexicon_files() -> list[tuple[str, Any]]:
    files: list[tuple[str, Any]] = [(f"builtin/{n}", _builtin_dir() / f"{n}.toml") for n in builtin_names()]
    folder = user_dir()
    if user_files_enabled() and folder.is_dir():
        files += [(f"user/{p.name}", p) for p in sorted(folder.glob("*.toml"))]
    return files


_fingerprints: dict[tuple, str] = {}


def fingerprint() -> str:
    """A short hash of every lexicon in effect (built-in and user): part of the analyser version.

    Recomputed only when a file appears, disappears or changes (size or modification time)."""
    files = _lexicon_files()
    stamp = []
    for label, path in files:
        try:
            st = os.stat(path)  # type: ignore[arg-type]
            stamp.append((label, st.st_size, st.st_mtime_ns))
        except (OSError, TypeError):
            stamp.append((label, -1, -1))
    key = tuple(stamp)
    if key not in _fingerprints:
        h = hashlib.sha256()
        for label, path in files:
            h.update(label.encode())
            if label.startswith("user/"):
                try:
                    h.update(read_user_file(path))
                except LexiconError as exc:  # reported when the lexicon is loaded; never read here
                    h.update(str(exc).encode())
            else:
                h.update(path.read_bytes())
        _fingerprints.clear()
        _fingerprints[key] = h.hexdigest()[:10]
    return _fingerprints[key]
