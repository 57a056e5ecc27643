"""The tables of a coding-study export, each a header and a stream of rows.

The .xlsx workbook writes one sheet per table and the CSV export one file per table, so
both formats always hold the same columns. Rows are generated from SQL cursors as they
are written: nothing here holds a whole project in memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core import ADJUDICATED, Codebook, Variable
from annotator.services import frames
from annotator.services.exports.values import as_date, as_datetime, variable_value
from annotator.store import Project, streams

Row = Sequence[Any]

ARTICLE_COLUMNS = (
    "article_id",
    "title",
    "outlet",
    "author",
    "date",
    "language",
    "section",
    "url",
    "source_file",
    "imported_at",
    "words",
    "annotations",
    "near_duplicate_of",
)
#: ``gold`` is 1 on the adjudicated version (coder "adjudicated"), 0 on the coders' own.
CODING_COLUMNS = (
    "article_id",
    "title",
    "outlet",
    "date",
    "language",
    "coder",
    "gold",
    "assigned",
    "done",
    "spans",
)
UNIT_COLUMNS = ("unit_id", "article_id", "title", "outlet", "date", "coder", "gold", "category")
UNIT_TAIL = ("text", "start", "end", "memo")
ANNOTATION_COLUMNS = (
    "annotation_id",
    "article_id",
    "article_title",
    "outlet",
    "date",
    "coder",
    "category",
    "parent_category",
    "text",
    "start",
    "end",
    "attributes",
    "memo",
    "created",
    "modified",
)
QUOTE_COLUMNS = (
    "article_id",
    "article_title",
    "kind",
    "speaker",
    "speaker_type",
    "actor",
    "speaker_gender",
    "cue",
    "text",
    "start",
    "end",
)
ACTOR_COLUMNS = (
    "article_id",
    "article_title",
    "actor_id",
    "name",
    "type",
    "gender",
    "source",
    "mentions",
    "quotes",
)
CODEBOOK_COLUMNS = (
    "level",
    "category",
    "parent_category",
    "variable",
    "label",
    "type",
    "required",
    "code",
    "value_label",
    "description",
    "color",
    "shortcut",
)


@dataclass
class Table:
    """One sheet of the export: its name, header and a function that streams its rows."""

    name: str
    columns: tuple[str, ...]
    rows: Callable[[], Iterator[Row]]
    #: Number formats by column name, for the .xlsx export ("0.0%", "0.000").
    formats: dict[str, str] = field(default_factory=dict)
    #: The codebook variable behind each coded column (labels for SPSS, Stata and R).
    variables: dict[str, Variable] = field(default_factory=dict)


class _ArticleInfo:
    """Title, outlet and date of the current article (rows come grouped by article)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._id: str | None = None
        self._info: tuple[str, str, Any] = ("", "", None)
        self._language = ""
        self._actors: dict[str, str] = {}

    def get(self, article_id: str) -> tuple[str, str, Any]:
        self._load(article_id)
        return self._info

    def language(self, article_id: str) -> str:
        self._load(article_id)
        return self._language

    def actors(self, article_id: str) -> dict[str, str]:
        self._load(article_id)
        return self._actors

    def _load(self, article_id: str) -> None:
        if article_id == self._id:
            return
        row = streams.article_header(self.project, article_id)
        self._id = article_id
        self._info = (row[0] or "", row[1] or "", as_date(row[2])) if row else ("", "", None)
        self._language = (row[3] or "") if row else ""
        self._actors = streams.actor_names(self.project, article_id)


def unique_names(variables: Sequence[Variable], taken: Sequence[str]) -> list[str]:
    """Column names for variables: their short names, made unique against ``taken``."""
    seen = set(taken)
    names = []
    for variable in variables:
        name, n = variable.name or variable.id, 2
        while name in seen:
            name, n = f"{variable.name}_{n}", n + 1
        seen.add(name)
        names.append(name)
    return names


def articles_table(project: Project) -> Table:
    def rows() -> Iterator[Row]:
        for a in streams.article_meta(project):
            yield (
                a.id,
                a.title,
                a.outlet,
                a.author,
                as_date(a.date),
                a.language,
                a.section,
                a.url,
                a.source_file,
                as_datetime(a.imported_at),
                a.words,
                a.annotations,
                a.near_duplicate_of,
            )

    return Table("articles", ARTICLE_COLUMNS, rows)


def coding_table(project: Project, codebook: Codebook, scores: FrameScores | None = None) -> Table:
    """One row per article and coder (every coder given the article, and whoever coded or
    marked it: a row with empty answers is missing data), one column per article-level
    variable."""
    variables = codebook.article_variables()
    names = unique_names(variables, CODING_COLUMNS)
    taken = {*CODING_COLUMNS, *names}
    score_names = [n if n not in taken else f"{n}_score" for n in (scores.names if scores else ())]

    def rows() -> Iterator[Row]:
        info = _ArticleInfo(project)
        for article_id, coder, assigned, done, spans, values in streams.coder_rows(project):
            title, outlet, day = info.get(article_id)
            actors = info.actors(article_id)
            language = info.language(article_id)
            gold = int(coder == ADJUDICATED)
            row: list[Any] = [article_id, title, outlet, day, language, coder, gold]
            row += [int(assigned), int(done)]
            row.append(spans)
            row.extend(variable_value(v, values.get(v.id), actors) for v in variables)
            if scores:
                row.extend(scores.compute(article_id, coder, values))
            yield row

    described = dict(zip(names, variables, strict=True))
    if scores:
        described.update(zip(score_names, _score_variables(codebook, scores.names), strict=True))
    return Table("coding", (*CODING_COLUMNS, *names, *score_names), rows, variables=described)


def _score_variables(codebook: Codebook, names: Sequence[str]) -> list[Variable]:
    """Each frame score described as a number variable: its label and rule."""
    items = frames.frame_items(codebook)
    return [
        Variable(
            name,
            f"{frames.FRAMES.get(name, name)} frame score",
            "number",
            description=frames.score_rule(items.get(name, [])),
        )
        for name in names
    ]


def units_table(project: Project, codebook: Codebook) -> Table:
    """Claims, quotes and other units, one row each, their attributes as columns."""
    unit_ids = [c.id for c in codebook.categories if codebook.is_unit(c.id)]
    variables = [v for c in unit_ids for v in codebook.unit_variables(c)]
    # Variables with the same short name in two unit categories share a column.
    columns: dict[str, list[str]] = {}
    reserved = {*UNIT_COLUMNS, *UNIT_TAIL}
    for variable in variables:
        name = variable.name or variable.id
        columns.setdefault(f"{name}_value" if name in reserved else name, []).append(variable.id)
    by_id = {v.id: v for v in variables}
    names = {c.id: c.name for c in codebook.categories}

    def rows() -> Iterator[Row]:
        info = _ArticleInfo(project)
        for n in streams.all_annotations(project, unit_ids):
            title, outlet, day = info.get(n.article_id)
            actors = info.actors(n.article_id)
            row: list[Any] = [n.id, n.article_id, title, outlet, day, n.coder]
            row.append(int(n.coder == ADJUDICATED))
            row.append(names.get(n.category_id, n.category_id))
            for ids in columns.values():
                key = next((i for i in ids if i in n.attributes), None)
                value = n.attributes.get(key) if key else None
                row.append(variable_value(by_id[key], value, actors) if key else None)
            row.extend((n.text, n.start, n.end, n.memo))
            yield row

    described = {column: by_id[ids[0]] for column, ids in columns.items()}
    return Table("units", (*UNIT_COLUMNS, *columns, *UNIT_TAIL), rows, variables=described)


def annotations_table(project: Project, codebook: Codebook) -> Table:
    """One row per annotation (the long layout), unit values as JSON by variable name."""
    names = {c.id: c.name for c in codebook.categories}
    parents = {c.id: names.get(c.parent_id or "", "") for c in codebook.categories}
    variables = {v.id: v for v in codebook.variables}

    def rows() -> Iterator[Row]:
        info = _ArticleInfo(project)
        for n in streams.all_annotations(project):
            title, outlet, day = info.get(n.article_id)
            attributes = ""
            if n.attributes:
                actors = info.actors(n.article_id)
                named = {}
                for key, value in n.attributes.items():
                    variable = variables.get(key)
                    if variable is None:
                        named[key] = value
                    else:
                        named[variable.name] = variable_value(variable, value, actors)
                attributes = json.dumps(named, ensure_ascii=False, default=str)
            yield (
                n.id,
                n.article_id,
                title,
                outlet,
                day,
                n.coder,
                names.get(n.category_id, n.category_id),
                parents.get(n.category_id, ""),
                n.text,
                n.start,
                n.end,
                attributes,
                n.memo,
                as_datetime(n.created),
                as_datetime(n.modified),
            )

    return Table("annotations", ANNOTATION_COLUMNS, rows)


def quotes_table(project: Project) -> Table:
    """The quotes pre-annotation suggested, with speaker and actor."""

    def rows() -> Iterator[Row]:
        info = _ArticleInfo(project)
        for (
            article_id,
            kind,
            speaker,
            speaker_type,
            cue,
            text,
            start,
            end,
            actor,
            gender,
        ) in streams.quote_rows(project):
            title = info.get(article_id)[0]
            yield (
                article_id,
                title,
                kind,
                speaker or "",
                speaker_type or "",
                actor or "",
                gender or "",
                cue or "",
                text,
                start,
                end,
            )

    return Table("quotes", QUOTE_COLUMNS, rows)


def actors_table(project: Project) -> Table:
    def rows() -> Iterator[Row]:
        info = _ArticleInfo(project)
        for (
            article_id,
            actor_id,
            name,
            kind,
            gender,
            source,
            mentions,
            quotes,
        ) in streams.actor_rows(project):
            title = info.get(article_id)[0]
            yield (article_id, title, actor_id, name, kind, gender, source, mentions, quotes)

    return Table("actors", ACTOR_COLUMNS, rows)


def codebook_table(codebook: Codebook) -> Table:
    """One row per category, and one per variable and value (the layout codebooks are kept in)."""
    names = {c.id: c.name for c in codebook.categories}

    def variable_rows(level: str, category: str, parent: str, v: Variable) -> Iterator[Row]:
        head = (level, category, parent, v.name, v.label, v.kind, int(v.required))
        values = list(v.values)
        if v.kind == "yesno" and not values:
            yield (*head, 1, "yes", v.description, "", "")
            yield (*head, 0, "no", v.description, "", "")
            return
        if not values:
            yield (*head, None, "", v.description, "", "")
        for value in values:
            shown = variable_value(v, value.code, {}) if v.kind != "actor" else value.code
            yield (*head, shown, value.label, v.description, "", "")

    def rows() -> Iterator[Row]:
        for c in codebook.categories:
            parent = names.get(c.parent_id or "", "")
            head = ("span", c.name, parent, "", "", "", "", None, "")
            yield (*head, c.description, c.color, c.shortcut)
            for v in codebook.unit_variables(c.id):
                yield from variable_rows("unit", c.name, parent, v)
        for v in codebook.article_variables():
            yield from variable_rows("article", "", "", v)
        taken = {*CODING_COLUMNS, *unique_names(codebook.article_variables(), CODING_COLUMNS)}
        for frame, items in frames.frame_items(codebook).items():
            name = frame if frame not in taken else f"{frame}_score"
            label = f"{frames.FRAMES[frame]} frame score"
            rule = frames.score_rule(items)
            yield ("score", "", "", name, label, "score", 0, None, "", rule, "", "")

    return Table("codebook", CODEBOOK_COLUMNS, rows)


class FrameScores:
    """Frame scores computed from an article's answers (see ``services.frames``)."""

    def __init__(
        self, names: Sequence[str], compute: Callable[[str, str, dict[str, Any]], list[Any]]
    ) -> None:
        self.names = tuple(names)
        #: (article id, coder, values by variable id) -> one score per name, None if unanswered
        self.compute = compute
