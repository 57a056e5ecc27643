"""The File menu: new, open (recent), restore from backup (ui/backup_menu.py), import,
export, quit.

Long work goes to a worker thread. The window's project is opened with the instance lock
(one Annotator per project), and every open makes a backup in a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from annotator.services.errors import FileProblem
from annotator.store import Project, ProjectError
from annotator.ui.backup_dialog import BackupWorker, RestoreDialog, RestoreRun
from annotator.ui.backup_menu import BackupActions
from annotator.ui.column_mapping import ColumnMappingDialog, import_file_filter, table_files
from annotator.ui.export_dialog import (
    ExportChoice,
    ExportDialog,
)
from annotator.ui.folders import remember_folder, start_folder
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.import_summary import ImportSummaryDialog, report_rows, summary_line
from annotator.ui.recent import RecentMenu, remember
from annotator.ui.workers import ExportWorker, ImportWorker

if TYPE_CHECKING:
    from annotator.services.sources import ReadOptions
    from annotator.ui.corpus_dialog import CorpusDialog
    from annotator.ui.host import WindowHost

PROJECT_FILTER = QT_TRANSLATE_NOOP(
    "FileMenu", "Annotator projects (*.annotator *.db);;All files (*)"
)


class FileMenu(QObject):
    """Builds the File menu of a WindowHost and runs its actions."""

    #: Emitted when an import ends, however it ends (the screenshot path waits for it).
    import_finished = Signal()

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.import_worker: ImportWorker | None = None
        self.export_worker: ExportWorker | None = None
        self.export_dialog: ExportDialog | None = None
        self._progress: QProgressDialog | None = None
        self.mapping_dialog: ColumnMappingDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self._report_rows: list[object] = []
        self._seconds_left = -1.0
        menu = window.menuBar().addMenu(self.tr("&File"))
        self.actions: dict[str, QAction] = {}
        for key, text, shortcut, slot in (
            ("new", self.tr("&New project…"), QKeySequence.StandardKey.New, self.new_project),
            ("open", self.tr("&Open project…"), QKeySequence.StandardKey.Open, self.open_project),
            ("open_corpus", self.tr("Open &corpus…"), QKeySequence(), self.open_corpus),
            ("import", self.tr("&Import articles…"), QKeySequence("Ctrl+I"), self.import_articles),
            (
                "import_folder",
                self.tr("Import &folder…"),
                QKeySequence("Ctrl+Shift+I"),
                self.import_folder,
            ),
            ("export", self.tr("&Export…"), QKeySequence("Ctrl+E"), self.export_excel),
            ("quit", self.tr("&Quit"), QKeySequence.StandardKey.Quit, window.close),
        ):
            action = QAction(text, window)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            if key == "quit":
                menu.addSeparator()
            menu.addAction(action)
            self.actions[key] = action
            if key == "import_folder":
                near = QAction(self.tr("Import near-duplicates too (they are flagged)"), window)
                near.setCheckable(True)
                near.setToolTip(
                    self.tr(
                        "The same story lightly edited (a wire story in two outlets) is imported"
                        " and flagged instead of skipped"
                    )
                )
                menu.addAction(near)
                self.actions["near_duplicates"] = near
                menu.addSeparator()
        self.backups = BackupActions(window, self)
        self.recent_menu = RecentMenu(window.settings, self.open_project, self.clear_recent, window)
        restore = QAction(self.tr("Restore from &backup…"), window)
        restore.triggered.connect(lambda _checked=False: self.restore_backup())
        self.actions["restore"] = restore
        first_import = self.actions["import"]
        menu.insertMenu(first_import, self.recent_menu)
        menu.insertAction(first_import, restore)
        menu.insertSeparator(first_import)

    # -- new / open ------------------------------------------------------------------------

    def new_project(self, path: Path | None = None) -> bool:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("New project"),
                start_folder(self.window.settings, "study.annotator"),
                self.tr(PROJECT_FILTER),
            )
            if not name:
                return False
            remember_folder(self.window.settings, name)
            path = Path(name)
            if not path.suffix:
                path = path.with_suffix(".annotator")
        from annotator.services.codebooks import starter_codebook

        try:
            with Project.create(path) as created:
                try:
                    created.install_codebook(starter_codebook())
                except FileProblem as exc:
                    self.window.show_error(self.tr("Starter codebook missing"), str(exc))
            project = Project.open(path, exclusive=True)
        except ProjectError as exc:
            self.window.show_error(self.tr("Cannot create project"), str(exc))
            return False
        self.show_project(project)
        return True

    def open_project(self, path: Path | None = None) -> bool:
        if path is None:
            start = start_folder(self.window.settings)
            name, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open project"), start, self.tr(PROJECT_FILTER)
            )
            if not name:
                return False
            remember_folder(self.window.settings, name)
            path = Path(name)
        current = self.window.project
        if current is not None and _same_file(current.path, path):
            self.window.statusBar().showMessage(
                self.tr("{0} is already open").format(path.name), 5000
            )
            return True
        try:
            project = Project.open(path, exclusive=True)
        except ProjectError as exc:
            self.window.show_error(self.tr("Cannot open project"), str(exc))
            return False
        self.show_project(project)
        self.backups.start(project)
        return True

    def open_corpus(self, folder: Path | None = None) -> CorpusDialog | None:
        """Show a corpus folder's counts and search (asks for the folder unless given)."""
        # Imported here: DuckDB and pyarrow are not needed to start the window.
        from annotator.ui.corpus_dialog import open_corpus_dialog

        return open_corpus_dialog(self.window, folder)

    def show_project(self, project: Project) -> None:
        """Show a project opened (or reopened after a restore) and remember it."""
        remember(self.window.settings, project.path)
        self.window.set_project(project)  # saves the settings

    def clear_recent(self) -> None:
        self.window.settings.recent_projects = []
        self.window.save_settings()

    # -- backups (ui/backup_menu.py) -----------------------------------------------------

    @property
    def backup_worker(self) -> BackupWorker | None:
        return self.backups.worker

    @property
    def restore_dialog(self) -> RestoreDialog | None:
        return self.backups.dialog

    @property
    def restore_run(self) -> RestoreRun | None:
        return self.backups.run

    def restore_backup(self) -> RestoreDialog | None:
        """List the open project's backups; restoring one happens when the dialog is accepted."""
        return self.backups.restore_backup()

    def restore(self, chosen: Path) -> RestoreRun | None:
        """Put a backup's content into the open project, in a worker."""
        return self.backups.restore(chosen)

    # -- import ----------------------------------------------------------------------------

    def import_articles(
        self,
        files: Sequence[Path] | None = None,
        announce: bool = True,
        options: ReadOptions | None = None,
    ) -> ImportWorker | None:
        """Import files and folders into the open project in a worker, with progress.

        Spreadsheets need their columns mapped first: without ``options`` the mapping
        dialog opens, and the import starts (and this returns None) once it is accepted.
        ``announce`` shows the summary table at the end (the demo import at first start
        only puts a line in the status bar).
        """
        if not self._can_import():
            return None
        if files is None:
            names, _ = QFileDialog.getOpenFileNames(
                self.window, self.tr("Import articles"), self._import_start(), import_file_filter()
            )
            if not names:
                return None
            remember_folder(self.window.settings, names[0])
            files = [Path(n) for n in names]
        files = list(files)
        if options is None and self._ask_mapping(files, announce):
            return None
        return self._start_import(files, announce, options)

    def import_folder(self, folder: Path | None = None) -> ImportWorker | None:
        """Import every supported file in a folder and its subfolders."""
        if not self._can_import():
            return None
        if folder is None:
            name = QFileDialog.getExistingDirectory(
                self.window, self.tr("Import a folder of articles"), self._import_start()
            )
            if not name:
                return None
            remember_folder(self.window.settings, name)
            folder = Path(name)
        return self.import_articles([folder])

    def _can_import(self) -> bool:
        if self.window.project is None:
            self.window.show_error(
                self.tr("No project"), self.tr("Open or create a project first.")
            )
            return False
        if self.import_worker is not None or self.mapping_dialog is not None:
            self.window.show_error(
                self.tr("Import running"), self.tr("Wait for the current import to finish.")
            )
            return False
        return True

    def _import_start(self) -> str:
        return start_folder(self.window.settings)

    def _ask_mapping(self, files: list[Path], announce: bool) -> bool:
        """Open the column mapping dialog when a spreadsheet is among the files."""
        tables = table_files(files)
        if not tables:
            return False
        # Imported here: the readers' libraries are not needed until the researcher imports.
        from annotator.services.sources import ReadOptions, table

        for path in tables:
            try:
                columns, rows = table.preview(path, rows=5)
            except (FileProblem, OSError):
                continue  # the import reports it in the summary, with the other files
            dialog = ColumnMappingDialog(
                path,
                columns,
                rows,
                table.guess_mapping(columns),
                others=len(tables) - 1,
                parent=self.window,
            )
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.accepted.connect(
                lambda dialog=dialog: self._start_import(
                    files, announce, ReadOptions(column_map=dialog.mapping())
                )
            )
            dialog.finished.connect(self._mapping_closed)
            self.mapping_dialog = dialog
            dialog.open()
            return True
        return False

    def _mapping_closed(self) -> None:
        if self.mapping_dialog is not None:
            self.mapping_dialog.deleteLater()
            self.mapping_dialog = None

    def _start_import(
        self, files: Sequence[Path], announce: bool, options: ReadOptions | None
    ) -> ImportWorker | None:
        project = self.window.project
        if project is None:
            return None
        worker = ImportWorker(
            project.path,
            files,
            options=options,
            allow_near_duplicates=self.actions["near_duplicates"].isChecked(),
            parent=self,
        )
        self.import_worker = worker
        dialog = QProgressDialog(
            self.tr("Loading the language models…"), self.tr("Cancel"), 0, 0, self.window
        )
        dialog.setWindowTitle(self.tr("Importing articles"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        # Shown at once: loading the language models alone takes several seconds.
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(420)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(worker.cancel)
        self._progress = dialog
        self._report_rows = []
        self._seconds_left = -1.0
        worker.time_left.connect(lambda seconds: setattr(self, "_seconds_left", seconds))
        worker.progressed.connect(self._import_progressed)
        # ``rows`` comes just before ``succeeded``: keep the rows, show them with the totals.
        worker.rows.connect(lambda rows: setattr(self, "_report_rows", list(rows)))
        if announce:
            worker.succeeded.connect(self._import_succeeded)
        else:
            worker.succeeded.connect(
                lambda items: self.window.statusBar().showMessage(
                    summary_line(*report_rows(items)), 10000
                )
            )
        worker.failed.connect(
            lambda message: self.window.show_error(self.tr("Import failed"), message)
        )
        worker.finished.connect(self._import_ended)
        worker.start()
        dialog.show()
        return worker

    def _import_progressed(self, done: int, total: int, current: str, rate: float) -> None:
        if self._progress is not None:
            self._progress.setMaximum(max(total, 1))
            self._progress.setValue(done)
            left = _duration(self._seconds_left) if done < total else ""
            self._progress.setLabelText(
                self.tr("{0}/{1} articles — {2:.1f} articles/s{3}").format(done, total, rate, left)
                + "\n"
                + current
            )
        # Show what is already stored while the rest is being analysed.
        if done == total or done % 32 == 0:
            self.window.refresh_articles()

    def _import_succeeded(self, lines: list[str]) -> None:
        """The summary table of the report rows, under the totals line."""
        line = summary_line(*report_rows(lines))
        self.window.statusBar().showMessage(line, 20000)
        if not self.window.interactive:
            return
        if self.summary_dialog is not None:
            self.summary_dialog.close()
        dialog = ImportSummaryDialog(self._report_rows or lines, self.window, heading=line)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "summary_dialog", None))
        self.summary_dialog = dialog
        dialog.open()

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
        """Export in a worker, in the format of ``out``'s extension; without ``out``, the
        export dialog asks for the file, format and options (``export_chosen`` runs it)."""
        project = self.window.project
        if project is None:
            self.window.show_error(
                self.tr("No project"), self.tr("Open or create a project first.")
            )
            return None
        if out is None:
            self.ask_export()
            return None
        return self.export_chosen(ExportChoice(out))

    def ask_export(self) -> ExportDialog | None:
        """Open the export dialog (not modal to the test driving it); None without project."""
        project = self.window.project
        if project is None:
            return None
        suggested = Path(start_folder(self.window.settings, project.path.stem + ".xlsx"))
        dialog = ExportDialog(suggested, self.window)
        self.export_dialog = dialog
        dialog.accepted.connect(lambda: self._export_accepted(dialog))
        dialog.finished.connect(lambda _result: self._export_dialog_closed(dialog))
        dialog.open()
        return dialog

    def _export_accepted(self, dialog: ExportDialog) -> None:
        choice = dialog.choice()
        remember_folder(self.window.settings, choice.out)
        self.export_chosen(choice)

    def _export_dialog_closed(self, dialog: ExportDialog) -> None:
        if self.export_dialog is dialog:
            self.export_dialog = None
        dialog.deleteLater()

    def export_chosen(self, choice: ExportChoice) -> ExportWorker | None:
        project = self.window.project
        if project is None:
            return None
        out = choice.out
        worker = ExportWorker(project.path, choice, parent=self)
        self.export_worker = worker
        self.window.statusBar().showMessage(self.tr("Exporting to {0}…").format(out.name))
        worker.succeeded.connect(lambda path: self._exported(path, worker.warnings))
        worker.failed.connect(
            lambda message: self.window.show_error(self.tr("Export failed"), message)
        )
        worker.finished.connect(self._export_ended)
        worker.start()
        return worker

    def _exported(self, path: str, warnings: list[str]) -> None:
        """Tell what was written, after what the format made the export change."""
        done = self.tr("Exported {0}").format(path)
        if warnings:
            summary = self.tr("Exported {0} (warnings above: {1})").format(path, len(warnings))
            done = "\n".join([*warnings, "", summary])
        self.window.show_info(self.tr("Export finished"), done)

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
        self.backups.stop()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        return False


def _duration(seconds: float) -> str:
    """Time left for the progress label; empty while the worker cannot estimate it."""
    if seconds < 0:
        return ""
    if seconds < 90:
        return QCoreApplication.translate("FileMenu", " — about {0} s left").format(
            max(1, round(seconds))
        )
    return QCoreApplication.translate("FileMenu", " — about {0} min left").format(
        round(seconds / 60)
    )
