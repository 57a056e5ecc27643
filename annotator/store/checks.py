"""Checks made on a project file before it is opened: that it is one, and not in use."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from annotator.store.lock import os_error_message
from annotator.store.schema import SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"

__all__ = ["ProjectError", "SQLITE_MAGIC", "check_is_project", "check_not_in_use"]


class ProjectError(Exception):
    """A project file that cannot be opened, with a message for the researcher."""


def check_is_project(path: Path) -> None:
    """Refuse, before anything is written, a file that is not an Annotator project."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise ProjectError(os_error_message(path, exc)) from exc
    if size == 0:
        raise ProjectError(
            f"{path}: the file is empty (0 bytes), not a project; perhaps a copy or a save "
            "that did not finish. Use the project's backup, or the coder's own file"
        )
    if head != SQLITE_MAGIC:
        raise ProjectError(f"{path}: not a project file (it is not an SQLite database)")
    # Nobody has it open for writing when there is no journal beside it: then it is read as
    # it lies (immutable), without the shared-memory file SQLite would otherwise leave there.
    try:
        idle = Path(f"{path}-wal").stat().st_size == 0
    except OSError:
        idle = True
    try:
        conn = connect_uri(path, "ro&immutable=1" if idle else "ro")
    except sqlite3.DatabaseError as exc:
        if "unable to open" in str(exc):
            return  # a WAL file in a read-only folder: the opening itself says why
        raise ProjectError(f"{path}: cannot be opened as a project ({exc})") from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    except sqlite3.DatabaseError as exc:
        if "unable to open" in str(exc) or "readonly" in str(exc):
            return  # as above
        raise ProjectError(f"{path}: cannot be opened as a project ({exc})") from exc
    finally:
        conn.close()
    missing = {"project", "articles", "annotations"} - tables
    if version < 1 or missing:
        what = ", ".join(sorted(missing)) + " tables" if missing else "version"
        raise ProjectError(
            f"{path}: not a project (an SQLite database of another program: it has no "
            f"Annotator {what}); it was left as it was"
        )


def check_not_in_use(path: Path) -> None:
    """Refuse a file another program is writing to (its next codes would be missed).

    Takes the write lock and gives it back at once, which writes nothing; a file that
    cannot be written cannot be in the middle of a write either.
    """
    if not os.access(path, os.W_OK):
        return
    try:
        conn = sqlite3.connect(str(path), timeout=0.2)
    except sqlite3.DatabaseError:
        return  # the opening itself says why
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise ProjectError(in_use_message(path)) from exc
    finally:
        conn.close()


def in_use_message(path: Path) -> str:
    return f"{path}: in use by another program (the file is locked); close it there and try again"


def newer_message(path: Path, version: int) -> str:
    return (
        f"{path}: made by a newer version of Annotator (schema {version}, "
        f"this version reads up to {SCHEMA_VERSION}); please update"
    )


def connect_uri(path: Path, mode: str) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    return sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=10)


def put_in_place(tmp: Path, path: Path) -> None:
    """Move ``tmp`` to ``path`` without ever replacing a file made there meanwhile."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ProjectError(f"{path}: a file with this name already exists") from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise ProjectError(f"{path}: a file with this name already exists") from None
        os.replace(tmp, path)
