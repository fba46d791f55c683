"""The benchmark's synthetic plan (scripts/maintainer/synthetic_plan.py) is valid data that builds into a page per
task showing its progress, and the same size always gives the same files. No timing here: speed is
measured by scripts/maintainer/benchmark.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from helpers import PROJECT_DIR, build_into, load_script

sys.path.insert(0, str(PROJECT_DIR / "scripts" / "maintainer"))
import synthetic_plan  # noqa: E402  (scripts/maintainer/synthetic_plan.py, imported by the benchmark the same way)

TASKS = 12
TODAY = synthetic_plan.SYNTHETIC_TODAY.isoformat()


@pytest.mark.site  # builds by itself
def test_synthetic_plan_validates_and_builds_a_page_per_task_with_its_latest_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = synthetic_plan.write_plan(tmp_path / "data", TASKS)
    monkeypatch.setenv("PII_TODAY", TODAY)
    assert load_script("validate").main(["--data", str(data)]) == 0, capsys.readouterr()
    assert f"{TASKS} nhiệm vụ / tasks" in capsys.readouterr().out

    site = build_into(tmp_path / "site", data, today=TODAY)
    statuses = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (data / "status").glob("*.yml")}
    assert len(statuses) == TASKS
    reported = {task: status["updates"][-1]["note"] for task, status in statuses.items() if status["updates"]}
    assert reported, "no task has a progress update"
    for lang in ("vi", "en"):
        task_pages = [page for page in (site / lang / "tasks").glob("*/index.html")]
        assert len(task_pages) == TASKS
        text = "\n".join(page.read_text(encoding="utf-8") for page in task_pages)
        # A note without English is shown in Vietnamese on the English site.
        for note in reported.values():
            assert note.get(lang, note["vi"]) in text
    assert list((data / "news").glob("*.md")), "no news post"


def test_the_same_size_gives_the_same_files(tmp_path: Path) -> None:
    first = synthetic_plan.write_plan(tmp_path / "first", TASKS)
    second = synthetic_plan.write_plan(tmp_path / "second", TASKS)
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in files)
