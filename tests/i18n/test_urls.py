"""Links between generated pages: every page links to many others, so the relative address is
computed by hand (pii_site.i18n.urls.relative); it must be what posixpath.relpath would give."""

from __future__ import annotations

import itertools
import posixpath

from pii_site.i18n import urls

PAGES = [
    urls.HOME,
    urls.TASKS,
    urls.task_page("VII.1"),
    urls.unit_page("thu-vien-xa"),
    urls.PII_GLOSSARY,
    urls.news_page("2026-01-01-ra-mat"),
    urls.OPEN_DATA,
    "a/b/c.md",
    "a/b/d.md",
    "a/x.md",
    "a/b.md",
]


def test_a_link_between_any_two_pages_is_the_relative_path_from_one_to_the_other():
    for source, target in itertools.product(PAGES, PAGES):
        expected = posixpath.relpath(target, posixpath.dirname(source) or ".")
        assert urls.relative(source, target) == expected, (source, target)
