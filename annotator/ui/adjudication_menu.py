"""File › Adjudicate disagreements…: the menu item, light to import at start-up.

The dialog and the agreement code behind it (numpy, openpyxl) load when it is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from annotator.ui.coder_dialog import file_menu_of

if TYPE_CHECKING:
    from annotator.ui.adjudication import AdjudicationDialog
    from annotator.ui.host import WindowHost


class AdjudicationActions(QObject):
    """Adds File › Adjudicate disagreements… to a WindowHost."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: AdjudicationDialog | None = None
        self.action = QAction(self.tr("&Adjudicate disagreements…"), window)
        self.action.setObjectName("adjudicateAction")
        self.action.triggered.connect(lambda _checked=False: self.open_dialog())
        menu = file_menu_of(window)
        if menu is not None:
            menu.insertAction(window.file_menu.actions["quit"], self.action)

    def open_dialog(self) -> AdjudicationDialog | None:
        project = self.window.project
        if project is None:
            self.window.show_error(
                self.tr("No project"), self.tr("Open the merged project to adjudicate first.")
            )
            return None
        if self.dialog is not None:
            self.dialog.close()
        from annotator.ui.adjudication import AdjudicationDialog

        dialog = AdjudicationDialog(project, self.window)
        dialog.changed.connect(self._changed)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _changed(self) -> None:
        self.window.refresh_articles()

    def _closed(self, dialog: AdjudicationDialog) -> None:
        dialog.deleteLater()
        if self.dialog is dialog:
            self.dialog = None
