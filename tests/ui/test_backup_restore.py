"""From the window: a backup on every open, File > Restore from backup, the instance lock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.core import Annotation
from annotator.paths import user_data_dir
from annotator.services import backup
from annotator.services.settings import Settings
from annotator.store import Project, ProjectError
from annotator.ui.main_window import MainWindow

from .conftest import CLAIM


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    assert window.file_menu.open_project(path)
    qtbot.waitUntil(lambda: window.file_menu.backup_worker is None, timeout=10_000)


def _folder(window: MainWindow) -> Path:
    assert window.project is not None
    return backup.backup_folder(window.project.path, window.project.project_id)


def _code_first_article(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    article = project.article(project.articles()[0].id)
    project.add_annotation(
        Annotation(article.id, CLAIM.id, 0, 8, article.text[:8], window.settings.coder)
    )


@pytest.fixture
def window(qtbot: QtBot, settings: Settings) -> Iterator[MainWindow]:
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    yield window
    window.shutdown()


def test_opening_backs_up_and_restore_brings_the_old_state_back(
    qtbot: QtBot, window: MainWindow, project_path: Path
) -> None:
    _open(qtbot, window, project_path)
    [first] = backup.list_backups(_folder(window))
    assert (first.articles, first.annotations) == (2, 0)
    # In the user data folder (the tests' own), not next to the project.
    assert first.path.is_relative_to(user_data_dir() / "backups")
    assert first.path.parent != project_path.parent

    _code_first_article(window)
    window.shutdown()
    _open(qtbot, window, project_path)
    assert [b.annotations for b in backup.list_backups(_folder(window))] == [1, 0]

    dialog = window.file_menu.restore_backup()
    assert dialog is not None
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(1, 2).text() == "0"  # codes in the older backup
    assert not dialog.restore_button.isEnabled()
    dialog.choose(1)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    # The restore runs in a worker, the window showing it busy meanwhile.
    run = window.file_menu.restore_run
    assert run is not None and run.progress.isVisible()
    assert window.project is None
    qtbot.waitUntil(lambda: window.file_menu.restore_run is None, timeout=10_000)

    assert window.project is not None
    assert sum(a.annotation_count for a in window.project.articles()) == 0
    assert window.article_list.model().rowCount() == 2
    assert "backed up as" in window.statusBar().currentMessage()
    # The coded state was backed up before restoring, so the restore can be undone.
    counts = [b.annotations for b in backup.list_backups(_folder(window))]
    assert counts[0] == 1
    # The window still holds the project: a second window cannot open it.
    with pytest.raises(ProjectError, match="already open"):
        Project.open(project_path, exclusive=True)


def test_a_backup_that_cannot_be_restored_is_reported_and_the_project_reopened(
    qtbot: QtBot, window: MainWindow, project_path: Path, tmp_path: Path
) -> None:
    _open(qtbot, window, project_path)
    _code_first_article(window)
    broken = tmp_path / "broken.annotator"
    broken.write_bytes(b"not a database at all" * 100)
    run = window.file_menu.restore(broken)
    assert run is not None
    qtbot.waitUntil(lambda: window.file_menu.restore_run is None, timeout=10_000)
    message = window.statusBar().currentMessage()
    assert "broken.annotator: cannot be restored" in message
    # Reopened as it was, still held by this window.
    assert window.project is not None
    assert sum(a.annotation_count for a in window.project.articles()) == 1
    with pytest.raises(ProjectError, match="already open"):
        Project.open(project_path, exclusive=True)


def test_restore_without_a_project_says_so(window: MainWindow) -> None:
    assert window.file_menu.restore_backup() is None
    assert "Open or create a project first" in window.statusBar().currentMessage()


HOLDER = """
import sys
from annotator.store import Project
project = Project.open(sys.argv[1], exclusive=True)
print("ready", flush=True)
sys.stdin.readline()
"""


def test_project_open_in_another_annotator_is_reported_and_not_opened(
    qtbot: QtBot, window: MainWindow, project_path: Path
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(project_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        assert not window.file_menu.open_project(project_path)
        message = window.statusBar().currentMessage()
        assert str(project_path) in message and "already open" in message
        assert window.project is None
    finally:
        child.communicate("\n", timeout=10)
    _open(qtbot, window, project_path)
    assert window.project is not None
