"""Benchmark texts: the demo articles (and the seed story when ../shared is there), repeated."""

from __future__ import annotations

from pathlib import Path

from annotator.paths import resource_dir

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def sample_files() -> list[Path]:
    files = sorted((resource_dir() / "demo").glob("*.txt"))
    if SEEDS.is_dir():
        files += sorted(SEEDS.glob("*.txt"))
    return files


def write_corpus(folder: Path, copies: int) -> list[Path]:
    """``copies`` variants of every sample file (numbered, so none is a duplicate)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(copies):
        for source in sample_files():
            target = folder / f"{n:04d}-{source.name}"
            text = source.read_text(encoding="utf-8")
            target.write_text(f"{text.rstrip()}\n\n(Copy {n})\n", encoding="utf-8")
            out.append(target)
    return out
