"""The demo project a researcher sees at first start."""

from __future__ import annotations

from pathlib import Path

from annotator.paths import resource_dir, user_data_dir
from annotator.services.codebooks import starter_codebook
from annotator.store import Project


def demo_project_path() -> Path:
    return user_data_dir() / "demo.annotator"


def demo_article_files() -> list[Path]:
    return sorted((resource_dir() / "demo").glob("*.txt"))


def create_demo_project(path: Path) -> Project:
    """An empty project with the starter codebook; the caller imports demo_article_files()."""
    project = Project.create(path, name="Demo project")
    project.install_codebook(starter_codebook())
    return project
