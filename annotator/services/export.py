"""Export a project for SPSS, R, Stata and QDA software (see ``annotator.services.exports``)."""

from annotator.services.exports import (
    ANNOTATION_COLUMNS,
    ARTICLE_COLUMNS,
    CODEBOOK_COLUMNS,
    FORMATS,
    SHEETS,
    export_project,
    export_xlsx,
)

__all__ = [
    "ANNOTATION_COLUMNS",
    "ARTICLE_COLUMNS",
    "CODEBOOK_COLUMNS",
    "FORMATS",
    "SHEETS",
    "export_project",
    "export_xlsx",
]
