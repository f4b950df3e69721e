"""`make run`/`make test` check Qt's system libraries: root installs them, a normal user is told the exact line."""
import subprocess

from desktop import sysdeps


def test_missing_library_as_normal_user_prints_the_apt_line(monkeypatch, capsys):
    monkeypatch.setattr(sysdeps, "missing_libraries", lambda mode: {"libxcb-icccm.so.4", "libEGL.so.1"})
    monkeypatch.setattr(sysdeps, "missing_fonts", lambda: ["fonts-noto-cjk"])
    monkeypatch.setattr(sysdeps.os, "geteuid", lambda: 1000)
    ran = []
    monkeypatch.setattr(sysdeps.subprocess, "run", lambda *a, **k: ran.append(a))
    assert sysdeps.main(["gui"]) == 1
    err = capsys.readouterr().err
    assert "sudo apt-get update && sudo apt-get install -y --no-install-recommends" in err
    assert "libegl1" in err and "libxcb-icccm4" in err and "fonts-noto-cjk" in err
    assert ran == []  # nothing is installed behind a normal user's back


def test_missing_library_as_root_installs_with_apt(monkeypatch, capsys):
    monkeypatch.setattr(sysdeps, "missing_libraries", lambda mode: {"libxcb-keysyms.so.1"})
    monkeypatch.setattr(sysdeps, "missing_fonts", lambda: [])
    monkeypatch.setattr(sysdeps.os, "geteuid", lambda: 0)
    monkeypatch.setattr(sysdeps.shutil, "which", lambda name: f"/usr/bin/{name}")
    calls = []

    def fake_run(cmd, **kwargs):
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(sysdeps.subprocess, "run", fake_run)
    assert sysdeps.main(["offscreen"]) == 0
    assert calls[0][:2] == ["apt-get", "update"]
    assert calls[1][:3] == ["apt-get", "install", "-y"] and "libxcb-keysyms1" in calls[1]


def test_nothing_missing_is_silent_success(monkeypatch, capsys):
    monkeypatch.setattr(sysdeps, "missing_libraries", lambda mode: set())
    monkeypatch.setattr(sysdeps, "missing_fonts", lambda: [])
    assert sysdeps.main(["offscreen"]) == 0
    assert capsys.readouterr() == ("", "")


def test_this_machine_has_what_the_offscreen_tests_need():
    # the real check against the installed Qt: after `make test`'s install step nothing may be missing
    assert sysdeps.missing_libraries("offscreen") == set()
