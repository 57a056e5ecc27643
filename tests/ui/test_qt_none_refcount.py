"""PySide6 6.12.0 drops a reference to None on every void method call (we pin <6.12)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 100_000


def test_void_calls_keep_the_refcount_of_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
        label.resize(10, 10)
    after = sys.getrefcount(None)
    # With the bug, the count falls by one per call until None is freed and Python aborts.
    assert after >= before - 10, f"refcount of None fell by {before - after}"
