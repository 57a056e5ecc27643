"""Folders an import meets in the wild: links out of the folder, named pipes that look like
spreadsheets, file names that are not UTF-8. Each is named and skipped or imported; the
batch goes on. Real files, a real FIFO, a real project, the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.services.importer import import_files
from annotator.store import Project

STORY = "The mayor of {town} said on Monday that the new bridge would open in {month}. "
TOWNS = ["Leeds", "York", "Bath", "Derby", "Ely"]


def _story(folder: Path, name: str | bytes, number: int) -> None:
    text = STORY.format(town=TOWNS[number], month=["May", "June", "July", "March", "April"][number])
    path = os.path.join(os.fsencode(folder), os.fsencode(name))
    with open(path, "wb") as fh:
        fh.write((text * 4).encode("utf-8"))


@pytest.fixture
def secret(tmp_path):
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "passwords.txt").write_text("root:secret:0:0 " * 20, encoding="utf-8")
    return outside


def test_links_that_leave_the_folder_are_skipped_by_name(tmp_path, secret):
    corpus = tmp_path / "corpus"
    (corpus / "inner").mkdir(parents=True)
    _story(corpus, "good.txt", 0)
    _story(corpus / "inner", "real.txt", 1)
    (corpus / "passwords.txt").symlink_to(secret / "passwords.txt")
    (corpus / "elsewhere").symlink_to(secret, target_is_directory=True)
    (corpus / "same.txt").symlink_to(corpus / "inner" / "real.txt")  # stays inside: read
    with Project.create(tmp_path / "p.annotator") as project:
        report = import_files(project, [corpus], language="en")
        texts = [a.text for a in project.iter_articles()]
    assert len(texts) == 2 and not any("secret" in t for t in texts)
    skipped = {Path(p.path).name: p.reason for p in report.skipped}
    assert "outside the folder" in skipped["passwords.txt"]
    assert "outside the folder" in skipped["elsewhere"]
    assert "already in the project" in skipped["same.txt"]


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".xlsx", ".zip"])
def test_a_named_pipe_in_the_folder_does_not_hang_the_import(tmp_path, suffix):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _story(corpus, "good.txt", 0)
    os.mkfifo(corpus / f"data{suffix}")
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(tmp_path / "p.annotator"), str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert f"skipped {corpus / f'data{suffix}'}: not a regular file (a named pipe)" in done.stdout
    assert "imported 1 article(s), skipped 1 file(s)" in done.stdout


def test_a_named_pipe_given_by_name_is_refused_not_read(tmp_path):
    pipe = tmp_path / "data.csv"
    os.mkfifo(pipe)
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(tmp_path / "p.annotator"), str(pipe)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "not a regular file" in done.stdout, (done.stdout, done.stderr)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="names there are Unicode")
def test_a_file_name_that_is_not_utf8_is_imported_and_the_batch_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _story(corpus, b"caf\xe9 cr\xe8me.txt", 0)  # Latin-1 bytes
    _story(corpus, "good.txt", 1)
    project_path = tmp_path / "p.annotator"
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(project_path), str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "imported 2 article(s)" in done.stdout
    with Project.open(project_path) as project:
        names = sorted(Path(a.source_file).name for a in project.iter_articles())
    assert names == ["caf\ufffd cr\ufffdme.txt", "good.txt"]
    out = tmp_path / "out.xlsx"
    assert (
        subprocess.run(
            [sys.executable, "-m", "annotator", "export", str(project_path), str(out)],
            capture_output=True,
            timeout=120,
        ).returncode
        == 0
    )
