"""Every window shortcut does one thing: no two menu actions share a key."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from annotator.services.settings import Settings
from annotator.ui.main_window import MainWindow


def test_no_two_window_actions_share_a_shortcut(qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    keys: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        if action.shortcutContext() != Qt.ShortcutContext.WindowShortcut:
            continue
        for key in action.shortcuts():
            if not key.isEmpty():
                keys[key.toString()].append(action.text())
    assert len(keys) >= 20
    assert {k: v for k, v in keys.items() if len(v) > 1} == {}
    for expected in ("Ctrl+Z", "Ctrl+F", "Ctrl+U", "Ctrl+,", "Ctrl+Shift+O", "Ctrl+D"):
        assert expected in keys
