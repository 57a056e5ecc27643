"""Background work: import (with pre-annotation) and export, each on its own thread.

A worker opens its own Project on the same file: SQLite connections must not
cross threads, and WAL mode lets the window keep reading while the worker writes.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from annotator.store import Project
from annotator.ui.errors import user_message


class ImportWorker(QThread):
    """Runs services.importer.import_files; spaCy is imported and loaded here, never in the GUI."""

    progressed = Signal(int, int, str, float)  # done, total, current file, articles/s
    succeeded = Signal(list)  # the report lines
    failed = Signal(str)

    def __init__(
        self,
        project_path: Path,
        files: Sequence[Path],
        language: str = "auto",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project_path = project_path
        self.files = list(files)
        self.language = language
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            from annotator.services.importer import Progress, import_files

            def progress(p: Progress) -> None:
                self.progressed.emit(p.done, p.total, Path(p.current).name, p.rate)

            with Project.open(self.project_path) as project:
                report = import_files(
                    project,
                    self.files,
                    language=self.language,
                    progress=progress,
                    is_cancelled=self._cancel.is_set,
                )
            self.succeeded.emit(report.lines())
        except Exception as exc:  # shown to the researcher; the window must survive it
            self.failed.emit(user_message(exc))


class ExportWorker(QThread):
    """Runs services.export.export_xlsx."""

    succeeded = Signal(str)  # the file written
    failed = Signal(str)

    def __init__(self, project_path: Path, out: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project_path = project_path
        self.out = out

    def run(self) -> None:
        try:
            from annotator.services.export import export_xlsx

            with Project.open(self.project_path) as project:
                written = export_xlsx(project, self.out)
            self.succeeded.emit(str(written))
        except OSError as exc:
            self.failed.emit(f"{self.out}: cannot be written ({exc.strerror or exc})")
        except Exception as exc:  # shown to the researcher; the window must survive it
            self.failed.emit(user_message(exc))
