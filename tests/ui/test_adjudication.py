"""The adjudication dialog on a real project: click a coder's version, edit one, move on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from annotator.services.adjudication import ADJUDICATED
from annotator.store import Project
from annotator.ui.adjudication import AdjudicationDialog
from annotator.ui.main_window import MainWindow
from tests.services.test_adjudication import make_study


def open_dialog(qtbot, project):
    dialog = AdjudicationDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.items) and dialog.task is None, timeout=5000)
    return dialog


def cells(dialog, row):
    table = dialog.table
    return [table.item(row, c).text() for c in range(table.columnCount())]


def click(qtbot, dialog, row, column):
    table = dialog.table
    rect = table.visualItemRect(table.item(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_disagreements_are_shown_side_by_side_and_settled_by_a_click(qtbot, tmp_path):
    path = make_study(tmp_path / "study.annotator")
    with Project.open(path) as project:
        dialog = open_dialog(qtbot, project)
        table = dialog.table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        assert headers == ["Variable", "ann", "bob", "Adjudicated"]
        assert dialog.article_label.text() == "Article 1 of 2: Story 0"
        assert dialog.progress_label.text() == "0 of 5 settled"
        assert cells(dialog, 0) == ["conflict", "Yes (1)", "No (0)", ""]
        assert cells(dialog, 1)[1:] == ["+1", "-1", ""]

        click(qtbot, dialog, 0, 1)  # ann's "yes"
        assert project.codings("a0", ADJUDICATED)[0].value == "1"
        assert cells(dialog, 0) == ["✓ conflict", "Yes (1)", "No (0)", "Yes (1)"]
        assert dialog.progress_label.text() == "1 of 5 settled"

        # Next: the position, settled with another value from the editor.
        dialog.next_button.click()
        assert table.currentRow() == 1
        combo = dialog.field.widget
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData("0"))
        combo.activated.emit(combo.currentIndex())
        (claim,) = project.annotations("a0", ADJUDICATED)
        assert claim.attributes["v-position"] == "0"
        assert cells(dialog, 1)[3] == "0"

        # On to the next article: the span ann coded alone is dropped with bob's "not coded".
        dialog.next_button.click()
        assert dialog.article_label.text() == "Article 2 of 2: Story 1"
        assert [cells(dialog, r)[0] for r in range(table.rowCount())] == [
            "topic",
            "Claim (span)",
            "Claim (span)",
        ]
        assert cells(dialog, 2)[1:3] == ["«Unions say they will strike.»  45–73", "not coded"]
        click(qtbot, dialog, 2, 2)
        assert cells(dialog, 2)[3] == "not coded"
        assert project.annotations("a1", ADJUDICATED) == []
        assert dialog.progress_label.text() == "3 of 5 settled"

        # Next unsettled wraps around to what is left; Previous goes back one.
        dialog.next_unsettled()
        assert dialog.items[dialog.current].name == "topic"
        dialog.previous_button.click()
        assert dialog.article_label.text() == "Article 1 of 2: Story 0"

        dialog.grab().save(str(tmp_path / "adjudication.png"))
        assert (tmp_path / "adjudication.png").stat().st_size > 0
        dialog.close()

        # Saved at once: a new dialog finds the same choices.
        again = open_dialog(qtbot, project)
        assert again.progress_label.text() == "3 of 5 settled"
        again.copy_agreed()
        # a0's topic and a1's conflict; the dialog reads the disagreements again after.
        qtbot.waitUntil(lambda: again.hint.text().startswith("2 agreed values"), timeout=5000)
        qtbot.waitUntil(lambda: again.task is None, timeout=5000)
        assert again.progress_label.text() == "3 of 5 settled" and len(again.items) == 5
        topics = {c.variable_id: c.value for c in project.codings("a0", ADJUDICATED)}
        assert topics == {"v-conflict": "1", "v-topic": "economy"}
        again.close()


def test_the_file_menu_opens_the_dialog(qtbot, tmp_path, settings):
    path = make_study(tmp_path / "study.annotator")
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    assert window.open_project(path)
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Adjudicate disagreements…" in menu_texts
    window.adjudication.action.trigger()
    dialog = window.adjudication.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: len(dialog.items) == 5, timeout=5000)
    dialog.close()
    qtbot.waitUntil(lambda: window.adjudication.dialog is None)
