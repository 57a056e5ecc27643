"""The File menu: new, open, import, export, quit; long work goes to a worker thread."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from annotator.services.errors import FileProblem
from annotator.store import Project, ProjectError
from annotator.ui.workers import ExportWorker, ImportWorker

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

PROJECT_FILTER = "Annotator projects (*.annotator *.db);;All files (*)"


class FileMenu(QObject):
    """Builds the File menu of a MainWindow and runs its actions."""

    #: Emitted when an import ends, however it ends (the screenshot path waits for it).
    import_finished = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.import_worker: ImportWorker | None = None
        self.export_worker: ExportWorker | None = None
        self._progress: QProgressDialog | None = None
        menu = window.menuBar().addMenu("&File")
        self.actions: dict[str, QAction] = {}
        for key, text, shortcut, slot in (
            ("new", "&New project…", QKeySequence.StandardKey.New, self.new_project),
            ("open", "&Open project…", QKeySequence.StandardKey.Open, self.open_project),
            ("import", "&Import articles…", QKeySequence("Ctrl+I"), self.import_articles),
            ("export", "&Export to Excel…", QKeySequence("Ctrl+E"), self.export_excel),
            ("quit", "&Quit", QKeySequence.StandardKey.Quit, window.close),
        ):
            action = QAction(text, window)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            if key == "quit":
                menu.addSeparator()
            menu.addAction(action)
            self.actions[key] = action

    # -- new / open ------------------------------------------------------------------------

    def new_project(self, path: Path | None = None) -> bool:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window, "New project", str(Path.home() / "study.annotator"), PROJECT_FILTER
            )
            if not name:
                return False
            path = Path(name)
            if not path.suffix:
                path = path.with_suffix(".annotator")
        from annotator.services.codebooks import starter_codebook

        try:
            project = Project.create(path)
        except ProjectError as exc:
            self.window.show_error("Cannot create project", str(exc))
            return False
        try:
            project.install_codebook(starter_codebook())
        except FileProblem as exc:
            self.window.show_error("Starter codebook missing", str(exc))
        self.window.set_project(project)
        return True

    def open_project(self, path: Path | None = None) -> bool:
        if path is None:
            start = (
                str(self.window.project.path.parent) if self.window.project else str(Path.home())
            )
            name, _ = QFileDialog.getOpenFileName(
                self.window, "Open project", start, PROJECT_FILTER
            )
            if not name:
                return False
            path = Path(name)
        return self.window.open_project(path)

    # -- import ----------------------------------------------------------------------------

    def import_articles(
        self, files: Sequence[Path] | None = None, announce: bool = True
    ) -> ImportWorker | None:
        """Import files into the open project in a worker, with a progress dialog.

        ``announce`` shows the summary in a message box at the end (the demo import
        at first start only puts it in the status bar).
        """
        project = self.window.project
        if project is None:
            self.window.show_error("No project", "Open or create a project first.")
            return None
        if self.import_worker is not None:
            self.window.show_error("Import running", "Wait for the current import to finish.")
            return None
        if files is None:
            names, _ = QFileDialog.getOpenFileNames(
                self.window, "Import articles", str(Path.home()), "Text files (*.txt)"
            )
            if not names:
                return None
            files = [Path(n) for n in names]
        worker = ImportWorker(project.path, files, parent=self)
        self.import_worker = worker
        dialog = QProgressDialog("Loading the language models…", "Cancel", 0, 0, self.window)
        dialog.setWindowTitle("Importing articles")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Shown at once: loading the language models alone takes several seconds.
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(420)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(worker.cancel)
        self._progress = dialog
        worker.progressed.connect(self._import_progressed)
        if announce:
            worker.succeeded.connect(self._import_succeeded)
        else:
            worker.succeeded.connect(
                lambda lines: self.window.statusBar().showMessage(lines[-1], 10000)
            )
        worker.failed.connect(lambda message: self.window.show_error("Import failed", message))
        worker.finished.connect(self._import_ended)
        worker.start()
        dialog.show()
        return worker

    def _import_progressed(self, done: int, total: int, current: str, rate: float) -> None:
        if self._progress is not None:
            self._progress.setMaximum(max(total, 1))
            self._progress.setValue(done)
            self._progress.setLabelText(
                f"{done}/{total} articles — {rate:.1f} articles/s\n{current}"
            )
        # Show what is already stored while the rest is being analysed.
        if done == total or done % 32 == 0:
            self.window.refresh_articles()

    def _import_succeeded(self, lines: list[str]) -> None:
        self.window.show_info("Import finished", "\n".join(lines))

    def _import_ended(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        if self.import_worker is not None:
            self.import_worker.deleteLater()
            self.import_worker = None
        self.window.refresh_articles()
        self.import_finished.emit()

    # -- export ----------------------------------------------------------------------------

    def export_excel(self, out: Path | None = None) -> ExportWorker | None:
        project = self.window.project
        if project is None:
            self.window.show_error("No project", "Open or create a project first.")
            return None
        if out is None:
            suggested = project.path.with_suffix(".xlsx")
            name, _ = QFileDialog.getSaveFileName(
                self.window, "Export to Excel", str(suggested), "Excel workbooks (*.xlsx)"
            )
            if not name:
                return None
            out = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        worker = ExportWorker(project.path, out, parent=self)
        self.export_worker = worker
        self.window.statusBar().showMessage(f"Exporting to {out.name}…")
        worker.succeeded.connect(
            lambda path: self.window.show_info("Export finished", f"Exported {path}")
        )
        worker.failed.connect(lambda message: self.window.show_error("Export failed", message))
        worker.finished.connect(self._export_ended)
        worker.start()
        return worker

    def _export_ended(self) -> None:
        if self.export_worker is not None:
            self.export_worker.deleteLater()
            self.export_worker = None

    def stop_workers(self) -> None:
        """On close: cancel an import (what is done is kept) and let both threads end."""
        if self.import_worker is not None:
            self.import_worker.cancel()
            self.import_worker.wait()
        if self.export_worker is not None:
            self.export_worker.wait()
