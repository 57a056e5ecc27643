"""The codebook editor on real project files: every edit on disk, codes never orphaned."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.core import Annotation, Article
from annotator.services.codebooks import template_codebook, write_codebook
from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui.codebook_editor import CodebookEditor
from annotator.ui.main_window import MainWindow

TEXT = "The unions protested against the reform on Monday."


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """A project with the claims and frames templates and one claim coded with attributes."""
    path = tmp_path / "study.annotator"
    with Project.create(path) as project:
        project.install_codebook(template_codebook("pca"))
        project.install_codebook(template_codebook("frames"))
        article = Article(text=TEXT, title="Protest")
        project.add_article(article)
        book = project.codebook()
        claim = next(c for c in book.categories if c.name == "Claim")
        ids = {v.name: v.id for v in book.unit_variables(claim.id)}
        project.add_annotation(
            Annotation(
                article.id,
                claim.id,
                0,
                25,
                TEXT[:25],
                "ana",
                attributes={ids["claimant"]: "the unions", ids["position"]: "-1"},
            )
        )
    return path


@pytest.fixture
def editor(qtbot: QtBot, study: Path) -> CodebookEditor:
    project = Project.open(study)
    dialog = CodebookEditor(project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.done(0)
    project.close()


def answer_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Press ``button`` on the next confirmation box, keeping its text in ``seen``."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, press)


def select(editor: CodebookEditor, name: str) -> None:
    category = next(c for c in editor.codebook.categories if c.name == name)
    editor.select_category(category.id)


def on_disk(path: Path, read: Callable[[Project], object]) -> object:
    with Project.open(path) as project:
        return read(project)


def test_the_editor_shows_categories_and_both_levels_of_variables(editor: CodebookEditor) -> None:
    labels = []
    for i in range(editor.tree.topLevelItemCount()):
        item = editor.tree.topLevelItem(i)
        assert item is not None
        labels.append(item.text(0))
    assert labels[0] == "Claim  [C]  (7 unit variables)"
    assert labels[1] == "Frame evidence"
    select(editor, "Claim")
    assert editor.tabs.tabText(0) == "Unit variables of Claim"
    assert editor.unit_variables.list.count() == 7
    assert editor.unit_variables.list.item(0).text() == "claimant * — Claimant"
    assert editor.article_variables.list.count() == 20
    select(editor, "Conflict")
    assert editor.unit_variables.list.count() == 0
    assert editor.shortcut.text() == "1"


def test_add_child_rename_colour_and_shortcut_are_saved_at_once(
    qtbot: QtBot, editor: CodebookEditor, study: Path
) -> None:
    changes: list[int] = []
    editor.codebook_changed.connect(lambda: changes.append(1))
    select(editor, "Claim")
    child = editor.add_category(child=True)
    assert editor.current_category_id() == child.id
    count = len(editor.codebook.categories)
    editor.name.selectAll()
    qtbot.keyClicks(editor.name, "Demand")
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    # Enter saves the name; it does not press the dialog's first button (Add category).
    assert len(editor.codebook.categories) == count
    editor.set_colour("#336699")
    editor.set_shortcut("d")
    editor.set_shortcut("C")  # Claim's key
    assert editor.category_problem.text() == "the shortcut C is already used by Claim"
    editor.set_shortcut("D")
    saved = on_disk(study, lambda p: p.codebook().by_id(child.id))
    assert saved is not None
    assert (saved.name, saved.color, saved.shortcut) == ("Demand", "#336699", "D")
    claim = next(c for c in editor.codebook.categories if c.name == "Claim")
    assert saved.parent_id == claim.id
    assert changes
    editor.name.setText("")
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    assert editor.category_problem.text() == "a category needs a name"
    assert on_disk(study, lambda p: p.codebook().by_id(child.id).name) == "Demand"


def test_renaming_a_category_with_codes_keeps_them(editor: CodebookEditor, study: Path) -> None:
    select(editor, "Claim")
    editor.rename_category("Political claim")

    def names(project: Project) -> list[str]:
        book = project.codebook()
        return [book.by_id(a.category_id).name for a in project.annotations()]

    assert on_disk(study, names) == ["Political claim"]


def test_deleting_a_category_with_codes_says_how_many_and_asks(
    editor: CodebookEditor, study: Path
) -> None:
    select(editor, "Claim")
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Cancel, seen)
    assert editor.delete_category() is None
    assert "1 code(s) will be deleted" in seen[0]
    assert "its unit variables" in seen[0]
    assert on_disk(study, lambda p: len(p.annotations())) == 1
    answer_next_box(QMessageBox.StandardButton.Yes, seen)
    assert editor.delete_category() == 1
    assert on_disk(study, lambda p: len(p.annotations())) == 0
    assert "Claim" not in {c.name for c in editor.codebook.categories}
    assert editor.status.text() == "Deleted “Claim” and 1 code(s)."


def test_moving_categories_up_and_down(editor: CodebookEditor, study: Path) -> None:
    select(editor, "Human interest")
    editor.move_category(-1)

    def order(project: Project) -> list[str]:
        book = project.codebook()
        parent = next(c for c in book.categories if c.name == "Frame evidence")
        return [c.name for c in sorted(book.children(parent.id), key=lambda c: c.position)]

    assert on_disk(study, order)[:2] == ["Human interest", "Conflict"]
    editor.move_category(1)
    editor.move_category(1)
    assert on_disk(study, order)[:3] == ["Conflict", "Economic consequences", "Human interest"]
    assert editor.current_category().name == "Human interest"


def test_editing_a_unit_variable_keeps_its_codes(
    qtbot: QtBot, editor: CodebookEditor, study: Path
) -> None:
    select(editor, "Claim")
    form = editor.unit_variables
    form.select(next(v.id for v in form.variables if v.name == "claimant"))
    form.name.selectAll()
    qtbot.keyClicks(form.name, "actor")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    form.label.setPlainText("Who makes the\nclaim")  # one line once saved
    form.description.setPlainText("The speaker or the organisation.")
    form.examples.setPlainText("the unions\nthe minister\n")
    form.commit()

    def claimant(project: Project) -> tuple:
        book = project.codebook()
        (annotation,) = project.annotations()
        named = {book.variable(k).name: v for k, v in annotation.attributes.items()}
        variable = next(v for v in book.variables if v.name == "actor")
        return named, variable.label, variable.description, variable.examples

    assert on_disk(study, claimant) == (
        {"actor": "the unions", "position": "-1"},
        "Who makes the claim",
        "The speaker or the organisation.",
        ("the unions", "the minister"),
    )
    assert form.list.currentItem().text() == "actor * — Who makes the claim"


def test_bad_names_and_values_are_shown_and_not_saved(
    qtbot: QtBot, editor: CodebookEditor, study: Path
) -> None:
    select(editor, "Claim")
    form = editor.unit_variables
    form.select(next(v.id for v in form.variables if v.name == "issue"))
    form.name.setText("main issue")
    assert not form.commit()
    assert "letters, digits and _" in form.problem.text()
    form.name.setText("position")
    assert not form.commit()
    assert form.problem.text() == "another variable here is already named 'position'"
    form.name.setText("issue")
    form.values.item(1, 0).setText("1")  # the code of the first value
    assert "the code '1' is used twice" in form.problem.text()
    form.values.item(1, 0).setText("2")
    assert form.problem.text() == ""
    names = on_disk(study, lambda p: [v.name for v in p.codebook().variables])
    assert "issue" in names and "main issue" not in names


def test_types_required_and_values_of_an_article_variable(
    editor: CodebookEditor, study: Path
) -> None:
    form = editor.article_variables
    variable = form.add_variable()
    assert variable is not None and variable.name == "new_variable"
    form.name.setText("tone")
    form.kind.setCurrentIndex(form.kind.findData("ordinal"))
    form.kind.activated.emit(form.kind.currentIndex())
    form.required.setChecked(True)
    form.add_value()
    form.add_value()
    form.values.item(0, 1).setText("negative")
    form.values.item(1, 1).setText("positive")
    form.commit()
    saved = on_disk(study, lambda p: p.codebook().variable(variable.id))
    assert (saved.name, saved.kind, saved.required, saved.level) == (
        "tone",
        "ordinal",
        True,
        "article",
    )
    assert [(v.code, v.label) for v in saved.values] == [("1", "negative"), ("2", "positive")]
    form.values.setCurrentCell(0, 0)
    form.remove_value()
    saved = on_disk(study, lambda p: p.codebook().variable(variable.id))
    assert [v.code for v in saved.values] == ["2"]
    form.move_current(-1)
    positions = on_disk(study, lambda p: [v.name for v in p.codebook().article_variables()])
    assert positions[-2:] == ["tone", "responsibility_5"]
    question = form.add_variable()
    form.kind.setCurrentIndex(form.kind.findData("yesno"))
    form.kind.activated.emit(form.kind.currentIndex())
    saved = on_disk(study, lambda p: p.codebook().variable(question.id))
    assert saved.kind == "yesno"
    assert [(v.code, v.label) for v in saved.values] == [("1", "Yes"), ("0", "No")]


def test_deleting_a_variable_with_values_asks_first(editor: CodebookEditor, study: Path) -> None:
    select(editor, "Claim")
    form = editor.unit_variables
    form.select(next(v.id for v in form.variables if v.name == "position"))
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Cancel, seen)
    form.delete_current()
    assert "1 coded value(s) will be deleted" in seen[0]
    assert form.list.count() == 7
    answer_next_box(QMessageBox.StandardButton.Yes, seen)
    form.delete_current()
    assert form.list.count() == 6

    def attributes(project: Project) -> list[str]:
        book = project.codebook()
        return [book.variable(k).name for k in project.annotations()[0].attributes]

    assert on_disk(study, attributes) == ["claimant"]
    # A variable nobody coded goes without a question.
    form.select(next(v.id for v in form.variables if v.name == "form"))
    form.delete_current()
    assert form.list.count() == 5


def test_export_and_import_run_in_the_background_and_report(
    qtbot: QtBot, editor: CodebookEditor, study: Path, tmp_path: Path
) -> None:
    out = tmp_path / "book.xlsx"
    with qtbot.waitSignal(editor.files.exported, timeout=10_000) as written:
        editor.files.export_file(out)
    assert written.args == [str(out)]
    sheet = openpyxl.load_workbook(out)["variables"]
    assert sheet.max_row == 1 + 20 * 2 + 3 + 14 + 3 + 8 + 9  # frames, actors, issue, ...
    french = write_codebook(template_codebook("pca", "fr"), tmp_path / "pca-fr.xlsx")
    with qtbot.waitSignal(editor.files.imported, timeout=10_000) as report:
        editor.files.import_file(french)
    assert "renamed category 'Claim' to 'Revendication' (codes kept)" in report.args[0]
    assert "Revendication" in {c.name for c in editor.codebook.categories}
    assert on_disk(study, lambda p: len(p.annotations())) == 1
    bad = tmp_path / "notes.xlsx"
    bad.write_bytes(b"just text")
    with qtbot.waitSignal(editor.files.failed, timeout=10_000) as failure:
        editor.files.import_file(bad)
    assert failure.args[0] == f"{bad}: not an Excel .xlsx workbook"
    assert editor.status.text() == failure.args[0]


def test_the_codebook_menu_opens_the_editor_and_the_panel_follows(
    qtbot: QtBot, study: Path, settings: Settings
) -> None:
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    assert window.open_project(study)
    window.show()
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Codebook" in menus
    window.codebook_menu.edit_action.trigger()
    editor = window.codebook_menu.editor
    assert editor is not None and editor.isVisible()
    category = editor.add_category()
    assert window.codebook_panel.item_for(category.id) is not None
    editor.rename_category("Tone")
    item = window.codebook_panel.item_for(category.id)
    assert item is not None and item.text(0) == "Tone"
    assert len(window.reader.annotations) == 1
    claim = next(c for c in editor.codebook.categories if c.name == "Claim")
    editor.select_category(claim.id)
    answer_next_box(QMessageBox.StandardButton.Yes, [])
    assert editor.delete_category() == 1
    editor.close()
    qtbot.waitUntil(lambda: window.codebook_menu.editor is None)
    assert window.codebook.by_id(category.id).name == "Tone"
    assert window.reader.annotations == []  # the deleted code left the screen too


def test_what_is_typed_is_saved_to_the_item_being_left(editor: CodebookEditor, study: Path) -> None:
    select(editor, "Claim")
    editor.description.setPlainText("Edited description")
    select(editor, "Conflict")  # before the typing pause is over
    form = editor.article_variables
    form.select(next(v.id for v in form.variables if v.name == "conflict_1"))
    form.description.setPlainText("Typed for conflict_1")
    form.select(next(v.id for v in form.variables if v.name == "conflict_2"))

    def descriptions(project: Project) -> dict[str, str]:
        book = project.codebook()
        named = {c.name: c.description for c in book.categories}
        named.update({v.name: v.description for v in book.variables})
        return named

    saved = on_disk(study, descriptions)
    assert saved["Claim"] == "Edited description"
    assert saved["Conflict"].startswith("The story emphasises conflict")
    assert saved["conflict_1"] == "Typed for conflict_1"
    assert saved["conflict_2"].startswith("Conflict frame, question 2 of 4.")


def test_templates_are_one_click_away_in_either_language(
    qtbot: QtBot, editor: CodebookEditor, study: Path
) -> None:
    titles = [a.text() for a in editor.import_button.menu().actions()]
    assert titles[0] == "From a file (.xlsx, .json)…"
    assert "Stance: actor, target, favour / against / neutral / unclear — français" in titles
    assert len(titles) == 2 + 3 * 2 + 1  # the starter codebook is in English only
    with qtbot.waitSignal(editor.files.imported, timeout=10_000) as report:
        editor.files.add_template("stance", "fr")
    assert report.args[0][-1] == "4 added, 0 renamed, 0 changed, 0 unchanged"
    names = on_disk(study, lambda p: {c.name for c in p.codebook().categories})
    assert "Prise de position" in names
    with qtbot.waitSignal(editor.files.imported, timeout=10_000) as report:
        editor.files.add_template("pca", "en")  # already there: nothing changes
    assert report.args[0][-1] == "0 added, 0 renamed, 0 changed, 8 unchanged"
