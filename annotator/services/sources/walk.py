"""Which files a chosen folder holds for an import: the one walk the import and the window use.

Inside a folder only regular files are read (a named pipe called ``data.csv`` would wait
for ever), links are followed only while they stay inside the folder (a link to a system
file is no article), and hidden files and folders (.git, .DS_Store, macOS "._" copies) and
Office lock files ("~$report.docx") are passed over. A file named on its own is always
tried; ``read_path`` still refuses one that is not a regular file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.services.errors import FileProblem


@dataclass(slots=True)
class Found:
    """The files to read, in order, and what was passed over with a reason."""

    files: list[Path] = field(default_factory=list)
    skipped: list[FileProblem] = field(default_factory=list)


def hidden(name: str) -> bool:
    return name.startswith((".", "~$")) or name == "__MACOSX"


def walk_paths(paths: Iterable[str | Path], suffixes: Iterable[str]) -> Found:
    """The files among ``paths`` and inside its folders (walked recursively) to import."""
    wanted = {s.lower() for s in suffixes}
    found = Found()
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.files.append(path)
            continue
        _walk_folder(path, wanted, found)
    return found


def _walk_folder(root: Path, wanted: set[str], found: Found) -> None:
    try:
        inside = root.resolve(strict=True)
    except OSError as exc:
        found.skipped.append(FileProblem(root, f"cannot be read ({exc.strerror or exc})"))
        return
    files: list[Path] = []
    for folder, subfolders, names in os.walk(root):  # links to folders are not walked into
        subfolders[:] = [name for name in subfolders if not hidden(name)]
        for name in subfolders:
            link = Path(folder, name)
            if link.is_symlink() and not _stays_inside(link, inside):
                found.skipped.append(_left(link, "folder"))
        for name in names:
            if hidden(name) or Path(name).suffix.lower() not in wanted:
                continue
            path = Path(folder, name)
            problem = _not_readable(path, inside)
            if problem is None:
                files.append(path)
            else:
                found.skipped.append(problem)
    found.files.extend(sorted(files))


def _not_readable(path: Path, inside: Path) -> FileProblem | None:
    """Why a file inside the walked folder is not read, or None to read it."""
    try:
        if path.is_symlink() and path.exists() and not _stays_inside(path, inside):
            return _left(path, "file")
        mode = path.stat().st_mode
    except FileNotFoundError:
        return FileProblem(path, "a link to a file that does not exist; skipped")
    except OSError as exc:
        return FileProblem(path, f"cannot be read ({exc.strerror or exc})")
    if not stat.S_ISREG(mode):
        return FileProblem(path, f"not a regular file ({_kind(mode)}); only files are read")
    return None


def _stays_inside(link: Path, inside: Path) -> bool:
    try:
        return link.resolve(strict=True).is_relative_to(inside)
    except OSError:  # broken, or a loop
        return False


def _left(link: Path, what: str) -> FileProblem:
    try:
        target = os.readlink(link)
    except OSError:
        target = "?"
    return FileProblem(
        link, f"a link to a {what} outside the folder ({target}); not followed, skipped"
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a plain file"
