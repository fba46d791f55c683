"""Markers in hand-written pages (pii_site.pages.markers): the staff guide's list of report forms is
made from the data, and a marker the build does not know stops it with the page named, instead of
an HTML comment left silently where a list was meant to be."""

from __future__ import annotations

import pytest

from pii_site.pages.markers import MarkerError, fill_markers


def test_the_report_forms_marker_becomes_the_list_of_forms_with_links_relative_to_the_page(plan):
    markdown = fill_markers("Trước.\n\n<!-- pii:report-forms -->\n\nSau.\n", plan, "vi", "guide.md")
    assert markdown.startswith("Trước.\n\n") and markdown.endswith("\n\nSau.\n") and "pii:" not in markdown
    for unit in plan.reporting.reporting_units:
        assert f"](forms/{unit.id}.xlsx)" in markdown and f"](units/{unit.id}.md)" in markdown
    coordinator = plan.reporting.coordinator
    assert f"[{coordinator.name.vi}](units/{coordinator.id}.md)" in markdown  # where filled forms go
    assert "Quý IV/2026" in markdown and "05/01/2027" in markdown  # the current round and its due day


def test_an_unknown_marker_stops_the_build_naming_the_page(plan):
    with pytest.raises(MarkerError) as error:
        fill_markers("<!-- pii:report-form -->\n", plan, "en", "guide.md")
    assert str(error.value).startswith("docs/en/guide.md: unknown marker <!-- pii:report-form -->")
    assert "<!-- pii:report-forms -->" in str(error.value)


def test_other_comments_and_markers_inside_a_line_are_left_alone(plan):
    text = "<!-- en -->\nSee <!-- pii:report-forms --> inline.\n"
    assert fill_markers(text, plan, "vi", "guide.md") == text
