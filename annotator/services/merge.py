"""Merge coders' project files into one, by stable ids: nothing duplicated, nothing lost.

Every row that matters has a UUID (articles, categories, variables, annotations, actors,
decisions) or a natural key (a coder's value of a variable for an article, a coder's status
of an article), so the same row met twice is recognised. When it differs between files,
the newest ``modified`` wins (on a tie, the file named later) and the report counts a
conflict. A code deleted in one file
but present in another comes back: merging is a union.

The merged file is written next to OUT under a temporary name and moved over OUT at the
end, so a refusal or a failure half-way leaves OUT as it was.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.services.merge_checks import IncomingRows, refused_lines, unreadable_codebook
from annotator.services.merge_codebook import (
    CodebooksConflict,
    Remap,
    check_codebooks,
    same_definitions,
)
from annotator.store import Project, ProjectError
from annotator.store.lock import ProjectLock, ProjectLocked
from annotator.store.project import check_not_in_use
from annotator.store.scratch import remove_dead_leftovers, remove_scratch, scratch_path

#: What the report counts, in the order it prints them.
KINDS = (
    "articles",
    "annotations",
    "codings",
    "statuses",
    "decisions",
    "assignments",
    "codebook",
    "suggestions",
)
#: How many rows between two progress reports.
_PROGRESS_EVERY = 200
#: How many rows are read, checked and inserted at a time.
_BATCH = 500

Progress = Callable[[int, int, str], None]


class MergeRefused(Exception):
    """A merge that was not done (OUT untouched), with a message for the researcher."""


@dataclass(slots=True)
class Counts:
    added: int = 0
    present: int = 0
    conflicts: int = 0


@dataclass(slots=True)
class FileReport:
    """What one input brought to the merged file."""

    path: Path
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    #: Rows not merged because they cannot be right (see merge_checks), with why.
    refused: list[str] = field(default_factory=list)

    def line(self) -> str:
        parts = []
        for kind in ("articles", "annotations", "codings"):
            c = self.counts[kind]
            parts.append(f"{kind} {c.added} added, {c.present} already present")
        conflicts = sum(c.conflicts for c in self.counts.values())
        refused = f"; {len(self.refused)} rows refused" if self.refused else ""
        return f"{self.path}: " + "; ".join(parts) + f"; {conflicts} conflicts{refused}"


@dataclass(slots=True)
class MergeReport:
    out: Path
    files: list[FileReport] = field(default_factory=list)

    @property
    def conflicts(self) -> int:
        return sum(c.conflicts for f in self.files for c in f.counts.values())

    def total(self, kind: str) -> Counts:
        total = Counts()
        for report in self.files:
            c = report.counts[kind]
            total.added += c.added
            total.present += c.present
            total.conflicts += c.conflicts
        return total

    def lines(self) -> list[str]:
        lines = []
        for report in self.files:
            lines += [*refused_lines(report.path, report.refused), report.line()]
        lines.append(
            f"merged {len(self.files)} files into {self.out}: "
            f"{self.total('articles').added} articles, {self.total('annotations').added} "
            f"annotations and {self.total('codings').added} article codes added, "
            f"{self.conflicts} conflicts (the newest version kept)"
        )
        return lines


def merge(
    out_path: str | Path, inputs: Sequence[str | Path], progress: Progress | None = None
) -> MergeReport:
    """Merge ``inputs`` into ``out_path`` (which, if it exists, is merged into too).

    Raises MergeRefused, naming the file and the reason, when a file cannot be read, belongs
    to another project or has a conflicting codebook; OUT is then left as it was.
    """
    out = Path(out_path)
    if not inputs:
        raise MergeRefused("nothing to merge: name at least one project file")
    if not out.parent.is_dir():
        raise MergeRefused(f"{out}: the folder {out.parent} does not exist")
    try:
        lock = ProjectLock.acquire(out)
    except ProjectLocked as exc:
        raise MergeRefused(str(exc)) from exc
    except OSError as exc:
        raise MergeRefused(f"{out}: cannot be written ({exc.strerror or exc})") from exc
    remove_dead_leftovers(out, ("merging",))  # the copies of merges that were killed
    tmp = scratch_path(out, "merging")
    opened: list[Project] = []
    try:
        paths = [out] if out.exists() else []
        paths += [Path(p) for p in inputs if not (out.exists() and _same(Path(p), out))]
        for number, path in enumerate(paths):
            # The coders' files are only read; OUT, merged into, is written.
            opened.append(_open(path, read_only=not (number == 0 and out.exists())))
        _check_same_project(opened)
        try:
            check_codebooks([(p.path, p.codebook()) for p in opened])
        except CodebooksConflict as exc:
            raise MergeRefused(str(exc)) from exc
        try:
            report = _merge_into(tmp, out, opened, progress)
        except (OSError, sqlite3.DatabaseError, ProjectError) as exc:
            raise MergeRefused(f"{out}: the merged file cannot be written ({exc})") from exc
        if out.exists():
            _check_alone(opened[0])
        for project in opened:
            project.close()
        opened.clear()
        try:
            os.replace(tmp, out)
        except OSError as exc:
            raise MergeRefused(f"{out}: cannot be replaced ({exc.strerror or exc})") from exc
        return report
    finally:
        for project in opened:
            project.close()
        remove_scratch(tmp)
        lock.release()


def _same(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _open(path: Path, read_only: bool) -> Project:
    try:
        project = Project.open(path, read_only=read_only)
    except ProjectError as exc:
        raise MergeRefused(str(exc)) from exc
    if read_only:
        try:
            check_not_in_use(path)
        except ProjectError as exc:
            project.close()
            raise MergeRefused(str(exc)) from exc
    # A damaged file is named now, before anything is merged, not half-way through.
    try:
        problems = [r[0] for r in project.db.execute("PRAGMA quick_check(3)").fetchall()]
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems == ["ok"] and unreadable_codebook(project):
        problems = [unreadable_codebook(project)]
    if problems != ["ok"]:
        project.close()
        raise MergeRefused(f"{path}: the file is damaged ({'; '.join(problems)})")
    return project


def _check_alone(base: Project) -> None:
    """Refuse to replace OUT while another program has it open: its next write would go
    to the old file, and be lost (or worse, land in the new one's journal)."""
    try:
        base.db.execute("PRAGMA busy_timeout = 200")
        # Leaving WAL needs the file to itself; the merged file replaces it anyway.
        base.db.execute("PRAGMA journal_mode = DELETE").fetchall()
    except sqlite3.OperationalError as exc:
        raise MergeRefused(
            f"{base.path}: in use by another program; close it there and merge again"
        ) from exc


def _check_same_project(projects: list[Project]) -> None:
    first = projects[0]
    for other in projects[1:]:
        if other.project_id != first.project_id:
            raise MergeRefused(
                f"{other.path}: belongs to another project (“{other.name}”, not "
                f"“{first.name}” like {first.path.name}); only files split from the same "
                "project can be merged"
            )


def _merge_into(
    tmp: Path, out: Path, projects: list[Project], progress: Progress | None
) -> MergeReport:
    base = projects[0]
    report = MergeReport(out)
    if out.exists():
        base.copy_to(tmp)
        sources = projects[1:]
        report.files.append(_base_report(base))
    else:
        sources = projects
    target = _open_target(tmp, base, fresh=not out.exists())
    try:
        total = sum(p.article_count() + p.count_rows("annotations") for p in sources)
        done = [0]

        def step(name: str) -> None:
            done[0] += 1
            if progress is not None and done[0] % _PROGRESS_EVERY == 0:
                progress(done[0], total, name)

        for source in sources:
            file_report = FileReport(source.path)
            with target.db.atomic():
                _merge_one(target, source, file_report, step)
            report.files.append(file_report)
        if progress is not None:
            progress(total, total, "")
    finally:
        target.close()
    return report


def _base_report(base: Project) -> FileReport:
    """OUT itself, as the first input: everything in it is already present."""
    report = FileReport(base.path)
    report.counts["articles"].present = base.article_count()
    report.counts["annotations"].present = base.count_rows("annotations")
    report.counts["codings"].present = base.count_rows("codings")
    return report


def _open_target(tmp: Path, base: Project, fresh: bool) -> Project:
    if not fresh:
        return Project.open(tmp)
    target = Project.create(tmp)
    meta = base.all_meta()
    with target.db.atomic():
        for key, value in meta.items():
            if key == "split":
                value = _team_manifest(value)
            target.db.table("project").upsert({"key": key, "value": value}, pk="key")
    return target


def _team_manifest(value: str) -> str:
    """A coder's split manifest without what is only that coder's (their own articles)."""
    try:
        manifest = json.loads(value)
    except ValueError:
        return value
    if isinstance(manifest, dict):
        manifest.pop("coder", None)
        manifest.pop("articles", None)
        return json.dumps(manifest, ensure_ascii=False)
    return value


def _merge_one(
    target: Project, source: Project, report: FileReport, step: Callable[[str], None]
) -> None:
    counts = report.counts
    name = source.path.name
    manifest = source.meta("split")
    if manifest and not target.meta("split"):
        target.set_meta("split", _team_manifest(manifest))
    # The codebook first: annotations and codes point to it.
    # One category or variable per definition, even added separately in two files.
    remap = same_definitions(target.codebook(), source.codebook())
    for variable in remap.united:
        target.save_variable(variable)
    for table in ("categories", "variables"):  # an edited label: OUT's stays
        _add_missing(target, source, table, counts["codebook"], remap=remap)
    for coder in source.coders():
        target.ensure_coder(coder)
    fresh = _add_missing(
        target, source, "articles", counts["articles"], ("imported_at",), lambda: step(name)
    )  # edited metadata: OUT's version stays
    checks = IncomingRows(target, report.refused)
    for article_id in source.article_ids():
        suggestions = checks.suggestions(article_id, source.article_suggestions(article_id))
        if article_id in fresh:
            target.copy_suggestions(suggestions)
            counts["suggestions"].added += sum(len(v) for v in suggestions.values())
        else:
            added, conflicts = target.add_missing_suggestions(article_id, suggestions)
            counts["suggestions"].added += added
            counts["suggestions"].conflicts += conflicts
    for table, kind in (
        ("annotations", "annotations"),
        ("codings", "codings"),
        ("article_status", "statuses"),
        ("decisions", "decisions"),
    ):
        newest = "created" if table == "decisions" else "modified"
        for rows in _batches(source.table_rows(table)):
            rows = [remap(table, row) for row in rows]
            rows = checks.keep(table, rows)
            new = [row for row in rows if _merge_row(target, table, row, counts[kind], newest)]
            target.insert_rows(table, new)
            if table == "annotations":
                for _ in rows:
                    step(name)
    # Who was given which article: kept as first recorded (the same in every file).
    for rows in _batches(source.table_rows("assignments")):
        rows = checks.keep("assignments", rows)
        new = [row for row in rows if target.find_row("assignments", row) is None]
        target.insert_rows("assignments", new)
        counts["assignments"].added += len(new)
        counts["assignments"].present += len(rows) - len(new)


def _add_missing(
    target: Project,
    source: Project,
    table: str,
    counts: Counts,
    ignore: tuple[str, ...] = (),
    each: Callable[[], None] | None = None,
    remap: Remap | None = None,
) -> set[str]:
    """Insert the rows of ``table`` OUT lacks; a row both have but that differs is counted
    as a conflict, and OUT's version stays. Returns the ids of the rows inserted."""
    inserted: set[str] = set()
    for rows in _batches(source.table_rows(table)):
        new = []
        for row in rows:
            unlike = ignore
            if remap is not None:
                if table in ("categories", "variables") and remap.merged(table, row):
                    counts.present += 1
                    continue
                row = remap(table, row)
                if table == "variables" and row["id"] in remap.covered:
                    unlike = (*ignore, "values")  # united: OUT has them all
            existing = target.find_row(table, row)
            if existing is None:
                new.append(row)
            elif _differs(existing, row, ignore=unlike):
                counts.conflicts += 1
            else:
                counts.present += 1
            if each is not None:
                each()
        target.insert_rows(table, new)
        counts.added += len(new)
        inserted.update(row["id"] for row in new)
    return inserted


def _merge_row(
    target: Project, table: str, row: dict[str, Any], counts: Counts, newest: str
) -> bool:
    """Count ``row`` and settle a conflict over it; True when OUT lacks it (to insert)."""
    existing = target.find_row(table, row)
    if existing is None:
        counts.added += 1
        return True
    if not _differs(existing, row, ignore=("id", newest)):
        counts.present += 1
    else:
        counts.conflicts += 1
        # Times are to the second: on a tie the file named later wins (it was collected later).
        if table != "decisions" and (row[newest] or "") >= (existing[newest] or ""):
            target.replace_row(table, row)
    return False


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Rows in lists of ``_BATCH``, so that new rows are inserted with one statement each."""
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, _BATCH)):
        yield batch


def _differs(a: dict[str, Any], b: dict[str, Any], ignore: tuple[str, ...] = ()) -> bool:
    return any(a.get(k) != b.get(k) for k in a.keys() | b.keys() if k not in ignore)
