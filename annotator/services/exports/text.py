"""CSV (for SPSS, R and Stata) and JSON Lines exports."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from annotator.core import Codebook
from annotator.services.exports.tables import Table
from annotator.store import Project, streams
from annotator.store.scratch import replacing

#: What a spreadsheet program would run as a formula when a CSV cell begins with it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any, exact: bool = False) -> Any:
    """A value as CSV text; text that a spreadsheet would run as a formula gets a leading '
    (unless ``exact``: for R, Stata or SPSS, where the ' would change the value).

    Numbers stay numbers ("-1" is a code, not a formula), so statistics software reads
    them as written.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if (
        not exact
        and isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _is_number(value)
    ):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def write_csv(table: Table, stream: IO[str], exact: bool = False) -> int:
    """Write a table's header and rows as CSV; returns the number of rows."""
    writer = csv.writer(stream)
    writer.writerow(table.columns)
    count = 0
    for row in table.rows():
        writer.writerow([csv_cell(v, exact) for v in row])
        count += 1
    return count


def _encoding(bom: bool) -> str:
    return "utf-8-sig" if bom else "utf-8"


def write_csv_file(table: Table, out: Path, bom: bool = False, exact: bool = False) -> None:
    """One table as one CSV file (UTF-8, with a byte-order mark when ``bom``)."""
    with replacing(out) as tmp, tmp.open("w", encoding=_encoding(bom), newline="") as stream:
        write_csv(table, stream, exact)


def write_csv_zip(
    tables: Iterable[Table], out: Path, bom: bool = False, exact: bool = False
) -> None:
    """Every table as ``NAME.csv`` in one zip archive."""
    with (
        replacing(out) as tmp,
        zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for table in tables:
            with archive.open(f"{table.name}.csv", "w", force_zip64=True) as raw:
                stream = io.TextIOWrapper(raw, encoding=_encoding(bom), newline="")
                write_csv(table, stream, exact)
                stream.flush()
                stream.detach()


#: Characters that JSON keeps raw inside strings but many readers (Python's splitlines,
#: JavaScript before ES2019) take for line ends; written escaped so each record is one line.
_LINE_BREAKING = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def json_line(record: dict[str, Any]) -> str:
    """One record as one line of JSON, ending with a newline, whatever its text holds."""
    return json.dumps(record, ensure_ascii=False, default=str).translate(_LINE_BREAKING) + "\n"


def write_jsonl(project: Project, codebook: Codebook, out: Path) -> int:
    """One JSON object a line: each article-level value, then each annotation.

    ``{"type": "coding", "article", "coder", "variable", "value"}`` and
    ``{"type": "annotation", "id", "article", "coder", "category", "start", "end", "text",
    "attributes", "memo", ...}``: the keys ``annotator import-annotations`` reads, with
    variables and categories by name and actors by name.
    """
    variables = {v.id: v for v in codebook.variables}
    categories = {c.id: c.name for c in codebook.categories}
    actors = _Actors(project)
    count = 0
    with replacing(out) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as stream:
        for article_id, coder, variable_id, value, modified in streams.codings(project):
            variable = variables.get(variable_id)
            if variable is not None and variable.kind == "actor":
                value = actors.name(article_id, value)
            record = {
                "type": "coding",
                "article": article_id,
                "coder": coder,
                "variable": variable.name if variable else variable_id,
                "value": value,
                "modified": modified,
            }
            stream.write(json_line(record))
            count += 1
        for n in streams.all_annotations(project):
            attributes = {}
            for key, value in n.attributes.items():
                variable = variables.get(key)
                if variable is not None and variable.kind == "actor":
                    value = actors.name(n.article_id, value)
                attributes[variable.name if variable else key] = value
            record = {
                "type": "annotation",
                "id": n.id,
                "article": n.article_id,
                "coder": n.coder,
                "category": categories.get(n.category_id, n.category_id),
                "start": n.start,
                "end": n.end,
                "text": n.text,
                "attributes": attributes,
                "memo": n.memo,
                "created": n.created,
                "modified": n.modified,
            }
            stream.write(json_line(record))
            count += 1
    return count


class _Actors:
    """Actor names of the current article (records come grouped by article)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._article: str | None = None
        self._names: dict[str, str] = {}

    def name(self, article_id: str, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        if article_id != self._article:
            self._article = article_id
            self._names = streams.actor_names(self.project, article_id)
        return self._names.get(value, value)
