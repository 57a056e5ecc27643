"""Errors a researcher can hit, turned into a message box instead of a traceback."""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.services.errors import FileProblem
from annotator.store import ProjectError


def _user_error_types() -> tuple[type[BaseException], ...]:
    types: list[type[BaseException]] = [ProjectError, FileProblem]
    # annotator.nlp imports spaCy; look it up only once something has imported it
    # (the import worker), so that opening the window never pays for it.
    nlp = sys.modules.get("annotator.nlp.pipelines") or sys.modules.get("annotator.nlp")
    missing = getattr(nlp, "PipelineMissing", None)
    if isinstance(missing, type) and issubclass(missing, BaseException):
        types.append(missing)
    return tuple(types)


def user_message(exc: BaseException) -> str:
    """The message for the researcher; unexpected errors also go to stderr for bug reports."""
    if isinstance(exc, _user_error_types()):
        return str(exc)
    traceback.print_exception(exc, file=sys.stderr)
    return f"Something went wrong that Annotator did not expect: {exc or type(exc).__name__}"


def show_message(parent: QWidget | None, title: str, text: str, error: bool = False) -> QMessageBox:
    """A window-modal message box that does not block the caller (so workers and tests go on)."""
    icon = QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox" if error else "messageBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
