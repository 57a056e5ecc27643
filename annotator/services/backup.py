"""Rolling backups of a project file, made with SQLite's backup API, and restoring one.

Backups live in the user's data folder, not next to the project:
``<data folder>/backups/<project name>-<first 8 characters of the project id>/``. A copy on
the same disk as the project would be lost with its folder (a deleted folder, a lost USB
stick, a full or read-only network share), and would fill shared or synced folders with
copies. The folder is named by the project's id, so a moved or renamed project keeps its
backups. The newest ``KEEP`` backups are kept; a backup identical to the newest one is not
kept twice, so opening a project ten times without coding does not push out older states.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from annotator.paths import user_data_dir
from annotator.store.files import (
    copy_database,
    count_articles_and_annotations,
    restore_database,
)

#: How many backups of a project are kept.
KEEP = 10
SUFFIX = ".annotator"
_STAMP = "%Y-%m-%d_%H%M%S"
_NAME = re.compile(r"^(?P<stem>.*) (?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})(?:-(?P<n>\d+))?\.annotator$")


class BackupError(Exception):
    """A backup that could not be made or restored, with a message for the researcher."""


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file, as the Restore dialog lists it."""

    path: Path
    made: datetime
    articles: int
    annotations: int
    #: "" when the file reads as a project; otherwise why it does not.
    problem: str = ""


def backup_folder(project_path: Path, project_id: str, root: Path | None = None) -> Path:
    """Where the backups of this project go (not created)."""
    root = root if root is not None else user_data_dir() / "backups"
    key = re.sub(r"[^\w.-]+", "_", project_path.stem).strip("_") or "project"
    ident = re.sub(r"[^\w-]+", "", project_id)[:8]
    return root / (f"{key}-{ident}" if ident else key)


def make_backup(project_path: Path, folder: Path, keep: int = KEEP) -> Path:
    """Copy the project into ``folder`` with SQLite's backup API; return the backup's path.

    Safe while the project is open and being written: the backup is a consistent snapshot.
    A half-written backup never appears under a backup's name. When the new backup is
    identical to the newest one, that one is returned and no new file is kept.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"{folder}: cannot create the backup folder ({_reason(exc)})") from exc
    final = _free_name(folder, project_path.stem)
    partial = final.with_name(final.name + ".partial")
    try:
        copy_database(project_path, partial)
        newest = list_backup_files(folder)
        if (
            newest
            and newest[0].stat().st_size == partial.stat().st_size
            and filecmp.cmp(newest[0], partial, shallow=False)
        ):
            partial.unlink()
            return newest[0]
        os.replace(partial, final)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise BackupError(f"{project_path}: backup not made ({_reason(exc)})") from exc
    prune(folder, keep)
    return final


def restore_backup(backup: Path, project_path: Path, folder: Path, keep: int = KEEP) -> Path:
    """Replace the project's content by the backup's; the current content is backed up first.

    Returns the backup of the current content. The copy is one SQLite transaction on the
    project file: if it fails, the project is left as it was. Close the project's other
    connections in this process first (the window re-opens it afterwards).
    """
    check = read_backup(backup)
    if check.problem:
        raise BackupError(f"{backup.name}: cannot be restored ({check.problem})")
    before = make_backup(project_path, folder, keep=keep + 1)
    try:
        restore_database(backup, project_path)
    except sqlite3.Error as exc:
        raise BackupError(f"{project_path}: not restored, left as it was ({_reason(exc)})") from exc
    prune(folder, keep)
    return before


def list_backup_files(folder: Path) -> list[Path]:
    """The backup files in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if _NAME.match(p.name)]
    return sorted(files, key=_sort_key, reverse=True)


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first, with their article and annotation counts."""
    return [read_backup(p) for p in list_backup_files(folder)]


def read_backup(path: Path) -> Backup:
    """Date and counts of one backup (a backup that does not read is listed with its problem)."""
    made = _made(path)
    try:
        articles, annotations = count_articles_and_annotations(path)
    except sqlite3.Error as exc:
        return Backup(path, made, 0, 0, problem=_reason(exc))
    return Backup(path, made, articles, annotations)


def prune(folder: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups; return the deleted ones."""
    old = list_backup_files(folder)[keep:]
    for path in old:
        with contextlib.suppress(OSError):
            path.unlink()
    return old


def _free_name(folder: Path, stem: str) -> Path:
    """A new name that sorts after every backup already made, even within one second."""
    stamp = datetime.now().strftime(_STAMP)
    taken = [_sort_key(p)[1] for p in list_backup_files(folder) if _sort_key(p)[0] == stamp]
    if not taken:
        return folder / f"{stem} {stamp}{SUFFIX}"
    return folder / f"{stem} {stamp}-{max(taken) + 1}{SUFFIX}"


def _sort_key(path: Path) -> tuple[str, int]:
    match = _NAME.match(path.name)
    assert match is not None
    return match["stamp"], int(match["n"] or 1)


def _made(path: Path) -> datetime:
    match = _NAME.match(path.name)
    if match is not None:
        with contextlib.suppress(ValueError):
            return datetime.strptime(match["stamp"], _STAMP)
    return datetime.fromtimestamp(path.stat().st_mtime)


def _reason(exc: BaseException) -> str:
    text = str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror
    if "disk is full" in text or "No space left" in text:
        return "the disk is full"
    return text
