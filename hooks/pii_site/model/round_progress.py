"""One reporting round seen task by task: the updates that belong to it and where each task stood at its end.

Used by the compiled report (outputs/compiled_report.py); it reads the Plan and Plan.reporting only.
An update belongs to a round when it came in that round's form (a FormUpdate knows its round: a late
form's rows stay in their own round), or, when it came in no form (written in data/status/ or by
scripts/add_update.py), when its date lies in the round's period.
"""

from __future__ import annotations

from dataclasses import dataclass

from pii_site.model.plan import Plan, PlanTask
from pii_site.model.progress import NO_UPDATE
from pii_site.source.schema.reporting import Round
from pii_site.source.schema.status import FormUpdate, StatusUpdate


@dataclass(frozen=True)
class TaskInRound:
    task: PlanTask
    updates: tuple[StatusUpdate, ...]  # the round's own, oldest first
    latest: StatusUpdate | None  # the last update up to the round's end (this round's or earlier)
    percent: int | None  # the last percent reported up to the round's end

    @property
    def status(self) -> str:
        return self.latest.status if self.latest else NO_UPDATE

    @property
    def completion(self) -> int | None:
        """100 for a completed task, else the last percent reported (None: nothing is guessed)."""
        return 100 if self.status == "completed" else self.percent


def tasks_in_round(plan: Plan, round_: Round) -> list[TaskInRound]:
    """Every task of the plan, in the plan's order, as it stood at the end of `round_`."""
    order = {r.id: n for n, r in enumerate(plan.reporting.rounds)}
    this = order[round_.id]
    start, end = round_.period.start, round_.period.end
    result = []
    for task in plan.tasks:
        in_round: list[StatusUpdate] = []
        up_to_end: list[StatusUpdate] = []
        for update in task.progress.updates:
            if isinstance(update, FormUpdate) and update.round in order:
                belongs, before_end = order[update.round] == this, order[update.round] <= this
            else:
                belongs, before_end = start <= update.date <= end, update.date <= end
            if belongs:
                in_round.append(update)
            if before_end:
                up_to_end.append(update)
        # Stable sort: updates of one day keep the order they were written in.
        in_round.sort(key=lambda u: u.date)
        up_to_end.sort(key=lambda u: u.date)
        percent = next((u.percent for u in reversed(up_to_end) if u.percent is not None), None)
        result.append(TaskInRound(task, tuple(in_round), up_to_end[-1] if up_to_end else None, percent))
    return result
