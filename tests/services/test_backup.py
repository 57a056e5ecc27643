import sqlite3

import pytest

from annotator.core import Annotation, Article, Category, Codebook
from annotator.services import backup
from annotator.services.backup import BackupError
from annotator.store import Project

TEXT = "Le maire Paul Martin a déclaré : « Nous tiendrons bon. »"


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "study.annotator") as project:
        project.install_codebook(Codebook([Category("Claim")]))
        yield project


def _code(project: Project, n: int = 1) -> None:
    """Add one article with ``n`` codes (a text of its own: a project holds a text once)."""
    article = Article(text=f"{TEXT} {project.article_count()}", title="Grève")
    project.add_article(article)
    category = project.codebook().categories[0]
    for i in range(n):
        project.add_annotation(Annotation(article.id, category.id, i, i + 2, TEXT[i : i + 2], "a"))


def test_backup_is_a_consistent_copy_with_counts(project, tmp_path):
    _code(project, 3)
    folder = tmp_path / "backups"
    made = backup.make_backup(project.path, folder)
    assert made.parent == folder and made.name.startswith("study ")
    [listed] = backup.list_backups(folder)
    assert (listed.path, listed.articles, listed.annotations, listed.problem) == (made, 1, 3, "")
    # A self-contained file: opens as a project, no -wal beside it.
    assert not made.with_name(made.name + "-wal").exists()
    with Project.open(made) as copy:
        assert copy.article_count() == 1
    assert list(folder.glob("*.partial")) == []


def test_unchanged_project_is_not_backed_up_twice(project, tmp_path):
    _code(project)
    folder = tmp_path / "backups"
    first = backup.make_backup(project.path, folder)
    again = backup.make_backup(project.path, folder)
    assert again == first and backup.list_backup_files(folder) == [first]
    _code(project)
    third = backup.make_backup(project.path, folder)
    assert third != first
    assert backup.list_backup_files(folder) == [third, first]


def test_only_the_newest_are_kept(project, tmp_path):
    folder = tmp_path / "backups"
    made = []
    for _ in range(5):
        _code(project)
        made.append(backup.make_backup(project.path, folder, keep=3))
    kept = backup.list_backup_files(folder)
    assert kept == made[::-1][:3]
    assert [b.articles for b in backup.list_backups(folder)] == [5, 4, 3]


def test_restore_backs_up_the_current_state_first(project, tmp_path):
    _code(project, 2)
    folder = tmp_path / "backups"
    old = backup.make_backup(project.path, folder)
    _code(project, 4)
    project.close()

    before = backup.restore_backup(old, project.path, folder)

    assert backup.read_backup(before).articles == 2  # what was there before restoring
    with Project.open(project.path) as restored:
        assert restored.article_count() == 1
        assert sum(a.annotation_count for a in restored.articles()) == 2
        assert restored.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert restored.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_damaged_backup_is_listed_with_its_problem_and_not_restored(project, tmp_path):
    _code(project)
    folder = tmp_path / "backups"
    good = backup.make_backup(project.path, folder)
    _code(project)
    bad = backup.make_backup(project.path, folder)
    bad.write_bytes(b"not a database at all" * 100)
    newest = backup.list_backups(folder)[0]
    assert newest.path == bad and newest.problem
    project.close()
    with pytest.raises(BackupError, match="cannot be restored"):
        backup.restore_backup(bad, project.path, folder)
    with Project.open(project.path) as unchanged:
        assert unchanged.article_count() == 2
    assert backup.read_backup(good).articles == 1


def test_backup_folder_is_named_after_the_project_and_its_id(tmp_path):
    folder = backup.backup_folder(tmp_path / "My study: 2025.annotator", "a1b2c3d4e5f6", tmp_path)
    assert folder == tmp_path / "My_study_2025-a1b2c3d4"


def test_backup_into_a_folder_that_cannot_be_made_names_it(project, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BackupError, match="backup folder"):
        backup.make_backup(project.path, blocker / "backups")


def test_backup_while_another_connection_writes(project, tmp_path):
    """The snapshot is consistent even with a write transaction open elsewhere."""
    _code(project, 2)
    writer = sqlite3.connect(project.path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("delete from annotations")
    made = backup.make_backup(project.path, tmp_path / "backups")
    writer.rollback()
    writer.close()
    assert backup.read_backup(made).annotations == 2
