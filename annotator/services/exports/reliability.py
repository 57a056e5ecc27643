"""The reliability sheet: the agreement report of ``annotator agreement``, as a table."""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl import Workbook

from annotator.core import Codebook
from annotator.services.agreement import project_agreement, write_reliability_sheet
from annotator.services.agreement.from_project import NOT_CODERS
from annotator.services.exports.tables import Row, Table
from annotator.services.machine_coder import (
    UNIT_PREDICTIONS,
    kept_predictions,
    machine_rows,
    machine_unit_rows,
)
from annotator.store import Project

NOTE_COLUMNS = ("variable", "note")


def reliability_table(project: Project, codebook: Codebook) -> Table:
    """The agreement report as a table, or one row that says why there is none."""
    coders = [c for c in project.coders() if c not in NOT_CODERS]
    # The machine is one more coder once a learn report is kept (services.machine_coder).
    machine = machine_rows(project, kept_predictions(project)) + machine_unit_rows(
        project, kept_predictions(project, UNIT_PREDICTIONS)
    )
    if len(coders) < 2 and not machine:
        return _note(
            f"Reliability needs two coders or more; this project has {len(coders)}. "
            "Merge the coders' project files first (annotator merge)."
        )
    rows = (project_agreement(project) if len(coders) >= 2 else []) + machine
    if not rows:
        return _note("No variable or category to compare.")
    # The agreement service writes its sheet into an ordinary workbook; the sheet is small,
    # so it is made there and copied into the streamed export with its number formats.
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
