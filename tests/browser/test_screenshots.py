"""The main pages at 360 and 1,280 px in both languages, as a reader sees them: nothing in the
content reaches past the screen's edge, the header does not cover the title, and each page is saved
as a screenshot for a person to look over (in artifacts/screenshots/, or PII_SCREENSHOTS; CI keeps
them with the run as the artifact "screenshots")."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import PROJECT_DIR

from browser.site_pages import LANGS, LONGEST_UNIT, RICHEST_TASK
from pii_site.i18n import urls

SHOTS_DIR = Path(os.environ.get("PII_SCREENSHOTS", PROJECT_DIR / "artifacts" / "screenshots"))
PAGES = {
    "home": "",
    "progress": urls.address(urls.PROGRESS),
    "task": urls.address(urls.task_page(RICHEST_TASK.id)),
    "unit": urls.address(urls.unit_page(LONGEST_UNIT.id)),
    "plan": urls.address(urls.PLAN),
}

# Elements of the content whose box reaches past either edge of the screen, leaving out what is
# hidden for the eye and kept for screen readers (a clipped box, such as the headings row of a table
# shown as cards on a phone).
_PAST_THE_EDGE = """width => {
    const hidden = e => { for (let a = e; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.clipPath !== 'none' || (s.overflow === 'hidden' && a.getBoundingClientRect().width <= 1)) return true;
    } return false; };
    return [...document.querySelectorAll('.md-content *')]
        .filter(e => e.getClientRects().length && !hidden(e))
        .filter(e => { const r = e.getBoundingClientRect(); return r.right > width + 1 || r.left < -1; })
        .slice(0, 5).map(e => `${e.tagName}.${e.className}: ${(e.textContent || '').trim().slice(0, 40)}`);
}"""


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", LANGS)
def test_the_page_fits_the_screen_and_is_saved_for_review(open_page, lang, width, name):
    page = open_page(lang, PAGES[name], width=width, height=800).page
    assert page.evaluate(_PAST_THE_EDGE, width) == []
    header = page.locator(".md-header").bounding_box()
    title = page.locator("article h1").bounding_box()
    assert header and title and header["y"] + header["height"] <= title["y"]
    SHOTS_DIR.mkdir(parents=True, exist_ok=True)
    shot = SHOTS_DIR / f"{lang}-{width}-{name}.png"
    page.screenshot(path=shot, full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG")
