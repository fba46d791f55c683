"""Time the compiled report on synthetic plans: `python scripts/maintainer/report_benchmark.py [--sizes 200,1500] [--runs 3]`.

Part of `make benchmark`. For each size, a synthetic plan (scripts/maintainer/synthetic_plan.py) gets quarterly rounds in
its reporting.yml, then:
- `command`: scripts/report.py for the third quarter in a fresh process, as `make report` runs it (load the
  data, render, write the .docx): wall and CPU seconds (user + system, os.wait4) and peak memory of that
  process, median of --runs;
- `with forms`: in this process, the rendering alone for a plan where every lead unit sent a form holding
  its tasks' updates of the quarter (the round's rows are then matched against every task's updates:
  the heaviest case the forms bring), median of --runs.
Target (issue 20): the report for 1,500 tasks in at most 20 s. The load average is printed with the results:
on a shared machine the numbers are only as good as it is low. `--write` records the table, the date, the
machine and the load average in hooks/BENCHMARKS.md (scripts/maintainer/benchmark_record.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark_record  # noqa: E402  (scripts/maintainer/benchmark_record.py)
import synthetic_plan  # noqa: E402  (scripts/maintainer/synthetic_plan.py)

ROUND = "2026-q3"
TARGET_S = {1500: 20.0}


def quarterly_rounds(data: Path) -> None:
    """Four quarters of the synthetic plan's year in data/reporting.yml, collected by its first unit that is
    not collective (nothing of a real commune: the folder is generated)."""
    units = yaml.safe_load((data / "units.yml").read_text(encoding="utf-8"))["units"]
    coordinator = next(u["id"] for u in units if not u.get("collective"))
    year = synthetic_plan.SYNTHETIC_TODAY.year
    quarters = ((1, 3, "I"), (4, 6, "II"), (7, 9, "III"), (10, 12, "IV"))
    rounds = []
    for number, (first, last, roman) in enumerate(quarters, start=1):
        end = (dt.date(year + (last == 12), last % 12 + 1, 1)) - dt.timedelta(days=1)
        due = end + dt.timedelta(days=5)
        rounds.append(
            {
                "id": f"{year}-q{number}",
                "name": {"vi": f"Quý {roman}/{year}", "en": f"Quarter {number} of {year}"},
                "period": {"start": dt.date(year, first, 1), "end": end},
                "due": due,
            }
        )
    text = yaml.safe_dump({"coordinator": coordinator, "rounds": rounds}, allow_unicode=True, sort_keys=False)
    (data / "reporting.yml").write_text(text, encoding="utf-8")


def time_command(data: Path, out: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MB) of scripts/report.py in a process of its own."""
    environment = {**os.environ, "PII_TODAY": synthetic_plan.SYNTHETIC_TODAY.isoformat()}
    command = [sys.executable, str(PROJECT_DIR / "scripts" / "report.py")]
    start = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--data", str(data), "--round", ROUND, "--out", str(out)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"scripts/report.py failed on {data}: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def time_with_forms(data: Path, runs: int) -> float:
    """Median seconds of rendering the quarter's report when every lead unit sent a form."""
    import dataclasses

    from pii_site import load_plan
    from pii_site.model.reporting import Submission
    from pii_site.outputs.compiled_report import render_report
    from pii_site.source.schema.status import FormUpdate

    plan = load_plan(data, synthetic_plan.SYNTHETIC_TODAY)
    round_ = plan.reporting.round(ROUND)
    start, end = round_.period.start, round_.period.end
    rows: dict[str, list[FormUpdate]] = {}
    for task in plan.tasks:
        for update in task.progress.updates:
            if start <= update.date <= end:
                # As its unit's form would hold it: a row that knows its task and round.
                row = FormUpdate.model_validate({**update.model_dump(), "task": task.id, "round": ROUND})
                rows.setdefault(update.unit, []).append(row)
    submissions = tuple(
        Submission(ROUND, plan.unit(unit), f"data/reports/{ROUND}/{unit}.xlsx", tuple(updates))
        for unit, updates in rows.items()
    )
    plan = dataclasses.replace(plan, reporting=dataclasses.replace(plan.reporting, submissions=submissions))
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        render_report(plan, round_)
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the compiled report (make report) on synthetic plans.")
    parser.add_argument("--sizes", default="200,1500", help="comma-separated task counts (default 200,1500)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size, median taken (default 3)")
    parser.add_argument("--write", action="store_true", help="record the results in hooks/BENCHMARKS.md")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    load_before = benchmark_record.load_average()
    rows = []
    with tempfile.TemporaryDirectory(prefix="pii-report-benchmark-") as work:
        for size in sizes:
            data = synthetic_plan.write_plan(Path(work) / f"data-{size}", tasks=size)
            quarterly_rounds(data)
            out = Path(work) / f"bao-cao-{size}.docx"
            runs = [time_command(data, out) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            peak = max(r[2] for r in runs)
            forms = time_with_forms(data, args.runs)
            rows.append((size, wall, cpu, peak, forms, out.stat().st_size / 1024))
            print(f"{size} tasks: {wall:.1f} s", file=sys.stderr, flush=True)
    load_after = benchmark_record.load_average()
    table = [
        "| tasks | command wall s | command CPU s | peak MB | render with forms s | .docx KB | target |",
        "| ----: | -------------: | ------------: | ------: | ------------------: | -------: | -----: |",
    ]
    for size, wall, cpu, peak, forms, kilobytes in rows:
        target = f"≤ {TARGET_S[size]:.0f} s {'ok' if wall <= TARGET_S[size] else 'MISSED'}" if size in TARGET_S else ""
        table.append(f"| {size} | {wall:.1f} | {cpu:.1f} | {peak:.0f} | {forms:.1f} | {kilobytes:.0f} | {target} |")
    print("\n".join(table))
    print(
        f"Median of {args.runs} run(s); load average (1, 5, 15 min) before {', '.join(f'{v:.1f}' for v in load_before)},"
        f" after {', '.join(f'{v:.1f}' for v in load_after)}; {os.cpu_count()} CPUs."
    )
    if args.write:
        body = [*table, "", f"- Median of {args.runs} run(s) per size; the target is issue 20's."]
        text = benchmark_record.section(
            "report", "The compiled report (`report_benchmark.py`)", body, load_before, __file__, argv
        )
        print(f"Recorded in {benchmark_record.write('report', text)}")
    missed = [size for size, wall, *_ in rows if size in TARGET_S and wall > TARGET_S[size]]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
