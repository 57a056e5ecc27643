"""The main window: article list | legend, reader | codebook, codes, quotes and details."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from annotator.core import Annotation, Article, Codebook, Quote
from annotator.core.text import shorten
from annotator.services.settings import Settings, save_settings
from annotator.store import ArticleFilter, Project, ProjectError
from annotator.ui.about import add_help_menu
from annotator.ui.actors import ActorActions
from annotator.ui.adjudication_menu import AdjudicationActions
from annotator.ui.annotation_panel import AnnotationPanel
from annotator.ui.article_details import ArticleDetails
from annotator.ui.article_form import ArticleForm
from annotator.ui.article_list import ArticleList
from annotator.ui.codebook_menu import CodebookMenu
from annotator.ui.codebook_panel import CodebookPanel, category_shortcut
from annotator.ui.coder_dialog import CoderActions, visible_coder
from annotator.ui.coding_actions import CodingActions
from annotator.ui.errors import show_message
from annotator.ui.file_menu import FileMenu
from annotator.ui.host import WindowHost
from annotator.ui.i18n import service_text
from annotator.ui.legend import Legend
from annotator.ui.machine import MachineCoder
from annotator.ui.navigation import Navigator
from annotator.ui.quote_panel import QuotePanel
from annotator.ui.reader import Reader
from annotator.ui.split_merge import SplitMergeActions
from annotator.ui.texts import StatusBar
from annotator.ui.unit_form import UnitForm
from annotator.ui.view_menu import ViewMenu

STATUS_SECONDS = 5
#: Article list | reader | codebook and forms, in per cent of the window's width.
PANEL_SHARES = (30, 40, 30)


class MainWindow(WindowHost):
    """Holds the open Project (GUI thread only) and keeps every panel in step with it."""

    # The action modules see these as host.py's narrower interfaces.
    coding: CodingActions
    file_menu: FileMenu
    view_menu: ViewMenu
    navigator: Navigator
    actors: ActorActions

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
        self.setStatusBar(StatusBar(self))

        self.article_list = ArticleList()
        self.legend = Legend()
        self.reader = Reader()
        self.codebook_panel = CodebookPanel()
        self.annotation_panel = AnnotationPanel()
        self.quote_panel = QuotePanel()
        self.details = ArticleDetails()
        self.unit_form = UnitForm()
        self.article_form = ArticleForm()
        self.navigator = Navigator(self)
        self.tabs = QTabWidget()
        # Six tabs share the right column: all stay in sight (the column widens to fit).
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.addTab(self.annotation_panel, self.tr("Codes"))
        self.tabs.addTab(self.quote_panel, self.tr("Quotes"))
        self.tabs.addTab(self.unit_form, self.tr("Unit"))
        self.tabs.addTab(self.article_form, self.tr("Article"))
        self.tabs.addTab(self.details, self.tr("Details"))
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
        # Edit menu, undo stack and the coding workflow (annotator/ui/coding_actions.py).
        self.coding = CodingActions(self)
        self.actors = ActorActions(self)
        self.tabs.insertTab(2, self.actors.panel, self.tr("Actors"))
        self._connect_coding()
        # Suggested codes, their decisions and the background training (annotator/ui/machine.py).
        self.machine = MachineCoder(self)
        self.view_menu = ViewMenu(self)
        # Coders, blind coding, split and merge (annotator/ui/coder_dialog.py, split_merge.py).
        self.coder_actions = CoderActions(self)
        self.split_merge = SplitMergeActions(self)
        # File > Adjudicate disagreements (annotator/ui/adjudication.py).
        self.adjudication = AdjudicationActions(self)
        # Codebook › Edit codebook… (annotator/ui/codebook_menu.py).
        self.codebook_menu = CodebookMenu(self)
        self.navigator.build_menu()
        self.machine.add_actions(self.navigator.menu)
        self._project_label = QLabel()
        self._coder_label = QLabel()
        self.progress_label = QLabel()
        for label in (self._project_label, self._coder_label, self.progress_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
        self._update_status()
        # Help > About (annotator/ui/about.py). Keep it the last menu added.
        self.about_action = add_help_menu(self)

    def _connect_coding(self) -> None:
        coding = self.coding
        self.annotation_panel.annotation_selected.connect(coding.show_unit)
        self.quote_panel.quote_selected.connect(lambda q: self.reader.select_span(q.start, q.end))
        self.quote_panel.decision_requested.connect(coding.decide)
        self.reader.quote_action.connect(coding.decide)
        self.unit_form.value_committed.connect(coding.set_unit_value)
        self.unit_form.memo_committed.connect(coding.set_annotation_memo)
        self.article_form.value_committed.connect(coding.set_article_value)
        self.article_form.memo_committed.connect(coding.set_article_memo)
        self.article_form.done_requested.connect(coding.set_done)
        self.codebook_panel.quote_category_chosen.connect(coding.set_quote_category)

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
        self.right_splitter = right
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.navigator.panel)
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
            self.show_error(self.tr("Cannot open project"), str(exc))
            return False
        self.set_project(project)
        return True

    def save_settings(self) -> bool:
        """Write the preferences; a failure is said in the status bar (they still apply now)."""
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.statusBar().showMessage(
                self.tr("Settings not saved: {0}").format(exc), STATUS_SECONDS * 1000
            )
            return False
        return True

    def set_project(self, project: Project) -> None:
        if self.project is not None:
            self.details.save()  # a field still being edited belongs to the old project
            self._commit_forms()
            self.project.close()
        self.project = project
        self.settings.last_project = str(project.path)
        self.save_settings()
        self.setWindowTitle(self.tr("{0} — Annotator").format(project.name))
        self.coding.clear()
        self.set_codebook(project.codebook())
        self.machine.project_opened()
        self.navigator.project_changed()
        self.reader.show_article(None)
        self.annotation_panel.set_annotations([])
        self.quote_panel.set_quotes([])
        self.details.set_article(None)
        self.refresh_articles(select_first=True)

    def set_codebook(self, codebook: Codebook) -> None:
        self.codebook = codebook
        names = {c.id: c.name for c in codebook.categories}
        self.codebook_panel.set_codebook(codebook)
        self.article_form.set_codebook(codebook)
        self.coding.show_quote_category()
        self.reader.set_categories({c.id: c.color for c in codebook.categories}, names)
        self.annotation_panel.set_category_names(names)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._shortcuts = []
        for category in codebook.categories:
            # A, E, R, J and K decide quotes wherever one is selected (QUOTE_KEYS).
            key = category_shortcut(category)
            if not key:
                continue
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda cid=category.id: self.code_selection(cid))
            self._shortcuts.append(shortcut)

    def refresh_articles(self, select_first: bool = False) -> None:
        """Read the article list again (after an import), keeping the current article."""
        if self.project is None:
            return
        current = self.article_list.current_article_id()
        self.article_list.articles.set_articles(
            self.project.articles(self.settings.coder, self.navigator.current_filter())
        )
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
        self._commit_forms()
        quotes = self.project.quotes(article_id)
        annotations = self.project.annotations(article_id, coder=visible_coder(self.settings))
        self.reader.set_article(article, self.project.entities(article_id), quotes, annotations)
        self.annotation_panel.set_annotations(annotations)
        self.quote_panel.set_quotes(quotes)
        self.tabs.setTabText(1, self.tr("Quotes ({0})").format(len(quotes)))
        self.details.set_article(article)
        self.coding.show_article(article_id)
        self.actors.show_article()

    def save_article_details(self, article: Article) -> bool:
        """Save edited metadata at once; the list row and the reader header follow."""
        if self.project is None:
            return False
        try:
            self.project.update_article(article)
        except (ValueError, KeyError, ProjectError) as exc:
            self.show_error(self.tr("Cannot save the details"), str(exc))
            self.load_article(article.id)
            return False
        self.reader.set_metadata(article)
        self.article_list.articles.set_metadata(article)
        self.statusBar().showMessage(
            self.tr("Saved the details of “{0}”").format(
                shorten(article.title or self.tr("(untitled)"))
            ),
            STATUS_SECONDS * 1000,
        )
        return True

    # -- coding ----------------------------------------------------------------------------

    def code_selection(self, category_id: str) -> Annotation | None:
        """Code the reader's selection with a category; saved before this returns (undoable)."""
        article = self.reader.article
        category = self.codebook.by_id(category_id)
        if self.project is None or article is None or category is None:
            return None
        span = self.reader.selected_span()
        if span is None:
            self.statusBar().showMessage(
                self.tr("Select some text in the article first, then choose “{0}”.").format(
                    category.name
                ),
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
        if not self.coding.add_annotation(annotation):
            return None
        self.reader.clear_selection()
        if self.codebook.is_unit(category.id):
            self.tabs.setCurrentWidget(self.unit_form)  # its form, to fill in next
        self.statusBar().showMessage(
            self.tr("Coded “{0}” as {1}").format(shorten(annotation.text), category.name),
            STATUS_SECONDS * 1000,
        )
        return annotation

    def delete_annotation(self, annotation_id: str) -> None:
        article = self.reader.article
        if self.project is None or article is None:
            return
        if self.coding.delete_annotation(annotation_id):
            self.statusBar().showMessage(
                self.tr("Code deleted (Ctrl+Z brings it back)"), STATUS_SECONDS * 1000
            )

    def refresh_progress(self, article_id: str) -> None:
        """Re-read one article's counts and state for the list and the status bar."""
        assert self.project is not None
        where = ArticleFilter(ids=(article_id,))
        for summary in self.project.articles(self.settings.coder, where):
            self.article_list.articles.set_progress(summary)
        self._update_status()

    def _quote_clicked(self, quote: Quote) -> None:
        # The focus stays in the list, where A, E and R decide the quote.
        self.reader.select_span(quote.start, quote.end)

    def _commit_forms(self) -> None:
        """Save a form field or memo still being edited (it belongs to the article left)."""
        self.unit_form.commit_pending()
        self.article_form.commit_pending()

    # -- feedback --------------------------------------------------------------------------

    def show_error(self, title: str, message: str) -> None:
        message = service_text(message)
        self.statusBar().showMessage(message, STATUS_SECONDS * 2000)
        if self.interactive:
            show_message(self, title, message, error=True)

    def show_info(self, title: str, message: str) -> None:
        message = service_text(message)
        self.statusBar().showMessage(message.splitlines()[-1], STATUS_SECONDS * 2000)
        if self.interactive:
            show_message(self, title, message)

    def _update_status(self) -> None:
        model = self.article_list.articles
        name = self.project.name if self.project is not None else self.tr("no project")
        self._project_label.setText(self.tr("Project: {0}").format(name))
        self._coder_label.setText(self.tr("Coder: {0}").format(self.settings.coder))
        text = self.tr("coded {0} of {1} articles").format(model.coded_count(), model.total())
        if model.done_count():
            text += self.tr(", {0} done").format(model.done_count())
        self.progress_label.setText(text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        # Sizes set before the first layout are redistributed from the panels' size
        # hints; once the window has its geometry they stick.
        if not self._sized:
            self._sized = True
            QTimer.singleShot(0, self._size_panels)
        super().showEvent(event)

    def _size_panels(self) -> None:
        saved = self.settings.panel_sizes
        for name, splitter, shares in (
            # Titles readable in the list, the text at a reading width, and the right
            # column wide enough for a question and its answer.
            ("main", self.splitter, PANEL_SHARES),
            # The codebook tree takes what its categories need; the forms the rest.
            ("right", self.right_splitter, self._right_shares()),
        ):
            sizes = saved.get(name, [])
            if len(sizes) == splitter.count() and all(s > 0 for s in sizes):
                splitter.setSizes(sizes)
            else:
                total = splitter.width() if name == "main" else splitter.height()
                splitter.setSizes([total * share // 100 for share in shares])

    def _right_shares(self) -> tuple[int, int]:
        height = max(self.right_splitter.height(), 1)
        tree = self.codebook_panel.preferred_height()
        share = max(18, min(50, 100 * tree // height))
        return share, 100 - share

    def remember_panels(self) -> None:
        """Keep the panel sizes the coder left, for the next start (saved with the settings)."""
        if self._sized and self.isVisible():
            self.settings.panel_sizes = {
                "main": self.splitter.sizes(),
                "right": self.right_splitter.sizes(),
            }

    def shutdown(self) -> None:
        """Let the workers end, keep the panel sizes and close the project file."""
        self.remember_panels()
        with contextlib.suppress(OSError):
            save_settings(self.settings)
        self.file_menu.stop_workers()
        self.machine.wait()
        if self.project is not None:
            self.details.save()
            self._commit_forms()
            self.project.close()
            self.project = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.shutdown()
        super().closeEvent(event)
