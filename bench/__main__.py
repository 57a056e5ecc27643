"""Run every benchmark and print one line per figure: `python -m bench [NAME...]`."""

from __future__ import annotations

import importlib
import os
import sys

BENCHES = (
    "preannotate",
    "reader",
    "startup",
    "coding",
    "merge",
    "quotes",
    "actors",
    "gender",
    "learn",
)
#: Long runs, only when named: import_scale takes ~40 min at its full 5,000 articles,
#: scale builds a 10,000-article project (~75 s), export writes 100,000 annotations
#: several times over (~10 min), corpus_dask builds 400 articles three ways and counts and
#: samples 10^6 synthetic rows (~15 min).
LONG = ("import_scale", "scale", "export", "corpus_dask")
#: Every benchmark; tests/test_bench.py runs each at a tiny size (ANNOTATOR_BENCH_TINY=1).
ALL = BENCHES + LONG


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    names = argv or list(BENCHES)
    print(f"{'benchmark':<48} {'ratio':>8}  detail")
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        for label, ratio, detail in module.run():
            print(f"{label:<48} {ratio:>8.2f}  {detail}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
