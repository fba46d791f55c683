"""The table of all tasks in Chromium: filtered by pillar, lead unit and status, sorted by a
column heading (back to the plan's order by the code), and whole without JavaScript."""

from __future__ import annotations

import pytest

from browser.site_pages import FIXTURE_PLAN

STATUS_WORDS = {"completed": {"vi": "Hoàn thành", "en": "Completed"}}


def shown_codes(page) -> list[str]:
    """The codes of the rows shown (a row names its task "VII.1: short name")."""
    cells = page.locator("article table tbody tr:not([hidden]) td:first-child").all_inner_texts()
    return [cell.split(":")[0].strip() for cell in cells]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_filters_keep_only_the_matching_tasks_and_say_how_many(open_page, lang):
    page = open_page(lang, "tasks/").page
    every = [task.id for task in FIXTURE_PLAN.tasks]
    assert shown_codes(page) == every
    selects = page.locator("form.pii-task-filter select")
    assert selects.count() == 3  # pillar, lead unit, status
    selects.nth(2).select_option(label=STATUS_WORDS["completed"][lang])
    completed = [task.id for task in FIXTURE_PLAN.tasks if task.progress.status == "completed"]
    assert shown_codes(page) == completed
    total = len(every)
    expected = {
        "vi": f"Đang hiện {len(completed)}/{total} nhiệm vụ.",
        "en": f"Showing {len(completed)} of {total} tasks.",
    }
    assert page.locator(".pii-task-filter__count").inner_text() == expected[lang]
    # A unit that leads tasks with another: the task counts for both units.
    selects.nth(2).select_option(index=0)
    unit = FIXTURE_PLAN.tasks[1].lead[-1]
    selects.nth(1).select_option(label=getattr(unit.name, lang))
    assert shown_codes(page) == [task.id for task in FIXTURE_PLAN.tasks if unit in task.lead]


def test_a_heading_sorts_and_the_code_sorts_back_to_the_plans_order(open_page):
    page = open_page("en", "tasks/").page
    page.locator("article table th", has_text="Status").click()
    statuses = page.locator("article table tbody td:last-child .pii-status__label").all_inner_texts()
    assert statuses == sorted(statuses) and len(set(statuses)) > 1
    page.locator("article table th", has_text="Task").click()
    assert shown_codes(page) == [task.id for task in FIXTURE_PLAN.tasks]
    assert page.locator("article table th", has_text="Task").get_attribute("aria-sort") == "ascending"


def test_without_javascript_the_whole_list_stands(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base_url}en/tasks/")
        assert page.locator("form.pii-task-filter").count() == 0
        assert shown_codes(page) == [task.id for task in FIXTURE_PLAN.tasks]
    finally:
        context.close()
