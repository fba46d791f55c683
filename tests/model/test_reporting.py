"""The reporting chain in the model (pii_site.model.reporting): data/reporting.yml is optional, the
current round follows the calendar, and each unit that leads a task stands on time, late, not yet
or missing in a round."""

from __future__ import annotations

import dataclasses
import datetime as dt

from helpers import FIXTURE_TODAY, DataCopy

from pii_site import load_plan
from pii_site.model.reporting import Submission
from pii_site.source.schema.status import FormUpdate

TODAY = dt.date.fromisoformat(FIXTURE_TODAY)


def test_a_data_folder_without_reporting_yml_is_valid_and_has_no_rounds(data_copy: DataCopy) -> None:
    data_copy.without_reporting()
    reporting = load_plan(data_copy.root, TODAY).reporting
    assert reporting.coordinator is None and reporting.rounds == () and reporting.current_round is None


def test_the_coordinator_and_the_rounds_come_from_reporting_yml(plan) -> None:
    reporting = plan.reporting
    assert reporting.coordinator is not None and reporting.coordinator.id == "to-cong-tac-doi-moi"
    assert [r.id for r in reporting.rounds] == ["2026-q2", "2026-q3", "2026-q4"]


def test_the_current_round_is_the_last_one_started_or_the_first_before_any(plan) -> None:
    at = lambda day: dataclasses.replace(plan.reporting, today=dt.date.fromisoformat(day)).current_round.id  # noqa: E731
    assert at(FIXTURE_TODAY) == "2026-q4"
    assert at("2026-09-30") == "2026-q3"
    assert at("2026-07-01") == "2026-q3"
    assert at("2026-01-01") == "2026-q2"  # none started yet: forms of the first round can be handed out


def test_units_that_lead_a_task_owe_a_form_and_collective_or_coordinating_units_do_not(plan) -> None:
    owing = [u.id for u in plan.reporting.reporting_units]
    assert owing == ["to-cong-tac-doi-moi", "ban-kinh-te-nong-nghiep", "hop-tac-xa-song-may"]
    # cac-ap-ven-song only coordinates (and is collective); thu-vien-xa has duties but no task.


def test_each_unit_stands_on_time_late_not_yet_or_missing(plan) -> None:
    reporting = plan.reporting
    q3 = reporting.round("2026-q3")

    def form(unit_id: str, day: str) -> Submission:
        update = FormUpdate.model_validate(
            {"date": day, "status": "in-progress", "unit": unit_id, "note": {"vi": "Đã làm"}}
            | {"task": plan.tasks_led_by(plan.unit(unit_id))[0].id, "round": "2026-q3"}
        )
        return Submission("2026-q3", plan.unit(unit_id), f"reports/2026-q3/{unit_id}.xlsx", (update,))

    with_forms = dataclasses.replace(
        reporting, submissions=(form("to-cong-tac-doi-moi", "2026-10-05"), form("hop-tac-xa-song-may", "2026-10-06"))
    )
    states = {u.unit.id: u.state for u in with_forms.status(q3).units}
    assert states == {
        "to-cong-tac-doi-moi": "on-time",
        "hop-tac-xa-song-may": "late",
        "ban-kinh-te-nong-nghiep": "missing",
    }
    before_due = dataclasses.replace(with_forms, today=dt.date(2026, 10, 5)).status(q3)
    assert {u.unit.id: u.state for u in before_due.units}["ban-kinh-te-nong-nghiep"] == "not-yet"
    assert not before_due.due_passed and with_forms.status(q3).due_passed


def test_rounds_so_far_end_with_the_current_one_and_a_unit_stands_in_each_newest_first(plan) -> None:
    reporting = plan.reporting
    assert [r.id for r in reporting.rounds_so_far] == ["2026-q2", "2026-q3", "2026-q4"]
    assert [r.id for r in reporting.earlier_rounds] == ["2026-q3", "2026-q2"]
    in_august = dataclasses.replace(reporting, today=dt.date(2026, 8, 1))
    assert [r.id for r in in_august.rounds_so_far] == ["2026-q2", "2026-q3"]  # 2026-q4 has not begun
    standing = reporting.standing_of(plan.unit("hop-tac-xa-song-may"))
    assert [(s.round.id, e.state, s.days_late(e)) for s, e in standing] == [
        ("2026-q4", "not-yet", None),
        ("2026-q3", "late", 7),  # dated 12 October, due 5 October
        ("2026-q2", "missing", None),
    ]
    assert reporting.standing_of(plan.unit("cac-ap-ven-song")) == []  # it owes no form


def test_without_rounds_nobody_stands_anywhere(data_copy: DataCopy) -> None:
    data_copy.without_reporting()
    plan = load_plan(data_copy.root, TODAY)
    assert plan.reporting.rounds_so_far == () and plan.reporting.earlier_rounds == ()
    assert all(plan.reporting.standing_of(u) == [] for u in plan.units)
