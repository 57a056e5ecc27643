"""The Overview draws the machine's learning curve (issue 15, item 6): alpha against the
number of coded articles, computed in the Overview's worker from a real project that the
machine learned from with real scikit-learn."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from annotator.services.learn import learn
from annotator.store import Project
from annotator.ui.overview import OverviewDialog
from tests.services.test_learn import make

TITLE = "The machine's α by coded articles"


def _curve_tab(qtbot: QtBot, dialog: OverviewDialog) -> int:
    qtbot.waitUntil(lambda: not dialog.computing(), timeout=120_000)
    titles = [str(t.title) for t in dialog.tables]
    assert TITLE in titles
    return titles.index(TITLE)


def test_the_learning_curve_is_drawn_with_its_table(qtbot: QtBot, tmp_path) -> None:
    path = make(tmp_path, coded=60)
    with Project.open(path) as project:
        learn(project, coder="alice")
        dialog = OverviewDialog(project, "alice")
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.computing()  # in the worker, not the window's thread
        index = _curve_tab(qtbot, dialog)
        dialog.tabs.setCurrentIndex(index)
        table = dialog.chart().table
        assert table.chart == "line" and table.columns == ["coded articles", "conflict", "topic"]
        # 25 and 50 of the 60 coded articles, then all of them.
        assert [row[0] for row in table.rows] == [25, 50, 60]
        topic = [row[2] for row in table.rows]
        assert all(isinstance(a, float) and a > 0.5 for a in topic)
        image = dialog.chart().image(600, 360)
        colours = {image.pixel(x, y) for x in range(0, 600, 5) for y in range(0, 360, 5)}
        assert len(colours) > 3  # lines, not a blank page
        shown = dialog.tabs.currentWidget().widget(1)  # the table below the chart
        assert shown.rowCount() == 3 and shown.item(2, 0).text() == "60"
        assert shown.item(2, 2).text() == str(topic[2])


def test_before_any_learning_the_tab_says_how_to_train(qtbot: QtBot, tmp_path) -> None:
    path = make(tmp_path, coded=20)
    with Project.open(path) as project:
        dialog = OverviewDialog(project, "alice")
        qtbot.addWidget(dialog)
        dialog.show()
        index = _curve_tab(qtbot, dialog)
        table = dialog.tables[index]
    assert table.rows == [] and "Train the machine now" in table.empty_reason
