"""Reader benchmark: render a long article with many highlights, against a bare setPlainText.

Run with ``QT_QPA_PLATFORM=offscreen python -m bench.reader``.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.sizes import size

WORDS = size(20_000, 400)
SPANS = size(2_000, 40)
REPEATS = size(5, 1)
TARGET_MS = 200.0


def _article() -> tuple[str, list[tuple[int, int]]]:
    """A 20,000-word text and the offsets of every word, paragraphs every 80 words."""
    rng = random.Random(7)
    vocabulary = ["minister", "said", "Lyon", "council", "the", "budget", "tram", "«", "»", "été"]
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0
    for i in range(WORDS):
        word = rng.choice(vocabulary) + str(i % 97)
        offsets.append((position, position + len(word)))
        separator = "\n\n" if i % 80 == 79 else " "
        parts.append(word + separator)
        position += len(word) + len(separator)
    return "".join(parts), offsets


def _best(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def run() -> list[tuple[str, float, str]]:
    """(name, ratio, detail): the reader's render path over a bare QTextDocument.setPlainText."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QTextEdit

    from annotator.core import Article, Entity, Quote
    from annotator.ui.app import application
    from annotator.ui.reader import Reader

    app = application()
    text, words = _article()
    labels = ("PERSON", "ORG", "PLACE", "OTHER")
    step = len(words) // SPANS
    entities: list[Entity] = []
    quotes: list[Quote] = []
    for n, i in enumerate(range(0, step * SPANS, step)):
        start, end = words[i]
        if n % 4 == 3:  # a quarter are quotes of a few words, with a speaker just before
            q_end = words[i + 3][1]
            s_start, s_end = words[i - 1] if i else words[i]
            kind = ("direct", "partial", "indirect")[n % 3]
            quotes.append(Quote(start, q_end, text[start:q_end], kind, "X", s_start, s_end, "said"))
        else:
            entities.append(Entity(start, end, text[start:end], labels[n % 4]))
    article = Article(text=text, title="Benchmark", outlet="Bench", language="en")

    reader = Reader()
    reader.resize(800, 900)
    reader.show()
    app.processEvents()
    # The baseline is the document of a shown QTextEdit of the same size and font: a
    # detached QTextDocument lays nothing out, and its setPlainText is ~50x cheaper.
    plain = QTextEdit()
    plain.setFont(reader.text.font())
    plain.resize(reader.text.size())
    plain.show()
    app.processEvents()
    bare = _best(lambda: plain.document().setPlainText(text))
    detached = QTextDocument()
    unlaid = _best(lambda: detached.setPlainText(text))
    rendered = _best(lambda: reader.set_article(article, entities, quotes, []))
    toggled = _best(lambda: reader.set_layers(frozenset({"PERSON", "QUOTE", "CODE"})))
    reader.close()
    plain.close()
    spans = len(entities) + len(quotes) * 2
    detail = (
        f"{WORDS} words, {spans} spans: reader {rendered * 1000:.0f} ms, "
        f"bare setPlainText in a shown QTextEdit {bare * 1000:.0f} ms, "
        f"in a detached document {unlaid * 1000:.1f} ms (target < {TARGET_MS:.0f} ms)"
    )
    return [
        ("reader.render_vs_setPlainText", rendered / bare, detail),
        (
            "reader.toggle_layer_vs_setPlainText",
            toggled / bare,
            f"re-render after a legend toggle {toggled * 1000:.0f} ms",
        ),
    ]


if __name__ == "__main__":
    for name, ratio, detail in run():
        print(f"{name}\t{ratio:.2f}\t{detail}")
