"""Codes a classifier suggests for units (annotator suggest): a claim's position, a quote's
stance, predicted for a unit whose variable is not coded yet. Suggestions, never codes."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from annotator.core import now_iso
from annotator.store.rows import filters


class UnitSuggestionStore:
    """Reads and writes of ``unit_suggestions``, over ``self.db``."""

    db: sqlite_utils.Database

    def replace_unit_suggestions(
        self, variable_id: str, rows: Iterable[tuple[str, str, str, float]]
    ) -> None:
        """Make (annotation id, article id, value, confidence) the unit variable's
        suggestions, in one step."""
        made = now_iso()
        with self.db.atomic():
            self.db.execute("delete from unit_suggestions where variable_id = ?", [variable_id])
            self.db.conn.executemany(
                "insert into unit_suggestions"
                " (annotation_id, variable_id, article_id, value, confidence, made)"
                " values (?,?,?,?,?,?)",
                [(u, variable_id, a, value, conf, made) for u, a, value, conf in rows],
            )

    def unit_suggestions(self, article_id: str | None = None) -> list[tuple[str, str, str, float]]:
        """(annotation id, variable id, value, confidence) of the stored suggestions whose
        unit is still there."""
        where, args = filters(**{"s.article_id": article_id})
        return [
            (u, v, value, float(conf))
            for u, v, value, conf in self.db.execute(
                "select s.annotation_id, s.variable_id, s.value, s.confidence"
                " from unit_suggestions s join annotations n on n.id = s.annotation_id"
                f"{where} order by s.rowid",
                args,
            ).fetchall()
        ]
