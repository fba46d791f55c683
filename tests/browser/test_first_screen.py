"""The first screen of a phone (360 × 800): the site's short name shown whole in the header, not cut
to "Kế hoạch năm 202…", and the plan's progress and last update on the home page without scrolling."""

from __future__ import annotations

import pytest

from pii_site.i18n import urls


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("address", ["", urls.address(urls.PROGRESS)])
def test_the_site_name_fits_the_header_at_360_px(open_page, lang, address):
    page = open_page(lang, address, width=360).page
    name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    fits = name.evaluate("e => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().width > 0")
    assert fits, f"the header cuts the site name: {name.inner_text()!r}"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_plans_progress_and_last_update_are_on_the_first_screen(open_page, lang, width):
    page = open_page(lang, "", width=width, height=800).page
    header = page.locator(".md-header").bounding_box()
    title = page.locator("article h1").bounding_box()
    bar = page.locator("article .pii-home-progress .pii-stack__bar").bounding_box()
    date = page.locator("article time[data-pii-age]").first.bounding_box()
    assert header and title and bar and date
    assert bar["y"] + bar["height"] <= 800 and date["y"] + date["height"] <= 800
    # Nothing overlaps: the header above the title, the title above the bar.
    assert header["y"] + header["height"] <= title["y"] and title["y"] + title["height"] <= bar["y"]
