"""Errors a researcher can hit, with messages that name the file and the reason."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path


class FileProblem(Exception):
    """One input file that could not be used; the rest of a batch goes on."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def user_message(exc: BaseException) -> str:
    """The message a researcher reads for ``exc``; unexpected errors also go to stderr."""
    # Imported here: the store and the NLP registry are cheap, but errors.py is imported
    # by every reader and must not pull them in at start-up.
    from annotator.nlp.registry import PipelineMissing
    from annotator.store import ProjectError

    if isinstance(exc, FileProblem | ProjectError | PipelineMissing):
        return str(exc)
    traceback.print_exception(exc, file=sys.stderr)
    return f"Something went wrong that Annotator did not expect: {exc or type(exc).__name__}"
