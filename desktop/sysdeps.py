"""Check the system libraries Qt needs, install them when root, else say exactly what to run.

Run as ``python -m desktop.sysdeps offscreen|gui``. It asks the dynamic linker (``ldd``) which
shared libraries the installed PySide6 Qt platform plugins cannot find, maps each to its Debian
package and, as root, installs them with apt-get; otherwise it prints the exact command and fails.
Nothing here imports Qt, so it works even when Qt itself cannot load.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

# soname -> Debian package (bookworm names; Ubuntu uses the same ones for these).
DEBIAN_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}

# Fonts that give real glyphs: DejaVu (Latin, Cyrillic, Greek, Hebrew, Arabic), Noto CJK, Noto emoji.
FONT_PACKAGES = ["fonts-dejavu-core", "fonts-noto-cjk", "fonts-noto-color-emoji"]

PLUGINS = {
    "offscreen": ["platforms/libqoffscreen.so"],
    "gui": ["platforms/libqoffscreen.so", "platforms/libqxcb.so"],
}


def qt_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "Qt"


def missing_libraries(mode: str) -> set[str]:
    base = qt_dir()
    if base is None or shutil.which("ldd") is None:
        return set()
    missing: set[str] = set()
    targets = [base / "plugins" / p for p in PLUGINS[mode]]
    targets += [base / "lib" / "libQt6Gui.so.6", base / "lib" / "libQt6Widgets.so.6"]
    for target in targets:
        if not target.exists():
            continue
        out = subprocess.run(["ldd", str(target)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "not found" in line:
                missing.add(line.split("=>")[0].strip())
    return missing


def missing_fonts() -> list[str]:
    """Font packages not installed (checked with dpkg; skipped where there is no dpkg)."""
    if shutil.which("dpkg-query") is None:
        return []
    absent = []
    for pkg in FONT_PACKAGES:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True)
        if "install ok installed" not in r.stdout:
            absent.append(pkg)
    return absent


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    mode = args[0] if args else "offscreen"
    if mode not in PLUGINS:
        print(f"usage: python -m desktop.sysdeps {'|'.join(PLUGINS)}", file=sys.stderr)
        return 2
    libs = missing_libraries(mode)
    unknown = sorted(lib for lib in libs if lib not in DEBIAN_PACKAGES)
    packages = sorted({DEBIAN_PACKAGES[lib] for lib in libs if lib in DEBIAN_PACKAGES})
    packages += [p for p in missing_fonts() if p not in packages]
    if unknown:
        print("Qt cannot find these system libraries: " + ", ".join(unknown), file=sys.stderr)
    if not packages:
        return 1 if unknown else 0
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if is_root and shutil.which("apt-get"):
        print("Installing system packages Slant needs: " + " ".join(packages))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        done = subprocess.run(command + ["-qq"], env=env)
        if done.returncode == 0:
            return 0
        print("apt-get failed; install these packages by hand: " + " ".join(packages), file=sys.stderr)
        return 1
    print("Slant needs these system packages. Install them with:", file=sys.stderr)
    print("  sudo apt-get update && sudo " + " ".join(command), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
