"""Every main page, both languages: no sideways scrolling on a 360 px phone; and the plan page prints
as a clean document that shows where links lead. (Failed requests and console errors are checked
on every plan in tests/test_invariants.py.)"""

from __future__ import annotations

import pytest

from browser.site_pages import LANGS, MAIN_PAGES_IN_EVERY_LANGUAGE

PHONE_WIDTH = 360


@pytest.mark.parametrize(("lang", "address"), MAIN_PAGES_IN_EVERY_LANGUAGE)
def test_page_does_not_scroll_sideways_on_a_360_px_phone(page_reports, lang, address):
    report = page_reports(lang, address)
    assert report.phone_scroll_width <= PHONE_WIDTH
    assert report.phone_cut_off == []


@pytest.mark.parametrize("lang", LANGS)
def test_wide_tables_scroll_inside_their_own_box_on_a_phone(open_page, lang):
    page = open_page(lang, "tasks/", width=PHONE_WIDTH, height=800).page
    table = page.locator("article table").first
    wrapper = page.locator("article .md-typeset__scrollwrap").first
    assert table.evaluate("t => t.scrollWidth") > PHONE_WIDTH  # the table of all tasks is wider
    assert wrapper.evaluate("w => w.clientWidth") <= PHONE_WIDTH
    assert wrapper.evaluate("w => getComputedStyle(w).overflowX") in ("auto", "scroll")


@pytest.mark.parametrize("lang", LANGS)
def test_printed_plan_has_no_navigation_and_shows_link_targets(open_page, base_url, lang):
    page = open_page(lang, "plan/").page
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-content__button"):
        hidden = page.eval_on_selector_all(chrome, "els => els.every(e => getComputedStyle(e).display === 'none')")
        assert hidden, f"{chrome} is printed"
    assert page.locator("article h1").is_visible()
    # Links to other pages print their full address, once per address; links within the page
    # print nothing.
    printed = page.eval_on_selector_all(
        "article a", "links => links.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"
    )
    shown = [content for _, content in printed if content not in ("none", "normal")]
    unit_link = next(href for href, _ in printed if href.startswith("../units/"))
    assert f'" ({base_url}{lang}/{unit_link.removeprefix("../")})"' in shown
    assert len(shown) == len(set(shown)) > 0
    assert all(content in ("none", "normal") for href, content in printed if href.startswith("#"))
