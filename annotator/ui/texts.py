"""Text shown in widgets: names in menu and button texts, messages longer than the bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStatusBar, QWidget


def escape_mnemonic(text: str) -> str:
    """A name as an action or button text: "&" would underline the next letter and vanish."""
    return text.replace("&", "&&")


class StatusBar(QStatusBar):
    """A status bar whose messages end in "…" when they do not fit, in full in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_message = ""
        self.messageChanged.connect(self._changed)

    def showMessage(self, text: str, timeout: int | None = 0) -> None:  # noqa: N802 (Qt API)
        self.full_message = text
        super().showMessage(self._fitted(text), timeout or 0)
        self.setToolTip(text if self.shown_message() != text else "")

    def currentMessage(self) -> str:  # noqa: N802 (Qt API)
        """The whole message (what the bar shows may end in "…")."""
        return self.full_message if super().currentMessage() else ""

    def shown_message(self) -> str:
        """The message as the bar shows it, cut to its width."""
        return super().currentMessage()

    def _fitted(self, text: str) -> str:
        permanent = sum(
            w.width() + 8
            for w in self.findChildren(QWidget)
            if w.isVisible() and w.parent() is self
        )
        room = max(self.width() - permanent - 24, 80)
        return self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)

    def _changed(self, message: str) -> None:
        if not message:
            self.full_message = ""
            self.setToolTip("")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self.full_message and self.shown_message():
            self.blockSignals(True)
            super().showMessage(self._fitted(self.full_message))
            self.blockSignals(False)
