"""Lighthouse scores of the site, served compressed as GitHub Pages serves it:
`.venv/bin/python scripts/maintainer/lighthouse.py --lighthouse PATH [--data DIR] [--runs N]`.

Builds the site for a local address, serves it with gzip and a 10-minute cache (what GitHub Pages
does), and runs Lighthouse (mobile preset) on the home, progress, first task and first unit pages in
every language, printing performance, accessibility, best practices and SEO per page (the median of
--runs runs). Lighthouse is not a Python package: install it once in a folder of its own
(`npm install lighthouse@12.2.3`) and pass node_modules/.bin/lighthouse; Chromium is CHROME_PATH
(default Debian's /usr/bin/chromium). A measuring tool, not a test: scores move with the machine's load,
so each page's line also gives its median speed index, total blocking time and largest contentful paint,
and the load average when the page was measured; --reports DIR keeps every run's JSON report.

Runs in which Chromium itself held the page's first frame back (HELD_MS, below) are counted on each
page's line, and the performance of the other runs is given beside the median of all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, BinaryIO

from pii_build import build_site
from pii_site import load_plan
from pii_site.i18n import LANGUAGES, urls
from pii_site.settings import Settings

PROJECT_DIR = Path(__file__).resolve().parents[2]

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lighthouse's audits behind the performance score, in milliseconds: what moves it, page by page.
METRICS = {
    "SI": "speed-index",
    "TBT": "total-blocking-time",
    "LCP": "largest-contentful-paint",
    "FCP": "first-contentful-paint",
}
PAGES = ("home", "progress", "task", "unit")
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text ones gzip-compressed when the browser accepts it, cached 10 minutes."""

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in COMPRESSED and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)  # SimpleHTTPRequestHandler copies it out and closes it

    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]  # typeshed: Any (an address's shape depends on the family)
        return port


CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"

# Held first frames: without a screen, Chromium's display compositor (viz) sometimes stops sending the page
# BeginFrames for a second while frames it sent earlier are undrawn (SendBeginFrameDecision, reason
# ThrottleUndrawnFrames, in a trace with the "viz" category): the page has painted its first frame, but that
# frame is shown about 1 s later, and Lighthouse's simulation carries the second into the first contentful
# paint and the speed index (GoogleChrome/lighthouse#17148, open). No reader's phone has a headless
# compositor: a held run measures Chromium, so it is counted and shown apart. A run is held when the page's
# first paint (the trace's first Paint event) came HELD_MS or more before the paint Lighthouse observed.
# Of 26 runs of two pages checked so (2026-12-07), the 13 held ones had a gap of 0.8-1.7 s, and the 8 of
# them traced with "viz" had 60 or 120 BeginFrames withheld; the 13 prompt ones 0.03-0.11 s (the 6 traced
# with "viz": 0 or 1 withheld).
# Lighthouse's own trace categories are enough to tell: adding "viz" would add tracing to what is measured.
HELD_MS = 500


def paint_held_ms(trace: Path, report: dict[str, Any]) -> float:
    """Milliseconds between the page's first paint after the navigation and the first paint Lighthouse observed."""
    metrics = report["audits"]["metrics"]["details"]["items"][0]
    start, observed = metrics.get("observedTimeOriginTs"), metrics.get("observedFirstPaintTs")
    if start is None or observed is None:
        return 0.0
    events = json.loads(trace.read_text(encoding="utf-8"))
    paints = [
        event["ts"]
        for event in (events["traceEvents"] if isinstance(events, dict) else events)
        if event.get("name") == "Paint" and start <= event.get("ts", 0) <= observed
    ]
    return (observed - min(paints)) / 1000 if paints else 0.0


def scores(lighthouse: str, url: str, out: Path, chrome_flags: str = CHROME_FLAGS) -> dict[str, int]:
    """Lighthouse's category scores (0-100), METRICS (ms) and "held" (ms Chromium held the first paint back,
    HELD_MS) of one mobile run on `url`; the report stays at `out`, its trace is read and removed."""
    subprocess.run(
        [
            lighthouse,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={chrome_flags}",
            "--save-assets",  # the trace, as <out>-0.trace.json, with the devtools log beside it
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    trace = out.with_name(f"{out.stem}-0.trace.json")
    held = round(paint_held_ms(trace, report))
    for asset in (trace, out.with_name(f"{out.stem}-0.devtoolslog.json")):  # megabytes a run
        asset.unlink(missing_ok=True)
    result = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    return (
        result
        | {name: round(report["audits"][audit]["numericValue"]) for name, audit in METRICS.items()}
        | {"held": held}
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lighthouse", default=os.environ.get("LIGHTHOUSE", "lighthouse"), help="Lighthouse's executable"
    )
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data", help="data folder (default: data/)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is shown (default 3)")
    parser.add_argument("--reports", type=Path, help="keep every run's JSON report in this folder")
    parser.add_argument("--chrome-flags", default=CHROME_FLAGS, help=f"Chromium's flags (default: {CHROME_FLAGS})")
    parser.add_argument(
        "--pages", default=",".join(PAGES), help=f"which pages, comma-separated (default: all of {', '.join(PAGES)})"
    )
    args = parser.parse_args(argv)
    today = dt.date.today()
    plan = load_plan(args.data, today)
    addresses = {
        "home": "",
        "progress": urls.address(urls.PROGRESS),
        "task": urls.address(urls.task_page(plan.tasks[0].id)),
        "unit": urls.address(urls.unit_page(plan.units[0].id)),
    }
    if unknown := set(args.pages.split(",")) - set(PAGES):
        parser.error(f"--pages takes {', '.join(PAGES)}, not {', '.join(sorted(unknown))}")
    pages = [addresses[kind] for kind in PAGES if kind in args.pages.split(",")]
    port = free_port()
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build_site(site, Settings(args.data.resolve(), today, f"http://127.0.0.1:{port}/"))
        handler = functools.partial(CompressingHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            columns = [*CATEGORIES, *(f"{name} ms" for name in METRICS), "held runs", "performance not held", "load"]
            print("| page | " + " | ".join(columns) + " |")
            print("|---|" + "---:|" * len(columns))
            reports = args.reports or Path(work)
            reports.mkdir(parents=True, exist_ok=True)
            for lang in LANGUAGES:
                for page in pages:
                    url = f"http://127.0.0.1:{port}/{lang}/{page}"
                    report_name = f"{lang}-{page.strip('/').replace('/', '-') or 'home'}"
                    loads = [os.getloadavg()[0]]
                    runs = []
                    for number in range(args.runs):
                        runs.append(
                            scores(
                                args.lighthouse, url, reports / f"{report_name}-{number + 1}.json", args.chrome_flags
                            )
                        )
                        loads.append(os.getloadavg()[0])
                    medians = [round(statistics.median(run[name] for run in runs)) for name in [*CATEGORIES, *METRICS]]
                    not_held = [run["performance"] for run in runs if run["held"] < HELD_MS]
                    held = f"{len(runs) - len(not_held)}/{len(runs)}"
                    clear = str(round(statistics.median(not_held))) if not_held else "–"
                    # The one-minute load average before and after the runs: scores under load are not comparable.
                    load = f"{min(loads):.1f}–{max(loads):.1f}"
                    print(
                        f"| {lang}/{page} | " + " | ".join(str(m) for m in medians) + f" | {held} | {clear} | {load} |",
                        flush=True,
                    )
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
