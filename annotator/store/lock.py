"""One running app per project: a lock file next to the project, held with an OS lock.

``study.annotator.lock`` holds the process id, computer name and time of the app that has
the project open; the operating system's own lock on it (flock on Unix, a byte-range lock
on Windows) is what decides. The OS drops that lock when the process ends, even by a crash
or a power cut, so a lock file left behind is stale by construction and simply taken over.
Where the file system has no locks (some network shares), the process id decides: a lock
file naming a live process on this computer counts, any other is stale.

The window's import child process and its workers open the project without the lock: they
belong to the app that holds it, and SQLite's own locking (WAL) keeps their writes apart.
``annotator import`` takes the lock as the window does; ``merge`` takes the lock of OUT.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import socket
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

#: Windows: the byte locked, far past the text, so others can still read who holds it.
_WIN_LOCK_OFFSET = 1 << 20
#: Bytes of the lock file that say who holds it (JSON, padded with spaces).
_HOLDER_SIZE = 512


class ProjectLocked(Exception):
    """The project is open in another running Annotator."""

    def __init__(self, path: Path, holder: dict[str, object]) -> None:
        self.path = path
        self.holder = holder
        where = f"process {holder.get('pid', '?')}"
        host = holder.get("host")
        if host and host != socket.gethostname():
            where += f" on {host}"
        since = str(holder.get("since", ""))[11:16]
        if since:
            where += f", since {since}"
        super().__init__(
            f"{path}: already open in another Annotator window or command ({where}). "
            "Close it there or let it finish, or work in that window; two at once on one "
            "project would each miss the other's work."
        )


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".lock")


@dataclass
class ProjectLock:
    """Held while the app has a project open; ``release`` (or process exit) lets it go."""

    path: Path
    fd: int
    os_lock: bool

    @classmethod
    def acquire(cls, project: Path) -> ProjectLock:
        """Take the project's lock; ProjectLocked if another app holds it, OSError if the
        lock file cannot be written (a read-only folder, a full disk)."""
        path = lock_path(project)
        for _ in range(3):
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                os_lock = _try_os_lock(fd)
            except BlockingIOError:
                holder = _read_holder(fd)
                os.close(fd)
                raise ProjectLocked(project, holder) from None
            except BaseException:
                os.close(fd)
                raise
            if not os_lock:
                holder = _read_holder(fd)
                if _alive_here(holder):
                    os.close(fd)
                    raise ProjectLocked(project, holder)
            # The holder we waited for may have deleted the file as it released it:
            # a lock on a deleted file locks nothing, so start again on the new one.
            if _same_file(fd, path):
                lock = cls(path, fd, os_lock)
                try:
                    lock._write_holder()
                except OSError:  # a full disk: give the lock back, the caller says why
                    lock.release()
                    raise
                return lock
            os.close(fd)
        raise ProjectLocked(project, {})

    def _write_holder(self) -> None:
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now().isoformat(timespec="seconds"),
        }
        # Padded to a fixed size: it overwrites whatever a crashed holder left, without
        # truncating (Windows would refuse to cut the file under a lock).
        data = json.dumps(info).encode().ljust(_HOLDER_SIZE)
        os.lseek(self.fd, 0, os.SEEK_SET)
        os.write(self.fd, data)
        os.fsync(self.fd)

    def release(self) -> None:
        if self.fd < 0:
            return
        # Deleted while still held (Unix), so nobody can take a lock on a file about to go.
        if sys.platform != "win32":
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        with contextlib.suppress(OSError):
            os.close(self.fd)
        self.fd = -1
        if sys.platform == "win32":
            with contextlib.suppress(OSError):
                os.unlink(self.path)


def _try_os_lock(fd: int) -> bool:
    """Lock without waiting: True if locked, False if the file system has no locks.

    BlockingIOError when another process holds it.
    """
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError as exc:
            raise BlockingIOError(str(exc)) from exc
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise
    except OSError:  # ENOLCK, EOPNOTSUPP: no locks on this file system
        return False
    return True


def _read_holder(fd: int) -> dict[str, object]:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, _HOLDER_SIZE).decode("utf-8", "replace").strip() or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _alive_here(holder: dict[str, object]) -> bool:
    """Whether the holder named in a lock file is a running process on this computer."""
    pid = holder.get("pid")
    if not isinstance(pid, int) or holder.get("host") != socket.gethostname():
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return True  # no cheap check; Windows file systems have locks anyway
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _same_file(fd: int, path: Path) -> bool:
    if sys.platform == "win32":
        return True  # an open file cannot be deleted there
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except OSError:
        return False


# -- why a project cannot be written ------------------------------------------------------

#: Below this much free space a project is not opened: the first code would not be saved.
MIN_FREE_BYTES = 1 << 20


def read_only_message(project: Path) -> str:
    return (
        f"{project}: the file is read-only, and Annotator saves every code into it as you "
        "make it. Copy it to a folder of yours (or change its permissions), then open the copy."
    )


def read_only_folder_message(project: Path) -> str:
    return (
        f"{project}: the folder {project.parent} is read-only, and Annotator needs to keep its "
        "journal files next to the project. Copy the project to a folder of yours, then open "
        "the copy."
    )


def disk_full_message(project: Path, free: int | None = None) -> str:
    space = f" ({free // 1024} KB free)" if free is not None else ""
    return (
        f"{project}: the disk is full{space}; the project was not opened and nothing in it "
        "was changed. Free some space on that disk, then open it again."
    )


def disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk (or the user's quota, or a size limit) is full."""
    if isinstance(exc, sqlite3.OperationalError):
        return "full" in str(exc).lower()  # SQLITE_FULL: "database or disk is full"
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def free_space(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def access_problem(project: Path) -> str:
    """Why the app could not write this existing project file, or "" when it can."""
    try:
        fd = os.open(project, os.O_RDWR)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return read_only_message(project)
        return ""  # the caller's own opening reports it
    os.close(fd)
    free = free_space(project.parent)
    if free is not None and free < MIN_FREE_BYTES:
        return disk_full_message(project, free)
    return ""


def os_error_message(project: Path, exc: OSError) -> str:
    """A researcher's message for an OSError met while opening the project or its lock."""
    if exc.errno == errno.ENOSPC:
        return disk_full_message(project, free_space(project.parent))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return read_only_folder_message(project)
    return f"{project}: cannot be opened ({exc.strerror or exc})"


def sqlite_error_message(project: Path, exc: Exception) -> str:
    """A researcher's message for an SQLite error met while opening, or "" if none fits."""
    text = str(exc).lower()
    free = free_space(project.parent)
    if "full" in text or (free is not None and free < MIN_FREE_BYTES):
        return disk_full_message(project, free)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        if not os.access(project.parent, os.W_OK):
            return read_only_folder_message(project)
        if "readonly" in text or "read-only" in text:
            return read_only_message(project)
    return ""
