"""Printing for the notice board, in Chromium's print rendering: the plan's appendix fits A4
portrait, no address is printed after the links of tables and lists (the task and unit links of the
appendix once wrapped over five lines each), folded lists print unfolded, and each page prints its own
address once: beside the QR code of a notice-board page with a public address, else under its title.
The printed plan is saved as a screenshot for review (artifacts/screenshots/, as test_screenshots)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from browser.site_pages import LANGS
from browser.test_screenshots import SHOTS_DIR
from pii_site.i18n import Labels, urls

# A4 portrait less pii.css's @page margins (210 mm - 2 x 13 mm = 184 mm) at CSS's 96 px per inch:
# the width Chromium lays the printed page out at.
A4_CONTENT_WIDTH = round(184 / 25.4 * 96)

# What a link prints after it (pii.css: a[data-print-url]::after), or "none".
_PRINTED_AFTER = """links => links.map(a => [
    a.closest('table, ul, ol, dl') ? 'in a table or list' : 'in text',
    a.getAttribute('href'), getComputedStyle(a, '::after').content])"""


def printed(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport={"width": A4_CONTENT_WIDTH, "height": 1100}).new_page()
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_the_printed_plan_fits_a4_portrait_and_prints_addresses_only_in_running_text(
    browser: Browser, base_url: str, lang: str
):
    page = printed(browser, f"{base_url}{lang}/plan/")
    try:
        links = page.eval_on_selector_all("article a", _PRINTED_AFTER)
        in_lists = [(href, after) for where, href, after in links if where != "in text"]
        assert in_lists and all(after in ("none", "normal") for _, after in in_lists), in_lists
        # The appendix's task links are in its tables; the unit headings of section IV stay in text.
        assert any(href.startswith("../tasks/") for href, _ in in_lists)
        shown = [after for where, href, after in links if where == "in text" and after not in ("none", "normal")]
        unit_link = next(href for where, href, _ in links if where == "in text" and href.startswith("../units/"))
        assert f'" ({base_url}{lang}/{unit_link.removeprefix("../")})"' in shown
        assert len(shown) == len(set(shown))
        # Every table of the appendix within the printed page's width, none scrolled or cut.
        article = page.locator("article").bounding_box()
        assert article is not None
        tables = page.eval_on_selector_all(
            "article table", "ts => ts.map(t => [t.getBoundingClientRect().right, t.scrollWidth, t.clientWidth])"
        )
        assert tables and all(right <= article["x"] + article["width"] + 1 for right, _, _ in tables), tables
        assert all(scroll <= client + 1 for _, scroll, client in tables), tables
        SHOTS_DIR.mkdir(parents=True, exist_ok=True)
        shot = SHOTS_DIR / f"{lang}-print-plan.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.read_bytes().startswith(b"\x89PNG")
        # And Chromium's own print to PDF on A4 paper (pii.css's @page).
        assert page.pdf(prefer_css_page_size=True).startswith(b"%PDF")
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_public_address_a_page_prints_its_own_address_once_under_its_title(
    browser: Browser, relative_base_url: str, plan, lang: str
):
    address = f"{relative_base_url}{lang}/{urls.address(urls.task_page(plan.tasks[0].id))}"
    page = browser.new_context().new_page()
    try:
        page.goto(address, wait_until="load")
        slot = page.locator(".pii-print-address")
        assert slot.count() == 1 and not slot.is_visible(), "the address shows on screen"
        page.emulate_media(media="print")
        assert slot.is_visible()
        assert slot.inner_text() == f"{Labels(lang)('print.address')} {address}"
        assert page.locator(".pii-print-qr").count() == 0  # nothing for a QR code to lead to
        title, shown = page.locator("article h1").bounding_box(), slot.bounding_box()
        assert title and shown and title["y"] < shown["y"]
        assert page.eval_on_selector("article", "a => a.querySelector('h1').nextElementSibling.className") == (
            "pii-print-address"
        )
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_with_a_public_address_a_page_prints_it_once_and_folded_lists_unfolded(browser: Browser, base_url: str, lang):
    page = printed(browser, f"{base_url}{lang}/progress/")
    try:
        assert page.locator(".pii-print-address").inner_text().endswith(f"{base_url}{lang}/progress/")
        assert page.locator(".pii-print-qr").count() == 0
        folded = page.locator("article details li")
        assert folded.count() > 0 and folded.first.is_visible()
    finally:
        page.context.close()
    task = printed(browser, f"{base_url}{lang}/tasks/")
    try:
        assert task.locator(".pii-print-address").is_visible()
    finally:
        task.context.close()
