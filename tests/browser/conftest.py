"""Fixtures for the browser tests: pages of the session build opened in the one Chromium. The
browser and the server of the session build (`browser`, `base_url`) are in tests/conftest.py:
tests/test_invariants.py uses them too.

Every page opened through `open_page` records failed requests (network errors and 4xx/5xx
answers) and console errors, so any test can assert there were none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from helpers import free_port
from playwright.sync_api import Browser, Page, ViewportSize

from browser.serving import Problems, serve


@dataclass
class OpenedPage:
    page: Page
    problems: Problems


PHONE: ViewportSize = {"width": 360, "height": 800}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}


@dataclass
class PageReport:
    """One visit of one main page at phone width and one at desktop width: what the layout tests
    assert on."""

    phone_scroll_width: int
    phone_cut_off: list[str]  # content reaching past 360 px outside any box that scrolls
    phone_scrolled_tables: list[str]  # tables that hide columns behind a sideways scroll at 360 px
    desktop_scrolled_tables: list[str]  # ... at 1,280 px


@pytest.fixture(scope="session")
def page_reports(browser: Browser, base_url: str) -> Iterator[Callable[[str, str], PageReport]]:
    """page_reports(lang, address) -> PageReport, visiting each page once for all its checks
    (a fresh visit per check tripled the suite's time)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    desktop_context = browser.new_context(viewport=DESKTOP)
    desktop = desktop_context.new_page()
    reports: dict[tuple[str, str], PageReport] = {}

    def report(lang: str, address: str) -> PageReport:
        if (lang, address) not in reports:
            # Layout only: axe, failed requests and console errors are checked on this plan (and
            # every other) in tests/test_invariants.py.
            page.goto(f"{base_url}{lang}/{address}", wait_until="load")
            desktop.goto(f"{base_url}{lang}/{address}", wait_until="load")
            reports[lang, address] = PageReport(
                phone_scroll_width=page.evaluate("document.documentElement.scrollWidth"),
                phone_cut_off=page.evaluate(_CUT_OFF, PHONE["width"]),
                phone_scrolled_tables=page.evaluate(_SCROLLED_TABLES),
                desktop_scrolled_tables=desktop.evaluate(_SCROLLED_TABLES),
            )
        return reports[lang, address]

    yield report
    context.close()
    desktop_context.close()


# Tables of the article wider than their box (the table itself or Material's scrolling wrapper):
# some of their columns are out of sight until the reader scrolls the table sideways.
_SCROLLED_TABLES = """() => [...document.querySelectorAll('article table')]
    .filter(t => [t, t.closest('.md-typeset__scrollwrap')].some(e => e && e.scrollWidth > e.clientWidth + 1))
    .map(t => [...t.querySelectorAll('th')].map(th => th.textContent.trim()).join(' | ').slice(0, 80))"""


# Content of the page (not the off-screen menu drawer) that reaches past the screen's right edge
# without a box that scrolls sideways around it: the page either scrolls or cuts it off.
_CUT_OFF = """width => {
    const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) {
        const x = getComputedStyle(a).overflowX;
        if ((x === 'auto' || x === 'scroll') && a.getBoundingClientRect().right <= width + 1) return true;
    } return false; };
    return [...document.querySelectorAll('.md-main *')]
        .filter(e => e.getBoundingClientRect().right > width + 1 && e.getClientRects().length)
        .filter(e => !e.closest('.md-sidebar') && !scrolls(e))
        .slice(0, 5).map(e => `${e.tagName}.${e.className}: ${(e.textContent || '').trim().slice(0, 40)}`);
}"""


@pytest.fixture(scope="session")
def relative_base_url(relative_site) -> Iterator[str]:
    """The fixture plan built without a public address, served (as static hosts serve a site: a missing
    address gets the root 404.html) under a sub-folder and a port it knows nothing of."""
    with serve(relative_site, free_port(), "/some/sub-folder/", not_found_page=True) as url:
        yield url


@pytest.fixture
def open_page(browser: Browser, base_url: str) -> Iterator[Callable[..., OpenedPage]]:
    """open_page(lang, address, width=1280) -> a loaded page in a fresh browser context."""
    contexts = []

    def open_(lang: str, address: str, width: int = 1280, height: int = 900) -> OpenedPage:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        problems = Problems()
        problems.watch(page)
        page.goto(f"{base_url}{lang}/{address}", wait_until="load")
        return OpenedPage(page, problems)

    yield open_
    for context in contexts:
        context.close()
