"""Benchmark sizes: the full size by default, a tiny one when ANNOTATOR_BENCH_TINY=1.

The tiny size is for tests/test_bench.py, which runs every benchmark so that none breaks
unnoticed; its figures mean nothing.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Sequence


def tiny() -> bool:
    return os.environ.get("ANNOTATOR_BENCH_TINY") == "1"


def size(full: int, small: int) -> int:
    """``full``, or ``small`` at the tiny size."""
    return small if tiny() else full


def interleaved(
    cases: Sequence[Callable[[], object]],
    repeats: int,
    clock: Callable[[], float] = time.perf_counter,
) -> list[float]:
    """The median time of each case, the cases run in turns ``repeats`` times.

    Running them in turns spreads a noisy moment of the machine over every case alike; the
    median keeps one slow round from deciding the figure.
    """
    times: list[list[float]] = [[] for _ in cases]
    for _ in range(repeats):
        for i, case in enumerate(cases):
            started = clock()
            case()
            times[i].append(clock() - started)
    return [statistics.median(t) for t in times]
