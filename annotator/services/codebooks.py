"""Codebooks: the templates in resources/codebooks, and codebook files in JSON and .xlsx.

The JSON layout (that of the templates) lists ``categories`` (each with its unit
variables under ``attributes``) and article-level ``variables``. Ids come from an
item's ``id`` when it has one (exported project codebooks), otherwise from the
template's ``template`` key (or its name) and the item's key, so coders' files made
from one template get the same ids and merge cleanly. A template comes in English
(``pca.json``) and French (``pca.fr.json``); both share their ``template`` key, keys,
variable names and value codes, so an English and a French coder's files merge too.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.core import (
    DEFAULT_CATEGORY_COLOR,
    VARIABLE_KINDS,
    Category,
    Codebook,
    ValueLabel,
    Variable,
)
from annotator.paths import resource_dir
from annotator.services.errors import FileProblem
from annotator.store.scratch import replacing

# Categories made from the same template get the same ids in every project,
# so coders' files made from one template merge cleanly.
_TEMPLATE_NAMESPACE = uuid.UUID("6f1c1a3e-3b9e-4a55-9a57-8d0c7f0a2b11")

#: The templates shipped in resources/codebooks, by the name the CLI and the GUI use.
TEMPLATES: dict[str, str] = {
    "pca": "Political claims analysis (Koopmans & Statham)",
    "frames": "Generic news frames (Semetko & Valkenburg 2000)",
    "stance": "Stance: actor, target, favour / against / neutral / unclear",
    "starter": "Starter codebook: claims, frames and stance in one",
}
TEMPLATE_LANGUAGES = ("en", "fr")
#: How long a variable name may be: Stata's limit, the tightest of SPSS, Stata and R.
MAX_NAME_LENGTH = 32
_NAME = re.compile(r"[^\W\d_]\w*")
CODEBOOK_SUFFIXES = (".json", ".xlsx")


def template_path(name: str, language: str = "en") -> Path:
    """The file of a template; the French version is ``NAME.fr.json`` where there is one."""
    folder = resource_dir() / "codebooks"
    if language != "en" and (folder / f"{name}.{language}.json").is_file():
        return folder / f"{name}.{language}.json"
    return folder / f"{name}.json"


def template_languages(name: str) -> list[str]:
    """The languages a template comes in (English always)."""
    return [
        lang
        for lang in TEMPLATE_LANGUAGES
        if template_path(name, lang).stem.endswith("" if lang == "en" else f".{lang}")
    ]


def template_codebook(name: str, language: str = "en") -> Codebook:
    """A shipped template (``pca``, ``frames``, ``stance``, ``starter``) in English or French."""
    if name not in TEMPLATES:
        raise ValueError(f"no codebook template '{name}' (there are {', '.join(TEMPLATES)})")
    return load_codebook_file(template_path(name, language))


def starter_codebook() -> Codebook:
    return template_codebook("starter")


def resolve_codebook(choice: str, language: str = "en") -> Codebook:
    """A template by name, or a codebook file (.json or .xlsx) by path."""
    if choice in TEMPLATES:
        return template_codebook(choice, language)
    path = Path(choice)
    if path.suffix.lower() not in CODEBOOK_SUFFIXES:
        raise FileProblem(
            path,
            f"not a codebook template or file (templates: {', '.join(TEMPLATES)};"
            " files: .json or .xlsx)",
        )
    return read_codebook(path)


def read_codebook(path: str | Path) -> Codebook:
    """A codebook file, .json (the template layout) or .xlsx (one row per variable and value)."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from annotator.services.codebook_xlsx import read_codebook_xlsx

        return read_codebook_xlsx(path)
    if path.suffix.lower() == ".json":
        return load_codebook_file(path)
    raise FileProblem(path, "a codebook is read from a .json or an .xlsx file")


def write_codebook(codebook: Codebook, path: str | Path) -> Path:
    """Write a codebook as .json or .xlsx (by the file's suffix); returns the path written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from annotator.services.codebook_xlsx import write_codebook_xlsx

        return write_codebook_xlsx(codebook, path)
    if suffix != ".json":
        raise FileProblem(path, "a codebook is written as .json or .xlsx")
    text = json.dumps(codebook_json(codebook), ensure_ascii=False, indent=2) + "\n"
    write_atomically(path, lambda part: part.write_text(text, encoding="utf-8"))
    return path


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """``write`` to a scratch file, then put it in place: a failed write leaves path as it was."""
    try:
        with replacing(path) as part:
            write(part)
    except OSError as exc:
        raise FileProblem(path, f"cannot be written ({exc.strerror or exc})") from None


# -- JSON ----------------------------------------------------------------------------------


def load_codebook_file(path: str | Path) -> Codebook:
    """Read a codebook in the JSON layout of resources/codebooks."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileProblem(path, f"not a codebook file ({exc})") from None
    if not isinstance(data, dict):
        raise FileProblem(path, "not a codebook file (expected a JSON object)")
    try:
        codebook = _codebook_from_json(data, path.stem)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        reason = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        raise FileProblem(path, reason) from None
    problems = codebook_errors(codebook)
    if problems:
        raise FileProblem(path, problems[0])
    return codebook


def _codebook_from_json(data: dict[str, Any], default_name: str) -> Codebook:
    book_name = str(data.get("name") or default_name)
    namespace = str(data.get("template") or book_name)
    ids: dict[str, str] = {}
    categories: list[Category] = []
    variables: list[Variable] = []
    for position, item in enumerate(data.get("categories") or []):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise ValueError(f"category {position + 1} has no name")
        key = str(item.get("key") or item["name"])
        if key in ids:
            raise ValueError(f"two categories have the key '{key}'")
        ids[key] = str(item.get("id") or stable_id(namespace, key))
        parent = item.get("parent")
        if parent is not None and parent not in ids:
            raise ValueError(f"category '{key}' names an unknown parent '{parent}'")
        categories.append(
            Category(
                id=ids[key],
                name=str(item["name"]).strip(),
                color=str(item.get("color") or DEFAULT_CATEGORY_COLOR),
                shortcut=str(item.get("shortcut") or ""),
                description=str(item.get("description") or ""),
                parent_id=ids[parent] if parent is not None else None,
                position=position,
            )
        )
        for number, spec in enumerate(item.get("attributes") or ()):
            where = f"category '{key}', variable {number + 1}"
            variables.append(_variable(spec, number, namespace, f"{key}/", "unit", where, ids[key]))
    for number, spec in enumerate(data.get("variables") or ()):
        where = f"article variable {number + 1}"
        variables.append(_variable(spec, number, namespace, "article/", "article", where))
    return Codebook(categories, variables, name=book_name)


def stable_id(namespace: str, key: str) -> str:
    """The same id for the same key of the same codebook, in every project."""
    return str(uuid.uuid5(_TEMPLATE_NAMESPACE, f"{namespace}/{key}"))


def _variable(
    spec: Any,
    position: int,
    namespace: str,
    prefix: str,
    level: str,
    where: str,
    category_id: str | None = None,
) -> Variable:
    if not isinstance(spec, dict) or not str(spec.get("name") or "").strip():
        raise ValueError(f"{where} has no name")
    name = str(spec["name"]).strip()
    kind = spec.get("kind") or "nominal"
    if kind not in VARIABLE_KINDS:
        raise ValueError(
            f"variable '{name}' has an unknown kind '{kind}' (use {', '.join(VARIABLE_KINDS)})"
        )
    values = tuple(
        ValueLabel(str(v["code"]), str(v.get("label") or ""))
        if isinstance(v, dict)
        else ValueLabel(str(v), str(v))
        for v in spec.get("values") or ()
    )
    return Variable(
        id=str(spec.get("id") or stable_id(namespace, prefix + name)),
        name=name,
        label=str(spec["label"]) if isinstance(spec.get("label"), str) else name,
        kind=kind,
        level="unit" if level == "unit" else "article",
        category_id=category_id,
        description=str(spec.get("description") or ""),
        examples=tuple(str(e) for e in spec.get("examples") or ()),
        values=values,
        required=bool(spec.get("required", False)),
        position=position,
    )


def codebook_json(codebook: Codebook) -> dict[str, Any]:
    """A codebook in the template layout, with every id written out (so imports keep them)."""
    keys = category_keys(codebook)
    categories = []
    for category in ordered_categories(codebook):
        categories.append(
            {
                "key": keys[category.id],
                "id": category.id,
                "name": category.name,
                "color": category.color,
                "shortcut": category.shortcut,
                "description": category.description,
                "parent": keys.get(category.parent_id or ""),
                "attributes": [_variable_json(v) for v in codebook.unit_variables(category.id)],
            }
        )
    return {
        "name": codebook.name,
        "categories": categories,
        "variables": [_variable_json(v) for v in codebook.article_variables()],
    }


def _variable_json(variable: Variable) -> dict[str, Any]:
    return {
        "id": variable.id,
        "name": variable.name,
        "label": variable.label,
        "kind": variable.kind,
        "required": variable.required,
        "description": variable.description,
        "examples": list(variable.examples),
        "values": [{"code": v.code, "label": v.label} for v in variable.values],
    }


def category_keys(codebook: Codebook) -> dict[str, str]:
    """Each category's key in a codebook .json: its name in lower case, words joined by _."""
    keys: dict[str, str] = {}
    used: set[str] = set()
    for category in codebook.categories:
        base = re.sub(r"\W+", "_", category.name.casefold()).strip("_") or "category"
        key, n = base, 1
        while key in used:
            n += 1
            key = f"{base}_{n}"
        used.add(key)
        keys[category.id] = key
    return keys


def ordered_categories(codebook: Codebook) -> list[Category]:
    """Categories parents first, each level by position (a parent cycle is cut at the top)."""
    known = {c.id for c in codebook.categories}
    out: list[Category] = []
    seen: set[str] = set()

    def walk(parent_id: str | None) -> None:
        children = [
            c
            for c in codebook.categories
            if (c.parent_id if c.parent_id in known else None) == parent_id and c.id not in seen
        ]
        for child in sorted(children, key=lambda c: c.position):
            seen.add(child.id)
            out.append(child)
            walk(child.id)

    walk(None)
    for category in codebook.categories:  # in a cycle: no path from the top reaches them
        if category.id not in seen:
            seen.add(category.id)
            out.append(category)
            walk(category.id)
    return out


def category_path(codebook: Codebook, category_id: str | None, sep: str = " / ") -> str:
    """ "Stance / Favour": a category's name after its parents' names."""
    names: list[str] = []
    seen: set[str] = set()
    while category_id and category_id not in seen:
        seen.add(category_id)
        category = codebook.by_id(category_id)
        if category is None:
            break
        names.append(category.name)
        category_id = category.parent_id
    return sep.join(reversed(names))


# -- checks --------------------------------------------------------------------------------


def variable_name_problem(name: str) -> str | None:
    """Why a variable name would trouble SPSS, Stata or R (None when it is fine)."""
    if not name:
        return "a variable needs a name"
    if not _NAME.fullmatch(name):
        return (
            f"variable name '{name}': use letters, digits and _ only, starting with a letter"
            " (statistics software refuses other names)"
        )
    if len(name) > MAX_NAME_LENGTH:
        return f"variable name '{name}' is longer than {MAX_NAME_LENGTH} characters"
    return None


def codebook_errors(codebook: Codebook) -> list[str]:
    """What makes a codebook unusable: bad or repeated variable names, repeated value codes."""
    problems: list[str] = []
    scopes: dict[tuple[str, str | None], set[str]] = {}
    for variable in codebook.variables:
        problem = variable_name_problem(variable.name)
        if problem:
            problems.append(problem)
        scope = scopes.setdefault((variable.level, variable.category_id), set())
        where = _variable_scope(codebook, variable)
        if variable.name.casefold() in scope:
            problems.append(f"two variables are named '{variable.name}' {where}")
        scope.add(variable.name.casefold())
        codes = [v.code for v in variable.values]
        repeated = sorted({c for c in codes if codes.count(c) > 1})
        if repeated:
            problems.append(f"variable '{variable.name}' has the value code '{repeated[0]}' twice")
        if any(not v.code for v in variable.values):
            problems.append(f"variable '{variable.name}' has a value without a code")
    return problems


def codebook_warnings(codebook: Codebook) -> list[str]:
    """What a researcher should know but may keep: shortcuts shared by categories."""
    by_key: dict[str, list[str]] = {}
    for category in codebook.categories:
        if category.shortcut:
            by_key.setdefault(category.shortcut.upper(), []).append(category.name)
    return [
        f"shortcut {key} is used by {' and '.join(names)}"
        for key, names in by_key.items()
        if len(names) > 1
    ]


def _variable_scope(codebook: Codebook, variable: Variable) -> str:
    if variable.level == "article":
        return "at article level"
    return f"in category '{category_path(codebook, variable.category_id)}'"


def describe_variable(codebook: Codebook, variable: Variable) -> str:
    """ "variable 'claimant' (Claim)" or "article variable 'conflict_1'", for reports."""
    if variable.level == "article":
        return f"article variable '{variable.name}'"
    return f"variable '{variable.name}' ({category_path(codebook, variable.category_id)})"
