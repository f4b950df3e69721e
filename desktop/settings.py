"""The one QSettings wrapper: every preference, the window layout and the last session go through here.

Where settings live: ``$SLANT_SETTINGS_DIR/slant.ini`` when that variable is set (tests, screenshots,
benchmarks use a temporary folder so they never touch the user's real settings), else the
platform's usual place for organisation "Slant", application "Slant".
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Slant"
APPLICATION = "Slant"
MAX_RECENT = 10
DEFAULT_FONT_PT = 11
MIN_FONT_PT, MAX_FONT_PT = 7, 28


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

    # -- plumbing
    def _get(self, key: str, default: Any = None) -> Any:
        try:
            return self._s.value(key, default)
        except Exception:  # a damaged settings file must never stop the app
            return default

    def _json(self, key: str, default: Any) -> Any:
        raw = self._get(key)
        if not raw:
            return default
        try:
            return json.loads(raw)
        except (TypeError, ValueError):
            return default

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
        sizes = self._json(f"splitters/{name}", [])
        return [int(x) for x in sizes if isinstance(x, (int, float))] if isinstance(sizes, list) else []

    def set_splitter(self, name: str, sizes: list[int]) -> None:
        self._s.setValue(f"splitters/{name}", json.dumps([int(x) for x in sizes]))

    # -- preferences
    def font_size(self) -> int:
        try:
            v = int(self._get("view/font_pt", DEFAULT_FONT_PT))
        except (TypeError, ValueError):
            v = DEFAULT_FONT_PT
        return max(MIN_FONT_PT, min(MAX_FONT_PT, v))

    def set_font_size(self, pt: int) -> None:
        self._s.setValue("view/font_pt", int(max(MIN_FONT_PT, min(MAX_FONT_PT, pt))))

    def theme(self) -> str:
        v = str(self._get("view/theme", "auto"))
        return v if v in ("auto", "light", "dark") else "auto"

    def set_theme(self, value: str) -> None:
        self._s.setValue("view/theme", value)

    def categories(self) -> dict[str, bool]:
        data = self._json("view/categories", {})
        return {str(k): bool(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def set_categories(self, enabled: dict[str, bool]) -> None:
        self._s.setValue("view/categories", json.dumps(enabled, sort_keys=True))

    def flag(self, name: str, default: bool = False) -> bool:
        """Boolean view options: "sync_scroll", "collapse_boilerplate", "show_tone"..."""
        return _to_bool(self._get(f"view/{name}"), default)

    def set_flag(self, name: str, value: bool) -> None:
        self._s.setValue(f"view/{name}", bool(value))

    # -- files
    def recent_files(self) -> list[str]:
        data = self._json("files/recent", [])
        return [str(p) for p in data][:MAX_RECENT] if isinstance(data, list) else []

    def add_recent_file(self, path: str) -> list[str]:
        path = str(Path(path).resolve())
        items = [path] + [p for p in self.recent_files() if p != path]
        self._s.setValue("files/recent", json.dumps(items[:MAX_RECENT]))
        return items[:MAX_RECENT]

    def clear_recent_files(self) -> None:
        self._s.setValue("files/recent", json.dumps([]))

    def last_directory(self) -> str:
        return str(self._get("files/last_dir", "") or "")

    def set_last_directory(self, path: str) -> None:
        self._s.setValue("files/last_dir", path)

    # -- session: which articles were open (file paths, or the pasted text itself) and their metadata
    def has_session(self) -> bool:
        return self._get("session/articles") is not None

    def session(self) -> list[dict[str, Any]]:
        data = self._json("session/articles", [])
        return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []

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
