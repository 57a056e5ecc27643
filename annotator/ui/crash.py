"""Unhandled exceptions: a dialog with a report to copy, and the project left consistent.

``install`` (called by run_gui) replaces ``sys.excepthook``. An exception escaping a slot
or an event handler, on the GUI thread or a worker thread, lands here; the report is shown
on the GUI thread. Before showing it, a transaction left open on the window's project is
rolled back: every saving method commits as a whole or not at all, so rolling back can only
drop a half-done change, never something shown as saved. A few errors are about the
computer rather than the app (a full disk, a file turned read-only, a removed drive): those
get a plain message instead of a report.
"""

from __future__ import annotations

import errno
import platform
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.services.errors import write_crash_log

if TYPE_CHECKING:
    from annotator.ui.host import WindowHost

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def environment_message(exc: BaseException) -> str:
    """A plain message for errors the researcher can act on, or "" for a real bug."""
    text = str(exc).lower()
    full = QCoreApplication.translate(
        "CrashDialog",
        "The disk holding the project is full: the last change was not saved. Everything "
        "shown as saved before it is in the project file. Free some space and go on.",
    )
    if isinstance(exc, sqlite3.OperationalError):
        if "full" in text:
            return full
        if "readonly" in text or "read-only" in text:
            return QCoreApplication.translate(
                "CrashDialog",
                "The project file has become read-only: the last change was not saved. "
                "Everything shown as saved before it is in the project file. Copy the project "
                "to a folder of yours and open the copy.",
            )
        if "disk i/o error" in text:
            return QCoreApplication.translate(
                "CrashDialog",
                "The disk holding the project reported an error (was a USB stick or a "
                "network drive removed?): the last change was not saved. Reconnect it and "
                "open the project again.",
            )
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return full
    return ""


def format_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The report a researcher copies into a bug report: what, where, and on what."""
    from annotator.ui.about import components, report_text

    lines = [
        f"Annotator {__version__} crash report, {datetime.now().isoformat(timespec='seconds')}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
        "",
    ]
    try:
        lines.append(report_text(components()))
    except Exception as problem:  # the report must come out even if metadata does not
        lines.append(f"(versions unavailable: {problem})")
        lines.append(f"Python {platform.python_version()} on {platform.platform()}")
    return "\n".join(lines)


class CrashDialog(QDialog):
    """What happened, that the saved codes are safe, and the report with a Copy button."""

    def __init__(self, report: str, log: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Annotator: something went wrong"))
        self.report = report
        where = " " + self.tr("A copy is in {0}.").format(log) if log is not None else ""
        intro = QLabel(
            self.tr(
                "Annotator hit an error it did not expect. Every code shown as saved is in the "
                "project file; the change being made when it happened may be missing.\n\n"
                "Please copy this report into your message to whoever supports Annotator for "
                "you, with what you were doing."
            )
            + where
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumSize(620, 300)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.clicked.connect(self.copy_report)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Copied"))


class CrashHandler(QObject):
    """The excepthook: builds the report where the exception happened, shows it on the GUI
    thread."""

    reported = Signal(str, str)  # report, plain message ("" for a real bug)

    def __init__(self, window: WindowHost) -> None:
        super().__init__()
        self.window = window
        self.previous: ExceptHook = sys.excepthook
        self.previous_thread_hook = threading.excepthook
        self.dialog: CrashDialog | None = None
        self.count = 0
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        try:
            report = format_report(exc_type, exc, tb)
            print(report, file=sys.stderr)
            self.count += 1
            if QThread.currentThread() is self.thread():
                self._show(report, environment_message(exc))
            else:  # a worker thread: queued to the GUI thread
                self.reported.emit(report, environment_message(exc))
        except Exception:  # never let the hook itself fail silently
            self.previous(exc_type, exc, tb)

    @Slot(str, str)
    def _show(self, report: str, message: str) -> None:
        self._roll_back()
        if message:
            self.window.show_error(self.tr("Not saved"), message)
            return
        log = write_crash_log(report)
        if self.dialog is not None:  # one dialog at a time; the newest report in it
            self.dialog.close()
        dialog = CrashDialog(report, log, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _roll_back(self) -> None:
        project = self.window.project
        if project is not None:
            project.roll_back_open_transaction()

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        """For Python threads (``threading.excepthook``): the same report."""
        if args.exc_value is None:
            return
        self(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous
        if threading.excepthook == self.thread_hook:
            threading.excepthook = self.previous_thread_hook


def install(window: WindowHost) -> CrashHandler:
    """Show unhandled exceptions in a dialog over ``window`` until ``uninstall``."""
    handler = CrashHandler(window)
    sys.excepthook = handler
    threading.excepthook = handler.thread_hook
    return handler
