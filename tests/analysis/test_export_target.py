"""Where an export may write: never onto a device, a FIFO, a socket, an input article, a folder or an
empty name; a symlink is written through (the link stays a link); a set of CSV files is all or nothing."""
from __future__ import annotations

import errno
import os
import socket
import stat

import pytest

from analysis.export import atomic
from analysis.export.spreadsheet import write_csv
from analysis.export.tables import Table
from analysis.export.target import ExportTargetError, check_target

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")


def tables(n=8):
    return [Table(f"Table {i}", "t", ("a",), ("text",), [[f"row {i}"]]) for i in range(n)]


@needs_fifo
@pytest.mark.parametrize("fmt", ["pdf", "html", "xlsx", "csv", "json"])
def test_a_fifo_is_refused_and_left_alone(tmp_path, fmt):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ExportTargetError, match="not a regular file"):
        check_target(fifo, fmt)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@needs_root
def test_a_character_device_is_refused_and_left_alone(tmp_path):
    dev = tmp_path / "null"
    os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private copy of /dev/null's numbers
    with pytest.raises(ExportTargetError, match="device"):
        check_target(dev, "pdf")
    # the writer itself refuses too (a second line of defence)
    with pytest.raises(OSError):
        atomic.write_bytes(dev, b"x")
    assert stat.S_ISCHR(os.lstat(dev).st_mode)


@needs_fifo
def test_the_atomic_writer_never_replaces_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        atomic.write_text(fifo, "data")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_socket_is_refused(tmp_path):
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets")
    path = tmp_path / "sock"
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.bind(str(path))
        with pytest.raises(ExportTargetError, match="socket"):
            check_target(path, "json")
    finally:
        s.close()


def test_an_input_article_is_refused_by_name_and_through_a_link(tmp_path):
    art = tmp_path / "article.txt"
    art.write_text("The text the user wrote.", encoding="utf-8")
    with pytest.raises(ExportTargetError, match="article.txt.*input"):
        check_target(art, "json", protect=[str(art)])
    link = tmp_path / "other-name.json"
    link.symlink_to(art)
    with pytest.raises(ExportTargetError, match="input"):
        check_target(link, "json", protect=[str(art)])
    hard = tmp_path / "hard.json"
    os.link(art, hard)  # same inode under another name
    with pytest.raises(ExportTargetError, match="input"):
        check_target(hard, "json", protect=[str(art)])
    # the CSV side files count too: sheet.csv writes sheet-<table>.csv beside it
    side = tmp_path / "sheet-table_1.csv"
    side.write_text("input", encoding="utf-8")
    with pytest.raises(ExportTargetError, match="input"):
        check_target(tmp_path / "sheet.csv", "csv", protect=[str(side)], tables=tables(3))
    assert art.read_text(encoding="utf-8") == "The text the user wrote."


def test_an_empty_name_and_a_folder_are_refused_with_clear_messages(tmp_path):
    for empty in ("", "   "):
        with pytest.raises(ExportTargetError, match="no file name"):
            check_target(empty, "pdf")
    with pytest.raises(ExportTargetError, match="is a folder"):
        check_target(tmp_path, "pdf")
    with pytest.raises(ExportTargetError, match="does not exist"):
        check_target(tmp_path / "missing" / "x.pdf", "pdf")
    # the CSV folder form is the one format that writes into a folder
    assert check_target(tmp_path, "csv") == tmp_path


def test_a_symlink_is_written_through_atomically_and_stays_a_link(tmp_path):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = real_dir / "sheet.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    check_target(link, "json")
    atomic.write_text(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real"]
    assert [p.name for p in real_dir.iterdir()] == ["sheet.json"]


def test_a_csv_folder_export_on_a_full_disk_leaves_no_partial_set(tmp_path, monkeypatch):
    folder = tmp_path / "out"
    real_fsync = os.fsync
    calls = {"n": 0}

    def fsync(fd):
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    with pytest.raises(OSError) as info:
        write_csv(folder, tables(8))
    assert info.value.errno == errno.ENOSPC
    assert not folder.exists() or list(folder.iterdir()) == []  # no partial set, no temporaries


def test_a_failed_csv_export_keeps_the_previous_complete_set(tmp_path, monkeypatch):
    folder = tmp_path / "out"
    write_csv(folder, tables(8))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real_fsync = os.fsync
    calls = {"n": 0}

    def fsync(fd):
        calls["n"] += 1
        if calls["n"] == 6:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    newer = [Table(t.name, t.title, t.headers, t.kinds, [["changed"]]) for t in tables(8)]
    with pytest.raises(OSError):
        write_csv(folder, newer)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_rename_failing_half_way_puts_the_old_set_back(tmp_path, monkeypatch):
    target = tmp_path / "sheet.csv"
    write_csv(target, tables(4))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real_replace = os.replace
    calls = {"n": 0}

    def replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.EIO, "I/O error")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    newer = [Table(t.name, t.title, t.headers, t.kinds, [["changed"]]) for t in tables(4)]
    with pytest.raises(OSError):
        write_csv(target, newer)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
