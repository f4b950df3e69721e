"""Where an export may write: one check shared by ``slant export -o`` and the window's export dialog.

``check_target(path, fmt, protect=...)`` raises ``ExportTargetError`` (a message for the user) when

- the name is empty;
- the path is a device, a FIFO, a socket or any other non-regular file (a symlink is judged by what
  it points to): Slant never replaces one, nor writes into one (``-o /dev/null`` as root once
  replaced the system's device with a file);
- the path is a folder, except for the CSV folder form (one CSV per table inside it);
- its folder does not exist;
- a file it would write is one of the articles being exported (``protect``: same path, or the same
  file through a link or another name).

A symlink is allowed: the writer (``atomic``) resolves it and replaces the file it points to, as
editors do; the link stays a link.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path


class ExportTargetError(ValueError):
    """The export target cannot be used; ``str(err)`` is the message for the user."""


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file or a folder."""
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "a special file"


def special_file_message(path: str | os.PathLike[str], mode: int) -> str:
    return (f"{path} is {kind_of(mode)}, not a regular file: Slant does not write over it. "
            "Choose a file name instead.")


def _same_file(a: Path, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def is_csv_folder(path: str | os.PathLike[str]) -> bool:
    """True when a CSV export to PATH writes one CSV per table into the folder PATH."""
    p = Path(path)
    return p.is_dir() or (not p.suffix and not p.exists())


def check_target(path: str | os.PathLike[str] | None, fmt: str, protect: Iterable[str | None] = (),
                 tables: Sequence = ()) -> Path:
    """The path to write, checked (see the module docstring); ``tables`` (for CSV) names the side files."""
    text = "" if path is None else os.fspath(path)
    if not text.strip():
        raise ExportTargetError("There is no file name to export to: give one (for example sheet.pdf).")
    p = Path(text).expanduser()
    try:
        st = os.stat(p)  # follows a symlink: what it points to is what would be written
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise ExportTargetError(f"Cannot export to {p}: {exc.strerror or exc}.") from exc
    if st is not None and kind_of(st.st_mode):
        raise ExportTargetError(special_file_message(p, st.st_mode))
    folder_form = fmt == "csv" and is_csv_folder(p)
    if st is not None and stat.S_ISDIR(st.st_mode) and not folder_form:
        raise ExportTargetError(f"{p} is a folder: give a file name inside it "
                                f"(for example {p / ('slant-comparison.' + ('zip' if fmt == 'csv' else fmt))}).")
    parent = p if folder_form else Path(os.path.realpath(p)).parent
    if not folder_form and not parent.is_dir():
        raise ExportTargetError(f"The folder {parent} does not exist.")
    targets = [p]
    if fmt == "csv" and p.suffix.lower() != ".zip" and tables:
        from .spreadsheet import csv_files_for

        targets = csv_files_for(p, tables)
        for t in targets[1:] if not folder_form else targets:
            try:
                mode = os.stat(t).st_mode
            except OSError:
                continue
            if kind_of(mode):
                raise ExportTargetError(special_file_message(t, mode))
    protected = [str(x) for x in protect if x]
    for t in targets:
        for src in protected:
            if _same_file(t, src):
                raise ExportTargetError(
                    f"{t.name} is one of the input articles ({src}): exporting there would overwrite it. "
                    "Choose another name.")
    return p
