"""Files that are not projects, empty files and read-only projects, through every command.

A file that is not a project is refused before anything is written to it and stays
byte-for-byte as it was; a read-only project can still be read (export, split, agreement,
merged from).
"""

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys

import pytest

from annotator.cli import main
from annotator.store import Project, ProjectError
from tests.services.team_project import make_project


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def foreign(tmp_path):
    """Someone else's SQLite database, given an .annotator name by mistake."""
    path = tmp_path / "survey.annotator"
    conn = sqlite3.connect(path)
    conn.execute("create table answers (id integer primary key, text text)")
    conn.executemany("insert into answers (text) values (?)", [("yes",), ("no",)])
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def empty(tmp_path):
    path = tmp_path / "empty.annotator"
    path.write_bytes(b"")
    return path


def _commands(path, tmp_path, good):
    out_dir = tmp_path / "coders"
    out_dir.mkdir(exist_ok=True)
    article = tmp_path / "story.txt"
    article.write_text("The mayor said the budget was balanced. " * 5, encoding="utf-8")
    return {
        "export": ["export", str(path), str(tmp_path / "out.xlsx")],
        "agreement": ["agreement", str(path), "--draws", "0"],
        "import": ["import", str(path), str(article)],
        "merge into": ["merge", str(path), str(good)],
        "merge from": ["merge", str(tmp_path / "merged.annotator"), str(good), str(path)],
        "split": ["split", str(path), "--coders", "a,b", "--out", str(out_dir)],
        "import-annotations": ["import-annotations", str(path), str(article), "--coder", "a"],
    }


@pytest.mark.parametrize("kind", ["foreign", "empty"])
def test_a_file_that_is_not_a_project_is_refused_and_left_as_it_was(
    kind, request, tmp_path, capsys
):
    path = request.getfixturevalue(kind)
    good = tmp_path / "good.annotator"
    make_project(good, articles=3).close()
    before = _digest(path)
    for name, argv in _commands(path, tmp_path, good).items():
        code = main(argv)
        err = capsys.readouterr().err
        assert code != 0, name
        assert path.name in err and "not a project" in err, (name, err)
        assert "Traceback" not in err
        assert _digest(path) == before, name
        assert not (tmp_path / "out.xlsx").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(path.name)) == [path.name]


def test_an_empty_file_is_not_opened_as_a_project(empty):
    with pytest.raises(ProjectError, match=r"empty \(0 bytes\), not a project"):
        Project.open(empty)
    assert empty.stat().st_size == 0


def test_new_on_a_full_disk_leaves_no_file(tmp_path, capsys):
    # RLIMIT_FSIZE makes every write past one byte fail like a full disk would (EFBIG).
    path = tmp_path / "study.annotator"
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1, 1))\n"
        "from annotator.cli import main\n"
        "sys.exit(main(['new', sys.argv[1]]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def read_only_project(tmp_path):
    """A project nobody may write: chmod for a user, the immutable flag for root."""
    path = tmp_path / "study.annotator"
    make_project(path, articles=6).close()
    immutable = False
    if os.geteuid() == 0 and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
    else:
        os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError:
        pass
    else:
        pytest.skip("cannot make a file read-only here (root without chattr)")
    yield path
    if immutable:
        subprocess.run(["chattr", "-i", str(path)], check=False)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_read_only_project_can_be_exported_split_and_merged_from(
    read_only_project, tmp_path, capsys
):
    before = _digest(read_only_project)
    assert main(["export", str(read_only_project), str(tmp_path / "out.xlsx")]) == 0
    assert main(["agreement", str(read_only_project), "--draws", "0"]) == 0
    out_dir = tmp_path / "coders"
    out_dir.mkdir()
    assert main(["split", str(read_only_project), "--coders", "a,b", "--out", str(out_dir)]) == 0
    merged = tmp_path / "merged.annotator"
    assert main(["merge", str(merged), str(read_only_project)]) == 0
    err = capsys.readouterr().err
    assert "saves every code" not in err
    assert _digest(read_only_project) == before
    with Project.open(merged) as project:
        assert project.article_count() == 6


def test_commands_that_only_read_open_the_file_read_only(tmp_path, capsys):
    """Even where permissions do not stop it (as root): no WAL switch, no upgrade in place."""
    path = tmp_path / "study.annotator"
    make_project(path, articles=4).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = _digest(path)
    assert main(["export", str(path), str(tmp_path / "out.jsonl")]) == 0
    assert main(["agreement", str(path), "--draws", "0"]) == 0
    out_dir = tmp_path / "coders"
    out_dir.mkdir()
    assert main(["split", str(path), "--coders", "a,b", "--out", str(out_dir)]) == 0
    assert main(["merge", str(tmp_path / "merged.annotator"), str(path)]) == 0
    assert _digest(path) == before
    with open(path, "rb") as fh:
        header = fh.read(20)
    assert header[18:20] == b"\x01\x01"  # still a rollback-journal file, not switched to WAL
