"""Importing a codebook into a project that may already have one, and may have codes.

Nothing is deleted by an import and no code is orphaned: an incoming category or
variable is matched to the project's by id, then by name (a category under the same
parent, a variable at the same level and in the same category), and takes the
project's id, so codes made with it stay attached. What the file lacks stays in the
project, and so does what a field the file leaves empty held (a description, a
colour, values): an import adds and changes, it never erases. The report says what
was added, renamed, changed and kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from annotator.core import DEFAULT_CATEGORY_COLOR, Category, Codebook, Variable
from annotator.services.codebooks import (
    category_path,
    codebook_warnings,
    describe_variable,
    ordered_categories,
    read_codebook,
)

_KEPT_SHOWN = 6
_KEPT_WHEN_EMPTY = ("label", "description", "examples", "values")


class CodebookHolder(Protocol):
    """What an import needs of a project (``annotator.store.Project`` is one)."""

    def codebook(self) -> Codebook: ...

    def install_codebook(self, codebook: Codebook) -> None: ...


@dataclass(slots=True)
class CodebookChanges:
    """What importing a codebook changed, in lines a researcher reads."""

    added: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def any(self) -> bool:
        return bool(self.added or self.renamed or self.changed)

    def lines(self) -> list[str]:
        out = [f"added {item}" for item in self.added]
        out += [f"renamed {item} (codes kept)" for item in self.renamed]
        out += [f"changed {item}" for item in self.changed]
        if self.kept:
            shown = ", ".join(self.kept[:_KEPT_SHOWN])
            more = len(self.kept) - _KEPT_SHOWN
            out.append(
                f"kept {len(self.kept)} item(s) of the project that the file does not have: "
                + shown
                + (f" and {more} more" if more > 0 else "")
            )
        out += [f"warning: {item}" for item in self.warnings]
        out.append(
            f"{len(self.added)} added, {len(self.renamed)} renamed, {len(self.changed)} changed,"
            f" {self.unchanged} unchanged"
        )
        return out


def plan_import(current: Codebook, incoming: Codebook) -> tuple[Codebook, CodebookChanges]:
    """The incoming codebook with the project's ids where items match, and what changes."""
    changes = CodebookChanges()
    merged = Codebook(name=current.name or incoming.name)
    category_ids: dict[str, str] = {}
    claimed: set[str] = set()
    current_ids = {c.id for c in current.categories}
    after = max((c.position for c in current.categories), default=-1) + 1
    for category in ordered_categories(incoming):
        parent = category_ids.get(category.parent_id or "") if category.parent_id else None
        target = _match_category(current, category, parent, claimed)
        category_ids[category.id] = target.id if target else category.id
        claimed.add(category_ids[category.id])
        result = replace(category, id=category_ids[category.id], parent_id=parent)
        if target is None:
            if result.id not in current_ids:
                result.position += after
            result.color = result.color or DEFAULT_CATEGORY_COLOR
            merged.categories.append(result)
            changes.added.append(f"category '{_path(merged, result)}'")
            continue
        for name in ("color", "shortcut", "description"):
            if not getattr(result, name):
                setattr(result, name, getattr(target, name))
        merged.categories.append(result)
        if target.name != result.name:
            changes.renamed.append(f"category '{target.name}' to '{result.name}'")
        what = _category_differences(target, result)
        if what:
            changes.changed.append(f"category '{_path(merged, result)}' ({', '.join(what)})")
        elif target.name == result.name:
            changes.unchanged += 1
    _plan_variables(current, incoming, merged, category_ids, changes)
    matched = {c.id for c in merged.categories} | {v.id for v in merged.variables}
    changes.kept = [f"category '{c.name}'" for c in current.categories if c.id not in matched]
    changes.kept += [
        describe_variable(current, v) for v in current.variables if v.id not in matched
    ]
    changes.warnings = codebook_warnings(_union(current, merged))
    return merged, changes


def _plan_variables(
    current: Codebook,
    incoming: Codebook,
    merged: Codebook,
    category_ids: dict[str, str],
    changes: CodebookChanges,
) -> None:
    claimed: set[str] = set()
    for variable in incoming.variables:
        category_id = category_ids.get(variable.category_id or "") if variable.category_id else None
        target = _match_variable(current, variable, category_id, claimed)
        result = replace(variable, id=target.id if target else variable.id, category_id=category_id)
        if target is not None:
            kept = {f: getattr(target, f) for f in _KEPT_WHEN_EMPTY if not getattr(result, f)}
            result = replace(result, **kept)
        claimed.add(result.id)
        merged.variables.append(result)
        if target is None:
            changes.added.append(describe_variable(merged, result))
            continue
        if target.name != result.name:
            changes.renamed.append(f"{describe_variable(current, target)} to '{result.name}'")
        what = _variable_differences(target, result)
        if what:
            changes.changed.append(f"{describe_variable(merged, result)} ({', '.join(what)})")
        elif target.name == result.name:
            changes.unchanged += 1


def _match_category(
    current: Codebook, category: Category, parent_id: str | None, claimed: set[str]
) -> Category | None:
    found = current.by_id(category.id)
    if found is not None and found.id not in claimed:
        return found
    name = category.name.casefold()
    return next(
        (
            c
            for c in current.categories
            if c.parent_id == parent_id and c.name.casefold() == name and c.id not in claimed
        ),
        None,
    )


def _match_variable(
    current: Codebook, variable: Variable, category_id: str | None, claimed: set[str]
) -> Variable | None:
    found = current.variable(variable.id)
    if found is not None and found.id not in claimed:
        return found
    name = variable.name.casefold()
    return next(
        (
            v
            for v in current.variables
            if v.level == variable.level
            and v.category_id == category_id
            and v.name.casefold() == name
            and v.id not in claimed
        ),
        None,
    )


def _category_differences(old: Category, new: Category) -> list[str]:
    fields = ("color", "shortcut", "description", "parent_id")
    labels = {"color": "colour", "parent_id": "parent"}
    return [labels.get(f, f) for f in fields if getattr(old, f) != getattr(new, f)]


def _variable_differences(old: Variable, new: Variable) -> list[str]:
    fields = ("label", "kind", "level", "category_id", "description", "examples")
    labels = {"kind": "type", "category_id": "category"}
    out = [labels.get(f, f) for f in fields if getattr(old, f) != getattr(new, f)]
    if [v.code for v in old.values] != [v.code for v in new.values]:
        out.append("value codes")
    elif old.values != new.values:
        out.append("value labels")
    if old.required != new.required:
        out.append("now required" if new.required else "no longer required")
    return out


def _path(codebook: Codebook, category: Category) -> str:
    return category_path(codebook, category.id) or category.name


def _union(current: Codebook, merged: Codebook) -> Codebook:
    ids = {c.id for c in merged.categories}
    return Codebook(
        [c for c in current.categories if c.id not in ids] + merged.categories,
        list(merged.variables),
    )


def import_codebook(project: CodebookHolder, source: Codebook | str | Path) -> CodebookChanges:
    """Merge a codebook (or a .json/.xlsx codebook file) into a project; says what changed."""
    incoming = source if isinstance(source, Codebook) else read_codebook(source)
    merged, changes = plan_import(project.codebook(), incoming)
    project.install_codebook(merged)
    return changes


def import_codebooks(project: CodebookHolder, codebooks: list[Codebook]) -> list[CodebookChanges]:
    """Import several codebooks (``new --codebook pca,frames``) into a project, one after
    the other; the project's codebook is named after all of them ("A + B")."""
    changes = [import_codebook(project, codebook) for codebook in codebooks]
    names = list(dict.fromkeys(c.name for c in codebooks if c.name))
    if len(names) > 1:
        project.install_codebook(Codebook(name=" + ".join(names)))  # the name alone
    return changes
