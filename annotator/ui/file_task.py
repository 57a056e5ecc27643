"""One short file job (read or write a small file) off the window's thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.ui.errors import user_message


class FileTask(QThread):
    """Runs one short file job (read or write a codebook) off the window's thread."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job

    def run(self) -> None:
        try:
            self.succeeded.emit(self.job())
        except Exception as exc:  # shown to the researcher; the window must survive it
            self.failed.emit(user_message(exc))
