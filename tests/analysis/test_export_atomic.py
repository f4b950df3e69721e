"""Atomic writes: a failure mid-write never replaces a good file with a broken one."""
from __future__ import annotations

import errno
import os
import stat

import pytest

from analysis.export import atomic
from analysis.export.spreadsheet import write_csv
from analysis.export.tables import Table


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_success_replaces_the_file_and_keeps_its_permissions(tmp_path):
    p = tmp_path / "out.txt"
    p.write_text("old")
    os.chmod(p, 0o640)
    atomic.write_text(p, "new ✓")
    assert p.read_text("utf-8") == "new ✓"
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_exception_mid_write_keeps_the_old_file(tmp_path):
    p = tmp_path / "out.bin"
    p.write_bytes(b"good data")
    with pytest.raises(RuntimeError):
        with atomic.atomic_write(p) as f:
            f.write(b"half of the new")
            raise RuntimeError("crash in the middle")
    assert p.read_bytes() == b"good data"
    assert leftovers(tmp_path) == []


def test_full_disk_at_fsync_raises_oserror_and_keeps_the_old_file(tmp_path, monkeypatch):
    p = tmp_path / "out.bin"
    p.write_bytes(b"good data")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OSError) as info:
        atomic.write_bytes(p, b"new data" * 1000)
    assert info.value.errno == errno.ENOSPC
    assert p.read_bytes() == b"good data"
    assert leftovers(tmp_path) == []


def test_unwritable_folder_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        atomic.write_text(tmp_path / "missing" / "x.txt", "x")


def test_a_csv_export_that_fails_leaves_the_previous_zip(tmp_path, monkeypatch):
    p = tmp_path / "t.zip"
    t = Table("Summary", "s", ("a",), ("text",), [["x"]])
    write_csv(p, [t])
    good = p.read_bytes()
    monkeypatch.setattr(atomic.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.EIO, "I/O error")))
    with pytest.raises(OSError):
        write_csv(p, [Table("Summary", "s", ("a",), ("text",), [["y"]])])
    assert p.read_bytes() == good
    assert leftovers(tmp_path) == []
