"""Citations: `cite(ids)` renders "(Nguồn: VnExpress, “Hỏi đáp – chuyên trang PII – Đổi mới sáng tạo”; Việt
Nam News, 01/10/2025)" with each name linked to the source's entry on the sources page, and
`source_title` is how the sources page names a source in each language. Called by the PII pages and
the home page. A title is quoted whole, never cut: Vietnamese words are several syllables long, so a
cut after a space can still split a word ("năng lực cạnh…" for "cạnh tranh")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pii_site.i18n import Labels
from pii_site.i18n.formatting import short_date
from pii_site.i18n.urls import Linker
from pii_site.model.reference import PiiReference
from pii_site.render.templating import escape_markdown
from pii_site.source.schema.pii import Source

# Both languages quote with curly double quotes (Vietnamese “…”, English “…”): never « », which neither uses.
QUOTE = "“{}”"


def publisher_label(source: Source, lang: str) -> str:
    """'Publisher (posted on site)', escaped: the publisher in the page's language, the rest a label."""
    publisher = escape_markdown(getattr(source.publisher, lang))
    if source.posted_on is None:
        return publisher
    return f"{publisher} ({Labels(lang)('pii.posted_on', site=escape_markdown(source.posted_on))})"


def readable_title(source: Source, lang: str) -> str | None:
    """The title a reader of `lang` can read: English pages use the English translation of a title
    not in English. None when the site could not retrieve the title."""
    if source.title is None:
        return None
    return source.title_en if lang == "en" and source.title_en else source.title


def source_title(source: Source, lang: str) -> str:
    """The sources page's title of a source, escaped: on English pages a title not in English is
    followed by its translation in brackets, as bibliographies do ("Original title [translation]")."""
    if source.title is None:
        return Labels(lang)("pii.title_unknown")
    if lang == "en" and source.title_en:
        return f"{escape_markdown(source.title)} \\[{escape_markdown(source.title_en)}\\]"
    return escape_markdown(source.title)


def citation_titles(sources: Sequence[Source], lang: str) -> dict[str, str]:
    """Undated source id -> its readable title, whole: what tells it apart from the publisher's other
    articles in a citation. (Titles used to be cut to five words, which split Vietnamese words.)"""
    return {s.id: title for s in sources if s.date is None and (title := readable_title(s, lang))}


def source_label(source: Source, lang: str, titles: dict[str, str]) -> str:
    """Publisher and short date, escaped: how a citation names its source. Without a date, the title
    (`titles`, from citation_titles), quoted, tells it apart from the publisher's other articles."""
    label = publisher_label(source, lang)
    if source.date:
        return f"{label}, {short_date(source.date.year, source.date.month, source.date.day, lang)}"
    if source.id not in titles:
        return f"{label} ({Labels(lang)('pii.title_unknown')})"
    return f"{label}, {QUOTE.format(escape_markdown(titles[source.id]))}"


class Citer:
    def __init__(self, reference: PiiReference, linker: Linker, lang: str) -> None:
        self.reference = reference
        self.linker = linker
        self.lang = lang
        self.titles = citation_titles(reference.sources, lang)

    def __call__(self, source_ids: Sequence[str]) -> str:
        """'(Nguồn: A; B)', '(Nguồn duy nhất: A)' for a fact with one source (the sources page promises
        that such facts say so), or nothing when there is no source."""
        if not source_ids:
            return ""
        key = "pii.cite_single" if len(source_ids) == 1 else "pii.cite"
        return Labels(self.lang)(key, sources=self._named(source_ids))

    def links(self, source_ids: Sequence[str]) -> str:
        """'A; B', or 'A (nguồn duy nhất)' (for a table column that is already headed "Source")."""
        named = self._named(source_ids)
        return f"{named} ({Labels(self.lang)('pii.single_source')})" if len(source_ids) == 1 else named

    def _named(self, source_ids: Iterable[str]) -> str:
        return "; ".join(
            f"[{source_label(self.reference.source(sid), self.lang, self.titles)}]({self.linker.source(sid)})"
            for sid in source_ids
        )
