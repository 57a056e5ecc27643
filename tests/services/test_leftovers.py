"""What killed merges, splits and exports leave behind is removed by the next run (issue 14,
item 20); the copies of a run still going are left alone."""

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services.codebooks import write_codebook
from annotator.services.exports import export_project
from annotator.services.merge import merge
from annotator.services.split import split
from tests.services.team_project import make_project


@pytest.fixture(scope="module")
def dead_pid():
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def live_pid():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child.pid
    child.kill()
    child.wait()


def _leave(target: Path, kind: str, pid: int, sidecars=("-wal", "-shm")) -> list[Path]:
    copy = target.with_name(f".{target.name}.{kind}-{pid}")
    made = [copy, *(Path(f"{copy}{s}") for s in sidecars)]
    for path in made:
        path.write_bytes(b"\0" * 1024)
    return made


def _hidden(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.name.startswith(".")}


def test_merge_and_split_remove_the_copies_of_killed_runs(tmp_path, dead_pid, live_pid):
    master = tmp_path / "study.annotator"
    make_project(master, articles=4).close()
    coders = tmp_path / "coders"
    coders.mkdir()
    killed = _leave(coders / "study-alice.annotator", "splitting", dead_pid)
    running = _leave(coders / "study-alice.annotator", "splitting", live_pid, ())
    report = split(master, ["alice", "bob"], 0.5, coders, seed=1)
    assert report.files["alice"].name == "study-alice.annotator"
    assert not any(p.exists() for p in killed) and all(p.exists() for p in running)
    out = tmp_path / "merged.annotator"
    killed = _leave(out, "merging", dead_pid)
    running = _leave(out, "merging", live_pid, ())
    merge(out, list(report.files.values()))
    assert not any(p.exists() for p in killed) and all(p.exists() for p in running)
    assert _hidden(tmp_path) == {p.name for p in running}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".zip", ".jsonl", ".qdpx", ".sav", ".R"])
def test_exports_write_beside_their_target_and_remove_killed_copies(
    tmp_path, dead_pid, live_pid, suffix
):
    project = make_project(tmp_path / "study.annotator", articles=3)
    out = tmp_path / f"study{suffix}"
    killed = _leave(out, "writing", dead_pid, ())
    running = _leave(out, "writing", live_pid, ())
    with project:
        export_project(project, out)
    assert out.exists()
    assert not any(p.exists() for p in killed) and all(p.exists() for p in running)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    with make_project(tmp_path / "other.annotator", articles=1) as other:
        write_codebook(other.codebook(), tmp_path / "b.json")
    assert _hidden(tmp_path) == {p.name for p in running}


def test_a_run_removes_the_temporary_folders_of_killed_runs(tmp_path, dead_pid, capsys):
    left = Path(tempfile.gettempdir()) / f"annotator-{dead_pid}"
    left.mkdir(exist_ok=True)
    (left / "openpyxl.sheet.xml").write_bytes(b"\0" * 1024)
    project = tmp_path / "study.annotator"
    make_project(project, articles=2).close()
    assert main(["export", str(project), str(tmp_path / "out.xlsx")]) == 0
    assert not left.exists()
