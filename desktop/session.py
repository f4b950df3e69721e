"""The session: which articles are open (file paths, or the pasted text itself) and the window's layout,
saved 400 ms after a change and restored at the next start."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from analysis.sources import SourceError, article_from_text, read_article, text_id

if TYPE_CHECKING:
    from .main_window import MainWindow

SAVE_DELAY_MS = 400
DEFAULT_SIZE = (1500, 940)
DEFAULT_SPLITTERS = {"main": [250, 1250], "side": [240, 420], "reading": [640, 250]}


class SessionKeeper(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.restoring = False
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.save)

    def changed(self) -> None:
        """Something in the session changed: save it shortly (many changes in a row give one save)."""
        self.timer.start()

    # -- articles
    def items(self) -> list[dict[str, Any]]:
        items = []
        for e in self.window.model.entries():
            a = e.article
            item: dict[str, Any] = {"outlet": a.outlet, "title": a.title, "date": a.date, "byline": a.byline,
                                    "compared": e.compared, "id": a.id}
            if a.path and not e.pasted:
                item["path"] = a.path
                item["text_id"] = text_id(a.text)
            else:
                item["text"] = a.text
            items.append(item)
        return items

    def save(self) -> None:
        if self.restoring:
            return
        self.settings.set_session(self.items())

    def restore(self) -> int:
        """Reopen the last session's articles. Returns how many were restored."""
        w = self.window
        self.restoring = True
        errors = []
        try:
            for item in self.settings.session():
                meta = {k: item.get(k) for k in ("outlet", "title", "date", "byline")}
                try:
                    if item.get("path"):
                        art = read_article(item["path"]).with_meta(**meta)
                        if item.get("id") and item.get("text_id") == text_id(art.text):
                            art = art.with_meta(id=item["id"])  # same text: keep its id (e.g. the seeds' "001")
                        pasted = False
                    else:
                        art = article_from_text(str(item.get("text") or ""), **meta)
                        if item.get("id"):
                            art = art.with_meta(id=item["id"])
                        pasted = True
                except SourceError as exc:
                    errors.append(f"Could not reopen an article from the last session: {exc}")
                    continue
                except Exception as exc:  # noqa: BLE001 - one bad file never stops the launch
                    errors.append(f"Could not reopen {item.get('path') or 'an article'} from the last session: "
                                  f"{type(exc).__name__}: {exc}")
                    continue
                w.model.add(art, compared=bool(item.get("compared", True)), pasted=pasted)
        finally:
            self.restoring = False
        for msg in errors:
            w.show_error(msg)
        w.report_settings()
        w.library.after_add()
        return w.model.rowCount()

    # -- window layout
    def restore_layout(self) -> None:
        w, s = self.window, self.settings
        geo = s.geometry()
        if geo is not None:
            w.restoreGeometry(geo)
        else:
            w.resize(*DEFAULT_SIZE)
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
