"""How long the preview takes to show an edit: `.venv/bin/python scripts/maintainer/preview_latency.py [--data DIR] [--runs 3]`.

Starts scripts/serve.py on a copy of the data folder, then, run after run, adds a word to the first
task's Vietnamese text in tasks.yml and times how long until the served plan page shows it, and until
the English site is rebuilt too (the reload signal's version). Run by hand for the figures in README;
no test runs it. Prints the machine's load beside them: on a busy machine every build is slower.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]


def fetch(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body: bytes = response.read()  # urlopen's result is untyped (it may be an HTTP or a file response)
            return body.decode("utf-8")
    except OSError:
        return None


def shows(url: str, text: str) -> bool:
    return text in (fetch(url) or "")


def rebuilt(base: str, lang: str, version: int) -> bool:
    """Whether `lang` passed `version`, asked as the reload script asks (a long poll)."""
    return int(fetch(f"{base}/.preview/wait?lang={lang}&after={version}", 30) or 0) > version


def wait_until(condition: Callable[[], bool], seconds: float, step: float = 0.05) -> float:
    """Seconds until condition() held; raises TimeoutError after `seconds`."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            raise TimeoutError(f"not seen within {seconds} s")
        time.sleep(step)
    return time.monotonic() - start


def mark_first_task(tasks_file: Path, marker: str) -> None:
    """Add `marker` to the first task's Vietnamese text, replacing the file in one step (as an editor
    saves it). A private temporary copy: no one else writes it, so no lock is needed."""
    tasks = yaml.safe_load(tasks_file.read_text(encoding="utf-8"))
    task = tasks["groups"][0]["tasks"][0]
    task["text"]["vi"] = f"{task['text']['vi']} {marker}"
    written = tasks_file.with_name(f".{tasks_file.name}.tmp")  # hidden, as editors name theirs
    written.write_text(yaml.safe_dump(tasks, allow_unicode=True, sort_keys=False), encoding="utf-8")
    os.replace(written, tasks_file)


def built_line(log_file: Path) -> str:
    """serve.py's last report of a rebuild: each language's wall and CPU seconds."""
    lines = [line for line in log_file.read_text(encoding="utf-8").splitlines() if line.startswith("Built ")]
    return lines[-1] if lines else "(no rebuild reported)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the preview from an edit of tasks.yml to the served page.")
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data", help="data folder to copy (default: data/)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="pii-preview-latency-"))
    shutil.copytree(args.data, work / "data")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, str(PROJECT_DIR / "scripts" / "serve.py"), "--port", str(port)]
    command += ["--site-dir", str(work / "site"), "--data", str(work / "data")]
    log = (work / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(command, cwd=PROJECT_DIR, stdout=log, stderr=subprocess.STDOUT)
    load_before = os.getloadavg()[0]
    viewed, both = [], []
    try:
        first = wait_until(lambda: fetch(f"{base}/vi/plan/") is not None, 900, step=0.5)
        print(f"First page after {first:.1f} s.")
        for run in range(args.runs):
            marker = f"latency-mark-{run}"
            # Answers at once: English has been built (version 1 or more) since the first page.
            english_version = int(fetch(f"{base}/.preview/wait?lang=en&after=0") or 0)
            mark_first_task(work / "data" / "tasks.yml", marker)
            start = time.monotonic()
            wait_until(functools.partial(shows, f"{base}/vi/plan/", marker), 300)
            viewed.append(time.monotonic() - start)
            # The long poll the reload script makes: it answers once English is rebuilt.
            wait_until(functools.partial(rebuilt, base, "en", english_version), 300, step=0)
            both.append(time.monotonic() - start)
            print(f"run {run + 1}: vi page shows the edit after {viewed[-1]:.2f} s, en rebuilt after {both[-1]:.2f} s")
            print(f"  serve.py: {built_line(work / 'serve.log')}")
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"median over {args.runs} runs: viewed language {statistics.median(viewed):.2f} s, "
        f"both languages {statistics.median(both):.2f} s "
        f"(load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
