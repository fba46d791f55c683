"""Our build against a bare Material build of the same pages: `.venv/bin/python scripts/maintainer/benchmark.py [--sizes real,200,1500]`.

For each size (the real data as is, or N synthetic tasks from scripts/maintainer/synthetic_plan.py) it times our build
(scripts/build.py, both languages, strict) and a bare Material build of the same Markdown with the same theme,
extensions and plugins but no hooks, alternating, each in a fresh process, and prints a table. `--peer social`
adds Material's own social-cards plugin to the bare build (the peer that draws share images too; it needs cairosvg,
which is no dependency of the project: `.venv/bin/pip install cairosvg`, and a font from /usr/share/fonts, placed in
the plugin's cache because it would otherwise download one from Google Fonts). `--json` writes
it; `--write` records the table, the date, the machine and its load average in hooks/BENCHMARKS.md
(scripts/maintainer/benchmark_record.py). `--profile SIZE` instead profiles our build in-process. Speed targets are checked
here, not in timed tests.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parents[2]
SCRIPTS_DIR = PROJECT_DIR / "scripts"
sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark_record  # noqa: E402  (stdlib only at import)
import synthetic_plan  # noqa: E402  (scripts/maintainer/synthetic_plan.py; stdlib and PyYAML only, so the bare worker stays bare)

# The social plugin's cards need a TrueType family in its cache (cache_dir/fonts/<family>/<style>.ttf), which it
# downloads from Google Fonts when absent: a build machine has no such access, so Debian's DejaVu (fonts-dejavu-core)
# is put there before each run. Its titles are Bold, the rest Regular.
SOCIAL_FONT_FAMILY = "DejaVu Sans"
SOCIAL_FONT_FILES = {
    "Regular": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "Bold": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
}
PEERS = ("bare", "social")

# Settings a caller's shell may hold that would point a measured build elsewhere (PII_TODAY is kept for the
# real data, as for any build of it; synthetic plans set their own day).
CLEARED_SETTINGS = ("PII_DATA_DIR", "PII_SITE_URL", "PII_LANG")


@dataclass
class Run:
    """One build in its own process: wall and CPU seconds, peak resident memory (that process alone)."""

    wall_s: float
    cpu_s: float
    peak_mb: float


@dataclass
class SiteSize:
    pages: int
    site_mb: float
    largest_page_kb: float
    search_index_kb: dict[str, float]


@dataclass
class SizeResult:
    size: str
    tasks: int
    ours: list[Run]
    bare: list[Run]
    ours_site: SiteSize
    bare_site: SiteSize

    def median(self, side: str, field: str) -> float:
        return float(statistics.median(getattr(run, field) for run in getattr(self, side)))

    def summary(self) -> dict[str, float]:
        ours_wall, bare_wall = self.median("ours", "wall_s"), self.median("bare", "wall_s")
        ours_cpu, bare_cpu = self.median("ours", "cpu_s"), self.median("bare", "cpu_s")
        return {
            "ours_wall_s": ours_wall,
            "bare_wall_s": bare_wall,
            "ours_cpu_s": ours_cpu,
            "bare_cpu_s": bare_cpu,
            "ratio_wall": ours_wall / bare_wall,
            "ratio_cpu": ours_cpu / bare_cpu,
            "ours_peak_mb": max(run.peak_mb for run in self.ours),
            "bare_peak_mb": max(run.peak_mb for run in self.bare),
            "cpu_ms_per_task": ours_cpu * 1000 / self.tasks,
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time our build against a bare Material build of the same pages.")
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data", help="the real size; framework kept")
    parser.add_argument("--sizes", default="real,200,1500", help="comma-separated: real and/or task counts")
    parser.add_argument(
        "--runs", type=int, help="builds per side and size, median taken (default 3; 1 from 1,000 tasks)"
    )
    parser.add_argument(
        "--json", type=Path, default=Path(tempfile.gettempdir()) / "pii-benchmark.json", help="where to write results"
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated data and sites, and say where")
    parser.add_argument(
        "--write",
        action="store_true",
        help=f"record the table, date, machine and load average in {benchmark_record.RECORD.relative_to(PROJECT_DIR)}",
    )
    parser.add_argument(
        "--site-url",
        help="build ours for this public address, as publishing does (link previews' share images and printed QR"
        " codes are made only then); every run starts with an empty build cache",
    )
    parser.add_argument(
        "--profile", metavar="SIZE", help="profile our build at one size instead (real or a task count)"
    )
    parser.add_argument(
        "--province",
        metavar="SIZES",
        help="time the province roll-up instead: harvest and build of this many synthetic communes (e.g. 102,3321),"
        " served from loopback (scripts/maintainer/province_benchmark.py)",
    )
    parser.add_argument(
        "--peer",
        choices=PEERS,
        default="bare",
        help="what ours is compared with: bare Material (default), or bare Material with its social-cards plugin"
        " (share images for every page, as ours makes with --site-url)",
    )
    parser.add_argument("--bare-worker", type=Path, help=argparse.SUPPRESS)  # internal: one bare build, both languages
    parser.add_argument("--social-cache", type=Path, help=argparse.SUPPRESS)  # internal: the bare build adds social
    args = parser.parse_args(argv)
    if args.bare_worker:
        return bare_build(args.bare_worker, args.social_cache)
    if args.province:
        import province_benchmark

        return province_benchmark.main(["--sizes", args.province])
    sizes = [size.strip() for size in (args.profile or args.sizes).split(",") if size.strip()]
    if bad := [size for size in sizes if size != "real" and not (size.isdigit() and int(size) > 0)]:
        parser.error(f"a size is 'real' or a number of tasks, not {', '.join(bad)}")
    from pii_site import DataError, load_plan
    from pii_site.settings import Settings, SettingsError, site_address_setting

    if args.peer == "social" and (missing := social_requirements()):
        parser.error(f"--peer social needs {missing}")
    if args.site_url:
        try:
            args.site_url = site_address_setting(args.site_url, "--site-url")
        except SettingsError as error:
            parser.error(str(error))

    work = Path(tempfile.mkdtemp(prefix="pii-benchmark-"))
    load_before = benchmark_record.load_average()
    try:
        load_plan(
            args.data, Settings.from_environ(os.environ, PROJECT_DIR).today
        )  # bad data is reported against its own files, before anything is generated from it
        if args.profile:
            profile(sizes[0], args.data, work)
            return 0
        results: list[SizeResult] = []
        for size in sizes:
            results.append(measure(size, args.data, work / size, args.runs, args.site_url, args.peer))
            write_json(args.json, results)  # after each size, so that an interrupted run keeps what it measured
        table = results_table(results, args.peer)
        print("\n".join(table))
        print(f"JSON: {args.json}")
        if args.write:
            key, title = ("builds-published", "Builds for a public address") if args.site_url else ("builds", "Builds")
            if args.peer == "social":
                key += "-social"
                title += " against bare Material with its social cards (`benchmark.py --peer social`)"
            else:
                title += " against bare Material (`benchmark.py`)"
            text = benchmark_record.section(key, title, table, load_before, __file__, argv)
            print(f"Recorded in {benchmark_record.write(key, text)}")
    except (BuildFailed, DataError) as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"Generated data and sites kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


class BuildFailed(RuntimeError):
    """A measured build exited with an error (its output is in the message)."""


def prepare_data(size: str, source: Path, folder: Path) -> tuple[Path, dt.date | None]:
    """The data folder for `size` and the day to see it from (None: today, for the real data). Synthetic
    plans keep `source`'s framework and plan text."""
    if size == "real":
        return source, None  # builds only read it
    return synthetic_plan.write_plan(folder / "data", int(size), source=source), synthetic_plan.SYNTHETIC_TODAY


def prepare_bare_docs(data: Path, today: dt.date | None, docs: Path) -> int:
    """docs/<lang>/ as our build sees it: the hand-written pages plus every page the package generates.
    Feeds and open-data exports are files, not pages, so the bare build leaves them out. Returns the task count."""
    from pii_site import load_plan
    from pii_site.i18n import LANGUAGES
    from pii_site.pages import render_site
    from pii_site.settings import Settings

    plan = load_plan(data, today or Settings.from_environ(os.environ, PROJECT_DIR).today)
    for lang in LANGUAGES:
        shutil.copytree(PROJECT_DIR / "docs" / lang, docs / lang)
        for page in render_site(plan, lang):
            path = docs / lang / page.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page.markdown, encoding="utf-8")
    return len(plan.tasks)


def measure(
    size: str, source: Path, folder: Path, runs: int | None, site_url: str | None = None, peer: str = "bare"
) -> SizeResult:
    data, today = prepare_data(size, source, folder)
    tasks = prepare_bare_docs(data, today, folder / "docs")
    runs = runs or (1 if tasks >= 1000 else 3)
    env = {key: value for key, value in os.environ.items() if key not in CLEARED_SETTINGS} | {
        "NO_MKDOCS_2_WARNING": "1"
    }
    site = folder / "site"
    ours_command = [sys.executable, str(SCRIPTS_DIR / "build.py"), "--data", str(data), "--site-dir", str(site), "-q"]
    ours_command += [
        *(["--site-url", site_url] if site_url else []),
        *(["--today", today.isoformat()] if today else []),
    ]
    bare_command = [sys.executable, str(Path(__file__).resolve()), "--bare-worker", str(folder)]
    ours: list[Run] = []
    bare: list[Run] = []
    print(f"{size}: {tasks} tasks, {runs} run(s) per side", file=sys.stderr, flush=True)
    for number in range(runs):
        # Alternate which side goes first, so a change in the machine's load falls on both sides.
        sides = [("ours", ours_command, ours), ("bare", bare_command, bare)]
        for side, command, results in sides if number % 2 == 0 else reversed(sides):
            # Every run starts with an empty build cache (photos, share images), as publishing does on
            # a fresh CI runner: a warm cache would hide what drawing and resizing cost.
            cache_dir = folder / f"cache-{side}-{number}"
            if side == "ours":
                cache = ["--cache-dir", str(cache_dir)]
            elif peer == "social":
                cache = ["--social-cache", str(social_cache(cache_dir))]
            else:
                cache = []
            results.append(run_measured(command + cache, env, folder / f"{side}.log"))
            print(f"  {side} run {number + 1}: {results[-1].wall_s:.1f} s", file=sys.stderr, flush=True)
    return SizeResult(size, tasks, ours, bare, site_size(site), site_size(folder / "bare-site"))


def run_measured(command: list[str], env: dict[str, str], log: Path) -> Run:
    """Run `command` in a fresh process; its own resource usage comes from os.wait4 (not RUSAGE_CHILDREN,
    whose peak memory is the largest of all children so far)."""
    with log.open("w", encoding="utf-8") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=PROJECT_DIR, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise BuildFailed(f"{' '.join(command)} failed (exit status {process.returncode}):\n{log.read_text()}")
    # Linux gives ru_maxrss in KiB.
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def social_requirements() -> str:
    """What the social plugin lacks here, in words ('' when nothing)."""
    import importlib.util

    missing = (
        [f"cairosvg (`{sys.executable} -m pip install cairosvg`)"] if not importlib.util.find_spec("cairosvg") else []
    )
    missing += [
        f"the font {path} (Debian's fonts-dejavu-core)" for path in SOCIAL_FONT_FILES.values() if not path.is_file()
    ]
    return ", ".join(missing)


def social_cache(cache_dir: Path) -> Path:
    """An empty social-plugin cache holding only its font, so that it draws every card and downloads nothing."""
    fonts = cache_dir / "fonts" / SOCIAL_FONT_FAMILY
    fonts.mkdir(parents=True, exist_ok=True)
    for style, path in SOCIAL_FONT_FILES.items():
        shutil.copyfile(path, fonts / f"{style}.ttf")
    return cache_dir


def bare_build(folder: Path, social_cache: Path | None = None) -> int:
    """A bare Material build of folder/docs/<lang> into folder/bare-site/<lang>, one MkDocs run per language
    as our build does: the project's mkdocs.yml (theme, extensions, plugins) without its hooks. Not strict:
    the pages link to the feed and downloads, which only our build makes. Imports no more of pii_site than
    mkdocs.yml names (the slugify function), so that none of our cost is counted here. With `social_cache`,
    Material's social plugin is added after search (its cards drawn into that cache, then copied to the site)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for lang in sorted(path.name for path in (folder / "docs").iterdir()):
        overrides: dict[str, Any] = {}  # load_config's keyword overrides, each option's own type
        if social_cache:
            search = load_config(str(PROJECT_DIR / "mkdocs.yml"), hooks=[]).plugins["material/search"].config
            social = {"cache_dir": str(social_cache), "cards_layout_options": {"font_family": SOCIAL_FONT_FAMILY}}
            overrides["plugins"] = [{"search": {"separator": search.separator}}, {"social": social}]
        config = load_config(
            str(PROJECT_DIR / "mkdocs.yml"),
            docs_dir=str(folder / "docs" / lang),
            site_dir=str(folder / "bare-site" / lang),
            hooks=[],
            strict=False,
            **overrides,
        )
        config.theme["language"] = lang
        # Our 404 template takes its words from the hook (config.extra.pii_not_found), which a bare build has
        # not: it is left out, one page of hundreds.
        config.theme.static_templates.discard("404.html")
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return 0


def site_size(site: Path) -> SiteSize:
    from pii_site.i18n import LANGUAGES

    pages = [path for path in site.rglob("*.html") if path.parent != site]  # not the root's redirect page
    return SiteSize(
        pages=len(pages),
        site_mb=sum(path.stat().st_size for path in site.rglob("*") if path.is_file()) / 1e6,
        largest_page_kb=max(path.stat().st_size for path in pages) / 1e3,
        search_index_kb={
            lang: (site / lang / "search" / "search_index.json").stat().st_size / 1e3 for lang in LANGUAGES
        },
    )


def results_table(results: list[SizeResult], peer: str = "bare") -> list[str]:
    """The results as a Markdown table, aligned, then a line on the runs and, with 200 and 1,500 tasks, linearity."""
    from pii_site.i18n import LANGUAGES

    header = (
        "size", "tasks", "pages", "wall s ours/bare", "CPU s ours/bare", "×bare CPU", "×bare wall",
        "peak MB ours/bare", "site MB", "largest KB", "index KB vi/en", "CPU ms/task",
    )  # fmt: skip
    rows: list[tuple[str, ...]] = [header]
    for result in results:
        s, site = result.summary(), result.ours_site
        rows.append(
            (
                result.size,
                str(result.tasks),
                str(site.pages),
                f"{s['ours_wall_s']:.1f}/{s['bare_wall_s']:.1f}",
                f"{s['ours_cpu_s']:.1f}/{s['bare_cpu_s']:.1f}",
                f"{s['ratio_cpu']:.2f}",
                f"{s['ratio_wall']:.2f}",
                f"{s['ours_peak_mb']:.0f}/{s['bare_peak_mb']:.0f}",
                f"{site.site_mb:.1f}",
                f"{site.largest_page_kb:.0f}",
                "/".join(f"{site.search_index_kb[lang]:.0f}" for lang in LANGUAGES),
                f"{s['cpu_ms_per_task']:.0f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    # A Markdown table, aligned, so that it reads the same in a terminal and in the record.
    rows.insert(1, tuple("-" * (width - 1) + ":" for width in widths))
    lines = [
        "| " + " | ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)) + " |" for row in rows
    ]
    runs = ", ".join(f"{r.size}: {len(r.ours)}" for r in results)
    lines += [
        "",
        f"- Median of runs per side ({runs}); peak MB is the largest run; ours = build.py, bare = same pages"
        + (
            " with Material's social plugin (`plugins: [search, social]`, font DejaVu Sans, empty card cache each run)."
            if peer == "social"
            else "."
        ),
    ]
    by_size = {r.size: r.summary() for r in results}
    by_tasks = {r.size: r.tasks for r in results}
    if "200" in by_size and "1500" in by_size:
        small, large = by_size["200"], by_size["1500"]
        lines.append(
            f"- Linearity, 1,500 tasks / 200 tasks: wall {large['ours_wall_s'] / small['ours_wall_s']:.2f}×, "
            f"CPU {large['ours_cpu_s'] / small['ours_cpu_s']:.2f}× (target ≤ 8×; bare Material: "
            f"{large['bare_cpu_s'] / small['bare_cpu_s']:.2f}× CPU)"
        )
        tasks = by_tasks["1500"] - by_tasks["200"]
        lines.append(
            f"- CPU per extra task from 200 to 1,500: ours {(large['ours_cpu_s'] - small['ours_cpu_s']) * 1000 / tasks:.0f} ms,"
            f" bare Material {(large['bare_cpu_s'] - small['bare_cpu_s']) * 1000 / tasks:.0f} ms"
        )
    return lines


def write_json(path: Path, results: list[SizeResult]) -> None:
    report = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "measured": "each build in its own process; CPU = user + system; peak = ru_maxrss from os.wait4",
        "results": [{**asdict(result), "summary": result.summary()} for result in results],
    }
    path.write_text(json.dumps(report, indent=2), encoding="utf-8")


def profile(size: str, source: Path, work: Path) -> None:
    """cProfile of our whole build (both languages, in this process); the 25 entries of the package and the
    hook with the most cumulative time."""
    data, today = prepare_data(size, source, work / size)
    from mkdocs.exceptions import MkDocsException

    import pii_build  # MkDocs, imported for the profile only
    from pii_site.settings import Settings

    settings = Settings(data, today or Settings.from_environ(os.environ, PROJECT_DIR).today)
    # CPU time, not the wall clock: on a shared machine waiting for a core would be charged to whatever ran.
    profiler = cProfile.Profile(time.process_time)
    start = time.perf_counter()
    try:
        profiler.runcall(pii_build.build_site, work / "site", settings)
    except MkDocsException as error:
        raise BuildFailed(f"The build of {size} failed: {error}") from None
    print(f"Profile of our build, {size}: {time.perf_counter() - start:.1f} s wall under cProfile (CPU seconds below)")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(r"hooks/", 25)


if __name__ == "__main__":
    sys.exit(main())
