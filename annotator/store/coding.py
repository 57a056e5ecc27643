"""Codebook, article-level codes, coders, article status and decisions on suggestions."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from annotator.core import (
    ArticleStatus,
    Category,
    Codebook,
    Coding,
    Decision,
    ValueLabel,
    Variable,
    new_id,
    now_iso,
)
from annotator.core.answers import yes_no_value
from annotator.store.rows import (
    category_from_row,
    category_row,
    filters,
    variable_from_row,
    variable_row,
)


class CodingStore:
    """The project's codebook and what coders decided, over ``self.db``."""

    db: sqlite_utils.Database

    # -- codebook --------------------------------------------------------------------------

    def codebook(self) -> Codebook:
        categories = self.db.query("select * from categories order by position, rowid")
        variables = self.db.query("select * from variables order by position, rowid")
        return Codebook(
            [category_from_row(row) for row in categories],
            [variable_from_row(row) for row in variables],
            name=self.project_setting("codebook") or "",
        )

    def save_category(self, category: Category) -> None:
        with self.db.atomic():
            self.db.table("categories").upsert(category_row(category), pk="id")

    def save_variable(self, variable: Variable) -> None:
        """Add or change a variable; values already coded stay (they are keyed by id)."""
        with self.db.atomic():
            self.db.table("variables").upsert(variable_row(variable), pk="id")

    def install_codebook(self, codebook: Codebook) -> None:
        """Add every category and variable of ``codebook`` (those already present are updated)."""
        with self.db.atomic():
            self.db.table("categories").upsert_all(
                [category_row(c) for c in codebook.categories], pk="id"
            )
            self.db.table("variables").upsert_all(
                [variable_row(v) for v in codebook.variables], pk="id"
            )
            if codebook.name:
                self.db.table("project").upsert(
                    {"key": "codebook", "value": codebook.name}, pk="key"
                )

    def category_usage(self, category_id: str) -> int:
        """How many annotations a category and its descendants hold (asked before deleting)."""
        ids = self._descendants(category_id)
        marks = ",".join("?" * len(ids))
        row = self.db.execute(
            f"select count(*) from annotations where category_id in ({marks})", ids
        ).fetchone()
        return int(row[0])

    def delete_category(self, category_id: str) -> int:
        """Delete a category, its children, their variables and codes; returns codes deleted."""
        ids = self._descendants(category_id)
        marks = ",".join("?" * len(ids))
        with self.db.atomic():
            count = self.category_usage(category_id)
            variable_ids = [
                r[0]
                for r in self.db.execute(
                    f"select id from variables where category_id in ({marks})", ids
                ).fetchall()
            ]
            for variable_id in variable_ids:
                self._delete_variable(variable_id)
            self.db.execute(f"delete from annotations where category_id in ({marks})", ids)
            self.db.execute(f"delete from categories where id in ({marks})", ids)
        return count

    def _descendants(self, category_id: str) -> list[str]:
        rows = self.db.execute(
            "with recursive tree(id) as (select ? union all"
            " select c.id from categories c join tree t on c.parent_id = t.id)"
            " select id from tree",
            [category_id],
        ).fetchall()
        return [r[0] for r in rows]

    def variable_usage(self, variable_id: str) -> int:
        """How many values are coded for a variable (asked before deleting it)."""
        row = self.db.execute(
            "select (select count(*) from codings where variable_id = :v)"
            " + (select count(*) from annotations where json_extract(attributes, '$.' || :q)"
            " is not null)",
            {"v": variable_id, "q": json.dumps(variable_id)},
        ).fetchone()
        return int(row[0])

    def delete_variable(self, variable_id: str) -> int:
        """Delete a variable and every value coded for it; returns how many values went."""
        with self.db.atomic():
            return self._delete_variable(variable_id)

    def _delete_variable(self, variable_id: str) -> int:
        count = self.variable_usage(variable_id)
        self.db.execute("delete from codings where variable_id = ?", [variable_id])
        self.db.execute("delete from code_suggestions where variable_id = ?", [variable_id])
        self.db.execute("delete from unit_suggestions where variable_id = ?", [variable_id])
        path = "$." + json.dumps(variable_id)
        self.db.execute(
            "update annotations set attributes = json_remove(attributes, ?)"
            " where json_extract(attributes, ?) is not null",
            [path, path],
        )
        self.db.execute("delete from variables where id = ?", [variable_id])
        return count

    # -- coders ----------------------------------------------------------------------------

    def ensure_coder(self, name: str) -> None:
        """Record a coder by name (no-op if known)."""
        name = name.strip()
        if not name:
            raise ValueError("a coder needs a name")
        with self.db.atomic():
            self.db.execute(
                "insert or ignore into coders (id, name, created) values (?, ?, ?)",
                [new_id(), name, now_iso()],
            )

    def coders(self) -> list[str]:
        return [r[0] for r in self.db.execute("select name from coders order by name").fetchall()]

    # -- article-level codes, status and memos --------------------------------------------

    def set_coding(self, coding: Coding) -> None:
        """Store one coder's value of an article variable (``None`` or "" clears it)."""
        with self.db.atomic():
            if coding.value is None or coding.value == "":
                self.db.execute(
                    "delete from codings where article_id = ? and coder = ? and variable_id = ?",
                    [coding.article_id, coding.coder, coding.variable_id],
                )
                return
            self.ensure_coder(coding.coder)
            coding.value = self.stored_answers({coding.variable_id: coding.value})[
                coding.variable_id
            ]
            coding.modified = now_iso()
            self.db.execute(
                "insert into codings (id, article_id, variable_id, coder, value, modified)"
                " values (?,?,?,?,?,?) on conflict (article_id, coder, variable_id)"
                " do update set value = excluded.value, modified = excluded.modified",
                [
                    coding.id,
                    coding.article_id,
                    coding.variable_id,
                    coding.coder,
                    json.dumps(coding.value, ensure_ascii=False),
                    coding.modified,
                ],
            )

    def stored_answers(self, values: dict[str, Any]) -> dict[str, Any]:
        """Values keyed by variable id as the file keeps them: a yes/no answer as its
        canonical code ``"1"``/``"0"`` whatever its spelling (see ``core.answers``)."""
        if not values:
            return values
        marks = ",".join("?" * len(values))
        rows = self.db.execute(
            f"select id, [values] from variables where kind = 'yesno' and id in ({marks})",
            list(values),
        ).fetchall()
        if not rows:
            return values
        out = dict(values)
        for variable_id, labels in rows:
            codes = [ValueLabel(v["code"], v.get("label", "")) for v in json.loads(labels or "[]")]
            out[variable_id] = yes_no_value(out[variable_id], codes)
        return out

    def codings(self, article_id: str | None = None, coder: str | None = None) -> list[Coding]:
        """Article-level values, filtered by article and/or coder."""
        where, args = filters(article_id=article_id, coder=coder)
        rows = self.db.execute(
            f"select article_id, variable_id, coder, value, id, modified from codings{where}"
            " order by rowid",
            args,
        ).fetchall()
        return [Coding(a, v, c, json.loads(value), i, m) for a, v, c, value, i, m in rows]

    def article_status(self, article_id: str, coder: str) -> ArticleStatus:
        row = self.db.execute(
            "select done, memo, modified from article_status where article_id = ? and coder = ?",
            [article_id, coder],
        ).fetchone()
        if row is None:
            return ArticleStatus(article_id, coder)
        return ArticleStatus(article_id, coder, bool(row[0]), row[1] or "", row[2])

    def set_article_status(self, status: ArticleStatus) -> None:
        """Mark an article done (or not) for a coder and keep their memo on it."""
        status.modified = now_iso()
        with self.db.atomic():
            self.ensure_coder(status.coder)
            self.db.table("article_status").upsert(
                {
                    "article_id": status.article_id,
                    "coder": status.coder,
                    "done": int(status.done),
                    "memo": status.memo,
                    "modified": status.modified,
                },
                pk=("article_id", "coder"),
            )

    def statuses(self, coder: str | None = None) -> list[ArticleStatus]:
        where, args = filters(coder=coder)
        rows = self.db.execute(
            f"select article_id, coder, done, memo, modified from article_status{where}", args
        ).fetchall()
        return [ArticleStatus(a, c, bool(d), m or "", t) for a, c, d, m, t in rows]

    # -- assignments: which articles each coder was given ---------------------------------

    def assign_articles(
        self, article_ids: Iterable[str], coder: str, source: str = "split"
    ) -> None:
        """Record that ``coder`` was given these articles to code (known ones only)."""
        when = now_iso()
        with self.db.atomic():
            self.ensure_coder(coder)
            self.db.conn.executemany(
                "insert or ignore into assignments (article_id, coder, source, assigned)"
                " select id, ?, ?, ? from articles where id = ?",
                [(coder, source, when, a) for a in article_ids],
            )

    def assignments(self, coder: str | None = None) -> list[tuple[str, str]]:
        """(article id, coder) of every article given to a coder to code."""
        where, args = filters(coder=coder)
        rows = self.db.execute(
            f"select article_id, coder from assignments{where} order by rowid", args
        ).fetchall()
        return [(a, c) for a, c in rows]

    # -- decisions on suggestions ----------------------------------------------------------

    def add_decision(self, decision: Decision) -> None:
        """Record that a coder accepted, corrected or rejected a suggestion."""
        with self.db.atomic():
            self._insert_decision(decision)

    def _insert_decision(self, decision: Decision) -> None:
        self.db.table("decisions").upsert(
            {
                "id": decision.id,
                "article_id": decision.article_id,
                "coder": decision.coder,
                "target": decision.target,
                "decision": decision.decision,
                "suggestion": json.dumps(decision.suggestion, ensure_ascii=False),
                "result": json.dumps(decision.result, ensure_ascii=False),
                "annotation_id": decision.annotation_id,
                "created": decision.created,
            },
            pk="id",
        )

    def delete_decision(self, decision_id: str) -> None:
        with self.db.atomic():
            self.db.execute("delete from decisions where id = ?", [decision_id])

    def decisions(self, article_id: str | None = None, coder: str | None = None) -> list[Decision]:
        where, args = filters(article_id=article_id, coder=coder)
        rows = self.db.query(f"select * from decisions{where} order by created, rowid", args)
        return [
            Decision(
                article_id=r["article_id"],
                coder=r["coder"],
                target=r["target"],
                decision=r["decision"],
                suggestion=json.loads(r["suggestion"] or "{}"),
                result=json.loads(r["result"] or "{}"),
                annotation_id=r["annotation_id"],
                id=r["id"],
                created=r["created"],
            )
            for r in rows
        ]

    # -- codes a classifier suggests (annotator suggest) -----------------------------------

    def replace_code_suggestions(
        self, variable_id: str, rows: Iterable[tuple[str, str, float]]
    ) -> None:
        """Make (article id, value, confidence) the variable's suggestions, in one step."""
        made = now_iso()
        with self.db.atomic():
            self.db.execute("delete from code_suggestions where variable_id = ?", [variable_id])
            self.db.conn.executemany(
                "insert into code_suggestions (article_id, variable_id, value, confidence, made)"
                " values (?,?,?,?,?)",
                [(a, variable_id, value, conf, made) for a, value, conf in rows],
            )

    def code_suggestions(self, article_id: str | None = None) -> list[tuple[str, str, str, float]]:
        """(article id, variable id, value, confidence) of the stored suggestions."""
        where, args = filters(article_id=article_id)
        return [
            (a, v, value, float(conf))
            for a, v, value, conf in self.db.execute(
                f"select article_id, variable_id, value, confidence from code_suggestions{where}"
                " order by rowid",
                args,
            ).fetchall()
        ]

    # -- project settings and metadata (the ``project`` key/value table) --------------------

    def project_setting(self, key: str) -> str | None:
        """A value kept in the project file (shared by every coder of the file), or None."""
        row = self.db.execute("select value from project where key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_project_setting(self, key: str, value: str | None) -> None:
        """Keep a value in the project file (None removes it)."""
        with self.db.atomic():
            if value is None:
                self.db.execute("delete from project where key = ?", [key])
            else:
                self.db.table("project").upsert({"key": key, "value": value}, pk="key")

    def all_meta(self) -> dict[str, str]:
        """Every key and value of the ``project`` table (merge copies them)."""
        return {k: v for k, v in self.db.execute("select key, value from project").fetchall()}

    #: The names split and merge use for the same table (the split manifest, name, id).
    meta = project_setting
    set_meta = set_project_setting
