"""Export benchmark (issue 7): 100,000 annotations to .xlsx, against bare openpyxl.

Builds a project of 100,000 annotations (about 9,100 articles, two coders, one article
in ten coded by both; 10 yes/no article variables; claims with an actor and a position)
straight into the store with ``executemany``, then, each in a fresh process so that the
peak memory is the run's own:

- export: ``export_project(project, "out.xlsx")``, every sheet, reliability included;
- baseline: the same cells (the exported workbook read back into lists before the clock
  starts) appended to a bare ``Workbook(write_only=True)`` and saved.

Prints the CPU-time ratio (target <= 2), the peak RSS of both processes (VmHWM), and
the export's peak RSS at a quarter of the size, with and without the reliability sheet
(``project_agreement`` reads every code and span into memory, so it grows with them):
memory that does not grow with the project is what "bounded" means here.
``python -m bench export``; ``ANNOTATOR_BENCH_ANNOTATIONS`` changes the size,
``ANNOTATOR_BENCH_REPEATS`` the number of runs.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

from bench.sizes import size

ANNOTATIONS = int(os.environ.get("ANNOTATOR_BENCH_ANNOTATIONS", size(100_000, 400)))
TARGET_RATIO = 2.0
REPEATS = int(os.environ.get("ANNOTATOR_BENCH_REPEATS", "1"))
SPANS_PER_ARTICLE = 10
VARIABLES = 10
WORDS = ["council", "budget", "minister", "tram", "city", "plan", "vote", "green", "housing"]


def build(path: Path, annotations: int = ANNOTATIONS) -> None:
    """A project with ``annotations`` annotations, written with executemany in one go."""
    from annotator.core import (
        Annotation,
        Article,
        Category,
        Codebook,
        ValueLabel,
        Variable,
        new_id,
    )
    from annotator.store import Project, text_hash
    from annotator.store.rows import annotation_row, article_row

    rng = random.Random(7)
    claim = Category("Claim", color="#f06292")
    others = [Category(f"Frame {i}", color="#4db6ac") for i in range(5)]
    actor_var = Variable("actor", "Claimant", "actor", "unit", claim.id)
    position = Variable(
        "position",
        "Position",
        "ordinal",
        "unit",
        claim.id,
        values=(ValueLabel("-1"), ValueLabel("0"), ValueLabel("+1")),
        position=1,
    )
    questions = [Variable(f"q{i}", f"Question {i}", "yesno", position=i) for i in range(VARIABLES)]
    coders = ["alice", "bob"]
    # Each article is coded by one coder, one in ten by both: spans per (article, coder).
    n_articles = int(annotations / SPANS_PER_ARTICLE / 1.1) + 1
    with Project.create(path) as project:
        project.install_codebook(Codebook([claim, *others], [actor_var, position, *questions]))
        for coder in coders:
            project.ensure_coder(coder)
        articles, actors, mentions, spans, codings = [], [], [], [], []
        for i in range(n_articles):
            words = [rng.choice(WORDS) for _ in range(300)]
            words[5:7] = ["Ann", "Lee"]
            text = " ".join(words)
            article = Article(
                text=text,
                title=f"Story {i}",
                outlet=rng.choice(["Daily", "Herald", "=Sun"]),
                date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                language="en",
            )
            row = article_row(article)
            row["text_hash"] = text_hash(text)
            articles.append(row)
            actor_id = new_id()
            start = text.index("Ann Lee")
            actors.append((actor_id, article.id, "Ann Lee", "PERSON", "machine"))
            mentions.append((actor_id, start, start + 7, "Ann Lee"))
            who = coders if i % 10 == 0 else [coders[i % 2]]
            for coder in who:
                for q in questions:
                    value = json.dumps(rng.choice(["yes", "no"]))
                    codings.append((new_id(), article.id, q.id, coder, value, "2025-09-01"))
                for s in range(SPANS_PER_ARTICLE):
                    begin = s * 60
                    end = begin + 40
                    category = claim if s % 2 == 0 else others[s % 5]
                    attributes = (
                        {actor_var.id: actor_id, position.id: rng.choice(["-1", "0", "+1"])}
                        if category is claim
                        else {}
                    )
                    spans.append(
                        annotation_row(
                            Annotation(
                                article.id,
                                category.id,
                                begin,
                                end,
                                text[begin:end],
                                coder,
                                attributes,
                                memo="=check" if s == 3 else "",
                            )
                        )
                    )
        db = project.db
        with db.atomic():
            _insert(db, "articles", articles)
            _insert(db, "annotations", spans[:annotations])
            db.conn.executemany(
                "insert into actors (id, article_id, name, type, source) values (?,?,?,?,?)",
                actors,
            )
            db.conn.executemany(
                "insert into mentions (actor_id, start, end, text) values (?,?,?,?)", mentions
            )
            db.conn.executemany(
                "insert into codings (id, article_id, variable_id, coder, value, modified)"
                " values (?,?,?,?,?,?)",
                codings,
            )


def _insert(db: sqlite_utils.Database, table: str, rows: list[dict[str, object]]) -> None:
    columns = list(rows[0])
    sql = f"insert into {table} ({', '.join(columns)}) values ({', '.join('?' * len(columns))})"
    db.conn.executemany(sql, ([row[c] for c in columns] for row in rows))


def child(kind: str, project_path: str, out: str) -> dict[str, float]:
    """One measured run in this process: ``export``, ``streaming`` (every sheet but the
    reliability one, whose figures ``project_agreement`` computes in memory) or
    ``baseline``."""
    import resource

    from openpyxl import Workbook, load_workbook

    from annotator.services.exports import SHEETS, export_project, tables
    from annotator.services.exports.xlsx import write_workbook
    from annotator.store import Project

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    with Project.open(project_path) as project:
        if kind == "baseline":
            # The cells of the export just written, read back into lists: the same cells,
            # without the agreement figures' memory (computed for the export, not here).
            source = load_workbook(Path(out).with_name("export.xlsx"), read_only=True)
            data = [
                (sheet.title, rows[0], rows[1:])
                for sheet in source.worksheets
                for rows in [list(sheet.iter_rows(values_only=True))]
            ]
            source.close()
        started, cpu_started = time.perf_counter(), cpu()
        if kind == "export":
            export_project(project, out)
        elif kind == "streaming":
            write_workbook(tables(project, names=SHEETS[:-1]), Path(out))
        else:
            book = Workbook(write_only=True)
            for name, columns, rows in data:
                sheet = book.create_sheet(name)
                sheet.append(list(columns))
                for row in rows:
                    sheet.append(list(row))
            book.save(out)
        seconds, cpu_seconds = time.perf_counter() - started, cpu() - cpu_started
    return {"seconds": seconds, "cpu": cpu_seconds, "rss_mb": _peak_rss_mb()}


def _peak_rss_mb() -> float:
    """This process's peak resident memory.

    On Linux, ``ru_maxrss`` of a child started with fork and exec starts at its parent's
    peak (here the parent built the project), so /proc's VmHWM, which exec resets, is read.
    """
    import resource

    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(kind: str, project: Path, work: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.export", kind, str(project), str(work / f"{kind}.xlsx")],
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("RESULT "))
    return dict(json.loads(line[len("RESULT ") :]))


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory(prefix="annotator-bench-export-") as tmp:
        work = Path(tmp)
        project = work / "big.annotator"
        started = time.perf_counter()
        build(project)
        built = time.perf_counter() - started
        # Interleaved, best of REPEATS each; CPU time (user + system) is the figure, as
        # other work on the machine stretches wall-clock time but not CPU time.
        runs: dict[str, list[dict[str, float]]] = {"export": [], "baseline": []}
        for _ in range(REPEATS):
            for kind in runs:
                runs[kind].append(_measure(kind, project, work))
        export = min(runs["export"], key=lambda r: r["cpu"])
        baseline = min(runs["baseline"], key=lambda r: r["cpu"])
        size = (work / "export.xlsx").stat().st_size / 2**20
        streaming = _measure("streaming", project, work)
        small = work / "small.annotator"
        build(small, ANNOTATIONS // 4)
        quarter = _measure("export", small, work)
        streaming_quarter = _measure("streaming", small, work)
    ratio = export["cpu"] / baseline["cpu"]
    return [
        (
            f"export {ANNOTATIONS:,} annotations to .xlsx / bare",
            ratio,
            f"CPU: export {export['cpu']:.1f} s, bare write-only {baseline['cpu']:.1f} s "
            f"(target <= {TARGET_RATIO:g}: {'met' if ratio <= TARGET_RATIO else 'NOT met'}); "
            f"wall {export['seconds']:.1f} s vs {baseline['seconds']:.1f} s; "
            f"{size:.1f} MB workbook; project built in {built:.0f} s",
        ),
        (
            "export peak RSS / bare",
            export["rss_mb"] / baseline["rss_mb"],
            f"export {export['rss_mb']:.0f} MB, bare {baseline['rss_mb']:.0f} MB "
            "(bare holds the cells in lists, as a program without streaming would)",
        ),
        (
            "export peak RSS, full / quarter size",
            export["rss_mb"] / quarter["rss_mb"],
            f"{export['rss_mb']:.0f} MB at {ANNOTATIONS:,} annotations, "
            f"{quarter['rss_mb']:.0f} MB at {ANNOTATIONS // 4:,} "
            "(what grows is the reliability sheet: project_agreement reads every code)",
        ),
        (
            "export without reliability RSS, full / quarter",
            streaming["rss_mb"] / streaming_quarter["rss_mb"],
            f"{streaming['rss_mb']:.0f} MB at {ANNOTATIONS:,} annotations, "
            f"{streaming_quarter['rss_mb']:.0f} MB at {ANNOTATIONS // 4:,} (streamed: flat)",
        ),
    ]


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("export", "streaming", "baseline"):
        figures = child(sys.argv[1], sys.argv[2], sys.argv[3])
        print("RESULT " + json.dumps(figures), flush=True)
    else:
        for label, ratio, detail in run():
            print(f"{label:<48} {ratio:>8.2f}  {detail}")
