"""The staff guide's list of report forms (the block `report-forms` of pii_site.pages.blocks) is made
from the data: each unit's form and page, where filled forms go, the current round and its due day."""

from __future__ import annotations

from pii_site.pages.blocks import expand_blocks


def test_the_report_forms_marker_becomes_the_list_of_forms_with_links_relative_to_the_page(plan):
    markdown = expand_blocks("Trước.\n\n<!-- pii:report-forms -->\n\nSau.\n", plan, "vi", "guide.md")
    assert markdown.startswith("Trước.\n\n") and markdown.endswith("\n\nSau.\n") and "pii:" not in markdown
    for unit in plan.reporting.reporting_units:
        assert f"](forms/{unit.id}.xlsx)" in markdown and f"](units/{unit.id}.md)" in markdown
    coordinator = plan.reporting.coordinator
    assert f"[{coordinator.name.vi}](units/{coordinator.id}.md)" in markdown  # where filled forms go
    assert "Quý IV/2026" in markdown and "05/01/2027" in markdown  # the current round and its due day
