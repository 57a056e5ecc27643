"""The researchers' vocabulary as plain Python: no Qt, no SQL."""

from annotator.core.models import (
    Analysis,
    Annotation,
    Article,
    AttributeSpec,
    Category,
    Codebook,
    Coder,
    Entity,
    Quote,
    QuoteKind,
    new_id,
    now_iso,
)

__all__ = [
    "Analysis",
    "Annotation",
    "Article",
    "AttributeSpec",
    "Category",
    "Codebook",
    "Coder",
    "Entity",
    "Quote",
    "QuoteKind",
    "new_id",
    "now_iso",
]
