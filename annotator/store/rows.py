"""Conversions between the core dataclasses and table rows, and small SQL helpers."""

from __future__ import annotations

import json
import re
from typing import Any

from annotator.core import (
    DEFAULT_CATEGORY_COLOR,
    Annotation,
    Article,
    Category,
    ValueLabel,
    Variable,
)


def article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "date": article.date,
        "language": article.language,
        "url": article.url,
        "source_file": article.source_file,
        "section": article.section,
        "text": article.text,
        "original_text": article.original_text,
        "near_duplicate_of": article.near_duplicate_of,
        "imported_at": article.imported_at,
    }


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(
        id=row["id"],
        title=row["title"] or "",
        outlet=row["outlet"] or "",
        author=row["author"] or "",
        date=row["date"],
        language=row["language"] or "",
        url=row["url"] or "",
        source_file=row["source_file"] or "",
        section=row.get("section") or "",
        text=row["text"] or "",
        original_text=row.get("original_text") or "",
        near_duplicate_of=row.get("near_duplicate_of") or "",
        imported_at=row["imported_at"] or "",
    )


def category_row(category: Category) -> dict[str, Any]:
    return {
        "id": category.id,
        "parent_id": category.parent_id,
        "name": category.name,
        "color": category.color,
        "shortcut": category.shortcut,
        "description": category.description,
        "attributes": "[]",  # before schema 4; variables live in their own table
        "position": category.position,
    }


def category_from_row(row: dict[str, Any]) -> Category:
    return Category(
        id=row["id"],
        parent_id=row["parent_id"],
        name=row["name"],
        color=row["color"] or DEFAULT_CATEGORY_COLOR,
        shortcut=row["shortcut"] or "",
        description=row["description"] or "",
        position=row["position"] or 0,
    )


def variable_row(variable: Variable) -> dict[str, Any]:
    return {
        "id": variable.id,
        "category_id": variable.category_id,
        "level": variable.level,
        "name": variable.name,
        "label": variable.label,
        "kind": variable.kind,
        "description": variable.description,
        "examples": json.dumps(list(variable.examples), ensure_ascii=False),
        "values": json.dumps(
            [{"code": v.code, "label": v.label} for v in variable.values], ensure_ascii=False
        ),
        "required": int(variable.required),
        "position": variable.position,
    }


def variable_from_row(row: dict[str, Any]) -> Variable:
    return Variable(
        id=row["id"],
        category_id=row["category_id"],
        level=row["level"],
        name=row["name"],
        label=row["label"] or "",
        kind=row["kind"],
        description=row["description"] or "",
        examples=tuple(json.loads(row["examples"] or "[]")),
        values=tuple(
            ValueLabel(v["code"], v.get("label", "")) for v in json.loads(row["values"] or "[]")
        ),
        required=bool(row["required"]),
        position=row["position"] or 0,
    )


def filters(**conditions: str | None) -> tuple[str, list[str]]:
    """A WHERE clause over the given columns, skipping the ones that are None."""
    used = [(column, value) for column, value in conditions.items() if value is not None]
    if not used:
        return "", []
    return " where " + " and ".join(f"{column} = ?" for column, _ in used), [v for _, v in used]


def fts_query(text: str) -> str:
    """A safe FTS5 query from what a researcher typed: words as prefixes, phrases kept."""
    parts: list[str] = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', text):
        if phrase:
            cleaned = " ".join(re.findall(r"\w+", phrase))
            if cleaned:
                parts.append(f'"{cleaned}"')
        else:
            parts.extend(f'"{w}"*' for w in re.findall(r"\w+", word))
    return " ".join(parts)


def annotation_row(annotation: Annotation) -> dict[str, Any]:
    return {
        "id": annotation.id,
        "article_id": annotation.article_id,
        "coder": annotation.coder,
        "category_id": annotation.category_id,
        "start": annotation.start,
        "end": annotation.end,
        "text": annotation.text,
        "attributes": json.dumps(annotation.attributes, ensure_ascii=False),
        "memo": annotation.memo,
        "created": annotation.created,
        "modified": annotation.modified,
    }


def annotation_from_row(row: dict[str, Any]) -> Annotation:
    return Annotation(
        id=row["id"],
        article_id=row["article_id"],
        coder=row["coder"],
        category_id=row["category_id"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        attributes=json.loads(row["attributes"] or "{}"),
        memo=row["memo"] or "",
        created=row["created"],
        modified=row["modified"],
    )
