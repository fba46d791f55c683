"""The header on a phone: the site's short name is shown whole, not cut to "Kế hoạch năm 202…"."""

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
