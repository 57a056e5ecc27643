"""run_gui: the screenshot path, and the first start that imports the demo articles."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from annotator.services.demo import demo_project_path
from annotator.services.settings import load_settings
from annotator.store import Project
from annotator.ui.app import run_gui
from annotator.ui.main_window import MainWindow


def test_screenshot_writes_a_png_of_the_window(
    qtbot: QtBot, make_project: Callable[..., Path], tmp_path: Path
) -> None:
    path = make_project(1)
    out = tmp_path / "window.png"
    assert run_gui(path, out) == 0
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 1200 and image.height() >= 800
    assert load_settings().last_project == str(path)


def test_first_start_imports_the_demo_articles_after_the_window_is_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The one test that runs the real NLP pipelines (in the import worker)."""
    seen: dict[str, object] = {}

    def shown(window: MainWindow) -> None:
        nlp = sys.modules.get("annotator.nlp")
        seen["visible"] = window.isVisible()
        seen["loaded"] = nlp is not None and (nlp.is_loaded("en") or nlp.is_loaded("fr"))

    out = tmp_path / "demo.png"
    assert run_gui(None, out, on_shown=shown) == 0
    assert seen == {"visible": True, "loaded": False}
    with Project.open(demo_project_path()) as demo:
        assert demo.article_count() >= 1
        assert demo.codebook().categories
        first = demo.articles()[0]
        assert demo.quotes(first.id) or demo.entities(first.id)
    assert load_settings().last_project == str(demo_project_path())
    assert not QImage(str(out)).isNull()
