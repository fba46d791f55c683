"""Citations: `cite(ids)` renders "(Nguồn: VnExpress, «Hỏi đáp – chuyên trang…»; Việt Nam News, 10/2025)"
with each name linked to the source's entry on the sources page. Called by the PII pages and the home page."""

from __future__ import annotations

from collections.abc import Iterable

from pii_site.i18n import Labels
from pii_site.i18n.formatting import short_date
from pii_site.i18n.urls import Linker
from pii_site.pages.render import escape_markdown
from pii_site.source.pii_reference import PiiReference
from pii_site.source.schema.pii import Source


def publisher_label(source: Source, lang: str) -> str:
    """'Publisher (posted on site)', escaped: the publisher is a proper name, the rest is a label."""
    publisher = escape_markdown(source.publisher)
    if source.posted_on is None:
        return publisher
    return f"{publisher} ({Labels(lang)('pii.posted_on', site=escape_markdown(source.posted_on))})"


def short_title(title: str, words: int = 5) -> str:
    """The first few words of a title, so that two undated sources of one publisher read apart."""
    parts = title.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def source_label(source: Source, lang: str) -> str:
    """Publisher and short date, escaped: how a citation names its source. Without a date, the start
    of the title tells it apart from the publisher's other articles."""
    label = publisher_label(source, lang)
    if source.date:
        return f"{label}, {short_date(source.date.year, source.date.month, source.date.day, lang)}"
    return f"{label}, «{escape_markdown(short_title(source.title))}»"


class Citer:
    def __init__(self, reference: PiiReference, linker: Linker, lang: str) -> None:
        self.reference = reference
        self.linker = linker
        self.lang = lang

    def __call__(self, source_ids: Iterable[str]) -> str:
        """'(Nguồn: A; B)', or nothing when there is no source."""
        links = self.links(source_ids)
        return Labels(self.lang)("pii.cite", sources=links) if links else ""

    def links(self, source_ids: Iterable[str]) -> str:
        """'A; B' (for a table column that is already headed "Source")."""
        return "; ".join(
            f"[{source_label(self.reference.source(sid), self.lang)}]({self.linker.source(sid)})" for sid in source_ids
        )
