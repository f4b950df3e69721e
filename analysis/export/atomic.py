"""Atomic file writes: a crash, a full disk or an exception never leaves a half-written file in place.

The data goes to a temporary file in the destination's folder (same file system, so the final
``os.replace`` is atomic), is flushed and fsynced, then renamed over the destination. On any error the
temporary file is removed and the old destination, if there was one, is untouched.

- A destination that is a symlink is written *through*: the file it points to is replaced (the
  temporary file goes in that file's folder) and the link stays a link, as editors do.
- A destination that exists but is not a regular file (device, FIFO, socket, folder) is refused with
  ``NotRegularFileError`` (an ``OSError``) and left alone: a rename would replace the device itself.
- ``write_many`` writes several files all or nothing: every file goes to a temporary first; only when
  all are written are they renamed into place, and a rename failing half way puts the old files back.
"""
from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


class NotRegularFileError(OSError):
    """The destination exists and is not a regular file; nothing was written."""


def resolve_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` replaces: ``path`` itself, or what its symlink(s) point to.
    Raises ``NotRegularFileError`` for an existing device, FIFO, socket or folder."""
    import stat

    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    if not stat.S_ISREG(mode):
        from .target import kind_of

        what = "a folder" if stat.S_ISDIR(mode) else kind_of(mode)
        raise NotRegularFileError(errno.EEXIST, f"{path} is {what}, not a regular file: not written over")
    return target


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "wb", *, encoding: str | None = None,
                 newline: str | None = None) -> Iterator[IO]:
    """``with atomic_write(path) as f: f.write(...)``: ``path`` changes only if the block succeeds."""
    if mode not in ("wb", "w"):
        raise ValueError("atomic_write supports mode 'wb' or 'w'")
    target = resolve_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    try:
        # Keep the permissions the file had (or the usual ones for a new file), not mkstemp's 0600.
        try:
            perm = target.stat().st_mode & 0o7777
        except OSError:
            perm = _default_mode()
        os.chmod(tmp, perm)
        if mode == "w":
            f: IO = os.fdopen(fd, "w", encoding=encoding or "utf-8", newline=newline)
        else:
            f = os.fdopen(fd, "wb")
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_write(path, "wb") as f:
        f.write(data)


def write_text(path: str | os.PathLike[str], text: str) -> None:
    with atomic_write(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def write_many(items: list[tuple[str | os.PathLike[str], bytes]]) -> None:
    """Write several files all or nothing (see the module docstring)."""
    staged: list[tuple[Path, str]] = []  # (destination, its temporary)
    try:
        for path, data in items:
            target = resolve_target(path)
            folder = target.parent if str(target.parent) else Path(".")
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
            staged.append((target, tmp))
            with os.fdopen(fd, "wb") as f:  # closed whatever happens below
                try:
                    perm = target.stat().st_mode & 0o7777
                except OSError:
                    perm = _default_mode()
                os.chmod(tmp, perm)
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
    except BaseException:
        for _, tmp in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
    # Every file is written: rename them into place. Old versions are kept (hard links) until all
    # renames succeeded, so a failure half way puts the previous set back.
    backups: list[tuple[Path, str | None]] = []
    renamed: list[tuple[Path, str | None]] = []
    try:
        for target, _ in staged:
            backup = None
            if target.exists():
                backup = tempfile.mktemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old")
                try:
                    os.link(target, backup)
                except OSError:
                    backup = None
            backups.append((target, backup))
        for (target, tmp), (_, backup) in zip(staged, backups):
            os.replace(tmp, target)
            renamed.append((target, backup))
    except BaseException:
        for target, backup in renamed:
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, target)
                else:
                    os.unlink(target)
        for _, tmp in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for _, backup in backups:
            if backup is not None:
                with contextlib.suppress(OSError):
                    os.unlink(backup)
        raise
    for _, backup in backups:
        if backup is not None:
            with contextlib.suppress(OSError):
                os.unlink(backup)
    for folder in {t.parent for t, _ in staged}:
        _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); silently skipped where directories cannot be opened."""
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)
