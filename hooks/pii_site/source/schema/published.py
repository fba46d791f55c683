"""What the readers of files other than YAML records hand the model: a news post with its photos
(source/news.py, source/news_photos.py) and the site's logo (source/identity.py). Dataclasses, not
pydantic models: the readers make them from checked files, nothing parses them from YAML. Here,
beside the data's other shapes, so that the model (model/plan.py) holds them without importing the
readers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pii_site.source.schema.base import OptionalEnglishText, Text


@dataclass(frozen=True)
class Photo:
    address: str  # as the body writes it, relative to the post's file: "<post>/photo.jpg"
    site_path: str  # the generated file beside the post's page: "news/<post>/photo.jpg"
    width: int  # of the copy served
    height: int
    content: bytes

    def attributes(self) -> str:
        """Markdown attribute list (attr_list) for the image: its size, so the page does not jump
        while it loads, and lazy loading, so a reader who never scrolls to it never downloads it."""
        return f'{{ width="{self.width}" height="{self.height}" loading="lazy" decoding="async" }}'


@dataclass(frozen=True)
class NewsPost:
    slug: str  # the file name without .md, e.g. "2026-03-15-cuoc-thi-y-tuong"; also its address
    date: dt.date
    title: Text
    summary: OptionalEnglishText | None
    body_vi: str  # Markdown, already made safe
    body_en: str | None
    data_file: str  # e.g. "data/news/2026-03-15-cuoc-thi-y-tuong.md", for "edit this page"
    lead_vi: str  # the body's first paragraph as plain text
    lead_en: str | None
    photos: tuple[Photo, ...] = ()  # each once, whichever body shows it; generated beside the page

    def body(self, lang: str) -> str:
        """The body in `lang`; Vietnamese when there is no English body (see `is_translated`)."""
        return self.body_en if lang == "en" and self.body_en else self.body_vi

    def is_translated(self, lang: str) -> bool:
        return lang == "vi" or bool(self.body_en)


@dataclass(frozen=True)
class Logo:
    """The logo as the site publishes it: checked, and written again without metadata (PNG) or from
    its allowed parts (SVG)."""

    suffix: str  # "png" or "svg"
    content: bytes
