"""Import dialogs: the file filter, the spreadsheet column mapping, the summary table."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from annotator.services.settings import Settings
from annotator.services.sources import supported_suffixes
from annotator.ui.column_mapping import ColumnMappingDialog, import_file_filter, table_files
from annotator.ui.import_summary import PROBLEM, ImportSummaryDialog, report_rows
from annotator.ui.main_window import MainWindow

COLUMNS = ["Headline", "Body", "Published", "Source"]
ROWS = [
    ["Tram plan", "The council voted.\nTwice.", "2025-08-15", "Le Monde"],
    ["Budget", "The budget was cut.", "2025-08-16", "Le Temps"],
]


def window_for(qtbot: QtBot, path: Path, settings: Settings) -> MainWindow:
    window = MainWindow(settings, interactive=True)
    qtbot.addWidget(window)
    assert window.open_project(path)
    return window


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def test_the_file_filter_offers_every_supported_type() -> None:
    first = import_file_filter().split(";;")[0]
    for suffix in supported_suffixes():
        assert f"*{suffix}" in first


def test_spreadsheets_are_found_in_the_selection_and_in_folders(tmp_path: Path) -> None:
    (tmp_path / "in" / "deep").mkdir(parents=True)
    sheet = write_csv(tmp_path / "in" / "deep" / "rows.CSV", ROWS)
    note = tmp_path / "in" / "note.txt"
    note.write_text("Title\n\nText", encoding="utf-8")
    (tmp_path / "in" / "~$rows.xlsx").write_bytes(b"lock")  # Excel's lock file: no article
    assert table_files([note]) == []
    assert table_files([tmp_path / "in"]) == [sheet]
    assert table_files([note, sheet]) == [sheet]


def test_mapping_dialog_preselects_the_guess_and_requires_the_text(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ColumnMappingDialog(
        tmp_path / "rows.csv", COLUMNS, ROWS, {"title": "Headline", "date": "Published"}
    )
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QTableWidget, "mappingPreview")
    assert preview is not None and preview.rowCount() == 2 and preview.columnCount() == 4
    # A line break inside a cell stays on one line in the preview.
    assert preview.item(0, 1).text() == "The council voted. Twice."
    assert dialog.mapping() == {"title": "Headline", "date": "Published"}
    assert not dialog.import_button.isEnabled()
    assert "text" in dialog.problem.text()

    dialog.combos["text"].setCurrentText("Body")
    dialog.combos["outlet"].setCurrentText("Source")
    assert dialog.import_button.isEnabled() and dialog.problem.text() == ""
    assert dialog.mapping() == {
        "text": "Body",
        "title": "Headline",
        "date": "Published",
        "outlet": "Source",
    }


def test_importing_a_spreadsheet_asks_for_its_columns_first(
    qtbot: QtBot, project_path: Path, tmp_path: Path, settings: Settings
) -> None:
    window = window_for(qtbot, project_path, settings)
    sheet = write_csv(tmp_path / "rows.csv", ROWS)

    assert window.file_menu.import_articles([sheet]) is None
    dialog = window.file_menu.mapping_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.columns == COLUMNS
    assert dialog.mapping().get("text") == "Body"  # guessed from the column names
    # A second import while the dialog is open is refused.
    assert window.file_menu.import_articles([sheet]) is None

    dialog.reject()
    qtbot.waitUntil(lambda: window.file_menu.mapping_dialog is None)
    assert window.file_menu.import_worker is None


def test_summary_puts_problems_first_and_copies_one_line_per_row(qtbot: QtBot) -> None:
    rows = [
        ("/data/a.txt", "imported", "Tram plan"),
        ("/data/b.pdf", "skipped", "no text layer (a scanned PDF?)"),
        ("/data/c.txt", "near-duplicate", "flagged: close to “Tram plan”\tsee a.txt"),
        ("/data/d.txt", "imported", "Budget"),
    ]
    dialog = ImportSummaryDialog(rows)
    qtbot.addWidget(dialog)
    assert [r[1] for r in dialog.rows] == ["skipped", "near-duplicate", "imported", "imported"]
    assert dialog.model.index(0, 0).data(8) == PROBLEM  # BackgroundRole
    assert dialog.model.index(3, 0).data(8) is None

    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    lines = copied.splitlines()
    assert len(lines) == len(rows) + 1  # the header, then one line per row
    assert lines[0] == "File\tStatus\tDetail"
    assert all(line.count("\t") == 2 for line in lines)
    assert lines[1] == "/data/b.pdf\tskipped\tno text layer (a scanned PDF?)"


def test_summary_reads_the_report_lines_of_an_older_worker(qtbot: QtBot) -> None:
    lines = [
        "skipped /data/b.pdf: password-protected",
        "imported 3 article(s), skipped 1 file(s)",
    ]
    rows, notes = report_rows(lines)
    assert rows == [("/data/b.pdf", "skipped", "password-protected")]
    dialog = ImportSummaryDialog(lines)
    qtbot.addWidget(dialog)
    assert dialog.heading.text() == "imported 3 article(s), skipped 1 file(s)"
    assert dialog.tsv().splitlines()[1] == "/data/b.pdf\tskipped\tpassword-protected"


def test_near_duplicates_option_is_in_the_file_menu(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    window = window_for(qtbot, project_path, settings)
    near = window.file_menu.actions["near_duplicates"]
    assert near.isCheckable() and not near.isChecked()
    assert "near-duplicates" in near.text()


def test_a_folder_with_a_workbook_opens_the_mapping_with_its_rows(
    qtbot: QtBot, project_path: Path, tmp_path: Path, settings: Settings
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(COLUMNS)
    for row in ROWS * 4:
        sheet.append(row)
    book.save(folder / "scraped.xlsx")
    window = window_for(qtbot, project_path, settings)

    assert window.file_menu.import_folder(folder) is None
    dialog = window.file_menu.mapping_dialog
    assert dialog is not None
    preview = dialog.findChild(QTableWidget, "mappingPreview")
    assert preview is not None and preview.rowCount() == 5  # the first rows only
    assert preview.item(0, 0).text() == "Tram plan"
    dialog.reject()


def test_the_chosen_columns_go_to_the_import_and_the_summary_shows_the_result(
    qtbot: QtBot, project_path: Path, tmp_path: Path, settings: Settings
) -> None:
    window = window_for(qtbot, project_path, settings)
    article = window.reader.article
    assert article is not None
    # A text already in the project: the import reports a duplicate, so no language
    # model loads; the title column is one the guess would not choose.
    sheet = tmp_path / "export.csv"
    with sheet.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Body", "Col A", "Headline"])
        writer.writerow([article.text, "Tram plan again", "Headline"])

    window.file_menu.actions["near_duplicates"].setChecked(True)
    window.file_menu.import_articles([sheet])
    dialog = window.file_menu.mapping_dialog
    assert dialog is not None
    assert dialog.mapping() == {"text": "Body", "title": "Headline"}
    dialog.combos["title"].setCurrentText("Col A")
    dialog.import_button.click()

    worker = window.file_menu.import_worker
    assert worker is not None
    assert worker.options is not None
    assert dict(worker.options.column_map) == {"text": "Body", "title": "Col A"}
    assert worker.allow_near_duplicates
    qtbot.waitUntil(lambda: window.file_menu.summary_dialog is not None, timeout=30_000)
    summary = window.file_menu.summary_dialog
    assert summary is not None
    assert summary.heading.text().startswith("imported 0 article(s), skipped 1")
    assert [row[:2] for row in summary.rows] == [(str(sheet), "skipped")] or [
        row[1] for row in summary.rows
    ] == ["skipped"]
    assert "same text" in summary.rows[0][2]
    summary.close()


def test_a_spreadsheet_whose_text_column_cannot_be_guessed_still_gets_the_dialog(
    qtbot: QtBot, project_path: Path, tmp_path: Path, settings: Settings
) -> None:
    sheet = tmp_path / "export.csv"
    with sheet.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([["Col A", "Col B"], ["A title", "Some text."]])
    window = window_for(qtbot, project_path, settings)
    window.file_menu.import_articles([sheet])
    dialog = window.file_menu.mapping_dialog
    assert dialog is not None and dialog.columns == ["Col A", "Col B"]
    assert not dialog.import_button.isEnabled()
    dialog.reject()
