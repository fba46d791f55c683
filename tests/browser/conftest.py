"""Fixtures for the browser tests: one HTTP server and one Chromium for the whole session.

The session build (tests/conftest.py `site`) is made for http://127.0.0.1:<site_port>/pii-site/;
the server answers under that same path, because Material's language switch and sitemap compare
absolute addresses. Every page opened through `open_page` records failed requests (network
errors and 4xx/5xx answers) and console errors, so any test can assert there were none.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import SITE_PATH  # tests/conftest.py

CHROMIUM = "/usr/bin/chromium"
# The network is closed here: the background-networking flags stop Chromium from trying to reach
# Google services (which would fail slowly, not the site's requests).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under `prefix` only; anything else is 404, like a project page."""

    prefix = SITE_PATH

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format: str, *args: object) -> None:  # keep pytest output readable
        pass


@contextlib.contextmanager
def serve(site_dir: Path, port: int, prefix: str) -> Iterator[str]:
    """Serve `site_dir` at http://127.0.0.1:<port><prefix> until the block ends."""
    handler = functools.partial(type("Handler", (_SiteHandler,), {"prefix": prefix}), directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def base_url(site: Path, site_port: int) -> Iterator[str]:
    """http://127.0.0.1:<port>/pii-site/ serving the session build; stops at session end."""
    with serve(site, site_port, SITE_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@dataclass
class Problems:
    """What went wrong while a page was open: failed requests and console errors."""

    failed_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> None:
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", self._page_error)

    def unwatch(self, page: Page) -> None:
        page.remove_listener("requestfailed", self._request_failed)
        page.remove_listener("response", self._response)
        page.remove_listener("console", self._console)
        page.remove_listener("pageerror", self._page_error)

    def _request_failed(self, request) -> None:
        self.failed_requests.append(f"{request.url}: {request.failure}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed_requests.append(f"{response.url}: HTTP {response.status}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.location.get('url')}: {message.text}")

    def _page_error(self, error) -> None:
        self.console_errors.append(f"uncaught: {error}")


@dataclass
class OpenedPage:
    page: Page
    problems: Problems


# Every rule axe-core tags as WCAG 2.0 or 2.1, level A or AA.
WCAG_A_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
             "resultTypes": ["violations"]}
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


@dataclass
class PageReport:
    """One visit of one main page: what the axe, error and phone-layout tests assert on."""

    problems: Problems
    axe_violations: list[str]
    phone_scroll_width: int
    phone_cut_off: list[str]  # content reaching past 360 px outside any box that scrolls


@pytest.fixture(scope="session")
def page_reports(browser: Browser, base_url: str) -> Iterator[Callable[[str, str], PageReport]]:
    """page_reports(lang, address) -> PageReport, visiting each page once for all its checks
    (a fresh visit per check tripled the suite's time)."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    reports: dict[tuple[str, str], PageReport] = {}

    def report(lang: str, address: str) -> PageReport:
        if (lang, address) not in reports:
            problems = Problems()
            problems.watch(page)
            page.set_viewport_size(DESKTOP)
            page.goto(f"{base_url}{lang}/{address}", wait_until="load")
            # Material fetches the search index and starts its worker after load: wait for them.
            page.wait_for_load_state("networkidle")
            violations = Axe().run(page, options=WCAG_A_AA).response["violations"]
            page.set_viewport_size(PHONE)
            reports[lang, address] = PageReport(
                problems=problems,
                axe_violations=[f"{v['id']} ({v['impact']}): {v['help']} -> "
                                f"{[n['target'] for n in v['nodes']][:5]}" for v in violations],
                phone_scroll_width=page.evaluate("document.documentElement.scrollWidth"),
                phone_cut_off=page.evaluate(_CUT_OFF, PHONE["width"]),
            )
            problems.unwatch(page)
        return reports[lang, address]

    yield report
    context.close()


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
