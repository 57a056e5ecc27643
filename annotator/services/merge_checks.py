"""What merge checks in every row a coder's file brings, before it may enter the merged file.

A coder's file is input like any other: edited by another program, damaged, or written by
a buggy version, it can hold spans outside their article, offsets that are not numbers,
attributes that are not JSON, or codes of categories the codebook lacks. Such a row is
refused and reported (file, table, row id, reason); it is never stored and never wins a
conflict over a good row, so the merged file exports and computes agreement as before.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.services.annotation_formats import RecordProblem, strict_json
from annotator.store import Project

#: How many refused rows a report names one by one per file; the rest are counted.
SHOWN = 20


class _Bad(ValueError):
    pass


def refused_lines(path: Path, refused: list[str]) -> list[str]:
    """The report's lines for the rows of ``path`` that were refused."""
    lines = [f"{path}: refused {row}" for row in refused[:SHOWN]]
    if len(refused) > SHOWN:
        lines.append(f"{path}: {len(refused) - SHOWN} more rows refused")
    return lines


def unreadable_codebook(project: Project) -> str:
    """Why the codebook of a coder's file cannot be read (values or examples that are not
    the JSON lists they should be), or "" when it can."""
    try:
        project.codebook()
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return f"its codebook cannot be read ({type(exc).__name__}: {str(exc)[:80]})"
    return ""


class IncomingRows:
    """Checks rows from one coder's file against the merged file's articles and codebook.

    Made once the codebook and the articles are merged: a row must name an article and a
    category or variable the merged file has, and fit inside its article's text.
    """

    def __init__(self, target: Project, refused: list[str]) -> None:
        self.refused = refused
        self.lengths = target.article_lengths()
        self.categories = target.row_ids("categories")
        self.variables = target.row_ids("variables")

    def keep(self, table: str, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """The rows that may be merged; the others are described in ``refused``."""
        check = _CHECKS.get(table)
        kept = []
        for row in rows:
            try:
                if check is not None:
                    check(self, row)
            except _Bad as exc:
                self._refuse(_NAMES.get(table, table), _key(row), str(exc))
            else:
                kept.append(row)
        return kept

    def suggestions(
        self, article_id: str, suggestions: dict[str, list[dict[str, Any]]]
    ) -> dict[str, list[dict[str, Any]]]:
        """An article's machine suggestions without those that do not fit in its text."""
        length = self.lengths.get(article_id)
        kept = dict(suggestions)
        for table in ("entities", "quotes", "mentions"):
            good = []
            for row in suggestions.get(table, []):
                try:
                    if length is None:
                        raise _Bad(f"the article {article_id} is not in the merged file")
                    _span(row, length)
                    if table == "quotes" and row.get("speaker_start") is not None:
                        _span(row, length, "speaker_start", "speaker_end")
                except _Bad as exc:
                    self._refuse(_NAMES[table], f"of article {article_id}", str(exc))
                else:
                    good.append(row)
            kept[table] = good
        return kept

    def _refuse(self, what: str, key: str, reason: str) -> None:
        self.refused.append(f"{what} {key}: {reason}")

    # -- the checks ------------------------------------------------------------------------

    def _article(self, row: dict[str, Any]) -> int:
        article_id = row.get("article_id")
        length = self.lengths.get(article_id) if isinstance(article_id, str) else None
        if length is None:
            raise _Bad(f"names an article that is not in the file ({article_id!r})")
        return length

    def _annotation(self, row: dict[str, Any]) -> None:
        _id(row)
        length = self._article(row)
        _coder(row)
        if row.get("category_id") not in self.categories:
            raise _Bad(f"codes a category the codebook lacks ({row.get('category_id')!r})")
        _span(row, length)
        attributes = _json(row, "attributes", "{}")
        if not isinstance(attributes, dict):
            raise _Bad("its attributes are not a JSON object {variable: value}")
        _texts(row, "text", "memo", "created", "modified")

    def _coding(self, row: dict[str, Any]) -> None:
        self._article(row)
        _coder(row)
        if row.get("variable_id") not in self.variables:
            raise _Bad(f"answers a variable the codebook lacks ({row.get('variable_id')!r})")
        if row.get("value") is None:
            raise _Bad("has no value")
        _json(row, "value", "")
        _texts(row, "modified")

    def _status(self, row: dict[str, Any]) -> None:
        self._article(row)
        _coder(row)
        if row.get("done") not in (0, 1):
            raise _Bad(f"done must be 0 or 1, not {row.get('done')!r}")
        _texts(row, "memo", "modified")

    def _decision(self, row: dict[str, Any]) -> None:
        _id(row)
        self._article(row)
        _coder(row)
        for column in ("suggestion", "result"):
            if not isinstance(_json(row, column, "{}"), dict):
                raise _Bad(f"its {column} is not a JSON object")
        _texts(row, "target", "decision", "annotation_id", "created")

    def _assignment(self, row: dict[str, Any]) -> None:
        self._article(row)
        _coder(row)
        _texts(row, "source", "assigned")


_CHECKS = {
    "annotations": IncomingRows._annotation,
    "codings": IncomingRows._coding,
    "article_status": IncomingRows._status,
    "decisions": IncomingRows._decision,
    "assignments": IncomingRows._assignment,
}


#: A row of each table, as the report names it.
_NAMES = {
    "annotations": "annotation",
    "codings": "article code",
    "article_status": "article status",
    "decisions": "decision",
    "assignments": "assignment",
    "entities": "entity",
    "quotes": "quote",
    "mentions": "mention",
}


def _key(row: dict[str, Any]) -> str:
    if row.get("id"):
        return str(row["id"])
    return " ".join(
        f"{k}={row.get(k)!r}" for k in ("article_id", "coder", "variable_id") if k in row
    )


def _id(row: dict[str, Any]) -> None:
    if not isinstance(row.get("id"), str) or not row["id"]:
        raise _Bad(f"has no id ({row.get('id')!r})")


def _coder(row: dict[str, Any]) -> None:
    coder = row.get("coder")
    if not isinstance(coder, str) or not coder.strip():
        raise _Bad(f"names no coder ({coder!r})")


def _span(row: dict[str, Any], length: int, first: str = "start", last: str = "end") -> None:
    start, end = row.get(first), row.get(last)
    if type(start) is not int or type(end) is not int:
        raise _Bad(f"{first} and {last} must be whole numbers, not {start!r} and {end!r}")
    if start < 0:
        raise _Bad(f"{first} {start} is before the article's first character")
    if end > length:
        raise _Bad(f"{last} {end} is past the end of the article ({length} characters)")
    if start > end:
        raise _Bad(f"{first} {start} is after {last} {end}")


def _json(row: dict[str, Any], column: str, empty: str) -> Any:
    value = row.get(column)
    if value is None or value == "":
        if not empty:
            raise _Bad(f"its {column} is empty")
        value = empty
    if not isinstance(value, str):
        raise _Bad(f"its {column} is not JSON text ({type(value).__name__})")
    try:
        return strict_json(value)
    except json.JSONDecodeError as exc:
        raise _Bad(f"its {column} is not valid JSON ({exc.msg}): {value[:40]!r}") from None
    except RecordProblem as exc:
        raise _Bad(f"its {column}: {exc}") from None


def _texts(row: dict[str, Any], *columns: str) -> None:
    for column in columns:
        value = row.get(column)
        if value is not None and not isinstance(value, str):
            raise _Bad(f"its {column} is not text ({value!r})")
