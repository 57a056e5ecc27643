"""The overview dialog draws every chart and saves one as a PNG with something on it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.ui.overview import OverviewDialog
from tests.services.test_overview import make


def _computed(qtbot: QtBot, dialog: OverviewDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.computing(), timeout=10_000)


def test_charts_are_drawn_and_rendered_to_an_image(qtbot: QtBot, tmp_path) -> None:
    with make(tmp_path) as project:
        dialog = OverviewDialog(project, "alice")
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.computing()
        assert dialog.pages.currentWidget() is dialog.status
        _computed(qtbot, dialog)
        assert dialog.pages.currentWidget() is dialog.tabs
        # Codes, stance, actors, frames, quoted people by gender per outlet and month, and
        # the machine's learning curve (here: how to make the machine learn).
        assert dialog.tabs.count() == 7
        for index in range(7):
            dialog.tabs.setCurrentIndex(index)
            image = dialog.chart().image(600, 360)
            colours = {image.pixel(x, y) for x in range(0, 600, 7) for y in range(0, 360, 7)}
            assert len(colours) > 3, dialog.chart().table.title  # more than a blank page
        dialog.mine.setChecked(True)
        _computed(qtbot, dialog)
        assert dialog.tables[0].rows == [["=Daily", 1], ["Post", 1]]


def test_saving_to_an_unwritable_place_says_why(qtbot: QtBot, tmp_path) -> None:
    with make(tmp_path) as project:
        dialog = OverviewDialog(project, "alice")
        qtbot.addWidget(dialog)
        dialog.show()
        _computed(qtbot, dialog)
        good = tmp_path / "chart.png"
        dialog.save_png(str(good))
        assert good.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert not dialog.findChildren(QMessageBox)

        missing = tmp_path / "no such folder" / "chart.png"
        dialog.save_png(str(missing))  # no exception: a message instead
        [box] = dialog.findChildren(QMessageBox)
        assert str(missing) in box.text() and "No such file or directory" in box.text()
        assert not missing.exists()
        box.close()

        dialog.save_tables(str(tmp_path / "no such folder" / "tables.xlsx"))
        boxes = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
        assert len(boxes) == 1 and "tables.xlsx: not saved" in boxes[0].text()


def test_changing_the_choice_or_closing_while_computing(qtbot: QtBot, tmp_path) -> None:
    from annotator.ui import file_task

    with make(tmp_path) as project:
        dialog = OverviewDialog(project, "nobody")
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.mine.setChecked(True)  # while the first computation runs: only the last counts
        _computed(qtbot, dialog)
        assert dialog.tables[0].rows == []  # "nobody" coded nothing
        dialog.mine.setChecked(False)
        dialog.reject()  # closed before the tables come: they are dropped, nothing breaks
        assert not dialog.computing()
        qtbot.waitUntil(lambda: not file_task._orphans, timeout=10_000)
        assert dialog.tables[0].rows == []
