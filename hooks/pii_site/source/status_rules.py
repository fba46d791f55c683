"""Rules for data/status/*.yml that need other files or the date: the task id in the file name,
reporting units, update dates (not before the plan, not in the future, in order), and what a
"completed" report must carry. Called by load_plan (model/load.py) after every file has its shape; the rules
of one update (update_rule_breaks) apply to the units' forms too (source/report_forms.py); the loader
also asks for `reporting_unit_warnings`, which only warn.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from pii_site.source.errors import Problem, file_problem, message, shown
from pii_site.source.schema.plan import PlanFile, TasksFile
from pii_site.source.schema.status import StatusFile, StatusUpdate
from pii_site.source.validation import problem_at, suggestion, unknown_reference
from pii_site.source.yaml_source import KeyPath, YamlSource

STATUS_FOLDER = "status"


def task_id_of(file_key: str) -> str:
    """'status/III.2.yml' -> 'III.2'."""
    return PurePosixPath(file_key).name.removesuffix(".yml")


def plan_start(document: PlanFile) -> tuple[dt.date, bool]:
    """The earliest date an update may have, and whether the plan gives its exact day.

    The source document may leave the day (or month) blank; then the first day of its month (or
    year) is used, and the message says so."""
    date = document.date
    return dt.date(date.year, date.month or 1, date.day or 1), date.day is not None


def check_status_files(
    sources: dict[str, YamlSource],
    parsed: dict[str, Any],
    task_ids: list[str],
    unit_ids: list[str],
    units_label: str,
    today: dt.date,
) -> list[Problem]:
    problems: list[Problem] = []
    start, exact = plan_start(parsed["plan.yml"])
    for key, status_file in parsed.items():
        if not key.startswith(f"{STATUS_FOLDER}/"):
            continue
        source = sources[key]
        task_id = task_id_of(key)
        if task_id not in task_ids:
            # About the file's name, so no line.
            problems.append(
                file_problem(
                    source.label,
                    None,
                    "status_unknown_task",
                    found=shown(task_id, ascii_only=True),
                    **suggestion(task_id, task_ids),
                )
            )
        assert isinstance(status_file, StatusFile)
        previous: tuple[dt.date, int | None] | None = None
        for i, update in enumerate(status_file.updates or []):
            path = ("updates", i)
            if problem := unknown_reference(source, (*path, "unit"), update.unit, "units", units_label, unit_ids):
                problems.append(problem)
            for broken in update_rule_breaks(update, start, exact, today):
                problems.append(problem_at(source, (*path, *broken.field), broken.key, **broken.values))
            if previous is not None and update.date < previous[0]:
                problems.append(
                    problem_at(
                        source,
                        (*path, "date"),
                        "status_out_of_order",
                        found=update.date.isoformat(),
                        previous=previous[0].isoformat(),
                        previous_line=previous[1],
                    )
                )
            previous = (update.date, source.line_of((*path, "date")))
        problems += _indicator_dates(source, status_file, today)
    return problems


@dataclass(frozen=True)
class RuleBreak:
    """A rule an update breaks: the field within the update (("date",), ("evidence", 0, "date")), the
    messages.yml entry and its values. Each caller places it in its own file: a YAML line, a form's cell."""

    field: KeyPath
    key: str
    values: dict[str, Any]


def update_rule_breaks(update: StatusUpdate, start: dt.date, exact: bool, today: dt.date) -> list[RuleBreak]:
    """The rules every update obeys, whether from a status file or a unit's form: not before the plan
    starts (`exact`: the plan gives its day), not in the future, "completed" with evidence and 100 %,
    evidence complete and not dated ahead of `today`."""
    broken = []
    if update.date < start:
        note_vi, note_en = message("status_start_exact" if exact else "status_start_month")
        values = {"found": update.date.isoformat(), "start": start.isoformat()}
        broken.append(
            RuleBreak(
                ("date",), "status_date_before_plan", {**values, "start_note_vi": note_vi, "start_note_en": note_en}
            )
        )
    if update.date > today:
        broken.append(
            RuleBreak(("date",), "status_date_future", {"found": update.date.isoformat(), "today": today.isoformat()})
        )
    if update.status == "completed" and not update.evidence:
        broken.append(RuleBreak(("status",), "status_completed_no_evidence", {}))
    if update.status == "completed" and update.percent != 100:
        found = update.percent if update.percent is not None else "—"
        broken.append(RuleBreak(("status",), "status_completed_not_100", {"found": found}))
    for e, item in enumerate(update.evidence):
        if item.date is not None and item.date > today:
            values = {"found": item.date.isoformat(), "today": today.isoformat()}
            broken.append(RuleBreak(("evidence", e, "date"), "date_in_future", values))
        document_fields = [item.number, item.date, item.issuer]
        partial_document = any(document_fields) and not all(document_fields)
        if partial_document or not (item.url or item.number):
            broken.append(RuleBreak(("evidence", e), "status_evidence_incomplete", {}))
    return broken


def _indicator_dates(source: YamlSource, status_file: StatusFile, today: dt.date) -> list[Problem]:
    """Baseline and latest values are measured, so their dates cannot be ahead of today. A target's
    date is when it should be reached, and the due date a deadline: both may be in the future."""
    if status_file.indicator is None:
        return []
    problems = []
    for name in ("baseline", "latest"):
        value = getattr(status_file.indicator, name)
        if value is not None and value.date > today:
            problems.append(
                problem_at(
                    source,
                    ("indicator", name, "date"),
                    "date_in_future",
                    found=value.date.isoformat(),
                    today=today.isoformat(),
                )
            )
    return problems


def reporting_unit_warnings(sources: dict[str, YamlSource], parsed: dict[str, Any]) -> list[Problem]:
    """One warning per update whose unit the appendix names neither as a lead nor as a coordinating
    unit of the task. Not a refusal: a unit may report on work it did for a task it is not named
    for (a collective coordinating unit, "all divisions", names no one in particular), but a report
    by the wrong unit is usually a slip (a task copied from another file, a default left unchanged)."""
    tasks: TasksFile = parsed["tasks.yml"]
    named = {task.id: task for group in tasks.groups for task in group.tasks}
    warnings: list[Problem] = []
    for key, status_file in parsed.items():
        if not key.startswith(f"{STATUS_FOLDER}/") or (task := named.get(task_id_of(key))) is None:
            continue
        assert isinstance(status_file, StatusFile)
        for i, update in enumerate(status_file.updates or []):
            if update.unit in task.lead or update.unit in task.coordinating:
                continue
            warnings.append(
                problem_at(
                    sources[key],
                    ("updates", i, "unit"),
                    "status_unit_not_responsible",
                    found=update.unit,
                    task=task.id,
                    file=sources["tasks.yml"].label,
                    lead=", ".join(task.lead) or "—",
                    coordinating=", ".join(task.coordinating) or "—",
                )
            )
    return warnings
