"""Joining the codebooks of the files merged: one category or variable per definition.

A category or variable is one thing in every file when it has the same id (it came from
the same project before the split) or, added separately in two files (by hand, or by
import-annotations --add-missing in each coder's copy), when its definition is the same:
the same name under the same parent category; for a variable also the same level and kind.
Such a pair becomes one: OUT's id stays, the other file's codes are rewritten to point to it
and the variable's values are united (OUT's first, in their order, then the ones only the
other file has). Only definitions that truly conflict are refused (``check_codebooks``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.core import Codebook, Variable

#: A category's place in the codebook: its name after its parents' names, case-folded.
CategoryPath = tuple[str, ...]
#: What makes two variables one question: level, category path and name.
VariableKey = tuple[str, CategoryPath, str]


class CodebooksConflict(Exception):
    """Two files' codebooks that cannot be joined, with a message naming both files."""


def check_codebooks(books: list[tuple[Path, Codebook]]) -> None:
    """Raise CodebooksConflict when a variable cannot be one in every file: the same id
    with another kind, level or category, or the same definition with another kind."""
    by_id: dict[str, tuple[Variable, Path]] = {}
    by_key: dict[VariableKey, tuple[Variable, Path]] = {}
    for here, book in books:
        paths = category_paths(book)
        for variable in book.variables:
            seen = by_id.get(variable.id)
            if seen is not None:
                reason = _difference(seen[0], variable)
                if reason:
                    raise CodebooksConflict(
                        f"{here}: the codebooks conflict: variable “{variable.name}” {reason} "
                        f"than in {seen[1]}. Make the variable the same in both files, then "
                        "merge again"
                    )
            key = variable_key(paths, variable)
            named = by_key.get(key)
            if named is not None and named[0].id != variable.id and named[0].kind != variable.kind:
                raise CodebooksConflict(
                    f"{here}: the codebooks conflict: variable “{variable.name}”"
                    f"{_where(book, variable)} was added separately here and in {named[1]} "
                    f"with another definition (it is {variable.kind} here, {named[0].kind} "
                    f"in {named[1].name}). Give it the same kind in both files, or another "
                    "name in one of them, then merge again"
                )
            by_id.setdefault(variable.id, (variable, here))
            by_key.setdefault(key, (variable, here))


def _difference(a: Variable, b: Variable) -> str:
    """Why two versions of one variable (same id) cannot be joined; "" when they can
    (other values are united, another label: OUT's stays)."""
    if a.kind != b.kind:
        return f"is {b.kind} here, {a.kind} there: another kind"
    if (a.level, a.category_id) != (b.level, b.category_id):
        return "belongs to another level or category here"
    return ""


def _where(book: Codebook, variable: Variable) -> str:
    if variable.category_id is None:
        return ""
    category = book.by_id(variable.category_id)
    return f" of category “{category.name}”" if category is not None else ""


def category_paths(book: Codebook) -> dict[str, CategoryPath]:
    """Each category's id and its path of case-folded names from the top."""
    parents = {c.id: c.parent_id for c in book.categories}
    names = {c.id: c.name.casefold() for c in book.categories}
    paths: dict[str, CategoryPath] = {}
    for category in book.categories:
        path: list[str] = []
        seen: set[str] = set()
        current: str | None = category.id
        while current is not None and current in names and current not in seen:
            seen.add(current)
            path.append(names[current])
            current = parents[current]
        paths[category.id] = tuple(reversed(path))
    return paths


def variable_key(paths: dict[str, CategoryPath], variable: Variable) -> VariableKey:
    """``paths``: the category paths of the variable's codebook (``category_paths``)."""
    path = paths.get(variable.category_id, ()) if variable.category_id else ()
    return (variable.level, path, variable.name.casefold())


@dataclass(slots=True)
class Remap:
    """The incoming file's ids of categories and variables OUT has under other ids (the
    same definition added separately), and OUT's ids for them; rows are rewritten to them.
    ``united``: OUT's variables whose values grew with the incoming file's; ``covered``:
    the ids of OUT's variables that (once united) have every value the incoming file has."""

    categories: dict[str, str] = field(default_factory=dict)
    variables: dict[str, str] = field(default_factory=dict)
    united: list[Variable] = field(default_factory=list)
    covered: set[str] = field(default_factory=set)

    def merged(self, table: str, row: dict[str, Any]) -> bool:
        """True for a codebook row that is one OUT already has under another id."""
        ids = self.categories if table == "categories" else self.variables
        return row["id"] in ids

    def __call__(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """``row`` of ``table`` pointing to OUT's ids (a copy when anything changes)."""
        if not self.categories and not self.variables:
            return row
        cats, variables = self.categories, self.variables
        row = dict(row)
        if table == "categories" and row.get("parent_id") in cats:
            row["parent_id"] = cats[row["parent_id"]]
        elif table in ("variables", "annotations") and row.get("category_id") in cats:
            row["category_id"] = cats[row["category_id"]]
        if table == "annotations":
            row["attributes"] = _rekeyed(row.get("attributes"), variables)
        elif table == "codings" and row.get("variable_id") in variables:
            row["variable_id"] = variables[row["variable_id"]]
        elif table == "decisions" and row.get("result") and cats:
            row["result"] = _recategorised(row["result"], cats)
        return row


def _rekeyed(attributes: str | None, variables: dict[str, str]) -> str | None:
    """A unit's answers (JSON, keyed by variable id) keyed by OUT's ids."""
    if not attributes or not any(key in attributes for key in variables):
        return attributes
    try:
        values = json.loads(attributes)
    except ValueError:
        return attributes
    if not isinstance(values, dict):
        return attributes
    return json.dumps({variables.get(k, k): v for k, v in values.items()}, ensure_ascii=False)


def _recategorised(result: str, categories: dict[str, str]) -> str:
    """A decision's result (JSON) whose category is OUT's id for it."""
    try:
        values = json.loads(result)
    except ValueError:
        return result
    if not isinstance(values, dict) or values.get("category_id") not in categories:
        return result
    values["category_id"] = categories[values["category_id"]]
    return json.dumps(values, ensure_ascii=False)


def same_definitions(out: Codebook, incoming: Codebook) -> Remap:
    """What of ``incoming`` OUT already has: by id, or under another id with the same
    definition; and OUT's variables whose values the incoming file adds to."""
    remap = Remap()
    out_paths, in_paths = category_paths(out), category_paths(incoming)
    out_ids = set(out_paths)
    by_path = {path: category_id for category_id, path in out_paths.items()}
    for category_id, path in in_paths.items():
        if category_id not in out_ids and path in by_path:
            remap.categories[category_id] = by_path[path]
    out_variables = {v.id: v for v in out.variables}
    by_key = {variable_key(out_paths, v): v for v in out.variables}
    for variable in incoming.variables:
        kept = out_variables.get(variable.id)
        if kept is None:
            match = by_key.get(variable_key(in_paths, variable))
            if match is None or match.kind != variable.kind:
                continue
            remap.variables[variable.id] = match.id
            kept = match
        united = _united_values(kept, variable)
        if united is not None:
            remap.united.append(united)
        if set(variable.values) <= set((united or kept).values):
            remap.covered.add(kept.id)
    return remap


def _united_values(kept: Variable, other: Variable) -> Variable | None:
    """``kept`` with the values only ``other`` has after its own; None if it has none."""
    codes = {v.code for v in kept.values}
    extra = tuple(v for v in other.values if v.code not in codes)
    return replace(kept, values=kept.values + extra) if extra else None
