"""The language switch keeps the reader on the same page, in both directions, as a reader uses it:
opening the language menu in the header and choosing the other language."""

from __future__ import annotations

import pytest

from browser.site_pages import LANGS, RICHEST_TASK
from pii_site.i18n import urls

PAGE = urls.address(urls.task_page(RICHEST_TASK.id))
HEADING = {"vi": f"Nhiệm vụ {RICHEST_TASK.id}", "en": f"Task {RICHEST_TASK.id}"}


@pytest.mark.parametrize("lang", LANGS)
def test_language_switch_on_a_task_page_opens_the_same_task_in_the_other_language(open_page, base_url, lang):
    other = next(code for code in LANGS if code != lang)
    opened = open_page(lang, PAGE)
    page = opened.page
    page.wait_for_load_state("networkidle")  # the switch reads the other language's sitemap
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f".md-select__link[hreflang={other}]")
    assert page.url == f"{base_url}{other}/{PAGE}"
    assert page.locator("html").get_attribute("lang") == other
    assert page.locator("article h1").inner_text().startswith(HEADING[other])
    assert opened.problems.failed_requests == [] and opened.problems.console_errors == []
