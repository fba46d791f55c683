"""Reading the site on a phone (and a wide screen), in Chromium: table text at 14 px at least, the
staff guide's code examples wrapped inside their box with Material's copy button, and the progress
page's cards, each with a bar stacked by status and its counts in words."""

from __future__ import annotations

import pytest

from browser.site_pages import LANGS

SMALLEST_TABLE_TEXT = 14  # px


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("address", ["tasks/", "progress/data/"])
def test_table_text_is_at_least_14_px(open_page, address, width):
    page = open_page("vi", address, width=width).page
    sizes = page.eval_on_selector_all(
        "article table td, article table th", "cells => cells.map(c => parseFloat(getComputedStyle(c).fontSize))"
    )
    assert sizes and min(sizes) >= SMALLEST_TABLE_TEXT


@pytest.mark.parametrize("lang", LANGS)
def test_the_guides_code_examples_wrap_in_their_box_with_a_copy_button_on_a_phone(open_page, lang):
    page = open_page(lang, "guide/", width=360).page
    blocks = page.eval_on_selector_all(
        "article pre > code",
        """codes => codes.map(c => [c.scrollWidth <= c.clientWidth + 1, c.getBoundingClientRect().right,
            !!c.parentElement.querySelector('[data-md-type="copy"]')])""",
    )
    assert len(blocks) >= 3
    assert all(fits and right <= 360 and copy for fits, right, copy in blocks), blocks


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", LANGS)
def test_each_pillar_card_of_the_progress_page_draws_its_bar_and_says_its_counts(open_page, lang, width):
    page = open_page(lang, "progress/", width=width).page
    cards = page.locator("#by-pillar ~ .pii-rollups > ul > li")
    assert cards.count() > 0
    for i in range(cards.count()):
        bar = cards.nth(i).locator(".pii-stack__bar").bounding_box()
        assert bar and bar["width"] > 100 and bar["height"] >= 8
        assert cards.nth(i).locator(".pii-stack__words").is_visible()
    # On a phone a card is short: no table of nine columns turned into nine rows.
    tallest = max(cards.nth(i).bounding_box()["height"] for i in range(cards.count()))
    assert tallest < 250
