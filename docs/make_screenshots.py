"""Screenshots of the main views for the README: `python docs/make_screenshots.py [OUT_DIR]`.

Builds a study on the demo articles (pre-annotated with the real pipelines), with the
Political Claims Analysis and frame codebooks and two coders' work, then renders the
window and its dialogs offscreen to docs/screenshots/*.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from annotator.core import Annotation, Codebook, Coding  # noqa: E402
from annotator.services.codebooks import template_codebook  # noqa: E402
from annotator.services.demo import demo_article_files  # noqa: E402
from annotator.services.importer import import_files  # noqa: E402
from annotator.services.settings import Settings  # noqa: E402
from annotator.store import Project  # noqa: E402
from annotator.ui.adjudication import AdjudicationDialog  # noqa: E402
from annotator.ui.i18n import install_translations  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402
from annotator.ui.overview import OverviewDialog  # noqa: E402

SIZE = (1400, 900)


def build(path: Path) -> None:
    with Project.create(path) as project:
        pca, frames = template_codebook("pca"), template_codebook("frames")
        project.install_codebook(
            Codebook(pca.categories + frames.categories, pca.variables + frames.variables)
        )
        import_files(project, demo_article_files())
        book = project.codebook()
        claim = next(c for c in book.categories if book.is_unit(c.id))
        position = next(v for v in book.unit_variables(claim.id) if v.name == "position")
        questions = book.article_variables()
        for n, summary in enumerate(project.articles()):
            article = project.article(summary.id)
            for coder, answer in (("alice", "1"), ("bob", "1" if n % 2 else "0")):
                for question in questions[:6]:
                    project.set_coding(Coding(article.id, question.id, coder, answer))
            for quote in project.quotes(article.id)[:2]:
                project.add_annotation(
                    Annotation(
                        article.id,
                        claim.id,
                        quote.start,
                        quote.end,
                        quote.text,
                        "alice",
                        attributes={position.id: position.values[n % 3].code},
                    )
                )


def save(widget: QWidget, out: Path, name: str) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(out / name))
    print(out / name)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="screens-"))
    path = folder / "study.annotator"
    build(path)
    window = MainWindow(Settings(coder="alice"), interactive=False)
    window.resize(*SIZE)
    window.open_project(path)
    window.show()
    save(window, out, "main-window.png")

    window.tabs.setCurrentWidget(window.actors.panel)
    window.actors.panel.view.selectRow(0)
    save(window, out, "actors.png")

    window.navigator.bar.search.setText("climat")
    window.navigator.bar.search.returnPressed.emit()
    save(window, out, "search.png")
    window.navigator.show_all()

    assert window.project is not None
    overview = OverviewDialog(window.project, "alice", window)
    overview.show()
    while overview.computing():  # the tables are computed in a worker
        app.processEvents()
    overview.tabs.setCurrentIndex(1)
    save(overview, out, "overview.png")
    overview.close()

    adjudication = AdjudicationDialog(window.project, window)
    adjudication.show()
    for _ in range(50):
        app.processEvents()
        if adjudication.task is None or adjudication.task.isFinished():
            break
        adjudication.task.wait(100)
    save(adjudication, out, "adjudication.png")
    adjudication.close()
    window.shutdown()
    window.close()

    # The same window in French (Preferences › Interface language).
    install_translations(app, "fr")
    french = MainWindow(Settings(coder="alice", ui_language="fr"), interactive=False)
    french.resize(*SIZE)
    french.open_project(path)
    french.show()
    save(french, out, "main-window-fr.png")
    french.shutdown()
    install_translations(app, "en")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "screenshots")
