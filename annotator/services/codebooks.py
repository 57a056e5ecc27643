"""Codebook templates shipped in resources/codebooks (JSON)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from annotator.core import Category, Codebook, ValueLabel, Variable
from annotator.paths import resource_dir
from annotator.services.errors import FileProblem

# Categories made from the same template get the same ids in every project,
# so coders' files made from one template merge cleanly.
_TEMPLATE_NAMESPACE = uuid.UUID("6f1c1a3e-3b9e-4a55-9a57-8d0c7f0a2b11")


def template_path(name: str) -> Path:
    return resource_dir() / "codebooks" / f"{name}.json"


def load_codebook_file(path: str | Path) -> Codebook:
    """Read a codebook in the JSON layout of resources/codebooks."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileProblem(path, f"not a codebook file ({exc})") from None
    book_name = str(data.get("name", path.stem))
    ids: dict[str, str] = {}
    categories: list[Category] = []
    variables: list[Variable] = []
    for position, item in enumerate(data.get("categories", [])):
        key = str(item.get("key") or item["name"])
        ids[key] = _template_id(book_name, key)
        parent = item.get("parent")
        if parent is not None and parent not in ids:
            raise FileProblem(path, f"category '{key}' names an unknown parent '{parent}'")
        categories.append(
            Category(
                id=ids[key],
                name=str(item["name"]),
                color=str(item.get("color", "#ffd54f")),
                shortcut=str(item.get("shortcut") or ""),
                description=str(item.get("description", "")),
                parent_id=ids[parent] if parent is not None else None,
                position=position,
            )
        )
        for number, spec in enumerate(item.get("attributes", ())):
            variables.append(
                _variable(spec, number, book_name, f"{key}/{spec['name']}", "unit", ids[key])
            )
    for number, spec in enumerate(data.get("variables", ())):
        variables.append(_variable(spec, number, book_name, f"article/{spec['name']}", "article"))
    return Codebook(categories, variables, name=book_name)


def _template_id(book_name: str, key: str) -> str:
    return str(uuid.uuid5(_TEMPLATE_NAMESPACE, f"{book_name}/{key}"))


def _variable(
    spec: dict[str, Any],
    position: int,
    book_name: str,
    key: str,
    level: str,
    category_id: str | None = None,
) -> Variable:
    values = tuple(
        ValueLabel(str(v["code"]), str(v.get("label", "")))
        if isinstance(v, dict)
        else ValueLabel(str(v), str(v))
        for v in spec.get("values", ())
    )
    return Variable(
        id=_template_id(book_name, key),
        name=str(spec["name"]),
        label=str(spec.get("label", spec["name"])),
        kind=spec.get("kind", "nominal"),
        level="unit" if level == "unit" else "article",
        category_id=category_id,
        description=str(spec.get("description", "")),
        examples=tuple(str(e) for e in spec.get("examples", ())),
        values=values,
        required=bool(spec.get("required", False)),
        position=position,
    )


def starter_codebook() -> Codebook:
    return load_codebook_file(template_path("starter"))
