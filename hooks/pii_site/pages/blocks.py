"""Generated blocks in the hand-written pages of docs/: a marker comment on a line of its own,
`<!-- pii:unit-ids -->`, is replaced by Markdown made from the plan (the staff guide lists the unit ids,
task codes and report forms of the commune's own data, so another commune's guide lists its own).

Called by hooks/pii_hooks.py (on_page_markdown) for every page written in docs/; generated pages hold
no markers. A new block is a function (plan, lang, page) -> Markdown, usually `template_block(...)`
with a template in templates/, and one line in BLOCKS. A marker naming no block is a DataError naming
the page and line, so a typo never publishes a page with a silently missing list.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pii_site.i18n import urls
from pii_site.model.plan import Plan
from pii_site.render.templating import render
from pii_site.source.errors import DataError, file_problem

# (plan, language, source path of the page under docs/<lang>/, e.g. "guide.md") -> Markdown. The
# path makes the block's links relative to the page it lands on.
BlockMaker = Callable[[Plan, str, str], str]

# `<!-- pii:name -->` alone on a line (spaces inside the comment allowed). An indented one is part of
# a code example (how the guide shows the syntax), so only a marker at the start of a line counts.
MARKER = re.compile(r"^<!--[ \t]*pii:(?P<name>[^ \t>]*)[ \t]*-->[ \t]*$", re.MULTILINE)


def template_block(template: str) -> BlockMaker:
    """A block that is one template of templates/, given the plan and `urls`."""

    def make(plan: Plan, lang: str, page: str) -> str:
        return render(template, page, lang, plan=plan, urls=urls)

    return make


BLOCKS: dict[str, BlockMaker] = {
    "unit-ids": template_block("block_unit_ids.md.j2"),
    "task-codes": template_block("block_task_codes.md.j2"),
    "report-forms": template_block("block_report_forms.md.j2"),  # the units' forms, where filled ones go
}


def expand_blocks(markdown: str, plan: Plan, lang: str, page: str, first_line: int = 1) -> str:
    """`markdown` of docs/<lang>/<page>, which starts on the file's line `first_line` (after its front
    matter), with every marker replaced by its block. Raises DataError naming the page and line of
    each marker that names no block."""
    problems = [
        file_problem(
            f"docs/{lang}/{page}",
            markdown.count("\n", 0, match.start()) + first_line,
            "unknown_block",
            name=match["name"],
            known=", ".join(sorted(BLOCKS)),
        )
        for match in MARKER.finditer(markdown)
        if match["name"] not in BLOCKS
    ]
    if problems:
        raise DataError(problems)
    return MARKER.sub(lambda match: BLOCKS[match["name"]](plan, lang, page).strip("\n"), markdown)
