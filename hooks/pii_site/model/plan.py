"""The Plan: every data file, validated and cross-linked, loaded once per build.

Built by loader.load_plan; every page family, feed and export receives it as an argument.
References are resolved here once (a task holds its pillar and unit objects), so templates never
look anything up by id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pii_site.model.progress import Rollup, TaskProgress
from pii_site.source.news import NewsPost
from pii_site.source.pii_reference import PiiReference
from pii_site.source.schema.plan import Duty, Pillar, PlanFile, SiteFile, Subindex, TaskGroup, Text, Unit


@dataclass(frozen=True)
class PlanTask:
    id: str
    indicator: Text
    text: Text
    pillar: Pillar
    group: TaskGroup
    lead: tuple[Unit, ...]
    coordinating: tuple[Unit, ...]
    progress: TaskProgress  # current status, history, due date, indicator (data/status/<id>.yml)


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
    today: dt.date  # for overdue and stale: clock.today() (PII_TODAY), as the loader was given it
    news: list[NewsPost] = field(default_factory=list)  # newest first (data/news/)
    _by_id: dict[str, dict[str, object]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {
            "pillar": {p.id: p for p in self.pillars},
            "unit": {u.id: u for u in self.units},
            "task": {t.id: t for t in self.tasks},
            "subindex": {s.id: s for s in self.subindices},
        }

    def pillar(self, pillar_id: str) -> Pillar:
        return self._by_id["pillar"][pillar_id]  # type: ignore[return-value]

    def unit(self, unit_id: str) -> Unit:
        return self._by_id["unit"][unit_id]  # type: ignore[return-value]

    def task(self, task_id: str) -> PlanTask:
        return self._by_id["task"][task_id]  # type: ignore[return-value]

    def subindex(self, subindex_id: str) -> Subindex:
        return self._by_id["subindex"][subindex_id]  # type: ignore[return-value]

    def pillars_in(self, subindex: Subindex) -> list[Pillar]:
        return [p for p in self.pillars if p.subindex == subindex.id]

    def tasks_in(self, pillar: Pillar) -> list[PlanTask]:
        return [t for t in self.tasks if t.pillar.id == pillar.id]

    def tasks_led_by(self, unit: Unit) -> list[PlanTask]:
        return [t for t in self.tasks if unit in t.lead]

    def tasks_coordinated_by(self, unit: Unit) -> list[PlanTask]:
        return [t for t in self.tasks if unit in t.coordinating]

    def units_with_tasks(self) -> list[Unit]:
        """Units that lead or coordinate at least one appendix task (not every unit does)."""
        return [u for u in self.units if self.tasks_led_by(u) or self.tasks_coordinated_by(u)]

    def duties_of(self, unit: Unit) -> list[Duty]:
        return [d for d in self.duties if d.unit == unit.id]

    def rollup(self, tasks: list[PlanTask] | None = None) -> Rollup:
        """Progress over `tasks` (default: the whole plan)."""
        return Rollup(self.tasks if tasks is None else tasks)

    def duty_units(self) -> list[Unit]:
        """Units in the order section IV names them."""
        seen: dict[str, Unit] = {}
        for duty in self.duties:
            seen.setdefault(duty.unit, self.unit(duty.unit))
        return list(seen.values())
