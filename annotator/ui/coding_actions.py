"""The Edit menu and the coding workflow of the window: every edit an undoable command.

``CodingActions`` owns the QUndoStack; the window, the forms and the Quotes tab ask it
for edits, it turns each into a command from annotator.ui.commands, and after every
do, undo or redo it shows the article the edit was on, up to date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QWidget

from annotator.core import Annotation, Decision, Quote, SuggestionDecision
from annotator.services import coding
from annotator.services.code_suggestions import article_suggestions
from annotator.store import Project
from annotator.ui.codebook_panel import QUOTE_KEYS
from annotator.ui.coder_dialog import visible_coder
from annotator.ui.commands import (
    EDIT_ERRORS,
    AddAnnotation,
    DecideQuote,
    DeleteAnnotation,
    Edit,
    SetAnnotationMemo,
    SetArticleDone,
    SetArticleMemo,
    SetArticleValue,
    SetUnitValue,
)
from annotator.ui.quote_dialog import CorrectQuoteDialog

#: What each of QUOTE_KEYS does, in the same order.
KEYS_ACTIONS = ("accept", "correct", "reject", "next", "previous")

if TYPE_CHECKING:
    from annotator.ui.host import WindowHost

STATUS_MS = 5000


class CodingActions(QObject):
    """Builds the Edit menu of a WindowHost and carries out the coder's edits."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window)
        self.window = window
        self.stack = QUndoStack(self)
        self.decisions: dict[tuple[int, int], Decision] = {}
        self.correct_dialog: CorrectQuoteDialog | None = None
        menu = window.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
            menu.addAction(action)
        menu.addSeparator()
        self.actions: dict[str, QAction] = {}
        for key, text, shortcut, slot in (
            ("quotes", self.tr("Go to the &quotes"), "Ctrl+Shift+Q", self.focus_quotes),
            ("unit", self.tr("Go to the &unit form"), "Ctrl+Shift+U", self.focus_unit_form),
            (
                "article",
                self.tr("Go to the &article form"),
                "Ctrl+Shift+F",
                self.focus_article_form,
            ),
            ("memo", self.tr("Article &memo"), "Ctrl+Shift+M", self.focus_article_memo),
            ("reader", self.tr("Back to the &text"), "Ctrl+Shift+T", self.focus_reader),
            ("done", self.tr("Mark article &done / not done"), "Ctrl+D", self.toggle_done),
        ):
            action = QAction(text, window)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            if key == "done":
                menu.addSeparator()
            menu.addAction(action)
            window.addAction(action)
            self.actions[key] = action
        # The quote keys mean the same wherever a quote is selected: in the Quotes list
        # (whose ListKeys takes them first), in the reader, or with the focus elsewhere.
        self.quote_keys: list[QShortcut] = []
        for letter, quote_action in zip(QUOTE_KEYS, KEYS_ACTIONS, strict=True):
            quote_key = QShortcut(QKeySequence(letter), window)
            quote_key.setContext(Qt.ShortcutContext.WindowShortcut)
            quote_key.activated.connect(lambda a=quote_action: self.quote_key(a))
            self.quote_keys.append(quote_key)

    # -- EditHost --------------------------------------------------------------------------

    def current_project(self) -> Project:
        if self.window.project is None:
            raise coding.CodingError(self.tr("no project is open"))
        return self.window.project

    def edit_failed(self, message: str) -> None:
        self.window.show_error(self.tr("Cannot save the change"), message)

    def edited(self, command: Edit, undone: bool) -> None:
        """After an undo or redo: show the article it touched, as it now is."""
        window = self.window
        article = window.reader.article
        if article is None or article.id != command.article_id:
            window.article_list.select_article(command.article_id)
            # The list's signal loads the article; a filtered-out article is loaded here.
            article = window.reader.article
            if article is None or article.id != command.article_id:
                window.load_article(command.article_id)
        else:
            self.refresh(select=command.annotation_id, scope=command.scope)
        window.statusBar().showMessage(
            (self.tr("Undone: {0}") if undone else self.tr("Redone: {0}")).format(command.text()),
            STATUS_MS,
        )

    def run(self, command: Edit) -> bool:
        """Do an edit (written to the file at once) and put it on the undo stack."""
        try:
            command.apply()
        except EDIT_ERRORS as exc:
            self.window.show_error(self.tr("Cannot save the change"), str(exc))
            self.refresh()
            return False
        command.mark_applied()
        self.stack.push(command)
        self.refresh(select=command.annotation_id, scope=command.scope)
        return True

    def clear(self) -> None:
        """A new project: nothing to undo."""
        self.stack.clear()

    # -- refreshing the views --------------------------------------------------------------

    @property
    def coder(self) -> str:
        return self.window.settings.coder

    def actor_names(self, article_id: str) -> list[str]:
        """The article's actors for type-ahead, and speakers of quotes not among them."""
        project = self.current_project()
        names = [a.name for a in project.actors(article_id)]
        names += [q.speaker for q in project.quotes(article_id) if q.speaker]
        return list(dict.fromkeys(names))

    def refresh(self, select: str | None = None, scope: str = "codes") -> None:
        """Read the current article's codes, decisions and answers again and show them.

        A ``scope`` of "unit" reads only the code ``select``, "article" only the answers:
        an article with thousands of codes stays quick to fill in.
        """
        window = self.window
        article = window.reader.article
        project = window.project
        if article is None or project is None:
            window.unit_form.set_unit(None, window.codebook, ())
            window.article_form.set_article(None, {}, None)
            return
        if scope == "unit" and select is not None:
            changed = project.annotation(select)
            if changed is not None:
                rows = [changed if a.id == select else a for a in window.annotation_panel.rows()]
                window.annotation_panel.set_annotations(rows, select=select)
                window.refresh_progress(article.id)
                return
        if scope == "article":
            self.show_answers(article.id)
            window.refresh_progress(article.id)
            return
        annotations = project.annotations(article.id, coder=visible_coder(window.settings))
        self.decisions = coding.quote_decisions(project.decisions(article.id, self.coder))
        window.reader.set_decisions({k: d.decision for k, d in self.decisions.items()})
        if _spans(annotations) != _spans(window.reader.annotations):
            # A changed value or memo leaves the highlights as they are: no redraw.
            window.reader.set_annotations(annotations)
        window.quote_panel.set_decisions(self.decisions)
        window.annotation_panel.set_annotations(annotations, select=select)
        self.show_answers(article.id)
        window.refresh_progress(article.id)

    def show_article(self, article_id: str) -> None:
        """A new article in the reader: its decisions, unit form and article form."""
        project = self.current_project()
        self.decisions = coding.quote_decisions(project.decisions(article_id, self.coder))
        self.window.reader.set_decisions({k: d.decision for k, d in self.decisions.items()})
        self.window.quote_panel.set_decisions(self.decisions)
        self.show_unit(self.window.annotation_panel.current_annotation())
        self.show_answers(article_id)

    def show_answers(self, article_id: str) -> None:
        project = self.current_project()
        values = {c.variable_id: c.value for c in project.codings(article_id, self.coder)}
        status = project.article_status(article_id, self.coder)
        suggested = article_suggestions(project, article_id)  # the machine's, shown apart
        self.window.article_form.set_article(article_id, values, status, suggested)

    def show_unit(self, annotation: Annotation | None) -> None:
        article = self.window.reader.article
        actors = self.actor_names(article.id) if article is not None else []
        self.window.unit_form.set_unit(annotation, self.window.codebook, actors)

    # -- codes -----------------------------------------------------------------------------

    def add_annotation(self, annotation: Annotation) -> bool:
        category = self.window.codebook.by_id(annotation.category_id)
        name = category.name if category is not None else "?"
        return self.run(AddAnnotation(self, annotation, name))

    def delete_annotation(self, annotation_id: str) -> bool:
        annotation = self.current_project().annotation(annotation_id)
        if annotation is None:
            self.refresh()
            return False
        return self.run(DeleteAnnotation(self, annotation))

    def set_unit_value(self, annotation_id: str, variable_id: str, old: Any, new: Any) -> None:
        annotation = self.current_project().annotation(annotation_id)
        variable = self.window.codebook.variable(variable_id)
        if annotation is None or variable is None:
            self.refresh()
            return
        label = variable.label or variable.name
        self.run(SetUnitValue(self, annotation, variable_id, label, old, new))

    def set_annotation_memo(self, annotation_id: str, old: str, new: str) -> None:
        annotation = self.current_project().annotation(annotation_id)
        if annotation is not None:
            self.run(SetAnnotationMemo(self, annotation, old, new))

    def set_article_value(self, article_id: str, variable_id: str, old: Any, new: Any) -> None:
        variable = self.window.codebook.variable(variable_id)
        label = (variable.label or variable.name) if variable else "?"
        self.run(SetArticleValue(self, article_id, self.coder, variable_id, label, old, new))

    def set_article_memo(self, article_id: str, old: str, new: str) -> None:
        self.run(SetArticleMemo(self, article_id, self.coder, old, new))

    def set_done(self, article_id: str, done: bool) -> bool:
        self.window.article_form.commit_pending()
        if self.run(SetArticleDone(self, article_id, self.coder, done)):
            self.window.statusBar().showMessage(
                self.tr("Article marked done") if done else self.tr("Article marked not done"),
                STATUS_MS,
            )
            return True
        return False

    def toggle_done(self) -> None:
        article = self.window.reader.article
        if article is not None and self.window.project is not None:
            done = self.window.project.article_status(article.id, self.coder).done
            self.set_done(article.id, not done)

    # -- suggestions -----------------------------------------------------------------------

    def show_quote_category(self) -> None:
        project = self.window.project
        category = coding.quote_category(project, self.window.codebook) if project else None
        self.window.codebook_panel.set_quote_category(category.id if category else None)

    def set_quote_category(self, category_id: str) -> None:
        """Make accepted quotes become this category (kept in the project file)."""
        try:
            coding.set_quote_category(self.current_project(), category_id)
        except EDIT_ERRORS as exc:
            self.window.show_error(self.tr("Cannot change the setting"), str(exc))
            return
        self.show_quote_category()
        category = self.window.codebook.by_id(category_id)
        self.window.statusBar().showMessage(
            self.tr("Accepted quotes now become {0}").format(category.name if category else "?"),
            STATUS_MS,
        )

    def decide(self, quote: Quote, action: str) -> bool:
        """Accept, correct (opens a dialog) or reject a quote suggestion."""
        article = self.window.reader.article
        if article is None or self.window.project is None:
            return False
        earlier = self.decisions.get((quote.start, quote.end))
        if (
            earlier is not None
            and earlier.annotation_id
            and self.window.project.annotation(earlier.annotation_id) is not None
        ):
            # Accepted already: its code is the place to change it now.
            self.window.statusBar().showMessage(
                self.tr(
                    "This quote is {0} already — Ctrl+Z undoes that, or delete"
                    " its code to decide again."
                ).format(self._decision_word(earlier.decision)),
                STATUS_MS * 2,
            )
            self.refresh(select=earlier.annotation_id)
            return False
        if action == "correct":
            self.open_correction(quote)
            return False
        decision: SuggestionDecision = "accepted" if action == "accept" else "rejected"
        return self._decide(DecideQuote(self, article.id, self.coder, quote, decision))

    def _decision_word(self, decision: str) -> str:
        words = {
            "accepted": self.tr("accepted", "a quote"),
            "rejected": self.tr("rejected", "a quote"),
            "corrected": self.tr("corrected", "a quote"),
        }
        return words.get(decision, decision)

    def correct(
        self, quote: Quote, start: int | None = None, end: int | None = None, speaker: str = ""
    ) -> bool:
        """Accept a quote with the coder's span and speaker."""
        article = self.window.reader.article
        if article is None:
            return False
        command = DecideQuote(self, article.id, self.coder, quote, "corrected", start, end, speaker)
        return self._decide(command)

    def open_correction(self, quote: Quote) -> CorrectQuoteDialog | None:
        article = self.window.reader.article
        if article is None:
            return None
        span = (quote.start, quote.end)
        selected = self.window.reader.selected_span()
        if selected is not None and selected[0] < quote.end and quote.start < selected[1]:
            span = selected
        dialog = CorrectQuoteDialog(
            quote, article.text, span, self.actor_names(article.id), self.window
        )
        dialog.accepted.connect(
            lambda: self.correct(quote, dialog.start, dialog.end, dialog.speaker_name())
        )
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.correct_dialog = dialog
        dialog.open()
        return dialog

    def _decide(self, command: DecideQuote) -> bool:
        if not self.run(command):
            return False
        window = self.window
        if command.decision == "rejected":
            window.quote_panel.next_undecided()
            window.statusBar().showMessage(self.tr("Quote rejected"), STATUS_MS)
            return True
        category = window.codebook.by_id(
            command.outcome.annotation.category_id  # type: ignore[union-attr]
        )
        window.statusBar().showMessage(
            self.tr("Quote {0}: coded as {1}").format(
                self._decision_word(command.decision), category.name if category else "?"
            ),
            STATUS_MS,
        )
        # The claim's form takes the focus; the next undecided quote waits in the list,
        # selected (Ctrl+Shift+Q, then A).
        window.quote_panel.select_next_undecided()
        self.focus_unit_form()
        return True

    def quote_key(self, action: str) -> bool:
        """A quote key pressed outside the Quotes list: on the quote selected in the reader."""
        panel = self.window.quote_panel
        if action in ("next", "previous"):
            return panel.step(1 if action == "next" else -1)
        quote = self.window.reader.selected_quote()
        if quote is None:
            self.window.statusBar().showMessage(
                self.tr(
                    "Select a quote first, in the text or the Quotes tab: A accepts it,"
                    " E corrects it, R rejects it."
                ),
                STATUS_MS,
            )
            return False
        panel.select_quote(quote)
        return self.decide(quote, action)

    # -- moving around ---------------------------------------------------------------------

    def _show_tab(self, widget: QWidget) -> None:
        self.window.tabs.setCurrentWidget(widget)

    def focus_quotes(self) -> None:
        panel = self.window.quote_panel
        self._show_tab(panel)
        if panel.current_quote() is None:
            panel.next_undecided() or panel.step(1)
        else:
            panel.show_current()
        panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_unit_form(self) -> None:
        self._show_tab(self.window.unit_form)
        if not self.window.unit_form.focus_first():
            self.window.unit_form.memo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_article_form(self) -> None:
        self._show_tab(self.window.article_form)
        if not self.window.article_form.focus_first():
            self.window.article_form.memo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_article_memo(self) -> None:
        self._show_tab(self.window.article_form)
        self.window.article_form.memo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_reader(self) -> None:
        self.window.reader.text.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _spans(annotations: list[Annotation]) -> list[tuple[str, int, int, str, str]]:
    return [(a.id, a.start, a.end, a.category_id, a.coder) for a in annotations]
