"""A memo field: free text that is saved when the coder leaves it (or presses Ctrl+Enter)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class MemoEdit(QPlainTextEdit):
    """Emits ``memo_committed(old, new)`` once per finished edit, never for a mere set_memo."""

    memo_committed = Signal(str, str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved = ""
        self.setPlaceholderText(placeholder or self.tr("Memo…"))
        # Tab leaves the memo like any other field of a keyboard-driven form.
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)
        self.setToolTip(self.tr("Saved when you leave the field or press Ctrl+Enter"))

    def set_memo(self, text: str) -> None:
        self._saved = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def memo(self) -> str:
        return self.toPlainText()

    def commit(self) -> None:
        """Report the edit if the text differs from what was last saved."""
        text = self.toPlainText()
        if text != self._saved:
            old, self._saved = self._saved, text
            self.memo_committed.emit(old, text)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        self.commit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.commit()
            return
        super().keyPressEvent(event)
