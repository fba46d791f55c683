"""A news post's body as Python-Markdown renders it with the site's extensions: every address it
links or embeds, and its first paragraph as plain text. news.py calls `read_body` once per body
when it loads a post, so the link check and the summaries see exactly what readers will get.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown

# The names in mkdocs.yml's markdown_extensions (tests/test_news.py checks they match). Their
# options there (toc's permalink and slugify) only shape heading anchors, never a link's address.
MARKDOWN_EXTENSIONS = (
    "tables",
    "pii_site.pages.table_cards",
    "attr_list",
    "md_in_html",
    "def_list",
    "admonition",
    "toc",
)
_ADDRESS_ATTRIBUTES = {"href", "src"}


@dataclass
class Address:
    """One address in the rendered body, with the words that carry it (to find its line)."""

    tag: str  # "a", "img", ...
    address: str  # as the browser reads it: character references decoded
    words: str  # a link's text or an image's alt text


@dataclass
class RenderedBody:
    addresses: list[Address] = field(default_factory=list)
    first_paragraph: str = ""  # text of the first <p>; of the whole body if it has none


class _BodyReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body = RenderedBody()
        self._open_links: list[Address] = []
        self._paragraph: list[str] | None = None  # collecting the first <p>, once
        self._seen_paragraph = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name in _ADDRESS_ATTRIBUTES and value is not None:
                found = Address(tag, value, values.get("alt") or "")
                self.body.addresses.append(found)
                if tag == "a":
                    self._open_links.append(found)
        if tag == "p" and not self._seen_paragraph:
            self._seen_paragraph = True
            self._paragraph = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open_links:
            self._open_links.pop()
        if tag == "p" and self._paragraph is not None:
            self.body.first_paragraph = " ".join("".join(self._paragraph).split())
            self._paragraph = None

    def handle_data(self, data: str) -> None:
        for link in self._open_links:
            link.words += data
        if self._paragraph is not None:
            self._paragraph.append(data)
        self._text.append(data)

    def close(self) -> None:
        super().close()
        if not self._seen_paragraph:
            self.body.first_paragraph = " ".join("".join(self._text).split())


def read_body(text: str) -> RenderedBody:
    """Render Markdown `text` (already made safe by news.safe_markdown) and read what it links."""
    reader = _BodyReader()
    reader.feed(markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS)).convert(text))
    reader.close()
    return reader.body
