"""File menu actions, called with their paths (the file dialogs are Qt's, not ours)."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from annotator.services.settings import Settings, load_settings
from annotator.ui.main_window import MainWindow


def window_for(qtbot: QtBot, settings: Settings) -> MainWindow:
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    return window


def test_new_project_gets_the_starter_codebook_and_is_remembered(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    window = window_for(qtbot, settings)
    path = tmp_path / "new.annotator"
    assert window.file_menu.new_project(path)
    assert window.project is not None and window.project.path == path
    assert window.codebook.categories
    assert window.codebook_panel.tree.topLevelItemCount() > 0
    assert load_settings().last_project == str(path)
    # Creating it again is refused with a message, not an exception.
    assert not window.file_menu.new_project(path)
    assert "already exists" in window.statusBar().currentMessage()


def test_opening_a_file_that_is_not_a_project_shows_the_reason(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    bogus = tmp_path / "notes.annotator"
    bogus.write_text("not a database", encoding="utf-8")
    window = window_for(qtbot, settings)
    assert not window.file_menu.open_project(bogus)
    assert "not a project file" in window.statusBar().currentMessage()
    assert window.project is None


def test_opening_an_altered_project_shows_what_is_missing(
    qtbot: QtBot, tmp_path: Path, settings: Settings
) -> None:
    from tests.services.team_project import make_project

    path = tmp_path / "study.annotator"
    make_project(path, articles=2).close()
    db = sqlite3.connect(path)
    db.execute("alter table annotations drop column memo")
    db.commit()
    db.close()
    window = window_for(qtbot, settings)
    assert not window.file_menu.open_project(path)
    assert "altered" in window.statusBar().currentMessage()
    assert "“memo”" in window.statusBar().currentMessage()
    assert window.project is None


def test_export_runs_in_a_worker_and_writes_the_workbook(
    qtbot: QtBot, project_path: Path, tmp_path: Path, settings: Settings
) -> None:
    window = window_for(qtbot, settings)
    assert window.open_project(project_path)
    out = tmp_path / "study.xlsx"
    assert window.file_menu.export_excel(out) is not None
    # The worker may finish before a signal could be waited for: wait for its cleanup.
    qtbot.waitUntil(lambda: window.file_menu.export_worker is None, timeout=20_000)
    assert "Exported" in window.statusBar().currentMessage()
    assert load_workbook(out).sheetnames[:2] == ["articles", "coding"]


def test_export_offers_every_format_and_follows_the_chosen_one(
    qtbot: QtBot, project_path: Path, tmp_path: Path, settings: Settings
) -> None:
    from annotator.ui.export_dialog import EXPORT_FILTERS, with_export_suffix

    qdpx = next(f for f in EXPORT_FILTERS if "(*.qdpx)" in f)
    assert with_export_suffix(tmp_path / "study", qdpx).suffix == ".qdpx"
    assert with_export_suffix(tmp_path / "study.csv", EXPORT_FILTERS[0]).suffix == ".csv"
    window = window_for(qtbot, settings)
    assert window.open_project(project_path)
    out = tmp_path / "study.qdpx"
    assert window.file_menu.export_excel(out) is not None
    qtbot.waitUntil(lambda: window.file_menu.export_worker is None, timeout=20_000)
    assert "project.qde" in zipfile.ZipFile(out).namelist()
