"""The file the lexicon editor keeps for one lexicon (``analysis.user_lexicon`` for loaded terms,
``analysis.user_hedges`` for hedges), no Qt here: where it lives (``<name>_editor.toml`` in the user's lexicon
folder), the user's files of that lexicon in the order the loader applies them (the editor's own last), the
TOML writing (no TOML writer among the dependencies: strings are escaped by hand, round-trip tested), and the
save: the new text is checked as the loader reads it, so a file the loader would refuse is never written, then
written atomically (``analysis.export.atomic``), or removed when it would hold nothing."""
from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from . import lexicons
from .export import atomic

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string: backslash, quote and every control character escaped."""
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):  # an inline table, as in token patterns: {LOWER = "in"}
        return "{" + ", ".join(f"{toml_key(str(k))} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else toml_string(key)


def editor_meta(name: str) -> dict[str, str]:
    """The ``[meta]`` of a new editor's file for the lexicon ``name``."""
    return {"name": f"{name}_editor", "version": "1", "source": "written in Slant's lexicon editor",
            "licence": "the user's own"}


class EditorFile:
    """The editor's state for the lexicon ``NAME``, kept in memory until ``save()``. A subclass reads the
    files (``reload``), writes its text (``text``), checks parsed data as the loader does (``check``) and says
    when there is nothing to keep (``is_empty``)."""

    NAME = ""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else lexicons.user_dir()
        self.reload()

    @property
    def path(self) -> Path:
        return self.folder / lexicons.editor_file(self.NAME)

    def reload(self) -> None:
        raise NotImplementedError

    def text(self) -> str:
        raise NotImplementedError

    def check(self, data: dict[str, Any]) -> None:
        """Raise ``LexiconError`` naming the problem when the loader would refuse ``data`` as this file."""
        raise NotImplementedError

    def is_empty(self) -> bool:
        raise NotImplementedError

    def _user_paths(self) -> list[Path]:
        """The user's ``NAME*.toml`` files in the order the loader applies them: by name, the editor's last."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob(f"{self.NAME}*.toml"), key=lambda p: (p.name == self.path.name, p.name))

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        """A user file parsed (``LexiconError`` for one that cannot be read or parsed)."""
        return lexicons._parse(lexicons.read_user_file(path), str(path))

    def validate(self, text: str | None = None) -> str:
        """The file's text, checked as the loader reads it (``LexiconError`` naming the problem)."""
        text = self.text() if text is None else text
        self.check(lexicons._parse(text.encode("utf-8"), str(self.path)))
        return text

    def save(self) -> Path:
        """Write the editor's file (atomically; removed when it would hold nothing). Raises ``LexiconError``
        for content the loader would refuse (nothing is written then) and ``OSError`` when it cannot be written."""
        text = self.validate()
        if self.is_empty():
            if self.path.is_file():
                self.path.unlink()
            return self.path
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic.write_text(self.path, text)
        return self.path
