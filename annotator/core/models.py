"""Dataclasses shared by every layer. Offsets are character offsets into Article.text."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from annotator.core.answers import yes_no_code

QuoteKind = Literal["direct", "partial", "indirect"]
SpeakerType = Literal["person", "organisation", "descriptor"]

#: Entity labels as researchers read them; spaCy's labels are mapped onto these.
ENTITY_LABELS = ("PERSON", "ORG", "PLACE", "OTHER")


#: The coder name under which adjudication stores the gold version of a coding study.
ADJUDICATED = "adjudicated"


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
    ``speaker`` is the resolved full name as it appears in the article (an organisation's
    name, or an unnamed source's descriptor as written), and
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
    #: The id of the speaker's ``Actor`` in the same ``Analysis`` (or project).
    actor_id: str | None = None
    #: "person", "organisation" or "descriptor" ("un proche du président"); None with no
    #: speaker. Stored with the quote, shown in the Quotes tab and exported.
    speaker_type: SpeakerType | None = None


@dataclass(slots=True)
class Analysis:
    """What pre-annotation found in one text."""

    language: str
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: People and organisations, each with all their mentions (quotes name them by
    #: ``Quote.actor_id``).
    actors: list[Actor] = field(default_factory=list)


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


VariableKind = Literal["nominal", "ordinal", "yesno", "number", "text", "actor"]
VARIABLE_KINDS: tuple[VariableKind, ...] = (
    "nominal",
    "ordinal",
    "yesno",
    "number",
    "text",
    "actor",
)
#: ``article``: answered once per article (frames, topic, tone); ``unit``: an attribute of
#: a coded span whose category makes it a unit (a claim's claimant, position, ...).
#: Span-level coding is the category tree itself.
VariableLevel = Literal["article", "unit"]


@dataclass(frozen=True, slots=True)
class ValueLabel:
    """A value of a nominal or ordinal variable: the code statistics software sees, its label."""

    code: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Variable:
    """A question coders answer: at article level, or as an attribute of a unit category.

    ``name`` is short, for statistics software (``claimant``, ``conflict_1``); values are
    stored under the variable's ``id``, so renaming a variable keeps its codes.
    """

    name: str
    label: str = ""
    kind: VariableKind = "nominal"
    level: VariableLevel = "article"
    #: The unit category this variable belongs to (``None`` for article-level variables).
    category_id: str | None = None
    description: str = ""
    examples: tuple[str, ...] = ()
    values: tuple[ValueLabel, ...] = ()
    required: bool = False
    position: int = 0
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.kind == "yesno" and self.values:
            object.__setattr__(self, "values", yes_no_values(self.values))

    def value_label(self, code: Any) -> str:
        """The label of a coded value (the value itself when it has none)."""
        for value in self.values:
            if value.code == str(code):
                return value.label or value.code
        return "" if code is None else str(code)


def yes_no_values(values: tuple[ValueLabel, ...]) -> tuple[ValueLabel, ...]:
    """A yes/no variable's values with the canonical codes ``"1"`` and ``"0"`` for yes and
    no (labels kept, other values such as "don't know" as they are, each code once)."""
    out: dict[str, ValueLabel] = {}
    for value in values:
        code = yes_no_code(value.code, values) or value.code
        out.setdefault(code, ValueLabel(code, value.label))
    return tuple(out.values())


#: The colour of a category that was given none.
DEFAULT_CATEGORY_COLOR = "#ffd54f"


@dataclass(slots=True)
class Category:
    """A codebook category that text spans are coded with.

    A category with unit variables (see ``Codebook.unit_variables``) codes units: each
    span coded with it gets a form of its own (a claim: claimant, addressee, position).
    """

    name: str
    color: str = DEFAULT_CATEGORY_COLOR
    shortcut: str = ""
    description: str = ""
    parent_id: str | None = None
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Codebook:
    """The categories (span level) and variables (article and unit level) of a project."""

    categories: list[Category] = field(default_factory=list)
    variables: list[Variable] = field(default_factory=list)
    name: str = ""

    def by_id(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def children(self, parent_id: str | None) -> list[Category]:
        return [c for c in self.categories if c.parent_id == parent_id]

    def variable(self, variable_id: str) -> Variable | None:
        return next((v for v in self.variables if v.id == variable_id), None)

    def article_variables(self) -> list[Variable]:
        return sorted((v for v in self.variables if v.level == "article"), key=lambda v: v.position)

    def unit_variables(self, category_id: str) -> list[Variable]:
        return sorted(
            (v for v in self.variables if v.level == "unit" and v.category_id == category_id),
            key=lambda v: v.position,
        )

    def is_unit(self, category_id: str) -> bool:
        return any(v.level == "unit" and v.category_id == category_id for v in self.variables)


@dataclass(frozen=True, slots=True)
class Coder:
    """A person who codes articles."""

    name: str
    id: str = field(default_factory=new_id)


@dataclass(slots=True)
class Annotation:
    """A span of an article coded with a category by a coder.

    ``attributes`` holds the unit variables' values, keyed by variable id.
    """

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


@dataclass(slots=True)
class Coding:
    """The value one coder gave an article-level variable for one article."""

    article_id: str
    variable_id: str
    coder: str
    value: Any
    id: str = field(default_factory=new_id)
    modified: str = field(default_factory=now_iso)


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an actor is named or referred to in an article ("Donald Trump", "Trump", "he")."""

    start: int
    end: int
    text: str


ActorType = Literal["PERSON", "ORG"]
#: A person's gender as the article gives it (title, determiner, agreement, pronoun, first
#: name); "unknown" rather than a guess, and for organisations.
Gender = Literal["female", "male", "unknown"]
GENDERS: tuple[Gender, ...] = ("female", "male", "unknown")


@dataclass(slots=True)
class Actor:
    """One person or organisation in one article, with every mention of them.

    ``source`` is ``machine`` for what pre-annotation found and ``coder`` once a coder
    renamed, merged, split or created it (re-running pre-annotation keeps those).
    """

    name: str
    type: ActorType = "PERSON"
    mentions: list[Mention] = field(default_factory=list)
    article_id: str = ""
    source: Literal["machine", "coder"] = "machine"
    id: str = field(default_factory=new_id)
    gender: Gender = "unknown"


SuggestionDecision = Literal["accepted", "corrected", "rejected"]


@dataclass(slots=True)
class Decision:
    """What a coder did with a machine suggestion, kept to measure the suggestions' quality.

    ``suggestion`` is the suggestion as offered (kind, offsets, text, speaker...);
    ``result`` what the coder kept (empty when rejected).
    """

    article_id: str
    coder: str
    target: Literal["quote", "entity", "actor", "code"]
    decision: SuggestionDecision
    suggestion: dict[str, Any] = field(default_factory=dict)
    result: dict[str, Any] = field(default_factory=dict)
    annotation_id: str | None = None
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)


@dataclass(slots=True)
class ArticleStatus:
    """One coder's state of an article: marked done or not, and their memo on it."""

    article_id: str
    coder: str
    done: bool = False
    memo: str = ""
    modified: str = field(default_factory=now_iso)
