"""Files a command writes before putting them in place, named after the process writing them.

A merge, a split, an export or a new project is first written to ``.NAME.KIND-PID`` next to
its target and moved over the target only when whole. A process killed half-way (SIGKILL, a
power cut) cannot remove its own copy; the next run that writes the same target removes
every copy whose process is no longer alive, and leaves the copies of live ones alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: What SQLite keeps next to a database while it is open.
_SIDECARS = ("-wal", "-shm", "-journal")
#: The folder of one run's temporary files is this and its process id (``private_tempdir``).
_TEMPDIR_PREFIX = "annotator-"


def scratch_path(target: Path, kind: str) -> Path:
    """Where this process writes ``target`` before moving it into place."""
    return target.with_name(f".{target.name}.{kind}-{os.getpid()}")


@contextlib.contextmanager
def replacing(target: Path, kind: str = "writing") -> Iterator[Path]:
    """Where to write ``target``: a scratch file moved over ``target`` when the block ends
    without error, removed when it fails. Copies left by dead processes go first."""
    remove_dead_leftovers(target, (kind,))
    tmp = scratch_path(target, kind)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        remove_scratch(tmp)


def remove_scratch(path: Path) -> None:
    """Remove a scratch file and whatever SQLite kept next to it."""
    for leftover in (path, *(Path(f"{path}{s}") for s in _SIDECARS)):
        with contextlib.suppress(OSError):
            leftover.unlink()


def remove_dead_leftovers(target: Path, kinds: tuple[str, ...]) -> list[Path]:
    """Remove the scratch copies of ``target`` left by processes that are no longer alive."""
    pattern = re.compile(
        rf"\.{re.escape(target.name)}\.(?:{'|'.join(map(re.escape, kinds))})-(\d+)\Z"
    )
    removed: list[Path] = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return removed
    for name in names:
        match = pattern.match(name)
        if match and not pid_alive(int(match.group(1))):
            path = target.with_name(name)
            remove_scratch(path)
            removed.append(path)
    return removed


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running on this computer."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        kernel.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


@contextlib.contextmanager
def private_tempdir() -> Iterator[Path | None]:
    """Send the temporary files of this run (and of its children) to a folder of its own.

    Libraries write temporary files a SIGKILL leaves behind (openpyxl's sheets, unpacked
    archives); in ``annotator-PID`` they are found and removed by the next run, with the
    folders of every other dead process. Yields the folder (None if it cannot be made),
    removes it at the end and puts the previous temporary folder back.
    """
    base = Path(tempfile.gettempdir())
    if base.name.startswith(_TEMPDIR_PREFIX):  # a child of a run that already did this
        yield base
        return
    with contextlib.suppress(OSError):
        for entry in base.iterdir():
            match = re.fullmatch(rf"{_TEMPDIR_PREFIX}(\d+)", entry.name)
            if match and not pid_alive(int(match.group(1))) and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
    own = base / f"{_TEMPDIR_PREFIX}{os.getpid()}"
    try:
        own.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        yield None
        return
    before, before_env = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir = str(own)
    os.environ["TMPDIR"] = str(own)
    try:
        yield own
    finally:
        tempfile.tempdir = before
        if before_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = before_env
        shutil.rmtree(own, ignore_errors=True)
