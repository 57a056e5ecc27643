"""Which character format goes on which span of an article, layer by layer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from annotator.core import Annotation, Entity, Quote
from annotator.ui.legend import CODE, ENTITY_COLORS, QUOTE, QUOTE_COLORS, QUOTE_UNDERLINE

Span = tuple[int, int, QTextCharFormat]
REJECTED_UNDERLINE = "#bdbdbd"


def pastel(color: str, amount: float = 0.55) -> QColor:
    """``color`` mixed with white, so dark codebook colours still leave text readable."""
    base = QColor(color)
    if not base.isValid():
        base = QColor(CODE.color)

    def mix(channel: int) -> int:
        return round(channel + (255 - channel) * amount)

    return QColor(mix(base.red()), mix(base.green()), mix(base.blue()))


#: Text on a pastel background stays dark, also when the system is in dark mode.
INK = QColor("#1a1a1a")


@dataclass(slots=True)
class Formats:
    """One QTextCharFormat per kind of span, made once and shared by every span of that kind."""

    entity: dict[str, QTextCharFormat] = field(default_factory=dict)
    quote: dict[str, QTextCharFormat] = field(default_factory=dict)
    speaker: QTextCharFormat = field(default_factory=QTextCharFormat)
    code: dict[str, QTextCharFormat] = field(default_factory=dict)
    #: A quote suggestion the coder rejected: no background, a grey dotted underline.
    rejected: QTextCharFormat = field(default_factory=QTextCharFormat)

    def __post_init__(self) -> None:
        for label, color in ENTITY_COLORS.items():
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(color))
            fmt.setForeground(INK)
            self.entity[label] = fmt
        for kind, color in QUOTE_COLORS.items():
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(color))
            fmt.setForeground(INK)
            if kind != "direct":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(QUOTE_UNDERLINE))
            self.quote[kind] = fmt
        self.speaker.setFontWeight(QFont.Weight.Bold)
        self.speaker.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        self.speaker.setUnderlineColor(QColor(QUOTE_UNDERLINE))
        self.rejected.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        self.rejected.setUnderlineColor(QColor(REJECTED_UNDERLINE))

    def for_code(self, category_id: str, color: str) -> QTextCharFormat:
        fmt = self.code.get(category_id)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(pastel(color))
            fmt.setForeground(INK)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(color))
            self.code[category_id] = fmt
        return fmt


def layered_spans(
    formats: Formats,
    layers: frozenset[str],
    entities: Iterable[Entity],
    quotes: Iterable[Quote],
    annotations: Iterable[Annotation],
    category_colors: Mapping[str, str],
    rejected: AbstractSet[tuple[int, int]] = frozenset(),
) -> list[Span]:
    """Spans in painting order: later spans are merged over earlier ones.

    Quotes go first so that the people and places inside a quote keep their own
    colour; the coder's codes go last because they are the work being done.
    Quotes at a ``(start, end)`` in ``rejected`` are drawn dimmed, without their speaker.
    """
    spans: list[Span] = []
    quotes = list(quotes)
    if QUOTE.key in layers:
        spans.extend(
            (
                q.start,
                q.end,
                formats.rejected
                if (q.start, q.end) in rejected
                else formats.quote.get(q.kind, formats.quote["direct"]),
            )
            for q in quotes
        )
    spans.extend(
        (e.start, e.end, formats.entity.get(e.label, formats.entity["OTHER"]))
        for e in entities
        if (e.label if e.label in formats.entity else "OTHER") in layers
    )
    if QUOTE.key in layers:
        spans.extend(
            (q.speaker_start, q.speaker_end, formats.speaker)
            for q in quotes
            if q.speaker_start is not None
            and q.speaker_end is not None
            and (q.start, q.end) not in rejected
        )
    if CODE.key in layers:
        spans.extend(
            (
                a.start,
                a.end,
                formats.for_code(a.category_id, category_colors.get(a.category_id, CODE.color)),
            )
            for a in annotations
        )
    return [s for s in spans if s[0] < s[1]]
