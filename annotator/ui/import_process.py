"""The import worker's child process: import_files away from the window's interpreter.

No Qt here, ever: the child is started with the "spawn" method and imports only this
module and what the import needs. Running spaCy in its own process is what keeps the
window responsive: loading a pipeline holds the GIL for up to 1.5 s at a time, which
froze the event loop when the import ran on a thread (tests/ui/test_responsiveness.py).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from annotator.services.errors import user_message
from annotator.services.sources import ReadOptions
from annotator.store import Project

# Messages the child puts on its queue, as tuples headed by one of these.
PROGRESS = "progress"  # (PROGRESS, done, total, current file, articles/s, seconds left or None)
DONE = "done"  # (DONE, report lines, report rows)
FAILED = "failed"  # (FAILED, message for the researcher)

#: Scheduling priority the child lowers itself by (Unix; 19 is the lowest).
CHILD_NICENESS = 10


class _Queue(Protocol):
    def put(self, item: Any) -> None: ...


class _Event(Protocol):
    def is_set(self) -> bool: ...


def run_import(
    project_path: Path,
    files: Sequence[Path],
    language: str,
    options: ReadOptions | None,
    allow_near_duplicates: bool,
    messages: _Queue,
    cancel: _Event,
) -> None:
    """Import files into the project at project_path, reporting through messages."""
    # The window comes first: on two cores, spaCy at full speed beside it is felt.
    if hasattr(os, "nice"):
        os.nice(CHILD_NICENESS)
    try:
        from annotator.nlp.registry import set_pipelines
        from annotator.services.importer import Progress, import_files
        from annotator.services.settings import load_settings

        # The pipelines the researcher chose in Preferences (this is a fresh process).
        set_pipelines(load_settings().pipelines)

        def progress(p: Progress) -> None:
            messages.put((PROGRESS, p.done, p.total, p.current, p.rate, p.seconds_left))

        with Project.open(project_path) as project:
            report = import_files(
                project,
                files,
                language=language,
                progress=progress,
                is_cancelled=cancel.is_set,
                options=options,
                allow_near_duplicates=allow_near_duplicates,
            )
        rows = getattr(report, "rows", report.lines)()
        messages.put((DONE, report.lines(), list(rows)))
    except Exception as exc:  # the window shows it; the child must not die silently
        messages.put((FAILED, user_message(exc)))
