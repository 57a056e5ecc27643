"""An R loader: the coding (and units) table as CSV files and a script that reads them.

``annotator export PROJECT study.R`` writes ``study.R`` and, beside it, the CSV files it
reads (``study_coding.csv``, and ``study_units.csv`` when the codebook has unit
categories), exactly as coded (no leading ' before text starting with = + - @). The
script needs base R only. It makes the data frames ``coding`` and ``units``: coded
variables become factors labelled from the codebook (ordered for ordinal ones), yes/no
questions TRUE/FALSE (a factor when the codebook gives them more answers, such as "don't
know"), dates Dates, numbers numbers, and every column keeps its question as its
``label`` attribute (as haven and RStudio's viewer show it). A comment names each
variable's question. A value the codebook does not list is kept as an extra level, with a
warning naming the variable.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from annotator.core import Codebook, Variable
from annotator.services.exports.stats_files import FIXED
from annotator.services.exports.tables import Table
from annotator.services.exports.text import write_csv_file
from annotator.services.exports.values import variable_value
from annotator.store.scratch import replacing

#: Fixed columns that hold 1/0 and are TRUE/FALSE in R.
_LOGICAL = ("gold", "assigned", "done")
#: Fixed columns that hold counts and offsets.
_INTEGER = ("spans", "start", "end")

_HELPERS = r"""
# The folder of this script: source("...R") or Rscript ...R; else the working directory.
.annotator_folder <- tryCatch(dirname(sys.frame(1)$ofile), error = function(e) {
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(file) == 1) dirname(normalizePath(file)) else getwd()
})

.annotator_read <- function(name) {
  # Every column as text first ("01" stays "01"); empty cells are missing.
  utils::read.csv(file.path(.annotator_folder, name), colClasses = "character",
                  na.strings = "", check.names = FALSE, fileEncoding = "UTF-8")
}

.annotator_factor <- function(x, codes, labels, name, ordered = FALSE) {
  extra <- setdiff(unique(x[!is.na(x)]), codes)
  if (length(extra) > 0) {
    warning(name, ": values not in the codebook, kept as extra levels: ",
            paste(extra, collapse = ", "), call. = FALSE)
  }
  factor(x, levels = c(codes, extra), labels = c(labels, extra), ordered = ordered)
}

.annotator_yes_no <- function(x, name) {
  other <- !is.na(x) & !(x %in% c("1", "0"))
  if (any(other)) {
    warning(name, ": ", sum(other), " answers neither yes (1) nor no (0), set to NA: ",
            paste(unique(x[other]), collapse = ", "), call. = FALSE)
  }
  ifelse(other, NA, x == "1")
}

.annotator_number <- function(x, name) {
  out <- suppressWarnings(as.numeric(x))
  bad <- !is.na(x) & is.na(out)
  if (any(bad)) warning(name, ": ", sum(bad), " values not numbers, set to NA", call. = FALSE)
  out
}

.annotator_date <- function(x, name) {
  out <- as.Date(x, format = "%Y-%m-%d")
  bad <- !is.na(x) & is.na(out)
  if (any(bad)) warning(name, ": ", sum(bad), " values not dates, set to NA", call. = FALSE)
  out
}
"""


def r_string(text: str) -> str:
    """``text`` as an R string literal."""
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def r_vector(items: Sequence[str]) -> str:
    return "c(" + ", ".join(r_string(i) for i in items) + ")"


def _comment(text: str) -> str:
    return " ".join(text.split())


def csv_names(out: Path, codebook: Codebook) -> dict[str, Path]:
    """The CSV files the script at ``out`` reads, by table name."""
    names = {"coding": out.with_name(f"{out.stem}_coding.csv")}
    if any(codebook.is_unit(c.id) for c in codebook.categories):
        names["units"] = out.with_name(f"{out.stem}_units.csv")
    return names


def write_r_loader(tables: Sequence[Table], codebook: Codebook, out: Path, title: str) -> None:
    """Write each table as CSV beside ``out``, then the R script that loads them."""
    files = csv_names(out, codebook)
    chosen = [t for t in tables if t.name in files]
    for table in chosen:
        write_csv_file(table, files[table.name], exact=True)
    named = {t.name: files[t.name].name for t in chosen}
    script = r_script(chosen, named, title, codebook, out.name)
    with replacing(out) as tmp:
        tmp.write_text(script, encoding="utf-8", newline="\n")


def r_script(
    tables: Sequence[Table],
    files: dict[str, str],
    title: str,
    codebook: Codebook,
    script_name: str = "load.R",
) -> str:
    """The R script that reads ``files`` (table name -> CSV file name) into data frames."""
    known = {v.id for v in codebook.variables}
    listed = " and ".join(files.values())
    frames = " and ".join(f"`{name}`" for name in files)
    lines = [
        f"# {_comment(title)}: the coding study exported by Annotator on {date.today()}.",
        f'# source("{script_name}") in R, or Rscript {script_name}, reads {listed}',
        f"# from this script's folder into the data frames {frames}: coded variables become",
        "# factors labelled as in the codebook (ordered for ordinal ones), yes/no questions",
        "# TRUE/FALSE, dates Dates, numbers numbers; each column keeps its question as its",
        '# "label" attribute. Base R only, no package needed.',
        _HELPERS,
    ]
    for table in tables:
        lines.append(f"{table.name} <- .annotator_read({r_string(files[table.name])})")
        for column in table.columns:
            variable = table.variables.get(column)
            lines.extend(_column_lines(table.name, column, variable, known))
        lines.append("")
    lines.append(
        "rm(.annotator_folder, .annotator_read, .annotator_factor, .annotator_yes_no,"
        " .annotator_number, .annotator_date)"
    )
    return "\n".join(lines) + "\n"


def _column_lines(frame: str, column: str, variable: Variable | None, known: set[str]) -> list[str]:
    target = f"{frame}[[{r_string(column)}]]"
    if variable is None:
        label, kind, _ = FIXED.get(column, (column, "text", {}))
        if column in _LOGICAL:
            convert = f'{target} == "1"'
        elif column in _INTEGER:
            convert = f"as.integer({target})"
        elif kind == "date":
            convert = f".annotator_date({target}, {r_string(column)})"
        else:
            convert = None
        header = f"# {column}: {_comment(label)}"
    else:
        label = variable.label or variable.name
        header = f"# {column}: {_comment(label)} ({_KIND_WORDS.get(variable.kind, variable.kind)})"
        if variable.id not in known and variable.description:  # frame scores: their rule
            header += f"; {_comment(variable.description)}"
        convert = _variable_conversion(target, column, variable)
    lines = [header]
    if convert is not None:
        lines.append(f"{target} <- {convert}")
    lines.append(f'attr({target}, "label") <- {r_string(label)}')
    return lines


_KIND_WORDS = {
    "nominal": "nominal",
    "ordinal": "ordinal",
    "yesno": "yes/no",
    "number": "number",
    "text": "free text",
    "actor": "actor, by name",
}


def _variable_conversion(target: str, column: str, variable: Variable) -> str | None:
    name = r_string(column)
    if variable.kind == "number":
        return f".annotator_number({target}, {name})"
    if variable.kind not in ("yesno", "nominal", "ordinal"):
        return None
    codes, labels = _levels(variable)
    if variable.kind == "yesno" and codes == ["1", "0"]:
        return f".annotator_yes_no({target}, {name})"
    ordered = ", ordered = TRUE" if variable.kind == "ordinal" else ""
    return (
        f".annotator_factor({target},\n    {r_vector(codes)},\n    {r_vector(labels)},"
        f" {name}{ordered})"
    )


def _levels(variable: Variable) -> tuple[list[str], list[str]]:
    """Codes as the CSV holds them, with their labels (unique, the code when unlabelled)."""
    pairs: dict[str, str] = {}
    if variable.kind == "yesno":
        pairs = {"1": "yes", "0": "no"}
    for value in variable.values:
        shown = variable_value(variable, value.code, {})
        code = "" if shown is None else str(shown)
        if code:
            pairs[code] = value.label or pairs.get(code) or value.code
    labels: list[str] = []
    for code, label in pairs.items():
        labels.append(label if label not in labels else f"{label} ({code})")
    return list(pairs), labels
