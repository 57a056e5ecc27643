"""The Details tab: the current article's metadata, edited in place and saved at once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core import Article
from annotator.ui.i18n import QT_TRANSLATE_NOOP

#: Editable text fields, in the order of the form.
TEXT_FIELDS = ("title", "outlet", "author", "date", "section", "url")
LABELS = {
    "title": QT_TRANSLATE_NOOP("ArticleDetails", "Title"),
    "outlet": QT_TRANSLATE_NOOP("ArticleDetails", "Outlet"),
    "author": QT_TRANSLATE_NOOP("ArticleDetails", "Author"),
    "date": QT_TRANSLATE_NOOP("ArticleDetails", "Date"),
    "section": QT_TRANSLATE_NOOP("ArticleDetails", "Section"),
    "url": QT_TRANSLATE_NOOP("ArticleDetails", "URL"),
}
LANGUAGES = (
    ("fr", QT_TRANSLATE_NOOP("ArticleDetails", "French (fr)")),
    ("en", QT_TRANSLATE_NOOP("ArticleDetails", "English (en)")),
)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_HINT = QT_TRANSLATE_NOOP(
    "ArticleDetails", "The date must be YYYY-MM-DD, e.g. 2025-08-15 (not saved)."
)


def parse_date(text: str) -> str | None:
    """The ISO date in ``text``, None for an empty field; ValueError for anything else."""
    text = text.strip()
    if not text:
        return None
    if not ISO_DATE.fullmatch(text):
        raise ValueError(QCoreApplication.translate("ArticleDetails", DATE_HINT))
    dt.date.fromisoformat(text)  # a real day: 2025-02-30 is refused
    return text


class ArticleDetails(QWidget):
    """Emits ``article_edited`` with the changed Article; the window saves it."""

    article_edited = Signal(object)  # Article

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleDetails")
        self._article: Article | None = None
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"detail_{name}")
            edit.editingFinished.connect(self.save)
            self.fields[name] = edit
            form.addRow(self.tr(LABELS[name]), edit)
            if name == "date":
                edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
                self.date_problem = QLabel()
                self.date_problem.setObjectName("dateProblem")
                self.date_problem.setWordWrap(True)
                self.date_problem.setStyleSheet("color:#b00020")
                self.date_problem.hide()
                form.addRow("", self.date_problem)
                edit.textEdited.connect(lambda _text: self._show_date_problem(""))
        self.language = QComboBox()
        self.language.setObjectName("detail_language")
        for code, name in LANGUAGES:
            self.language.addItem(self.tr(name), code)
        self.language.activated.connect(lambda _index: self.save())
        form.addRow(self.tr("Language"), self.language)
        self.source = QLabel()
        self.imported = QLabel()
        for label in (self.source, self.imported):
            label.setWordWrap(True)
            label.setStyleSheet("color:#555")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Source file"), self.source)
        form.addRow(self.tr("Imported"), self.imported)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self.set_article(None)

    @property
    def article(self) -> Article | None:
        return self._article

    def set_article(self, article: Article | None) -> None:
        """Show an article's metadata (or an empty, disabled form); emits nothing."""
        self._article = article
        self._show_date_problem("")
        for name, edit in self.fields.items():
            value = getattr(article, name) if article is not None else ""
            edit.setText(value or "")
            edit.setCursorPosition(0)
        language = article.language if article is not None else ""
        index = self.language.findData(language)
        if index < 0 and language:
            # A language the detector found but the form does not list: keep it visible.
            self.language.addItem(language, language)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)
        self.source.setText(article.source_file if article is not None else "")
        self.imported.setText(local_time(article.imported_at) if article is not None else "")
        self.setEnabled(article is not None)

    def edited(self) -> tuple[Article | None, str]:
        """The article with the form's values, and why the date was left out ("" if valid)."""
        if self._article is None:
            return None, ""
        text = {name: self.fields[name].text().strip() for name in TEXT_FIELDS}
        problem = ""
        date = self._article.date
        if text["date"] != (date or ""):
            try:
                date = parse_date(text["date"])
            except ValueError:
                problem = self.tr(DATE_HINT)  # the other fields still save; the old date stays
        edited = dataclasses.replace(
            self._article,
            title=text["title"],
            outlet=text["outlet"],
            author=text["author"],
            date=date,
            section=text["section"],
            url=text["url"],
            language=self.language.currentData() or self._article.language,
        )
        return edited, problem

    def save(self) -> None:
        """Emit the edited article when something changed; an invalid date is only shown."""
        article, problem = self.edited()
        self._show_date_problem(problem)
        if article is None or article == self._article:
            return
        self._article = article
        self.article_edited.emit(article)

    def _show_date_problem(self, message: str) -> None:
        self.date_problem.setText(message)
        self.date_problem.setVisible(bool(message))


def local_time(iso: str) -> str:
    """A stored UTC timestamp in the researcher's local time: 2025-08-15 14:03."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")
