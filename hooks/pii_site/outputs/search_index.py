"""Search tuned for readers: accent-insensitive matching, short matching titles first, no code
examples (the staff guide's YAML and commands) in the index, and summarised pages (the staff guide)
found by their headings and each section's opening paragraph only.

Called by hooks/pii_hooks.py (on_post_build) with the dict of Material's search_index.json.
Readers often type Vietnamese without diacritics ("doi moi sang tao"); lunr matches exact tokens,
so each document gets extra fields holding the folded form of each word that has a diacritic, once.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Collection
from typing import Any

from pii_site.i18n.fold import fold

# Material's worker indexes every field named in config.fields but shows only title and text,
# so these fields are searchable and never displayed. Each takes its source field's boost, so a
# page whose title matches still ranks above pages that only mention the words.
FOLDED_FIELDS = {"title": "title_folded", "text": "text_folded"}

# How much a title's length counts (BM25's "b", for titles only): Material switches lunr's length
# normalisation off, so "Institutions" ranked the task "Legal institutions and ..." above the
# pillar "Institutions", and folded "quan tri dien tu" (Quản trị điện tử) ranked "... bình quân
# ... (triệu ...)" first. A small value is enough to prefer the title that is mostly the query.
TITLE_LENGTH_WEIGHT = 0.2

_TAG = re.compile(r"<[^>]+>")
# A code block as Material's search plugin writes it into a document's text.
_CODE_BLOCK = re.compile(r"<pre>.*?</pre>", re.DOTALL)
# A section's opening paragraph as Material's search plugin writes it (its text starts with it).
_OPENING_PARAGRAPH = re.compile(r"\s*(<p>.*?</p>)", re.DOTALL)
_WORD = re.compile(r"\w+")


def folded_words(markup: str) -> str:
    """The folded forms of the words of `markup` (HTML) that change when folded, each once, in order.

    Words without marks are already in the source field: repeating them would count them twice
    and change the ranking of queries that need no folding. Each folded word appears once (the
    worker lowercases tokens, so case does not make two): lunr's term-frequency weight saturates
    (k1 = 1.2), so repeats add little to a score but much to the bytes a phone downloads.
    """
    plain = html.unescape(_TAG.sub(" ", markup))
    first_forms: dict[str, str] = {}
    for word in _WORD.findall(plain):
        if (folded := _fold_word(word)) != word:
            first_forms.setdefault(folded.lower(), folded)
    return " ".join(first_forms.values())


@functools.lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    # Cached: an index repeats the same few thousand words across every page. ASCII has no marks.
    return word if word.isascii() else fold(word)


def improve_search_index(index: dict[str, Any], summarised: Collection[str] = ()) -> dict[str, Any]:
    """Return `index` (search_index.json as a dict) without code blocks, the pages at the addresses
    `summarised` (relative to the language's root, as "guide/") cut to their summary, and with folded
    fields and title-length boosts."""
    return boost_short_titles(add_folded_fields(summarise_pages(drop_code_blocks(index), summarised)))


def summarise_pages(index: dict[str, Any], pages: Collection[str]) -> dict[str, Any]:
    """Return `index` with each section of `pages` holding its title and its opening paragraph only.

    For the staff guide (its front matter says `search_summary: true`; pii_hooks passes its address):
    its step-by-step instructions are read on the page, and indexed whole they were a third of the
    index every reader's phone downloads, and matched residents' queries ("báo cáo tiến độ") with staff
    instructions. Staff still find each section by its heading and what its first paragraph says.
    """
    for document in index.get("docs", []):
        if document.get("location", "").partition("#")[0] in pages:
            opening = _OPENING_PARAGRAPH.match(document.get("text", ""))
            document["text"] = opening.group(1) if opening else ""
    return index


def drop_code_blocks(index: dict[str, Any]) -> dict[str, Any]:
    """Return `index` with code blocks taken out of each document's text. They are the staff
    guide's YAML and command examples: their words are in the prose around them, a search result
    cannot show them legibly, and they made a tenth of the index a phone downloads on its first search."""
    for document in index.get("docs", []):
        if "<pre>" in document.get("text", ""):
            document["text"] = _CODE_BLOCK.sub(" ", document["text"])
    return index


def add_folded_fields(index: dict[str, Any]) -> dict[str, Any]:
    """Return `index` (search_index.json as a dict) with folded fields in its config and documents."""
    fields = index.setdefault("config", {}).setdefault("fields", {})
    for source, folded in FOLDED_FIELDS.items():
        fields[folded] = dict(fields.get(source, {"boost": 1.0}))
    for document in index.get("docs", []):
        for source, folded in FOLDED_FIELDS.items():
            words = folded_words(document.get(source, ""))
            if words:
                document[folded] = words
            else:
                document.pop(folded, None)
    return index


def boost_short_titles(index: dict[str, Any]) -> dict[str, Any]:
    """Multiply each document's boost by BM25's length factor of its title (shorter ranks higher)."""
    documents = index.get("docs", [])
    lengths = [len(_WORD.findall(html.unescape(_TAG.sub(" ", d.get("title", ""))))) for d in documents]
    if not documents:
        return index
    average = sum(lengths) / len(lengths) or 1.0
    for document, length in zip(documents, lengths, strict=True):
        factor = 1.0 / (1.0 - TITLE_LENGTH_WEIGHT + TITLE_LENGTH_WEIGHT * length / average)
        # A page may already carry a boost from its front matter (Material's `search: boost:`).
        document["boost"] = round(document.get("boost", 1.0) * factor, 4)
    return index
