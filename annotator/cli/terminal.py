"""What the command line prints is shown as text, never obeyed by the terminal.

File names, zip members, titles and category names come from the researcher's files; an
escape sequence in one (ESC [ ..., a carriage return, a bidi override) would recolour,
rewrite or reorder the terminal's output. Every write to stdout and stderr during a
command shows such characters as escapes (\\x1b, \\u202e); JSON stays valid, since JSON
reads the same escapes inside its strings and has none of these characters outside them.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Iterator
from typing import TextIO

#: C0 controls but tab and line feed, DEL, C1 controls (0x9b starts a sequence too) and
#: the bidi embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def neutralised(text: str) -> str:
    """``text`` with the characters a terminal would act on written as escapes."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


class SafeStream(io.TextIOBase):
    """A text stream that neutralises what is written to ``stream``."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(neutralised(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", None) or "utf-8"


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """Neutralise stdout and stderr for the block (a command), then put them back."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def raw_stream(stream: TextIO) -> TextIO:
    """The stream under a SafeStream, for a progress bar's own carriage returns."""
    return stream.stream if isinstance(stream, SafeStream) else stream
