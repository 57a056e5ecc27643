"""The reader: one article, read-only, with entities, quotes and codes highlighted."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
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
_QUOTE_ACTIONS = ("accept", "correct", "reject")


def reader_font() -> QFont:
    """A serif at 12 pt: long articles are read, not scanned."""
    font = QFont()
    font.setFamilies(READER_FONTS)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSize(12)
    return font


class Reader(QWidget):
    """Header (title, outlet, date, language) above the article text.

    Right-clicking a quote offers to accept, correct or reject it: ``quote_action(quote,
    "accept"|"correct"|"reject")``.
    """

    quote_action = Signal(object, str)

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
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
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
        #: The coder's decision on each quote suggestion, by (start, end).
        self._decisions: dict[tuple[int, int], str] = {}
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
        self._decisions = {}
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
        self.header.setText(
            "<span style='color:#666'>" + self.tr("No article selected") + "</span>"
        )
        self.text.setPlainText("")

    @property
    def annotations(self) -> list[Annotation]:
        return list(self._annotations)

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        self._annotations = list(annotations)
        self.redraw()

    def set_decisions(self, decisions: Mapping[tuple[int, int], str]) -> None:
        """Decisions on quote suggestions ("accepted", "rejected"…): rejected ones are dimmed."""
        decisions = dict(decisions)
        if decisions != self._decisions:
            self._decisions = decisions
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
            {key for key, decision in self._decisions.items() if decision == "rejected"},
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
        title = html.escape(article.title or self.tr("(untitled)"))
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

    def doc_position(self, offset: int) -> int:
        """The document position of an article offset (they differ after astral characters)."""
        return self._map.to_doc(offset)

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

    # -- quotes ----------------------------------------------------------------------------

    def selected_quote(self) -> Quote | None:
        """The quote the selection is on (most of it inside), or the quote at the cursor."""
        if self._article is None:
            return None
        span = self.selected_span()
        if span is None:
            return self.quote_at(self._map.to_text(self.text.textCursor().position()))
        start, end = span
        best, shared = None, 0
        for q in self._quotes:
            overlap = min(end, q.end) - max(start, q.start)
            if overlap > shared:
                best, shared = q, overlap
        return best

    def quote_at(self, offset: int) -> Quote | None:
        """The quote suggestion covering an article offset (its text or its speaker)."""
        for q in self._quotes:
            if q.start <= offset < q.end:
                return q
        for q in self._quotes:
            if (
                q.speaker_start is not None
                and q.speaker_end is not None
                and (q.speaker_start <= offset < q.speaker_end)
            ):
                return q
        return None

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.text.createStandardContextMenu(pos)
        quote = self.quote_at(self._map.to_text(self.text.cursorForPosition(pos).position()))
        if quote is not None:
            menu.addSeparator()
            for action, text in (
                ("accept", self.tr("Accept quote (A)")),
                ("correct", self.tr("Correct quote… (E)")),
                ("reject", self.tr("Reject quote (R)")),
            ):
                item = menu.addAction(text)
                item.setData(action)
        chosen = menu.exec(self.text.viewport().mapToGlobal(pos))
        menu.deleteLater()
        if quote is not None and chosen is not None and chosen.data() in _QUOTE_ACTIONS:
            self.quote_action.emit(quote, chosen.data())

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
        quote_lines = {
            "direct": self.tr("Direct quote — speaker: {0}"),
            "partial": self.tr("Partial quote — speaker: {0}"),
            "indirect": self.tr("Indirect quote — speaker: {0}"),
        }
        speaker_lines = {
            "direct": self.tr("Speaker of a direct quote"),
            "partial": self.tr("Speaker of a partial quote"),
            "indirect": self.tr("Speaker of an indirect quote"),
        }
        decision_lines = {
            "accepted": self.tr("Accepted by you"),
            "corrected": self.tr("Corrected by you"),
            "rejected": self.tr("Rejected by you"),
        }
        for q in self._quotes:
            if q.start <= offset < q.end:
                line = quote_lines.get(q.kind, q.kind.capitalize() + " quote — speaker: {0}")
                lines.append(line.format(q.speaker or self.tr("unknown")))
                decision = self._decisions.get((q.start, q.end))
                if decision:
                    lines.append(decision_lines.get(decision, decision.capitalize() + " by you"))
                if q.cue:
                    lines.append(self.tr("cue: {0}").format(q.cue))
            elif (
                q.speaker_start is not None
                and q.speaker_end is not None
                and (q.speaker_start <= offset < q.speaker_end)
            ):
                lines.append(speaker_lines.get(q.kind, f"Speaker of a {q.kind} quote"))
        for e in self._entities:
            if e.start <= offset < e.end:
                lines.append(f"{e.label}: {e.text}")
        for a in self._annotations:
            if a.start <= offset < a.end:
                name = self._names.get(a.category_id, "?")
                lines.append(self.tr("Code: {0} ({1})").format(name, a.coder))
        return "\n".join(dict.fromkeys(lines))
