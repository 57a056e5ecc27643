"""The main window's Codebook menu: Edit codebook… opens the editor; the panel follows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.ui.codebook_editor import CodebookEditor

if TYPE_CHECKING:
    from annotator.ui.host import WindowHost


class CodebookMenu:
    """Codebook › Edit codebook… in the main window; the codebook panel follows each change."""

    def __init__(self, window: WindowHost) -> None:
        self.window = window
        self.editor: CodebookEditor | None = None
        # Written out in full: lupdate does not follow an alias of translate.
        menu = window.menuBar().addMenu(QCoreApplication.translate("CodebookMenu", "&Codebook"))
        self.edit_action = QAction(
            QCoreApplication.translate("CodebookMenu", "&Edit codebook…"), window
        )
        self.edit_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.edit_action.triggered.connect(self.open_editor)
        menu.addAction(self.edit_action)

    def open_editor(self) -> CodebookEditor | None:
        project = self.window.project
        if project is None:
            message = QCoreApplication.translate("CodebookMenu", "Open a project first.")
            self.window.statusBar().showMessage(message, 5000)
            return None
        editor = CodebookEditor(project, self.window)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.codebook_changed.connect(self._refresh)
        editor.finished.connect(self._closed)
        self.editor = editor
        editor.open()
        return editor

    def _refresh(self) -> None:
        project = self.window.project
        if project is not None:
            self.window.set_codebook(project.codebook())

    def _closed(self) -> None:
        self._refresh()
        self.editor = None
        # Deleting a category deletes its codes: the article on screen is read again, and
        # the code counts of the list with it.
        article = self.window.reader.article
        if self.window.project is not None and article is not None:
            self.window.refresh_articles()
            self.window.load_article(article.id)
