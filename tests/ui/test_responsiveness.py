"""The window stays responsive while an import loads the pipelines and pre-annotates.

A 10 ms timer on the GUI thread records the gap between its ticks: the event loop's
latency. With the import on a thread of the GUI's own process, loading the French
pipeline held the GIL for up to 1.5 s (gaps of 1.2-1.5 s, p99 120 ms while loading;
p99 23 ms, max 28 ms once loaded); in a child process both phases stay near 10 ms.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from annotator.store import Project
from annotator.ui.workers import ImportWorker

LATENCY_MS = 100
#: The longest single gap allowed: a loaded test machine (other processes, not counted as
#: run-queue waits when they hold a shared lock) stretches one tick now and then, while an
#: import back on the GUI's own thread blocks it for 1.2-1.5 s while a pipeline loads.
WORST_GAP_MS = 500

EN = (
    "Council vote number {n}\n\n"
    'LEEDS – "We will decide on item {n} tonight," said council leader Sarah Collins.\n\n'
    "The opposition leader, Tom Baker, said the budget for item {n} was too small.\n"
)
FR = (
    "Vote du conseil numéro {n}\n\n"
    "LYON – « Nous déciderons du point {n} ce soir », a déclaré la maire Claire Dubois.\n\n"
    "Le chef de l'opposition, Marc Petit, a estimé que le budget du point {n} était trop faible.\n"
)


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for n in range(count):
        path = folder / f"story-{n:02d}.txt"
        path.write_text((FR if n % 2 else EN).format(n=n), encoding="utf-8")
        paths.append(path)
    return paths


def run_queue_ms() -> float:
    """Time this thread has spent runnable but waiting for a CPU (Linux; 0 elsewhere)."""
    try:
        with open(f"/proc/self/task/{threading.get_native_id()}/schedstat") as fh:
            return int(fh.read().split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return 0.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def test_event_loop_latency_stays_under_100_ms_during_an_import(
    qtbot: QtBot, tmp_path: Path
) -> None:
    files = write_articles(tmp_path / "corpus", 30)
    path = tmp_path / "study.annotator"
    Project.create(path).close()
    worker = ImportWorker(path, files, allow_near_duplicates=True)
    results: dict[str, list] = {"rows": [], "lines": [], "left": [], "progress": []}
    worker.rows.connect(results["rows"].extend)
    worker.succeeded.connect(results["lines"].extend)
    worker.time_left.connect(results["left"].append)
    worker.progressed.connect(lambda *args: results["progress"].append(args))

    # Each gap between ticks, raw and without the time the GUI thread sat runnable
    # waiting for a CPU: the shared test machine may be busy with other work, and
    # that is the OS's doing, not a blocked event loop (a thread waiting for the GIL
    # sleeps, so it still counts).
    raw: list[float] = []
    own: list[float] = []
    last, last_wait = time.perf_counter(), run_queue_ms()

    def tick() -> None:
        nonlocal last, last_wait
        now, wait = time.perf_counter(), run_queue_ms()
        raw.append((now - last) * 1000)
        own.append((now - last) * 1000 - (wait - last_wait))
        last, last_wait = now, wait

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    with qtbot.waitSignal(worker.finished, timeout=60_000):
        worker.start()
    timer.stop()

    # Over the whole import: starting the child, loading both pipelines, analysing.
    assert len(own) > 100
    for name, gaps in (("raw", raw), ("without run-queue waits", own)):
        print(
            f"event-loop gaps {name}: n={len(gaps)} p50={percentile(gaps, 0.5):.0f} ms"
            f" p99={percentile(gaps, 0.99):.0f} ms max={max(gaps):.0f} ms"
        )
    assert percentile(own, 0.99) < LATENCY_MS and max(own) < WORST_GAP_MS

    assert results["lines"][-1].startswith("imported 30 article(s)")
    assert results["rows"] and results["progress"][-1][:2] == (30, 30)
    assert results["left"][-1] == 0.0
    with Project.open(path) as project:
        assert {a.language for a in project.articles()} == {"en", "fr"}


def test_a_failure_in_the_child_reaches_the_window_as_one_line(
    qtbot: QtBot, tmp_path: Path
) -> None:
    worker = ImportWorker(tmp_path / "gone.annotator", [tmp_path / "a.txt"])
    with qtbot.waitSignal(worker.failed, timeout=30_000) as failed:
        worker.start()
    assert failed.args == [f"{tmp_path / 'gone.annotator'}: no such project file"]
    worker.wait()


def test_a_child_that_dies_is_reported_not_waited_for(qtbot: QtBot, tmp_path: Path) -> None:
    files = write_articles(tmp_path / "corpus", 3)
    path = tmp_path / "study.annotator"
    Project.create(path).close()
    worker = ImportWorker(path, files)
    worker.start()

    def child_pid() -> int | None:
        children = multiprocessing.active_children()
        return next((p.pid for p in children if p.name == "annotator-import"), None)

    qtbot.waitUntil(lambda: child_pid() is not None, timeout=10_000)
    pid = child_pid()
    assert pid is not None
    with qtbot.waitSignal(worker.failed, timeout=10_000) as failed:
        os.kill(pid, signal.SIGKILL)
    assert failed.args[0].startswith("The import stopped unexpectedly (exit code -9)")
    worker.wait()


def test_cancel_before_the_first_batch_stores_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    files = write_articles(tmp_path / "corpus", 3)
    path = tmp_path / "study.annotator"
    Project.create(path).close()
    worker = ImportWorker(path, files)
    worker.cancel()
    with qtbot.waitSignal(worker.succeeded, timeout=30_000) as done:
        worker.start()
    assert "cancelled" in done.args[0][-1]
    worker.wait()
    with Project.open(path) as project:
        assert project.article_count() == 0


def test_the_child_process_never_imports_qt() -> None:
    code = (
        "import sys, annotator.ui.import_process, annotator.services.importer;"
        "sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
