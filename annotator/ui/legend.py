"""The highlight layers of the reader, their colours, and the legend with a toggle per layer."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QCheckBox, QWidget

from annotator.ui.flow_layout import FlowLayout
from annotator.ui.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Layer:
    """One thing the reader can highlight; ``key`` is an entity label or "QUOTE"/"CODE"."""

    key: str
    label: str
    color: str


# Light colours so that black text stays readable on every one of them, and
# distinct in hue so that a coder tells a person from a place at a glance.
PERSON = Layer("PERSON", QT_TRANSLATE_NOOP("Legend", "Persons"), "#cfe2ff")
ORG = Layer("ORG", QT_TRANSLATE_NOOP("Legend", "Organisations"), "#d3f0d0")
PLACE = Layer("PLACE", QT_TRANSLATE_NOOP("Legend", "Places"), "#ecdcf8")
OTHER = Layer("OTHER", QT_TRANSLATE_NOOP("Legend", "Other entities"), "#e4e4e4")
QUOTE = Layer("QUOTE", QT_TRANSLATE_NOOP("Legend", "Quotes"), "#ffe0a3")
CODE = Layer("CODE", QT_TRANSLATE_NOOP("Legend", "Codes"), "#ff8a65")

LAYERS: tuple[Layer, ...] = (PERSON, ORG, PLACE, OTHER, QUOTE, CODE)
ENTITY_COLORS = {layer.key: layer.color for layer in (PERSON, ORG, PLACE, OTHER)}
#: Partial and indirect quotes are reported words, not verbatim: a paler shade says so.
QUOTE_COLORS = {"direct": QUOTE.color, "partial": "#fff0cf", "indirect": "#fff0cf"}
QUOTE_UNDERLINE = "#d08a00"


def swatch(color: str, size: int = 12) -> QIcon:
    """A small square of colour with a thin border, for legends and codebook rows."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("#777777"))
    inner = QPixmap(size - 2, size - 2)
    inner.fill(QColor(color))
    painter = QPainter(pixmap)
    painter.drawPixmap(1, 1, inner)
    painter.end()
    return QIcon(pixmap)


class Legend(QWidget):
    """Checkable layer toggles with their colour, in rows that wrap when the reader is narrow;
    emits the visible layer keys."""

    layers_changed = Signal(frozenset)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Wrapping, so that the legend does not set the reader column's minimum width.
        layout = FlowLayout(self, spacing=8)
        layout.setContentsMargins(6, 2, 6, 2)
        self._boxes: dict[str, QCheckBox] = {}
        for layer in LAYERS:
            box = QCheckBox(self.tr(layer.label))
            box.setIcon(swatch(layer.color))
            box.setChecked(True)
            box.setObjectName(f"layer_{layer.key}")
            box.toggled.connect(self._emit)
            layout.addWidget(box)
            self._boxes[layer.key] = box

    def visible_layers(self) -> frozenset[str]:
        return frozenset(key for key, box in self._boxes.items() if box.isChecked())

    def toggle(self, key: str) -> QCheckBox:
        """The checkbox for one layer (tests and menus use it)."""
        return self._boxes[key]

    def _emit(self) -> None:
        self.layers_changed.emit(self.visible_layers())
