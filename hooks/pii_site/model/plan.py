"""The Plan: every data file, validated and cross-linked, loaded once per build.

Built by model/load.py's load_plan; every page family, feed and export receives it as an argument.
Records hold their validated data as the schema gives it; references are resolved here once (a task
holds its pillar and unit objects, the plan indexes tasks by unit), so templates never look anything
up by id and a new schema field reaches every template without being copied here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pii_site.model.progress import Rollup, TaskProgress
from pii_site.model.reference import PiiReference
from pii_site.model.reporting import Reporting
from pii_site.source.errors import Problem
from pii_site.source.schema.plan import Duty, Pillar, PlanFile, SiteFile, Subindex, Task, TaskGroup, Text, Unit
from pii_site.source.schema.published import Logo, NewsPost


@dataclass(frozen=True)
class PlanTask:
    """A task of the appendix: its validated record plus what the record refers to, resolved.

    Every field of the record (id, indicator, text, and any field added to schema.plan.Task later) reads
    as an attribute of the task; `lead` and `coordinating` are the units themselves, not their ids."""

    record: Task
    pillar: Pillar
    group: TaskGroup
    lead: tuple[Unit, ...]
    coordinating: tuple[Unit, ...]
    progress: TaskProgress  # current status, history, due date, indicator (data/status/<id>.yml)

    def __getattr__(self, name: str) -> Any:
        # Only called for names the task itself lacks; "record" is excluded so that a half-built
        # object (copy, pickle) raises instead of recursing.
        if name == "record":
            raise AttributeError(name)
        return getattr(self.record, name)


@dataclass
class Plan:
    data_dir: Path
    site: SiteFile
    document: PlanFile
    subindices: list[Subindex]
    pillars: list[Pillar]
    units: list[Unit]
    appendix_title: Text
    groups: list[TaskGroup]
    tasks: list[PlanTask]
    duties: list[Duty]
    reference: PiiReference  # national PII facts: sources, glossary, framework, method
    today: dt.date  # for overdue and stale: Settings.today (PII_TODAY), as the loader was given it
    reporting: Reporting  # the coordinator, the rounds and who has reported (data/reporting.yml, data/reports/)
    news: list[NewsPost] = field(default_factory=list)  # newest first (data/news/)
    logo: Logo | None = None  # data/site.yml's logo as the site publishes it (checked, written again)
    # What validate.py and add_update.py point out without refusing (a report by a unit the appendix
    # does not name for its task). Never logged by the hooks: strict MkDocs would fail the build.
    warnings: list[Problem] = field(default_factory=list)
    _by_id: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # Indexes by id, made once: lookups per unit or pillar stay linear in the plan's size
        # (comparing whole records, as `unit in task.lead` did, grew with units × tasks).
        led, coordinated, in_pillar = defaultdict(list), defaultdict(list), defaultdict(list)
        for task in self.tasks:
            in_pillar[task.pillar.id].append(task)
            for unit in task.lead:
                led[unit.id].append(task)
            for unit in task.coordinating:
                coordinated[unit.id].append(task)
        duties = defaultdict(list)
        for duty in self.duties:
            duties[duty.unit].append(duty)
        self._by_id = {
            "pillar": {p.id: p for p in self.pillars},
            "unit": {u.id: u for u in self.units},
            "task": {t.id: t for t in self.tasks},
            "subindex": {s.id: s for s in self.subindices},
            "led": led,
            "coordinated": coordinated,
            "in_pillar": in_pillar,
            "duties": duties,
        }

    def pillar(self, pillar_id: str) -> Pillar:
        return self._by_id["pillar"][pillar_id]

    def unit(self, unit_id: str) -> Unit:
        return self._by_id["unit"][unit_id]

    def task(self, task_id: str) -> PlanTask:
        return self._by_id["task"][task_id]

    def subindex(self, subindex_id: str) -> Subindex:
        return self._by_id["subindex"][subindex_id]

    def pillars_in(self, subindex: Subindex) -> list[Pillar]:
        return [p for p in self.pillars if p.subindex == subindex.id]

    def tasks_in(self, pillar: Pillar) -> list[PlanTask]:
        return list(self._by_id["in_pillar"].get(pillar.id, ()))

    def tasks_led_by(self, unit: Unit) -> list[PlanTask]:
        return list(self._by_id["led"].get(unit.id, ()))

    def tasks_coordinated_by(self, unit: Unit) -> list[PlanTask]:
        return list(self._by_id["coordinated"].get(unit.id, ()))

    def units_with_tasks(self) -> list[Unit]:
        """Units that lead or coordinate at least one appendix task (not every unit does)."""
        return [u for u in self.units if self.tasks_led_by(u) or self.tasks_coordinated_by(u)]

    def duties_of(self, unit: Unit) -> list[Duty]:
        return list(self._by_id["duties"].get(unit.id, ()))

    def rollup(self, tasks: list[PlanTask] | None = None) -> Rollup:
        """Progress over `tasks` (default: the whole plan)."""
        return Rollup(self.tasks if tasks is None else tasks)

    def duty_units(self) -> list[Unit]:
        """Units in the order section IV names them."""
        seen: dict[str, Unit] = {}
        for duty in self.duties:
            seen.setdefault(duty.unit, self.unit(duty.unit))
        return list(seen.values())
