"""A disk that fills up during an import or an export (issue 14, item 11): a message naming
the file, what was saved is kept, no traceback and no half-written file under the name asked.

These need a small real file system: as root a tmpfs is mounted, otherwise they skip.
"""

import subprocess
import sys

import pytest

from annotator.core import Coding
from annotator.services.importer import NOT_IMPORTED, import_files
from annotator.store import Project
from tests.services.team_project import make_project
from tests.small_disk import fill, tmpfs

WORDS = "The minister said on Tuesday that the reform of the pension system would go ahead. "


def test_an_import_that_fills_the_disk_stops_keeps_what_was_stored_and_says_so(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for number in range(24):
        (sources / f"story-{number:02d}.txt").write_text(
            f"Story {number}\n\n" + f"{number} {WORDS}" * 60, encoding="utf-8"
        )
    with tmpfs(tmp_path / "disk", "size=4m") as folder:
        path = folder / "study.annotator"
        Project.create(path).close()
        with Project.open(path, exclusive=True) as project:
            filler = fill(folder, leave=150_000)  # the disk fills up as the import runs
            report = import_files(project, [sources], language="en", batch_size=2)
        assert report.stopped, report.lines()
        assert str(path) in report.stopped and "disk is full" in report.stopped
        kept = len(report.imported)
        assert 0 < kept < 24
        assert any("stopped" in line for line in report.lines())
        left = [row for row in report.rows() if row[1] == NOT_IMPORTED]
        assert len(left) == 24 - kept and all("disk is full" in row[2] for row in left)
        filler.unlink()
        with Project.open(path, exclusive=True) as project:
            assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert project.article_count() == kept
            # Importing again once there is room adds the rest and skips those kept.
            again = import_files(project, [sources], language="en")
            assert len(again.imported) == 24 - kept
            assert project.article_count() == 24


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".zip", ".jsonl", ".qdpx", ".sav", ".dta"])
def test_an_export_to_a_full_disk_says_so_and_leaves_nothing(tmp_path, suffix):
    project = tmp_path / "study.annotator"
    with make_project(project, articles=300) as made, made.db.atomic():
        for article_id in made.article_ids():
            made.set_coding(Coding(article_id, "var-topic", "alice", "economy"))
    with tmpfs(tmp_path / "disk", "size=1m") as folder:
        fill(folder)
        out = folder / f"study{suffix}"
        done = subprocess.run(
            [sys.executable, "-m", "annotator", "export", str(project), str(out)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode != 0, done.stdout
        assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
        assert f"{out}: cannot be written" in done.stderr, done.stderr
        assert [p.name for p in folder.iterdir()] == ["filler"]
