"""Whole project files copied with SQLite's backup API, and a backup's row counts.

The backup service (annotator/services/backup.py) decides where copies go and which are
kept; the file-level SQLite work is here. Errors are ``sqlite3.Error`` or ``OSError``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def read_only_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` read-only (any character in the name is safe)."""
    name = str(path.resolve()).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{name}?mode=ro"


def copy_database(source_path: Path, dest: Path) -> None:
    """A consistent snapshot of ``source_path`` (open or not) as one self-contained file."""
    source = sqlite3.connect(str(source_path), timeout=10)
    try:
        target = sqlite3.connect(str(dest))
        try:
            source.backup(target)
            # A backup is one self-contained file: no -wal or -shm beside it.
            target.execute("PRAGMA journal_mode = DELETE")
            target.commit()
        finally:
            target.close()
    finally:
        source.close()


def restore_database(backup: Path, target_path: Path) -> None:
    """Replace the content of ``target_path`` by ``backup``'s, in one transaction on it."""
    source = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        target = sqlite3.connect(str(target_path), timeout=10)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def count_articles_and_annotations(path: Path) -> tuple[int, int]:
    """How many articles and annotations a project file holds (opened read-only)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        articles = conn.execute("select count(*) from articles").fetchone()[0]
        annotations = conn.execute("select count(*) from annotations").fetchone()[0]
    finally:
        conn.close()
    return int(articles), int(annotations)
