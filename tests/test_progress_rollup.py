"""Progress arithmetic on the illustrative data set (tests/fixtures/demo, seen from DEMO_TODAY):
counts by status with never-reported tasks counted as "no update yet", the mean reported percent,
stale and overdue tasks, per-pillar and per-unit rollups, and the order of a task's history."""

from __future__ import annotations

import datetime as dt

from pii_site.progress import all_updates, recently_updated


def ids(tasks) -> list[str]:
    return [t.id for t in tasks]


def test_counts_by_status_include_tasks_never_reported(demo_plan):
    rollup = demo_plan.rollup()
    assert rollup.counts == {
        "not-started": 2, "in-progress": 5, "delayed": 1, "completed": 1, "continuous": 3, "no-update": 3,
    }
    assert rollup.total == 15 and rollup.reported == 12
    assert {t.id for t in demo_plan.tasks if t.progress.status == "no-update"} == {"III.3", "V.1", "VI.4"}


def test_mean_percent_uses_the_latest_percent_of_tasks_that_reported_one(demo_plan):
    rollup = demo_plan.rollup()
    # I.3 70, II.1 100, II.2 0, III.1 25, III.2 60, IV.1 40, VI.1 60, VI.2 50 (continuous tasks and
    # VI.5 reported no percent; no-update tasks have none).
    assert sorted(ids(rollup.with_percent)) == sorted(["I.3", "II.1", "II.2", "III.1", "III.2", "IV.1", "VI.1", "VI.2"])
    assert rollup.mean_percent == 405 / 8


def test_stale_means_unfinished_and_last_reported_more_than_90_days_ago(demo_plan):
    rollup = demo_plan.rollup()
    # Oldest report first. III.1 (20 Aug, 98 days) is in; VI.5 (1 Sep, 86 days) is not; II.1 is
    # completed (never stale); never-reported tasks are counted under "no update yet" instead.
    assert ids(rollup.stale) == ["I.2", "II.2", "IV.1", "VI.3", "VI.2", "III.1"]
    # "No update for 90 days" whatever the last status: a task last reported as not started counts too.
    assert demo_plan.task("II.2").progress.status == "not-started" and demo_plan.task("II.2").progress.stale
    assert demo_plan.task("III.1").progress.days_since_update == 98
    assert not demo_plan.task("VI.5").progress.stale


def test_overdue_means_past_due_and_not_completed(demo_plan):
    assert ids(demo_plan.rollup().overdue) == ["III.1", "VI.5"]  # due 30 Sep (delayed), 31 Oct (not started)
    assert not demo_plan.task("III.2").progress.overdue  # due 31 Dec, not yet


def test_rollups_per_pillar_and_per_lead_unit(demo_plan):
    infrastructure = demo_plan.rollup(demo_plan.tasks_in(demo_plan.pillar("co-so-ha-tang")))
    assert infrastructure.counts["in-progress"] == 1 and infrastructure.counts["delayed"] == 1
    assert infrastructure.counts["no-update"] == 1 and infrastructure.mean_percent == (25 + 60) / 2
    bank = demo_plan.rollup(demo_plan.tasks_led_by(demo_plan.unit("ngan-hang-chinh-sach-xa-hoi")))
    assert bank.total == 1 and bank.mean_percent == 40


def test_history_is_newest_first_and_the_current_status_is_the_newest(demo_plan):
    progress = demo_plan.task("I.3").progress
    assert [u.date for u in progress.history] == [dt.date(2026, 10, 30), dt.date(2026, 6, 30), dt.date(2026, 3, 5)]
    assert progress.status == "in-progress" and progress.percent == 70
    assert demo_plan.task("II.1").progress.status == "completed"


def test_updates_across_tasks_are_newest_first(demo_plan):
    entries = all_updates(demo_plan.tasks)
    assert len(entries) == 19
    dates = [e.update.date for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert (entries[0].task.id, entries[0].update.date) == ("I.3", dt.date(2026, 10, 30))
    assert ids(recently_updated(demo_plan.tasks, 3)) == ["I.3", "III.2", "VI.1"]
    assert demo_plan.rollup().last_date == dt.date(2026, 10, 30)


def test_without_status_files_every_task_counts_as_no_update_yet(tmp_path):
    import shutil

    from conftest import DEMO_DIR, DEMO_TODAY
    from pii_site import load_plan

    data = tmp_path / "data"
    shutil.copytree(DEMO_DIR, data)
    shutil.rmtree(data / "status")
    plan = load_plan(data, dt.date.fromisoformat(DEMO_TODAY))
    rollup = plan.rollup()
    assert rollup.counts["no-update"] == rollup.total == 15 and rollup.reported == 0
    assert rollup.mean_percent is None and rollup.stale == [] and rollup.overdue == [] and rollup.last_date is None
