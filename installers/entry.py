"""The frozen app's entry point: the same ``annotator`` command as the pip-installed one.

``freeze_support`` must run first: the import runs in a "spawn" child process, which in a
frozen app is this same executable started again with multiprocessing's arguments.
A project file double-clicked in the file manager arrives as the only argument (the Linux
.desktop file's ``%f``, Windows' ``"%1"``): it is opened in the window.
"""

import multiprocessing
import sys
from pathlib import Path

COMMANDS = {"analyze", "import", "export", "open"}


def arguments(argv: list[str]) -> list[str]:
    """The command line, with a lone project file turned into ``open FILE``."""
    if len(argv) == 1 and argv[0] not in COMMANDS and Path(argv[0]).is_file():
        return ["open", argv[0]]
    return argv


if __name__ == "__main__":
    multiprocessing.freeze_support()
    from annotator.cli import main

    raise SystemExit(main(arguments(sys.argv[1:])))
