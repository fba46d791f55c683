"""The Plan as load_plan makes it (pii_site.model.plan): one object every page, feed and export shares,
so none of them may change it for the others; its indexes are those of the tasks it holds."""

from __future__ import annotations

import dataclasses

import pytest

from pii_site.model.plan import Plan, PlanTask
from pii_site.source.schema.plan import Task


def test_the_loaded_plan_cannot_be_changed(plan: Plan):
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.news = ()  # type: ignore[misc]  # the assignment mypy refuses is the point of the test
    with pytest.raises(TypeError):
        plan.tasks_by_id["I.1"] = plan.tasks[0]  # type: ignore[index]  # likewise


def test_a_changed_copy_of_the_plan_indexes_its_own_tasks(plan: Plan):
    first, second = plan.tasks[0], plan.tasks[1]
    copy = dataclasses.replace(plan, tasks=(first,))
    assert copy.task(first.id) is first and second.id not in copy.tasks_by_id
    assert copy.tasks_led_by(first.lead[0]) == [first]
    assert plan.task(second.id) is second  # the plan it was copied from keeps its own


def test_every_field_of_a_task_reads_on_the_plan_task(plan: Plan):
    """Templates read a task's fields on the PlanTask: a field added to the schema needs a property."""
    task = plan.tasks[0]
    readable = {f.name for f in dataclasses.fields(PlanTask)} | {name for name in dir(PlanTask) if name[0] != "_"}
    for name in Task.model_fields:
        assert name in readable, f"PlanTask has no property for the task field {name!r}"
    assert (task.id, task.indicator, task.text, task.note) == (
        task.record.id,
        task.record.indicator,
        task.record.text,
        task.record.note,
    )
