"""Errors a researcher can hit, with messages that name the file and the reason."""

from __future__ import annotations

from pathlib import Path


class FileProblem(Exception):
    """One input file that could not be used; the rest of a batch goes on."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
