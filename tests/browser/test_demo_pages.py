"""The pages that show progress (statuses in colour, charts, timelines), on the fixture plan, which
has a task of every status: axe checks them, and every status badge and chart bar carries words, so
nothing is told by colour alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from browser.serving import axe_violations, checking_context
from browser.site_pages import FIXTURE_PLAN, LANGS
from pii_site.i18n import urls

# One task page per status (with its timeline, indicator values and evidence), the home page and the
# progress page (the chart), and the pages of a unit and a pillar whose tasks differ in status.
TASK_OF_EACH_STATUS = {task.progress.status: task for task in reversed(FIXTURE_PLAN.tasks)}
MIXED_UNIT = max(FIXTURE_PLAN.units, key=lambda u: len({t.progress.status for t in FIXTURE_PLAN.tasks_led_by(u)}))
MIXED_PILLAR = max(FIXTURE_PLAN.pillars, key=lambda p: len({t.progress.status for t in FIXTURE_PLAN.tasks_in(p)}))
PROGRESS_PAGES = [
    "",
    "progress/",
    urls.address(urls.unit_page(MIXED_UNIT.id)),
    urls.address(urls.pillar_page(MIXED_PILLAR.id)),
]
PROGRESS_PAGES += [urls.address(urls.task_page(task.id)) for task in TASK_OF_EACH_STATUS.values()]


def test_the_pages_show_every_status():
    # The fixture's promise (tasks.yml): every status, and a task without any update.
    assert set(TASK_OF_EACH_STATUS) == {"not-started", "in-progress", "delayed", "completed", "continuous", "no-update"}


@pytest.fixture(scope="module")
def browser_page(browser: Browser):
    context = checking_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("address", PROGRESS_PAGES)
def test_progress_pages_have_no_wcag_violation_and_no_colour_only_status(browser_page, base_url, lang, address):
    browser_page.goto(f"{base_url}{lang}/{address}", wait_until="load")
    violations = axe_violations(browser_page)
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []
    # Statuses are shown as badges (icon and words) or as bars stacked by status with the counts in
    # words beside them (the home page); text_content, as some sit in lists folded in <details>.
    badges = browser_page.locator(".pii-status")
    stacks = browser_page.locator(".pii-stack")
    assert badges.count() + stacks.count() > 0
    assert all(text.strip() for text in badges.all_text_contents()), "a status badge without words"
    words = stacks.locator(".pii-stack__words")
    assert words.count() == stacks.count() and all(text.strip() for text in words.all_text_contents()), (
        "a stacked bar without its counts in words"
    )
    rows = browser_page.locator(".pii-chart__row").all()
    assert rows or address != "progress/", "the progress page has lost its chart"
    for row in rows:
        assert row.inner_text().split(), "a chart bar without its label and number"
