"""What the window's action modules use of the main window, as typed interfaces.

The menus and actions (file, view, codebook, coders, coding, actors, navigation, split and
merge, adjudication, the crash handler) are built by ``MainWindow`` and given the window.
They see it as a ``WindowHost``, the base class of ``MainWindow``: its project and
settings, its panels, a few of its methods, and the parts of the other action modules they
call (as small protocols) — never ``MainWindow`` itself, which imports them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import QMenu, QTabWidget

    from annotator.core import Codebook
    from annotator.services.settings import Settings
    from annotator.store import Project
    from annotator.ui.annotation_panel import AnnotationPanel
    from annotator.ui.article_details import ArticleDetails
    from annotator.ui.article_form import ArticleForm
    from annotator.ui.article_list import ArticleList
    from annotator.ui.codebook_panel import CodebookPanel
    from annotator.ui.commands import Edit
    from annotator.ui.quote_panel import QuotePanel
    from annotator.ui.reader import Reader
    from annotator.ui.unit_form import UnitForm
    from annotator.ui.workers import ImportWorker


class CodingHost(Protocol):
    """The undo stack that every edit of an article goes through."""

    @property
    def stack(self) -> QUndoStack: ...

    def run(self, command: Edit) -> bool: ...

    # EditHost, for the commands made with it.
    def current_project(self) -> Project: ...

    def edited(self, command: Edit, undone: bool) -> None: ...

    def edit_failed(self, message: str) -> None: ...


class FileMenuHost(Protocol):
    @property
    def actions(self) -> dict[str, QAction]: ...

    @property
    def import_worker(self) -> ImportWorker | None: ...

    def open_project(self, path: Path) -> bool: ...


class ViewMenuHost(Protocol):
    @property
    def menu(self) -> QMenu: ...


class NavigatorHost(Protocol):
    @property
    def terms(self) -> list[str]:
        """The words of the current search, to mark in the reader."""
        ...


class ActorsHost(Protocol):
    def show_article(self) -> None: ...


class WindowHost(QMainWindow):
    """The main window as its action modules see it: a QMainWindow (the parent of their
    dialogs) with these panels, actions and methods, which ``MainWindow`` provides."""

    settings: Settings
    interactive: bool
    project: Project | None
    codebook: Codebook
    reader: Reader
    article_list: ArticleList
    annotation_panel: AnnotationPanel
    codebook_panel: CodebookPanel
    quote_panel: QuotePanel
    unit_form: UnitForm
    article_form: ArticleForm
    details: ArticleDetails
    tabs: QTabWidget
    coding: CodingHost
    file_menu: FileMenuHost
    view_menu: ViewMenuHost
    navigator: NavigatorHost
    actors: ActorsHost

    def show_error(self, title: str, message: str) -> None:
        raise NotImplementedError

    def show_info(self, title: str, message: str) -> None:
        raise NotImplementedError

    def refresh_articles(self, select_first: bool = False) -> None:
        raise NotImplementedError

    def load_article(self, article_id: str) -> None:
        raise NotImplementedError

    def save_settings(self) -> bool:
        raise NotImplementedError

    def set_project(self, project: Project) -> None:
        raise NotImplementedError

    def set_codebook(self, codebook: Codebook) -> None:
        raise NotImplementedError

    def refresh_progress(self, article_id: str) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        raise NotImplementedError
