"""A news post's body as Python-Markdown renders it with the site's extensions: every address it
links or embeds, the anchors (element ids) its page has, and its first paragraph as plain text.
news.py calls `read_body` once per body when it loads a post, so the link and anchor checks and
the summaries see exactly what readers will get.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown

from pii_site.i18n.slugs import slugify

# The names in mkdocs.yml's markdown_extensions (tests/pages/test_news.py checks they match). Of their
# options there, toc's slugify makes heading ids (used below); permalink only adds a "¶" link.
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
# Heading ids are made as on the site (mkdocs.yml names the same slugify); they are all the anchors
# a post's page content has: "{" is escaped, so no attribute list can add another id.
_EXTENSION_CONFIGS = {"toc": {"slugify": slugify}}


@dataclass
class Address:
    """One address in the rendered body, with the words that carry it (to find its line)."""

    tag: str  # "a", "img", ...
    address: str  # as the browser reads it: character references decoded
    words: str  # a link's text or an image's alt text


@dataclass
class RenderedBody:
    addresses: list[Address] = field(default_factory=list)
    first_paragraph: str = ""  # text of the first <p> with text; of the whole body if it has none
    anchors: set[str] = field(default_factory=set)  # every id on the page, the title's too


class _BodyReader(HTMLParser):
    def __init__(self, skip_title: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.body = RenderedBody()
        self._in_title = False
        self._skip_title = skip_title  # the page's title heading rendered before the body: not its text
        self._open_links: list[Address] = []
        self._paragraph: list[str] | None = None  # collecting the first <p>, once
        self._seen_paragraph = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if anchor := values.get("id"):
            self.body.anchors.add(anchor)
        if tag == "h1" and self._skip_title:
            self._in_title, self._skip_title = True, False
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
        if tag == "h1":
            self._in_title = False
        if tag == "a" and self._open_links:
            self._open_links.pop()
        if tag == "p" and self._paragraph is not None:
            self.body.first_paragraph = " ".join("".join(self._paragraph).split())
            self._paragraph = None
            # A paragraph of a photo alone has no text: the summary is the next paragraph's.
            self._seen_paragraph = bool(self.body.first_paragraph)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            return
        for link in self._open_links:
            link.words += data
        if self._paragraph is not None:
            self._paragraph.append(data)
        self._text.append(data)

    def close(self) -> None:
        super().close()
        if not self._seen_paragraph:
            self.body.first_paragraph = " ".join("".join(self._text).split())


@functools.cache
def _converter() -> markdown.Markdown:
    """One Markdown converter, reset before each body: making one loads its extensions (a third of
    loading a plan with a few news posts); reset() clears what a conversion leaves (heading ids)."""
    return markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS), extension_configs=_EXTENSION_CONFIGS)


def read_body(text: str, title: str = "") -> RenderedBody:
    """Render Markdown `text` (already made safe by news.safe_markdown) and read what it links.
    `title` is the page's title line ("# ..."), rendered first as on the page: a body heading
    with the title's words gets its id with "_1" after it."""
    reader = _BodyReader(skip_title=bool(title))
    page = f"{title}\n\n{text}" if title else text
    reader.feed(_converter().reset().convert(page))
    reader.close()
    return reader.body
