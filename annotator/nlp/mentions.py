"""An entity mention with the tokens it covers, and word tests shared by the entity rules."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..core.models import Entity


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity with the tokens it covers (for subject and title checks)."""

    entity: Entity
    tok_start: int
    tok_end: int
    #: A dateline's place or agency tag ("PARIS (AFP) -"): an entity, never an actor.
    dateline: bool = False


def bare(word: str) -> str:
    """A word as the word lists hold it: lowercase, without a final period ("Sen." -> sen)."""
    return word.lower().rstrip(".")


def name_like(word: str) -> bool:
    """A capitalised word that may be part of a name ("Jean-Luc", "O'Brien"), not "NATO"."""
    return word[:1].isupper() and word[:1].isalpha() and not (len(word) > 1 and word.isupper())


def token_mention(doc: Doc, text: str, tok_start: int, tok_end: int, label: str) -> Mention:
    """A mention of tokens tok_start..tok_end, its text taken from the original text."""
    s = doc[tok_start].idx
    e = doc[tok_end - 1].idx + len(doc[tok_end - 1].text)
    return Mention(Entity(s, e, text[s:e], label), tok_start, tok_end)


def relabel(m: Mention, label: str) -> Mention:
    """The same mention under another label."""
    e = m.entity
    return Mention(Entity(e.start, e.end, e.text, label), m.tok_start, m.tok_end, m.dateline)
