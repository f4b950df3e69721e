"""The one QSettings wrapper: every preference, the window layout and the last session go through here.

Where settings live: ``$SLANT_SETTINGS_DIR/slant.ini`` when that variable is set (tests, screenshots,
benchmarks use a temporary folder so they never touch the user's real settings), else the
platform's usual place for organisation "Slant", application "Slant".

Everything read is validated (types, finite numbers, ranges): a damaged or hand-edited file never stops a
launch. A value that is wrong is ignored (the default is used) and noted; ``take_problems()`` gives the
window one line saying what was dropped.
"""
from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Slant"
APPLICATION = "Slant"
MAX_RECENT = 10
DEFAULT_FONT_PT = 11
MIN_FONT_PT, MAX_FONT_PT = 7, 28
MAX_SPLITTER_PX = 100_000
SESSION_TEXT_KEYS = ("outlet", "title", "date", "byline", "id", "text_id")


def _to_bool(value: Any, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "yes", "on")


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        if qsettings is None:
            folder = os.environ.get("SLANT_SETTINGS_DIR")
            if folder:
                Path(folder).mkdir(parents=True, exist_ok=True)
                qsettings = QSettings(str(Path(folder) / "slant.ini"), QSettings.IniFormat)
            else:
                qsettings = QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANISATION, APPLICATION)
        self._s = qsettings
        self._problems: dict[str, None] = {}  # what was dropped, in order, once each

    # -- plumbing
    def _note(self, what: str) -> None:
        self._problems[what] = None

    def take_problems(self) -> str | None:
        """One line naming what was dropped from a damaged settings file since the last call, or None."""
        if not self._problems:
            return None
        items = list(self._problems)
        self._problems.clear()
        return (f"Some saved settings were damaged and were ignored ({'; '.join(items)}); "
                f"defaults are used. Settings file: {self.path}")

    def _get(self, key: str, default: Any = None) -> Any:
        try:
            return self._s.value(key, default)
        except Exception:  # a damaged settings file must never stop the app
            self._note(key)
            return default

    def _json(self, key: str, default: Any, kind: type | None = None) -> Any:
        raw = self._get(key)
        if raw is None or raw == "":
            return default
        try:
            value = json.loads(raw)
        except (TypeError, ValueError, RecursionError):
            self._note(key)
            return default
        if kind is not None and not isinstance(value, kind):
            self._note(key)
            return default
        return value

    def sync(self) -> None:
        self._s.sync()

    def clear(self) -> None:
        self._s.clear()

    @property
    def path(self) -> str:
        return self._s.fileName()

    # -- window layout
    def geometry(self) -> QByteArray | None:
        v = self._get("window/geometry")
        return v if isinstance(v, QByteArray) and not v.isEmpty() else None

    def set_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        v = self._get("window/state")
        return v if isinstance(v, QByteArray) and not v.isEmpty() else None

    def set_window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    def splitter(self, name: str) -> list[int]:
        """Saved splitter sizes: finite, non-negative pixel counts, else [] (the window's default)."""
        key = f"splitters/{name}"
        sizes = self._json(key, [], list)
        ok = all(isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
                 and 0 <= x <= MAX_SPLITTER_PX for x in sizes)
        if not ok:
            self._note(key)
            return []
        return [int(x) for x in sizes]

    def set_splitter(self, name: str, sizes: list[int]) -> None:
        self._s.setValue(f"splitters/{name}", json.dumps([int(x) for x in sizes]))

    # -- preferences
    def font_size(self) -> int:
        raw = self._get("view/font_pt", DEFAULT_FONT_PT)
        try:
            f = float(raw)
            v = int(f) if math.isfinite(f) else None
        except (TypeError, ValueError, OverflowError):
            v = None
        if v is None:
            self._note("view/font_pt")
            v = DEFAULT_FONT_PT
        return max(MIN_FONT_PT, min(MAX_FONT_PT, v))

    def set_font_size(self, pt: int) -> None:
        self._s.setValue("view/font_pt", int(max(MIN_FONT_PT, min(MAX_FONT_PT, pt))))

    def theme(self) -> str:
        v = self._get("view/theme", "auto")
        if isinstance(v, str) and v in ("auto", "light", "dark"):
            return v
        self._note("view/theme")
        return "auto"

    def set_theme(self, value: str) -> None:
        self._s.setValue("view/theme", value)

    def categories(self) -> dict[str, bool]:
        data = self._json("view/categories", {}, dict)
        good = {k: v for k, v in data.items() if isinstance(v, bool)}
        if len(good) != len(data):
            self._note("view/categories")
        return good

    def set_categories(self, enabled: dict[str, bool]) -> None:
        self._s.setValue("view/categories", json.dumps(enabled, sort_keys=True))

    def flag(self, name: str, default: bool = False) -> bool:
        """Boolean view options: "sync_scroll", "collapse_boilerplate", "show_tone"..."""
        return _to_bool(self._get(f"view/{name}"), default)

    def set_flag(self, name: str, value: bool) -> None:
        self._s.setValue(f"view/{name}", bool(value))

    # -- files
    def recent_files(self) -> list[str]:
        data = self._json("files/recent", [], list)
        good = [p for p in data if isinstance(p, str) and p and "\0" not in p]
        if len(good) != len(data):
            self._note("files/recent")
        return good[:MAX_RECENT]

    def add_recent_file(self, path: str) -> list[str]:
        path = str(Path(path).resolve())
        items = [path] + [p for p in self.recent_files() if p != path]
        self._s.setValue("files/recent", json.dumps(items[:MAX_RECENT]))
        return items[:MAX_RECENT]

    def clear_recent_files(self) -> None:
        self._s.setValue("files/recent", json.dumps([]))

    def last_directory(self) -> str:
        v = self._get("files/last_dir", "") or ""
        if not isinstance(v, str) or "\0" in v or v.lstrip().startswith(("[", "{")):
            self._note("files/last_dir")
            return ""
        return v

    def set_last_directory(self, path: str) -> None:
        self._s.setValue("files/last_dir", path)

    # -- session: which articles were open (file paths, or the pasted text itself) and their metadata
    def has_session(self) -> bool:
        return self._get("session/articles") is not None

    def session(self) -> list[dict[str, Any]]:
        """The last session's articles, each checked: ``path`` or ``text`` a non-empty string; metadata
        strings or None (a wrong one is dropped, the article kept); ``compared`` a bool. An item with
        neither a usable path nor a text is dropped (and noted)."""
        data = self._json("session/articles", [], list)
        items = []
        for d in data:
            item, dropped = _session_item(d)
            if dropped:
                self._note("session/articles")
            if item is not None:
                items.append(item)
        return items

    def set_session(self, articles: list[dict[str, Any]]) -> None:
        self._s.setValue("session/articles", json.dumps(articles, ensure_ascii=False))

    # -- crash detection and the session's comparison file (see desktop/session.py)
    def running_marker(self) -> dict[str, Any] | None:
        """Set while a window is open, removed when it closes normally: found at start, it means the last
        run ended in a crash or a kill (unless its process is still running)."""
        data = self._json("session/running", None)
        return data if isinstance(data, dict) else None

    def set_running_marker(self, marker: dict[str, Any] | None) -> None:
        if marker is None:
            self._s.remove("session/running")
        else:
            self._s.setValue("session/running", json.dumps(marker))

    def session_comparison(self) -> dict[str, Any]:
        """The comparison file the session belongs to: {"path", "fingerprint" (as saved)}, or {}."""
        data = self._json("session/comparison", {})
        return data if isinstance(data, dict) else {}

    def set_session_comparison(self, info: dict[str, Any]) -> None:
        self._s.setValue("session/comparison", json.dumps(info, ensure_ascii=False))

    def recovered_session(self) -> list[dict[str, Any]]:
        """Articles of a session that ended in a crash and was not restored (files were given instead)."""
        data = self._json("session/recovered", [])
        return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []

    def set_recovered_session(self, articles: list[dict[str, Any]]) -> None:
        if articles:
            self._s.setValue("session/recovered", json.dumps(articles, ensure_ascii=False))
        else:
            self._s.remove("session/recovered")

    def paste_draft(self) -> dict[str, Any]:
        """What was being typed or pasted in the paste dialog ({"text", "outlet", "title", "date"}), kept
        while the dialog is open so a crash does not lose it; {} when there is none."""
        data = self._json("session/paste_draft", {})
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            return {}
        return {k: data.get(k) if isinstance(data.get(k), str) else None for k in ("text", "outlet", "title", "date")}

    def set_paste_draft(self, draft: dict[str, Any] | None) -> None:
        if draft:
            self._s.setValue("session/paste_draft", json.dumps(draft, ensure_ascii=False))
        else:
            self._s.remove("session/paste_draft")

def _session_item(d: Any) -> tuple[dict[str, Any] | None, bool]:
    """(the entry with its known fields checked, whether something was dropped); None when it holds no
    article. Fields this version does not know are kept as they are (a newer version may have written them)."""
    if not isinstance(d, dict):
        return None, True
    out = dict(d)
    dropped = False
    path, text = d.get("path"), d.get("text")
    if not (path is None or (isinstance(path, str) and path.strip() and "\0" not in path)):
        out.pop("path")
        dropped = True
    if not (text is None or isinstance(text, str)):
        out.pop("text")
        dropped = True
    if not out.get("path") and not out.get("text"):
        return None, True
    for k in SESSION_TEXT_KEYS:
        if k in out and not (out[k] is None or isinstance(out[k], str)):
            out.pop(k)
            dropped = True
    if "compared" in out and not isinstance(out["compared"], bool):
        out.pop("compared")
        dropped = True
    return out, dropped
