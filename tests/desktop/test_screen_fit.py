"""The window fits a 1280x720 screen (a classroom projector): nothing off screen, no clipped chip, panes
at least ~28 characters wide with the pane area scrolling sideways, a sixth article never grows the window,
and Ctrl+Plus scales the whole interface. The real app runs in a subprocess on an offscreen screen of that
size (``screen_driver.py``); its screenshot is checked too."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "tests" / "desktop" / "screen_driver.py"


def inside(r, outer) -> bool:
    x, y, w, h = r
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.fixture(scope="module")
def at_720(tmp_path_factory, seed_cache_dir):
    tmp = tmp_path_factory.mktemp("screen")
    config = tmp / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "Projector", "x": 0, "y": 0, "width": 1280, "height": 720,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    shutil.copytree(seed_cache_dir, tmp / "cache")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(ROOT),
               SLANT_SETTINGS_DIR=str(tmp / "settings"), SLANT_CACHE_DIR=str(tmp / "cache"))
    png = tmp / "window-1280x720.png"
    done = subprocess.run([sys.executable, str(DRIVER), str(png)], env=env, cwd=str(ROOT), capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    report = {}
    for line in done.stdout.splitlines():
        report.update(json.loads(line))
    return report, png


def test_first_window_fits_the_screen_and_every_pane_is_reachable(at_720):
    report, _ = at_720
    first = report["first"]
    assert first["available"] == [0, 0, 1280, 720]
    assert inside(first["frame"], first["available"])
    assert len(first["panes"]) == 5
    assert first["scroll_max"] > 0  # five readable panes do not fit in 1280 px: the pane area scrolls
    for p in first["panes"]:
        # scrolled into view, the whole pane is on screen, inside the pane area
        assert p["rect"] == p["full_rect"], p["label"]
        assert inside(p["rect"], first["viewport"]), p["label"]
        assert p["chars_per_line"] >= 28, p["label"]
        assert p["rect"][3] >= 250, p["label"]  # tall enough to read
        for chip in p["chips"]:
            assert chip["visible"] and chip["width"] >= chip["needs"], (p["label"], chip)
            assert chip["rect"][2] == chip["width"] and inside(chip["rect"], p["header"]), (p["label"], chip)
        assert p["shown_label"] == p["label"] or p["shown_label"].endswith("…")
    long_names = [p for p in first["panes"] if p["label"].startswith("Aggregator")]
    assert long_names[0]["shown_label"].endswith("…")  # elided, the full name is in the tooltip
    assert inside(first["detail"], [0, 0, *first["size"]]) and first["detail"][3] >= 120  # the summary
    assert inside(first["legend"], [0, 0, *first["size"]])
    assert inside(first["status"], [0, 0, *first["size"]])


def test_a_sixth_article_never_grows_the_window(at_720):
    report, _ = at_720
    first, sixth = report["first"], report["sixth"]
    assert len(sixth["panes"]) == 6
    assert sixth["frame"] == first["frame"]
    assert sixth["scroll_max"] > first["scroll_max"]
    assert all(p["chars_per_line"] >= 28 for p in sixth["panes"])


def test_ctrl_plus_scales_the_whole_interface_and_it_still_fits(at_720):
    report, _ = at_720
    before, after = report["sixth"], report["scaled"]
    assert report["font_pt"] > 11
    for key in ("detail_font_px", "legend_font_px", "outlet_font_px", "chip_font_px"):
        assert after[key] > before[key], key
    assert inside(after["frame"], after["available"])
    for p in after["panes"]:
        assert p["chars_per_line"] >= 28
        for chip in p["chips"]:
            assert chip["width"] >= chip["needs"] and inside(chip["rect"], p["header"]), chip


def test_screenshot_at_1280x720_shows_whole_chips(at_720):
    report, png = at_720
    first = report["first"]
    image = QImage(str(png))
    assert not image.isNull()
    assert (image.width(), image.height()) == tuple(first["size"])
    assert image.width() <= 1280 and image.height() <= 720
    checked = 0
    for chip in first["grab_chips"]:
        assert chip["in_pane"][2] == chip["width"], chip  # the pane's own layout never cuts a chip
        x, y, w, h = chip["rect"]
        if w < chip["width"]:
            continue  # scrolled out of the pane area's view (it scrolls sideways), not clipped by the layout
        hx, _hy, hw, _hh = chip["header"]
        mid = y + h // 2
        background = QColor(image.pixel(min(x + w + 2, hx + hw - 1), mid)).lightness()
        darkest = min(QColor(image.pixel(x + w - i, mid)).lightness() for i in (1, 2, 3))
        # the chip's right border is drawn (darker than the header behind it): the chip is whole
        assert darkest < background - 20, (chip["pane"], chip["text"], darkest, background)
        checked += 1
    assert checked >= 12  # at least the three panes fully in view
