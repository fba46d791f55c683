"""The province roll-up at scale: `python scripts/maintainer/province_benchmark.py --sizes 102,3321` (or
`make benchmark BENCHMARK_ARGS="--province 102,3321"`, which calls this).

For each size: writes that many synthetic communes (scripts/maintainer/synthetic_province.py: their open-data files
directly, not N site builds), serves them from a loopback HTTP server in a process of its own
(`python -m http.server` on 127.0.0.1: Last-Modified and 304 answers), then times, each in its own
process, a first harvest, a second harvest with nothing changed, and the province site's build. Wall
and CPU seconds and peak memory (ru_maxrss from os.wait4) per step, and the load average before each,
since the machine may be shared. Targets (issue 24): 102 communes harvested and built <= 60 s; 3,321
<= 10 min with peak memory <= 2 GB; the second harvest <= 20 % of the first.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark_record  # noqa: E402  (scripts/maintainer/benchmark_record.py)
import synthetic_province  # noqa: E402
from benchmark import BuildFailed, run_measured  # noqa: E402

TODAY = synthetic_province.TODAY.isoformat()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def load() -> float:
    return os.getloadavg()[0]


def measure(size: int, work: Path, jobs: int) -> dict[str, Any]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    registry = synthetic_province.write_province(work, size, base)
    generated = time.perf_counter() - started
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(work / "communes")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        script = [sys.executable, str(PROJECT_DIR / "scripts" / "province.py")]
        harvest = [
            *script,
            "harvest",
            str(registry),
            "--out",
            str(work / "state"),
            "--today",
            TODAY,
            "--jobs",
            str(jobs),
        ]
        steps = {}
        for name, command in (
            ("harvest", harvest),
            ("harvest_unchanged", harvest),
            ("build", [*script, "build", str(work / "state"), "--out", str(work / "out"), "-q"]),
        ):
            before = load()
            run = run_measured(command, env, work / f"{name}.log")
            steps[name] = {"wall_s": run.wall_s, "cpu_s": run.cpu_s, "peak_mb": run.peak_mb, "load_before": before}
            # The harvest's own time, as it prints it, without the process start (Python and imports,
            # about 1.5 s of CPU), which is most of an unchanged harvest of a hundred communes.
            if said := re.search(r" in ([0-9.]+) s", (work / f"{name}.log").read_text(encoding="utf-8")):
                steps[name]["own_s"] = float(said.group(1))
            print(
                f"  {size} communes, {name}: {run.wall_s:.1f} s wall, {run.cpu_s:.1f} s CPU, {run.peak_mb:.0f} MB"
                f" (load {before:.1f})",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait()
    site = work / "out" / "site"
    pages = sum(1 for _ in site.rglob("*.html"))
    total = steps["harvest"]["wall_s"] + steps["build"]["wall_s"]
    return {
        "communes": size,
        "generated_s": generated,
        "steps": steps,
        "harvest_and_build_s": total,
        "unchanged_ratio": steps["harvest_unchanged"]["wall_s"] / steps["harvest"]["wall_s"],
        "unchanged_ratio_own": steps["harvest_unchanged"]["own_s"] / steps["harvest"]["own_s"],
        "peak_mb": max(step["peak_mb"] for step in steps.values()),
        "pages": pages,
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        "load_after": load(),
    }


def _wait_for(port: int) -> None:
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise BuildFailed("the loopback server did not start")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the province harvest and build on synthetic communes.")
    parser.add_argument("--sizes", default="102,3321", help="comma-separated numbers of communes")
    parser.add_argument("--jobs", type=int, default=8, help="communes harvested at once (default 8)")
    parser.add_argument("--json", type=Path, default=Path(tempfile.gettempdir()) / "pii-province-benchmark.json")
    parser.add_argument("--keep", action="store_true", help="keep the generated communes, state and site")
    parser.add_argument("--write", action="store_true", help="record the results in hooks/BENCHMARKS.md")
    args = parser.parse_args(argv)
    load_before = benchmark_record.load_average()
    results = []
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        work = Path(tempfile.mkdtemp(prefix=f"pii-province-{size}-"))
        try:
            results.append(measure(size, work, args.jobs))
            args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
        except BuildFailed as error:
            print(error, file=sys.stderr)
            return 1
        finally:
            if args.keep:
                print(f"Kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    table = [
        "| communes | harvest s | unchanged s (ratio; in-process) | build s | harvest+build s | peak MB | pages | load |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        s = r["steps"]
        table.append(
            f"| {r['communes']} | {s['harvest']['wall_s']:.1f} | {s['harvest_unchanged']['wall_s']:.1f}"
            f" ({r['unchanged_ratio']:.0%}; {r['unchanged_ratio_own']:.0%})"
            f" | {s['build']['wall_s']:.1f} | {r['harvest_and_build_s']:.1f}"
            f" | {r['peak_mb']:.0f} | {r['pages']} | {s['harvest']['load_before']:.1f}–{r['load_after']:.1f} |"
        )
    print("\n".join(table))
    if args.write:
        body = [
            *table,
            "",
            f"- {args.jobs} communes harvested at once, from a loopback server; wall seconds per step, each in a"
            " process of its own; the ratio is the unchanged harvest's time over the first harvest's (in-process:"
            " the harvest's own time, without the process start). Targets (issue 24): 102 communes harvested and"
            " built ≤ 60 s; 3,321 ≤ 10 min with peak memory ≤ 2 GB; the unchanged harvest ≤ 20 % of the first.",
        ]
        title = "The province roll-up (`province_benchmark.py`)"
        text = benchmark_record.section("province", title, body, load_before, __file__, argv)
        print(f"Recorded in {benchmark_record.write('province', text)}")
    print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
