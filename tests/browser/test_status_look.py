"""Statuses and bars as a reader sees them in Chromium: "Not started" and "No update yet" differ in
colour, icon and words; a bar is drawn, with its number beside it, on a phone too."""

from __future__ import annotations

import re

import pytest


def apart(colour_a: str, colour_b: str) -> float:
    """Distance between two computed "rgb(r, g, b)" colours: two greys a few shades apart (as these
    two statuses once were) are about 20 apart; grey and teal, as they are now, about 95."""
    a, b = ([int(n) for n in re.findall(r"\d+", colour)[:3]] for colour in (colour_a, colour_b))
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_not_started_and_no_update_yet_differ_in_colour_icon_and_words(open_page, lang):
    page = open_page(lang, "tasks/").page
    looks = {
        status: page.locator(f"article .pii-status--{status}").first.evaluate(
            "e => [getComputedStyle(e).color, e.querySelector('svg').innerHTML, e.textContent.trim()]"
        )
        for status in ("not-started", "no-update")
    }
    (colour_a, icon_a, words_a), (colour_b, icon_b, words_b) = looks.values()
    assert apart(colour_a, colour_b) > 80 and icon_a != icon_b and words_a != words_b


@pytest.mark.parametrize("width", [360, 1280])
def test_a_bar_is_drawn_beside_its_number(open_page, width):
    page = open_page("en", "tasks/", width=width).page
    bar = page.locator("article table progress").first
    box = bar.bounding_box()
    assert box and box["width"] >= 40 and box["height"] >= 6
    assert page.locator("article table .pii-bar__text").first.is_visible()
