"""SPSS (.sav) and Stata (.dta) files of the coding or units table, with their labels.

One table per file, written with pyreadstat: each column gets a name valid in the format
(``valid_names``), the codebook's question as its variable label, the codebook's values as
value labels and, in SPSS, a measurement level from the variable's kind. Coded variables
(yes/no, nominal, ordinal) are numeric: yes/no as 1/0, codes as the numbers they are;
a variable whose codes are not all whole numbers (``economy``, ``health``) is written as
1, 2, ... in the codebook's order with its codes as value labels, and the export says so.
Empty answers are system-missing (an empty string in a text column). Dates are dates.
Text longer than the format allows is cut, and every cut is reported: nothing is lost
silently.
"""

from __future__ import annotations

import errno
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from annotator.core import Variable
from annotator.services.exports.tables import Table
from annotator.services.exports.values import variable_value
from annotator.store.lock import MIN_FREE_BYTES, free_space
from annotator.store.scratch import replacing

Software = Literal["spss", "stata"]
Kind = Literal["code", "number", "date", "text"]
Measure = Literal["nominal", "ordinal", "scale"]

#: Suffix -> format.
SUFFIXES: dict[str, Software] = {".sav": "spss", ".dta": "stata"}
#: The tables these files hold (one per file).
TABLES = ("coding", "units")


@dataclass(frozen=True)
class Limits:
    """What a format allows: names, text cells and labels (bytes in UTF-8 unless chars)."""

    name_length: int
    reserved: frozenset[str]
    reserved_pattern: re.Pattern[str] | None
    case_sensitive_reserved: bool
    text_bytes: int
    variable_label_bytes: int
    variable_label_chars: int
    value_label_bytes: int


LIMITS: dict[Software, Limits] = {
    # SPSS Statistics: names of 64 bytes, case-insensitive, reserved keywords; strings of
    # up to 32,767 bytes; variable labels of 256 bytes, value labels of 120.
    "spss": Limits(
        64,
        frozenset(
            {"ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH"}
        ),
        None,
        False,
        32_767,
        256,
        256,
        120,
    ),
    # Stata 14+: names of 32 characters; fixed-width strings (str1-str2045) of 2,045
    # bytes; variable labels of 80 characters; value labels of 32,000 bytes.
    "stata": Limits(
        32,
        frozenset(
            {
                "_all",
                "_b",
                "byte",
                "_coef",
                "_cons",
                "double",
                "float",
                "if",
                "in",
                "int",
                "long",
                "_n",
                "_N",
                "_pi",
                "_pred",
                "_rc",
                "_skip",
                "strL",
                "using",
                "with",
            }
        ),  # fmt: skip
        re.compile(r"str\d+"),
        True,
        2_045,
        320,
        80,
        32_000,
    ),
}

_MEASURES: dict[str, Measure] = {
    "nominal": "nominal",
    "ordinal": "ordinal",
    "yesno": "nominal",
    "number": "scale",
    "text": "nominal",
    "actor": "nominal",
}
_KINDS: dict[str, Kind] = {
    "nominal": "code",
    "ordinal": "code",
    "yesno": "code",
    "number": "number",
    "text": "text",
    "actor": "text",
}
_YES_NO = {1: "yes", 0: "no"}

#: The tables' own columns: label, kind and value labels.
FIXED: dict[str, tuple[str, Kind, dict[int, str]]] = {
    "article_id": ("Article id", "text", {}),
    "unit_id": ("Unit id (the coded span)", "text", {}),
    "title": ("Title of the article", "text", {}),
    "outlet": ("Outlet", "text", {}),
    "date": ("Publication date", "date", {}),
    "language": ("Language of the article", "text", {}),
    "coder": ("Coder (adjudicated: the gold version)", "text", {}),
    "gold": ("Adjudicated version", "code", {1: "adjudicated", 0: "coder's own"}),
    "assigned": ("Given to the coder by split", "code", _YES_NO),
    "done": ("Marked done by the coder", "code", _YES_NO),
    "spans": ("Spans coded in the article", "number", {}),
    "category": ("Category of the unit", "text", {}),
    "text": ("Text of the unit", "text", {}),
    "start": ("Start of the unit (character offset)", "number", {}),
    "end": ("End of the unit (character offset)", "number", {}),
    "memo": ("Memo", "text", {}),
}


@dataclass
class Column:
    """A column of the table as the statistics file holds it."""

    source: str
    name: str
    label: str
    kind: Kind
    measure: Measure
    values: list[Any]
    value_labels: dict[int, str] = field(default_factory=dict)


def write_stats_file(
    table: Table, out: Path, software: Software, warn: Callable[[str], None] | None = None
) -> None:
    """Write ``table`` to ``out`` as an SPSS or Stata file (through a temporary file);
    what had to change (names, recoded codes, cut text and labels) goes to ``warn``."""
    import pandas as pd
    import pyreadstat

    notes: list[str] = []
    limits = LIMITS[software]
    columns = describe(table, software, notes.append)
    frame = pd.DataFrame(
        {c.name: pd.Series(c.values, dtype=_dtype(c.kind)) for c in columns}, copy=False
    )
    labels: dict[str, str | None] = {
        c.name: _cut_label(c.label, limits, "variable") for c in columns
    }
    cut_labels = [c.name for c in columns if labels[c.name] != c.label.rstrip()]
    value_labels: dict[str, dict[int | float, str]] = {}
    for c in columns:
        if c.value_labels:
            value_labels[c.name] = {
                float(k): _cut_label(v, limits, "value") for k, v in c.value_labels.items()
            }
            if any(value_labels[c.name][float(k)] != v.rstrip() for k, v in c.value_labels.items()):
                cut_labels.append(c.name)
    if cut_labels:
        notes.append(
            f"labels longer than {software.upper()} allows were cut: {', '.join(cut_labels)}"
        )
    with replacing(out) as tmp:
        if software == "spss":
            pyreadstat.write_sav(
                frame,
                tmp,
                file_label=f"{table.name} table",
                column_labels=labels,
                variable_value_labels=value_labels,
                variable_measure={c.name: c.measure for c in columns},
                variable_format={c.name: "F8.0" for c in columns if _integral(c)},
            )
        else:
            pyreadstat.write_dta(
                frame,
                tmp,
                file_label=f"{table.name} table",
                column_labels=labels,
                variable_value_labels=value_labels,
            )
        _check_written(tmp, software, len(frame))
    for note in notes:
        if warn is not None:
            warn(f"{out.name}: {note}")


def _check_written(path: Path, software: Software, rows: int) -> None:
    """Read the file back: pyreadstat says nothing when the disk fills up under it, and
    leaves an empty or cut file that would be announced as exported."""
    import pyreadstat

    read = pyreadstat.read_sav if software == "spss" else pyreadstat.read_dta
    try:
        frame, _meta = read(str(path))
        whole = len(frame) == rows
    except Exception:  # pyreadstat's errors for a cut file vary: ReadstatError, PyreadstatError
        whole = False
    if not whole:
        full = (free_space(path.parent) or 0) < MIN_FREE_BYTES
        raise OSError(
            errno.ENOSPC if full else errno.EIO,
            "the disk is full" if full else "the file written cannot be read back",
        )


def describe(table: Table, software: Software, warn: Callable[[str], None]) -> list[Column]:
    """The table's columns with their valid names, labels, kinds and converted values."""
    rows = list(table.rows())
    names = valid_names(table.columns, software)
    renamed = [f"{a} → {b}" for a, b in zip(table.columns, names, strict=True) if a != b]
    if renamed:
        warn(f"names changed to be valid in {software.upper()}: {', '.join(renamed)}")
    limit = LIMITS[software].text_bytes
    columns = []
    for index, (source, name) in enumerate(zip(table.columns, names, strict=True)):
        raw = [row[index] for row in rows]
        variable = table.variables.get(source)
        if variable is not None:
            label = variable.label or variable.name
            kind = _KINDS.get(variable.kind, "text")
            measure = _MEASURES.get(variable.kind, "nominal")
            book = _book_values(variable) if kind == "code" else []
        else:
            label, kind, fixed_labels = FIXED.get(source, (source, "text", {}))
            measure = "scale" if kind in ("number", "date") else "nominal"
            book = list(fixed_labels.items())
        column = Column(source, name, label, kind, measure, [])
        if kind == "code":
            column.values, column.value_labels, recoded = _codes(raw, book)
            if recoded:
                warn(
                    f"{name}: its codes are not all whole numbers; written as 1 to"
                    f" {len(column.value_labels)} with the codes as value labels"
                )
        elif kind == "number":
            column.values, bad = _numbers(raw)
            if bad:
                warn(f"{name}: {_cells(bad)} not a number, left missing")
        elif kind == "date":
            column.values, bad = _dates(raw)
            if bad:
                warn(f"{name}: {_cells(bad)} not a date, left missing")
        else:
            column.values, cut = _texts(raw, limit)
            if cut:
                warn(f"{name}: {_cells(cut)} longer than {limit:,} bytes, cut to fit")
        columns.append(column)
    return columns


def _cells(count: int) -> str:
    return "1 cell was" if count == 1 else f"{count} cells were"


def _book_values(variable: Variable) -> list[tuple[Any, str]]:
    """The codebook's values of a coded variable, as exported, with their labels."""
    if variable.kind == "yesno":
        labels = {variable_value(variable, v.code, {}): v.label for v in variable.values}
        book = [(code, labels.pop(code, "") or text) for code, text in _YES_NO.items()]
        return book + [(code, text or str(code)) for code, text in labels.items()]
    return [(variable_value(variable, v.code, {}), v.label or v.code) for v in variable.values]


def _whole(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _codes(raw: Sequence[Any], book: Sequence[tuple[Any, str]]) -> tuple[list[Any], dict, bool]:
    """Numeric codes with value labels; recoded to 1..n unless all are whole numbers."""
    present = [v for v in raw if v is not None and v != ""]
    if all(_whole(code) for code, _ in book) and all(_whole(v) for v in present):
        labels = {int(code): text for code, text in book}
        return [None if v is None or v == "" else int(v) for v in raw], labels, False
    numbers: dict[Any, int] = {}
    labels = {}
    for code, text in book:
        if code not in numbers:
            numbers[code] = len(numbers) + 1
            labels[numbers[code]] = text
    for value in present:
        if value not in numbers:
            numbers[value] = len(numbers) + 1
            labels[numbers[value]] = str(value)
    return [None if v is None or v == "" else numbers[v] for v in raw], labels, True


def _numbers(raw: Sequence[Any]) -> tuple[list[Any], int]:
    out: list[Any] = []
    bad = 0
    for value in raw:
        if value is None or value == "":
            out.append(None)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            out.append(None if isinstance(value, float) and math.isnan(value) else value)
        else:
            out.append(None)
            bad += 1
    return out, bad


def _dates(raw: Sequence[Any]) -> tuple[list[Any], int]:
    out: list[Any] = []
    bad = 0
    for value in raw:
        if isinstance(value, date):  # datetimes too
            out.append(value)
        else:
            out.append(None)
            bad += value is not None and value != ""
    return out, bad


def _texts(raw: Sequence[Any], limit: int) -> tuple[list[str], int]:
    out: list[str] = []
    cut = 0
    for value in raw:
        text = "" if value is None else _text(value)
        data = text.encode("utf-8")
        if len(data) > limit:
            text = data[:limit].decode("utf-8", errors="ignore")
            cut += 1
        out.append(text)
    return out, cut


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _cut_label(label: str, limits: Limits, which: Literal["variable", "value"]) -> str:
    most = limits.variable_label_bytes if which == "variable" else limits.value_label_bytes
    if which == "variable":
        label = label[: limits.variable_label_chars]
    data = label.encode("utf-8")
    if len(data) > most:
        label = data[:most].decode("utf-8", errors="ignore")
    return label.rstrip()


def _integral(column: Column) -> bool:
    """Codes and counts, shown without decimals in SPSS."""
    return column.kind == "code" or (column.kind == "number" and column.source in FIXED)


def _dtype(kind: Kind) -> str:
    return "float64" if kind in ("code", "number") else "object"


def valid_names(names: Sequence[str], software: Software) -> list[str]:
    """Column names made valid and unique in SPSS or Stata.

    Letters are written without accents (ASCII), anything but letters, digits and ``_``
    becomes ``_``; a name starts with a letter (``v`` is put before one that does not),
    neither starts nor ends with ``_``, is cut to the format's length, and gets ``_v`` when
    it is a reserved word; names equal but for case get ``_2``, ``_3``, ... (SPSS ignores
    case, and Stata users are spared two variables told apart by case alone).
    """
    limits = LIMITS[software]
    seen: set[str] = set()
    out = []
    for original in names:
        base = _clean(original, limits)
        name, n = base, 2
        while name.lower() in seen:
            suffix = f"_{n}"
            name, n = base[: limits.name_length - len(suffix)] + suffix, n + 1
        seen.add(name.lower())
        out.append(name)
    return out


def _clean(name: str, limits: Limits) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9_]+", "_", ascii_name).strip("_") or "v"
    if text[0].isdigit():
        text = "v" + text
    text = text[: limits.name_length].rstrip("_")
    if _reserved(text, limits):
        text = text[: limits.name_length - 2] + "_v"
    return text


def _reserved(name: str, limits: Limits) -> bool:
    if limits.case_sensitive_reserved:
        hit = name in limits.reserved
    else:
        hit = name.upper() in limits.reserved
    return hit or bool(limits.reserved_pattern and limits.reserved_pattern.fullmatch(name))
