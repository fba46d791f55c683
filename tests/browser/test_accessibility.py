"""Keyboard-only use. (axe's WCAG 2 A/AA checks run on every plan in tests/test_invariants.py.)"""

from __future__ import annotations

import pytest

from browser.site_pages import LANGS, RICHEST_TASK
from pii_site.i18n import urls


def _focused(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
        return {tag: e.tagName, cls: e.className, href: e.getAttribute('href'),
                inArticle: !!e.closest('article'), outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
                onTop: document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === e,
                opacity: s.opacity};
    }""")


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_skip_link_is_first_visible_and_jumps_to_the_content(open_page, lang):
    page = open_page(lang, urls.address(urls.task_page(RICHEST_TASK.id))).page
    page.keyboard.press("Tab")
    skip = _focused(page)
    assert "md-skip" in skip["cls"]
    page.wait_for_function("getComputedStyle(document.activeElement).opacity === '1'")
    assert _focused(page)["onTop"], "the focused skip link is hidden behind something"
    assert skip["outline"] != "none" and skip["outlineWidth"] >= 2
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == skip["href"]
    page.keyboard.press("Tab")
    assert _focused(page)["inArticle"], "Tab after the skip link should land in the page's content"


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_focus_is_always_visible(open_page, lang):
    page = open_page(lang, "tasks/")
    seen = []
    for _ in range(25):
        page.page.keyboard.press("Tab")
        focused = _focused(page.page)
        if focused["tag"] == "BODY":
            continue
        seen.append(focused)
        assert focused["outline"] != "none" and focused["outlineWidth"] >= 2, focused
    assert any(f["inArticle"] for f in seen)
