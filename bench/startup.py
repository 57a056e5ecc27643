"""Startup benchmark: time until the window is shown, and no spaCy pipeline loaded by then.

Each case runs in a fresh process (imports and pipelines are per process) under
QT_QPA_PLATFORM=offscreen. The baseline, measured in the same run, is a bare PySide6
program showing an empty QMainWindow; the cases and the baseline run in turns, ROUNDS
times, and the medians are compared. Run with ``python -m bench.startup``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.sizes import size

ROUNDS = size(5, 1)

# Runs in the child: argv[1] is a project path, or "" for a first start (demo import).
_CHILD = r"""
import time
started = time.perf_counter()
import json, os, sys
from pathlib import Path
from annotator.ui.app import run_gui

def shown(window):
    nlp = sys.modules.get("annotator.nlp")
    result = {
        "seconds": time.perf_counter() - started,
        "visible": window.isVisible(),
        "fr": bool(nlp and nlp.is_loaded("fr")),
        "en": bool(nlp and nlp.is_loaded("en")),
        "spacy_imported": "spacy" in sys.modules,
    }
    print("RESULT " + json.dumps(result), flush=True)
    # Done measuring: do not wait for a demo import to load its pipelines.
    os._exit(0)

run_gui(Path(sys.argv[1]) if sys.argv[1] else None, None, on_shown=shown)
"""

# The baseline child: a bare Qt program, measured the same way.
_BARE = r"""
import time
started = time.perf_counter()
import json, os
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
window.show()

def shown():
    result = {"seconds": time.perf_counter() - started, "visible": window.isVisible()}
    print("RESULT " + json.dumps(result), flush=True)
    os._exit(0)

QTimer.singleShot(0, shown)
app.exec()
"""


def _project(folder: Path) -> Path:
    from annotator.core import Analysis, Article, Entity
    from annotator.services.codebooks import starter_codebook
    from annotator.store import Project

    path = folder / "bench.annotator"
    with Project.create(path) as project:
        project.install_codebook(starter_codebook())
        for i in range(200):
            text = f"Article {i}. The minister Jane Smith visited Lyon on Monday. " * 40
            entity = Entity(23, 33, "Jane Smith", "PERSON")
            project.add_article(
                Article(text=text, title=f"Article {i}", outlet="Bench"),
                Analysis("en", [entity]),
            )
    return path


def _child(
    project: Path | None, data_home: Path, script: str = _CHILD
) -> tuple[dict[str, object], float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data_home))
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", script, str(project) if project else ""],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    wall = time.perf_counter() - started
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :]), wall
    raise RuntimeError(f"the window was never shown:\n{out.stderr[-2000:]}")


def run() -> list[tuple[str, float, str]]:
    """(name, ratio, detail) rows; a time is a ratio against the bare Qt window's."""
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = {"open_project": _project(folder), "first_start_demo": None}
        seconds: dict[str, list[float]] = {name: [] for name in ("bare", *cases)}
        last: dict[str, dict[str, object]] = {}
        for round_ in range(ROUNDS):
            result, _ = _child(None, folder, _BARE)
            seconds["bare"].append(float(str(result["seconds"])))
            for name, project in cases.items():
                data_home = folder / f"data-{name}-{round_}"  # a first start each round
                data_home.mkdir()
                last[name], _ = _child(project, data_home)
                seconds[name].append(float(str(last[name]["seconds"])))
        bare = statistics.median(seconds["bare"])
        for name in cases:
            shown = statistics.median(seconds[name])
            rows.append(
                (
                    f"startup.{name}.window_shown / bare Qt window",
                    shown / bare,
                    f"window shown {shown * 1000:.0f} ms after the script started; a bare "
                    f"PySide6 QMainWindow {bare * 1000:.0f} ms (medians of {ROUNDS}, in turns)",
                )
            )
            result = last[name]
            idle = not result["fr"] and not result["en"]
            rows.append(
                (
                    f"startup.{name}.no_pipeline_loaded_at_show",
                    1.0 if idle and result["visible"] else 0.0,
                    f"is_loaded fr={result['fr']} en={result['en']}, "
                    f"spaCy imported={result['spacy_imported']}",
                )
            )
    return rows


if __name__ == "__main__":
    for row_name, ratio, detail in run():
        print(f"{row_name}\t{ratio:.2f}\t{detail}")
