"""Project files: SQLite through sqlite-utils, with a versioned schema."""

from annotator.store.project import ArticleSummary, Project, ProjectError
from annotator.store.schema import SCHEMA_VERSION, text_hash

__all__ = ["SCHEMA_VERSION", "ArticleSummary", "Project", "ProjectError", "text_hash"]
