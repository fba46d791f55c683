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

from build import PROJECT_DIR, build_language, load_for_build, swap_in  # scripts/build.py
from mkdocs.exceptions import MkDocsException

from pii_site import Plan
from pii_site.outputs.exports import GeneratedFile
from pii_site.settings import Settings, SettingsError


class Loaded:
    """The plan of the current rebuild: loaded for its first language, reused for the others."""

    plan: Plan | None = None
    open_data: list[GeneratedFile] = []


def build_in_place(
    settings: Settings, reuse_plan: bool, site_dir: Path, config_file: Path = PROJECT_DIR / "mkdocs.yml"
) -> None:
    """Build settings.lang beside site_dir, then put it in place of site_dir/<lang> (and the root page
    the default language writes beside it). Raises MkDocsException or OSError, leaving site_dir as it was."""
    lang = settings.lang
    if not reuse_plan or Loaded.plan is None:
        Loaded.plan = None  # a failed load must not leave the previous plan to reuse
        Loaded.plan, Loaded.open_data = load_for_build(settings)
    staging = site_dir.with_name(f"{site_dir.name}.new-{lang}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        build_language(settings, Loaded.plan, Loaded.open_data, staging, config_file)
        site_dir.mkdir(parents=True, exist_ok=True)
        swap_in(staging / lang, site_dir / lang)
        root_page = staging / "index.html"
        if root_page.exists():
            os.replace(root_page, site_dir / "index.html")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def answer(settings: Settings, reuse_plan: bool, site_dir: Path) -> dict[str, object]:
    """Build one language; what serve.py is told about it."""
    lang = settings.lang
    start, cpu_start = time.monotonic(), time.process_time()
    try:
        build_in_place(settings, reuse_plan, site_dir)
    except MkDocsException as error:
        return {"lang": lang, "ok": False, "message": str(error)}
    except OSError as error:
        return {"lang": lang, "ok": False, "message": f"The new {lang} site could not replace the old one: {error}"}
    # CPU time beside the wall time: on a busy machine the second says more about the build.
    cpu_seconds = time.process_time() - cpu_start
    return {
        "lang": lang,
        "ok": True,
        "seconds": round(time.monotonic() - start, 2),
        "cpu_seconds": round(cpu_seconds, 2),
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
    for line in sys.stdin:
        request = json.loads(line)
        built = answer(
            settings.for_language(request["lang"]), request.get("same_data", False), Path(request["site_dir"])
        )
        answers.write(json.dumps(built) + "\n")
        answers.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
