"""Codes learned from the coders, on news that no one on the team coded (`bench learn`).

The data: front-page headlines of The New York Times (1996-2006) coded by hand with the
Policy Agendas major topic codes (27 topics) in Amber E. Boydstun's project, as shipped by
the RTextTools package (GPL-3); a sample of 1,000 is in bench/data/nytimes (README there).

For each size N (50, 100, 200, 400), the first N headlines of a seeded shuffle are imported
into a real project as articles and coded for the nominal variable ``topic`` by a coder;
then the product's ``learn`` service reports its cross-validated macro F1 and accuracy.
Against it, on the same items and the same folds in the same run: always answering the most
frequent topic (the majority class), scikit-learn's TF-IDF with a logistic regression at
their defaults (the baseline the issue names; in the bench only), and spaCy's text
classifier (bag of words, trained from a blank English pipeline, nothing downloaded).
Each learning-curve row's ratio is the product's macro F1 over the TF-IDF baseline's.

Then the timings the researcher waits for, on article-length texts (headlines joined into
texts of about 600 words): ``learn`` on 500 coded articles (five trainings and the report)
and ``suggest`` for 10,000 uncoded articles (one training, 10,000 predictions stored); each
ratio is the time over the 60 s target. Last, the window's event loop while the same
training runs in the window's background worker: p99 of the gaps of a 10 ms timer, over the
50 ms target.
"""

from __future__ import annotations

import csv
import random
import tempfile
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator.core import Article, Codebook, Coding, ValueLabel, Variable
from annotator.services.learn import learn, suggest, training_labels
from annotator.store import Project
from bench.sizes import size, tiny

DATA = Path(__file__).resolve().parent / "data" / "nytimes" / "headlines.csv"
CODER = "coder"
#: The Policy Agendas major topics (codes as in the data).
TOPICS = {
    "1": "Macroeconomics",
    "2": "Civil rights, minority issues, civil liberties",
    "3": "Health",
    "4": "Agriculture",
    "5": "Labour and employment",
    "6": "Education",
    "7": "Environment",
    "8": "Energy",
    "10": "Transportation",
    "12": "Law, crime and family",
    "13": "Social welfare",
    "14": "Community development and housing",
    "15": "Banking, finance and domestic commerce",
    "16": "Defence",
    "17": "Space, science, technology and communications",
    "18": "Foreign trade",
    "19": "International affairs and foreign aid",
    "20": "Government operations",
    "21": "Public lands and water management",
    "24": "State and local government",
    "26": "Weather and natural disasters",
    "27": "Fires",
    "28": "Arts and entertainment",
    "29": "Sports and recreation",
    "30": "Death notices",
    "31": "Churches and religion",
    "99": "Other",
}
TOPIC = Variable(
    "topic",
    "Policy Agendas major topic of the story",
    kind="nominal",
    values=tuple(ValueLabel(code, label) for code, label in TOPICS.items()),
    id="bench-topic",
)
FOLDS = 5
SEED = 0


def headlines() -> list[tuple[str, str]]:
    """(headline, topic code) of the sample, in a seeded shuffle."""
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = [(row["headline"], row["topic"]) for row in csv.DictReader(handle)]
    random.Random(SEED).shuffle(rows)
    return rows


def build(path: Path, coded: Sequence[tuple[str, str]], uncoded: Sequence[str] = ()) -> Path:
    """A project with ``coded`` texts coded for topic by one coder and ``uncoded`` texts."""
    with Project.create(path) as project:
        project.install_codebook(Codebook([], [TOPIC]))
        articles = [
            Article(text=text, id=f"c{n:05d}", source_file=f"nyt/{n}.txt")
            for n, (text, _topic) in enumerate(coded)
        ]
        articles += [
            Article(text=text, id=f"u{n:05d}", source_file=f"nyt/u{n}.txt")
            for n, text in enumerate(uncoded)
        ]
        refused = project.add_articles([(a, None) for a in articles])
        assert not refused, f"{len(refused)} texts repeat"
        with project.db.atomic():
            for article, (_text, topic) in zip(articles, coded, strict=False):
                project.set_coding(Coding(article.id, TOPIC.id, CODER, topic))
    return path


def _folds(y: Sequence[str]) -> list[tuple[list[int], list[int]]]:
    from sklearn.model_selection import StratifiedKFold

    splitter = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    return [(list(a), list(b)) for a, b in splitter.split(list(y), list(y))]


def _scores(y: Sequence[str], predicted: Sequence[str]) -> tuple[float, float]:
    from sklearn.metrics import accuracy_score, f1_score

    return (
        float(f1_score(y, predicted, average="macro", zero_division=0)),
        float(accuracy_score(y, predicted)),
    )


def tfidf_baseline(texts: Sequence[str], y: Sequence[str]) -> tuple[float, float]:
    """TF-IDF + logistic regression at scikit-learn's defaults, on the product's folds."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    predicted: list[Any] = [None] * len(y)
    for train, test in _folds(y):
        model = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000))
        model.fit([texts[i] for i in train], [y[i] for i in train])
        for i, value in zip(test, model.predict([texts[i] for i in test]), strict=True):
            predicted[i] = value
    return _scores(y, predicted)


def spacy_textcat(texts: Sequence[str], y: Sequence[str], epochs: int) -> tuple[float, float]:
    """spaCy's text classifier (bag of words and word pairs, exclusive classes) trained
    from a blank English pipeline, on the product's folds."""
    import spacy
    from spacy.training import Example

    labels = sorted(set(y))
    predicted: list[Any] = [None] * len(y)
    for train, test in _folds(y):
        nlp = spacy.blank("en")
        textcat = nlp.add_pipe(
            "textcat",
            config={
                "model": {
                    "@architectures": "spacy.TextCatBOW.v3",
                    "exclusive_classes": True,
                    "ngram_size": 2,
                    "no_output_layer": False,
                }
            },
        )
        for label in labels:
            textcat.add_label(label)
        examples = [
            Example.from_dict(
                nlp.make_doc(texts[i]), {"cats": {v: float(v == y[i]) for v in labels}}
            )
            for i in train
        ]
        optimizer = nlp.initialize(lambda examples=examples: examples)
        rng = random.Random(SEED)
        for _ in range(epochs):
            rng.shuffle(examples)
            for start in range(0, len(examples), 16):
                nlp.update(examples[start : start + 16], sgd=optimizer, drop=0.2)
        for i, doc in zip(test, nlp.pipe([texts[i] for i in test]), strict=True):
            predicted[i] = max(doc.cats, key=lambda v: doc.cats[v])
    return _scores(y, predicted)


def curve(folder: Path, rows: Sequence[tuple[str, str]], n: int) -> tuple[str, float, str]:
    """One learning-curve row: the product against the baselines on the first ``n`` items."""
    path = build(folder / f"curve-{n}.annotator", rows[:n])
    with Project.open(path) as project:
        [report] = learn(project, ["topic"], coder=CODER, folds=FOLDS, seed=SEED)
        # The baselines get the product's items in the product's order: the same folds.
        labels = training_labels(project.codings(), TOPIC, CODER)
        by_id = {a.id: a.text for a in project.iter_articles()}
    ids = list(labels)
    texts, y = [by_id[a] for a in ids], [labels[a] for a in ids]
    if report.macro_f1 is None:
        return (f"learn topic @ {n}: product vs TF-IDF", 0.0, f"not learned: {report.note}")
    base_f1, base_acc = tfidf_baseline(texts, y)
    cat_f1, cat_acc = spacy_textcat(texts, y, epochs=size(15, 2))
    ratio = report.macro_f1 / base_f1 if base_f1 else 0.0
    detail = (
        f"{n} items, {report.classes} topics; macro-F1 product {report.macro_f1:.3f} "
        f"(acc {report.accuracy:.3f}, alpha {report.alpha}), TF-IDF+LR {base_f1:.3f} "
        f"(acc {base_acc:.3f}), majority {report.baseline_macro_f1:.3f}, "
        f"spaCy textcat {cat_f1:.3f} (acc {cat_acc:.3f})"
    )
    return (f"learn topic @ {n}: product vs TF-IDF", ratio, detail)


def _articles(
    rows: Sequence[tuple[str, str]], count: int, words: int, seed: int
) -> list[tuple[str, str]]:
    """``count`` distinct article-length texts of about ``words`` words made of headlines,
    each with the topic of the headline that leads it, as a lede does."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for n in range(count):
        lead = rng.choice(rows)
        body = [lead[0]]
        while sum(len(h.split()) for h in body) < words:
            body.append(rng.choice(rows)[0])
        out.append((f"{body[0]}. Story {n}. " + " ".join(body[1:]), lead[1]))
    return out


def timings(folder: Path, rows: Sequence[tuple[str, str]]) -> list[tuple[str, float, str]]:
    coded_n, todo_n, words = size(500, 60), size(10_000, 40), size(600, 40)
    texts = _articles(rows, coded_n + todo_n, words, seed=1)
    coded = texts[:coded_n]
    path = build(folder / "timing.annotator", coded, [t for t, _ in texts[coded_n:]])
    out = []
    with Project.open(path) as project:
        started = time.perf_counter()
        [report] = learn(project, ["topic"], coder=CODER, folds=FOLDS)
        trained = time.perf_counter() - started
        started = time.perf_counter()
        made = suggest(project, ["topic"], coder=CODER)
        suggested = time.perf_counter() - started
    out.append(
        (
            f"learn on {coded_n} articles vs 60 s",
            trained / 60,
            f"{trained:.1f} s for {FOLDS}-fold cross-validation and the report "
            f"(about {words} words an article; macro-F1 {report.macro_f1})",
        )
    )
    out.append(
        (
            f"suggest for {todo_n} articles vs 60 s",
            suggested / 60,
            f"{suggested:.1f} s: training on {coded_n}, {len(made)} suggestions stored",
        )
    )
    out.append(window_latency(path))
    return out


def window_latency(path: Path) -> tuple[str, float, str]:
    """The window's event loop while the machine trains and suggests in the background:
    a 10 ms timer on the GUI thread, the gaps between its ticks over the whole run, less
    the time the thread sat runnable waiting for a CPU (the shared machine's doing)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.ui.machine import LearnWorker

    _app = QApplication.instance() or QApplication([])  # noqa: F841 (kept alive while it runs)
    gaps: list[float] = []
    last, last_wait = time.perf_counter(), _run_queue_ms()

    def tick() -> None:
        nonlocal last, last_wait
        now, wait = time.perf_counter(), _run_queue_ms()
        gaps.append((now - last) * 1000 - (wait - last_wait))
        last, last_wait = now, wait

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    worker = LearnWorker(path, CODER)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    timer.start()
    worker.start()
    loop.exec()
    timer.stop()
    worker.wait()
    gaps.sort()
    p99 = gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))] if gaps else 0.0
    worst = gaps[-1] if gaps else 0.0
    return (
        "window event loop p99 while training vs 50 ms",
        p99 / 50,
        f"p99 {p99:.0f} ms, max {worst:.0f} ms over {len(gaps)} ticks of a 10 ms timer "
        f"(learn and suggest in the background)",
    )


def _run_queue_ms() -> float:
    """Time this thread has spent runnable but waiting for a CPU (Linux; 0 elsewhere)."""
    import threading

    try:
        with open(f"/proc/self/task/{threading.get_native_id()}/schedstat") as handle:
            return int(handle.read().split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return 0.0


def run() -> list[tuple[str, float, str]]:
    warnings.filterwarnings("ignore", message="The least populated class")
    rows = headlines()
    sizes = (60,) if tiny() else (50, 100, 200, 400)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-learn-") as name:
        folder = Path(name)
        for n in sizes:
            results.append(curve(folder, rows, n))
        results += timings(folder, rows)
    return results
