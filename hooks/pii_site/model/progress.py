"""Derived progress facts: a task's current status, percent, overdue and stale flags, and rollups.

Built by loader._build_plan (one TaskProgress per task, from data/status/<TASK_ID>.yml or from
nothing) and used by the page families, the feed and the exports; templates never compute these.
A task without any update has status NO_UPDATE, and every rollup counts it as such.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from pii_site.source.schema.status import STATUSES as REPORTED_STATUSES
from pii_site.source.schema.status import FormUpdate, StatusUpdate, TaskIndicator

NO_UPDATE = "no-update"
# Every status a task can show, in display order: the ones a unit reports (source/schema/status.py),
# then "no update yet".
STATUSES = (*REPORTED_STATUSES, NO_UPDATE)
# From done to not begun: the order a bar stacked by status, and the words beside it, read in.
PROGRESS_ORDER = ("completed", "continuous", "in-progress", "delayed", "not-started", NO_UPDATE)
# A task not completed whose last update is older than this is listed under "Tasks with no update
# for 90 days" (whatever its last status: not started, in progress, delayed or continuous).
STALE_DAYS = 90


def status_values(t: Callable[[str], str]) -> str:
    """Every status a task can show with its label, "not-started: Chưa triển khai; …", in the
    language of `t`: how the data dictionary and the open-data schema describe a status column."""
    return "; ".join(f"{status}: {t('status.' + status)}" for status in STATUSES)


@dataclass(frozen=True)
class TaskProgress:
    today: dt.date
    # Oldest first: the status file's updates and the units' form rows (FormUpdate), by date.
    updates: tuple[StatusUpdate, ...] = ()
    due: dt.date | None = None
    indicator: TaskIndicator | None = None

    @property
    def latest(self) -> StatusUpdate | None:
        return self.updates[-1] if self.updates else None

    @property
    def status(self) -> str:
        return self.latest.status if self.latest else NO_UPDATE

    @property
    def last_date(self) -> dt.date | None:
        return self.latest.date if self.latest else None

    @property
    def percent(self) -> int | None:
        """The most recent percent reported (an update may leave it out)."""
        return next((u.percent for u in reversed(self.updates) if u.percent is not None), None)

    @property
    def completion(self) -> int | None:
        """The share done that a progress bar shows: 100 for a completed task, else the latest
        percent reported; None when neither is known (then no bar is drawn: nothing is guessed)."""
        return 100 if self.status == "completed" else self.percent

    @property
    def history(self) -> list[StatusUpdate]:
        """Newest first, as the task page shows it."""
        return list(reversed(self.updates))

    @property
    def overdue(self) -> bool:
        # Continuous tasks never finish, so they cannot be late; a due date only binds the others.
        return self.due is not None and self.due < self.today and self.status not in ("completed", "continuous")

    @property
    def days_since_update(self) -> int | None:
        return (self.today - self.last_date).days if self.last_date else None

    @property
    def stale(self) -> bool:
        """Not completed and last reported more than STALE_DAYS ago, whatever the last status was (the
        progress page: "Tasks with no update for 90 days"); tasks never reported are counted apart."""
        days = self.days_since_update
        return days is not None and days > STALE_DAYS and self.status != "completed"


class Progressed(Protocol):
    """What a rollup needs of a task: its progress. The Plan's tasks (model/plan.py's PlanTask) are
    these; named by this protocol so that progress.py needs nothing from plan.py, which needs it."""

    @property
    def progress(self) -> TaskProgress: ...


T = TypeVar("T", bound=Progressed)


@dataclass(frozen=True)
class Rollup(Generic[T]):
    """Counts and means over a set of tasks (the whole plan, a pillar, a unit)."""

    tasks: Sequence[T]
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        counts = dict.fromkeys(STATUSES, 0)
        for task in self.tasks:
            counts[task.progress.status] += 1
        object.__setattr__(self, "counts", counts)

    @property
    def total(self) -> int:
        return len(self.tasks)

    @property
    def reported(self) -> int:
        return self.total - self.counts[NO_UPDATE]

    @property
    def completed(self) -> int:
        return self.counts["completed"]

    @property
    def completed_percent(self) -> int | None:
        """Share of the tasks completed, in whole percent; None for no tasks."""
        return round(100 * self.completed / self.total) if self.total else None

    @property
    def with_percent(self) -> list[T]:
        return [t for t in self.tasks if t.progress.percent is not None]

    @property
    def mean_percent(self) -> float | None:
        """Mean of the latest reported percent over the tasks that reported one; None when none did."""
        values = [percent for t in self.tasks if (percent := t.progress.percent) is not None]
        return sum(values) / len(values) if values else None

    @property
    def stale(self) -> list[T]:
        return _by_date((t for t in self.tasks if t.progress.stale), lambda t: t.progress.last_date)

    @property
    def with_due(self) -> list[T]:
        """The tasks that have a due date: without any, no page speaks of deadlines (the plan sets none)."""
        return [t for t in self.tasks if t.progress.due is not None]

    @property
    def overdue(self) -> list[T]:
        return _by_date((t for t in self.tasks if t.progress.overdue), lambda t: t.progress.due)

    @property
    def last_date(self) -> dt.date | None:
        dates = [t.progress.last_date for t in self.tasks if t.progress.last_date]
        return max(dates) if dates else None


@dataclass(frozen=True)
class UpdateEntry(Generic[T]):
    """One update with its task, for lists across tasks (recent updates, feed, exports)."""

    task: T
    update: StatusUpdate
    index: int  # position in the task's history, 0 = oldest
    file_index: int | None  # position among the updates of the task's status file; None for a form's row

    @property
    def round(self) -> str | None:
        """The reporting round of an update read from a unit's form; None for one from a status file."""
        return self.update.round if isinstance(self.update, FormUpdate) else None

    @property
    def identity(self) -> str:
        """What names the update from build to build, with its task: its position in the task's status
        file ("1"), or a form's round and unit ("2026-q3/phong-kinh-te"), whatever else is reported."""
        if isinstance(self.update, FormUpdate):
            return f"{self.update.round}/{self.update.unit}"
        return str(self.file_index)


def all_updates(tasks: Sequence[T]) -> list[UpdateEntry[T]]:
    """Every update of every task, newest first (ties: plan order, then later in the history first)."""
    entries = []  # (the task's place in the plan, the entry)
    for place, task in enumerate(tasks):
        in_file = 0
        for i, update in enumerate(task.progress.updates):
            from_form = isinstance(update, FormUpdate)
            entries.append((place, UpdateEntry(task, update, i, None if from_form else in_file)))
            in_file += 0 if from_form else 1
    entries.sort(key=lambda e: (-e[1].update.date.toordinal(), e[0], -e[1].index))
    return [entry for _, entry in entries]


def recently_updated(tasks: Sequence[T], limit: int = 10) -> list[T]:
    """Tasks by date of their last update, newest first."""
    return _by_date(tasks, lambda t: t.progress.last_date, newest_first=True)[:limit]


def _by_date(tasks: Iterable[T], date: Callable[[T], dt.date | None], newest_first: bool = False) -> list[T]:
    """The tasks that have the date (a stale task has a last update, an overdue one a due date), by it;
    tasks of the same date keep their order."""
    dated = [(day, task) for task in tasks if (day := date(task)) is not None]
    return [task for _, task in sorted(dated, key=lambda pair: pair[0], reverse=newest_first)]
