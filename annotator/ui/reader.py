"""The reader: one article, read-only, with entities, quotes and codes highlighted."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QFont,
    QHelpEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QLabel, QTextEdit, QToolTip, QVBoxLayout, QWidget

from annotator.core import Annotation, Article, Entity, Quote
from annotator.core.text import snap_span
from annotator.ui.highlight import Formats, layered_spans
from annotator.ui.legend import LAYERS
from annotator.ui.offsets import OffsetMap

READER_FONTS = ["Charter", "Georgia", "Cambria", "Noto Serif", "DejaVu Serif", "Times New Roman"]
LINE_HEIGHT_PERCENT = 135
PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value


def reader_font() -> QFont:
    """A serif at 12 pt: long articles are read, not scanned."""
    font = QFont()
    font.setFamilies(READER_FONTS)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSize(12)
    return font


class Reader(QWidget):
    """Header (title, outlet, date, language) above the article text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel()
        self.header.setObjectName("readerHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setContentsMargins(16, 10, 16, 6)
        self.text = QTextEdit()
        self.text.setObjectName("readerText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.text.setFont(reader_font())
        document = self.text.document()
        # Read-only text: an undo history would only cost memory on every render.
        document.setUndoRedoEnabled(False)
        document.setDocumentMargin(24)
        palette = self.text.palette()
        # Keep the selection visible while the coder clicks a category in another panel.
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(
                QPalette.ColorGroup.Inactive, role, palette.color(QPalette.ColorGroup.Active, role)
            )
        self.text.setPalette(palette)
        self.text.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)

        self._formats = Formats()
        self._article: Article | None = None
        self._map = OffsetMap("")
        self._entities: list[Entity] = []
        self._quotes: list[Quote] = []
        self._annotations: list[Annotation] = []
        self._colors: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._layers = frozenset(layer.key for layer in LAYERS)
        self.show_article(None)

    # -- content ---------------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    def set_categories(self, colors: Mapping[str, str], names: Mapping[str, str]) -> None:
        """Category id -> colour and name, for code highlights and tooltips."""
        self._colors = dict(colors)
        self._names = dict(names)
        self._formats = Formats()

    def set_article(
        self,
        article: Article,
        entities: Sequence[Entity],
        quotes: Sequence[Quote],
        annotations: Sequence[Annotation],
    ) -> None:
        """Show an article with its suggestions and codes (scrolled to the top)."""
        self._article = article
        self._map = OffsetMap(article.text)
        self._entities = list(entities)
        self._quotes = list(quotes)
        self._annotations = list(annotations)
        self._set_header(article)
        self.redraw(keep_scroll=False)

    def set_metadata(self, article: Article) -> None:
        """The same article with edited metadata: new header, text and scroll untouched."""
        if self._article is None or self._article.id != article.id:
            return
        self._article = article
        self._set_header(article)

    def show_article(self, article: Article | None) -> None:
        """Show nothing but a hint (no project, or an empty one)."""
        if article is not None:
            self.set_article(article, [], [], [])
            return
        self._article = None
        self._map = OffsetMap("")
        self._entities, self._quotes, self._annotations = [], [], []
        self.header.setText("<span style='color:#666'>No article selected</span>")
        self.text.setPlainText("")

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        self._annotations = list(annotations)
        self.redraw()

    def set_layers(self, layers: frozenset[str]) -> None:
        self._layers = frozenset(layers)
        self.redraw()

    def redraw(self, keep_scroll: bool = True) -> None:
        """Lay the text out again with every visible layer.

        One edit block of mergeCharFormat calls is the fastest of the ways Qt
        offers (QSyntaxHighlighter and ExtraSelections measured 1.3x and 2x slower).
        """
        if self._article is None:
            return
        bar = self.text.verticalScrollBar()
        scroll = bar.value() if keep_scroll else 0
        document = self.text.document()
        # Through the QTextEdit, not the document: it puts the caret back at the start,
        # where setTextCursor afterwards would cost a full layout (3x this whole method).
        # setPlainText keeps the caret's character format: reset it, or the format of
        # whatever the caret sat in (a bold speaker) would spread over the whole text.
        self.text.setCurrentCharFormat(QTextCharFormat())
        self.text.setPlainText(self._article.text)
        spans = layered_spans(
            self._formats,
            self._layers,
            self._entities,
            self._quotes,
            self._annotations,
            self._colors,
        )
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(LINE_HEIGHT_PERCENT, PROPORTIONAL)
        cursor.mergeBlockFormat(block)
        to_doc = self._map.to_doc
        keep = QTextCursor.MoveMode.KeepAnchor
        for start, end, fmt in spans:
            cursor.setPosition(to_doc(start))
            cursor.setPosition(to_doc(end), keep)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()
        if scroll:
            document.documentLayout().documentSize()  # lays out the whole text, so the range fits
        bar.setValue(scroll)

    def _set_header(self, article: Article) -> None:
        details = [article.outlet, article.date or "", article.author]
        if article.language:
            details.append(article.language.upper())
        meta = " · ".join(html.escape(d) for d in details if d)
        title = html.escape(article.title or "(untitled)")
        self.header.setText(
            f"<div style='font-size:15pt; font-weight:600'>{title}</div>"
            f"<div style='color:#555; margin-top:3px'>{meta}</div>"
        )

    # -- selection -------------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as article offsets without surrounding whitespace, or None."""
        if self._article is None:
            return None
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.to_text(cursor.selectionStart())
        end = self._map.to_text(cursor.selectionEnd())
        start, end = snap_span(self._article.text, start, end)
        return (start, end) if start < end else None

    def select_span(self, start: int, end: int) -> None:
        """Select article offsets [start, end) and scroll them into view."""
        cursor = self.text.textCursor()
        cursor.setPosition(self._map.to_doc(start))
        cursor.setPosition(self._map.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def clear_selection(self) -> None:
        cursor = self.text.textCursor()
        cursor.clearSelection()
        self.text.setTextCursor(cursor)

    # -- tooltips --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.text.cursorForPosition(event.pos()).position()
            tip = self.tooltip_at(self._map.to_text(position))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.text)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def tooltip_at(self, offset: int) -> str:
        """What is at an article offset: the quote's speaker and cue, entity label, codes."""
        lines: list[str] = []
        for q in self._quotes:
            if q.start <= offset < q.end:
                lines.append(f"{q.kind.capitalize()} quote — speaker: {q.speaker or 'unknown'}")
                if q.cue:
                    lines.append(f"cue: {q.cue}")
            elif (
                q.speaker_start is not None
                and q.speaker_end is not None
                and (q.speaker_start <= offset < q.speaker_end)
            ):
                lines.append(f"Speaker of a {q.kind} quote")
        for e in self._entities:
            if e.start <= offset < e.end:
                lines.append(f"{e.label}: {e.text}")
        for a in self._annotations:
            if a.start <= offset < a.end:
                lines.append(f"Code: {self._names.get(a.category_id, '?')} ({a.coder})")
        return "\n".join(dict.fromkeys(lines))
