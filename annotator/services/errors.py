"""Errors a researcher can hit, with messages that name the file and the reason."""

from __future__ import annotations

import platform
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

#: Annotator's own code: an error raised here is a bug, never a damaged file.
PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: The crash log keeps the newest reports; it is cut back to about this size.
LOG_LIMIT = 512 * 1024


class FileProblem(Exception):
    """One input file that could not be used; the rest of a batch goes on."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = printable(str(path))
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (a Latin-1 name) become "�"."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte
        return name.encode("utf-8", "replace").decode("utf-8")


def raised_in_annotator(exc: BaseException) -> bool:
    """Whether the innermost frame of ``exc``'s traceback is Annotator's own code."""
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    return Path(tb.tb_frame.f_code.co_filename).resolve().is_relative_to(PACKAGE_DIR)


@contextmanager
def library_errors(path: str | Path, reason: str) -> Iterator[None]:
    """A parsing library's error becomes ``FileProblem(path, "reason (detail)")``.

    Libraries raise all kinds of exceptions on a damaged file, so they cannot be listed;
    an exception raised by Annotator's own code inside the block is a bug, and passes
    through to be reported as one instead of being called a damaged file.
    """
    try:
        yield
    except FileProblem:
        raise
    except Exception as exc:
        if raised_in_annotator(exc):
            raise
        raise FileProblem(path, f"{reason} ({exc or type(exc).__name__})") from None


def crash_report(exc: BaseException, context: str = "") -> str:
    """The report a researcher sends with a bug: what, where, and on what."""
    lines = [
        f"Annotator {_version()} crash report, {datetime.now().isoformat(timespec='seconds')}",
        *([context] if context else []),
        "",
        "".join(traceback.format_exception(exc)).rstrip(),
        "",
        f"Python {platform.python_version()} on {platform.platform()}",
    ]
    return "\n".join(lines)


def write_crash_log(report: str, folder: Path | None = None) -> Path | None:
    """Append the report to crash.log in the user data folder; its path, or None."""
    from annotator.paths import user_data_dir

    try:
        path = (folder or user_data_dir()) / "crash.log"
        old = path.read_text("utf-8", "replace") if path.exists() else ""
        path.write_text((old + "\n\n" + report).lstrip()[-LOG_LIMIT:], encoding="utf-8")
    except OSError:
        return None
    return path


def _version() -> str:
    from annotator import __version__

    return __version__


def is_expected(exc: BaseException) -> bool:
    """Whether ``exc`` is one of the errors a researcher can hit (a message, not a bug)."""
    from annotator.nlp.registry import PipelineMissing
    from annotator.store import ProjectError

    return isinstance(exc, FileProblem | ProjectError | PipelineMissing)


def user_message(exc: BaseException) -> str:
    """The message a researcher reads for ``exc``; unexpected errors also go to stderr."""
    # is_expected imports the store and the NLP registry when first called: errors.py is
    # imported by every reader and must not pull them in at start-up.
    if is_expected(exc):
        return str(exc)
    traceback.print_exception(exc, file=sys.stderr)
    return f"Something went wrong that Annotator did not expect: {exc or type(exc).__name__}"
