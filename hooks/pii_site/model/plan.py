"""The Plan: every data file, validated and cross-linked, loaded once per build.

Built by model/load.py's load_plan in one step and frozen; every page family, feed and export receives
it as an argument. Records hold their validated data as the schema gives it; references are resolved
here once (a task holds its pillar and unit objects, the plan indexes tasks by unit), so templates never
look anything up by id. A task's own fields are properties of PlanTask: a field added to schema.plan.Task
reaches templates once a property names it (or as `task.record.<field>`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from pii_site.model.progress import Rollup, TaskProgress
from pii_site.model.reference import PiiReference
from pii_site.model.reporting import Reporting
from pii_site.source.errors import Problem
from pii_site.source.schema.base import Text
from pii_site.source.schema.plan import Duty, Pillar, PlanFile, SiteFile, Subindex, Task, TaskGroup, Unit
from pii_site.source.schema.published import Logo, NewsPost

_Item = TypeVar("_Item")


@dataclass(frozen=True)
class PlanTask:
    """A task of the appendix: its validated record plus what the record refers to, resolved.

    The record's fields read as properties (id, indicator, text, note); `lead` and `coordinating` are
    the units themselves, not their ids."""

    record: Task
    pillar: Pillar
    group: TaskGroup
    lead: tuple[Unit, ...]
    coordinating: tuple[Unit, ...]
    progress: TaskProgress  # current status, history, due date, indicator (data/status/<id>.yml)

    @property
    def id(self) -> str:
        """The plan's numbering, e.g. III.2."""
        return self.record.id

    @property
    def indicator(self) -> Text:
        return self.record.indicator

    @property
    def text(self) -> Text:
        return self.record.text

    @property
    def note(self) -> Text | None:
        return self.record.note


@dataclass(frozen=True)
class Plan:
    """Everything the site publishes, made once by load_plan (or dataclasses.replace, which makes the
    indexes again). Lists are tuples: no page or export can change what another one sees."""

    data_dir: Path
    site: SiteFile
    document: PlanFile
    subindices: tuple[Subindex, ...]
    pillars: tuple[Pillar, ...]  # by number
    units: tuple[Unit, ...]
    appendix_title: Text
    groups: tuple[TaskGroup, ...]
    tasks: tuple[PlanTask, ...]
    duties: tuple[Duty, ...]
    reference: PiiReference  # national PII facts: sources, glossary, framework, method
    today: dt.date  # for overdue and stale: Settings.today (PII_TODAY), as the loader was given it
    reporting: Reporting  # the coordinator, the rounds and who has reported (data/reporting.yml, data/reports/)
    news: tuple[NewsPost, ...]  # newest first (data/news/)
    logo: Logo | None  # data/site.yml's logo as the site publishes it (checked, written again); None without one
    # What validate.py and add_update.py point out without refusing (a report by a unit the appendix
    # does not name for its task). Never logged by the hooks: strict MkDocs would fail the build.
    warnings: tuple[Problem, ...]
    # Indexes by id, made from the fields above in __post_init__: lookups per unit or pillar stay
    # linear in the plan's size (comparing whole records, as `unit in task.lead` did, grew with
    # units × tasks). Not arguments, so that dataclasses.replace makes them again.
    subindices_by_id: Mapping[str, Subindex] = field(init=False, repr=False, compare=False)
    pillars_by_id: Mapping[str, Pillar] = field(init=False, repr=False, compare=False)
    units_by_id: Mapping[str, Unit] = field(init=False, repr=False, compare=False)
    tasks_by_id: Mapping[str, PlanTask] = field(init=False, repr=False, compare=False)
    tasks_by_pillar: Mapping[str, tuple[PlanTask, ...]] = field(init=False, repr=False, compare=False)
    tasks_by_lead: Mapping[str, tuple[PlanTask, ...]] = field(init=False, repr=False, compare=False)
    tasks_by_coordinator: Mapping[str, tuple[PlanTask, ...]] = field(init=False, repr=False, compare=False)
    duties_by_unit: Mapping[str, tuple[Duty, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        led: defaultdict[str, list[PlanTask]] = defaultdict(list)
        coordinated: defaultdict[str, list[PlanTask]] = defaultdict(list)
        in_pillar: defaultdict[str, list[PlanTask]] = defaultdict(list)
        for task in self.tasks:
            in_pillar[task.pillar.id].append(task)
            for unit in task.lead:
                led[unit.id].append(task)
            for unit in task.coordinating:
                coordinated[unit.id].append(task)
        duties: defaultdict[str, list[Duty]] = defaultdict(list)
        for duty in self.duties:
            duties[duty.unit].append(duty)
        # A frozen dataclass sets its own fields only through object.__setattr__; read-only views, so
        # that no page changes what another one looks up.
        object.__setattr__(self, "subindices_by_id", MappingProxyType({s.id: s for s in self.subindices}))
        object.__setattr__(self, "pillars_by_id", MappingProxyType({p.id: p for p in self.pillars}))
        object.__setattr__(self, "units_by_id", MappingProxyType({u.id: u for u in self.units}))
        object.__setattr__(self, "tasks_by_id", MappingProxyType({t.id: t for t in self.tasks}))
        object.__setattr__(self, "tasks_by_pillar", _frozen_groups(in_pillar))
        object.__setattr__(self, "tasks_by_lead", _frozen_groups(led))
        object.__setattr__(self, "tasks_by_coordinator", _frozen_groups(coordinated))
        object.__setattr__(self, "duties_by_unit", _frozen_groups(duties))

    def pillar(self, pillar_id: str) -> Pillar:
        return self.pillars_by_id[pillar_id]

    def unit(self, unit_id: str) -> Unit:
        return self.units_by_id[unit_id]

    def task(self, task_id: str) -> PlanTask:
        return self.tasks_by_id[task_id]

    def subindex(self, subindex_id: str) -> Subindex:
        return self.subindices_by_id[subindex_id]

    def pillars_in(self, subindex: Subindex) -> list[Pillar]:
        return [p for p in self.pillars if p.subindex == subindex.id]

    def tasks_in(self, pillar: Pillar) -> list[PlanTask]:
        return list(self.tasks_by_pillar.get(pillar.id, ()))

    def tasks_led_by(self, unit: Unit) -> list[PlanTask]:
        return list(self.tasks_by_lead.get(unit.id, ()))

    def tasks_coordinated_by(self, unit: Unit) -> list[PlanTask]:
        return list(self.tasks_by_coordinator.get(unit.id, ()))

    def units_with_tasks(self) -> list[Unit]:
        """Units that lead or coordinate at least one appendix task (not every unit does)."""
        return [u for u in self.units if u.id in self.tasks_by_lead or u.id in self.tasks_by_coordinator]

    def duties_of(self, unit: Unit) -> list[Duty]:
        return list(self.duties_by_unit.get(unit.id, ()))

    def rollup(self, tasks: Sequence[PlanTask] | None = None) -> Rollup[PlanTask]:
        """Progress over `tasks` (default: the whole plan)."""
        return Rollup(self.tasks if tasks is None else tasks)

    def duty_units(self) -> list[Unit]:
        """Units in the order section IV names them."""
        seen: dict[str, Unit] = {}
        for duty in self.duties:
            seen.setdefault(duty.unit, self.unit(duty.unit))
        return list(seen.values())


def _frozen_groups(groups: Mapping[str, list[_Item]]) -> Mapping[str, tuple[_Item, ...]]:
    return MappingProxyType({key: tuple(items) for key, items in groups.items()})
