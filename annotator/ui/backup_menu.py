"""File › Restore from backup, and the backup made in a worker each time a project opens."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from annotator.services import backup
from annotator.store import Project, ProjectError
from annotator.ui.backup_dialog import BackupWorker, RestoreDialog, RestoreRun

if TYPE_CHECKING:
    from annotator.ui.file_menu import FileMenu
    from annotator.ui.host import WindowHost


class BackupActions(QObject):
    """Backs up the project the window opens, and restores one of its backups."""

    def __init__(self, window: WindowHost, file_menu: FileMenu) -> None:
        super().__init__(file_menu)
        self.window = window
        self.file_menu = file_menu
        self.worker: BackupWorker | None = None
        self.dialog: RestoreDialog | None = None
        self.run: RestoreRun | None = None

    def folder_of(self, project: Project) -> Path:
        """Where this project's backups are kept (services/backup.py says why there)."""
        return backup.backup_folder(project.path, project.project_id)

    def start(self, project: Project) -> BackupWorker:
        """Back up a project just opened, in a worker."""
        if self.worker is not None:
            self.worker.wait()  # the previous project's, nearly done
        worker = BackupWorker(project.path, self.folder_of(project), parent=self)
        worker.failed.connect(lambda message: self.window.statusBar().showMessage(message, 15000))
        worker.finished.connect(lambda: self._ended(worker))
        self.worker = worker
        worker.start()
        return worker

    def _ended(self, worker: BackupWorker) -> None:
        worker.deleteLater()
        if self.worker is worker:
            self.worker = None

    def restore_backup(self) -> RestoreDialog | None:
        """List the open project's backups; restoring one happens when the dialog is accepted."""
        project = self.window.project
        if project is None:
            self.window.show_error(
                self.tr("No project"), self.tr("Open or create a project first.")
            )
            return None
        if self.file_menu.import_worker is not None or self.file_menu.export_worker is not None:
            self.window.show_error(
                self.tr("Restore from backup"),
                self.tr("Wait for the import or export to finish first."),
            )
            return None
        if self.worker is not None:
            self.worker.wait()
        folder = self.folder_of(project)
        dialog = RestoreDialog(project.name, backup.list_backups(folder), self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(
            lambda: self.restore(chosen.path) if (chosen := dialog.chosen()) else None
        )
        dialog.finished.connect(lambda _result: self._restore_closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _restore_closed(self, dialog: RestoreDialog) -> None:
        dialog.deleteLater()
        if self.dialog is dialog:
            self.dialog = None

    def restore(self, chosen: Path) -> RestoreRun | None:
        """Put a backup's content into the open project (its current content is backed up
        first) in a worker, then show the project again."""
        project = self.window.project
        if project is None:
            return None
        path, folder = project.path, self.folder_of(project)
        self.window.details.save()  # a field being edited is part of what is backed up
        project.close()
        self.window.project = None
        run = RestoreRun(chosen, path, folder, self.window)
        run.ended.connect(lambda before, problem: self._restored(run, path, before, problem))
        self.run = run
        run.start()
        return run

    def _restored(self, run: RestoreRun, path: Path, before: Path | None, problem: str) -> bool:
        run.deleteLater()
        if self.run is not run:
            return False  # the window closed meanwhile: nothing to show the project in
        self.run = None
        chosen = run.chosen
        try:
            reopened = Project.open(path, exclusive=True)
        except ProjectError as exc:
            self.window.show_error(self.tr("Cannot open project"), str(exc))
            return False
        self.file_menu.show_project(reopened)
        if problem:
            self.window.show_error(self.tr("Not restored"), problem)
            return False
        self.window.show_info(
            self.tr("Backup restored"),
            self.tr(
                "Restored the backup {0}.\nThe content before restoring was backed up as {1}."
            ).format(chosen.name, before.name if before else ""),
        )
        return True

    def stop(self) -> None:
        """On close: let a backup or a restore end."""
        if self.worker is not None:
            self.worker.wait()
        if self.run is not None:
            self.run.wait()
            self.run = None
