"""Heading anchors that keep Vietnamese readable: "Đọc thông báo lỗi" -> "doc-thong-bao-loi".

Named in mkdocs.yml as the toc extension's slugify. Python-Markdown's default drops every
non-ASCII letter ("#oc-thong-bao-loi", "#tien-o"); folding accents first, with the same fold as
search, keeps each word whole.
"""

from __future__ import annotations

from markdown.extensions.toc import slugify as ascii_slugify

from pii_site.i18n.fold import fold


def slugify(value: str, separator: str) -> str:
    return ascii_slugify(fold(value), separator)
