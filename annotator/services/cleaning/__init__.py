"""What happens to an article between reading and storing: dates, boilerplate, duplicates."""

from annotator.services.cleaning.boilerplate import CleanResult, clean_text
from annotator.services.cleaning.dates import parse_date
from annotator.services.cleaning.duplicates import (
    NEAR_DUPLICATE_THRESHOLD,
    NearDuplicate,
    NearDuplicateIndex,
)
from annotator.services.cleaning.prepare import language_code, prepare_article

__all__ = [
    "NEAR_DUPLICATE_THRESHOLD",
    "CleanResult",
    "NearDuplicate",
    "NearDuplicateIndex",
    "clean_text",
    "language_code",
    "parse_date",
    "prepare_article",
]
