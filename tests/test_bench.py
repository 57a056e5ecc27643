"""Every benchmark runs at a tiny size, so that none breaks unnoticed (its figures mean nothing)."""

from __future__ import annotations

import importlib
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench/ is a folder of the checkout, not an installed package

from bench.__main__ import ALL  # noqa: E402


@pytest.mark.parametrize("name", ALL)
def test_benchmark_runs_at_tiny_size(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNOTATOR_BENCH_TINY", "1")
    module = importlib.import_module(f"bench.{name}")
    module = importlib.reload(module)  # sizes are read when the module is imported
    rows = module.run()
    assert rows, f"bench {name} printed no figure"
    for label, ratio, detail in rows:
        assert isinstance(label, str) and label
        assert isinstance(detail, str)
        assert math.isfinite(ratio) and ratio >= 0, (label, ratio)


def test_bench_command_prints_one_line_per_figure() -> None:
    env = dict(os.environ, ANNOTATOR_BENCH_TINY="1", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "bench", "reader", "coding"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert "reader" in out.stdout and "coding:" in out.stdout


def test_quote_errors_list_a_tuning_article_and_refuse_held_out_sets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from bench import quotes_errors

    assert quotes_errors.main(["seen", "fr", "--article", "001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== 001-"), out[:200]
    with pytest.raises(SystemExit):
        quotes_errors.main(["real-heldout", "fr"])
    with pytest.raises(SystemExit):
        quotes_errors.main(["unseen", "en"])


def test_quote_errors_print_an_error_repeated_in_a_repeated_text_once() -> None:
    from bench import quotes_errors
    from bench.quotes import Gold, GoldQuote

    body = "« Nous ferons tout pour les familles », a déclaré Paul Martin."
    text = f"{body}\n\n{body}"
    quote = "Nous ferons tout pour les familles"
    starts = [text.find(quote), text.rfind(quote)]
    gold = Gold(
        Path("900-repeated.txt"),
        "fr",
        text,
        [GoldQuote(s, s + len(quote), "direct", "Anne Leroy", "person") for s in starts],
    )
    lines = quotes_errors.report(gold, ("speakers",))
    assert lines[0] == "== 900-repeated.txt: 2 errors", lines
    assert len(lines) == 2 and lines[1].endswith("(×2)"), lines
