"""Errors a researcher can hit, turned into a message box instead of a traceback."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.services.errors import user_message

__all__ = ["show_message", "user_message"]


def show_message(parent: QWidget | None, title: str, text: str, error: bool = False) -> QMessageBox:
    """A window-modal message box that does not block the caller (so workers and tests go on)."""
    icon = QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox" if error else "messageBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
