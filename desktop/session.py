"""The session: which articles are open (file paths, or the pasted text itself) and the window's layout,
saved 400 ms after a change (and written to disk at once) and restored at the next start.

A marker is set while the window is open and removed when it closes normally. Found at the next start,
it means Slant crashed or was killed: the window then says what it restored, offers back unsaved changes
to a named comparison instead of taking them silently, and when files were given on the command line
keeps the crashed session aside and offers to restore it (nothing typed or pasted is lost).
"""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from analysis.comparison_file import SavedArticle

from . import screen_fit
from analysis.sources import Article, SourceError, article_from_text, read_article, text_id

if TYPE_CHECKING:
    from .main_window import MainWindow

SAVE_DELAY_MS = 400
DEFAULT_SPLITTERS = {"main": [250, 1250], "side": [240, 420], "reading": [640, 250]}
META_FIELDS = tuple(f.name for f in dataclasses.fields(Article) if f.name not in ("text", "id", "path", "notes"))


def _pid_alive(pid: Any) -> bool:
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def article_from_item(item: Any) -> tuple[Article, bool, bool]:
    """One article of a saved session -> (article, pasted, shown). Raises ``SourceError`` with a sentence
    when the item cannot give an article (its file is gone, it is damaged)."""
    if not isinstance(item, dict):
        raise SourceError("an entry of the last session is damaged")
    meta: dict[str, Any] = {k: item.get(k) if isinstance(item.get(k), str) else None for k in META_FIELDS
                            if k != "encoding_chosen"}
    chosen = item.get("encoding_chosen") is True and bool(meta.get("encoding"))
    path = item.get("path") if isinstance(item.get("path"), str) and item.get("path") else None
    if isinstance(item.get("text"), str):  # pasted, or its file is not on this disk
        art = article_from_text(item["text"], **meta).with_meta(path=path)
        if isinstance(item.get("id"), str) and item["id"]:
            art = art.with_meta(id=item["id"])
        pasted = True
    elif path:
        try:
            reading = {k: meta.pop(k) for k in ("encoding",)}  # the file decides, unless the user chose
            art = read_article(path, encoding=reading["encoding"] if chosen else None).with_meta(**meta)
        except ValueError as exc:  # e.g. a NUL character in a damaged path
            raise SourceError(f"the file name {path!r} of an article is damaged") from exc
        if isinstance(item.get("id"), str) and item["id"] and item.get("text_id") == text_id(art.text):
            art = art.with_meta(id=item["id"])  # same text: keep its id (e.g. the seeds' "001")
        pasted = False
    else:
        raise SourceError("an article of the last session had neither a file nor a text")
    shown = item.get("shown", item.get("compared", True))
    return art, pasted, shown if isinstance(shown, bool) else True


class SessionKeeper(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.restoring = False
        self.crashed = False  # the last run did not close normally
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.save)

    def changed(self) -> None:
        """Something in the session changed: save it shortly (many changes in a row give one save)."""
        self.timer.start()

    # -- normal or not
    def begin(self) -> bool:
        """Note that a window is open (on disk at once); returns whether the last run ended abnormally."""
        marker = self.settings.running_marker()
        self.crashed = marker is not None and marker.get("pid") != os.getpid() and not _pid_alive(marker.get("pid"))
        self.settings.set_running_marker({"pid": os.getpid(),
                                          "started": datetime.now(timezone.utc).replace(microsecond=0).isoformat()})
        self.settings.sync()
        return self.crashed

    def end(self) -> None:
        """The window closes normally."""
        self.settings.set_running_marker(None)
        self.settings.sync()

    def open_initial(self, files: Sequence[str], force_seeds: bool = False, reading: dict | None = None) -> None:
        """FILES when given; else the last session; on first run (or for screenshots) the demo seeds. After a
        crash, say what was restored, or keep the crashed session aside when files were given."""
        w = self.window
        crashed = self.begin()
        leftover = self.settings.recovered_session()
        if files:
            if crashed and self.settings.session():
                leftover = self.settings.session()
                self.settings.set_recovered_session(leftover)
                self.settings.sync()
            w.open_files(list(files), **(reading or {}))
        elif force_seeds or not self.settings.has_session():
            w.load_seeds()
        else:
            restored, pasted = self.restore_counted()
            if crashed:
                self._say_restored(restored, pasted)
        if leftover and files:
            self._offer_recovered(leftover)
        draft = self.settings.paste_draft()
        if draft:
            self._offer_draft(draft)

    def _offer_draft(self, draft: dict[str, Any]) -> None:
        """The paste dialog was open with text in it when Slant stopped: offer that text back."""
        w = self.window
        words = len(str(draft.get("text") or "").split())

        def paste() -> None:
            w.message_bar.dismiss()
            w.library.paste_dialog(draft=draft)

        def discard() -> None:
            self.settings.set_paste_draft(None)
            self.settings.sync()
            w.message_bar.dismiss()

        w.show_info(f"Text you were pasting when Slant stopped ({_plural(words, 'word')}) is kept.",
                    actions=[("Paste it now", paste), ("Discard", discard)])

    def _say_restored(self, restored: int, pasted: int) -> None:
        w = self.window
        text = (f"Slant did not close normally last time; restored {_plural(restored, 'article')}"
                + (f", including {pasted} pasted" if pasted else "") + ".")
        files = w.comparisons
        if files.path and files.is_modified():
            name = Path(files.path).name
            w.show_info(text + f"\nYour unsaved changes to “{name}” are back: save them, or open the saved version.",
                        actions=[("Save", files.save), ("Save as…", files.save_as),
                                 ("Open saved version", lambda: files.open_path(files.path, confirm=False))])
        else:
            w.show_info(text)

    def _offer_recovered(self, items: list[dict[str, Any]]) -> None:
        pasted = sum(1 for i in items if isinstance(i.get("text"), str))

        def restore() -> None:
            self.restoring = True
            try:
                n, _p = self._add_items(items, skip_open=True)
            finally:
                self.restoring = False
            self.settings.set_recovered_session([])
            self.window.library.after_add()
            self.window.message_bar.dismiss()
            self.window.show_info(f"Restored {_plural(n, 'article')} from the session that did not close normally.")

        def discard() -> None:
            self.settings.set_recovered_session([])
            self.window.message_bar.dismiss()

        self.window.show_info(
            f"Slant did not close normally last time. Its {_plural(len(items), 'article')}"
            + (f" (including {pasted} pasted)" if pasted else "")
            + " were not opened because files were given; they are kept until you choose.",
            actions=[("Restore them", restore), ("Discard", discard)])

    # -- articles
    def items(self) -> list[dict[str, Any]]:
        items = []
        for e in self.window.model.entries():
            a = e.article
            item = SavedArticle.from_article(a, pasted=e.pasted, shown=e.compared).to_dict()
            item["compared"] = e.compared  # the key older versions read
            if a.path and not e.pasted:
                del item["text"]  # the file holds it
                item["text_id"] = text_id(a.text)
            items.append(item)
        return items

    def save(self) -> None:
        if self.restoring:
            return
        self.settings.set_session(self.items())
        self.settings.set_session_comparison(self.window.comparisons.session_info())
        self.settings.sync()  # on disk now: a crash a moment later loses nothing

    def restore(self) -> int:
        """Reopen the last session's articles. Returns how many were restored."""
        return self.restore_counted()[0]

    def restore_counted(self) -> tuple[int, int]:
        """Reopen the last session's articles: (how many are open now, how many of them were pasted)."""
        w = self.window
        self.restoring = True
        try:
            w.comparisons.restore_session_info(self.settings.session_comparison())
            _n, pasted = self._add_items(self.settings.session())
        finally:
            self.restoring = False
        w.library.after_add()
        return w.model.rowCount(), pasted

    def _add_items(self, items: list[dict[str, Any]], skip_open: bool = False) -> tuple[int, int]:
        """Add the session's articles to the model: (how many were added, how many of them were pasted).
        ``skip_open``: leave out texts already open (restoring a crashed session beside given files)."""
        w = self.window
        errors = []
        added = pasted_n = 0
        open_texts = {e.article.text for e in w.model.entries()} if skip_open else set()
        for item in items:
            try:
                art, pasted, shown = article_from_item(item)
            except SourceError as exc:
                errors.append(f"Could not reopen an article from the last session: {exc}")
                continue
            except Exception as exc:  # noqa: BLE001 - one bad file never stops the launch
                where = item.get("path") if isinstance(item, dict) and isinstance(item.get("path"), str) else None
                errors.append(f"Could not reopen {where or 'an article'} from the last session: "
                              f"{type(exc).__name__}: {exc}")
                continue
            if art.text in open_texts:
                continue
            w.model.add(art, compared=shown, pasted=pasted)
            added += 1
            pasted_n += pasted and not art.path
        for msg in errors:
            w.show_error(msg)
        w.report_settings()
        return added, pasted_n

    # -- window layout
    def restore_layout(self) -> None:
        w, s = self.window, self.settings
        geo = s.geometry()
        if geo is not None and w.restoreGeometry(geo):
            screen_fit.keep_on_screen(w)  # saved on a larger screen: brought inside this one
        else:
            screen_fit.place_first(w)
        state = s.window_state()
        if state is not None:
            w.restoreState(state)
        for name, sp in self._splitters().items():
            sizes = s.splitter(name)
            sp.setSizes(sizes if len(sizes) == sp.count() and all(x > 0 for x in sizes) else DEFAULT_SPLITTERS[name])

    def save_layout(self) -> None:
        w, s = self.window, self.settings
        s.set_geometry(w.saveGeometry())
        s.set_window_state(w.saveState())
        for name, sp in self._splitters().items():
            s.set_splitter(name, sp.sizes())
        s.set_categories(w.legend_model.enabled())
        s.set_font_size(w.font_pt)
        s.set_flag("sync_scroll", w.actions_by_name["sync"].isChecked())
        s.set_flag("collapse_boilerplate", w.actions_by_name["collapse"].isChecked())

    def _splitters(self) -> dict[str, Any]:
        w = self.window
        return {"main": w.main_splitter, "side": w.side_splitter, "reading": w.reading_splitter}
