"""Link the glossary terms found in plan text (task, duty and unit texts) to their glossary entries,
and find a term spelt more than one way in English (`english_spelling_variants`, used by the tests).

Called through `gloss(...)` in the task, unit and plan templates, on text that `tr` has already
escaped: matching the escaped form of each term keeps the data text escaped and the plan's wording
intact (only whole words match, case-insensitively; "(PCI)" links "PCI", not the brackets).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel

from pii_site.render.templating import escape_markdown
from pii_site.source.schema.base import Text
from pii_site.source.schema.pii import GlossaryTerm, Source

if TYPE_CHECKING:
    from pii_site.model.plan import Plan


def _key(text: str) -> str:
    """How a spelling and an occurrence are compared: case folded, any run of spaces or line breaks as
    one space (a text written as a YAML block may break a long name over two lines)."""
    return " ".join(text.split()).casefold()


@functools.cache
def _pattern(spellings: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every spelling (longest first, so "Chỉ số cải cách hành chính" wins over a shorter term)."""
    term_of = {_key(escape_markdown(text)): term_id for text, term_id in spellings}
    alternatives = sorted(term_of, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives)
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
            return f"[{match.group(0)}]({self._href(self._term_of[_key(match.group(0))])})"

        return self._pattern.sub(link, escaped)


def terms_in(terms: Iterable[GlossaryTerm], plain_text: str) -> set[str]:
    """Ids of the glossary terms that occur in a plain (unescaped) text."""
    pattern, term_of = _pattern(_spellings(terms))
    return {term_of[_key(m.group(0))] for m in pattern.finditer(escape_markdown(plain_text))}


def glossary_linker(plan_terms: Iterable[GlossaryTerm], page: str) -> GlossaryLinker:
    """The `gloss` helper for the page at source path `page`."""
    from pii_site.i18n.urls import Linker

    linker = Linker(page)
    return GlossaryLinker(plan_terms, linker.glossary)


def _english_texts(value: object) -> Iterator[str]:
    """Every English text in a record and what it holds (Text.en, English source titles)."""
    if isinstance(value, Text):
        yield value.en
    elif isinstance(value, Source):
        yield from (t for t in (value.title_en if value.language != "en" else value.title,) if t)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _english_texts(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _english_texts(item)


def plan_english_texts(plan: Plan) -> list[str]:
    """The English of everything a plan says: its document, tasks, duties, units, pillars and the PII facts."""
    records: list[object] = [plan.document, plan.subindices, plan.pillars, plan.groups, plan.units, plan.duties]
    records += [plan.reference.sources, plan.reference.terms, plan.reference.facts]
    return [text for record in records for text in _english_texts(record)]


def english_spelling_variants(terms: Iterable[GlossaryTerm], english_texts: Iterable[str]) -> set[tuple[str, str]]:
    """(term id, spelling) for every English spelling of a glossary term other than the glossary's own:
    its short form or full name in other capitals ("PAR index"), or a capitalised name written before
    its short form in brackets that is not (part of) the glossary's full name ("Administrative Reform
    Index (PAR Index)"). One spelling per term keeps an English reader from taking one index for two."""
    texts = [" ".join(text.split()) for text in english_texts]
    variants: set[tuple[str, str]] = set()
    for term in terms:
        for spelling in {*term.match, term.term.en, term.name.en}:
            for text in texts:
                # Not part of an address ("dti.gov.vn"); a capital that only starts a sentence is no variant.
                for match in re.finditer(rf"(?<![\w.]){re.escape(spelling)}(?!\w|\.\w)", text, re.IGNORECASE):
                    found = match.group(0)
                    if found[1:] != spelling[1:] and found not in term.match:
                        variants.add((term.id, found))
        for short in term.match:
            named = re.compile(rf"((?:[A-Z][\w'’-]*\s+)+(?:Index|Programme|Program))\s*\({re.escape(short)}\)")
            for text in texts:
                for match in named.finditer(text):
                    name = match.group(1)
                    if not (term.name.en.endswith(name) or name.endswith(term.name.en)):
                        variants.add((term.id, name))
    return variants
