"""Coders, blind coding, and the split and merge dialogs, in the real window."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.core import Annotation
from annotator.services.settings import Settings, load_settings, save_settings
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import CLAIM


def open_window(qtbot: QtBot, path: Path | None, settings: Settings) -> MainWindow:
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    if path is not None:
        assert window.file_menu.open_project(path)
    return window


def _code(path: Path, coder: str) -> None:
    with Project.open(path) as project:
        for summary in project.article_ids():
            text = project.article(summary).text
            project.add_annotation(Annotation(summary, CLAIM.id, 0, 8, text[:8], coder))


def test_switching_coder_and_blind_coding(
    qtbot: QtBot, project_path: Path, settings: Settings
) -> None:
    _code(project_path, "bob")
    window = open_window(qtbot, project_path, settings)
    window.article_list.select_row(0)
    assert [a.coder for a in window.annotation_panel.model.rows()] == ["bob"]
    actions = window.coder_actions
    actions.blind_action.trigger()  # View > Blind coding
    assert window.settings.blind and load_settings().blind
    assert window.annotation_panel.model.rows() == []
    assert window.reader.article is not None
    actions.switch_to("  bob ")
    assert window.settings.coder == "bob" and load_settings().coder == "bob"
    assert [a.coder for a in window.annotation_panel.model.rows()] == ["bob"]
    assert "Coding as bob" in window.statusBar().currentMessage()
    actions.set_blind(False)
    assert not actions.blind_action.isChecked()
    # The dialog offers the project's coders and returns the name typed.
    dialog = actions.ask()
    assert [dialog.name.itemText(i) for i in range(dialog.name.count())] == ["bob"]
    assert dialog.name.currentText() == "bob"
    dialog.name.setCurrentText("carol")
    dialog.accept()
    assert window.settings.coder == "carol"


def test_the_coder_is_asked_at_first_start_only(qtbot: QtBot) -> None:
    window = MainWindow(load_settings(), interactive=True)  # no settings file yet
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.coder_actions.dialog is not None)
    dialog = window.coder_actions.dialog
    assert dialog is not None and dialog.windowTitle() == "Who is coding?"
    dialog.name.setCurrentText("Dana")
    dialog.accept()
    assert load_settings().coder == "Dana"
    again = MainWindow(load_settings(), interactive=True)
    qtbot.addWidget(again)
    qtbot.wait(50)
    assert again.coder_actions.dialog is None


def test_split_and_merge_dialogs_run_in_workers_and_show_the_report(
    qtbot: QtBot, make_project: Callable[..., Path], tmp_path: Path, settings: Settings
) -> None:
    path = make_project(n=4)
    window = open_window(qtbot, path, settings)
    out_dir = tmp_path / "coders"
    out_dir.mkdir()
    split = window.split_merge.open_split()
    assert split is not None
    split.coders.setText("alice, bob")
    split.overlap.setValue(50)
    split.seed.setValue(3)
    split.folder.setText(str(out_dir))
    worker = split.start()
    assert worker is not None
    qtbot.waitUntil(lambda: split.worker is None, timeout=20_000)
    report = split.report.toPlainText()
    assert "alice: 3 articles" in report and "seed 3" in report
    files = [out_dir / "study-alice.annotator", out_dir / "study-bob.annotator"]
    for coder, file in zip(["alice", "bob"], files, strict=True):
        _code(file, coder)
    split.reject()

    # Merged into the open project: the window lets go of it and shows it again after.
    merge = window.split_merge.open_merge()
    assert Path(merge.out.text()) == path
    merge.add_inputs(files)
    assert merge.start() is not None
    qtbot.waitUntil(lambda: merge.worker is None, timeout=20_000)
    assert "merged 3 files" in merge.report.toPlainText()
    qtbot.waitUntil(lambda: window.project is not None)
    assert window.project is not None and window.project.path == path
    assert sorted({a.coder for a in window.project.annotations()}) == ["alice", "bob"]
    assert len(window.project.annotations()) == 6

    # A refusal is shown in the dialog, and OUT stays as it was.
    stranger = make_project(n=1, name="stranger.annotator")
    before = path.read_bytes()
    merge.inputs.clear()
    merge.add_inputs([stranger])
    merge.start()
    qtbot.waitUntil(lambda: merge.worker is None, timeout=20_000)
    assert "belongs to another project" in merge.report.toPlainText()
    assert "was left as it was" in merge.report.toPlainText()
    qtbot.waitUntil(lambda: window.project is not None)
    window.shutdown()
    assert path.read_bytes() == before
    with Project.open(files[0]) as part:
        assert json.loads(part.meta("split"))["coders"] == ["alice", "bob"]


def test_settings_file_without_a_coder_counts_as_unset(qtbot: QtBot) -> None:
    from annotator.ui.coder_dialog import coder_was_chosen

    assert not coder_was_chosen()
    save_settings(Settings(coder="erin"))
    assert coder_was_chosen()
