"""The View menu: overview charts and the reader's text size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from annotator.ui.overview import OverviewDialog
from annotator.ui.reader import reader_font
from annotator.ui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from annotator.ui.host import WindowHost

#: Reader text sizes the menu steps through, in points.
MIN_SIZE, MAX_SIZE = 8, 28


class ViewMenu(QObject):
    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.menu = window.menuBar().addMenu(self.tr("&View"))
        items = [
            (self.tr("&Overview…"), QKeySequence("Ctrl+Shift+O"), self.show_overview),
            (
                self.tr("&Larger text"),
                QKeySequence(QKeySequence.StandardKey.ZoomIn),
                lambda: self.zoom(1),
            ),
            (
                self.tr("&Smaller text"),
                QKeySequence(QKeySequence.StandardKey.ZoomOut),
                lambda: self.zoom(-1),
            ),
            (self.tr("&Default text size"), QKeySequence("Ctrl+0"), lambda: self.zoom(0)),
        ]
        for text, key, slot in items:
            action = QAction(text, window)
            action.setShortcut(key)
            action.triggered.connect(slot)
            self.menu.addAction(action)
        self.menu.insertSeparator(self.menu.actions()[1])
        self.menu.addSeparator()
        preferences = QAction(self.tr("&Preferences…"), window)
        preferences.setShortcut(QKeySequence("Ctrl+,"))
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        preferences.triggered.connect(self.show_preferences)
        self.menu.addAction(preferences)
        self.apply_text_size()

    def show_overview(self) -> None:
        if self.window.project is None:
            return
        dialog = OverviewDialog(self.window.project, self.window.settings.coder, self.window)
        dialog.exec()

    def show_preferences(self) -> SettingsDialog:
        dialog = SettingsDialog(self.window.settings, self.window)
        dialog.accepted.connect(lambda: self.apply_preferences(dialog))
        dialog.open()
        return dialog

    def apply_preferences(self, dialog: SettingsDialog) -> None:
        problems = dialog.apply()
        self.apply_text_size()
        self.window.save_settings()
        if problems:
            self.window.show_error(self.tr("Pipeline not available"), "\n".join(problems))

    def zoom(self, step: int) -> None:
        """Make the reader's text larger (1), smaller (-1) or the default size (0)."""
        settings = self.window.settings
        current = settings.text_size or reader_font().pointSize()
        settings.text_size = 0 if step == 0 else max(MIN_SIZE, min(MAX_SIZE, current + step))
        self.apply_text_size()
        self.window.save_settings()

    def apply_text_size(self) -> None:
        font = reader_font()
        if self.window.settings.text_size:
            font.setPointSize(self.window.settings.text_size)
        self.window.reader.text.setFont(font)
