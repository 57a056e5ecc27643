"""Backups from the window: one made in a worker on every open, and File > Restore from backup
(the restore too runs in a worker, behind a busy indicator)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.services import backup
from annotator.services.backup import Backup
from annotator.ui.file_task import FileTask
from annotator.ui.i18n import QT_TRANSLATE_NOOP

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class BackupWorker(QThread):
    """Runs services.backup.make_backup off the GUI thread (a large project takes a while)."""

    succeeded = Signal(str)  # the backup's path
    failed = Signal(str)

    def __init__(self, project_path: Path, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project_path = project_path
        self.folder = folder

    def run(self) -> None:
        try:
            made = backup.make_backup(self.project_path, self.folder)
        except backup.BackupError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # reported in the status bar; opening went fine
            self.failed.emit(self.tr("{0}: backup not made ({1})").format(self.project_path, exc))
            return
        self.succeeded.emit(str(made))


class RestoreRun(QObject):
    """Restores a backup in a worker while a busy indicator shows; ``ended`` gives the backup
    of the content before (a Path, or None) and the problem ("" when restored).

    The caller closes its connection to the project before ``start`` and re-opens it on
    ``ended``. No cancel button: the copy is one SQLite transaction, over in moments.
    """

    ended = Signal(object, str)

    def __init__(self, chosen: Path, project_path: Path, folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.chosen = chosen
        self.task = FileTask(
            lambda: backup.restore_backup(chosen, project_path, folder),
            self,
            expected=(backup.BackupError,),
        )
        self.task.succeeded.connect(lambda before: self._end(before, ""))
        self.task.failed.connect(lambda problem: self._end(None, problem))
        self.progress = QProgressDialog(
            self.tr("Restoring the backup {0}…").format(chosen.name), "", 0, 0, parent
        )
        self.progress.setObjectName("restoreProgress")
        self.progress.setWindowTitle(self.tr("Restore from backup"))
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setMinimumWidth(420)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)

    def start(self) -> None:
        self.progress.show()
        self.task.start()

    def running(self) -> bool:
        return self.task.isRunning()

    def wait(self) -> None:
        self.task.wait()

    def _end(self, before: object, problem: str) -> None:
        self.task.wait()  # it has emitted its result: only its thread's last steps are left
        self.progress.close()
        self.progress.deleteLater()
        self.ended.emit(before, problem)


class RestoreDialog(QDialog):
    """The project's backups, newest first, with date and counts; Restore takes the chosen one."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("RestoreDialog", "Made"),
        QT_TRANSLATE_NOOP("RestoreDialog", "Articles"),
        QT_TRANSLATE_NOOP("RestoreDialog", "Codes"),
        QT_TRANSLATE_NOOP("RestoreDialog", "File"),
    )

    def __init__(self, project_name: str, backups: list[Backup], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.backups = backups
        intro = QLabel(
            self.tr(
                "Backups of “{0}”, made each time it was opened (the newest "
                "{1} are kept). Restoring replaces the project's content with the "
                "backup's; the current content is backed up first, so a restore can be undone."
            ).format(project_name, backup.KEEP)
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(backups), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, item in enumerate(backups):
            made = item.made.strftime("%Y-%m-%d %H:%M:%S")
            cells = (
                (made, str(item.articles), str(item.annotations), item.path.name)
                if not item.problem
                else (made, "—", "—", f"{item.path.name}: {item.problem}")
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column in (1, 2):
                    cell.setTextAlignment(_RIGHT)
                if item.problem:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.setMinimumSize(560, 260)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.chosen() is not None)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        if not backups:
            intro.setText(
                self.tr("“{0}” has no backups yet: one is made each time it opens.").format(
                    project_name
                )
            )

    def chosen(self) -> Backup | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        item = self.backups[rows.pop()]
        return None if item.problem else item

    def choose(self, row: int) -> None:
        self.table.selectRow(row)
