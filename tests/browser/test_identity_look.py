"""The site's identity in Chromium: the header drawn in the primary colour with white
text, on the session build of the fixture plan (no logo, no colours: the civic default) and on the
build given colours of its own (`identity_site`); and the QR code of the page's address that only
the printed plan, task and unit pages show."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from helpers import IDENTITY_COLORS, css_rgb, free_port
from PIL import Image
from playwright.sync_api import Browser, Page

from browser.serving import Problems, serve
from browser.site_pages import FIXTURE_PLAN, LANGS
from pii_site.i18n import urls
from pii_site.source.identity import DEFAULT_COLORS

NOTICE_PAGES = [
    urls.address(urls.PLAN),
    urls.address(urls.task_page(FIXTURE_PLAN.tasks[0].id)),
    urls.address(urls.unit_page(FIXTURE_PLAN.units[0].id)),
]
QR = ".pii-print-qr"


def assert_header_colours(page: Page, primary: str) -> None:
    header = page.locator("header.md-header")
    assert header.evaluate("h => getComputedStyle(h).backgroundColor") == css_rgb(primary)
    assert header.evaluate("h => getComputedStyle(h).color") == "rgb(255, 255, 255)"


@pytest.mark.parametrize("lang", LANGS)
def test_header_is_the_primary_colour_with_white_text(open_page, lang):
    assert_header_colours(open_page(lang, "").page, DEFAULT_COLORS.primary)


@pytest.fixture(scope="module")
def identity_url(identity_site: Path) -> Iterator[str]:
    with serve(identity_site, free_port(), "/") as url:
        yield url


@pytest.mark.parametrize("lang", LANGS)
def test_header_is_the_configured_primary_colour_with_its_logo(browser: Browser, identity_url, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        problems = Problems()
        problems.watch(page)
        page.goto(f"{identity_url}{lang}/tasks/", wait_until="load")
        assert_header_colours(page, IDENTITY_COLORS["primary"])
        logo = page.locator("header .md-logo img")
        assert logo.evaluate("img => img.complete && img.naturalWidth > 0"), "the logo did not load"
        assert problems.failed_requests == [] and problems.console_errors == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("address", NOTICE_PAGES)
def test_qr_code_is_printed_and_hidden_on_screen(open_page, lang, address):
    opened = open_page(lang, address)
    page = opened.page
    assert page.locator(QR).count() == 1
    assert not page.locator(QR).is_visible(), "the QR code shows on screen"
    page.emulate_media(media="print")
    code = page.locator(f"{QR} svg")
    assert page.locator(QR).is_visible() and code.is_visible()
    box = code.bounding_box()
    # 3 cm square: large enough for a phone's camera at arm's length from a notice board.
    assert box is not None and box["width"] == pytest.approx(box["height"]) and box["width"] > 100
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert page.locator(f"{QR}__address").inner_text().strip() == canonical
    # Read back from the printed rendering, as a phone's camera would read the notice board.
    [read] = zxingcpp.read_barcodes(Image.open(io.BytesIO(code.screenshot())))
    assert (read.format, read.text) == (zxingcpp.BarcodeFormat.QRCode, canonical)
    assert opened.problems.failed_requests == [] and opened.problems.console_errors == []
