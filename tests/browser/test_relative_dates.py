"""A task's last update shows "(n days ago)" counted by the reader's browser on the day it is read,
not on the day the site was built: the same built page says 129 days one day and 130 the next."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import FIXTURE_TODAY

from pii_site.i18n import urls

# VIII.1's last update in the fixture plan: 129 days before FIXTURE_TODAY (tests/model/test_progress.py).
TASK = "VIII.1"
AGE = {"vi": "({days} ngày trước)", "en": "({days} days ago)"}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("days_later", [0, 1])
def test_the_age_of_the_last_update_is_counted_on_the_day_the_page_is_read(browser, base_url, lang, days_later):
    context = browser.new_context()
    try:
        page = context.new_page()
        read_on = dt.datetime.fromisoformat(FIXTURE_TODAY) + dt.timedelta(days=days_later, hours=10)
        page.clock.set_fixed_time(read_on)
        page.goto(f"{base_url}{lang}/{urls.address(urls.task_page(TASK))}", wait_until="load")
        ages = page.locator("article .pii-age").all_inner_texts()
        assert [age.strip() for age in ages] == [AGE[lang].format(days=129 + days_later)]
    finally:
        context.close()


def test_the_built_page_holds_the_date_and_no_age(page):
    # Without JavaScript (a print, a search engine) the absolute date stands alone.
    for lang in ("vi", "en"):
        task = page(lang, urls.address(urls.task_page(TASK)))
        [time] = task.xpath("//article//time[@data-pii-age]")
        assert time.get("datetime") == (dt.date.fromisoformat(FIXTURE_TODAY) - dt.timedelta(days=129)).isoformat()
        assert "ngày trước" not in task.text() and "days ago" not in task.text()
