"""A small chart painted with QPainter: bars, stacked bars or lines over a ``Table``.

Qt Charts is not part of PySide6-Essentials; these three kinds are all the overview needs.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from annotator.services.overview import Table
from annotator.ui.i18n import service_text

#: Colour-blind-safe palette (Okabe & Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


class ChartWidget(QWidget):
    """Draws one table; ``image()`` renders it for saving as PNG."""

    def __init__(self, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.setMinimumSize(420, 280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(640, 380)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    def image(self, width: int = 1200, height: int = 720) -> QImage:
        """The chart on a white background, at print-friendly size."""
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * width / max(self.width(), 640))
        painter.setFont(font)
        self.paint(painter, QRectF(0, 0, width, height), ink=QColor("#222222"))
        painter.end()
        return image

    def paint(self, painter: QPainter, area: QRectF, ink: QColor | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = ink or self.palette().color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(painter.font())
        line = metrics.height()
        painter.setPen(ink)
        title = QRectF(area.left(), area.top() + 4, area.width(), line * 1.4)
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(title, Qt.AlignmentFlag.AlignCenter, service_text(self.table.title))
        painter.setFont(QFont(painter.font().family(), painter.font().pointSize()))
        table = self.table
        if not table.rows or not table.series():
            painter.drawText(
                area,
                Qt.AlignmentFlag.AlignCenter,
                service_text(table.empty_reason) if table.empty_reason else self.tr("No data"),
            )
            return
        series = table.series()
        legend_height = line * 1.6 if len(series) > 1 or table.chart == "stacked" else 0
        label_width = min(
            max(metrics.horizontalAdvance(str(r[0])) for r in table.rows) + 12, area.width() * 0.3
        )
        plot = QRectF(
            area.left() + 48,
            title.bottom() + 8,
            area.width() - 64,
            area.height() - title.height() - legend_height - line * 2.6 - 12,
        )
        horizontal = table.chart == "bar" and len(series) == 1 and len(table.rows) > 6
        if horizontal:
            plot.setLeft(area.left() + label_width)
            plot.setBottom(area.bottom() - line * 1.6 - legend_height)
        totals = [
            sum(_number(v) for v in row[1:])
            if table.chart == "stacked"
            else max((_number(v) for v in row[1:]), default=0)
            for row in table.rows
        ]
        counts = all(isinstance(v, int) for row in table.rows for v in row[1:])
        ticks = axis_ticks(max(totals, default=0), counts)
        top = ticks[-1]
        if table.chart == "line":
            # Room for the first and last month's labels, centred under their points.
            half = max(metrics.horizontalAdvance(str(r[0])) for r in table.rows) / 2 + 4
            plot.setLeft(plot.left() + half)
            plot.setRight(plot.right() - half)
        self._axes(painter, plot, ticks, ink, metrics, horizontal)
        if table.chart == "line":
            self._lines(painter, plot, top, metrics, ink)
        elif horizontal:
            self._horizontal_bars(painter, plot, top, metrics, ink)
        else:
            self._bars(painter, plot, top, metrics, ink, stacked=table.chart == "stacked")
        if legend_height:
            self._legend(
                painter,
                QRectF(area.left(), area.bottom() - legend_height, area.width(), legend_height),
                series,
                metrics,
                ink,
            )

    def _axes(
        self,
        painter: QPainter,
        plot: QRectF,
        ticks: list[float],
        ink: QColor,
        metrics: QFontMetrics,
        horizontal: bool,
    ) -> None:
        grid = QColor(ink)
        grid.setAlpha(50)
        top = ticks[-1]
        for value in ticks:
            if horizontal:
                x = plot.left() + plot.width() * value / top
                painter.setPen(QPen(grid))
                painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
                painter.setPen(ink)
                text = _format(value)
                painter.drawText(
                    QPointF(
                        x - metrics.horizontalAdvance(text) / 2,
                        plot.bottom() + metrics.ascent() + 4,
                    ),
                    text,
                )
            else:
                y = plot.bottom() - plot.height() * value / top
                painter.setPen(QPen(grid))
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
                painter.setPen(ink)
                text = _format(value)
                painter.drawText(
                    QPointF(
                        plot.left() - metrics.horizontalAdvance(text) - 6,
                        y + metrics.ascent() / 2 - 1,
                    ),
                    text,
                )

    def _bars(
        self,
        painter: QPainter,
        plot: QRectF,
        top: float,
        metrics: QFontMetrics,
        ink: QColor,
        stacked: bool,
    ) -> None:
        rows = self.table.rows
        series = self.table.series()
        slot = plot.width() / len(rows)
        width = min(slot * 0.7, 80.0 if stacked else 60.0 * len(series))
        for index, row in enumerate(rows):
            left = plot.left() + slot * index + (slot - width) / 2
            base = plot.bottom()
            for number, value in enumerate(row[1:]):
                height = plot.height() * _number(value) / top
                colour = QColor(PALETTE[number % len(PALETTE)])
                if stacked:
                    rect = QRectF(left, base - height, width, height)
                    base -= height
                else:
                    each = width / len(series)
                    rect = QRectF(left + each * number, plot.bottom() - height, each, height)
                painter.fillRect(rect, colour)
            label = metrics.elidedText(str(row[0]), Qt.TextElideMode.ElideRight, int(slot) - 2)
            painter.setPen(ink)
            painter.drawText(
                QRectF(plot.left() + slot * index, plot.bottom() + 2, slot, metrics.height() * 1.2),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )

    def _horizontal_bars(
        self, painter: QPainter, plot: QRectF, top: float, metrics: QFontMetrics, ink: QColor
    ) -> None:
        rows = self.table.rows
        slot = plot.height() / len(rows)
        for index, row in enumerate(rows):
            y = plot.top() + slot * index
            width = plot.width() * _number(row[1]) / top
            painter.fillRect(
                QRectF(plot.left(), y + slot * 0.15, width, slot * 0.7), QColor(PALETTE[0])
            )
            painter.setPen(ink)
            label = metrics.elidedText(
                str(row[0]), Qt.TextElideMode.ElideRight, int(plot.left()) - 8
            )
            painter.drawText(
                QRectF(0, y, plot.left() - 6, slot),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )

    def _lines(
        self, painter: QPainter, plot: QRectF, top: float, metrics: QFontMetrics, ink: QColor
    ) -> None:
        rows = self.table.rows
        step = plot.width() / max(len(rows) - 1, 1)
        # A single month is a point in the middle, not on the left edge.
        left = plot.center().x() if len(rows) == 1 else plot.left()
        for number in range(len(self.table.series())):
            pen = QPen(QColor(PALETTE[number % len(PALETTE)]), 2.5)
            painter.setPen(pen)
            # A missing value (None: no figure at that point) breaks the line, never a 0.
            points = [
                None
                if row[number + 1] is None
                else QPointF(
                    left + step * i,
                    plot.bottom() - plot.height() * _number(row[number + 1]) / top,
                )
                for i, row in enumerate(rows)
            ]
            for a, b in zip(points, points[1:], strict=False):
                if a is not None and b is not None:
                    painter.drawLine(a, b)
            for point in points:
                if point is not None:
                    painter.drawEllipse(point, 3, 3)
        painter.setPen(ink)
        every = max(1, len(rows) // 8)
        for i, row in enumerate(rows):
            if i % every == 0:
                text = str(row[0])
                x = left + step * i - metrics.horizontalAdvance(text) / 2
                painter.drawText(QPointF(x, plot.bottom() + metrics.ascent() + 4), text)

    def _legend(
        self, painter: QPainter, area: QRectF, series: list[str], metrics: QFontMetrics, ink: QColor
    ) -> None:
        total = sum(metrics.horizontalAdvance(s) + 30 for s in series)
        x = area.left() + max((area.width() - total) / 2, 4)
        for number, name in enumerate(series):
            painter.fillRect(
                QRectF(x, area.center().y() - 5, 12, 10), QColor(PALETTE[number % len(PALETTE)])
            )
            painter.setPen(ink)
            painter.drawText(QPointF(x + 16, area.center().y() + metrics.ascent() / 2 - 1), name)
            x += metrics.horizontalAdvance(name) + 30


def axis_ticks(highest: float, counts: bool) -> list[float]:
    """The values marked on the axis, from 0 to a round top at or above ``highest``.

    Counts get whole-number steps (0, 2, 4, 6 rather than 0, 1.25, 2.5...); other values
    four equal steps.
    """
    if not counts:
        top = _nice(highest or 1)
        return [top * step / 4 for step in range(5)]
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if step * 4 >= highest:
                steps = max(math.ceil(highest / step), 1)
                return [float(step * n) for n in range(steps + 1)]
        magnitude *= 10


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _nice(value: float) -> float:
    """A round axis maximum at or above ``value``."""
    if value <= 1:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= value:
            return float(factor * magnitude)
    return float(10 * magnitude)


def _format(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))
