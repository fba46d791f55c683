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

from build import PROJECT_DIR, build_language, swap_in  # scripts/build.py
from mkdocs.exceptions import MkDocsException


def build_in_place(lang: str, site_dir: Path, config_file: Path = PROJECT_DIR / "mkdocs.yml") -> None:
    """Build `lang` beside site_dir, then put it in place of site_dir/<lang> (and the root page the
    default language writes beside it). Raises MkDocsException or OSError, leaving site_dir as it was."""
    staging = site_dir.with_name(f"{site_dir.name}.new-{lang}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        build_language(lang, staging, config_file)
        site_dir.mkdir(parents=True, exist_ok=True)
        swap_in(staging / lang, site_dir / lang)
        root_page = staging / "index.html"
        if root_page.exists():
            os.replace(root_page, site_dir / "index.html")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def answer(lang: str, site_dir: Path) -> dict[str, object]:
    """Build one language; what serve.py is told about it."""
    start, cpu_start = time.monotonic(), time.process_time()
    try:
        build_in_place(lang, site_dir)
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
    for line in sys.stdin:
        request = json.loads(line)
        answers.write(json.dumps(answer(request["lang"], Path(request["site_dir"]))) + "\n")
        answers.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
