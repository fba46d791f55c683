"""The report benchmark (scripts/maintainer/report_benchmark.py, part of `make benchmark`) runs end to end on a small
synthetic plan with quarterly rounds: its table has a row per size. No timing is asserted here: speed is
measured by the benchmark, not by tests."""

from __future__ import annotations

import pytest
from helpers import load_script

pytestmark = pytest.mark.slow  # runs the benchmark script on a synthetic plan


def test_the_report_benchmark_measures_a_small_synthetic_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert load_script("maintainer/report_benchmark").main(["--sizes", "20", "--runs", "1"]) == 0
    table = capsys.readouterr().out
    assert "| tasks | command wall s |" in table
    assert [line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| 20 |")] == ["20"]
