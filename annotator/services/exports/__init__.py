"""Coding-study exports: .xlsx, CSV, JSON Lines and REFI-QDA (.qdpx).

``export_project`` picks the format from the file's extension:

- ``.xlsx``: sheets articles, coding, units, annotations, quotes, decisions, actors,
  suggestions (the machine's suggested codes, their confidence and each coder's decision),
  codebook, reliability;
- ``.zip``: the same tables as one CSV file each (``coding.csv``, ``units.csv``, ...);
- ``.csv``: one table (``sheet``, ``coding`` by default) as one CSV file;
- ``.jsonl``: one JSON object per article-level value and per annotation;
- ``.qdpx``: a REFI-QDA project for MAXQDA, ATLAS.ti, NVivo and QualCoder;
- ``.sav`` / ``.dta``: the coding table (or ``sheet`` units) for SPSS / Stata, labelled
  from the codebook (see ``stats_files``);
- ``.R``: an R script and, beside it, the CSV files of the coding and units tables it
  loads as labelled factors (see ``r_script``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core import Codebook
from annotator.services.errors import FileProblem
from annotator.services.exports.decisions import DECISION_COLUMNS, decisions_table
from annotator.services.exports.r_script import write_r_loader
from annotator.services.exports.refi import write_qdpx
from annotator.services.exports.reliability import reliability_table
from annotator.services.exports.sampling import sampling_table
from annotator.services.exports.scores import frame_scores
from annotator.services.exports.stats_files import SUFFIXES as STATS_SUFFIXES
from annotator.services.exports.stats_files import TABLES as STATS_TABLES
from annotator.services.exports.stats_files import write_stats_file
from annotator.services.exports.suggestions import suggestions_table
from annotator.services.exports.tables import (
    ANNOTATION_COLUMNS,
    ARTICLE_COLUMNS,
    CODEBOOK_COLUMNS,
    Table,
    actors_table,
    annotations_table,
    articles_table,
    codebook_table,
    coding_table,
    quotes_table,
    units_table,
)
from annotator.services.exports.text import write_csv_file, write_csv_zip, write_jsonl
from annotator.services.exports.xlsx import write_workbook
from annotator.store import Project

#: Extensions ``export_project`` writes, with what each holds (for dialogs and help).
FORMATS = {
    ".xlsx": "Excel workbook, one sheet per table",
    ".zip": "CSV files, one per table, in a zip archive",
    ".csv": "one table as a CSV file (the coding table unless another is named)",
    ".jsonl": "JSON Lines, one object per coded value and annotation",
    ".qdpx": "REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder)",
    ".sav": "SPSS data file of the coding table (or units), with labels",
    ".dta": "Stata data file of the coding table (or units), with labels",
    ".R": "R script loading the coding and units tables (CSV files beside it) with labels",
}
SHEETS = (
    "articles",
    "coding",
    "units",
    "annotations",
    "quotes",
    "decisions",
    "actors",
    "suggestions",
    "codebook",
    "reliability",
    "sampling",
)

__all__ = [
    "ANNOTATION_COLUMNS",
    "ARTICLE_COLUMNS",
    "CODEBOOK_COLUMNS",
    "DECISION_COLUMNS",
    "FORMATS",
    "SHEETS",
    "export_project",
    "export_xlsx",
    "tables",
]


def tables(
    project: Project, codebook: Codebook | None = None, names: tuple[str, ...] = SHEETS
) -> list[Table]:
    """The export's tables (``names``, in sheet order); their rows are read only when written."""
    codebook = codebook or project.codebook()
    made = {
        "articles": lambda: articles_table(project),
        "coding": lambda: coding_table(project, codebook, frame_scores(codebook)),
        "units": lambda: units_table(project, codebook),
        "annotations": lambda: annotations_table(project, codebook),
        "quotes": lambda: quotes_table(project),
        "decisions": lambda: decisions_table(project),
        "actors": lambda: actors_table(project),
        "suggestions": lambda: suggestions_table(project, codebook),
        "codebook": lambda: codebook_table(codebook),
        "reliability": lambda: reliability_table(project, codebook),
        "sampling": lambda: sampling_table(project),
    }
    return [made[name]() for name in SHEETS if name in names]


def export_project(
    project: Project,
    out: str | Path,
    *,
    bom: bool = False,
    sheet: str | None = None,
    exact: bool = False,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Export a project to ``out`` in the format its extension names; returns the path.

    ``bom`` writes CSV with a UTF-8 byte-order mark (Excel on Windows then reads accents
    right); ``sheet`` names the table a ``.csv``, ``.sav`` or ``.dta`` export writes
    (``coding`` by default); ``exact`` writes CSV text exactly as coded, for R, Stata or
    SPSS (by default text that a spreadsheet would run as a formula, "=...", "+...",
    "-...", "@...", gets a leading '); ``warn`` is told what a format made the export
    change (names, text cut to a length limit).
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in {known.lower() for known in FORMATS}:
        known = ", ".join(FORMATS)
        raise FileProblem(out, f"cannot export to '{suffix or out.name}' files (use {known})")
    if exact and suffix not in (".csv", ".zip", ".r"):  # .R is always exact
        raise FileProblem(out, "--exact is for CSV exports (.csv or .zip)")
    if suffix in STATS_SUFFIXES and sheet is not None and sheet not in STATS_TABLES:
        tables_named = " or ".join(STATS_TABLES)
        raise FileProblem(out, f"a {suffix} file holds the {tables_named} table, not '{sheet}'")
    if sheet is not None and suffix != ".csv" and suffix not in STATS_SUFFIXES:
        raise FileProblem(out, "a single sheet is exported only to a .csv, .sav or .dta file")
    if sheet is not None and sheet not in SHEETS:
        raise FileProblem(out, f"no sheet named '{sheet}' (sheets: {', '.join(SHEETS)})")
    if not out.parent.is_dir():
        raise FileProblem(out, f"the folder {out.parent} does not exist")
    codebook = project.codebook()
    if suffix == ".xlsx":
        write_workbook(tables(project, codebook), out)
    elif suffix == ".zip":
        write_csv_zip(tables(project, codebook), out, bom=bom, exact=exact)
    elif suffix == ".csv":
        chosen = sheet or "coding"
        write_csv_file(tables(project, codebook, (chosen,))[0], out, bom=bom, exact=exact)
    elif suffix in STATS_SUFFIXES:
        table = tables(project, codebook, (sheet or "coding",))[0]
        write_stats_file(table, out, STATS_SUFFIXES[suffix], warn)
    elif suffix == ".r":
        title = codebook.name or project.path.stem
        write_r_loader(tables(project, codebook, ("coding", "units")), codebook, out, title)
    elif suffix == ".jsonl":
        write_jsonl(project, codebook, out)
    else:
        write_qdpx(project, codebook, out, warn)
    return out


def export_xlsx(project: Project, out: str | Path) -> Path:
    """Write the .xlsx workbook (``export_project`` for a path ending in .xlsx)."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    return export_project(project, out)
