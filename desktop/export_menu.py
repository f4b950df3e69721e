"""File > Export… and File > Print… in the window: check there is a comparison to export, open the export
dialog (``desktop.export_dialog``) or the print dialog (``desktop.exporting.print_sheet``) with the window's
blind mode and labels, and say where the file went (Open, Show in folder).

Both are guarded: when the export modules cannot be loaded in this build, or an export fails, the window's
message bar says so and the window goes on working.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .message_bar import open_path, show_in_folder

if TYPE_CHECKING:
    from .main_window import MainWindow


class ExportMenu:
    def __init__(self, window: MainWindow):
        self.window = window

    def _inputs(self) -> tuple[list[Any], Any] | None:
        w = self.window
        analyses = w.analysis.compared_analyses()
        if not analyses or w.comparison is None:
            w.show_info("Nothing to export yet: wait for the analysis to finish.")
            return None
        return analyses, w.comparison

    def export_dialog(self) -> None:
        inputs = self._inputs()
        if inputs is None:
            return
        w = self.window
        try:
            from .export_dialog import ExportDialog
        except Exception as exc:  # noqa: BLE001
            w.show_error(f"Export is not available in this build ({exc}).")
            return
        try:
            dlg = ExportDialog(inputs[0], inputs[1], parent=w,
                               default_dir=w.settings.last_directory() or None,
                               protect=[e.article.path for e in w.model.entries()],
                               blind=w.blinding.on, labels=w.blinding.id_labels())
            dlg.exported.connect(self.show_exported)
            dlg.exec()
        except Exception as exc:  # noqa: BLE001
            w.show_error(f"Export failed: {exc}")

    def print_sheet(self) -> None:
        inputs = self._inputs()
        if inputs is None:
            return
        w = self.window
        try:
            from .exporting import ExportOptions, print_sheet

            print_sheet(inputs[0], inputs[1], parent=w,
                        options=ExportOptions(blind=w.blinding.on, labels=w.blinding.id_labels()))
        except Exception as exc:  # noqa: BLE001
            w.show_error(f"Printing failed: {exc}")

    def show_exported(self, path: str) -> None:
        """After an export: where the file went, with Open and Show in folder."""
        w = self.window

        def opened(ok: bool, what: str) -> None:
            if not ok:
                w.show_error(f"No application could open {what}; the file is at {path}")

        w.show_info(f"Exported the comparison to {path}",
                    actions=[("Open", lambda: opened(open_path(path), Path(path).name)),
                             ("Show in folder", lambda: opened(show_in_folder(path), "its folder"))])
