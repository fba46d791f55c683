"""Every main page, both languages: no sideways scrolling on a 360 px phone, no table hiding columns
at 360 or 1,280 px; and the plan page prints as a clean document (print details: test_print.py). (Failed requests and console errors are checked
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


@pytest.mark.parametrize(("lang", "address"), MAIN_PAGES_IN_EVERY_LANGUAGE)
def test_no_table_hides_a_column_behind_a_sideways_scroll(page_reports, lang, address):
    # On a phone, tables of more than two columns turn into cards (pii.css); on a wide screen
    # every column fits the text column.
    report = page_reports(lang, address)
    assert report.phone_scrolled_tables == []
    assert report.desktop_scrolled_tables == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_wide_table_is_a_list_of_cards_on_a_phone_each_cell_under_its_heading(open_page, lang):
    page = open_page(lang, "tasks/", width=PHONE_WIDTH, height=800).page
    first_row = page.locator("article table tbody tr").first
    headings = page.locator("article table thead th").all_inner_texts()
    assert len(headings) > 3
    # The row is one card: its cells stand one above the other, each showing its column's heading.
    cells = first_row.locator("td")
    tops = [cells.nth(i).bounding_box()["y"] for i in range(cells.count())]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    labels = [cells.nth(i).evaluate("td => getComputedStyle(td, '::before').content") for i in range(cells.count())]
    assert labels == [f'"{heading.strip()}"' for heading in headings]
    assert page.locator("article table thead").evaluate("h => h.getBoundingClientRect().height") <= 1


@pytest.mark.parametrize("lang", LANGS)
def test_printed_plan_has_no_navigation(open_page, lang):
    page = open_page(lang, "plan/").page
    page.emulate_media(media="print")
    for chrome in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-content__button",
        ".md-path",
    ):
        hidden = page.eval_on_selector_all(chrome, "els => els.every(e => getComputedStyle(e).display === 'none')")
        assert hidden, f"{chrome} is printed"
    assert page.locator("article h1").is_visible()
    # What links print (and where the page's address is printed): tests/browser/test_print.py.
