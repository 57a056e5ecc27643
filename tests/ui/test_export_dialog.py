"""File > Export… driven as a researcher does: format, file, options, OK (issue 12)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pyreadstat
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from annotator.core import Annotation, Article, Category, Codebook, Coding, Variable
from annotator.services.exports import FORMATS
from annotator.services.settings import Settings
from annotator.store import Project
from annotator.ui.export_dialog import EXPORT_FILTERS, SUFFIXES, ExportDialog, with_export_suffix
from annotator.ui.main_window import MainWindow
from tests.ui.coding_project import open_window

ACTOR = "@MairieDeLyon"


def _project(path: Path) -> Path:
    """One article whose actor answer starts with @, and two identical spans by one coder."""
    with Project.create(path) as project:
        claim = Category("Claim", id="cat-claim")
        actor = Variable("actor", "Actor", "text", "article", id="var-actor")
        project.install_codebook(Codebook([claim], [actor]))
        text = "The city hall said the tram would come. Unions disagree."
        article = Article(text=text, title="Tram plan")
        project.add_article(article)
        project.set_coding(Coding(article.id, actor.id, "alice", ACTOR))
        for _ in range(2):
            project.add_annotation(Annotation(article.id, claim.id, 0, 13, text[:13], "alice"))
    return path


def _open_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    window.file_menu.actions["export"].trigger()  # File > Export… (Ctrl+E)
    dialog = window.file_menu.export_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _type_path(qtbot: QtBot, dialog: ExportDialog, path: Path) -> None:
    dialog.path.selectAll()
    qtbot.keyClick(dialog.path, Qt.Key.Key_Delete)
    qtbot.keyClicks(dialog.path, str(path))


def _ok(qtbot: QtBot, window: MainWindow, dialog: ExportDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.file_menu.export_worker is None, timeout=30_000)


def test_the_dialog_offers_every_format_the_exports_write() -> None:
    assert sorted(SUFFIXES) == sorted(FORMATS)


def test_a_file_named_with_a_known_extension_keeps_it(tmp_path: Path) -> None:
    # Choosing study.sav under the default (Excel) filter once gave study.sav.xlsx.
    assert with_export_suffix(tmp_path / "study.sav", EXPORT_FILTERS[0]).name == "study.sav"
    assert with_export_suffix(tmp_path / "study.dta", EXPORT_FILTERS[0]).name == "study.dta"
    spss = EXPORT_FILTERS[SUFFIXES.index(".sav")]
    assert with_export_suffix(tmp_path / "study", spss).name == "study.sav"


def test_csv_exactly_as_coded_from_the_dialog(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, _project(tmp_path / "study.annotator"), settings)
    dialog = _open_dialog(qtbot, window)
    dialog.format.setCurrentIndex(SUFFIXES.index(".zip"))
    assert dialog.path.text().endswith(".zip")
    assert dialog.exact.isEnabled() and not dialog.sheet.isEnabled()
    _type_path(qtbot, dialog, tmp_path / "for-r.zip")
    qtbot.mouseClick(dialog.exact, Qt.MouseButton.LeftButton)
    assert dialog.exact.isChecked()
    _ok(qtbot, window, dialog)
    with zipfile.ZipFile(tmp_path / "for-r.zip") as archive:
        rows = list(csv.DictReader(io.StringIO(archive.read("coding.csv").decode("utf-8"))))
    assert [r["actor"] for r in rows] == [ACTOR]  # not '@MairieDeLyon
    # The safe default, for Excel, is still one click away.
    dialog = _open_dialog(qtbot, window)
    _type_path(qtbot, dialog, tmp_path / "for-excel.csv")
    assert dialog.suffix() == ".csv" and dialog.sheet.currentData() == "coding"
    assert not dialog.exact.isChecked()
    _ok(qtbot, window, dialog)
    with (tmp_path / "for-excel.csv").open(encoding="utf-8", newline="") as handle:
        assert [r["actor"] for r in csv.DictReader(handle)] == ["'" + ACTOR]


def test_spss_and_stata_files_from_the_dialog(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, _project(tmp_path / "study.annotator"), settings)
    dialog = _open_dialog(qtbot, window)
    _type_path(qtbot, dialog, tmp_path / "study.sav")  # the extension chooses the format
    assert dialog.suffix() == ".sav"
    assert not dialog.exact.isEnabled()
    assert [dialog.sheet.itemData(i) for i in range(dialog.sheet.count())] == ["coding", "units"]
    _ok(qtbot, window, dialog)
    assert not (tmp_path / "study.sav.xlsx").exists()
    frame, meta = pyreadstat.read_sav(str(tmp_path / "study.sav"))
    assert list(frame["actor"]) == [ACTOR]
    dialog = _open_dialog(qtbot, window)
    dialog.format.setCurrentIndex(SUFFIXES.index(".dta"))
    _type_path(qtbot, dialog, tmp_path / "stata")  # no extension: the format's is added
    _ok(qtbot, window, dialog)
    frame, _ = pyreadstat.read_dta(str(tmp_path / "stata.dta"))
    assert list(frame["actor"]) == [ACTOR]
    assert "Exported" in window.statusBar().currentMessage()


def test_warnings_of_an_export_are_shown(qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    window = open_window(qtbot, _project(tmp_path / "study.annotator"), settings)
    dialog = _open_dialog(qtbot, window)
    _type_path(qtbot, dialog, tmp_path / "study.qdpx")
    _ok(qtbot, window, dialog)
    assert (tmp_path / "study.qdpx").exists()
    assert "warnings above: 1" in window.statusBar().currentMessage()


def test_an_empty_file_name_is_refused_and_cancel_exports_nothing(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    window = open_window(qtbot, _project(tmp_path / "study.annotator"), settings)
    dialog = _open_dialog(qtbot, window)
    dialog.path.clear()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible() and "Name the file" in dialog.note.text()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert window.file_menu.export_dialog is None and window.file_menu.export_worker is None
