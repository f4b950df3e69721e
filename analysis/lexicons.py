"""Load Slant's lexicons: versioned TOML files in ``resources/lexicons``, plus the user's own.

Every built-in file has a ``[meta]`` table with ``name``, ``version``, ``source`` and ``licence``.
Users add terms by dropping TOML files of the same shape into their lexicon folder
(``$SLANT_LEXICON_DIR``, else ``~/.local/share/slant/lexicons``); a file named
``loaded_terms*.toml`` there extends the built-in ``loaded_terms`` lexicon, and so on.
"""
from __future__ import annotations

import hashlib
import os
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

REQUIRED_META = ("name", "version", "source", "licence")


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the problem."""


def _builtin_dir() -> Any:
    return resources.files("resources") / "lexicons"


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


def user_files(name: str) -> list[Path]:
    """The user's files extending lexicon ``name``: ``name*.toml`` in ``user_dir()``, sorted."""
    folder = user_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{name}*.toml"))


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
    return (str(user_dir()), tuple(files))


def load_user(name: str) -> list[tuple[Path, dict[str, Any]]]:
    """The user's files extending lexicon ``name``, parsed: ``(path, data)`` pairs in file-name order."""
    return [(path, _parse(path.read_bytes(), str(path))) for path in user_files(name)]


def load_all(name: str) -> list[dict[str, Any]]:
    """Lexicon ``name`` as layers: the built-in data first, then each user file extending it."""
    return [load_builtin(name), *(data for _, data in load_user(name))]


def _lexicon_files() -> list[tuple[str, Any]]:
    files: list[tuple[str, Any]] = [(f"builtin/{n}", _builtin_dir() / f"{n}.toml") for n in builtin_names()]
    folder = user_dir()
    if folder.is_dir():
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
            h.update(path.read_bytes())
        _fingerprints.clear()
        _fingerprints[key] = h.hexdigest()[:10]
    return _fingerprints[key]
