"""A reader who follows a broken link: the host serves the site's root 404.html at the missing
address (as GitHub Pages and most static hosts do), which sends the reader on to the "page not found"
page of their language, in that language, with the site's search and links home and to the main pages.
Checked in Chromium on the fixture plan, built for a public address and built without one (served
under another sub-folder and port than any address it knows)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import free_port
from playwright.sync_api import Browser, Page

from browser.serving import checking_context, serve, visit
from pii_site.i18n import Labels

LANGS = ("vi", "en")


@pytest.fixture(scope="module")
def pages_host(site: Path) -> Iterator[str]:
    """The session build served as GitHub Pages serves a project page: at /pii-site/ on its port,
    a missing address answered with the root 404.html. Another port than the one it was built for:
    its own links are absolute (to that address), so only the root 404 page's finding is used here."""
    with serve(site, free_port(), "/pii-site/", not_found_page=True) as url:
        yield url


@pytest.fixture(scope="module")
def relative_host(relative_base_url: str) -> str:
    """The build without a public address, served under a sub-folder it knows nothing of."""
    return relative_base_url


def lost(browser: Browser, address: str, locale: str = "vi-VN") -> Page:
    page = browser.new_context(locale=locale).new_page()
    page.goto(address, wait_until="load")
    page.wait_for_url("**/404.html")
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_page_under_a_language_shows_that_languages_404(browser: Browser, pages_host: str, lang: str):
    page = lost(browser, f"{pages_host}{lang}/tasks/no-such-task/", locale="vi-VN" if lang == "en" else "en-GB")
    try:
        assert page.url == f"{pages_host}{lang}/404.html"
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("article h1").inner_text() == Labels(lang)("not_found.title")
        assert page.title().startswith(Labels(lang)("not_found.title"))
        assert "404 - Not found" not in page.content()
        links = page.locator("article li a")
        assert links.all_inner_texts()[:2] == [Labels(lang)("not_found.home"), Labels(lang)("nav.plan")]
    finally:
        page.context.close()


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("vi-VN", "vi"), ("fr-FR", "vi")])
def test_without_a_language_in_the_address_the_browsers_language_is_chosen(
    browser: Browser, pages_host: str, locale: str, lang: str
):
    # A link that dropped the language folder; a browser in neither language gets the default, Vietnamese.
    page = lost(browser, f"{pages_host}units/no-such-unit/", locale=locale)
    try:
        assert page.url == f"{pages_host}{lang}/404.html"
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_public_address_the_404_page_works_from_any_sub_folder(
    browser: Browser, relative_host: str, lang: str
):
    page = lost(browser, f"{relative_host}{lang}/no/such/page/")
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and not r.url.endswith("404.html") else None)
    try:
        assert page.url == f"{relative_host}{lang}/404.html"
        page.reload(wait_until="networkidle")  # its stylesheets and scripts, counted this time
        assert failed == []
        assert page.locator(".md-header").is_visible()  # Material's stylesheet and header are there
        page.locator("article li a").first.click()
        page.wait_for_load_state("load")
        assert page.url == f"{relative_host}{lang}/"
        assert page.locator("article h1").is_visible()
    finally:
        page.context.close()


def test_an_address_without_a_language_under_a_known_folder_finds_the_root(browser: Browser, relative_host: str):
    page = lost(browser, f"{relative_host}tasks/no-such-task/", locale="en-US")
    try:
        assert page.url == f"{relative_host}en/404.html"
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_404_pages_search_opens_the_sites_search_with_the_words(browser: Browser, relative_host: str, lang: str):
    page = lost(browser, f"{relative_host}{lang}/nothing-here/")
    try:
        page.get_by_label(Labels(lang)("not_found.search_label")).fill("kinh te")
        page.get_by_role("button", name=Labels(lang)("not_found.search_button")).click()
        page.wait_for_load_state("load")
        # On the language's home page, Material's search is open with the words and lists results.
        assert page.locator("input[name='query']").input_value() == "kinh te"
        page.locator(".md-search-result__list li").first.wait_for()
        assert page.url.startswith(f"{relative_host}{lang}/")
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", LANGS)
def test_the_404_page_passes_axe_at_phone_and_desktop_width(browser: Browser, relative_host: str, lang, width):
    context = checking_context(browser, viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        problems, violations = visit(page, f"{relative_host}{lang}/404.html")
        assert violations == []
        assert problems.console_errors == []
        # Its own answer is a 404 (served as the host serves it); nothing it loads fails.
        assert [failed for failed in problems.failed_requests if not failed.endswith("404.html: HTTP 404")] == []
    finally:
        context.close()
