"""Codebook files for the editor: import (from a file or a template) and export.

Reading and writing run in a background thread; merging what was read into the project
is a handful of rows, done on the window's thread like any edit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from annotator.core import Codebook
from annotator.services.codebook_merge import import_codebook
from annotator.services.codebooks import (
    TEMPLATES,
    read_codebook,
    template_codebook,
    template_languages,
    write_codebook,
)
from annotator.services.exports.codebook_doc import DOCUMENT_SUFFIXES, write_codebook_document
from annotator.ui.errors import show_message
from annotator.ui.file_task import FileTask
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.texts import escape_mnemonic

if TYPE_CHECKING:
    from annotator.ui.codebook_editor import CodebookEditor

FILE_FILTER = QT_TRANSLATE_NOOP(
    "CodebookFiles", "Codebooks (*.xlsx *.json);;Excel workbook (*.xlsx);;JSON (*.json)"
)
#: Export: the codebook to edit or import elsewhere, or as a document to print.
EXPORT_FILTERS = (
    QT_TRANSLATE_NOOP("CodebookFiles", "Codebooks (*.xlsx *.json)"),
    QT_TRANSLATE_NOOP("CodebookFiles", "Word document, to print or for an appendix (*.docx)"),
    QT_TRANSLATE_NOOP("CodebookFiles", "Web page (*.html)"),
    QT_TRANSLATE_NOOP("CodebookFiles", "Markdown (*.md)"),
)
LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("CodebookFiles", "English"),
    "fr": QT_TRANSLATE_NOOP("CodebookFiles", "français"),
}


class CodebookFiles(QObject):
    """Import… and Export… of the codebook editor."""

    imported = Signal(list)  # the lines of the import report
    exported = Signal(str)  # the file written
    failed = Signal(str)

    def __init__(self, editor: CodebookEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self._tasks: list[FileTask] = []

    def import_menu(self, parent: QWidget) -> QMenu:
        """From a file…, then every template in each language."""
        menu = QMenu(parent)
        menu.addAction(self.tr("From a file (.xlsx, .json)…"), self.choose_import)
        menu.addSeparator()
        for name, title in TEMPLATES.items():
            for language in template_languages(name):
                action = menu.addAction(
                    escape_mnemonic(f"{title} — {self.tr(LANGUAGE_NAMES[language])}")
                )
                action.triggered.connect(
                    lambda _checked=False, n=name, lang=language: self.add_template(n, lang)
                )
        return menu

    def choose_import(self) -> None:
        project = self.editor.project
        name, _ = QFileDialog.getOpenFileName(
            self.editor, self.tr("Import codebook"), str(project.path.parent), self.tr(FILE_FILTER)
        )
        if name:
            self.import_file(Path(name))

    def choose_export(self) -> None:
        project = self.editor.project
        start = project.path.with_name(f"{project.path.stem}-codebook.xlsx")
        name, chosen = QFileDialog.getSaveFileName(
            self.editor,
            self.tr("Export codebook"),
            str(start),
            ";;".join(self.tr(f) for f in EXPORT_FILTERS),
        )
        if name:
            path = Path(name)
            self.export_file(path if path.suffix else path.with_suffix(_suffix(chosen)))

    def import_file(self, path: Path) -> FileTask:
        """Read a codebook file in the background, then merge it into the project."""
        self.editor.status.setText(self.tr("Reading {0}…").format(path.name))
        return self._run(lambda: read_codebook(path), self._merge)

    def add_template(self, name: str, language: str = "en") -> FileTask:
        """Merge a shipped template into the project (what it already has is matched)."""
        return self._run(lambda: template_codebook(name, language), self._merge)

    def _merge(self, incoming: object) -> None:
        assert isinstance(incoming, Codebook)
        editor = self.editor
        editor.commit_forms()
        changes = import_codebook(editor.project, incoming)
        editor.after_change()
        lines = changes.lines()
        editor.status.setText(lines[-1])
        if editor.isVisible():
            shown = lines if len(lines) <= 20 else [*lines[:18], "…", lines[-1]]
            show_message(editor, self.tr("Codebook imported"), "\n".join(shown))
        self.imported.emit(lines)

    def export_file(self, path: Path) -> FileTask:
        """Write the project's codebook in the background: .xlsx or .json, or a document
        (.docx, .html, .md) in the codebook's language."""
        self.editor.commit_forms()
        snapshot = self.editor.project.codebook()
        self.editor.status.setText(self.tr("Writing {0}…").format(path.name))

        def done(written: object) -> None:
            self.editor.status.setText(self.tr("Exported the codebook to {0}").format(written))
            self.exported.emit(str(written))

        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            title = self.editor.project.path.stem
            return self._run(lambda: write_codebook_document(snapshot, path, title=title), done)
        return self._run(lambda: write_codebook(snapshot, path), done)

    def _run(self, job: Callable[[], Any], done: Callable[[object], None]) -> FileTask:
        task = FileTask(job, self)
        task.succeeded.connect(done)
        task.failed.connect(self._failed)
        task.finished.connect(lambda: self._tasks.remove(task))
        self._tasks.append(task)
        task.start()
        return task

    def _failed(self, message: str) -> None:
        self.editor.status.setText(message)
        if self.editor.isVisible():
            show_message(self.editor, self.tr("Codebook file"), message, error=True)
        self.failed.emit(message)

    def wait(self) -> None:
        """Let running reads and writes end (before the editor closes)."""
        for task in list(self._tasks):
            task.wait()


def _suffix(chosen_filter: str) -> str:
    """The extension of the chosen export format (.xlsx for the codebook files)."""
    for pattern in EXPORT_FILTERS:
        chosen = chosen_filter in (pattern, QCoreApplication.translate("CodebookFiles", pattern))
        if chosen and pattern.count("*") == 1:
            return pattern[pattern.rindex("*") + 1 : -1]
    return ".xlsx"
