"""Unhandled exceptions: a report to copy, and the project left consistent."""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.paths import user_data_dir
from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui import crash
from annotator.ui.crash import CrashDialog
from annotator.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, settings: Settings, project_path: Path) -> Iterator[MainWindow]:
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    assert window.file_menu.open_project(project_path)
    handler = crash.install(window)
    yield window
    handler.uninstall()
    window.shutdown()


def _dialog(window: MainWindow) -> CrashDialog | None:
    return window.findChild(CrashDialog)


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_shows_a_copyable_report(qtbot: QtBot, window: MainWindow) -> None:
    def broken() -> None:
        raise RuntimeError("the reader lost its article")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: _dialog(window) is not None, timeout=5000)
    dialog = _dialog(window)
    assert dialog is not None and dialog.isVisible()
    report = dialog.text.toPlainText()
    assert "RuntimeError: the reader lost its article" in report
    assert "in broken" in report  # the traceback, with the failing function
    assert "spaCy: spacy" in report and "Qt for Python" in report
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == report
    # A copy for later, in the user's data folder.
    assert "the reader lost its article" in (user_data_dir() / "crash.log").read_text()
    dialog.close()


@pytest.mark.qt_no_exception_capture
def test_half_done_change_is_rolled_back_and_saved_work_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    project = window.project
    assert project is not None
    before = project.article_count()

    def broken() -> None:
        # A change in progress on the window's connection when a bug strikes: the
        # transaction is open and would be committed by the next save if left alone.
        project.db.execute("delete from articles")
        raise ValueError("bug in the middle of a change")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: _dialog(window) is not None, timeout=5000)
    assert not project.db.conn.in_transaction
    assert project.article_count() == before
    with Project.open(project.path) as other:  # what is on disk
        assert other.article_count() == before
        assert other.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_worker_thread_is_shown_on_the_gui_thread(
    qtbot: QtBot, window: MainWindow
) -> None:
    class Broken(QThread):
        def run(self) -> None:
            raise KeyError("worker broke")

    worker = Broken()
    worker.start()
    worker.wait()
    qtbot.waitUntil(lambda: _dialog(window) is not None, timeout=5000)
    dialog = _dialog(window)
    assert dialog is not None and "worker broke" in dialog.report
    dialog.close()

    # A plain Python thread too (threading.excepthook).
    thread = threading.Thread(target=lambda: {}["python thread broke"])
    thread.start()
    thread.join()
    qtbot.waitUntil(
        lambda: any("python thread broke" in d.report for d in window.findChildren(CrashDialog)),
        timeout=5000,
    )


def test_full_disk_gets_a_plain_message_not_a_report(qtbot: QtBot, window: MainWindow) -> None:
    window.interactive = True
    try:
        raise sqlite3.OperationalError("database or disk is full")
    except sqlite3.OperationalError:
        sys.excepthook(*sys.exc_info())
    assert _dialog(window) is None
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "disk holding the project is full" in boxes[-1].text()
    for box in boxes:
        box.close()


def test_uninstall_puts_the_previous_hook_back(window: MainWindow) -> None:
    handler = sys.excepthook
    assert isinstance(handler, crash.CrashHandler)
    handler.uninstall()
    assert sys.excepthook is handler.previous
