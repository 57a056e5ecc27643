"""Coding benchmark: one form answer through the window, against the bare store write.

An answer in the article form or the unit form is an undo command that writes to the
project file and shows the result; on an article with 2,000 codes, that must stay close
to the cost of the write itself (which waits for the disk: synchronous=FULL).
Run with ``python -m bench coding``.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CODES = 2_000
EDITS = 40


def run() -> list[tuple[str, float, str]]:
    from annotator.core import (
        Annotation,
        Article,
        Category,
        Codebook,
        Coding,
        ValueLabel,
        Variable,
    )
    from annotator.services.settings import Settings
    from annotator.store import Project
    from annotator.ui.app import application
    from annotator.ui.main_window import MainWindow

    app = application()
    values = (ValueLabel("1", "yes"), ValueLabel("0", "no"))
    claim = Category("Claim", id="claim")
    tone = Variable("tone", "Tone", "nominal", values=values, id="tone")
    position = Variable("position", "Position", "nominal", "unit", "claim", values, id="pos")
    text = "The minister said that the tram would cost more than planned. " * 1_700
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.annotator"
        with Project.create(path) as project:
            project.install_codebook(Codebook([claim], [tone, position]))
            project.add_article(Article(text, title="Long article", id="long"))
            for i in range(CODES):
                start = i * 50
                project.add_annotation(
                    Annotation("long", "claim", start, start + 12, text[start : start + 12], "b")
                )
        window = MainWindow(Settings(coder="bench"), interactive=False)
        window.open_project(path)
        window.show()
        app.processEvents()
        assert window.project is not None
        unit_id = window.project.annotations("long")[0].id

        def timed(edit: object) -> float:
            started = time.perf_counter()
            for i in range(EDITS):
                edit(str(i % 2))  # type: ignore[operator]
                window.coding.stack.clear()  # each edit a whole command, none merged
            return (time.perf_counter() - started) / EDITS

        bare = timed(lambda v: window.project.set_coding(Coding("long", "tone", "bench", v)))  # type: ignore[union-attr]
        article = timed(lambda v: window.coding.set_article_value("long", "tone", None, v))
        unit = timed(lambda v: window.coding.set_unit_value(unit_id, "pos", None, v))
        window.shutdown()
        window.deleteLater()
    detail = f"{CODES} codes in the article; bare store write {bare * 1000:.1f} ms"
    return [
        (
            "coding: article answer vs bare write",
            article / bare,
            f"{article * 1000:.1f} ms; {detail}",
        ),
        ("coding: unit value vs bare write", unit / bare, f"{unit * 1000:.1f} ms; {detail}"),
    ]
