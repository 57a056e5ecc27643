"""Two imports of the same folder into one project at the same time store each text once.

``annotator import`` takes the project's lock, as the window does, so a second one is
refused while the first runs; and the store's unique key on the text's fingerprint makes
the duplicate check and the insert one step, for processes that share a project without
the lock (the window's own import child, a script).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from annotator.store import Project
from tests.services.test_import_kill import COUNT, write_articles

IMPORT_WITHOUT_LOCK = textwrap.dedent(
    """
    import sys
    from annotator.services.importer import import_files
    from annotator.store import Project
    with Project.open(sys.argv[1]) as project:
        report = import_files(project, [sys.argv[2]], language="en")
    print(len(report.imported), len(report.skipped))
    """
)


def _distinct_texts(path: Path) -> tuple[int, int]:
    with Project.open(path) as project:
        texts = [a.text for a in project.iter_articles()]
        assert project.db.execute("pragma integrity_check").fetchone()[0] == "ok"
    return len(texts), len(set(texts))


def test_two_import_commands_at_once_store_each_article_once(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write_articles(folder)
    project = tmp_path / "study.annotator"
    Project.create(project).close()
    command = [sys.executable, "-m", "annotator", "import", str(project), str(folder)]
    children = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [(c.wait(timeout=300), *c.communicate()) for c in children]
    assert _distinct_texts(project) == (COUNT, COUNT), results
    outcomes = sorted(code for code, _out, _err in results)
    # Either the second was refused while the first ran, or it came after and found all in.
    assert outcomes in ([0, 1], [0, 2]), results
    for code, out, err in results:
        if code == 2:
            assert "already open in another Annotator" in err, err
        if code == 1:
            assert f"skipped {COUNT} file(s)" in out, out


def test_two_imports_sharing_the_project_without_the_lock_store_each_article_once(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    write_articles(folder)
    project = tmp_path / "study.annotator"
    Project.create(project).close()
    command = [sys.executable, "-c", IMPORT_WITHOUT_LOCK, str(project), str(folder)]
    children = [
        subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        for _ in range(2)
    ]
    results = [(c.wait(timeout=300), *c.communicate()) for c in children]
    assert all(code == 0 for code, _out, _err in results), results
    assert _distinct_texts(project) == (COUNT, COUNT), results
    counts = [tuple(map(int, out.split())) for _code, out, _err in results]
    assert sum(imported for imported, _skipped in counts) == COUNT, counts
    assert all(imported + skipped == COUNT for imported, skipped in counts), counts
