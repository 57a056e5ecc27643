"""kill -9 during an import leaves a project that opens, with whole articles only.

The import stores each batch of articles with their suggestions in one transaction
(SQLite, WAL): a kill loses the batch in flight and nothing else, and importing the
same folder again stores the rest and skips what is already in.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from annotator.store import Project

COUNT = 60
FIRST = ["Sarah", "Tom", "Amira", "Kevin", "Laura", "Omar", "Helen", "Dmitri", "Grace", "Paul"]
LAST = ["Collins", "Baker", "Haddad", "Walsh", "Turner", "Okafor", "Price", "Novak", "Hughes"]
TOWNS = ["Leeds", "Bristol", "Norwich", "Cardiff", "Glasgow", "Belfast", "York", "Exeter"]
TOPICS = ["tram line", "school budget", "bus lane", "hospital wing", "flood wall", "library"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_articles(folder: Path) -> None:
    """Short English stories with names and a quote; different words every few words,
    so that none is a near-duplicate of another."""
    rng = random.Random(9)
    folder.mkdir()
    for n in range(COUNT):
        speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        town, topic, day = rng.choice(TOWNS), rng.choice(TOPICS), rng.choice(DAYS)
        cost = rng.randint(2, 900)
        (folder / f"story-{n:02d}.txt").write_text(
            f"{town} {topic} vote {n}\n\n"
            f"{town.upper()} – Councillors in {town} approved plan {n} for the {topic}"
            f" on {day}, at a cost of £{cost} million.\n\n"
            f'"Plan {n} is what {town} asked for," said {speaker}, who leads the council.\n\n'
            f"{other}, for the opposition, said the {cost} million for the {topic} came"
            f" {rng.randint(2, 30)} years too late.\n",
            encoding="utf-8",
        )


def stored_count(path: Path) -> int:
    """Articles committed so far, read the way another program would (read-only)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("select count(*) from articles").fetchone()[0])
    except sqlite3.Error:  # not created yet, or its tables not yet
        return 0


def run_import(project: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "import", str(project), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_kill_9_during_an_import_keeps_whole_articles_and_a_second_import_finishes(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    write_articles(folder)
    project_path = tmp_path / "study.annotator"

    child = run_import(project_path, folder)
    deadline = time.monotonic() + 60
    while stored_count(project_path) == 0:
        assert child.poll() is None, child.communicate()[0]
        assert time.monotonic() < deadline, "no article was stored within 60 s"
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    with Project.open(project_path) as project:
        db = project.db
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        kept = project.article_count()
        print(f"{kept} of {COUNT} articles stored before the kill")
        assert 0 < kept < COUNT, "the kill came too late to test anything"
        # Whole articles only: each has its text, its language and its suggestions,
        # and no suggestion points at an article that is not there.
        for article in project.iter_articles():
            assert article.text and article.language == "en", article.source_file
            assert project.quotes(article.id), f"{article.source_file} lost its quotes"
            assert project.entities(article.id), f"{article.source_file} lost its entities"
        for table in ("entities", "quotes"):
            orphans = db.execute(
                f"select count(*) from {table} where article_id not in (select id from articles)"
            ).fetchone()[0]
            assert orphans == 0, table

    again = run_import(project_path, folder)
    out = again.communicate(timeout=120)[0]
    assert again.returncode == 1, out  # 1: some files were skipped (those already in)
    assert f"imported {COUNT - kept} article(s), skipped {kept} file(s)" in out
    skipped = [line for line in out.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == kept and all("already in the project" in s for s in skipped), out
    with Project.open(project_path) as project:
        assert project.article_count() == COUNT
        titles = sorted(a.title for a in project.articles())
        assert len(set(titles)) == COUNT
