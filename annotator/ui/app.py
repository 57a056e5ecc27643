"""Start the window: ``run_gui`` is what ``annotator`` and ``annotator open`` call."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from annotator.services.demo import create_demo_project, demo_article_files, demo_project_path
from annotator.services.errors import FileProblem
from annotator.services.settings import Settings, load_settings
from annotator.store import Project, ProjectError
from annotator.ui import crash
from annotator.ui.display_check import missing_display_library
from annotator.ui.i18n import install_translations
from annotator.ui.icons import app_icon
from annotator.ui.main_window import MainWindow

APP_NAME = "Annotator"
WINDOW_SIZE = (1400, 900)


def application() -> QApplication:
    """The process's QApplication, created on first use."""
    app = QApplication.instance()
    if app is None:
        problem = missing_display_library()
        if problem:
            raise SystemExit(f"annotator: {problem}")
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(app_icon())
    # Linux desktops match the window to annotator.desktop (installers/linux) by this name.
    app.setDesktopFileName("annotator")
    return app


class FileOpenFilter(QObject):
    """macOS hands a double-clicked project to the running app as a FileOpen event."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()  # no parent: it outlives the window until run_gui removes it
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            if event.file():
                self.window.file_menu.open_project(Path(event.file()))
            return True
        return super().eventFilter(watched, event)


def run_gui(
    project: Path | None,
    screenshot: Path | None,
    on_shown: Callable[[MainWindow], None] | None = None,
) -> int:
    """Run the window until it is closed; with ``screenshot``, save it as a PNG and return.

    ``on_shown`` is called once the window is on screen (the startup benchmark uses it).
    """
    app = application()
    settings = load_settings()
    install_translations(app, settings.ui_language)
    window = MainWindow(settings, interactive=screenshot is None)
    window.resize(*WINDOW_SIZE)
    window.setWindowIcon(app_icon())
    handler = crash.install(window)
    opener = FileOpenFilter(window)
    app.installEventFilter(opener)
    try:
        return _run(app, window, project, screenshot, settings, on_shown)
    finally:
        app.removeEventFilter(opener)
        handler.uninstall()


def _run(
    app: QApplication,
    window: MainWindow,
    project: Path | None,
    screenshot: Path | None,
    settings: Settings,
    on_shown: Callable[[MainWindow], None] | None,
) -> int:
    path, import_demo, problem = _choose_project(project, settings)
    if path is None:
        if screenshot is not None:
            print(f"annotator: {problem}", file=sys.stderr)
            return 2
    # The File menu opens it: instance lock, recent projects, a backup in a worker.
    elif not window.file_menu.open_project(path) and screenshot is not None:
        print(f"annotator: {window.statusBar().currentMessage()}", file=sys.stderr)
        return 2
    # The window goes up before anything can load spaCy: pipelines load in the import worker.
    window.show()
    if problem and screenshot is None:
        window.show_error(QCoreApplication.translate("MainWindow", "Cannot open project"), problem)
    if on_shown is not None:
        on_shown(window)
    worker = (
        window.file_menu.import_articles(demo_article_files(), announce=False)
        if import_demo
        else None
    )
    if screenshot is not None:
        status: list[int] = []

        def shoot() -> None:
            status.append(save_screenshot(window, screenshot))
            # hide + exit rather than close + quit: closing the last window leaves the
            # offscreen platform without an active window for whoever runs next (tests).
            window.shutdown()
            window.hide()
            app.exit(0)

        if worker is not None:
            window.file_menu.import_finished.connect(lambda: QTimer.singleShot(50, shoot))
        else:
            QTimer.singleShot(50, shoot)
        app.exec()
        _dispose(window)
        return status[0] if status else 1
    code = app.exec()
    _dispose(window)
    return code


def _dispose(window: MainWindow) -> None:
    """Delete the window now: a caller that goes on (tests, benchmarks) starts clean."""
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _choose_project(project: Path | None, settings: Settings) -> tuple[Path | None, bool, str]:
    """(project to open, whether to import the demo articles into it, problem to report)."""
    if project is not None:
        return project, False, ""
    if settings.last_project and Path(settings.last_project).is_file():
        return Path(settings.last_project), False, ""
    demo = demo_project_path()
    if demo.exists():
        try:
            with Project.open(demo) as existing:
                empty = existing.article_count() == 0
        except ProjectError as exc:
            return None, False, str(exc)
        # An earlier first start may have been closed before the demo import ended.
        return demo, empty and bool(demo_article_files()), ""
    try:
        create_demo_project(demo).close()
    except ProjectError as exc:
        return None, False, str(exc)
    except FileProblem as exc:
        # The project exists without its codebook: still worth opening with the articles.
        return demo, bool(demo_article_files()), str(exc)
    return demo, bool(demo_article_files()), ""


def save_screenshot(window: MainWindow, out: Path) -> int:
    """Render the window (first article selected) to a PNG; 0 if written."""
    if window.article_list.current_article_id() is None and window.article_list.model().rowCount():
        window.article_list.select_row(0)
    QApplication.processEvents()
    pixmap = window.grab()
    if pixmap.isNull() or not pixmap.save(str(out), "PNG"):
        print(f"annotator: {out}: the screenshot could not be written", file=sys.stderr)
        return 1
    return 0
