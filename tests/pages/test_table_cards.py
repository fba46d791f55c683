"""The Markdown side of tables that become cards on phones (pii_site.pages.table_cards): which
tables are marked, and the heading each cell carries (shown above the cell by pii.css)."""

from __future__ import annotations

import lxml.html
import markdown

WIDE = """| Code | Pillar *x* | <span>Lead</span> | Status |
|---|---|---|---|
| I.1 | Institutions | Office & <b>Co</b> | Done |
"""
NARROW = """| Status | Tasks |
|---|---|
| Done | 3 |
"""


def rendered(text: str) -> lxml.html.HtmlElement:
    html = markdown.markdown(text, extensions=["tables", "pii_site.pages.table_cards"])
    return lxml.html.fromstring(f"<div>{html}</div>")


def test_a_table_of_more_than_two_columns_gives_each_cell_its_heading_as_written():
    [table] = rendered(WIDE).xpath("//table")
    assert table.get("data-pii-cards") == ""
    # The heading's words only: no emphasis markup, no placeholder for the raw <span>.
    assert [cell.get("data-label") for cell in table.xpath(".//td")] == ["Code", "Pillar x", "Lead", "Status"]
    assert table.xpath(".//td")[2].text_content() == "Office & Co"


def test_a_table_of_two_columns_stays_a_table():
    [table] = rendered(NARROW).xpath("//table")
    assert table.get("data-pii-cards") is None and table.xpath(".//td[@data-label]") == []


def test_a_heading_with_quotes_and_angle_brackets_is_an_attribute_value_not_markup():
    text = WIDE.replace("| Code |", '| "Code" <i> |', 1)
    [table] = rendered(text).xpath("//table")
    assert table.xpath(".//td")[0].get("data-label").startswith('"Code"')
