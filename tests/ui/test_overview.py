"""The overview dialog draws every chart and saves one as a PNG with something on it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from annotator.ui.overview import OverviewDialog
from tests.services.test_overview import make


def test_charts_are_drawn_and_rendered_to_an_image(qtbot: QtBot, tmp_path) -> None:
    with make(tmp_path) as project:
        dialog = OverviewDialog(project, "alice")
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.tabs.count() == 4
        for index in range(4):
            dialog.tabs.setCurrentIndex(index)
            image = dialog.chart().image(600, 360)
            colours = {image.pixel(x, y) for x in range(0, 600, 7) for y in range(0, 360, 7)}
            assert len(colours) > 3, dialog.chart().table.title  # more than a blank page
        dialog.mine.setChecked(True)
        assert dialog.tables[0].rows == [["=Daily", 1], ["Post", 1]]
