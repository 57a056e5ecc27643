"""The project file's schema, as numbered migrations.

A file records its version in ``PRAGMA user_version``. Opening an older file
runs the missing migrations in one transaction; a newer file is refused.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]


def text_hash(text: str) -> str:
    """Fingerprint used to spot an article imported twice (whitespace and quote marks ignored)."""
    # Spaces are dropped altogether: French guillemets come with and without inner spaces.
    flat = re.sub(r"\s+", "", text).lower()
    flat = re.sub(r"[\"“”«»„‟]", '"', flat).replace("’", "'").replace("‘", "'")
    return hashlib.sha1(flat.encode("utf-8")).hexdigest()


def _v1_initial(db: sqlite_utils.Database) -> None:
    db.table("project").create({"key": str, "value": str}, pk="key")
    db.table("articles").create(
        {
            "id": str,
            "title": str,
            "outlet": str,
            "author": str,
            "date": str,
            "language": str,
            "url": str,
            "source_file": str,
            "text": str,
            "imported_at": str,
        },
        pk="id",
    )
    db.table("coders").create({"id": str, "name": str, "created": str}, pk="id")
    db.table("coders").create_index(["name"], unique=True)
    db.table("categories").create(
        {
            "id": str,
            "parent_id": str,
            "name": str,
            "color": str,
            "shortcut": str,
            "description": str,
            "attributes": str,  # JSON list of attribute specs
            "position": int,
        },
        pk="id",
    )
    db.table("annotations").create(
        {
            "id": str,
            "article_id": str,
            "coder": str,
            "category_id": str,
            "start": int,
            "end": int,
            "text": str,
            "attributes": str,  # JSON object
            "memo": str,
            "created": str,
            "modified": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("category_id", "categories", "id")],
    )
    # Machine suggestions live apart from what coders decided.
    db.table("entities").create(
        {"id": int, "article_id": str, "start": int, "end": int, "text": str, "label": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("quotes").create(
        {
            "id": int,
            "article_id": str,
            "start": int,
            "end": int,
            "text": str,
            "kind": str,
            "speaker": str,
            "speaker_start": int,
            "speaker_end": int,
            "cue": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )


def _v2_section_hash_indexes(db: sqlite_utils.Database) -> None:
    articles = db.table("articles")
    articles.add_column("section", str, not_null_default="")
    articles.add_column("text_hash", str)
    for row in db.query("select id, text from articles"):
        db.execute(
            "update articles set text_hash = ? where id = ?", [text_hash(row["text"]), row["id"]]
        )
    articles.create_index(["text_hash"])
    for table in ("annotations", "entities", "quotes"):
        db.table(table).create_index(["article_id"])


def _v3_original_text_near_duplicates(db: sqlite_utils.Database) -> None:
    # Empty original_text means the text was stored as read (nothing was cleaned).
    articles = db.table("articles")
    articles.add_column("original_text", str, not_null_default="")
    articles.add_column("near_duplicate_of", str, not_null_default="")


MIGRATIONS: list[Migration] = [
    _v1_initial,
    _v2_section_hash_indexes,
    _v3_original_text_near_duplicates,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, target: int = SCHEMA_VERSION) -> int:
    """Bring ``db`` up to ``target``; returns the version it had before."""
    before = schema_version(db)
    if before >= target:
        return before
    with db.atomic():
        for number in range(before, target):
            MIGRATIONS[number](db)
        db.execute(f"PRAGMA user_version = {int(target)}")
    return before
