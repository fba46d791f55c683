"""Measure the build: `python scripts/benchmark.py [--data DIR] [--runs N]`.

Times loading + validating the data, rendering every page (both languages) and the whole
two-language MkDocs build separately (median of N runs), and reports the size of the output.
Speed and size targets are checked here, not in timed tests.
"""

from __future__ import annotations

import argparse
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
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("PII_DATA_DIR") or PROJECT_DIR / "data"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    os.environ["PII_DATA_DIR"] = str(args.data.resolve())
    import logging

    logging.basicConfig(level=logging.ERROR)

    load = median_seconds(lambda: load_plan(args.data), args.runs)
    plan = load_plan(args.data)
    render = median_seconds(lambda: [render_site(plan, lang) for lang in LANGUAGES], args.runs)
    pages = sum(len(render_site(plan, lang)) for lang in LANGUAGES)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        whole = median_seconds(lambda: build.build_site(site), args.runs)
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
