"""Startup benchmark: time until the window is shown, and no spaCy pipeline loaded by then.

Each case runs in a fresh process (imports and pipelines are per process) under
QT_QPA_PLATFORM=offscreen. Run with ``python -m bench.startup``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_SECONDS = 2.0

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


def _child(project: Path | None, data_home: Path) -> tuple[dict[str, object], float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data_home))
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(project) if project else ""],
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
    """(name, ratio, detail) rows; the ratio of a time is against BUDGET_SECONDS."""
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = {"open_project": _project(folder), "first_start_demo": None}
        for name, project in cases.items():
            data_home = folder / f"data-{name}"
            data_home.mkdir()
            result, wall = _child(project, data_home)
            seconds = float(str(result["seconds"]))
            rows.append(
                (
                    f"startup.{name}.window_shown",
                    seconds / BUDGET_SECONDS,
                    f"window shown {seconds * 1000:.0f} ms after the interpreter started the "
                    f"script ({wall * 1000:.0f} ms wall incl. Python start; "
                    f"budget {BUDGET_SECONDS * 1000:.0f} ms)",
                )
            )
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
