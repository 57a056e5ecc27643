"""Who is coding: the coder's name (asked at first start, File › Switch coder…) and blind
coding (View › Blind coding: a coder sees only their own codes)."""

from __future__ import annotations

import getpass
import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from annotator.services.settings import Settings, settings_path

if TYPE_CHECKING:
    from annotator.ui.host import WindowHost


def visible_coder(settings: Settings) -> str | None:
    """Whose codes the window shows: only the coder's own in blind mode, else everyone's."""
    return settings.coder if settings.blind else None


def coder_unset(settings: Settings) -> bool:
    """Whether nobody has said who codes here yet: no name in the settings file, and the
    one in use is the login-name default (or empty)."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = "coder"
    return settings.coder.strip() in ("", login, "coder") and not coder_was_chosen()


def coder_was_chosen() -> bool:
    """Whether a coder's name is in the settings file (not only the login-name default)."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and bool(str(data.get("coder") or "").strip())


class CoderDialog(QDialog):
    """Asks the coder's name; the project's known coders are offered, any new name goes."""

    def __init__(
        self, current: str, known: list[str], first_start: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is coding?") if first_start else self.tr("Switch coder"))
        layout = QVBoxLayout(self)
        intro = self.tr(
            "Every code you make is saved under your name, so that the codes of several "
            "coders can be merged and compared. Your name (or your coder id):"
        )
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems([c for c in known if c != current] + [current])
        self.name.setCurrentText(current)
        editor = self.name.lineEdit()
        if editor is not None:
            editor.selectAll()
        layout.addWidget(self.name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.editTextChanged.connect(self._check)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def chosen(self) -> str:
        return " ".join(self.name.currentText().split())

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen()))


class CoderActions(QObject):
    """File › Switch coder… and View › Blind coding, and the first-start question."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: CoderDialog | None = None
        switch = QAction(self.tr("S&witch coder…"), window)
        switch.triggered.connect(lambda _checked=False: self.ask(first_start=False))
        self.switch_action = switch
        blind = QAction(self.tr("&Blind coding (only my codes)"), window)
        blind.setCheckable(True)
        blind.setChecked(window.settings.blind)
        blind.setToolTip(self.tr("Show only the codes of the current coder, not the other coders'"))
        blind.toggled.connect(self.set_blind)
        self.blind_action = blind
        separator = QAction(window)
        separator.setSeparator(True)
        add_to_file_menu(window, [separator, switch])
        window.view_menu.menu.addSeparator()
        window.view_menu.menu.addAction(blind)
        # Checked now, before the window saves its settings (with the default name) on
        # opening a project; asked once the window is up.
        if window.interactive and coder_unset(window.settings):
            QTimer.singleShot(0, lambda: self.ask(first_start=True))

    def ask(self, first_start: bool = False) -> CoderDialog:
        """Open the coder dialog (window-modal); the name applies when it is accepted."""
        project = self.window.project
        known = project.coders() if project is not None else []
        dialog = CoderDialog(self.window.settings.coder, known, first_start, self.window)
        dialog.accepted.connect(lambda: self.switch_to(dialog.chosen()))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: CoderDialog) -> None:
        dialog.deleteLater()
        if self.dialog is dialog:
            self.dialog = None

    def switch_to(self, name: str) -> None:
        """Code as ``name`` from now on; the views show that coder's work."""
        name = " ".join(name.split())
        if not name:
            return
        self.window.settings.coder = name
        self._save()
        self._refresh()
        self.window.statusBar().showMessage(self.tr("Coding as {name}").format(name=name), 5000)

    def set_blind(self, on: bool) -> None:
        self.window.settings.blind = bool(on)
        if self.blind_action.isChecked() != bool(on):
            self.blind_action.setChecked(bool(on))
        self._save()
        self._refresh()

    def _save(self) -> None:
        self.window.save_settings()

    def _refresh(self) -> None:
        window = self.window
        window.refresh_articles()
        article = window.reader.article
        if article is not None:
            window.load_article(article.id)


def add_to_file_menu(window: WindowHost, actions: list[QAction]) -> None:
    """Put the team's actions at the end of the File menu, before its last group (Quit)."""
    menu = file_menu_of(window)
    if menu is None:
        return
    items = menu.actions()
    at = items.index(window.file_menu.actions["quit"])
    anchor = items[at - 1] if at > 0 and items[at - 1].isSeparator() else items[at]
    for action in actions:
        menu.insertAction(anchor, action)


def file_menu_of(window: WindowHost) -> QMenu | None:
    """The window's File menu (built by annotator.ui.file_menu): the one holding Quit."""
    quit_action = window.file_menu.actions["quit"]
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and quit_action in menu.actions():
            return menu
    return None
