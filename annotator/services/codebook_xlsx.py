"""Codebooks as Excel workbooks, in the layout research teams keep them in.

Sheet ``variables``: one row per variable and value, with the columns level, category,
variable, label, type, required, description, examples (one a line), value_code,
value_label and id. A variable's other rows repeat its level, category and name (so
filters work) and may leave the rest empty. Sheet ``categories``: category, parent,
colour, shortcut, description, id, parents above their children. A category is named
by its name, or by its path ("Stance / Favour") where two categories share a name.
Sheet ``about``: the codebook's name. Ids are optional: a workbook written by hand
gets stable ids from the codebook's name and each item's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core import VARIABLE_KINDS, Category, Codebook, ValueLabel, Variable
from annotator.services.codebooks import (
    category_path,
    codebook_errors,
    ordered_categories,
    stable_id,
    variable_name_problem,
    write_atomically,
)
from annotator.services.errors import FileProblem
from annotator.services.sheet_cells import append_row, save_book
from annotator.services.sources.rows import open_workbook, sheet_rows

VARIABLE_COLUMNS = (
    "level",
    "category",
    "variable",
    "label",
    "type",
    "required",
    "description",
    "examples",
    "value_code",
    "value_label",
    "id",
)
CATEGORY_COLUMNS = ("category", "parent", "colour", "shortcut", "description", "id")
# Headers as research teams write them, mapped onto the columns above.
_ALIASES = {
    "name": "variable",
    "variable name": "variable",
    "var": "variable",
    "kind": "type",
    "variable type": "type",
    "code": "value_code",
    "value": "value_code",
    "value code": "value_code",
    "value label": "value_label",
    "color": "colour",
    "category name": "category",
    "key": "shortcut",
    "example": "examples",
}
_KIND_ALIASES = {
    "yes/no": "yesno",
    "yes-no": "yesno",
    "yes_no": "yesno",
    "binary": "yesno",
    "boolean": "yesno",
    "dichotomous": "yesno",
    "oui/non": "yesno",
    "categorical": "nominal",
    "numeric": "number",
    "integer": "number",
    "count": "number",
    "string": "text",
    "free text": "text",
    "open": "text",
}
_LEVELS = {"article": "article", "document": "article", "unit": "unit", "unité": "unit"}
_TRUE = {"yes", "y", "true", "1", "x", "oui", "required"}
_FALSE = {"no", "n", "false", "0", "non", ""}
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


# -- writing -------------------------------------------------------------------------------


def write_codebook_xlsx(codebook: Codebook, path: str | Path) -> Path:
    """Write the codebook as a workbook with sheets variables, categories and about."""
    from openpyxl import Workbook

    path = Path(path)
    book = Workbook()
    variables = book.active
    assert variables is not None
    variables.title = "variables"
    _fill(variables, VARIABLE_COLUMNS, _variable_rows(codebook))
    categories = book.create_sheet("categories")
    refs = _references(codebook)
    rows = [
        [
            c.name,
            refs.get(c.parent_id or "", ""),
            c.color,
            c.shortcut,
            c.description,
            c.id,
        ]
        for c in ordered_categories(codebook)
    ]
    _fill(categories, CATEGORY_COLUMNS, rows)
    _colour_cells(categories)
    about = book.create_sheet("about")
    append_row(about, ["name", codebook.name])
    about.append(["written by", f"Annotator {__version__}"])
    about.append(
        [
            "layout",
            "variables: one row per variable and value; categories: parents above their"
            " children. Leave id empty for new rows.",
        ]
    )
    about.column_dimensions["A"].width = 14
    about.column_dimensions["B"].width = 90
    write_atomically(path, lambda part: save_book(book, part))
    return path


def _variable_rows(codebook: Codebook) -> list[list[Any]]:
    refs = _references(codebook)
    ordered = codebook.article_variables() + [
        v for c in ordered_categories(codebook) for v in codebook.unit_variables(c.id)
    ]
    rows: list[list[Any]] = []
    for v in ordered:
        category = refs.get(v.category_id or "", "")
        values = v.values or (ValueLabel(""),)
        for number, value in enumerate(values):
            head = [v.level, category, v.name]
            if number == 0:
                head += [
                    v.label,
                    v.kind,
                    "yes" if v.required else "no",
                    v.description,
                    "\n".join(v.examples),
                ]
            else:
                head += ["", "", "", "", ""]
            rows.append(head + [value.code, value.label, v.id if number == 0 else ""])
    return rows


def _references(codebook: Codebook) -> dict[str, str]:
    """How each category is named in the workbook: its name, or its path if the name repeats."""
    counts: dict[str, int] = {}
    for c in codebook.categories:
        counts[c.name.casefold()] = counts.get(c.name.casefold(), 0) + 1
    return {
        c.id: c.name if counts[c.name.casefold()] == 1 else category_path(codebook, c.id)
        for c in codebook.categories
    }


def _fill(sheet: Any, header: tuple[str, ...], rows: list[list[Any]]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    append_row(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(sheet, row)  # codes such as "-1" and "+1" stay text
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    widths = {"description": 60, "label": 40, "value_label": 36, "examples": 30, "id": 38}
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(name, 14)


def _colour_cells(sheet: Any) -> None:
    from openpyxl.styles import PatternFill

    for (cell,) in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        if isinstance(cell.value, str) and len(cell.value) == 7 and _COLOUR.fullmatch(cell.value):
            colour = cell.value[1:].upper()
            cell.fill = PatternFill(start_color=colour, end_color=colour, fill_type="solid")


# -- reading -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Sheet:
    """Rows of one sheet as dicts keyed by our column names, numbered as Excel shows them."""

    title: str
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def read_codebook_xlsx(path: str | Path) -> Codebook:
    """Read a codebook workbook; a bad one raises FileProblem naming the sheet, row and reason."""
    path = Path(path)
    workbook = open_workbook(path)
    try:
        sheets = {sheet.title.strip().casefold(): sheet for sheet in workbook.worksheets}
        if "variables" not in sheets and "categories" not in sheets:
            raise FileProblem(
                path, "not a codebook workbook (it has no sheet named variables or categories)"
            )
        name = _about_name(path, sheets.get("about")) or path.stem
        categories = (
            _read_sheet(path, sheets["categories"], CATEGORY_COLUMNS, "category")
            if "categories" in sheets
            else None
        )
        variables = (
            _read_sheet(path, sheets["variables"], VARIABLE_COLUMNS, "variable")
            if "variables" in sheets
            else None
        )
    finally:
        workbook.close()
    codebook = Codebook(name=name)
    if categories is not None:
        _parse_categories(path, categories, codebook)
    if variables is not None:
        _parse_variables(path, variables, codebook)
    problems = codebook_errors(codebook)
    if problems:
        raise FileProblem(path, problems[0])
    return codebook


def _about_name(path: Path, sheet: Any) -> str:
    if sheet is None:
        return ""
    for _number, cells in sheet_rows(path, sheet):
        if len(cells) >= 2 and cells[0].strip().casefold() == "name":
            return cells[1].strip()
    return ""


def _read_sheet(path: Path, sheet: Any, columns: tuple[str, ...], needed: str) -> _Sheet:
    out = _Sheet(sheet.title)
    header: dict[int, str] | None = None
    for number, cells in sheet_rows(path, sheet):
        if header is None:
            if not any(c.strip() for c in cells):
                continue
            header = {}
            for index, cell in enumerate(cells):
                key = " ".join(cell.strip().casefold().replace("_", " ").split())
                column = _ALIASES.get(key, key.replace(" ", "_"))
                if column in columns and column not in header.values():
                    header[index] = column
            if needed not in header.values():
                raise FileProblem(
                    path, f"sheet '{sheet.title}', row {number}: no column named '{needed}'"
                )
            continue
        record = {
            column: cells[i].strip() if i < len(cells) else "" for i, column in header.items()
        }
        if any(record.values()):
            out.rows.append((number, record))
    return out


def _parse_categories(path: Path, sheet: _Sheet, codebook: Codebook) -> None:
    for number, row in sheet.rows:
        where = f"sheet '{sheet.title}', row {number}"
        if not row.get("category"):
            raise FileProblem(path, f"{where}: the category has no name")
        parent_ref = row.get("parent", "")
        parent = _find_category(path, where, codebook, parent_ref) if parent_ref else None
        colour = row.get("colour", "")  # empty: the project's colour, or the default
        if colour and not _COLOUR.fullmatch(colour):
            raise FileProblem(path, f"{where}: colour '{colour}' is not a colour such as #ff8a65")
        category = Category(
            name=row["category"],
            color=colour.lower(),
            shortcut=row.get("shortcut", ""),
            description=row.get("description", ""),
            parent_id=parent.id if parent else None,
            position=len(codebook.categories),
        )
        key = "category/" + (
            f"{category_path(codebook, parent.id)} / {category.name}" if parent else category.name
        )
        category.id = row.get("id") or stable_id(codebook.name, key)
        if codebook.by_id(category.id) is not None:
            raise FileProblem(path, f"{where}: the id {category.id} is used twice")
        codebook.categories.append(category)


def _find_category(path: Path, where: str, codebook: Codebook, ref: str) -> Category:
    wanted = _normal(ref)
    for category in codebook.categories:
        if _normal(category_path(codebook, category.id)) == wanted:
            return category
    named = [c for c in codebook.categories if _normal(c.name) == wanted]
    if len(named) == 1:
        return named[0]
    if named:
        raise FileProblem(
            path,
            f"{where}: two categories are named '{ref}'; write it with its parent,"
            f" as '{category_path(codebook, named[0].id)}'",
        )
    raise FileProblem(
        path,
        f"{where}: '{ref}' is not a category on the categories sheet"
        + (" (above this row)" if "categories" in where else ""),
    )


def _normal(text: str) -> str:
    return " / ".join(" ".join(part.split()).casefold() for part in text.split("/"))


def _parse_variables(path: Path, sheet: _Sheet, codebook: Codebook) -> None:
    found: dict[tuple[str, str | None, str], Variable] = {}
    typed: set[str] = set()  # ids of the variables whose type a row gave
    current: Variable | None = None
    for number, row in sheet.rows:
        where = f"sheet '{sheet.title}', row {number}"
        name = row.get("variable", "")
        if not name:
            if current is None:
                raise FileProblem(path, f"{where}: no variable name")
            current = _add_value(path, where, current, row)
            found[_key(current)] = current
            continue
        problem = variable_name_problem(name)
        if problem:
            raise FileProblem(path, f"{where}: {problem}")
        level, category = _level(path, where, codebook, row)
        key = (level, category.id if category else None, name.casefold())
        if key in found:
            current = _add_value(
                path, where, _fill_blanks(path, where, found[key], row, typed), row
            )
        else:
            scope = f"{category_path(codebook, category.id)}/" if category else "article/"
            variable = Variable(
                name=name,
                level="unit" if level == "unit" else "article",
                category_id=category.id if category else None,
                position=sum(1 for k in found if k[:2] == key[:2]),
                id=row.get("id") or stable_id(codebook.name, f"variable/{scope}{name}"),
            )
            if any(v.id == variable.id for v in found.values()):
                raise FileProblem(path, f"{where}: the id {variable.id} is used twice")
            current = _add_value(path, where, _fill_blanks(path, where, variable, row, typed), row)
        found[_key(current)] = current
    for variable in found.values():
        if variable.id not in typed and not variable.values:
            variable = replace(variable, kind="text")  # no type, no values: free text
        codebook.variables.append(variable)


def _key(variable: Variable) -> tuple[str, str | None, str]:
    return (variable.level, variable.category_id, variable.name.casefold())


def _level(
    path: Path, where: str, codebook: Codebook, row: dict[str, str]
) -> tuple[str, Category | None]:
    ref = row.get("category", "")
    text = row.get("level", "").casefold()
    level = _LEVELS.get(text) if text else ("unit" if ref else "article")
    if level is None:
        raise FileProblem(path, f"{where}: level '{row['level']}' is not article or unit")
    if level == "article":
        if ref:
            raise FileProblem(
                path, f"{where}: an article variable belongs to no category (found '{ref}')"
            )
        return level, None
    if not ref:
        raise FileProblem(path, f"{where}: a unit variable needs the category it belongs to")
    return level, _find_category(path, where, codebook, ref)


def _fill_blanks(
    path: Path, where: str, variable: Variable, row: dict[str, str], typed: set[str]
) -> Variable:
    """The variable with the row's fields where it has none yet (a variable's first row wins)."""
    changes: dict[str, Any] = {}
    if row.get("label") and not variable.label:
        changes["label"] = row["label"]
    if row.get("description") and not variable.description:
        changes["description"] = row["description"]
    if row.get("examples") and not variable.examples:
        changes["examples"] = tuple(e.strip() for e in row["examples"].splitlines() if e.strip())
    if row.get("type") and variable.id not in typed:
        changes["kind"] = _kind(path, where, row["type"])
        typed.add(variable.id)
    if row.get("required"):
        text = row["required"].casefold()
        if text not in _TRUE | _FALSE:
            raise FileProblem(path, f"{where}: required must be yes or no, not '{row['required']}'")
        changes["required"] = variable.required or text in _TRUE
    return replace(variable, **changes)


def _kind(path: Path, where: str, text: str) -> str:
    kind = text.strip().casefold()
    kind = _KIND_ALIASES.get(kind, kind)
    if kind not in VARIABLE_KINDS:
        raise FileProblem(
            path,
            f"{where}: type '{text}' is not one of {', '.join(VARIABLE_KINDS)}",
        )
    return kind


def _add_value(path: Path, where: str, variable: Variable, row: dict[str, str]) -> Variable:
    code, label = row.get("value_code", ""), row.get("value_label", "")
    if not code:
        if label:
            raise FileProblem(path, f"{where}: value label '{label}' has no value code")
        return variable
    if any(v.code == code for v in variable.values):
        raise FileProblem(
            path, f"{where}: variable '{variable.name}' has the value code '{code}' twice"
        )
    return replace(variable, values=(*variable.values, ValueLabel(code, label)))
