"""The PII framework diagram in Chromium: its words are as large as the page's text and no box
covers another, on a phone and on a wide screen."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_diagram_is_readable_and_nothing_in_it_overlaps(open_page, lang, width):
    page = open_page(lang, "pii/framework/", width=width).page
    body_size = page.locator("article > p").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    boxes = page.locator(".pii-framework p, .pii-framework li.pii-framework__pillar")
    sizes = boxes.evaluate_all("els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert len(sizes) > 3 and min(sizes) >= body_size
    rects = boxes.evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"
    )
    for i, a in enumerate(rects):
        assert a[2] <= width, "a box reaches past the screen"
        for b in rects[i + 1 :]:
            overlap = min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1
            assert not overlap, (a, b)
