"""One short file job (read or write a small file) off the window's thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.ui.errors import user_message

#: Tasks whose owner went away before they ended: kept referenced until their thread ends,
#: so that neither Python nor Qt destroys a QThread that is still running.
_orphans: set[FileTask] = set()


class FileTask(QThread):
    """Runs one short file job (read or write a codebook) off the window's thread.

    ``expected``: exception types whose own text is the message for the researcher (the
    others go through ``user_message``). Connect ``succeeded`` and ``failed`` to methods of
    functions or methods in the window's thread: they run there.
    """

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        job: Callable[[], Any],
        parent: QObject | None = None,
        expected: tuple[type[BaseException], ...] = (),
    ) -> None:
        super().__init__(parent)
        self.job = job
        self.expected = expected

    def run(self) -> None:
        try:
            result = self.job()
        except self.expected as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # shown to the researcher; the window must survive it
            self.failed.emit(user_message(exc))
        else:
            self.succeeded.emit(result)

    def orphan(self) -> None:
        """Let the task end on its own (its owner is closing and will not wait for it)."""
        self.setParent(None)
        _orphans.add(self)
        self.finished.connect(self._forget)
        if self.isFinished() or not self.isRunning():
            _orphans.discard(self)

    def _forget(self) -> None:
        self.wait()  # finished is emitted just before the thread ends
        _orphans.discard(self)
