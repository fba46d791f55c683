"""The report forms' speed targets (issue 20 item 8), on a synthetic plan: `python scripts/maintainer/forms_benchmark.py`.

On scripts/maintainer/synthetic_plan.py's plan of 1,500 tasks with one reporting round, it times
- making the blank forms of 102 units (the writer, in process; and `make forms` as a whole, in a process
  of its own, plan loading included): target 10 s;
- reading 102 filled forms of some 13 rows each (the loader's reading of data/reports/, timed within a real
  load, the build cache empty, then filled as a second build finds it; wall and CPU): target 2 s;
- a whole build (scripts/build.py, both languages, each in a fresh process with an empty build cache) with
  the 102 filled forms against the same build without them: target 2 s slower; and against a build with
  the same rows typed as updates in the status files, which shows what the forms themselves cost (the
  rest is showing 1,300 more updates, as typed updates would).
It prints a table with the machine's load (os.getloadavg), and writes it as JSON with --json; `--write` also
records the table, the date, the machine and the load in hooks/BENCHMARKS.md (scripts/maintainer/benchmark_record.py).
Run by `make benchmark` after scripts/maintainer/benchmark.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark_record  # noqa: E402
import synthetic_plan  # noqa: E402

from pii_site import load_plan  # noqa: E402
from pii_site.model import load as plan_loader  # noqa: E402
from pii_site.outputs.form_writer import FilledRow, form_workbook  # noqa: E402
from pii_site.source.errors import Problem  # noqa: E402
from pii_site.source.report_forms import FormRead, FormRules, read_reports  # noqa: E402

UNITS = 102
ROUND = """coordinator: {coordinator}
rounds:
  - id: 2026-q3
    name: {{vi: "Quý III/2026", en: "Third quarter of 2026"}}
    period: {{start: 2026-07-01, end: 2026-09-30}}
    due: 2026-10-05
"""
TARGETS = {"make_forms_command_s": 10.0, "read_forms_s": 2.0, "build_slower_s": 2.0}


def prepare(work: Path, tasks: int, units: int) -> tuple[Path, Path, Path, int]:
    """The synthetic plan with a round: without forms (`bare`), with `units` filled ones (`filled`), and
    with the same rows typed as updates in the status files instead (`typed`)."""
    bare = synthetic_plan.write_plan(work / "bare" / "data", tasks)
    plan = load_plan(bare, synthetic_plan.SYNTHETIC_TODAY)
    coordinator = plan.reporting.reporting_units[0].id  # who owes a form is known without reporting.yml
    (bare / "reporting.yml").write_text(ROUND.format(coordinator=coordinator), encoding="utf-8")
    plan = load_plan(bare, synthetic_plan.SYNTHETIC_TODAY)
    filled, typed = work / "filled" / "data", work / "typed" / "data"
    shutil.copytree(bare, filled)
    shutil.copytree(bare, typed)
    rows = 0
    round_ = plan.reporting.round("2026-q3")
    for unit in plan.reporting.reporting_units[:units]:
        led = plan.tasks_led_by(unit)
        values = {
            task.id: FilledRow(
                status="in-progress",
                date=dt.date(2026, 10, 1),
                note_vi=f"Đã triển khai {n + 1} hoạt động của nhiệm vụ, có số liệu kèm theo trong báo cáo của đơn vị.",
                percent=10 * (n % 10),
                note_en="Carried out the task's activities, with figures in the unit's report.",
                evidence=("https://example.org/bao-cao/quy-3", f"{n + 1}/BC-UBND, 30/09/2026, UBND xã"),
            )
            for n, task in enumerate(led)
        }
        rows += len(values)
        form = filled / "reports" / "2026-q3" / f"{unit.id}.xlsx"
        form.parent.mkdir(parents=True, exist_ok=True)
        form.write_bytes(form_workbook(plan, unit, round_, values))
        for task_id, row in values.items():
            _type_in(typed / "status" / f"{task_id}.yml", unit.id, row)
    return bare, filled, typed, rows


def _type_in(status_file: Path, unit_id: str, row: FilledRow) -> None:
    """`row` as an update of the task's status file, in date order."""
    status = yaml.safe_load(status_file.read_text(encoding="utf-8")) or {}
    link, document = row.evidence
    number, day, issuer = (part.strip() for part in document.split(","))
    update = {
        "date": row.date,
        "status": row.status,
        "percent": row.percent,
        "unit": unit_id,
        "note": {"vi": row.note_vi, "en": row.note_en},
        "evidence": [
            {"url": link},
            {"number": number, "date": dt.datetime.strptime(day, "%d/%m/%Y").date(), "issuer": {"vi": issuer}},
        ],
    }
    status["updates"] = sorted([*(status.get("updates") or []), update], key=lambda u: u["date"])
    status_file.write_text(yaml.safe_dump(status, allow_unicode=True, sort_keys=False), encoding="utf-8")


def run(command: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user and system, the process and its children) of `command`: under a
    machine's changing load the CPU time is the steadier measure of the two."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=environment, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_make_forms(data: Path, out: Path, units: int) -> tuple[float, float, float]:
    """(writer alone, `make forms` in its own process: wall, CPU) for the first `units` reporting units."""
    plan = load_plan(data, synthetic_plan.SYNTHETIC_TODAY)
    start = time.perf_counter()
    for unit in plan.reporting.reporting_units[:units]:
        form_workbook(plan, unit, plan.reporting.current_round)
    writer = time.perf_counter() - start
    environment = {**os.environ, "PII_TODAY": synthetic_plan.SYNTHETIC_TODAY.isoformat()}
    command = [sys.executable, str(PROJECT_DIR / "scripts" / "forms.py"), "--data", str(data), "--out", str(out)]
    return (writer, *run(command, environment))


def time_reading(data: Path, cache: Path, units: int) -> tuple[float, float]:
    """(wall, CPU) seconds the loader spends reading data/reports/ while it loads `data` with the build
    cache in `cache`: its call of read_reports is timed where it is made, within a real load."""
    spent: list[tuple[float, float]] = []

    def timed(
        data_dir: Path, label: Callable[[Path], str], rules: FormRules, cache_dir: Path | None = None
    ) -> tuple[list[FormRead], list[Problem]]:
        wall, cpu = time.perf_counter(), time.process_time()
        result = read_reports(data_dir, label, rules, cache_dir)
        spent.append((time.perf_counter() - wall, time.process_time() - cpu))
        return result

    # The loader calls read_reports by the name it imported: that name is the one to replace.
    with mock.patch.object(plan_loader, "read_reports", timed):
        plan = load_plan(data, synthetic_plan.SYNTHETIC_TODAY, cache_dir=cache)
    assert len(plan.reporting.submissions) == units
    return spent[0]


def time_build(data: Path, work: Path) -> tuple[float, float]:
    cache, site = Path(tempfile.mkdtemp(dir=work)), work / f"site-{time.monotonic_ns()}"
    command = [sys.executable, str(PROJECT_DIR / "scripts" / "build.py"), "--data", str(data), "--site-dir", str(site)]
    command += ["--cache-dir", str(cache), "--today", synthetic_plan.SYNTHETIC_TODAY.isoformat()]
    measured = run([*command, "--quiet"], dict(os.environ))
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    return measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time making and reading the report forms, and a build with them.")
    parser.add_argument("--tasks", type=int, default=1500, help="size of the synthetic plan (default 1,500)")
    parser.add_argument("--forms", type=int, default=UNITS, help=f"units whose forms are filled (default {UNITS})")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measure, median taken (default 3)")
    parser.add_argument("--no-build", action="store_true", help="leave out the whole builds (the slowest part)")
    parser.add_argument("--json", type=Path, default=Path(tempfile.gettempdir()) / "pii-forms-benchmark.json")
    parser.add_argument("--write", action="store_true", help="record the results in hooks/BENCHMARKS.md")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="pii-forms-benchmark-"))
    try:
        load_before = benchmark_record.load_average()
        bare, filled, typed, rows = prepare(work, args.tasks, args.forms)
        units_owing = len(load_plan(bare, synthetic_plan.SYNTHETIC_TODAY).reporting.reporting_units)
        make = [time_make_forms(bare, work / f"forms-{n}", args.forms) for n in range(args.runs)]
        cold = [time_reading(filled, work / f"cache-{n}", args.forms) for n in range(args.runs)]
        warm = [time_reading(filled, work / "cache-0", args.forms) for _ in range(args.runs)]
        builds: dict[str, list[tuple[float, float]]] = {"without": [], "with": [], "typed": []}
        if not args.no_build:
            for _ in range(args.runs):  # alternating, so that a change in the machine's load hits all alike
                builds["without"].append(time_build(bare, work))
                builds["with"].append(time_build(filled, work))
                builds["typed"].append(time_build(typed, work))
        result = {
            "tasks": args.tasks,
            "forms": args.forms,
            "units_owing": units_owing,
            "rows": rows,
            "make_forms_s": statistics.median(m[0] for m in make),
            "make_forms_command_s": statistics.median(m[1] for m in make),
            "make_forms_command_cpu_s": statistics.median(m[2] for m in make),
            "read_forms_s": statistics.median(wall for wall, _ in cold),
            "read_forms_cpu_s": statistics.median(cpu for _, cpu in cold),
            "read_forms_cached_s": statistics.median(wall for wall, _ in warm),
            "read_forms_cached_cpu_s": statistics.median(cpu for _, cpu in warm),
            "build_without_s": statistics.median(w for w, _ in builds["without"]) if builds["without"] else None,
            "build_with_s": statistics.median(w for w, _ in builds["with"]) if builds["with"] else None,
            "build_without_cpu_s": statistics.median(c for _, c in builds["without"]) if builds["without"] else None,
            "build_with_cpu_s": statistics.median(c for _, c in builds["with"]) if builds["with"] else None,
            "build_typed_s": statistics.median(w for w, _ in builds["typed"]) if builds["typed"] else None,
            "build_typed_cpu_s": statistics.median(c for _, c in builds["typed"]) if builds["typed"] else None,
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
        }
        if builds["with"]:
            result["build_slower_s"] = result["build_with_s"] - result["build_without_s"]
            result["build_slower_cpu_s"] = result["build_with_cpu_s"] - result["build_without_cpu_s"]
            # What the forms themselves cost, the same updates being shown either way.
            result["forms_over_typed_s"] = result["build_with_s"] - result["build_typed_s"]
            result["forms_over_typed_cpu_s"] = result["build_with_cpu_s"] - result["build_typed_cpu_s"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    summary = (
        f"Report forms on a synthetic plan of {args.tasks:,} tasks and {result['units_owing']} units owing a form:"
        f" {args.forms} filled forms, {rows:,} filled rows; median of {args.runs} run(s)"
    )
    print(summary)
    print(f"(load average before {load_before[0]:.2f}, after {result['load_average_after'][0]:.2f})")
    lines = [
        ("make the blank forms (writer)", "make_forms_s"),
        ("make forms (every unit owing one, plan load incl.)", "make_forms_command_s"),
        ("  (CPU)", "make_forms_command_cpu_s"),
        ("read the filled forms, empty cache", "read_forms_s"),
        ("  (CPU)", "read_forms_cpu_s"),
        ("read the filled forms, from the cache", "read_forms_cached_s"),
        ("  (CPU)", "read_forms_cached_cpu_s"),
        ("build without the forms", "build_without_s"),
        ("  (CPU)", "build_without_cpu_s"),
        ("build with the forms", "build_with_s"),
        ("  (CPU)", "build_with_cpu_s"),
        ("build slower by", "build_slower_s"),
        ("  (CPU)", "build_slower_cpu_s"),
        ("build with the same rows in status files", "build_typed_s"),
        ("  (CPU)", "build_typed_cpu_s"),
        ("forms' own cost (with forms - typed)", "forms_over_typed_s"),
        ("  (CPU)", "forms_over_typed_cpu_s"),
    ]
    table = ["| measure | seconds | target |", "| :------ | ------: | -----: |"]
    for label, key in lines:
        if result.get(key) is not None:
            target = f"  (target {TARGETS[key]:g} s)" if key in TARGETS else ""
            print(f"  {label:<44} {result[key]:7.2f} s{target}")
            target_cell = f"≤ {TARGETS[key]:g} s" if key in TARGETS else ""
            table.append(f"| {label.strip()} | {result[key]:.2f} | {target_cell} |")
    if args.write:
        body = [*table, "", f"- {summary}."]
        text = benchmark_record.section(
            "forms", "The report forms (`forms_benchmark.py`)", body, load_before, __file__, argv
        )
        print(f"Recorded in {benchmark_record.write('forms', text)}")
    print(f"Written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
