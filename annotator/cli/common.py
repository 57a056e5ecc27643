"""What every command shares: exit codes and the terminal progress bar."""

from __future__ import annotations

import sys
from typing import Any

from annotator.cli.terminal import raw_stream

#: 0 done; 1 done in part (some input refused); 2 nothing done (a usage error or a refused
#: project); 3 a bug in Annotator (a crash report was written).
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


def progress_bar() -> Any:
    """A progress bar on a terminal; nothing when the output is piped."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=0, unit="article", file=raw_stream(sys.stderr), dynamic_ncols=True)


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
