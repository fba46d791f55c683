"""Addresses and names from the data are text too: a source's address, title, publisher and
"posted on" site, and a progress update's evidence link, are shown literally, link to exactly
the address typed, and add no element (no <img onerror>, no nested link) to the page. An address
with characters that could break out of a link is refused with the plain-words message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import markdown
import pytest
from helpers import FIXTURE_TODAY, DataCopy, load_script
from hostile_plan import (
    EVIDENCE_TASK,
    HOSTILE_PUBLISHER,
    HOSTILE_SITE,
    HOSTILE_SOURCE,
    HOSTILE_TITLE,
    HOSTILE_URL,
    article,
    quoted,
)

from pii_site import DataError, load_plan
from pii_site.i18n import urls
from pii_site.render.templating import escape_markdown, link_destination

ANCHOR = f"src-{HOSTILE_SOURCE}"
# The address of the fixture plan's source fictional-review, which the refused addresses replace.
SOURCE_URL = "url: https://example.com/fictional-review/cloud-index"


def assert_nothing_injected(page) -> None:
    # Other hostile values may share the page: the texts in the messages say which one got through.
    injected = page.xpath(".//script | .//img | .//*[@onerror] | .//*[@onmouseover]")
    assert [lxml.html.tostring(element, encoding="unicode") for element in injected] == []
    assert (
        page.xpath('.//a[starts-with(@href, "javascript:") or starts-with(@href, "https://evil.example")]/@href') == []
    )
    assert [a.text_content() for a in page.xpath(".//a//a")] == []


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


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_hostile_evidence_address_links_to_exactly_itself(hostile_site: Path, lang: str):
    page = article(hostile_site / lang / urls.address(urls.task_page(EVIDENCE_TASK)) / "index.html")
    assert_nothing_injected(page)
    links = [a for a in page.xpath(".//a") if a.get("href") == HOSTILE_URL]
    texts = [a.text_content() for a in links]
    assert len(texts) == 2 and texts[0] == HOSTILE_URL
    assert texts[1] == HOSTILE_TITLE + ("" if lang == "vi" else " (Vietnamese only)")


@pytest.mark.parametrize(
    "address",
    [
        "https://x/a)b(c",
        "https://x/?a=1&b=2&lt;&amp;",
        r"https://x/a\*b\\c",
        "https://x/[a](https://y)",
        "https://x/a]b[c#{:.cls}",
        "https://x/%3Cok%3E",
    ],
)
def test_link_destination_gives_exactly_the_address_even_in_a_table_cell(address: str):
    source = f"[{escape_markdown(address)}]({link_destination(address)})\n\n| a |\n|---|\n| [x]({link_destination(address)}) |\n"
    html = lxml.html.fromstring(f"<div>{markdown.markdown(source, extensions=['tables', 'attr_list'])}</div>")
    assert [a.get("href") for a in html.xpath("//a")] == [address, address]
    assert html.xpath("//a")[0].text_content() == address


@pytest.mark.parametrize(
    "bad", ["https://example.com/x<img/src=x/onerror=alert(1)>", "https://x/a b", 'https://x/"q', "https://x/`c`"]
)
def test_source_address_with_markup_characters_is_refused_in_plain_words(data_copy: DataCopy, bad: str):
    line = data_copy.replace("sources.yml", SOURCE_URL, f"url: {quoted(bad)}")
    with pytest.raises(DataError) as caught:
        load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith(f"{data_copy.path('sources.yml')}:{line}: ")
    assert (
        f'địa chỉ "{bad}" phải là một địa chỉ web đầy đủ, bắt đầu bằng https:// (hoặc http://) và không có khoảng trắng'
        in problem
    )
    assert (
        f'the address "{bad}" must be a complete web address starting with https:// (or http://) and without spaces'
        in problem
    )


def test_evidence_address_with_markup_characters_is_refused_by_the_validate_script(
    data_copy: DataCopy, fixture_today, capsys
):
    data_copy.replace(
        f"status/{EVIDENCE_TASK}.yml",
        "\nupdates:\n",
        "\nupdates:\n  - date: 2026-03-05\n    status: in-progress\n    unit: ban-kinh-te-nong-nghiep\n"
        '    note: {vi: "Đã làm"}\n    evidence:\n      - url: "https://x/<b>"\n',
    )
    assert load_script("validate").main(["--data", str(data_copy.root)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert 'the address "https://x/<b>" must be a complete web address starting with https://' in err


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
