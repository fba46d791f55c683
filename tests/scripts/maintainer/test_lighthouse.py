"""The Lighthouse sweep (scripts/maintainer/lighthouse.py) tells runs whose first frame Chromium held back
apart: the time from the page's first paint, in the run's trace, to the first paint Lighthouse observed.
Lighthouse itself is not installed for the tests (npm); the trace here is written by hand in the shape
Chromium writes it."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import load_script

START, OBSERVED = 1_000_000, 2_200_000  # microseconds, as in the trace


def paint(ts: int) -> dict[str, object]:
    return {"name": "Paint", "cat": "devtools.timeline", "ts": ts, "args": {}}


def report(observed: int | None = OBSERVED) -> dict[str, object]:
    metrics = {"observedTimeOriginTs": START} | ({"observedFirstPaintTs": observed} if observed else {})
    return {"audits": {"metrics": {"details": {"items": [metrics]}}}}


def held_ms(tmp_path: Path, events: object, observed: int | None = OBSERVED) -> float:
    trace = tmp_path / "run-0.trace.json"
    trace.write_text(json.dumps(events), encoding="utf-8")
    held: float = load_script("maintainer/lighthouse").paint_held_ms(trace, report(observed))
    return held


def test_a_held_run_counts_from_the_pages_first_paint_after_the_navigation(tmp_path: Path) -> None:
    events = [
        paint(START - 10),  # the previous page's
        {"name": "Commit", "ts": START + 150_000, "args": {}},
        paint(START + 230_000),
        paint(START + 400_000),
        paint(OBSERVED + 10),
    ]
    assert held_ms(tmp_path, {"traceEvents": events}) == 970.0
    assert held_ms(tmp_path, {"traceEvents": events}, observed=None) == 0.0  # no paint observed: not called held


def test_a_prompt_run_is_not_held(tmp_path: Path) -> None:
    lighthouse = load_script("maintainer/lighthouse")
    held = held_ms(tmp_path, [paint(OBSERVED - 35_000), paint(OBSERVED)])  # a trace may be a bare list too
    assert held == 35.0 and held < lighthouse.HELD_MS
