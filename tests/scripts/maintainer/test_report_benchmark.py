"""The report benchmark (scripts/maintainer/report_benchmark.py, part of `make benchmark`) runs end to end on a
small synthetic plan with quarterly rounds: its table has a row per size, and `--write` records it in the
benchmark record (hooks/BENCHMARKS.md; here a copy) with the date, the machine and the load. No timing is
asserted here: speed is measured by the benchmark, not by tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import PROJECT_DIR, load_script

pytestmark = pytest.mark.slow  # runs the benchmark script on a synthetic plan


def test_the_report_benchmark_measures_a_small_synthetic_plan_and_records_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = load_script("maintainer/report_benchmark")
    record = tmp_path / "BENCHMARKS.md"
    shutil.copy(PROJECT_DIR / "hooks" / "BENCHMARKS.md", record)
    before = record.read_text(encoding="utf-8")
    monkeypatch.setattr(script.benchmark_record, "RECORD", record)
    assert script.main(["--sizes", "20", "--runs", "1", "--write"]) == 0
    table = capsys.readouterr().out
    assert "| tasks | command wall s |" in table
    assert [line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| 20 |")] == ["20"]
    after = record.read_text(encoding="utf-8")
    [section] = [part for part in after.split("<!-- benchmark:")[1:] if part.startswith("report -->")]
    assert "\n| 20 | " in section
    assert "--sizes 20 --runs 1 --write" in section and "CPUs" in section and "Load average" in section
    # The other benchmarks' sections are as they were.
    assert before.split("<!-- benchmark:report -->")[0] == after.split("<!-- benchmark:report -->")[0]
    assert before.split("<!-- /benchmark:report -->")[1] == after.split("<!-- /benchmark:report -->")[1]
