"""Import at the scale of a coding study: 5,000 articles (~3 million words) end to end.

Both sides run in a fresh process so that each one's peak memory can be read on its
own (``os.wait4``) and both pay for starting Python and loading the pipelines:

- bare: ``spacy.load`` + ``nlp.pipe`` over the article texts, per language;
- import: ``python -m annotator import PROJECT FOLDER`` (import_files, end to end).

``ANNOTATOR_BENCH_ARTICLES`` sets the number of articles (default 5000, ~10 minutes
on two cores); ``ANNOTATOR_BENCH_PROCESSES`` the ``n_process`` of the bare run
(default 1), to see whether spaCy's multiprocessing helps on this machine.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

from bench.corpus import sample_files
from bench.sizes import size

WORDS_PER_ARTICLE = 600
MEMORY_TARGET_MB = 1536

# Paragraphs start after the title and the "Key: value" metadata block.
_META = re.compile(r"^[A-Z][A-Za-z ]{0,20}:\s")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
# A capitalised word inside a sentence: a name, a place or an organisation.
_NAME = re.compile(r"(?<=[a-zà-ÿ,] )[A-Z][a-zà-ÿ]+")
_NAMES = (  # noqa: SIM905 (a list literal of 48 names would run to 48 lines)
    "Abbott Achard Barros Benali Carver Dumont Ekwueme Ferreira Garnier Haddad Ibsen Joly"
    " Kowalski Laurent Moreau Nakamura Okafor Petit Quinn Roussel Santos Tanaka Ueda Vidal"
    " Weber Xavier Yilmaz Zimmer Arles Brest Colmar Dover Exeter Flint Gdansk Hull Ipswich"
    " Jarrow Kendal Lorient Mende Nevers Oban Pau Quimper Redon Sedan Tulle"
).split()

_BARE = """
import json, sys, time, spacy
from annotator.nlp import PIPELINES
texts = json.load(open(sys.argv[1], encoding="utf-8"))
n_process = int(sys.argv[2])
started = time.perf_counter()
for lang, items in texts.items():
    nlp = spacy.load(PIPELINES[lang])
    for _ in nlp.pipe(items, batch_size=32, n_process=n_process):
        pass
print(time.perf_counter() - started)
"""


def _paragraphs(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]  # line 1 is the title
    body = [line.strip() for line in lines if line.strip() and not _META.match(line)]
    return [p for p in body if len(p.split()) >= 8]


def _language(path: Path) -> str:
    return "fr" if path.name.startswith("fr-") or path.parent.name == "seeds" else "en"


def _redraw(paragraph: str, names: dict[str, str], rng: random.Random) -> str:
    """The paragraph with new numbers, and its names renamed as ``names`` says (or anew)."""
    paragraph = _NUMBER.sub(lambda _m: str(rng.randint(2, 9999)), paragraph)
    return _NAME.sub(lambda m: names.setdefault(m[0], rng.choice(_NAMES)), paragraph)


def build_corpus(folder: Path, count: int, seed: int = 4) -> list[Path]:
    """``count`` ~600-word articles, each a shuffle of one language's demo paragraphs.

    Numbers and names inside sentences are redrawn per article, which ends with a
    numbered sentence, so no two share the same text; with paragraphs drawn in a
    different order and subset, any two stay well below the near-duplicate threshold.
    """
    pools: dict[str, list[str]] = {}
    for path in sample_files():
        pools.setdefault(_language(path), []).extend(_paragraphs(path))
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    langs = sorted(pools)
    out = []
    for n in range(count):
        lang = langs[n % len(langs)]
        pool = pools[lang][:]
        rng.shuffle(pool)
        body: list[str] = []
        names: dict[str, str] = {}  # the same name is renamed the same way in one article
        words = 0
        while words < WORDS_PER_ARTICLE:
            if not pool:
                pool = pools[lang][:]
                rng.shuffle(pool)
            paragraph = _redraw(pool.pop(), names, rng)
            body.append(paragraph)
            words += len(paragraph.split())
        closing = (
            f"Cet article porte le numéro {n} de la série."
            if lang == "fr"
            else f"This is story number {n} in the series."
        )
        title = " ".join(body[0].split()[:8]).rstrip(",.;:")
        text = f"{title} ({n})\n\n" + "\n\n".join(body) + f"\n\n{closing}\n"
        path = folder / f"{n:05d}-{lang}.txt"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def max_similarity(texts: list[str], sample: int = 200) -> float:
    """Highest near-duplicate similarity (import's own measure) over pairs of a sample."""
    from annotator.services.cleaning.duplicates import jaccard, shingles

    sets = [shingles(t) for t in texts[:sample]]
    return max((jaccard(a, b) for a, b in combinations(sets, 2)), default=0.0)


def _timed(cmd: list[str]) -> tuple[float, float, float, str]:
    """Wall time, CPU time, peak resident memory (MB) and stdout of a child process."""
    started = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - started
    if child.returncode not in (0, 1):
        raise RuntimeError(f"{cmd[:4]} exited with {child.returncode}: {out[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024, out  # ru_maxrss is in KiB on Linux


def run() -> list[tuple[str, float, str]]:
    from annotator import nlp
    from annotator.services.sources import read_article
    from annotator.store import Project

    count = int(os.environ.get("ANNOTATOR_BENCH_ARTICLES", size(5000, 4)))
    n_process = int(os.environ.get("ANNOTATOR_BENCH_PROCESSES", "1"))
    with tempfile.TemporaryDirectory() as tmp:
        files = build_corpus(Path(tmp) / "corpus", count)
        # The texts as the import stores them (title and metadata lines split off).
        articles = [read_article(f) for f in files]
        by_lang: dict[str, list[str]] = {}
        for article in articles:
            by_lang.setdefault(nlp.detect_language(article.text), []).append(article.text)
        words = sum(len(a.text.split()) for a in articles)
        similarity = max_similarity([a.text for a in articles])
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(by_lang), encoding="utf-8")

        bare_s, bare_cpu, bare_mb, out = _timed(
            [sys.executable, "-c", _BARE, str(texts_file), str(n_process)]
        )
        project_path = Path(tmp) / "scale.annotator"
        import_s, import_cpu, import_mb, out = _timed(
            [sys.executable, "-m", "annotator", "import", str(project_path), str(files[0].parent)]
        )
        with Project.open(project_path) as project:
            stored = project.article_count()
        if stored != count:
            raise RuntimeError(f"imported {stored} of {count} articles: {out[-2000:]}")

    langs = ", ".join(f"{lang} {len(t)}" for lang, t in sorted(by_lang.items()))
    return [
        (
            f"import {count} articles / bare nlp.pipe",
            bare_s / import_s,
            f"{words} words ({langs}; max shingle similarity {similarity:.2f}):"
            f" bare (n_process={n_process}) {count / bare_s:.1f} art/s in {bare_s:.0f} s,"
            f" import {count / import_s:.1f} art/s in {import_s:.0f} s (target >= 0.8)",
        ),
        (
            "  same, in CPU time",
            bare_cpu / import_cpu,
            f"bare {bare_cpu:.0f} s, import {import_cpu:.0f} s of CPU (steadier than wall time"
            " on a shared machine)",
        ),
        (
            "import peak memory (GB)",
            import_mb / 1024,
            f"import {import_mb:.0f} MB, bare nlp.pipe {bare_mb:.0f} MB"
            f" (target < {MEMORY_TARGET_MB} MB)",
        ),
    ]


if __name__ == "__main__":
    for row in run():
        print(*row)
