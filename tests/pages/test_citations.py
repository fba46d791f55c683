"""Sources and citations (pii_site.pages.citations): a source's address, title, publisher and "posted
on" site are shown literally and link to exactly the address typed, in both languages; no element is
added to the page. The hostile copy of the fixture plan is tests/hostile_plan.py (`hostile_site`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_plan import (
    HOSTILE_PUBLISHER,
    HOSTILE_SITE,
    HOSTILE_SOURCE,
    HOSTILE_TITLE,
    HOSTILE_URL,
    article,
    assert_nothing_injected,
)

ANCHOR = f"src-{HOSTILE_SOURCE}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_hostile_source_is_listed_literally_and_links_to_exactly_its_address(hostile_site: Path, lang: str):
    page = article(hostile_site / lang / "pii" / "sources" / "index.html")
    assert_nothing_injected(page)
    [entry] = page.xpath(f'.//li[.//*[@id="{ANCHOR}"]]')
    assert entry.xpath(f'.//*[@id="{ANCHOR}"]')[0].text_content() == HOSTILE_TITLE
    posted_on = {"vi": "bản đăng trên", "en": "posted on"}[lang]
    assert f"{HOSTILE_PUBLISHER} ({posted_on} {HOSTILE_SITE})" in entry.text_content()
    [link] = entry.xpath(".//a")
    assert link.get("href") == HOSTILE_URL
    assert link.text_content() == HOSTILE_URL
    assert [child.tag for child in link] == []


def test_citation_of_a_hostile_source_names_it_literally(hostile_site: Path):
    page = article(hostile_site / "en" / "pii" / "framework" / "index.html")  # cites it in the skills pillar
    assert_nothing_injected(page)
    names = [a.text_content() for a in page.xpath(f'.//a[contains(@href, "#{ANCHOR}")]')]
    # Undated, so the citation adds the whole title, quoted, shown as text like the rest.
    assert names and set(names) == {f"{HOSTILE_PUBLISHER} (posted on {HOSTILE_SITE}), “{HOSTILE_TITLE}”"}


# The fixture's sources bao-may-2025 (dated 2 April 2025) and fictional-review (posted on
# example.com, undated): each language says "posted on" and writes dates in its own way.
@pytest.mark.parametrize("address", ["pii/", "pii/framework/", "pii/glossary/", "pii/sources/", ""])
def test_english_pages_say_where_a_copy_was_posted_in_english(page, address: str):
    text = page("en", address).text()
    assert "bản đăng trên" not in text
    if address == "pii/sources/":
        assert "Fictional Review (posted on example.com), undated." in text
        assert "Mây Trắng Newspaper (fictional), 2 April 2025." in text  # the publisher's English name
        assert "Báo Mây Trắng" not in text


def test_vietnamese_sources_page_says_where_a_copy_was_posted_in_vietnamese(page):
    text = page("vi", "pii/sources/").text()
    assert "Fictional Review (bản đăng trên example.com), không đề ngày." in text
    assert "Báo Mây Trắng (hư cấu), 02/04/2025." in text
