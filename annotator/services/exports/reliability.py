"""The reliability sheet: the agreement report on the articles two coders or more coded."""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any

from annotator.core import Codebook
from annotator.services.exports.tables import Row, Table
from annotator.store import Project, streams

#: The coder who holds the adjudicated (gold) version is not a coder for reliability.
ADJUDICATED = "adjudicated"
NOTE_COLUMNS = ("variable", "note")


def reliability_table(project: Project, codebook: Codebook) -> Table:
    """The agreement report as a table, or one row that says why there is none."""
    coders = [c for c in project.coders() if c != ADJUDICATED]
    if len(coders) < 2:
        return _note(
            f"Reliability needs two coders or more; this project has {len(coders)}. "
            "Merge the coders' project files first (annotator merge)."
        )
    try:
        from annotator.services.agreement import agreement_report, write_reliability_sheet
    except ImportError:  # the agreement service is optional for the export
        return _note("The agreement service is not installed in this version.")

    inputs = _report_inputs(project, codebook)
    if not inputs["codings"] and not inputs["spans"]:
        return _note("No article was coded by two coders or more (no overlap to compare).")
    rows = agreement_report(**inputs)
    if not rows:
        return _note("No variable or category to compare.")
    # The agreement service writes the sheet in an ordinary workbook; it is small, so it
    # is built there and copied into the streamed export with its number formats.
    from openpyxl import Workbook

    scratch = write_reliability_sheet(Workbook(), rows)
    values = list(scratch.iter_rows(values_only=True))
    header = tuple(str(v) for v in values[0])
    formats = {
        header[cell.column - 1]: cell.number_format
        for cells in scratch.iter_rows(min_row=2)
        for cell in cells
        if cell.number_format != "General"
    }

    def table_rows() -> Iterator[Row]:
        yield from values[1:]

    return Table("reliability", header, table_rows, formats)


def _note(text: str) -> Table:
    def rows() -> Iterator[Row]:
        yield ("", text)

    return Table("reliability", NOTE_COLUMNS, rows)


def _report_inputs(project: Project, codebook: Codebook) -> dict[str, Any]:
    """The agreement report's inputs, read from the overlap only (articles coded twice)."""
    variables = {v.id: v for v in codebook.article_variables()}
    codings: dict[str, dict[tuple[Hashable, str], Any]] = {}
    actors: dict[str, dict[str, str]] = {}
    for variable_id, article_id, coder, value in streams.overlap_codings(project):
        variable = variables.get(variable_id)
        if variable is None or coder == ADJUDICATED:
            continue
        if variable.kind == "actor" and isinstance(value, str):
            if article_id not in actors:
                actors[article_id] = streams.actor_names(project, article_id)
            value = actors[article_id].get(value, value)
        codings.setdefault(variable.name, {})[(article_id, coder)] = value
    kinds = {v.name: v.kind for v in variables.values() if v.name in codings}
    orders = {
        v.name: [value.code for value in v.values]
        for v in variables.values()
        if v.kind == "ordinal" and v.values and v.name in codings
    }
    names = {c.id: c.name for c in codebook.categories}
    spans: dict[str, list[tuple[Hashable, str, int, int]]] = {}
    lengths: dict[Hashable, int] = {}
    for category_id, article_id, coder, start, end, length in streams.overlap_spans(project):
        if coder == ADJUDICATED:
            continue
        spans.setdefault(names.get(category_id, category_id), []).append(
            (article_id, coder, start, end)
        )
        lengths[article_id] = length
    who: dict[Hashable, list[str]] = {}
    for article_id, coder in streams.annotation_coders(project):
        if coder != ADJUDICATED:
            who.setdefault(article_id, []).append(coder)
    return {
        "codings": codings,
        "kinds": kinds,
        "value_orders": orders,
        "spans": spans,
        "lengths": lengths,
        "coders_by_article": who,
    }
