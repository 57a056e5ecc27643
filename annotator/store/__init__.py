"""Project files: SQLite through sqlite-utils, with a versioned schema."""

from annotator.store.listing import ARTICLE_STATES, ArticleFilter, ArticleState, ArticleSummary
from annotator.store.project import Project, ProjectError
from annotator.store.schema import SCHEMA_VERSION, text_hash

__all__ = [
    "ARTICLE_STATES",
    "SCHEMA_VERSION",
    "ArticleFilter",
    "ArticleState",
    "ArticleSummary",
    "Project",
    "ProjectError",
    "text_hash",
]
