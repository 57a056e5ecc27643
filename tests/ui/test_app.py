"""run_gui: the screenshot path, and the first start that imports the demo articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from annotator.services.demo import demo_article_files, demo_project_path
from annotator.services.settings import load_settings
from annotator.store import Project
from annotator.ui.app import run_gui


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


FIRST_START = """
import json, sys
from pathlib import Path
from annotator.ui.app import run_gui

seen = {}

def shown(window):
    nlp = sys.modules.get("annotator.nlp")
    seen["visible"] = window.isVisible()
    seen["loaded"] = nlp is not None and (nlp.is_loaded("en") or nlp.is_loaded("fr"))

code = run_gui(None, Path(sys.argv[1]), on_shown=shown)
print(json.dumps({"code": code, **seen}))
"""


def test_first_start_imports_the_demo_articles_after_the_window_is_shown(
    tmp_path: Path, user_data: Path
) -> None:
    """The one UI test that runs the real NLP pipelines (in the import worker).

    A fresh process, so that no earlier test has loaded a pipeline already.
    """
    out = tmp_path / "demo.png"
    env = {**os.environ, "XDG_DATA_HOME": str(user_data), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", FIRST_START, str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"code": 0, "visible": True, "loaded": False}
    with Project.open(demo_project_path()) as demo:
        assert demo.article_count() == len(demo_article_files())
        assert demo.codebook().categories
        first = demo.articles()[0]
        assert demo.quotes(first.id) and demo.entities(first.id)
    assert load_settings().last_project == str(demo_project_path())
    assert not QImage(str(out)).isNull()


def test_the_window_module_does_not_import_spacy() -> None:
    # Importing spaCy alone costs seconds: the window must come up without it.
    code = "import sys, annotator.ui.main_window; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
