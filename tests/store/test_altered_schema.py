"""A project file whose schema another program altered (issue 14, items 10 and 22): refused
on opening, naming what is missing, instead of tracebacks half-way through a command."""

import shutil
import sqlite3
import subprocess
import sys

import pytest

from annotator.services.merge import MergeRefused, merge
from annotator.store import Project, ProjectError
from tests.services.team_project import make_project

ALTERATIONS = {
    "column": ("alter table annotations drop column memo", "“annotations” lacks “memo”"),
    "table": ("drop table codings", "“codings” is missing"),
}


@pytest.fixture(params=sorted(ALTERATIONS))
def altered(request, tmp_path):
    path = tmp_path / "study.annotator"
    make_project(path, articles=3).close()
    shutil.copy(path, tmp_path / "original.annotator")
    sql, reason = ALTERATIONS[request.param]
    db = sqlite3.connect(path)
    db.execute(sql)
    db.commit()
    db.close()
    return path, reason


@pytest.mark.parametrize("read_only", [False, True])
def test_opening_names_what_was_altered(altered, read_only):
    path, reason = altered
    before = path.read_bytes()
    with pytest.raises(ProjectError) as info:
        Project.open(path, read_only=read_only)
    message = str(info.value)
    assert str(path) in message and "altered" in message and reason in message
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", ["export", "import", "agreement"])
def test_commands_refuse_it_without_a_traceback(altered, tmp_path, command):
    path, reason = altered
    story = tmp_path / "story.txt"
    story.write_text("The minister said the reform would go ahead.", encoding="utf-8")
    args = {
        "export": ["export", str(path), str(tmp_path / "out.xlsx")],
        "import": ["import", str(path), str(story)],
        "agreement": ["agreement", str(path)],
    }[command]
    done = subprocess.run(
        [sys.executable, "-m", "annotator", *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr
    assert reason in done.stderr + done.stdout


def test_merging_a_file_that_lacks_a_column_is_refused(altered, tmp_path):
    path, reason = altered
    out = tmp_path / "merged.annotator"
    with pytest.raises(MergeRefused, match=f"study.annotator: .*altered.*{reason}"):
        merge(out, [tmp_path / "original.annotator", path])
    assert not out.exists()
