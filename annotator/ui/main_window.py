"""The main window: article list | legend, reader | codebook, codes, quotes and details."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from annotator.core import Annotation, Article, Codebook, Quote
from annotator.services.settings import Settings, save_settings
from annotator.store import Project, ProjectError
from annotator.ui.annotation_panel import AnnotationPanel
from annotator.ui.article_details import ArticleDetails
from annotator.ui.article_list import ArticleList
from annotator.ui.codebook_panel import CodebookPanel
from annotator.ui.errors import show_message
from annotator.ui.file_menu import FileMenu
from annotator.ui.legend import Legend
from annotator.ui.quote_panel import QuotePanel
from annotator.ui.reader import Reader

STATUS_SECONDS = 5


class MainWindow(QMainWindow):
    """Holds the open Project (GUI thread only) and keeps every panel in step with it."""

    def __init__(self, settings: Settings, interactive: bool = True) -> None:
        super().__init__()
        self.settings = settings
        #: False for --screenshot and tests: report in the status bar, never in a dialog.
        self.interactive = interactive
        self.project: Project | None = None
        self.codebook = Codebook()
        self._shortcuts: list[QShortcut] = []
        self.setWindowTitle("Annotator")
        self.resize(1400, 900)

        self.article_list = ArticleList()
        self.legend = Legend()
        self.reader = Reader()
        self.codebook_panel = CodebookPanel()
        self.annotation_panel = AnnotationPanel()
        self.quote_panel = QuotePanel()
        self.details = ArticleDetails()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.annotation_panel, "Codes")
        self.tabs.addTab(self.quote_panel, "Quotes")
        self.tabs.addTab(self.details, "Details")
        self._build_layout()

        self.article_list.article_selected.connect(self.load_article)
        self.legend.layers_changed.connect(self.reader.set_layers)
        self.codebook_panel.category_chosen.connect(self.code_selection)
        self.annotation_panel.delete_requested.connect(self.delete_annotation)
        self.annotation_panel.annotation_clicked.connect(
            lambda a: self.reader.select_span(a.start, a.end)
        )
        self.quote_panel.quote_clicked.connect(self._quote_clicked)
        self.details.article_edited.connect(self.save_article_details)

        self.file_menu = FileMenu(self)
        self._project_label = QLabel()
        self._coder_label = QLabel()
        self.progress_label = QLabel()
        for label in (self._project_label, self._coder_label, self.progress_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
        self._update_status()

    def _build_layout(self) -> None:
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.legend)
        column.addWidget(self.reader, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.codebook_panel)
        right.addWidget(self.tabs)
        right.setSizes([380, 420])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.article_list)
        main.addWidget(centre)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setChildrenCollapsible(False)
        self.splitter = main
        self._sized = False
        self.setCentralWidget(main)

    # -- project ---------------------------------------------------------------------------

    def open_project(self, path: Path) -> bool:
        """Open a project file; a file that cannot be opened is reported, not raised."""
        try:
            project = Project.open(path)
        except ProjectError as exc:
            self.show_error("Cannot open project", str(exc))
            return False
        self.set_project(project)
        return True

    def set_project(self, project: Project) -> None:
        if self.project is not None:
            self.details.save()  # a field still being edited belongs to the old project
            self.project.close()
        self.project = project
        self.settings.last_project = str(project.path)
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.statusBar().showMessage(f"Settings not saved: {exc}", STATUS_SECONDS * 1000)
        self.setWindowTitle(f"{project.name} — Annotator")
        self.set_codebook(project.codebook())
        self.reader.show_article(None)
        self.annotation_panel.set_annotations([])
        self.quote_panel.set_quotes([])
        self.details.set_article(None)
        self.refresh_articles(select_first=True)

    def set_codebook(self, codebook: Codebook) -> None:
        self.codebook = codebook
        names = {c.id: c.name for c in codebook.categories}
        self.codebook_panel.set_codebook(codebook)
        self.reader.set_categories({c.id: c.color for c in codebook.categories}, names)
        self.annotation_panel.set_category_names(names)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._shortcuts = []
        for category in codebook.categories:
            if not category.shortcut:
                continue
            shortcut = QShortcut(QKeySequence(category.shortcut), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda cid=category.id: self.code_selection(cid))
            self._shortcuts.append(shortcut)

    def refresh_articles(self, select_first: bool = False) -> None:
        """Read the article list again (after an import), keeping the current article."""
        if self.project is None:
            return
        current = self.article_list.current_article_id()
        self.article_list.articles.set_articles(self.project.articles())
        if current is not None and self.article_list.articles.row_of(current) is not None:
            # Same article: select its row again without reloading it, so the coder
            # reading during an import keeps the scroll position and the selection.
            selection = self.article_list.selectionModel()
            selection.blockSignals(True)
            self.article_list.select_article(current)
            selection.blockSignals(False)
        elif (select_first or current is None) and self.article_list.articles.rowCount() > 0:
            self.article_list.select_row(0)
        self._update_status()

    def load_article(self, article_id: str) -> None:
        if self.project is None:
            return
        try:
            article = self.project.article(article_id)
        except KeyError:
            self.refresh_articles()
            return
        # A details field still being edited belongs to the article being left.
        self.details.save()
        quotes = self.project.quotes(article_id)
        annotations = self.project.annotations(article_id)
        self.reader.set_article(article, self.project.entities(article_id), quotes, annotations)
        self.annotation_panel.set_annotations(annotations)
        self.quote_panel.set_quotes(quotes)
        self.tabs.setTabText(1, f"Quotes ({len(quotes)})")
        self.details.set_article(article)

    def save_article_details(self, article: Article) -> bool:
        """Save edited metadata at once; the list row and the reader header follow."""
        if self.project is None:
            return False
        try:
            self.project.update_article(article)
        except (ValueError, KeyError, ProjectError) as exc:
            self.show_error("Cannot save the details", str(exc))
            self.load_article(article.id)
            return False
        self.reader.set_metadata(article)
        self.article_list.articles.set_metadata(article)
        self.statusBar().showMessage(
            f"Saved the details of “{_short(article.title or '(untitled)')}”",
            STATUS_SECONDS * 1000,
        )
        return True

    # -- coding ----------------------------------------------------------------------------

    def code_selection(self, category_id: str) -> Annotation | None:
        """Code the reader's selection with a category; saved before this returns."""
        article = self.reader.article
        category = self.codebook.by_id(category_id)
        if self.project is None or article is None or category is None:
            return None
        span = self.reader.selected_span()
        if span is None:
            self.statusBar().showMessage(
                f"Select some text in the article first, then choose “{category.name}”.",
                STATUS_SECONDS * 1000,
            )
            return None
        start, end = span
        annotation = Annotation(
            article_id=article.id,
            category_id=category.id,
            start=start,
            end=end,
            text=article.text[start:end],
            coder=self.settings.coder,
        )
        try:
            self.project.add_annotation(annotation)
        except (ValueError, KeyError, ProjectError) as exc:
            self.show_error("Cannot save the code", str(exc))
            return None
        self.reader.clear_selection()
        self._annotations_changed(article.id)
        self.statusBar().showMessage(
            f"Coded “{_short(annotation.text)}” as {category.name}", STATUS_SECONDS * 1000
        )
        return annotation

    def delete_annotation(self, annotation_id: str) -> None:
        article = self.reader.article
        if self.project is None or article is None:
            return
        self.project.delete_annotation(annotation_id)
        self._annotations_changed(article.id)
        self.statusBar().showMessage("Code deleted", STATUS_SECONDS * 1000)

    def _annotations_changed(self, article_id: str) -> None:
        assert self.project is not None
        annotations = self.project.annotations(article_id)
        self.reader.set_annotations(annotations)
        self.annotation_panel.set_annotations(annotations)
        self.article_list.articles.set_annotation_count(article_id, len(annotations))
        self._update_status()

    def _quote_clicked(self, quote: Quote) -> None:
        self.reader.select_span(quote.start, quote.end)
        self.reader.text.setFocus()

    # -- feedback --------------------------------------------------------------------------

    def show_error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_SECONDS * 2000)
        if self.interactive:
            show_message(self, title, message, error=True)

    def show_info(self, title: str, message: str) -> None:
        self.statusBar().showMessage(message.splitlines()[-1], STATUS_SECONDS * 2000)
        if self.interactive:
            show_message(self, title, message)

    def _update_status(self) -> None:
        model = self.article_list.articles
        name = self.project.name if self.project is not None else "no project"
        self._project_label.setText(f"Project: {name}")
        self._coder_label.setText(f"Coder: {self.settings.coder}")
        self.progress_label.setText(f"coded {model.coded_count()} of {model.rowCount()} articles")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        # Sizes set before the first layout are redistributed from the panels' size
        # hints; once the window has its geometry they stick.
        if not self._sized:
            self._sized = True
            QTimer.singleShot(0, self._size_panels)
        super().showEvent(event)

    def _size_panels(self) -> None:
        width = self.splitter.width()
        self.splitter.setSizes([width * 30 // 100, width * 44 // 100, width * 26 // 100])

    def shutdown(self) -> None:
        """Let the workers end and close the project file."""
        self.file_menu.stop_workers()
        if self.project is not None:
            self.details.save()
            self.project.close()
            self.project = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.shutdown()
        super().closeEvent(event)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
