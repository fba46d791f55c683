"""The Markdown of every page for the fixture plan, in both languages, against the copy checked in
under tests/golden/pages/: a change to a template, a label or a page family shows as a diff in review,
without a MkDocs build. After a change you mean, rewrite the copy and read its diff before committing:

    .venv/bin/python -m pytest tests/pages/test_golden_pages.py --update-golden
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from helpers import PROJECT_DIR

from pii_site.i18n import LANGUAGES
from pii_site.model.plan import Plan
from pii_site.pages import render_site
from pii_site.pages.blocks import expand_blocks

GOLDEN_DIR = Path(__file__).parents[1] / "golden" / "pages"


def pages_of(plan: Plan, lang: str) -> dict[str, str]:
    """Path -> Markdown of every page MkDocs would be handed in `lang`: the generated pages, and the
    pages written in docs/<lang>/ with their marker comments replaced by the plan's blocks."""
    pages = {page.path: page.markdown for page in render_site(plan, lang)}
    docs = PROJECT_DIR / "docs" / lang
    for source in sorted(docs.rglob("*.md")):
        path = source.relative_to(docs).as_posix()
        pages[path] = expand_blocks(source.read_text(encoding="utf-8"), plan, lang, path)
    return pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_reads_as_the_checked_in_copy(plan: Plan, lang: str, request: pytest.FixtureRequest) -> None:
    pages = pages_of(plan, lang)
    golden = GOLDEN_DIR / lang
    if request.config.getoption("--update-golden"):
        for stale in golden.rglob("*.md"):
            stale.unlink()
        for path, markdown in pages.items():
            (golden / path).parent.mkdir(parents=True, exist_ok=True)
            (golden / path).write_text(markdown, encoding="utf-8")
    kept = {file.relative_to(golden).as_posix(): file.read_text(encoding="utf-8") for file in golden.rglob("*.md")}

    assert sorted(pages) == sorted(kept), "pages added or gone: run with --update-golden and review the diff"
    changed = [path for path in pages if pages[path] != kept[path]]
    diffs = [
        "".join(difflib.unified_diff(kept[p].splitlines(True), pages[p].splitlines(True), f"golden/{p}", p))
        for p in changed[:3]
    ]
    assert not changed, f"{len(changed)} page(s) differ (run with --update-golden if meant):\n" + "\n".join(diffs)
