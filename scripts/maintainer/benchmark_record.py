"""The benchmarks' record: hooks/BENCHMARKS.md, one section per benchmark, each the last run written with `--write`.

Called by scripts/maintainer/benchmark.py, report_benchmark.py and forms_benchmark.py after they print their results. The
record states what a reader needs to trust a number: the UTC date, the machine (CPU, cores, memory, system,
Python), the load average before and after the run (on a shared machine a number is only as good as the load
was low) and the command. It never measures anything itself; older runs are in the file's git history.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import re
import shlex
import sys
from pathlib import Path

# The scripts may sit in scripts/ or one folder deeper (scripts/maintainer/): the project is the folder holding
# pyproject.toml above this file.
PROJECT_DIR = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").is_file())
RECORD = PROJECT_DIR / "hooks" / "BENCHMARKS.md"
HEADER = """# Benchmark record

Written by the benchmark scripts with `--write` (`make benchmark BENCHMARK_ARGS="--write"` writes the builds'
section): each section holds the last run written, with its date, machine and load average; older runs are in
this file's git history. Runs measured before the scripts wrote this file are copied from the README of the day,
with the conditions stated there. How each benchmark measures: the docstring of its script and the maintainer's
guide ([README.md](README.md), "Speed and size").
"""


def machine() -> str:
    """One line: CPU model, cores, memory, system and Python, as far as the system tells them."""
    model = memory = ""
    with contextlib.suppress(OSError):
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
        if found := re.search(r"(?m)^model name\s*:\s*(.+)$", cpuinfo):
            model = found.group(1).strip() + ", "
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no sysconf names on Windows
        memory = f", {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GiB memory"
    return (
        f"{model}{os.cpu_count()} CPUs{memory}; {platform.system()} {platform.release()};"
        f" Python {platform.python_version()}"
    )


def load_average() -> tuple[float, float, float]:
    """The 1, 5 and 15 minute load averages (zeros where the system has none, as on Windows)."""
    try:
        return os.getloadavg()
    except OSError:
        return (0.0, 0.0, 0.0)


def section(
    key: str, title: str, body: list[str], load_before: tuple[float, float, float], script: str, argv: list[str] | None
) -> str:
    """A section of the record: its title, how and where it was measured (`script`, the caller's __file__, run
    with `argv`, None meaning the command line), then `body` (a table and notes)."""
    load_after = load_average()
    path = Path(script).resolve()
    name = path.relative_to(PROJECT_DIR).as_posix() if path.is_relative_to(PROJECT_DIR) else path.name
    command = shlex.join([name, *(sys.argv[1:] if argv is None else argv)])
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"<!-- benchmark:{key} -->",
        f"## {title}",
        "",
        f"Recorded {when} by `{command}`.  ",
        f"Machine: {machine()}.  ",
        "Load average (1, 5, 15 min): before "
        + ", ".join(f"{v:.1f}" for v in load_before)
        + "; after "
        + ", ".join(f"{v:.1f}" for v in load_after)
        + ".",
        "",
        *body,
        f"<!-- /benchmark:{key} -->",
    ]
    return "\n".join(lines)


def write(key: str, text: str, record: Path | None = None) -> Path:
    """Put section `text` in place of the record's section `key` (or at the end when there is none yet),
    leaving every other section as it was; the file (default RECORD) is replaced in one step, never half-written."""
    from pii_site.source.status_file import write_atomically

    record = record or RECORD
    old = record.read_text(encoding="utf-8") if record.is_file() else HEADER
    pattern = re.compile(rf"<!-- benchmark:{re.escape(key)} -->\n.*?<!-- /benchmark:{re.escape(key)} -->", re.S)
    # A benchmark recorded for the first time goes at the end.
    new = pattern.sub(lambda _: text, old, count=1) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text + "\n"
    write_atomically(record, new.encode("utf-8"))
    return record
