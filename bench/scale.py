"""Scale benchmark (issue 6): a 10,000-article project opens and switches articles at once.

Builds a project of N articles (default 10,000, about 400 words each, with entities,
quotes, actors and some codes), then measures, in one process:

- open: ``Project.open`` + the article list as the window reads it (summaries with the
  coder's progress) against a bare ``sqlite3`` read of the same rows (id, title, outlet,
  date, language, source file);
- window open: ``MainWindow.open_project`` until the list and the first article are shown;
- switch: ``MainWindow.load_article`` (store reads + reader layout) for 50 articles
  against bare SQL reads of the same article, entities, quotes and annotations.

Targets on a laptop: open < 1 s, switch < 100 ms. ``python -m bench scale`` (set
BENCH_SCALE_ARTICLES to change N).
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.sizes import size

N = int(os.environ.get("BENCH_SCALE_ARTICLES", size(10_000, 60)))
WORDS = [
    "council",
    "budget",
    "minister",
    "tram",
    "city",
    "plan",
    "vote",
    "green",
    "housing",
    "rent",
    "school",
    "strike",
    "police",
    "court",
    "union",
    "market",
    "energy",
    "price",
    "water",
    "health",
]


def build(path: Path, n: int = N) -> list[str]:
    from annotator.core import Actor, Analysis, Article, Entity, Mention, Quote
    from annotator.services.codebooks import starter_codebook
    from annotator.store import Project

    rng = random.Random(7)
    ids: list[str] = []
    with Project.create(path) as project:
        book = starter_codebook()
        project.install_codebook(book)
        claim = book.categories[0].id
        batch = []
        for i in range(n):
            lead = f"Mayor Anna Berg said the plan {i} was ready. "
            body = " ".join(rng.choice(WORDS) for _ in range(400))
            text = lead + "“We will build it,” said Berg.\n\n" + body
            anna = Actor(
                "Anna Berg",
                mentions=[
                    Mention(6, 15, "Anna Berg"),
                    Mention(text.index("Berg."), text.index("Berg.") + 4, "Berg"),
                ],
            )
            q = text.index("We will")
            analysis = Analysis(
                "en",
                entities=[Entity(6, 15, "Anna Berg", "PERSON")] * 1,
                quotes=[
                    Quote(
                        q, q + 18, text[q : q + 18], "direct", "Anna Berg", 6, 15, "said", anna.id
                    )
                ],
                actors=[anna],
            )
            article = Article(
                text=text,
                title=f"Tram plan {i}",
                outlet=f"Outlet {i % 12}",
                date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                language="en",
            )
            ids.append(article.id)
            batch.append((article, analysis))
            if len(batch) == 500:
                project.add_articles(batch)
                batch = []
        project.add_articles(batch)
        for article_id in ids[: n // 5]:
            project.db.execute(
                "insert into annotations (id, article_id, coder, category_id, start, end, text,"
                " attributes, memo, created, modified) values (lower(hex(randomblob(16))), ?,"
                " 'alice', ?, 6, 15, 'Anna Berg', '{}', '', 'x', 'x')",
                [article_id, claim],
            )
        project.db.conn.commit()
    return ids


def _best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def run() -> list[tuple[str, float, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from annotator.services.settings import Settings
    from annotator.store import Project
    from annotator.ui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    path = folder / "scale.annotator"
    started = time.perf_counter()
    ids = build(path)
    built = time.perf_counter() - started

    def bare_open() -> None:
        conn = sqlite3.connect(path)
        conn.execute(
            "select id, title, outlet, date, language, source_file from articles"
            " order by imported_at, rowid"
        ).fetchall()
        conn.close()

    def store_open() -> None:
        with Project.open(path) as project:
            project.codebook()
            project.articles("alice")

    bare = _best(bare_open)
    ours = _best(store_open)

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Settings(coder="alice"), interactive=False)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.open_project(path)
    app.processEvents()
    window_open = time.perf_counter() - started

    sample = random.Random(3).sample(ids, 50)
    conn = sqlite3.connect(path)

    def bare_switch(article_id: str) -> None:
        conn.execute("select * from articles where id = ?", [article_id]).fetchall()
        for table in ("entities", "quotes", "annotations"):
            conn.execute(f"select * from {table} where article_id = ?", [article_id]).fetchall()

    def window_switch(article_id: str) -> None:
        window.load_article(article_id)
        app.processEvents()

    bare_times = [_best(lambda a=a: bare_switch(a), 3) for a in sample]
    switch_times = [_best(lambda a=a: window_switch(a), 3) for a in sample]
    window.shutdown()
    window.close()
    conn.close()
    bare_s = statistics.median(bare_times)
    switch_s = statistics.median(switch_times)
    worst = max(switch_times)
    return [
        (
            f"scale: open {N} articles (store vs bare SQL)",
            ours / bare,
            f"{ours * 1000:.0f} ms vs {bare * 1000:.0f} ms; window shows list + first article in "
            f"{window_open * 1000:.0f} ms (target < 1 s); built in {built:.0f} s",
        ),
        (
            "scale: switch article (window vs bare SQL)",
            switch_s / bare_s,
            f"median {switch_s * 1000:.1f} ms vs {bare_s * 1000:.2f} ms, "
            f"worst {worst * 1000:.1f} ms (target < 100 ms)",
        ),
    ]


if __name__ == "__main__":
    for label, ratio, detail in run():
        print(f"{label:<48} {ratio:>8.2f}  {detail}")
