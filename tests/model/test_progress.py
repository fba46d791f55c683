"""Progress arithmetic on the fixture plan (tests/fixtures/plan, seen from FIXTURE_TODAY unless a
test says otherwise): counts by status with never-reported tasks counted as "no update yet", the
mean reported percent, stale and overdue tasks, per-pillar and per-unit rollups, and the order of a
task's history. Expected numbers are worked out by hand from the fixture's status files."""

from __future__ import annotations

import datetime as dt
import shutil

from helpers import FIXTURE_DIR, FIXTURE_TODAY, DataCopy

from pii_site import load_plan
from pii_site.model.progress import PROGRESS_ORDER, STATUSES, all_updates, recently_updated


def ids(tasks) -> list[str]:
    return [t.id for t in tasks]


def test_counts_by_status_include_tasks_never_reported(plan):
    rollup = plan.rollup()
    assert rollup.counts == {
        "not-started": 1,
        "in-progress": 1,
        "delayed": 1,
        "completed": 1,
        "continuous": 1,
        "no-update": 2,
    }
    assert rollup.total == 7 and rollup.reported == 5
    # Both ways of having no update: no status file (VIII.3) and "updates:" with nothing under it (IX.2).
    assert {t.id for t in plan.tasks if t.progress.status == "no-update"} == {"VIII.3", "IX.2"}


def test_mean_percent_uses_the_latest_percent_of_tasks_that_reported_one(plan):
    rollup = plan.rollup()
    # VII.1 100 (its older 50 is not used), VII.2 65, VIII.1 40; the continuous IX.1 and the
    # not-started VIII.2 reported no percent; no-update tasks have none.
    assert ids(rollup.with_percent) == ["VII.1", "VII.2", "VIII.1"]
    assert rollup.mean_percent == (100 + 65 + 40) / 3


def test_stale_means_unfinished_and_last_reported_more_than_90_days_ago(plan):
    # On FIXTURE_TODAY only VIII.1 (delayed, last report 20 Jul: 129 days) is stale.
    assert ids(plan.rollup().stale) == ["VIII.1"]
    assert plan.task("VIII.1").progress.days_since_update == 129
    # Seen from 31 Jan 2027, VIII.2 (not started, 2 Nov) is exactly 90 days old: not yet stale.
    # The continuous IX.1 counts; the completed VII.1 (25 Sep) never does. Oldest report first.
    later = load_plan(FIXTURE_DIR, dt.date(2027, 1, 31))
    assert later.task("VIII.2").progress.days_since_update == 90
    assert ids(later.rollup().stale) == ["VIII.1", "IX.1", "VII.2"]
    assert not later.task("VII.1").progress.stale
    # One day later it is: "no update for 90 days" whatever the last status, not started included.
    latest = load_plan(FIXTURE_DIR, dt.date(2027, 2, 1))
    assert latest.task("VIII.2").progress.status == "not-started" and latest.task("VIII.2").progress.stale
    assert ids(latest.rollup().stale) == ["VIII.1", "IX.1", "VII.2", "VIII.2"]


def test_overdue_means_past_due_and_not_completed(plan, data_copy: DataCopy):
    # VII.2 is due 31 Oct and in progress; VII.1 (due 30 Sep) is completed; IX.1 (due 30 Jun) is continuous.
    assert ids(plan.rollup().overdue) == ["VII.2"]
    assert not plan.task("VII.1").progress.overdue and not plan.task("IX.1").progress.overdue
    data_copy.replace("status/VII.2.yml", "due: 2026-10-31", "due: 2026-12-31")
    later_due = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY))
    assert not later_due.task("VII.2").progress.overdue  # due 31 Dec, not yet
    assert later_due.rollup().overdue == []


def test_rollups_per_pillar_and_per_lead_unit(plan):
    foundations = plan.rollup(plan.tasks_in(plan.pillar("nen-tang")))
    assert foundations.counts["in-progress"] == 1 and foundations.counts["completed"] == 1
    assert foundations.total == 2 and foundations.mean_percent == (100 + 65) / 2
    skills = plan.rollup(plan.tasks_in(plan.pillar("nhan-luc")))
    assert (skills.counts["not-started"], skills.counts["delayed"], skills.counts["no-update"]) == (1, 1, 1)
    assert skills.mean_percent == 40
    no_task = plan.rollup(plan.tasks_in(plan.pillar("ket-noi-so")))
    assert no_task.total == 0 and no_task.mean_percent is None
    # VII.2 has two lead units: it counts for both.
    cooperative = plan.rollup(plan.tasks_led_by(plan.unit("hop-tac-xa-song-may")))
    assert ids(cooperative.tasks) == ["VII.2", "IX.1"] and cooperative.mean_percent == 65
    board = plan.rollup(plan.tasks_led_by(plan.unit("ban-kinh-te-nong-nghiep")))
    assert ids(board.tasks) == ["VII.2", "VIII.2", "IX.2"] and board.counts["no-update"] == 1


def test_history_is_newest_first_and_the_current_status_is_the_newest(plan):
    progress = plan.task("VII.1").progress
    assert [u.date for u in progress.history] == [dt.date(2026, 9, 25), dt.date(2026, 4, 10)]
    assert progress.status == "completed" and progress.percent == 100
    # In progress (status file), in progress (the unit's form for 2026-q2, dated 30 June), then delayed (20 July).
    earlier = plan.task("VIII.1").progress
    assert [u.status for u in earlier.history] == ["delayed", "in-progress", "in-progress"]
    assert earlier.status == "delayed" and [u.date for u in earlier.history][1] == dt.date(2026, 6, 30)


def test_updates_across_tasks_are_newest_first(plan):
    entries = all_updates(plan.tasks)
    assert len(entries) == 14  # 9 from the status files, 5 from the units' report forms
    dates = [e.update.date for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert (entries[0].task.id, entries[0].update.date) == ("VIII.2", dt.date(2026, 11, 2))
    assert ids(recently_updated(plan.tasks, 3)) == ["VIII.2", "VII.2", "IX.1"]
    assert plan.rollup().last_date == dt.date(2026, 11, 2)


def test_without_status_files_every_task_counts_as_no_update_yet(data_copy: DataCopy):
    shutil.rmtree(data_copy.path("status"))
    shutil.rmtree(data_copy.path("reports"))  # nor any unit's report form
    rollup = load_plan(data_copy.root, dt.date.fromisoformat(FIXTURE_TODAY)).rollup()
    assert rollup.counts["no-update"] == rollup.total == 7 and rollup.reported == 0
    assert rollup.mean_percent is None and rollup.stale == [] and rollup.overdue == [] and rollup.last_date is None


def test_the_stacked_bars_order_has_every_status_once():
    # A new status must be given its place from done to not begun, or its tasks would vanish from the bars.
    assert sorted(PROGRESS_ORDER) == sorted(STATUSES) and len(PROGRESS_ORDER) == len(STATUSES)
