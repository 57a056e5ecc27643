"""Coding benchmark: one form answer through the window, against the bare store write.

An answer in the article form or the unit form is an undo command that writes to the
project file and shows the result; on an article with 2,000 codes, that must stay close
to the cost of the write itself (which waits for the disk: synchronous=FULL).
Run with ``python -m bench coding``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.sizes import interleaved, size

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CODES = size(2_000, 20)
EDITS = size(40, 2)
ROUNDS = size(7, 1)


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

        def edits(edit: Callable[[str], object]) -> Callable[[], None]:
            def run_edits() -> None:
                for i in range(EDITS):
                    edit(str(i % 2))
                    window.coding.stack.clear()  # each edit a whole command, none merged

            return run_edits

        project = window.project
        cases = [
            edits(lambda v: project.set_coding(Coding("long", "tone", "bench", v))),
            edits(lambda v: window.coding.set_article_value("long", "tone", None, v)),
            edits(lambda v: window.coding.set_unit_value(unit_id, "pos", None, v)),
        ]
        for case in cases:  # warm-up: first writes, caches, the form's first layout
            case()
        bare, article, unit = (t / EDITS for t in interleaved(cases, ROUNDS))
        window.shutdown()
        window.deleteLater()
    detail = (
        f"{CODES} codes in the article; bare store write {bare * 1000:.1f} ms "
        f"(median of {ROUNDS} interleaved rounds after a warm-up)"
    )
    return [
        (
            "coding: article answer vs bare write",
            article / bare,
            f"{article * 1000:.1f} ms; {detail}",
        ),
        ("coding: unit value vs bare write", unit / bare, f"{unit * 1000:.1f} ms; {detail}"),
    ]
