"""From the window: the R loader in File › Export…, the codebook document in the editor.

File › Export… is our dialog, driven as a researcher does; the editor's save dialog is Qt's
and is answered by replacing QFileDialog.getSaveFileName; the rest runs as the researcher
would: the action, the worker, the files on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from pytestqt.qtbot import QtBot

from annotator.services.codebooks import template_codebook
from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui.codebook_editor import CodebookEditor
from annotator.ui.main_window import MainWindow


class SaveDialog:
    """Answers the next save dialog with ``name`` and the filter whose text holds ``pick``."""

    def __init__(self, name: Path, pick: str) -> None:
        self.name, self.pick = name, pick
        self.offered: list[str] = []

    def __call__(self, parent: Any, caption: str, start: str, filters: str) -> tuple[str, str]:
        self.offered = filters.split(";;")
        chosen = next(f for f in self.offered if self.pick in f)
        return str(self.name), chosen


def test_file_export_offers_the_r_loader_and_writes_it_in_the_background(
    qtbot: QtBot,
    project_path: Path,
    tmp_path: Path,
    settings: Settings,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from annotator.ui.export_dialog import SUFFIXES

    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    assert window.open_project(project_path)
    window.file_menu.actions["export"].trigger()
    dialog = window.file_menu.export_dialog
    assert dialog is not None
    assert ".R" in SUFFIXES
    dialog.format.setCurrentIndex(SUFFIXES.index(".R"))
    dialog.path.setText(str(tmp_path / "analysis"))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.file_menu.export_worker is None, timeout=20_000)
    script = tmp_path / "analysis.R"
    assert script.is_file() and (tmp_path / "analysis_coding.csv").is_file()
    assert '.annotator_read("analysis_coding.csv")' in script.read_text(encoding="utf-8")
    assert "Exported" in window.statusBar().currentMessage()


@pytest.fixture
def editor(qtbot: QtBot, tmp_path: Path) -> Any:
    path = tmp_path / "cadrages.annotator"
    with Project.create(path) as project:
        project.install_codebook(template_codebook("frames", "fr"))
    project = Project.open(path)
    dialog = CodebookEditor(project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.done(0)
    project.close()


@pytest.mark.parametrize(
    ("pick", "suffix"), [("(*.docx)", ".docx"), ("(*.html)", ".html"), ("(*.md)", ".md")]
)
def test_the_codebook_editor_exports_the_codebook_as_a_document(
    qtbot: QtBot,
    editor: CodebookEditor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pick: str,
    suffix: str,
) -> None:
    dialog = SaveDialog(tmp_path / "grille", pick)
    monkeypatch.setattr("annotator.ui.codebook_files.QFileDialog.getSaveFileName", dialog)
    with qtbot.waitSignal(editor.files.exported, timeout=20_000) as written:
        editor.export_button.click()
    out = tmp_path / f"grille{suffix}"
    assert written.args == [str(out)]
    assert "Codebooks (*.xlsx *.json)" in dialog.offered
    if suffix == ".docx":
        paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
        assert "Catégories" in paragraphs and "Scores de cadrage" in paragraphs
    else:
        text = out.read_text(encoding="utf-8")
        assert "Variables au niveau de l'article" in text and "conflict_1" in text
    assert str(out) in editor.status.text()
