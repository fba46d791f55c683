"""Markers in hand-written pages: a line `<!-- pii:NAME -->` in docs/<lang>/*.md that the build
replaces with Markdown made from the data, e.g. the staff guide's list of the units' report forms.

Called by hooks/pii_hooks.py (on_page_markdown) for the pages written in docs/ only. An unknown
marker is an error naming the page, not a comment left silently in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pii_site.i18n import urls
from pii_site.model.plan import Plan
from pii_site.pages.render import render

MARKER = re.compile(r"^<!--\s*pii:([A-Za-z0-9_-]+)\s*-->[ \t]*$", re.MULTILINE)


class MarkerError(ValueError):
    """A marker the build does not know; its text names the page and the markers it knows."""


def _report_forms(plan: Plan, lang: str, page: str) -> str:
    return render("report_forms.md.j2", page, lang, plan=plan, urls=urls)


# Marker name -> Markdown for (plan, language, the page's source path, for relative links).
MARKERS: dict[str, Callable[[Plan, str, str], str]] = {"report-forms": _report_forms}


def fill_markers(markdown: str, plan: Plan, lang: str, page: str) -> str:
    """`markdown` of docs/<lang>/`page` with every marker replaced. Raises MarkerError."""

    def replace(match: re.Match[str]) -> str:
        name = match[1]
        if name not in MARKERS:
            known = ", ".join(f"<!-- pii:{known} -->" for known in MARKERS)
            raise MarkerError(f"docs/{lang}/{page}: unknown marker <!-- pii:{name} -->; the build knows {known}.")
        return MARKERS[name](plan, lang, page).strip("\n")

    return MARKER.sub(replace, markdown)
