"""A project file: one SQLite database holding articles, codebook, coders and annotations.

Every public method that changes data commits before it returns, so whatever
the window shows as saved survives a crash. Open one ``Project`` per thread.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import sqlite_utils

from annotator.core import (
    Analysis,
    Annotation,
    Article,
    Entity,
    Quote,
    new_id,
    now_iso,
)
from annotator.store.actors import ActorStore
from annotator.store.checks import (
    ProjectError,
    check_is_project,
    check_not_in_use,
    connect_uri,
    in_use_message,
    newer_message,
    put_in_place,
)
from annotator.store.coding import CodingStore
from annotator.store.listing import ListingStore
from annotator.store.lock import (
    ProjectLock,
    ProjectLocked,
    access_problem,
    os_error_message,
    sqlite_error_message,
)
from annotator.store.rows import (
    annotation_from_row,
    annotation_row,
    article_from_row,
    article_row,
    filters,
    fts_query,
)
from annotator.store.schema import SCHEMA_VERSION, altered, migrate, schema_version, text_hash
from annotator.store.scratch import remove_dead_leftovers, remove_scratch, scratch_path
from annotator.store.suggestions import UnitSuggestionStore
from annotator.store.transfer import TransferStore


class WriterDatabase(sqlite_utils.Database):
    """A database whose write transactions take the write lock when they begin.

    sqlite-utils begins a transaction with a plain (deferred) BEGIN: its first write then
    upgrades a read snapshot, and when another process wrote in between, SQLite cannot
    wait for it and fails at once with "database is locked" (two imports sharing a project).
    BEGIN IMMEDIATE waits, up to the busy timeout, for the other writer instead.
    """

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        if self.conn.in_transaction:
            with super().atomic() as db:  # nested: a savepoint
                yield db
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()


class Project(ListingStore, ActorStore, CodingStore, TransferStore, UnitSuggestionStore):
    """Repository over one project file."""

    def __init__(self, path: Path, db: sqlite_utils.Database) -> None:
        self.path = path
        self.db = db

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, name: str = "") -> Project:
        """Create a new, empty project file (refuses to overwrite an existing file).

        The file is made whole under a temporary name and then put in place, so a full
        disk or a crash never leaves a half-made or empty project under ``path``.
        """
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise ProjectError(f"{path}: a file with this name already exists")
        if not path.parent.is_dir():
            raise ProjectError(f"{path}: the folder {path.parent} does not exist")
        remove_dead_leftovers(path, ("creating",))
        tmp = scratch_path(path, "creating")
        try:
            project = cls._connect(tmp)
            try:
                with project.db.atomic():
                    project.db.table("project").insert_all(
                        [
                            {"key": "id", "value": new_id()},
                            {"key": "name", "value": name or path.stem},
                            {"key": "created", "value": now_iso()},
                        ]
                    )
                # Closing folds the journal into the file: what is moved is all there is.
                project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.DatabaseError as exc:
                raise ProjectError(
                    sqlite_error_message(path, exc) or f"{path}: cannot be created ({exc})"
                ) from exc
            finally:
                project.db.close()
            put_in_place(tmp, path)
        except OSError as exc:
            raise ProjectError(os_error_message(path, exc)) from exc
        finally:
            remove_scratch(tmp)
        return cls._connect(path)

    #: The instance lock, held while the window has the project open (see store.lock).
    _lock: ProjectLock | None = None

    @classmethod
    def open(
        cls,
        path: str | Path,
        create: bool = False,
        exclusive: bool = False,
        read_only: bool = False,
    ) -> Project:
        """Open a project file, upgrading an older schema; ``create`` makes it if missing.

        ``exclusive``: refuse a project another running Annotator has open, and hold it
        until ``close`` (the window and the import command do this).
        ``read_only``: for commands that only read (export, split, agreement, the inputs of
        a merge): nothing is written to the file, so a read-only file opens too; an older
        schema is upgraded in a copy in memory.
        A file that is not a project is refused before anything is written to it.
        """
        path = Path(path)
        if not path.exists():
            if not create:
                raise ProjectError(f"{path}: no such project file")
            try:
                created = cls.create(path)
            except ProjectError:
                if not path.exists():
                    raise
                # Made meanwhile by another process (two imports started at once): open it.
            else:
                if not exclusive:
                    return created
                created.close()
        if path.is_dir():
            raise ProjectError(f"{path}: is a folder, not a project file")
        check_is_project(path)
        if read_only:
            return cls._connect_read_only(path)
        problem = access_problem(path)
        if problem:
            raise ProjectError(problem)
        lock = None
        if exclusive:
            try:
                lock = ProjectLock.acquire(path)
            except ProjectLocked as exc:
                raise ProjectError(str(exc)) from exc
            except OSError as exc:
                raise ProjectError(os_error_message(path, exc)) from exc
        try:
            project = cls._connect(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        project._lock = lock
        return project

    @classmethod
    def _connect(cls, path: Path) -> Project:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
            db = WriterDatabase(conn)
            version = schema_version(db)
            if version > SCHEMA_VERSION:
                raise ProjectError(newer_message(path, version))
            db.enable_wal()
            db.execute("PRAGMA foreign_keys = ON")
            # FULL: a code shown as saved survives a power cut too, not only a crash.
            db.execute("PRAGMA synchronous = FULL")
            migrate(db)
            if problem := altered(path, db):
                raise ProjectError(problem)
            # Take and release the write lock now: a file another program holds is
            # reported on opening, not as a failed save in the middle of coding.
            db.execute("PRAGMA busy_timeout = 2000")
            db.execute("BEGIN IMMEDIATE")
            db.execute("ROLLBACK")
            db.execute("PRAGMA busy_timeout = 10000")
        except ProjectError:
            if conn is not None:
                conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.OperationalError) and (
                "locked" in str(exc) or "busy" in str(exc)
            ):
                raise ProjectError(in_use_message(path)) from exc
            message = sqlite_error_message(path, exc)
            raise ProjectError(message or f"{path}: cannot be opened as a project ({exc})") from exc
        except OSError as exc:
            if conn is not None:
                conn.close()
            raise ProjectError(os_error_message(path, exc)) from exc
        return cls(path, db)

    @classmethod
    def _connect_read_only(cls, path: Path) -> Project:
        conn: sqlite3.Connection | None = None
        try:
            conn = connect_uri(path, "ro")
            db = sqlite_utils.Database(conn)
            version = schema_version(db)
            if version > SCHEMA_VERSION:
                raise ProjectError(newer_message(path, version))
            if version < SCHEMA_VERSION:
                # Upgraded in memory: the file stays as it is, readable by its own version.
                memory = sqlite3.connect(":memory:", check_same_thread=False)
                conn.backup(memory)
                conn.close()
                conn = memory
                db = sqlite_utils.Database(conn)
                migrate(db)
            if problem := altered(path, db):
                raise ProjectError(problem)
            db.execute("PRAGMA query_only = ON")
        except ProjectError:
            if conn is not None:
                conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise ProjectError(f"{path}: cannot be opened as a project ({exc})") from exc
        return cls(path, db)

    def close(self) -> None:
        self.db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def roll_back_open_transaction(self) -> None:
        """Undo what an error left half-written (the crash handler calls it): committed
        codes stay, nothing of an unfinished write is kept."""
        try:
            if self.db.conn.in_transaction:
                self.db.conn.rollback()
        except sqlite3.Error:
            pass

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def name(self) -> str:
        return self.meta("name") or self.path.stem

    @property
    def project_id(self) -> str:
        return self.meta("id") or ""

    # -- articles --------------------------------------------------------------------------

    def add_article(self, article: Article, analysis: Analysis | None = None) -> bool:
        """Store an article and, if given, its machine suggestions, in one transaction.

        False, and nothing stored, when the project already has an article with this text.
        """
        return not self.add_articles([(article, analysis)])

    def add_articles(self, items: Iterable[tuple[Article, Analysis | None]]) -> list[Article]:
        """Store a batch of articles with their suggestions in one transaction.

        Returns the articles left out because the project already has their text: the
        check is the insert itself (a unique key), so it holds against another process
        importing the same files at the same moment.
        """
        left_out: list[Article] = []
        with self.db.atomic():
            for article, analysis in items:
                if not self._insert_article(article):
                    left_out.append(article)
                elif analysis is not None:
                    self._replace_suggestions(article.id, analysis)
        return left_out

    def _insert_article(self, article: Article) -> bool:
        row = article_row(article)
        row["text_hash"] = text_hash(article.text)
        names = ", ".join(f"[{c}]" for c in row)
        try:
            self.db.execute(
                f"insert into articles ({names}) values ({', '.join('?' * len(row))})",
                list(row.values()),
            )
        except sqlite3.IntegrityError as exc:
            if "text_hash" not in str(exc):
                raise
            return False
        return True

    def article(self, article_id: str) -> Article:
        rows = list(self.db.query("select * from articles where id = ?", [article_id]))
        if not rows:
            raise KeyError(article_id)
        return article_from_row(rows[0])

    def article_count(self) -> int:
        return int(self.db.execute("select count(*) from articles").fetchone()[0])

    def iter_articles(self) -> Iterator[Article]:
        for row in self.db.query("select * from articles order by imported_at, rowid"):
            yield article_from_row(row)

    def find_duplicate(self, text: str) -> str | None:
        """The id of an article with the same text (whitespace and quote marks ignored)."""
        row = self.db.execute(
            "select id from articles where text_hash = ? limit 1", [text_hash(text)]
        ).fetchone()
        return row[0] if row else None

    def update_article(self, article: Article) -> None:
        row = article_row(article)
        row["text_hash"] = text_hash(article.text)
        with self.db.atomic():
            # A text edited into another article's becomes a duplicate of it, marked so.
            other = self.db.execute(
                "select id from articles where text_hash = ? and id != ? and duplicate_of = ''"
                " limit 1",
                [row["text_hash"], article.id],
            ).fetchone()
            row["duplicate_of"] = other[0] if other else ""
            self.db.table("articles").update(article.id, row)

    # -- machine suggestions ---------------------------------------------------------------

    def save_analysis(self, article_id: str, analysis: Analysis) -> None:
        """Replace the entities and quotes suggested for an article."""
        with self.db.atomic():
            self._replace_suggestions(article_id, analysis)
            self.db.execute(
                "update articles set language = ? where id = ?", [analysis.language, article_id]
            )

    def _replace_suggestions(self, article_id: str, analysis: Analysis) -> None:
        self.db.execute("delete from entities where article_id = ?", [article_id])
        self.db.execute("delete from quotes where article_id = ?", [article_id])
        self._replace_machine_actors(article_id, analysis.actors)
        if analysis.entities:
            self.db.conn.executemany(
                "insert into entities (article_id, start, end, text, label) values (?,?,?,?,?)",
                [(article_id, e.start, e.end, e.text, e.label) for e in analysis.entities],
            )
        if analysis.quotes:
            self.db.conn.executemany(
                "insert into quotes (article_id, start, end, text, kind, speaker, speaker_start,"
                " speaker_end, cue, actor_id, speaker_type) values (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        article_id,
                        q.start,
                        q.end,
                        q.text,
                        q.kind,
                        q.speaker,
                        q.speaker_start,
                        q.speaker_end,
                        q.cue,
                        q.actor_id,
                        q.speaker_type,
                    )
                    for q in analysis.quotes
                ],
            )
            self._relink_quotes(article_id)

    def entities(self, article_id: str) -> list[Entity]:
        rows = self.db.execute(
            "select start, end, text, label from entities where article_id = ? order by start",
            [article_id],
        ).fetchall()
        return [Entity(*row) for row in rows]

    def quotes(self, article_id: str) -> list[Quote]:
        rows = self.db.execute(
            "select start, end, text, kind, speaker, speaker_start, speaker_end, cue, actor_id,"
            " speaker_type from quotes where article_id = ? order by start",
            [article_id],
        ).fetchall()
        return [Quote(*row) for row in rows]

    # -- search ----------------------------------------------------------------------------

    def search(self, query: str, limit: int = 200) -> list[tuple[str, str, str]]:
        """(article id, title, snippet) of articles matching a full-text query, best first.

        Words are matched as prefixes, accents ignored; a phrase in double quotes is a phrase.
        """
        match = fts_query(query)
        if not match:
            return []
        rows = self.db.execute(
            "select a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 12)"
            " from articles_fts join articles a on a.rowid = articles_fts.rowid"
            " where articles_fts match ? order by rank limit ?",
            [match, limit],
        ).fetchall()
        return [(r[0], r[1] or "", r[2] or "") for r in rows]

    # -- annotations -----------------------------------------------------------------------

    def add_annotation(self, annotation: Annotation) -> None:
        """Save one coded span; it is on disk when this returns."""
        article = self.db.execute(
            "select substr(text, ?, ?) from articles where id = ?",
            [annotation.start + 1, annotation.end - annotation.start, annotation.article_id],
        ).fetchone()
        if article is None:
            raise KeyError(f"no article {annotation.article_id}")
        if article[0] != annotation.text:
            raise ValueError("annotation text does not match the article at its offsets")
        self.ensure_coder(annotation.coder)
        annotation.attributes = self.stored_answers(annotation.attributes)
        with self.db.atomic():
            self.db.table("annotations").insert(annotation_row(annotation), pk="id")

    def update_annotation(self, annotation: Annotation) -> None:
        annotation.modified = now_iso()
        annotation.attributes = self.stored_answers(annotation.attributes)
        with self.db.atomic():
            self.db.table("annotations").update(annotation.id, annotation_row(annotation))

    def delete_annotation(self, annotation_id: str) -> None:
        with self.db.atomic():
            self.db.execute("delete from annotations where id = ?", [annotation_id])

    def annotations(
        self, article_id: str | None = None, coder: str | None = None
    ) -> list[Annotation]:
        """Coded spans, filtered by article and/or coder (in text order for one article)."""
        where, args = filters(article_id=article_id, coder=coder)
        order = "start, end" if article_id is not None else "created, rowid"
        rows = self.db.query(f"select * from annotations{where} order by {order}", args)
        return [annotation_from_row(row) for row in rows]

    def annotation(self, annotation_id: str) -> Annotation | None:
        rows = list(self.db.query("select * from annotations where id = ?", [annotation_id]))
        return annotation_from_row(rows[0]) if rows else None


__all__ = ["Project", "ProjectError", "WriterDatabase", "check_is_project", "check_not_in_use"]
