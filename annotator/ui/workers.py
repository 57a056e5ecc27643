"""Background work: import (with pre-annotation) and export, each off the GUI thread.

A worker opens its own Project on the same file: SQLite connections must not
cross threads, and WAL mode lets the window keep reading while the worker writes.
The import runs in a child process (see annotator.ui.import_process); its thread
here only relays the child's messages as signals.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.services.sources import ReadOptions
from annotator.store import Project
from annotator.ui import import_process
from annotator.ui.errors import user_message
from annotator.ui.export_dialog import ExportChoice

# How often the relay thread looks at the child when it has nothing to say.
_POLL_SECONDS = 0.1


class ImportWorker(QThread):
    """Runs services.importer.import_files in a child process; spaCy never loads in the GUI.

    Per batch, ``time_left`` is emitted just before ``progressed``; at the end,
    ``rows`` just before ``succeeded``; or ``failed`` alone.
    """

    progressed = Signal(int, int, str, float)  # done, total, current file, articles/s
    time_left = Signal(float)  # seconds left, or -1.0 while it cannot be estimated yet
    rows = Signal(list)  # the report rows (file, status, detail), or its lines
    succeeded = Signal(list)  # the report lines
    failed = Signal(str)

    def __init__(
        self,
        project_path: Path,
        files: Sequence[Path],
        language: str = "auto",
        options: ReadOptions | None = None,
        allow_near_duplicates: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project_path = project_path
        self.files = list(files)
        self.language = language
        self.options = options
        self.allow_near_duplicates = allow_near_duplicates
        # spawn, not fork: a forked copy of a process running Qt threads can deadlock.
        self._context = multiprocessing.get_context("spawn")
        self._cancel = self._context.Event()

    def cancel(self) -> None:
        """Stop after the batch being analysed; what is stored stays stored."""
        self._cancel.set()

    def run(self) -> None:
        try:
            self._relay()
        except Exception as exc:  # shown to the researcher; the window must survive it
            self.failed.emit(user_message(exc))

    def _relay(self) -> None:
        messages: Any = self._context.Queue()
        child = self._context.Process(
            target=import_process.run_import,
            args=(
                Path(self.project_path),
                [Path(f) for f in self.files],
                self.language,
                self.options,
                self.allow_near_duplicates,
                messages,
                self._cancel,
            ),
            name="annotator-import",
            daemon=True,  # stopped when the window quits, not left importing unseen
        )
        child.start()
        try:
            while True:
                try:
                    message = messages.get(timeout=_POLL_SECONDS)
                except queue.Empty:
                    if child.is_alive():
                        continue
                    # It may have put its last word just before exiting.
                    try:
                        message = messages.get(timeout=1.0)
                    except queue.Empty:
                        self.failed.emit(
                            self.tr(
                                "The import stopped unexpectedly (exit code {0});"
                                " the articles stored before that are kept."
                            ).format(child.exitcode)
                        )
                        return
                if self._handle(message):
                    return
        finally:
            child.join(timeout=10)
            if child.is_alive():
                child.terminate()
            messages.close()

    def _handle(self, message: tuple[Any, ...]) -> bool:
        """Relay one message from the child; True once it was the last one."""
        kind = message[0]
        if kind == import_process.PROGRESS:
            _, done, total, current, rate, seconds_left = message
            self.time_left.emit(-1.0 if seconds_left is None else float(seconds_left))
            self.progressed.emit(done, total, Path(current).name, rate)
            return False
        if kind == import_process.DONE:
            _, lines, rows = message
            self.rows.emit(rows)
            self.succeeded.emit(lines)
            return True
        self.failed.emit(message[1])
        return True


class ExportWorker(QThread):
    """Runs services.exports.export_project (the format follows the file's extension);
    ``warnings``: what the format made the export change, once it succeeded."""

    succeeded = Signal(str)  # the file written
    failed = Signal(str)

    def __init__(
        self, project_path: Path, choice: ExportChoice, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.project_path = project_path
        self.choice = choice
        self.out = choice.out
        self.warnings: list[str] = []

    def run(self) -> None:
        try:
            from annotator.services.exports import export_project

            choice = self.choice
            with Project.open(self.project_path) as project:
                written = export_project(
                    project,
                    self.out,
                    bom=choice.bom,
                    sheet=choice.sheet,
                    exact=choice.exact,
                    warn=self.warnings.append,
                )
            self.succeeded.emit(str(written))
        except OSError as exc:
            self.failed.emit(
                self.tr("{0}: cannot be written ({1})").format(self.out, exc.strerror or exc)
            )
        except Exception as exc:  # shown to the researcher; the window must survive it
            self.failed.emit(user_message(exc))
