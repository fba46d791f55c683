"""A site built without a public address works wherever it is put: served under a path it was
never told about (/x/y/ on a random port), the home page loads without a failed request, and the
language switch stays on the same host, port and path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import free_port
from playwright.sync_api import Browser

from browser.serving import Problems, serve

PREFIX = "/x/y/"


@pytest.fixture(scope="module")
def relative_url(relative_site: Path) -> Iterator[str]:
    with serve(relative_site, free_port(), PREFIX) as url:
        yield url


@pytest.mark.parametrize("start", ["", "vi/", "vi/tasks/"])
def test_served_under_any_path_pages_load_and_the_language_switch_stays_there(browser: Browser, relative_url, start):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        problems = Problems()
        problems.watch(page)
        page.goto(f"{relative_url}{start}", wait_until="load")  # "" is the root page, which forwards to vi/
        page.wait_for_url(f"{relative_url}vi/**")
        page.wait_for_load_state("networkidle")  # Material's search index and worker too
        assert page.locator("html").get_attribute("lang") == "vi"
        # Material's stylesheet was found: its header sticks to the top.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        page.hover(".md-header__option .md-select")
        with page.expect_navigation():
            page.click(".md-select__link[hreflang=en]")
        page.wait_for_load_state("networkidle")
        expected = f"{relative_url}en/{start.removeprefix('vi/')}"
        assert page.url == expected
        assert page.locator("html").get_attribute("lang") == "en"
        assert problems.failed_requests == [] and problems.console_errors == []
    finally:
        context.close()


def test_the_feed_is_found_from_a_page_under_any_path(browser: Browser, relative_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{relative_url}en/tasks/", wait_until="load")
        feed = page.locator("link[type='application/atom+xml']").evaluate("link => link.href")
        response = context.request.get(feed)
        assert feed == f"{relative_url}en/feed.xml" and response.ok
        assert b"<feed" in response.body()
    finally:
        context.close()
