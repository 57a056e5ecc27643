import signal
import sqlite3
import subprocess
import sys

import pytest

from annotator.core import Analysis, Annotation, Article, Category, Codebook, Entity, Quote
from annotator.store import SCHEMA_VERSION, Project, ProjectError

TEXT = "Le maire Paul Martin a déclaré : « Nous tiendrons bon. »"


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "study.annotator") as project:
        yield project


def _article_with_suggestions(project: Project) -> Article:
    article = Article(text=TEXT, title="Grève", outlet="Le Progrès", date="2025-03-01")
    start = TEXT.index("Nous")
    analysis = Analysis(
        "fr",
        [Entity(9, 20, "Paul Martin", "PERSON")],
        [
            Quote(
                start, start + 16, "Nous tiendrons bon", "direct", "Paul Martin", 9, 20, "a déclaré"
            )
        ],
    )
    project.add_article(article, analysis)
    return article


def test_round_trip_survives_reopening(project, tmp_path):
    article = _article_with_suggestions(project)
    claim = Category("Claim", shortcut="C")
    project.install_codebook(Codebook([claim]))
    ann = Annotation(article.id, claim.id, 9, 20, "Paul Martin", "alice", {"position": "+1"})
    project.add_annotation(ann)
    project.close()

    with Project.open(tmp_path / "study.annotator") as again:
        assert again.article(article.id) == article
        assert again.entities(article.id) == [Entity(9, 20, "Paul Martin", "PERSON")]
        assert again.quotes(article.id)[0].speaker == "Paul Martin"
        assert again.annotations(article.id) == [ann]
        assert again.codebook().categories[0].shortcut == "C"
        assert again.coders() == ["alice"]
        [summary] = again.articles()
        assert (summary.title, summary.annotation_count) == ("Grève", 1)


def test_annotation_is_on_disk_when_add_returns(project):
    article = _article_with_suggestions(project)
    claim = Category("Claim")
    project.save_category(claim)
    project.add_annotation(Annotation(article.id, claim.id, 0, 8, "Le maire", "bob"))
    # Another connection, as after a crash: the row is committed.
    rows = sqlite3.connect(project.path).execute("select text, coder from annotations").fetchall()
    assert rows == [("Le maire", "bob")]


def test_annotation_text_must_match_the_article(project):
    article = _article_with_suggestions(project)
    claim = Category("Claim")
    project.save_category(claim)
    with pytest.raises(ValueError):
        project.add_annotation(Annotation(article.id, claim.id, 0, 8, "Le maire!", "bob"))


def test_delete_annotation(project):
    article = _article_with_suggestions(project)
    claim = Category("Claim")
    project.save_category(claim)
    ann = Annotation(article.id, claim.id, 0, 2, "Le", "bob")
    project.add_annotation(ann)
    project.delete_annotation(ann.id)
    assert project.annotations(article.id) == []


def test_duplicate_text_is_found_despite_spacing_and_quote_marks(project):
    article = _article_with_suggestions(project)
    variant = TEXT.replace("« ", '"').replace(" »", '"').replace(" ", "  ")
    assert project.find_duplicate(variant) == article.id
    assert project.find_duplicate("Autre chose.") is None


def test_wal_mode(project):
    assert project.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_open_refuses_what_is_not_a_project(tmp_path):
    missing = tmp_path / "missing.annotator"
    with pytest.raises(ProjectError, match="missing.annotator: no such project file"):
        Project.open(missing)
    text_file = tmp_path / "notes.annotator"
    text_file.write_text("these are my notes, not a database")
    with pytest.raises(ProjectError, match="notes.annotator: not a project file"):
        Project.open(text_file)


def test_open_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "future.annotator"
    Project.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(ProjectError, match="newer version"):
        Project.open(path)


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "a.annotator"
    Project.create(path).close()
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(path)


def test_killed_process_keeps_what_it_committed(tmp_path):
    path = tmp_path / "killed.annotator"
    script = f"""
import os, signal
from annotator.core import Annotation, Article, Category
from annotator.store import Project
project = Project.create({str(path)!r})
article = Article(text="Le maire a parlé.", title="t")
project.add_article(article)
claim = Category("Claim")
project.save_category(claim)
project.add_annotation(Annotation(article.id, claim.id, 3, 8, "maire", "alice"))
os.kill(os.getpid(), signal.SIGKILL)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL
    with Project.open(path) as project:
        [annotation] = project.annotations()
        assert (annotation.text, annotation.coder) == ("maire", "alice")


def test_a_file_locked_by_another_program_is_reported_on_opening(tmp_path):
    path = tmp_path / "shared.annotator"
    Project.create(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ProjectError, match="shared.annotator: in use by another program"):
            Project.open(path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    Project.open(path).close()
