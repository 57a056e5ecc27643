"""Dataclasses shared by every layer. Offsets are character offsets into Article.text."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

QuoteKind = Literal["direct", "partial", "indirect"]

#: Entity labels as researchers read them; spaCy's labels are mapped onto these.
ENTITY_LABELS = ("PERSON", "ORG", "PLACE", "OTHER")


def new_id() -> str:
    """A stable identifier that survives merges of project files."""
    return str(uuid.uuid4())


def now_iso() -> str:
    """The current time in UTC, ISO 8601, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity found by the pipeline: PERSON, ORG, PLACE or OTHER."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote and who said it.

    ``text`` is what was said (for a direct quote, the words inside the marks);
    ``speaker`` is the resolved full name as it appears in the article, and
    ``speaker_start``/``speaker_end`` locate that name in the text; ``cue`` is
    the reporting verb or phrase ("a déclaré", "said", "selon").
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None


@dataclass(slots=True)
class Analysis:
    """What pre-annotation found in one text."""

    language: str
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """One news article in a project."""

    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    date: str | None = None
    language: str = ""
    url: str = ""
    source_file: str = ""
    section: str = ""
    #: The text as read, before boilerplate was cut; empty when cleaning changed nothing.
    original_text: str = ""
    #: The id of an article already in the project that this one nearly repeats
    #: (imported anyway at the researcher's request); empty for most articles.
    near_duplicate_of: str = ""
    id: str = field(default_factory=new_id)
    imported_at: str = field(default_factory=now_iso)


@dataclass(frozen=True, slots=True)
class AttributeSpec:
    """A variable coded on an annotation (e.g. the actor or position of a claim)."""

    name: str
    label: str
    kind: Literal["nominal", "ordinal", "yesno", "text", "actor"] = "text"
    values: tuple[str, ...] = ()


@dataclass(slots=True)
class Category:
    """A codebook category that text spans are coded with."""

    name: str
    color: str = "#ffd54f"
    shortcut: str = ""
    description: str = ""
    parent_id: str | None = None
    attributes: tuple[AttributeSpec, ...] = ()
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Codebook:
    """The categories of a project, in display order."""

    categories: list[Category] = field(default_factory=list)

    def by_id(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def children(self, parent_id: str | None) -> list[Category]:
        return [c for c in self.categories if c.parent_id == parent_id]


@dataclass(frozen=True, slots=True)
class Coder:
    """A person who codes articles."""

    name: str
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Annotation:
    """A span of an article coded with a category by a coder."""

    article_id: str
    category_id: str
    start: int
    end: int
    text: str
    coder: str
    attributes: dict[str, Any] = field(default_factory=dict)
    memo: str = ""
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)
