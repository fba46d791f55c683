"""Text from data is text: HTML, a <script> or Markdown syntax typed into a task or a duty is
shown literally on the built page and adds no element to it. The hostile copy of the fixture plan
is tests/hostile_plan.py (built once: the `hostile_site` fixture)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import markdown
import pytest
from hostile_plan import (
    NASTY,
    NASTY_TASK,
    NASTY_UNIT,
    article,
)

from pii_site.i18n import urls
from pii_site.render.templating import escape_markdown, link_destination


@pytest.mark.parametrize(
    "address", [urls.address(urls.task_page(NASTY_TASK)), "plan/", "tasks/", urls.address(urls.unit_page(NASTY_UNIT))]
)
def test_data_text_is_shown_literally_and_adds_no_element(hostile_site: Path, address: str):
    page = article(hostile_site / "vi" / address / "index.html")
    holders = page.xpath('.//*[contains(text(), "alert(1)")]')
    assert holders, "the text from the data is not on the page"
    for element in holders:
        assert NASTY in element.text_content()
        children = [child.tag for child in element if child.get("class") != "headerlink"]  # the ¶ permalink
        assert children == [], "markup from the data became elements"
    # Other hostile values may share the page: the script's text says which one got through.
    assert [script.text_content() for script in page.xpath(".//script")] == []
    assert page.xpath('.//a[contains(@href, "evil.example")]') == []


def test_escape_markdown_keeps_words_and_quotes_every_markup_character():
    escaped = escape_markdown("a <b> [x](y) *z*\nnext")
    assert escaped == r"a &lt;b\> \[x\]\(y\) \*z\* next"


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
