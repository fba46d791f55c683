"""Text from data is text: HTML, a <script> or Markdown syntax typed into a task or a duty is
shown literally on the built page and adds no element to it."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from conftest import DataCopy, build_into
from pii_site.render import escape_markdown

NASTY = '<script>alert(1)</script> <b>bold</b> [click](https://evil.example) *star* _under_ | pipe `code` # & &amp;'


@pytest.fixture(scope="module")
def nasty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = DataCopy(tmp_path_factory.mktemp("nasty") / "data")
    quoted = NASTY.replace("\\", "\\\\").replace('"', '\\"')
    data.replace(
        "tasks.yml",
        'vi: "Thực hiện theo Kế hoạch về nâng cao chỉ số năng lực cạnh tranh (PCI) hàng năm."',
        f'vi: "{quoted}"',
    )
    data.replace("tasks.yml", 'vi: "Thiết chế pháp lý và an ninh trật tự; Chính sách hỗ trợ doanh nghiệp"', f'vi: "{quoted}"')
    text = data.path("duties.yml").read_text(encoding="utf-8")
    first_vi = text.index("\n      vi:") + 1
    end = text.index("\n      en:", first_vi)
    data.path("duties.yml").write_text(text[:first_vi] + f'      vi: "{quoted}"' + text[end:], encoding="utf-8")
    return build_into(tmp_path_factory.mktemp("nasty-site") / "site", data.root)


def article(path: Path):
    return lxml.html.fromstring(path.read_bytes()).xpath("//article")[0]


@pytest.mark.parametrize("address", ["tasks/i-1", "plan", "tasks", "units/cac-phong-ban-nganh"])
def test_data_text_is_shown_literally_and_adds_no_element(nasty_site: Path, address: str):
    page = article(nasty_site / "vi" / address / "index.html")
    holders = page.xpath('.//*[contains(text(), "alert(1)")]')
    assert holders, "the text from the data is not on the page"
    for element in holders:
        assert NASTY in element.text_content()
        children = [child.tag for child in element if child.get("class") != "headerlink"]  # the ¶ permalink
        assert children == [], "markup from the data became elements"
    assert page.xpath(".//script") == []
    assert page.xpath('.//a[contains(@href, "evil.example")]') == []


def test_escape_markdown_keeps_words_and_quotes_every_markup_character():
    escaped = escape_markdown("a <b> [x](y) *z*\nnext")
    assert escaped == r"a &lt;b\> \[x\]\(y\) \*z\* next"
