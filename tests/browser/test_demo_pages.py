"""The pages that show real progress (statuses in colour, charts, timelines) exist fully only in
the demonstration build: axe checks them there, and every status badge and chart bar carries
words, so nothing is told by colour alone."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from browser.conftest import WCAG_A_AA, serve
from conftest import DEMO_SITE_URL
from browser.site_pages import LANGS

# Pages where the demonstration data puts every status, the chart, a timeline and indicator values.
DEMO_PAGES = ["", "progress/", "tasks/i-3/", "tasks/vi-1/", "units/phong-kinh-te/", "pillars/tac-dong/"]


@pytest.fixture(scope="module")
def demo_url(demo_site: Path) -> Iterator[str]:
    prefix = urlsplit(DEMO_SITE_URL).path  # served under the path it was built for
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with serve(demo_site, port, prefix) as url:
        yield url


@pytest.fixture(scope="module")
def demo_page(browser: Browser, demo_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("address", DEMO_PAGES)
def test_progress_pages_have_no_wcag_violation_and_no_colour_only_status(demo_page, demo_url, lang, address):
    demo_page.goto(f"{demo_url}{lang}/{address}", wait_until="load")
    violations = Axe().run(demo_page, options=WCAG_A_AA).response["violations"]
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []
    badges = demo_page.locator(".pii-status")
    assert badges.count() > 0
    assert all(text.strip() for text in badges.all_inner_texts()), "a status badge without words"
    for row in demo_page.locator(".pii-chart__row").all():
        assert row.inner_text().split(), "a chart bar without its label and number"
