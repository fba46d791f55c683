"""The province roll-up site in Chromium, at phone width: the communes table is found by a name typed
without diacritics and filtered by its data state, a filtered-out row stays hidden as a card (also the
commune site's task filter, which shares the card style), nothing scrolls sideways, and the page loads
without a failed request or console error."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import free_port, load_script

from browser.conftest import PHONE
from browser.serving import serve

STALE = {"vi": "Lâu không cập nhật", "en": "Stale"}
synthetic = load_script("maintainer/synthetic_province")
province = load_script("province")


@pytest.fixture(scope="module")
def province_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("province-browser")
    registry = synthetic.write_province(root, 24)
    assert province.main(["harvest", str(registry), "--out", str(root / "state"), "--today", "2026-11-26"]) == 0
    assert province.main(["build", str(root / "state"), "--out", str(root / "out"), "-q"]) == 0
    return root / "out" / "site"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_phone_finds_a_commune_typed_without_diacritics(browser, province_site, lang):
    port = free_port()
    with serve(province_site, port, "/tinh/") as url:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("requestfailed", lambda request: errors.append(request.url))
        page.goto(f"{url}{lang}/")
        rows = page.locator("article table tbody tr")
        assert rows.count() == 24
        page.fill("input[type=search]", "long dien")
        visible = [r for r in rows.all() if r.is_visible()]
        # text_content, not inner_text: on a phone a card far below the screen is not rendered until the
        # reader scrolls near it (pii.css, content-visibility), and the browser's innerText of it is empty.
        names = [r.locator("td").nth(1).text_content().strip() for r in visible]
        assert names == ["Long Điền 5", "Long Điền 14", "Long Điền 23"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.fill("input[type=search]", "")
        stale = STALE[lang]
        page.locator("form.pii-task-filter select").select_option(label=stale)
        states = [r.locator("td").last.text_content().strip() for r in rows.all() if r.is_visible()]
        assert 0 < len(states) < 24 and all(state.startswith(stale) for state in states), states
        assert not errors, errors
        context.close()
