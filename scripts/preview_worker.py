"""The preview's warm builder: started by scripts/serve.py, it imports MkDocs, Material and the package
once, then builds one language at a time on request, each into a staging folder swapped in place of
site/<lang> only when it succeeded. Requests and answers are JSON lines on stdin and stdout; build
messages go to stderr. serve.py starts a fresh one when hooks/ or mkdocs.yml change.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import time
from pathlib import Path

from mkdocs.exceptions import Abort, MkDocsException

from pii_build import PROJECT_DIR, build_language, load_for_build, swap_in
from pii_site import DataError, Plan, load_plan
from pii_site.outputs.shared_files import SharedFiles, shared_files
from pii_site.overlay import lay_overlay
from pii_site.settings import Settings, SettingsError


class Builder:
    """Builds one language per request. The plan is loaded for a rebuild's first language and kept
    for the others (serve.py says so with `same_data`), so one rebuild reads data/ once."""

    def __init__(self, settings: Settings, config_file: Path = PROJECT_DIR / "mkdocs.yml") -> None:
        self.settings, self.config_file = settings, config_file
        self.loaded: tuple[Plan, SharedFiles] | None = None

    def load(self, overlay: tuple[Path, Path] | None) -> tuple[Plan, SharedFiles]:
        """The plan of the data folder, or of `overlay` (base folder, overlay folder) laid afresh into
        it (`make demo`): then every problem is named at its real file and line, not the copy's.
        Raises Abort with every problem."""
        if overlay is None:
            return load_for_build(self.settings)
        target = self.settings.data_dir
        shutil.rmtree(target, ignore_errors=True)
        laid = lay_overlay(overlay[0], overlay[1], target)
        for note in laid.notes:
            print(note, file=sys.stderr, flush=True)
        try:
            if laid.problems:
                raise DataError([])
            plan = load_plan(target, self.settings.today, cache_dir=self.settings.cache_dir)
        except DataError as error:
            raise Abort(f"\n{laid.relabel(error)}") from None
        return plan, shared_files(plan, self.settings.base_url(plan.site.url))

    def build_in_place(
        self, lang: str, same_data: bool, site_dir: Path, overlay: tuple[Path, Path] | None = None
    ) -> None:
        """Build `lang` beside site_dir, then put it in place of site_dir/<lang> (and the root page the
        default language writes beside it). Raises MkDocsException or OSError, leaving site_dir as it was."""
        if not same_data or self.loaded is None:
            self.loaded = None  # a failed load must not leave the previous plan to reuse
            self.loaded = self.load(overlay)
        plan, shared = self.loaded
        staging = site_dir.with_name(f"{site_dir.name}.new-{lang}")
        shutil.rmtree(staging, ignore_errors=True)
        try:
            build_language(self.settings.for_language(lang), plan, shared, staging, self.config_file)
            site_dir.mkdir(parents=True, exist_ok=True)
            swap_in(staging / lang, site_dir / lang)
            root_page = staging / "index.html"
            if root_page.exists():
                os.replace(root_page, site_dir / "index.html")
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def answer(
        self, lang: str, same_data: bool, site_dir: Path, overlay: tuple[Path, Path] | None = None
    ) -> dict[str, object]:
        """Build one language; what serve.py is told about it."""
        start, cpu_start = time.monotonic(), time.process_time()
        try:
            self.build_in_place(lang, same_data, site_dir, overlay)
        except MkDocsException as error:
            return {"lang": lang, "ok": False, "message": str(error)}
        except OSError as error:
            return {"lang": lang, "ok": False, "message": f"The new {lang} site could not replace the old one: {error}"}
        # CPU time beside the wall time: on a busy machine the second says more about the build.
        return {
            "lang": lang,
            "ok": True,
            "seconds": round(time.monotonic() - start, 2),
            "cpu_seconds": round(time.process_time() - cpu_start, 2),
        }


def main() -> int:
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
    # Answers only on the real stdout: anything a library prints goes to stderr with the build messages.
    answers, sys.stdout = sys.stdout, sys.stderr
    try:
        settings = Settings.from_environ(os.environ, PROJECT_DIR)
    except SettingsError as error:  # serve.py checked the same variables before starting the worker
        print(error, file=sys.stderr)
        return 1
    builder = Builder(settings)
    for line in sys.stdin:
        request = json.loads(line)
        overlay = request.get("overlay")  # [base folder, overlay folder], laid into PII_DATA_DIR
        built = builder.answer(
            request["lang"],
            request.get("same_data", False),
            Path(request["site_dir"]),
            (Path(overlay[0]), Path(overlay[1])) if overlay else None,
        )
        answers.write(json.dumps(built) + "\n")
        answers.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
