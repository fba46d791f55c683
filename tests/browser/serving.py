"""Serving a built site and visiting its pages in Chromium: the plain machinery behind the browser
fixtures (tests/browser/conftest.py) and the per-plan browser invariants (tests/test_invariants.py).

`serve` answers under a path prefix like a project page; `Problems` records failed requests and
console errors while a page is open; `visit` loads one page and runs axe's WCAG 2 A/AA rules on it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from helpers import running
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

# Debian's chromium-headless-shell: Chromium's own headless build, of the same version as the `chromium`
# package (the same Blink and V8), and what Playwright itself runs for headless tests. Without the full
# browser's display compositor, 20 visits of the real plan's pages took 32 s against 46-50 s, their axe runs
# 5.7 s against 10.5-11.3 s, and the browser tests (pytest -n 2 -m browser) 254 s against 477 s.
CHROMIUM = "/usr/bin/chromium-headless-shell"
# The network is closed here: the background-networking flags stop Chromium from trying to reach
# Google services (which would fail slowly, not the site's requests).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# Every rule axe-core tags as WCAG 2.0 or 2.1, level A or AA.
WCAG_A_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under `prefix` only; anything else is 404, like a project page. With
    `not_found_page`, a missing address under the prefix gets the site's root 404.html (status 404),
    as GitHub Pages and most static hosts answer."""

    prefix = "/"
    not_found_page = False

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not self.not_found_page or not self.path.startswith(self.prefix) or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep pytest output readable
        pass


@contextlib.contextmanager
def serve(site_dir: Path, port: int, prefix: str, not_found_page: bool = False) -> Iterator[str]:
    """Serve `site_dir` at http://127.0.0.1:<port><prefix> until the block ends (with `not_found_page`,
    answering a missing address with the site's 404.html, as static hosts do)."""
    handler = functools.partial(
        type("Handler", (_SiteHandler,), {"prefix": prefix, "not_found_page": not_found_page}),
        directory=str(site_dir),
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    with running(server):
        yield f"http://127.0.0.1:{port}{prefix}"


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium, driven by Playwright, until the block ends."""
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
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


AXE_SCRIPT = Axe().axe_script  # axe-core, as axe-playwright-python ships it


def checking_context(browser: Browser, **options: Any) -> BrowserContext:
    """A browser context (Playwright's new_context `options`) whose pages get axe-core before their own
    scripts: the browser then compiles it as it opens the page, a third of a second sooner than
    axe_violations putting it into a loaded page. It adds a global (`axe`), nothing the site reads."""
    context = browser.new_context(**options)
    context.add_init_script(AXE_SCRIPT)
    return context


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe's WCAG 2 A/AA violations on the page as it is now (axe-core put in first unless the page's
    context is a checking_context). The page is left with every part rendered (below)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    # A part of the page far from the screen may be left unrendered until the reader scrolls near it
    # (pii.css: a phone's table cards, content-visibility: auto). axe would read its colours against
    # whatever box is drawn where it would be (a card's link "on" the dark footer: a contrast failure no
    # reader sees). Readers see every part painted once it is on screen: axe checks each part so.
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    violations: list[dict[str, Any]] = page.evaluate(
        "options => axe.run(document, options).then(results => results.violations)", WCAG_A_AA
    )
    return violations


def visit(page: Page, url: str) -> tuple[Problems, list[str]]:
    """Load `url` in `page` until the network is idle; return what went wrong while loading and
    axe's WCAG 2 A/AA violations, one line each. The page stays open, with every part rendered (axe_violations)."""
    problems = Problems()
    problems.watch(page)
    try:
        page.goto(url, wait_until="load")
        violations = axe_violations(page)
        # Material fetches the search index and starts its worker after load: wait for them, so
        # their failures are counted too (after axe, which takes longer: the wait is then ~free).
        page.wait_for_load_state("networkidle")
    finally:
        problems.unwatch(page)
    return problems, [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in violations
    ]
