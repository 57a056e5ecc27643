"""File › Split for coders… and File › Merge project files…: dialogs over services.split
and services.merge, whose work runs in a worker thread; the report is shown in the dialog."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.services.merge import MergeRefused, merge
from annotator.services.split import SplitError, split
from annotator.ui.coder_dialog import add_to_file_menu
from annotator.ui.errors import user_message
from annotator.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from annotator.ui.host import WindowHost

#: Translated in the File menu's context, where the same filter is.
PROJECT_FILTER = QT_TRANSLATE_NOOP(
    "FileMenu", "Annotator projects (*.annotator *.db);;All files (*)"
)


class SplitWorker(QThread):
    """Runs services.split.split."""

    succeeded = Signal(list)  # the report lines
    failed = Signal(str)

    def __init__(
        self,
        project: Path,
        coders: Sequence[str],
        overlap: float,
        out_dir: Path,
        seed: int | None,
        keep_codes: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.args = (project, list(coders), overlap, out_dir)
        self.seed = seed
        self.keep_codes = keep_codes

    def run(self) -> None:
        try:
            report = split(*self.args, seed=self.seed, keep_codes=self.keep_codes)
        except SplitError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # shown to the researcher; the window must survive it
            self.failed.emit(user_message(exc))
        else:
            self.succeeded.emit(report.lines())


class MergeWorker(QThread):
    """Runs services.merge.merge, with its progress."""

    progressed = Signal(int, int, str)  # rows done, rows in all, file
    succeeded = Signal(list)  # the report lines
    failed = Signal(str)

    def __init__(self, out: Path, inputs: Sequence[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.out = out
        self.inputs = list(inputs)

    def run(self) -> None:
        try:
            report = merge(self.out, self.inputs, progress=self.progressed.emit)
        except MergeRefused as exc:
            self.failed.emit(self.tr("{0}; {1} was left as it was.").format(exc, self.out.name))
        except Exception as exc:  # shown to the researcher; the window must survive it
            self.failed.emit(user_message(exc))
        else:
            self.succeeded.emit(report.lines())


class _ReportDialog(QDialog):
    """A form above a report area and a progress bar, with Run and Close."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.form = QFormLayout()
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(
            QCoreApplication.translate("ReportDialog", "The report appears here.")
        )
        self.progress = QProgressBar()
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.worker: QThread | None = None

    def _running(self, worker: QThread) -> None:
        self.worker = worker
        self.run_button.setEnabled(False)
        self.report.setPlainText(QCoreApplication.translate("ReportDialog", "Working…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        worker.finished.connect(self._ended)
        worker.start()

    def _ended(self) -> None:
        self.progress.hide()
        self.run_button.setEnabled(True)
        if self.worker is not None:
            self.worker.deleteLater()
            self.worker = None

    def show_report(self, lines: list[str]) -> None:
        self.report.setPlainText("\n".join(lines))

    def show_problem(self, message: str) -> None:
        self.report.setPlainText(message)

    def reject(self) -> None:
        if self.worker is not None:
            self.worker.wait()  # short work that must not be cut off half-way
        super().reject()


class SplitDialog(_ReportDialog):
    def __init__(self, project: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split for coders"))
        self.run_button.setText(self.tr("Split"))
        self.project = project
        self.coders = QLineEdit()
        self.coders.setPlaceholderText("alice, bob, carol")
        self.overlap = QDoubleSpinBox()
        self.overlap.setRange(0, 100)
        self.overlap.setDecimals(0)
        self.overlap.setSuffix(" %")
        self.overlap.setValue(10)
        self.overlap.setToolTip(self.tr("Share of the articles every coder codes, for reliability"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setSpecialValueText(self.tr("random"))
        self.seed.setToolTip(self.tr("The same seed draws the same assignment again"))
        self.folder = QLineEdit(str(project.parent))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.keep_codes = QCheckBox(self.tr("Give every coder the codes already made by others"))
        self.form.addRow(self.tr("Coders (comma-separated):"), self.coders)
        self.form.addRow(self.tr("Overlap coded by everyone:"), self.overlap)
        self.form.addRow(self.tr("Seed:"), self.seed)
        self.form.addRow(self.tr("Write the files to:"), row)
        self.form.addRow("", self.keep_codes)
        self.run_button.clicked.connect(self.start)

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the coders' files"), self.folder.text()
        )
        if name:
            self.folder.setText(name)

    def start(self) -> SplitWorker | None:
        coders = [c.strip() for c in self.coders.text().split(",") if c.strip()]
        if not coders:
            self.show_problem(self.tr("Name the coders, separated by commas."))
            return None
        worker = SplitWorker(
            self.project,
            coders,
            self.overlap.value() / 100,
            Path(self.folder.text()),
            self.seed.value() or None,
            self.keep_codes.isChecked(),
            parent=self,
        )
        worker.succeeded.connect(self.show_report)
        worker.failed.connect(self.show_problem)
        self._running(worker)
        return worker


class MergeDialog(_ReportDialog):
    """Project files to merge into OUT (the open project by default)."""

    #: Emitted just before the merge into ``out`` starts (the window lets go of it).
    about_to_merge = Signal(Path)
    #: Emitted after a merge into ``out``, however it ended.
    merged = Signal(Path)

    def __init__(self, out: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge project files"))
        self.run_button.setText(self.tr("Merge"))
        self.inputs = QListWidget()
        add = QPushButton(self.tr("Add files…"))
        add.clicked.connect(self._add_files)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(
            lambda: [self.inputs.takeItem(self.inputs.row(i)) for i in self.inputs.selectedItems()]
        )
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.inputs, 1)
        row.addLayout(buttons)
        self.out = QLineEdit(str(out) if out is not None else "")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_out)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        self.form.addRow(self.tr("Coders' files:"), row)
        self.form.addRow(self.tr("Merge into:"), out_row)
        self.run_button.clicked.connect(self.start)

    def add_inputs(self, paths: Sequence[Path]) -> None:
        for path in paths:
            self.inputs.addItem(str(path))

    def input_paths(self) -> list[Path]:
        return [Path(self.inputs.item(i).text()) for i in range(self.inputs.count())]

    def _add_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Coders' project files"),
            "",
            QCoreApplication.translate("FileMenu", PROJECT_FILTER),
        )
        self.add_inputs([Path(n) for n in names])

    def _choose_out(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Merge into"),
            self.out.text(),
            QCoreApplication.translate("FileMenu", PROJECT_FILTER),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.out.setText(name if Path(name).suffix else name + ".annotator")

    def start(self) -> MergeWorker | None:
        inputs = self.input_paths()
        if not inputs or not self.out.text().strip():
            self.show_problem(self.tr("Add the coders' files, and choose the file to merge into."))
            return None
        out = Path(self.out.text().strip())
        self.about_to_merge.emit(out)
        worker = MergeWorker(out, inputs, parent=self)
        worker.progressed.connect(self._progressed)
        worker.succeeded.connect(self.show_report)
        worker.failed.connect(self.show_problem)
        worker.finished.connect(lambda: self.merged.emit(out))
        self._running(worker)
        return worker

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"%p% — {name}" if name else "%p%")


class SplitMergeActions(QObject):
    """Adds File › Split for coders… and File › Merge project files… to a WindowHost."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: _ReportDialog | None = None
        self._reopen: Path | None = None
        split_action = QAction(self.tr("Sp&lit for coders…"), window)
        split_action.triggered.connect(lambda _checked=False: self.open_split())
        merge_action = QAction(self.tr("&Merge project files…"), window)
        merge_action.triggered.connect(lambda _checked=False: self.open_merge())
        add_to_file_menu(window, [split_action, merge_action])
        self.split_action, self.merge_action = split_action, merge_action

    def open_split(self) -> SplitDialog | None:
        project = self.window.project
        if project is None:
            self.window.show_error(
                self.tr("No project"), self.tr("Open the project to split first.")
            )
            return None
        dialog = SplitDialog(project.path, self.window)
        self._show(dialog)
        return dialog

    def open_merge(self) -> MergeDialog:
        project = self.window.project
        dialog = MergeDialog(project.path if project is not None else None, self.window)
        dialog.about_to_merge.connect(self._before_merge)
        dialog.merged.connect(self._after_merge)
        self._show(dialog)
        return dialog

    def _before_merge(self, out: Path) -> None:
        """Merging into the open project: the window lets go of it while the merge runs."""
        project = self.window.project
        if project is None or not _same_file(project.path, out):
            return
        if self.window.file_menu.import_worker is not None:
            return  # the merge is refused (the file is held) and says so
        self._reopen = project.path
        self.window.shutdown()

    def _after_merge(self, _out: Path) -> None:
        path, self._reopen = self._reopen, None
        if path is not None:
            self.window.file_menu.open_project(path)

    def _show(self, dialog: _ReportDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: _ReportDialog) -> None:
        dialog.deleteLater()
        if self.dialog is dialog:
            self.dialog = None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
