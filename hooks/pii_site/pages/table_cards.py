"""A Python-Markdown extension that lets wide tables become stacked cards on phones, in CSS.

Every body cell gets its column's heading as data-label, and a table of more than two columns is
marked data-pii-cards; below about 700 px pii.css then shows each row as a card whose cells carry
their label (td::before). The HTML keeps one ordinary table for screen readers, print and wide
screens. Named in mkdocs.yml's markdown_extensions; plain Markdown, it knows nothing of MkDocs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# Two columns (a status and its count) fit a phone side by side; a third, such as a unit's long name
# beside a task's, already pushes the last one out of sight. More than two become cards.
MOST_COLUMNS_SIDE_BY_SIDE = 2
# Where raw HTML in a heading still waits in Python-Markdown's stash: not text a reader should see.
_STASHED = re.compile("\x02wzxhzdk:\\d+\x03")


class TableCardsTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            headings = [_STASHED.sub("", "".join(cell.itertext())).strip() for cell in table.iterfind("thead/tr/th")]
            if len(headings) <= MOST_COLUMNS_SIDE_BY_SIDE:
                continue
            table.set("data-pii-cards", "")
            for row in table.iterfind("tbody/tr"):
                for heading, cell in zip(headings, row.iterfind("td"), strict=False):
                    cell.set("data-label", heading)


class TableCardsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After the inline patterns (priority 20), so that a heading's text is final; before the
        # pretty-printer (10), which only adds line breaks.
        md.treeprocessors.register(TableCardsTreeprocessor(md), "pii_table_cards", 15)


def makeExtension(**kwargs: object) -> TableCardsExtension:  # noqa: N802 (Python-Markdown's entry point)
    return TableCardsExtension(**kwargs)
