"""Link the glossary terms found in plan text (task, duty and unit texts) to their glossary entries.

Called through `gloss(...)` in the task, unit and plan templates, on text that `tr` has already
escaped: matching the escaped form of each term keeps the data text escaped and the plan's wording
intact (only whole words match, case-insensitively; "(PCI)" links "PCI", not the brackets).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from pii_site.pages.render import escape_markdown
from pii_site.source.schema.pii import GlossaryTerm


@functools.cache
def _pattern(spellings: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every spelling (longest first, so "PAR Index" wins over a shorter term)."""
    term_of = {escape_markdown(text).casefold(): term_id for text, term_id in spellings}
    alternatives = sorted(term_of, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alternatives)
    # Word boundaries of the plain text: escaping turns "PCI_2026" into "PCI\_2026", so a backslash
    # followed by a word character still continues the word.
    return re.compile(rf"(?<!\w)(?:{body})(?!\\?\w)", re.IGNORECASE), term_of


def _spellings(terms: Iterable[GlossaryTerm]) -> tuple[tuple[str, str], ...]:
    return tuple((text, term.id) for term in terms for text in term.match)


class GlossaryLinker:
    """`gloss(escaped_text)`: the same text with each glossary term linked to its entry."""

    def __init__(self, terms: Iterable[GlossaryTerm], href: Callable[[str], str]) -> None:
        self._pattern, self._term_of = _pattern(_spellings(terms))
        self._href = href

    def __call__(self, escaped: str) -> str:
        def link(match: re.Match[str]) -> str:
            return f"[{match.group(0)}]({self._href(self._term_of[match.group(0).casefold()])})"

        return self._pattern.sub(link, escaped)


def terms_in(terms: Iterable[GlossaryTerm], plain_text: str) -> set[str]:
    """Ids of the glossary terms that occur in a plain (unescaped) text."""
    pattern, term_of = _pattern(_spellings(terms))
    return {term_of[m.group(0).casefold()] for m in pattern.finditer(escape_markdown(plain_text))}


def glossary_linker(plan_terms: Iterable[GlossaryTerm], page: str) -> GlossaryLinker:
    """The `gloss` helper for the page at source path `page`."""
    from pii_site.i18n.urls import Linker

    linker = Linker(page)
    return GlossaryLinker(plan_terms, linker.glossary)
