"""The import service on real files with the real pipelines."""

from annotator.services.importer import Progress, import_files
from annotator.store import Project


def _write_articles(folder, count):
    paths = []
    for n in range(count):
        path = folder / f"story-{n}.txt"
        path.write_text(
            f"Council vote number {n}\n\n"
            f'LEEDS – "We will decide on item {n} tonight," said council leader Sarah Collins.\n',
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_progress_is_reported_batch_by_batch_and_cancel_keeps_what_was_stored(tmp_path):
    paths = _write_articles(tmp_path, 5)
    seen: list[Progress] = []
    with Project.create(tmp_path / "p.annotator") as project:
        report = import_files(
            project,
            paths,
            progress=seen.append,
            is_cancelled=lambda: len(seen) >= 2,
            batch_size=2,
        )
        assert report.cancelled
        assert [(p.done, p.total) for p in seen] == [(2, 5), (4, 5)]
        assert len(report.imported) == 4
        assert project.article_count() == 4
        assert "cancelled" in report.lines()[-1]
        stored = project.articles()[0]
        assert project.quotes(stored.id)[0].speaker == "Sarah Collins"
        assert stored.language == "en"


def test_folders_are_walked_for_text_files(tmp_path):
    nested = tmp_path / "corpus" / "2025"
    nested.mkdir(parents=True)
    _write_articles(nested, 2)
    (nested / "notes.md").write_text("not an article")
    with Project.create(tmp_path / "p.annotator") as project:
        report = import_files(project, [tmp_path / "corpus"])
        assert len(report.imported) == 2 and not report.skipped
