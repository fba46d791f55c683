"""Measure the build: `python scripts/benchmark.py [--data DIR] [--runs N]`.

Times loading + validating the data, rendering every page (both languages) and the whole
two-language MkDocs build separately (median of N runs), and reports the size of the output.
Speed and size targets are checked here, not in timed tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pii_site import load_plan
from pii_site.i18n import LANGUAGES
from pii_site.pages import render_site
from pii_site.settings import Settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "scripts"))
import build  # noqa: E402  (scripts/build.py, run as a module)


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time the build and measure the output.")
    parser.add_argument("--data", type=Path, help="data folder (default: PII_DATA_DIR or data/)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    settings = Settings.from_environ(os.environ, PROJECT_DIR)
    if args.data:
        settings = dataclasses.replace(settings, data_dir=args.data.resolve())
    args.data = settings.data_dir
    logging.basicConfig(level=logging.ERROR)

    load = median_seconds(lambda: load_plan(settings.data_dir, settings.today), args.runs)
    plan = load_plan(settings.data_dir, settings.today)
    render = median_seconds(lambda: [render_site(plan, lang) for lang in LANGUAGES], args.runs)
    pages = sum(len(render_site(plan, lang)) for lang in LANGUAGES)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        whole = median_seconds(lambda: build.build_site(site, settings), args.runs)
        html_pages = {lang: len(list((site / lang).rglob("*.html"))) for lang in LANGUAGES}
        sizes = {lang: folder_size(site / lang) for lang in LANGUAGES}
        index = {lang: (site / lang / "search" / "search_index.json").stat().st_size for lang in LANGUAGES}
    print(f"data: {args.data}  ({len(plan.tasks)} tasks, median of {args.runs} runs)")
    print(f"load + validate data      {load * 1000:8.1f} ms")
    print(f"render {pages:3d} pages (vi+en) {render * 1000:8.1f} ms")
    print(f"full build, both languages {whole:7.2f} s")
    for lang in LANGUAGES:
        print(
            f"site/{lang}: {html_pages[lang]} HTML files, {sizes[lang] / 1e6:.2f} MB, search index {index[lang] / 1e3:.0f} kB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
