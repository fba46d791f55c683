"""The report forms' benchmark (scripts/maintainer/forms_benchmark.py, part of `make benchmark`) runs end to end
without its whole builds, on a small synthetic plan: it makes units' forms, fills them and times reading them
within a real load of the plan. No timing is asserted: speed is measured by the benchmark, not by tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import load_script

pytestmark = pytest.mark.slow  # runs the benchmark script on a small synthetic plan


def test_the_forms_benchmark_makes_and_reads_the_forms(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    script = load_script("maintainer/forms_benchmark")
    assert (
        script.main(["--tasks", "60", "--forms", "3", "--no-build", "--runs", "1", "--json", str(tmp_path / "f.json")])
        == 0
    )
    printed = capsys.readouterr().out
    for measure in ("make forms", "read the filled forms, empty cache", "read the filled forms, from the cache"):
        assert measure in printed, printed
