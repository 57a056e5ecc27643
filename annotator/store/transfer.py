"""Bulk copy between project files: the rows split and merge move, as plain dicts.

Rows keep their stable ids; entities, quotes and mentions (integer ids, local to a file)
are copied by content per article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

#: The key each merged table is matched on (its stable id, or its natural key).
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "categories": ("id",),
    "variables": ("id",),
    "articles": ("id",),
    "annotations": ("id",),
    "codings": ("article_id", "coder", "variable_id"),
    "article_status": ("article_id", "coder"),
    "actors": ("id",),
    "decisions": ("id",),
    "assignments": ("article_id", "coder"),
}

#: Tables holding a coder's work, with the column naming the coder.
CODER_TABLES = ("annotations", "codings", "article_status", "decisions", "assignments")

_ARTICLE_TABLES = (
    "entities",
    "quotes",
    "annotations",
    "codings",
    "article_status",
    "decisions",
    "assignments",
    "code_suggestions",
    "unit_suggestions",
)


class TransferStore:
    """Row-level reads and writes for split and merge, over ``self.db``."""

    db: sqlite_utils.Database
    path: Path

    # -- reading ---------------------------------------------------------------------------

    def count_rows(self, table: str) -> int:
        return int(self.db.execute(f"select count(*) from [{table}]").fetchone()[0])

    def article_ids(self) -> list[str]:
        """Every article id, in import order."""
        rows = self.db.execute("select id from articles order by imported_at, rowid").fetchall()
        return [r[0] for r in rows]

    def article_sources(self) -> list[tuple[str, str]]:
        """(id, source file) of every article, to find articles named by their file."""
        return [(r[0], r[1] or "") for r in self.db.execute("select id, source_file from articles")]

    def article_lengths(self) -> dict[str, int]:
        """The length of every article's text, by id, to check offsets against."""
        return dict(self.db.execute("select id, length(text) from articles").fetchall())

    def row_ids(self, table: str) -> set[str]:
        """The ids of every row of ``table`` (categories, variables...)."""
        return {r[0] for r in self.db.execute(f"select id from [{table}]")}

    def text_hashes(self) -> set[str]:
        """The text fingerprints (``text_hash``) of every article, to leave them out of a sample."""
        return {r[0] for r in self.db.execute("select text_hash from articles") if r[0]}

    def table_rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of a merged table, in insertion order."""
        if table not in TABLE_KEYS:
            raise ValueError(f"not a merged table: {table}")
        yield from self.db.query(f"select * from [{table}] order by rowid")

    def find_row(self, table: str, row: dict[str, Any]) -> dict[str, Any] | None:
        """The row of ``table`` with the same key as ``row``, or None."""
        keys = TABLE_KEYS[table]
        where = " and ".join(f"[{k}] = ?" for k in keys)
        # The cursor directly: this runs once per merged row, sqlite-utils' query adds a third.
        cursor = self.db.execute(f"select * from [{table}] where {where}", [row[k] for k in keys])
        found = cursor.fetchone()
        if found is None:
            return None
        return dict(zip([d[0] for d in cursor.description], found, strict=True))

    def article_suggestions(self, article_id: str) -> dict[str, list[dict[str, Any]]]:
        """Entities, quotes, actors and mentions of one article, without their integer ids."""
        return {
            "entities": list(
                self.db.query(
                    "select article_id, start, end, text, label from entities"
                    " where article_id = ? order by id",
                    [article_id],
                )
            ),
            "quotes": list(
                self.db.query(
                    "select article_id, start, end, text, kind, speaker, speaker_start,"
                    " speaker_end, cue, actor_id, speaker_type from quotes where article_id = ?"
                    " order by id",
                    [article_id],
                )
            ),
            "actors": list(
                self.db.query(
                    "select * from actors where article_id = ? order by rowid", [article_id]
                )
            ),
            "mentions": list(
                self.db.query(
                    "select m.actor_id, m.start, m.end, m.text from mentions m"
                    " join actors a on a.id = m.actor_id where a.article_id = ? order by m.id",
                    [article_id],
                )
            ),
        }

    # -- writing (inside the caller's transaction) -----------------------------------------

    def insert_rows(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        if table == "articles":
            rows = self._mark_duplicates(rows)
        columns = list(rows[0])
        names = ", ".join(f"[{c}]" for c in columns)
        marks = ", ".join("?" * len(columns))
        self.db.conn.executemany(
            f"insert into [{table}] ({names}) values ({marks})",
            [[row[c] for c in columns] for row in rows],
        )

    def _mark_duplicates(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Articles whose text this file already holds under another id (imported twice,
        separately) come in as marked duplicates of it: one unmarked article per text."""
        hashes = list({row["text_hash"] for row in rows if row.get("text_hash")})
        first: dict[str, str] = {}
        for start in range(0, len(hashes), 500):
            chunk = hashes[start : start + 500]
            first.update(
                self.db.execute(
                    "select text_hash, id from articles where duplicate_of = ''"
                    f" and text_hash in ({', '.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
            )
        marked = []
        for row in rows:
            row = dict(row)
            fingerprint = row.get("text_hash")
            if not row.get("duplicate_of") and fingerprint:
                holder = first.setdefault(fingerprint, row["id"])
                if holder != row["id"]:
                    row["duplicate_of"] = holder
            marked.append(row)
        return marked

    def replace_row(self, table: str, row: dict[str, Any]) -> None:
        """Overwrite the row with the same key as ``row`` (its key columns stay)."""
        keys = TABLE_KEYS[table]
        columns = [c for c in row if c not in keys and c != "id"]
        sets = ", ".join(f"[{c}] = ?" for c in columns)
        where = " and ".join(f"[{k}] = ?" for k in keys)
        self.db.execute(
            f"update [{table}] set {sets} where {where}",
            [row[c] for c in columns] + [row[k] for k in keys],
        )

    def add_missing_suggestions(
        self, article_id: str, suggestions: dict[str, list[dict[str, Any]]]
    ) -> tuple[int, int]:
        """Add the entities, quotes and actors this file lacks for an article.

        Entities match on offsets and label, quotes on offsets and kind, actors on id; an
        actor a coder edited replaces the machine's version of it. Returns (added, conflicts).
        """
        added = conflicts = 0
        known = {
            (s, e, label)
            for s, e, label in self.db.execute(
                "select start, end, label from entities where article_id = ?", [article_id]
            ).fetchall()
        }
        entities = [
            e for e in suggestions["entities"] if (e["start"], e["end"], e["label"]) not in known
        ]
        self.insert_rows("entities", entities)
        added += len(entities)
        mentions: dict[str, list[dict[str, Any]]] = {}
        for mention in suggestions["mentions"]:
            mentions.setdefault(mention["actor_id"], []).append(mention)
        for actor in suggestions["actors"]:
            existing = self.find_row("actors", actor)
            if existing is None:
                self.insert_rows("actors", [actor])
                self.insert_rows("mentions", mentions.get(actor["id"], []))
                added += 1
            elif existing != actor:
                conflicts += 1
                if existing["source"] == "machine" and actor["source"] == "coder":
                    self.replace_row("actors", actor)
                    self.db.execute("delete from mentions where actor_id = ?", [actor["id"]])
                    self.insert_rows("mentions", mentions.get(actor["id"], []))
        quotes = {
            (s, e, kind): actor_id
            for s, e, kind, actor_id in self.db.execute(
                "select start, end, kind, actor_id from quotes where article_id = ?", [article_id]
            ).fetchall()
        }
        for quote in suggestions["quotes"]:
            key = (quote["start"], quote["end"], quote["kind"])
            if key not in quotes:
                self.insert_rows("quotes", [quote])
                added += 1
            elif quotes[key] is None and quote["actor_id"] is not None:
                self.db.execute(
                    "update quotes set actor_id = ? where article_id = ? and start = ?"
                    " and end = ? and kind = ?",
                    [quote["actor_id"], article_id, *key],
                )
        return added, conflicts

    def copy_suggestions(self, suggestions: dict[str, list[dict[str, Any]]]) -> None:
        """Insert an article's suggestions as read by ``article_suggestions`` elsewhere."""
        self.insert_rows("entities", suggestions["entities"])
        self.insert_rows("actors", suggestions["actors"])
        self.insert_rows("mentions", suggestions["mentions"])
        self.insert_rows("quotes", suggestions["quotes"])

    # -- whole-file operations -------------------------------------------------------------

    def copy_to(self, target: Path) -> None:
        """A consistent copy of the whole file at ``target`` (SQLite's backup API)."""
        dest = sqlite3.connect(str(target))
        try:
            self.db.conn.backup(dest)
        finally:
            dest.close()

    def keep_only(self, article_ids: Collection[str], coder: str | None) -> None:
        """Delete every article not in ``article_ids`` with all that hangs on it; with
        ``coder``, also every other coder's codes, statuses and decisions. Then compacts the
        file, so nothing deleted can be read back from it."""
        with self.db.atomic():
            self.db.execute("create temp table if not exists keep_ids (id text primary key)")
            self.db.execute("delete from keep_ids")
            self.db.conn.executemany(
                "insert or ignore into keep_ids (id) values (?)", [(i,) for i in article_ids]
            )
            gone = "article_id not in (select id from temp.keep_ids)"
            self.db.execute(
                f"delete from mentions where actor_id in (select id from actors where {gone})"
            )
            self.db.execute(f"update quotes set actor_id = null where {gone}")
            for table in (*_ARTICLE_TABLES, "actors"):
                self.db.execute(f"delete from [{table}] where {gone}")
            self.db.execute("delete from articles where id not in (select id from temp.keep_ids)")
            if coder is not None:
                for table in CODER_TABLES:
                    self.db.execute(f"delete from [{table}] where coder != ?", [coder])
                self.db.execute("delete from coders where name != ?", [coder])
            self.db.execute("drop table temp.keep_ids")
            # The search index is rebuilt so the deleted texts leave it too.
            self.db.execute("insert into articles_fts (articles_fts) values ('rebuild')")
        self.db.execute("VACUUM")
