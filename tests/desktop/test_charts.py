"""Charts drawn with QPainter: bars, median line, outlier cues, tone strips, on images, widgets and PDF."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

from desktop.charts import (
    HIGH_MARK,
    LOW_MARK,
    BarChartWidget,
    ChartPalette,
    ToneStripWidget,
    paint_bar_chart,
    paint_tone_strip,
    render_to_image,
)

BARS = [("Outlet A", 2.0), ("Outlet B", 10.0), ("Outlet C", 5.0)]
SIZE = (600, 240)


def _close(c1: QColor, c2: QColor, tol: int = 12) -> bool:
    return abs(c1.red() - c2.red()) <= tol and abs(c1.green() - c2.green()) <= tol and abs(c1.blue() - c2.blue()) <= tol


def _count(img: QImage, color: QColor, rect: QRectF | None = None, tol: int = 12) -> int:
    r = (rect or QRectF(0, 0, img.width(), img.height())).toAlignedRect().intersected(img.rect())
    return sum(
        1
        for x in range(r.left(), r.right() + 1)
        for y in range(r.top(), r.bottom() + 1)
        if _close(img.pixelColor(x, y), color, tol)
    )


def _bar_image(bars=BARS, palette=None, **kw):
    box = {}

    def draw(p: QPainter, r: QRectF) -> None:
        box["layout"] = paint_bar_chart(p, r, "Loaded words", bars, palette=palette, **kw)

    img = render_to_image(draw, SIZE, palette=palette)
    return img, box["layout"]


def _inner(r: QRectF, margin: float = 2.0) -> QRectF:
    return r.adjusted(margin, margin, -margin, -margin)


def test_bars_are_drawn_in_the_bar_colour_with_lengths_proportional_to_values(qapp):
    pal = ChartPalette.light()
    img, layout = _bar_image(median=5.0)
    assert len(layout.bar_rects) == 3
    for r in layout.bar_rects:
        inside = _inner(r)
        assert _count(img, pal.bar, inside) >= 0.9 * inside.width() * inside.height()
    widths = [r.width() for r in layout.bar_rects]
    assert widths[1] == pytest.approx(5 * widths[0], rel=0.05)
    assert widths[2] == pytest.approx(2.5 * widths[0], rel=0.05)
    assert _count(img, pal.outlier) == 0  # no outlier asked for, none drawn


def test_median_line_is_drawn_where_the_median_is(qapp):
    pal = ChartPalette.light()
    img_lo, lay_lo = _bar_image(median=2.0)
    img_hi, lay_hi = _bar_image(median=8.0)
    assert lay_lo.median_x < lay_hi.median_x
    for img, lay in ((img_lo, lay_lo), (img_hi, lay_hi)):
        # the dashed line is dark on the white gap between bars (row 0 bottom to row 1 top)
        gap = QRectF(lay.median_x - 2, lay.row_rects[0].bottom() - 4, 4, 8)
        column = QRectF(lay.median_x - 2, lay.row_rects[0].top(), 4, lay.row_rects[-1].bottom() - lay.row_rects[0].top())
        assert _count(img, pal.median, column, tol=60) > 10
        assert _count(img, pal.median, gap, tol=60) > 0
    # without a median there is no line in that column's gaps
    img_none, lay_none = _bar_image(median=None)
    assert lay_none.median_x is None


def test_outlier_has_colour_hatch_bold_label_and_text_mark(qapp):
    pal = ChartPalette.light()
    img, layout = _bar_image(median=5.0, outliers={"Outlet B"})
    out = _inner(layout.bar_rects[1])
    normal = _inner(layout.bar_rects[2])
    assert _count(img, pal.outlier, out) > 0.3 * out.width() * out.height()
    # the hatch (non-colour cue): background-coloured stripes inside the outlier bar, none in a normal bar
    assert _count(img, pal.background, out, tol=30) > 0.05 * out.width() * out.height()
    assert _count(img, pal.background, normal, tol=30) == 0
    assert _count(img, pal.bar, out) == 0


def _pdf_text(tmp_path, draw) -> str:
    import pypdf

    path = tmp_path / "chart.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    p = QPainter(writer)
    try:
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        draw(p, QRectF(0, 0, page.width(), page.height() / 3))
    finally:
        p.end()
    text = "\n".join(pg.extract_text() for pg in pypdf.PdfReader(str(path)).pages)
    return " ".join(text.split())  # the extractor puts tabs between words


def test_bar_chart_paints_on_a_pdf_page_with_labels_median_and_outlier_marks(qapp, tmp_path):
    pytest.importorskip("pypdf")
    bars = [("Outlet A", 2.0), ("Outlet B", 10.0), ("Outlet C", 5.0), ("Outlet D", -3.0)]
    text = _pdf_text(
        tmp_path,
        lambda p, r: paint_bar_chart(p, r, "Hedges per 1,000 words", bars, median=3.5, outliers={"Outlet B", "Outlet D"}),
    )
    for label in ("Hedges per 1,000 words", "Outlet A", "Outlet B", "Outlet C", "Outlet D", "story median 3.5"):
        assert label in text
    assert "10.0" in text and "-3.0" in text
    assert HIGH_MARK.split()[0] in text and LOW_MARK.split()[0] in text  # ▲ for B (above), ▼ for D (below)
    assert text.count("outlier") == 2


def test_negative_values_grow_left_of_the_zero_line(qapp):
    img, layout = _bar_image(bars=[("Cold", -0.5), ("Warm", 0.25)], median=0.0, value_format="{:+.2f}")
    cold, warm = layout.bar_rects
    assert cold.right() == pytest.approx(layout.zero_x, abs=1.5)
    assert warm.left() == pytest.approx(layout.zero_x, abs=1.5)
    assert cold.width() == pytest.approx(2 * warm.width(), rel=0.05)


def test_empty_bar_chart_says_so_and_does_not_fail(qapp):
    img, layout = _bar_image(bars=[], median=None)
    assert layout.bar_rects == ()


def test_tone_strip_goes_up_for_positive_and_down_for_negative_in_diverging_colours(qapp):
    pal = ChartPalette.light()
    tones = [0.9, -0.9, 0.0, 0.5]
    box = {}

    def draw(p, r):
        box["layout"] = paint_tone_strip(p, r, "Tone", tones, palette=pal)

    img = render_to_image(draw, (400, 140), palette=pal)
    layout = box["layout"]
    assert len(layout.column_rects) == 4
    up, down = layout.column_rects[0], layout.column_rects[1]
    above = lambda c: QRectF(c.left() + 3, c.top() + 3, c.width() - 6, layout.zero_y - c.top() - 6)  # noqa: E731
    below = lambda c: QRectF(c.left() + 3, layout.zero_y + 3, c.width() - 6, c.bottom() - layout.zero_y - 6)  # noqa: E731
    assert _count(img, pal.positive, above(up), tol=40) > 50
    assert _count(img, pal.positive, below(up), tol=40) == 0
    assert _count(img, pal.negative, below(down), tol=40) > 50
    assert _count(img, pal.negative, above(down), tol=40) == 0
    # the zero line runs across the strip
    zero_row = QRectF(layout.column_rects[2].left(), layout.zero_y - 1, layout.column_rects[2].width(), 2)
    assert _count(img, pal.zero, zero_row, tol=50) > 0


def test_dark_palette_draws_on_dark_background(qapp):
    pal = ChartPalette.dark()
    img, layout = _bar_image(palette=pal, median=5.0, outliers={"Outlet B"})
    assert _count(img, pal.bar, _inner(layout.bar_rects[0])) > 0
    assert _count(img, pal.outlier, _inner(layout.bar_rects[1])) > 0
    assert img.pixelColor(1, img.height() - 2) == pal.background


def test_a_widget_palette_picks_the_light_or_dark_chart_colours(qapp):
    from PySide6.QtGui import QColor, QPalette

    assert not ChartPalette.light().is_dark and ChartPalette.dark().is_dark
    for window, base, text, dark in (("#f4f4f4", "#ffffff", "#111111", False), ("#202124", "#2b2b2b", "#eeeeee", True)):
        qp = QPalette()
        qp.setColor(QPalette.ColorRole.Window, QColor(window))
        qp.setColor(QPalette.ColorRole.Base, QColor(base))
        qp.setColor(QPalette.ColorRole.Text, QColor(text))
        pal = ChartPalette.for_palette(qp)
        chosen = ChartPalette.dark() if dark else ChartPalette.light()
        assert pal.is_dark is dark and pal.bar == chosen.bar and pal.outlier_tint == chosen.outlier_tint
        assert pal.background == QColor(base) and pal.text == QColor(text)  # the widget's own


def test_bar_chart_widget_size_hint_grows_and_click_reports_the_bar(qtbot):
    w = BarChartWidget()
    qtbot.addWidget(w)
    w.setData("Tone", BARS[:2], median=3.0)
    small = w.sizeHint().height()
    w.setData("Tone", BARS + [("Outlet D", 1.0), ("Outlet E", 4.0)], median=3.0, outliers={"Outlet B"})
    assert w.sizeHint().height() > small
    assert "Outlet B 10.0 (outlier)" in w.accessibleDescription()
    w.resize(600, w.sizeHint().height())
    w.show()
    qtbot.waitExposed(w)
    rect = w.barRect(3)
    assert rect is not None
    with qtbot.waitSignal(w.barClicked) as blocker:
        qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert blocker.args == [3]


def test_tone_strip_widget_click_reports_the_sentence(qtbot):
    w = ToneStripWidget()
    qtbot.addWidget(w)
    w.setData("Outlet A", [0.2, -0.4, 0.0, 0.7, -0.1])
    w.resize(500, w.sizeHint().height())
    w.show()
    qtbot.waitExposed(w)
    rect = w.columnRect(3)
    with qtbot.waitSignal(w.sentenceClicked) as blocker:
        qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.top() + 4)))
    assert blocker.args == [3]
    assert "5 sentences: 2 positive, 2 negative, 1 neutral" == w.accessibleDescription()
