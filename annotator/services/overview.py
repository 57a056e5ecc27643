"""The tables behind the overview charts: codes per outlet, a stance over time, most
quoted actors and frame prevalence. Each is a plain ``Table`` that the window draws
and that can be saved as .csv or .xlsx (the figures behind every chart)."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from annotator.core import Codebook, Variable
from annotator.core.answers import yes_no
from annotator.services.frames import FRAMES, frame_items, frame_scores
from annotator.services.messages import Message
from annotator.services.sheet_cells import append_row, save_book
from annotator.store import Project, streams

ChartKind = Literal["bar", "stacked", "line"]
#: Names a variable must have to be drawn as "stance over time" (the first one found).
STANCE_NAMES = ("stance", "position", "tone")


@dataclass(slots=True)
class Table:
    """A small table: a label column then one column per series; ``chart`` says how to draw it."""

    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    chart: ChartKind = "bar"
    #: Shown instead of a chart when there is nothing to draw.
    empty_reason: str = ""

    def series(self) -> list[str]:
        return self.columns[1:]

    def write_csv(self, path: str | Path) -> None:
        with Path(path).open("w", newline="", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh)
            writer.writerow(self.columns)
            writer.writerows(self.rows)


def overview_tables(project: Project, coder: str | None = None) -> list[Table]:
    """Every overview table, for one coder's codes or everyone's."""
    codebook = project.codebook()
    return [
        codes_per_outlet(project, codebook, coder),
        stance_over_time(project, codebook, coder),
        most_quoted_actors(project),
        frame_prevalence(project, codebook, coder),
        *quoted_people_by_gender(project),
    ]


def codes_per_outlet(project: Project, codebook: Codebook, coder: str | None = None) -> Table:
    """How many spans each top-level category holds, per outlet (children count for parents)."""
    top = {c.id: _root(codebook, c.id) for c in codebook.categories}
    names = {c.id: c.name for c in codebook.categories}
    roots = [c.id for c in codebook.categories if c.parent_id is None]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for outlet, category_id, count in streams.span_counts_by_outlet(project, coder):
        counts[outlet or "(no outlet)"][top.get(category_id, category_id)] += count
    used = [r for r in roots if any(c[r] for c in counts.values())]
    table = Table(
        Message("Codes per outlet"), ["outlet", *(names[r] for r in used)], chart="stacked"
    )
    table.rows = [[outlet, *(counts[outlet][r] for r in used)] for outlet in sorted(counts)]
    if not table.rows:
        table.empty_reason = Message("No codes yet.")
    return table


def stance_variable(codebook: Codebook) -> Variable | None:
    """The variable drawn over time: the first named stance, position or tone."""
    for name in STANCE_NAMES:
        for variable in codebook.variables:
            if variable.name.casefold() == name and variable.kind in ("nominal", "ordinal"):
                return variable
    return None


def stance_over_time(project: Project, codebook: Codebook, coder: str | None = None) -> Table:
    """Counts of each value of the stance variable per month of publication."""
    variable = stance_variable(codebook)
    if variable is None:
        return Table(
            Message("Stance over time"),
            ["month"],
            chart="line",
            empty_reason=Message("The codebook has no variable named stance, position or tone."),
        )
    dates = dict(streams.article_months(project))
    values: list[tuple[str, Any]] = []
    if variable.level == "unit":
        for annotation in project.annotations(coder=coder):
            if variable.id in annotation.attributes:
                values.append((annotation.article_id, annotation.attributes[variable.id]))
    else:
        values = [
            (c.article_id, c.value)
            for c in project.codings(coder=coder)
            if c.variable_id == variable.id
        ]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id, value in values:
        month = dates.get(article_id) or "(no date)"
        counts[month][variable.value_label(value)] += 1
    labels = [v.label or v.code for v in variable.values] or sorted(
        {label for c in counts.values() for label in c}
    )
    table = Table(
        Message("{0} over time", variable.label or variable.name), ["month", *labels], chart="line"
    )
    table.rows = [[month, *(counts[month][label] for label in labels)] for month in sorted(counts)]
    if not table.rows:
        table.empty_reason = Message("No article is coded for {0} yet.", variable.name)
    return table


def most_quoted_actors(project: Project, limit: int = 15) -> Table:
    """Actors with the most quotes (as suggested and corrected), all articles together."""
    table = Table(Message("Most quoted actors"), ["actor", "quotes"])
    table.rows = [[name, count] for name, count in streams.most_quoted(project, limit)]
    if not table.rows:
        table.empty_reason = Message("No quote has a speaker yet.")
    return table


def quoted_people_by_gender(project: Project) -> tuple[Table, Table]:
    """Who is given a voice: quoted people by gender per outlet (counts), and the share of
    women among those of known gender per month (each person counted once per article)."""
    outlets: dict[str, Counter[str]] = defaultdict(Counter)
    months: dict[str, Counter[str]] = defaultdict(Counter)
    for outlet, month, gender in streams.quoted_people(project):
        outlets[outlet or "(no outlet)"][gender] += 1
        months[month or "(no date)"][gender] += 1
    by_outlet = Table(
        Message("Quoted people by gender, per outlet"),
        ["outlet", "women", "men", "unknown"],
        chart="stacked",
    )
    by_outlet.rows = [
        [outlet, c["female"], c["male"], c["unknown"]] for outlet, c in sorted(outlets.items())
    ]
    by_month = Table(
        Message("Share of women among quoted people"),
        ["month", "women (% of known gender)"],
        chart="line",
    )
    by_month.rows = [
        [month, round(100 * c["female"] / (c["female"] + c["male"]), 1)]
        for month, c in sorted(months.items())
        if c["female"] + c["male"]
    ]
    if not by_outlet.rows:
        by_outlet.empty_reason = Message("No quote has a person as its speaker yet.")
    if not by_month.rows:
        by_month.empty_reason = Message("No quoted person has a known gender yet.")
    return by_outlet, by_month


def frame_prevalence(project: Project, codebook: Codebook, coder: str | None = None) -> Table:
    """Mean frame score (0-1) over coded articles; without frame questions, share of yes."""
    codings = project.codings(coder=coder)
    table = Table(Message("Frame prevalence"), ["frame", "mean score"])
    if frame_items(codebook):
        scores = frame_scores(codebook, codings)
        for frame, label in FRAMES.items():
            found = [s[frame] for s in scores.values() if s.get(frame) is not None]
            if found:
                table.rows.append(
                    [label, round(sum(v for v in found if v is not None) / len(found), 3)]
                )
    else:
        table.columns = ["variable", "share of yes"]
        answers: dict[str, list[int]] = defaultdict(list)
        yes_no_vars = {v.id: v for v in codebook.article_variables() if v.kind == "yesno"}
        for coding in codings:
            if coding.variable_id in yes_no_vars:
                answer = yes_no(coding.value, yes_no_vars[coding.variable_id].values)
                if answer is not None:
                    answers[coding.variable_id].append(answer)
        for variable_id, given in answers.items():
            variable = yes_no_vars[variable_id]
            table.rows.append([variable.label or variable.name, round(sum(given) / len(given), 3)])
    if not table.rows:
        table.empty_reason = Message("No frame question is answered yet.")
    return table


def write_tables_xlsx(tables: Iterable[Table], path: str | Path) -> None:
    """Every table on a sheet of its own."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.title))
        append_row(sheet, table.columns)
        for row in table.rows:
            append_row(sheet, row)  # an actor or outlet named like a formula stays text
        sheet.freeze_panes = "A2"
    save_book(book, Path(path))


def _sheet_name(title: str) -> str:
    return "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]


def _root(codebook: Codebook, category_id: str) -> str:
    seen = set()
    category = codebook.by_id(category_id)
    while category is not None and category.parent_id and category.id not in seen:
        seen.add(category.id)
        parent = codebook.by_id(category.parent_id)
        if parent is None:
            break
        category = parent
    return category.id if category is not None else category_id
