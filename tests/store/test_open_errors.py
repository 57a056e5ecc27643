"""Opening a project another Annotator has open, a read-only file, a file on a full disk.

Each gives a clear message naming the file, and leaves the file as it was. The read-only and
full-disk cases need a real read-only or full file system: as root they mount a small tmpfs
(skipped where mounting is not permitted); otherwise they use file permissions.
"""

import contextlib
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.core import Article
from annotator.store import Project, ProjectError
from annotator.store.lock import lock_path
from tests.small_disk import fill, tmpfs

HOLDER = textwrap.dedent(
    """
    import sys
    from annotator.store import Project
    project = Project.open(sys.argv[1], exclusive=True)
    print("ready", flush=True)
    sys.stdin.readline()
    project.close()
    """
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _project_with_articles(path: Path, n: int = 3) -> Path:
    with Project.create(path) as project:
        for i in range(n):
            project.add_article(Article(text=f"Article {i}. " * 50, title=f"Article {i}"))
    return path


@contextlib.contextmanager
def _holder(path: Path):
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        yield child
    finally:
        if child.poll() is None:
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                child.communicate("\n", timeout=10)  # closes the project there
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)


# -- another instance ----------------------------------------------------------------------


def test_project_open_in_another_app_is_refused_by_name(tmp_path):
    path = _project_with_articles(tmp_path / "study.annotator")
    with _holder(path) as child:
        with pytest.raises(ProjectError) as info:
            Project.open(path, exclusive=True)
        message = str(info.value)
        assert str(path) in message and "already open" in message
        assert f"process {child.pid}" in message
        # Its workers (and the command line) still open it alongside.
        with Project.open(path) as worker:
            assert worker.article_count() == 3
    # Closed there: free again, and the lock file is gone with it.
    assert not lock_path(path).exists()
    Project.open(path, exclusive=True).close()


def test_lock_of_a_crashed_app_is_taken_over(tmp_path):
    path = _project_with_articles(tmp_path / "study.annotator")
    with _holder(path) as child:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert lock_path(path).exists()  # left behind by the crash
    with Project.open(path, exclusive=True) as project:
        assert project.article_count() == 3
        holder = json.loads(lock_path(path).read_text())
        assert holder["pid"] == os.getpid()


def test_lock_file_naming_a_dead_process_is_stale(tmp_path):
    path = _project_with_articles(tmp_path / "study.annotator")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock_path(path).write_text(json.dumps({"pid": dead.pid, "host": "x", "since": "then"}))
    Project.open(path, exclusive=True).close()


def test_second_window_in_the_same_process_is_refused_too(tmp_path):
    path = _project_with_articles(tmp_path / "study.annotator")
    first = Project.open(path, exclusive=True)
    with pytest.raises(ProjectError, match="already open"):
        Project.open(path, exclusive=True)
    first.close()
    Project.open(path, exclusive=True).close()


# -- read-only -----------------------------------------------------------------------------


def _writable(path: Path) -> bool:
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError:
        return False
    return True


@pytest.fixture
def read_only_file(tmp_path):
    """A project file nobody may write: chmod for a user, the immutable flag for root."""
    path = _project_with_articles(tmp_path / "study.annotator")
    immutable = False
    if os.geteuid() == 0 and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
    else:
        path.chmod(0o444)
    if _writable(path):
        pytest.skip("cannot make a file read-only here (root without chattr)")
    yield path
    if immutable:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_read_only_file_is_refused_and_left_unchanged(read_only_file):
    before = _digest(read_only_file)
    for exclusive in (False, True):
        with pytest.raises(ProjectError) as info:
            Project.open(read_only_file, exclusive=exclusive)
        assert str(read_only_file) in str(info.value) and "read-only" in str(info.value)
    assert _digest(read_only_file) == before
    assert sorted(p.name for p in read_only_file.parent.iterdir()) == ["study.annotator"]


def test_project_on_a_read_only_file_system_is_refused(tmp_path):
    if os.geteuid() != 0:
        folder = tmp_path / "shared"
        folder.mkdir()
        path = _project_with_articles(folder / "study.annotator")
        folder.chmod(0o555)
        expected = "read-only"
    else:
        with tmpfs(tmp_path / "ro", "size=4m") as folder:
            _project_with_articles(folder / "study.annotator")
            for leftover in folder.glob("study.annotator-*"):
                leftover.unlink()
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
            path = folder / "study.annotator"
            before = _digest(path)
            with pytest.raises(ProjectError) as info:
                Project.open(path, exclusive=True)
            assert str(path) in str(info.value) and "read-only" in str(info.value)
            assert _digest(path) == before
        return
    try:
        before = _digest(path)
        with pytest.raises(ProjectError, match=expected) as info:
            Project.open(path, exclusive=True)
        assert str(path) in str(info.value)
        assert _digest(path) == before
    finally:
        folder.chmod(0o755)


# -- full disk -----------------------------------------------------------------------------


def test_project_on_a_full_disk_is_refused_then_opens_intact(tmp_path):
    with tmpfs(tmp_path / "disk", "size=2m") as folder:
        path = _project_with_articles(folder / "study.annotator", 20)
        before = _digest(path)
        filler = fill(folder)
        with pytest.raises(ProjectError) as info:
            Project.open(path, exclusive=True)
        message = str(info.value)
        assert str(path) in message and "disk is full" in message
        assert _digest(path) == before
        assert not lock_path(path).exists()
        filler.unlink()
        with Project.open(path, exclusive=True) as project:
            assert project.article_count() == 20
            assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_disk_filling_up_while_coding_keeps_what_was_saved(tmp_path):
    with tmpfs(tmp_path / "disk", "size=2m") as folder:
        path = _project_with_articles(folder / "study.annotator", 5)
        project = Project.open(path, exclusive=True)
        filler = fill(folder)
        with pytest.raises(sqlite3.OperationalError, match="full|disk"):
            project.add_article(Article(text="Long article. " * 20000, title="Too big"))
        project.close()
        filler.unlink()
        with Project.open(path) as again:
            assert again.article_count() == 5
            assert again.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_write_refused_by_a_size_limit_keeps_the_file_consistent(tmp_path):
    """Where no small file system can be mounted: SQLite's own page limit gives SQLITE_FULL."""
    path = _project_with_articles(tmp_path / "study.annotator", 5)
    with Project.open(path) as project:
        pages = project.db.execute("PRAGMA page_count").fetchone()[0]
        project.db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(sqlite3.OperationalError, match="full"):
            project.add_article(Article(text="Long article. " * 20000, title="Too big"))
    with Project.open(path) as again:
        assert again.article_count() == 5
        assert again.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
